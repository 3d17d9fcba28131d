"""Rules that look across a meeting (or the archive), each a small function.

Each rule takes the Archive and a Meeting and yields Problems; `RULES` is their ordered
registry. Rules on one field's shape live in `schema`; rules on item syntax in `items`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Callable, Iterable, Iterator, Mapping

from . import appeal
from .model import MINUTES, Archive, Attendee, Meeting
from .people import ambiguous_first_names
from .messages import _
from .problems import Problem, did_you_mean

@dataclass
class Context:
    """What the rules read besides the meeting they check: the archive, and what is worked out
    across it once per run (not once per meeting)."""

    archive: Archive
    today: dt.date = field(default_factory=dt.date.today)
    """The day the content is checked on: a kallelse whose day has passed is told."""

    @cached_property
    def last_minutes(self) -> dict[str, dt.date]:
        """Each body's newest meeting with minutes."""
        last: dict[str, dt.date] = {}
        for meeting in self.archive.meetings:
            if meeting.status in MINUTES:
                last[meeting.body] = max(last.get(meeting.body, meeting.date), meeting.date)
        return last

    @cached_property
    def assignment_refs(self) -> frozenset[str]:
        """Every assignment as `body/YYYY-MM-DD#p28-b2-u1`, which `Återrapport:` names."""
        return frozenset(f"{m.key}#{a.anchor}" for m in self.archive.meetings for i in m.items
                         for d in i.decisions for a in d.assignments)


Rule = Callable[[Context, Meeting], Iterable[Problem]]


def check_dates(meeting: Meeting) -> Iterator[Problem]:
    """A multi-day meeting ends after it starts, and attendees' days fall within it."""
    if meeting.end_date is not None and meeting.end_date <= meeting.date:
        yield Problem(meeting.path, meeting.line_of("end_date"), "end_date",
                      _("found {found}, expected a day after {date}").format(found=meeting.end_date, date=meeting.date),
                      _("leave out end_date for a one-day meeting"))
    days = set(meeting.days)
    for attendee in (*meeting.attendees, *meeting.absent):
        for day in attendee.days:
            if day not in days:
                yield Problem(meeting.path, attendee.line, f"{attendee.name}: days", _("found {found}, expected one of the "
                              "meeting's days ({days})").format(found=day, days=", ".join(d.isoformat() for d in meeting.days)))


def check_present_and_absent(meeting: Meeting) -> Iterator[Problem]:
    """Nobody is both present and absent on the same day."""
    present: dict[str, Attendee] = {}
    for attendee in meeting.attendees:
        present.setdefault(_person_key(attendee.name), attendee)
    for absentee in meeting.absent:
        other = present.get(_person_key(absentee.name))
        if other is None:
            continue
        shared = set(other.days or meeting.days) & set(absentee.days or meeting.days)
        if shared:
            day = min(shared).isoformat()
            yield Problem(meeting.path, absentee.line, "absent", _("{name} is listed both as present (line {line}) and as absent "
                          "on {day}").format(name=absentee.name, line=other.line, day=day),
                          _("remove one of them, or give 'days:' for a multi-day meeting"))


def check_decisions(meeting: Meeting) -> Iterator[Problem]:
    """Once the minutes are no longer a draft, every beslutsärende records its decision (a
    kallelse has proposals, not decisions)."""
    if meeting.status == "utkast" or meeting.before:
        return
    for item in meeting.items:
        if item.type == "beslutsärende" and not item.decisions:
            yield Problem(meeting.path, item.line, item.label, _("found no decision in a beslutsärende ('{type}')").format(
                type=item.type_printed), _("add a '::: beslut' block, or keep the status 'utkast' until it is written"))


