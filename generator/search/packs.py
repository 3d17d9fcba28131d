"""Index records packed into few files, each record compressed on its own, read by HTTP Range.

A file per record is what a host, a deploy and a clone pay for at scale (tens of thousands of
files at 10,000 protocols); a file of many records fetched whole is what a reader pays for. A
pack is both: a file of up to about PACK_BYTES of records, each one JSON compressed alone (raw
deflate), so that a reader fetches one record's bytes with a Range request and inflates them
(`DecompressionStream` in sok.js). A host that ignores Range sends the whole file, which the
reader then slices (`mkdocs serve`, Python's test server): slower, never wrong.

A pack's records are followed by its footer: the records' offsets, one more for where the footer
starts (also the file's last four bytes, so a pack describes itself), little-endian uint32.

Records are read two ways:

- by address, `pack:offset:length`, for records another record names (posting tails named by
  term chunks, term chunks by group lists, groups by the manifest); `pack` is the pack's key in
  the manifest's `packs`, which gives its file;
- by number, for records a document or a shard number finds (texts, direct hits): a table
  `[[first number, file, footer offset], ...]` gives the pack, and the pack's footer the record's
  offsets (a Range read of eight bytes, then the record's);
- by number in one read (`SlotWriter`), for the facts the header box shows at every key typed:
  records in slots of one size, so record n is at n × slot; the table gives `[first number, file,
  slot size]`. The slot fits all but the longest twentieth of the pack's records; a longer
  record's slot says where it is, after the slots. A slotted pack ends with its record count, its
  slot size and SLOTTED.

The snippet texts' records are compressed against a preset dictionary (`dictionary.py`), which a
reader fetches once and puts before each record it inflates; a table says so by the manifest's
`textDictionary`.

Names are content digests: a pack whose records did not change keeps its name and its caches. A
build keeps the documents' compressed records (`RecordMemo`): the next compresses only the records
whose JSON changed.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import struct
import zlib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Protocol

import orjson
from zlib_ng import zlib_ng

from ..kept import KeptRecords

PACK_BYTES = 1_000_000
"""A pack is closed once it holds this many bytes: a reader whose host ignores Range fetches a
whole pack for one record, so they stay moderate."""
SLOT_SHARE = 0.95
"""The share of a slotted pack's records that fit their slot (the rest cost a second read)."""
SLOTTED = 0xFFFFFFFF
"""A slotted pack's last four bytes (a plain pack's are its footer's offset, always less)."""
OVERFLOW = 0xFFFF
"""A slot's length that says the record is elsewhere: its offset and length follow."""
SUFFIX = ".bin"
"""(not `.json`: a host must not compress the file, or Range would cut the compressed bytes)"""


class Files(Protocol):
    def __setitem__(self, name: str, data: bytes) -> None: ...


def compress(data: object, dictionary: bytes = b"") -> bytes:
    """`data` (lists, strings and integers) as compact UTF-8 JSON, the bytes `json.dumps` with
    `ensure_ascii=False` would give, deflated."""
    return deflate(orjson.dumps(data), dictionary)


def deflate(raw: bytes, dictionary: bytes = b"") -> bytes:
    """Raw deflate; with a preset `dictionary` (`dictionary.py`), which the reader must be given.

    Compressed by zlib-ng, which any inflate reads (the browser's `DecompressionStream`, Python's
    zlib): at level 6 it took 55% of zlib's time for the records of 10,000 protocols and made
    them 2% smaller (1.6 MB: the term chunks and posting tails; the texts the same)."""
    packer = _primed(dictionary).copy() if dictionary else zlib_ng.compressobj(6, zlib_ng.DEFLATED, -15)
    return packer.compress(raw) + packer.flush()


@functools.lru_cache(maxsize=4)
def _primed(dictionary: bytes) -> "zlib_ng._Compress":
    """A compressor that has read `dictionary`, to be copied for each record: copying one is
    cheaper than reading the dictionary into a new one (half the time for a small record; without
    a dictionary, a new compressor is the cheaper)."""
    return zlib_ng.compressobj(6, zlib_ng.DEFLATED, -15, zdict=dictionary)


MEMO_FILE = "search-records.kept"
_MEMO_CODE = f"{zlib_ng.ZLIBNG_RUNTIME_VERSION} {hashlib.sha256(Path(__file__).read_bytes()).hexdigest()}"
"""What a kept record's bytes depend on besides its JSON: zlib-ng, and how this module compresses."""


