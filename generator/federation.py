"""A federation portal's members: the registry (`federation.yml`), each member archive's published
open data read into the core model, and the last good copy of each member kept for the builds when
it cannot be read.

A member is read from its published site, never from its sources: `data/index.json` and the meeting
files it leads to (`opendata.py`; an item's `x-text` is what the member's own search indexes). Its
bodies are keyed `<member>-<body>` in the portal, so that two members' `lsg` stay apart, and each
knows its page at the member (`Body.elsewhere`): every link the portal makes goes to the member's
permanent URLs. The portal publishes no meeting page of its own.

What was read is kept under the build cache (`.protokollarkivet-cache/federation/<member>/`) with
the moment it was read. A member that cannot be read (a missing folder, a 404, JSON that is not
the open data) is taken from that copy, and the build says so, naming the member, the reason and
the copy's date; the portal's home page says "last read on …". A member never read and unreadable
is left out with a warning, and the home page says it could not be read: one member's outage, or a
member whose site is not published yet, must not stop the region's portal.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field

from .messages import _
from .model import Archive, Attendee, Block, Body, Diarienummer, Item, Meeting, Officials, Presenter, Prose, Topic
from .problems import Problem
from .schema import KEY_PATTERN, Strict
from .source import load_yaml, read_text
from .validate import validate_list

REGISTRY_FILE = "federation.yml"
CACHE_FOLDER = "federation"
READ_TIMEOUT = 30
"""Seconds a member's host may take for one file."""


class MemberIn(Strict):
    key: str = Field(pattern=KEY_PATTERN, max_length=20, description="Kort, stabil ASCII-nyckel för medlemmen; "
                     "prefix till dess organs nycklar i portalen.")
    name: str = Field(min_length=1, description="Medlemmens namn, t.ex. 'Region Västerbotten'.")
    url: str = Field(pattern=r"^https?://\S+$", description="Medlemsarkivets publicerade adress: "
                     "portalens länkar går dit.")
    path: str | None = Field(None, min_length=1, description="En mapp med medlemmens byggda webbplats att läsa i "
                             "stället för adressen (relativ till federation.yml).")


@dataclass(frozen=True, slots=True)
class Member:
    """A member as the registry names it: where its site is published, and where it is read."""

    key: str
    name: str
    url: str
    """The published site's base URL, ending in `/`."""
    path: Path | None
    line: int


@dataclass(frozen=True, slots=True)
class MemberState:
    """What the portal has of a member after this build's read."""

    member: Member
    read_at: dt.datetime | None
    """When the copy the portal shows was read (UTC); None when it never was."""
    fresh: bool
    """Read in this build; False: the last good copy (or nothing)."""
    reason: str = ""
    """Why this build could not read it."""
    bodies: tuple[str, ...] = ()
    """The portal's keys of its bodies."""


@dataclass(frozen=True)
class Federation:
    archive: Archive
    members: tuple[MemberState, ...]
    warnings: tuple[Problem, ...]


class Unreadable(Exception):
    """A member's published site could not be read; the message says why."""


# -- the registry -------------------------------------------------------------------------


def read_registry(path: Path, shown: str) -> tuple[list[Member], list[Problem]]:
    """The members of `federation.yml`, or the problems that stop the build."""
    if not path.is_file():
        return [], [Problem(shown, 1, "federation", _("the file is missing"), code="registry")]
    source, problems = read_text(path, shown)
    if source is None:
        return [], problems
    doc, found = load_yaml(source.text, shown, 1)
    problems += found
    if doc is None:
        return [], problems
    entries, found = validate_list(MemberIn, doc, shown)
    problems += found
    members, seen = [], set()
    for index, entry in enumerate(entries):
        line = doc.line_of((index, "key"))
        if entry.key in seen:
            problems.append(Problem(shown, line, "key", _("the key {key} is used twice").format(key=entry.key),
                                    _("give each member a key of its own"), code="registry"))
            continue
        seen.add(entry.key)
        local = (path.parent / entry.path) if entry.path else None
        members.append(Member(entry.key, entry.name, entry.url.rstrip("/") + "/", local, line))
    return members, problems


# -- reading a member ---------------------------------------------------------------------