def check_item_references(meeting: Meeting) -> Iterator[Problem]:
    """`until_item` and `absent_from_items` name items of this meeting."""
    numbers = {item.number for item in meeting.items if item.number}
    for attendee in (*meeting.attendees, *meeting.absent):
        for number in filter(None, (attendee.until_item, *attendee.absent_from_items)):
            if number not in numbers:
                yield Problem(meeting.path, attendee.line, f"{attendee.name}", _("refers to item {number}, which the meeting does "
                              "not have").format(number=repr(number)), did_you_mean(number, numbers) or _("use an item number such as '7a'"))


def check_named_participants(meeting: Meeting) -> Iterator[Problem]:
    """Whoever proposes, votes, dissents, notes or declares jäv attended the meeting."""
    attended = {_person_key(a.name) for a in meeting.attendees}
    names = [a.name for a in meeting.attendees]
    for item in meeting.items:
        for block in item.blocks:
            for name in (*block.by, *block.yes, *block.no, *block.abstain):
                if _person_key(name) not in attended:
                    yield Problem(meeting.path, block.line, f"::: {block.kind}", _("{name} is not among the meeting's attendees").format(
                        name=name), did_you_mean(_strip_party(name), names) or _("add the person to 'present' (or correct the name)"))


def check_extract(meeting: Meeting) -> Iterator[Problem]:
    """A certification (`Rätt utdraget intygar`) is an extract's: on whole minutes it is a mistake of kind."""
    if meeting.certified and not meeting.extract:
        yield Problem(meeting.path, meeting.line_of("certified"), "certified", _("found who certified an extract, but the kind is "
                      "'{kind}'").format(kind=meeting.kind), _("write 'kind: protokollsutdrag', or delete 'certified'"))


def check_officials(meeting: Meeting) -> Iterator[Problem]:
    """The chair, the secretary and the adjusters of a meeting were at it: a name there that no
    attendee has is a misspelling or a missing attendee (the minutes would name a person who
    cannot have chaired, kept or adjusted them)."""
    attended = {_person_key(a.name) for a in meeting.attendees}
    names = [a.name for a in meeting.attendees]
    officials = meeting.officials
    named = [("officials.chair", officials.chair), ("officials.secretary", officials.secretary)]
    named += [(f"officials.adjusters.{index}", name) for index, name in enumerate(officials.adjusters)]
    for key, name in named:
        if name and _person_key(name) not in attended:
            field = key.rsplit(".", 1)[0] if key[-1].isdigit() else key
            yield Problem(meeting.path, meeting.line_of(key), field, _("{name} is not among the meeting's attendees").format(name=name),
                          did_you_mean(_strip_party(name), names) or _("add the person to 'present' or 'staff' (or correct the name)"))


def check_first_names(meeting: Meeting) -> Iterator[Problem]:
    """A first name alone that two attendees share stays a person of its own (see `people.py`):
    told, so that the secretary can write the full name."""
    written = [(p.name, item.line) for item in meeting.items for p in item.presenters]
    written += [(name, block.line) for item in meeting.items for block in item.blocks
                for name in (*block.by, *block.yes, *block.no, *block.abstain)]
    for name, line, candidates in ambiguous_first_names(meeting, iter(written)):
        yield Problem(meeting.path, line, name, _("the first name could be {names}; it gets a person page of its own").format(
            names=_(" or ").join(candidates)), _("write the full name"), severity="info")


def check_next_meetings(ctx: Context, meeting: Meeting) -> Iterator[Problem]:
    """A next meeting of another body names a body in the registry."""
    for index, next_meeting in enumerate(meeting.next_meetings):
        if next_meeting.body and next_meeting.body not in ctx.archive.bodies:
            yield Problem(meeting.path, meeting.line_of(f"next_meetings.{index}.body"), "next_meetings.body",
                          _("unknown body '{key}'").format(key=next_meeting.body),
                          did_you_mean(next_meeting.body, ctx.archive.bodies))
        if next_meeting.body and next_meeting.other_body:
            yield Problem(meeting.path, meeting.line_of(f"next_meetings.{index}.other_body"), "next_meetings.other_body",
                          _("found both 'body' and 'other_body'"),
                          _("'body' names a body in the registry, 'other_body' one outside it: keep one"))
        if next_meeting.date and next_meeting.date <= meeting.date:
            yield Problem(meeting.path, meeting.line_of(f"next_meetings.{index}.date"), "next_meetings.date",
                          _("found {found}, expected a day after the meeting").format(found=next_meeting.date))


