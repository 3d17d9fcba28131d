"""A roll-call vote's table, read into who voted yes, who voted no and who abstained.

Minutes that record a roll-call vote (*omröstning*, *votering*) list the members in a table, a
member a row, a mark in the column of the member's vote, often with a row of sums below:

    Ledamot          Ja   Nej   Avstår
    Per Sundin (S)   X
    Lina Ek (M)           X
    Summa            1    1

The columns are the source's own: a table's cells, or the text between typed tabs, where two tabs
in a row leave an empty column (`Line.cells`). A PDF's text has no empty cells; there each piece
of a row goes to the heading's column that begins where it begins (`Line.column_starts`), and a
piece that begins under no heading leaves the table unread. Typed tabs also align text (a short
name followed by two tabs where a long one has one), so a table is read only when it adds up:
every member has one mark and it stands in a vote's column, and the marks counted are the sums
row's numbers when it has one. Otherwise the table stays in the draft as typed.

Older minutes list the names under each side instead, a column a side, the count in the heading:

    Ja (7)              Nej (4)
    Bengt Ek (s)        Carl-Johan Rehn (m)
    Ulla Nyström (s)

Minutes without a table say it in sentences after the vote: "Ja röstar Lena Forsberg (S), ... och
Ulla Persson (S).", "Nej röstar ...", "Avstår gör ..." (`voters_in`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .people import TICK, looks_like_name, without_party
from .units import Unit

_VOTE_COLUMNS = {"ja": "yes", "nej": "no", "avstår": "abstain", "avstod": "abstain", "avstående": "abstain", "avst": "abstain",
                 "avst.": "abstain", "avstår från att rösta": "abstain", "avstod från att rösta": "abstain",
                 "frånv": "absent", "frånv.": "absent", "frånvarande": "absent", "ej närvarande": "absent"}
"""A vote's columns, and the column of members who were away (`Frånv`): a mark there is no vote."""
_SUBSTITUTE_COLUMNS = {"tjänstgörande ersättare", "ersättare", "tjänstgörande", "tjg ersättare", "tjg. ersättare", "ersätts av"}
"""The column of the substitute who voted in the member's place (`Eva Strand (L)` | `Karl Dahl (L)` | X)."""
_PARTY_COLUMNS = {"parti", "partibeteckning", "parti/grupp"}
_SUMS = re.compile(r"^(?:summa|s:a|totalt|antal(?:\s+röster)?|summa\s+röster)\s*:?$", re.IGNORECASE)
_ALIGNED = 24.0
"""How far (points) a PDF cell's text may begin from its heading's: a mark centred under "Ja"."""
_ROLE_AFTER_NAME = re.compile(r",\s*[a-zåäö1-9][\w:. -]*$")
"""`Gunnar Lid, ordförande`, `Lina Ek (M), 1:e vice ordförande`: the member is the name."""


@dataclass
class RollCall:
    yes: list[str] = field(default_factory=list)
    no: list[str] = field(default_factory=list)
    abstain: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    """Members marked away: no vote, but counted against a sums row's own column."""
    end: int = 0
    """The index of the first unit after the table."""

    def add(self, side: str, name: str) -> None:
        """`name` voted `side` ('yes', 'no' or 'abstain')."""
        {"yes": self.yes, "no": self.no, "abstain": self.abstain, "absent": self.absent}[side].append(name)

    def counted(self) -> dict[str, int]:
        return {"yes": len(self.yes), "no": len(self.no), "abstain": len(self.abstain), "absent": len(self.absent)}

    def fields(self) -> list[tuple[str, str]]:
        """The vote's fields as its block writes them: `Ja:`, `Nej:`, `Avstår:`, `Resultat:`."""
        out = [(label, ", ".join(names)) for label, names in (("Ja", self.yes), ("Nej", self.no), ("Avstår", self.abstain))
               if names]
        result = f"{len(self.yes)} ja, {len(self.no)} nej" + (f", {len(self.abstain)} avstår" if self.abstain else "")
        return [*out, ("Resultat", result)]