def read_federation(members: list[Member], cache: Path, now: dt.datetime, shown: str = REGISTRY_FILE) -> Federation:
    """Every member read now, or from its last good copy; the bodies, topics and meetings of all
    of them as one archive."""
    states, warnings, bodies, topics, meetings = [], [], {}, {}, []
    for member in members:
        copy = cache / CACHE_FOLDER / member.key
        try:
            files = _fetch(member)
            part = _member_archive(member, files)
            _keep(copy, files, now)
            read_at, fresh, reason = now, True, ""
        except Unreadable as error:
            reason = str(error)
            read_at, part = _last_copy(member, copy)
            fresh = False
            warnings.append(_unreadable(member, reason, read_at, shown))
        own = part.bodies if part else {}
        states.append(MemberState(member, read_at, fresh, reason, tuple(own)))
        if part is not None:
            bodies |= part.bodies
            for key, topic in part.topics.items():
                topics.setdefault(key, topic)  # (a topic key the members share is one topic: the first member's name)
            meetings += part.meetings
    meetings.sort(key=lambda m: (m.date, m.body, m.slug))
    return Federation(Archive(bodies, topics, meetings), tuple(states), tuple(warnings))


def _unreadable(member: Member, reason: str, read_at: dt.datetime | None, shown: str) -> Problem:
    where = str(member.path) if member.path else member.url
    if read_at is None:
        message = _("member {key} could not be read and was never read before: it is left out ({reason})")
    else:
        message = _("member {key} could not be read; its copy of {day} is shown ({reason})")
    return Problem(shown, member.line, member.key,
                   message.format(key=member.key, reason=reason, day=read_at.date().isoformat() if read_at else ""),
                   where, severity="warning", code="member")


def _fetch(member: Member) -> dict[str, bytes]:
    """The member's open data, by path under its site: `data/index.json` and every meeting file."""
    index = _read(member, "data/index.json")
    files = {"data/index.json": index}
    base = _base(_json(index, "data/index.json"))
    try:
        urls = [url for organization in _json(index, "data/index.json")["organization"] for url in organization["meeting"]]
    except (KeyError, TypeError) as error:
        raise Unreadable(_("data/index.json is not the open data this version reads: {error}").format(error=error)) from None
    for url in urls:
        if not isinstance(url, str) or not url.startswith(base + "data/"):
            raise Unreadable(_("data/index.json names a meeting outside the member's data: {url}").format(url=url))
        relative = url.removeprefix(base)
        files[relative] = _read(member, relative)
    return files


def _read(member: Member, relative: str) -> bytes:
    if member.path is not None:
        try:
            return (member.path / relative).read_bytes()
        except OSError as error:
            raise Unreadable(f"{relative}: {error.strerror or error}") from None
    try:
        with urllib.request.urlopen(member.url + relative, timeout=READ_TIMEOUT) as response:
            return response.read()
    except urllib.error.HTTPError as error:
        raise Unreadable(f"{relative}: HTTP {error.code}") from None
    except (urllib.error.URLError, OSError) as error:
        raise Unreadable(f"{relative}: {getattr(error, 'reason', error)}") from None


def _json(data: bytes, relative: str) -> dict:
    try:
        value = json.loads(data)
    except ValueError as error:
        raise Unreadable(_("{path}: not JSON: {error}").format(path=relative, error=error)) from None
    if not isinstance(value, dict):
        raise Unreadable(_("{path}: not the open data this version reads").format(path=relative))
    return value


def _base(index: dict) -> str:
    """The base the member's open data names its files from (its `site_url`, or example.invalid)."""
    ident = index.get("id")
    if not isinstance(ident, str) or not ident.endswith("data/index.json"):
        raise Unreadable(_("data/index.json has no id ending in data/index.json"))
    return ident.removesuffix("data/index.json")


# -- the last good copy -------------------------------------------------------------------

READ_FILE = "read.json"