def check_announcement(ctx: Context, meeting: Meeting) -> Iterator[Problem]:
    """Announced minutes (anslaget) carry their dates; a late announcement is noted, not refused:
    it is an old fact the archive cannot change."""
    body = ctx.archive.bodies.get(meeting.body)
    if meeting.status == "anslaget" and meeting.announced_on is None:
        yield Problem(meeting.path, meeting.line_of("status"), "announced_on", _("missing: the status is 'anslaget'"),
                      _("add 'announced_on: YYYY-MM-DD'"))
    if meeting.announced_on is None:
        return
    if body is not None and not body.local_government_act:
        yield Problem(meeting.path, meeting.line_of("announced_on"), "announced_on",
                      _("found a date, but {body} is not a body under kommunallagen").format(body=body.name),
                      _("set 'local_government_act: true' for the body in content/bodies.yml, or remove announced_on"))
    if meeting.adjusted_on is None:
        yield Problem(meeting.path, meeting.line_of("announced_on"), "adjusted_on",
                      _("missing: minutes are announced after they are adjusted"), _("add 'adjusted_on: YYYY-MM-DD'"))
    elif meeting.announced_on < meeting.adjusted_on:
        yield Problem(meeting.path, meeting.line_of("announced_on"), "announced_on",
                      _("found {found}, expected a day on or after the adjustment ({adjusted})").format(
                          found=meeting.announced_on, adjusted=meeting.adjusted_on))
    elif appeal.announced_late(meeting.adjusted_on, meeting.announced_on):
        yield Problem(meeting.path, meeting.line_of("announced_on"), "announced_on",
                      _("announced {announced}, later than the second day after the adjustment ({latest}; KL 8 kap. 12 §)").format(
                          announced=meeting.announced_on, latest=appeal.latest_announcement(meeting.adjusted_on)),
                      _("the page says so; nothing to fix if this is what happened"), severity="note")


def check_reports(ctx: Context, meeting: Meeting) -> Iterator[Problem]:
    """`Återrapport:` names an assignment that exists: `body/YYYY-MM-DD#p28-b2-u1`."""
    if not any(item.reports for item in meeting.items):
        return
    known = ctx.assignment_refs
    for item in meeting.items:
        for ref in item.reports:
            if ref not in known:
                yield Problem(meeting.path, item.line, "Återrapport", _("found {found}, which names no assignment in the "
                              "archive").format(found=repr(ref)), did_you_mean(ref, known) or _("write it as body/YYYY-MM-DD#p28-b2-u1"))


