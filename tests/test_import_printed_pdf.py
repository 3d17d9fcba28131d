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


def read(path: Path, content: Path) -> dict[str, object]:
    """What the archive would publish of the one meeting of `path`, as comparable facts."""
    result = import_file(path, load_registries(content), content, content / path.suffix.lstrip("."))
    assert result.error is None, result.error
    [draft] = result.meetings
    meeting: DraftMeeting = draft.meeting
    facts: dict[str, object] = {"body": meeting.body, "date": meeting.date,
                                "items": [(item.number, item.title) for item in meeting.items]}
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
    the tab sets only a little apart (`Ersättare Gunnel Sjö (S)` above `Tove Rask (M)`) stays a label."""
    word, pdf = read(source_of(printed), content), read(printed, content)
    differing = {key: (word.get(key), pdf.get(key)) for key in dict.fromkeys([*word, *pdf]) if word.get(key) != pdf.get(key)}
    assert differing == {}


def test_the_printed_fixtures_are_there():
    """The comparison above runs on every printed fixture, and there are some."""
    assert len(PRINTED) >= 4 and all(source_of(path) for path in PRINTED)
