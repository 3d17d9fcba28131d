"""Pass one of the index, document by document: each document's distinct tokens (what the lexicon
and the vocabulary are made of) and its terms per field with their counts (what the weights are
made of, in `index.py`).

Counting is most of the index's time (at 10,000 protocols, 130,000 documents: 45 s of CPU of a
build's 160), and a commit changes a few documents. So what a build counted is kept (`Tally`, one
file beside the parse cache), and the next build counts again only the documents whose texts
changed and those holding a word whose compound split may have changed with the lexicon (the
lexicon holds the archive's own words: a word that appears or disappears anywhere can split, or
stop splitting, a compound anywhere else). The rest is taken as counted. The arrays are those a
count of every document gives, terms numbered as lunr numbers them (first seen); a test holds the
two to each other over edits of every kind.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import os
import pickle
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import chain, count
from pathlib import Path
from typing import BinaryIO

import numpy as np

from ..parallel import in_process, map_in_workers
from ..staging import keep_in
from .analysis import MIN_COMPOUND, Lexicon, TermCache, archive_words, read_wordfreq, tokenize
from .documents import FIELD_NAMES, NAMES_FIELD
from .texts import KEY_SIZE, PackedTexts

PARALLEL_DOCS = 20_000
"""Documents from which counting runs in two processes (about 1,500 protocols)."""
TALLY_FILE = "search-tally.pickle"
SLICE = 1 << 20
"""Entries renumbered at a time."""
_NONE = np.zeros(0, dtype=np.uint32)


def _code_version() -> str:
    """The code and the data the counts depend on: a change to them counts every document again."""
    from importlib.metadata import version

    digest = hashlib.sha256(f"{version('wordfreq')} {version('snowballstemmer')}".encode())
    here = Path(__file__).parent
    for path in (here / "analysis.py", here / "documents.py", here / "counts.py", here / "texts.py", here.parent / "dnr.py"):
        digest.update(path.read_bytes())
    return digest.hexdigest()


CODE_VERSION = _code_version()


@dataclass(slots=True)
class Tally:
    """What pass one counted, per document, in the index's order of documents."""

    code: str
    keys: list[bytes]
    """Each document's texts as a digest (`text_key`)."""
    tokens: list[str]
    """The distinct tokens, by number."""
    doc_tokens: np.ndarray
    """Each document's distinct tokens' numbers, document after document (`per_doc` of them)."""
    per_doc: np.ndarray
    terms: list[str]
    """The index's terms, by lunr's term index: the order first seen."""
    entry_term: np.ndarray
    entry_tf: np.ndarray
    """One entry per (document, field, term): the term's number and count, document after document,
    field after field, terms in the order first seen in the field."""
    distinct: np.ndarray
    """Entries per (document, field), a row per document."""
    lengths: np.ndarray
    """Terms per (document, field), a row per document."""
    compound_tokens: dict[str, str]
    """A compound token -> its own term and its parts' terms, a space between each
    (`TermCache.compound_tokens`)."""
    names: list[str]
    """`Lexicon.names` as counted: a word that became a name, or ceased to be one, splits otherwise."""
    by_term: np.ndarray
    """The terms' numbers in the order of the terms (Python's order of strings: the index's files
    list the terms so). Kept, so that the next build sorts only the terms that are new."""
    stamp: str = ""
    """This count's own (random): the compounds' file written with its tally names it."""
    compound_changes: "CompoundChanges | None" = None
    """How `compound_tokens` changed from the last tally's (a recount), until `settle_compounds`."""
    made: "MadeCompounds | None" = None
    """The compounds, once made (`_settle_compounds`), until taken."""

    @property
    def compounds(self) -> "Compounds":
        """A compound's term -> its parts' terms; where two tokens of one term split apart (rare),
        the parts first in order, so that it does not depend on which document came first."""
        return Compounds(MadeCompounds.of(self.compound_tokens.values(), _numbers_of(self.terms)).parts, self.terms)

    def _settle_compounds(self, folder: Path | None) -> None:
        """Make `compounds`: from the last build's, kept in `folder`, with this count's changes (a
        commit changes a few dozen compound tokens; making the table of all 730,000 again was over
        a second of the index's longest path at 10,000 protocols), else from every compound token.
        The compound tokens are let go of (as they are read: both at once made the index's process
        100 MB larger), so what is written of them is taken first (`writing`)."""
        changes, self.compound_changes = self.compound_changes, None
        made = MadeCompounds.read(folder, changes.stamp, changes.renumber) if changes is not None and folder is not None else None
        tokens, self.compound_tokens = self.compound_tokens, {}
        if made is not None:
            made.update(changes.gone, changes.came, changes.number_of)  # type: ignore[union-attr]
        else:
            def taken() -> Iterator[str]:
                while tokens:
                    yield tokens.popitem()[1]
            made = MadeCompounds.of(taken(), _numbers_of(self.terms))
        self.made = made

    def take_compounds(self) -> "Compounds":
        """`compounds` (settled now unless they were), let go of here."""
        if self.made is None:
            self._settle_compounds(None)
        made, self.made = self.made, None
        assert made is not None
        return Compounds(made.parts, self.terms)

    def shed(self) -> None:
        """Let go of what only the next build reads (each document's tokens), once written: the
        index's process is the build's largest."""
        self.keys, self.tokens, self.doc_tokens, self.per_doc = [], [], _NONE, _NONE

    @staticmethod
    def read(folder: Path | None) -> "Tally | None":
        if folder is None:
            return None
        try:
            with open(folder / TALLY_FILE, "rb") as handle:
                stored = pickle.load(handle)
            if stored.get("code") != CODE_VERSION:
                return None
            keys = stored.pop("keys")
            stored["entry_tf"] = stored["entry_tf"].astype(np.uint32)
            compounds = zip(_lines(stored.pop("compound_tokens")), _lines(stored.pop("compound_splits")))
            stored.update({name: _lines(stored[name]) for name in _LISTS})
            tally = Tally(**stored, keys=[keys[at:at + KEY_SIZE] for at in range(0, len(keys), KEY_SIZE)],
                          compound_tokens=dict(compounds))
        except Exception:  # (any defect of a cache file: count everything)
            return None
        return tally

    def write(self, folder: Path | None) -> None:
        """One file; its strings as few long ones (a pickled string each cost more time and memory
        than the arrays: 1.5 million of them at 10,000 protocols)."""
        self.writing(folder)()

    def writing(self, folder: Path | None, shedding: bool = False) -> Callable[[], None]:
        """`write`, its files written in a fork of this process while this one goes on (on the index's
        longest path, writing 200 MB was most of a second at 10,000 protocols; in a thread, its
        pickling held this one back as long): returns what waits for it. What is written is taken
        now: the tally may change meanwhile (`take_compounds`, `shed`). With `shedding`, where a fork
        writes it, what only the next build reads is let go of here at once (`shed`: at 100,000
        protocols the index's process was largest while it built the index, the tally whole beside
        it). The compounds are made now too, from those kept in `folder` (`_settle_compounds`), and
        kept there for the next build."""
        if folder is None:
            return lambda: None
        stored = {name: getattr(self, name) for name in self.__slots__ if name not in _NOT_STORED}
        stored.update({name: "\n".join(getattr(self, name)) for name in _LISTS})
        stored["keys"] = b"".join(self.keys)
        # (a term's count in a field is rarely above 255: in as few bytes as the largest needs, the
        # file written beside the index being built is 168 MB at 10,000 protocols, not 200)
        stored["entry_tf"] = self.entry_tf.astype(np.min_scalar_type(int(self.entry_tf.max(initial=0))))
        stored["compound_tokens"] = "\n".join(self.compound_tokens)
        stored["compound_splits"] = "\n".join(self.compound_tokens.values())
        self._settle_compounds(folder)
        made, by_term = self.made, self.by_term

        # (168 MB at 10,000 protocols: a killed build's half-written one is removed by the next)
        def dump(handle: BinaryIO) -> None:
            pickle.dump(stored, handle, protocol=pickle.HIGHEST_PROTOCOL)

        def write() -> None:
            keep_in(folder, TALLY_FILE, dump)
            made.write(folder, self.stamp, by_term)  # (after the tally: a build killed between leaves the last one's, another stamp)
        return in_process(write, forked=self.shed if shedding else lambda: None)


