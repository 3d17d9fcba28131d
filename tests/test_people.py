"""A page per person: the meetings attended (and as substitute), the items presented, proposals,
votes and dissents; one setting turns person pages and links off entirely."""

from __future__ import annotations

from pathlib import Path

from .conftest import Project


def test_a_person_page_lists_meetings_and_items_presented(example_site: Path) -> None:
    html = (example_site / "person/katarina-lindahl/index.html").read_text(encoding="utf-8")
    assert html.count('class="pa-meta">(tjänsteperson)') == 3
    assert "Föredrog:" in html and "../../lsg/2023-09-15/#p24" in html
    substitute = (example_site / "person/diana-wikberg/index.html").read_text(encoding="utf-8")
    assert "(ersättare)" in substitute


def test_meeting_pages_link_names_to_person_pages(example_site: Path) -> None:
    html = (example_site / "samrad/2021-03-19/index.html").read_text(encoding="utf-8")
    assert '<a href="../../person/carin-nilsson/">Carin Nilsson</a>' in html
    assert '<a href="../../person/niklas-lindberg/">Niklas Lindberg</a>' in html  # a presenter


def test_votes_proposals_and_dissents_are_on_the_person(fixture_site: Path) -> None:
    html = (fixture_site / "person/cecilia-ceder/index.html").read_text(encoding="utf-8")
    for what in ("Yrkade", "Röstade nej", "Reserverade sig"):
        assert what in html, what


def test_one_setting_turns_person_pages_off(project: Project) -> None:
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - protokollarkivet:\n", "  - protokollarkivet:\n      people: false\n"), encoding="utf-8")
    run = project.build()
    assert run.code == 0, run.stderr
    assert not (project.site / "person").exists()
    every = "".join(p.read_text(encoding="utf-8") for p in project.site.rglob("*.html"))
    assert "/person/" not in every and "person/" not in every
