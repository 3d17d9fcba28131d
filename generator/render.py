"""Views -> HTML fragments, with the jinja2 templates in `theme/protokollarkivet/`.

The fragment is the page's content; the site's layout around it (header, navigation, footer)
is the engine's (Material for MkDocs). All content strings are escaped by autoescaping; the
item text arrives as HTML that markdown-it-py rendered with raw HTML off.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from . import text, urls
from .model import Block, FieldLine, Fields, Prose
from .settings import Settings
from .feedback import LINK_TEXT, report_mailto
from .labels import BLOCK_NAMES, DECISION_DEFINITE, KIND_LABELS, STATUS_LABELS, citation, meeting_citation
from .views import View
from .xref import Linker, dnr_slug

THEME_DIR = Path(__file__).resolve().parent.parent / "theme"


class Renderer:
    """The templates, with what they may ask of the archive: the linker for references in text,
    the facts for an assignment's state and who a name is."""

    def __init__(self, theme_dir: Path, settings: Settings, linker: Linker):
        facts = linker.facts
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(theme_dir / "protokollarkivet")),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            bytecode_cache=_COMPILED,
        )
        self.env.filters.update(
            xref=linker.link,
            rel=_rel, long_date=text.long_date, long_moment=text.long_moment, date_range=text.date_range, weekday_date=text.weekday_date, size=_size, html=Markup,
            excerpt=_excerpt, presenters=_presenters,
            count_of=lambda n, one, many: f"{n} {one if n == 1 else many}",
            status_anchor=text.slug,
        )
        self.env.globals.update(
            urls=urls, status_label=STATUS_LABELS.get, kind_label=KIND_LABELS.get, block_label=BLOCK_NAMES.get, decision_definite=DECISION_DEFINITE.get,
            is_prose=lambda part: isinstance(part, Prose), is_fields=lambda part: isinstance(part, Fields),
            is_block=lambda part: isinstance(part, Block), site_url=settings.site_url, portal=settings.portal, cite=citation,
            dnr_url=lambda number: urls.diarienummer(dnr_slug(number)),
            people=settings.people, assignment=lambda here, anchor: facts.assignment_states.get((here, anchor)),
            person_url=lambda name, meeting=None: urls.person(facts.people.key(name, meeting)).url,
            report_text=LINK_TEXT, report_link=lambda body, meeting, item=None: report_mailto(
                settings, citation(body, meeting, item) if item else meeting_citation(body, meeting),
                urls.item(meeting, item) if item else urls.meeting(meeting).url),
        )

    def render(self, view: View) -> str:
        try:
            template = self.env.get_template(view.template)
            return template.render(view=view, here=view.target.url)
        except jinja2.TemplateError as error:
            where = f"{error.filename}:{error.lineno}: " if getattr(error, "lineno", None) else ""
            raise RenderError(f"{where}{view.template} for {view.target.url or 'the home page'}: {error}") from None


class _Compiled(jinja2.BytecodeCache):
    """The templates as compiled, kept for the process: each `Site` has an environment of its own
    (its filters know its archive), and the preview makes a `Site` per edit; compiling the
    templates again was a tenth of an edit's preview at 10,000 protocols. A template whose
    source changed is compiled again (jinja2 checks the source's checksum)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _Compiled()


class RenderError(Exception):
    """A template could not render a view (a defect in the theme, not in the content)."""


@jinja2.pass_context
def _rel(context: jinja2.runtime.Context, url: str) -> str:
    return urls.relative(url, context["here"])


def _size(size: int | None) -> str:
    if size is None:
        return ""
    if size < 1024:
        return f"{size} byte"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} kB".replace(".", ",")
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def _excerpt(value: str, length: int = 280) -> str:
    flat = " ".join(value.split())
    if len(flat) <= length:
        return flat
    return flat[: flat.rfind(" ", 0, length)].rstrip(",;:") + " …"


@jinja2.pass_context
def _presenters(context: jinja2.runtime.Context, line: FieldLine) -> Markup:
    """A `Föredragande:` line's presenters as Swedish prose, `A, B (utredare) och C`, names linked to
    their person pages when those are on."""
    def name(text: str) -> str:
        if not context.get("people"):
            return str(escape(text))
        ref = getattr(context["view"], "ref", None)
        meeting = ref.meeting if ref is not None else None
        return f'<a href="{escape(urls.relative(context["person_url"](text, meeting), context["here"]))}">{escape(text)}</a>'

    shown = [f"{name(p.name)} ({escape(p.description)})" if p.description else name(p.name) for p in line.presenters]
    if len(shown) < 2:
        return Markup(shown[0] if shown else escape(line.value))
    return Markup(", ".join(shown[:-1]) + " och " + shown[-1])