_LISTS = ("tokens", "terms", "names")
_NOT_STORED = ("compound_changes", "made")
COMPOUNDS_FILE = "search-compounds.pickle"


@dataclass(slots=True)
class CompoundChanges:
    """What a recount changed of the compound tokens: the splits (`TermCache.compound_tokens`'
    values) it let go of and made, the number of each of their own terms (-1: a term gone), and
    each of the recounted tally's (`stamp`) term numbers' new one (`renumber`, -1 likewise)."""

    stamp: str
    gone: list[str]
    came: list[str]
    number_of: dict[str, int] = field(default_factory=dict)
    renumber: np.ndarray = field(default_factory=lambda: _NONE)


@dataclass(slots=True)
class MadeCompounds:
    """The compounds (`Compounds.spaced`: by the term's number), and what updating them needs: of
    each term that more than one compound token has, the parts of every one of them (a token gone
    then leaves the others' least; 1% of the terms). Kept beside the tally, under its stamp, by
    term number: read back, their terms were over a quarter of a second to look up again."""

    parts: dict[int, str]
    shared: dict[int, list[str]]

    @staticmethod
    def of(splits: Iterable[str], number_of: Mapping[str, int]) -> "MadeCompounds":
        """From every compound token's split; `number_of`: a term -> its number."""
        made = MadeCompounds({}, {})
        found, shared = made.parts, made.shared
        for split in splits:
            own, _, parts = split.partition(" ")
            number = number_of.get(own)
            if number is None or number < 0:  # (no document has it now)
                continue
            earlier = found.get(number)
            if earlier is None:
                found[number] = parts
                continue
            listed = shared.get(number)
            if listed is None:
                shared[number] = [earlier, parts]
            else:
                listed.append(parts)
            if parts != earlier and _parts_key(parts) < _parts_key(earlier):
                found[number] = parts
        return made

    def update(self, gone: Iterable[str], came: Iterable[str], number_of: Mapping[str, int]) -> None:
        """As `of` would make them with the splits `gone` taken out and `came` put in."""
        for split in gone:
            own, _, parts = split.partition(" ")
            number = number_of.get(own, -1)
            if number < 0:  # (let go of with its term)
                continue
            listed = self.shared.get(number)
            if listed is None:
                del self.parts[number]
                continue
            listed.remove(parts)
            if len(listed) == 1:
                del self.shared[number]
            self.parts[number] = min(listed, key=_parts_key)
        for split in came:
            own, _, parts = split.partition(" ")
            number = number_of.get(own, -1)
            if number < 0:
                continue
            earlier = self.parts.get(number)
            if earlier is None:
                self.parts[number] = parts
                continue
            self.shared.setdefault(number, [earlier]).append(parts)
            self.parts[number] = min(earlier, parts, key=_parts_key)

    @staticmethod
    def read(folder: Path, stamp: str, renumber: np.ndarray) -> "MadeCompounds | None":
        """Those kept in `folder` with the tally stamped `stamp`, its terms' numbers made this
        count's (`renumber`); None if there are none such."""
        try:
            with open(folder / COMPOUNDS_FILE, "rb") as handle:
                stored = pickle.load(handle)
            if not stamp or stored["stamp"] != stamp:
                return None
            numbers = renumber[np.frombuffer(stored["terms"], dtype=np.uint32)].tolist()
            parts = dict(zip(numbers, _lines(stored["parts"])))
            parts.pop(-1, None)
            shared = {int(renumber[number]): listed for number, listed in stored["shared"].items() if renumber[number] >= 0}
            return MadeCompounds(parts, shared)
        except Exception:  # (any defect of a cache file: made from every compound token)
            return None

    def write(self, folder: Path, stamp: str, by_term: np.ndarray) -> None:
        """Kept in the terms' order (`by_term`: their numbers in it), the order the index's files
        read them in: read back so, each compound's parts lie in memory as its term comes, where
        read at random (730,000 of them at 10,000 protocols) they took each term file's writer
        half a second more."""
        numbers = np.fromiter(self.parts, dtype=np.int64, count=len(self.parts))
        rank = np.empty(len(by_term), dtype=np.int64)
        rank[by_term] = np.arange(len(by_term))
        order = np.argsort(rank[numbers], kind="stable")
        values = list(self.parts.values())
        stored = {"stamp": stamp, "terms": numbers[order].astype(np.uint32).tobytes(),
                  "parts": "\n".join(map(values.__getitem__, order.tolist())), "shared": self.shared}
        keep_in(folder, COMPOUNDS_FILE, lambda handle: pickle.dump(stored, handle, protocol=pickle.HIGHEST_PROTOCOL))


