"""A citizen reads a meeting on a phone (390 x 844): the items and the decisions are one tap away on
the first screen, though a meeting page has no table of contents in the engine's drawer."""

from __future__ import annotations

import pytest

from .browsing import Visit

PHONE = (390, 844)
MEETINGS = ["lsg/2023-09-15/", "lsg/2021-02-19/", "samrad/2021-03-19/", "vvg/2021-10-04/", "chefsgrupp-svo/2021-10-14/"]


def _phone(browser: object, server: str, url: str) -> Visit:
    visit = Visit(browser, server, width=PHONE[0], height=PHONE[1])
    visit.open(server + url)
    return visit


def _below_the_header(visit: Visit, selector: str) -> bool:
    box = visit.page.locator(selector).bounding_box()
    return box is not None and 40 <= box["y"] < 300


@pytest.mark.parametrize("url", MEETINGS)
def test_the_jump_list_to_every_item_is_on_the_first_screen(browser: object, server: str, url: str) -> None:
    visit = _phone(browser, server, url)
    summary = visit.page.locator(".pa-contents > summary")
    box = summary.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE[1], box
    summary.click()
    links = visit.page.locator(".pa-contents a")
    items = visit.page.locator("article.item").evaluate_all("items => items.map(i => '#' + i.id)")
    assert [a.get_attribute("href") for a in links.all()] == items
    middle = links.nth(links.count() // 2)  # (the last items cannot scroll to the top of a page's end)
    anchor = middle.get_attribute("href")
    middle.click()
    visit.page.wait_for_url("**" + anchor)
    assert _below_the_header(visit, f"article.item{anchor}")
    visit.close()
    assert visit.errors == []


@pytest.mark.parametrize("url", MEETINGS)
def test_the_decisions_in_short_come_before_the_attendance_and_link_to_each_decision(browser: object, server: str, url: str) -> None:
    visit = _phone(browser, server, url)
    decisions = visit.page.locator(".decision").evaluate_all("ds => ds.map(d => '#' + d.id)")
    in_short = visit.page.locator("#beslut-i-korthet")
    assert in_short.inner_text() == "Beslut i korthet"
    links = [a.get_attribute("href") for a in visit.page.locator(".pa-in-short a").all()]
    assert links == decisions and decisions
    attendance = visit.page.locator("#narvaro")
    if attendance.count():
        assert in_short.bounding_box()["y"] < attendance.bounding_box()["y"]
    visit.page.locator(".pa-in-short a").first.click()
    visit.page.wait_for_url("**" + decisions[0])
    assert _below_the_header(visit, decisions[0])
    visit.close()


def test_an_item_leads_to_its_decision(browser: object, server: str) -> None:
    visit = _phone(browser, server, "lsg/2023-09-15/#p28")
    link = visit.page.locator("#p28 .pa-to-decisions a").first
    assert link.inner_text() == "Till beslutet" or link.inner_text().startswith("beslut")
    target = link.get_attribute("href")
    assert target.startswith("#p28-b")
    link.click()
    visit.page.wait_for_url("**" + target)
    assert _below_the_header(visit, target)
    visit.close()


@pytest.mark.parametrize("url", ["lsg/2023-09-15/", "chefsgrupp-svo/2021-10-14/", "samrad/2021-03-19/", ""])
def test_the_header_shows_the_site_and_the_page_title_whole(browser: object, server: str, url: str) -> None:
    visit = _phone(browser, server, url)
    measure = """t => [t.textContent.trim(), t.scrollWidth > t.clientWidth + 1 || t.scrollHeight > t.clientHeight + 1,
        t.getBoundingClientRect().right <= document.querySelector('.pa-header-search').getBoundingClientRect().left]"""
    site = visit.page.locator(".md-header__topic:first-child .md-ellipsis").evaluate(measure)
    visit.page.mouse.wheel(0, 1200)  # past the page's heading, the header shows the page's title
    visit.page.wait_for_selector(".md-header__title--active")
    visit.page.wait_for_timeout(600)  # (its sliding in)
    page = visit.page.locator(".md-header__topic + .md-header__topic .md-ellipsis").evaluate(measure)
    visit.close()
    assert site == ["Protokollarkivet", False, True]
    assert not page[1] and page[2], page


def test_the_header_search_still_opens_on_a_phone(browser: object, server: str) -> None:
    visit = _phone(browser, server, "lsg/2023-09-15/")
    visit.page.click("#pa-sok-header")
    assert visit.page.locator("#pa-sok-header").bounding_box()["width"] >= 300
    visit.page.keyboard.type("samverkan")
    visit.page.locator("#pa-sok-forslag [role=option]").first.wait_for()
    visit.close()
    assert visit.errors == []


@pytest.mark.parametrize("width", [1280, 700, 390])
def test_a_group_heading_in_the_attendance_stays_with_its_first_member(browser: object, server: str, width: int) -> None:
    visit = Visit(browser, server, width=width, height=900)
    visit.open(server + "vvg/2021-10-04/")
    pairs = visit.page.locator("ul.pa-people li.pa-group-heading").evaluate_all("""headings => headings.map(h => {
        const a = [...h.getClientRects()].pop(), b = h.nextElementSibling.getClientRects()[0];
        return [h.textContent, Math.round(a.left), Math.round(b.left), a.bottom <= b.top + 1];
    })""")
    columns = visit.page.locator("ul.pa-people").first.evaluate("u => getComputedStyle(u).columnCount + '/' + u.getClientRects().length")
    visit.close()
    assert len(pairs) >= 10, columns
    assert [p for p in pairs if p[1] != p[2] or not p[3]] == []


def test_the_item_type_is_set_like_the_other_facts(browser: object, server: str) -> None:
    visit = Visit(browser, server)
    visit.open(server + "lsg/2023-09-15/")
    sizes = visit.page.locator("#p28 dl.pa-item-facts dd").evaluate_all(
        "dds => dds.map(dd => getComputedStyle(dd.firstElementChild || dd).fontSize)")
    visit.close()
    assert len(sizes) >= 2 and len(set(sizes)) == 1, sizes
