"""When each content file was first committed and when it last changed, from git.

The open data's `created` and `modified` (OParl requires both on every object) come from here:
one `git log` over the content directory gives every file's first and last commit time. A file
with uncommitted changes was modified at the build's moment; a file git does not know, or content
outside a git repository, was created and modified then. The build's moment is
SOURCE_DATE_EPOCH (the adapter defaults it to the archive's newest meeting day), so the same
commit, or the same files outside git, always give the same dates.

A shallow clone knows only its last commit: every file then seems created by it. The archive
repository's workflow checks out the whole history (`fetch-depth: 0`).
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

_COMMIT = "\x01"


@dataclass(frozen=True)
class History:
    moment: int
    """The build's moment (seconds since the epoch): for files without a commit, or changed since."""
    commits: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Content-relative path -> (first, last) commit time."""
    changed: frozenset[str] = frozenset()
    """Files with changes not yet committed."""

    def span(self, paths: Iterable[str]) -> tuple[dt.datetime, dt.datetime]:
        """(created, modified) of what is made from `paths`: the first one's first commit, the
        last change of any."""
        first = last = None
        for path in paths:
            start, end = self.commits.get(path, (self.moment, self.moment))
            if path in self.changed:
                end = max(end, self.moment)
            first = start if first is None else min(first, start)
            last = end if last is None else max(last, end)
        return _utc(self.moment if first is None else first), _utc(self.moment if last is None else last)

    def whole(self) -> tuple[dt.datetime, dt.datetime]:
        """The content as a whole: its first commit, its last change (a deletion counts too)."""
        first = min((start for start, _ in self.commits.values()), default=self.moment)
        last = max((end for _, end in self.commits.values()), default=self.moment)
        if self.changed or not self.commits:
            last = max(last, self.moment)
        return _utc(first), _utc(last)


def read_history(content_dir: Path, moment: int) -> History:
    """The history of every file under `content_dir`, or none when git cannot tell."""
    log = _git(content_dir, "log", "--format=" + _COMMIT + "%ct", "--name-only", "--relative", "--", ".")
    if log is None:
        return History(moment)
    commits: dict[str, tuple[int, int]] = {}
    when = moment
    for line in log.splitlines():  # newest commit first
        if line.startswith(_COMMIT):
            when = int(line[1:])
        elif line:
            last = commits[line][1] if line in commits else when
            commits[line] = (when, last)
    changed = _git(content_dir, "diff", "--name-only", "--relative", "HEAD", "--", ".") or ""
    return History(moment, commits, frozenset(filter(None, changed.splitlines())))


def _git(folder: Path, *arguments: str) -> str | None:
    try:
        done = subprocess.run(["git", "-c", "core.quotePath=false", *arguments], cwd=folder, capture_output=True,
                              text=True, encoding="utf-8", check=True)
    except (OSError, subprocess.CalledProcessError):
        return None  # (no git, no repository, no commit yet)
    return done.stdout


def _utc(seconds: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(seconds, dt.timezone.utc)
