"""The MkDocs adapter's events: the only module, with `mkdocs_pages.py`, that knows MkDocs.

The build itself is the core's `Site` (site.py): this module reads the plugin's options, drives a
`Site` through MkDocs' events and hands its pages and files to the engine.

- `on_config` reads and checks the content (before MkDocs empties `site_dir`, so a broken protocol
  stops the build with the published site untouched), stages the build beside `site/`, starts the
  search index on another core and sets the navigation: bodies and topics, never every meeting.
- `on_files` swaps the protocol sources for the site's pages; `on_page_content` renders the pages
  MkDocs renders itself; `on_post_build` writes the rest (`mkdocs_pages.py`; a large build's on
  two cores), the data files and the search index; `on_shutdown` swaps the staged site in when
  nothing failed.
- Under `mkdocs serve` an edit to meeting files re-renders only the pages it affects (preview.py).
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import logging
import os
import shutil
import sys
import time
import traceback
from pathlib import Path
from typing import NoReturn

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from . import mkdocs_pages as pages, preview, staging, urls
from .cache import ParseCache
from .checks import RULE_CODES
from .messages import _, decimal
from .parallel import Background, BackgroundError, can_fork, room_for_a_copy
from .alerts import option_lines, parse_alerts
from .problems import ContentError, file_error, format_problems, github_annotations
from .render import THEME_DIR, RenderError
from .search import write_search_files
from .search.job import IndexJob
from .settings import DEFAULT_ASSESSMENT, Accessibility, Registrar, Settings
from .portal import PortalSite
from .site import DataFilesJob, Site, SiteConfig, is_source, vanished_message

log = get_plugin_logger("protokollarkivet")
PREVIEW_SCRIPT = "assets/protokollarkivet/preview.js"
PREVIEW_CSS = "assets/protokollarkivet/preview.css"
PAGES_FOR_A_SECOND_PROCESS = 2_000
"""A build with this many pages in shared layouts to write renders every other one in a forked
process: at 10,000 protocols (19,900 pages) the build's own process rendered them alone for its
last 17 s, the other core idle once the search index and the data files were done. (A fork
costs about 0.5 s at 10,000 protocols; the preview never forks: its server's threads would not
be copied.)"""


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
    history = c.Type(bool, default=False)
    """A 'Versioner' section on each meeting page: its published versions from git, and what changed
    (see `versions.py`). Needs the whole history: a shallow clone builds without it and says so."""
    alerts = c.Type(dict, default={})
    """E-mail alerts: `from` and the mailing list of each segment (`alerts.py`); the page `/bevaka/`
    shows them and `protokollarkivet notify` sends to them."""
    federation = c.Type(str, default="")
    """A registry of member archives (`federation.yml`, beside mkdocs.yml): the site is then a
    federation portal (`portal.py`) that searches and lists the members' published sites together."""
    shared_layout = c.Type(bool, default=True)
    """Render the layout of meeting, person and diarienummer pages once and reuse it (see
    `mkdocs_pages.py`); `false` has MkDocs render every page itself: slower, the same bytes."""


