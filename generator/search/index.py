"""The index: lunr's inverted index and field vectors, computed from the search documents.

The weights are lunr's (BM25 per field, field boosts, rounded to three decimals) and term
indices are assigned in lunr's order, so lunr.js's Vector arithmetic in the browser gives the
scores lunr.py gives; `tests/test_search_parity.py` holds both to that. Building is ours, not
lunr.py's, because lunr.py keeps every posting's metadata and does not scale to 10,000 protocols:
the index is held in flat arrays, and pass one (`counts.py`) counts only what changed since the last build.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

import numpy as np

from .analysis import Lexicon, analyse
from .counts import Compounds, Tally, count_terms, count_tokens, occurrences
from .documents import FIELD_NAMES, FIELDS, NAMES_FIELD, SearchDoc
from .texts import PackedTexts

K1 = 1.2
B = 0.75
SLICE = 1 << 20
"""Entries weighed, and read back from the sort, at a time."""


def field_tokens(doc: SearchDoc, name: str, lexicon: Lexicon | None) -> list[str]:
    """A document's field as the index reads it (before the pipeline)."""
    return analyse(doc.texts.get(name, ""), lexicon, names=name == NAMES_FIELD)


@dataclass(slots=True)
class Posting:
    index: int
    """lunr's term index: the order in which the term was first seen."""
    fields: dict[int, tuple[array, array]] = field(default_factory=dict)
    """Field number -> (document numbers, weights in thousandths), parallel arrays."""

    def pairs(self, field_number: int) -> list[tuple[int, int]]:
        docs, weights = self.fields.get(field_number, ((), ()))
        return list(zip(docs, weights))


@dataclass(slots=True)
class SearchIndex:
    """lunr's inverted index in flat arrays: one entry per (term, field, document), sorted by
    term, field and best weight first. At 10,000 protocols there are 12 million entries over
    770,000 terms: an object per term cost gigabytes."""

    docs: list[SearchDoc]
    term_list: list[str]
    """lunr's term index -> the term."""
    starts: np.ndarray
    """Term index -> where its entries begin (and end: the next term's start)."""
    entry_doc: np.ndarray
    entry_field: np.ndarray
    entry_weight: np.ndarray
    """Weights in thousandths, as lunr.py rounds them."""
    compounds: Compounds = field(default_factory=lambda: Compounds({}, []))
    """A compound's term -> its parts' terms (`counts.Tally.compounds`)."""
    by_term: np.ndarray | None = None
    """The terms' numbers in the order of the terms (`counts.Tally.by_term`), or None to sort them."""
    _term_ids: dict[str, int] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def term_ids(self) -> dict[str, int]:
        """Term -> lunr's term index (made when first asked for: the files need only the list, and
        the map of 800,000 terms was half a second of each build at 10,000 protocols)."""
        if self._term_ids is None:
            self._term_ids = {term: number for number, term in enumerate(self.term_list)}
        return self._term_ids

    @property
    def terms(self) -> "Terms":
        return Terms(self)

    def entries(self, number: int) -> tuple[list[int], list[int], list[int]]:
        """Term `number`'s entries: fields, documents and weights, in the index's order."""
        start, end = int(self.starts[number]), int(self.starts[number + 1])
        return (self.entry_field[start:end].tolist(), self.entry_doc[start:end].tolist(),
                self.entry_weight[start:end].tolist())

    def posting(self, term: str) -> Posting:
        number = self.term_ids[term]
        posting = Posting(number)
        for field_number, doc, weight in zip(*self.entries(number)):
            docs, weights = posting.fields.setdefault(field_number, (array("I"), array("i")))
            docs.append(doc)
            weights.append(weight)
        return posting

    def weight(self, term: str, field_name: str, doc: int) -> float:
        """lunr's field-vector value for (term, field, document), as lunr.py stores it."""
        return dict(self.posting(term).pairs(FIELD_NAMES.index(field_name))).get(doc, 0) / 1000


class Terms(Mapping):
    """The index's terms as a mapping to their postings (made on demand)."""

    def __init__(self, index: SearchIndex):
        self.index = index

    def __getitem__(self, term: str) -> Posting:
        return self.index.posting(term)

    def __iter__(self) -> Iterator[str]:
        return iter(self.index.term_ids)

    def __len__(self) -> int:
        return len(self.index.term_ids)


def build_index(docs: list[SearchDoc], lexicon: Lexicon | None, tally: Tally | None = None) -> SearchIndex:
    """lunr's field vectors, computed as lunr.py's Builder does: pass one counts terms per
    (document, field) (`counts.py`, or `tally`, what it counted of `docs`' texts); pass two turns
    the counts into BM25 weights once the average field lengths and document frequencies are known."""
    if tally is None:
        texts = PackedTexts.of(docs)
        tally = count_terms(texts, lexicon, count_tokens(texts, None), None)
    lengths = [tally.lengths[:, number] for number in range(len(FIELDS))]
    # (handed over: pass two lets each array go once it is used, and the compounds are the index's)
    entries, compounds = [tally.entry_term, tally.entry_tf], tally.take_compounds()
    tally.entry_term = tally.entry_tf = np.zeros(0, dtype=np.uint32)
    index = _weighted(docs, tally.terms, compounds, entries, tally.distinct.reshape(-1), lengths)
    index.by_term = tally.by_term
    return index


