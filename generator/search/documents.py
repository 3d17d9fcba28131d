"""What is searched: one document per item (and one per meeting header), each with its permanent
URL, the facts a result shows, and its texts by field, the fields weighted by their boosts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from .. import urls
from ..model import Archive, Block, Item, Meeting, Prose
from ..labels import KIND_LABELS, meeting_title
from ..text import swedish_key

T = TypeVar("T")

FIELDS: tuple[tuple[str, float], ...] = (
    ("title", 8),
    ("headings", 4),
    ("decisions", 3),
    ("people", 3),
    ("ids", 6),
    ("meta", 2),
    ("text", 1),
)
"""Indexed fields and their boosts: titles and decisions rank above passing mentions."""
FIELD_NAMES = tuple(name for name, _ in FIELDS)
EXACT_FIELD = "ids"
"""The field of numbers, dates and diarienummer: words are not looked for in it."""
NAMES_FIELD = "people"
"""In this field each line is a name, and its word pairs are indexed as well."""
TYPES = ("möte", "beslutsärende", "informationsärende", "övrigt", "förslag")
"""The type facet's values; `förslag`: an item of a kallelse with its proposed decision (after the
meeting the item is of its own type again, the proposal still indexed beside the decision)."""


@dataclass(slots=True)
class SearchDoc:
    ref: str
    """Site-relative permanent URL: `lsg/2021-02-19/#p5` (or the meeting's URL); in a federation
    portal the absolute URL at the member archive (`urls.permanent`)."""
    kind: str
    """`item` or `meeting`."""
    title: str
    body: str
    date: str
    type: str
    """beslutsärende, informationsärende, övrigt, förslag (a kallelse's item with a proposal), or möte
    for a meeting's header."""
    topics: tuple[str, ...]
    texts: dict[str, str] = field(default_factory=dict)
    """Field name -> text to index."""
    snippet_source: str = ""
    """The text snippets are cut from, around the query's words."""
    ocr: bool = False
    """The text was read by OCR from a scanned protocol (its front matter's `source`)."""


def documents(archive: Archive) -> list[SearchDoc]:
    """All search documents, ordered by body, year and type (facet ranges rely on it)."""
    docs = [doc for meeting in archive.meetings for doc in meeting_documents(archive, meeting)]
    return in_facet_order(archive, docs, lambda doc: (doc.body, doc.date, doc.type))


def meeting_documents(archive: Archive, meeting: Meeting) -> list[SearchDoc]:
    """A meeting's search documents: its header's, then each item's."""
    return [_meeting_doc(archive, meeting), *(_item_doc(archive, meeting, item) for item in meeting.items)]


def in_facet_order(archive: Archive, docs: list[T], facts: Callable[[T], tuple[str, str, str]]) -> list[T]:
    """`docs`, each a meeting's in its order and the meetings in the archive's, sorted by body,
    year and type (`facts`: a document's body, date and type), and date."""
    order = {key: index for index, key in enumerate(sorted(archive.bodies, key=lambda k: swedish_key(archive.bodies[k].name)))}
    types = {kind: index for index, kind in enumerate(TYPES)}

    def key(doc: T) -> tuple:
        body, date, kind = facts(doc)
        return order[body], date[:4], types[kind], date
    return sorted(docs, key=key)


def _meeting_doc(archive: Archive, meeting: Meeting) -> SearchDoc:
    body = archive.bodies[meeting.body]
    people = [a.name for a in (*meeting.present, *meeting.staff, *meeting.guests, *meeting.absent)]
    people += [s.name for s in meeting.signatures]
    ids = [meeting.date.isoformat(), *(d.isoformat() for d in meeting.days[1:])]
    if meeting.diarienummer:
        ids.append(meeting.diarienummer.normalised)
    return SearchDoc(
        ref=urls.permanent(body, urls.meeting(meeting).url), kind="meeting", title=meeting_title(meeting, body),
        body=meeting.body, date=meeting.date.isoformat(), type="möte", topics=(), ocr=_ocr(meeting),
        snippet_source=", ".join(filter(None, [KIND_LABELS[meeting.kind],
                                               meeting.place, f"{len(meeting.items)} ärenden"])),
        texts={
            "title": f"{meeting_title(meeting, body)} {meeting.kind}",
            "people": "\n".join(people),
            "ids": " ".join(ids),
            "meta": " ".join(filter(None, [body.short_name, meeting.place, body.organisation, meeting.office])),
        },
    )


def _item_doc(archive: Archive, meeting: Meeting, item: Item) -> SearchDoc:
    body = archive.bodies[meeting.body]
    decisions, headings, people = [], [], [p.name for p in item.presenters]
    for part in item.parts:
        if isinstance(part, Prose):
            headings.extend(part.headings)
        elif isinstance(part, Block):
            if part.is_decision:
                decisions.append(f"{part.kind.capitalize()}: {part.text}")
            elif part.kind == "förslag":
                decisions.append(f"Förslag till beslut: {part.text}")
            people += [*part.by, *part.yes, *part.no, *part.abstain]
    topics = [archive.topics[key] for key in item.topics]
    meta = [body.name, body.short_name or "", item.type_printed or ""]
    for topic in topics:
        meta += [topic.name, *topic.synonyms]
    text = item_text(item)
    return SearchDoc(
        ref=urls.permanent(body, urls.item(meeting, item)), kind="item", title=item_title(item),
        body=meeting.body, date=meeting.date.isoformat(), topics=tuple(item.topics), ocr=_ocr(meeting),
        type="förslag" if meeting.before and any(b.kind == "förslag" for b in item.blocks) else item.type or "övrigt",
        snippet_source=" ".join([*decisions, text]),
        texts={
            "title": item.title,
            "headings": " ".join(headings),
            "decisions": " ".join(decisions),
            "people": "\n".join(people),
            "ids": " ".join(d.normalised for d in item.diarienummer),
            "meta": " ".join(meta),
            "text": text,
        },
    )


def item_title(item: Item) -> str:
    """An item's title as its results show it: `§ 28 Uppföljning av regional samverkan`."""
    return f"{item.label} {item.title}" if item.number else item.title


def item_text(item: Item) -> str:
    """An item's text as the search indexes it (its field `text`): the prose and the blocks that are
    not decisions or proposals, as read after redaction. Open data publishes it (`x-text`), so that
    a federation portal indexes a member's items as the member does."""
    return " ".join(part.text for part in item.parts
                    if isinstance(part, Prose) or (isinstance(part, Block) and not part.is_decision and part.kind != "förslag"))


def _ocr(meeting: Meeting) -> bool:
    return meeting.source is not None and meeting.source.format == OCR_FORMAT


OCR_FORMAT = "pdf-ocr"
"""`schema.SourceFormat` of a scanned protocol read by OCR (what `protokollarkivet import` writes)."""
