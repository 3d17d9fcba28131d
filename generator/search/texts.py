"""The search documents' texts, packed: what counting reads of each document (its texts by field)
and what its snippets are cut from, held as one UTF-8 byte string per part of the documents.

At 10,000 protocols the documents' texts are 130 MB of text; as a dict of strings per document they
took 230 MB of the index's process, in many small allocations that, once let go, were not returned to
the system (they lie among the documents' facts, which stay). Packed, they are three large
allocations a part of 10,000 documents, which `release` gives back: the index's process needs them
only until it has counted.

Received from the search documents' maker (`job.py`), the parts' bytes are written to an unnamed
file as they come (`spool_in`) and read back a part at a time: counting reads the documents in
order, in workers forked from the index's process, and each worker held every part it inherited,
the whole archive's texts (1.3 GB at 100,000 protocols), to read its half of them.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np

from .documents import FIELD_NAMES, SearchDoc

KEY_SIZE = 16
_SLOTS = len(FIELD_NAMES) + 1
"""A document's texts in FIELD_NAMES' order, then its snippet source."""
ENCODING = ("utf-8", "surrogatepass")
_WORD = re.compile(r"[^\W\d_]+")
_BY_NAME = [(slot, f"{name}\0".encode()) for slot, name in sorted(enumerate(FIELD_NAMES), key=lambda field: field[1])]
"""Each field's slot and its name as `encoded_key` digests it, in its order (by name)."""


class PackedTexts(Sequence[Mapping[str, str]]):
    """Each document's texts by field (`[number]`, a dict made when asked for), its snippet source
    (`snippet`) and its texts' digest (`key`), for documents added a part at a time."""

    def __init__(self, spool_in: Path | None = None) -> None:
        """With `spool_in`, a folder: the parts' bytes are held in an unnamed file there, not here."""
        self._store: _InMemory | _OnDisk = _OnDisk(spool_in) if spool_in is not None else _InMemory()
        self._parts: list[tuple[int, np.ndarray, np.ndarray]] = []
        """Each part's bytes (by their number in `_store`), where each slot ends in them, and which
        fields each document has."""
        self._keys: list[list[bytes] | None] = []
        """Each part's documents' keys where they came with it (`encoded_keys`), else None."""
        self._firsts: list[int] = []
        self._count = 0

    @staticmethod
    def of(docs: Sequence[SearchDoc]) -> "PackedTexts":
        texts = PackedTexts()
        texts.add(*pack(docs))
        return texts

    def add(self, data: bytes, ends: np.ndarray, present: np.ndarray, keys: list[bytes] | None = None) -> None:
        """A part `pack` made, its documents numbered after those added before; `keys`, where
        known, each one's `key` (`encoded_keys`)."""
        self._parts.append((self._store.add(data), ends, present))
        self._keys.append(keys)
        self._firsts.append(self._count)
        self._count += len(present)

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, number: int) -> dict[str, str]:  # type: ignore[override]
        return {name: data.decode(*ENCODING) for name, data in self._encoded(number)}

    def snippet(self, number: int) -> str:
        (stored, ends, _), row = self._located(number)
        start, end = _span(ends, row, _SLOTS - 1)
        return self._store.data(stored)[start:end].decode(*ENCODING)

    def key(self, number: int) -> bytes:
        """`text_key` of the document's texts (read from their bytes, not decoded)."""
        return encoded_key(self._encoded(number))

    def keys(self) -> list[bytes]:
        """`key` of every document, in order: those a part came with, the others read from its
        bytes (a part at a time, not copied: half of `key`'s time per document)."""
        keys: list[bytes] = []
        for (stored, ends, present), known in zip(self._parts, self._keys):
            if known is not None:
                keys += known
                continue
            view, ends_at = memoryview(self._store.data(stored)), [0, *ends.tolist()]  # (a field's start: its slot's end before)
            keys += [_key_of(view, ends_at, row * _SLOTS, flags) for row, flags in enumerate(present.tolist())]
        return keys

    def capitalised_words(self, field: str) -> set[str]:
        """The words written with a capital in one field of every document, lower-cased (the field's
        texts of a part read as one): in the field of names, the names (not a title or a party
        written after one in lower case)."""
        slot = FIELD_NAMES.index(field)
        words: set[str] = set()
        for stored, ends, present in self._parts:
            data = self._store.data(stored)
            ends_at = [0, *ends.tolist()]
            spans = [(ends_at[row * _SLOTS + slot], ends_at[row * _SLOTS + slot + 1]) for row in range(len(present))]
            text = b"\n".join(data[start:end] for start, end in spans).decode(*ENCODING)
            words.update(word.lower() for word in _WORD.findall(text) if word[0].isupper())
        return words

    def release(self) -> None:
        """Let go of every text (each part a block of its own: where large blocks are mapped,
        `malloc.map_large_blocks`, given back to the system; held in a file, the file closed)."""
        self._store.close()
        self._store = _InMemory()
        self._parts, self._keys, self._firsts, self._count = [], [], [], 0

    def _located(self, number: int) -> tuple[tuple[int, np.ndarray, np.ndarray], int]:
        """The document's part, and its row in it."""
        if not 0 <= number < self._count:
            raise IndexError(number)
        part = bisect_right(self._firsts, number) - 1
        return self._parts[part], number - self._firsts[part]

    def _encoded(self, number: int) -> list[tuple[str, bytes]]:
        (stored, ends, present), row = self._located(number)
        data = self._store.data(stored)
        flags = int(present[row])
        return [(name, data[slice(*_span(ends, row, slot))])
                for slot, name in enumerate(FIELD_NAMES) if flags & (1 << slot)]