def documents_per_token(docs: list[SearchDoc]) -> Counter[str]:
    """How many documents each token is in (what the lexicon and the vocabulary are made of)."""
    return count_tokens(PackedTexts.of(docs), None).documents_per_token()


def _weighted(docs: list[SearchDoc], terms: list[str], compounds: Mapping[str, tuple[str, ...]],
              entries: list[np.ndarray], distinct: np.ndarray, lengths: list[np.ndarray]) -> SearchIndex:
    """Pass two: BM25 weights, and the entries sorted as the files list them (vectorised: a
    Python step per entry was a third of the index's time at 10,000 protocols)."""
    count = len(docs)
    per_pair = distinct.astype(np.int64)
    per_doc = per_pair.reshape(count, len(FIELDS)).sum(axis=1)
    with_term = occurrences(entries[0], len(terms))  # documents with the term: lunr counts per field
    idf = _idf(with_term, count)
    norms = np.zeros((len(FIELDS), count))
    for number, field_lengths in enumerate(lengths):
        average = int(np.sum(field_lengths, dtype=np.int64)) / count if count else 0
        if average:
            norms[number] = K1 * (1 - B + B * (field_lengths / average))
    boosts = np.array([boost for _, boost in FIELDS], dtype=float)
    # Sorted by term, then field, then best weight first; documents stay in their order (a stable
    # sort of entries made document by document). The key is made a slice at a time, and what the
    # sort moves is read back from it: at 10,000 protocols an array of entries is 50 to 100 MB,
    # and the index's process is the build's largest.
    layout = _KeyLayout.of(len(terms), float(idf.max(initial=0)) * (K1 + 1) * float(boosts.max()), count)
    key = np.empty(len(entries[0]), dtype=np.int64)
    doc_ends = np.cumsum(per_doc)
    # (the entries' terms, counts and fields given back as the key is made of them: at 100,000
    # protocols, 107 million entries, they were 1 GB beside the key's 0.9)
    inputs = _ReadFromTheEnd([*entries, np.repeat(np.tile(np.arange(len(FIELDS), dtype=np.uint8), count), per_pair)])
    entries.clear()
    for start, (term, tf, in_field) in inputs.slices():
        at = slice(start, start + len(term))
        doc = _docs_between(doc_ends, start, len(term))
        # lunr.py's weight, operation for operation (IEEE arithmetic: the same bits as Python's floats)
        weight = idf[term] * ((K1 + 1) * tf) / (norms[in_field, doc] + tf) * boosts[in_field]
        layout.fill(key[at], term, in_field, _thousandths(weight), doc)
    if layout.doc_bits:  # (the document in the key: the order a stable sort gives, sorted in place)
        key.sort()
        # (read back a slice at a time, each given back once read: its 0.9 GB at 100,000 protocols
        # was beside what is read of it, and a copy of it as large while the documents were)
        sorted_keys = _ReadFromTheEnd([key])
        del key
        entry_doc, entry_field, entry_weight = layout.read_sorted(sorted_keys)
    else:
        order = np.argsort(key, kind="stable")
        entry_doc = _docs_of(per_doc)[order]  # (made again: held through the sort, it was its largest moment's)
        entry_field, entry_weight = layout.fields_and_weights(key, order)
        del key, order
    starts = np.concatenate(([0], np.cumsum(with_term)))
    return SearchIndex(docs, terms, starts, entry_doc, entry_field, entry_weight, compounds)


