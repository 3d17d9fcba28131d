"""Every URL and anchor the site publishes is made here, and only here.

URLs are permanent: a meeting's URL holds its body's key and its first day (`lsg/2021-02-19/`),
an item's anchor its number (`#p26`), a decision's its item and position (`#p26-b1`). Each
function returns a `Target`: the source path MkDocs files the page under (`src_uri`) and the
site-relative URL (directory URLs, no leading slash) that links point at.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from .model import Assignment, Block, Body, Item, Meeting

TOPICS_DIR = "amne"


@dataclass(frozen=True, slots=True)
class Target:
    src_uri: str
    url: str


def home() -> Target:
    return Target("index.md", "")


def body(key: str) -> Target:
    return Target(f"{key}/index.md", f"{key}/")


def meeting(m: Meeting) -> Target:
    return Target(f"{m.body}/{m.slug}.md", f"{m.body}/{m.slug}/")


def permanent(body: Body, url: str, base: str = "") -> str:
    """`url` (one of the body's addresses, `<body-key>/…`) as a link: at the member archive that
    publishes the body when it is a federation member's (`Body.elsewhere`, the body's page
    there), else `base` + `url`."""
    if body.elsewhere is None:
        return base + url
    return body.elsewhere + url.removeprefix(f"{body.key}/")


def notice_board() -> Target:
    return Target("anslagstavla/index.md", "anslagstavla/")


def notice_anchor(kind: str, meeting) -> str:
    """A notice's permanent anchor on the board: `kungorelse-kf-2025-04-14`,
    `tillkannagivande-bygg-2025-03-27` (one notice of each kind per meeting)."""
    return f"{kind}-{meeting.body}-{meeting.slug}"


def notice_feed() -> str:
    """The notice board's Atom feed, site-relative."""
    return "anslagstavla/atom.xml"


def feed(page_url: str) -> str:
    """The Atom feed beside a page: the site's, a body's or a topic's."""
    return f"{page_url}atom.xml"


def calendar(key: str) -> str:
    """A body's iCalendar file of coming meetings."""
    return f"{key}/moten.ics"


def follow() -> Target:
    return Target("folj/index.md", "folj/")


def alerts() -> Target:
    """Following by e-mail: the alert lists and how to subscribe."""
    return Target("bevaka/index.md", "bevaka/")


DATA_DIR = "data"


def data(path: str) -> str:
    """An open-data file: `index.json`, `<body>.json`, `<body>/<date>.json`, `schema/…`, `*.csv`."""
    return f"{DATA_DIR}/{path}"


def data_index() -> Target:
    """The page that lists the open-data files."""
    return Target(f"{DATA_DIR}/index.md", f"{DATA_DIR}/")


def data_meeting(m: Meeting) -> str:
    return data(f"{m.body}/{m.slug}.json")


def data_body(key: str) -> str:
    return data(f"{key}.json")


OPARL_DIR = "oparl/v1"
"""The OParl 1.1 endpoint (see generator/oparl.py): one static JSON file per object and per list
page, each at its `id`. `v1` is OParl's major version: an incompatible OParl 2 gets its own folder."""


def oparl_system() -> str:
    """The endpoint's entry point, the OParl System object."""
    return f"{OPARL_DIR}/system.json"


def oparl_bodies() -> str:
    return f"{OPARL_DIR}/bodies.json"


def oparl_body() -> str:
    """The archive as the one OParl Body (see docs/opendata.md for why one)."""
    return f"{OPARL_DIR}/body/arkivet.json"


def oparl_list(owner: str, name: str) -> str:
    """An external list of the object at `owner` (`…/body/arkivet.json`): `…/body/arkivet/meetings.json`."""
    return f"{owner.removesuffix('.json')}/{name}.json"


def oparl_page(first: str, number: int) -> str:
    """Page `number` of a list whose first page is `first`: `…/meetings.json`, `…/meetings/2.json`."""
    return first if number == 1 else f"{first.removesuffix('.json')}/{number}.json"


def oparl_organization(key: str) -> str:
    return f"{OPARL_DIR}/organization/{key}.json"


def oparl_meeting(m: Meeting) -> str:
    return oparl_meeting_at(m.body, m.slug)


def oparl_meeting_at(body_key: str, slug: str) -> str:
    return f"{OPARL_DIR}/meeting/{body_key}/{slug}.json"


def oparl_location(m: Meeting) -> str:
    """A meeting's place: one Location per meeting, so that editing the place keeps every URL."""
    return f"{OPARL_DIR}/location/{m.body}/{m.slug}.json"


def oparl_agenda_item(m: Meeting, i: Item) -> str:
    return f"{OPARL_DIR}/agenda-item/{m.body}/{m.slug}/{i.anchor}.json"


