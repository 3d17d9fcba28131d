"""Untrusted content stays inert: a Content-Security-Policy without 'unsafe-inline' holds on every
page type, and script payloads placed in every field of the content never run."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

from .browsing import Visit
from .conftest import ROOT, published_files

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


# -- script payloads in every field --------------------------------------------------------

PAYLOAD = """<img src=x onerror="window.__xss='img'"><script>window.__xss='script'</script>"><svg onload=window.__xss='svg'>"""


def _p(label: str) -> str:
    return f"{label} {PAYLOAD}"


def xss_content(root: Path) -> Path:
    """A content directory with the payload in every field a secretary can write."""
    import yaml

    content = root / "content"
    (content / "xss").mkdir(parents=True)
    (content / "xss" / "2024-01-10").mkdir()
    (content / "xss" / "2024-01-10" / "bilaga.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    dump = lambda data: yaml.safe_dump(data, allow_unicode=True, sort_keys=False)  # noqa: E731
    (content / "bodies.yml").write_text(dump([{
        "key": "xss", "name": _p("Nämnd"), "short_name": _p("N"), "organisation": _p("Org"),
        "description": _p("Beskrivning"), "former_names": [{"name": _p("Gammalt namn")}],
        "members": [{"name": _p("Ledamot"), "role": _p("roll"), "organisation": _p("org"), "party": _p("p")}],
        "item_types": [_p("Beslutsärende")],
    }]), encoding="utf-8")
    (content / "topics.yml").write_text(dump([{
        "key": "amnet", "name": _p("Ämne"), "description": _p("Om ämnet"), "synonyms": [_p("synonym")],
    }]), encoding="utf-8")
    person = {k: _p(k) for k in ("organisation", "party", "role", "title", "group", "replaces", "note")}
    front = {
        "body": "xss", "kind": "protokoll", "date": "2024-01-10", "time": _p("9-12"), "place": _p("Plats"),
        "office": _p("Kontor"), "status": "justerat",
        "present": [{"name": _p("Anna"), **person}, {"name": "Bertil Berg"}],
        "absent": [{"name": _p("Cecilia"), **person}], "staff": [{"name": _p("Tjänsteperson")}, {"name": _p("Sekr")}],
        "guests": [{"name": _p("Gäst")}, {"name": _p("Ordf")}, {"name": _p("Just")}],
        "officials": {"chair": _p("Ordf"), "vice_chair": _p("Vice"), "secretary": _p("Sekr"), "adjusters": [_p("Just")]},
        "signatures": [{"name": _p("Signerare"), "role": _p("roll"), "title": _p("titel"), "organisation": _p("org"),
                        "method": _p("metod"), "reference": _p("ref")}],
        "signing": {"service": _p("tjänst"), "reference": _p("ref")},
        "next_meetings": [{"date": "2024-02-10", "time": _p("tid"), "place": _p("plats"), "text": _p("text")}],
        "attachments": [{"title": _p("Bilaga"), "file": "bilaga.pdf"}],
    }
    body = f"""{PAYLOAD}

## 1. {_p("Rubrik")}

Typ: {_p("Beslutsärende")}
Föredragande: {_p("Föredragande")}; Bertil Berg, {_p("beskrivning")}
Ämnen: amnet
Bilaga: [{_p("Bilaga")}](bilaga.pdf)
Beslutsunderlag: {_p("Underlag")}

{PAYLOAD}

<script>window.__xss='block'</script>

Text med [länk](javascript:window.__xss='js') och ![bild](data:text/html,<script>window.__xss=1</script>)
och <javascript:window.__xss='auto'> och <a href="javascript:window.__xss='a'">a</a>.

### {_p("Underrubrik")}

::: beslut
{_p("Beslut")}
:::

::: yrkande
Av: {_p("Anna")}

{_p("Yrkande")}
:::

::: omröstning
Ja: Bertil Berg
Nej: {_p("Anna")}
Resultat: {_p("Resultat")}
:::

## {_p("Onumrerad")}

Text.

# {_p("Bilaga till protokollet")}

| {_p("kolumn")} |
|---|
| {_p("cell")} |
"""
    (content / "xss" / "2024-01-10.md").write_text(f"---\n{dump(front)}---\n{body}", encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def xss_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from .conftest import make_project

    root = tmp_path_factory.mktemp("xss")
    project = make_project(root / "project", xss_content(root / "source"))
    run = project.build()
    assert run.code == 0, run.stderr
    return project.site


def test_payloads_in_every_field_never_run(browser: object, xss_site: Path) -> None:
    from .conftest import serve
    from generator.linkcheck import html_pages, url_of

    httpd, base = serve(xss_site)
    # One tab visits every page in turn: a payload runs, if at all, in the page that shows it.
    visit = Visit(browser, base)
    dialogs: list[str] = []
    visit.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        pages = [url_of(xss_site, p) for p in html_pages(xss_site) if "assets" not in p.parts]
        assert len(pages) >= 5
        for url in [*pages, "sok/?q=Rubrik"]:
            visit.open(base + url)
            if "?q=" in url:
                visit.page.locator("#sok-resultat > li").first.wait_for()
            state = visit.page.evaluate("""() => ({
                xss: window.__xss,
                inline: [...document.querySelectorAll('script:not([src])')].filter(s => s.type !== 'application/json').length,
                handlers: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes].map(a => a.name))
                    .filter(n => n.startsWith('on')),
                jsLinks: [...document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i], [src^="data:text" i]')].length,
            })""")
            assert state == {"xss": None, "inline": 0, "handlers": [], "jsLinks": 0}, url
            assert dialogs == [], url
    finally:
        visit.close()
        httpd.shutdown()


def test_payloads_are_shown_as_text_and_carried_inertly(browser: object, xss_site: Path) -> None:
    html = (xss_site / "xss/2024-01-10/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__xss=&#39;script&#39;&lt;/script&gt;" in html or "&lt;script&gt;window.__xss='script'" in html
    index_texts = "".join(data.decode("utf-8") for _, data in published_files(xss_site / "sok/index"))
    assert "<script>window.__xss='script'</script>" in index_texts  # JSON strings: data, never markup
