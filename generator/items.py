"""The Markdown body of a meeting file -> items, field lines and blocks.

The body is parsed once with markdown-it-py (raw HTML off) and its token stream is walked
top-level token by top-level token, a small rule for each construct:

- `## 5. Title` / `## 7a. Title` / `## Title` starts an item;
- `# Title` starts a meeting-level section (a preamble before the items, an appendix after);
- a paragraph whose lines are all `Label: value` with known labels is a field paragraph;
- `::: kind` ... `:::` is a block (decision, proposal, vote, dissent, ...);
- everything else is prose, rendered to HTML as it stands.
"""

from __future__ import annotations

import bisect
import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from typing import Callable, Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin

from . import dnr
from .model import (
    Assignment,
    Attachment,
    Block,
    Diarienummer,
    FieldLine,
    Fields,
    Item,
    Part,
    Presenter,
    Prose,
    Section,
    html_to_keep,
)
from .messages import _
from .problems import Problem, did_you_mean, found_expected
from .text import slug

BLOCK_PREFIXES = {
    "beslut": "b",
    "ställningstagande": "b",
    "yrkande": "y",
    "propositionsordning": "po",
    "omröstning": "v",
    "reservation": "r",
    "protokollsanteckning": "a",
    "särskilt yttrande": "sy",
    "jäv": "j",
    "förslag": "f",
}
"""Block kinds and the letters of their anchors (`p26-b1`); decisions share `b`."""

ITEM_LABELS = {"typ", "föredragande", "ämnen", "ämne", "dnr", "bilaga", "beslutsunderlag", "handlingar", "handling", "återrapport",
               "beslutet skickas till", "beslutet expedieras till", "expedieras till", "sekretess", "justering"}
DISPATCH_LABELS = {"beslutet skickas till", "beslutet expedieras till", "expedieras till"}
"""Who the decision is sent to (expediering), as the minutes print it."""
BLOCK_LABELS = {
    "beslut": {"uppdrag"},
    "ställningstagande": {"uppdrag"},
    "yrkande": {"av"},
    "omröstning": {"ja", "nej", "avstår", "resultat"},
    "reservation": {"av"},
    "protokollsanteckning": {"av"},
    "särskilt yttrande": {"av"},
    "jäv": {"av"},
}
"""Field labels known at the start of each block kind; other kinds take none."""
BY_MEMBER_KINDS = tuple(kind for kind, labels in BLOCK_LABELS.items() if "av" in labels)
"""Blocks that are some member's act (a proposal, a dissent, a note, a statement, jäv): they name who."""

ITEM_TYPES = {
    "beslutsärende": "beslutsärende",
    "muntligt beslutsärende": "beslutsärende",
    "skriftligt beslutsärende": "beslutsärende",
    "ställningstagande": "beslutsärende",
    "valärende": "beslutsärende",
    "informationsärende": "informationsärende",
    "muntligt informationsärende": "informationsärende",
    "skriftligt informationsärende": "informationsärende",
    "information": "informationsärende",
    "muntlig information": "informationsärende",
    "skriftlig information": "informationsärende",
    "diskussionsärende": None,
    "diskussion": None,
    "anmälningsärende": None,
    "meddelanden": None,
    "delegationsbeslut": None,
    "anmälan av delegationsbeslut": None,
    "delegationsärende": None,
}
"""The item types Swedish minutes print after `Typ:`, and the class each belongs to (a
beslutsärende must record its decision). A body declares its own under `item_types` in
bodies.yml; anything else is a typo until declared."""


def type_class(printed: str) -> str | None:
    """The class of a type a body declares itself, from the words it is made of."""
    lowered = printed.lower()
    if "delegation" in lowered or "anmälan" in lowered:
        return None  # decisions taken under delegation, reported to the body: a list, not its decisions
    if "beslut" in lowered or "ställningstagande" in lowered:
        return "beslutsärende"
    if "information" in lowered:
        return "informationsärende"
    return None