def _parts_key(parts: str) -> tuple[str, ...]:
    """Two tokens of one term split apart: the parts first in order are the term's."""
    return tuple(parts.split(" "))


def _lines(text: str) -> list[str]:
    return text.split("\n") if text else []


class Compounds(Mapping[str, tuple[str, ...]]):
    """A compound's term -> its parts' terms, each compound's parts held as one string (their
    terms with a space between): making a tuple of each was half the index's table of compounds'
    time (730,000 compounds at 10,000 protocols); a term's parts are split when asked for. Held
    by the term's number (`terms`: the index's), as the index's files read them: a table by the
    terms themselves is made only when a term is asked for (a query's, or a test's)."""

    __slots__ = ("spaced", "_terms", "_by_term")

    def __init__(self, spaced: dict[int, str], terms: list[str]):
        self.spaced = spaced
        """A compound's term's number -> its parts' terms as one string, a space between each."""
        self._terms = terms
        self._by_term: dict[str, str] | None = None

    @property
    def by_term(self) -> dict[str, str]:
        if self._by_term is None:
            self._by_term = {self._terms[number]: parts for number, parts in self.spaced.items()}
        return self._by_term

    def __getitem__(self, term: str) -> tuple[str, ...]:
        return tuple(self.by_term[term].split(" "))

    def __contains__(self, term: object) -> bool:
        return term in self.by_term

    def __iter__(self) -> Iterator[str]:
        return iter(self.by_term)

    def __len__(self) -> int:
        return len(self.spaced)


