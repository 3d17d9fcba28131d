"""Every page is the archive's own, in Swedish: an address that leads nowhere says so and offers a
way on, and every footer names the publisher, a contact, the accessibility statement and the
open data (no theme credit in English)."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from pathlib import Path

import yaml

from generator.linkcheck import html_pages, resolve
from .browsing import Visit
from .conftest import ROOT


class _NotFoundPage(http.server.SimpleHTTPRequestHandler):
    """A static host as GitHub Pages is one: an unknown address gets the site's 404.html."""

    def log_message(self, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _options() -> dict:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return next(p["protokollarkivet"] for p in config["plugins"] if isinstance(p, dict) and "protokollarkivet" in p)


def test_an_unknown_address_says_so_in_swedish_and_offers_search_and_the_way_home(browser: object, example_site: Path) -> None:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_NotFoundPage, directory=str(example_site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    try:
        visit = Visit(browser, base, width=390, height=844)
        visit.open(base + "lsg/2099-01-01/")
        assert visit.page.locator("h1").inner_text() == "Sidan finns inte"
        assert "Not found" not in visit.page.locator("body").inner_text()
        assert visit.page.title().startswith("Sidan finns inte")
        home = visit.page.get_by_role("link", name="Till startsidan")
        assert home.evaluate("a => new URL(a.href).pathname") == "/"
        box = visit.page.locator("main form[role=search] input[name=q]")
        box.fill("samverkan")
        box.press("Enter")
        visit.page.wait_for_url("**/sok/?q=samverkan")
        visit.page.locator("#sok-resultat > li").first.wait_for()
        visit.close()
        assert [e for e in visit.errors if "status of 404" not in e] == [] and visit.foreign == []  # (but the address's own 404)
    finally:
        httpd.shutdown()


def test_every_footer_is_the_archives_own(example_site: Path) -> None:
    options = _options()
    pages = html_pages(example_site)
    assert len(pages) > 100
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:
            continue  # (a redirect's page)
        footer = html[html.index('<footer class="md-footer">'):html.index("</footer>")]
        assert "Made with" not in footer and "Material for MkDocs" not in footer, page
        assert options["organisation"] in footer and options["accessibility"]["contact_email"] in footer, page
        links = dict((text, href) for href, text in re.findall(r'<a href="([^"]+)">([^<]+)</a>', footer))
        for name, path in (("Tillgänglighetsredogörelse", "tillganglighet/index.html"), ("Öppna data", "data/index.html")):
            target, _ = resolve(example_site, page, links[name])
            assert target == example_site / path, (page, name, links[name])
