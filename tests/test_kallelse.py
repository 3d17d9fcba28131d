"""Before the meeting: a council's meeting file starts as its kallelse (agenda, handlingar, proposed
decisions) at the address its minutes will have, a nämnd's meeting is cancelled, and the notice
board carries the kungörelse until the meeting and the tillkännagivanden after. The fixture archive
(tests/fixtures/kallelse, an invented municipality) is built as on three days: before the council
meets, on its day, and after, when the same file has become adjusted minutes."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from icalendar import Calendar

from generator.linkcheck import check_site
from generator.load import read_archive
from generator.search.documents import documents

from . import oparl_client
from .browsing import Visit
from .conftest import FIXTURES, Project, make_project, serve
from .test_accessibility import violations
from .test_oparl import SITE_URL, SYSTEM

CONTENT = FIXTURES / "kallelse" / "content"
BEFORE, ON, AFTER = dt.date(2025, 4, 10), dt.date(2025, 4, 14), dt.date(2025, 4, 22)
KALLELSE = "kf/2025-04-14/"
CANCELLED = "bygg/2025-05-05/"

MINUTES = """---
body: kf
kind: protokoll
date: 2025-04-14
time: "18.00–21.00"
place: Kommunhuset, fullmäktigesalen
status: anslaget
public: true
notice_posted_on: 2025-04-03
present:
  - name: Karin Kvist
    party: S
    role: ordförande
  - name: Olof Ström
    party: M
  - name: Petra Pil
    party: C
staff:
  - name: Sara Sund
    title: kommunsekreterare
officials:
  chair: Karin Kvist
  secretary: Sara Sund
  adjusters: [Petra Pil]
adjusted_on: 2025-04-16
announced_on: 2025-04-17
---

## 1. Val av justerare

Typ: Valärende

::: förslag
Kommunfullmäktige utser två justerare.
:::

::: beslut
Kommunfullmäktige utser Petra Pil att jämte ordföranden justera protokollet.
:::

## 2. Årsredovisning 2024

Typ: Beslutsärende
Dnr: KS 2025/12
Ämnen: Ekonomi
Föredragande: Lena Lund, kommundirektör
Handlingar: [Årsredovisning 2024](arsredovisning-2024.pdf)
Handlingar: Revisionsberättelse 2024

Kommunstyrelsen har upprättat årsredovisningen för 2024. Resultatet är ett överskott.

::: förslag
Kommunfullmäktige godkänner årsredovisningen för 2024.
:::

::: beslut
Kommunfullmäktige godkänner årsredovisningen för 2024.
:::

## 3. Plan för säkrare skolvägar

Typ: Beslutsärende
Ämnen: Trafik
Återrapport: kf/2025-03-10#p1-b1-u1
Handlingar: Plan för säkrare skolvägar
Handlingar: Polisens yttrande om olycksplatser (utelämnad: OSL 18 kap. 1 §)

::: förslag
Kommunfullmäktige godkänner planen och lägger uppdraget till handlingarna.
:::

::: beslut
Kommunfullmäktige återremitterar ärendet till kommunstyrelsen.
:::
"""


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The site as built before, on and after the council's meeting day (the file a kallelse,
    then the minutes)."""
    root = tmp_path_factory.mktemp("kallelse")
    project = make_project(root / "project", CONTENT)
    built: dict[str, Path] = {}
    for name, day in (("before", BEFORE), ("on", ON), ("after", AFTER)):
        if name == "after":
            project.write("kf/2025-04-14.md", MINUTES)
        run = project.build(on=day)
        assert run.code == 0, run.stderr
        built[name] = shutil.copytree(project.site, root / name)
    return built


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def section(html: str, anchor: str) -> str:
    """The HTML from the heading with id `anchor` to the next section's end."""
    start = html.index(f'id="{anchor}"')
    return html[start:html.index("</section>", start)]


# -- the kallelse and the cancelled meeting ------------------------------------------------


def test_the_kallelse_is_published_at_the_address_the_minutes_will_have(sites: dict[str, Path]) -> None:
    html = page(sites["before"], KALLELSE)
    assert "Kallelse och föredragningslista" in html
    assert "måndag 14 april 2025" in html and "18.00–21.00" in html and "Kommunhuset, fullmäktigesalen" in html
    assert "Sammanträdet är offentligt" in html
    assert "Beslut i korthet" not in html  # nothing is decided yet
    assert html.count("Förslag till beslut") == 3 and 'id="p2-f1"' in html


