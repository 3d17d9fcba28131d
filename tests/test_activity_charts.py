"""A reader sees activity at a glance: a body's meetings and decisions per year and its assignments
over time, a topic's timeline across bodies, a person's meetings per year, each body's activity on
the home page. Each chart is inline SVG (no script, nothing from another host) with role="img", a
title and its numbers in words, a sentence beside it, and the same numbers as a table and as a CSV
file beside the page; colours keep their contrast on screen and in print, and text stays readable
on a phone."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from pathlib import Path

import pytest

from generator.load import load_archive

from .browsing import Visit
from .conftest import ROOT


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def figures(html: str) -> list[str]:
    return re.findall(r'<div class="pa-figure" id="[^"]+">.*?<p class="pa-figure-csv">.*?</p>\n</div>', html, re.DOTALL)


def table(figure: str) -> list[list[str]]:
    body = re.search(r"<table class=\"pa-figure-table\">.*?</table>", figure, re.DOTALL).group()
    rows = re.findall(r"<tr>(.*?)</tr>", body, re.DOTALL)
    return [[re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.DOTALL)] for row in rows]


def csv_beside(site: Path, page_url: str, figure: str) -> list[list[str]]:
    href = re.search(r'<p class="pa-figure-csv"><a href="([^"]+)"', figure).group(1)
    data = (site / page_url / href).read_bytes()
    assert data.startswith("\ufeff".encode())  # (as the open data's CSV: a spreadsheet reads it as UTF-8)
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def assert_accessible_chart(figure: str) -> None:
    for svg in re.findall(r"<svg .*?</svg>", figure, re.DOTALL):
        assert 'role="img"' in svg
        title = re.search(r'<title id="([^"]+)">([^<]+)</title>', svg)
        desc = re.search(r'<desc id="([^"]+)">([^<]+)</desc>', svg)
        assert title and desc, svg[:300]
        assert f'aria-labelledby="{title.group(1)}"' in svg and f'aria-describedby="{desc.group(1)}"' in svg
    assert figure.count('<p class="pa-chart-summary">') == figure.count("<svg ")
    assert '<details class="pa-figure-data">' in figure  # (the table, folded)


def test_a_body_page_shows_meetings_and_decisions_per_year_with_the_same_numbers_in_a_table_and_csv(example_site: Path) -> None:
    archive = load_archive(ROOT / "content")
    own = [m for m in archive.meetings if m.body == "lsg"]
    meetings = Counter(m.date.year for m in own)
    decisions = Counter(m.date.year for m in own for i in m.items for _ in i.decisions)
    expected = [["År", "Möten", "Beslut"]] + [[str(y), str(meetings[y]), str(decisions[y])] for y in range(2021, 2024)]

    html = page(example_site, "lsg")
    activity = figures(html)[0]
    assert_accessible_chart(activity)
    assert table(activity) == expected
    assert csv_beside(example_site, "lsg", activity) == [[c.lower() for c in expected[0]], *expected[1:]]
    # 2022 had no meeting: the chart says 0 (a year without meetings is shown, not skipped).
    assert "2022: 0 möten" in activity and f"2023: {decisions[2023]} beslut" in activity
    assert f"{sum(decisions.values())} beslut 2021–2023; flest 2023 ({decisions[2023]})." in activity
    assert activity.count('<rect class="pa-s1"') == 4  # (two years with meetings, two with decisions)


def test_a_body_page_shows_its_assignments_open_and_reported_over_time(example_site: Path) -> None:
    archive = load_archive(ROOT / "content")
    given = sum(len(d.assignments) for m in archive.meetings if m.body == "lsg" for i in m.items for d in i.decisions)
    assignments = figures(page(example_site, "lsg"))[1]
    assert_accessible_chart(assignments)
    assert table(assignments) == [["År", "Redovisade", "Öppna"], ["2023", "0", str(given)]]
    assert f"Av Länssamverkansgruppens {given} uppdrag är 0 redovisade och {given} öppna 2023." in assignments
    # Two series: a legend names them, and the second is hatched (told apart in print and without colour).
    assert '<ul class="pa-legend">' in assignments and 'fill="url(#uppdrag-over-tid-1-rutor)"' in assignments


def test_a_topic_page_shows_when_and_where_the_topic_was_taken_up(example_site: Path) -> None:
    archive = load_archive(ROOT / "content")
    per_meeting = Counter((m.date.isoformat(), archive.bodies[m.body].name) for m in archive.meetings for i in m.items
                          if "nara-vard" in i.topics)
    html = page(example_site, "amne/nara-vard")
    timeline = figures(html)[0]
    assert_accessible_chart(timeline)
    rows = table(timeline)
    assert rows[0] == ["Datum", "Organ", "Ärenden"]
    assert {(d, b): int(n) for d, b, n in rows[1:]} == per_meeting
    assert timeline.count('<circle class="pa-s1 pa-dot"') == len(per_meeting)
    bodies = {b for _, b in per_meeting}
    assert timeline.count('<text class="pa-lane"') == len(bodies)


def test_a_person_page_shows_the_meetings_attended_per_year(example_site: Path) -> None:
    archive = load_archive(ROOT / "content")
    years = Counter(m.date.year for m in archive.meetings
                    if any(a.name == "Katarina Lindahl" for a in (*m.present, *m.staff, *m.guests)))
    html = page(example_site, "person/katarina-lindahl")
    attended = figures(html)[0]
    assert_accessible_chart(attended)
    assert table(attended) == [["År", "Möten"], *([str(y), str(years[y])] for y in range(min(years), max(years) + 1))]
    assert years[2022] == 0 and ["2022", "0"] in table(attended)


def test_the_home_page_shows_each_bodys_activity_in_a_small_chart(example_site: Path) -> None:
    archive = load_archive(ROOT / "content")
    activity = figures(page(example_site, ""))[0]
    assert_accessible_chart(activity)
    assert activity.count("<svg ") == len(archive.bodies)
    rows = table(activity)
    assert rows[0] == ["Organ", "2021", "2022", "2023"]
    assert ["Länssamverkansgruppen", "1", "0", "1"] in rows
    assert csv_beside(example_site, "", activity)[1:] == rows[1:]


def test_charts_make_no_request_and_no_script(example_site: Path) -> None:
    for url in ("", "lsg", "amne/nara-vard", "person/katarina-lindahl", "tackning"):
        for figure in figures(page(example_site, url)):
            assert "<script" not in figure and "http" not in figure.replace("http://www.w3.org", "")


CONTRAST = """(svg) => {
  const luminance = (rgb) => {
    const [r, g, b] = rgb.match(/\\d+/g).slice(0, 3).map(Number).map(v => v / 255)
      .map(c => c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const white = 'rgb(255, 255, 255)';
  const fills = [...svg.querySelectorAll('rect.pa-s1, rect.pa-s2, circle.pa-s1, .pa-hatch-ground')]
    .map(e => ratio(getComputedStyle(e).fill, white));
  const strokes = [...svg.querySelectorAll('rect.pa-s2')].map(e => ratio(getComputedStyle(e).stroke, white));
  const texts = [...svg.querySelectorAll('text')].map(e => ratio(getComputedStyle(e).fill, white));
  const box = svg.getBoundingClientRect();
  const scale = box.width / svg.viewBox.baseVal.width;
  const smallest = Math.min(...[...svg.querySelectorAll('text')].map(e => parseFloat(getComputedStyle(e).fontSize) * scale));
  return {fills, strokes, texts, smallest, right: box.right, viewport: window.innerWidth};
}"""


@pytest.mark.parametrize("media", ["screen", "print"])
@pytest.mark.parametrize("url", ["lsg/", "amne/nara-vard/", "person/katarina-lindahl/", "tackning/"])
def test_chart_colours_keep_their_contrast_and_text_is_readable_on_a_phone(browser: object, server: str, url: str, media: str) -> None:
    visit = Visit(browser, server, width=390, height=844)
    visit.open(server + url)
    visit.page.emulate_media(media=media)
    found = [visit.page.evaluate(CONTRAST, svg) for svg in visit.page.query_selector_all("svg.pa-chart-svg")]
    visit.close()
    assert found
    for chart in found:
        assert chart["fills"] and min(chart["fills"]) >= 3, chart  # (graphics: WCAG 1.4.11)
        assert all(s >= 3 for s in chart["strokes"]), chart
        assert min(chart["texts"]) >= 4.5, chart  # (text: WCAG 1.4.3)
        assert chart["right"] <= chart["viewport"], chart  # (no chart runs off a phone's screen)
        if media == "screen":
            assert chart["smallest"] >= 10, chart  # (px, at 390 px)
