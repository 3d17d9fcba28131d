"""`protokollarkivet new`: the next meeting's file for a body, ready for the secretary to fill in.

The date comes from the previous meeting's "next meeting" when not given; the previous meeting's
members become the attendance list to confirm; item numbers go on where the body numbers its items
over the year (Länssamverkansgruppen: 23-35 in September) and start again in a new year; the
standing items are in place. The file is the meeting's kallelse (`kallad`): it passes `check` as
written, and grows into the minutes at the same path and address.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .messages import _
from .model import Archive, Attendee, Meeting
from .frontmatter import front_matter_yaml

STANDING_FIRST = ("Godkännande av dagordning", "Föregående protokoll")
STANDING_LAST = ("Nästa möte",)


class ScaffoldError(Exception):
    """Why no file was written."""


@dataclass(frozen=True, slots=True)
class Scaffold:
    path: Path
    text: str


def next_meeting(archive: Archive, content: Path, body: str, date: dt.date | None = None) -> Scaffold:
    if body not in archive.bodies:
        raise ScaffoldError(_("unknown body '{body}' (known: {known})").format(body=body, known=", ".join(sorted(archive.bodies))))
    own = [m for m in archive.meetings if m.body == body]
    previous = own[-1] if own else None
    date = date or _announced_date(archive, previous)
    if date is None:
        raise ScaffoldError(_("the previous meeting names no next meeting with a date: give --date YYYY-MM-DD"))
    path = content / body / f"{date.isoformat()}.md"
    if path.exists():
        raise ScaffoldError(_("{path} exists already; nothing was written").format(path=path))
    return Scaffold(path, _front_matter(body, date, previous) + _items(previous, date))


def _announced_date(archive: Archive, previous: Meeting | None) -> dt.date | None:
    """The previous meeting's next meeting of this body: one that names the body (by key, or by
    name in its text) before one that names none ("Systemledning 13 oktober" is another group's)."""
    if previous is None:
        return None
    body = archive.bodies[previous.body]
    names = [n.lower() for n in (body.name, body.short_name) if n]
    later = [n for n in previous.next_meetings if n.date and n.date > previous.date and n.other_body is None]
    for chosen in ([n for n in later if n.body == previous.body],
                   [n for n in later if n.body is None and any(name in (n.text or "").lower() for name in names)],
                   [n for n in later if n.body is None]):
        if chosen:
            return min(n.date for n in chosen)
    return None


def _roster(previous: Meeting) -> list[Attendee]:
    """The members: those present (not as a substitute) and the members who were absent."""
    members = [a for a in previous.present if not a.replaces]
    members += [a for a in previous.absent if (a.role or "") != "inbjuden"]
    return sorted(members, key=lambda a: previous.present.index(a) if a in previous.present else len(previous.present))


def _attendee(a: Attendee) -> dict:
    fields = {"name": a.name, "organisation": a.organisation, "party": a.party, "role": a.role, "title": a.title,
              "group": a.group}
    return {k: v for k, v in fields.items() if v}


def _front_matter(body: str, date: dt.date, previous: Meeting | None) -> str:
    front: dict = {"body": body, "kind": previous.kind if previous else "protokoll", "date": date.isoformat()}
    if previous and previous.place:
        front["place"] = previous.place
    front["status"] = "kallad"
    if previous:
        front["present"] = [_attendee(a) for a in _roster(previous)]
        officials = {k: v for k, v in (("chair", previous.officials.chair), ("secretary", previous.officials.secretary)) if v}
        # The officials must be among the attendees: the staff they were in the previous meeting come along.
        staff = [a for a in previous.staff if a.name in officials.values()]
        if staff:
            front["staff"] = [_attendee(a) for a in staff]
        if officials:
            front["officials"] = officials
    text = front_matter_yaml(front)
    note = "# Närvaron är föregående mötes ledamöter: bekräfta den, och flytta den som är frånvarande till absent.\n"
    return "---\n" + text.replace("present:\n", note + "present:\n", 1) + "---\n"


def _items(previous: Meeting | None, date: dt.date) -> str:
    numbers = [int("".join(ch for ch in i.number if ch.isdigit())) for i in (previous.items if previous else ()) if i.number]
    numbered = bool(numbers) or previous is None
    # A body whose numbering did not start at 1 numbers over the year: go on, unless a year began.
    runs_over_year = bool(numbers) and numbers[0] > 1
    start = max(numbers) + 1 if runs_over_year and previous and previous.date.year == date.year else 1
    titles = [*STANDING_FIRST, "Ärende", *STANDING_LAST]
    lines = []
    for offset, title in enumerate(titles):
        heading = f"## {start + offset}. {title}" if numbered else f"## {title}"
        lines += [heading, ""]
        if title == "Ärende":
            lines += ["Skriv ärendena här: rubrik, Typ:, Föredragande:, Handlingar:, text och ::: förslag "
                      "(beslutet, ::: beslut, skrivs i protokollet efter mötet).", ""]
    return "\n" + "\n".join(lines)
