"""Minutes written in Word or LibreOffice and published as the PDF the program prints read as the
file they were printed from.

Most municipal minutes reach the public as such a PDF. Each fixture in
tests/fixtures/import/printed/ is LibreOffice's print (`soffice --convert-to pdf`) of the Word or
OpenDocument fixture of the same name in tests/fixtures/import/. The test imports both and compares
what a reader of the archive sees: the body and date, the items, who attended in what role, who
presented each item and what was decided.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.importer.model import DraftMeeting
from generator.importer.pipeline import import_file
from generator.importer.registry import load_registries

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "import"
PRINTED = sorted((FIXTURES / "printed").glob("*.pdf"))
KNOWN_DIFFERENCES = {
    # LibreOffice prints the Word file's signature table with its label column one letter wide
    # ("Underskrifte" / "r"), so the secretary's name below it is read as a member present.
    "mbn-2024-06-12-overklagande": {"present"},
    # A table's header cells wrapped to a second line ("Ungdom under 20" / "år") are not yet read
    # as one row, so the fee table below it stays out of the decision.
    "kfn-2024-02-20-bidragstabell": {"§ 16 decisions"},
}
"""What a printed fixture is known to read otherwise, and why."""


def read(path: Path, content: Path) -> dict[str, object]:
    """What the archive would publish of the one meeting of `path`, as comparable facts."""
    result = import_file(path, load_registries(content), content, content / path.suffix.lstrip("."))
    assert result.error is None, result.error
    [draft] = result.meetings
    meeting: DraftMeeting = draft.meeting
    facts: dict[str, object] = {"body": meeting.body, "date": meeting.date,
                                "items": [(item.number, item.title) for item in meeting.items], "item range": meeting.item_range}
    for kind, people in meeting.attendee_lists.items():
        facts[kind] = sorted((a.name, a.role, a.party) for a in people)
    for item in meeting.items:
        facts[f"§ {item.number} presenters"] = sorted(p.name for p in item.presenters)
        facts[f"§ {item.number} decisions"] = [" ".join(part.text.split()) for part in item.parts
                                              if part.kind == "block" and part.block == "beslut"]
    return facts


def source_of(printed: Path) -> Path:
    [source] = [path for path in FIXTURES.glob(f"{printed.stem}.*") if path.suffix in (".docx", ".odt", ".rtf")]
    return source


@pytest.mark.parametrize("printed", PRINTED, ids=[path.stem for path in PRINTED])
def test_a_pdf_printed_from_a_word_file_reads_as_the_word_file(printed: Path, content: Path):
    """Paragraphs that the program sets apart by a few points (`spacing after`, less than half a
    line) stay paragraphs: two decisions stay two, a presenter's sentence stays apart from the
    text above it. A list's bullets, printed from a symbol font, stay a list. A label whose value
    the tab sets only a little apart (`Ersättare Gunnel Sjö (S)` above `Tove Rask (M)`) stays a label.
    A title wrapped to a second line stays whole, in capitals with its diarienummer beside its end
    too, and `fl` set as a ligature is read once ("flerbostadshus"). The letterhead's `Sida 1(7)`
    names no body, and `Miljö- och byggnadsnämnden` does rather than the municipality above it."""
    word, pdf = read(source_of(printed), content), read(printed, content)
    differing = {key: (word.get(key), pdf.get(key)) for key in dict.fromkeys([*word, *pdf]) if word.get(key) != pdf.get(key)}
    assert set(differing) == KNOWN_DIFFERENCES.get(printed.stem, set()), differing


def test_the_printed_fixtures_are_there():
    """The comparison above runs on every printed fixture, and there are some."""
    assert len(PRINTED) >= 4 and all(source_of(path) for path in PRINTED)
