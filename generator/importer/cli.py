"""`protokollarkivet import FILE... [--body KEY] [--out DIR] [--dry-run] [--force]`.

Each file (or every .txt/.md/.pdf/.docx file in a directory given) becomes one or more draft
protocols, `<out>/<body>/<date>.md` with status `utkast`, each with a report beside it,
`<date>.import.txt`. Existing files are never overwritten without `--force`. A file that
cannot be read is reported and the others go on. Progress is shown on a terminal; the run ends
with a summary table. The exit status is 1 when a file could not be imported.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .extract import FORMATS


def add_import_command(commands) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "import", help="turn minutes (.txt, .md, .pdf, .docx) into draft protocols with a report",
        description="Turn minutes (.txt, .md, .pdf, .docx; scanned PDFs through OCR) into draft protocols "
                    "(status utkast) with a report of what was guessed and what could not be placed.",
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE",
                        help="minutes to import; a directory imports every file in it with a known format")
    parser.add_argument("--body", metavar="KEY", help="the body (a key of bodies.yml) all the minutes are from")
    parser.add_argument("--content", type=Path, default=Path("content"),
                        help="the content directory with bodies.yml and topics.yml (default: content)")
    parser.add_argument("--out", type=Path, default=None, help="where to write the drafts (default: the content directory)")
    parser.add_argument("--dry-run", action="store_true", help="write nothing; print the reports")
    parser.add_argument("--force", action="store_true", help="overwrite drafts and reports that exist")
    return parser


def expand(paths: list[Path]) -> list[Path]:
    """The files to import: files as given, directories by their files of a known format."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in FORMATS
                              and not p.name.startswith(".") and not p.name.endswith(".import.txt")))
        else:
            out.append(path)
    return out


def run_import(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
    from rich.table import Table

    from .pipeline import import_file
    from .registry import load_registries

    out = args.out or args.content
    registries = load_registries(args.content)
    if args.body and registries.body(args.body) is None:
        known = ", ".join(b.key for b in registries.bodies) or "none"
        print(f"protokollarkivet import: --body {args.body}: no such body in {args.content}/bodies.yml (known: {known})",
              file=sys.stderr)
        return 2
    files = expand(args.files)
    if not files:
        print("protokollarkivet import: no files to import", file=sys.stderr)
        return 2
    errors = Console(stderr=True)
    # On a terminal the table fits the window; in a log or a pipe every row stays on one line.
    stdout = Console() if sys.stdout.isatty() else Console(width=10_000, no_color=True)
    results = []
    taken: set[Path] = set()
    progress = Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TimeRemainingColumn(), console=errors, transient=True, disable=not errors.is_terminal)
    with progress:
        task = progress.add_task("importing", total=len(files))
        for path in files:
            progress.update(task, description=f"importing {path.name}")
            result = import_file(path, registries, args.content, out, body=args.body, force=args.force,
                                 dry_run=args.dry_run, taken=taken)
            results.append(result)
            if result.error:
                progress.console.print(f"{path}: cannot import: {result.error}", style="red", markup=False, highlight=False,
                                       soft_wrap=True)
            progress.advance(task)

    if args.dry_run:
        for result in results:
            for meeting in result.meetings:
                stdout.print(meeting.report, markup=False, highlight=False)
                stdout.print(f"--- draft {meeting.draft} ---", markup=False, highlight=False)
                stdout.print(meeting.text, markup=False, highlight=False)

    table = Table(title="Import summary" + (" (dry run: nothing written)" if args.dry_run else ""), title_justify="left")
    for column, justify in (("file", "left"), ("draft", "left"), ("items", "right"), ("fields guessed", "right"),
                            ("lines not placed", "right"), ("check", "left")):
        table.add_column(column, justify=justify, overflow="fold", no_wrap=not stdout.is_terminal)
    written = failed = 0
    for result in results:
        if result.error:
            failed += 1
            table.add_row(str(result.path), "-", "-", "-", "-", f"error: {result.error}")
            continue
        for meeting in result.meetings:
            draft = str(meeting.draft) if meeting.outcome.written else f"{meeting.draft} ({meeting.outcome.reason})"
            written += meeting.outcome.written
            if meeting.outcome.problems:
                check = f"{len(meeting.outcome.problems)} problem(s), see report"
            elif meeting.meeting.body_proposal:
                check = "ok once bodies.yml has the proposed body (see report)"
            else:
                check = "ok"
            table.add_row(str(result.path), draft, str(len(meeting.meeting.items)), str(len(meeting.meeting.guesses)),
                          str(len(meeting.meeting.unplaced)), check)
    stdout.print(table)
    meetings = sum(len(r.meetings) for r in results)
    stdout.print(f"{len(files)} file(s), {meetings} meeting(s), {written} draft(s) written, {failed} file(s) not imported.",
                 highlight=False)
    if written:
        stdout.print("Check each draft against its report (<date>.import.txt) and the source; delete the report "
                     "before publishing.", highlight=False)
    return 1 if failed else 0
