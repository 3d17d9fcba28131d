"""A secretary's workflow: drafts stay private, announced minutes show their appeal dates, and
personal data never reaches the published archive."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator import appeal
from generator.load import read_archive
from generator.search import packs

from .conftest import Project, fetch, preview, published_files, wait_for

COMMITTEE = "socialnamnden/2024-03-12.md"


def every_output_text(site: Path) -> str:
    return "\n".join(data.decode("utf-8", "replace") for p, data in published_files(site)
                     if p.suffix in (".html", ".json", ".xml", ".txt", ".js", ".csv", ".ics", packs.SUFFIX))


# -- drafts ------------------------------------------------------------------------------------

DRAFT = """---
body: lsg
kind: protokoll
date: 2021-05-05
status: utkast
---

## 1. Hemligt utkastärende

Typ: Beslutsärende

Utkasttext om kvastfeningar.
"""


def test_a_draft_is_in_no_output_file_of_a_build(project: Project) -> None:
    project.write("lsg/2021-05-05.md", DRAFT)
    project.write("lsg/2021-05-05/bilaga.pdf", b"%PDF-1.4 utkastbilaga\n")
    run = project.build()
    assert run.code == 0, run.stderr
    assert not (project.site / "lsg/2021-05-05").exists()
    text = every_output_text(project.site)
    assert "kvastfening" not in text.lower() and "Hemligt utkast" not in text and "lsg/2021-05-05" not in text


def test_a_draft_shows_with_a_banner_in_the_preview(project: Project) -> None:
    project.write("lsg/2021-05-05.md", DRAFT)
    with preview(project, project.root.parent, "--no-livereload") as running:
        wait_for(lambda: fetch(f"{running.url}lsg/2021-05-05/") != "", "the preview")
        html = fetch(f"{running.url}lsg/2021-05-05/")
    assert 'class="pa-draft-banner"' in html and "Hemligt utkastärende" in html


# -- announcement and appeal -------------------------------------------------------------------

@pytest.mark.parametrize(("announced", "last_day", "why"), [
    (dt.date(2024, 3, 14), dt.date(2024, 4, 4), "an ordinary Thursday three weeks on"),
    (dt.date(2024, 1, 31), dt.date(2024, 2, 21), "across a month end"),
    (dt.date(2024, 6, 1), dt.date(2024, 6, 24), "Midsommardagen (a Saturday) then Sunday: Monday"),
    (dt.date(2024, 5, 29), dt.date(2024, 6, 19), "an ordinary Wednesday"),
    (dt.date(2024, 5, 16), dt.date(2024, 6, 7), "6 June is Sweden's national day: the next weekday"),
    (dt.date(2024, 12, 3), dt.date(2024, 12, 27), "julafton, juldagen, annandag jul: the 27th"),
    (dt.date(2025, 5, 10), dt.date(2025, 6, 2), "31 May and 1 June are a weekend: Monday"),
    (dt.date(2025, 12, 10), dt.date(2026, 1, 2), "nyårsafton and nyårsdagen: 2 January"),
    (dt.date(2025, 5, 8), dt.date(2025, 5, 30), "Kristi himmelsfärdsdag (29 May 2025): the Friday"),
])
def test_the_last_day_to_appeal(announced: dt.date, last_day: dt.date, why: str) -> None:
    assert appeal.last_appeal_day(announced) == last_day, why


def _committee(project: Project, adjusted: str, announced: str) -> None:
    bodies = (project.content / "bodies.yml").read_text(encoding="utf-8")
    project.write("bodies.yml", bodies.replace("  description: Nämnden för socialtjänst och äldreomsorg.",
                                               "  description: Nämnden för socialtjänst och äldreomsorg.\n"
                                               "  local_government_act: true\n  appeal_to: Förvaltningsrätten i Luleå"))
    text = (project.content / COMMITTEE).read_text(encoding="utf-8")
    project.write(COMMITTEE, text.replace("status: justerat", "status: anslaget").replace(
        "adjusted_on: 2024-03-14", f"adjusted_on: {adjusted}\nannounced_on: {announced}"))


def test_an_announced_meeting_shows_its_appeal_date_and_the_notice_board_lists_it(project: Project) -> None:
    _committee(project, "2024-03-14", "2024-03-15")
    run = project.build(on=dt.date(2024, 3, 20))
    assert run.code == 0, run.stderr
    page = (project.site / "socialnamnden/2024-03-12/index.html").read_text(encoding="utf-8")
    assert "15 mars 2024" in page and "fredag 5 april 2024" in page and "Förvaltningsrätten i Luleå" in page
    board = (project.site / "anslagstavla/index.html").read_text(encoding="utf-8")
    assert "Socialnämnden 12 mars 2024" in board and "fredag 5 april 2024" in board
    feed = (project.site / "anslagstavla/atom.xml").read_text(encoding="utf-8")
    assert "socialnamnden/2024-03-12/" in feed and "2024-04-05" in feed
    assert 'rel="alternate feed" type="application/atom+xml"' in board


def test_after_the_appeal_period_the_notice_is_off_the_board(project: Project) -> None:
    _committee(project, "2024-03-14", "2024-03-15")
    run = project.build(on=dt.date(2024, 4, 8))
    assert run.code == 0, run.stderr
    board = (project.site / "anslagstavla/index.html").read_text(encoding="utf-8")
    assert "Inga protokoll är anslagna just nu." in board


def test_the_notice_board_says_on_which_day_it_was_updated_in_plain_swedish(project: Project) -> None:
    run = project.build(on=dt.date(2026, 12, 2))
    assert run.code == 0, run.stderr
    board = (project.site / "anslagstavla/index.html").read_text(encoding="utf-8")
    assert "Uppdaterad onsdag 2 december 2026." in board and "Uppdaterad för" not in board


def test_a_late_announcement_is_a_note_that_does_not_fail_the_build(project: Project) -> None:
    _committee(project, "2024-03-14", "2024-03-20")
    check = project.check()
    assert check.code == 0
    assert ("content/socialnamnden/2024-03-12.md:38: note: announced_on: announced 2024-03-20, later than the second "
            "day after the adjustment (2024-03-16; KL 8 kap. 12 §)") in check.stdout
    build = project.build()
    assert build.code == 0, build.stderr
    page = (project.site / "socialnamnden/2024-03-12/index.html").read_text(encoding="utf-8")
    assert "senare än andra dagen efter justeringen" in page


def test_announcing_a_collaboration_body_is_an_error(project: Project) -> None:
    text = (project.content / "lsg/2021-02-19.md").read_text(encoding="utf-8")
    project.write("lsg/2021-02-19.md", text.replace("status: justerat", "status: justerat\nadjusted_on: 2021-03-04\nannounced_on: 2021-03-05"))
    _, problems = read_archive(project.content)
    assert [p.field for p in problems] == ["announced_on"]


# -- personal data ------------------------------------------------------------------------------

def test_a_redacted_passage_reaches_no_output_file(project: Project) -> None:
    text = (project.content / "lsg/2021-02-19.md").read_text(encoding="utf-8")
    project.write("lsg/2021-02-19.md", text.replace(
        "Rekryteringen av hjälpmedelskoordinator är avslutad.",
        "Rekryteringen av hjälpmedelskoordinator är avslutad. Ärendet gällde {{dolt OSL 26 kap. 1 §: Zakarias Örnflykt}}."
    ).replace("  - name: Jan Midlert", "  - name: \"{{dolt: Ylva Hemligsdotter}}\""))
    run = project.build()
    assert run.code == 0, run.stderr
    text = every_output_text(project.site)
    assert "Örnflykt" not in text and "Zakarias" not in text and "Hemligsdotter" not in text
    page = (project.site / "lsg/2021-02-19/index.html").read_text(encoding="utf-8")
    assert "[uppgift borttagen, OSL 26 kap. 1 §]" in page and "[uppgift borttagen]" in page
    assert "så begär du ut en handling" in page


@pytest.mark.parametrize(("where", "old", "new", "line"), [
    ("item text", "Rekryteringen av hjälpmedelskoordinator är avslutad.",
     "Rekryteringen av hjälpmedelskoordinator är avslutad. Personen har nummer 19121212-1212.", 63),
    ("front matter", "    organisation: Skellefteå kommun", "    organisation: Skellefteå kommun\n    note: pnr 121212-1212", 21),
    ("attachment title", "Dnr: HSN: 422:1-2021", "Dnr: HSN: 422:1-2021\nBilaga: Intyg för 201212121212", 50),
    ("samordningsnummer", "Rekryteringen av hjälpmedelskoordinator är avslutad.",
     "Rekryteringen av hjälpmedelskoordinator är avslutad. Samordningsnummer 701063-2391.", 63),
])
def test_a_personal_identity_number_fails_check_with_file_and_line(project: Project, where: str, old: str, new: str, line: int) -> None:
    text = (project.content / "lsg/2021-02-19.md").read_text(encoding="utf-8")
    project.write("lsg/2021-02-19.md", text.replace(old, new))
    run = project.check()
    assert run.code == 1
    assert f"content/lsg/2021-02-19.md:{line}: personuppgifter: found what is a valid personnummer or samordningsnummer" in run.stderr
    assert "1212-1212" not in run.stderr and "2391" not in run.stderr  # the log does not publish it either


@pytest.mark.parametrize("lookalike", ["HSN 422:1-2021", "090-785 00 00", "121212-1213", "19121212-1213",
                                       "{{inte personnummer: 121212-1212}}", "2021-2022", "20230915"])
def test_numbers_that_only_look_like_one_pass(project: Project, lookalike: str) -> None:
    text = (project.content / "lsg/2021-02-19.md").read_text(encoding="utf-8")
    project.write("lsg/2021-02-19.md", text.replace("Rekryteringen av hjälpmedelskoordinator är avslutad.",
                                                    f"Rekryteringen av hjälpmedelskoordinator är avslutad ({lookalike})."))
    _, problems = read_archive(project.content)
    assert problems == []
