"""A protokollsutdrag: where the archive has only an extract of a meeting's minutes (the item sent
to the council, to an applicant), its page says it is an extract and which items it holds, lists as
present only whom the extract names, and shows who certified it as a true copy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import FIXTURES, Project, make_project

EXTRACT = """---
body: bygg
kind: protokollsutdrag
date: 2025-02-20
status: justerat
present:
  - name: Nils Nord
    party: S
  - name: Maja Mo
    party: M
  - name: Olle Ek
    party: C
officials:
  adjusters: [Maja Mo]
adjusted_on: 2025-02-24
certified:
  name: Tove Tall
  title: nämndsekreterare
  place: Exempelby
  date: 2025-02-26
---

## 14. Bygglov för tillbyggnad av förskolan Ekorren

Dnr: BMN 2024/311

::: yrkande
Av: Maja Mo

Avslag på ansökan.
:::

::: omröstning
Ja: Nils Nord, Olle Ek
Nej: Maja Mo
Resultat: 2 ja, 1 nej
:::

::: beslut
Nämnden beviljar bygglov för tillbyggnaden.
:::

::: reservation
Av: Maja Mo
:::
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("extract") / "project", FIXTURES / "kallelse" / "content")
    project.write("bygg/2025-02-20.md", EXTRACT)
    run = project.build()
    assert run.code == 0, run.stderr
    return project.site


def test_the_page_says_it_is_an_extract_and_which_item_it_holds(site: Path) -> None:
    page = (site / "bygg" / "2025-02-20" / "index.html").read_text(encoding="utf-8")
    assert '<p class="pa-kind">Protokollsutdrag ·' in page
    notice = page[page.index('class="pa-note pa-extract"'):]
    notice = notice[:notice.index("</p>")]
    assert "<strong>protokollsutdrag</strong>: § 14 ur protokollet från sammanträdet, inte hela protokollet" in notice
    assert "Närvaron och sammanträdets övriga ärenden finns inte med" in notice


def test_who_certified_the_extract_stands_with_the_facts(site: Path) -> None:
    page = (site / "bygg" / "2025-02-20" / "index.html").read_text(encoding="utf-8")
    assert "<dt>Rätt utdraget intygar</dt><dd>Tove Tall, nämndsekreterare, Exempelby 26 februari 2025</dd>" in page


def test_the_people_it_names_are_present_according_to_the_extract(site: Path) -> None:
    page = (site / "bygg" / "2025-02-20" / "index.html").read_text(encoding="utf-8")
    attendance = page[page.index('id="narvaro"'):]
    attendance = attendance[:attendance.index("</section>")]
    assert "Närvarande enligt utdraget" in attendance
    assert all(name in attendance for name in ("Nils Nord", "Maja Mo", "Olle Ek"))


def test_open_data_tells_an_extract_from_whole_minutes(site: Path) -> None:
    def kind(meeting: str) -> str:
        return json.loads((site / "data" / "bygg" / f"{meeting}.json").read_text(encoding="utf-8"))["x-kind"]
    assert (kind("2025-02-20"), kind("2025-03-27")) == ("protokollsutdrag", "protokoll")


def test_a_certification_on_whole_minutes_is_a_mistake_of_kind(tmp_path: Path) -> None:
    project: Project = make_project(tmp_path / "project", FIXTURES / "kallelse" / "content")
    project.write("bygg/2025-02-20.md", EXTRACT.replace("kind: protokollsutdrag", "kind: protokoll"))
    run = project.check()
    assert run.code == 1
    line = EXTRACT.split("\n").index("certified:") + 1
    assert (f"content/bygg/2025-02-20.md:{line}: certified: found who certified an extract, but the kind is 'protokoll' "
            "(write 'kind: protokollsutdrag', or delete 'certified') [extract]") in run.stderr
