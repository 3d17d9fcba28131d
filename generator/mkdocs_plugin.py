"""The MkDocs adapter: the only module that knows MkDocs.

- `on_config` reads and validates the whole content directory (MkDocs empties `site_dir` only
  after `on_pre_build`, so a broken protocol stops the build before anything is deleted), derives
  the views and sets a navigation of bodies and topics: never every meeting, whose pages are
  listed on their body's page instead (MkDocs renders the whole nav into every page).
- `on_files` swaps the protocol sources for generated pages, one per view.
- `on_page_content` replaces each generated page's content with the rendered view, and
  `on_post_build` writes the search index.
- A build is atomic: `mkdocs build` writes into a staging directory beside `site_dir`, and
  `on_shutdown` swaps it in only when nothing failed (MkDocs raises `--strict`'s abort after
  `on_post_build`, so the swap cannot happen earlier). A failed build leaves `site/` as it was.
"""

from __future__ import annotations

import calendar
import json
import logging
import os
import re
import shutil
import sys
import time
from pathlib import Path

import jinja2
import markupsafe
import yaml
import datetime as dt

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from . import mkdocs_pages as pages, urls
from .load import BODIES_FILE, PEOPLE_FILE, REDIRECTS_FILE, TOPICS_FILE, is_editor_litter, load_archive, read_archive
from .checks import RULE_CODES
from .messages import _, decimal
from .model import Archive
from .people import People
from .problems import ContentError, github_annotations
from .render import THEME_DIR, RenderError, Renderer
from .text import swedish_key
from .parallel import Background, BackgroundError
from .search import write_document_files, write_search_files
from .xref import Linker
from .feeds import coming_meetings, meetings_feed, notice_board_feed
from .opendata import open_data, with_files
from .history import read_history
from . import oparl
from .settings import DEFAULT_ASSESSMENT, Accessibility, Registrar, Settings
from .views import (
    AssignmentsView, BodyView, DataIndexView, FollowView, RedirectView, HelpView, HomeView, MeetingView, NoticeBoardView, PeopleView, SearchView, StatementView,
    TopicIndexView, TopicView, View, derive_views,
)

log = get_plugin_logger("protokollarkivet")


class _AccessibilityOptions(base.Config):
    compliance = c.Choice(("fullt förenlig", "delvis förenlig", "inte förenlig"), default="delvis förenlig")
    known_issues = c.ListOfItems(c.Type(str), default=[])
    contact_email = c.Type(str, default="")
    contact_phone = c.Type(str, default="")
    response_time = c.Type(str, default="")
    assessed_on = c.Type((str, dt.date), default="")
    assessment = c.Type(str, default=DEFAULT_ASSESSMENT)
    updated_on = c.Type((str, dt.date), default="")


class _RegistrarOptions(base.Config):
    name = c.Type(str, default="")
    email = c.Type(str, default="")
    phone = c.Type(str, default="")
    address = c.Type(str, default="")


class PluginOptions(base.Config):
    url_manifest = c.Type(str, default="published-urls.txt")
    """Every URL the archive has published, committed beside mkdocs.yml: a build that would drop
    one fails. Update it after a deliberate change: PROTOKOLLARKIVET_UPDATE_URLS=1 mkdocs build."""
    people = c.Type(bool, default=True)
    """Person pages (and person links). `people: false` turns them off entirely."""
    organisation = c.Type(str, default="")
    """The public body that publishes the archive (named in the accessibility statement)."""
    accessibility = c.SubConfig(_AccessibilityOptions)
    """The tillgänglighetsredogörelse's facts: contact, known shortcomings, assessment."""
    registrar = c.SubConfig(_RegistrarOptions)
    """Where the public asks for documents, named wherever text was redacted."""
    parse_cache = c.Type(bool, default=True)
    """Keep parsed meeting files in `.protokollarkivet-cache/` beside `content/` (see `cache.py`);
    `false` parses every file on every build."""
    disable = c.ListOfItems(c.Type(str), default=[])
    """Rules across meetings to leave out, by code (`checks.RULE_CODES`), as `check --disable` does."""
    shared_layout = c.Type(bool, default=True)
    """Render the layout of meeting, person and diarienummer pages once and reuse it (see
    `mkdocs_pages.py`); `false` has MkDocs render every page itself: slower, the same bytes."""


