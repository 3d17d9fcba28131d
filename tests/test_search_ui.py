"""A reader searches: the header box on every page, and the shareable results page `sok/?q=`."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from .browsing import Visit
from generator.linkcheck import read_page


def test_the_header_box_shows_instant_results_and_goes_to_the_item_by_keyboard(browser: object, server: str) -> None:
    visit = Visit(browser, server)
    visit.open(server + "lsg/2021-02-19/")
    visit.page.focus("#pa-sok-header")
    visit.page.keyboard.type("läkarmedverkan")
    options = visit.page.locator("#pa-sok-forslag [role=option]")
    options.first.wait_for()
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
    visit.close()
    assert visit.errors == [] and visit.foreign == []
    for href in hrefs:
        path, _, anchor = href.partition("#")
        target = example_site / urlsplit(path).path.lstrip("/").removeprefix("sok/../") / "index.html"
        target = (example_site / "sok" / path).resolve() / "index.html" if path.startswith("..") else target
        assert target.is_file(), href
        if anchor:
            assert anchor in read_page(target).ids, href


def test_facets_count_and_narrow_the_results(browser: object, server: str) -> None:
    visit = Visit(browser, server)
    visit.open(server + "sok/?q=n%C3%A4ra+v%C3%A5rd")
    visit.page.locator("#sok-resultat > li").first.wait_for()
    total = int(visit.page.locator(".pa-sok-status").inner_text().split()[0])
    legends = visit.page.locator("#sok-facetter legend").all_inner_texts()
    assert legends[:3] == ["Organ", "År", "Typ"]
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
