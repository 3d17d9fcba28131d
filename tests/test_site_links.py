"""The built example archive holds together: every internal link and anchor resolves, and no
page makes the browser fetch anything from another host."""

from __future__ import annotations

from pathlib import Path

from generator.linkcheck import check_site, html_pages, is_other_host, read_page


def test_every_internal_link_and_anchor_resolves(example_site: Path) -> None:
    assert [p for p in check_site(example_site) if "another host" not in p] == []
    assert len(html_pages(example_site)) > 20


def test_the_link_checker_finds_a_broken_link_and_anchor(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/">a</a><a href="a/#saknas">x</a><a href="b/">b</a>'
                                         '<script src="https://cdn.example.net/x.js"></script>', encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text('<h1 id="finns">A</h1>', encoding="utf-8")
    assert check_site(tmp_path) == [
        "index.html: a/#saknas: no element with id 'saknas'",
        "index.html: b/: no such file",
        "index.html: https://cdn.example.net/x.js: loads from another host",
    ]


def test_no_page_loads_anything_from_another_host(example_site: Path) -> None:
    external = [
        f"{page.relative_to(example_site)}: {url}"
        for page in html_pages(example_site)
        for url in read_page(page).resources
        if is_other_host(url)
    ]
    assert external == []


def test_no_stylesheet_refers_to_another_host(example_site: Path) -> None:
    """Fonts and images referenced from CSS would reach out too. (Scripts are checked where they
    run, in the browser: Material's bundle names hosts only for fallbacks no current browser takes.)"""
    offenders = []
    for path in example_site.rglob("*.css"):
        text = path.read_text(encoding="utf-8", errors="replace")
        for needle in ("fonts.googleapis.com", "fonts.gstatic.com", "cdn.jsdelivr.net", "unpkg.com", "cdnjs.cloudflare.com"):
            if needle in text:
                offenders.append(f"{path.relative_to(example_site)}: {needle}")
    assert offenders == []