def settings_from(options: PluginOptions, config: MkDocsConfig, preview: bool, epoch: str | None) -> Settings:
    a, r = options.accessibility, options.registrar
    return Settings(
        registrar=Registrar(r.name, r.email, r.phone, r.address),
        today=dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date() if epoch else dt.date.today(),
        preview=preview,
        people=options.people,
        organisation=options.organisation,
        site_url=(config.site_url or "").rstrip("/") + "/" if config.site_url else "",
        accessibility=Accessibility(
            compliance=a.compliance, known_issues=tuple(a.known_issues), contact_email=a.contact_email,
            contact_phone=a.contact_phone, response_time=a.response_time, assessed_on=str(a.assessed_on or ""),
            assessment=a.assessment, updated_on=str(a.updated_on or ""),
        ),
    )


class ProtokollarkivetPlugin(BasePlugin[PluginOptions]):
    def __init__(self) -> None:
        self.user_epoch = os.environ.get("SOURCE_DATE_EPOCH")
        """As the user set it: the plugin sets a default for MkDocs, which must not become 'today'."""
        self.command = "build"
        self.final_site: Path | None = None
        self.staging: Path | None = None
        self.failed = False
        self.archive: Archive | None = None
        self.views: dict[str, View] = {}
        self.renderer: Renderer | None = None
        self.search: Background | None = None
        self.search_folder: Path | None = None
        self.search_archive: Archive | None = None
        self.drafts: set[str] = set()
        self.settings = Settings()
        self.published: Archive | None = None
        self.nav: Navigation | None = None
        self.mkdocs_config: MkDocsConfig | None = None
        self.layouts: dict[tuple[str, bool], pages.Layout] = {}
        self.sources: dict[str, tuple[int, int]] = {}
        self.linker: Linker | None = None
        self.states: dict = {}
        self.full_build = None
        self.refresh: Background | None = None
        self.env: jinja2.Environment | None = None
        self.files: Files | None = None
        self.preview_problems: list = []
        self.started = time.monotonic()
        self.infos = 0
        self.open_data_files: dict[str, bytes] | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        self.started = time.monotonic()
        if command in ("build", "gh-deploy"):
            _quiet_build()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.failed = False
        if not config.use_directory_urls:
            raise PluginError(_("protokollarkivet: set 'use_directory_urls: true'; the archive's permanent URLs are directory URLs"))
        self.mkdocs_config = config
        if self.command == "serve":
            self.sources = _sources(config)  # (what the preview compares after an edit)
        preview = self.command == "serve"
        try:
            # Unchanged files come from the parse cache: after `protokollarkivet check` (a CI step
            # before the build), after the previous build, and after every edit in the preview.
            self.archive = load_archive(Path(config.docs_dir), cache=self.config.parse_cache, disabled=self._disabled())
            self.preview_problems = []
        except ContentError as error:
            if os.environ.get("GITHUB_ACTIONS") == "true":
                print(github_annotations(error.problems), flush=True)
            self.archive = self._previewable(config, error) if preview else None
            if self.archive is None:
                raise PluginError(str(error)) from None
        if preview:
            config.extra_css.append(PREVIEW_CSS)
            config.extra_javascript.append(PREVIEW_SCRIPT)
        self.infos = len(self.archive.notes)
        for note in self.archive.notes:
            log.debug(str(note))
        self.settings = settings = settings_from(self.config, config, preview, self.user_epoch)
        self.drafts = {f"{m.body}/{m.slug}/" for m in self.archive.meetings if m.status == "utkast" and not preview}
        if self.command in ("build", "gh-deploy"):
            self._stage(config)
        # Started first, so that the process building it shares only the archive with this one.
        self._start_search_index(config, self.archive if preview else self.archive.published())
        self._derive(self.archive)
        published = self.published
        assert published is not None and self.linker is not None
        self._check_published_urls(config, published)
        for reference in self.linker.unresolved_references():
            self.infos += 1
            log.debug(str(reference))
        if not config.nav:
            config.nav = _navigation(self.archive, settings)
        _default_source_date(self.archive)
        log.debug(f"{len(self.archive.meetings)} meetings of {len(self.archive.bodies)} bodies read and validated")
        return config

    def _disabled(self) -> list[str]:
        unknown = [code for code in self.config.disable if code not in RULE_CODES]
        if unknown:
            raise PluginError(_("protokollarkivet: disable: {code}: no rule has this code (rules: {codes})").format(
                code=unknown[0], codes=", ".join(RULE_CODES)))
        return list(self.config.disable)

    def _previewable(self, config: MkDocsConfig, error: ContentError) -> Archive | None:
        """Under `mkdocs serve`, content with errors still previews: the files without errors
        are shown, and every page lists the problems at its top (preview.js) until they are
        fixed. The terminal says it too."""
        archive, _problems = read_archive(Path(config.docs_dir), cache=self.config.parse_cache, disabled=self._disabled())
        if archive is None:
            return None
        _tell_preview_problems(error)
        self.preview_problems = error.problems
        return archive

    def _derive(self, archive: Archive) -> None:
        """Everything the pages are made from: the views, the cross-reference linker, the
        assignments' states, and the renderer that uses them."""
        self.archive = archive
        self.published = published = archive if self.settings.preview else archive.published()
        self.open_data_files = None
        self.views = {view.target.src_uri: view for view in derive_views(published, self.settings)}
        self.linker = Linker(published)
        self.states = {key: state for view in self.views.values() if isinstance(view, AssignmentsView)
                       for state in (*view.open, *view.closed)
                       for key in [(state.decision.meeting.url, state.assignment.anchor)]}
        assert self.mkdocs_config is not None
        self.renderer = Renderer(_theme_dir(self.mkdocs_config), self.settings, self.linker, self.states, People.of(published))

    def _check_published_urls(self, config: MkDocsConfig, archive: Archive) -> None:
        """Links staff copied must keep working: a URL in the manifest that this build would not
        publish fails it, unless a redirect or a `removed` entry covers it."""
        manifest = Path(config.config_file_path).parent / self.config.url_manifest
        current = sorted({v.target.url for v in self.views.values()} | set(oparl.published_urls(self.settings)) |
                         {a.file for m in archive.meetings for i in m.items for a in i.attachments if a.file} |
                         {m.original.file for m in archive.meetings if m.original and m.original.file})
        if os.environ.get("PROTOKOLLARKIVET_UPDATE_URLS") == "1" or not manifest.exists():
            if self.command in ("build", "gh-deploy"):
                known = _read_manifest(manifest) if manifest.exists() else []
                manifest.write_text("".join(f"/{url}\n" for url in sorted(set(known) | set(current))), encoding="utf-8")
                log.info(_("{manifest}: {count} URLs added").format(manifest=manifest.name, count=len(set(current) - set(known))))
            return
        missing = sorted(set(_read_manifest(manifest)) - set(current))
        if missing and not self.command == "serve":
            shown = "\n".join(f"  /{url}" for url in missing)
            raise PluginError(_("protokollarkivet: {count} published URLs would vanish:").format(count=len(missing)) + f"\n{shown}\n" +
                              _("Add a redirect (content/redirects.yml: redirects) or, for a page withdrawn on purpose, a "
                                "'removed' entry with the reason; after a deliberate change run "
                                "PROTOKOLLARKIVET_UPDATE_URLS=1 mkdocs build to record it."))

    def _stage(self, config: MkDocsConfig) -> None:
        self.final_site = Path(config.site_dir)
        self.staging = self.final_site.with_name(f".{self.final_site.name}.building-{os.getpid()}")
        if self.staging.exists():
            shutil.rmtree(self.staging)
        config.site_dir = str(self.staging)

    def _start_search_index(self, config: MkDocsConfig, archive: Archive) -> None:
        """The search index is built on another core while MkDocs renders the pages, into a
        folder beside the site (MkDocs empties the site's folder after this event)."""
        self._stop_search_index()
        if self.refresh is not None:
            self.refresh.cancel()
            self.refresh = None
        folder = self.search_folder = _search_folder(Path(config.site_dir))
        self.search_archive = archive
        self.search = Background(lambda: write_search_files(archive, folder, with_documents=False))

    def _finish_search_index(self, config: MkDocsConfig) -> None:
        assert self.search is not None and self.search_folder is not None
        try:
            self.search.wait()
        except BackgroundError as error:
            raise PluginError(_("protokollarkivet: the search index could not be built: {error}").format(error=error)) from None
        _put_in_place(self.search_folder, Path(config.site_dir) / urls.SEARCH_INDEX_DIR)
        self.search = self.search_folder = None

    def _stop_search_index(self) -> None:
        if self.search is not None:
            self.search.cancel()
        if self.search_folder is not None:
            shutil.rmtree(self.search_folder, ignore_errors=True)
        self.search = self.search_folder = None

    def on_build_error(self, *, error: Exception) -> None:
        self.failed = True
        self._stop_search_index()

    def on_shutdown(self) -> None:
        self._stop_search_index()
        staging, final = self.staging, self.final_site
        self.staging = None
        if staging is None or final is None or not staging.exists():
            return
        if self.failed:
            shutil.rmtree(staging, ignore_errors=True)
            log.error(_("the build failed; {site} was left as it was").format(site=final))
            return
        retired = final.with_name(f".{final.name}.old-{os.getpid()}")
        if final.exists():
            final.rename(retired)
        staging.rename(final)
        shutil.rmtree(retired, ignore_errors=True)
        self._summary(final)

    def _summary(self, site: Path) -> None:
        """The one line a clean build prints (MkDocs' own lines and ours show with --verbose)."""
        assert self.archive is not None
        pages = sum(1 for _page in site.rglob("index.html"))
        line = _("{meetings} meetings, {pages} pages in {site} ({seconds} s)").format(
            meetings=len(self.published.meetings if self.published else self.archive.meetings), pages=pages, site=site,
            seconds=decimal(time.monotonic() - self.started))
        if self.infos:
            line += _("; {count} infos (--verbose shows them)").format(count=self.infos)
        log.info(line, extra={SUMMARY: True})

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for file in list(files):
            if _is_source(file.src_uri) or file.src_uri.startswith(tuple(self.drafts)):
                files.remove(file)  # sources, and a draft's attachments: a build never publishes drafts
        for src_uri, view in self.views.items():
            if self._shares_layout(view):
                continue  # rendered in on_post_build (mkdocs_pages.py)
            inclusion = InclusionLevel.INCLUDED if _in_nav(view) else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, src_uri, content=_front_matter(view), inclusion=inclusion))
        return files

    def _shares_layout(self, view: View) -> bool:
        """Pages outside the navigation whose front matter is only a title: the bulk of the site."""
        return self.config.shared_layout and not _in_nav(view) and len(_meta(view)) == 1

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav = nav
        return nav

    def on_env(self, env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        self.env, self.files, self.layouts = env, files, {}
        env.globals["archive_settings"] = self.settings  # (the footer's publisher and contact)
        return env

    # -- the preview -----------------------------------------------------------------------

    def on_serve(self, server, config: MkDocsConfig, builder):
        """After an edit to meeting files only, the preview re-renders the pages the edit
        affects, in place; any other change (registries, mkdocs.yml, theme, a file added or
        removed) rebuilds the whole site as MkDocs does."""
        self.full_build = builder
        server.builder = self._rebuild_preview
        return server

    def _rebuild_preview(self) -> None:
        assert self.full_build is not None
        config = self.mkdocs_config
        if config is not None:
            started, sources = time.monotonic(), _sources(config)
            changed = _changes(self.sources, sources)
            docs_dir = Path(config.docs_dir)
            if changed and all(_is_meeting_file(path, docs_dir) for path in changed) and \
                    self._rerender(config, changed, sources, started):
                return
        self.full_build()

    def _rerender(self, config: MkDocsConfig, changed: list[str], sources: dict[str, tuple[int, int]], started: float) -> bool:
        """Re-render what the edit of `changed` affects; False when that takes a full build."""
        assert self.files is not None
        try:
            archive = load_archive(Path(config.docs_dir), cache=True)
        except ContentError as error:
            _tell_preview_problems(error)  # the preview keeps showing the pages as they were, and says why
            _write_preview_problems(Path(config.site_dir), error.problems)
            self.sources = sources
            return True
        before, linker, states = self.views, self.linker, self.states
        self._derive(archive)
        assert self.linker is not None and linker is not None
        if self.views.keys() != before.keys() or self.linker.numbers != linker.numbers or self.states != states:
            return False  # (links or assignments across the archive changed)
        affected = [view for key, view in self.views.items() if view != before[key]]
        for view in affected:
            self._write_page(view, config)
        _write_preview_problems(Path(config.site_dir), [])
        self.sources = sources
        self._refresh_in_background(config)
        log.info(_("preview: {count} pages re-rendered after the edit of {files} in {seconds} s; search, feeds and open "
                   "data follow").format(count=len(affected), files=", ".join(changed), seconds=decimal(time.monotonic() - started)))
        return True

    def _refresh_in_background(self, config: MkDocsConfig) -> None:
        """The search index, feeds and open data depend on the whole archive: rebuilt on another
        core, and put in place when done (the next edit cancels an unfinished refresh)."""
        if self.refresh is not None:
            self.refresh.cancel()
        site, archive = Path(config.site_dir), self.published
        assert archive is not None

        def refresh() -> None:
            folder = _search_folder(site)
            write_search_files(archive, folder)
            _put_in_place(folder, site / urls.SEARCH_INDEX_DIR)
            _write_changed(site, self._feeds_and_calendars())

        self.refresh = Background(refresh)

    def on_post_build(self, config: MkDocsConfig) -> None:
        """The pages that share a layout, the sitemap of every page, and the search index, feeds
        and open data: thousands of files, written directly rather than as MkDocs Files (which
        cost a copy and bookkeeping each)."""
        self._write_shared_layout_pages(config)
        self._write_sitemap(config)
        if self.settings.preview:
            _write_preview_problems(Path(config.site_dir), self.preview_problems)
        _write_changed(Path(config.site_dir), self._feeds_and_calendars())
        self.open_data_files = None  # (written: not held while the search index is finished)
        assert self.search_folder is not None and self.search_archive is not None
        write_document_files(self.search_archive, self.search_folder)  # (the index's other half, while it is built)
        self._finish_search_index(config)

    def _write_shared_layout_pages(self, config: MkDocsConfig) -> None:
        if not self.config.shared_layout:
            return
        shared = [view for view in self.views.values() if self._shares_layout(view)]
        for view in shared:
            self._write_page(view, config)
        log.debug(f"{len(shared)} pages written in {len(self.layouts)} shared layouts")

    def _write_page(self, view: View, config: MkDocsConfig) -> None:
        """One page, outside MkDocs' build: in its shared layout, or through the engine's
        templates (a page of the navigation, in the preview)."""
        assert self.nav is not None and self.env is not None and self.files is not None
        html = self._render(view)
        entries = [pages.Entry(anchor, engine_text(title)) for anchor, title in _contents(view, html)]
        key = (view.target.url.rstrip("/").rpartition("/")[0] + "/", bool(entries))
        if self._shares_layout(view) and "<h1" in html:  # (else the layout prints the title as a heading)
            if key not in self.layouts:
                try:
                    self.layouts[key] = pages.layout_in(key[0].lstrip("/"), key[1], config, self.nav, self.files, self.env)
                except pages.LayoutError as error:
                    raise PluginError(f"protokollarkivet: {error}") from None
            output = self.layouts[key].page(view.target.url, engine_text(view.title), entries, html)
        else:
            file = self.files.get_file_from_path(view.target.src_uri)
            page = file.page if file is not None and file.page is not None else self._page(view, config)
            page.content, page.toc = html, _table_of_contents(view, html)
            output = pages.render_page(page, config, self.nav, self.files, self.env)
        pages.write(Path(config.site_dir), view.target.url, output)

    def _page(self, view: View, config: MkDocsConfig) -> Page:
        page = Page(None, File.generated(config, view.target.src_uri, content=_front_matter(view)), config)
        page.meta = _meta(view)
        return page

    def _write_sitemap(self, config: MkDocsConfig) -> None:
        """Every page but the redirects, which search engines should not list."""
        addresses = sorted(v.target.url for v in self.views.values() if not isinstance(v, RedirectView))
        xml, compressed = pages.sitemap(addresses, self.settings.site_url)
        (Path(config.site_dir) / "sitemap.xml").write_bytes(xml)
        (Path(config.site_dir) / "sitemap.xml.gz").write_bytes(compressed)

    def _open_data(self) -> dict[str, bytes]:
        """The open-data files, made once per build: the data page lists them, and they are written."""
        if self.open_data_files is None:
            assert self.published is not None
            self.open_data_files = open_data(self.published, self.settings.site_url)
        return self.open_data_files

    def _render(self, view: View) -> str:
        assert self.renderer is not None and self.published is not None
        if isinstance(view, DataIndexView):
            view = with_files(view, self.published, self._open_data())
        try:
            return self.renderer.render(view)
        except RenderError as error:
            raise PluginError(f"protokollarkivet: {error}") from None

    def _feeds_and_calendars(self) -> dict[str, bytes]:
        site_url, archive = self.settings.site_url, self.published
        board = next(v for v in self.views.values() if isinstance(v, NoticeBoardView))
        out = {urls.notice_feed(): notice_board_feed(board, site_url),
               urls.feed(""): meetings_feed(archive, archive.meetings, "Protokollarkivet: nya möten och beslut", "",
                                            urls.feed(""), site_url)}
        for key, body in archive.bodies.items():
            page = urls.body(key).url
            out[urls.feed(page)] = meetings_feed(archive, archive.meetings_of(key), f"{body.name}: nya möten och beslut",
                                                 page, urls.feed(page), site_url)
            out[urls.calendar(key)] = coming_meetings(archive, key, site_url)
        for key, topic in archive.topics.items():
            page = urls.topic(key).url
            meetings = [m for m in archive.meetings if any(key in i.topics for i in m.items)]
            out[urls.feed(page)] = meetings_feed(archive, meetings, f"{topic.name}: nya ärenden och beslut", page,
                                                 urls.feed(page), site_url, topic=key)
        assert self.mkdocs_config is not None
        history = read_history(Path(self.mkdocs_config.docs_dir), int(os.environ.get("SOURCE_DATE_EPOCH") or time.time()))
        return out | self._open_data() | oparl.oparl_files(archive, self.settings, history)

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        view = self.views.get(page.file.src_uri)
        if view is None or self.renderer is None:
            return None
        html = self._render(view)
        page.toc = _table_of_contents(view, html)
        return html


PREVIEW_SCRIPT = "assets/protokollarkivet/preview.js"
PREVIEW_CSS = "assets/protokollarkivet/preview.css"
PREVIEW_PROBLEMS = "_forhandsvisning/problem.json"
"""What preview.js reads: the content's problems as `file:line: message` lines, [] when none."""


SUMMARY = "protokollarkivet_summary"


class _QuietFilter(logging.Filter):
    """A build's information lines, MkDocs' and ours, show with --verbose; warnings, errors and the
    build's one summary line always."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno > logging.INFO or getattr(record, SUMMARY, False)


def _quiet_build() -> None:
    logger = logging.getLogger("mkdocs")
    if logger.getEffectiveLevel() <= logging.DEBUG:
        return
    for handler in logger.handlers:
        if not any(isinstance(f, _QuietFilter) for f in handler.filters):
            handler.addFilter(_QuietFilter())


def _tell_preview_problems(error: ContentError) -> None:
    """In the terminal too; not through MkDocs' log, whose errors would stop the preview in strict mode."""
    print(f"ERROR   -  {error}", file=sys.stderr, flush=True)


def _write_preview_problems(site: Path, problems: list) -> None:
    target = site / PREVIEW_PROBLEMS
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps([str(p) for p in problems], ensure_ascii=False), encoding="utf-8")


