"""A reader searches in the words of the minutes: a compound finds its parts, an abbreviation
what it stands for (and back), a phrase its words in a row, and a minus sign leaves a word out.

The archive is the fixture archive with one more meeting (tests/fixtures/search/), whose items
say "KS" in one and "kommunstyrelsen" in another, "vård och omsorg" in one and "omsorg och vård"
in another, and "hemtjänstbudget" in one and "budgeten för hemtjänsten" in another. That meeting
was imported from a scan read by OCR (its front matter's `source`)."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

from .browsing import Visit
from .conftest import FIXTURES, Project, make_project, serve

SEARCH_FIXTURES = FIXTURES / "search"
MEETING = "socialnamnden/2024-04-09/"


def with_search_fixtures(root: Path) -> Project:
    project = make_project(root)
    shutil.copy(SEARCH_FIXTURES / "2024-04-09.md", project.content / "socialnamnden" / "2024-04-09.md")
    shutil.copy(SEARCH_FIXTURES / "synonyms.yml", project.content / "synonyms.yml")
    return project


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    project = with_search_fixtures(tmp_path_factory.mktemp("language"))
    run = project.build()
    assert run.code == 0, run.stderr
    httpd, url = serve(project.site)
    yield url
    httpd.shutdown()


def results(browser: object, base: str, query: str, more: str = "") -> list[str]:
    """The results page's links for `query` (and the address's `more`), as site paths
    (`socialnamnden/2024-04-09/#p13`)."""
    visit = Visit(browser, base)
    visit.open(base + "sok/?q=" + quote(query) + more)
    visit.page.wait_for_function("/träff/.test(document.querySelector('.pa-sok-status').textContent)")
    hrefs = visit.page.eval_on_selector_all("#sok-resultat > li > a", "els => els.map(e => e.href)")
    visit.close()
    assert visit.errors == [] and visit.foreign == []
    return [href.removeprefix(base) for href in hrefs]


def test_an_abbreviation_finds_what_it_stands_for_and_back(browser: object, site: str) -> None:
    assert MEETING + "#p15" in results(browser, site, "KS")  # § 15 says "Kommunstyrelsen" only
    assert MEETING + "#p13" in results(browser, site, "kommunstyrelsen")  # § 13 says "KS" only


def test_a_compound_in_the_query_finds_its_parts(browser: object, site: str) -> None:
    found = results(browser, site, "hemtjänstbudget")
    assert found[0] == MEETING + "#p14"  # the item with the word itself first
    assert MEETING + "#p17" in found  # "budgeten för hemtjänsten": both parts
    assert "socialnamnden/2024-03-12/#p11" not in found  # "Riktlinjer för hemtjänst": one part is not the compound


def test_a_word_that_only_looks_like_a_compound_is_not_split_nor_a_name(browser: object, site: str) -> None:
    """"gemensam" is more common in Swedish than "gem" and "ensam" are (wordfreq), so it is one
    word; a name is not split at all: "Anna Bergström" presents an item of lsg/2021-02-19, and
    § 17 of the search fixture names "Bergström" in its text."""
    assert MEETING + "#p16" in results(browser, site, "gemensam")
    assert MEETING + "#p16" not in results(browser, site, "ensam")
    with_name = results(browser, site, "bergström")
    assert {"lsg/2021-02-19/#information-om-rekrytering-av-hjalpmedelskoordinator", MEETING + "#p17"} <= set(with_name)
    assert not {ref for ref in results(browser, site, "ström") if ref.startswith("lsg/2021-02-19/") or ref == MEETING + "#p17"}


def test_a_phrase_finds_its_words_in_a_row(browser: object, site: str) -> None:
    loose = results(browser, site, "vård och omsorg")
    assert {MEETING + "#p14", MEETING + "#p16"} <= set(loose)
    phrase = results(browser, site, '"vård och omsorg"')
    assert MEETING + "#p14" in phrase and MEETING + "#p16" not in phrase
    assert results(browser, site, "”omsorg och vård”") == [MEETING + "#p16"]  # Swedish quotation marks


def test_a_phrase_typed_in_the_header_box_is_checked_once_its_quote_is_closed(browser: object, site: str) -> None:
    """While the closing quote is not yet typed the box searches the words (as the reader may stop
    there), without fetching candidates' texts at every key; the closed phrase is checked."""
    visit = Visit(browser, site)
    texts: list[str] = []
    visit.page.on("request", lambda r: texts.append(r.url) if "/sok/index/x/" in r.url else None)
    visit.open(site)
    visit.page.click("#pa-sok-header")

    def shown_once(condition: str) -> list[str]:
        visit.page.wait_for_function(f"(links => {condition})([...document.querySelectorAll('#pa-sok-forslag a')]"
                                     ".map(a => a.getAttribute('href')))")
        return visit.page.eval_on_selector_all("#pa-sok-forslag a", "els => els.map(e => e.getAttribute('href'))")

    visit.page.keyboard.type('"vård och omsorg', delay=30)
    open_phrase = shown_once("links.some(l => l.endsWith('#p14')) && links.some(l => l.endsWith('#p16'))")
    assert texts == [], open_phrase
    visit.page.keyboard.type('"')
    closed = shown_once("links.some(l => l.endsWith('#p14')) && !links.some(l => l.endsWith('#p16'))")
    visit.close()
    assert texts != [], closed
    assert visit.errors == [] and visit.foreign == []