@dataclass(slots=True)
class Prepared:
    """What counting reads of the last tally besides its arrays, made while the index's process
    waits for its input (one core is idle while the archive is read; made after it, on the index's
    longest path, they were a second of each rebuild at 10,000 protocols): its documents' keys,
    tokens and terms numbered, the words of the lexicon its tokens gave, and wordfreq's list."""

    keys: dict[bytes, int]
    tokens: dict[str, int]
    """(taken by `count_tokens`, which numbers the new tokens in it)"""
    terms: dict[str, int]
    """(taken by `count_terms`, likewise)"""
    words: set[str]
    """`archive_words` of its tokens (taken by `TokenCount.archive_words`)."""

    @staticmethod
    def of(tally: Tally) -> "Prepared":
        read_wordfreq()
        return Prepared(dict(zip(tally.keys, range(len(tally.keys)))), dict(zip(tally.tokens, range(len(tally.tokens)))),
                        dict(zip(tally.terms, range(len(tally.terms)))), archive_words(tally.tokens))


def count_tokens(texts: PackedTexts, last: Tally | None, prepared: Prepared | None = None) -> "TokenCount":
    """Each document's distinct tokens, taken from `last` where its texts are as they were
    (`last`'s tokens are let go: `count_terms` reads the rest); `prepared`: of `last`."""
    keys = texts.keys()
    if last is None:
        was, numbers = {}, {}
    elif prepared is not None:
        was, numbers = prepared.keys, prepared.tokens
    else:
        was, numbers = dict(zip(last.keys, range(len(last.keys)))), dict(zip(last.tokens, range(len(last.tokens))))
    taken = np.array([was.get(key, -1) for key in keys], dtype=np.int64)
    fresh = np.flatnonzero(taken < 0)
    counted = list(map_in_workers(functools.partial(_token_sets, texts, fresh), _halves(len(fresh)), at_least=2))
    sources = [last.doc_tokens] if last is not None else []
    sizes = [last.per_doc] if last is not None else []
    for part in counted:
        sources.append(_renumbered(numbers, part.tokens, part.doc_tokens))
        sizes.append(part.per_doc)
    counted.clear()
    tokens = list(numbers)
    doc_tokens, per_doc = _in_order(sources, np.concatenate(sizes).astype(np.int64), taken, fresh, last)
    if last is not None:  # (copied in: let go, for the index's process is the build's largest)
        last.doc_tokens, last.per_doc = _NONE, _NONE
    in_docs = occurrences(doc_tokens, len(tokens))
    present = in_docs > 0
    # (renumbered in place, a slice at a time: a renumbered copy, of 64-bit numbers, was 150 MB
    # more at the index's process's largest moment, 10,000 protocols; a token gone is never read)
    renumber = (np.cumsum(present) - 1).astype(np.uint32)
    for start in range(0, len(doc_tokens), SLICE):
        doc_tokens[start:start + SLICE] = renumber[doc_tokens[start:start + SLICE]]
    new_tokens = [token for token, kept in zip(tokens, present.tolist()) if kept]
    gone: set[str] = set()
    appeared: set[str] = set()
    if last is not None:  # (the words that appeared or disappeared: what may change the lexicon)
        gone = {token for token, n in zip(tokens[:len(last.tokens)], in_docs[:len(last.tokens)].tolist()) if not n}
        appeared = set(tokens[len(last.tokens):])
        last.tokens = []  # (counted in now: let go)
    return TokenCount(keys, taken, new_tokens, doc_tokens, per_doc, gone, appeared)