def check_kallelse(ctx: Context, meeting: Meeting) -> Iterator[Problem]:
    """A meeting before it is held: a kallelse proposes and decides nothing, a cancellation says
    why. What time has overtaken is told as a note (the secretary adds the minutes or cancels)."""
    if meeting.status == "inställd" and not meeting.cancelled_reason:
        yield Problem(meeting.path, meeting.line_of("status"), "cancelled_reason", _("missing: the status is 'inställd'"),
                      _("add 'cancelled_reason: ...', and 'moved_to: YYYY-MM-DD' when the meeting moved"))
    if meeting.moved_to and meeting.status != "inställd":
        yield Problem(meeting.path, meeting.line_of("moved_to"), "moved_to", _("found a date, but the meeting is not cancelled"),
                      _("'moved_to' belongs to a meeting with the status 'inställd'"))
    if not meeting.before:
        return
    for item in meeting.items:
        for block in item.decisions:
            yield Problem(meeting.path, block.line, f"::: {block.kind}",
                          _("found a decision in a meeting with the status '{status}'").format(status=meeting.status),
                          _("before the meeting write the proposal as '::: förslag'; the decision comes with the minutes"))
    if meeting.status != "kallad":
        return
    if (meeting.end_date or meeting.date) < ctx.today:
        yield Problem(meeting.path, meeting.line_of("status"), "status",
                      _("the meeting's day ({date}) has passed and the file is still a kallelse").format(date=meeting.date),
                      _("add the minutes, or set the status 'inställd' with the reason"), severity="note")
    later = ctx.last_minutes.get(meeting.body)
    if later and later > meeting.date:
        yield Problem(meeting.path, meeting.line_of("date"), "date",
                      _("a kallelse dated before the body's minutes of {later}").format(later=later),
                      _("add the minutes, or set the status 'inställd' with the reason"), severity="note")
    body = ctx.archive.bodies.get(meeting.body)
    if body is not None and body.assembly and meeting.notice_posted_on is not None:
        latest = appeal.latest_kungorelse(meeting.date)
        if appeal.kungorelse_late(meeting.date, meeting.notice_posted_on):
            yield Problem(meeting.path, meeting.line_of("notice_posted_on"), "notice_posted_on",
                          _("posted {posted}, later than a week before the meeting ({latest}; KL 5 kap. 55 §)").format(
                              posted=meeting.notice_posted_on, latest=latest),
                          _("the notice board says so; nothing to fix if this is what happened"), severity="note")


MEETING_RULES: list[tuple[str, Callable[[Meeting], Iterable[Problem]]]] = [
    ("dates", check_dates),
    ("present-and-absent", check_present_and_absent),
    ("decisions", check_decisions),
    ("item-references", check_item_references),
    ("named-participants", check_named_participants),
    ("officials", check_officials),
    ("extract", check_extract),
    ("first-names", check_first_names),
]
"""The rules that read the meeting alone: run when its file is parsed, and kept with it in the parse
cache (`check_meeting`)."""

ARCHIVE_RULES: list[tuple[str, Rule]] = [
    ("next-meetings", check_next_meetings),
    ("announcement", check_announcement),
    ("reports", check_reports),
    ("kallelse", check_kallelse),
]
"""The rules that read the archive (or the day) besides the meeting."""

RULES = [*MEETING_RULES, *ARCHIVE_RULES]


RULE_CODES = [name for name, _rule in RULES]
"""The codes a rule across meetings can be left out by (`check --disable CODE`, the plugin's `disable`)."""


def check_meeting(meeting: Meeting) -> tuple[Problem, ...]:
    """The problems of the rules that read the meeting alone, each carrying its rule's name."""
    return tuple(dataclasses.replace(problem, code=name) for name, rule in MEETING_RULES for problem in rule(meeting))


def check_archive(archive: Archive, disabled: Iterable[str] = (), today: dt.date | None = None,
                  within: Mapping[str, tuple[Problem, ...]] | None = None) -> list[Problem]:
    """Every rule's problems, each carrying the rule's name as its code; `disabled` names rules
    to leave out (`check --disable officials`); `today` is the day checked on (by default today);
    `within` holds `check_meeting`'s problems by meeting key, where they were found when parsing."""
    off, ctx = set(disabled), Context(archive, today or dt.date.today())
    problems: list[Problem] = []
    for meeting in archive.meetings:
        own = within.get(meeting.key) if within is not None else None
        problems += [p for p in (check_meeting(meeting) if own is None else own) if p.code not in off]
        problems += [dataclasses.replace(problem, code=name) for name, rule in ARCHIVE_RULES if name not in off
                     for problem in rule(ctx, meeting)]
    return problems


def _strip_party(name: str) -> str:
    return re.sub(r"\s*\([^)]*\)\s*$", "", name).strip()


@lru_cache(maxsize=100_000)
def _person_key(name: str) -> str:
    return " ".join(_strip_party(name).casefold().split())