def _keep(copy: Path, files: dict[str, bytes], now: dt.datetime) -> None:
    """The member's files as the last good copy: written beside, then swapped in, so that a build
    killed midway leaves the previous copy whole."""
    fresh = copy.with_name(copy.name + ".new")
    shutil.rmtree(fresh, ignore_errors=True)
    for relative, data in files.items():
        target = fresh / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    (fresh / READ_FILE).write_text(json.dumps({"read_at": now.isoformat()}), encoding="utf-8")
    old = copy.with_name(copy.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if copy.exists():
        copy.rename(old)
    fresh.rename(copy)
    shutil.rmtree(old, ignore_errors=True)


def _last_copy(member: Member, copy: Path) -> tuple[dt.datetime | None, Archive | None]:
    """The copy a previous build kept, or (None, None)."""
    try:
        read_at = dt.datetime.fromisoformat(json.loads((copy / READ_FILE).read_text(encoding="utf-8"))["read_at"])
        files = {p.relative_to(copy).as_posix(): p.read_bytes() for p in copy.rglob("*.json") if p.name != READ_FILE}
        return read_at, _member_archive(member, files)
    except (OSError, ValueError, KeyError, Unreadable):
        return None, None


# -- open data -> the core model ---------------------------------------------------------


def _member_archive(member: Member, files: dict[str, bytes]) -> Archive:
    """The member's bodies (keyed `<member>-<body>`), topics and meetings; Unreadable when the
    files are not the open data this version writes."""
    index = _json(files["data/index.json"], "data/index.json")
    base = _base(index)
    path = "data/index.json"
    try:
        topics = {t["key"]: Topic(t["key"], t["name"], None, ()) for t in index.get("x-topics", [])}
        bodies, meetings = {}, []
        for organization in index["organization"]:
            own = organization["id"].removeprefix(base + "data/").removesuffix(".json")
            body = Body(key=f"{member.key}-{own}", name=organization["name"], short_name=organization.get("shortName"),
                        organisation=organization["x-organisation"], description=None, former_names=(), members=(),
                        elsewhere=f"{member.url}{own}/")
            bodies[body.key] = body
            for url in organization["meeting"]:
                path = url.removeprefix(base)
                meetings.append(_meeting(body, own, _json(files[path], path), base, topics))
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise Unreadable(_("{path}: not the open data this version reads ({error})").format(
            path=path, error=f"{type(error).__name__}: {error}")) from None
    return Archive(bodies, topics, meetings)


def _meeting(body: Body, own: str, data: dict, base: str, topics: dict[str, Topic]) -> Meeting:
    slug = data["web"].removeprefix(f"{base}{own}/").strip("/")
    day = lambda value: dt.date.fromisoformat(value) if value else None  # noqa: E731
    people = {kind: tuple(Attendee(p["name"], p.get("x-organisation"), role=p.get("x-role"))
                          for p in data.get("participant", []) if p["x-attendance"] == kind)
              for kind in ("present", "absent", "staff", "guest")}
    dnr = data.get("x-diarienummer")
    return Meeting(
        path=data["id"], body=body.key, slug=slug, kind=data.get("x-kind", "protokoll"), date=day(data["start"]),
        end_date=day(data.get("end")), time=None, place=(data.get("location") or {}).get("description"), office=None,
        diarienummer=Diarienummer(dnr, dnr) if dnr else None, status=data["x-status"],
        present=people["present"], absent=people["absent"], staff=people["staff"], guests=people["guest"],
        officials=Officials(), adjusted_on=day(data.get("x-adjusted-on")), signatures=(), signing=None, next_meetings=(),
        original=None, attachments=(), preamble=(), appendix=(), announced_on=day(data.get("x-announced-on")),
        items=tuple(_item(item, topics) for item in data.get("agendaItem", [])),
    )


def _item(data: dict, topics: dict[str, Topic]) -> Item:
    anchor = data["id"].rpartition("#")[2]
    decisions = tuple(_block(d) for d in data.get("x-decisions", []))
    proposals = tuple(_block(d) for d in data.get("x-proposals", []))
    text = data.get("x-text", "")
    return Item(
        number=data.get("number"), title=data["name"], anchor=anchor, type_printed=None, type=data.get("x-type"),
        presenters=tuple(Presenter(name) for name in data.get("x-presenters", [])),
        topics=tuple(key for key in data.get("x-topics", []) if key in topics),
        diarienummer=tuple(Diarienummer(n, n) for n in data.get("x-diarienummer", [])), attachments=(),
        parts=((Prose("", text),) if text else ()) + decisions + proposals, line=0, decisions=decisions,
        adjusted_at_meeting=data.get("x-adjusted-at-meeting") is True,
    )


def _block(data: dict) -> Block:
    return Block(kind=data["kind"], anchor=data["id"].rpartition("#")[2], own_html="", held=data["text"])