_NUMBERED = re.compile(
    r"^(?P<prefix>(?:(?:[A-ZÅÄÖ]{2,5}\s+)?[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,4}\s+)?§\s*|(?:[A-ZÅÄÖ]{2,5}\s+)?[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,4}\s+)?"
    r"(?P<number>\d{1,4}(?:\.\d{1,3})?[a-z]?)\.\s+(?P<title>\S.*)$"
)
"""`## 5. Title`, `## 7a. Title`, `## 2.1. Title`; with the number as printed: `## § 12. Title`,
`## KS § 123. Title`, `## RS AU § 266. Title`, `## Sn 12. Title` (the anchor is the number's:
`p123`). A number the minutes print twice (a word processor's numbering glitch) is kept as
printed: the second item's anchor is `p7_2` (the third's `p7_3`), and `check` notes it."""
_AT_THE_MEETING = re.compile(r"^omedelbar(?:t)?(?:\s+justerad)?\.?$", re.IGNORECASE)
"""`Justering: omedelbar`: the paragraph was adjusted at the meeting (*omedelbart justerad*)."""
_FIELD_LINE = re.compile(r"^(\w[\w ./-]{0,40}?)\s*:\s+(\S.*)$")
_LINK = re.compile(r"^\[(?P<title>[^\]]+)\]\((?P<file>[^)\s]+)\)$")
_WITHHELD = re.compile(r"^(?P<title>.*?)\s*\(\s*utelämnad\s*:\s*(?P<ground>[^)]+?)\s*\)$", re.IGNORECASE)
"""`Handlingar: Yttrande från polisen (utelämnad: OSL 26 kap. 1 §)`: a handling listed, not
published, with the legal ground for withholding it."""


def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")
    # (raw HTML is text here: its two rules would only try each line and give up, 3% of parsing)
    md.disable(["html_block", "html_inline"])
    # One container rule for every kind, so an unknown kind still parses as a block and
    # can be reported with a did-you-mean instead of leaking ':::' into the page.
    md.use(container_plugin, name="block", validate=lambda params, *_: bool(params.strip()))
    return md


_UNSAFE_LINK = re.compile(r"^\s*(javascript|vbscript|file|data):", re.IGNORECASE)


def _safe_link(url: str) -> bool:
    """Content links may not run code or embed documents: no javascript:, vbscript:, file: or data:."""
    return not _UNSAFE_LINK.match(url)


MD = _markdown()
MD.validateLink = _safe_link


@dataclass(slots=True)
class Context:
    """What the parser needs from outside: where it is, and how to resolve references."""

    path: str
    line_offset: int
    """Line of the body's first line in the file, minus one."""
    resolve_topic: Callable[[str, int], str | None]
    """Topic key for a key, name or synonym; reports and returns None when unknown."""
    resolve_attachment: Callable[[str, str | None, str, int], Attachment]
    item_types: dict[str, str | None] = field(default_factory=lambda: dict(ITEM_TYPES))
    """Known item types (lower-cased) and their class: the general ones and the body's own."""
    problems: list[Problem] = field(default_factory=list)
    inserted: list[int] = field(default_factory=list)
    """Lines (0-based, in the parsed text) that the parser added to close unclosed blocks."""

    def line(self, token: Token) -> int:
        parsed = token.map[0] if token.map else 0
        return self.line_offset + parsed - bisect.bisect_right(self.inserted, parsed) + 1

    def report(self, code: str, line: int, field_name: str, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.path, line, field_name, message, hint, code=code))


@dataclass(slots=True)
class ParsedBody:
    preamble: list[Section]
    items: list[Item]
    appendix: list[Section]


