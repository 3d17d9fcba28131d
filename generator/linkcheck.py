"""Reading a built site back: its pages, links and anchors, and the resources they load.

`protokollarkivet linkcheck site/` runs `check_site` after a build (CI, the archive workflow):
every internal link and anchor must resolve, and no page may load anything from another host.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass
class PageLinks:
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    """`<a href>` targets."""
    resources: list[str] = field(default_factory=list)
    """What the browser loads by itself: src, srcset, `<link href>`, `<meta http-equiv=refresh>`."""


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = PageLinks()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if "id" in values:
            self.page.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.page.ids.add(values["name"])
        if tag == "a" and "href" in values:
            self.page.links.append(values["href"])
        if tag == "link" and "href" in values:
            # Only links the browser fetches by itself; canonical and alternate merely name an address.
            rels = set(values.get("rel", "").lower().split())
            if rels & {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch", "apple-touch-icon"}:
                self.page.resources.append(values["href"])
        for attribute in ("src", "data", "poster"):
            if attribute in values:
                self.page.resources.append(values[attribute])
        if "srcset" in values:
            self.page.resources += [part.strip().split(" ")[0] for part in values["srcset"].split(",")]


def read_page(path: Path) -> PageLinks:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector.page


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def url_of(site: Path, page: Path) -> str:
    """Site-relative URL of a built page: `lsg/2021-02-19/`."""
    relative = page.relative_to(site).as_posix()
    return relative.removesuffix("index.html")


def resolve(site: Path, page: Path, href: str) -> tuple[Path | None, str]:
    """The file an internal link points at, and its fragment; None for links to other hosts."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None, ""
    base = page.parent.relative_to(site).as_posix()
    if parts.path.startswith("/"):  # the 404 page links from the site root
        base, parts = "", parts._replace(path=parts.path.lstrip("/") or "./")
    target = posixpath.normpath(posixpath.join(base, unquote(parts.path))) if parts.path else page.relative_to(site).as_posix()
    path = site / target
    if path.is_dir() or parts.path.endswith("/"):
        path = path / "index.html"
    return path, parts.fragment


def is_other_host(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.netloc) or parts.scheme in ("http", "https")


def check_site(site: Path) -> list[str]:
    """Broken internal links and anchors, and resources from other hosts, one line each."""
    pages = {page: read_page(page) for page in html_pages(site)}
    problems = []
    for page, found in pages.items():
        shown = page.relative_to(site).as_posix()
        for href in found.links:
            if href.startswith(("mailto:", "tel:")):
                continue
            target, fragment = resolve(site, page, href)
            if target is None:
                continue
            if not target.exists():
                problems.append(f"{shown}: {href}: no such file")
            elif fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else read_page(target).ids
                if fragment not in ids:
                    problems.append(f"{shown}: {href}: no element with id '{fragment}'")
        problems += [f"{shown}: {url}: loads from another host" for url in found.resources if is_other_host(url)]
    return problems
