"""The preview's change detection: what an edit changed, and which pages it affects.

`mkdocs serve` (or another engine's preview) rebuilds after every save. When only meeting files
changed, the archive is read again (the unchanged files come from the parse cache as the same
objects), the views derived again, and only the views that differ from the last ones are
rendered again. Anything else (a registry, the configuration, the theme, a file added or removed,
or an edit that changes links or assignments across the archive) takes a full build.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from stat import S_ISDIR

from .load import is_editor_litter
from .problems import Problem
from .site import Site
from .views import View

Sources = dict[str, tuple[int, int]]
"""What a build reads, by path: when each file changed and its size."""

PROBLEMS_FILE = "_forhandsvisning/problem.json"
"""What the preview's pages read (theme/assets/protokollarkivet/preview.js): the content's problems
as `file:line: message` lines, [] when there are none."""


def sources(roots: list[Path], files: list[Path]) -> Sources:
    """Every file under `roots`, and `files`, with its modification time and size (a stat per
    file: listing folders tells files from folders)."""
    found = {}
    for path in files:
        try:
            stat = path.stat()
        except OSError:
            continue
        if not S_ISDIR(stat.st_mode) and not is_editor_litter(path.name):
            found[str(path)] = (stat.st_mtime_ns, stat.st_size)
    for root in roots:
        found.update(_files_under(str(root)))
    return found


def _files_under(folder: str) -> Iterator[tuple[str, tuple[int, int]]]:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        try:
            if entry.is_dir():
                if not entry.is_symlink():  # (as rglob: a linked folder is not walked)
                    yield from _files_under(entry.path)
            elif not is_editor_litter(entry.name):
                stat = entry.stat()
                yield entry.path, (stat.st_mtime_ns, stat.st_size)
        except OSError:  # (removed meanwhile)
            continue


def changes(before: Sources, now: Sources) -> list[str]:
    return sorted(path for path in before.keys() | now.keys() if before.get(path) != now.get(path))


def only_meeting_files(changed: list[str], content: Path) -> bool:
    """Edits to meeting files that still exist (one added or removed changes the site's pages)."""
    return bool(changed) and all(_is_meeting_file(Path(path), content) for path in changed)


def _is_meeting_file(file: Path, content: Path) -> bool:
    return file.suffix == ".md" and file.parent.parent == content and file.is_file()


@dataclass(frozen=True)
class Edit:
    """The pages an edit affects: the views that differ from the last build's."""

    site: Site
    affected: list[View]


def affected_pages(before: Site, after: Site) -> Edit | None:
    """The views of `after` that differ from `before`'s, or None when the edit changed what every
    page may show (the set of pages, the archive's link targets or its assignments' states)."""
    if after.views.keys() != before.views.keys() or after.linker.numbers != before.linker.numbers or \
            after.facts.assignment_states != before.facts.assignment_states:
        return None
    return Edit(after, [view for key, view in after.views.items() if view != before.views[key]])


def problems_json(problems: list[Problem]) -> bytes:
    return json.dumps([str(p) for p in problems], ensure_ascii=False).encode("utf-8")