@dataclass(slots=True)
class _ItemDraft:
    number: str | None
    title: str
    anchor: str
    line: int
    type_printed: str | None = None
    type_line: int | None = None
    printed_number: str | None = None
    secrecy: str | None = None
    adjusted_at_meeting: bool = False
    dispatched_to: list[str] = field(default_factory=list)
    presenters: list[Presenter] = field(default_factory=list)
    presenter_line: tuple[Presenter, ...] = ()
    """The last `Föredragande:` line's presenters, as its field line holds them."""
    topics: list[str] = field(default_factory=list)
    diarienummer: list[Diarienummer] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    reports: list[str] = field(default_factory=list)
    block_counts: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class _SectionDraft:
    title: str | None
    parts: list[Part] = field(default_factory=list)


def parse_body(text: str, ctx: Context) -> ParsedBody:
    tokens = MD.parse(close_open_blocks(text, ctx))
    walker = _Walker(ctx)
    index = 0
    while index < len(tokens):
        index = walker.step(tokens, index)
    return walker.finish()


_FENCE_OPEN = re.compile(r"^ {0,3}(:{3,})\s*(\S.*?)\s*$")
_FENCE_CLOSE = re.compile(r"^ {0,3}(:{3,})\s*$")
_CODE_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ITEM_OR_SECTION = re.compile(r"^ {0,3}#{1,2}\s")


def close_open_blocks(text: str, ctx: Context) -> str:
    """Blocks do not nest and do not span items: a `::: kind` block still open at the next block,
    at the next heading or at the end of the file is an error at the line that opened it. Without
    this rule Markdown would carry the block on and merge what follows into it (two decisions
    become one and an anchor disappears, silently). The text comes back with the missing `:::`
    added, so the rest of the file parses as the writer meant it and only this one error is told."""
    lines = text.split("\n")
    out: list[str] = []
    opened: tuple[int, str] | None = None
    code_fence: str | None = None

    def close(reason: str) -> None:
        nonlocal opened
        assert opened is not None
        line, kind = opened
        ctx.report("unclosed-block", ctx.line_offset + line + 1, f"::: {kind}", reason, _("end the block with a line ':::'"))
        ctx.inserted.append(len(out))
        out.append(":::")
        opened = None

    for index, line in enumerate(lines):
        shown = ctx.line_offset + index + 1
        if code_fence is not None:
            code_fence = None if line.strip().startswith(code_fence) else code_fence
        elif fence := _CODE_FENCE.match(line):
            code_fence = fence[1]
        elif _FENCE_CLOSE.match(line):
            opened = None
        elif fence := _FENCE_OPEN.match(line):
            if opened is not None:
                close(_("the block is not closed before the next block at line {line}").format(line=shown))
            opened = (index, fence[2].split()[0].lower())
        elif opened is not None and _ITEM_OR_SECTION.match(line):
            close(_("the block is not closed before the heading at line {line}").format(line=shown))
        out.append(line)
    if opened is not None:
        close(_("the block is not closed before the end of the file"))
    return "\n".join(out)


