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

import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

import jinja2

from .site import Site
from .staging import write_if_changed
from .views import View

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
    write_if_changed(site_dir / url / "index.html", output.encode("utf-8", errors="xmlcharrefreplace"))


class Pages:
    """The pages of a `Site` in the engine's layout, written outside MkDocs' per-page pipeline:
    a page outside the navigation in its folder's shared layout, any other through the engine's
    templates (the preview's re-rendered pages of the navigation)."""

    def __init__(self, site: Site, config: MkDocsConfig, nav: Navigation, files: Files, env: jinja2.Environment,
                 shared: bool):
        self.site, self.config, self.nav, self.files, self.env, self.shared = site, config, nav, files, env, shared
        self.layouts: dict[tuple[str, bool], Layout] = {}

    def shares_layout(self, view: View) -> bool:
        """Pages outside the navigation whose front matter is only a title: the bulk of the site."""
        return shares_layout(self.site, view, self.shared)

    def write(self, view: View, html_text: str) -> None:
        entries = [Entry(anchor, engine_text(title)) for anchor, title in self.site.contents(view, html_text)]
        key = (view.target.url.rstrip("/").rpartition("/")[0] + "/", bool(entries))
        if self.shares_layout(view) and "<h1" in html_text:  # (else the layout prints the title as a heading)
            if key not in self.layouts:
                self.layouts[key] = layout_in(key[0].lstrip("/"), key[1], self.config, self.nav, self.files, self.env)
            output = self.layouts[key].page(view.target.url, engine_text(view.title), entries, html_text)
        else:
            file = self.files.get_file_from_path(view.target.src_uri)
            page = file.page if file is not None and file.page is not None else self._page(view)
            page.content, page.toc = html_text, table_of_contents(self.site, view, html_text)
            output = render_page(page, self.config, self.nav, self.files, self.env)
        write(Path(self.config.site_dir), view.target.url, output)

    def _page(self, view: View) -> Page:
        page = Page(None, File.generated(self.config, view.target.src_uri, content=front_matter(view)), self.config)
        page.meta = meta(view)
        return page


def engine_digest(config: MkDocsConfig) -> bytes:
    """What the engine's layout of every page depends on: its configuration (the navigation in it)
    and the engine's and theme's versions."""
    from importlib.metadata import version

    return "\n".join([Path(config.config_file_path).read_text(encoding="utf-8"), repr(config.nav),
                      version("mkdocs"), version("mkdocs-material")]).encode("utf-8")


def shares_layout(site: Site, view: View, shared: bool) -> bool:
    return shared and not site.in_navigation(view) and len(meta(view)) == 1


def engine_text(text: str) -> str:
    """Content text where the engine's templates print it as HTML (page titles, navigation, table
    of contents). Material prints titles raw in the navigation but strips tags and unescapes them
    in <title>, so neither raw nor escaped text is safe there: ampersands are escaped and angle
    brackets become ‹ ›, so no tag can form either way. Our own templates escape properly."""
    return text.replace("&", "&amp;").replace("<", "\u2039").replace(">", "\u203a")


def meta(view: View) -> dict[str, object]:
    """A page's front matter for the engine: the site's page facts, the title made safe."""
    facts = Site.page_meta(view)
    return {**facts, "title": engine_text(str(facts["title"]))}


def front_matter(view: View) -> str:
    return f"---\n{yaml.safe_dump(meta(view), allow_unicode=True)}---\n"


def table_of_contents(site: Site, view: View, html_text: str) -> TableOfContents:
    """Titles are made safe: Material prints them as they are."""
    return TableOfContents([AnchorLink(engine_text(title), anchor, 2) for anchor, title in site.contents(view, html_text)])


def navigation(site: Site) -> list:
    """The site's navigation in MkDocs' `nav` form."""
    def entry(title: str, target: str | list):
        if isinstance(target, list):
            return {engine_text(title): [entry(t, s) for t, s in target]}
        return {engine_text(title): target} if title else target

    return [entry(title, target) for title, target in site.navigation()]
