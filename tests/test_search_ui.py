"""A reader searches: the header box on every page, and the shareable results page `sok/?q=`."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .browsing import Visit
from generator.linkcheck import read_page
from generator.search import packs


def test_the_header_box_shows_instant_results_and_goes_to_the_item_by_keyboard(browser: object, server: str) -> None:
    visit = Visit(browser, server)
    visit.open(server + "lsg/2021-02-19/")
    visit.page.focus("#pa-sok-header")
    visit.page.keyboard.type("läkarmedverkan")
    options = visit.page.locator("#pa-sok-forslag [role=option]")
    # (the options of the whole word, not of a part typed on the way, which may still be shown)
    visit.page.wait_for_function("(document.querySelector('#pa-sok-option-all') || {}).textContent?.includes('läkarmedverkan”')")
    assert visit.page.get_attribute("#pa-sok-header", "aria-expanded") == "true"
    assert options.count() >= 3  # two items and the link to all results
    visit.page.keyboard.press("ArrowDown")
    assert options.first.get_attribute("aria-selected") == "true"
    visit.page.keyboard.press("Enter")
    visit.page.wait_for_url("**/#p*")
    anchor = urlsplit(visit.page.url).fragment
    assert visit.page.locator(f"article.item#{anchor}").count() == 1
    visit.close()
    assert visit.errors == [] and visit.foreign == []


def test_the_results_page_lists_items_with_highlighted_snippets(browser: object, server: str, example_site: Path) -> None:
    visit = Visit(browser, server)
    visit.open(server + "sok/?q=hj%C3%A4lpmedelsr%C3%A5det")
    results = visit.page.locator("#sok-resultat > li")
    results.first.wait_for()
    assert results.count() >= 3
    assert "träffar" in visit.page.locator(".pa-sok-status").inner_text()
    assert visit.page.locator("#sok-resultat mark").count() >= 1
    hrefs = [a.get_attribute("href") for a in visit.page.locator("#sok-resultat > li > a").all()]
    snippets = [s.strip(" …") for s in visit.page.locator(".pa-sok-snippet").all_inner_texts()]
    visit.close()
    assert visit.errors == [] and visit.foreign == []
    # (each snippet is a piece of a text the index holds: the texts are read with their dictionary)
    texts = _index_texts(example_site)
    assert snippets and all(s and any(s in text for text in texts) for s in snippets)
    for href in hrefs:
        path, _, anchor = href.partition("#")
        target = example_site / urlsplit(path).path.lstrip("/").removeprefix("sok/../") / "index.html"
        target = (example_site / "sok" / path).resolve() / "index.html" if path.startswith("..") else target
        assert target.is_file(), href
        if anchor:
            assert anchor in read_page(target).ids, href


def test_a_search_whose_index_reads_fail_once_tries_again(browser: object, server: str) -> None:
    """A phone between cells: every read of the index fails the first time; the results still come."""
    visit = Visit(browser, server)
    failed: list[str] = []

    def fail_once(route: object) -> None:
        key = (route.request.url, route.request.headers.get("range"))
        if key in failed:
            route.continue_()
        else:
            failed.append(key)
            route.abort("internetdisconnected")

    visit.page.route("**/sok/index/**", fail_once)
    visit.open(server + "sok/?q=hj%C3%A4lpmedelsr%C3%A5det")
    visit.wait_for_results()
    assert visit.page.locator("#sok-resultat > li").count() >= 3
    visit.close()
    assert len(failed) >= 3  # (the manifest and at least two reads after it)


def test_a_search_whose_index_cannot_be_reached_says_so_in_swedish(browser: object, server: str) -> None:
    visit = Visit(browser, server)
    visit.page.route("**/sok/index/**", lambda route: route.abort("internetdisconnected"))
    visit.open(server + "sok/?q=hj%C3%A4lpmedelsr%C3%A5det")
    status = visit.page.locator(".pa-sok-status")
    visit.page.wait_for_function("document.querySelector('.pa-sok-status').textContent.includes('misslyckades')")
    assert "kontrollera anslutningen" in status.inner_text()
    visit.close()


def test_facets_count_and_narrow_the_results(browser: object, server: str) -> None:
    visit = Visit(browser, server)
    visit.open(server + "sok/?q=n%C3%A4ra+v%C3%A5rd")
    visit.page.locator("#sok-resultat > li").first.wait_for()
    total = int(visit.page.locator(".pa-sok-status").inner_text().split()[0])
    legends = visit.page.locator("#sok-facetter legend").all_inner_texts()
    assert legends[:4] == ["Organisation", "Organ", "År", "Typ"]  # (the example's bodies belong to several organisations)
    counts = {
        box.get_attribute("value"): int(visit.page.locator(f"label[for={box.get_attribute('id')}] .pa-count").inner_text().strip("()"))
        for box in visit.page.locator("#sok-facetter input[data-facet=body]").all()
    }
    assert len(counts) >= 3 and sum(counts.values()) == total
    body, count = min(counts.items(), key=lambda kv: kv[1])
    name = visit.page.locator(f"label[for=f-body-{body.replace('-', '_')}]").inner_text().rsplit(" (", 1)[0]
    visit.page.locator(f"#sok-facetter input[data-facet=body][value={body}]").check()
    visit.page.wait_for_function("document.querySelector('.pa-sok-status').textContent.startsWith('" + f"{count} träff" + "')")
    after = visit.page.locator("#sok-resultat .pa-meta").all_inner_texts()
    assert count < total and len(after) == min(count, 10)
    assert all(text.startswith(name) for text in after)
    assert f"body={body}" in visit.page.url
    visit.close()
    assert visit.errors == []


def test_nothing_found_says_so(browser: object, server: str) -> None:
    visit = Visit(browser, server)
    visit.open(server + "sok/?q=xyzzyplugh")
    visit.page.wait_for_function("document.querySelector('.pa-sok-status').textContent.includes('Inga träffar')")
    assert visit.page.locator("#sok-resultat > li").count() == 0
    visit.close()
    assert visit.errors == []


def test_without_javascript_the_page_says_how_to_browse_instead(browser: object, server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "sok/?q=hj%C3%A4lpmedel")
    assert page.locator(".pa-sok-nojs").is_visible()
    assert "behöver JavaScript" in page.locator(".pa-sok-nojs").inner_text()
    context.close()


def test_a_diarienummer_finds_its_meeting(browser: object, server: str) -> None:
    visit = Visit(browser, server)
    visit.open(server + "sok/?q=HSN+422%3A1-2021")
    first = visit.page.locator("#sok-resultat > li > a").first
    first.wait_for()
    assert first.get_attribute("href").endswith("lsg/2021-02-19/")
    visit.close()


PHONE, DESKTOP = (390, 844), (1280, 900)


def _results(server: str, browser: object, query: str, size: tuple[int, int]) -> Visit:
    visit = Visit(browser, server, width=size[0], height=size[1])
    visit.open(server + "sok/?q=" + query)
    visit.page.wait_for_function("document.querySelector('.pa-sok-status').textContent.includes('träff')")
    return visit


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_first_result_is_on_the_first_screen(browser: object, server: str, size: tuple[int, int]) -> None:
    visit = _results(server, browser, "samverkan", size)
    title = visit.page.locator("#sok-resultat > li > a").first.bounding_box()
    visit.close()
    assert title is not None and title["y"] + title["height"] <= size[1], title


def test_on_a_wide_screen_the_filters_stand_beside_the_results(browser: object, server: str) -> None:
    visit = _results(server, browser, "samverkan", DESKTOP)
    first = visit.page.locator("#sok-resultat > li").first.bounding_box()
    filters = visit.page.locator(".pa-sok-filter")
    box = filters.bounding_box()
    is_open = filters.evaluate("d => d.open")
    visit.close()
    assert is_open
    assert box["x"] >= first["x"] + first["width"] and box["y"] < first["y"] + first["height"], (box, first)


def test_on_a_phone_the_filters_fold_into_a_line_that_names_the_chosen_ones(browser: object, server: str) -> None:
    visit = _results(server, browser, "samverkan&body=lsg&year=2023", PHONE)
    filters, summary = visit.page.locator(".pa-sok-filter"), visit.page.locator(".pa-sok-filter > summary")
    assert not filters.evaluate("d => d.open")
    assert not visit.page.locator("#sok-facetter input").first.is_visible()
    box = summary.bounding_box()
    assert box["y"] + box["height"] <= PHONE[1]
    assert "Länssamverkansgruppen" in summary.inner_text() and "2023" in summary.inner_text()
    summary.click()
    visit.page.locator("#sok-facetter input[data-facet=year][value='2023']").uncheck()
    visit.page.wait_for_function("!document.querySelector('.pa-sok-filter > summary').textContent.includes('2023')")
    assert "Länssamverkansgruppen" in summary.inner_text()
    visit.close()
    assert visit.errors == []


def test_a_filter_that_cannot_narrow_the_results_is_not_offered(browser: object, server: str) -> None:
    visit = _results(server, browser, "filmprojekt", DESKTOP)  # two items of one body, one year, one type
    legends = visit.page.locator("#sok-facetter legend").all_inner_texts()
    assert "Organ" not in legends and "År" not in legends and "Typ" not in legends
    visit.close()
    visit = _results(server, browser, "Kopparmalms", DESKTOP)  # one hit: nothing to narrow
    assert visit.page.locator(".pa-sok-status").inner_text().startswith("1 träff")
    assert visit.page.locator(".pa-sok-filter").is_hidden()
    visit.close()


def test_items_without_a_type_are_not_named_like_an_agenda_item(browser: object, server: str) -> None:
    visit = _results(server, browser, "samverkan", DESKTOP)
    labels = visit.page.locator("#sok-facetter input[data-facet=type] + label").all_inner_texts()
    meta = visit.page.locator("#sok-resultat .pa-meta").all_inner_texts()
    visit.close()
    assert any(label.startswith("Utan angiven typ") for label in labels), labels
    assert not any("Övriga" in label for label in labels), labels
    assert not any("Övriga ärenden" in line or "Utan angiven typ" in line for line in meta), meta


def _index_texts(site: Path) -> list[str]:
    index = site / "sok" / "index"
    dictionary = (index / json.loads((index / "manifest.json").read_bytes())["textDictionary"]).read_bytes()
    return [text for pack in (index / "x").glob("*" + packs.SUFFIX) for block in packs.records(pack.read_bytes(), dictionary)
            for text in block]
