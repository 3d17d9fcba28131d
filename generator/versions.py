"""A meeting's published versions and what changed between them, read back from git.

A protocol can be corrected (a rättelse) or have personal data redacted after it was published.
With the plugin option `history`, each meeting page lists its published versions (a version
whose status is `utkast` was never published) with the day of each and a word diff of what
changed. The diff is of the text as the archive reads it, never of the file: every version is
read through the redaction (`privacy`), and a passage redacted in any version of the file, an
identity number, and the text of an item under secrecy in any version are left out of every
version. Personal data removed from a protocol never reappears in its history.

`history.py` owns git; this module reads what it returns.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from . import privacy
from .history import History, read_blobs
from .items import Context, ParsedBody, parse_body
from .labels import BLOCK_NAMES
from .messages import _
from .model import Attachment, Block, Fields, Meeting, Prose
from .parallel import map_in_workers
from .source import SourceText, split_front_matter

MAX_CHANGED_LINES = 60
"""Lines of one version's diff shown before the rest is summed up (a file reformatted whole)."""
CONTEXT_WORDS = 6
"""Unchanged words kept on each side of a change within a line; the rest is elided."""


@dataclass(frozen=True, slots=True)
class Words:
    kind: str
    """`same`, `removed` or `added`."""
    text: str


@dataclass(frozen=True, slots=True)
class Hunk:
    """The changes under one heading: the meeting's facts or one item."""

    heading: str
    lines: tuple[tuple[Words, ...], ...]


@dataclass(frozen=True, slots=True)
class Version:
    number: int
    stamp: str | None
    """When it was committed (ISO 8601 with the committer's offset); None for changes not yet committed."""
    hunks: tuple[Hunk, ...] = ()
    """What changed since the version before (nothing for the first)."""
    more: int = 0
    """Changed lines left out of `hunks` (beyond MAX_CHANGED_LINES)."""


@dataclass(frozen=True, slots=True)
class VersionHistory:
    versions: tuple[Version, ...]
    """Oldest first."""


@dataclass(frozen=True, slots=True)
class Versions:
    """Each meeting's history by `Meeting.key`, and what to say once when some have none."""

    by_meeting: Mapping[str, VersionHistory]
    note: str | None = None


def read_versions(content_dir: Path, meetings: list[Meeting], history: History) -> Versions:
    """The published versions of every meeting that git knows."""
    if not history.in_git:
        return Versions({}, _("version history: the content is not in a git repository; meeting pages are built without "
                              "'Versioner'"))
    if history.shallow:
        return Versions({}, _("version history: the repository is a shallow clone that lacks the older versions; meeting "
                              "pages are built without 'Versioner' (check out the whole history: fetch-depth: 0)"))
    paths = {m.key: f"{m.key}.md" for m in meetings}
    untracked = sorted(path for path in paths.values() if path not in history.revisions)
    blobs = read_blobs(content_dir, [r.blob for path in paths.values() for r in history.revisions.get(path, ())])
    texts = {}
    for key, path in paths.items():
        if path not in history.revisions:
            continue
        texts[key] = [(r.stamp, _decoded(blobs.get(r.blob))) for r in history.revisions[path]]
        if path in history.changed and (content_dir / path).is_file():
            texts[key].append((None, _decoded((content_dir / path).read_bytes())))
    several = [key for key, found in texts.items() if len(found) > 1]  # (read and compared on every core)
    found = dict(zip(several, map_in_workers(version_history, [texts[key] for key in several])))
    found |= {key: version_history(texts[key]) for key in texts if key not in found}
    note = None
    if untracked:
        note = _("version history: {count} meeting files are not committed ({files}); their pages are built without "
                 "'Versioner'").format(count=len(untracked), files=", ".join(untracked[:3]) + (", …" if len(untracked) > 3 else ""))
    return Versions(found, note)


