"""Untrusted content stays inert: a Content-Security-Policy without 'unsafe-inline' holds on every
page type, and script payloads placed in every field of the content never run."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

from .browsing import Visit
from .conftest import ROOT

# The policy documented in the README for the web server that publishes the archive.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
       "frame-ancestors 'none'")

PAGES = ["", "lsg/", "samrad/2021-03-19/", "chefsgrupp-svo/2021-10-14/", "amne/", "amne/nara-vard/",
         "sok/?q=hj%C3%A4lpmedel", "404.html"]


class _CSPHandler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", CSP)
        super().end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def csp_server(example_site: Path):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_CSPHandler, directory=str(example_site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


def test_the_readme_documents_the_policy() -> None:
    assert CSP in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("url", PAGES)
def test_every_page_type_satisfies_the_content_security_policy(browser: object, csp_server: str, url: str) -> None:
    visit = Visit(browser, csp_server)
    visit.page.add_init_script("window.__csp = []; document.addEventListener('securitypolicyviolation', "
                               "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")
    visit.open(csp_server + url)
    if "sok/?q=" in url:
        visit.page.locator("#sok-resultat > li").first.wait_for()
    reported = visit.page.evaluate("window.__csp")
    visit.close()
    assert reported == []
    assert [e for e in visit.errors if "Content Security Policy" in e] == []
