"""What a municipality's nämnd minutes hold: the common diarienummer shapes, item numbers as
printed, who the decision is sent to, items under secrecy, and lists of delegation decisions.

Each test adds a meeting of the fixture archive's Socialnämnden (invented names and numbers) and
builds the site for real."""

from __future__ import annotations


import json

import pytest

from generator import dnr, federation

from .conftest import Project, published_files

MEETING = """---
body: socialnamnden
kind: protokoll
date: 2024-04-16
diarienummer: KS 2023/45
status: justerat
present:
  - name: Anna Ek
    party: S
    role: ordförande
  - name: Cecilia Ceder
    party: M
staff:
  - name: Hanna Holm
    title: nämndsekreterare
officials:
  chair: Anna Ek
  secretary: Hanna Holm
  adjusters: [Cecilia Ceder]
adjusted_on: 2024-04-18
---

## SN § 41. Budget för äldreomsorgen

Typ: Beslutsärende
Dnr: KS/2023:45
Justering: omedelbar

Ärendet hör till Dnr KS 2023 / 45, som kommunstyrelsen remitterade.

::: beslut
Socialnämnden beslutar att godkänna budgeten.
:::

Beslutet skickas till: Kommunstyrelsen, Ekonomienheten

## SN § 42. Två ärenden med nästan samma nummer

Dnr: HSN 422.1-2021
Dnr: HSN 422:1-2021

Text om ärendena.

## SN § 43. Ansökan om bistånd

Sekretess: 26 kap. 1 § offentlighets- och sekretesslagen

Typ: Beslutsärende
Föredragande: Hanna Holm

Klienten Tilda Tystbergsson ansöker om bistånd för boende på Lönnvägen 7.

::: beslut
Socialnämnden beviljar Tilda Tystbergsson bistånd i form av särskilt boende.
:::

## SN § 44. Anmälan av delegationsbeslut

Typ: Anmälan av delegationsbeslut

- Beslut om bistånd enligt 4 kap. 1 § SoL, 2024-03-01 – 2024-03-31
- Ordförandebeslut om yttrande till förvaltningsrätten, 2024-03-20

::: beslut
Socialnämnden lägger anmälan till handlingarna.
:::
"""


def test_the_common_diarienummer_shapes_are_normalised_one_page_per_number() -> None:
    shapes = {
        "KS 2023/45": "KS 2023/45", "Dnr KS 2023 / 45": "KS 2023/45", "ks 2023/45": "KS 2023/45",
        "KS 2023.45": "KS 2023.45", "KS/2023:45": "KS/2023:45", "KS / 2023:45": "KS/2023:45",
        "2023/45": "2023/45", "Dnr 123/2023": "123/2023", "RS 2019-00123": "RS 2019-00123",
        "HSN 200:3-2023": "HSN 200:3-2023", "HSN: 200:3-2023": "HSN 200:3-2023", "Dnr HSN 422:1 - 2021": "HSN 422:1-2021",
        "HSN 422.1-2021": "HSN 422.1-2021", "SN.2024.233": "SN 2024.233", "Diarienummer SN.2024.233": "SN 2024.233",
    }
    assert {printed: dnr.normalise(printed) for printed in shapes} == shapes
    keys = {dnr.key(n) for n in set(shapes.values())}
    assert len(keys) == len(set(shapes.values()))  # two numbers never share a page
    assert dnr.key("HSN 422:1-2021") == "hsn-422-1-2021"  # published addresses stay
    assert dnr.normalise("HSN422-21") is None and dnr.normalise("2023") is None


