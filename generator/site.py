"""The build as one engine-free value: the archive read and checked, what is derived from it, the
pages to make and the files beside them.

`check`, the tests and an engine's adapter drive a `Site` alike. The MkDocs adapter
(`mkdocs_plugin.py`) turns its pages into the engine's and writes its files; another engine would
need only another adapter. Nothing here imports the engine.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import functools
import gzip
import hashlib
import html
import io
import os
import pickle
import re
from dataclasses import dataclass
from functools import cached_property
from collections.abc import Callable
from pathlib import Path

import markupsafe

from . import collector, oparl, urls
from .cache import CACHE_DIR, ParseCache
from .derive import DecisionRef, Facts, derive
from .feeds import feed_files
from .figures import figure_csv
from .history import History, read_history
from .load import (BODIES_FILE, PEOPLE_FILE, REDIRECTS_FILE, TOPICS_FILE, is_editor_litter, load_archive, meetings_read_by,
                   read_archive)
from .messages import _
from .model import Archive, Body, Item, Meeting, Topic, fields_getter
from .memo import MeetingKeys
from .opendata import TableRows, open_data, with_files
from .parallel import Background, room_for_a_copy
from .problems import ContentError, Problem
from .render import Renderer
from .alerts import unknown_segments
from .settings import Settings
from .spool import Spool, Spooled
from .staging import Carried, ChangedWriter
from .versions import Versions, read_versions
from .xref import Linker, ReferenceMemo
from .views import (
    Appearance, BodyView, DataIndexView, Kept, FollowView, HelpView, HomeView, MeetingView, NoticeBoardView, PeopleView,
    PersonView,
    RedirectView, SearchView, StatementView, TopicIndexView, TopicView, View, derive_views, unique_targets,
)


@dataclass(frozen=True)
class SiteConfig:
    """Where the content and theme are, and how to build: what an adapter reads from its engine's
    configuration and passes on."""

    content: Path
    theme: Path
    """The folder whose `protokollarkivet/` holds the page templates."""
    settings: Settings
    manifest: Path | None = None
    """The committed list of published URLs (`published-urls.txt`), or None to keep none."""
    cache: bool = True
    """Keep parsed meeting files in the parse cache (see `cache.py`)."""
    disabled: tuple[str, ...] = ()
    """Rules across meetings to leave out (`checks.RULE_CODES`)."""
    epoch: int | None = None
    """SOURCE_DATE_EPOCH as the user set it, if they did."""

    @property
    def cache_folder(self) -> Path:
        """Where the build cache is, beside `content/` (`cache.py`): parsed meetings, the search
        index's counts and records, the last build's record and the site it replaced."""
        return self.content.resolve().parent / CACHE_DIR


class Site:
    """One build's archive and everything made from it. The preview shows drafts; a build
    publishes the archive without them."""

    def __init__(self, config: SiteConfig, archive: Archive, problems: list[Problem] | None = None,
                 earlier: "Site | None" = None):
        self.config = config
        self.archive = archive
        self.problems = problems or []
        """The content's errors, when a preview shows what it can in spite of them."""
        settings = config.settings
        self.published = archive if settings.preview else archive.published()
        self.facts: Facts = derive(self.published, settings.today, earlier.facts if earlier else None)
        self.kept = earlier.kept if earlier else Kept() if settings.preview else None
        """What the derivation made, for the next one after an edit (`earlier`: the preview's site
        before the edit, whose pages made of unchanged meetings are then not made again); None in a
        build, which has no next one (what people's pages were made of was 50 MB at 10,000
        protocols)."""
        self.read_by: dict[int, str] = {}
        """The parse cache's key each meeting was read by, by the meeting's identity (`Site.load`)."""
        self._carried_data: Callable[[Meeting, str], Carried | None] | None = None
        self._last_made_of: dict[str, str] = {}
        """What each file made of one meeting was made of, by the build this one carries forward."""
        self.oparl_written = oparl.Written()
        self.versions = read_versions(config.content, self.published.meetings, self.history) if settings.history else Versions({})
        views = self.derive_views()
        self.clashes = unique_targets(views, archive.pages, _shown(config.content))
        self.alert_notes = [dataclasses.replace(p, severity="note")
                            for p in unknown_segments(settings.alerts, archive.bodies, archive.topics)]
        """Alert lists that name no body or topic (a key renamed since): said at each build, and
        `notify` reports them as not sent; the build goes on (the archive itself is fine)."""
        """Pages that claim one address: an error, since only one of them could be published."""
        self.views: dict[str, View] = {view.target.src_uri: view for view in views}
        self.linker = Linker(self.facts)
        self.renderer = Renderer(config.theme, settings, self.linker)

    def derive_views(self) -> list[View]:
        """The pages to make (a federation portal makes other ones: `portal.py`)."""
        return derive_views(self.facts, self.config.settings, self.versions.by_meeting, self.kept)

    @classmethod
    def load(cls, config: SiteConfig, cache: ParseCache | None = None, earlier: "Site | None" = None,
             on_archive: Callable[[Archive, MeetingKeys], None] | None = None) -> "Site":
        """The site of valid content; raises ContentError listing every problem otherwise. A
        preview passes the `ParseCache` it keeps, so that unchanged meetings stay the same objects,
        and its site before the edit (`earlier`), whose derivations of them are then reused.
        `on_archive` is given the archive as published as soon as it is read, before anything is
        derived from it, and what each of its meetings is made of (`MeetingKeys`)."""
        if cache is None and config.cache:
            cache = ParseCache(config.cache_folder)
        code = _code_digest(config.theme)
        with collector.lasting():
            archive = load_archive(config.content, cache=cache or False, disabled=config.disabled,
                                   today=config.settings.today)
            read_by = meetings_read_by(cache, archive.meetings) if cache is not None else {}
            if on_archive is not None:
                collector.freeze_read()
                on_archive(archive if config.settings.preview else archive.published(), MeetingKeys(code, read_by))
            site = cls(config, archive, earlier=earlier)
        site.read_by = read_by
        if site.clashes:
            raise ContentError(site.clashes)
        return site

    @classmethod
    def load_previewable(cls, config: SiteConfig, cache: ParseCache | None = None) -> "Site | None":
        """The site of what is valid in content with errors (the preview shows it, and the errors);
        None when nothing can be read at all."""
        with collector.lasting():
            archive, problems = read_archive(config.content, cache=cache or config.cache, disabled=config.disabled,
                                             today=config.settings.today)
            if archive is None:
                return None
            site = cls(config, archive, [p for p in problems if p.severity == "error"])
        site.problems += site.clashes
        return site

    # -- what is told ----------------------------------------------------------------------

    @cached_property
    def infos(self) -> list[Problem]:
        """What a build tells without stopping: the content's notes and the references that stay text."""
        return [*self.archive.notes, *self.unresolved_references()]

    def unresolved_references(self) -> list[Problem]:
        """The references that stay text; with the cache, those of a meeting whose key the last
        scan knows are not scanned again (`xref.ReferenceMemo`)."""
        if not self.config.cache or not self.read_by:
            return self.linker.unresolved_references()
        memo = ReferenceMemo.read(self.config.cache_folder)
        found = self.linker.unresolved_references(self.reference_keys(), memo)
        memo.write(self.config.cache_folder)
        return found

    def reference_keys(self) -> dict[int, str]:
        """Each meeting's key for `ReferenceMemo`, by its identity: the code, the key it was read
        by, and that of the body's previous meeting ("föregående protokoll" resolves to it when it
        announced this one). A meeting not read through the cache has none."""
        keys = {}
        for meeting in self.linker.archive.meetings:
            before = self.facts.neighbours(meeting)[0]
            read, read_before = self.read_by.get(id(meeting)), self.read_by.get(id(before)) if before else "-"
            if read and read_before:
                keys[id(meeting)] = hashlib.blake2b(f"{self.code_digest} {read} {read_before}".encode(), digest_size=16).hexdigest()
        return keys

    @cached_property
    def code_digest(self) -> str:
        return _code_digest(self.config.theme)

    @property
    def drafts(self) -> set[str]:
        """Addresses of meetings a build does not publish (nor their attachments)."""
        if self.config.settings.preview:
            return set()
        return {f"{m.key}/" for m in self.archive.meetings if m.status == "utkast"}

    # -- pages -------------------------------------------------------------------------------

    def render(self, view: View) -> str:
        """A page's content (the engine puts its layout around it); RenderError on a theme defect."""
        if isinstance(view, DataIndexView):
            view = with_files(view, self.facts, self.open_data)
        return self.renderer.render(view)

    @staticmethod
    def contents(view: View, html_text: str) -> list[tuple[str, str]]:
        """The page's table of contents as (anchor, plain title): a meeting's items, or the
        sections of other pages."""
        if isinstance(view, MeetingView) and view.ref is not None:
            return [(item.anchor, item.label if not item.number else f"§ {item.number} {item.title}")
                    for item in view.ref.meeting.items]
        entries = [(anchor, re.sub(r"<[^>]+>", "", title).strip()) for anchor, title in _SECTION.findall(html_text)]
        return [(anchor, markupsafe.Markup(title).unescape()) for anchor, title in entries]

    @staticmethod
    def in_navigation(view: View) -> bool:
        return isinstance(view, NAVIGATION_VIEWS)

    @staticmethod
    def page_meta(view: View) -> dict[str, object]:
        """What a page tells the layout besides its content: its title, a feed, a redirect, what
        the layout leaves out."""
        meta: dict[str, object] = {"title": view.title}
        if isinstance(view, NoticeBoardView):
            meta["feed"] = urls.notice_feed()
        elif isinstance(view, (HomeView, BodyView, TopicView)):
            meta["feed"] = urls.feed(view.target.url)
        elif isinstance(view, RedirectView):
            meta["redirect"] = view.to
        elif isinstance(view, SearchView):
            meta["hide"] = ["toc"]  # (it has no sections: its column goes to the results and their filters)
        return meta

    def navigation(self) -> list[tuple[str, str | list]]:
        """(title, page source) entries, or (title, entries) for a section: bodies and topics,
        never meetings (an engine renders the whole navigation into every page)."""
        settings, archive = self.config.settings, self.archive
        bodies = self.facts.bodies
        entries: list[tuple[str, str | list]] = [
            ("Start", urls.home().src_uri),
            ("Organ", [(body.name, urls.body(body.key).src_uri) for body in bodies]),
            ("Ämnen", urls.topics().src_uri),
            ("Sök", urls.search().src_uri),
            ("Anslagstavla", urls.notice_board().src_uri),
            *([("Personer", urls.people().src_uri)] if settings.people else []),
            ("Följ arkivet", urls.follow().src_uri),
            ("Hjälp", [("Så läser du protokollen", urls.help_page().src_uri), ("Så överklagar du", urls.appeal_help().src_uri)]),
            ("Tillgänglighet", urls.accessibility().src_uri),
        ]
        return entries + [("", urls.page(page).src_uri) for page in archive.pages]

    # -- what a page depends on, for carrying unchanged pages forward ---------------------

    def page_digests(self) -> dict[str, str]:
        """Each page's view as a digest, by the page's address: a page whose view and frame (below) are as they were
        renders as it did. The data page lists the data files, which are made after the views:
        it has none and is always rendered."""
        records: dict[int, str] = {}
        appearances: dict[str, str] = {}
        for meeting in self.published.meetings:
            key = self.read_by.get(id(meeting))
            if key:  # (a meeting is made of the key it was read by, its file's bytes among it: no need to pickle it)
                records[id(meeting)] = f"read by {key}"
                records.update((id(item), f"read by {key}, item {number}") for number, item in enumerate(meeting.items))
                appearances[self.facts.ref(meeting).url] = f"read by {key}, an appearance"
        return {view.target.url: _view_digest(view, records, appearances)
                for view in self.views.values() if not isinstance(view, DataIndexView)}

    def frame_digest(self, engine: bytes) -> str:
        """A digest of what every page may depend on besides its own view: the code and the page
        templates, the engine's configuration (`engine`), the settings, and what references,
        names and assignments resolve against across the archive. When it changes, every page is
        rendered again."""
        digest = hashlib.sha256(self.code_digest.encode())
        archive, linker = self.published, self.linker
        across = (self.config.settings, archive.pages, archive.redirects, archive.removed, archive.people,
                  linker.targets_digest, [b.name for b in self.facts.bodies], [t.name for t in self.facts.topics],
                  sorted((url, anchor, state.label, state.closed_by.url if state.closed_by else "")
                         for (url, anchor), state in self.facts.assignment_states.items()))
        for part in (engine, pickle.dumps(across, protocol=5)):
            digest.update(len(part).to_bytes(8, "little"))
            digest.update(part)
        return digest.hexdigest()

    # -- permanent addresses ---------------------------------------------------------------

    def published_urls(self) -> set[str]:
        """Every address this build publishes that a link may point at: pages, attachments and
        the open-data endpoint's entry points."""
        meetings = self.published.meetings
        return ({view.target.url for view in self.views.values()} | set(oparl.published_urls(self.config.settings)) |
                {a.file for m in meetings for i in m.items for a in i.attachments if a.file} |
                {m.original.file for m in meetings if m.original and m.original.file})

    def vanished_urls(self) -> list[str]:
        """Addresses in the manifest this build would not publish (a redirect or a `removed`
        entry keeps an address published)."""
        if self.config.manifest is None or not self.config.manifest.exists():
            return []
        return sorted(set(read_manifest(self.config.manifest)) - self.published_urls())

    def record_urls(self) -> int:
        """Adds this build's addresses to the manifest; how many were new."""
        assert self.config.manifest is not None
        manifest = self.config.manifest
        known = set(read_manifest(manifest)) if manifest.exists() else set()
        current = self.published_urls()
        manifest.write_text("".join(f"/{url}\n" for url in sorted(known | current)), encoding="utf-8")
        return len(current - known)

    # -- the files beside the pages --------------------------------------------------------

    @cached_property
    def moment(self) -> int:
        """The build's moment, for what dates itself (the sitemap, open data without a history):
        SOURCE_DATE_EPOCH when set, else the newest meeting's day, so that two builds of the same
        content are byte-identical; the day of the build for an archive without meetings."""
        if self.config.epoch is not None:
            return self.config.epoch
        if not self.archive.meetings:
            return calendar.timegm(dt.date.today().timetuple())
        newest = max(m.end_date or m.date for m in self.archive.meetings)
        return calendar.timegm(newest.timetuple())

    @cached_property
    def history(self) -> History:
        """What git knows of the content, read once: OParl's dates and the meetings' versions."""
        return read_history(self.config.content, self.moment)

    @cached_property
    def open_data(self) -> dict[str, bytes | Carried | Spooled]:
        """The open-data files, made once: the data page lists them, and they are written (they
        wait in a spool between the two). With the cache, each meeting's rows of the tables are
        kept there for the next build (`opendata.TableRows`)."""
        folder = self.config.cache_folder if self.config.cache and self.read_by else None
        keys = MeetingKeys(self.code_digest, self.read_by, (self.config.settings.site_url,))
        rows = TableRows(folder, keys) if folder else None
        spool = Spool()
        try:
            files = open_data(self.facts, self.config.settings.site_url, self._carried_data, spool, rows)
            spool.flush()
            if rows is not None:
                rows.keep()
        finally:
            if rows is not None:
                rows.close()
        return files

    def carry_data_forward(self, made_of: dict[str, str], digests: dict[str, bytes], folder: Path) -> None:
        """An incremental build, on a site whose every page's frame is as it was (the code, the
        settings): a meeting's data file made of the very key this build read the meeting by, and
        in `folder` as the last build wrote it (`digests`), is not made again (`staging.Carried`);
        nor are a meeting's OParl objects made of what they were made of (`oparl.MadeOf`)."""
        self._last_made_of = made_of
        def carried(meeting: Meeting, path: str) -> Carried | None:
            key, digest = self.read_by.get(id(meeting)), digests.get(path)
            if not key or not digest or made_of.get(path) != key:
                return None
            try:
                return Carried(os.stat(folder / path).st_size, digest)
            except OSError:
                return None
        self._carried_data = carried

    def data_made_of(self) -> dict[str, str]:
        """Each file made of one meeting: what it is made of, for the next build (a meeting's data
        file: the key it was read by; its OParl objects: `oparl.MadeOf`)."""
        return {urls.data_meeting(meeting): self.read_by[id(meeting)] for meeting in self.published.meetings
                if id(meeting) in self.read_by} | self.oparl_written.made_of

    def write_data_files(self, out: oparl.Files) -> None:
        """Feeds, calendars, open data, the OParl endpoint and the charts' numbers, by site-relative
        path, into `out` as they are made (a `staging.ChangedWriter` writes them)."""
        board = next(v for v in self.views.values() if isinstance(v, NoticeBoardView))
        for path, data in (feed_files(self.facts, board, self.config.settings.site_url) | self.open_data | self.figure_files()).items():
            out[path] = data.read() if isinstance(data, Spooled) else data
        # (let go once written, and its spool's file with it; should the data page be rendered
        # again, the files are made again)
        self.__dict__.pop("open_data", None)
        made_of = oparl.MadeOf(lambda meeting: self.read_by.get(id(meeting)), self._last_made_of)
        self.oparl_written = oparl.write_oparl_files(self.facts, self.config.settings, self.history, out, made_of)

    def writing_data_files(self, out: ChangedWriter, fork: bool) -> "DataFilesJob":
        """`write_data_files` into `out`, with `fork` in a process of its own while this one goes on
        (renders the pages), where the system has the memory for it. At 10,000 protocols the data
        files were the last 20 s of a full build, on one of two cores: the search index's process
        had ended by then."""
        # (made before the fork, which inherits them: the data page lists their sizes, and the
        # spool they wait in is flushed)
        self.open_data
        if not (fork and room_for_a_copy()):
            self.write_data_files(out)
            out.keep()
            return DataFilesJob(self, out, None)

        def write() -> oparl.Written:  # (the files' digests are kept by this process, not sent back)
            self.write_data_files(out)
            out.keep()
            return self.oparl_written
        return DataFilesJob(self, out, Background(write))

    def figure_files(self) -> dict[str, bytes]:
        """Each chart's numbers as a CSV file beside its page."""
        return {figure.csv: figure_csv(figure) for view in self.views.values() for figure in getattr(view, "figures", ())}

    def sitemap(self) -> tuple[bytes, bytes]:
        """sitemap.xml and its gzip: every page but the redirects, which search engines should not
        list, dated with the build's moment."""
        day = dt.datetime.fromtimestamp(self.moment, dt.timezone.utc).strftime("%Y-%m-%d")
        site_url = self.config.settings.site_url
        entries = "".join(f"\n    <url>\n         <loc>{html.escape(site_url + url)}</loc>\n         <lastmod>{day}</lastmod>\n    </url>"
                          for url in sorted(v.target.url for v in self.views.values() if not isinstance(v, RedirectView)))
        xml = f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}\n</urlset>'
        return xml.encode("utf-8"), gzip.compress(xml.encode("utf-8"), mtime=self.moment)


