"""The archive as typed records: what every page, index and feed is derived from.

Records are frozen: once `load` has validated the content, nothing downstream changes it.
Every record that comes from a line of content keeps that line, so later checks can point at it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import operator
import sys
import zlib
from dataclasses import dataclass, field
from typing import Literal

from markdown_it.common.utils import escapeHtml

ItemType = Literal["beslutsärende", "informationsärende"]


def _pickled_by_field_names(record: type, recurring: tuple[str, ...]) -> type:
    """Records pickle as tuples of their fields (the parse cache and the parsing workers send
    thousands). dataclasses' own `__setstate__` for slotted classes looks the fields up again for
    every record, which made reading a warm cache twice as slow. The `recurring` fields' strings
    are interned as they are read: see `record`."""
    names = tuple(f.name for f in dataclasses.fields(record))
    # (the slots' own descriptors, in C: setting through them skips the frozen class's
    # `__setattr__` and the lookup by name, 40% of reading a record back)
    setters = tuple(record.__dict__[name].__set__ for name in names)
    recurring_fields = tuple(name in recurring for name in names)
    values = fields_getter(names)

    def getstate(self) -> tuple:
        return values(self)

    def setstate(self, state: tuple) -> None:
        for set_field, value in zip(setters, state):
            set_field(self, value)

    def setstate_interning(self, state: tuple) -> None:
        for set_field, value, recurs in zip(setters, state, recurring_fields):
            set_field(self, _interned(value) if recurs else value)

    record.__getstate__, record.__setstate__ = getstate, setstate_interning if recurring else setstate
    return record


def fields_getter(names: tuple[str, ...]):
    """A function giving an object's attributes `names` as a tuple (`attrgetter`, in C; of one
    name it gives the value alone)."""
    if len(names) == 1:
        (name,) = names
        return lambda obj: (getattr(obj, name),)
    return operator.attrgetter(*names) if names else (lambda obj: ())


def record(cls: type | None = None, *, recurring: tuple[str, ...] = ()):
    """A frozen, slotted dataclass that pickles as the tuple of its fields (see above).

    `recurring` names fields whose few values recur in every meeting (a line's label, a block's
    kind, an item's topics, the lines of a meeting's front-matter keys): read from the parse
    cache or a parsing worker, each meeting would otherwise hold its own copy of each (100 MB of
    430 at 10,000 protocols). Equal strings become one string, equal tuples one tuple. An
    item's number and anchor and a block's anchor (`5`, `p5`, `p5-b1`: a few hundred values in
    120,000 items) and a field line's value (`Beslutsärende`, a presenter, a topic) took 30 MB
    more of the archive's 360 MB in the build's process, and as much in each of its forks."""
    def make(cls: type) -> type:
        return _pickled_by_field_names(dataclass(frozen=True, slots=True)(cls), recurring)
    return make if cls is None else make(cls)


def shared(cls: type) -> type:
    """A record that recurs as a whole (a presenter in every meeting she reports to, an attendee):
    read from a pickle, equal ones are one object in the process, and its
    strings and tuples are `_interned`."""
    cls = record(cls)
    values = fields_getter(tuple(f.name for f in dataclasses.fields(cls)))

    def reduce(self) -> tuple:
        return _one_of, (cls, values(self))

    cls.__reduce__ = reduce
    return cls


_ONE_OF: dict[type, dict[tuple, object]] = {}
"""The shared records of each class by their values. Never emptied: a preview keeps it for its
whole run, and it grows only with the values an archive holds (a few thousand names, 19,000
attendees' lines at 10,000 protocols), not with its meetings."""


def _one_of(cls: type, state: tuple) -> object:
    records = _ONE_OF.get(cls)
    if records is None:
        records = _ONE_OF[cls] = {}
    found = records.get(state)
    if found is None:
        state = tuple(map(_interned, state))  # (the key holds the record's own strings, not copies)
        found = records[state] = cls(*state)
    return found


_TUPLES: dict[tuple, tuple] = {}
"""The recurring tuples by their values (`_interned`), kept like `_ONE_OF`."""


def _interned(value: object) -> object:
    """A string interned, a tuple (of strings, numbers, dates, tuples and shared records) as the one
    equal tuple the process holds; any other value as it is."""
    if value.__class__ is str:
        return sys.intern(value)  # type: ignore[arg-type]
    if value.__class__ is tuple and value:
        found = _TUPLES.get(value)  # type: ignore[call-overload]
        if found is None:
            found = tuple(map(_interned, value))  # type: ignore[call-overload]
            _TUPLES[found] = found
        return found
    return value


@record
class Topic:
    key: str
    name: str
    description: str | None
    synonyms: tuple[str, ...]


@record
class PersonEntry:
    """A person of content/people.yml: a stable key and every spelling the minutes use."""

    key: str
    name: str
    aliases: tuple[str, ...] = ()


@record
class FormerName:
    name: str
    since: dt.date | None
    until: dt.date | None


@record
class Member:
    name: str
    organisation: str | None
    party: str | None
    role: str | None
    title: str | None


@record
class Body:
    key: str
    name: str
    short_name: str | None
    organisation: str
    description: str | None
    former_names: tuple[FormerName, ...]
    members: tuple[Member, ...]
    local_government_act: bool = False
    """Kommunallagen applies: the adjustment is announced and can be appealed."""
    former_keys: tuple[str, ...] = ()
    appeal_to: str | None = None
    item_types: tuple[str, ...] = ()
    """The body's own item types (`Typ:`), beside the general ones."""
    assembly: bool = False
    """Fullmäktige: its meetings are announced (kungörelse) on the notice board beforehand."""
    elsewhere: str | None = None
    """In a federation portal: the body's page at the member archive that publishes it
    (`https://…/lsg/`). The portal publishes no page of the body's: its links go there."""


@shared
class Attendee:
    """One line of an attendee list. Shared: the members of a body attend meeting after meeting, on
    the same line of its minutes' template (133,000 attendees were 19,000 values at 10,000
    protocols)."""

    name: str
    organisation: str | None = None
    party: str | None = None
    role: str | None = None
    title: str | None = None
    group: str | None = None
    replaces: str | None = None
    days: tuple[dt.date, ...] = ()
    """Days attended when not all of a multi-day meeting; empty means every day."""
    until_item: str | None = None
    absent_from_items: tuple[str, ...] = ()
    note: str | None = None
    line: int = 0


@record
class Officials:
    chair: str | None = None
    vice_chair: str | None = None
    secretary: str | None = None
    adjusters: tuple[str, ...] = ()


@record
class Signature:
    name: str
    role: str | None
    title: str | None
    organisation: str | None
    signed_at: dt.datetime | None
    method: str | None
    reference: str | None


@record
class Signing:
    service: str | None
    completed_at: dt.datetime | None
    reference: str | None


@record
class NextMeeting:
    date: dt.date | None
    time: str | None
    place: str | None
    body: str | None
    """Another body's key in the registry, when the next meeting is that body's."""
    text: str | None
    other_body: str | None = None
    """The name of a body outside the archive whose meeting the minutes announce ("Systemledning")."""

@record(recurring=("kind",))
class Attachment:
    title: str
    kind: str
    """`bilaga`, `beslutsunderlag` or `handling` (sent out with the kallelse)."""
    file: str | None = None
    """Path relative to the content directory, posix; None when not published."""
    size: int | None = None
    media_type: str | None = None
    withheld: str | None = None
    """The legal ground of a handling that is not published (`OSL 26 kap. 1 §`)."""


@record
class Certification:
    """Who certified an extract of the minutes as a true copy (`Rätt utdraget intygar`), where and when."""

    name: str
    title: str | None = None
    place: str | None = None
    date: dt.date | None = None


@record
class Source:
    """Where a protocol's text came from (`schema.SourceFormat`), and the file imported."""

    format: str
    file: str | None = None


@shared
class Presenter:
    name: str
    description: str | None = None


@record
class Diarienummer:
    printed: str
    normalised: str


# The parts an item's body is made of, in order. `html` is rendered from the secretary's
# Markdown (raw HTML off); `text` is the same as plain text.


def plain_html(text: str) -> str:
    """The HTML markdown-it writes for paragraphs of nothing but words, one per line of `text`."""
    return "".join(f"<p>{escapeHtml(line)}</p>\n" for line in text.split("\n"))


def html_to_keep(html: str, text: str) -> str | None:
    """`html` as a part keeps it (`own_html`): None where it is `plain_html(text)`, which most parts
    are (their HTML, the same words as their text, was a fifth of the archive's memory)."""
    return None if html == plain_html(text) else html


class TextPack:
    """The texts of a meeting's prose and blocks, compressed together (`pack_texts`). Held as
    strings, they were 39% of the archive's memory (72 MB at 10,000 protocols, 28 MB packed), in
    the build's process and in each of its forks; compressed one by one, a text of a few hundred
    bytes hardly shrinks. A part reads its text by its place in the pack (`_Rendered.text`); the
    packs read last are held inflated (`_inflated`), as the pages, the search documents and the
    data files read a meeting's texts together. Equal packs are equal, by their bytes."""

    __slots__ = ("data",)

    def __init__(self, data: bytes):
        self.data = data

    @staticmethod
    def of(texts: list[str]) -> "TextPack":
        # (a NUL ends each text: markdown-it reads none into a text, and one from elsewhere is
        # replaced as markdown-it would)
        joined = "\0".join(text.replace("\0", "\ufffd") for text in texts)
        return TextPack(zlib.compress(joined.encode("utf-8"), 1))

    def text(self, at: int) -> str:
        return _inflated(self)[at]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TextPack) and other.data == self.data

    def __hash__(self) -> int:
        return hash(self.data)

    def __reduce__(self) -> tuple:
        return TextPack, (self.data,)