def test_the_agenda_lists_its_handlingar_and_a_withheld_one_with_its_ground(sites: dict[str, Path]) -> None:
    html = page(sites["before"], KALLELSE)
    item = html[html.index('id="p2"'):html.index('id="p3"')]
    assert "Handlingar" in item and 'href="arsredovisning-2024.pdf"' in item
    assert "Revisionsberättelse 2024" in item and "(ej publicerad)" in item
    withheld = html[html.index('id="p3"'):]
    assert "Polisens yttrande om olycksplatser" in withheld and "utelämnad: OSL 18 kap. 1 §" in withheld
    assert "hjalp/#begara-ut" in withheld
    assert (sites["before"] / KALLELSE / "arsredovisning-2024.pdf").is_file()


def test_an_assignment_due_at_the_meeting_shows_on_its_kallelse(sites: dict[str, Path]) -> None:
    due = section(page(sites["before"], KALLELSE), "uppdrag-att-redovisa")
    assert "2025-03-10 § 1" in due and "redovisa en plan för säkrare skolvägar" in due and "pågår" in due


def test_a_council_kallelse_says_how_to_follow_the_meeting(sites: dict[str, Path]) -> None:
    html = page(sites["before"], KALLELSE)
    assert "Följ sammanträdet" in html and "anslagstavla/#kungorelse-kf-2025-04-14" in html and "moten.ics" in html


def test_a_cancelled_meeting_says_so_and_where_it_moved(sites: dict[str, Path]) -> None:
    html = page(sites["before"], CANCELLED)
    assert "Sammanträdet är inställt." in html and "Ärendena är inte färdigberedda." in html
    assert 'href="../2025-05-19/"' in html and "måndag 19 maj 2025" in html


def test_a_planned_meeting_is_published_and_says_what_comes(sites: dict[str, Path]) -> None:
    assert "Sammanträdet är planerat" in page(sites["before"], "bygg/2025-05-19/")


def test_after_the_meeting_the_proposal_stays_beside_the_decision(sites: dict[str, Path]) -> None:
    html = page(sites["after"], KALLELSE)
    assert "Kallelse och föredragningslista" not in html and "Beslut i korthet" in html
    rejected = html[html.index('id="p3"'):]
    assert rejected.index('id="p3-f1"') < rejected.index('id="p3-b1"')
    assert "lägger uppdraget till handlingarna" in rejected and "återremitterar" in rejected
    # The minutes report on the assignment: the previous meeting shows it done.
    assert "redovisat" in page(sites["after"], "kf/2025-03-10/")


def test_every_link_and_anchor_resolves_on_each_day(sites: dict[str, Path]) -> None:
    assert {name: check_site(site) for name, site in sites.items()} == {"before": [], "on": [], "after": []}


def test_a_kallelse_published_before_its_kungorelse_links_no_notice_yet(tmp_path: Path) -> None:
    project = make_project(tmp_path, CONTENT)
    path = project.content / "kf/2025-04-14.md"
    path.write_text(path.read_text(encoding="utf-8").replace("notice_posted_on: 2025-04-03", "notice_posted_on: 2025-04-05"),
                    encoding="utf-8")
    assert project.build(on=dt.date(2025, 4, 2)).code == 0
    assert "kungorelse-kf" not in page(project.site, KALLELSE) + page(project.site, "anslagstavla/")
    assert check_site(project.site) == []


# -- the body page, calendar and feeds ------------------------------------------------------


def test_the_body_page_lists_coming_meetings_first(sites: dict[str, Path]) -> None:
    html = page(sites["before"], "bygg/")
    coming = section(html, "kommande-moten")
    assert "5 maj 2025" in coming and "inställt" in coming and "19 maj 2025" in coming
    assert html.index('id="kommande-moten"') < html.index('id="moten"')
    assert "14 april 2025" in section(page(sites["before"], "kf/"), "kommande-moten")
    assert 'id="kommande-moten"' not in page(sites["after"], "kf/")  # held: among the meetings


def events(site: Path, body: str) -> dict[str, object]:
    calendar = Calendar.from_ical((site / body / "moten.ics").read_bytes())
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def test_the_calendar_has_the_coming_meetings_with_their_kallelse(sites: dict[str, Path]) -> None:
    council = events(sites["on"], "kf")["kf-2025-04-14@protokollarkivet"]
    assert str(council["url"]).endswith(KALLELSE) and str(council["status"]) == "CONFIRMED"
    cancelled = events(sites["before"], "bygg")["bygg-2025-05-05@protokollarkivet"]
    assert str(cancelled["status"]) == "CANCELLED"
    assert "kf-2025-04-14@protokollarkivet" not in events(sites["after"], "kf")


