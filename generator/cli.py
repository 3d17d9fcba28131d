"""`protokollarkivet`: the archive's command line, thin wrappers over the core.

    protokollarkivet check [--content DIR]     validate without building (pre-commit, CI)
    protokollarkivet new --body KEY [--date D] write the next meeting's file (utkast)
    protokollarkivet linkcheck [SITE]          check a built site's links and anchors
    protokollarkivet schema [--out DIR]        write the JSON Schemas for editors
    protokollarkivet import FILE... [--body KEY] [--out DIR] [--dry-run] [--force]
                                               minutes (.txt, .md, .pdf, .docx) -> draft protocols
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

from .importer.cli import add_import_command, run_import
from .linkcheck import check_site
from .load import load_archive, read_archive
from .problems import ContentError, format_problems, github_annotations
from .scaffold import ScaffoldError, next_meeting
from .xref import Linker
from .schema import BodyIn, FrontMatter, PersonIn, TopicIn
from .validate import json_schema

SCHEMAS = {
    "protocol.schema.json": FrontMatter,
    "bodies.schema.json": list[BodyIn],
    "topics.schema.json": list[TopicIn],
    "people.schema.json": list[PersonIn],
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="protokollarkivet", description="Protokollarkivet: publish minutes as an archive.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate the content without building the site")
    check.add_argument("--content", type=Path, default=Path("content"), help="the content directory (default: content)")
    new = commands.add_parser("new", help="write the next meeting's file for a body (status utkast)")
    new.add_argument("--body", required=True, help="the body's key in content/bodies.yml")
    new.add_argument("--date", type=dt.date.fromisoformat, help="the meeting's date (default: the previous meeting's 'next meeting')")
    new.add_argument("--content", type=Path, default=Path("content"), help="the content directory (default: content)")
    linkcheck = commands.add_parser("linkcheck", help="check a built site's internal links and anchors")
    linkcheck.add_argument("site", type=Path, nargs="?", default=Path("site"), help="the built site (default: site)")
    schema = commands.add_parser("schema", help="write the JSON Schemas of the front matter and registries")
    schema.add_argument("--out", type=Path, default=Path("schema"), help="where to write them (default: schema)")
    add_import_command(commands)
    args = parser.parse_args(argv)
    if args.command == "check":
        return run_check(args.content)
    if args.command == "import":
        return run_import(args)
    if args.command == "linkcheck":
        return run_linkcheck(args.site)
    if args.command == "new":
        return run_new(args.content, args.body, args.date)
    return run_schema(args.out)


def run_check(content: Path) -> int:
    archive, found = read_archive(content, cache=True)
    problems = [p for p in found if p.severity == "error"]
    notes = [p for p in found if p.severity != "error"]
    if notes:
        print(format_problems(notes))
    if problems:
        print(format_problems(problems), file=sys.stderr)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print(github_annotations(problems))
        noun = "problem" if len(problems) == 1 else "problems"
        print(f"{len(problems)} {noun} found; nothing was built.", file=sys.stderr)
        return 1
    assert archive is not None
    references = Linker(archive).unresolved_references()
    if references:
        print(format_problems(references))
    items = sum(len(m.items) for m in archive.meetings)
    print(f"OK: {len(archive.meetings)} meetings, {items} items, {len(archive.bodies)} bodies, {len(archive.topics)} topics"
          + (f"; {len(notes)} notes." if notes else "."))
    return 0


def run_new(content: Path, body: str, date: dt.date | None) -> int:
    try:
        archive = load_archive(content)
        scaffold = next_meeting(archive, content, body, date)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    except ScaffoldError as error:
        print(f"protokollarkivet new: {error}", file=sys.stderr)
        return 1
    scaffold.path.parent.mkdir(parents=True, exist_ok=True)
    scaffold.path.write_text(scaffold.text, encoding="utf-8")
    print(f"wrote {scaffold.path}")
    return 0


def run_linkcheck(site: Path) -> int:
    if not (site / "index.html").is_file():
        print(f"{site}: no built site here (run mkdocs build first)", file=sys.stderr)
        return 2
    problems = check_site(site)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} broken links or foreign resources.", file=sys.stderr)
        return 1
    print(f"OK: every link and anchor in {site} resolves; nothing loads from another host.")
    return 0


def schema_documents() -> dict[str, str]:
    """The JSON Schema files, by name, as they are committed in schema/."""
    out = {}
    for name, model in SCHEMAS.items():
        document = {"$schema": "https://json-schema.org/draft/2020-12/schema", **json_schema(model)}
        if name != "protocol.schema.json":
            document["title"] = f"Protokollarkivet: {name.split('.')[0]}"
        out[name] = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return out


def run_schema(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    for name, text in schema_documents().items():
        (out / name).write_text(text, encoding="utf-8")
        print(f"wrote {out / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
