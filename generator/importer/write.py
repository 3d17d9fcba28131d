"""Draft meeting -> a protocol file of the content format, its check, and its report.

The draft is always status `utkast`. Prose is escaped where Markdown would read it as
something else (a heading, a list, a field line, a block fence), so the text stays text. The
draft is checked with the archive's own loader in a scratch content directory holding the
registries (and a proposed body entry, if any), so the report lists exactly what
`protokollarkivet check` will say once the file is in place.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .. import dnr
from ..frontmatter import front_matter_yaml
from ..items import ITEM_LABELS
from ..load import BODIES_FILE, TOPICS_FILE, read_archive
from ..problems import Problem
from ..messages import _
from ..source import dump_yaml
from .model import Attendee, DraftItem, DraftMeeting, Part

REPORT_SUFFIX = ".import.txt"


# -- the protocol file ----------------------------------------------------------------------

def front_matter(meeting: DraftMeeting) -> dict:
    data: dict = {"body": meeting.body or "okant-organ", "kind": meeting.kind}
    if meeting.date:
        data["date"] = meeting.date
    if meeting.end_date and meeting.date and meeting.end_date > meeting.date:
        data["end_date"] = meeting.end_date
    for key in ("time", "place", "office"):
        if value := getattr(meeting, key):
            data[key] = value
    if meeting.dnr_printed and (normalised := dnr.normalise(meeting.dnr_printed)):
        data["diarienummer"] = normalised
        printed = " ".join(meeting.dnr_printed.split())
        if printed != normalised:
            data["diarienummer_printed"] = printed
    data["status"] = "utkast"
    for key, attendees in meeting.attendee_lists.items():
        if attendees:
            data[key] = [_attendee(a) for a in attendees]
    officials = {}
    for key in ("chair", "vice_chair", "secretary"):
        if value := getattr(meeting, key):
            officials[key] = value
    if meeting.adjusters:
        officials["adjusters"] = list(dict.fromkeys(meeting.adjusters))
    if officials:
        data["officials"] = officials
    for key in ("adjusted_on", "announced_on"):
        if value := getattr(meeting, key):
            data[key] = value
    if meeting.signatures:
        data["signatures"] = [
            {k: v for k, v in (("name", s.name), ("role", s.role), ("title", s.title), ("organisation", s.organisation),
                               ("signed_at", s.signed_at), ("method", s.method), ("reference", s.reference)) if v}
            for s in meeting.signatures
        ]
    if meeting.signing:
        data["signing"] = dict(meeting.signing)
    if meeting.certified:
        data["certified"] = {key: meeting.certified[key] for key in ("name", "title", "place", "date") if key in meeting.certified}
    if meeting.next_meetings:
        data["next_meetings"] = [
            {k: v for k, v in (("date", n.date), ("time", n.time), ("place", n.place), ("text", n.text)) if v}
            for n in meeting.next_meetings
        ]
    if meeting.source_format:
        data["source"] = {"format": meeting.source_format, "file": Path(meeting.source).name}
    return data


def _attendee(attendee: Attendee) -> dict:
    out: dict = {"name": attendee.name}
    for key in ("organisation", "party", "role", "title", "group", "replaces"):
        if value := getattr(attendee, key):
            out[key] = value
    if attendee.days:
        out["days"] = list(attendee.days)
    if attendee.until_item:
        out["until_item"] = attendee.until_item
    if attendee.absent_from_items:
        out["absent_from_items"] = list(attendee.absent_from_items)
    if attendee.note:
        out["note"] = attendee.note
    return out


def render(meeting: DraftMeeting) -> str:
    front = front_matter_yaml(front_matter(meeting))
    blocks = [_item(item) for item in meeting.items]
    for section in meeting.appendix:
        blocks.append("\n\n".join([f"# {_inline(section.title)}", *filter(None, (_part(p) for p in section.parts))]))
    body = "\n\n".join(b for b in blocks if b)
    return f"---\n{front}---\n\n{body}\n"


def _item(item: DraftItem) -> str:
    title = _inline(item.title).rstrip()
    heading = f"## {item.printed or item.number}. {title}" if item.number else f"## {_unnumbered_title(title)}"
    out = [heading]
    head = _head_fields(item)
    if head:
        out.append(head)
    for printed in item.dnr:
        if not dnr.normalise(printed):  # kept as text: no diarienummer shape the format knows
            out.append(escape_prose(f"Dnr {printed}"))
    for part in item.parts[1:]:
        text = _part(part)
        if text:
            out.append(text)
    return "\n\n".join(out)


def _unnumbered_title(title: str) -> str:
    # "2023. ..." would read as a number; a title of "#"s would be empty
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", title) or "Punkt"


def _head_fields(item: DraftItem) -> str:
    lines = []
    if item.type_printed:
        lines.append(f"Typ: {_value(item.type_printed)}")
    lines.extend(_field_lines(item.parts[0]) if item.parts else [])
    for printed in item.dnr:
        if dnr.normalise(printed):
            lines.append(f"Dnr: {_value(printed)}")
    if item.secrecy:
        lines.append(f"Sekretess: {_value(item.secrecy)}")
    if item.adjusted_at_meeting:
        lines.append("Justering: omedelbar")
    if item.dispatched_to:
        separator = "; " if any("," in recipient for recipient in item.dispatched_to) else ", "
        lines.append(f"Beslutet skickas till: {separator.join(_value(r) for r in item.dispatched_to)}")
    if item.topics:
        lines.append(f"Ämnen: {', '.join(item.topics)}")
    return "\n".join(lines)


def _field_lines(part: Part) -> list[str]:
    lines = []
    for label, value in part.items:
        if label == "Föredragande":
            entries = []
            for presenter in value:
                name = _value(presenter.name).replace(";", ",").replace(",", " ")
                entry = name + (f", {_value(presenter.description).replace(';', ',')}" if presenter.description else "")
                entries.append(entry)
            if entries:
                lines.append("Föredragande: " + "; ".join(entries))
        else:
            lines.append(f"{label}: {_value(value)}")
    return lines


def _part(part: Part) -> str:
    if part.kind == "para":
        return escape_prose(part.text)
    if part.kind == "heading":
        return f"### {_inline(part.text)}"
    if part.kind == "fields":
        return "\n".join(_field_lines(part))
    if part.kind == "list":
        return "\n".join("  " * (max(depth, 1) - 1) + "- " + _list_text(text) for depth, text in part.items)
    if part.kind == "table":
        return markdown_table(part.items)
    if part.kind == "block":
        return _block(part)
    return ""


def _block(part: Part) -> str:
    lines = [f"::: {part.block}"]
    if part.by:
        lines.append("Av: " + ", ".join(part.by))
    for label, value in part.items:
        lines.append(f"{label}: {_value(value)}")
    if len(lines) > 1 and part.text.strip():
        lines.append("")
    for raw in part.text.split("\n") if part.text.strip() else ():
        if match := re.match(r"^(\s*)- (.*)$", raw):
            lines.append(f"{match[1]}- {_list_text(match[2])}")
        elif raw.strip():
            lines.append(escape_prose(raw, first=True))
        else:
            lines.append("")
    lines.append(":::")
    return "\n".join(lines)


def markdown_table(rows: list[list[str]]) -> str:
    """Rows of cells as a Markdown table, the first row its head (a decision's table of grants or
    fees keeps its columns: "185 000" beside "162 500" read as one number otherwise)."""
    width = max(len(r) for r in rows)
    cells = [[" ".join(_inline(c).split()).replace("|", "\\|") for c in r] + [""] * (width - len(r)) for r in rows]
    out = ["| " + " | ".join(cells[0]) + " |", "|" + "---|" * width]
    out.extend("| " + " | ".join(r) + " |" for r in cells[1:])
    return "\n".join(out)


_FIELD_SHAPE = re.compile(r"^(\w[\w ./-]{0,40}?)\s*:\s+(\S.*)$")


def escape_prose(text: str, first: bool = True) -> str:
    """Text that Markdown and the item parser will read back as the same text."""
    text = _inline(" ".join(text.split()))
    if not text:
        return ""
    if first and (match := _FIELD_SHAPE.match(text)):
        label = match[1].lower()
        if label in ITEM_LABELS or difflib.get_close_matches(label, ITEM_LABELS, n=1, cutoff=0.7):
            text = text[: match.end(1)] + "\\" + text[match.end(1):]
    if re.match(r"^(?:#|>|:::|[-*+](?:\s|$)|=+$|-+$|_{3,}|\*{3,})", text):
        text = "\\" + text
    text = re.sub(r"^(\d{1,9})([.)])(\s|$)", r"\1\\\2\3", text)
    return text


def _list_text(text: str) -> str:
    text = _inline(" ".join(text.split()))
    if re.match(r"^(?:#|>|:::|[-*+]\s)", text):
        text = "\\" + text
    return text


def _inline(text: str) -> str:
    return text.replace("\u0000", "").strip()


def _value(text: str) -> str:
    return " ".join(str(text).split())


# -- where it goes ----------------------------------------------------------------------------

def target_path(meeting: DraftMeeting, out: Path, taken: set[Path]) -> Path:
    folder = out / (meeting.body or "okant-organ")
    stem = meeting.date.isoformat() if meeting.date else re.sub(r"[^\w-]+", "-", Path(meeting.source).stem).strip("-") + "-utan-datum"
    path = folder / f"{stem}.md"
    n = 2
    while path in taken:
        path = folder / f"{stem}-{n}.md"
        n += 1
    return path


def report_path(draft: Path) -> Path:
    return draft.with_name(draft.stem + REPORT_SUFFIX)


# -- the check --------------------------------------------------------------------------------

def check_final(text: str, meeting: DraftMeeting, target: Path, registries_dir: Path) -> list[str]:
    """What stops the draft from becoming `slutlig`: the check of the same file with that status
    (a beslutsärende without its decision, names missing from the attendance, ...)."""
    final = re.sub(r"^status: utkast$", "status: slutlig", text, count=1, flags=re.MULTILINE)
    return check_draft(final, meeting, target, registries_dir)


def check_draft(text: str, meeting: DraftMeeting, target: Path, registries_dir: Path) -> list[str]:
    """What `protokollarkivet check` says about the draft, run in a scratch content directory."""
    scratch = Path(tempfile.mkdtemp(prefix="protokollarkivet-import-"))
    try:
        content = scratch / "content"
        content.mkdir()
        (content / TOPICS_FILE).write_text(_registry_text(registries_dir / TOPICS_FILE), encoding="utf-8")
        (content / BODIES_FILE).write_text(_registry_text(registries_dir / BODIES_FILE, meeting.body_proposal), encoding="utf-8")
        folder = content / target.parent.name
        folder.mkdir(exist_ok=True)
        (folder / target.name).write_text(text, encoding="utf-8")
        _, problems = read_archive(content)
        shown = f"content/{target.parent.name}/{target.name}"
        return [_show(p, shown, target) for p in problems
                if getattr(p, "severity", "error") == "error" and (p.path.endswith(shown) or p.path.startswith("content/"))]
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _registry_text(source: Path, proposal: dict | None = None) -> str:
    """A registry as the draft is checked against: the archive's (an empty list where it has none),
    with the proposed entry after its own. Appended as text, so that the archive's entries keep
    their lines in what the check says; but a registry that lists nothing yet (a new archive's
    `[]`) or lists in brackets is no YAML with a block entry after it: that one is written anew."""
    text = source.read_text(encoding="utf-8") if source.is_file() else ""
    if proposal is None:
        return text if source.is_file() else "[]\n"
    appended = f"{text}\n{dump_yaml([proposal])}"
    try:
        entries = yaml.safe_load(text)
    except yaml.YAMLError:
        return appended  # (the registry's own error, which the check reports at its line)
    if not entries:
        return dump_yaml([proposal])
    if isinstance(entries, list) and _loaded(appended) != [*entries, proposal]:
        return dump_yaml([*entries, proposal])
    return appended


def _loaded(text: str) -> object:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return None


def _show(problem: Problem, shown: str, target: Path) -> str:
    path = str(target) if problem.path.endswith(shown) else problem.path
    text = f"{path}:{problem.line}: {problem.field}: {problem.message}"
    return f"{text} ({problem.hint})" if problem.hint else text


# -- the report -------------------------------------------------------------------------------

@dataclass(slots=True)
class Outcome:
    draft: Path | None
    written: bool
    reason: str = ""
    problems: list[str] = field(default_factory=list)
    final_problems: list[str] = field(default_factory=list)
    """What `check` would say once the status is `slutlig`."""


def report(meeting: DraftMeeting, outcome: Outcome, source_format: str) -> str:
    lines = [_("Import report for {source} ({format}), {first} to {last}").format(
        source=meeting.source, format=source_format, first=meeting.first_loc, last=meeting.last_loc), ""]
    unknown = _("unknown")
    if outcome.draft is not None:
        state = _("written") if outcome.written else _("not written: {reason}").format(reason=outcome.reason)
        lines.append(_("Draft:    {path} ({state}; status utkast)").format(path=outcome.draft, state=state))
    body = f"{meeting.body} ({meeting.body_name})" if meeting.body else unknown
    lines.append(_("Body:     {body}").format(body=body))
    lines.append(_("Date:     {date}").format(date=meeting.date or unknown) +
                 (_(" to {date}").format(date=meeting.end_date) if meeting.end_date else ""))
    lines.append(_("Items:    {items}; decisions: {decisions}; presenters: {presenters}").format(
        items=len(meeting.items), decisions=sum(len(i.decisions) for i in meeting.items),
        presenters=sum(len(i.presenters) for i in meeting.items)))
    attendees = ", ".join(f"{k} {len(v)}" for k, v in meeting.attendee_lists.items())
    lines.append(_("People:   {people}").format(people=attendees))
    lines.append("")
    if outcome.problems:
        lines.append(_("Check: {count} problem(s) to fix before the draft can be published:").format(count=len(outcome.problems)))
        lines.extend(f"  {p}" for p in outcome.problems)
    else:
        lines.append(_("Check: the draft passes 'protokollarkivet check'."))
        if outcome.final_problems:
            lines.append(_("Before it can be 'slutlig', {count} thing(s) to do:").format(count=len(outcome.final_problems)))
            lines.extend(f"  {p}" for p in outcome.final_problems)
        else:
            lines.append(_("Once checked against the source, it can be made 'slutlig' as it stands."))
    lines.append("")
    if meeting.body_proposal:
        lines.append(_("Proposed registry entry: no body in bodies.yml matches these minutes. Add this to"))
        lines.append(_("content/bodies.yml (confirm the key: it is permanent) or import again with --body KEY:"))
        entry = dump_yaml([meeting.body_proposal])
        lines.extend("  " + line for line in entry.splitlines())
        lines.append("")
    if meeting.notes:
        lines.append(_("Notes:"))
        lines.extend(f"  - {note}" for note in meeting.notes)
        lines.append("")
    lines.append(_("Guessed ({count}): every fact taken from the text; check each against the source.").format(
        count=len(meeting.guesses)))
    width = max((len(g.loc) for g in meeting.guesses), default=8)
    for guess in sorted(meeting.guesses, key=lambda g: _loc_key(g.loc)):
        lines.append(f"  {guess.loc:<{width}}  {guess.field}: {guess.value}")
    lines.append("")
    lines.append(_("Not placed ({count}): source lines that are not in the draft.").format(count=len(meeting.unplaced)))
    width = max((len(u.loc) for u in meeting.unplaced), default=8)
    for unplaced in sorted(meeting.unplaced, key=lambda u: _loc_key(u.loc)):
        lines.append(f"  {unplaced.loc:<{width}}  {unplaced.text!r} ({unplaced.reason})")
    return "\n".join(lines) + "\n"


def _loc_key(loc: str) -> tuple[int, ...]:
    """`page 2, line 5` -> (2, 5); `line 12` -> (12,); places without numbers go last, in order."""
    numbers = tuple(int(n) for n in re.findall(r"\d+", loc))
    return numbers if numbers else (10**9,)


def write_file(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)