def _search_folder(site: Path) -> Path:
    """An empty folder beside the site for a search index being built."""
    folder = site.with_name(f".{site.name}.search-{os.getpid()}")
    shutil.rmtree(folder, ignore_errors=True)
    return folder


def _put_in_place(folder: Path, target: Path) -> None:
    """`folder` becomes `target`; whatever was there is moved aside first and then removed, so
    a preview serving it never sees it half-written."""
    retired = target.with_name(f".{target.name}.old")
    shutil.rmtree(retired, ignore_errors=True)
    if target.exists():
        target.rename(retired)
    target.parent.mkdir(parents=True, exist_ok=True)
    folder.rename(target)
    shutil.rmtree(retired, ignore_errors=True)


def _write_changed(site: Path, files: dict[str, bytes]) -> None:
    """Files by site-relative path, each written unless it holds those bytes already."""
    for path, data in files.items():
        target = site / path
        try:
            if target.stat().st_size == len(data) and target.read_bytes() == data:
                continue
        except FileNotFoundError:
            target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def _sources(config: MkDocsConfig) -> dict[str, tuple[int, int]]:
    """What a build reads, by path: the content, mkdocs.yml and the theme, with when each
    changed and its size."""
    roots = [Path(config.docs_dir), *([Path(config.theme.custom_dir)] if config.theme.custom_dir else [])]
    found = {}
    for path in [Path(config.config_file_path), *(p for root in roots for p in root.rglob("*"))]:
        try:
            stat = path.stat()
        except OSError:
            continue
        if not path.is_dir() and not is_editor_litter(path.name):
            found[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return found


def _changes(before: dict[str, tuple[int, int]], now: dict[str, tuple[int, int]]) -> list[str]:
    return sorted(path for path in before.keys() | now.keys() if before.get(path) != now.get(path))


def _is_meeting_file(path: str, docs_dir: Path) -> bool:
    """A meeting's file that still exists (one added or removed changes the site's pages)."""
    file = Path(path)
    return file.suffix == ".md" and file.parent.parent == docs_dir and file.is_file()


def _read_manifest(path: Path) -> list[str]:
    """Site-relative URLs, one per line, written with a leading '/'."""
    return [line.strip()[1:] for line in path.read_text(encoding="utf-8").splitlines() if line.strip().startswith("/")]


def _default_source_date(archive: Archive) -> None:
    """Builds of the same content are byte-identical: when SOURCE_DATE_EPOCH is not set, the date
    MkDocs stamps into the sitemap is the archive's newest meeting day, not the build's."""
    if "SOURCE_DATE_EPOCH" in os.environ or not archive.meetings:
        return
    newest = max(m.end_date or m.date for m in archive.meetings)
    os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(newest.timetuple()))