def test_the_feeds_announce_a_kallelse_and_a_cancellation(sites: dict[str, Path]) -> None:
    body_feed = (sites["before"] / "kf" / "atom.xml").read_text(encoding="utf-8")
    assert "kf/2025-04-14/#kallelse</id>" in body_feed and "<title>Kallelse: Kommunfullmäktige 14 april 2025</title>" in body_feed
    site_feed = (sites["before"] / "atom.xml").read_text(encoding="utf-8")
    assert "bygg/2025-05-05/#installt</id>" in site_feed and "kf/2025-04-14/#kallelse</id>" in site_feed
    assert "bygg/2025-05-19/" not in site_feed  # a plan is no news
    after = (sites["after"] / "kf" / "atom.xml").read_text(encoding="utf-8")
    assert "#kallelse</id>" not in after and "kf/2025-04-14/</id>" in after and "kf/2025-04-14/#p2-b1</id>" in after


# -- the notice board ---------------------------------------------------------------------


def test_the_board_before_the_meeting_has_one_notice_of_each_kind(sites: dict[str, Path]) -> None:
    html = page(sites["before"], "anslagstavla/")
    kungorelse = html[html.index('id="kungorelse-kf-2025-04-14"'):html.index('id="tillkannagivanden"')]
    assert "måndag 14 april 2025 kl. 18.00–21.00, Kommunhuset, fullmäktigesalen" in kungorelse
    assert "Årsredovisning 2024" in kungorelse and "Anslagen 3 april 2025" in kungorelse
    assert "senare än en vecka" not in kungorelse  # posted 11 days before
    notice = html[html.index('id="tillkannagivande-bygg-2025-03-27"'):]
    assert "anslaget 1 april 2025" in notice and "tisdag 22 april 2025" in notice
    assert "förvaras på Samhällsbyggnadsförvaltningen, Storgatan 1" in notice  # where the minutes are kept
    pending = section(html, "tillkannagivanden")
    assert 'id="justerat-bygg-2025-04-08"' in pending and "justerat 9 april 2025" in pending


def test_the_kungorelse_stays_until_the_meeting_day(sites: dict[str, Path]) -> None:
    assert 'id="kungorelse-kf-2025-04-14"' in page(sites["on"], "anslagstavla/")
    after = page(sites["after"], "anslagstavla/")
    assert 'id="kungorelse-kf-2025-04-14"' not in after and "Inga sammanträden är kungjorda just nu." in after
    assert 'id="tillkannagivande-kf-2025-04-14"' in after and 'id="tillkannagivande-bygg-2025-03-27"' in after


def test_the_boards_feed_carries_kungorelser_and_tillkannagivanden_as_separate_entries(sites: dict[str, Path]) -> None:
    feed = (sites["before"] / "anslagstavla" / "atom.xml").read_text(encoding="utf-8")
    assert "anslagstavla/#kungorelse-kf-2025-04-14</id>" in feed and "<title>Kungörelse: Kommunfullmäktige 14 april 2025</title>" in feed
    assert "bygg/2025-03-27/</id>" in feed and feed.count("<entry>") == 2


# -- open data and search -------------------------------------------------------------------


def test_oparl_carries_the_meeting_state_and_the_agenda_before_the_minutes(sites: dict[str, Path]) -> None:
    meeting = json.loads((sites["before"] / "oparl/v1/meeting/kf/2025-04-14.json").read_text(encoding="utf-8"))
    assert meeting["meetingState"] == "eingeladen" and meeting["cancelled"] is False
    assert [item["name"] for item in meeting["agendaItem"]][1] == "Årsredovisning 2024"
    cancelled = json.loads((sites["before"] / "oparl/v1/meeting/bygg/2025-05-05.json").read_text(encoding="utf-8"))
    assert cancelled["cancelled"] is True and cancelled["protokollarkivet:cancelledReason"] == "Ärendena är inte färdigberedda."
    held = json.loads((sites["after"] / "oparl/v1/meeting/kf/2025-04-14.json").read_text(encoding="utf-8"))
    assert held["meetingState"] == "durchgeführt"


def test_the_endpoint_before_the_meeting_is_valid_oparl(sites: dict[str, Path]) -> None:
    result = oparl_client.walk(oparl_client.from_files(sites["before"], SITE_URL), SYSTEM)
    assert result.problems == [] and len(result.listed["meeting"]) == 6
    assert [problem for obj in result.objects.values() for problem in oparl_client.violations(obj)] == []