@dataclass(slots=True)
class TokenCount:
    """The tokens counted, and what pass one then needs to know of the last tally."""

    keys: list[bytes]
    taken: np.ndarray
    """Each document's number in the last tally, or -1 where its texts changed."""
    tokens: list[str]
    doc_tokens: np.ndarray
    per_doc: np.ndarray
    gone: set[str]
    """Tokens of the last tally's documents found in none now."""
    appeared: set[str]
    """Tokens found now and in none of the last tally's documents."""

    @property
    def changed_words(self) -> set[str]:
        return self.gone | self.appeared

    def in_docs(self) -> np.ndarray:
        """How many documents each token is in."""
        return occurrences(self.doc_tokens, len(self.tokens))

    def documents_per_token(self) -> Counter[str]:
        return Counter(dict(zip(self.tokens, self.in_docs().tolist())))

    def archive_words(self, prepared: Prepared | None) -> set[str] | None:
        """`archive_words` of the tokens, made of the last tally's (`prepared`'s, taken) and the
        tokens that appeared or went since; None without them."""
        if prepared is None:
            return None
        words, prepared.words = prepared.words, set()
        words -= self.gone
        words |= archive_words(self.appeared)
        return words


def lexicon_of(texts: PackedTexts, tokens: Iterable[str], archive: set[str] | None = None) -> Lexicon:
    """The lexicon the archive's compounds are split with: wordfreq's words, the archive's own
    (`tokens`, those of `texts`; or `archive`, those of them it holds, when known), and its
    people's names (never split)."""
    return Lexicon(tokens, names=texts.capitalised_words(NAMES_FIELD), archive=archive)


