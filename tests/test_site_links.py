"""The built example archive holds together: every internal link and anchor resolves, and no
page makes the browser fetch anything from another host."""

from __future__ import annotations

from pathlib import Path

from .sitecheck import html_pages, is_other_host, read_page, resolve


def test_every_internal_link_and_anchor_resolves(example_site: Path) -> None:
    pages = {page: read_page(page) for page in html_pages(example_site)}
    broken = []
    for page, found in pages.items():
        for href in found.links:
            if href.startswith(("mailto:", "tel:")):
                continue
            target, fragment = resolve(example_site, page, href)
            if target is None:
                continue
            if not target.exists():
                broken.append(f"{page.relative_to(example_site)}: {href} (no such file)")
            elif fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else read_page(target).ids
                if fragment not in ids:
                    broken.append(f"{page.relative_to(example_site)}: {href} (no id '{fragment}')")
    assert broken == []
    assert len(pages) > 20


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