def starts_roll_call(unit: Unit) -> bool:
    """The heading row of a roll call: a name column and the columns Ja and Nej, or the columns
    Ja and Nej (and Avstår) of names."""
    return _columns(_heading(unit)) is not None or _sides(_heading(unit)) is not None


def read_roll_call(units: list[Unit], start: int) -> RollCall | None:
    """The roll call whose heading row is `units[start]`, or None when its table does not add up."""
    if (sides := _sides(_heading(units[start]))) is not None:
        return _names_under_sides(units, start, *sides)
    columns = _columns(_heading(units[start]))
    if columns is None:
        return None
    votes, party, substitute = columns
    heading = units[start].lines[0]
    anchors = heading.column_starts if not heading.cells else ()
    call = RollCall()
    sums: dict[str, int] | None = None
    index = start + 1
    while index < len(units) and not starts_roll_call(units[index]) and (row := _row(units[index], anchors)):
        index += 1  # (another heading row begins the next vote's table)
        name = next((cell for column, cell in enumerate(row) if cell and column not in votes and column != substitute), "")
        if _SUMS.match(name):
            sums = {votes[c]: int(cell) for c, cell in enumerate(row) if c in votes and cell.isdigit()}
            break
        marks = [votes[c] for c, cell in enumerate(row) if c in votes and cell]
        if not name or len(marks) != 1 or not all(TICK.fullmatch(cell) for c, cell in enumerate(row) if c in votes and cell):
            return None
        name = _ROLE_AFTER_NAME.sub("", name)
        if substitute is not None and substitute < len(row) and row[substitute]:
            name = _ROLE_AFTER_NAME.sub("", row[substitute])  # (who voted: the substitute in the member's place)
        if party is not None and party < len(row) and row[party] and row[party] != name:
            name = f"{name} ({row[party].strip('()')})"
        call.add(marks[0], name)
    if sums is None and index < len(units) and _unread_member(units[index]):
        return None  # (a member's row whose mark stands under no vote's column: the table does not add up)
    counted = call.counted()
    voted = counted["yes"] + counted["no"] + counted["abstain"]
    if not voted or (sums is not None and any(counted[kind] != number for kind, number in sums.items())):
        return None
    call.end = index
    return call


_SIDE = re.compile(r"^(?P<side>ja|nej|avstår|avstod|avstående)(?:-?röster)?\s*(?:\(\s*(?P<n>\d{1,3})\s*\)|(?P<m>\d{1,3}))?\s*:?$",
                   re.IGNORECASE)


def _sides(cells: tuple[str, ...]) -> tuple[list[str], list[int | None]] | None:
    """The vote side of each column of a heading whose every column is one ("Ja (7)", "Nej (4)"),
    with the count it prints; None unless Ja and Nej are among them."""
    matches = [_SIDE.match(cell.strip()) for cell in cells]
    if not matches or not all(matches):
        return None
    sides = [_VOTE_COLUMNS[m["side"].lower()] for m in matches]
    if not {"yes", "no"} <= set(sides) or len(set(sides)) != len(sides):
        return None
    return sides, [int(m["n"] or m["m"]) if (m["n"] or m["m"]) else None for m in matches]


def _names_under_sides(units: list[Unit], start: int, sides: list[str], counts: list[int | None]) -> RollCall | None:
    """A table of names under Ja and Nej: each row's name in the column of its vote. None when a
    cell is no name, or a column's names are not the count its heading prints."""
    call = RollCall()
    index = start + 1
    while index < len(units) and units[index].single and (row := units[index].lines[0].cells):
        if len(row) > len(sides) or not any(cell.strip() for cell in row):
            break
        for side, cell in zip(sides, row):
            if not cell.strip():
                continue
            if not looks_like_name(without_party(cell.strip()), set(), lenient=True):
                return None
            call.add(side, cell.strip())
        index += 1
    counted = call.counted()
    if not any(counted.values()) or any(n is not None and counted[side] != n for side, n in zip(sides, counts)):
        return None
    call.end = index
    return call


