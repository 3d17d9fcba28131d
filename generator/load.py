"""Content directory -> validated Archive, or every problem found on the way.

All files are read and checked before anything is built (model first, render later):
`load_archive` either returns a complete Archive or raises ContentError listing all problems.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import mimetypes
import os
import pickle
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from . import checks, dnr, privacy
from .cache import CACHE_DIR, ParseCache, folder_listing
from .items import ITEM_TYPES, Context, parse_body, type_class
from .parallel import map_in_workers
from .model import (
    Archive, Attachment, Attendee, Body, Certification, Diarienummer, FormerName, Meeting, Member, NextMeeting,
    Officials, PersonEntry, Signature, Signing, Source, Synonym, Topic, pack_texts,
)
from .messages import _, language
from .problems import ContentError, Problem, did_you_mean, mismatch
from .schema import AttendeeIn, BodyIn, FrontMatter, PermanenceIn, PersonIn, SynonymIn, TopicIn
from .search.analysis import searchable
from .source import YamlDoc, load_yaml, read_text, split_front_matter
from .people import spelling_key
from .text import swedish_key
from .validate import validate_list, validate_model

BODIES_FILE = "bodies.yml"
REDIRECTS_FILE = "redirects.yml"
TOPICS_FILE = "topics.yml"
PEOPLE_FILE = "people.yml"
SYNONYMS_FILE = "synonyms.yml"
RESERVED_KEYS = frozenset({"amne", "assets", "search", "sok", "dnr", "person", "personer", "om", "stylesheets", "javascripts",
                           "tillganglighet", "flode", "data", "hjalp", "anslagstavla", "folj", "tackning",
                           "atom.xml", "sitemap.xml"})
"""Top-level URL segments the site uses itself; no body may take them as its key."""

_MEETING_FILE = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})(?:-(?P<n>[2-9]|[1-9]\d))?\.md$")


def is_editor_litter(name: str) -> bool:
    """Swap, backup and lock files that editors leave beside the files they edit."""
    return (name.startswith((".", "#", "~$")) or name.endswith(("~", ".swp", ".swo", ".swx", ".bak", ".tmp", ".orig"))
            or name in ("Thumbs.db", "desktop.ini"))


def load_archive(content_dir: Path, cache: bool | ParseCache = False, disabled: Iterable[str] = (),
                 today: dt.date | None = None) -> Archive:
    """The validated archive; its `notes` hold what should be told but does not stop publishing."""
    archive, problems = read_archive(content_dir, cache, disabled, today)
    errors = [p for p in problems if p.severity == "error"]
    if errors or archive is None:
        raise ContentError(errors)
    return dataclasses.replace(archive, notes=[p for p in problems if p.severity != "error"])


def meetings_read_by(cache: ParseCache, meetings: Iterable[Meeting]) -> dict[int, str]:
    """The key of the cache entry each of `meetings` was read from or stored as by the cache's
    last read, by the meeting's identity. A meeting is made of its key alone (its file's bytes,
    the registries, its attachments' folder, the code that reads it), so the key may stand for it."""
    read = {id(entry[0]): key for key, entry in cache.memory.items()
            if isinstance(entry, tuple) and len(entry) == 3 and isinstance(entry[0], Meeting)}
    return {id(meeting): read[id(meeting)] for meeting in meetings if id(meeting) in read}


def read_archive(content_dir: Path, cache: bool | ParseCache = False, disabled: Iterable[str] = (),
                 today: dt.date | None = None) -> tuple[Archive | None, list[Problem]]:
    """Every problem in the content, and the archive. With `cache` (True, or a `ParseCache` to
    keep between reads), meeting files that did not change since the last read are not parsed
    again (see `cache.py`); `disabled` names rules across meetings to leave out (`checks.RULE_CODES`)."""
    root = content_dir.resolve().parent
    parse_cache = cache if isinstance(cache, ParseCache) else ParseCache(root / CACHE_DIR) if cache else None
    reader = _Reader(content_dir.resolve(), root, parse_cache, disabled=tuple(disabled), today=today)
    return reader.read()


def read_registries(content_dir: Path) -> tuple[list[BodyIn], list[TopicIn], list[Problem]]:
    """bodies.yml and topics.yml alone, validated as `check` reads them (the importer's registries)."""
    reader = _Reader(content_dir.resolve(), content_dir.resolve().parent)
    problems: list[Problem] = []
    return reader._registry(BODIES_FILE, BodyIn, problems), reader._registry(TOPICS_FILE, TopicIn, problems), problems


