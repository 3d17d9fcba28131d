"""The index: lunr's inverted index and field vectors, computed from the search documents.

The weights are lunr's (BM25 per field, field boosts, rounded to three decimals) and term
indices are assigned in lunr's order, so lunr.js's Vector arithmetic in the browser gives the
scores lunr.py gives; `tests/test_search_parity.py` holds both to that. Building is ours, not
lunr.py's, because lunr.py keeps every posting's metadata and does not scale to 10,000 protocols:
the index is held in flat arrays, and on a large archive pass one runs in two processes.
"""

from __future__ import annotations

import functools
import math
from array import array
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from itertools import accumulate, repeat

from ..parallel import map_in_workers
from .analysis import Lexicon, TermCache, analyse
from .documents import FIELD_NAMES, FIELDS, NAMES_FIELD, SearchDoc

K1 = 1.2
B = 0.75
PARALLEL_DOCS = 20_000
"""Documents from which pass one runs in two processes (about 1,500 protocols)."""


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
    """lunr's inverted index in flat arrays: one entry per (term, field, document), grouped by
    term in `order`. At 10,000 protocols there are 12 million entries over 770,000 terms: an
    object per term cost gigabytes."""

    docs: list[SearchDoc]
    term_ids: dict[str, int]
    """Term -> lunr's term index."""
    starts: array
    """Term index -> where its entries begin in `order` (and end: the next term's start)."""
    order: array
    entry_doc: array
    entry_field: array
    entry_weight: array
    """Weights in thousandths, as lunr.py rounds them."""
    compounds: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """A compound's term -> its parts' terms (`analysis.TermCache.compounds`)."""

    @property
    def terms(self) -> "Terms":
        return Terms(self)

    def posting(self, term: str) -> Posting:
        number = self.term_ids[term]
        posting = Posting(number)
        for entry in self.order[self.starts[number]:self.starts[number + 1]]:
            docs, weights = posting.fields.setdefault(self.entry_field[entry], (array("I"), array("i")))
            docs.append(self.entry_doc[entry])
            weights.append(self.entry_weight[entry])
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


def build_index(docs: list[SearchDoc], lexicon: Lexicon | None, release_texts: bool = False) -> SearchIndex:
    """lunr's field vectors, computed as lunr.py's Builder does: pass one counts terms per
    (document, field); pass two turns the counts into BM25 weights once the average field
    lengths and document frequencies are known. With `release_texts`, each document's texts are
    dropped once counted (the index does not need them again: a fifth of the memory).

    Pass one runs on two halves of the documents in two processes on a large archive (it is most
    of the index's time); their counts are merged with the terms numbered as one pass would."""
    half = len(docs) // 2
    spans = [(0, half), (half, len(docs))] if len(docs) >= PARALLEL_DOCS else [(0, len(docs))]
    count_span = functools.partial(_count_terms, docs, lexicon)
    term_ids: dict[str, int] = {}
    entry_term, entry_doc, entry_field, entry_tf = array("I"), array("I"), array("B"), array("I")
    lengths = [array("I") for _ in FIELDS]
    compounds: dict[str, tuple[str, ...]] = {}
    for counts in map_in_workers(count_span, spans, at_least=2):
        for term, parts in counts.compounds.items():
            compounds.setdefault(term, parts)
        renumber = [term_ids.setdefault(term, len(term_ids)) for term in counts.terms]
        entry_term.extend(map(renumber.__getitem__, counts.entry_term))
        entry_doc.extend(counts.entry_doc)
        entry_field.extend(counts.entry_field)
        entry_tf.extend(counts.entry_tf)
        for field_lengths, more in zip(lengths, counts.lengths):
            field_lengths.extend(more)
        del counts, renumber
    if release_texts:
        for doc in docs:
            doc.texts, doc.snippet_source = {}, ""

    count, entries = len(docs), len(entry_term)
    counted = Counter(entry_term)  # documents with the term: lunr counts per field
    with_term = array("I", [counted[t] for t in range(len(term_ids))])
    del counted
    idf = [math.log(1 + abs((count - n + 0.5) / (n + 0.5))) for n in with_term]
    norms = []
    for field_lengths in lengths:
        average = sum(field_lengths) / count if count else 0
        norms.append([K1 * (1 - B + B * (length / average)) for length in field_lengths] if average else [])
    boosts = [boost for _, boost in FIELDS]
    entry_weight = array("i")
    for start in range(0, entries, 1 << 20):  # (in slices: a list of 12 million numbers is half a gigabyte)
        end = start + (1 << 20)
        entry_weight.extend([
            round(round(idf[t] * ((K1 + 1) * tf) / (norms[f][d] + tf) * boosts[f], 3) * 1000)
            for t, f, d, tf in zip(entry_term[start:end], entry_field[start:end], entry_doc[start:end], entry_tf[start:end])
        ])
    del entry_tf

    starts = array("I", [0, *accumulate(with_term)])
    del with_term, idf
    place, order = array("I", starts), array("I", bytes(4 * entries))
    for entry, t in enumerate(entry_term):  # entries grouped by term, in document order within each
        order[place[t]] = entry
        place[t] += 1
    return SearchIndex(docs, term_ids, starts, order, entry_doc, entry_field, entry_weight, compounds)


@dataclass(slots=True)
class _Counts:
    """Pass one over some documents: terms numbered in the order first seen, and one entry per
    (term, document, field) with the term's count."""

    terms: list[str]
    entry_term: array
    entry_doc: array
    entry_field: array
    entry_tf: array
    lengths: list[array]
    compounds: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _count_terms(docs: list[SearchDoc], lexicon: Lexicon | None, span: tuple[int, int]) -> _Counts:
    term_ids: dict[str, int] = {}
    counts = _Counts([], array("I"), array("I"), array("B"), array("I"), [array("I") for _ in FIELDS])
    terms_of_token = TermCache(lexicon)
    for number in range(*span):
        doc = docs[number]
        for field_number, name in enumerate(FIELD_NAMES):
            field_terms = terms_of_token.field(doc.texts.get(name, ""), names=name == NAMES_FIELD)
            counts.lengths[field_number].append(len(field_terms))
            in_field = Counter(field_terms)  # (in order of first appearance: lunr's term index)
            counts.entry_term.extend([term_ids.setdefault(term, len(term_ids)) for term in in_field])
            counts.entry_tf.extend(in_field.values())
            counts.entry_doc.extend(repeat(number, len(in_field)))
            counts.entry_field.extend(repeat(field_number, len(in_field)))
    counts.terms = list(term_ids)
    counts.compounds = terms_of_token.compounds
    return counts
