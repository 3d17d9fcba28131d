"""What git knows of the content: when each file was first committed and last changed, and each
committed version of it.

One `git log` over the content directory gives every file's commits: their times are the open
data's `created` and `modified` (OParl requires both on every object), and the versions they
record are what a meeting page's version history (`versions.py`) reads back, in one more git
process, when the plugin option `history` is on. A file
with uncommitted changes was modified at the build's moment; a file git does not know, or content
outside a git repository, was created and modified then. The build's moment is
SOURCE_DATE_EPOCH (the adapter defaults it to the archive's newest meeting day), so the same
commit, or the same files outside git, always give the same dates.

A shallow clone knows only its last commit: every file then seems created by it, and no version
history is shown. The archive repository's workflow checks out the whole history (`fetch-depth: 0`).
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

_COMMIT = "\x01"
_NO_BLOB = "0" * 40


@dataclass(frozen=True, slots=True)
class Revision:
    """One committed version of a file."""

    when: int
    """The commit's time, seconds since the epoch."""
    stamp: str
    """The same moment as the committer wrote it (ISO 8601 with the committer's own UTC offset): a
    page shows it without depending on the building machine's time zone."""
    blob: str
    """The version's content, as git names it."""


@dataclass(frozen=True)
class History:
    moment: int
    """The build's moment (seconds since the epoch): for files without a commit, or changed since."""
    commits: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Content-relative path -> (first, last) commit time."""
    changed: frozenset[str] = frozenset()
    """Files with changes not yet committed."""
    revisions: dict[str, tuple[Revision, ...]] = field(default_factory=dict)
    """Content-relative path -> its committed versions, oldest first (a deletion ends none)."""
    in_git: bool = False
    """The content is in a git repository with at least one commit."""
    shallow: bool = False
    """The repository is a shallow clone: older commits are missing."""

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
    log = _git(content_dir, "log", "--format=" + _COMMIT + "%ct %cI", "--raw", "--no-abbrev", "--no-renames", "--relative",
               "--", ".")
    if log is None:
        return History(moment)
    commits: dict[str, tuple[int, int]] = {}
    revisions: dict[str, list[Revision]] = {}
    when, stamp = moment, ""
    for line in log.splitlines():  # newest commit first
        if line.startswith(_COMMIT):
            seconds, stamp = line[1:].split(" ", 1)
            when = int(seconds)
        elif line.startswith(":"):
            meta, _, path = line.partition("\t")
            last = commits[path][1] if path in commits else when
            commits[path] = (when, last)
            blob = meta.split()[3]
            if blob != _NO_BLOB:
                revisions.setdefault(path, []).append(Revision(when, stamp, blob))
    changed = _git(content_dir, "diff", "--name-only", "--relative", "HEAD", "--", ".") or ""
    shallow = (_git(content_dir, "rev-parse", "--is-shallow-repository") or "").strip() == "true"
    return History(moment, commits, frozenset(filter(None, changed.splitlines())),
                   {path: tuple(reversed(found)) for path, found in revisions.items()}, in_git=True, shallow=shallow)


def read_blobs(content_dir: Path, blobs: Iterable[str]) -> dict[str, bytes]:
    """The contents of the named versions, in one `git cat-file` process."""
    wanted = list(dict.fromkeys(blobs))
    if not wanted:
        return {}
    try:
        done = subprocess.run(["git", "cat-file", "--batch"], cwd=content_dir, input="\n".join(wanted).encode() + b"\n",
                              capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return {}
    found, out, at = {}, done.stdout, 0
    for blob in wanted:
        end = out.index(b"\n", at)
        header = out[at:end].split()
        at = end + 1
        if len(header) < 3 or header[1] != b"blob":
            continue  # ("<name> missing": a shallow clone's or a pruned object)
        size = int(header[2])
        found[blob] = out[at:at + size]
        at += size + 1
    return found


def _git(folder: Path, *arguments: str) -> str | None:
    try:
        done = subprocess.run(["git", "-c", "core.quotePath=false", *arguments], cwd=folder, capture_output=True,
                              text=True, encoding="utf-8", check=True)
    except (OSError, subprocess.CalledProcessError):
        return None  # (no git, no repository, no commit yet)
    return done.stdout


def _utc(seconds: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(seconds, dt.timezone.utc)
