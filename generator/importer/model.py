"""The importer's own records: source lines in, a draft meeting and its report out.

A `Line` is one line of extracted text with what the source said about it (heading, bold,
list item, table row) and where it came from. A `DraftMeeting` is what the rules made of a
range of lines; `write` turns it into a protocol file of the content format. Every fact the
rules take from the text is also logged as a `Guess` with its source line, and every line
they could not use as an `Unplaced`, so the report can list both.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..model import DECISION_KINDS


@dataclass(slots=True)
class Line:
    text: str
    """The line's text, markup removed, whitespace trimmed (tabs kept as column breaks)."""
    loc: str
    """Where it came from, for the report: `line 12`, `page 2, line 5`, `paragraph 14`."""
    no: int = 0
    """1-based position in the extracted text."""
    heading: int = 0
    """1-6 when the source marks the line as a heading (Markdown #, a Word heading style, a large font)."""
    bold: bool = False
    """The whole line is bold (or italic) in the source."""
    bullet: int = 0
    """List depth + 1 when the source marks the line as a list item."""
    page: int | None = None
    unnumbered: bool = False
    """A heading the source marks as unnumbered where its typesetter numbers the others (`\\section*`)."""
    indent: float = 0.0
    """How far the line is set in from the page's text margin, in points (PDF); 0 elsewhere."""
    joined: bool = False
    """The line continues the paragraph before it across a removed page header or figure."""
    cells: tuple[str, ...] = ()
    """The line's columns where the source sets them itself: a table row's cells, or the text
    between typed tabs (Word, OpenDocument, a text file), where two tabs in a row leave an empty
    column. `text` joins what is not empty; empty when the source has no such columns (PDF)."""
    column_starts: tuple[float, ...] = ()
    """In a PDF, where each of the line's tab-separated pieces begins on the page (points): which
    column of a table above a piece stands in, where the text has lost its empty cells."""

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def hinted(self) -> bool:
        """The source itself marks the line as a heading (level or bold)."""
        return bool(self.heading or self.bold)


@dataclass(slots=True)
class Guess:
    loc: str
    field: str
    value: str


@dataclass(slots=True)
class Unplaced:
    loc: str
    text: str
    reason: str


@dataclass(slots=True)
class Attendee:
    name: str
    organisation: str | None = None
    party: str | None = None
    role: str | None = None
    title: str | None = None
    group: str | None = None
    replaces: str | None = None
    days: list[dt.date] = field(default_factory=list)
    until_item: str | None = None
    absent_from_items: list[str] = field(default_factory=list)
    from_item: str | None = None
    """`fr.o.m. § 45` as printed: the first item attended, turned into the items missed once the
    meeting's items are known."""
    note: str | None = None
    day_numbers: list[int] = field(default_factory=list)
    """`dag 2` as printed, turned into dates once the meeting's days are known."""
    replaced_party: str | None = None
    """The party printed beside the member replaced ("Helena Bark (S) för Tomas Lind (S)"): the absent member's."""
    loc: str = ""


@dataclass(slots=True)
class Signature:
    name: str
    role: str | None = None
    title: str | None = None
    organisation: str | None = None
    signed_at: str | None = None
    method: str | None = None
    reference: str | None = None


@dataclass(slots=True)
class NextMeeting:
    text: str
    date: dt.date | None = None
    time: str | None = None
    place: str | None = None


@dataclass(slots=True)
class Presenter:
    name: str
    description: str | None = None


@dataclass(slots=True)
class Part:
    """One piece of an item's body, in order.

    kind: `para` (text), `list` (lines: `(depth, text)`), `heading` (a sub-heading), `fields`
    (field lines `(label, value)`), `block` (a `:::` block: `block` names its kind, `by` who, `text`
    its Markdown), `table` (rows of cells).
    """

    kind: str
    text: str = ""
    items: list = field(default_factory=list)
    block: str = ""
    by: list[str] = field(default_factory=list)
    loc: str = ""