class _Walker:
    """Walks top-level tokens, building items and sections in order."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.preamble: list[_SectionDraft] = []
        self.appendix: list[_SectionDraft] = []
        self.items: list[_ItemDraft] = []
        self.current: _ItemDraft | _SectionDraft | None = None
        self.prose: list[Token] = []
        self.numbers: dict[str, int] = {}
        self.anchors: dict[str, int] = {}

    # -- one rule per construct -------------------------------------------------------

    def step(self, tokens: list[Token], index: int) -> int:
        token = tokens[index]
        if token.type == "heading_open" and token.tag in ("h1", "h2"):
            self._flush_prose()
            title = _plain(tokens[index + 1])
            if token.tag == "h2":
                self._start_item(title, self.ctx.line(token))
            else:
                self._start_section(title)
            return index + 3
        if token.type == "container_block_open":
            end = _group_end(tokens, index)
            self._flush_prose()
            self._block(tokens[index : end + 1])
            return end + 1
        if token.type == "paragraph_open":
            inline = tokens[index + 1]
            if inline.content.startswith(":::"):
                self.ctx.report("stray-fence", self.ctx.line(token), ":::", _("found a ':::' line that opens or closes no block"),
                                "open a block with '::: beslut' (or another kind) and close it with ':::'")
            if self._field_paragraph(inline, self.ctx.line(token)):
                return index + 3
        end = _group_end(tokens, index)
        self.prose.extend(tokens[index : end + 1])
        return end + 1

    def _start_item(self, title: str, line: int) -> None:
        match = _NUMBERED.match(title)
        number, title = (match["number"], match["title"]) if match else (None, title)
        printed = f"{' '.join(match['prefix'].split())} {number}".replace("§ ", "§ ") if match and match["prefix"] else None
        if number is not None:
            anchor = f"p{number.replace('.', '-')}"
            if number in self.numbers:
                anchor = self._unique_anchor(anchor, start=2)
                self.ctx.problems.append(Problem(
                    self.ctx.path, line, f"§ {number}",
                    _("the item number appears twice (first at line {first}); kept as printed, this item's address is "
                      "#{anchor}").format(first=self.numbers[number], anchor=anchor),
                    _("keep it if the minutes print it so; otherwise give each item its own number, sub-items as 7a, 7b"),
                    severity="note", code="item-number"))
            self.numbers.setdefault(number, line)
        else:
            anchor = self._unique_anchor(slug(title))
        self.current = _ItemDraft(number, title, anchor, line, printed_number=printed)
        self.items.append(self.current)

    def _unique_anchor(self, base: str, start: int = 1) -> str:
        """`base`, or for a repeated number `p7_2` (no dotted number's `p7-2`), for a title `slug-2`."""
        count = max(self.anchors.get(base, 0) + 1, start)
        self.anchors[base] = count
        return base if count == 1 else f"{base}_{count}" if start > 1 else f"{base}-{count}"

    def _start_section(self, title: str) -> None:
        self.current = _SectionDraft(title)
        (self.appendix if self.items else self.preamble).append(self.current)

    def _field_paragraph(self, inline: Token, line: int) -> bool:
        """Read a paragraph of field lines; False when the paragraph is prose."""
        lines = inline.content.split("\n")
        first = _FIELD_LINE.match(lines[0])
        if not first:
            return False
        label = first[1].lower()
        if label not in ITEM_LABELS:
            if hint := _close_label(label, ITEM_LABELS):
                self.ctx.report("field-label", line, first[1], _("unknown field label"), hint)
            return False
        if not isinstance(self.current, _ItemDraft):
            self.ctx.report("field-label", line, first[1], _("field line outside an item"),
                            _("field lines belong under an item heading '## N. Title'"))
            return False
        shown: list[FieldLine] = []
        for offset, text in enumerate(lines):
            match = _FIELD_LINE.match(text)
            if not match or match[1].lower() not in ITEM_LABELS:
                found = match[1] if match else text[:40]
                hint = (_close_label(match[1].lower(), ITEM_LABELS) if match else "") or \
                    _("leave a blank line between the field lines and the text")
                self.ctx.report("field-label", line + offset, "field line", _("found {found} among field lines, expected one of "
                                "{labels}").format(found=repr(found), labels=", ".join(sorted(ITEM_LABELS))), hint)
                continue
            value = match[2].strip()
            presenters = tuple(parse_presenters(value)) if match[1].lower() == "föredragande" else ()
            self._item_field(self.current, match[1], value, line + offset, presenters)
            shown.append(FieldLine(_display_label(match[1]), value, presenters))
        self._flush_prose()
        self.current.parts.append(Fields(tuple(shown)))
        return True

    def _item_field(self, item: _ItemDraft, label: str, value: str, line: int, presenters: tuple[Presenter, ...]) -> None:
        key = label.lower()
        if key == "typ":
            if item.type_printed is not None:
                self.ctx.report("item-type", line, "Typ", _("the item type is given twice"), _("keep one 'Typ:' line"))
            item.type_printed, item.type_line = value, line
        elif key == "föredragande":
            item.presenters.extend(presenters)
            item.presenter_line = presenters
        elif key in ("ämnen", "ämne"):
            for name in filter(None, (part.strip() for part in value.split(","))):
                if (key_ := self.ctx.resolve_topic(name, line)) and key_ not in item.topics:
                    item.topics.append(key_)
        elif key == "dnr":
            normalised = dnr.normalise(value)
            if normalised is None:
                self.ctx.report("diarienummer", line, "Dnr", found_expected(
                    value, _("a diarienummer such as '{example}'").format(example=dnr.EXAMPLE)))
            else:
                item.diarienummer.append(Diarienummer(value, normalised))
        elif key == "återrapport":
            item.reports.extend(part.strip() for part in value.split(",") if part.strip())
        elif key in DISPATCH_LABELS:
            # (";" between recipients where one has a comma of its own: "Ekonomiavdelningen, Dalbyns kommun; Kommunstyrelsen")
            separator = ";" if ";" in value else ","
            item.dispatched_to.extend(part.strip() for part in value.split(separator) if part.strip())
        elif key == "sekretess":
            item.secrecy = value
        elif key == "justering":
            if _AT_THE_MEETING.match(value):
                item.adjusted_at_meeting = True
            else:
                self.ctx.report("adjustment", line, "Justering", found_expected(value, "'omedelbar'"),
                                _("'Justering: omedelbar' marks a paragraph adjusted at the meeting; the minutes' own "
                                  "adjustment is 'adjusted_on' in the front matter"))
        else:  # bilaga, beslutsunderlag, handlingar
            withheld = _WITHHELD.match(value) if key in ("handlingar", "handling") else None
            if withheld:
                item.attachments.append(Attachment(withheld["title"], "handling", withheld=withheld["ground"]))
                return
            link = _LINK.match(value)
            title, file = (link["title"], link["file"]) if link else (value, None)
            kind = "handling" if key in ("handlingar", "handling") else key
            item.attachments.append(self.ctx.resolve_attachment(title, file, kind, line))

    def _block(self, tokens: list[Token]) -> None:
        opening = tokens[0]
        line = self.ctx.line(opening)
        kind = _block_kind(opening.info)
        if kind not in BLOCK_PREFIXES:
            self.ctx.report("block-kind", line, f"::: {kind}", _("unknown block kind"),
                            did_you_mean(kind, BLOCK_PREFIXES) or _("known kinds: {kinds}").format(kinds=", ".join(BLOCK_PREFIXES)))
            return
        if not isinstance(self.current, _ItemDraft):
            self.ctx.report("block-kind", line, f"::: {kind}", _("block outside an item"), _("move it under the item it belongs to"))
            return
        inner = tokens[1:-1]
        fields, inner = self._block_fields(kind, inner, line)
        count = self.current.block_counts.get(BLOCK_PREFIXES[kind], 0) + 1
        self.current.block_counts[BLOCK_PREFIXES[kind]] = count
        anchor = f"{self.current.anchor}-{BLOCK_PREFIXES[kind]}{count}"
        first = {label: values[0] for label, values in fields.items()}
        block = Block(
            kind=kind, anchor=anchor, own_html=_own_html(inner), held=_text(inner),
            by=_names(first.get("av")), yes=_names(first.get("ja")), no=_names(first.get("nej")),
            abstain=_names(first.get("avstår")), result=first.get("resultat"), line=line,
            assignments=tuple(self._assignment(anchor, n, value, line) for n, value in enumerate(fields.get("uppdrag", []), 1)),
        )
        if kind in BY_MEMBER_KINDS and kind != "yrkande" and not block.by:  # (a proposal's proposer may go untold)
            self.ctx.report("block-content", line, f"::: {kind}", _("found no 'Av:' line, expected who it is by"),
                            _("start the block with 'Av: Name'"))
        if kind in ("beslut", "ställningstagande", "propositionsordning", "förslag") and not block.text.strip():
            self.ctx.report("block-content", line, f"::: {kind}", _("the block is empty"), _("write the text between the ':::' lines"))
        self.current.parts.append(block)

    def _assignment(self, decision: str, number: int, value: str, line: int) -> Assignment:
        """`Uppdrag: who; what; when` (when is optional; an ISO date in it is the due date)."""
        parts = [part.strip() for part in value.split(";")]
        if len(parts) < 2 or not all(parts[:2]):
            self.ctx.report("assignment", line, "Uppdrag", found_expected(value, _("'who; what' or 'who; what; when'")),
                            _("e.g. 'Uppdrag: Hjälpmedelsrådet; återkomma med förslag; 2023-11-10'"))
            parts = (parts + ["", ""])[:2]
        due = parts[2] if len(parts) > 2 and parts[2] else None
        date = re.search(r"(?:19|20)\d\d-\d\d-\d\d", due or "")
        try:
            due_date = dt.date.fromisoformat(date.group()) if date else None
        except ValueError:
            self.ctx.report("assignment", line, "Uppdrag", found_expected(date.group(), _("a date that exists")))
            due_date = None
        return Assignment(f"{decision}-u{number}", parts[0], "; ".join(parts[1:2]), due, due_date, line)

    def _block_fields(self, kind: str, inner: list[Token], line: int) -> tuple[dict[str, list[str]], list[Token]]:
        labels = BLOCK_LABELS.get(kind, set())
        if not labels or len(inner) < 3 or inner[0].type != "paragraph_open":
            return {}, inner
        fields: dict[str, list[str]] = {}
        rest: list[str] = []
        for text in inner[1].content.split("\n"):
            match = _FIELD_LINE.match(text)
            if match and match[1].lower() in labels and not rest:
                fields.setdefault(match[1].lower(), []).append(match[2].strip())
            else:
                rest.append(text)
        if not fields:
            return {}, inner
        if rest:
            self.ctx.report("block-content", line, f"::: {kind}", _("text directly after the field lines"),
                            _("leave a blank line between the field lines and the text"))
        return fields, inner[3:]

    # -- bookkeeping ------------------------------------------------------------------

    def _flush_prose(self) -> None:
        if not self.prose:
            return
        tokens, self.prose = self.prose, []
        if self.current is None:
            self.current = _SectionDraft(None)
            self.preamble.append(self.current)
        headings = tuple(_plain(tokens[i + 1]) for i, t in enumerate(tokens) if t.type == "heading_open")
        self.current.parts.append(Prose(_own_html(tokens), _text(tokens), headings))

    def finish(self) -> ParsedBody:
        self._flush_prose()
        for draft in self.items:
            if draft.secrecy is not None:
                _keep_only_what_secrecy_allows(draft)
        items = [
            Item(
                number=d.number, title=d.title, anchor=d.anchor, type_printed=d.type_printed,
                type=self._classify(d), presenters=_presenters(d), topics=tuple(d.topics),
                diarienummer=tuple(d.diarienummer), attachments=tuple(d.attachments), parts=tuple(d.parts), line=d.line,
                reports=tuple(d.reports),
                decisions=tuple(p for p in d.parts if isinstance(p, Block) and p.is_decision),
                printed_number=d.printed_number, dispatched_to=tuple(d.dispatched_to), secrecy=d.secrecy,
                adjusted_at_meeting=d.adjusted_at_meeting,
            )
            for d in self.items
        ]
        return ParsedBody(
            preamble=[Section(s.title, tuple(s.parts)) for s in self.preamble],
            items=items,
            appendix=[Section(s.title, tuple(s.parts)) for s in self.appendix],
        )

    def _classify(self, draft: _ItemDraft):
        printed = (draft.type_printed or "").lower()
        if not printed:
            return None
        if printed in self.ctx.item_types:
            return self.ctx.item_types[printed]
        known = {name: name[:1].upper() + name[1:] for name in self.ctx.item_types}
        close = difflib.get_close_matches(printed, list(known), n=1, cutoff=0.75)
        hint = _("did you mean '{name}'?").format(name=known[close[0]]) if close else \
            _("declare the body's own types under 'item_types' in content/bodies.yml")
        self.ctx.report("item-type", draft.type_line or draft.line, "Typ", found_expected(
            draft.type_printed, _("a known item type such as 'Beslutsärende', 'Informationsärende' or 'Diskussionsärende'")), hint)
        return None


def _keep_only_what_secrecy_allows(draft: _ItemDraft) -> None:
    """An item under secrecy (`Sekretess: 26 kap. 1 § OSL`) publishes its number, title and legal
    ground; its text, decisions, fields, presenters, numbers and attachments are dropped here,
    before any page, index, feed or open data sees the item."""
    draft.parts = []
    draft.type_printed = draft.type_line = None
    draft.presenters, draft.topics, draft.diarienummer, draft.attachments = [], [], [], []
    draft.reports, draft.dispatched_to = [], []


# -- token helpers ---------------------------------------------------------------------


def _block_kind(info: str) -> str:
    """The kind a `:::` line names: its first word, or its first two where they name one
    (`::: särskilt yttrande`)."""
    words = info.lower().split()
    two = " ".join(words[:2])
    return two if two in BLOCK_PREFIXES else words[0]


def _group_end(tokens: Sequence[Token], index: int) -> int:
    """Index of the token that closes the top-level token at `index`."""
    token = tokens[index]
    if token.nesting != 1:
        return index
    for end in range(index + 1, len(tokens)):
        if tokens[end].level == token.level and tokens[end].nesting == -1:
            return end
    return len(tokens) - 1


def _render(tokens: Sequence[Token]) -> str:
    return MD.renderer.render(list(tokens), MD.options, {})


def _own_html(tokens: Sequence[Token]) -> str | None:
    return html_to_keep(_render(tokens), _text(tokens))


def _text(tokens: Sequence[Token]) -> str:
    return "\n".join(_plain(t) for t in tokens if t.type == "inline")


def _plain(inline: Token) -> str:
    """The text of an inline token, without Markdown markup."""
    if not inline.children:
        return inline.content.strip()
    out = []
    for child in inline.children:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
    return "".join(out).strip()


def parse_presenters(value: str) -> list[Presenter]:
    """`A; B, utredare` -> presenters A and B (with description 'utredare')."""
    presenters = []
    for entry in filter(None, (part.strip() for part in value.split(";"))):
        name, _comma, description = entry.partition(",")
        presenters.append(Presenter(name.strip(), description.strip() or None))
    return presenters


def _presenters(draft: _ItemDraft) -> tuple[Presenter, ...]:
    """The item's presenters, each once: where they are its one `Föredragande:` line's, that line's
    own tuple (120,000 items held a copy of it at 10,000 protocols, each kept and sent pickled)."""
    presenters = tuple(_unique(draft.presenters))
    return draft.presenter_line if presenters == draft.presenter_line else presenters


def _unique(presenters: list[Presenter]) -> list[Presenter]:
    seen: dict[str, Presenter] = {}
    for presenter in presenters:
        if presenter.name not in seen or (presenter.description and not seen[presenter.name].description):
            seen[presenter.name] = presenter
    return list(seen.values())


def _names(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(filter(None, (name.strip() for name in value.split(","))))


def _close_label(label: str, known: set[str]) -> str:
    close = difflib.get_close_matches(label, known, n=1, cutoff=0.75)
    return _("did you mean '{name}'?").format(name=f"{_display_label(close[0])}:") if close else ""


def _display_label(label: str) -> str:
    return label[:1].upper() + label[1:].lower()
