"""A secretary's mistakes come back as `file:line: field: message (hint)`, all of them at once.

Each case starts from the valid fixture protocol `lsg/2021-02-19.md`, breaks one thing the way
people do, and states the exact problem report `protokollarkivet check` gives.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from generator.load import read_archive

from .conftest import FIXTURES, Project

VALID = (FIXTURES / "content" / "lsg" / "2021-02-19.md").read_text(encoding="utf-8")
PROTOCOL = "lsg/2021-02-19.md"
# A registry mistake that takes a body away also orphans its protocols.
ORPHAN = ("content/socialnamnden/2024-03-12.md:1: body: the folder 'socialnamnden' is no body in content/bodies.yml "
          "(add the body to content/bodies.yml)")
SHOWN = f"content/{PROTOCOL}"


@dataclass
class Case:
    id: str
    expected: list[str]
    replace: tuple[str, str] | None = None
    """Replace this text of the valid protocol with that."""
    files: dict[str, str | bytes] = field(default_factory=dict)
    """Files to write instead (path in content/ -> text)."""
    remove_valid: bool = False


CASES = [
    Case("yaml-syntax", [f"{SHOWN}:5: yaml: mapping values are not allowed here (quote a value that contains ': ')"],
         replace=('time: "8.30–12.00"', "time: kl: 8.30: 12.00")),
    Case("yaml-tab", [f"{SHOWN}:10: yaml: found character '\\t' that cannot start any token "
                      "(YAML does not allow tabs for indentation; indent with spaces)"],
         replace=("  - name: Pernilla Henriksson", "\t- name: Pernilla Henriksson")),
    Case("unknown-key", [f"{SHOWN}:8: staus: unknown key (did you mean 'status'?)",
                         f"{SHOWN}:2: status: missing, expected a value (add 'status:')"],
         replace=("status: justerat", "staus: justerat")),
    Case("unknown-attendee-key", [f"{SHOWN}:11: present[0].organization: unknown key (did you mean 'organisation'?)"],
         replace=("    organisation: Umeå kommun", "    organization: Umeå kommun")),
    Case("wrong-status", [f"{SHOWN}:8: status: found 'klar', expected one of 'utkast', 'slutlig', 'justerat' or 'anslaget'"],
         replace=("status: justerat", "status: klar")),
    Case("status-typo", [f"{SHOWN}:8: status: found 'justerad', expected one of 'utkast', 'slutlig', 'justerat' or "
                         "'anslaget' (did you mean 'justerat'?)"],
         replace=("status: justerat", "status: justerad")),
    Case("date-not-a-date", [f"{SHOWN}:4: date: found '19 februari 2021', expected a date as YYYY-MM-DD"],
         replace=("date: 2021-02-19", "date: 19 februari 2021")),
    # Values YAML would turn into Python objects before validation sees them: each is one line, never a traceback.
    Case("date-that-does-not-exist", [f"{SHOWN}:4: date: found '2021-02-30', expected a date that exists"],
         replace=("date: 2021-02-19", "date: 2021-02-30")),
    Case("month-that-does-not-exist", [f"{SHOWN}:4: date: found '2021-13-19', expected a date that exists"],
         replace=("date: 2021-02-19", "date: 2021-13-19")),
    Case("next-meeting-date-that-does-not-exist", [f"{SHOWN}:33: next_meetings[0].date: found '2021-04-31', "
                                                   "expected a date that exists"],
         replace=("  - date: 2021-05-05", "  - date: 2021-04-31")),
    Case("adjusted-on-that-does-not-exist", [f"{SHOWN}:9: adjusted_on: found '2021-02-29', expected a date that exists"],
         replace=("status: justerat", "status: justerat\nadjusted_on: 2021-02-29")),
    Case("signed-at-that-does-not-exist", [f"{SHOWN}:30: signatures[0].signed_at: found '2021-02-30T15:47:23+01:00', "
                                           "expected a date that exists"],
         replace=("signed_at: 2021-03-04T15:47:23+01:00", "signed_at: 2021-02-30T15:47:23+01:00")),
    Case("date-as-a-number", [f"{SHOWN}:9: adjusted_on: found 20210304, expected a date as YYYY-MM-DD"],
         replace=("status: justerat", "status: justerat\nadjusted_on: 20210304")),
    Case("number-too-long-for-python", [f"{SHOWN}:21: absent[0].days[0]: found '{'9' * 56}..., expected a date as YYYY-MM-DD"],
         replace=("    organisation: Skellefteå kommun", f"    organisation: Skellefteå kommun\n    days: [{'9' * 5000}]")),
    Case("not-a-number", [f"{SHOWN}:6: place: found nan, expected text (put the value in quotes: YAML read it as a number or yes/no)"],
         replace=("place: Teams", "place: .nan")),
    Case("nested-thousands-deep", [f"{SHOWN}:6: yaml: found lists or mappings nested more than 12 deep "
                                   "(check the brackets and the indentation)"],
         replace=("place: Teams", "place: " + "[" * 5000 + "]" * 5000)),
    Case("yaml-alias", [f"{SHOWN}:6: yaml: found an anchor or alias ('&' or '*'), which a content file does not use "
                        "(write the value out in full)"],
         replace=("place: Teams", "place: &plats Teams\noffice: *plats")),
    Case("yaml-binary", [f"{SHOWN}:6: yaml: found the tag !!binary, which a content file does not use (write the value as plain text)"],
         replace=("place: Teams", "place: !!binary VGVhbXM=")),
    Case("yaml-merge-key", [f"{SHOWN}:6: yaml: found a merge key '<<', which a content file does not use "
                            "(write the keys out in full)"],
         replace=("place: Teams", "<<: {place: Teams}")),
    Case("number-where-text", [f"{SHOWN}:32: signatures[0].reference: found 1043338, expected text "
                               "(put the value in quotes: YAML read it as a number or yes/no)"],
         replace=("    method: Svensk e-legitimation", "    method: Svensk e-legitimation\n    reference: 1043338")),
    Case("duplicate-key", [f"{SHOWN}:7: place: the key appears twice (remove one of them; YAML would silently keep the last)"],
         replace=("place: Teams", "place: Teams\nplace: Umeå")),
    Case("date-mismatch", [f"{SHOWN}:4: date: found '2021-02-18', expected 2021-02-19, the date in the file name "
                           "(rename the file or correct the date)"],
         replace=("date: 2021-02-19", "date: 2021-02-18")),
    Case("body-mismatch", [f"{SHOWN}:2: body: found 'socialnamnden', expected 'lsg', the folder the file is in "
                           "(move the file or correct the key)"],
         replace=("body: lsg", "body: socialnamnden")),
    Case("unknown-body-folder", ["content/lgs/2021-02-19.md:1: body: the folder 'lgs' is no body in content/bodies.yml "
                                 "(did you mean 'lsg'?)"],
         files={"lgs/2021-02-19.md": VALID.replace("body: lsg", "body: lgs")}, remove_valid=True),
    Case("unknown-topic", [f"{SHOWN}:48: Ämnen: unknown topic 'psykisk-hälsa-x' (did you mean 'psykisk-halsa'?)"],
         replace=("Ämnen: psykisk-halsa", "Ämnen: psykisk-hälsa-x")),
    Case("duplicate-item-number", [f"{SHOWN}:59: § 5: the item number appears twice (first at line 44) "
                                   "(give each item its own number; sub-items are 7a, 7b)"],
         replace=("## Information om rekrytering", "## 5. Information om rekrytering")),
    Case("present-and-absent", [f"{SHOWN}:19: absent: Pernilla Henriksson is listed both as present (line 10) and as "
                                "absent on 2021-02-19 (remove one of them, or give 'days:' for a multi-day meeting)"],
         replace=("  - name: Jan Midlert", "  - name: Pernilla Henriksson")),
    Case("decision-missing", [f"{SHOWN}:44: § 5: found no decision in a beslutsärende ('Beslutsärende') "
                              "(add a '::: beslut' block, or keep the status 'utkast' until it is written)"],
         replace=("::: beslut\nLänssamverkansgruppen beslutade:\n\n- Att påbörjade insatser som beviljats under 2020 får fortsätta "
                  "enligt plan.\n:::", "Länssamverkansgruppen beslutade att återkomma.")),
    Case("malformed-diarienummer", [f"{SHOWN}:7: diarienummer: found 'HSN422-21', expected a diarienummer such as "
                                    "'HSN 200:3-2023'"],
         replace=("diarienummer: HSN 422:1-2021", "diarienummer: HSN422-21")),
    Case("diarienummer-not-normalised", [f"{SHOWN}:7: diarienummer: found 'HSN: 422:1-2021', expected the normalised form "
                                         "'HSN 422:1-2021' (keep the printed form in 'diarienummer_printed')"],
         replace=("diarienummer: HSN 422:1-2021", 'diarienummer: "HSN: 422:1-2021"')),
    Case("item-diarienummer", [f"{SHOWN}:49: Dnr: found 'dnr saknas', expected a diarienummer such as 'HSN 200:3-2023'"],
         replace=("Dnr: HSN: 422:1-2021", "Dnr: dnr saknas")),
    Case("misspelt-field-label", [f"{SHOWN}:61: Föredragnde: unknown field label (did you mean 'Föredragande:'?)"],
         replace=("Föredragande: Anna Bergström", "Föredragnde: Anna Bergström")),
    Case("text-glued-to-fields", [f"{SHOWN}:50: field line: found 'Länssamverkansgruppen fick information o' among field lines, "
                                  "expected one of beslutet expedieras till, beslutet skickas till, beslutsunderlag, bilaga, dnr, "
                                  "expedieras till, föredragande, sekretess, typ, ämne, ämnen, återrapport "
                                  "(leave a blank line between the field lines and the text)"],
         replace=("Dnr: HSN: 422:1-2021\n\n", "Dnr: HSN: 422:1-2021\n")),
    Case("unknown-block", [f"{SHOWN}:40: ::: besult: unknown block kind (did you mean 'beslut'?)"],
         replace=("::: beslut\nDagordningen", "::: besult\nDagordningen")),
    # An unclosed block is told once, at the line that opened it; what follows still parses as meant
    # (item 5, which the attendee list refers to, is not swallowed by it).
    Case("unclosed-block", [f"{SHOWN}:40: ::: beslut: the block is not closed before the heading at line 43 "
                            "(end the block with a line ':::')"],
         replace=("Dagordningen godkändes.\n:::\n", "Dagordningen godkändes.\n")),
    Case("unclosed-block-before-the-next", ["content/socialnamnden/2024-03-12.md:73: ::: beslut: the block is not closed "
                                            "before the next block at line 76 (end the block with a line ':::')"],
         files={"socialnamnden/2024-03-12.md": (FIXTURES / "content/socialnamnden/2024-03-12.md").read_text(encoding="utf-8")
                .replace("enligt bilaga.\n:::\n", "enligt bilaga.\n")}),
    Case("unclosed-block-at-the-end", ["content/socialnamnden/2024-03-12.md:103: ::: reservation: the block is not closed "
                                       "before the end of the file (end the block with a line ':::')"],
         files={"socialnamnden/2024-03-12.md": (FIXTURES / "content/socialnamnden/2024-03-12.md").read_text(encoding="utf-8")
                .rstrip().removesuffix(":::")}),
    Case("unknown-item-type", [f"{SHOWN}:46: Typ: found 'Övrigt', expected a known item type such as 'Beslutsärende', "
                               "'Informationsärende' or 'Diskussionsärende' (declare the body's own types under 'item_types' "
                               "in content/bodies.yml)"],
         replace=("Typ: Beslutsärende", "Typ: Övrigt")),
    Case("misspelt-item-type", [f"{SHOWN}:46: Typ: found 'Informationärende', expected a known item type such as "
                                "'Beslutsärende', 'Informationsärende' or 'Diskussionsärende' (did you mean 'Informationsärende'?)"],
         replace=("Typ: Beslutsärende", "Typ: Informationärende")),
    Case("misspelt-chair", [f"{SHOWN}:24: officials.chair: Pernila Henriksson is not among the meeting's attendees "
                            "(did you mean 'Pernilla Henriksson'?)"],
         replace=("  chair: Pernilla Henriksson", "  chair: Pernila Henriksson")),
    Case("secretary-not-an-attendee", [f"{SHOWN}:25: officials.secretary: Olof Berg is not among the meeting's attendees "
                                       "(add the person to 'present' or 'staff' (or correct the name))"],
         replace=("  secretary: Katarina Lindahl", "  secretary: Olof Berg")),
    Case("adjuster-not-an-attendee", [f"{SHOWN}:26: officials.adjusters: Jenny Liling Ståhl is not among the meeting's "
                                      "attendees (did you mean 'Jennie Liling Ståhl'?)"],
         replace=("  adjusters: [Jennie Liling Ståhl]", "  adjusters: [Jenny Liling Ståhl]")),
    Case("until-unknown-item", [f"{SHOWN}:13: Jennie Liling Ståhl: refers to item '50', which the meeting does not have "
                                "(did you mean '5'?)"],
         replace=('until_item: "5"', 'until_item: "50"')),
    Case("attendee-day-outside", [f"{SHOWN}:19: Jan Midlert: days: found 2021-02-20, expected one of the meeting's days "
                                  "(2021-02-19)"],
         replace=("    organisation: Skellefteå kommun", "    organisation: Skellefteå kommun\n    days: [2021-02-20]")),
    Case("missing-attachment", [f"{SHOWN}:50: attachment: the file content/lsg/2021-02-19/bilaga-5.pdf does not exist "
                                "(put the file in content/lsg/2021-02-19/ or correct the name)"],
         replace=("Dnr: HSN: 422:1-2021", "Dnr: HSN: 422:1-2021\nBilaga: [Bilaga 5](bilaga-5.pdf)")),
    Case("no-front-matter", [f"{SHOWN}:1: front matter: found no front matter, expected a first line '---' "
                             "(start the file with the YAML front matter between two '---' lines)"],
         files={PROTOCOL: "## 1. Godkännande av dagordning\n"}),
    Case("empty-file", [f"{SHOWN}:1: file: the file is empty (write the front matter and items, or delete the file)"],
         files={PROTOCOL: "\n  \n"}),
    Case("latin-1", [f"{SHOWN}:5: encoding: found byte 0x96, which is not UTF-8 "
                     "(save the file as UTF-8 (it looks like Latin-1 or Windows-1252))"],
         files={PROTOCOL: VALID.encode("cp1252")}),
    Case("utf-16", [f"{SHOWN}:1: encoding: found UTF-16, expected UTF-8 (save the file as UTF-8)"],
         files={PROTOCOL: VALID.encode("utf-16")}),
    Case("home-page-taken", ["content/index.md:1: file: content/index.md is reserved for the generated home page "
                             "(give the page another name, e.g. content/om.md)"],
         files={"index.md": "# Välkommen\n"}),
    Case("binary-junk", [f"{SHOWN}:1: file: found a NUL byte, expected text (is this a binary file?)"],
         files={PROTOCOL: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))}),
    Case("huge-file", [f"{SHOWN}:1: file: the file is 6,000,001 bytes, expected at most 5,000,000 (is this really a protocol?)"],
         files={PROTOCOL: VALID + "x" * (6_000_001 - len(VALID.encode("utf-8")))}),
    Case("bad-file-name", ["content/lsg/protokoll-feb.md:1: file name: found 'protokoll-feb.md', expected YYYY-MM-DD.md "
                           "(or YYYY-MM-DD-2.md for a second meeting that day)"],
         files={"lsg/protokoll-feb.md": VALID}),
    Case("vote-by-non-attendee", ["content/socialnamnden/2024-03-12.md:103: ::: reservation: Kalle Kula (M) is not among "
                                  "the meeting's attendees (add the person to 'present' (or correct the name))"],
         files={"socialnamnden/2024-03-12.md": (FIXTURES / "content/socialnamnden/2024-03-12.md").read_text(encoding="utf-8")
                .replace("Av: Cecilia Ceder (M)\n:::", "Av: Kalle Kula (M)\n:::")}),
    Case("duplicate-body-key", ["content/bodies.yml:6: [1].key: the key 'lsg' appears twice (first at line 1) (keys must be unique)", ORPHAN],
         files={"bodies.yml": (FIXTURES / "content/bodies.yml").read_text(encoding="utf-8").replace("key: socialnamnden", "key: lsg")}),
    Case("reserved-body-key", ["content/bodies.yml:6: [1].key: 'amne' is reserved for the site's own pages (choose another key)", ORPHAN],
         files={"bodies.yml": (FIXTURES / "content/bodies.yml").read_text(encoding="utf-8").replace("key: socialnamnden", "key: amne"),
                "amne/.keep": ""}),
    Case("body-key-not-ascii", ["content/bodies.yml:6: [1].key: found 'socialnämnden', expected lower-case ASCII letters and "
                                "digits joined by '-' (e.g. 'lsg' or 'chefsgrupp-svo')", ORPHAN],
         files={"bodies.yml": (FIXTURES / "content/bodies.yml").read_text(encoding="utf-8").replace("key: socialnamnden", "key: socialnämnden")}),
]


def test_a_file_linked_from_outside_content_is_refused(project: Project, tmp_path: Path) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text(VALID, encoding="utf-8")
    (project.content / "lsg" / "2021-02-20.md").symlink_to(outside)
    _, problems = read_archive(project.content)
    assert [str(p) for p in problems] == ["content/lsg/2021-02-20.md:1: file: the file is a link to a file outside "
                                          "content/ (copy the file into content/ instead of linking to it)"]


def apply(project: Project, case: Case) -> None:
    if case.remove_valid:
        (project.content / PROTOCOL).unlink()
    if case.replace:
        old, new = case.replace
        assert old in VALID, f"the case {case.id} does not apply to the fixture"
        project.write(PROTOCOL, VALID.replace(old, new))
    for relative, text in case.files.items():
        project.write(relative, text)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_each_mistake_is_reported_with_file_line_and_fix(project: Project, case: Case) -> None:
    apply(project, case)
    _, problems = read_archive(project.content)
    assert sorted(str(p).replace(str(project.root) + "/", "") for p in problems) == sorted(case.expected)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_the_check_command_exits_non_zero_listing_every_problem(project: Project, case: Case, capsys, monkeypatch) -> None:
    from generator.cli import main

    apply(project, case)
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
        "'utkast', 'slutlig', 'justerat' or 'anslaget'")