def test_a_short_word_being_typed_in_the_header_box_is_searched_once_typing_pauses(browser: object, site: str) -> None:
    """A last word of under four letters narrows little and costs its own index chunks at every
    key: while keys come the box shows the words before it, and searches it on a pause."""
    visit = Visit(browser, site)
    visit.open(site)
    visit.page.click("#pa-sok-header")
    visit.page.keyboard.type("hemtjänst", delay=30)
    visit.page.wait_for_function("(document.querySelector('#pa-sok-option-all') || {}).textContent?.includes('hemtjänst”')")
    visit.page.evaluate("""() => { window.__shown = []; const list = document.getElementById('pa-sok-forslag');
        new MutationObserver(() => window.__shown.push([performance.now(),
            [...list.querySelectorAll('a')].map(a => a.getAttribute('href'))])).observe(list, {childList: true}); }""")
    visit.page.keyboard.type(" jä", delay=30)
    visit.page.keyboard.type("v")
    typed = visit.page.evaluate("performance.now()")
    # "jäv" adds § 12 of 2024-03-12 (the only item that says it) to "hemtjänst"'s results
    visit.page.wait_for_function("window.__shown.some(s => s[1].some(h => h.endsWith('2024-03-12/#p12')))")
    shown = visit.page.evaluate("window.__shown")
    visit.close()
    assert visit.errors == [] and visit.foreign == []
    assert all(not any(h.endswith("#p12") for h in links) for at, links in shown if at < typed + 350), shown
    first_with_the_word = min(at for at, links in shown if any(h.endswith("#p12") for h in links))
    assert first_with_the_word - typed >= 350, shown


def test_a_minus_sign_leaves_a_word_out(browser: object, site: str) -> None:
    everything = results(browser, site, "hemtjänst")
    assert {"socialnamnden/2024-03-12/#p11", MEETING + "#p14"} <= set(everything)
    without = results(browser, site, "hemtjänst -hemtjänstbudget")
    assert "socialnamnden/2024-03-12/#p11" in without and MEETING + "#p14" not in without


def test_a_synonym_that_points_at_nothing_is_reported_at_its_line(tmp_path: Path) -> None:
    project = with_search_fixtures(tmp_path)
    (project.content / "synonyms.yml").write_text("- word: KS\n  same_as: [kommunstyrelsen]\n- word: SN\n  same_as:\n"
                                                  "    - socialnämnden\n    - och\n- word: KF\n  same_as: []\n",
                                                  encoding="utf-8")
    run = project.check()
    assert run.code == 1
    lines = run.stderr.splitlines()
    assert any(line.startswith("content/synonyms.yml:6: [1].same_as[1]: 'och' points at nothing") and line.endswith("[synonyms]")
               for line in lines), run.stderr
    assert any(line.startswith("content/synonyms.yml:8: [2].same_as:") for line in lines), run.stderr
    assert "Traceback" not in run.stderr


def test_newest_first_and_a_range_of_years_are_in_the_address(browser: object, site: str) -> None:
    ranked = results(browser, site, "hemtjänst")
    assert ranked.index("socialnamnden/2024-03-12/#p11") < ranked.index(MEETING + "#p14")  # its title says hemtjänst
    newest = results(browser, site, "hemtjänst", "&sort=datum")
    assert newest.index(MEETING + "#p14") < newest.index("socialnamnden/2024-03-12/#p11")
    dates = [path.split("/")[1][:10] for path in newest]
    assert dates == sorted(dates, reverse=True)
    everything = results(browser, site, "information")
    assert {path[:4] for path in everything} == {"lsg/", "soci"}  # (both years: 2021 and 2024)
    assert all(path.startswith("socialnamnden/") for path in results(browser, site, "information", "&from=2022&to=2024"))
    assert all(path.startswith("lsg/") for path in results(browser, site, "information", "&to=2021"))


def test_the_order_and_the_years_chosen_on_the_page_go_into_its_address(browser: object, site: str) -> None:
    visit = Visit(browser, site)
    visit.open(site + "sok/?q=information")
    visit.page.wait_for_function("/träff/.test(document.querySelector('.pa-sok-status').textContent)")
    visit.page.select_option("#pa-sok-sort", "datum")
    visit.page.wait_for_url("**sort=datum*")
    if not visit.page.locator("#pa-sok-from").is_visible():
        visit.page.click(".pa-sok-filter > summary")
    visit.page.fill("#pa-sok-from", "2022")
    visit.page.keyboard.press("Enter")
    visit.page.wait_for_url("**from=2022*")
    visit.page.wait_for_function("!document.querySelector('#sok-resultat').textContent.includes('Länssamverkansgruppen')")
    assert visit.page.locator("#sok-resultat > li").count() >= 1
    visit.close()
    assert visit.errors == []


def test_a_result_read_by_ocr_from_a_scan_says_so(browser: object, site: str) -> None:
    visit = Visit(browser, site)
    visit.open(site + "sok/?q=hemtj%C3%A4nst")
    visit.page.locator("#sok-resultat > li").first.wait_for()
    notes = visit.page.eval_on_selector_all(
        "#sok-resultat > li", "els => els.map(e => [e.querySelector('a').href, !!e.querySelector('.pa-sok-ocr')])")
    visit.close()
    said = {href.removeprefix(site): ocr for href, ocr in notes}
    assert said[MEETING + "#p14"] and said[MEETING + "#p17"]  # read by OCR, and searchable as any text
    assert not said["socialnamnden/2024-03-12/#p11"]  # typed from the minutes