def site_config(options: PluginOptions, config: MkDocsConfig, preview_mode: bool, epoch: str | None) -> SiteConfig:
    """The plugin's options and MkDocs' configuration as the core's `SiteConfig`."""
    unknown = [code for code in options.disable if code not in RULE_CODES]
    if unknown:
        raise PluginError(_("protokollarkivet: disable: {code}: no rule has this code (rules: {codes})").format(
            code=unknown[0], codes=", ".join(RULE_CODES)))
    a, r = options.accessibility, options.registrar
    config_file = Path(config.config_file_path)
    alert_config, problems = parse_alerts(options.alerts, config_file.name, option_lines(config_file.read_text(encoding="utf-8")))
    if problems:
        raise PluginError(format_problems(problems))
    settings = Settings(
        registrar=Registrar(r.name, r.email, r.phone, r.address),
        today=dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date() if epoch else dt.date.today(),
        preview=preview_mode, people=options.people and not options.federation, alerts=alert_config,
        organisation=options.organisation, history=options.history and not options.federation, portal=bool(options.federation),
        site_url=(config.site_url or "").rstrip("/") + "/" if config.site_url else "",
        accessibility=Accessibility(
            compliance=a.compliance, known_issues=tuple(a.known_issues), contact_email=a.contact_email,
            contact_phone=a.contact_phone, response_time=a.response_time, assessed_on=str(a.assessed_on or ""),
            assessment=a.assessment, updated_on=str(a.updated_on or ""),
        ),
    )
    custom = config.theme.custom_dir
    theme = Path(custom) if custom and (Path(custom) / "protokollarkivet").is_dir() else THEME_DIR
    return SiteConfig(content=Path(config.docs_dir), theme=theme, settings=settings,
                      manifest=Path(config.config_file_path).parent / options.url_manifest, cache=options.parse_cache,
                      disabled=tuple(options.disable), epoch=int(epoch) if epoch else None)


