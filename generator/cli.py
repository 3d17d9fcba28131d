"""`protokollarkivet`: the archive's command line, thin wrappers over the core.

    protokollarkivet check [--content DIR]     validate without building (pre-commit, CI)
    protokollarkivet new --body KEY [--date D] write the next meeting's file (its kallelse)
    protokollarkivet linkcheck [SITE]          check a built site's links and anchors
    protokollarkivet schema [--out DIR]        write the JSON Schemas for editors
    protokollarkivet import FILE... [--body KEY] [--out DIR] [--dry-run] [--force]
                                               minutes (.txt, .md, .pdf, .docx) -> draft protocols
    protokollarkivet notify --state FILE --smtp-host HOST [--site DIR] [--since D] [--dry-run]
                                               send what is new to each alert list (notify.py)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

from . import collector
from .cache import ParseCache
from .importer.cli import add_import_command, run_import
from .federation import MemberIn
from .linkcheck import check_site
from .checks import RULE_CODES
from .load import load_archive, meetings_read_by, read_archive
from .messages import _
from .notify import add_notify_command, run_notify
from .problems import ContentError, format_problems, github_annotations
from .scaffold import ScaffoldError, next_meeting
from .render import THEME_DIR
from .settings import Settings
from .site import Site, SiteConfig
from .schema import BodyIn, FrontMatter, PersonIn, SynonymIn, TopicIn
from .validate import json_schema

SCHEMAS = {
    "protocol.schema.json": FrontMatter,
    "bodies.schema.json": list[BodyIn],
    "topics.schema.json": list[TopicIn],
    "people.schema.json": list[PersonIn],
    "synonyms.schema.json": list[SynonymIn],
    "federation.schema.json": list[MemberIn],
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="protokollarkivet", description=_("Protokollarkivet: publish minutes as an archive."))
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help=_("validate the content without building the site"))
    check.add_argument("--content", type=Path, default=Path("content"), help=_("the content directory (default: content)"))
    check.add_argument("--disable", action="append", default=[], metavar="CODE",
                       help=_("leave out a rule across meetings, by its code (repeat for more): {codes}").format(
                           codes=", ".join(RULE_CODES)))
    new = commands.add_parser("new", help=_("write the next meeting's file for a body: its kallelse (status kallad)"))
    new.add_argument("--body", required=True, help=_("the body's key in content/bodies.yml"))
    new.add_argument("--date", type=dt.date.fromisoformat, help=_("the meeting's date (default: the previous meeting's 'next meeting')"))
    new.add_argument("--content", type=Path, default=Path("content"), help=_("the content directory (default: content)"))
    linkcheck = commands.add_parser("linkcheck", help=_("check a built site's internal links and anchors"))
    linkcheck.add_argument("site", type=Path, nargs="?", default=Path("site"), help=_("the built site (default: site)"))
    schema = commands.add_parser("schema", help=_("write the JSON Schemas of the front matter and registries"))
    schema.add_argument("--out", type=Path, default=Path("schema"), help=_("where to write them (default: schema)"))
    add_import_command(commands)
    add_notify_command(commands)
    args = parser.parse_args(argv)
    if args.command == "check":
        return run_check(args.content, args.disable)
    if args.command == "import":
        return run_import(args)
    if args.command == "notify":
        # (the login comes from the environment, never the command line: CI's secrets, out of the process list)
        return run_notify(args, os.environ.get("SMTP_USER", ""), os.environ.get("SMTP_PASSWORD", ""))
    if args.command == "linkcheck":
        return run_linkcheck(args.site)
    if args.command == "new":
        return run_new(args.content, args.body, args.date)
    return run_schema(args.out)


def run_check(content: Path, disabled: list[str] = ()) -> int:
    unknown = [code for code in disabled if code not in RULE_CODES]
    if unknown:
        print(_("protokollarkivet check: --disable {code}: no rule has this code (rules: {codes})").format(
            code=unknown[0], codes=", ".join(RULE_CODES)), file=sys.stderr)
        return 2
    config = SiteConfig(content, THEME_DIR, Settings(), disabled=tuple(disabled))
    with collector.lasting():
        cache = ParseCache(config.cache_folder)
        archive, found = read_archive(content, cache=cache, disabled=disabled)
        problems = [p for p in found if p.severity == "error"]
        notes = [p for p in found if p.severity != "error"]
        site = None
        if archive is not None and not problems:  # (the pages too: two may claim one address)
            site = Site(config, archive)
            site.read_by = meetings_read_by(cache, archive.meetings)
            problems = site.clashes
    if notes:
        print(format_problems(notes))
    if problems:
        print(format_problems(problems), file=sys.stderr)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print(github_annotations(problems))
        print(_("1 problem found; nothing was built.") if len(problems) == 1 else
              _("{count} problems found; nothing was built.").format(count=len(problems)), file=sys.stderr)
        return 1
    assert archive is not None and site is not None
    references = site.unresolved_references()
    if references:
        print(format_problems(references))
    items = sum(len(m.items) for m in archive.meetings)
    summary = _("OK: {meetings} meetings, {items} items, {bodies} bodies, {topics} topics").format(
        meetings=len(archive.meetings), items=items, bodies=len(archive.bodies), topics=len(archive.topics))
    print(summary + (_("; {count} notes.").format(count=len(notes)) if notes else "."))
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
    print(_("wrote {path}").format(path=scaffold.path))
    return 0


def run_linkcheck(site: Path) -> int:
    if not (site / "index.html").is_file():
        print(_("{site}: no built site here (run mkdocs build first)").format(site=site), file=sys.stderr)
        return 2
    problems = check_site(site)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(_("{count} broken links or foreign resources.").format(count=len(problems)), file=sys.stderr)
        return 1
    print(_("OK: every link and anchor in {site} resolves; nothing loads from another host.").format(site=site))
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
        print(_("wrote {path}").format(path=out / name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
