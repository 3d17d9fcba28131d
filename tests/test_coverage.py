"""A reader learns what the archive holds and what it lacks (/tackning/): per body the years held,
meetings per year, the gaps the archive can see (a year without meetings, a hole in the § series,
an announced meeting that never arrived), where each protocol's text came from and which lack
their signed original. The page is linked from every body page and from the footer."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .conftest import Project


def section(html: str, body: str) -> str:
    found = re.search(rf'<section class="pa-coverage-body" aria-labelledby="{body}">.*?</section>', html, re.DOTALL)
    assert found, body
    return re.sub(r"\s+", " ", found.group())


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def test_the_example_archives_coverage_names_its_gaps(example_site: Path) -> None:
    html = (example_site / "tackning/index.html").read_text(encoding="utf-8")
    lsg = text(section(html, "lsg"))
    assert "2 möten från 19 februari 2021 till 15 september 2023." in lsg
    assert "Inga möten 2022, mellan det första och det senaste mötet i arkivet." in lsg
    # The 2023 minutes start at § 23: the year's earlier items are not in the archive.
    assert "§ 1–22 2023 finns inte i arkivet: mötet 15 september 2023 börjar med § 23." in lsg
    # The 2021 minutes announce a meeting on 5 May 2021; the archive has none that day.
    assert "Mötet 5 maj 2021, som mötet 19 februari 2021 aviserade, finns inte i arkivet (nästa möte i arkivet: 15 september 2023)." in lsg
    assert "Inskrivna för hand efter protokollet: 2 (2021-02-19, 2023-09-15)" in lsg
    assert "2 av 2 protokoll saknar sitt undertecknade original i arkivet: 2021-02-19, 2023-09-15." in lsg
    # Meetings per year as a chart with its table, the year without meetings included.
    assert '<table class="pa-figure-table">' in section(html, "lsg") and "2022: 0 möten" in section(html, "lsg")
    # Notes (mötesanteckningar) are not signed: no signed original is missing for them.
    assert "Undertecknade original" not in section(html, "vvg")


def test_the_coverage_page_is_linked_from_every_body_page_and_the_footer(example_site: Path) -> None:
    for body in ("lsg", "samrad", "vvg", "chefsgrupp-svo"):
        assert f'href="../tackning/#{body}"' in (example_site / body / "index.html").read_text(encoding="utf-8")
    for url in ("", "lsg/2021-02-19/", "amne/nara-vard/", "sok/"):
        html = (example_site / url / "index.html").read_text(encoding="utf-8")
        assert re.search(r'<li><a href="[./]*/tackning/">Vad arkivet täcker</a></li>', html), url


SECOND_MEETING = """---
body: socialnamnden
kind: protokoll
date: 2024-04-09
status: justerat
present:
  - name: Anna Ek
    role: ordförande
  - name: Cecilia Ceder
staff:
  - name: Hanna Holm
officials:
  chair: Anna Ek
  secretary: Hanna Holm
  adjusters: [Cecilia Ceder]
adjusted_on: 2024-04-11
next_meetings:
  - date: 2024-05-14
  - date: 2024-09-10
source:
  format: pdf-ocr
  file: sn-2024-04-09-skannad.pdf
---

## 15. Ekonomisk uppföljning

Nämnden fick information om det ekonomiska läget.

## 17. Delegationsbeslut

Nämnden fick information om delegationsbeslut.
"""


def test_holes_in_the_numbering_meetings_announced_and_never_held_and_sources_are_found(project: Project) -> None:
    project.write("socialnamnden/2024-04-09.md", SECOND_MEETING)
    run = project.build(on=dt.date(2024, 6, 1))
    assert run.code == 0, run.stderr
    html = (project.site / "tackning/index.html").read_text(encoding="utf-8")
    sn = text(section(html, "socialnamnden"))
    assert "§ 1–10 2024 finns inte i arkivet: mötet 12 mars 2024 börjar med § 11." in sn
    assert "§ 13–14 saknas mellan mötet 12 mars 2024 och mötet 9 april 2024: ett möte, eller paragrafer, finns inte i arkivet." in sn
    assert "§ 16 saknas i mötet 9 april 2024." in sn
    # 14 May has passed on the day the site is built for; 10 September has not: it is still to come.
    assert "Mötet 14 maj 2024, som mötet 9 april 2024 aviserade, finns inte i arkivet." in sn
    assert "10 september 2024" not in sn
    assert "Importerade från inskannad pdf, tolkad med OCR: 1 (2024-04-09)" in sn
    assert "Utan uppgift om källan: 1 (2024-03-12)" in sn
    assert "1 av 2 protokoll saknar sitt undertecknade original i arkivet: 2024-04-09." in sn
    whole = text(re.search(r'<section aria-labelledby="hela-arkivet">.*?</section>', html, re.DOTALL).group())
    assert "Importerade från inskannad pdf, tolkad med OCR: 1" in whole and "Utan uppgift om källan: 2" in whole
    # Each body's numbers are also a CSV file beside the page.
    assert (project.site / "tackning/socialnamnden.csv").read_bytes().decode("utf-8-sig").splitlines() == ["år,möten", "2024,2"]


def test_a_body_whose_numbering_goes_on_over_the_years_has_no_gap(project: Project) -> None:
    project.write("socialnamnden/2025-01-14.md", SECOND_MEETING.replace("2024-04-09", "2025-01-14").replace(
        "## 15.", "## 13.").replace("## 17.", "## 14.").replace("2024-04-11", "2025-01-16").replace(
        "  - date: 2024-05-14\n  - date: 2024-09-10\n", "  - date: 2025-02-11\n"))
    assert project.build(on=dt.date(2025, 1, 20)).code == 0
    sn = text(section((project.site / "tackning/index.html").read_text(encoding="utf-8"), "socialnamnden"))
    assert "2025 finns inte i arkivet" not in sn and "saknas" not in sn.replace("saknar", "")
    assert "Inga möten" not in sn  # (2024 and 2025 both have one)
