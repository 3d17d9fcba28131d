"""Minutes whose section labels stand in a margin column beside their text.

Many case systems print an item as a borderless table of two columns: the labels (`Ärendebeskrivning`,
`Beslutsunderlag`, `Beslut`, `Beslutet skickas till`) in a narrow left column, each beside the
first line of its text, and the text in a wide right column. A PDF's text gives the label and the
first line as one row (`Beslut<TAB>Kommunstyrelsen godkänner ...`) and the text's further lines
set in to the right column. Read as they stand, the label is a table's cell and its text is cut
after the first line. Here each such row becomes what a label above its text gives: the label
on a line of its own, then its text, and the right column is the text's margin.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from .extract import LABEL_WORDS, markdown_line
from .model import Line

_MIN_COLUMN = 60.0
"""Points from the page's text margin to a text column, at least: further than a list's indent."""
_BULLET_ROOM = 30.0
"""Points a row's text may begin to the right of the column: a list's bullet set in within it."""


def text_column(lines: list[Line]) -> float | None:
    """How far the text column of a margin layout is set in (points), or None: the indent where
    most set-in lines begin, where three or more rows have a label in the margin beside their text."""
    set_in = Counter(round(line.indent) for line in lines if line.indent >= _MIN_COLUMN and not line.blank)
    if not set_in:
        return None
    column, count = set_in.most_common(1)[0]
    if count < 10 or sum(_label_row(line, column) for line in lines) < 3:
        return None
    return float(column)


def in_text_column(lines: list[Line], column: float) -> list[Line]:
    """The lines with each margin label on a line of its own, above its text, and the text column
    as their margin."""
    out: list[Line] = []
    for line in lines:
        if _label_row(line, column):
            label, text = line.text.split("\t", 1)
            margin = line.column_starts[0] - line.indent
            out.append(replace(line, text=label.strip(), bold=True, indent=0.0, column_starts=(), cells=()))
            first = markdown_line(text, line.loc, line.no, line.page)  # ("• Tjänsteskrivelse": a list beside its label)
            first.indent = round(max(0.0, line.column_starts[1] - margin - column), 1)
            first.column_starts = line.column_starts[1:] if len(line.column_starts) > 2 else ()
            out.append(first)
        elif line.indent >= column - 3:
            out.append(replace(line, indent=round(line.indent - column, 1)))
        else:
            out.append(line)
    return out


def _label_row(line: Line, column: float) -> bool:
    if line.indent >= 3 or len(line.column_starts) < 2:
        return False
    text_at = line.column_starts[1] - (line.column_starts[0] - line.indent)
    return column - 3 <= text_at <= column + _BULLET_ROOM and bool(LABEL_WORDS.match(line.text.split("\t", 1)[0].strip()))
