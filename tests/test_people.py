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


# -- one person, however the minutes spell the name -------------------------------------------


def test_a_first_name_alone_is_the_one_attendee_who_has_it(example_site: Path) -> None:
    # "Föredragande: Malin" in a meeting where Malin Ek Duckert is the only attendee called Malin.
    html = (example_site / "chefsgrupp-svo/2021-10-14/index.html").read_text(encoding="utf-8")
    assert '<a href="../../person/malin-ek-duckert/">Malin</a>' in html
    person = (example_site / "person/malin-ek-duckert/index.html").read_text(encoding="utf-8")
    assert "Lägesrapport ny överenskommelse om hälso och sjukvård i hemmet" in person
    # The page a first name alone had before is a redirect now: a published link still works.
    moved = (example_site / "person/malin/index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh"' in moved and "person/malin-ek-duckert/" in moved


def test_a_first_name_two_attendees_share_is_left_and_told(example_site: Path, capsys) -> None:
    from generator.cli import main

    from .conftest import ROOT

    assert main(["check", "--content", str(ROOT / "content")]) == 0
    out = capsys.readouterr().out
    assert ("content/chefsgrupp-svo/2021-10-14.md:117: info: Madelene: the first name could be Madelene Maxe or "
            "Madelene Andersson; it gets a person page of its own (write the full name) [first-names]") in out
    assert (example_site / "person/madelene/index.html").is_file()
    html = (example_site / "chefsgrupp-svo/2021-10-14/index.html").read_text(encoding="utf-8")
    assert '<a href="../../person/madelene/">Madelene</a>' in html


def test_the_person_registry_joins_spellings_into_one_page(example_site: Path) -> None:
    # content/people.yml: "Malin Duckert Ek" is an alias of Malin Ek Duckert.
    person = (example_site / "person/malin-ek-duckert/index.html").read_text(encoding="utf-8")
    assert "Vad betyder målbilden" in person or "Struktur för chefsgruppen och nära vård omställningen" in person
    assert "Namnet förekommer också som Malin Duckert Ek" in person
    moved = (example_site / "person/malin-duckert-ek/index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh"' in moved and "person/malin-ek-duckert/" in moved
    listing = (example_site / "person/index.html").read_text(encoding="utf-8")
    assert listing.count("Malin Ek Duckert") == 1 and "Malin Duckert Ek" not in listing


def test_a_spelling_given_to_two_people_is_an_error(project: Project) -> None:
    from generator.load import read_archive

    project.write("people.yml", "- key: anna-ek\n  name: Anna Ek\n  aliases: [Anna Ekström]\n"
                                "- key: anna-ekstrom\n  name: Anna Ekström\n")
    _, problems = read_archive(project.content)
    assert [str(p) for p in problems] == [
        "content/people.yml:5: [1].name: the spelling 'Anna Ekström' also names the person 'anna-ek' "
        "(a spelling can name one person only) [registry]"]


def test_the_person_registry_is_never_published(example_site: Path) -> None:
    assert not list(example_site.rglob("people.yml"))


def test_after_an_edit_the_preview_derives_the_person_pages_a_fresh_build_would(tmp_path: Path) -> None:
    """The preview gathers again only the edited meeting's people (views.Kept): its person
    pages are those of a fresh read, and the pages of people not in the edit are the same objects."""
    import datetime as dt

    from generator.cache import CACHE_DIR, ParseCache
    from generator.render import THEME_DIR
    from generator.settings import Settings
    from generator.site import Site, SiteConfig

    from .conftest import ROOT, make_project

    project = make_project(tmp_path / "archive", ROOT / "content")
    config = SiteConfig(project.content, THEME_DIR, Settings(preview=True, today=dt.date(2026, 12, 1)))
    kept = ParseCache(project.root / CACHE_DIR)
    before = Site.load(config, kept)
    edited = project.content / "vvg/2021-10-04.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Björn Järbur", "Björn Ny"), encoding="utf-8")

    after = Site.load(config, kept, earlier=before)
    fresh = Site.load(config, ParseCache(tmp_path / "another-cache"))

    assert after.views == fresh.views
    assert "person/bjorn-ny.md" in after.views and "person/bjorn-jarbur.md" not in after.views
    unchanged = after.views["person/katarina-lindahl.md"]
    assert unchanged == before.views["person/katarina-lindahl.md"]
    assert all(a is b for a, b in zip(unchanged.appearances, before.views["person/katarina-lindahl.md"].appearances))


def test_those_who_only_attended_a_meeting_share_its_record_on_their_pages(tmp_path: Path) -> None:
    """Most of a person's record is meetings attended and nothing more: the members who only
    attended one meeting the same way are one record on all their pages (at 10,000 protocols 360,000
    appearances were 251,000 records); one who also presented or voted has a record of their own."""
    import datetime as dt
    from collections import defaultdict

    from generator.render import THEME_DIR
    from generator.settings import Settings
    from generator.site import Site, SiteConfig
    from generator.views import PersonView

    from generator.cache import ParseCache

    from .conftest import ROOT

    site = Site.load(SiteConfig(ROOT / "content", THEME_DIR, Settings(today=dt.date(2026, 12, 1))), ParseCache(tmp_path))
    records = defaultdict(list)
    for view in site.views.values():
        if isinstance(view, PersonView):
            for appearance in view.appearances:
                records[appearance.meeting.url, appearance.attendance, appearance.presented, appearance.acts].append(appearance)
    shared = [same for (_, _, presented, acts), same in records.items() if not presented and not acts and len(same) > 1]
    assert len(shared) > 10 and all(a is same[0] for same in shared for a in same)
    own = [same for (_, _, presented, acts), same in records.items() if presented or acts]
    assert own and all(len({id(a) for a in same}) == len(same) for same in own)
