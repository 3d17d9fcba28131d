"""Archive -> Facts: what is computed across the whole archive, once, and read by every output.

A meeting page asks for its neighbours, a body page for the body's meetings, a topic page and its
feed for the items on the topic, the renderer for an assignment's state, pages and open data for
who a name is. Each of these is worked out here, in one pass, into a frozen value; views, feeds,
open data, the OParl endpoint and the cross-reference linker read it and compute none of it again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from . import urls
from .labels import meeting_title
from .model import Archive, Assignment, Block, Body, Item, Meeting, Topic
from .people import People
from .text import swedish_key


@dataclass(frozen=True, slots=True)
class MeetingRef:
    """A meeting as listed on other pages."""

    meeting: Meeting
    body: Body
    url: str

    @property
    def title(self) -> str:
        return meeting_title(self.meeting, self.body)

    @property
    def link(self) -> MeetingLink:
        return MeetingLink(self.url, self.title, self.meeting.date)


@dataclass(frozen=True, slots=True)
class MeetingLink:
    """A meeting as a page that links to it shows it (a person's record, the coverage page): only
    what the page shows, so that an edit of a decision's text leaves such pages as they were (not
    rendered again)."""

    url: str
    title: str
    date: dt.date


@dataclass(frozen=True, slots=True)
class ItemLink:
    """An item as a page that links to it shows it (see `MeetingLink`). Made of strings its
    meeting and item hold already (a person's record holds 120,000 of them at 10,000 protocols)."""

    page: str
    """Its meeting's address."""
    anchor: str
    label: str
    """How the item is cited (`Item.label`)."""
    title: str
    """The title after the label; empty when the label is the title (an unnumbered item)."""

    @property
    def url(self) -> str:
        return urls.in_page(self.page, self.anchor)


@dataclass(frozen=True, slots=True)
class DecisionRef:
    meeting: MeetingRef
    item: Item
    decision: Block
    url: str


@dataclass(frozen=True, slots=True)
class ItemRef:
    meeting: MeetingRef
    item: Item
    url: str


@dataclass(frozen=True, slots=True)
class AssignmentState:
    """Where an assignment stands on the day the site is built for."""

    assignment: Assignment
    decision: DecisionRef
    closed_by: ItemRef | None
    overdue: bool

    @property
    def label(self) -> str:
        return "redovisat" if self.closed_by else "försenat" if self.overdue else "pågår"


@dataclass(frozen=True)
class Facts:
    """The archive and what is derived from it for one day (`today`: overdue assignments)."""

    archive: Archive
    today: dt.date
    bodies: tuple[Body, ...]
    """The bodies in Swedish alphabetical order, as every list shows them."""
    topics: tuple[Topic, ...]
    """The topics in Swedish alphabetical order."""
    refs: Mapping[str, MeetingRef]
    """Each meeting's reference, by `Meeting.key`."""
    by_body: Mapping[str, tuple[Meeting, ...]]
    """Each body's meetings in order (every body, with or without meetings)."""
    positions: Mapping[str, int]
    """A meeting's place among its body's meetings, by `Meeting.key`."""
    items_by_topic: Mapping[str, tuple[ItemRef, ...]]
    """The items on each topic, in archive order (every topic)."""
    assignment_states: Mapping[tuple[str, str], AssignmentState]
    """Every assignment by (meeting URL, assignment anchor)."""
    people: People

    def ref(self, meeting: Meeting) -> MeetingRef:
        return self.refs[meeting.key]

    def meetings_of(self, body: str) -> tuple[Meeting, ...]:
        return self.by_body.get(body, ())

    def neighbours(self, meeting: Meeting) -> tuple[Meeting | None, Meeting | None]:
        """The body's previous and next meeting."""
        own, index = self.by_body[meeting.body], self.positions[meeting.key]
        return (own[index - 1] if index > 0 else None), (own[index + 1] if index + 1 < len(own) else None)

    def assignments_due(self, body: str, day: dt.date) -> list[AssignmentState]:
        """The body's assignments due on `day` (a meeting's page lists those due at it)."""
        return list(self._assignments_by_due_day.get((body, day), ()))

    @cached_property
    def _assignments_by_due_day(self) -> dict[tuple[str, dt.date], list[AssignmentState]]:
        due: dict[tuple[str, dt.date], list[AssignmentState]] = {}
        for state in self.assignment_states.values():
            if state.assignment.due_date is not None:
                due.setdefault((state.decision.meeting.meeting.body, state.assignment.due_date), []).append(state)
        return due

    def minutes_of(self, body: str) -> tuple[Meeting, ...]:
        """The body's meetings that hold minutes (not a plan, a kallelse or a cancellation): what
        activity and coverage count."""
        return tuple(m for m in self.by_body.get(body, ()) if not m.before)

    def meetings_about(self, topic: str) -> list[Meeting]:
        """The meetings with an item on `topic`, in archive order, each once."""
        return list({ref.meeting.meeting.key: ref.meeting.meeting for ref in self.items_by_topic.get(topic, ())}.values())


def derive(archive: Archive, today: dt.date, earlier: Facts | None = None) -> Facts:
    """The facts of `archive`; `earlier`, the facts of the archive before an edit (the preview),
    lends its references to the meetings that are the very same."""
    refs = {m.key: _ref(m, archive.bodies[m.body], earlier) for m in archive.meetings}
    by_body: dict[str, list[Meeting]] = {key: [] for key in archive.bodies}
    for meeting in archive.meetings:
        by_body.setdefault(meeting.body, []).append(meeting)
    positions = {m.key: index for own in by_body.values() for index, m in enumerate(own)}
    items_by_topic: dict[str, list[ItemRef]] = {key: [] for key in archive.topics}
    for meeting in archive.meetings:
        for item in meeting.items:
            for topic in item.topics:
                items_by_topic.setdefault(topic, []).append(ItemRef(refs[meeting.key], item, urls.item(meeting, item)))
    return Facts(
        archive=archive, today=today, refs=refs,
        bodies=tuple(sorted(archive.bodies.values(), key=lambda b: swedish_key(b.name))),
        topics=tuple(sorted(archive.topics.values(), key=lambda t: swedish_key(t.name))), by_body={k: tuple(v) for k, v in by_body.items()}, positions=positions,
        items_by_topic={k: tuple(v) for k, v in items_by_topic.items()},
        assignment_states=_assignment_states(archive, refs, today), people=People.of(archive),
    )


def _ref(meeting: Meeting, body: Body, earlier: Facts | None) -> MeetingRef:
    """The meeting's reference; the earlier one when meeting and body are the same objects as
    then, so that what refers to unchanged meetings compares equal at a glance after an edit."""
    known = earlier.refs.get(meeting.key) if earlier is not None else None
    if known is not None and known.meeting is meeting and known.body is body:
        return known
    return MeetingRef(meeting, body, urls.meeting(meeting).url)


def _assignment_states(archive: Archive, refs: Mapping[str, MeetingRef], today: dt.date) -> dict[tuple[str, str], AssignmentState]:
    """Every assignment by (meeting URL, anchor), closed by the first later item that reports on it."""
    reports: dict[str, ItemRef] = {}
    for meeting in archive.meetings:
        for item in meeting.items:
            for ref in item.reports:
                reports.setdefault(ref, ItemRef(refs[meeting.key], item, urls.item(meeting, item)))
    states = {}
    for meeting in archive.meetings:
        for item in meeting.items:
            for decision in item.decisions:
                for a in decision.assignments:
                    closed = reports.get(f"{meeting.key}#{a.anchor}")
                    states[(refs[meeting.key].url, a.anchor)] = AssignmentState(
                        a, DecisionRef(refs[meeting.key], item, decision, urls.block(meeting, decision)), closed,
                        closed is None and a.due_date is not None and a.due_date < today)
    return states
