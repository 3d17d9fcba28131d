"""A secretary's mistakes come back as `file:line: field: message (hint) [code]`, all of them at once.

The cases are text files in tests/fixtures/problems/ (see problem_cases.py): each starts from the
valid fixture archive, breaks one thing the way people do, and states the exact problem report
`protokollarkivet check` gives. The few that write bytes no text file can hold are below.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.load import read_archive

from .conftest import FIXTURES, Project
from .problem_cases import ProblemCase, read_cases

VALID = (FIXTURES / "content" / "lsg" / "2021-02-19.md").read_text(encoding="utf-8")
PROTOCOL = "lsg/2021-02-19.md"
SHOWN = f"content/{PROTOCOL}"


@dataclass
class BytesCase:
    """A protocol written as bytes (encodings, binary junk, sizes)."""

    id: str
    data: bytes
    expected: list[str]

    def apply(self, content: Path) -> None:
        (content / PROTOCOL).write_bytes(self.data)


BYTES_CASES = [
    BytesCase("latin-1", VALID.encode("cp1252"), [f"{SHOWN}:5: encoding: found byte 0x96, which is not UTF-8 "
                                                  "(save the file as UTF-8 (it looks like Latin-1 or Windows-1252)) [encoding]"]),
    BytesCase("utf-16", VALID.encode("utf-16"), [f"{SHOWN}:1: encoding: found UTF-16, expected UTF-8 (save the file as UTF-8) [encoding]"]),
    BytesCase("binary-junk", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
              [f"{SHOWN}:1: file: found a NUL byte, expected text (is this a binary file?) [file]"]),
    BytesCase("huge-file", (VALID + "x" * (6_000_001 - len(VALID.encode("utf-8")))).encode("utf-8"),
              [f"{SHOWN}:1: file: the file is 6,000,001 bytes, expected at most 5,000,000 (is this really a protocol?) [file]"]),
]
CASES: list[ProblemCase | BytesCase] = [*read_cases(), *BYTES_CASES]


def test_a_file_linked_from_outside_content_is_refused(project: Project, tmp_path: Path) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text(VALID, encoding="utf-8")
    (project.content / "lsg" / "2021-02-20.md").symlink_to(outside)
    _, problems = read_archive(project.content)
    assert [str(p) for p in problems] == ["content/lsg/2021-02-20.md:1: file: the file is a link to a file outside "
                                          "content/ (copy the file into content/ instead of linking to it) [file]"]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_each_mistake_is_reported_with_file_line_and_fix(project: Project, case: ProblemCase | BytesCase) -> None:
    case.apply(project.content)
    _, problems = read_archive(project.content)
    assert sorted(str(p).replace(str(project.root) + "/", "") for p in problems) == sorted(case.expected)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_the_check_command_exits_non_zero_listing_every_problem(project: Project, case: ProblemCase | BytesCase, capsys,
                                                               monkeypatch) -> None:
    from generator.cli import main

    case.apply(project.content)
    monkeypatch.chdir(project.root)
    code = main(["check"])
    out = capsys.readouterr()
    lines = out.err.strip().splitlines()
    assert code == 1 and "Traceback" not in out.err
    assert sorted(lines[:-1]) == sorted(case.expected)
    assert lines[-1].endswith("found; nothing was built.")


def test_the_valid_fixture_has_no_problems(project: Project) -> None:
    _, problems = read_archive(project.content)
    assert problems == []


def test_a_draft_may_lack_its_decisions(project: Project) -> None:
    text = VALID.replace("status: justerat", "status: utkast").replace(
        "::: beslut\nLänssamverkansgruppen beslutade:", "Länssamverkansgruppen beslutade:\n\n::: beslut\nUtkast.")
    project.write(PROTOCOL, text.replace("::: beslut\nUtkast.\n:::\n", "").replace("::: beslut\nUtkast.", ""))
    _, problems = read_archive(project.content)
    assert [p for p in problems if "decision" in p.message] == []


def test_a_number_the_minutes_print_twice_is_kept_as_printed_and_noted(project: Project, capsys, monkeypatch) -> None:
    """Word's numbering glitches print a number twice: the second item keeps it as printed, gets
    an address of its own (`p5_2`), and `check` notes it without stopping the build."""
    from generator.cli import main

    project.write(PROTOCOL, VALID.replace("## Information om rekrytering", "## 5. Information om rekrytering"))
    archive, problems = read_archive(project.content)
    note = (f"{SHOWN}:59: note: § 5: the item number appears twice (first at line 44); kept as printed, this item's address "
            "is #p5_2 (keep it if the minutes print it so; otherwise give each item its own number, sub-items as 7a, 7b) "
            "[item-number]")
    assert [str(p).replace(str(project.root) + "/", "") for p in problems] == [note]
    items = next(m for m in archive.meetings if m.path.endswith(PROTOCOL)).items
    assert [(i.number, i.anchor) for i in items if i.number == "5"] == [("5", "p5"), ("5", "p5_2")]
    monkeypatch.chdir(project.root)
    assert main(["check"]) == 0 and note in capsys.readouterr().out


def test_every_problem_in_the_archive_is_listed_in_one_run(project: Project) -> None:
    broken = VALID.replace("status: justerat", "status: klar").replace("Ämnen: psykisk-halsa", "Ämnen: okänt")
    project.write(PROTOCOL, broken)
    project.write("lsg/2021-03-19.md", "")
    _, problems = read_archive(project.content)
    assert sorted((p.path, p.line, p.field) for p in problems) == [
        ("content/lsg/2021-02-19.md", 8, "status"),
        ("content/lsg/2021-02-19.md", 48, "Ämnen"),
        ("content/lsg/2021-03-19.md", 1, "file"),
    ]


@pytest.mark.parametrize("variant", ["crlf", "bom", "nfd", "litter"])
def test_what_ordinary_editors_produce_reads_as_the_clean_file(project: Project, variant: str) -> None:
    clean, _ = read_archive(project.content)
    if variant == "crlf":
        project.write(PROTOCOL, VALID.replace("\n", "\r\n").encode("utf-8"))
    elif variant == "bom":
        project.write(PROTOCOL, b"\xef\xbb\xbf" + VALID.encode("utf-8"))
    elif variant == "nfd":
        import unicodedata

        project.write(PROTOCOL, unicodedata.normalize("NFD", VALID))
    else:
        project.write("lsg/.2021-02-19.md.swp", b"\x00\x01binary swap")
        project.write("lsg/2021-02-19.md~", "---\nbroken backup")
    edited, problems = read_archive(project.content)
    assert problems == []
    assert edited == clean


def test_under_github_actions_each_problem_is_also_an_annotation(project: Project, capsys, monkeypatch) -> None:
    from generator.cli import main

    project.write(PROTOCOL, VALID.replace("status: justerat", "status: klar"))
    monkeypatch.chdir(project.root)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert main(["check"]) == 1
    assert capsys.readouterr().out.strip() == (
        "::error file=content/lsg/2021-02-19.md,line=8,title=status::found 'klar', expected one of "
        "'planerad', 'kallad', 'inställd', 'utkast', 'slutlig', 'justerat' or 'anslaget' (did you mean 'kallad'?) [value]")


# -- rules by their codes ----------------------------------------------------------------------


def test_a_rule_can_be_left_out_by_its_code(project: Project, capsys, monkeypatch) -> None:
    from generator.cli import main

    project.write(PROTOCOL, VALID.replace("  chair: Pernilla Henriksson", "  chair: Pernila Henriksson"))
    monkeypatch.chdir(project.root)
    assert main(["check"]) == 1
    assert "[officials]" in capsys.readouterr().err
    assert main(["check", "--disable", "officials"]) == 0


def test_only_rules_across_meetings_can_be_left_out(project: Project, capsys, monkeypatch) -> None:
    from generator.cli import main

    monkeypatch.chdir(project.root)
    assert main(["check", "--disable", "yaml"]) == 2
    assert capsys.readouterr().err.startswith("protokollarkivet check: --disable yaml: no rule has this code (rules: dates, ")


def test_the_build_leaves_out_the_rules_its_configuration_names(project: Project) -> None:
    project.write(PROTOCOL, VALID.replace("  chair: Pernilla Henriksson", "  chair: Pernila Henriksson"))
    assert project.build().code == 1
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - protokollarkivet:\n", "  - protokollarkivet:\n      disable: [officials]\n"), encoding="utf-8")
    run = project.build()
    assert run.code == 0, run.stderr


def test_a_content_page_named_like_a_body_is_an_error(project: Project, capsys, monkeypatch) -> None:
    from generator.cli import main

    project.write("lsg.md", "# Om LSG\n")
    monkeypatch.chdir(project.root)
    assert main(["check"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        "content/lsg.md:1: /lsg/: two pages claim this address: the page content/lsg.md and 'Länssamverkansgruppen' "
        "(give one of them another name) [unique-targets]")


def test_a_redirect_from_a_pages_own_address_is_an_error(project: Project) -> None:
    project.write("redirects.yml", "redirects:\n  - from: lsg/\n    to: socialnamnden/\n")
    run = project.build()
    assert run.code == 1 and not project.site.exists()
    assert ("content/redirects.yml:1: /lsg/: two pages claim this address: 'Länssamverkansgruppen' and a redirect to "
            "/socialnamnden/ (remove the redirect, or give the page another name) [unique-targets]") in run.stderr