_SECTION = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.DOTALL)


def _contents(view: View, html: str) -> list[tuple[str, str]]:
    """The page's table of contents (Material's sidebar and skip link use it): a meeting's items,
    or the sections of other pages, as (anchor, plain title)."""
    if isinstance(view, MeetingView) and view.ref is not None:
        return [(item.anchor, item.label if not item.number else f"§ {item.number} {item.title}")
                for item in view.ref.meeting.items]
    entries = [(anchor, re.sub(r"<[^>]+>", "", title).strip()) for anchor, title in _SECTION.findall(html)]
    return [(anchor, markupsafe.Markup(title).unescape()) for anchor, title in entries]


def _table_of_contents(view: View, html: str) -> TableOfContents:
    """Titles are made safe: Material prints them as they are."""
    return TableOfContents([AnchorLink(engine_text(title), anchor, 2) for anchor, title in _contents(view, html)])


def _in_nav(view: View) -> bool:
    return isinstance(view, (HomeView, BodyView, TopicIndexView, SearchView, StatementView, NoticeBoardView, HelpView,
                             FollowView, PeopleView))


def _is_source(src_uri: str) -> bool:
    """Files of content/ that are read into the archive rather than published as they are."""
    name = src_uri.rsplit("/", 1)[-1]
    if is_editor_litter(name) or src_uri in (BODIES_FILE, TOPICS_FILE, PEOPLE_FILE, REDIRECTS_FILE) or name.endswith(".import.txt"):
        return True  # (an importer's report beside its draft is for the secretary, not the public)
    return src_uri.count("/") == 1 and src_uri.endswith(".md")