def _heading(unit: Unit) -> tuple[str, ...]:
    if not unit.single:
        return ()
    line = unit.lines[0]
    return line.cells or (tuple(cell.strip() for cell in line.text.split("\t")) if line.column_starts else ())


def _row(unit: Unit, anchors: tuple[float, ...]) -> tuple[str, ...]:
    """A row's cells: the source's own, or (a PDF) each piece in the heading's column that begins
    where it begins; nothing when a piece begins under no column of the heading."""
    if not unit.single:
        return ()
    line = unit.lines[0]
    if not anchors:
        return line.cells
    if not line.column_starts:
        return ()
    cells = [""] * len(anchors)
    for piece, start in zip(line.text.split("\t"), line.column_starts):
        column = min(range(len(anchors)), key=lambda c: abs(anchors[c] - start))
        if abs(anchors[column] - start) > _ALIGNED or cells[column]:
            return ()
        cells[column] = piece.strip()
    while cells and not cells[-1]:
        cells.pop()
    return tuple(cells)


def _unread_member(unit: Unit) -> bool:
    """A row of a name and marks (or numbers) that `_row` could not place under the heading's columns."""
    if not unit.single:
        return False
    pieces = unit.lines[0].cells or tuple(unit.lines[0].text.split("\t"))
    marks = [piece.strip() for piece in pieces[1:] if piece.strip()]
    return len(pieces) >= 2 and all(TICK.fullmatch(mark) or mark.isdigit() for mark in marks)


def _columns(cells: tuple[str, ...]) -> tuple[dict[int, str], int | None, int | None] | None:
    """The vote columns of a heading row ({column: 'yes' | 'no' | 'abstain' | 'absent'}), its party
    column and its substitutes' column, when the row has a name column before Ja and Nej."""
    votes = {column: _VOTE_COLUMNS[key] for column, cell in enumerate(cells)
             if (key := " ".join(cell.lower().rstrip(":").split())) in _VOTE_COLUMNS}
    if not {"yes", "no"} <= set(votes.values()) or min(votes) == 0:
        return None
    party = next((column for column, cell in enumerate(cells) if cell.lower().rstrip(":") in _PARTY_COLUMNS), None)
    substitute = next((column for column, cell in enumerate(cells) if " ".join(cell.lower().rstrip(":").split()) in _SUBSTITUTE_COLUMNS
                       and column < min(votes)), None)
    return votes, party, substitute


_VOTERS = re.compile(
    r"^(?:följande\s+(?:ledamöter\s+)?röstar\s+(?P<side>ja|nej)|(?P<said>ja|nej)(?:-?röster)?(?:\s+(?:röstar|röstade))?|"
    r"(?P<abstain>avstår|avstod)(?:\s+från\s+att\s+rösta)?(?:\s+(?:gör|gjorde))?)\s*:?\s+(?P<names>[A-ZÅÄÖ].+?)\.?$",
    re.IGNORECASE)
_VOTE_LABELS = {"ja": "Ja", "nej": "Nej"}


def voters_in(text: str) -> tuple[str, list[str]] | None:
    """("Ja", names) of a sentence that tells who voted yes, no or abstained ("Ja röstar Lena
    Forsberg (S), Anders Nordin (C) och Ulla Persson (S)."), when every part is a name; or None."""
    match = _VOTERS.match(" ".join(text.split()))
    if not match:
        return None
    names = [part.strip() for part in re.split(r",|\s+och\s+", match["names"]) if part.strip()]
    if not names or not all(looks_like_name(without_party(name), set(), lenient=True) for name in names):
        return None
    side = (match["side"] or match["said"] or "").casefold()
    return (_VOTE_LABELS[side] if side else "Avstår"), names
