"""Assignments (uppdrag) given in decisions are followed up: each body has a page of them, open and
closed, overdue ones marked, and a later item that reports on one closes it."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from generator.load import read_archive

from .conftest import Project


def test_the_example_archives_assignments_are_on_the_bodys_page_with_their_due_meetings(example_site: Path) -> None:
    html = (example_site / "lsg/uppdrag/index.html").read_text(encoding="utf-8")
    assert html.count('href="../2023-09-15/#p28-b') == 8
    assert "Hjälpmedelsrådet</strong> – undersöka möjligheten att skapa en gemensam digital kommunikationsyta" in html
    assert "(senast: Länssamverkansgruppens möte den 10 november (2023-11-10))" in html
    assert "(senast: vårterminen 2024)" in html
    meeting = (example_site / "lsg/2023-09-15/index.html").read_text(encoding="utf-8")
    assert 'id="p28-b2-u5"' in meeting


REPORT = """---
body: lsg
kind: protokoll
date: 2021-05-05
status: justerat
---

## 3. Rekrytering

Återrapport: lsg/2021-02-19#p5-b1-u1

Rekryteringen är klar.
"""


def _with_assignment(project: Project) -> None:
    text = (project.content / "lsg/2021-02-19.md").read_text(encoding="utf-8")
    project.write("lsg/2021-02-19.md", text.replace(
        "::: beslut\nLänssamverkansgruppen beslutade:",
        "::: beslut\nUppdrag: Anna Bergström; rekrytera en hjälpmedelskoordinator; 2021-04-30\n\nLänssamverkansgruppen beslutade:"))


def _build_on(project: Project, day: dt.date) -> str:
    run = project.build(on=day)
    assert run.code == 0, run.stderr
    return (project.site / "lsg/uppdrag/index.html").read_text(encoding="utf-8")


def state(html: str) -> list[str]:
    return re.findall(r'class="pa-assignment-state pa-state-[^"]+">([^<]+)<', html)


def test_an_assignment_is_open_then_overdue_then_reported(project: Project) -> None:
    _with_assignment(project)
    assert state(_build_on(project, dt.date(2021, 4, 1))) == ["pågår"]
    assert state(_build_on(project, dt.date(2021, 5, 3))) == ["försenat"]
    project.write("lsg/2021-05-05.md", REPORT)
    page = _build_on(project, dt.date(2021, 5, 6))
    assert state(page) == ["redovisat"] and 'href="../2021-05-05/#p3"' in page
    meeting = (project.site / "lsg/2021-02-19/index.html").read_text(encoding="utf-8")
    assert 'id="p5-b1-u1"' in meeting and "redovisat</span>" in meeting


def test_a_report_on_an_assignment_that_does_not_exist_is_an_error(project: Project) -> None:
    _with_assignment(project)
    project.write("lsg/2021-05-05.md", REPORT.replace("p5-b1-u1", "p5-b1-u9"))
    _, problems = read_archive(project.content)
    assert [str(p) for p in problems] == [
        "content/lsg/2021-05-05.md:8: Återrapport: found 'lsg/2021-02-19#p5-b1-u9', which names no assignment in the "
        "archive (did you mean 'lsg/2021-02-19#p5-b1-u1'?) [reports]"]
