"""`protokollarkivet import FILE|DIR... [--body KEY] [--out DIR] [--dry-run] [--force]`.

Each file (or every file of a known format in a directory given, and below) becomes one or more
draft protocols, `<out>/<body>/<date>.md` with status `utkast`, each with a report beside it,
`<date>.import.txt`. Files are read on every core; drafts are filed and written here, in the
order of the files. A run is resumable: `<out>/.import-state.json` remembers each file imported
(by its content's hash) and its drafts, and a file already imported whose drafts are still there
is skipped; `--force` imports it again and overwrites. Existing files are never overwritten
without `--force`. A file that cannot be read is reported and the others go on. Progress is shown
on a terminal; the run ends with a summary table. The exit status is 1 when a file could not be
imported.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from ..messages import _
from .extract import FORMATS


def add_import_command(commands) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "import", help=_("turn minutes (PDF, Word, OpenDocument, RTF, HTML, LaTeX, Typst, Org, Markdown, text) into draft protocols"),
        description=_("Turn minutes (PDF, scanned PDF through OCR, Word, OpenDocument, RTF, HTML, LaTeX, Typst, Org, Markdown, "
                      "text) into draft protocols (status utkast) with a report of what was guessed and what could not be placed. "
                      "A directory imports every such file in it, on every core; files imported before are skipped."),
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE",
                        help=_("minutes to import; a directory imports every file in it with a known format"))
    parser.add_argument("--body", metavar="KEY", help=_("the body (a key of bodies.yml) all the minutes are from"))
    parser.add_argument("--content", type=Path, default=Path("content"),
                        help=_("the content directory with bodies.yml and topics.yml (default: content)"))
    parser.add_argument("--out", type=Path, default=None, help=_("where to write the drafts (default: the content directory)"))
    parser.add_argument("--dry-run", action="store_true", help=_("write nothing; print the reports"))
    parser.add_argument("--force", action="store_true",
                        help=_("import files imported before again, and overwrite drafts and reports that exist"))
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


STATE_FILE = ".import-state.json"
"""In the output folder: the files imported, by content hash, and their drafts (a dot file: not
published, not read as content)."""


def run_import(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
    from rich.table import Table

    from ..parallel import map_in_workers
    from .pipeline import FileResult, read_file, write_result
    from .registry import load_registries

    out = args.out or args.content
    registries = load_registries(args.content)
    if args.body and registries.body(args.body) is None:
        known = ", ".join(b.key for b in registries.bodies) or _("none")
        print(_("protokollarkivet import: --body {body}: no such body in {content}/bodies.yml (known: {known})").format(
            body=args.body, content=args.content, known=known), file=sys.stderr)
        return 2
    files = expand(args.files)
    if not files:
        print(_("protokollarkivet import: no files to import"), file=sys.stderr)
        return 2
    state = _State(out / STATE_FILE)
    todo = [path for path in files if args.force or args.dry_run or not state.done(path)]
    skipped = [path for path in files if path not in set(todo)]
    errors = Console(stderr=True)
    # On a terminal the table fits the window; in a log or a pipe every row stays on one line.
    stdout = Console() if sys.stdout.isatty() else Console(width=10_000, no_color=True)
    results: list[FileResult] = []
    taken: set[Path] = set()
    progress = Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TimeRemainingColumn(), console=errors, transient=True, disable=not errors.is_terminal)

    def read(path: Path) -> FileResult:
        return read_file(path, registries, args.content, out, body=args.body)

    with progress:
        task = progress.add_task(_("importing"), total=len(todo))
        for result in map_in_workers(read, todo, at_least=2):
            write_result(result, out, force=args.force, dry_run=args.dry_run, taken=taken)
            results.append(result)
            if not args.dry_run:
                state.record(result)
            if result.error:
                progress.console.print(_("{path}: cannot import: {error}").format(path=result.path, error=result.error),
                                       style="red", markup=False, highlight=False, soft_wrap=True)
            progress.update(task, description=_("imported {name}").format(name=result.path.name))
            progress.advance(task)
    if not args.dry_run:
        state.save()

    if args.dry_run:
        for result in results:
            for meeting in result.meetings:
                stdout.print(meeting.report, markup=False, highlight=False)
                stdout.print(_("--- draft {path} ---").format(path=meeting.draft), markup=False, highlight=False)
                stdout.print(meeting.text, markup=False, highlight=False)

    table = Table(title=_("Import summary") + (_(" (dry run: nothing written)") if args.dry_run else ""), title_justify="left")
    for column, justify in ((_("file"), "left"), (_("draft"), "left"), (_("items"), "right"), (_("decisions"), "right"),
                            (_("fields guessed"), "right"), (_("lines not placed"), "right"), (_("check"), "left")):
        table.add_column(column, justify=justify, overflow="fold", no_wrap=not stdout.is_terminal)
    written = failed = 0
    for path in skipped:
        table.add_row(str(path), ", ".join(state.drafts(path)) or "-", "-", "-", "-", "-",
                      _("skipped: imported before (use --force to import again)"))
    for result in results:
        if result.error:
            failed += 1
            table.add_row(str(result.path), "-", "-", "-", "-", "-", _("error: {error}").format(error=result.error))
            continue
        for meeting in result.meetings:
            draft = str(meeting.draft) if meeting.outcome.written else f"{meeting.draft} ({meeting.outcome.reason})"
            written += meeting.outcome.written
            if meeting.outcome.problems:
                check = _("{count} problem(s), see report").format(count=len(meeting.outcome.problems))
            elif meeting.meeting.body_proposal:
                check = _("ok once bodies.yml has the proposed body (see report)")
            elif meeting.outcome.final_problems:
                check = _("ok as utkast; {count} thing(s) before slutlig (see report)").format(count=len(meeting.outcome.final_problems))
            else:
                check = "ok"
            decisions = sum(len(i.decisions) for i in meeting.meeting.items)
            table.add_row(str(result.path), draft, str(len(meeting.meeting.items)), str(decisions),
                          str(len(meeting.meeting.guesses)), str(len(meeting.meeting.unplaced)), check)
    stdout.print(table)
    meetings = sum(len(r.meetings) for r in results)
    stdout.print(_("{files} file(s), {skipped} skipped as imported before, {meetings} meeting(s), {written} draft(s) "
                   "written, {failed} file(s) not imported.").format(files=len(files), skipped=len(skipped), meetings=meetings,
                                                                     written=written, failed=failed), highlight=False)
    if written:
        stdout.print(_("Check each draft against its report (<date>.import.txt) and the source; delete the report "
                       "before publishing."), highlight=False)
    return 1 if failed else 0


class _State:
    """Which files were imported (by their content's hash) and the drafts each gave."""

    def __init__(self, path: Path):
        self.path = path
        try:
            self.entries: dict[str, dict] = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
        except (OSError, ValueError):
            self.entries = {}

    @staticmethod
    def _key(path: Path) -> str:
        return str(path.resolve())

    @staticmethod
    def _hash(path: Path) -> str | None:
        try:
            return hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return None

    def done(self, path: Path) -> bool:
        entry = self.entries.get(self._key(path))
        if not entry or entry.get("sha256") != self._hash(path) or not entry.get("drafts"):
            return False
        return all((self.path.parent / draft).is_file() for draft in entry["drafts"])

    def drafts(self, path: Path) -> list[str]:
        return list(self.entries.get(self._key(path), {}).get("drafts", []))

    def record(self, result) -> None:
        drafts = [str(m.draft.relative_to(self.path.parent)) if m.draft.is_relative_to(self.path.parent) else str(m.draft)
                  for m in result.meetings if m.outcome.written or m.draft.is_file()]
        if result.error or not drafts:
            self.entries.pop(self._key(result.path), None)
            return
        self.entries[self._key(result.path)] = {"sha256": self._hash(result.path), "drafts": drafts}

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(dict(sorted(self.entries.items())), ensure_ascii=False, indent=1) + "\n"
        temporary = self.path.with_name(self.path.name + ".tmp")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(self.path)
