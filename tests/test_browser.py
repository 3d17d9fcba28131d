"""A citizen's browser: the built site in real headless Chromium (Debian's `chromium`).

Every page type loads without console errors and without a single request to another host,
item anchors land on their item, and a phone-sized screen does not scroll sideways.
"""

from __future__ import annotations


import pytest

from .browsing import Visit

PAGES = {
    "home": "",
    "body": "lsg/",
    "meeting": "samrad/2021-03-19/",
    "multi-day meeting": "chefsgrupp-svo/2021-10-14/",
    "topics": "amne/",
    "topic": "amne/nara-vard/",
    "search with results": "sok/?q=hj%C3%A4lpmedel",
}


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_cleanly_and_asks_no_other_host(browser: object, server: str, name: str) -> None:
    visit = Visit(browser, server)
    visit.open(server + PAGES[name])
    assert visit.page.locator("html").get_attribute("lang") == "sv"
    assert visit.page.locator("h1").count() == 1
    visit.close()
    assert visit.errors == []
    assert visit.foreign == []


@pytest.mark.parametrize("anchor", ["p7a", "p7b", "p7b-b1", "p6-b1", "p11"])
def test_an_item_link_lands_on_the_item(browser: object, server: str, anchor: str) -> None:
    visit = Visit(browser, server)
    visit.open(f"{server}samrad/2021-03-19/#{anchor}")
    target = visit.page.locator(f"#{anchor}")
    assert target.is_visible()
    box = target.bounding_box()
    at_end = visit.page.evaluate("scrollY + innerHeight >= document.documentElement.scrollHeight - 1")
    assert box is not None and 0 <= box["y"] < (900 if at_end else 300), box  # scrolled to, below the sticky header
    visit.close()


def test_the_site_fits_a_phone_screen(browser: object, server: str) -> None:
    visit = Visit(browser, server, width=375, height=740)
    for url in ("", "lsg/2021-02-19/", "vvg/2021-10-04/"):
        visit.open(server + url)
        overflow = visit.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (url, overflow)
    visit.close()


def test_the_body_page_links_reach_every_meeting(browser: object, server: str) -> None:
    visit = Visit(browser, server)
    visit.open(server + "lsg/")
    visit.page.get_by_role("link", name="15 september 2023").click()
    visit.page.wait_for_load_state()
    assert visit.page.url.endswith("/lsg/2023-09-15/")
    assert visit.page.locator(".item").count() == 13
    visit.close()


def test_the_home_search_box_finds_a_meeting_without_a_mouse(browser: object, server: str) -> None:
    visit = Visit(browser, server)
    visit.open(server)
    visit.page.focus("#pa-q")
    visit.page.keyboard.type("Hjälpmedelsrådet")
    visit.page.keyboard.press("Enter")
    visit.page.wait_for_url("**/sok/?q=*")
    visit.page.locator("#sok-resultat li").first.wait_for(timeout=15000)
    links = [a.get_attribute("href") for a in visit.page.locator("#sok-resultat li > a").all()]
    assert any("2023-09-15/#p28" in (href or "") for href in links), links
    visit.close()
    assert visit.errors == [] and visit.foreign == []


@pytest.mark.parametrize("page,anchor,item", [
    ("lsg/2023-09-15/", "p28", "p28"), ("lsg/2023-09-15/", "p31", "p31"), ("lsg/2023-09-15/", "p28-b1", "p28"),
    ("samrad/2021-03-19/", "p7b", "p7b"), ("lsg/2021-02-19/", "p5", "p5"),
])
def test_a_permalink_highlights_its_own_item_in_the_contents(browser: object, server: str, page: str, anchor: str, item: str) -> None:
    visit = Visit(browser, server)
    visit.open(f"{server}{page}#{anchor}")
    visit.page.wait_for_function("document.querySelector('.md-sidebar--secondary .md-nav__link--active')")
    visit.page.wait_for_timeout(300)  # (the engine's scroll spy settles)
    active = visit.page.locator(".md-sidebar--secondary .md-nav__link--active").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    visit.close()
    assert active == [f"#{item}"]
