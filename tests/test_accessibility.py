"""Everyone can use the archive: axe-core (WCAG 2.1 A and AA rules) finds nothing on any page type,
in real Chromium, at a desktop and a phone width; the keyboard reaches content and search."""

from __future__ import annotations

from pathlib import Path

import pytest

from .browsing import Visit

pytestmark = pytest.mark.heavy  # (run first: conftest.py)

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
PAGES = {
    "home": "",
    "body": "lsg/",
    "meeting": "samrad/2021-03-19/",
    "meeting with groups": "vvg/2021-10-04/",
    "multi-day meeting": "chefsgrupp-svo/2021-10-14/",
    "topics": "amne/",
    "topic": "amne/nara-vard/",
    "search with results": "sok/?q=hj%C3%A4lpmedel",
    "search with a direct hit": "sok/?q=LSG+%C2%A7+28+2023&sort=datum&from=2021",
    "accessibility statement": "tillganglighet/",
    "person": "person/katarina-lindahl/",
    "notice board": "anslagstavla/",
    "help": "hjalp/",
    "follow": "folj/",
    "diarienummer": "dnr/hsn-422-1-2021/",
    "assignments": "lsg/uppdrag/",
    "people": "person/",
    "open data": "data/",
    "coverage": "tackning/",
    "page not found": "404.html",
}
COMMITTEE = "socialnamnden/2024-03-12/"


def violations(browser: object, url: str, width: int) -> list[str]:
    visit = Visit(browser, url, width=width)
    visit.open(url)
    visit.page.evaluate("document.querySelectorAll('details.pa-figure-data, details.pa-diff').forEach(d => d.open = true)")
    if "sok/?q=" in url:
        visit.wait_for_results()
        visit.page.locator("#sok-facetter fieldset").first.wait_for(state="attached")
        visit.page.evaluate("document.querySelector('.pa-sok-filter').open = true")  # (closed on a phone: checked open too)
    visit.page.add_script_tag(path=str(AXE))
    found = visit.page.evaluate(
        """async () => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
            return r.violations.map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
        }"""
    )
    visit.close()
    return found


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("name", PAGES)
def test_no_axe_violations(browser: object, server: str, name: str, width: int) -> None:
    assert violations(browser, server + PAGES[name], width) == []


def test_no_axe_violations_on_a_committee_meeting(browser: object, fixture_site: Path) -> None:
    from .conftest import serve

    httpd, url = serve(fixture_site)
    try:
        assert violations(browser, url + COMMITTEE, 1280) == []
    finally:
        httpd.shutdown()


def test_the_first_tab_offers_a_skip_link_to_the_content(browser: object, server: str) -> None:
    visit = Visit(browser, server)
    visit.open(server + "samrad/2021-03-19/")
    visit.page.keyboard.press("Tab")
    focused = visit.page.evaluate("[document.activeElement.tagName, document.activeElement.getAttribute('href'), "
                                  "getComputedStyle(document.activeElement).visibility]")
    visit.close()
    assert focused[0] == "A" and focused[1].startswith("#") and focused[2] == "visible"


def test_focus_is_visible_on_links(browser: object, server: str) -> None:
    visit = Visit(browser, server)
    visit.open(server + "lsg/")
    visit.page.focus(".md-content a[href]")
    outline = visit.page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    visit.close()
    assert outline not in ("none", "")


def test_the_accessibility_statement_takes_its_facts_from_mkdocs_yml(example_site: Path) -> None:
    import yaml

    from .conftest import ROOT

    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    options = next(p["protokollarkivet"] for p in yaml.safe_load(config)["plugins"] if isinstance(p, dict) and "protokollarkivet" in p)
    html = (example_site / "tillganglighet/index.html").read_text(encoding="utf-8")
    assert "Tillgänglighetsredogörelse" in html and "lagen (2018:1937)" in html
    assert options["accessibility"]["contact_email"] in html
    for issue in options["accessibility"]["known_issues"]:
        assert issue in html
    assert f"<strong>{options['accessibility']['compliance']}</strong>" in html


def test_a_printed_meeting_has_items_decisions_and_its_address_but_no_navigation(browser: object, server: str) -> None:
    visit = Visit(browser, server)
    visit.open(server + "samrad/2021-03-19/")
    visit.page.emulate_media(media="print")
    shown = visit.page.evaluate("""() => ({
        nav: getComputedStyle(document.querySelector('.md-sidebar--primary')).display,
        header: getComputedStyle(document.querySelector('.md-header')).display,
        url: getComputedStyle(document.querySelector('.pa-print-url')).display,
        urlText: document.querySelector('.pa-print-url').textContent,
        items: [...document.querySelectorAll('.item')].filter(e => getComputedStyle(e).display !== 'none').length,
        decisions: [...document.querySelectorAll('.decision')].filter(e => getComputedStyle(e).display !== 'none').length,
    })""")
    visit.close()
    assert shown["nav"] == "none" and shown["header"] == "none"
    assert shown["url"] == "block" and "samrad/2021-03-19/" in shown["urlText"]
    assert shown["items"] == 13 and shown["decisions"] >= 9