@dataclass(slots=True)
class _Reader:
    content: Path
    root: Path
    cache: ParseCache | None = None
    disabled: tuple[str, ...] = ()
    today: dt.date | None = None
    registries: bytes = b""
    folders: set[str] = field(default_factory=set)
    """Every folder under content/ (`_files` lists them): a meeting's attachments are in one."""

    def shown(self, path: Path) -> str:
        text, root = str(path), str(self.root) + os.sep
        if text.startswith(root):  # (the content's files: relpath's normalising is a tenth of an unchanged read)
            return text[len(root):].replace(os.sep, "/")
        return os.path.relpath(path, self.root).replace(os.sep, "/")

    def _in_content(self, path: Path) -> str:
        """A path under content/ relative to it, with '/' (by its text: pathlib's `relative_to` was
        a tenth of an unchanged read)."""
        text, content = str(path), str(self.content) + os.sep
        return text[len(content):].replace(os.sep, "/") if text.startswith(content) else path.relative_to(self.content).as_posix()

    def read(self) -> tuple[Archive | None, list[Problem]]:
        if not self.content.is_dir():
            return None, [Problem(self.shown(self.content), 1, "content", _("the content directory does not exist"), code="file")]
        problems: list[Problem] = []
        self.registries = b"".join((self.content / name).read_bytes() if (self.content / name).is_file() else b""
                                   for name in (BODIES_FILE, TOPICS_FILE, PEOPLE_FILE))
        body_map, topic_map, people = self._registries(problems)
        pages, meeting_files = [], []
        for path in self._files(problems):
            relative = self._in_content(path)
            depth = relative.count("/")
            if depth == 0:
                if path.name == "index.md":
                    problems.append(Problem(self.shown(path), 1, "file", _("content/index.md is reserved for the generated home page"),
                                            _("give the page another name, e.g. content/om.md"), code="reserved"))
                elif path.suffix == ".md":
                    pages.append(relative)
                continue
            if depth == 1 and path.suffix == ".md":
                meeting_files.append(path)
        meetings, within = [], {}
        for meeting, found, own in self._meetings(meeting_files, body_map, topic_map):
            problems.extend(found)
            if meeting is not None:
                meetings.append(meeting)
                within[meeting.key] = own
        meetings.sort(key=lambda m: (m.date, m.body, m.slug))
        redirects, removed = self._permanence(problems)
        for body in body_map.values():
            for old in body.former_keys:
                redirects.append((f"{old}/", f"{body.key}/"))
                redirects += [(f"{old}/{m.slug}/", f"{body.key}/{m.slug}/") for m in meetings if m.body == body.key]
        synonyms = self._synonyms(problems)
        archive = Archive(body_map, topic_map, meetings, sorted(pages), sorted(redirects), sorted(removed), people=people,
                          synonyms=synonyms)
        problems.extend(checks.check_archive(archive, self.disabled, self.today, within))
        if self.cache:
            self.cache.prune()
            self.cache.forget_unused()
        return archive, problems

    def _registries(self, problems: list[Problem]) -> tuple[dict[str, Body], dict[str, Topic], tuple[PersonEntry, ...]]:
        """The bodies, topics and people. A kept cache (the preview's) that read these very bytes
        before gives the same objects as then: the pages that show them (every meeting's) then
        compare equal at a glance after an edit."""
        key = self.cache.key(b"registries", self.registries, language().encode()) if self.cache else None
        read = self.cache.recall(key) if key else None
        if read is None:
            found: list[Problem] = []
            bodies = {b.key: _body(b) for b in self._registry(BODIES_FILE, BodyIn, found)}
            topics = {t.key: Topic(t.key, t.name, t.description, tuple(t.synonyms)) for t in self._registry(TOPICS_FILE, TopicIn, found)}
            read = (bodies, topics, self._people(found), found)
        if key:
            self.cache.remember(key, read)
        problems.extend(read[3])
        return read[:3]

    def _people(self, problems: list[Problem]) -> tuple[PersonEntry, ...]:
        """The optional person registry; a spelling may name one person only."""
        if not (self.content / PEOPLE_FILE).is_file():
            return ()
        entries = self._registry(PEOPLE_FILE, PersonIn, problems)
        return tuple(PersonEntry(e.key, e.name, tuple(e.aliases)) for e in entries)

    def _synonyms(self, problems: list[Problem]) -> tuple[Synonym, ...]:
        """The optional synonym registry; a word that search cannot find (only small words such as
        'och', or no letters at all) would point at nothing."""
        path = self.content / SYNONYMS_FILE
        if not path.is_file():
            return ()
        shown = self.shown(path)
        source, found = read_text(path, shown)
        problems.extend(found)
        doc, found = load_yaml(source.text, shown, 1) if source is not None else (None, [])
        problems.extend(found)
        if doc is None:
            return ()
        if not isinstance(doc.data, list):
            problems.extend(validate_list(SynonymIn, doc, shown)[1])  # (says what shape is expected)
            return ()
        out = []
        for index in range(len(doc.data)):
            entry, found = validate_model(SynonymIn, doc, shown, (index,))
            problems.extend(found)
            if entry is None:
                continue
            for key, at, text in [("word", (index, "word"), entry.word),
                                  *(("same_as", (index, "same_as", n), text) for n, text in enumerate(entry.same_as))]:
                if not searchable(text):
                    where = f"[{index}].{key}" + (f"[{at[2]}]" if len(at) > 2 else "")
                    problems.append(Problem(shown, doc.line_of(at), where,
                                            _("'{text}' points at nothing: search skips every word of it").format(text=text),
                                            _("write a word or an abbreviation that the minutes use"), code="synonyms"))
            out.append(Synonym(entry.word, tuple(entry.same_as), doc.line_of((index, "word"))))
        return tuple(out)

    def _permanence(self, problems: list[Problem]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        path = self.content / REDIRECTS_FILE
        if not path.is_file():
            return [], []
        shown = self.shown(path)
        source, found = read_text(path, shown)
        problems.extend(found)
        if source is None:
            return [], []
        doc, found = load_yaml(source.text, shown, 1)
        problems.extend(found)
        if doc is None:
            return [], []
        permanence, found = validate_model(PermanenceIn, doc, shown)
        problems.extend(found)
        if permanence is None:
            return [], []
        redirects = [(r.from_, r.to) for r in permanence.redirects]
        targets = dict(redirects)
        for index, (start, _target) in enumerate(redirects):
            seen, current = {start}, start
            while current in targets:
                current = targets[current]
                if current in seen:
                    problems.append(Problem(shown, doc.line_of(("redirects", index)), f"redirects[{index}]",
                                            _("the redirect from '{start}' goes round in a circle").format(start=start),
                                            _("point it at a page"), code="redirect"))
                    break
                seen.add(current)
        return redirects, [(r.url, r.reason) for r in permanence.removed]

    def _files(self, problems: list[Problem]) -> list[Path]:
        """The files under content/, each folder's files (by name) before its folders' (as `os.walk`
        gives them; a linked folder is listed, not walked); the folders in `self.folders`."""
        found: list[Path] = []
        self.folders = set()
        self._walk(str(self.content), found, problems)
        return found

    def _walk(self, folder: str, found: list[Path], problems: list[Problem]) -> None:
        # (`os.scandir`'s entries know a link without a system call: a `Path.is_symlink` per file
        # was a tenth of the preview's read at 10,000 protocols)
        try:
            with os.scandir(folder) as listing:
                entries = sorted((e for e in listing if not is_editor_litter(e.name)), key=lambda e: e.name)
        except OSError:  # (a folder that cannot be read is skipped, as `os.walk` skips it)
            return
        folders = []
        for entry in entries:
            if entry.is_dir():
                folders.append(entry)
                continue
            path = Path(entry.path)
            if entry.is_symlink() and not path.resolve().is_relative_to(self.content):
                problems.append(Problem(self.shown(path), 1, "file", _("the file is a link to a file outside content/"),
                                        _("copy the file into content/ instead of linking to it"), code="file"))
                continue
            found.append(path)
        self.folders.update(entry.path for entry in folders)
        for entry in folders:
            if not entry.is_symlink():
                self._walk(entry.path, found, problems)

    def _registry(self, name: str, model, problems: list[Problem]) -> list:
        path = self.content / name
        shown = self.shown(path)
        if not path.is_file():
            problems.append(Problem(shown, 1, "registry", _("the file is missing"), _("create content/{name}").format(name=name),
                                    code="registry"))
            return []
        source, found = read_text(path, shown)
        problems.extend(found)
        if source is None:
            return []
        cleaned = privacy.clean(source.text, shown)
        problems.extend(cleaned.problems)
        doc, found = load_yaml(cleaned.text, shown, 1)
        problems.extend(found)
        if doc is None:
            return []
        entries, found = validate_list(model, doc, shown)
        problems.extend(found)
        keys: dict[str, int] = {}
        for index, entry in enumerate(doc.data or []):
            key = entry.get("key") if isinstance(entry, dict) else None
            line = doc.line_of((index, "key"))
            if key in keys:
                problems.append(Problem(shown, line, f"[{index}].key", _("the key '{key}' appears twice (first at line {first})").format(
                    key=key, first=keys[key]), _("keys must be unique"), code="registry"))
            elif isinstance(key, str):
                keys[key] = line
            if name == BODIES_FILE and key in RESERVED_KEYS:
                problems.append(Problem(shown, line, f"[{index}].key", _("'{key}' is reserved for the site's own pages").format(key=key),
                                        _("choose another key"), code="reserved"))
        if name == PEOPLE_FILE and not found:
            problems.extend(_shared_spellings(doc, shown))
        return entries

    def _meetings(self, paths: list[Path], bodies: dict[str, Body], topics: dict[str, Topic]) -> list[Parsed]:
        """Each meeting file parsed, in order: from the cache where it holds the file, the rest on
        every core (parsing is pure, CPU-bound work per file; results travel back pickled, the
        same bytes the cache stores)."""
        spoken = language().encode()
        keys = [self._cache_key(path, spoken) for path in paths] if self.cache else [None] * len(paths)
        results: list[Parsed | None] = [self.cache.get(key) if key else None for key in keys]  # type: ignore[misc]
        missing = [index for index, result in enumerate(results) if result is None]
        parse = functools.partial(self.parsed_bytes, bodies=bodies, topics=topics)

        def parsed() -> Iterator[tuple[str, Parsed, bytes]]:
            for index, data in zip(missing, map_in_workers(parse, [paths[i] for i in missing])):
                results[index] = pickle.loads(data)
                if keys[index]:
                    yield keys[index], results[index], data  # type: ignore[misc]
        if self.cache:
            self.cache.store(parsed())
        else:
            for _entry in parsed():
                pass
        return results  # type: ignore[return-value]

    def _cache_key(self, path: Path, spoken: bytes) -> str:
        assert self.cache is not None
        # (the language too: a cached file's problems are stored as the reader read them)
        folder = os.path.splitext(str(path))[0]
        listing = folder_listing(Path(folder)) if folder in self.folders else b""
        return self.cache.file_key(path, self.shown(path).encode(), self.registries, listing, spoken)

    def parsed_bytes(self, path: Path, bodies: dict[str, Body], topics: dict[str, Topic]) -> bytes:
        found: list[Problem] = []
        meeting = self._parse_meeting(path, bodies, topics, found)
        own = checks.check_meeting(meeting) if meeting is not None else ()
        if meeting is not None:
            pack_texts(meeting)  # (here, on every core, and kept so in the parse cache)
        return pickle.dumps((meeting, found, own), protocol=pickle.HIGHEST_PROTOCOL)

    def _parse_meeting(self, path: Path, bodies: dict[str, Body], topics: dict[str, Topic], problems: list[Problem]) -> Meeting | None:
        shown = self.shown(path)
        folder = path.parent.name
        if folder not in bodies:
            hint = did_you_mean(folder, bodies) or _("add the body to content/{file}").format(file=BODIES_FILE)
            problems.append(Problem(shown, 1, "body", _("the folder '{folder}' is no body in content/{file}").format(
                folder=folder, file=BODIES_FILE), hint, code="body"))
            return None
        name = _MEETING_FILE.match(path.name)
        if not name:
            problems.append(mismatch(shown, 1, "file name", path.name, _("YYYY-MM-DD.md (or YYYY-MM-DD-2.md for a second meeting that day)"),
                                     code="file"))
            return None
        source, found = read_text(path, shown)
        problems.extend(found)
        if source is None:
            return None
        cleaned = privacy.clean(source.text, shown)
        problems.extend(cleaned.problems)
        source.text = cleaned.text
        split, found = split_front_matter(source)
        problems.extend(found)
        if split is None:
            return None
        doc, found = load_yaml(split.front, shown, split.front_line)
        problems.extend(found)
        if doc is None:
            return None
        front, found = validate_model(FrontMatter, doc, shown)
        problems.extend(found)
        slug = path.stem
        meeting_dir = path.parent / slug
        local: list[Problem] = []

        def resolve_topic(name: str, line: int) -> str | None:
            key = _topic_key(name, topics)
            if key is None:
                hint = did_you_mean(name, [*topics, *(t.name for t in topics.values())]) or \
                    _("add it to content/{file}").format(file=TOPICS_FILE)
                local.append(Problem(shown, line, "Ämnen", _("unknown topic '{name}'").format(name=name), hint, code="topic"))
            return key

        def resolve_attachment(title: str, file: str | None, kind: str, line: int) -> Attachment:
            return self._attachment(title, file, kind, meeting_dir, shown, line, local)

        item_types = {**ITEM_TYPES, **{name.lower(): type_class(name) for name in bodies[folder].item_types}}
        ctx = Context(shown, split.body_line - 1, resolve_topic, resolve_attachment, item_types)
        # The body is parsed even when the front matter is broken, so one run reports both.
        parsed = parse_body(split.body, ctx)
        problems.extend(local)
        problems.extend(ctx.problems)
        if front is None:
            return None
        if front.body != folder:
            problems.append(mismatch(shown, doc.line_of(("body",)), "body", front.body, _("'{folder}', the folder the file is in").format(
                folder=folder), _("move the file or correct the key"), code="body"))
        if front.date.isoformat() != name["date"]:
            problems.append(mismatch(shown, doc.line_of(("date",)), "date", front.date.isoformat(),
                                     _("{date}, the date in the file name").format(date=name["date"]),
                                     _("rename the file or correct the date"), code="date"))
        meeting_dnr = self._meeting_dnr(front, doc, shown, problems)
        original = None
        if front.original:
            original = self._attachment("Justerat original", front.original, "original", meeting_dir, shown,
                                        doc.line_of(("original",)), problems)
        attachments = tuple(
            self._attachment(a.title, a.file, a.kind, meeting_dir, shown, doc.line_of(("attachments", i)), problems)
            for i, a in enumerate(front.attachments)
        )
        return Meeting(
            path=shown, body=front.body, slug=slug, kind=front.kind, date=front.date, end_date=front.end_date,
            time=front.time, place=front.place, office=front.office, diarienummer=meeting_dnr, status=front.status,
            present=_attendees(front.present, doc, "present"), absent=_attendees(front.absent, doc, "absent"),
            staff=_attendees(front.staff, doc, "staff"), guests=_attendees(front.guests, doc, "guests"),
            officials=Officials(front.officials.chair, front.officials.vice_chair, front.officials.secretary,
                                tuple(front.officials.adjusters)),
            adjusted_on=front.adjusted_on or _last_signature_day(front),
            signatures=tuple(Signature(s.name, s.role, s.title, s.organisation, s.signed_at, s.method, s.reference)
                             for s in front.signatures),
            signing=Signing(front.signing.service, front.signing.completed_at, front.signing.reference) if front.signing else None,
            next_meetings=tuple(NextMeeting(n.date, n.time, n.place, n.body, n.text, n.other_body) for n in front.next_meetings),
            original=original, attachments=attachments,
            preamble=tuple(parsed.preamble), items=tuple(parsed.items), appendix=tuple(parsed.appendix),
            announced_on=front.announced_on, redactions=cleaned.redactions,
            corrections=tuple((c.date, c.text) for c in front.corrections),
            source=Source(front.source.format, front.source.file) if front.source else None, key_lines=_key_lines(doc),
            cancelled_reason=front.cancelled_reason, moved_to=front.moved_to, public=front.public,
            notice_posted_on=front.notice_posted_on,
            certified=Certification(front.certified.name, front.certified.title, front.certified.place, front.certified.date)
            if front.certified else None,
        )

    def _meeting_dnr(self, front: FrontMatter, doc: YamlDoc, shown: str, problems: list[Problem]) -> Diarienummer | None:
        if front.diarienummer is None:
            return None
        line = doc.line_of(("diarienummer",))
        normalised = dnr.normalise(front.diarienummer)
        if normalised is None:
            problems.append(mismatch(shown, line, "diarienummer", front.diarienummer,
                                     _("a diarienummer such as '{example}'").format(example=dnr.EXAMPLE), code="diarienummer"))
            return None
        if normalised != front.diarienummer:
            problems.append(mismatch(shown, line, "diarienummer", front.diarienummer,
                                     _("the normalised form '{form}'").format(form=normalised),
                                     _("keep the printed form in 'diarienummer_printed'"), code="diarienummer"))
        printed = front.diarienummer_printed or front.diarienummer
        if dnr.normalise(printed) != normalised:
            problems.append(mismatch(shown, doc.line_of(("diarienummer_printed",)), "diarienummer_printed", printed,
                                     _("a printed form of '{form}'").format(form=normalised), code="diarienummer"))
        return Diarienummer(printed, normalised)

    def _attachment(self, title: str, file: str | None, kind: str, folder: Path, shown: str, line: int,
                    problems: list[Problem]) -> Attachment:
        if file is None:
            return Attachment(title, kind)
        target = (folder / file).resolve()
        if "://" in file or file.startswith(("/", "data:", "javascript:")) or not target.is_relative_to(folder.resolve()):
            problems.append(mismatch(shown, line, "attachment", file, _("a file name in {folder}/").format(folder=self.shown(folder)),
                                     code="attachment"))
            return Attachment(title, kind)
        if not target.is_file():
            problems.append(Problem(shown, line, "attachment", _("the file {file} does not exist").format(file=self.shown(folder / file)),
                                    _("put the file in {folder}/ or correct the name").format(folder=self.shown(folder)),
                                    code="attachment"))
            return Attachment(title, kind)
        media_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        return Attachment(title, kind, target.relative_to(self.content.resolve()).as_posix(), target.stat().st_size, media_type)


Parsed = tuple["Meeting | None", list[Problem], tuple[Problem, ...]]
"""A meeting file read: the meeting (None when it cannot be read), its problems, and those of the
rules that read the meeting alone (`checks.check_meeting`)."""


def _shared_spellings(doc: YamlDoc, shown: str) -> list[Problem]:
    """In the person registry, a spelling (name or alias) may name one person only."""
    owners: dict[str, int] = {}
    problems = []
    for index, entry in enumerate(doc.data):
        for position, spelling in enumerate([entry["name"], *entry.get("aliases", [])]):
            key = spelling_key(spelling)
            loc = (index, "name") if position == 0 else (index, "aliases", position - 1)
            if key in owners and owners[key] != index:
                problems.append(Problem(shown, doc.line_of(loc), _loc_name(loc),
                                        _("the spelling '{spelling}' also names the person '{key}'").format(
                                            spelling=spelling, key=doc.data[owners[key]]["key"]),
                                        _("a spelling can name one person only"), code="registry"))
            owners.setdefault(key, index)
    return problems


def _loc_name(loc: tuple) -> str:
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc)