@dataclass
class DataFilesJob:
    """The data files being written (`Site.writing_data_files`)."""

    site: Site
    out: ChangedWriter
    job: Background | None

    def wait(self) -> None:
        """Until they are written, and their digests kept (`ChangedWriter.keep`); then the site has
        the OParl endpoint's `Written`, as if written in this process. Raises `BackgroundError`
        where they could not be."""
        if self.job is not None:
            job, self.job = self.job, None
            self.site.oparl_written = job.wait()
            self.site.__dict__.pop("open_data", None)  # (as `write_data_files` lets them go)

    def cancel(self) -> None:
        """Stop writing them (the build failed: its staging folder is removed)."""
        if self.job is not None:
            self.job.cancel()
            self.job = None


class _ViewPickler(pickle.Pickler):
    """Pickles a view with each meeting, item, body and topic it refers to replaced by that record's own
    digest, made once a build: a body's, a topic's or a person's page refers to many meetings, and
    every meeting's page to every body and topic; pickling them whole for every page that refers
    to them made the digests the largest part of a build (70 s of a 1,000-protocol build took 25 s
    for them). A page's digest still changes with anything in a record it refers to."""

    def __init__(self, file: io.BytesIO, digests: dict[int, str], appearances: dict[str, str]):
        super().__init__(file, protocol=5)
        self.digests, self.appearances = digests, appearances

    def reducer_override(self, obj: object):
        # (not `persistent_id`, which pickle asks about every object, strings and numbers too:
        # this is asked about objects of classes only, a tenth as many calls)
        kind = type(obj)
        if kind is PersonView:
            # (its appearances each as what it is made of, in one pass: a call of this method for
            # each of the 360,000 appearances of 10,000 protocols was the largest part of the digests)
            values = list(_field_values(kind)(obj))
            values[_APPEARANCES] = [self.appearances.get(a.meeting.url, a) for a in obj.appearances]
            return _fields_of, (kind, tuple(values))
        if kind is MeetingView:
            # (every meeting's page holds the archive's bodies and topics, the same two tables: each
            # as one digest, made once; their 32 records' digests were 2.6 kB of each page's 3.5 at
            # 10,000 protocols, and the meeting pages' digests took twice the time)
            values = list(_field_values(kind)(obj))
            for at in _REGISTRIES:
                values[at] = self._table_digest(values[at])
            return _fields_of, (kind, tuple(values))
        if kind is Appearance:
            # (made of its meeting and its person, whose page it is on: the 360,000 appearances of
            # 10,000 protocols, pickled whole, were most of the digests' time)
            made_of = self.appearances.get(obj.meeting.url)
            if made_of is not None:
                return _record_digest, (made_of,)
        if kind is DecisionRef:  # (a body's page lists thousands: made of its item, in the meeting read by a key)
            read_by = self.digests.get(id(obj.item), "")
            at = next((number for number, part in enumerate(obj.item.parts) if part is obj.decision), None)
            if read_by.startswith("read by ") and at is not None:
                return _record_digest, (f"{read_by}, part {at}",)
        if kind in _SHARED_RECORDS:
            if id(obj) not in self.digests:  # (the archive holds them for the whole build: ids stay theirs)
                self.digests[id(obj)] = hashlib.sha256(pickle.dumps(obj, protocol=5)).hexdigest()
            return _record_digest, (self.digests[id(obj)],)
        values = _field_values(kind)
        if values is None:
            return NotImplemented
        # (a dataclass as its type and its fields' values: dataclasses' own state of a slotted
        # class looks its fields up again for every object, half the digests' time)
        return _fields_of, (kind, values(obj))

    def _table_digest(self, table: dict) -> str:
        """A table many views share, as the digest of its pickle (made once: the views, and so the
        table, live through the digests, and its id stays its own)."""
        digest = self.digests.get(id(table))
        if digest is None:
            digest = self.digests[id(table)] = _view_digest(table, self.digests, self.appearances)
        return digest