@dataclass(slots=True)
class DraftItem:
    number: str | None
    title: str
    loc: str
    printed: str | None = None
    """The number as printed with a body's prefix (`Ksau § 23`), when it has one."""
    type_printed: str | None = None
    secrecy: str | None = None
    """The legal ground of secrecy the minutes give for the item (`26 kap. 1 § OSL`)."""
    adjusted_at_meeting: bool = False
    """The minutes say the paragraph was adjusted at the meeting ("Paragrafen är omedelbart justerad")."""
    dispatched_to: list[str] = field(default_factory=list)
    presenters: list[Presenter] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    dnr: list[str] = field(default_factory=list)
    attachments: list[tuple[str, str]] = field(default_factory=list)
    """`(label, title)`: `Bilaga` or `Beslutsunderlag`."""
    parts: list[Part] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"§ {self.number}" if self.number else self.title

    @property
    def decisions(self) -> list[Part]:
        return [p for p in self.parts if p.kind == "block" and p.block in DECISION_KINDS]


@dataclass(slots=True)
class Section:
    """A meeting-level section outside the items (an appendix after the signatures)."""

    title: str
    parts: list[Part] = field(default_factory=list)


@dataclass(slots=True)
class DraftMeeting:
    source: str
    """The input file, as given."""
    first_loc: str
    last_loc: str
    body: str | None = None
    """A key of bodies.yml, or a proposed key (see `body_proposal`)."""
    body_name: str | None = None
    body_printed: str | None = None
    body_proposal: dict | None = None
    kind: str = "protokoll"
    date: dt.date | None = None
    end_date: dt.date | None = None
    time: str | None = None
    place: str | None = None
    office: str | None = None
    dnr_printed: str | None = None
    present: list[Attendee] = field(default_factory=list)
    absent: list[Attendee] = field(default_factory=list)
    staff: list[Attendee] = field(default_factory=list)
    guests: list[Attendee] = field(default_factory=list)
    chair: str | None = None
    vice_chair: str | None = None
    secretary: str | None = None
    adjusters: list[str] = field(default_factory=list)
    named_in_head: list[Attendee] = field(default_factory=list)
    """The chair, vice chairs and adjusters as the head's facts name them, with party and role:
    who attended when no list names them."""
    adjusted_on: dt.date | None = None
    """The day the minutes were adjusted (`Justeringens plats och tid`, `Protokollet har justerats den`)."""
    adjustment_told: list[Line] = field(default_factory=list)
    """The adjustment's facts as the head prints them, which may name paragraphs adjusted at the
    meeting (`Justeringens plats och tid<TAB>§ 171 justeras omedelbart. Övriga paragrafer ...`)."""
    announced_on: dt.date | None = None
    """The day the adjustment was announced on the notice board (the ANSLAG/BEVIS box)."""
    signatures: list[Signature] = field(default_factory=list)
    signing: dict | None = None
    certified: dict | None = None
    """Who certified an extract as a true copy (`Rätt utdraget intygar`): name, title, place, date."""
    next_meetings: list[NextMeeting] = field(default_factory=list)
    items: list[DraftItem] = field(default_factory=list)
    appendix: list[Section] = field(default_factory=list)
    listed_attachments: list[tuple[str, str, Line]] = field(default_factory=list)
    """`Bilaga 1: Presentation ...` listed after the signatures: (number, title, line), each to go to
    the item that refers to it."""
    item_range: tuple[int, int] | None = None
    """`Ärenden: 23 - 35` as printed in the header."""
    source_format: str | None = None
    """The format the text was read from (`extract.Extracted.format`): the file's `source`."""
    guesses: list[Guess] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Remarks for the report that are no single line's: ambiguities, proposals, dropped facts."""

    def guess(self, loc: str, field_name: str, value: object) -> None:
        self.guesses.append(Guess(loc, field_name, str(value)))

    def unplace(self, line: Line, reason: str) -> None:
        if not line.blank:
            self.unplaced.append(Unplaced(line.loc, line.text.strip(), reason))

    @property
    def attendee_lists(self) -> dict[str, list[Attendee]]:
        return {"present": self.present, "absent": self.absent, "staff": self.staff, "guests": self.guests}

    def attendees(self) -> list[Attendee]:
        return [*self.present, *self.staff, *self.guests]

    @property
    def days(self) -> list[dt.date]:
        if self.date is None:
            return []
        last = self.end_date or self.date
        return [self.date + dt.timedelta(days=n) for n in range((last - self.date).days + 1)]