@dataclass(frozen=True, slots=True)
class _KeyLayout:
    """An entry's sort key: its term, field and weight (best first: the most a weight can be, less
    its own), then its document where all fit in 63 bits (at 10,000 protocols 60 bits: the key alone
    is then sorted, in place, where a stable argsort held two more arrays of 64-bit numbers)."""

    field_bits: int
    weight_bits: int
    doc_bits: int
    """0 where the document does not fit (it is then the entry's place, kept by a stable sort)."""
    most: int
    """The most a weight in thousandths can be."""

    @staticmethod
    def of(terms: int, weight_bound: float, docs: int) -> "_KeyLayout":
        """`weight_bound`: what no weight reaches (BM25's tf part is below K1 + 1)."""
        most = int(weight_bound * 1000) + 1
        field_bits, weight_bits = (len(FIELDS) - 1).bit_length(), most.bit_length()
        doc_bits = max(docs - 1, 1).bit_length()
        fits = max(terms - 1, 1).bit_length() + field_bits + weight_bits + doc_bits <= 63
        return _KeyLayout(field_bits, weight_bits, doc_bits if fits else 0, most)

    def fill(self, key: np.ndarray, term: np.ndarray, field: np.ndarray, thousandths: np.ndarray,
             doc: np.ndarray) -> None:
        if len(thousandths) and int(thousandths.max()) > self.most:  # (never: it would reorder silently)
            raise ValueError(f"a weight above its bound: {int(thousandths.max())} > {self.most}")
        key[:] = term
        key <<= self.field_bits
        key |= field
        key <<= self.weight_bits
        key |= self.most - thousandths
        if self.doc_bits:
            key <<= self.doc_bits
            key |= doc

    def fields_and_weights(self, key: np.ndarray, order: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Each entry's field and weight, in the keys' `order` (keys without their document)."""
        fields = np.empty(len(key), dtype=np.uint8)
        weights = np.empty(len(key), dtype=np.int32)
        for start in range(0, len(key), SLICE):
            self._split(key[order[start:start + SLICE]], fields[start:start + SLICE], weights[start:start + SLICE])
        return fields, weights

    def read_sorted(self, keys: "_ReadFromTheEnd") -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Each entry's document, field and weight, read from the sorted `keys` (with their
        document), each slice of them given back once read."""
        docs = np.empty(keys.length, dtype=np.uint32)
        fields = np.empty(keys.length, dtype=np.uint8)
        weights = np.empty(keys.length, dtype=np.int32)
        for start, (part,) in keys.slices():
            at = slice(start, start + len(part))
            docs[at] = part & ((1 << self.doc_bits) - 1)
            self._split(part >> self.doc_bits, fields[at], weights[at])
        return docs, fields, weights

    def _split(self, keys: np.ndarray, fields: np.ndarray, weights: np.ndarray) -> None:
        """The fields and weights of `keys`, less their documents, into `fields` and `weights`."""
        weights[:] = self.most - (keys & ((1 << self.weight_bits) - 1))
        fields[:] = (keys >> self.weight_bits) & ((1 << self.field_bits) - 1)


class _ReadFromTheEnd:
    """Arrays of one length (given, and held here alone) read a slice at a time from their end,
    each cut short once a slice is read (`ndarray.resize`: what it held given back to the system
    where its block was mapped on its own, `malloc.map_large_blocks`). An array also held elsewhere
    stays whole: read all the same."""

    def __init__(self, arrays: list[np.ndarray]):
        self._arrays = arrays
        self.length = len(arrays[0]) if arrays else 0

    def slices(self) -> Iterator[tuple[int, list[np.ndarray]]]:
        """Where each slice starts, and a copy of each array's slice."""
        for start in reversed(range(0, self.length, SLICE)):
            part = [array[start:start + SLICE].copy() for array in self._arrays]
            self._cut_to(start)
            yield start, part
        self._arrays = []

    def _cut_to(self, size: int) -> None:
        for number in range(len(self._arrays)):
            try:  # (the list's the only reference: `resize` refuses an array viewed or held elsewhere)
                self._arrays[number].resize(size)
            except ValueError:
                pass


def _idf(with_term: np.ndarray, count: int) -> np.ndarray:
    """lunr's idf of each term, `with_term` documents of `count` holding it: by math.log, not numpy's
    log, which may differ from the C library's in the last bit; once per distinct count (a term's
    count is most often 1, 2 or 3: a log per term took 0.45 s for 2 million terms, this 0.03 s)."""
    table = np.zeros(int(with_term.max(initial=0)) + 1)
    for n in np.flatnonzero(np.bincount(with_term)).tolist():
        table[n] = math.log(1 + abs((count - n + 0.5) / (n + 0.5)))
    return table[with_term]


def _docs_of(per_doc: np.ndarray) -> np.ndarray:
    """Each entry's document, the entries being `per_doc` of each document in turn."""
    return np.repeat(np.arange(len(per_doc), dtype=np.uint32), per_doc)


def _docs_between(doc_ends: np.ndarray, start: int, size: int) -> np.ndarray:
    """The document of each entry `start` to `start + size` (`doc_ends`: where each document's
    entries end)."""
    if not size:
        return np.zeros(0, dtype=np.uint32)
    # (each document's entries are together: a run of each document of the span, not a search per entry)
    first, last = np.searchsorted(doc_ends, [start, start + size - 1], side="right").tolist()
    ends = np.minimum(doc_ends[first:last + 1], start + size)
    return np.repeat(np.arange(first, last + 1, dtype=np.uint32), np.diff(ends, prepend=start))


def _thousandths(weights: np.ndarray) -> np.ndarray:
    """`round(round(w, 3) * 1000)` for each weight, as lunr.py rounds: Python rounds the exact
    decimal value, numpy the product `w * 1000`, which differ only where that product lies within
    a rounding error of a half; those few are rounded by Python."""
    scaled = weights * 1000
    rounded = np.rint(scaled)
    near_half = np.flatnonzero(np.abs(np.abs(scaled - rounded) - 0.5) < 1e-6)
    for at in near_half.tolist():
        rounded[at] = round(round(float(weights[at]), 3) * 1000)
    return rounded.astype(np.int32)