def version_history(texts: list[tuple[str | None, str | None]]) -> VersionHistory:
    """(stamp, file text) oldest first -> the published versions, each with its changes. Versions
    whose text reads the same as the one before (a change to markup alone) are one version."""
    found = [(stamp, text) for stamp, text in texts if text is not None]
    passages = {p for _stamp, text in found for p in privacy.redacted_passages(text)}
    read = [(stamp, _Version.read(privacy.redact_everywhere(text, passages))) for stamp, text in found]
    published = [(stamp, version) for stamp, version in read if version.status not in ("utkast", None)]
    if len(published) < 2:
        return VersionHistory(tuple(Version(1, stamp) for stamp, _version in published))
    secret = {anchor for _stamp, version in published for anchor in version.secret}
    versions: list[Version] = []
    before: list[tuple[str, bool]] | None = None
    for stamp, version in published:
        lines = version.readable(secret)
        if before is not None and [line for line, _ in lines] == [line for line, _ in before]:
            continue
        if before is None:
            versions.append(Version(1, stamp))
        else:
            hunks, more = diff(before, lines)
            versions.append(Version(len(versions) + 1, stamp, hunks, more))
        before = lines
    return VersionHistory(tuple(versions))


# -- the text as read ------------------------------------------------------------------------

FACT_LABELS = {
    "status": "Status", "date": "Datum", "end_date": "Sista dag", "time": "Tid", "place": "Plats", "office": "Tjänsteställe",
    "diarienummer": "Diarienummer", "adjusted_on": "Justerat", "announced_on": "Anslaget",
    "present": "Närvarande", "absent": "Frånvarande", "staff": "Tjänstepersoner", "guests": "Inbjudna",
    "officials": "Funktionärer", "corrections": "Rättelser", "next_meetings": "Nästa möte",
}
"""The front matter's facts a reader sees on the page, in the page's words."""
OFFICIAL_LABELS = {"chair": "ordförande", "vice_chair": "vice ordförande", "secretary": "sekreterare", "adjusters": "justerare"}


class _Version:
    """One version's text as the archive reads it: its facts, and its body parsed when asked for
    (a protocol published once is never parsed here)."""

    def __init__(self, front: dict, body: str):
        self.front, self.body = front, body

    @classmethod
    def read(cls, text: str) -> "_Version":
        return cls(*_split(text))

    @cached_property
    def parsed(self) -> ParsedBody:
        return _parsed(self.body)

    @property
    def status(self) -> str | None:
        status = self.front.get("status")
        return status if isinstance(status, str) else None

    @property
    def secret(self) -> set[str]:
        return {item.anchor for item in self.parsed.items if item.secrecy is not None}

    def readable(self, secret: set[str]) -> list[tuple[str, bool]]:
        """The version as the page reads it, line by line: (line, is a heading). Its facts first,
        then the preamble, the items (those under secrecy in any version by their title alone)
        and the appendix."""
        front, parsed = self.front, self.parsed
        lines: list[tuple[str, bool]] = [("Uppgifter om mötet", True)]
        lines += [(f"{FACT_LABELS[key]}: {_fact(front[key])}", False) for key in FACT_LABELS if front.get(key) not in (None, [], {})]
        for section in parsed.preamble:
            lines += _section(section.title, section.parts)
        for item in parsed.items:
            lines.append((f"{item.label} {item.title}" if item.number else item.title, True))
            if item.anchor in secret:
                lines += [(f"Sekretess: {item.secrecy}", False)] if item.secrecy else []
                continue
            lines += _parts(item.parts)
        for section in parsed.appendix:
            lines += _section(section.title, section.parts)
        return lines


def _section(title: str | None, parts) -> list[tuple[str, bool]]:
    return [(title or "Inledning", True), *_parts(parts)]


def _parts(parts) -> list[tuple[str, bool]]:
    lines: list[tuple[str, bool]] = []
    for part in parts:
        if isinstance(part, Prose):
            lines += [(line, False) for line in part.text.split("\n") if line.strip()]
        elif isinstance(part, Fields):
            lines += [(f"{line.label}: {line.value}", False) for line in part.lines]
        elif isinstance(part, Block):
            label = BLOCK_NAMES.get(part.kind, part.kind)
            by = f" ({', '.join(part.by)})" if part.by else ""
            text = [line for line in part.text.split("\n") if line.strip()] or [""]
            lines.append((f"{label}{by}: {text[0]}".rstrip(), False))
            lines += [(line, False) for line in text[1:]]
    return lines