_APPEARANCES = [f.name for f in dataclasses.fields(PersonView)].index("appearances")
_REGISTRIES = [at for at, f in enumerate(dataclasses.fields(MeetingView)) if f.name in ("topics", "bodies")]
_SHARED_RECORDS = {Meeting, Item, Body, Topic}
"""The archive's records that many pages refer to."""


def _record_digest(digest: str) -> str:
    """What a shared record in a view's digest stands for (never unpickled)."""
    return digest


def _fields_of(kind: type, values: tuple) -> tuple:
    """What a dataclass in a view's digest stands for (never unpickled)."""
    return values


@functools.cache
def _field_values(kind: type) -> Callable[[object], tuple] | None:
    """A dataclass's fields' values of an object, as a tuple (in C: a third of the digests' time
    went to reading fields in Python)."""
    return fields_getter(tuple(f.name for f in dataclasses.fields(kind))) if dataclasses.is_dataclass(kind) else None


def _view_digest(view: object, records: dict[int, str], appearances: dict[str, str]) -> str:
    buffer = io.BytesIO()
    _ViewPickler(buffer, records, appearances).dump(view)
    return hashlib.sha256(buffer.getvalue()).hexdigest()


def _code_digest(theme: Path) -> str:
    """The generator's code and the theme's files, as one digest."""
    digest = hashlib.sha256()
    for root in (Path(__file__).parent, theme):
        for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