@functools.lru_cache(maxsize=64)
def _inflated(pack: TextPack) -> list[str]:
    return zlib.decompress(pack.data).decode("utf-8").split("\0")


class _Rendered:
    """A part rendered from Markdown, which keeps its `own_html` only where that is not
    `plain_html(text)`, and its text as written (`held`, a string) or in its meeting's
    `TextPack` at `at`."""

    __slots__ = ()
    own_html: str | None
    held: "str | TextPack"
    at: int

    @property
    def text(self) -> str:
        held = self.held
        return held if held.__class__ is str else held.text(self.at)  # type: ignore[union-attr]

    @property
    def html(self) -> str:
        return plain_html(self.text) if self.own_html is None else self.own_html


@record
class Prose(_Rendered):
    own_html: str | None
    """Its HTML where it is not `plain_html(text)` (`html_to_keep`); `html` gives it either way."""
    held: str | TextPack
    """Its text (`text` reads it): as written, or its meeting's pack once packed (`pack_texts`)."""
    headings: tuple[str, ...] = ()
    """Sub-headings (### and deeper) within the prose, as plain text."""
    at: int = 0
    """Its text's place in the pack `held`."""


@record(recurring=("label", "value"))
class FieldLine:
    label: str
    value: str
    presenters: tuple["Presenter", ...] = ()
    """A `Föredragande:` line's presenters, as `items` read them (the page shows them as read)."""