def test_search_indexes_the_proposals_as_forslag() -> None:
    archive, _ = read_archive(CONTENT, today=BEFORE)
    by_ref = {doc.ref: doc for doc in documents(archive)}
    item = by_ref[KALLELSE + "#p2"]
    assert item.type == "förslag" and "Förslag till beslut: Kommunfullmäktige godkänner" in item.texts["decisions"]


# -- what check says ------------------------------------------------------------------------


def problems(project: Project, today: dt.date) -> list[str]:
    _, found = read_archive(project.content, today=today)
    return [str(p).replace(str(project.root) + "/", "") for p in found]


def test_a_decision_in_a_kallelse_and_a_cancellation_without_reason_are_errors(tmp_path: Path) -> None:
    project = make_project(tmp_path, CONTENT)
    path = project.content / "kf/2025-04-14.md"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "::: förslag\nKommunfullmäktige utser", "::: beslut\nKommunfullmäktige utser"), encoding="utf-8")
    cancelled = project.content / "bygg/2025-05-05.md"
    cancelled.write_text(cancelled.read_text(encoding="utf-8").replace("cancelled_reason: Ärendena är inte färdigberedda.\n", ""),
                         encoding="utf-8")
    assert problems(project, BEFORE) == [
        "content/kf/2025-04-14.md:16: ::: beslut: found a decision in a meeting with the status 'kallad' (before the meeting "
        "write the proposal as '::: förslag'; the decision comes with the minutes) [kallelse]",
        "content/bygg/2025-05-05.md:6: cancelled_reason: missing: the status is 'inställd' (add 'cancelled_reason: ...', "
        "and 'moved_to: YYYY-MM-DD' when the meeting moved) [kallelse]",
    ]
    run = project.check()
    assert run.code == 1 and "content/kf/2025-04-14.md:16: ::: beslut:" in run.stdout + run.stderr


def test_time_overtaking_a_kallelse_is_a_note(tmp_path: Path) -> None:
    project = make_project(tmp_path, CONTENT)
    assert problems(project, BEFORE) == []
    assert problems(project, AFTER) == [
        "content/kf/2025-04-14.md:7: note: status: the meeting's day (2025-04-14) has passed and the file is still a "
        "kallelse (add the minutes, or set the status 'inställd' with the reason) [kallelse]",
    ]
    project.write("kf/2025-05-26.md", MINUTES.replace("2025-04-14", "2025-05-26").replace("2025-04-16", "2025-05-27")
                  .replace("2025-04-17", "2025-05-28").replace("2025-04-03", "2025-05-15"))
    assert ("content/kf/2025-04-14.md:4: note: date: a kallelse dated before the body's minutes of 2025-05-26 "
            "(add the minutes, or set the status 'inställd' with the reason) [kallelse]") in problems(project, BEFORE)


def test_a_kungorelse_posted_late_is_a_note_and_the_board_says_so(tmp_path: Path) -> None:
    project = make_project(tmp_path, CONTENT)
    path = project.content / "kf/2025-04-14.md"
    path.write_text(path.read_text(encoding="utf-8").replace("notice_posted_on: 2025-04-03", "notice_posted_on: 2025-04-09"),
                    encoding="utf-8")
    assert problems(project, BEFORE) == [
        "content/kf/2025-04-14.md:9: note: notice_posted_on: posted 2025-04-09, later than a week before the meeting "
        "(2025-04-07; KL 5 kap. 55 §) (the notice board says so; nothing to fix if this is what happened) [kallelse]",
    ]
    assert project.build(on=BEFORE).code == 0
    assert "senare än en vecka före sammanträdet" in page(project.site, "anslagstavla/")


# -- in the browser -------------------------------------------------------------------------


@pytest.mark.parametrize("width", [1280, 375])
def test_no_axe_violations_on_the_new_pages(browser: object, sites: dict[str, Path], width: int) -> None:
    httpd, url = serve(sites["before"])
    try:
        for address in (KALLELSE, CANCELLED, "bygg/2025-05-19/", "anslagstavla/", "bygg/"):
            assert violations(browser, url + address, width) == [], address
    finally:
        httpd.shutdown()


def test_the_kallelse_reads_on_a_phone(browser: object, sites: dict[str, Path]) -> None:
    httpd, url = serve(sites["before"])
    try:
        visit = Visit(browser, url, width=375, height=800)
        visit.open(url + KALLELSE)
        overflow = visit.page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
        visit.close()
    finally:
        httpd.shutdown()
    assert not overflow and visit.errors == [] and visit.foreign == []
