"""A secretary starts the next meeting's minutes with `protokollarkivet new`."""

from __future__ import annotations

import datetime as dt

import shutil
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.load import read_archive

from .conftest import ROOT

EXPECTED = {
    # body: (file written, item headings) — from each seed body's latest meeting
    "lsg": ("2023-11-10", ["36. Godkännande av dagordning", "37. Föregående protokoll", "38. Ärende", "39. Nästa möte"]),
    "samrad": ("2021-06-11", ["1. Godkännande av dagordning", "2. Föregående protokoll", "3. Ärende", "4. Nästa möte"]),
    "vvg": ("2021-11-18", ["1. Godkännande av dagordning", "2. Föregående protokoll", "3. Ärende", "4. Nästa möte"]),
    "chefsgrupp-svo": ("2021-11-12", ["Godkännande av dagordning", "Föregående protokoll", "Ärende", "Nästa möte"]),
}


@pytest.fixture
def content(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path / "content"


@pytest.mark.parametrize("body", EXPECTED)
def test_new_writes_the_next_meeting_for_each_seed_body(content: Path, body: str, capsys) -> None:
    date, headings = EXPECTED[body]
    assert main(["new", "--body", body, "--content", str(content)]) == 0
    path = content / body / f"{date}.md"
    text = path.read_text(encoding="utf-8")
    assert [line[3:] for line in text.splitlines() if line.startswith("## ")] == headings
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["status"] == "kallad" and str(front["date"]) == date and front["present"]
    # (checked as on the day before the meeting: once its day has passed, a kallelse is a note)
    _, problems = read_archive(content, today=dt.date.fromisoformat(date) - dt.timedelta(days=1))
    assert [p for p in problems if p.path.endswith(f"{date}.md")] == []


def test_the_roster_is_the_previous_meetings_members_without_substitutes(content: Path) -> None:
    assert main(["new", "--body", "lsg", "--content", str(content)]) == 0
    front = yaml.safe_load((content / "lsg/2023-11-10.md").read_text(encoding="utf-8").split("---\n")[1])
    names = [p["name"] for p in front["present"]]
    assert "Jim Lindberg" in names and "Diana Wikberg" not in names  # the member, not the substitute
    assert names[0] == "Pernilla Henriksson"


def test_new_never_overwrites(content: Path, capsys) -> None:
    assert main(["new", "--body", "vvg", "--content", str(content), "--date", "2021-10-04"]) == 1
    assert "exists already" in capsys.readouterr().err


def test_new_needs_a_date_when_none_was_announced(content: Path, capsys) -> None:
    path = content / "vvg/2021-10-04.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('next_meetings:\n  - date: 2021-11-18\n    time: "9–12"\n', "next_meetings:\n  - "), encoding="utf-8")
    assert main(["new", "--body", "vvg", "--content", str(content)]) == 1
    assert "give --date" in capsys.readouterr().err
