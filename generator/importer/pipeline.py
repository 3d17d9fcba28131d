"""One input file, end to end: extract, recognise, render, check (`read_file`, pure work that
runs on any core), then file and write (`write_result`, in the one process that owns the output
folder). `import_file` does both."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..messages import _
from .extract import ExtractError, extract
from .model import DraftMeeting
from .recognise import Options, recognise
from .registry import Registries
from .withhold import withhold_personal_data
from .write import Outcome, check_draft, check_final, render, report, report_path, target_path, write_file


@dataclass(slots=True)
class MeetingResult:
    meeting: DraftMeeting
    draft: Path
    text: str
    outcome: Outcome
    report: str

    @property
    def report_path(self) -> Path:
        return report_path(self.draft)


@dataclass(slots=True)
class FileResult:
    path: Path
    format: str | None = None
    error: str | None = None
    meetings: list[MeetingResult] = field(default_factory=list)


def import_file(path: Path, registries: Registries, registries_dir: Path, out: Path, *, body: str | None = None,
                force: bool = False, dry_run: bool = False, taken: set[Path] | None = None) -> FileResult:
    """Import one file. Never raises for a bad input: the error is in the result, so a back
    catalogue of hundreds of files goes on past the one that is broken in a way nobody foresaw."""
    result = read_file(path, registries, registries_dir, out, body=body)
    return write_result(result, out, force=force, dry_run=dry_run, taken=set() if taken is None else taken)


def read_file(path: Path, registries: Registries, registries_dir: Path, out: Path, *, body: str | None = None) -> FileResult:
    """Extract, recognise, render and check one file; nothing is written. Never raises."""
    try:
        return _read_file(path, registries, registries_dir, out, body)
    except Exception as error:  # noqa: BLE001 - reported per file
        return FileResult(path, error=_("the importer failed on this file ({error}); please report it with the file").format(
            error=f"{type(error).__name__}: {error}"))


def _read_file(path: Path, registries: Registries, registries_dir: Path, out: Path, body: str | None) -> FileResult:
    result = FileResult(path)
    try:
        extracted = extract(path)
    except ExtractError as error:
        result.error = str(error)
        return result
    except OSError as error:
        result.error = f"cannot read the file ({error.strerror or error})"
        return result
    result.format = extracted.format
    if not any(not line.blank for line in extracted.lines):
        result.error = "the file holds no text"
        return result
    withheld = withhold_personal_data(extracted.lines)
    meetings = [m for m in recognise(extracted, Options(registries, body), str(path)) if _is_minutes(m)]
    if not meetings:
        result.error = "found no minutes in the file: no items, no attendance list, no meeting facts"
        return result
    local: set[Path] = set()
    for meeting in meetings:
        meeting.notes.extend(registries.notes)
        meeting.notes.extend(withheld)
        meeting.source_format = extracted.format
        draft = target_path(meeting, out, local)
        local.add(draft)
        text = render(meeting)
        outcome = Outcome(draft, written=False)
        outcome.problems = check_draft(text, meeting, draft, registries_dir)
        if not outcome.problems:
            outcome.final_problems = check_final(text, meeting, draft, registries_dir)
        result.meetings.append(MeetingResult(meeting, draft, text, outcome, ""))
    return result


def write_result(result: FileResult, out: Path, *, force: bool = False, dry_run: bool = False,
                 taken: set[Path] | None = None) -> FileResult:
    """File each meeting of a read file (a second meeting of a body on one day gets `-2`) and write
    its draft and report, unless they exist (without `force`) or this is a dry run."""
    taken = set() if taken is None else taken
    for entry in result.meetings:
        meeting, outcome = entry.meeting, entry.outcome
        draft = target_path(meeting, out, taken)
        if draft != entry.draft and draft.stem.rsplit("-", 1)[-1].isdigit() and len(draft.stem) > 10:
            meeting.notes.append(f"another meeting of {meeting.body} on {meeting.date} was imported in this run: this one is "
                                 f"filed as a second meeting that day ({draft.name}); delete one if they are the same meeting")
        taken.add(draft)
        entry.draft = outcome.draft = draft
        if dry_run:
            outcome.reason = "--dry-run"
        elif (draft.exists() or report_path(draft).exists()) and not force:
            outcome.reason = f"{draft if draft.exists() else report_path(draft)} exists; use --force to overwrite it"
        else:
            outcome.written = True
        entry.report = report(meeting, outcome, result.format or "")
        if outcome.written:
            write_file(draft, entry.text)
            write_file(report_path(draft), entry.report)
    return result


def _is_minutes(meeting: DraftMeeting) -> bool:
    """Something to draft: items, or at least an attendance list with a date."""
    return bool(meeting.items) or (meeting.date is not None and any(meeting.attendee_lists.values()))
