"""Many keyed entries in few files: the parse cache's store on disk (`cache.py`).

A pack is written once, whole, under a temporary name and then renamed into place: a killed write
leaves no half pack. Its entries come first, as they were made, then an index (each key's offset
and length), and an entry is read as a slice of it. One file per entry was the rule before: a cold read of 10,000 protocols then
created 10,000 files, 5-7 s of system time on this project's machine, which a pack writes in 0.1 s.

Packs hold only what their writer gave them and never change; a `Shelf` (the packs of a folder at
one moment, opened) answers for the keys, and `Shelf.tidy` removes what reads no longer use:
the entries of edited files and of earlier versions of the code.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import pickle
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from .staging import running

SUFFIX = ".pack"
_MAGIC = b"protokollarkivet pack 1\n"
_TEMPORARY = ".writing-"
_WRITES = itertools.count()
MAX_PACKS = 8
"""More packs in use than this (each edit shown by the preview writes one) are merged into one."""


@dataclass(slots=True, eq=False)
class Pack:
    path: Path
    handle: int
    """An open descriptor: a pack another process removes after it was opened stays readable."""
    entries: dict[str, tuple[int, int]]
    """Each key's (offset, length) in the file."""
    modified: float
    size: int = 0

    def __post_init__(self) -> None:
        self.size = sum(length for _, length in self.entries.values())

    def read(self, key: str) -> bytes | None:
        offset, length = self.entries[key]
        try:
            data = os.pread(self.handle, length, offset)
        except OSError:
            return None
        return data if len(data) == length else None


class PackWriter:
    """A new pack in `folder`, its entries written as they come (a cold read's 190 MB at 10,000
    protocols are never held at once), its index after them; named by its keys when `finish`ed
    (two writers of the same entries write the same file). Where the folder cannot be written, the
    entries are dropped: a read-only checkout goes without the cache."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.index: dict[str, tuple[int, int]] = {}
        self._temporary = folder / f"{_TEMPORARY}{os.getpid()}-{next(_WRITES)}"
        self._out: BinaryIO | None = None
        self._offset = len(_MAGIC)
        self._failed = False

    def add(self, key: str, data: bytes) -> None:
        if self._failed or key in self.index:
            return
        try:
            if self._out is None:  # (opened with the first entry: a read that parsed nothing writes nothing)
                self.folder.mkdir(parents=True, exist_ok=True)
                self._out = open(self._temporary, "wb")
                self._out.write(_MAGIC)
            self._out.write(data)
        except OSError:
            self.abandon()
            return
        self.index[key] = (self._offset, len(data))
        self._offset += len(data)

    def finish(self) -> Path | None:
        """The pack, in place; None if it holds nothing or could not be written."""
        if self._out is None:
            return None
        path = self.folder / (hashlib.sha256("\n".join(sorted(self.index)).encode()).hexdigest()[:32] + SUFFIX)
        try:
            index = pickle.dumps(self.index, protocol=pickle.HIGHEST_PROTOCOL)
            self._out.write(index + len(index).to_bytes(8, "little"))
            self._out.close()
            self._out = None
            os.replace(self._temporary, path)
        except OSError:
            self.abandon()
            return None
        return path

    def abandon(self) -> None:
        """Nothing is written (the temporary file removed)."""
        self._failed = True
        if self._out is not None:
            try:
                self._out.close()
            except OSError:  # (what it still held, written on closing, failed as the rest did: a full disk)
                pass
            self._out = None
        try:
            self._temporary.unlink()
        except OSError:
            pass


def write_pack(folder: Path, entries: Iterable[tuple[str, bytes]]) -> Path | None:
    writer = PackWriter(folder)
    for key, data in entries:
        writer.add(key, data)
    return writer.finish()


class NoPack(Exception):
    """A file named as a pack that is none (cut short, or of another format)."""


def open_pack(path: Path) -> Pack | None:
    """The pack at `path`, opened; None if it cannot be opened (gone, or unreadable); NoPack if
    it is no whole pack."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        size = os.fstat(handle).st_size
        if size >= len(_MAGIC) + 8 and os.pread(handle, len(_MAGIC), 0) == _MAGIC:
            length = int.from_bytes(os.pread(handle, 8, size - 8), "little")
            end = size - 8 - length
            if end >= len(_MAGIC):
                entries = pickle.loads(os.pread(handle, length, end))
                if isinstance(entries, dict) and all(at + count <= end for at, count in entries.values()):
                    return Pack(path, handle, entries, os.fstat(handle).st_mtime)
    except OSError:
        os.close(handle)
        return None
    except (pickle.PickleError, EOFError, ValueError, TypeError, AttributeError, IndexError, KeyError):
        pass
    os.close(handle)
    raise NoPack(path)