def count_terms(texts: PackedTexts, lexicon: Lexicon | None, tokens: TokenCount, last: Tally | None,
                prepared: Prepared | None = None) -> Tally:
    """Pass one: each document's terms per field with their counts, taken from `last` where the
    document's texts are as they were and none of its words may split otherwise now (`last`'s
    entries are let go once taken); `prepared`: of `last`. Counted in workers, `texts` are let go
    of (`PackedTexts.release`) as soon as the workers hold them."""
    taken = tokens.taken.copy()
    resplit = _resplit(tokens, lexicon, last.names) if last is not None else np.zeros(len(tokens.tokens), dtype=bool)
    taken[_holding(tokens, resplit)] = -1
    recount = np.flatnonzero(taken < 0)
    fields = len(FIELD_NAMES)
    # (the texts let go of here once the workers hold them: at 100,000 protocols this process was
    # at its largest as their counts came back, the texts, 1.3 GB, still beside them)
    counted = list(map_in_workers(functools.partial(_term_counts, texts, lexicon, recount), _halves(len(recount)), at_least=2,
                                  forked=texts.release))
    numbers: dict[str, int] = {}
    if last is not None:
        numbers = prepared.terms if prepared is not None else dict(zip(last.terms, range(len(last.terms))))
    entry_sources = [last.entry_term] if last is not None else []
    tf_sources = [last.entry_tf] if last is not None else []
    distinct = [last.distinct] if last is not None else []
    lengths = [last.lengths] if last is not None else []
    compound_tokens: dict[str, str] = {}
    changes = None
    if last is not None:
        again = tokens.changed_words | {tokens.tokens[number] for number in np.flatnonzero(resplit).tolist()}
        compound_tokens = last.compound_tokens  # (in place: a second dict of them was 30 MB)
        changes = CompoundChanges(last.stamp, [], [])
        for token in again:
            split = compound_tokens.pop(token, None)
            if split is not None:
                changes.gone.append(split)
        # (each array let go once taken: the index's process is the build's largest)
        last.compound_tokens, last.entry_term, last.entry_tf = {}, _NONE, _NONE
    counted.reverse()
    while counted:  # (each part let go once renumbered: a full count's peak at 10,000 protocols 70 MB lower)
        part = counted.pop()
        entry_sources.append(_renumbered(numbers, part.terms, part.entry_term))
        tf_sources.append(part.entry_tf)
        distinct.append(part.distinct.reshape(-1, fields))
        lengths.append(part.lengths.reshape(-1, fields))
        if changes is not None:
            _note_changes(changes, compound_tokens, part.compound_tokens)
        if compound_tokens:
            compound_tokens.update(part.compound_tokens)
        else:
            compound_tokens = part.compound_tokens
        del part
    rows_distinct, rows_lengths = np.concatenate(distinct), np.concatenate(lengths)
    size_of = rows_distinct.sum(axis=1, dtype=np.int64)
    entry_term, _ = _in_order(entry_sources, size_of, taken, recount, last)
    entry_tf, _ = _in_order(tf_sources, size_of, taken, recount, last)
    row = _rows(taken, recount, last)
    terms = list(numbers)
    if last is None:
        by_term = in_term_order(terms)
    else:  # (taken and counted documents interleave: number the terms as first seen again)
        extended = _merged_by_term(terms, last.by_term)
        terms, entry_term, renumber = _first_seen(terms, entry_term)
        by_term = _renumbered_by_term(extended, renumber)
        if changes is not None:
            _number_changes(changes, numbers, renumber, len(last.terms))
    return Tally(CODE_VERSION, tokens.keys, tokens.tokens, tokens.doc_tokens, tokens.per_doc, terms, entry_term,
                 entry_tf, rows_distinct[row], rows_lengths[row], compound_tokens,
                 sorted(lexicon.names) if lexicon is not None else [], by_term, os.urandom(8).hex(), changes)


def _number_changes(changes: CompoundChanges, numbers: dict[str, int], renumber: np.ndarray, known: int) -> None:
    """Into `changes`, the new numbers of the `known` terms the recounted tally numbered and of
    the changed splits' own terms (`numbers`: each term's number before `renumber`, each old
    number's new one, -1 where the term is gone)."""
    changes.renumber = renumber[:known]
    owns = {split.partition(" ")[0] for split in chain(changes.gone, changes.came)}
    changes.number_of = {own: int(renumber[numbers[own]]) if own in numbers else -1 for own in owns}


def _note_changes(changes: CompoundChanges, splits: dict[str, str], counted: dict[str, str]) -> None:
    """Into `changes`, what putting `counted`'s splits into `splits` changes."""
    for token, split in counted.items():
        earlier = splits.get(token)
        if earlier != split:
            if earlier is not None:
                changes.gone.append(earlier)
            changes.came.append(split)


def occurrences(numbers: np.ndarray, size: int) -> np.ndarray:
    """How often each number below `size` occurs in `numbers` (`np.bincount`), counted a slice at a
    time: bincount reads them as 64-bit numbers, a copy of all of them twice the size of their
    32 bits (at 100,000 protocols 0.9 GB of the entries' terms)."""
    counted = np.zeros(size, dtype=np.int64)
    for start in range(0, len(numbers), SLICE):
        counted += np.bincount(numbers[start:start + SLICE], minlength=size)
    return counted


def in_term_order(terms: list[str]) -> np.ndarray:
    """The numbers of `terms` in the order of the terms (Python's order of strings)."""
    return np.array(sorted(range(len(terms)), key=terms.__getitem__), dtype=np.uint32)


def _numbers_of(terms: list[str]) -> dict[str, int]:
    return dict(zip(terms, range(len(terms))))


