"""Pages in the engine's layout, rendered without its per-page pipeline: the second half of the
MkDocs adapter (`mkdocs_plugin.py` is the first).

An archive's pages are mostly meetings, people and diarienummer: thousands of pages whose
layout (Material's header, navigation, footer, scripts) is the same within a folder, since none
of them is in the navigation (and links between pages are relative). MkDocs renders that layout
again for every page, with the whole navigation in it, which made the layout most of a build's
time. Here the layout is rendered once per folder, through the engine's own templates and plugin events, for a
page whose title, address, table of contents and content are markers; each page is then the
layout with its own values in place of the markers, in one pass, so no value is ever read as a
marker. A test keeps the result byte-identical to MkDocs rendering the same pages itself.
"""

from __future__ import annotations

import gzip
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from mkdocs import utils
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

import jinja2

_TITLE = "pkaShellTitle2b7e"
_CONTENT = "<h1>pkaShellContent2b7e</h1>"
_TOC_ID = "pka-shell-toc-2b7e"
_TOC_TITLE = "pkaShellTocTitle2b7e"
_SECOND_ID, _SECOND_TITLE = "pka-shell-second-2b7e", "pkaShellSecond2b7e"
_PAGE = "pka-shell-2b7e"
_ENTRIES = "pkaShellEntries2b7e"
_TWO_ENTRIES = re.compile(r'(<li class="md-nav__item">\s*<a href="#' + _TOC_ID + r'".*?</li>)(\s*)'
                          r'<li class="md-nav__item">\s*<a href="#' + _SECOND_ID + r'".*?</li>', re.DOTALL)


@dataclass(frozen=True)
class Entry:
    """A line of a page's table of contents, its title as the engine prints it."""

    anchor: str
    title: str


@dataclass(frozen=True)
class Layout:
    """The engine's page around a content, for the pages of one folder outside the navigation."""

    parts: tuple[str, ...]
    """The layout split at its markers: text, marker, text, marker, ..."""
    entry: tuple[str, ...]
    """One table-of-contents entry, split the same way."""
    between: str
    """What the theme prints between two entries."""

    def page(self, url: str, title: str, entries: list[Entry], content: str) -> str:
        values = {_TITLE: title, _PAGE: url.rstrip("/"), _CONTENT: content}
        if entries:
            values |= {_TOC_ID: entries[0].anchor, _ENTRIES: self.between.join(self._entry(e) for e in entries)}
        return "".join(values.get(part, part) for part in self.parts)

    def _entry(self, entry: Entry) -> str:
        values = {_TOC_ID: entry.anchor, _TOC_TITLE: entry.title}
        return "".join(values.get(part, part) for part in self.entry)


class LayoutError(Exception):
    """The theme's templates print a page in a way the layout cannot reproduce."""


_MARKERS = re.compile("(" + "|".join(re.escape(m) for m in (_CONTENT, _TITLE, _TOC_TITLE, _TOC_ID, _PAGE, _ENTRIES)) + ")")


def render_page(page: Page, config: MkDocsConfig, nav: Navigation, files: Files, env: jinja2.Environment) -> str:
    """A page through the engine's template and plugin events, as MkDocs' own build does."""
    config._current_page = page
    page.active = True
    try:
        context = get_context(nav, files, config, page)
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        output = env.get_template(page.meta.get("template", "main.html")).render(context)
        return config.plugins.on_post_page(output, page=page, config=config)
    finally:
        page.active = False
        config._current_page = None


def layout_in(folder: str, contents: bool, config: MkDocsConfig, nav: Navigation, files: Files,
              env: jinja2.Environment) -> Layout:
    """The layout of a page in `folder` (its links to other pages are relative), with or without
    a table of contents, with markers for what differs between pages."""
    page = Page(None, File.generated(config, f"{folder}{_PAGE}.md", content=""), config)
    page.meta = {"title": _TITLE}
    page.content = _CONTENT
    entries = [AnchorLink(_TOC_TITLE, _TOC_ID, 2), AnchorLink(_SECOND_TITLE, _SECOND_ID, 2)]
    page.toc = TableOfContents(entries if contents else [])
    shown = render_page(page, config, nav, files, env)
    if not contents:
        if shown.count(_CONTENT) != 1:
            raise LayoutError("the theme prints the content more than once; set 'shared_layout: false' for the "
                              "protokollarkivet plugin in mkdocs.yml")
        return Layout(tuple(_MARKERS.split(shown.replace(page.url.rstrip("/"), _PAGE))), (), "")
    found = list(_TWO_ENTRIES.finditer(shown))
    if len(found) != 1 or shown.count(_CONTENT) != 1 or _SECOND_ID in shown.replace(found[0][0], ""):
        raise LayoutError("the theme prints the table of contents or the content in a way the shared layout cannot reuse; "
                          "set 'shared_layout: false' for the protokollarkivet plugin in mkdocs.yml")
    entry, between = found[0][1], found[0][2]
    shown = shown.replace(found[0][0], _ENTRIES).replace(page.url.rstrip("/"), _PAGE)  # (its address: the canonical link)
    return Layout(tuple(_MARKERS.split(shown)), tuple(_MARKERS.split(entry)), between)


def write(site_dir: Path, url: str, output: str) -> None:
    target = site_dir / url / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(output.encode("utf-8", errors="xmlcharrefreplace"))


def sitemap(urls: Iterable[str], site_url: str) -> tuple[bytes, bytes]:
    """sitemap.xml and its gzip, in MkDocs' own format, for every page of the site, dated as
    MkDocs dates a build (SOURCE_DATE_EPOCH, else today)."""
    day, timestamp = utils.get_build_date(), utils.get_build_timestamp()
    entries = "".join(f"\n    <url>\n         <loc>{html.escape(site_url + url)}</loc>\n         <lastmod>{day}</lastmod>\n    </url>"
                      for url in urls)
    xml = f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}\n</urlset>'
    return xml.encode("utf-8"), gzip.compress(xml.encode("utf-8"), mtime=timestamp)
