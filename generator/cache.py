"""A cache of parsed meeting files, so that re-reading an unchanged archive is cheap
(`protokollarkivet check` in a pre-commit hook, `mkdocs serve` after one edit).

An entry is keyed by everything its result depends on: the file's bytes, the registries (topics
and bodies resolve against them), the names and sizes in the meeting's folder (attachments), the
language its problems are told in, and the code that reads them. Entries live in packs
(`packs.py`) in `.protokollarkivet-cache/parsed/` beside `content/`: a read writes the entries it
made into one new pack. Deleting the folder is always safe.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import shutil
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

from .messages import CATALOGUE
from .packs import Shelf

CACHE_DIR = ".protokollarkivet-cache"
PACKS_DIR = "parsed"
KEEP_UNUSED_S = 30 * 86_400
"""A pack that no read used for this long is removed (`prune`): the entries of an earlier version
of the code would otherwise stay for ever in a folder that CI keeps between runs (190 MB for each
version at 10,000 protocols)."""
_OLD_ENTRIES = re.compile(r"^[0-9a-f]{2}$")
"""The folders of the layout before packs, an entry a file (`prune` removes them)."""
_SETTLED_NS = 2_000_000_000
"""A file changed longer ago than this has a modification time that a later edit would change."""
_READERS = ("cache", "checks", "dnr", "items", "load", "messages", "model", "people", "privacy", "problems", "schema", "source",
            "text", "validate")


def _code_version() -> str:
    """A digest of the modules that turn a file into a Meeting: a change to them empties the cache."""
    digest = hashlib.sha256()
    for name in _READERS:
        digest.update((Path(__file__).parent / f"{name}.py").read_bytes())
    digest.update(CATALOGUE.read_bytes())  # (a problem's words in Swedish)
    return digest.hexdigest()


CODE_VERSION = _code_version()
"""Taken when the code is imported, not when it is first used: a process keeps running the code it
imported, so its entries must carry that code's digest even if the files change under it."""


class ParseCache:
    """The cache on disk, and the entries of the last read in memory: a preview that keeps one
    `ParseCache` gets unchanged meetings as the very same objects after an edit (cheap, and pages
    that depend only on them compare equal). After each read only that read's entries stay in
    memory, so the preview's memory does not grow with its edits."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.memory: dict[str, object] = {}
        self.used: set[str] = set()
        """The keys this read asked for or stored (`forget_unused` keeps only those)."""
        self.files: dict[Path, tuple[tuple[int, int], tuple[bytes, ...], str]] = {}
        """The key each file had at the last read, with its (modification time, size) and the
        key's other parts then (`file_key`)."""
        self._shelf: Shelf | None = None
        """The packs on disk, opened by this read's first look (`prune` closes them)."""
        self.recent: Mapping[str, tuple[int, int]] = {}
        """(modification time, size) by path, as a caller found them just before this read (the
        preview, which looked for what changed): `file_key` takes them instead of a stat per file."""

    def file_key(self, path: Path, *parts: bytes) -> str:
        """The key of `path`'s bytes and then `parts`. A kept cache (the preview's) does not read a file
        again while its modification time and size and the other parts are as they were at the
        last read, unless it had changed just before that read (an edit within the clock's
        resolution keeps both, as git's index knows); a read of every file was a fifth of an
        edit's preview at 10,000 protocols."""
        seen = self.recent.get(str(path))
        if seen is None:
            stat = path.stat()
            seen = (stat.st_mtime_ns, stat.st_size)
        known = self.files.get(path)
        if known is not None and known[0] == seen and known[1] == parts:
            return known[2]
        key = self.key(path.read_bytes(), *parts)
        if time.time_ns() - seen[0] > _SETTLED_NS:
            self.files[path] = (seen, parts, key)
        return key

    def key(self, *parts: bytes) -> str:
        digest = hashlib.sha256(CODE_VERSION.encode())
        for part in parts:
            digest.update(len(part).to_bytes(8, "little"))
            digest.update(part)
        return digest.hexdigest()

    def get(self, key: str) -> object | None:
        self.used.add(key)
        if key in self.memory:
            return self.memory[key]
        data = self._packs().read(key)
        if data is None:
            return None
        try:
            value = self.memory[key] = pickle.loads(data)
            return value
        except (pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError, IndexError, KeyError):
            self._packs().forget(key)  # (damaged on disk: parsed again, and stored anew)
            return None

    def store(self, entries: Iterable[tuple[str, object, bytes]]) -> None:
        """Keep entries (key, value, the value pickled) as they come, on disk in one new pack."""
        writer = self._packs().writer()
        try:
            for key, value, data in entries:
                self.remember(key, value)
                writer.add(key, data)
        except BaseException:  # (a parse that failed, or an interrupt: no temporary file stays behind)
            writer.abandon()
            raise
        self._packs().added(writer.finish())

    def _packs(self) -> Shelf:
        if self._shelf is None:
            self._shelf = Shelf.open(self.folder / PACKS_DIR)
        return self._shelf

    def recall(self, key: str) -> object | None:
        """An entry kept in memory (by `remember`, or read before), never one from disk."""
        return self.memory.get(key)

    def remember(self, key: str, value: object) -> None:
        """Keep an entry in memory only (what is cheap to make again, but should stay the same
        object from one read to the next)."""
        self.used.add(key)
        self.memory[key] = value

    def prune(self, now: float | None = None) -> None:
        """Tidy the packs (`Shelf.tidy`: what no read used for KEEP_UNUSED_S goes), remove what
        killed writes and the layout before packs left, and close the packs. Called at the end of a
        read of the whole archive, while `used` holds that read's keys."""
        shelf, self._shelf = self._packs(), None
        try:
            shelf.tidy(self.used, KEEP_UNUSED_S, now)
            shelf.remove_left_writes()
        finally:
            shelf.close()
        try:
            old = [entry.path for entry in os.scandir(self.folder) if _OLD_ENTRIES.match(entry.name)
                   and entry.is_dir(follow_symlinks=False)]
        except OSError:
            old = []
        for folder in old:
            shutil.rmtree(folder, ignore_errors=True)

    def forget_unused(self) -> None:
        """Forget, in memory, every entry this read did not use (the files as they were), and
        begin the next read."""
        self.memory = {key: value for key, value in self.memory.items() if key in self.used}
        self.used = set()


def folder_listing(folder: Path) -> bytes:
    """Names and sizes of a meeting's attachment folder: what its attachment checks depend on."""
    if not folder.is_dir():
        return b""
    return "\n".join(f"{p.relative_to(folder).as_posix()}\t{p.stat().st_size}" for p in sorted(folder.rglob("*"))
                     if p.is_file()).encode("utf-8")
