"""Cross-references in the minutes' text, linked where the archive holds their target.

"§ 12" links to item 12 of the same meeting ("KS 2023-05-10 § 45" to that body's); "föregående
protokoll" to the body's previous meeting; "mötet 20221125", "sammanträdet den 5 maj" and
"Länssamverkansgruppens möte den 10 november" to that meeting; a diarienummer to the page listing
everything with that number. A reference the archive cannot resolve stays plain text (the seeds
cite meetings outside the archive): it is reported as information, never as a broken link or an
error.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import pickle
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from markupsafe import Markup, escape

from . import dnr, urls
from .derive import Facts
from .model import Archive, Meeting
from .parallel import map_in_workers
from .messages import _
from .problems import Problem
from .staging import keep_in
from .text import swedish_key

MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december")
# Spaces, not line breaks: a reference does not run from one list entry into the next.
# An item's "§ 12" may name whose it is before it (a body's abbreviation, a day: "KS 2023-05-10
# § 45") or its year after it ("§ 45/2023"). A "§" after a number or a chapter is a law's
# section sign, not an item's ("6 kap. 39 § 2 stycket", "3 kap. §1"): no reference at all. An
# item's number may have parts (§ 4.2) and a letter (§ 12 a), though not "i" (§ 5 i protokollet).
_DAY = r"(?:19|20)\d\d-[01]\d-[0-3]\d"
_ITEM = (r"(?:(?P<law>\d{1,3}[ \t]?|\bkap(?:\.|itlet|itel)?[ \t]?(?:\d{1,3}[ \t]?)?)"
         r"|(?:\b(?:(?-i:(?P<item_body>[A-ZÅÄÖ]{2,6}))"
         # (a body's name, one word or two, only before a day: "Kommunstyrelsens arbetsutskott 2024-01-15 § 5")
         r"|(?P<item_owner>(?-i:[A-ZÅÄÖ])[\w-]*(?:[ \t]+(?-i:[a-zåäö])[\w-]*)?)"
         r"(?=[ \t]*,?[ \t]*" + _DAY + r"))[ \t]*,?[ \t]*)?"
         r"(?:(?P<item_day>" + _DAY + r")[ \t]*,?[ \t]*)?)"
         r"§ ?(?P<item>\d{1,4}(?:\.\d{1,2})*(?: ?[a-hj-z])?)(?:[/:](?P<item_year>(?:19|20)\d\d))?(?![\w])")
# A meeting is a "möte" or (a municipality's word) a "sammanträde", or a compound of either
# (höstmötet, styrelsesammanträdet), linked whole; the word ends where the reference does
# ("föregående möte" is no reference to a part of "mötesanteckningar"; "föregående årsmöte" is
# none to the previous meeting, which need not be one).
_MEETING = r"\b[\w-]*?(?:möte|sammanträde)(?:t)?"
_PREVIOUS = (r"(?P<previous>föregående[ \t]+(?:(?:protokoll|mötesprotokoll|sammanträdesprotokoll)(?:et)?"
             r"|(?:mötes|sammanträdes)[ \t]+protokoll(?:et)?|(?:möte|sammanträde)(?:t)?"
             r"|(?:mötes)?anteckningar(?:na)?))(?![\w])")
_COMPACT = r"(?P<compact_lead>" + _MEETING + r"[ \t]+)(?P<compact>(?:19|20)\d\d-?[01]\d-?[0-3]\d)(?![\d-])"
# (The owner starts a word: tried inside every word, its lazy scan made the pattern ten times
# slower on long text.)
_WORDS = (r"(?:\b(?P<owner>[A-ZÅÄÖ][\wåäöÅÄÖ-]+?)s[ \t]+)?(?P<words_lead>" + _MEETING + r"[ \t]+(?:den[ \t]+)?)"
          r"(?P<day>\d{1,2})[ \t]+(?P<month>" + "|".join(MONTHS) + r")(?:[ \t]+(?P<year>(?:19|20)\d\d))?")
# A diarienummer's series is in capitals (case-sensitive inside the case-insensitive pattern).
_DNR = rf"(?-i:(?P<dnr>{dnr.IN_TEXT}))"
_BRANCHES = (_ITEM, _PREVIOUS, _COMPACT, _WORDS, _DNR)
"""The references' pattern is these joined, for a text only those its words may match (`pattern_for`)."""


def pattern_for(text: str) -> re.Pattern[str] | None:
    """The references' pattern without the branches whose words `text` lacks, None when it lacks
    all: the same matches, for the full pattern was slow on long text (a branch left out stays,
    never matching, so that every group is still there to ask for)."""
    folded = text.casefold()
    meeting = "möte" in folded or "sammanträde" in folded
    return _pattern_of(("§" in text, "föregående" in folded, meeting, meeting, dnr.may_hold(text)))


