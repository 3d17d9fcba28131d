"""The geometry of the archive's charts: numbers in, shapes out, drawn as inline SVG by the
template `charts.html`.

Two kinds: bars by year (one series, two side by side, or two stacked) and a timeline of dots in
lanes. Coordinates are in the SVG's own units; the width is chosen so that on a phone (about 350
CSS pixels of content) the text is drawn at about its own size, and the stylesheet caps the width
on a wide screen. Positions are rounded to a tenth, so the same numbers always give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

WIDTH = 400
FONT = 14
"""Label size in SVG units: at 390 px the SVG is drawn at about 0.9 of its size."""
SMALL_FONT = 12
MAX_BAR = 56
"""The widest bar: a year or two of data should not look like a wall."""


@dataclass(frozen=True, slots=True)
class Shape:
    """One SVG element: `rect` (x, y, w, h), `circle` (x, y, radius w), `line` (x, y to w, h) or
    `text` (at x, y, anchored `anchor`)."""

    kind: str
    style: str
    """Its class in the stylesheet: `pa-s1`, `pa-s2` (the two series), `pa-axis`, `pa-grid`, `pa-label`, ..."""
    x: float = 0
    y: float = 0
    w: float = 0
    h: float = 0
    text: str = ""
    anchor: str = "middle"
    tip: str = ""
    """What a pointer over the shape shows (a `<title>` of its own)."""


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    shapes: tuple[Shape, ...]
    font: int = FONT
    hatched: bool = False
    """The second series is hatched as well as coloured, so that it is told apart in print."""


@dataclass(frozen=True, slots=True)
class Series:
    name: str
    values: tuple[int, ...]


def bars(categories: list[str], series: list[Series], stacked: bool = False, width: int = WIDTH, height: int = 200,
         font: int = FONT, labels: bool = True) -> Chart:
    """Bars per category (a year), one series or two: side by side, or stacked."""
    totals = [sum(s.values[i] for s in series) if stacked else max((s.values[i] for s in series), default=0)
              for i in range(len(categories))]
    ticks = _ticks(max(totals, default=0))
    left = 6 + 0.62 * font * len(str(ticks[-1])) if labels else 2
    top, bottom = font + 6, font + 8
    plot_w, plot_h = width - left - 4, height - top - bottom
    slot = plot_w / max(len(categories), 1)

    def y_of(value: float) -> float:
        return top + plot_h - plot_h * value / ticks[-1]

    shapes: list[Shape] = []
    if labels:
        for tick in ticks:
            shapes.append(Shape("line", "pa-grid", _r(left), _r(y_of(tick)), _r(width - 4), _r(y_of(tick))))
            shapes.append(Shape("text", "pa-tick", _r(left - 4), _r(y_of(tick) + font * 0.35), text=str(tick), anchor="end"))
    every = max(1, math.ceil(2.8 * font / slot))
    for index, category in enumerate(categories):
        x0 = left + slot * index
        if labels and (len(categories) - 1 - index) % every == 0:  # (counted from the newest, which is always named)
            shapes.append(Shape("text", "pa-tick", _r(x0 + slot / 2), _r(height - 6), text=category))
        if stacked:
            bar_w, base = min(slot * 0.6, MAX_BAR), 0
            for number, s in enumerate(series):
                value = s.values[index]
                if value:
                    shapes.append(Shape("rect", f"pa-s{number + 1}", _r(x0 + (slot - bar_w) / 2), _r(y_of(base + value)),
                                        _r(bar_w), _r(y_of(base) - y_of(base + value)), tip=f"{category}: {value} {s.name.lower()}"))
                base += value
            if labels:
                shapes.append(_value_label(x0 + slot / 2, y_of(base), base, bar_w, font))
            continue
        group = min(slot * (0.8 if len(series) > 1 else 0.66), MAX_BAR * len(series))
        bar_w = group / len(series)
        for number, s in enumerate(series):
            value = s.values[index]
            x = x0 + (slot - group) / 2 + bar_w * number
            if value:
                shapes.append(Shape("rect", f"pa-s{number + 1}", _r(x + 0.5), _r(y_of(value)), _r(bar_w - 1),
                                    _r(y_of(0) - y_of(value)), tip=f"{category}: {value} {s.name.lower()}"))
            if labels:
                shapes.append(_value_label(x + bar_w / 2, y_of(value), value, bar_w, font))
    shapes.append(Shape("line", "pa-axis", _r(left), _r(y_of(0)), _r(width - 4), _r(y_of(0))))
    return Chart(width, height, tuple(s for s in shapes if s.kind), font, hatched=len(series) > 1)


def _value_label(x: float, y: float, value: int, bar_w: float, font: int) -> Shape:
    if bar_w < 0.6 * SMALL_FONT * max(len(str(value)), 2):
        return Shape("", "")
    return Shape("text", "pa-value", _r(x), _r(y - 4), text=str(value))


def _ticks(top: int) -> list[int]:
    """0 and up to four round steps that reach `top` (1, 2, 5 times a power of ten)."""
    if top <= 0:
        return [0, 1]
    for power in range(0, 12):
        for base in (1, 2, 5):
            step = base * 10 ** power
            if math.ceil(top / step) <= 4:
                return list(range(0, step * math.ceil(top / step) + 1, step))
    return [0, top]


@dataclass(frozen=True, slots=True)
class Dot:
    day: dt.date
    count: int
    tip: str


def timeline(lanes: list[tuple[str, list[Dot]]], first_year: int, last_year: int, width: int = WIDTH, font: int = FONT) -> Chart:
    """A lane per name (a body), a dot for each day with a count (its items), over whole years."""
    lane_h, top, left, right = font * 2.6, 4, 8, width - 8
    start = dt.date(first_year, 1, 1)
    span = (dt.date(last_year + 1, 1, 1) - start).days

    def x_of(day: dt.date) -> float:
        return left + (right - left) * (day - start).days / span

    shapes: list[Shape] = []
    for number, (name, dots) in enumerate(lanes):
        y = top + lane_h * number
        shapes.append(Shape("text", "pa-lane", _r(left), _r(y + font), text=_fitted(name, right - left, font), anchor="start"))
        base = y + font * 1.85
        shapes.append(Shape("line", "pa-grid", _r(left), _r(base), _r(right), _r(base)))
        for dot in dots:
            shapes.append(Shape("circle", "pa-s1 pa-dot", _r(x_of(dot.day)), _r(base), _r(min(3.5 + 1.5 * dot.count, 9)), tip=dot.tip))
    axis = top + lane_h * len(lanes) + 2
    shapes.append(Shape("line", "pa-axis", _r(left), _r(axis), _r(right), _r(axis)))
    years = list(range(first_year, last_year + 2))
    year_w = (right - left) / (len(years) - 1)
    every = max(1, math.ceil(2.8 * font / year_w))
    for index, year in enumerate(years):
        x = x_of(dt.date(year, 1, 1))
        shapes.append(Shape("line", "pa-axis", _r(x), _r(axis), _r(x), _r(axis + 5)))
        if year <= last_year and index % every == 0:
            shapes.append(Shape("text", "pa-tick", _r(x + year_w / 2 if every == 1 else x), _r(axis + font + 4), text=str(year),
                                anchor="middle" if every == 1 else "start"))
    return Chart(width, int(math.ceil(axis + font + 10)), tuple(shapes), font)


def _fitted(text: str, width: float, font: int) -> str:
    """`text`, shortened with an ellipsis to what fits in `width` (at a bold label's average width)."""
    fits = int(width / (0.6 * font))
    return text if len(text) <= fits else text[:fits - 1].rstrip() + "…"


def _r(value: float) -> float:
    return round(value, 1) + 0.0  # (no -0.0)