def _topic_key(name: str, topics: dict[str, Topic]) -> str | None:
    wanted = swedish_key(name)
    for topic in topics.values():
        if wanted in (swedish_key(topic.key), swedish_key(topic.name), *(swedish_key(s) for s in topic.synonyms)):
            return topic.key
    return None


def _body(entry: BodyIn) -> Body:
    return Body(
        key=entry.key, name=entry.name, short_name=entry.short_name, organisation=entry.organisation,
        description=entry.description,
        former_names=tuple(FormerName(f.name, f.since, f.until) for f in entry.former_names),
        members=tuple(Member(m.name, m.organisation, m.party, m.role, m.title) for m in entry.members),
        local_government_act=entry.local_government_act, appeal_to=entry.appeal_to,
        former_keys=tuple(entry.former_keys), item_types=tuple(entry.item_types), assembly=entry.assembly,
    )


def _attendees(entries: list[AttendeeIn], doc: YamlDoc, key: str) -> tuple[Attendee, ...]:
    return tuple(
        Attendee(
            name=a.name, organisation=a.organisation, party=a.party, role=a.role, title=a.title, group=a.group,
            replaces=a.replaces, days=tuple(a.days or ()), until_item=a.until_item,
            absent_from_items=tuple(a.absent_from_items or ()), note=a.note, line=doc.line_of((key, index)),
        )
        for index, a in enumerate(entries)
    )


_ATTENDEE_LISTS = ("present", "absent", "staff", "guests")


def _key_lines(doc: YamlDoc) -> tuple[tuple[str, int], ...]:
    """Lines of the front matter's keys for meeting-wide rules; attendees carry their own."""
    return tuple((".".join(str(part) for part in loc), line) for loc, line in doc.lines.items()
                 if loc[0] not in _ATTENDEE_LISTS)


def _last_signature_day(front: FrontMatter):
    days = [s.signed_at.date() for s in front.signatures if s.signed_at]
    return max(days) if days else None