@functools.lru_cache(maxsize=None)
def _pattern_of(present: tuple[bool, ...]) -> re.Pattern[str] | None:
    if not any(present):
        return None
    return re.compile("|".join(branch if there else f"(?!){branch}" for branch, there in zip(_BRANCHES, present)),
                      re.IGNORECASE)


def references(text: str) -> Iterator[re.Match[str]]:
    """The references in `text` (a law's section sign, "6 kap. 39 §", is matched to be passed
    over, and is none)."""
    pattern = pattern_for(text)
    matches = pattern.finditer(text) if pattern is not None else iter(())
    return (match for match in matches if match["law"] is None)


_TAG = re.compile(r"(<[^>]+>)")
_LINK_OPENS = re.compile(r"<a[\s>]")


def dnr_slug(normalised: str) -> str:
    return dnr.key(normalised)


@dataclass
class Linker:
    """Resolves references against the archive; one per build."""

    facts: Facts

    @property
    def archive(self) -> Archive:
        return self.facts.archive

    def __post_init__(self) -> None:
        self._by_date = {(m.body, m.date): m for m in self.archive.meetings}
        self._bodies = {swedish_key(name): key for key, b in self.archive.bodies.items()
                        for name in (b.name, b.short_name, *(f.name for f in b.former_names)) if name}
        self.numbers = {n for m in self.archive.meetings for n in self._numbers_of(m)}
        self.unresolved: list[Problem] = []

    def targets(self) -> tuple:
        """What references resolve against: meetings by body and day, their items' numbers,
        bodies by name, diarienummer (a page whose own text is unchanged links differently when
        these change: "KS 2023-05-10 § 45" once that meeting has its § 45)."""
        meetings = sorted((body, day.isoformat(), m.key, tuple(i.number for i in m.items))
                          for (body, day), m in self._by_date.items())
        return meetings, sorted(self._bodies.items()), sorted(self.numbers)

    @staticmethod
    def _numbers_of(meeting: Meeting) -> set[str]:
        found = {d.normalised for i in meeting.items for d in i.diarienummer}
        return found | ({meeting.diarienummer.normalised} if meeting.diarienummer else set())

    def link(self, html: str, meeting: Meeting, here: str) -> Markup:
        """`html` (markdown-it's output) with its references linked, relative to page `here`."""
        if pattern_for(html) is None:  # (what no piece of it holds, the whole lacks: most prose)
            return Markup(html)
        out, in_link = [], 0
        for piece in _TAG.split(html):
            if piece.startswith("<"):
                in_link += 1 if _LINK_OPENS.match(piece) else -1 if piece.startswith("</a") else 0
                out.append(piece)
            elif in_link or not piece.strip():
                out.append(piece)
            else:
                pattern = pattern_for(piece)
                out.append(pattern.sub(lambda m: self._replace(m, meeting, here), piece) if pattern is not None else piece)
        return Markup("".join(out))

    def _replace(self, match: re.Match[str], meeting: Meeting, here: str) -> str:
        text = match.group(0)
        target = self.resolve(match, meeting)
        if target is None:
            return text  # already escaped by markdown-it
        return f'<a class="pa-xref" href="{escape(urls.relative(target, here))}">{text}</a>'

    def resolve(self, match: re.Match[str], meeting: Meeting) -> str | None:
        """The site-relative URL a reference points at, or None."""
        if match["item"]:
            return self._item_url(match, meeting)
        if match["previous"]:
            before = self._previous(meeting)
            return urls.meeting(before).url if before else None
        if match["compact"]:
            digits = match["compact"].replace("-", "")
            day = _date(digits[:4], digits[4:6], digits[6:])
            return self._meeting_url(meeting.body, day)
        if match["day"]:
            body = meeting.body
            if match["owner"]:
                body = self._body_named(match["owner"])
                if body is None:
                    return None
            year = int(match["year"]) if match["year"] else meeting.date.year
            day = _date(year, MONTHS.index(match["month"].lower()) + 1, match["day"])
            return self._meeting_url(body, day)
        if match["dnr"]:
            normalised = dnr.normalise(match["dnr"])
            return urls.diarienummer(dnr_slug(normalised)) if normalised in self.numbers else None
        return None

    def _item_url(self, match: re.Match[str], meeting: Meeting) -> str | None:
        """An item of this meeting; or, with a body, a day or a year named, the item of that
        body's meeting that day, or the one meeting of that year with the item (an item's
        number runs through the year)."""
        if match["law"] is not None:
            return None
        number = re.sub(r"\s", "", match["item"]).lower()
        body = meeting.body
        owner = match["item_body"] or match["item_owner"]
        if owner:
            body = self._body_named(owner)
            if body is None:
                return None
        day = _date(*match["item_day"].split("-")) if match["item_day"] else None
        if day is not None:
            found = self._by_date.get((body, day))
            candidates = [found] if found else []
        elif body == meeting.body and not match["item_year"]:
            candidates = [meeting]
        else:
            year = int(match["item_year"] or meeting.date.year)
            candidates = [m for m in self.facts.meetings_of(body) if m.date.year == year]
        held = [(m, i) for m in candidates for i in m.items if i.number == number]
        return urls.item(*held[0]) if len(held) == 1 else None

    def _body_named(self, words: str) -> str | None:
        """The body that `words` name by its name or short name, or its name's genitive
        ("Kommunstyrelsens"), whole or their first word ("Kommunfullmäktiges beslut")."""
        for name in dict.fromkeys((words, words.split()[0])):
            key = swedish_key(name)
            for candidate in (key, key[:-1] if key.endswith("s") else None):
                if candidate and candidate in self._bodies:
                    return self._bodies[candidate]
        return None

    def _previous(self, meeting: Meeting) -> Meeting | None:
        """The body's previous meeting, when the archive's previous one is that: it announced this
        meeting as its next, or (announcing none) lies within a quarter before it."""
        before, _after = self.facts.neighbours(meeting)
        if before is None:
            return None
        announced = [n.date for n in before.next_meetings if n.date]
        if announced:
            return before if meeting.date in announced else None
        return before if (meeting.date - before.date).days <= 92 else None

    def _meeting_url(self, body: str, day: dt.date | None) -> str | None:
        found = self._by_date.get((body, day)) if day else None
        return urls.meeting(found).url if found else None

    @cached_property
    def targets_digest(self) -> str:
        return hashlib.sha256(pickle.dumps(self.targets(), protocol=5)).hexdigest()

    def unresolved_references(self, keys: dict[int, str] | None = None, memo: "ReferenceMemo | None" = None) -> list[Problem]:
        """Every reference in the archive's text that stays plain text, as information (on every
        core: in a 10,000-protocol archive this scan was a third of `check`). With `keys` (a key
        of all a meeting's references depend on but the targets, by the meeting's identity) and a
        `memo`, a meeting the memo knows by its key is not scanned again."""
        meetings, keys = self.archive.meetings, keys or {}
        known = memo.of(self.targets_digest) if memo is not None else {}
        found: list[list[Problem] | None] = [known.get(keys.get(id(meeting), "")) for meeting in meetings]
        todo = [at for at, problems in enumerate(found) if problems is None]
        spans = [todo[start:start + 500] for start in range(0, len(todo), 500)]
        for span, scanned in zip(spans, map_in_workers(self._unresolved_in, spans, at_least=4)):
            for at, problems in zip(span, scanned):
                found[at] = problems
        if memo is not None:
            memo.keep(self.targets_digest, {keys[id(m)]: problems for m, problems in zip(meetings, found) if id(m) in keys})
        return [problem for problems in found for problem in problems or ()]

    def _unresolved_in(self, span: list[int]) -> list[list[Problem]]:
        return [self._unresolved_of(self.archive.meetings[at]) for at in span]

    def _unresolved_of(self, meeting: Meeting) -> list[Problem]:
        found = []
        for item in meeting.items:
            for part in item.parts:
                text = getattr(part, "text", "")
                for match in references(text):
                    if self.resolve(match, meeting) is None:
                        found.append(Problem(meeting.path, item.line, item.label,
                                             _("the reference {reference} is not in the archive; it stays text").format(
                                                 reference=repr(match.group(0))), severity="info", code="reference"))
        return found