@pytest.mark.parametrize("text, found", [
    ("enligt Dnr KS 2023/45 och KS/2023:46", ["KS 2023/45", "KS/2023:46"]),
    ("ärendet RS 2019-00123 och HSN 422.1-2021", ["RS 2019-00123", "HSN 422.1-2021"]),
    ("Diarienummer SN.2024.233, jfr KS 2023.45", ["SN 2024.233", "KS 2023.45"]),
    ("dnr 123/2023 men inte verksamhetsåret 2022/2023 eller I 2023/24", ["123/2023"]),
    ("protokollet KS 2023-05-10 § 45 och RS 2019-00123", ["RS 2019-00123"]),  # (a body and a day is no number)
])
def test_a_diarienummer_in_running_text(text: str, found: list[str]) -> None:
    import re

    assert [dnr.normalise(m.group()) for m in re.finditer(dnr.IN_TEXT, text)] == found


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    from .conftest import make_project

    project = make_project(tmp_path_factory.mktemp("municipal"))
    project.write("socialnamnden/2024-04-16.md", MEETING)
    check = project.check()
    assert check.code == 0, check.stdout + check.stderr
    run = project.build()
    assert run.code == 0, run.stderr
    return project


def page(project: Project, path: str) -> str:
    return (project.site / path / "index.html").read_text(encoding="utf-8")


def test_ks_2023_45_validates_links_and_has_its_page(built: Project) -> None:
    meeting = page(built, "socialnamnden/2024-04-16")
    assert 'href="../../dnr/ks-2023_45/"' in meeting  # "Dnr KS 2023 / 45" in the text, another printed form
    own = page(built, "dnr/ks-2023_45")
    assert "KS 2023/45" in own and "socialnamnden/2024-04-16/" in own
    assert "#p41" in page(built, "dnr/ks_2023-45")  # KS/2023:45 is another shape: its own page


def test_two_numbers_that_differ_by_a_separator_have_two_pages(built: Project) -> None:
    assert "HSN 422.1-2021" in page(built, "dnr/hsn-422.1-2021")
    assert "HSN 422:1-2021" in page(built, "dnr/hsn-422-1-2021")
    assert "HSN 422.1-2021" not in page(built, "dnr/hsn-422-1-2021")


def test_item_numbers_as_printed_beside_the_anchor(built: Project) -> None:
    meeting = page(built, "socialnamnden/2024-04-16")
    assert 'id="p41"' in meeting and "SN § 41" in meeting


def test_who_the_decision_is_sent_to(built: Project) -> None:
    meeting = page(built, "socialnamnden/2024-04-16")
    assert "Beslutet skickas till" in meeting and "Kommunstyrelsen, Ekonomienheten" in meeting


def test_a_paragraph_adjusted_at_the_meeting_says_so(built: Project) -> None:
    """On the item's page, in the open data, and so in a federation portal that reads it."""
    meeting = page(built, "socialnamnden/2024-04-16")
    adjusted = meeting.split('id="p41"')[1].split('id="p42"')[0]
    assert "<dt>Justering</dt><dd>Paragrafen justerades omedelbart, vid sammanträdet.</dd>" in adjusted
    assert "Paragrafen justerades omedelbart" not in meeting.split('id="p42"')[1]
    data = json.loads((built.site / "data/socialnamnden/2024-04-16.json").read_text(encoding="utf-8"))
    items = {item["number"]: item for item in data["agendaItem"]}
    assert items["41"]["x-adjusted-at-meeting"] is True and "x-adjusted-at-meeting" not in items["42"]
    assert [federation._item(item, {}).adjusted_at_meeting for item in data["agendaItem"]] == [True, False, False, False]


def test_an_item_under_secrecy_publishes_its_title_and_legal_ground_and_nothing_else(built: Project) -> None:
    meeting = page(built, "socialnamnden/2024-04-16")
    assert "Ansökan om bistånd" in meeting and "26 kap. 1 § offentlighets- och sekretesslagen" in meeting
    leaked = [path for path, data in published_files(built.site)
              if any(secret in data for secret in ("Tystbergsson".encode(), "Lönnvägen".encode(), "särskilt boende".encode()))]
    assert leaked == []


def test_delegation_decisions_are_a_list_not_decisions(built: Project) -> None:
    meeting = page(built, "socialnamnden/2024-04-16")
    assert "Ordförandebeslut om yttrande till förvaltningsrätten" in meeting
    assert 'id="p44-b1"' in meeting and 'id="p44-b2"' not in meeting
