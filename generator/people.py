"""Who a name in the minutes is: one key per person across every spelling.

Minutes write a person in more than one way. Three rules join the spellings, in this order:

1. The person registry (`content/people.yml`, optional) names a person with a stable key and
   lists other spellings as aliases ("Malin Duckert Ek" for "Malin Ek Duckert").
2. A first name alone ("Föredragande: Malin") is the one attendee of that meeting with that first
   name. When two attendees share it, or none has it, the mention stays as written: guessing
   would give one person's acts to another (`ambiguous_first_names` lists them for `check`).
3. Otherwise the name as written, without a party mark ("Anna Ek (S)"), is the person.

The key is an ASCII slug of the registry key or of the full name, and it is the person page's
address (`/person/<key>/`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator

from .model import Archive, Meeting, PersonEntry
from .text import slug

_PARTY_MARK = re.compile(r"\s*\([^)]*\)\s*$")


@lru_cache(maxsize=100_000)
def without_party(name: str) -> str:
    """`Anna Ek (S)` -> `Anna Ek`."""
    return _PARTY_MARK.sub("", name).strip()


@lru_cache(maxsize=100_000)
def spelling_key(name: str) -> str:
    """What two spellings of one name share: case, spacing and a party mark do not matter."""
    return " ".join(without_party(name).casefold().split())


def name_key(name: str) -> str:
    """The key of a name no registry entry or first-name rule claims."""
    return slug(without_party(name))


@dataclass(frozen=True, slots=True)
class Mention:
    """A name as a meeting's text gives it, resolved to its person."""

    written: str
    key: str
    name: str
    """The person's name as the archive shows it: the registry's, the attendee's or as written."""


@dataclass(frozen=True)
class People:
    """The person registry of an archive, ready to resolve names (build it once with `of`)."""

    entries: tuple[PersonEntry, ...] = ()
    by_spelling: dict[str, PersonEntry] = field(default_factory=dict)
    resolved: dict[tuple[str, str], Mention] = field(default_factory=dict, compare=False, repr=False)
    """`resolve_full`'s answers so far: an archive names a few thousand people hundreds of
    thousands of times, and the open data, the OParl endpoint and the pages each resolve them."""

    @classmethod
    def of(cls, archive: Archive) -> "People":
        by_spelling = {spelling_key(spelling): entry for entry in archive.people
                       for spelling in (entry.name, *entry.aliases)}
        return cls(tuple(archive.people), by_spelling)

    def resolve(self, written: str, meeting: Meeting | None = None) -> Mention:
        """The person `written` names, in `meeting` when given (for a first name alone)."""
        return self.resolve_full(written, self.full_name(written, meeting))

    def resolve_full(self, written: str, full: str) -> Mention:
        """The person of `written`, whose full name (`full_name`) is known."""
        mention = self.resolved.get((written, full))
        if mention is None:
            mention = self.resolved[written, full] = self._resolved_now(written, full)
        return mention

    def _resolved_now(self, written: str, full: str) -> Mention:
        entry = self.by_spelling.get(spelling_key(full))
        if entry is not None:
            return Mention(written, entry.key, entry.name)
        return Mention(written, name_key(full), without_party(full) if full != written else written)

    def key(self, written: str, meeting: Meeting | None = None) -> str:
        return self.resolve(written, meeting).key

    def full_name(self, written: str, meeting: Meeting | None) -> str:
        """A first name alone as the one attendee of `meeting` who has it; else as written."""
        if meeting is None or (" " in written and "(" not in written):  # (the common case: a full name)
            return written
        bare = without_party(written)
        if " " in bare or not bare or spelling_key(bare) in self.by_spelling:
            return written
        matches = _attendees_with_first_name(meeting, bare)
        return matches[0] if len(matches) == 1 else written


def _attendees_with_first_name(meeting: Meeting, first: str) -> list[str]:
    wanted = first.casefold()
    names: list[str] = []
    for attendee in (*meeting.attendees, *meeting.absent):
        parts = without_party(attendee.name).split()
        if len(parts) > 1 and parts[0].casefold() == wanted and attendee.name not in names:
            names.append(attendee.name)
    return names


def ambiguous_first_names(meeting: Meeting, written_names: Iterator[tuple[str, int]]) -> Iterator[tuple[str, int, list[str]]]:
    """(name, line, the attendees it could be) for each first name alone that two or more
    attendees of `meeting` share."""
    for written, line in written_names:
        bare = without_party(written)
        if bare and " " not in bare:
            matches = _attendees_with_first_name(meeting, bare)
            if len(matches) > 1:
                yield written, line, matches