def _merged_by_term(terms: list[str], last_by_term: np.ndarray) -> np.ndarray:
    """`in_term_order(terms)`, where the first terms are the last tally's, in the order `last_by_term`
    gives (sorting 800,000 terms was half a second of the index's longest path; a commit adds a few)."""
    known = len(last_by_term)
    new = sorted(range(known, len(terms)), key=terms.__getitem__)
    if not new:
        return last_by_term
    in_order = [terms[number] for number in last_by_term.tolist()]
    at = [bisect.bisect_left(in_order, terms[number]) for number in new]
    return np.insert(last_by_term, at, np.array(new, dtype=np.uint32))


def _renumbered_by_term(by_term: np.ndarray, renumber: np.ndarray) -> np.ndarray:
    """`by_term` of terms renumbered (`renumber`: each old number's new one, -1 where it is gone)."""
    kept = renumber[by_term]
    return kept[kept >= 0].astype(np.uint32)


def _resplit(tokens: TokenCount, lexicon: Lexicon | None, last_names: list[str]) -> np.ndarray:
    """Which tokens' compound split may differ with the lexicon changed by `tokens.changed_words`
    (conservatively: a long token with such a word inside it), or with a name added or gone."""
    resplit = np.zeros(len(tokens.tokens), dtype=bool)
    names_changed = lexicon.names.symmetric_difference(last_names) if lexicon is not None else set()
    if names_changed:
        resplit[[number for number, token in enumerate(tokens.tokens) if token in names_changed]] = True
    added_or_gone = [word for word in tokens.changed_words if lexicon is not None and lexicon.from_archive(word)]
    if added_or_gone:
        # A head may be joined with -s- or lose a final -a/-e (`Lexicon._head`): the word without it.
        inside = re.compile("|".join(sorted({re.escape(word[:-1] if word[-1] in "ae" else word) for word in added_or_gone})))
        resplit[[number for number, token in enumerate(tokens.tokens)
                 if len(token) >= MIN_COMPOUND and inside.search(token) is not None]] = True
    return resplit


def _holding(tokens: TokenCount, which: np.ndarray) -> np.ndarray:
    """The documents holding any of the tokens `which` marks."""
    held = np.flatnonzero(which[tokens.doc_tokens])
    return np.unique(np.searchsorted(np.cumsum(tokens.per_doc.astype(np.int64)), held, side="right"))


def _first_seen(terms: list[str], entry_term: np.ndarray) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Terms that occur, numbered in the order their entries first come, the entries so numbered
    (in place), and each old number's new one (-1: a term that no longer occurs). A slice of
    entries at a time: a sort of all 12 million entries at once (10,000 protocols) was the index's
    process's largest moment."""
    seen = np.zeros(len(terms), dtype=bool)
    found = []
    for start in range(0, len(entry_term), SLICE):
        part = entry_term[start:start + SLICE]
        unseen = part[~seen[part]]
        if len(unseen):
            numbers, first = np.unique(unseen, return_index=True)
            found.append(numbers[np.argsort(first, kind="stable")])
            seen[numbers] = True
    order = np.concatenate(found) if found else _NONE
    renumber = np.full(len(terms), -1, dtype=np.int64)
    renumber[order] = np.arange(len(order))
    for start in range(0, len(entry_term), SLICE):  # (every entry's term occurs: none is -1)
        entry_term[start:start + SLICE] = renumber[entry_term[start:start + SLICE]]
    return [terms[number] for number in order.tolist()], entry_term, renumber


def _renumbered(numbers: dict[str, int], names: list[str], ids: np.ndarray) -> np.ndarray:
    """`ids`, numbers into `names` (a worker's), as numbers of `numbers` (which gains the names it lacked)."""
    renumber = np.array([numbers.setdefault(name, len(numbers)) for name in names], dtype=np.uint32)
    return renumber[ids] if len(ids) else ids


def _rows(taken: np.ndarray, counted: np.ndarray, last: Tally | None) -> np.ndarray:
    """Each document's row among the last tally's documents followed by those counted now."""
    row = taken.copy()
    row[counted] = (len(last.keys) if last is not None else 0) + np.arange(len(counted))
    return row


