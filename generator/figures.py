"""The archive's pictures of activity, as numbers with their words: Facts -> `Figure`s.

A figure's numbers are worked out once, here, and shown three ways that cannot disagree: as a
chart (`charts.py` lays it out, the template `charts.html` draws it as inline SVG with a title and
a description), as a table beside it, and as a CSV file beside the page (`figure_files`). Each
figure also says in one sentence what it shows.

- a body: meetings and decisions per year, and its assignments, open and reported, over the years;
- a topic: a timeline of the meetings that took it up, a lane per body;
- a person: meetings attended per year;
- the home page: each body's meetings per year over the archive's last years, one small chart each.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter
from dataclasses import dataclass

from . import charts
from .derive import Facts, ItemRef, MeetingRef
from .model import Body, Topic
from .text import long_date

HOME_YEARS = 10
"""The home page's charts cover the archive's last ten years (ending with its newest meeting's)."""


@dataclass(frozen=True, slots=True)
class Panel:
    """One chart: what it is called, what it shows in words, and its shapes."""

    title: str
    description: str
    """Its numbers in words, for those who do not see it (the SVG's `<desc>`)."""
    summary: str
    """One sentence, shown beside it."""
    chart: charts.Chart
    caption: str = ""
    """A heading shown above the chart, when the figure has more than one."""


@dataclass(frozen=True, slots=True)
class Figure:
    key: str
    """Unique on its page: the figure's anchor, and the stem of its SVG ids."""
    title: str
    panels: tuple[Panel, ...]
    legend: tuple[str, ...]
    """The series' names, for a chart of two (`pa-s1`, `pa-s2`)."""
    columns: tuple[str, ...]
    rows: tuple[tuple[str | int, ...], ...]
    csv: str
    """The CSV file beside the page, site-relative."""
    layout: str = ""
    """How its panels stand: `pair` (two charts side by side where there is room), `small` (small
    multiples, as many to a row as fit)."""


def body_figures(facts: Facts, body: Body, page_url: str) -> tuple[Figure, ...]:
    """A body's activity per year, and its assignments over the years (when it gave any)."""
    meetings = facts.minutes_of(body.key)
    if not meetings:
        return ()
    years = _years(m.date.year for m in meetings)
    held = Counter(m.date.year for m in meetings)
    decided = Counter(m.date.year for m in meetings for item in m.items for _decision in item.decisions)
    held_series = [charts.Series("Möten", tuple(held[y] for y in years))]
    decided_series = [charts.Series("Beslut", tuple(decided[y] for y in years))]
    busiest = max(years, key=lambda y: (decided[y], held[y], y))
    most_held = max(years, key=lambda y: (held[y], y))
    labels = [str(y) for y in years]
    activity = Figure(
        "aktivitet", "Möten och beslut per år",
        (Panel(f"{body.name}: möten per år", _described(years, held_series),
               f"{_count(len(meetings), 'möte', 'möten')} {_span(years)}; flest {most_held} ({held[most_held]}).",
               charts.bars(labels, held_series, height=170), "Möten"),
         Panel(f"{body.name}: beslut per år", _described(years, decided_series),
               f"{_count(sum(decided.values()), 'beslut', 'beslut')} {_span(years)}"
               + (f"; flest {busiest} ({decided[busiest]})." if decided else "."),
               charts.bars(labels, decided_series, height=170), "Beslut")),
        (), ("År", "Möten", "Beslut"), tuple((y, held[y], decided[y]) for y in years),
        f"{page_url}aktivitet.csv", "pair")
    assignments = _assignment_figure(facts, body, page_url)
    return (activity, assignments) if assignments else (activity,)


def _assignment_figure(facts: Facts, body: Body, page_url: str) -> Figure | None:
    """At the end of each year: the assignments given by then that were still open, and those
    reported on. The last year is the body's newest meeting's: its numbers are today's state."""
    states = [s for s in facts.assignment_states.values() if s.decision.meeting.meeting.body == body.key]
    if not states:
        return None
    given = [s.decision.meeting.meeting.date.year for s in states]
    closed = [s.closed_by.meeting.meeting.date.year if s.closed_by else None for s in states]
    last = max([facts.minutes_of(body.key)[-1].date.year, *(y for y in closed if y)])
    years = list(range(min(given), last + 1))
    open_at = [sum(1 for g, c in zip(given, closed) if g <= y and (c is None or c > y)) for y in years]
    done_at = [sum(1 for c in closed if c is not None and c <= y) for y in years]
    series = [charts.Series("Redovisade", tuple(done_at)), charts.Series("Öppna", tuple(open_at))]
    summary = (f"Av {body.name}s {_count(len(states), 'uppdrag', 'uppdrag')} är {done_at[-1]} redovisade och "
               f"{open_at[-1]} öppna {years[-1]}.")
    return Figure(
        "uppdrag-over-tid", "Uppdrag över tid",
        (Panel(f"{body.name}: öppna och redovisade uppdrag vid varje års slut", _described(years, series), summary,
               charts.bars([str(y) for y in years], series, stacked=True)),),
        ("Redovisade", "Öppna"), ("År", "Redovisade", "Öppna"), tuple(zip(years, done_at, open_at)),
        f"{page_url}uppdrag.csv")


def topic_figure(facts: Facts, topic: Topic, page_url: str) -> Figure | None:
    """When and where the topic was taken up: a lane per body, a dot per meeting (larger for more items)."""
    entries: list[ItemRef] = list(facts.items_by_topic.get(topic.key, ()))
    if not entries:
        return None
    per_meeting: dict[str, tuple[MeetingRef, int]] = {}
    for entry in entries:
        ref = entry.meeting
        per_meeting[ref.meeting.key] = (ref, per_meeting.get(ref.meeting.key, (ref, 0))[1] + 1)
    meetings = sorted(per_meeting.values(), key=lambda pair: (pair[0].meeting.date, pair[0].body.name))
    bodies = list(dict.fromkeys(ref.body.name for ref, _count_ in meetings))
    lanes = [(name, [charts.Dot(ref.meeting.date, n, f"{long_date(ref.meeting.date)}: {_count(n, 'ärende', 'ärenden')}")
                     for ref, n in meetings if ref.body.name == name]) for name in bodies]
    years = _years(ref.meeting.date.year for ref, _n in meetings)
    by_body = Counter()
    for ref, n in meetings:
        by_body[ref.body.name] += n
    most = max(bodies, key=lambda name: by_body[name])
    summary = (f"{_count(len(entries), 'ärende', 'ärenden')} om {topic.name} vid {_count(len(meetings), 'möte', 'möten')} "
               f"i {_count(len(bodies), 'organ', 'organ')} {_span(years)}"
               + (f"; flest i {most} ({by_body[most]})." if len(bodies) > 1 else "."))
    description = "; ".join(f"{name}: " + ", ".join(f"{ref.meeting.date.isoformat()} ({n})" for ref, n in meetings
                                                     if ref.body.name == name) for name in bodies) + "."
    return Figure(
        "tidslinje", "När ämnet togs upp",
        (Panel(f"{topic.name}: ärenden per möte och organ", description, summary, charts.timeline(lanes, years[0], years[-1])),),
        (), ("Datum", "Organ", "Ärenden"), tuple((ref.meeting.date.isoformat(), ref.body.name, n) for ref, n in meetings),
        f"{page_url}arenden.csv")


def person_figure(name: str, attended: list[dt.date], page_url: str) -> Figure | None:
    """Meetings the person attended (present, substitute, official or guest), by their days, per year."""
    if not attended:
        return None
    counts = Counter(day.year for day in attended)
    years = _years(counts)
    series = [charts.Series("Möten", tuple(counts[y] for y in years))]
    summary = f"{name} deltog i {_count(len(attended), 'möte', 'möten')} i arkivet {_span(years)}."
    return Figure(
        "moten-per-ar", "Möten per år",
        (Panel(f"{name}: möten per år", _described(years, series), summary, charts.bars([str(y) for y in years], series)),),
        (), ("År", "Möten"), tuple((y, counts[y]) for y in years), f"{page_url}moten.csv")


def home_figure(facts: Facts, bodies: list[Body]) -> Figure | None:
    """Each body's meetings per year over the archive's last years, one small chart per body on a
    shared scale of years."""
    meetings = [m for m in facts.archive.meetings if not m.before]
    if not meetings:
        return None
    newest = max(m.date.year for m in meetings)
    oldest = max(min(m.date.year for m in meetings), newest - HOME_YEARS + 1)
    years = list(range(oldest, newest + 1))
    panels, rows = [], []
    for body in bodies:
        counts = Counter(m.date.year for m in facts.minutes_of(body.key))
        series = [charts.Series("Möten", tuple(counts[y] for y in years))]
        shown = sum(counts[y] for y in years)
        summary = f"{_count(shown, 'möte', 'möten')} {_span(years)}."
        panels.append(Panel(f"{body.name}: möten per år {_span(years)}", _described(years, series), summary,
                            charts.bars([str(y) for y in years], series, width=240, height=110, font=charts.SMALL_FONT),
                            body.name))
        rows.append((body.name, *(counts[y] for y in years)))
    return Figure("aktivitet", f"Möten per år {_span(years)}", tuple(panels), (), ("Organ", *map(str, years)), tuple(rows),
                  "aktivitet.csv", "small")


def coverage_figure(body: Body, counts: dict[int, int], page_url: str) -> Figure:
    """A body's meetings in every year from its first to its last (a year without any shows as 0)."""
    years = _years(counts)
    series = [charts.Series("Möten", tuple(counts.get(y, 0) for y in years))]
    empty = [y for y in years if not counts.get(y)]
    summary = (f"{body.name}: {_count(sum(counts.values()), 'möte', 'möten')} {_span(years)}"
               + (f"; inga möten {_listed(empty)}." if empty else "; möten varje år."))
    return Figure(f"moten-{body.key}", "Möten per år",
                  (Panel(f"{body.name}: möten per år", _described(years, series), summary,
                         charts.bars([str(y) for y in years], series, height=150)),),
                  (), ("År", "Möten"), tuple((y, counts.get(y, 0)) for y in years), f"{page_url}{body.key}.csv")


def figure_csv(figure: Figure) -> bytes:
    """The figure's table as CSV (UTF-8 with a BOM, as the open data's CSV files)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([column.lower() for column in figure.columns])
    writer.writerows(figure.rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


# -- words ------------------------------------------------------------------------------------

def _years(found) -> list[int]:
    """Every year from the first to the last found (a year without any is a year too)."""
    years = sorted(set(found))
    return list(range(years[0], years[-1] + 1))


def _span(years: list[int]) -> str:
    return f"{years[0]}" if years[0] == years[-1] else f"{years[0]}–{years[-1]}"


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _listed(values: list) -> str:
    shown = [str(v) for v in values]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " och " + shown[-1]


def _described(years: list[int], series: list[charts.Series]) -> str:
    """`2021: 2 möten, 5 beslut; 2022: 0 möten, 0 beslut.`"""
    return "; ".join(f"{year}: " + ", ".join(f"{s.values[i]} {s.name.lower()}" for s in series)
                     for i, year in enumerate(years)) + "."
