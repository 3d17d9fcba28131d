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