class _InMemory:
    """The parts' bytes, held."""

    def __init__(self) -> None:
        self._data: list[bytes] = []

    def add(self, data: bytes) -> int:
        self._data.append(data)
        return len(self._data) - 1

    def data(self, part: int) -> bytes:
        return self._data[part]

    def close(self) -> None:
        self._data = []


class _OnDisk:
    """The parts' bytes in an unnamed file (gone with its last descriptor, whatever stops the
    process), read back a part at a time: the part last read is held until another is read."""

    def __init__(self, folder: Path) -> None:
        self._file = tempfile.TemporaryFile(dir=folder, buffering=0)
        self._spans: list[tuple[int, int]] = []
        self._size = 0
        self._last: tuple[int, bytes] = (-1, b"")

    def add(self, data: bytes) -> int:
        view = memoryview(data)
        while view:  # (positioned writes, no buffer: a worker forked meanwhile inherits none to flush)
            view = view[os.pwrite(self._file.fileno(), view, self._size + len(data) - len(view)):]
        self._spans.append((self._size, len(data)))
        self._size += len(data)
        return len(self._spans) - 1

    def data(self, part: int) -> bytes:
        if self._last[0] != part:
            self._last = (-1, b"")  # (the part held let go of before the next is read)
            at, size = self._spans[part]
            data = os.pread(self._file.fileno(), size, at)
            if len(data) != size:
                raise OSError(f"the search documents' texts could not be read back from their file ({size} bytes at {at})")
            self._last = (part, data)
        return self._last[1]

    def close(self) -> None:
        self._last = (-1, b"")
        self._file.close()


Encoded = tuple[bytes, bytes, int]
"""A document's texts as `pack` holds them: their bytes, where each slot ends in them (`_SLOTS`
unsigned 32-bit numbers: as a tuple of numbers, 40 MB of 130,000 documents), and which fields it has
(`encode`)."""


def encode(doc: SearchDoc, snippets: bool = True) -> Encoded:
    """A document's texts and snippet source (empty without `snippets`) as one byte string, where
    each ends in it (`_SLOTS` of them) and which fields it has (a bit per field: a field absent and
    a field empty are counted apart, `text_key`)."""
    chunks: list[bytes] = []
    ends = array("I")
    flags = at = 0
    for slot, name in enumerate(FIELD_NAMES):
        text = doc.texts.get(name)
        if text is not None:
            flags |= 1 << slot
            data = text.encode(*ENCODING)
            chunks.append(data)
            at += len(data)
        ends.append(at)
    if snippets:
        data = doc.snippet_source.encode(*ENCODING)
        chunks.append(data)
        at += len(data)
    ends.append(at)
    return b"".join(chunks), ends.tobytes(), flags


def encoded_keys(encoded: Sequence[Encoded]) -> list[bytes]:
    """`PackedTexts.key` of each of the documents `encode` gave, made where they are encoded (the
    search documents' maker keeps them with its documents: read from 130,000 documents' texts at
    10,000 protocols, they were three quarters of a second of the index's longest path)."""
    keys = []
    for data, slots, flags in encoded:
        view, ends_at = memoryview(data), [0, *array("I", slots)]
        keys.append(_key_of(view, ends_at, 0, flags))
    return keys


def _key_of(view: memoryview, ends_at: Sequence[int], base: int, flags: int) -> bytes:
    """`encoded_key` of a document's texts in `view`, its slots ending at `ends_at[base + 1:]`."""
    digest = hashlib.blake2b(digest_size=KEY_SIZE)
    for slot, name in _BY_NAME:
        if flags >> slot & 1:
            digest.update(name)
            digest.update(view[ends_at[base + slot]:ends_at[base + slot + 1]])
            digest.update(b"\0")
    return digest.digest()


def pack(docs: Iterable[SearchDoc], snippets: bool = True) -> tuple[bytes, np.ndarray, np.ndarray]:
    """The documents' texts and snippet sources (empty without `snippets`) as one byte string,
    where each ends in it (a row of `_SLOTS` per document) and which fields each has."""
    return pack_encoded([encode(doc, snippets) for doc in docs])


def pack_encoded(encoded: Sequence[Encoded]) -> tuple[bytes, np.ndarray, np.ndarray]:
    """`pack` of documents `encode` gave."""
    count = len(encoded)
    data = [texts for texts, _, _ in encoded]
    lengths = np.fromiter(map(len, data), dtype=np.int64, count=count)
    starts = np.cumsum(lengths) - lengths
    slots = np.frombuffer(b"".join([slots for _, slots, _ in encoded]), dtype=np.dtype("I"))
    ends = slots.astype(np.int64).reshape(count, _SLOTS) + starts[:, None]
    present = np.fromiter((flags for _, _, flags in encoded), dtype=_FLAGS, count=count)
    return b"".join(data), ends.ravel(), present


_FLAGS = np.uint8 if len(FIELD_NAMES) <= 8 else np.uint64


def _span(ends: np.ndarray, row: int, slot: int) -> tuple[int, int]:
    at = row * _SLOTS + slot
    return (int(ends[at - 1]) if at else 0), int(ends[at])


def text_key(texts: Mapping[str, str]) -> bytes:
    """A document's texts, all that counting reads of it, as a digest."""
    return encoded_key((name, text.encode(*ENCODING)) for name, text in texts.items())


def encoded_key(fields: Iterable[tuple[str, bytes]]) -> bytes:
    """`text_key` of texts given encoded, by field name."""
    digest = hashlib.blake2b(digest_size=KEY_SIZE)
    for name, data in sorted(fields):
        digest.update(name.encode())
        digest.update(b"\0")
        digest.update(data)
        digest.update(b"\0")
    return digest.digest()