@record
class Fields:
    """A paragraph of field lines, rendered in place."""

    lines: tuple[FieldLine, ...]


@record
class Assignment:
    """An assignment a decision gives (uppdrag): who, what, and by when."""

    anchor: str
    """Permanent id: the decision's and a number, `p28-b2-u1`."""
    who: str
    what: str
    due_text: str | None = None
    """As decided: "Länssamverkansgruppens möte 2023-11-10", "vårterminen 2024"."""
    due_date: dt.date | None = None
    """The date in `due_text`, when it names one."""
    line: int = 0


@record(recurring=("kind", "anchor"))
class Block(_Rendered):
    """A fenced block (`::: beslut` ...) inside an item."""

    kind: str
    """beslut, ställningstagande, yrkande, propositionsordning, omröstning, reservation,
    protokollsanteckning, särskilt yttrande, jäv or förslag."""
    anchor: str
    """Permanent id, e.g. `p26-b1`."""
    own_html: str | None
    """Its HTML where it is not `plain_html(text)` (see `Prose`)."""
    held: str | TextPack
    """Its text (`text` reads it; see `Prose`)."""
    by: tuple[str, ...] = ()
    """Who proposed, dissented, noted or declared a conflict of interest (`Av:`)."""
    yes: tuple[str, ...] = ()
    no: tuple[str, ...] = ()
    abstain: tuple[str, ...] = ()
    result: str | None = None
    line: int = 0
    assignments: tuple[Assignment, ...] = ()
    at: int = 0
    """Its text's place in the pack `held`."""

    @property
    def is_decision(self) -> bool:
        return self.kind in DECISION_KINDS