class RecordMemo:
    """The records a build compressed, by a digest of their JSON and of the dictionary they were
    compressed with, kept in the cache folder for the next build: a record whose JSON did not
    change is taken as it was, not compressed again (the same bytes: deflate is deterministic).
    For the documents' facts and texts, and the posting tails, which a commit changes a few
    records of (at 10,000 protocols, 1.4% of the tails); the term chunks change with nearly every
    commit (their weights, and the terms' numbers). The records go to a file as they are
    compressed, and the last build's are read one at a time (`kept.py`): held in memory, they were
    80 MB of the search documents' maker at 10,000 protocols (and the last build's as much again)."""

    def __init__(self, folder: Path | None, name: str = MEMO_FILE, code: str = _MEMO_CODE):
        self.made = 0
        """Records compressed (not taken as they were)."""
        self._records = KeptRecords(folder, name, code, former=f"{name.rpartition('.')[0]}.pickle")

    @classmethod
    def read(cls, folder: Path | None, name: str = MEMO_FILE, code: str = _MEMO_CODE) -> "RecordMemo":
        """The last build's records kept in `folder` under `name`, if any (`write` keeps this build's)."""
        return cls(folder, name, code)

    def __contains__(self, key: bytes) -> bool:
        """The last build kept a record under `key`."""
        return key in self._records

    @property
    def kept(self) -> int:
        """Records this build keeps for the next."""
        return len(self._records.file)

    def get(self, key: bytes, make: Callable[[], bytes]) -> bytes:
        """The record kept under `key`, else the one `make` gives."""
        found = self._records.get(key)
        if found is not None:
            (record,) = found
        else:
            record = make()
            self.made += 1
        if key not in self._records.file:
            self._records.file.add(key, record)
        return record

    def deflate(self, raw: bytes, dictionary: bytes = b"") -> bytes:
        return self.get(hashlib.blake2b(raw, digest_size=16, salt=_digest(dictionary)).digest(),
                        lambda: deflate(raw, dictionary))

    def write(self) -> None:
        """This build's records (only) kept in the folder they were read from, for the next; then
        closed."""
        self._records.keep()

    def close(self) -> None:
        """Closed; what was not written is not kept."""
        self._records.close()


@contextlib.contextmanager
def kept_records(kept: Path | None, name: str = MEMO_FILE) -> Iterator[RecordMemo | None]:
    """The records the last build kept in `kept` under `name` (None without a folder); this build's
    kept there for the next when the block ends without an error."""
    if kept is None:
        yield None
        return
    memo = RecordMemo.read(kept, name)
    try:
        yield memo
        memo.write()
    finally:
        memo.close()


@functools.lru_cache(maxsize=4)
def _digest(dictionary: bytes) -> bytes:
    return hashlib.blake2b(dictionary, digest_size=16).digest()


def _compressed(raw: bytes, dictionary: bytes, memo: RecordMemo | None) -> bytes:
    return memo.deflate(raw, dictionary) if memo is not None else deflate(raw, dictionary)


def inflate(record: bytes, dictionary: bytes = b"") -> object:
    unpacker = zlib.decompressobj(-15, zdict=dictionary) if dictionary else zlib.decompressobj(-15)
    return json.loads((unpacker.decompress(record) + unpacker.flush()).decode("utf-8"))


class PackWriter:
    """Records of one kind (`folder`) into packs; `label` tells this writer's packs from another's
    in the same index (two processes write term chunks at once)."""

    def __init__(self, files: Files, folder: str, label: str, dictionary: bytes = b"", memo: RecordMemo | None = None):
        self.files, self.folder, self.label, self.dictionary, self.memo = files, folder, label, dictionary, memo
        self.packs: dict[str, str] = {}
        """Pack key -> file name, for the manifest."""
        self.table: list[list] = []
        """[first record number, file name, footer offset] of each pack, for reading by number."""
        self.count = 0
        self._buffer = bytearray()
        self._offsets: list[int] = []
        self._first = 0

    @property
    def _key(self) -> str:
        return f"{self.label}{len(self.table)}"

    def add(self, data: object) -> str:
        """Pack a record; returns its address."""
        return self.add_json(orjson.dumps(data))

    def add_json(self, raw: bytes) -> str:
        """Pack a record already encoded as JSON; returns its address."""
        return self._append(_compressed(raw, self.dictionary, self.memo))

    def add_made_of(self, key: bytes, data: Callable[[], object]) -> str:
        """Pack the record `data` gives, which `key` digests what it is made of: with a memo that
        holds the key, its record, and `data` is never called."""
        if self.memo is None:
            return self.add(data())
        return self._append(self.memo.get(key, lambda: compress(data(), self.dictionary)))

    def _append(self, record: bytes) -> str:
        offset = len(self._buffer)
        address = f"{self._key}:{offset}:{len(record)}"
        self._offsets.append(offset)
        self._buffer += record
        self.count += 1
        if len(self._buffer) >= PACK_BYTES:
            self.close()
        return address

    def close(self) -> None:
        """Write the open pack, if it holds records."""
        if not self._offsets:
            return
        footer = len(self._buffer)
        self._buffer += struct.pack(f"<{len(self._offsets) + 1}I", *self._offsets, footer)
        name = f"{self.folder}/{hashlib.sha256(self._buffer).hexdigest()[:12]}{SUFFIX}"
        self.files[name] = bytes(self._buffer)
        self.packs[self._key] = name
        self.table.append([self._first, name, footer])
        self._first = self.count
        self._buffer, self._offsets = bytearray(), []


