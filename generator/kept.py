"""Files a build keeps in the build cache for the next, too large to hold in memory: records by
key, written as they are made and read back by key (the next build) or by position (this one).

A `Memo` holds the last build's values and this build's in memory until it is written; at 100,000
protocols the search documents and their compressed records were gigabytes so held, in the
process that held the archive besides. Here each record goes to the file as it is made, and what
the last build kept is read one record at a time when asked for.

A file is the records, one after another, then a table (pickled: the keys, and as arrays each
key's records' places and lengths and a CRC of their bytes, under the code that wrote them), then
where the table starts and a line that ends every such file. A file cut short, of other code, or with a record
whose bytes changed gives nothing (or not that record): the build makes it again.
"""

from __future__ import annotations

import os
import pickle
import struct
import tempfile
import zlib
from array import array
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from .staging import remove_left_behind

_END = b"protokollarkivet kept records 1\n"
_TABLE_AT = struct.Struct("<Q")

Place = tuple[int, int]
"""Where a record is in its file, and its length."""


class _Table:
    """Each key's records' places and the CRC of their bytes, in arrays (a tuple of places per key
    took more memory than the posting tails' records it placed)."""

    def __init__(self, records: int, entries: dict[bytes, int] | None = None, places: array | None = None,
                 crcs: array | None = None):
        self.records = records
        """Records under each key."""
        self.entries = entries if entries is not None else {}
        """Each key's entry number."""
        self.places = places if places is not None else array("Q")
        """Each entry's records' places and lengths, in turn."""
        self.crcs = crcs if crcs is not None else array("I")

    def add(self, key: bytes, places: Sequence[Place], crc: int) -> None:
        self.entries[key] = len(self.crcs)
        for place in places:
            self.places.extend(place)
        self.crcs.append(crc)

    def find(self, key: bytes) -> tuple[list[Place], int] | None:
        entry = self.entries.get(key)
        if entry is None:
            return None
        flat = self.places[2 * self.records * entry:2 * self.records * (entry + 1)]
        return list(zip(flat[::2], flat[1::2])), self.crcs[entry]

    def stored(self, code: str) -> bytes:
        return pickle.dumps({"code": code, "records": self.records, "keys": list(self.entries),
                             "entries": array("Q", self.entries.values()).tobytes(), "places": self.places.tobytes(),
                             "crcs": self.crcs.tobytes()}, protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def of(cls, stored: dict) -> "_Table":
        entries, places, crcs = array("Q"), array("Q"), array("I")
        entries.frombytes(stored["entries"])
        places.frombytes(stored["places"])
        crcs.frombytes(stored["crcs"])
        if len(entries) != len(stored["keys"]) or len(places) != 2 * stored["records"] * len(crcs):
            raise ValueError("a table of other lengths")
        return cls(stored["records"], dict(zip(stored["keys"], entries)), places, crcs)


class KeptFile:
    """The last build's file, read by key. (Read, not mapped: what a process maps and reads counts
    in its resident memory.)"""

    def __init__(self, handle: BinaryIO, table: _Table):
        self._handle, self._table = handle, table

    @classmethod
    def open(cls, path: Path, code: str) -> "KeptFile | None":
        """None where there is none, or it is not whole, or other code wrote it."""
        try:
            handle = open(path, "rb")
        except OSError:
            return None
        try:
            end = handle.seek(0, os.SEEK_END) - len(_END) - _TABLE_AT.size
            if end < 0:
                raise ValueError("too short")
            handle.seek(end)
            tail = handle.read()
            if tail[_TABLE_AT.size:] != _END:
                raise ValueError("not whole")
            (table_at,) = _TABLE_AT.unpack(tail[:_TABLE_AT.size])
            stored = pickle.loads(os.pread(handle.fileno(), end - table_at, table_at))
            if stored["code"] != code:
                raise ValueError("other code")
            return cls(handle, _Table.of(stored))
        except Exception:  # (any defect of the file: everything is made again)
            handle.close()
            return None

    def __contains__(self, key: bytes) -> bool:
        return key in self._table.entries

    def keys(self) -> list[bytes]:
        return list(self._table.entries)

    def get(self, key: bytes) -> tuple[bytes, ...] | None:
        """The records kept under `key`, unless there are none or their bytes are not as written."""
        found = self._table.find(key)
        if found is None:
            return None
        places, crc = found
        records = tuple(os.pread(self._handle.fileno(), length, at) for at, length in places)
        if [len(record) for record in records] != [length for _, length in places] or _crc(records) != crc:
            return None
        return records

    def close(self) -> None:
        self._handle.close()


class KeptFileWriter:
    """This build's file, written as records are added: kept whole in its folder (`keep`, which
    replaces the last build's) or not at all. Without a folder, a temporary file."""

    def __init__(self, folder: Path | None, name: str, records: int = 1):
        self.name = name
        self._path: Path | None = None
        if folder is not None:
            try:
                folder.mkdir(parents=True, exist_ok=True)
                remove_left_behind(folder, name)
                self._path = folder / f".{name}.new-{os.getpid()}"
                self._file: BinaryIO = open(self._path, "w+b")
            except OSError:  # (a folder that cannot be written: this build's goes without)
                self._path = None
        if self._path is None:
            self._file = tempfile.TemporaryFile()
        self._at = 0
        self._table = _Table(records)

    def __contains__(self, key: bytes) -> bool:
        """A record was added under `key`."""
        return key in self._table.entries

    def __len__(self) -> int:
        return len(self._table.entries)

    def add(self, key: bytes | None, *records: bytes) -> tuple[Place, ...]:
        """`records` written, under `key` if any; returns where each is."""
        places = []
        for record in records:
            self._file.write(record)
            places.append((self._at, len(record)))
            self._at += len(record)
        if key is not None:
            assert len(records) == self._table.records
            self._table.add(key, places, _crc(records))
        return tuple(places)

    def read(self, place: Place) -> bytes:
        """A record written before, read back."""
        self._file.flush()
        at, length = place
        return os.pread(self._file.fileno(), length, at)

    def keep(self, code: str) -> None:
        """The file, under `code`, in place of the last in its folder (a temporary one is not
        kept); then closed. A folder that cannot be written goes without."""
        try:
            self._file.write(self._table.stored(code) + _TABLE_AT.pack(self._at) + _END)
            self._file.flush()
            if self._path is not None:
                os.replace(self._path, self._path.parent / self.name)
                self._path = None
        except OSError:
            pass
        self.close()

    def close(self) -> None:
        """Closed, and where not kept, removed."""
        self._file.close()
        if self._path is not None:
            self._path.unlink(missing_ok=True)
            self._path = None

def _crc(records: tuple[bytes, ...] | list[bytes]) -> int:
    crc = 0
    for record in records:
        crc = zlib.crc32(record, crc)
    return crc


class KeptRecords:
    """The last build's file of a name, read by key, and this build's, written as records are added
    (`file`) and kept in its place (`keep`). `former`: the file's name in code before this module,
    removed."""

    def __init__(self, folder: Path | None, name: str, code: str, records: int = 1, former: str | None = None):
        self.code = code
        if folder is not None and former is not None:
            (folder / former).unlink(missing_ok=True)
        self.last = KeptFile.open(folder / name, code) if folder is not None else None
        self.file = KeptFileWriter(folder, name, records)

    def __contains__(self, key: bytes) -> bool:
        """The last build kept records under `key`."""
        return self.last is not None and key in self.last

    def get(self, key: bytes) -> tuple[bytes, ...] | None:
        """The records the last build kept under `key` (`KeptFile.get`)."""
        return self.last.get(key) if self.last is not None else None

    def keep(self) -> None:
        """This build's file kept (`KeptFileWriter.keep`); then both closed."""
        self.file.keep(self.code)
        self.close()

    def close(self) -> None:
        """Both closed; this build's, where not kept, removed."""
        self.file.close()
        if self.last is not None:
            self.last.close()
            self.last = None