def oparl_file(path: str) -> str:
    """The File object of a published file (`file(path)` is the file itself, its accessUrl)."""
    return f"{OPARL_DIR}/file/{path}.json"


def oparl_paper(key: str) -> str:
    """A diarienummer as an OParl Paper; `key` is the number's slug, as on its page."""
    return f"{OPARL_DIR}/paper/{key}.json"


def oparl_consultation(m: Meeting, paper_key: str, i: Item | None = None) -> str:
    """A Paper taken up at a meeting: at an item, or (for the protocol's own diarienummer) the meeting."""
    at = f"{m.slug}/{i.anchor}" if i is not None else m.slug
    return f"{OPARL_DIR}/consultation/{m.body}/{at}/{paper_key}.json"


def oparl_person(key: str) -> str:
    return f"{OPARL_DIR}/person/{key}.json"


def oparl_membership(body_key: str, person_key: str) -> str:
    return f"{OPARL_DIR}/membership/{body_key}/{person_key}.json"


def help_page() -> Target:
    return Target("hjalp/index.md", "hjalp/")


def appeal_help() -> Target:
    return Target("hjalp/overklaga.md", "hjalp/overklaga/")


def diarienummer_page(key: str) -> Target:
    """The page listing everything with one diarienummer; `key` is the number's slug."""
    return Target(f"dnr/{key}.md", f"dnr/{key}/")


def diarienummer(key: str) -> str:
    return diarienummer_page(key).url


def assignments(key: str) -> Target:
    return Target(f"{key}/uppdrag.md", f"{key}/uppdrag/")


def person(key: str) -> Target:
    return Target(f"person/{key}.md", f"person/{key}/")


def people() -> Target:
    return Target("person/index.md", "person/")


def coverage() -> Target:
    """What the archive covers: years, meetings per year, gaps and sources, per body (`#<body-key>`)."""
    return Target("tackning/index.md", "tackning/")


def accessibility() -> Target:
    return Target("tillganglighet/index.md", "tillganglighet/")


def search() -> Target:
    return Target("sok/index.md", "sok/")


SEARCH_INDEX_DIR = "sok/index"
"""Where the split search index is published (see generator/search/files.py)."""


def topics() -> Target:
    return Target(f"{TOPICS_DIR}/index.md", f"{TOPICS_DIR}/")


def topic(key: str) -> Target:
    return Target(f"{TOPICS_DIR}/{key}.md", f"{TOPICS_DIR}/{key}/")


def page(src_uri: str) -> Target:
    """A plain page from content/*.md."""
    stem = src_uri.removesuffix(".md")
    return Target(src_uri, "" if stem == "index" else f"{stem}/")


def page_at(url: str) -> Target:
    """A generated page at a given site-relative URL (a redirect, a withdrawn page)."""
    path = url.strip("/")
    return Target(f"{path}.md" if path else "index.md", f"{path}/" if path else "")


def in_page(page: str, anchor: str) -> str:
    """A place in the page at `page` (a page's URL)."""
    return f"{page}#{anchor}"


def item(m: Meeting, i: Item) -> str:
    return in_page(meeting(m).url, i.anchor)


def block(m: Meeting, b: Block) -> str:
    return in_page(meeting(m).url, b.anchor)


def assignment(m: Meeting, a: Assignment) -> str:
    return in_page(meeting(m).url, a.anchor)


def reported(reference: str) -> str:
    """An assignment as an item's `Återrapport:` names it (`lsg/2023-09-15#p28-b2-u5`), as a URL."""
    page, _, anchor = reference.partition("#")
    return f"{page.strip('/')}/#{anchor}"


def file(path: str) -> str:
    """A published file (attachment, original), by its path in content/."""
    return path


def relative(url: str, base: str) -> str:
    """`url` as a link from the page at `base`; both site-relative."""
    path, _, fragment = url.partition("#")
    base_dir = base if base.endswith("/") or not base else posixpath.dirname(base) + "/"
    if fragment and path == base_dir:
        return f"#{fragment}"
    rel = _relative_path(path, base_dir)
    if path == "" or path.endswith("/"):
        rel = "./" if rel == "." else rel + "/"
    return f"{rel}#{fragment}" if fragment else rel


def _relative_path(path: str, base_dir: str) -> str:
    """posixpath.relpath for our URLs (no `.` or `..` segments), at a fraction of its cost: it
    runs for every link of every page."""
    target, start = path.split("/"), base_dir.split("/")
    target, start = [p for p in target if p], [p for p in start if p]
    common = 0
    while common < len(target) and common < len(start) and target[common] == start[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + target[common:]) or "."