def _fact(value: object) -> str:
    if isinstance(value, list):
        return "; ".join(_fact(v) for v in value)
    if isinstance(value, dict):
        if "name" in value:
            return str(value["name"]) + (f" ({value['party']})" if value.get("party") else "")
        if set(value) == {"date", "text"}:  # (a correction)
            return f"{value['date']}: {value['text']}"
        if set(value) <= set(OFFICIAL_LABELS):
            return "; ".join(f"{OFFICIAL_LABELS[k]} {_fact(v) if isinstance(v, list) else v}" for k, v in value.items() if v)
        return ", ".join(str(v) for v in value.values() if v not in (None, ""))
    return str(value)


_YAML = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _split(text: str) -> tuple[dict, str]:
    split, _problems = split_front_matter(SourceText("", text))
    if split is None:
        return {}, text
    try:
        front = yaml.load(split.front, Loader=_YAML)
    except yaml.YAMLError:
        front = None
    return (front if isinstance(front, dict) else {}), split.body


def _parsed(body: str) -> ParsedBody:
    """The body as the archive reads it (an item under secrecy keeps its title alone), with no
    registry to resolve against: an old version is read for its text, not checked again."""
    return parse_body(body, Context("", 0, lambda name, line: None, lambda title, file, kind, line: Attachment(title, kind)))


def _decoded(data: bytes | None) -> str | None:
    if data is None:
        return None
    text = data.decode("utf-8", errors="replace").removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n")


# -- the diff ---------------------------------------------------------------------------------

_TOKEN = re.compile(r"\s+|[^\s]+")


def diff(before: list[tuple[str, bool]], after: list[tuple[str, bool]]) -> tuple[tuple[Hunk, ...], int]:
    """The changed lines, word by word, grouped under the heading they stand under."""
    old, new = [line for line, _ in before], [line for line, _ in after]
    hunks: list[tuple[str, list[tuple[Words, ...]]]] = []
    shown = left_out = 0

    def heading_at(index: int, lines: list[tuple[str, bool]]) -> str:
        return next((line for line, is_heading in reversed(lines[:index + 1]) if is_heading), "")

    def add(heading: str, line: tuple[Words, ...]) -> None:
        nonlocal shown, left_out
        if shown >= MAX_CHANGED_LINES:
            left_out += 1
            return
        shown += 1
        if not hunks or hunks[-1][0] != heading:
            hunks.append((heading, []))
        hunks[-1][1].append(line)

    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        heading = heading_at(j1, after) if j1 < len(after) else heading_at(i1, before)
        pairs = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(pairs):
            add(heading_at(j1 + k, after), words(old[i1 + k], new[j1 + k]))
        for line in old[i1 + pairs:i2]:
            add(heading, (Words("removed", line),))
        for k, line in enumerate(new[j1 + pairs:j2]):
            add(heading_at(j1 + pairs + k, after), (Words("added", line),))
    return tuple(Hunk(heading, tuple(lines)) for heading, lines in hunks), left_out


def words(old: str, new: str) -> tuple[Words, ...]:
    """One changed line as runs of unchanged, removed and added words; long unchanged runs are
    shortened to the words next to a change."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    runs: list[Words] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            runs.append(Words("same", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            runs.append(Words("removed", "".join(a[i1:i2])))
        if j2 > j1:
            runs.append(Words("added", "".join(b[j1:j2])))
    return tuple(_elided(run, index, len(runs)) if run.kind == "same" else run for index, run in enumerate(runs))


def _elided(run: Words, index: int, count: int) -> Words:
    tokens = _TOKEN.findall(run.text)
    keep = CONTEXT_WORDS * 2  # (words and the spaces between them)
    if len(tokens) <= keep * 2:
        return run
    head = "".join(tokens[:keep]) if index > 0 else ""
    tail = "".join(tokens[-keep:]) if index < count - 1 else ""
    return Words("same", f"{head}… {tail}" if head else f"… {tail}" if tail else f"{head}…")