REFERENCES_FILE = "unresolved-references.pickle"


@dataclass
class ReferenceMemo:
    """The references of each meeting that stay text, as the last builds found them: by the
    digest of what references resolve against (`Linker.targets`), then by each meeting's key
    (`Site.reference_keys`). It keeps the last two such sets, so that builds that alternate between
    two states of the archive (a branch and main sharing a CI cache) do not each undo the other's."""

    generations: dict[str, dict[str, list[Problem]]] = field(default_factory=dict)

    @classmethod
    def read(cls, folder: Path) -> "ReferenceMemo":
        try:
            with open(folder / REFERENCES_FILE, "rb") as handle:
                generations = pickle.load(handle)
            return cls(generations if isinstance(generations, dict) else {})
        except Exception:  # (none yet, or damaged: every meeting is scanned)
            return cls()

    def of(self, targets: str) -> dict[str, list[Problem]]:
        return self.generations.get(targets, {})

    def keep(self, targets: str, found: dict[str, list[Problem]]) -> None:
        """`found` is the set for `targets` now; the newest other set is kept beside it."""
        others = [(key, value) for key, value in self.generations.items() if key != targets][:1]
        self.generations = {targets: found, **dict(others)}

    def write(self, folder: Path) -> None:
        keep_in(folder, REFERENCES_FILE, lambda handle: pickle.dump(self.generations, handle, protocol=5))


def _date(year: object, month: object, day: object) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