def engine_text(text: str) -> str:
    """Content text where the engine's templates print it as HTML (page titles, navigation, table
    of contents). Material prints titles raw in the navigation but strips tags and unescapes them
    in <title>, so neither raw nor escaped text is safe there: ampersands are escaped and angle
    brackets become ‹ ›, so no tag can form either way. Our own templates escape properly."""
    return text.replace("&", "&amp;").replace("<", "\u2039").replace(">", "\u203a")


def _meta(view: View) -> dict[str, object]:
    """What a page tells the layout besides its content: its title, a feed, a redirect."""
    meta = {"title": engine_text(view.title)}
    if isinstance(view, NoticeBoardView):
        meta["feed"] = urls.notice_feed()
    elif isinstance(view, (HomeView, BodyView, TopicView)):
        meta["feed"] = urls.feed(view.target.url)
    elif isinstance(view, RedirectView):
        meta["redirect"] = view.to
    elif isinstance(view, SearchView):
        meta["hide"] = ["toc"]  # (it has no sections: its column goes to the results and their filters)
    return meta


def _front_matter(view: View) -> str:
    return f"---\n{yaml.safe_dump(_meta(view), allow_unicode=True)}---\n"


def _navigation(archive: Archive, settings: Settings) -> list:
    bodies = sorted(archive.bodies.values(), key=lambda b: swedish_key(b.name))
    nav: list = [
        {"Start": urls.home().src_uri},
        {"Organ": [{engine_text(body.name): urls.body(body.key).src_uri} for body in bodies]},
        {"Ämnen": urls.topics().src_uri},
        {"Sök": urls.search().src_uri},
        {"Anslagstavla": urls.notice_board().src_uri},
        *([{"Personer": urls.people().src_uri}] if settings.people else []),
        {"Följ arkivet": urls.follow().src_uri},
        {"Hjälp": [{"Så läser du protokollen": urls.help_page().src_uri},
                   {"Så överklagar du": urls.appeal_help().src_uri}]},
        {"Tillgänglighet": urls.accessibility().src_uri},
    ]
    nav += [urls.page(page).src_uri for page in archive.pages]
    return nav


def _theme_dir(config: MkDocsConfig) -> Path:
    custom = config.theme.custom_dir
    if custom and (Path(custom) / "protokollarkivet").is_dir():
        return Path(custom)
    return THEME_DIR
