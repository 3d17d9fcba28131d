"""Every URL and anchor the site publishes is made here, and only here.

URLs are permanent: a meeting's URL holds its body's key and its first day (`lsg/2021-02-19/`),
an item's anchor its number (`#p26`), a decision's its item and position (`#p26-b1`). Each
function returns a `Target`: the source path MkDocs files the page under (`src_uri`) and the
site-relative URL (directory URLs, no leading slash) that links point at.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from .model import Block, Item, Meeting

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


def notice_board() -> Target:
    return Target("anslagstavla/index.md", "anslagstavla/")


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


def accessibility() -> Target:
    return Target("tillganglighet/index.md", "tillganglighet/")


def search() -> Target:
    return Target("sok/index.md", "sok/")


SEARCH_INDEX_DIR = "sok/index"
"""Where the split search index is published (see generator/search.py)."""


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


def item(m: Meeting, i: Item) -> str:
    return f"{meeting(m).url}#{i.anchor}"


def block(m: Meeting, b: Block) -> str:
    return f"{meeting(m).url}#{b.anchor}"


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
