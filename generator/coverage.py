"""What the archive covers, and where it has holes: Facts -> `Coverage`, per body and in all.

Missing minutes are what readers of every archive of minutes ask about first, so the coverage
page says plainly what is here and what is known to be missing:

- the years a body's minutes cover, and its meetings per year;
- gaps: a year without a meeting between the body's first and last; a hole in its series of §
  numbers (inside one meeting, or between two: a meeting, or items, not in the archive); a
  meeting the minutes announce as the next one, on a day that has passed, that the archive lacks;
- where the text came from (the front matter's `source`: typed by hand, imported from a format,
  read by OCR) and which protocols lack their signed original (`original`).

§ numbering is read as Swedish minutes number: from 1 at each meeting, or on over the year (a
meeting that starts above 1 goes on from the one before in the same year, and a year's first
meeting starts at 1), or on over the years (a meeting that starts where the last one ended).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from .derive import Facts, MeetingLink, MeetingRef
from .figures import Figure, coverage_figure
from .labels import SOURCE_LABELS, UNKNOWN_SOURCE
from .model import Body, Meeting


@dataclass(frozen=True, slots=True)
class NumberingGap:
    numbers: tuple[int, int]
    """The first and last number missing."""
    before: MeetingLink | None
    """The meeting after which they are missing; None for numbers missing in a meeting, or before
    the first meeting of a year."""
    at: MeetingLink
    """The meeting in which (or before which) they are missing."""
    within: bool

    @property
    def label(self) -> str:
        first, last = self.numbers
        return f"§ {first}" if first == last else f"§ {first}–{last}"


@dataclass(frozen=True, slots=True)
class MissedMeeting:
    day: dt.date
    announced_by: tuple[MeetingLink, ...]
    next_held: MeetingLink | None
    """The body's first meeting in the archive after that day."""


@dataclass(frozen=True, slots=True)
class BodyCoverage:
    body: Body
    meetings: int
    first: dt.date | None
    last: dt.date | None
    figure: Figure | None
    """Meetings in every year from the first to the last."""
    empty_years: tuple[int, ...]
    numbering_gaps: tuple[NumberingGap, ...]
    missed: tuple[MissedMeeting, ...]
    sources: tuple[tuple[str, tuple[MeetingLink, ...]], ...]
    """Each source's words (`SOURCE_LABELS`) with its meetings, in the labels' order."""
    without_original: tuple[MeetingLink, ...]
    """Protocols (not notes, which are not signed) without their signed original."""
    protocols: int

    @property
    def gaps(self) -> int:
        return len(self.empty_years) + len(self.numbering_gaps) + len(self.missed)


@dataclass(frozen=True, slots=True)
class Coverage:
    bodies: tuple[BodyCoverage, ...]
    meetings: int
    first: dt.date | None
    last: dt.date | None
    sources: tuple[tuple[str, int], ...]
    without_original: int
    protocols: int


def coverage(facts: Facts, bodies: list[Body], made: Mapping[str, BodyCoverage]) -> Coverage:
    """The coverage of `bodies` (in the order shown), each body's as made (`body_coverage`, by
    body key), and of the archive in all."""
    found = tuple(made[body.key] for body in bodies)
    meetings = [m for m in facts.archive.meetings if not m.before]
    sources = Counter(_source_label(m) for m in meetings)
    return Coverage(
        found, len(meetings), min((m.date for m in meetings), default=None), max((m.date for m in meetings), default=None),
        tuple((label, sources[label]) for label in (*SOURCE_LABELS.values(), UNKNOWN_SOURCE) if sources[label]),
        sum(len(b.without_original) for b in found), sum(b.protocols for b in found),
    )


def body_coverage(facts: Facts, body: Body, page_url: str) -> BodyCoverage:
    meetings = facts.minutes_of(body.key)
    refs = [facts.ref(m) for m in meetings]
    counts = Counter(m.date.year for m in meetings)
    years = range(min(counts), max(counts) + 1) if counts else range(0)
    by_source: dict[str, list[MeetingRef]] = {}
    for ref in refs:
        by_source.setdefault(_source_label(ref.meeting), []).append(ref)
    protocols = [ref for ref in refs if ref.meeting.kind != "mötesanteckning"]  # (an extract is signed too)
    return BodyCoverage(
        body, len(meetings), meetings[0].date if meetings else None, meetings[-1].date if meetings else None,
        coverage_figure(body, dict(counts), page_url) if meetings else None,
        tuple(y for y in years if not counts[y]), tuple(numbering_gaps(refs)), tuple(missed_meetings(facts, body, refs)),
        tuple((label, tuple(ref.link for ref in by_source[label])) for label in (*SOURCE_LABELS.values(), UNKNOWN_SOURCE)
              if label in by_source),
        tuple(ref.link for ref in protocols if ref.meeting.original is None), len(protocols),
    )


def _source_label(meeting: Meeting) -> str:
    return SOURCE_LABELS.get(meeting.source.format, UNKNOWN_SOURCE) if meeting.source else UNKNOWN_SOURCE


_LEADING = re.compile(r"\d+")


def numbers(meeting: Meeting) -> list[int]:
    """The whole numbers of a meeting's items (7a and 7.1 are 7), each once, in order."""
    return sorted({int(_LEADING.match(item.number).group()) for item in meeting.items if item.number and _LEADING.match(item.number)})


def numbering_gaps(refs: list[MeetingRef]) -> list[NumberingGap]:
    """Holes in a body's § series: inside a meeting, and between meetings whose numbering goes on."""
    gaps: list[NumberingGap] = []
    previous: tuple[MeetingRef, list[int]] | None = None
    for ref in refs:
        own = numbers(ref.meeting)
        if not own:
            continue
        start = own[0]
        if start > 1:
            before, last = previous if previous else (None, [])
            goes_on = before is not None and start == last[-1] + 1
            same_year = before is not None and before.meeting.date.year == ref.meeting.date.year
            if not goes_on:
                expected = last[-1] + 1 if same_year and start > last[-1] else 1
                if start > expected:
                    gaps.append(NumberingGap((expected, start - 1), before.link if same_year else None, ref.link, within=False))
        for low, high in zip(own, own[1:]):
            if high > low + 1:
                gaps.append(NumberingGap((low + 1, high - 1), None, ref.link, within=True))
        previous = (ref, own)
    return gaps


def missed_meetings(facts: Facts, body: Body, refs: list[MeetingRef]) -> list[MissedMeeting]:
    """Next meetings of this body that the minutes announce on a day that has passed (by the day
    the site is built for) and the archive has no meeting of the body on."""
    held = {day for ref in refs for day in ref.meeting.days}
    announced: dict[dt.date, list[MeetingRef]] = {}
    for ref in refs:
        for coming in ref.meeting.next_meetings:
            own = coming.body in (None, body.key) and not coming.other_body
            if own and coming.date and ref.meeting.date < coming.date <= facts.today and coming.date not in held:
                announced.setdefault(coming.date, []).append(ref)
    return [MissedMeeting(day, tuple(ref.link for ref in by), next((r.link for r in refs if r.meeting.date > day), None))
            for day, by in sorted(announced.items())]