def _in_order(sources: list[np.ndarray], size_of: np.ndarray, taken: np.ndarray, counted: np.ndarray,
              last: Tally | None) -> tuple[np.ndarray, np.ndarray]:
    """Per-document spans of `sources` (the last tally's, then those of the documents counted now,
    `size_of` each) joined in the documents' order, and each document's size. (The list is
    emptied: each array goes once copied.) Copied a run of documents at a time, documents whose
    rows follow each other being one run: a gather by an index per entry held three arrays of
    64-bit indices as long as the entries (300 MB at 10,000 protocols)."""
    if last is None:  # (everything counted now, in the documents' order already)
        joined = np.concatenate(sources).astype(np.uint32, copy=False)
        sources.clear()
        return joined, size_of
    row = _rows(taken, counted, last)
    sizes = size_of[row]
    start_of_row = np.concatenate(([0], np.cumsum(size_of)))
    placed = np.concatenate(([0], np.cumsum(sizes)))
    joined = _Joined(sources)
    out = np.empty(int(placed[-1]), dtype=np.uint32)
    ends = np.concatenate((np.flatnonzero(np.diff(row) != 1) + 1, [len(row)])) if len(row) else row
    first = 0
    for end in ends.tolist():
        at = int(start_of_row[row[first]])
        joined.copy_into(out, int(placed[first]), at, at + int(placed[end] - placed[first]))
        first = end
    sources.clear()
    return out, sizes


class _Joined:
    """Arrays read as their concatenation, without making it."""

    def __init__(self, parts: list[np.ndarray]):
        self.parts = parts
        self.starts = np.concatenate(([0], np.cumsum([len(part) for part in parts], dtype=np.int64))).tolist()

    def copy_into(self, out: np.ndarray, to: int, start: int, end: int) -> None:
        """`out[to:]` = the concatenation's `[start:end]`."""
        number = bisect.bisect_right(self.starts, start) - 1
        while start < end:
            part, offset = self.parts[number], self.starts[number]
            stop = min(end, offset + len(part))
            out[to:to + stop - start] = part[start - offset:stop - offset]
            to, start, number = to + stop - start, stop, number + 1


def _halves(total: int) -> list[tuple[int, int]]:
    half = total // 2
    return [(0, half), (half, total)] if total >= PARALLEL_DOCS else [(0, total)]


@dataclass(slots=True)
class _Tokens:
    tokens: list[str]
    doc_tokens: np.ndarray
    per_doc: np.ndarray


def _token_sets(texts: PackedTexts, which: np.ndarray, span: tuple[int, int]) -> _Tokens:
    numbers: defaultdict[str, int] = defaultdict(count().__next__)
    found, per_doc = array("I"), array("I")
    for number in which[span[0]:span[1]].tolist():
        distinct = {token for text in texts[number].values() for token in tokenize(text)}
        found.extend(map(numbers.__getitem__, distinct))
        per_doc.append(len(distinct))
    return _Tokens(list(numbers), _numbers(found), _numbers(per_doc))


@dataclass(slots=True)
class _Terms:
    terms: list[str]
    entry_term: np.ndarray
    entry_tf: np.ndarray
    distinct: np.ndarray
    lengths: np.ndarray
    compound_tokens: dict[str, str]


def _term_counts(texts: PackedTexts, lexicon: Lexicon | None, which: np.ndarray, span: tuple[int, int]) -> _Terms:
    # (numbered in the order first seen, without a Python call per term: `count` numbers them)
    numbers: defaultdict[str, int] = defaultdict(count().__next__)
    entry_term, entry_tf, distinct, lengths = array("I"), array("I"), array("I"), array("I")
    terms_of_token, terms_of_name = TermCache(lexicon, numbers), TermCache(None, numbers)  # (a name is not split: `analyse`)
    for number in which[span[0]:span[1]].tolist():
        doc_texts = texts[number]
        for name in FIELD_NAMES:
            names = name == NAMES_FIELD
            field_terms = (terms_of_name if names else terms_of_token).field(doc_texts.get(name, ""), names=names)
            lengths.append(len(field_terms))
            in_field = Counter(field_terms)  # (in order of first appearance: lunr's term index)
            entry_term.extend(in_field)
            entry_tf.extend(in_field.values())
            distinct.append(len(in_field))
    return _Terms(list(numbers), _numbers(entry_term), _numbers(entry_tf), _numbers(distinct), _numbers(lengths),
                  terms_of_token.compound_tokens)


def _numbers(values: array) -> np.ndarray:
    return np.frombuffer(values, dtype=np.uint32) if len(values) else np.zeros(0, dtype=np.uint32)

