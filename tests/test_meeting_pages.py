"""The page contract: each item is an element `.item` with its permanent anchor, each decision a
`.decision` inside it with its own; a committee's proposals, votes and dissents have their place."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest


class _Elements(HTMLParser):
    """Collects elements with a class of interest, with the item each one is inside."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.items: list[str] = []
        self.decisions: list[tuple[str | None, str]] = []
        self.blocks: list[tuple[str | None, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        classes = values.get("class", "").split()
        item = next((i for t, i in reversed(self.stack) if i), None)
        if "item" in classes:
            self.items.append(values["id"])
            item = values["id"]
        if "decision" in classes:
            self.decisions.append((item, values["id"]))
        elif "pa-block" in classes:
            kind = next(c[3:] for c in classes if c.startswith("pa-") and c != "pa-block")
            self.blocks.append((item, kind, values["id"]))
        if tag not in ("br", "img", "input", "meta", "link", "hr"):
            self.stack.append((tag, values["id"] if "item" in classes else None))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break


def elements(site: Path, url: str) -> _Elements:
    parser = _Elements()
    parser.feed((site / url / "index.html").read_text(encoding="utf-8"))
    return parser


EXPECTED_ITEMS = {
    "lsg/2021-02-19": [f"p{n}" for n in range(1, 16)],
    "samrad/2021-03-19": [f"p{n}" for n in range(1, 8)] + ["p7a", "p7b"] + [f"p{n}" for n in range(8, 12)],
    "lsg/2023-09-15": [f"p{n}" for n in range(23, 36)],
    "vvg/2021-10-04": ["p1", "p1a"] + [f"p{n}" for n in range(2, 8)],
}


@pytest.mark.parametrize("url", EXPECTED_ITEMS)
def test_numbered_items_have_their_permanent_anchors(example_site: Path, url: str) -> None:
    assert elements(example_site, url).items == EXPECTED_ITEMS[url]


def test_unnumbered_items_are_anchored_by_ascii_slugs(example_site: Path) -> None:
    items = elements(example_site, "chefsgrupp-svo/2021-10-14").items
    assert len(items) == 18
    assert items[:3] == ["inledning", "dagens-agenda", "foregaende-mote"]
    assert "avvikelsehantering-i-samverkan" in items
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", anchor) for anchor in items)


@pytest.mark.parametrize("url", [*EXPECTED_ITEMS, "chefsgrupp-svo/2021-10-14"])
def test_decisions_sit_inside_their_items_with_their_own_anchors(example_site: Path, url: str) -> None:
    found = elements(example_site, url)
    assert found.decisions, "the meeting has decisions"
    for item, anchor in found.decisions:
        assert item is not None and re.fullmatch(rf"{re.escape(item)}-b\d+", anchor), (item, anchor)
    numbers: dict[str, list[int]] = {}
    for item, anchor in found.decisions:
        numbers.setdefault(item, []).append(int(anchor.rsplit("-b", 1)[1]))
    assert all(n == list(range(1, len(n) + 1)) for n in numbers.values())


def test_a_committee_meeting_shows_proposals_votes_dissents_notes_and_jav(fixture_site: Path) -> None:
    found = elements(fixture_site, "socialnamnden/2024-03-12")
    assert found.items == ["p11", "p12"]
    assert found.decisions == [("p11", "p11-b1"), ("p12", "p12-b1")]
    assert found.blocks == [
        ("p11", "yrkande", "p11-y1"),
        ("p11", "yrkande", "p11-y2"),
        ("p11", "propositionsordning", "p11-po1"),
        ("p11", "omröstning", "p11-v1"),
        ("p11", "reservation", "p11-r1"),
        ("p11", "protokollsanteckning", "p11-a1"),
        ("p11", "särskilt-yttrande", "p11-sy1"),
        ("p12", "jäv", "p12-j1"),
        ("p12", "yrkande", "p12-y1"),
        ("p12", "reservation", "p12-r1"),
    ]
    html = (fixture_site / "socialnamnden/2024-03-12/index.html").read_text(encoding="utf-8")
    assert "Omröstning: 3 ja, 1 nej, 2 avstår" in html
    assert "<td>Cecilia Ceder (M)</td><td>Nej</td>" in html
    assert "Reservation utan skriftlig motivering." in html
    assert "Erik Ek (C) anmäler jäv" in html
    assert '<a class="pa-anchor" href="#p11-sy1">Särskilt yttrande</a>' in html
    # (a proposal whose proposer the minutes do not name: the block says what it is, and no name)
    assert '<a class="pa-anchor" href="#p12-y1">Yrkande</a></p>' in html and "Återremiss för en jämförelse" in html


def test_the_meeting_page_shows_header_attendance_officials_and_next_meeting(example_site: Path) -> None:
    html = (example_site / "lsg/2021-02-19/index.html").read_text(encoding="utf-8")
    for expected in ("HSN 422:1-2021", "Teams", "Närvarande", "Frånvarande", "Tjänstepersoner", "Justerare",
                     "Jennie Liling Ståhl", "deltog till punkt 10", "Underskrifter", "Svensk e-legitimation",
                     "Nästa möte", "5 maj kl. 8-12"):
        assert expected in html, expected
    assert 'lang="sv"' in html


def test_substitutes_days_and_groups_are_shown(example_site: Path) -> None:
    lsg = (example_site / "lsg/2023-09-15/index.html").read_text(encoding="utf-8")
    assert "ersätter Jim Lindberg" in lsg
    assert "HSN: 200:3-2023" in lsg  # the printed form
    orebro = (example_site / "chefsgrupp-svo/2021-10-14/index.html").read_text(encoding="utf-8")
    assert "dag 2" in orebro and '<span class="pa-h1-date">14–15 oktober 2021</span>' in orebro
    vvg = (example_site / "vvg/2021-10-04/index.html").read_text(encoding="utf-8")
    assert "Fyrbodal" in vvg and "Mötesanteckningar" in vvg and "Ställningstagande" in vvg


def test_body_page_lists_meetings_by_year_and_the_decision_log(example_site: Path) -> None:
    html = (example_site / "lsg/index.html").read_text(encoding="utf-8")
    assert html.index('id="ar-2023"') < html.index('id="ar-2021"')
    log = html[html.index('id="beslutslogg"'):]
    assert log.index("2023-09-15 § 24") < log.index("2021-02-19 § 1 ")
    assert 'href="2023-09-15/#p24-b1"' in log


def test_topic_page_is_a_timeline_across_bodies(example_site: Path) -> None:
    html = (example_site / "amne/nara-vard/index.html").read_text(encoding="utf-8")
    assert "Länssamverkansgruppen" in html and "Samråd vård och omsorg" in html
    assert html.index('<h2 id="ar-2023">2023</h2>') < html.index('<h2 id="ar-2021">2021</h2>')


def test_attachments_and_the_signed_original_are_published_with_type_and_size(fixture_site: Path) -> None:
    folder = fixture_site / "socialnamnden/2024-03-12"
    html = (folder / "index.html").read_text(encoding="utf-8")
    original = (folder / "original.pdf").stat().st_size
    assert (folder / "riktlinjer-hemtjanst.pdf").read_bytes().startswith(b"%PDF")
    assert re.search(r'<a href="original.pdf" type="application/pdf">Justerat original</a>\s*'
                     rf'<span class="pa-filemeta">\(PDF, {original} byte\)</span>', html)
    assert '<a href="riktlinjer-hemtjanst.pdf" type="application/pdf">Riktlinjer för hemtjänst</a>' in html
    assert "Remissvar från pensionärsrådet <span class=\"pa-filemeta\">(ej publicerad)</span>" in html


def test_former_names_and_members_are_on_the_body_page(fixture_site: Path) -> None:
    html = (fixture_site / "socialnamnden/index.html").read_text(encoding="utf-8")
    assert "Social- och omsorgsnämnden (till 31 december 2022)" in html
    assert '<a href="../person/anna-ek/">Anna Ek</a></span> (S), <span class="pa-role">ordförande</span>' in html


def _headings(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<h2[^>]*>(.*?)</h2>", html, re.DOTALL)]


@pytest.mark.parametrize("url", ["lsg/2023-09-15/", "lsg/2021-02-19/", "samrad/2021-03-19/"])
def test_the_next_meeting_is_given_once_where_an_item_gives_it(example_site: Path, url: str) -> None:
    html = (example_site / url / "index.html").read_text(encoding="utf-8")
    assert len([h for h in _headings(html) if "Nästa möte" in h]) == 1, _headings(html)


def test_a_next_meeting_of_another_body_is_named_as_the_minutes_name_it(project) -> None:
    path = project.content / "lsg/2021-02-19.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("""next_meetings:
  - date: 2021-05-05""", """next_meetings:
  - date: 2021-03-10
    text: Systemledning 10 mars
  - date: 2021-04-01
    body: socialnamnden
  - date: 2021-05-05"""), encoding="utf-8")
    assert project.build().code == 0
    html = (project.site / "lsg/2021-02-19/index.html").read_text(encoding="utf-8")
    section = html[html.index('<section class="pa-next"'):]
    section = section[:section.index("</section>")]
    entries = [re.sub(r"<[^>]+>", "", li).strip() for li in re.findall(r"<li>(.*?)</li>", section, re.DOTALL)]
    assert entries[0].startswith("Systemledning 10 mars") and "onsdag 10 mars 2021" in entries[0], entries
    assert entries[1].startswith("Socialnämnden:") and "torsdag 1 april 2021" in entries[1], entries
    assert entries[2].startswith("5 maj kl. 8-12") and "onsdag 5 maj 2021" in entries[2], entries


@pytest.mark.parametrize("first,last,written", [
    ("2021-10-14", "2021-10-15", "14–15 oktober 2021"), ("2021-09-30", "2021-10-01", "30 september–1 oktober 2021"),
    ("2021-12-30", "2022-01-02", "30 december 2021–2 januari 2022"), ("2021-10-14", None, "14 oktober 2021"),
])
def test_a_meetings_days_are_written_with_the_shared_month_and_year_once(first: str, last: str | None, written: str) -> None:
    import datetime as dt

    from generator.text import date_range

    assert date_range(dt.date.fromisoformat(first), dt.date.fromisoformat(last) if last else None) == written


def test_every_status_word_is_explained_for_the_kind_of_minutes_it_is_shown_on(example_site: Path) -> None:
    help_page = (example_site / "hjalp/index.html").read_text(encoding="utf-8")
    shown = set()
    for page in example_site.glob("*/*/index.html"):
        found = re.search(r'<p class="pa-kind">(\w+) · <a class="pa-status pa-status-(\w+)"', page.read_text(encoding="utf-8"))
        if found:
            shown.add((found[1], found[2]))
    assert ("Protokoll", "slutlig") in shown and ("Mötesanteckningar", "slutlig") in shown
    for kind, status in shown:
        section = help_page[help_page.index(f'<h2 id="{status}">'):]
        definition = section[section.index("<p>"):section.index("</p>")]
        assert kind.lower() in definition.lower(), (kind, status, definition)