class SlotWriter:
    """Numbered records into slotted packs (see the module's docstring)."""

    def __init__(self, files: Files, folder: str, memo: RecordMemo | None = None):
        self.files, self.folder, self.memo = files, folder, memo
        self.table: list[list] = []
        """[first record number, file name, slot size] of each pack."""
        self.count = 0
        self._records: list[bytes] = []
        self._bytes = 0

    def add(self, data: object) -> None:
        record = _compressed(orjson.dumps(data), b"", self.memo)
        self._records.append(record)
        self._bytes += len(record)
        self.count += 1
        if self._bytes >= PACK_BYTES:
            self.close()

    def close(self) -> None:
        if not self._records:
            return
        lengths = sorted(len(r) for r in self._records)
        slot = max(10, 2 + lengths[min(len(lengths) - 1, int(SLOT_SHARE * len(lengths)))])
        slots, overflow = bytearray(), bytearray()
        start = slot * len(self._records)
        for record in self._records:
            if len(record) + 2 <= slot:
                slots += struct.pack("<H", len(record)) + record + bytes(slot - 2 - len(record))
            else:
                slots += struct.pack("<HII", OVERFLOW, start + len(overflow), len(record)) + bytes(slot - 10)
                overflow += record
        data = bytes(slots + overflow + struct.pack("<III", len(self._records), slot, SLOTTED))
        name = f"{self.folder}/{hashlib.sha256(data).hexdigest()[:12]}{SUFFIX}"
        self.files[name] = data
        self.table.append([self.count - len(self._records), name, slot])
        self._records, self._bytes = [], 0


def read_address(files: Mapping[str, bytes], packs: Mapping[str, str], address: str) -> object:
    key, offset, length = address.split(":")
    start = int(offset)
    return inflate(files[packs[key]][start:start + int(length)])


def read_numbered(files: Mapping[str, bytes], table: list[list], number: int, dictionary: bytes = b"") -> object:
    first, name, footer = max((entry for entry in table if entry[0] <= number), key=lambda entry: entry[0])
    data = files[name]
    at = footer + 4 * (number - first)
    start, end = struct.unpack_from("<2I", data, at)
    return inflate(data[start:end], dictionary)


def read_slotted(files: Mapping[str, bytes], table: list[list], number: int) -> object:
    first, name, slot = max((entry for entry in table if entry[0] <= number), key=lambda entry: entry[0])
    return inflate(_slot(files[name], slot, number - first))


def _slot(data: bytes, slot: int, position: int) -> bytes:
    at = slot * position
    (length,) = struct.unpack_from("<H", data, at)
    if length != OVERFLOW:
        return data[at + 2:at + 2 + length]
    start, length = struct.unpack_from("<II", data, at + 2)
    return data[start:start + length]


def records(data: bytes, dictionary: bytes = b"") -> Iterator[object]:
    """Every record of a pack file, in order (from its end alone, and the dictionary its records
    were compressed with, if any)."""
    (footer,) = struct.unpack_from("<I", data, len(data) - 4)
    if footer == SLOTTED:
        count, slot = struct.unpack_from("<II", data, len(data) - 12)
        for position in range(count):
            yield inflate(_slot(data, slot, position))
        return
    offsets = struct.unpack_from(f"<{(len(data) - footer) // 4}I", data, footer)
    for start, end in zip(offsets, offsets[1:]):
        yield inflate(data[start:end], dictionary)


def readable(name: str, data: bytes, dictionary: bytes = b"") -> bytes:
    """A published file's bytes as a reader's program sees them: a pack's records inflated (as
    JSON lines; with `dictionary`, the one its records need), any other file as it is. For
    checks that no published byte holds what must not be published."""
    if not name.endswith(SUFFIX):
        return data
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in records(data, dictionary)).encode("utf-8")