DECISION_KINDS = ("beslut", "ställningstagande")
BEFORE_MEETING = ("planerad", "kallad", "inställd")
"""Statuses of a meeting file before it holds minutes."""
MINUTES = ("slutlig", "justerat", "anslaget")
"""Statuses of published minutes."""
EXTRACT = "protokollsutdrag"
"""The kind of a file that is an extract of the minutes."""

Part = Prose | Fields | Block


@record(recurring=("number", "anchor", "type_printed", "type", "topics"))
class Item:
    number: str | None
    """`5`, `7a`, or None for an unnumbered item."""
    title: str
    anchor: str
    """Permanent id: `p5`, `p7a`, or an ASCII slug of the title."""
    type_printed: str | None
    type: ItemType | None
    presenters: tuple[Presenter, ...]
    topics: tuple[str, ...]
    """Topic keys."""
    diarienummer: tuple[Diarienummer, ...]
    attachments: tuple[Attachment, ...]
    parts: tuple[Part, ...]
    line: int
    reports: tuple[str, ...] = ()
    """Assignments this item reports on and closes (`Återrapport: lsg/2023-09-15#p28-b2-u1`)."""
    decisions: tuple[Block, ...] = ()
    """The item's decisions and ställningstaganden, in order (stored: every view asks for them)."""
    printed_number: str | None = None
    """The number as the minutes print it when it says more than `number`: `KS § 123`, `Sn 12`."""
    dispatched_to: tuple[str, ...] = ()
    """Who the decision is sent to (`Beslutet skickas till:` / `Expedieras till:`)."""
    secrecy: str | None = None
    """The legal ground of an item under secrecy (`Sekretess: 26 kap. 1 § OSL`): only its number,
    title and this ground are kept (`items` drops the rest when it reads the file)."""
    adjusted_at_meeting: bool = False
    """The paragraph was adjusted at the meeting (`Justering: omedelbar`, *omedelbart justerad*), so
    that its decision could be carried out before the minutes were adjusted."""

    @property
    def blocks(self) -> tuple[Block, ...]:
        return tuple(p for p in self.parts if isinstance(p, Block))

    @property
    def label(self) -> str:
        """How the item is cited: `§ 26`, `KS § 123` as printed, or its title."""
        if self.printed_number:
            return self.printed_number
        return _section_label(self.number) if self.number else self.title


@functools.lru_cache(maxsize=4096)
def _section_label(number: str) -> str:
    """`§ 26`, one string per number: the pages that list items (a person's record, 120,000 of
    them at 10,000 protocols) hold each label."""
    return f"§ {number}"


@record
class Section:
    """A meeting-level section outside the items: the preamble or an appendix."""

    title: str | None
    parts: tuple[Part, ...]


