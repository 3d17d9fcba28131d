"""A citizen's browser: the built site in real headless Chromium (Debian's `chromium`).

Every page type loads without console errors and without a single request to another host,
item anchors land on their item, and a phone-sized screen does not scroll sideways.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

playwright_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]

PAGES = {
    "home": "",
    "body": "lsg/",
    "meeting": "samrad/2021-03-19/",
    "multi-day meeting": "chefsgrupp-svo/2021-10-14/",
    "topics": "amne/",
    "topic": "amne/nara-vard/",
}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server(example_site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(example_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is not installed: run the README's test command (apt-get install chromium)")
    with playwright_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield instance
        instance.close()


class Visit:
    """One page load, with what the page complained about and whom it asked."""

    def __init__(self, browser: object, base: str, width: int = 1280, height: int = 900):
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.foreign: list[str] = []
        host = urlsplit(base).netloc
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

        def route(r: object) -> None:
            if urlsplit(r.request.url).netloc not in (host, ""):
                self.foreign.append(r.request.url)
                r.abort()
            else:
                r.continue_()

        self.page.route("**/*", route)

    def open(self, url: str) -> None:
        self.page.goto(url, wait_until="networkidle")

    def close(self) -> None:
        self.context.close()


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
    assert box is not None and 0 <= box["y"] < 300, box  # scrolled to, below the sticky header
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
    results = visit.page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    links = [a.get_attribute("href") for a in visit.page.locator(".md-search-result__item a").all()]
    assert any("2023-09-15" in (href or "") for href in links), links
    visit.close()
    assert visit.errors == [] and visit.foreign == []
