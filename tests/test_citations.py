"""Staff cite a decision in an e-mail: each item and decision shows its citation, and a button
copies it with the permanent URL."""

from __future__ import annotations

from pathlib import Path

from .browsing import Visit


def test_items_and_decisions_show_their_citations(example_site: Path) -> None:
    html = (example_site / "lsg/2023-09-15/index.html").read_text(encoding="utf-8")
    assert '<span class="pa-cite-text">Länssamverkansgruppen 2023-09-15 § 28, dnr HSN 200:3-2023</span>' in html
    assert '<span class="pa-cite-text">Länssamverkansgruppen 2023-09-15 § 28, beslut 2, dnr HSN 200:3-2023</span>' in html
    orebro = (example_site / "chefsgrupp-svo/2021-10-14/index.html").read_text(encoding="utf-8")
    assert "Chefsgrupp för samverkan social välfärd samt vård och omsorg 2021-10-14 Video- och distansmöten" in orebro


def test_the_copy_button_copies_the_citation_and_its_url_by_keyboard(browser: object, server: str) -> None:
    visit = Visit(browser, server)
    visit.context.grant_permissions(["clipboard-read", "clipboard-write"])
    visit.open(server + "lsg/2023-09-15/")
    button = visit.page.locator("#p28-b2 button.pa-copy")
    button.focus()
    visit.page.keyboard.press("Enter")
    visit.page.wait_for_function("document.querySelector('[role=status]').textContent.includes('kopierad')")
    copied = visit.page.evaluate("navigator.clipboard.readText()")
    visit.close()
    assert copied == f"Länssamverkansgruppen 2023-09-15 § 28, beslut 2, dnr HSN 200:3-2023, {server}lsg/2023-09-15/#p28-b2"
    assert visit.errors == []