NAVIGATION_VIEWS = (HomeView, BodyView, TopicIndexView, SearchView, StatementView, NoticeBoardView, HelpView, FollowView,
                    PeopleView)
SOURCES = (BODIES_FILE, TOPICS_FILE, PEOPLE_FILE, REDIRECTS_FILE)
_SECTION = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.DOTALL)


def is_source(src_uri: str) -> bool:
    """Files of content/ that are read into the archive rather than published as they are (an
    importer's report beside its draft is for the secretary, not the public)."""
    name = src_uri.rsplit("/", 1)[-1]
    if is_editor_litter(name) or src_uri in SOURCES or name.endswith(".import.txt"):
        return True
    return src_uri.count("/") == 1 and src_uri.endswith(".md")


def _shown(content: Path) -> str:
    """The content folder as problems name it: relative to the project (the folder above it)."""
    return content.resolve().name


def read_manifest(path: Path) -> list[str]:
    """Site-relative URLs, one per line, written with a leading '/'."""
    return [line.strip()[1:] for line in path.read_text(encoding="utf-8").splitlines() if line.strip().startswith("/")]


def vanished_message(missing: list[str]) -> str:
    shown = "\n".join(f"  /{url}" for url in missing)
    return (_("protokollarkivet: {count} published URLs would vanish:").format(count=len(missing)) + f"\n{shown}\n" +
            _("Add a redirect (content/redirects.yml: redirects) or, for a page withdrawn on purpose, a "
              "'removed' entry with the reason; after a deliberate change run "
              "PROTOKOLLARKIVET_UPDATE_URLS=1 mkdocs build to record it."))