@record(recurring=("body", "kind", "status", "key_lines"))
class Meeting:
    path: str
    """Source file, relative to the project."""
    body: str
    slug: str
    """`2021-02-19`, or `2021-02-19-2` for a body's second meeting that day."""
    kind: str
    date: dt.date
    end_date: dt.date | None
    time: str | None
    place: str | None
    office: str | None
    diarienummer: Diarienummer | None
    status: str
    present: tuple[Attendee, ...]
    absent: tuple[Attendee, ...]
    staff: tuple[Attendee, ...]
    guests: tuple[Attendee, ...]
    officials: Officials
    adjusted_on: dt.date | None
    signatures: tuple[Signature, ...]
    signing: Signing | None
    next_meetings: tuple[NextMeeting, ...]
    original: Attachment | None
    attachments: tuple[Attachment, ...]
    preamble: tuple[Section, ...]
    items: tuple[Item, ...]
    appendix: tuple[Section, ...]
    announced_on: dt.date | None = None
    corrections: tuple[tuple[dt.date, str], ...] = ()
    """Dated correction notes (rättelser): the page keeps its URL and says what changed."""
    redactions: int = 0
    """How many passages were redacted ({{dolt: ...}}) before the text was read."""
    source: Source | None = None
    """How the file came to be: typed by hand or imported from a format; None when it does not say."""
    cancelled_reason: str | None = None
    moved_to: dt.date | None = None
    """The day a cancelled meeting moved to."""
    public: bool | None = None
    """Open to the public, when the file says."""
    notice_posted_on: dt.date | None = None
    """The day the kungörelse of an assembly's meeting was posted on the notice board."""
    certified: Certification | None = None
    """Who certified a protokollsutdrag as a true copy of the minutes."""
    key_lines: tuple[tuple[str, int], ...] = ()
    """The line of each front-matter key outside the attendee lists (`officials.adjusters.0`), so
    that a rule over the whole meeting can point at the line that holds what it found."""

    def line_of(self, key: str) -> int:
        """The line of `key` (dotted), or of its nearest ancestor that has one, or 1."""
        lines = dict(self.key_lines)
        while key:
            if key in lines:
                return lines[key]
            key = key.rpartition(".")[0]
        return 1

    @property
    def before(self) -> bool:
        """The file is the meeting's kallelse (or its plan, or its cancellation), not yet minutes."""
        return self.status in BEFORE_MEETING

    @property
    def key(self) -> str:
        """`lsg/2023-09-15`: the meeting's identity in the archive (and its address without slashes)."""
        return f"{self.body}/{self.slug}"

    @property
    def days(self) -> tuple[dt.date, ...]:
        last = self.end_date or self.date
        return tuple(self.date + dt.timedelta(days=n) for n in range((last - self.date).days + 1))

    @property
    def extract(self) -> bool:
        """The file is an extract of the minutes (a protokollsutdrag): only the items it holds, and
        no attendance list of its own."""
        return self.kind == EXTRACT

    @property
    def attendees(self) -> tuple[Attendee, ...]:
        return self.present + self.staff + self.guests


def pack_texts(meeting: Meeting) -> None:
    """The texts of `meeting`'s prose and blocks put in one `TextPack`, in place: by the reader, on
    a meeting it has just made and holds alone (its records are frozen for everyone after it)."""
    sections = (*meeting.preamble, *meeting.items, *meeting.appendix)
    parts = [part for section in sections for part in section.parts
             if isinstance(part, _Rendered) and part.held.__class__ is str]
    if not parts:
        return
    pack = TextPack.of([part.held for part in parts])  # type: ignore[misc]
    for at, part in enumerate(parts):
        object.__setattr__(part, "held", pack)
        object.__setattr__(part, "at", at)


@record
class Synonym:
    """An entry of content/synonyms.yml: a word and what it means, searched for each other."""

    word: str
    same_as: tuple[str, ...]
    line: int


@dataclass(frozen=True, slots=True)
class Archive:
    """Everything, validated: the registries and the meetings. What is computed across it lives
    in `derive.Facts`, worked out once per build."""

    bodies: dict[str, Body]
    topics: dict[str, Topic]
    meetings: list[Meeting]
    """Sorted by date, then body, then slug."""
    pages: list[str] = field(default_factory=list)
    """Plain pages (content/*.md), relative to the content directory."""
    redirects: list[tuple[str, str]] = field(default_factory=list)
    """(old URL, new URL), site-relative: content/redirects.yml and bodies' former keys."""
    removed: list[tuple[str, str]] = field(default_factory=list)
    """(URL, reason): pages withdrawn on purpose."""
    people: tuple[PersonEntry, ...] = ()
    """content/people.yml: persons whose spellings are joined (optional)."""
    synonyms: tuple[Synonym, ...] = ()
    """content/synonyms.yml: abbreviations and other words for the same thing (optional)."""
    notes: list = field(default_factory=list)
    """Problems that do not stop a build (e.g. a late announcement), as Problems of severity note."""

    def published(self) -> "Archive":
        """The archive as a production build publishes it: without drafts (utkast); a plan, a
        kallelse and a cancellation are published."""
        return dataclasses.replace(self, meetings=[m for m in self.meetings if m.status != "utkast"])
