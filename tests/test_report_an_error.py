"""A reader who finds an error or personal data reports it from where it stands: every meeting page
and every item has a "Rapportera fel eller personuppgift" link, a mailto: to the registrar named in
mkdocs.yml with the citation, the permanent address and a line for the reader's words filled in.
No form and no server. The help page says what happens next."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import yaml

from generator.load import load_archive

from .conftest import ROOT, Project


def report_links(html: str) -> list[str]:
    return [href.replace("&amp;", "&") for href in re.findall(r'<a (?:class="pa-report-link" )?href="(mailto:[^"]+)">Rapportera fel eller personuppgift', html)]


def registrar() -> str:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    options = next(p["protokollarkivet"] for p in config["plugins"] if isinstance(p, dict) and "protokollarkivet" in p)
    return options["registrar"]["email"]


def test_every_meeting_and_every_item_has_a_report_link_to_the_registrar(example_site: Path) -> None:
    archive = load_archive(ROOT / "content")
    for meeting in archive.meetings:
        html = (example_site / meeting.body / meeting.slug / "index.html").read_text(encoding="utf-8")
        links = report_links(html)
        assert len(links) == len(meeting.items) + 1, meeting.key  # (each item, and the protocol as a whole)
        for link in links:
            parts = urlsplit(link)
            assert parts.scheme == "mailto" and unquote(parts.path) == registrar()


def test_the_message_is_filled_in_with_the_citation_the_permanent_address_and_a_line_for_the_reader(example_site: Path) -> None:
    html = (example_site / "lsg/2023-09-15/index.html").read_text(encoding="utf-8")
    item = next(link for link in report_links(html) if "%C2%A7%2028" in link)  # (§ 28)
    query = parse_qs(urlsplit(item).query)
    assert query["subject"] == ["Rapportera fel eller personuppgift: Länssamverkansgruppen 2023-09-15 § 28, dnr HSN 200:3-2023"]
    body = query["body"][0]
    assert body.startswith("Gäller: Länssamverkansgruppen 2023-09-15 § 28, dnr HSN 200:3-2023\r\n"
                           "Adress: https://protokollarkivet.example.se/lsg/2023-09-15/#p28\r\n")
    assert "Skriv här:\r\n" in body
    whole = parse_qs(urlsplit(report_links(html)[-1]).query)
    assert whole["subject"] == ["Rapportera fel eller personuppgift: Länssamverkansgruppen 2023-09-15, dnr HSN 200:3-2023"]
    assert "Adress: https://protokollarkivet.example.se/lsg/2023-09-15/\r\n" in whole["body"][0]
    # The help page says what happens next.
    assert 'href="../../hjalp/#rapportera">Vad händer sedan?</a>' in html
    help_page = (example_site / "hjalp/index.html").read_text(encoding="utf-8")
    assert '<h2 id="rapportera">Rapportera fel eller personuppgift</h2>' in help_page
    assert "rättelsen med datum" in help_page and "[uppgift borttagen]" in help_page


def test_without_anyone_to_write_to_there_is_no_link(project: Project) -> None:
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"\n      registrar:\n(?:        .*\n)+", "\n", text).replace("contact_email: registrator@example.se", "contact_email: ''")
    config.write_text(text, encoding="utf-8")
    assert project.build().code == 0
    html = (project.site / "lsg/2021-02-19/index.html").read_text(encoding="utf-8")
    assert "mailto:" not in html and "Rapportera fel" not in html