@dataclass(slots=True)
class Shelf:
    """The packs in a folder, as they were when it was opened, and those this process added."""
    folder: Path
    packs: list[Pack] = field(default_factory=list)
    where: dict[str, Pack] = field(default_factory=dict)
    broken: list[Path] = field(default_factory=list)
    """Files named as packs that are none: removed by `tidy`."""
    damaged: list[Pack] = field(default_factory=list)
    """Packs with an entry that could not be read back (`forget`): rewritten by `tidy`."""

    @classmethod
    def open(cls, folder: Path) -> "Shelf":
        shelf = cls(folder)
        try:
            names = sorted(entry.name for entry in os.scandir(folder) if entry.name.endswith(SUFFIX))
        except OSError:
            names = []
        for name in names:
            shelf._add(folder / name)
        return shelf

    def _add(self, path: Path) -> None:
        try:
            pack = open_pack(path)
        except NoPack:
            self.broken.append(path)
            return
        if pack is not None:
            self.packs.append(pack)
            for key in pack.entries:
                self.where.setdefault(key, pack)

    def read(self, key: str) -> bytes | None:
        pack = self.where.get(key)
        return pack.read(key) if pack is not None else None

    def forget(self, key: str) -> None:
        """The entry of `key` could not be read back (its bytes damaged): the shelf no longer
        answers for it (an entry stored again is taken instead), and its pack is rewritten
        without it at the end of the read."""
        pack = self.where.pop(key, None)
        if pack is not None:
            pack.size -= pack.entries.pop(key)[1]
            if pack not in self.damaged:
                self.damaged.append(pack)

    def writer(self) -> PackWriter:
        return PackWriter(self.folder)

    def added(self, path: Path | None) -> None:
        """Take in a pack this process wrote (over a broken one of the same name, perhaps)."""
        if path is not None and all(pack.path != path for pack in self.packs):
            self.broken = [broken for broken in self.broken if broken != path]
            self._add(path)

    def tidy(self, used: set[str], keep_unused_s: float, now: float | None = None) -> None:
        """After a read of the whole archive, which used the entries `used`: packs that no read has
        used for `keep_unused_s` are removed (a pack a read uses is marked so, at most once a day).
        When there are more than MAX_PACKS, every pack but the largest that the read used is merged
        into one that holds what the read used (what else they held goes), and so is the largest
        when more of its bytes are unused than used, and a pack with a damaged entry."""
        now = time.time() if now is None else now
        for path in self.broken:
            _remove(path)
        in_use = [pack for pack in self.packs if not used.isdisjoint(pack.entries)]
        idle = [pack for pack in self.packs if pack not in in_use]
        for pack in in_use:
            if now - pack.modified > 86_400:
                _touch(pack.path, now)
        for pack in idle:
            if now - pack.modified > keep_unused_s:
                _remove(pack.path)
        kept = in_use + [pack for pack in idle if now - pack.modified <= keep_unused_s]
        merged = self._to_merge(in_use, kept, used) if in_use else []
        self._merge(merged + [pack for pack in self.damaged if pack in kept and pack not in merged], used)

    @staticmethod
    def _to_merge(in_use: list[Pack], kept: list[Pack], used: set[str]) -> list[Pack]:
        largest = max(in_use, key=lambda pack: pack.size)
        used_bytes = sum(length for key, (_, length) in largest.entries.items() if key in used)
        bloated = used_bytes < largest.size - used_bytes
        if len(kept) > MAX_PACKS:
            merged = [pack for pack in kept if pack is not largest]
        elif bloated:
            merged = [pack for pack in in_use if pack is not largest]
        else:
            return []
        return merged + [largest] if bloated else merged

    def _merge(self, packs: list[Pack], used: set[str]) -> None:
        """One pack of what `packs` hold that was `used`, in place of them."""
        if not packs:
            return
        writer = self.writer()
        for pack in packs:
            for key in pack.entries:
                if key in used and (data := pack.read(key)) is not None:
                    writer.add(key, data)
        wrote = bool(writer.index)
        path = writer.finish()
        if path is None and wrote:
            return  # (the folder cannot be written: the packs stay as they are)
        for pack in packs:
            if pack.path != path:
                _remove(pack.path)

    def remove_left_writes(self) -> None:
        """Temporary files of writers no longer running (a killed build's)."""
        try:
            names = [entry.name for entry in os.scandir(self.folder) if entry.name.startswith(_TEMPORARY)]
        except OSError:
            return
        for name in names:
            pid = name[len(_TEMPORARY):].partition("-")[0]
            if pid.isdigit() and not running(int(pid)):
                _remove(self.folder / name)

    def close(self) -> None:
        for pack in self.packs:
            os.close(pack.handle)
        self.packs, self.where = [], {}


def _touch(path: Path, now: float) -> None:
    try:
        os.utime(path, (now, now))
    except OSError:
        pass


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:  # (another process removed it, or a read-only checkout)
        pass