class ProtokollarkivetPlugin(BasePlugin[PluginOptions]):
    def __init__(self) -> None:
        self.command = "build"
        self.started = time.monotonic()
        self.site: Site | None = None
        self.staged: tuple[Path, Path] | None = None
        """(staging folder, the site it replaces) of a build."""
        self.failed = False
        self.clearing: staging.Clearing | None = None
        self.reusable: Path | None = None
        """The site the last build replaced, claimed for this build's staging folder (`staging.claim_retired`)."""
        self.copying: staging.Copying | None = None
        """The published site's copy, made of it (or anew) while the archive is read."""
        self.carried = False
        """The published site was carried forward into this build's (hard links it shares with it)."""
        self.unclaimed: staging.Clearing | None = None
        self.search: IndexJob | None = None
        self.search_folder: Path | None = None
        self.data_files: DataFilesJob | None = None
        self.pages: pages.Pages | None = None
        self.nav: Navigation | None = None
        self.files: Files | None = None
        self.sources: preview.Sources = {}
        self.refresh: Background | None = None
        self.full_build = None
        self.parse_cache: ParseCache | None = None
        """The preview's: kept from one edit to the next (see cache.py)."""
        self.frame = ""
        self.digests: dict[str, str] = {}
        self.unchanged: set[str] = set()
        """Pages carried forward from the published site as they were (an incremental build)."""
        self.carried_pages: set[str] = set()
        """The engine's pages among them, by source: MkDocs neither renders nor writes them."""
        self.carried_files: dict[str, bytes] = {}
        """The digests of the data files carried forward with them (`staging.ChangedWriter`)."""
        self.carried_composed: dict[str, str] = {}
        self.data_record: Path | None = None
        """Where the data files' writer keeps their digests for the next build (`BuildRecord.data`)."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command, self.started = command, time.monotonic()
        logging.getLogger("mkdocs.commands.build").addFilter(self._carried_page_told)
        if command in ("build", "gh-deploy"):
            _quiet_build()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not config.use_directory_urls:
            raise PluginError(_("protokollarkivet: set 'use_directory_urls: true'; the archive's permanent URLs are directory URLs"))
        serving = self.command == "serve"
        site_config_ = site_config(self.config, config, serving, os.environ.get("SOURCE_DATE_EPOCH"))
        if serving:
            self.sources = _sources(config)  # (what the preview compares after an edit)
            if site_config_.cache:
                self.parse_cache = ParseCache(site_config_.cache_folder)
            config.extra_css.append(PREVIEW_CSS)
            config.extra_javascript.append(PREVIEW_SCRIPT)
        if self.command in ("build", "gh-deploy"):  # (what killed and earlier builds left, removed while the archive is read)
            final = Path(config.site_dir)
            if site_config_.cache:
                self.reusable = staging.claim_retired(final, site_config_.cache_folder)
            self.clearing = staging.Clearing(final, site_config_.cache_folder)
            if site_config_.cache and final.is_dir() and staging.BuildRecord.path(site_config_.cache_folder, final).is_file():
                # (made of the site the last build replaced where one waits, else anew)
                into = self.reusable or staging.reusing_folder(final, site_config_.cache_folder)
                self.copying, self.reusable = staging.Copying(final, into, (urls.SEARCH_INDEX_DIR,)), None
            self.staged = (staging.staging_folder(final), final)
            config.site_dir = str(self.staged[0])
        self.site = site = self._load(site_config_, serving, Path(config.site_dir))
        for info in site.infos:
            log.debug(str(info))
        if site.versions.note:
            log.info(site.versions.note, extra={SUMMARY: True})  # (once: staff should know why pages lack it)
        for note in site.alert_notes:
            log.info(str(note), extra={SUMMARY: True})
        if self.search is None:  # (the preview's and a portal's: once their site is read)
            self._start_search_index(Path(config.site_dir), self._kept_folder()).feed(site.published)
        self._keep_published_urls()
        if not config.nav:
            config.nav = pages.navigation(site)
        return config

    def _load(self, config: SiteConfig, serving: bool, site_dir: Path) -> Site:
        if self.config.federation:
            return self._load_portal(config)
        # A build starts its search index's process before the archive is read, so that it never
        # holds the archive (`search/job.py`), and feeds it as soon as the archive is read, before
        # the pages are derived: its work (the longer of the two in a rebuild) starts sooner.
        feed = None if serving else self._start_search_index(site_dir, self._kept_folder(config)).feed
        try:
            return Site.load(config, self.parse_cache, on_archive=feed)
        except ContentError as error:
            self._stop_search_index()
            if os.environ.get("GITHUB_ACTIONS") == "true":
                print(github_annotations(error.problems), flush=True)
            site = Site.load_previewable(config, self.parse_cache) if serving else None
            if site is None:
                raise PluginError(str(error)) from None
            _tell(error)  # (the preview shows what is valid, and the problems on every page)
            return site

    def _load_portal(self, config: SiteConfig) -> PortalSite:
        """The members read now, or from the copies kept in the build cache. A member that cannot be
        read is said in the build's output but is no MkDocs warning: a strict build of the portal
        goes on with the member's last good copy (and its home page says so)."""
        registry = Path(self.config.federation)
        registry = registry if registry.is_absolute() else config.content.resolve().parent / registry
        epoch = config.epoch
        now = (dt.datetime.fromtimestamp(epoch, dt.timezone.utc) if epoch is not None
               else dt.datetime.now(dt.timezone.utc)).replace(microsecond=0)
        try:
            site = PortalSite.read(config, registry, config.cache_folder, now)
        except ContentError as error:
            raise PluginError(str(error)) from None
        for warning in site.federation.warnings:
            log.info(str(warning), extra={SUMMARY: True})
        return site

    def _keep_published_urls(self) -> None:
        """Links staff copied must keep working: a URL in the manifest that this build would not
        publish fails it, unless a redirect or a `removed` entry covers it."""
        assert self.site is not None
        manifest = self.site.config.manifest
        if os.environ.get("PROTOKOLLARKIVET_UPDATE_URLS") == "1" or (manifest is not None and not manifest.exists()):
            if self.command in ("build", "gh-deploy"):
                log.info(_("{manifest}: {count} URLs added").format(manifest=manifest.name, count=self.site.record_urls()))
            return
        missing = self.site.vanished_urls()
        if missing and self.command != "serve":
            raise PluginError(vanished_message(missing))

    def _start_search_index(self, site_dir: Path, kept: Path | None) -> IndexJob:
        """The search index of the site's published archive (given by the job's `feed`) is built on
        another core while MkDocs renders the pages, into a folder beside the site (MkDocs empties
        the site's folder after this event); `kept`: where the last build's counts and records are."""
        self._stop_search_index()
        self._cancel_refresh()
        # (named after the site the build publishes, not its staging folder: the next build
        # removes it by that name if this one is killed)
        self.search_folder = staging.search_folder(self.staged[1] if self.staged else site_dir)
        self.search = IndexJob(self.search_folder, kept)
        return self.search

    def _stop_search_index(self) -> None:
        if self.search is not None:
            self.search.cancel()
        if self.search_folder is not None:
            shutil.rmtree(self.search_folder, ignore_errors=True)
        self.search = self.search_folder = None

    def _stop_data_files(self) -> None:
        if self.data_files is not None:
            self.data_files.cancel()
            self.data_files = None

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        site = self.site
        drafts = tuple(site.drafts)
        for file in list(files):
            if is_source(file.src_uri) or file.src_uri.startswith(drafts):
                files.remove(file)  # sources, and a draft's attachments: a build never publishes drafts
        for src_uri, view in site.views.items():
            if not pages.shares_layout(site, view, self.config.shared_layout):  # (the rest: in on_post_build)
                inclusion = InclusionLevel.INCLUDED if site.in_navigation(view) else InclusionLevel.NOT_IN_NAV
                files.append(File.generated(config, src_uri, content=pages.front_matter(view), inclusion=inclusion))
        if self.staged is not None:
            self._carry_forward(files, config)  # (MkDocs has emptied the staging folder by now)
            self._start_data_files(config)
            if not self.carried:
                # (what the next build carries forward by; once the data files' fork has started,
                # which needs none of it: 2.7 s at 10,000 protocols)
                self.digests = self.site.page_digests()
        return files

    def _start_data_files(self, config: MkDocsConfig) -> None:
        """The data files (open data, feeds, the OParl endpoint) written into the site's folder, in
        a process of their own from the end of `on_files` while the pages render: at 10,000
        protocols they were the last 20 s of a full build, its main process waiting for them, and
        started in `on_post_build`, after the pages' digests, they began about 5 s later. An
        incremental build's too, once it has carried the published site forward: it makes few of
        them, but reads every meeting to know which, and written by its own process after its pages
        they were its last 4 s, one core idle (the fork costs about 0.5 s). The preview never forks
        them (its server's threads a fork would not copy)."""
        self.data_record = staging.BuildRecord.data_path(self._cache_dir(), self.staged[1]) if self.staged else None
        writer = staging.ChangedWriter(Path(config.site_dir), self.carried_files, self.carried_composed, self.data_record)
        fork = self.command in ("build", "gh-deploy")
        self.data_files = self.site.writing_data_files(writer, fork=fork)

    def _carry_forward(self, files: Files, config: MkDocsConfig) -> None:
        """An incremental build: when the published site is the last build's and every page's
        frame is as it was, the site is hard-linked into the staging folder (MkDocs has emptied it
        by now) and the pages whose view is unchanged are not rendered again. The engine's own
        files are left out (it writes them), and the search index is rebuilt whole."""
        site, (staged, final) = self.site, self.staged
        self.frame = site.frame_digest(pages.engine_digest(config))
        record = staging.BuildRecord.read(self._cache_dir(), final)
        copying, self.copying = self.copying, None
        if record is None or record.frame != self.frame or not final.is_dir():
            # (every page rendered, every file written anew: the claimed site is of no use, and
            # removed while this build renders, not by the next one)
            unused = [self.reusable] if self.reusable else [copying.cancel()] if copying else []
            self.unclaimed = staging.Clearing(final, folders=unused)
            self.reusable = None
            return
        self.digests = site.page_digests()
        self.unchanged = {url for url, digest in self.digests.items() if record.pages.get(url) == digest}
        # (the engine's pages too, the navigation's: a body's page is 850 kB at 10,000 protocols, and
        # rendering those of every body was a second of each rebuild)
        self.carried_pages = {file.src_uri for file in files
                              if (view := site.views.get(file.src_uri)) is not None and view.target.url in self.unchanged}
        engine_files = ({file.dest_uri for file in files if file.src_uri not in self.carried_pages} |
                        {"sitemap.xml", "sitemap.xml.gz", "404.html"})
        start_from, copied = self.reusable, False
        if copying is not None:  # (it holds the site claimed, if any)
            start_from, copied = copying.into, copying.take() is not None
            log.debug(f"incremental: the published site {'copied' if copied else 'not copied'} while the archive was read")
        staging.carry_forward(final, staged, engine_files, (urls.SEARCH_INDEX_DIR,), start_from, copied)
        self.reusable, self.carried = None, True
        self.carried_files = {path: digest for path, digest in record.files.items() if path not in engine_files}
        self.carried_composed = record.composed
        site.carry_data_forward(record.made_of, self.carried_files, staged)
        for url in record.pages.keys() - self.digests.keys():  # (a page no longer made)
            (staged / url / "index.html").unlink(missing_ok=True)
        log.debug(f"incremental: {len(self.unchanged)} of {len(self.digests)} pages carried forward")

    def _cache_dir(self) -> Path:
        return self.site.config.cache_folder

    def _kept_folder(self, config: SiteConfig | None = None) -> Path | None:
        """Where a build keeps what the next reuses (the search index's counts and records, the site it
        replaced): the cache folder, with the parse cache, and off with it."""
        config = config or self.site.config
        return config.cache_folder if config.cache else None

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav, self.files = nav, files
        return nav

    def on_env(self, env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        self.pages = pages.Pages(self.site, config, self.nav, files, env, self.config.shared_layout)
        env.globals["archive_settings"] = self.site.config.settings  # (the footer's publisher and contact)
        return env

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        # (a view's page is rendered when MkDocs writes it, `on_page_context`: MkDocs reads every
        # page before it writes any, and held, their contents were 308 MB of the build's process at
        # 100,000 protocols, a body's page alone 8.8 MB)
        return "" if page.file.src_uri in self.site.views else None

    def on_page_context(self, context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
        # (a page `pages.Pages.write` renders comes with its content; one carried forward is not written)
        view = self.site.views.get(page.file.src_uri)
        if view is not None and not page.content and page.file.src_uri not in self.carried_pages:
            page.content = self._render(view)
            page.toc = pages.table_of_contents(self.site, view, page.content)
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str | None:
        """A page carried forward is not written again: MkDocs writes no empty output. A view's
        page lets go of its content once rendered into the output (`on_page_context`)."""
        if page.file.src_uri in self.site.views:
            page.content = ""
        return "" if page.file.src_uri in self.carried_pages else None

    def _carried_page_told(self, record: logging.LogRecord) -> bool:
        """MkDocs tells each page it did not write as "Generated empty output": not so of a page
        carried forward."""
        message = record.getMessage()
        return not (message.startswith("Page skipped: '") and message.split("'")[1] in self.carried_pages)

    def on_post_build(self, config: MkDocsConfig) -> None:
        """The pages that share a layout, the sitemap, feeds, open data and the search index:
        thousands of files, written directly rather than as MkDocs Files."""
        site, site_dir = self.site, Path(config.site_dir)
        if self.data_files is None:
            self._start_data_files(config)
        shared = [view for view in site.views.values() if self.pages.shares_layout(view) and view.target.url not in self.unchanged]
        self._write_pages(shared)
        if shared:
            log.debug(f"{len(shared)} pages written in {len(self.pages.layouts)} shared layouts")
        xml, compressed = site.sitemap()
        staging.write_changed(site_dir, {"sitemap.xml": xml, "sitemap.xml.gz": compressed})
        if site.config.settings.preview:
            staging.write_changed(site_dir, {preview.PROBLEMS_FILE: preview.problems_json(site.problems)})
        data_files, self.data_files = self.data_files, None
        try:
            data_files.wait()
        except BackgroundError as error:
            raise PluginError(_("protokollarkivet: the data files could not be written: {error}").format(error=error)) from None
        if self.carried:
            written = site.oparl_written
            log.debug(f"incremental: {written.carried} of {written.meetings} meetings' OParl objects carried forward")
        try:
            self.search.wait()
        except BackgroundError as error:
            raise PluginError(_("protokollarkivet: the search index could not be built: {error}").format(error=error)) from None
        staging.put_in_place(self.search_folder, site_dir / urls.SEARCH_INDEX_DIR)
        self.search = self.search_folder = None

    def _write_pages(self, views: list) -> None:
        """`views` rendered and written, every other one by a forked process where a build has
        enough of them (`PAGES_FOR_A_SECOND_PROCESS`) and the system the memory for a copy."""
        helper = None
        if (self.command in ("build", "gh-deploy") and len(views) >= PAGES_FOR_A_SECOND_PROCESS
                and can_fork() and room_for_a_copy()):
            views, theirs = views[0::2], views[1::2]
            helper = Background(functools.partial(self._pages_written_in_a_fork, theirs))
        try:
            for view in views:
                self._write_page(view)
        except BaseException:
            if helper is not None:
                helper.cancel()
            raise
        if helper is None:
            return
        try:
            told, failure = helper.wait()
        except BackgroundError as error:
            raise PluginError(_("protokollarkivet: the pages could not be written: {error}").format(error=error)) from None
        for record in told:  # (told here, where MkDocs counts the warnings that fail a strict build)
            logging.getLogger(record.name).handle(record)
        if failure:
            raise PluginError(failure)

    def _pages_written_in_a_fork(self, views: list) -> tuple[list[logging.LogRecord], str | None]:
        """In the forked process: `views` written, and what was logged meanwhile, with the error
        that stopped it (a template's), for the build's process to tell."""
        gc.enable()  # (rendering makes cycles of its own; what the fork inherits is frozen)
        logger = logging.getLogger("mkdocs")
        told = _Keeping(min((handler.level for handler in logger.handlers), default=logging.WARNING))
        handlers, logger.handlers = logger.handlers, [told]  # (printed and counted by the build's process alone)
        try:
            for view in views:
                self._write_page(view)
        except PluginError as error:
            return told.records, str(error)
        finally:
            logger.handlers = handlers
        return told.records, None

    def _render(self, view) -> str:
        try:
            return self.site.render(view)
        except RenderError as error:
            raise PluginError(f"protokollarkivet: {error}") from None

    def _write_page(self, view) -> None:
        try:
            self.pages.write(view, self._render(view))
        except pages.LayoutError as error:
            raise PluginError(f"protokollarkivet: {error}") from None

    def on_build_error(self, *, error: Exception) -> None:
        self.failed = True
        self._stop_search_index()
        self._stop_data_files()
        if isinstance(error, OSError):  # (MkDocs' own writes too: copying the theme's files)
            _refused(error)

    def on_shutdown(self) -> None:
        logging.getLogger("mkdocs.commands.build").removeFilter(self._carried_page_told)
        self._stop_search_index()
        self._stop_data_files()
        if self.copying is not None:  # (a build that failed before its pages: the next claims the copy)
            self.copying.cancel()
            self.copying = None
        self._cancel_refresh()  # (a preview stopped: its refresh would hold the exit up for a minute)
        for clearing in (self.clearing, self.unclaimed):
            if clearing is not None:
                clearing.wait()
        staged, self.staged = self.staged, None
        if staged is None or not staged[0].exists():
            return
        if self.failed:
            shutil.rmtree(staged[0], ignore_errors=True)
            log.error(_("the build failed; {site} was left as it was").format(site=staged[1]))
            return
        staging.swap_in(*staged, self._kept_folder(), shared=self.carried)
        if self.frame and self.data_record is not None:
            staging.BuildRecord(self.frame, staging.digest_of(staged[1] / "sitemap.xml"), self.digests,
                                made_of=self.site.data_made_of(), data=self.data_record.name).write(self._cache_dir(), staged[1])
        self._summary(staged[1])

    def _summary(self, site_dir: Path) -> None:
        """The one line a clean build prints (MkDocs' own lines and ours show with --verbose)."""
        line = _("{meetings} meetings, {pages} pages in {site} ({seconds} s)").format(
            meetings=len(self.site.published.meetings), pages=len(self.site.views) + len(self.site.archive.pages),
            site=site_dir, seconds=decimal(time.monotonic() - self.started))
        if self.site.infos:
            line += _("; {count} infos (--verbose shows them)").format(count=len(self.site.infos))
        log.info(line, extra={SUMMARY: True})

    # -- the preview -----------------------------------------------------------------------

    def on_serve(self, server, config: MkDocsConfig, builder):
        """After an edit to meeting files only, the preview re-renders the pages the edit
        affects, in place; any other change rebuilds the whole site as MkDocs does."""
        self.full_build = builder
        server.builder = self._rebuild_preview
        _watch_by_events(server)
        return server

    def _rebuild_preview(self) -> None:
        config = self.pages.config if self.pages else None
        cut = self._cancel_refresh()  # (what it would write is out of date now; its core is the edit's)
        if config is not None:
            started, now = time.monotonic(), _sources(config)
            changed = preview.changes(self.sources, now)
            try:
                if preview.only_meeting_files(changed, Path(config.docs_dir)) and self._rerender(config, changed, now, started, cut):
                    return
            except OSError as error:
                _refused(error)
        self.full_build()

    def _rerender(self, config: MkDocsConfig, changed: list[str], now: preview.Sources, started: float, cut: bool) -> bool:
        """Re-render what the edit of `changed` affects; False when that takes a full build. `cut`:
        the refresh of the pages shown was cancelled unfinished."""
        site_dir = Path(config.site_dir)
        if self.parse_cache:
            self.parse_cache.recent = now  # (the files were just looked at: no stat of each again)
        try:
            after = Site.load(self.site.config, self.parse_cache, earlier=self.site)
        except ContentError as error:
            _tell(error)  # the preview keeps showing the pages as they were, and says why
            staging.write_changed(site_dir, {preview.PROBLEMS_FILE: preview.problems_json(error.problems)})
            self.sources = now
            if cut:  # (the pages shown stay, so their search, feeds and open data are finished)
                self._refresh_in_background(site_dir)
            return True
        finally:
            if self.parse_cache:
                self.parse_cache.recent = {}
        edit = preview.affected_pages(self.site, after)
        if edit is None:
            return False
        before = self.site
        self.site = self.pages.site = after
        try:
            for view in edit.affected:
                self._write_page(view)
            staging.write_changed(site_dir, {preview.PROBLEMS_FILE: preview.problems_json([])})
        except OSError:  # (a full disk: the next save renders this edit's pages again)
            self.site = self.pages.site = before
            raise
        self.sources = now
        self._refresh_in_background(site_dir)
        log.info(_("preview: {count} pages re-rendered after the edit of {files} in {seconds} s; search, feeds and open "
                   "data follow").format(count=len(edit.affected), files=", ".join(changed), seconds=decimal(time.monotonic() - started)))
        return True

    def _refresh_in_background(self, site_dir: Path) -> None:
        """The search index, feeds and open data depend on the whole archive: rebuilt on another
        core, and put in place when done (the next edit cancels an unfinished refresh)."""
        self._cancel_refresh()
        site, kept = self.site, self._kept_folder()

        def refresh() -> None:
            os.nice(10)  # (the next edit's pages come first; this may take a minute at 10,000 protocols)
            folder = staging.search_folder(site_dir)
            write_search_files(site.published, folder, kept)
            staging.put_in_place(folder, site_dir / urls.SEARCH_INDEX_DIR)
            site.write_data_files(staging.ChangedWriter(site_dir))

        self.refresh = Background(refresh, group=True)

    def _cancel_refresh(self) -> bool:
        """Stops the preview's refresh; whether it had not ended."""
        refresh, self.refresh = self.refresh, None
        if refresh is None:
            return False
        running = refresh.running
        refresh.cancel()
        return running


class _Keeping(logging.Handler):
    """What a forked process logs, kept to be told by the process that forked it."""

    def __init__(self, level: int) -> None:
        super().__init__(level)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args, record.exc_info = record.getMessage(), None, None  # (sent back pickled)
        self.records.append(record)


def _watch_by_events(server) -> None:
    """MkDocs' preview polls the files it watches every half second, a stat of each: at 10,000
    protocols a quarter of the serving process's time, with an edit seen up to three quarters of
    a second after it was saved. On Linux the preview watches by inotify instead; where the
    kernel refuses (its limit of watches reached), and elsewhere, it polls as MkDocs does."""
    observer = _event_observer()
    if observer is None:
        return
    watched, polling = dict(server._watched_paths), server.observer
    try:
        _rewatch(server, observer, watched)
        observer.start()
    except OSError as error:
        log.info(_("the kernel refused to report changes ({error}): the preview looks for them every half "
                   "second").format(error=error))
        observer.stop()
        _rewatch(server, polling, watched)


def _rewatch(server, observer, watched: dict[str, int]) -> None:
    """`server`'s watched paths watched by `observer` (as MkDocs' own `watch` makes them)."""
    server.observer, server._watched_paths, server._watch_refs = observer, {}, {}
    for path, count in watched.items():
        server.watch(path)
        server._watched_paths[path] = count


_CHANGES = ("FileModifiedEvent", "FileClosedEvent", "FileCreatedEvent", "FileDeletedEvent", "FileMovedEvent",
            "FileAttribEvent", "EventsLostEvent")
"""The events that say content changed (an event lost: it may have). A folder's own events are
not asked for: MkDocs' server ignores them (a folder moved or removed is told file by file)."""


def _event_observer():
    """An inotify observer told only of changes (a file read, opened or closed unwritten, is none,
    or each build would start the next); started by `_watch_by_events`, so that a watch the
    kernel refuses shows there, MkDocs' own start of it then doing nothing. None off Linux."""
    if not sys.platform.startswith("linux"):
        return None
    from watchdog import events
    from watchdog.observers.inotify import InotifyObserver

    changes = [getattr(events, name) for name in _CHANGES if hasattr(events, name)]  # (one this watchdog lacks: left out)

    class ChangeObserver(InotifyObserver):
        def start(self) -> None:
            if not self.is_alive():
                super().start()

        def schedule(self, event_handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
            return super().schedule(event_handler, path, recursive=recursive, event_filter=event_filter or changes,
                                    follow_symlink=follow_symlink)

    return ChangeObserver()


def _refused(error: OSError) -> NoReturn:
    """A file the system refused the build (a full disk): one line that names it and the way out,
    as MkDocs tells a build error (and the preview, which prints a `SystemExit` and a traceback
    for anything else); the traceback with --verbose."""
    log.debug("".join(traceback.format_exception(error)))
    log.error(_("the build could not write its site: {error}").format(error=file_error(error)))
    raise Abort("Aborted with a BuildError!") from None


def _sources(config: MkDocsConfig) -> preview.Sources:
    """What a build reads: the content, mkdocs.yml and the theme."""
    roots = [Path(config.docs_dir), *([Path(config.theme.custom_dir)] if config.theme.custom_dir else [])]
    return preview.sources(roots, [Path(config.config_file_path)])


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


def _tell(error: ContentError) -> None:
    """The content's problems in the terminal, outside MkDocs' log, whose errors would stop a
    strict preview."""
    print(f"ERROR   -  {error}", file=sys.stderr, flush=True)
