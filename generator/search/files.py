"""The index as files for the browser, under `sok/index/`: the manifest (the first file a query
loads; it also carries the rules queries are made by, `query.browser_rules`, and the packs'
names), and packs (`packs.py`: few files of records each read alone by HTTP Range) of group
lists `g/`, term chunks `t/` (each term's best postings per field), posting tails `p/`, document
blocks `d/`, snippet texts `x/` and direct hits `h/`; and the writers that make them.

A query fetches the manifest, one small group list and the chunk(s) covering its terms, and the
document blocks of the results it shows. A common term's long posting lists come in blocks, best
weights first, fetched only while they can still change the results shown; a list's tail blocks
grow as they go deeper (`tail_blocks`).
"""

from __future__ import annotations

import functools
import hashlib
import heapq
import pickle
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
import json
import math
from pathlib import Path
from typing import Protocol

import numpy as np
import orjson

from ..memo import MeetingKeys
from ..model import Archive, Body, Topic
from ..parallel import map_in_workers
from ..text import swedish_key
from .analysis import SV_STOP_WORDS, is_exact
from .documents import EXACT_FIELD, FIELDS, NAMES_FIELD, TYPES, SearchDoc, documents
from .counts import Prepared, Tally, count_terms, count_tokens, in_term_order, lexicon_of
from .dictionary import in_sample, text_dictionary
from .index import SearchIndex, build_index
from .packs import PackWriter, RecordMemo, SlotWriter, kept_records
from .texts import PackedTexts, pack_encoded
from .query import browser_rules
from . import direct, encoded, postings, synonyms

CHUNK_BYTES = 8_000
"""Target size of a term chunk before compression (about 3.0 kB compressed at 10,000 protocols): a
first query fetches a chunk for each word and prefix typed, so they stay small. (Postings written
as bits, `postings.py`, are denser than as JSON numbers, and compress less.)"""
GROUP = 30
"""Term chunks per group list at least: the manifest lists the groups, a group lists its chunks."""
GROUPS_READ = 3.3
"""Group lists a first query typed reads, as the group size that gives it the fewest bytes tells
(10,000 protocols, 8,221 chunks: 50 chunks a group; `chunks_per_group`)."""
FIRST_BLOCK = 64
"""Postings per (term, field) in the term chunk, best weights first; the rest in tail records."""
TAIL_BLOCK = 256
"""Postings of a list's first tail block; each next block of the same list holds twice as many as
the one before, up to TAIL_GROWTH times this. A query reads a list's tails in order, only while
they can still change its first page: the first are small, and a very common word's list, read
whole by an exclusion or by newest-first, comes in tens of records instead of hundreds."""
TAIL_GROWTH = 16
DOC_BLOCK = 8
"""Documents per record of facts (what a result shows: about 100 bytes each): the header box fetches
the records of the results it shows at every key, so they stay small."""
TEXT_BLOCK = 4
"""Documents per record of snippet texts (about 250 bytes each compressed; fetched by the results
page, and by the header box for a phrase, a record per result: 8 made a typed phrase fetch 5 kB
more at 10,000 protocols, 1 would make the texts a quarter larger)."""
TEXT_LENGTH = 1500
"""Characters of an item's text kept for snippets; fetched per result, by the results page only."""
VOCABULARY = 20_000
"""Words at most in the vocabulary "Menade du …?" reads (fetched only when nothing was found)."""
CODED_AT_ONCE = 50_000
"""Postings coded in one pass at most (`postings.coded_lists` holds a dozen numbers for each: all
the tails of 10,000 protocols at once made the index's writers 600 MB larger; 200,000 at a time
made the build of 1,000 protocols 32 MB larger than before, 50,000 none)."""
TERMS_AT_ONCE = 100_000
"""Terms whose lists a term file writer holds written at once (a whole half at once: the build of
100,000 protocols was 270 MB larger at its largest)."""
PARALLEL_TERMS = 100_000
"""Terms from which two processes write the term files (about 1,000 protocols)."""


class Files(Protocol):
    def __setitem__(self, name: str, data: bytes) -> None: ...


class FolderWriter:
    """Index files written to a folder as they are made: at 10,000 protocols they are a quarter
    of a gigabyte, which a dict would hold until the end."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.made: set[Path] = set()

    def __setitem__(self, name: str, data: bytes) -> None:
        path = self.folder / name
        if path.parent not in self.made:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.made.add(path.parent)
        path.write_bytes(data)


@dataclass(slots=True)
class IndexInput:
    """What the index is made of: the archive's search documents, and the little else of the
    archive its files name (the facets, the synonyms, the direct hits' table). The index is built
    from this alone, in a process that never holds the archive (`job.py`)."""

    docs: list[SearchDoc]
    """Their facts (their texts are in `texts`)."""
    texts: PackedTexts
    """Each document's texts, and its snippet source where the documents' files are written in
    this process (received from another, the snippets stayed there)."""
    bodies: list[Body]
    """In the facets' order (by name, as Swedish sorts)."""
    topics: list[Topic]
    synonym_groups: list[synonyms.Group]
    body_names: dict[str, str]
    """`direct.body_names`."""
    document_files: Callable[[Files, Path | None], Callable[[], dict[str, list]]]
    """`d/` and `x/` (`write_document_files`) into the index's files, with what the last build
    compressed kept in the folder given (`packs.RecordMemo`): asked for before the texts are let
    go, it gives a function that gives the packs' tables for the manifest. Received from another
    process, its maker wrote them into the same folder while this one counted, and the tables
    are what it sent, read when asked for (before `direct_files`)."""
    direct_files: Callable[[Files, Path | None], tuple[list[list], int]]
    """`h/`, the direct hits' table in shards, written into the index's files (`write_direct_files`,
    with what the last build compressed kept in the folder given): asked for last. Received from
    another process, its maker wrote them into the same folder while this one counted, and this
    gives only what it sent: the shards' table and count."""

    @staticmethod
    def of(archive: Archive) -> "IndexInput":
        docs = documents(archive)
        texts = PackedTexts.of(docs)
        for doc in docs:  # (made here, for this: their texts are `texts` now)
            doc.texts, doc.snippet_source = {}, ""
        facts = _facts(archive)

        def document_files(files: Files, kept: Path | None) -> Callable[[], dict[str, list]]:
            tables = kept_document_files(docs, facts["bodies"], facts["topics"], lambda number: snippet(texts.snippet(number)),
                                         files, kept)
            return lambda: tables
        return IndexInput(docs=docs, texts=texts, **facts, document_files=document_files,
                          direct_files=lambda files, kept: write_direct_files(_direct_hits(archive, docs), files, kept))

    @staticmethod
    def pickled(archive: Archive, files: Files, kept: Path | None = None, per_part: int = 10_000,
                made_of: MeetingKeys | None = None) -> Iterator[bytes]:
        """The input of `archive` as parts to send to another process: the facts, the documents
        a `per_part` at a time (their facts as tuples, and their texts packed); then, once the
        documents are sent, the documents' files and the direct hits' files written into `files`
        (the documents' with what the last build compressed, kept in `kept`), and the tables of
        each. With `kept` and `made_of` (what each meeting's documents are made of, as a digest),
        the documents of a meeting made of the same as at the last build are taken as it encoded
        them (`encoded.encoded_documents`), and this build's are kept there for the next."""
        dumps = functools.partial(pickle.dumps, protocol=pickle.HIGHEST_PROTOCOL)
        spool = encoded.DocumentSpool(kept if made_of is not None else None, made_of.code if made_of is not None else "")
        try:
            docs = encoded.encoded_documents(archive, snippet, spool, made_of)
            facts = _facts(archive)
            yield dumps({"documents": len(docs), **facts})
            for start in range(0, len(docs), per_part):
                part = slice(start, start + per_part)
                # (without their snippet sources: this process writes the records cut from them; with
                # each one's key, which counting finds its last counts by)
                yield dumps((docs.facts[part], *pack_encoded(docs.texts(part)), docs.keys[part]))
            # (each column let go once read for the last time: this process is forked from the
            # build's, whose archive it shares, and was the build's largest at 10,000 protocols)
            docs.keys.clear()
            with_facts = docs.docs()
            docs.facts.clear()
            tables = kept_document_files(with_facts, facts["bodies"], facts["topics"], docs.snippet, files, kept)
            spool.keep()  # (once the snippets are read from it)
        finally:
            spool.close()
        yield dumps(tables)
        yield dumps(write_direct_files(_direct_hits(archive, with_facts), files, kept))

    @staticmethod
    def unpickled(parts: Iterable[bytes], spool_in: Path | None = None) -> "IndexInput":
        """The input `pickled` gave, from its parts in order: the facts and the documents now, the
        direct hits' table when first asked for. With `spool_in`, a folder, the documents' texts
        are held in a file there (`PackedTexts`)."""
        parts = iter(parts)
        facts = pickle.loads(next(parts))
        docs: list[SearchDoc] = []
        texts = PackedTexts(spool_in)
        while len(docs) < facts["documents"]:
            rows, data, ends, present, keys = pickle.loads(next(parts))
            docs += map(encoded.doc_of, rows)
            texts.add(data, ends, present, keys)
        del facts["documents"]
        return IndexInput(docs=docs, texts=texts, **facts, document_files=lambda files, kept: lambda: pickle.loads(next(parts)),
                          direct_files=lambda files, kept: pickle.loads(next(parts)))


def _facts(archive: Archive) -> dict:
    return {"bodies": sorted(archive.bodies.values(), key=lambda b: swedish_key(b.name)),
            "topics": sorted(archive.topics.values(), key=lambda t: swedish_key(t.name)),
            "synonym_groups": synonyms.groups(archive), "body_names": direct.body_names(archive)}


def _direct_hits(archive: Archive, docs: list[SearchDoc]) -> dict[str, list[str] | int]:
    names = {key: body.name for key, body in archive.bodies.items()}
    return direct.written_table(archive, docs, names)


def kept_document_files(docs: list[SearchDoc], bodies: list[Body], topics: list[Topic], snippets: Callable[[int], str],
                        files: Files, kept: Path | None) -> dict[str, list]:
    """`write_document_files` with the last build's records kept in `kept`, and this build's kept
    there for the next."""
    with kept_records(kept) as memo:
        return write_document_files(docs, bodies, topics, snippets, files, memo)


def write_document_files(docs: list[SearchDoc], bodies: list[Body], topics: list[Topic], snippets: Callable[[int], str],
                         files: Files, memo: RecordMemo | None = None) -> dict[str, list]:
    """`d/` and `x/`: what a result shows (the documents' facts, and their snippet texts, by
    number: `snippets` gives each one's, `snippet`); returns the packs' tables for the manifest.
    They depend on the documents only. With `memo`, the last build's records are taken where their
    JSON is the same."""
    facts = SlotWriter(files, "d", memo)
    for block in _document_blocks(docs, bodies, topics):
        facts.add(block)
    facts.close()
    dictionary = text_dictionary(snippets(number) for number, doc in enumerate(docs) if in_sample(doc.ref, len(docs)))
    texts = PackWriter(files, "x", "x", dictionary, memo)
    for start in range(0, len(docs), TEXT_BLOCK):
        texts.add([snippets(number) for number in range(start, min(start + TEXT_BLOCK, len(docs)))])
    texts.close()
    tables = {"docs": facts.table, "texts": texts.table}
    if dictionary:
        tables["textDictionary"] = _store_bytes(files, "x", dictionary, ".txt")
    return tables


def snippet(source: str) -> str:
    """The first TEXT_LENGTH characters of `source` with its spaces collapsed (a run of any
    whitespace one space). A prefix of the source, so collapsed, is a prefix of the whole's: only
    as much is read as the snippet needs (an item's text is often ten times as long; collapsing
    whole texts was a tenth of the documents' files' time)."""
    head = " ".join(source[:_SNIPPET_READ].split())
    if len(head) >= TEXT_LENGTH or len(source) <= _SNIPPET_READ:
        return head[:TEXT_LENGTH]
    return " ".join(source.split())[:TEXT_LENGTH]  # (more whitespace than text in its start)


_SNIPPET_READ = 2 * TEXT_LENGTH


def _document_blocks(docs: list[SearchDoc], bodies: list[Body], topics: list[Topic]) -> list[list]:
    """The documents' facts in blocks of DOC_BLOCK."""
    body_index = {b.key: i for i, b in enumerate(bodies)}
    topic_index = {t.key: i for i, t in enumerate(topics)}
    return [
        [[d.ref, d.title, body_index[d.body], d.date, TYPES.index(d.type), [topic_index[t] for t in d.topics], *([1] if d.ocr else [])]
         for d in docs[start:start + DOC_BLOCK]]
        for start in range(0, len(docs), DOC_BLOCK)
    ]


def chunks_per_group(chunks: int) -> int:
    """Term chunks per group list for an index of `chunks`: every query fetches the manifest,
    which lists each group, and then a group list for each word or prefix typed, which lists
    each chunk of its group. The bytes of both are least where the groups are as many as the
    square root of GROUPS_READ times the chunks (at 100,000 protocols, 53,319 chunks: groups of
    30 made the manifest 96.5 kB, and a first query typed fetched 97.0 kB, median; in groups of
    127, 46.7 kB and 84.5 kB)."""
    return max(GROUP, math.isqrt(int(chunks / GROUPS_READ)))


def term_files(index: SearchIndex, source: IndexInput, files: Files, vocabulary: str | None = None,
               documents: dict[str, list] | None = None, kept: Path | None = None) -> None:
    """`t/`, `p/`, `g/`, `h/` and the manifest (with the document packs' `documents` tables). With
    `kept`, the posting tails the last build compressed are kept there (`packs.RecordMemo`)."""
    bodies, topics = source.bodies, source.topics
    body_index = {b.key: i for i, b in enumerate(bodies)}
    terms = index.term_list
    by_term = (index.by_term if index.by_term is not None else in_term_order(terms)).tolist()
    ordered, numbers = list(map(terms.__getitem__, by_term)), np.array(by_term, dtype=np.int64)
    # On a folder, the two halves of the alphabet are written by two processes: posting lists
    # are the bulk of the build's work at 10,000 protocols. (Each half starts a chunk of its own.)
    middle = _middle(index, numbers)
    halves = [(0, 0, middle), (1, middle, len(ordered))]
    write = functools.partial(_term_chunks, index, ordered, numbers, files, kept)
    at_least = 2 if isinstance(files, FolderWriter) and len(ordered) >= PARALLEL_TERMS else len(halves) + 1
    chunks: list[tuple[str, str]] = []
    packs: dict[str, str] = {}
    for half_chunks, half_packs in map_in_workers(write, halves, at_least=at_least):
        chunks += half_chunks
        packs.update(half_packs)
    ranges, previous = [], None
    for number, doc in enumerate(index.docs):
        key = (body_index[doc.body], int(doc.date[:4]), TYPES.index(doc.type))
        if key != previous:
            ranges.append([number, *key])
            previous = key
    # The group lists, and the ranges beside them: what the manifest names (the ranges are the
    # results page's, and would be a third of the manifest every first query fetches).
    group_lists = PackWriter(files, "g", "g")
    size = chunks_per_group(len(chunks))
    groups = [[chunks[i][0], group_lists.add([list(c) for c in chunks[i:i + size]])] for i in range(0, len(chunks), size)]
    ranges_at = group_lists.add(ranges)
    group_lists.close()
    packs.update(group_lists.packs)

    direct_table, direct_count = source.direct_files(files, kept)
    manifest = {
        "version": 10,
        "packs": packs,
        "fields": [[name, boost] for name, boost in FIELDS],
        "exactField": EXACT_FIELD,
        "namesField": NAMES_FIELD,
        "docCount": len(index.docs),
        "groups": groups,
        "docBlock": DOC_BLOCK,
        "textBlock": TEXT_BLOCK,
        "rangesAt": ranges_at,
        "bodies": [[b.key, b.name, b.organisation] for b in bodies],
        "types": list(TYPES),
        "topics": [[t.key, t.name] for t in topics],
        "query": browser_rules(),
        "postings": postings.browser_rules(),
        "synonyms": [[list(member) for member in group] for group in source.synonym_groups],
        "bodyNames": source.body_names,
        "vocabulary": vocabulary,
        "direct": {"table": direct_table, "shards": direct_count, **direct.browser_rules()},
        **(documents or {}),
    }
    files["manifest.json"] = _json(manifest)


POSTING_COST = 0.02
"""What writing a posting costs, a term's cost taken as 1 (measured at 10,000 protocols)."""


def _middle(index: SearchIndex, numbers: np.ndarray) -> int:
    """Where the terms numbered `numbers`, in the alphabet's order, are cut in two halves of
    equal work: the first half of the alphabet holds more long posting lists (at 10,000 protocols
    7.1 million postings to 4.2, of the same number of terms: its writer took a tenth longer)."""
    if not len(numbers):
        return 0
    cost = np.cumsum(1 + POSTING_COST * (index.starts[numbers + 1] - index.starts[numbers]))
    return int(np.searchsorted(cost, cost[-1] / 2))


def _json(data: object) -> bytes:
    return _json_text(data).encode("utf-8")


def _json_text(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


_encode_string = json.encoder.encode_basestring
"""A string as `_json_text` writes it (json's own C function, without json.dumps' call around it)."""


def write_direct_files(hits: dict[str, list[str] | int], files: Files, kept: Path | None = None) -> tuple[list[list], int]:
    """`h/`: the direct hits' table (`direct.compact`) in shards, read by shard number; returns
    the shards' table and count, for the manifest. With `kept`, the shards the last build
    compressed are taken from there where they are as they were (a commit that changes no item's
    number or title changes none), and this build's kept there."""
    with kept_records(kept, HITS_MEMO) as memo:
        writer = PackWriter(files, "h", "h", memo=memo)
        for found in direct.shards(hits):
            writer.add(found)
        writer.close()
    return writer.table, direct.shard_count(hits)


HITS_MEMO = "search-hits.kept"


def _term_chunks(index: SearchIndex, ordered: list[str], numbers: np.ndarray, files: Files, kept: Path | None,
                 span: tuple[int, int, int]) -> tuple[list[tuple[str, str]], dict[str, str]]:
    """Term chunks (and posting tails) for the terms `ordered[start:end]` (their `numbers`) of
    `span` (half, start, end): (first term, address) of each chunk, and the packs written. The tails the last
    build compressed are taken from `kept` (a memo per half: each is written by a process of its
    own), and this build's kept there."""
    half, start, end = span
    chunks: list[tuple[str, str]] = []
    chunk: list[str] = []
    size = 0
    with kept_records(kept, f"search-tails-{half}.kept") as memo:
        tails, chunk_packs = PackWriter(files, "p", f"p{half}.", memo=memo), PackWriter(files, "t", f"t{half}.")

        def packed(first: str, entries: list[str]) -> tuple[str, str]:
            """A chunk (its first term, its record's address): its entries' JSON joined."""
            return first, chunk_packs.add_json(("{" + ",".join(entries) + "}").encode("utf-8"))

        documents = len(index.docs)
        parts_of = index.compounds.spaced.get
        opens = _FieldLists.opens(index)
        first_term = ""
        for batch in range(start, end, TERMS_AT_ONCE):  # (what each list is written as, held for a batch of terms only)
            batch_numbers = numbers[batch:min(end, batch + TERMS_AT_ONCE)]
            lists = _FieldLists.of(index, batch_numbers, opens)
            heads = _coded(index, lists.starts, np.minimum(lists.ends, lists.starts + FIRST_BLOCK), documents)
            tail_records = _tail_records(index, lists, tails, memo, documents)
            written = [f'[{field},{count},"{head}",{orjson.dumps(records).decode("utf-8") if records else "[]"}]'
                       for field, count, head, records in zip(lists.fields, lists.counts, heads, tail_records)]
            del heads, tail_records
            bounds = lists.term_firsts.tolist() + [len(written)]
            for term, number, first, last in zip(ordered[batch:batch + len(batch_numbers)], batch_numbers.tolist(), bounds, bounds[1:]):
                parts = parts_of(number)
                listed = written[first] if last == first + 1 else ",".join(written[first:last])
                if parts:
                    listed += "," + _parts_json(term, parts)
                entry = f"{_encode_string(term)}:[{listed}]"
                if size + len(entry) > CHUNK_BYTES and chunk:
                    chunks.append(packed(first_term, chunk))
                    chunk, size = [], 0
                if not chunk:
                    first_term = term
                chunk.append(entry)
                size += len(entry) + 1
        if chunk:
            chunks.append(packed(first_term, chunk))
        tails.close()
        chunk_packs.close()
    return chunks, {**tails.packs, **chunk_packs.packs}


@dataclass
class _FieldLists:
    """The (term, field) posting lists of terms (in the order given): each one's field, its span
    of the index's entries (best first) and its count, a term's lists together, by field."""

    fields: list[int]
    starts: np.ndarray
    ends: np.ndarray
    counts: list[int]
    term_firsts: np.ndarray
    """Each term's first list."""

    @staticmethod
    def opens(index: SearchIndex) -> np.ndarray:
        """Where every list of the index begins: where a term's entries do, and where the field
        changes within them (a mask, not a union of the two: that sorted them, 0.75 s a writer);
        then where the last one ends."""
        field = index.entry_field
        opening = np.zeros(len(field) + 1, dtype=bool)
        opening[1:-1] = field[1:] != field[:-1]
        opening[index.starts[:-1][index.starts[:-1] < len(field)]] = True
        opening[-1] = True
        return np.flatnonzero(opening)

    @staticmethod
    def of(index: SearchIndex, numbers: np.ndarray, opens: np.ndarray) -> "_FieldLists":
        """The lists of the terms `numbers`, where every list of the index begins given (`opens`)."""
        firsts = np.searchsorted(opens, index.starts[numbers])
        counts = np.searchsorted(opens, index.starts[numbers + 1]) - firsts
        at = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts) + np.repeat(firsts, counts)
        starts, ends = opens[at], opens[at + 1]
        return _FieldLists(index.entry_field[starts].tolist(), starts, ends, (ends - starts).tolist(), np.cumsum(counts) - counts)


def _tail_records(index: SearchIndex, lists: _FieldLists, tails: PackWriter, memo: RecordMemo | None,
                  documents: int) -> list[list[str]]:
    """Each list's tail records' addresses (`tail_blocks` of what is beyond its first FIRST_BLOCK
    postings), packed in the lists' order. A record the last build made of the same postings is
    taken as it was (`memo`), its postings not coded again: an edit to one meeting changes about
    1.4% of them; the others are coded together (`postings.coded_lists`)."""
    spans: list[tuple[int, int, int]] = []  # (list, start, end)
    for number, (start, end) in enumerate(zip(lists.starts.tolist(), lists.ends.tolist())):
        if end - start > FIRST_BLOCK:
            spans += [(number, start + FIRST_BLOCK + a, start + FIRST_BLOCK + b) for a, b in tail_blocks(end - start - FIRST_BLOCK)]
    keys = [_postings_key(index, start, end) for _, start, end in spans]
    missing = [at for at, key in enumerate(keys) if memo is None or key not in memo]
    made = dict(zip(missing, _coded(index, np.array([spans[at][1] for at in missing], np.int64),
                                    np.array([spans[at][2] for at in missing], np.int64), documents)))
    records: list[list[str]] = [[] for _ in lists.counts]
    for at, ((number, _, _), key) in enumerate(zip(spans, keys)):
        records[number].append(tails.add_made_of(key, functools.partial(made.__getitem__, at)))
    return records


def _coded(index: SearchIndex, starts: np.ndarray, ends: np.ndarray, documents: int) -> list[str]:
    """`postings.coded_lists` of the index's postings `starts[i]:ends[i]`, CODED_AT_ONCE postings
    or so at a time."""
    coded: list[str] = []
    bounds = np.searchsorted(np.cumsum(ends - starts), np.arange(CODED_AT_ONCE, int((ends - starts).sum()), CODED_AT_ONCE))
    for first, last in zip([0, *bounds.tolist()], [*bounds.tolist(), len(starts)]):
        if last > first:
            coded += postings.coded_lists(index.entry_doc, index.entry_weight, starts[first:last], ends[first:last], documents)
    return coded


def _postings_key(index: SearchIndex, start: int, end: int) -> bytes:
    """A digest of the postings `start` to `end` and of how they are written (this module)."""
    digest = hashlib.blake2b(index.entry_doc[start:end].data, digest_size=16, salt=_POSTINGS_CODE)
    digest.update(index.entry_weight[start:end].data)
    return digest.digest()


_POSTINGS_CODE = hashlib.blake2b(Path(__file__).read_bytes() + Path(postings.__file__).read_bytes(), digest_size=16).digest()
"""(the code postings are written by: a kept record made by other code is not taken)"""


def parts_written(term: str, spaced: str) -> list[str | int]:
    """A compound's parts (`spaced`: separated by spaces) as its entry holds them: each part as it
    is, or where it lies in the term, which is most of them ("samverkanskoordinator": [9, 10]):
    the first part, where the term begins with it, as its length; a later one, where the term ends
    with it, as where it begins. (Spelled out, the parts were a tenth of the term chunks at 10,000
    protocols, gzip: 2.3 MB.) Lengths count code points, as sok.js's `partsOf` does."""
    written: list[str | int] = []
    for at, part in enumerate(spaced.split(" ")):
        if at == 0 and len(part) < len(term) and term.startswith(part):
            written.append(len(part))
        elif at > 0 and 0 < len(term) - len(part) and term.endswith(part):
            written.append(len(term) - len(part))
        else:
            written.append(part)
    return written


def _parts_json(term: str, spaced: str) -> str:
    """`parts_written` as JSON; a compound of two parts that begin and end the term (most of them)
    written directly (the general way was a fifth of the term chunks' time)."""
    first, space, second = spaced.partition(" ")
    if space and " " not in second and len(first) < len(term) and len(second) < len(term) \
            and term.startswith(first) and term.endswith(second):
        return f"[{len(first)},{len(term) - len(second)}]"
    return orjson.dumps(parts_written(term, spaced)).decode("utf-8")


def is_field_list(element: list) -> bool:
    """Whether an element of a term's entry is a field's list (its postings coded at [2]), not a
    compound's parts (strings and numbers only)."""
    return isinstance(element[2], str) and isinstance(element[0], int) and isinstance(element[3], list) if len(element) == 4 else False


def parts_read(term: str, entry: list) -> list[str] | None:
    """A compound's parts, as `parts_written` wrote them into its `entry` (sok.js's `partsOf`);
    None for a term that is no compound."""
    last = entry[-1]
    if is_field_list(last):
        return None
    return [part if isinstance(part, str) else term[:part] if at == 0 else term[part:] for at, part in enumerate(last)]


def tail_blocks(postings: int) -> list[tuple[int, int]]:
    """(start, end) of each tail block of a list's `postings` tail postings: TAIL_BLOCK, then
    twice the one before, up to TAIL_GROWTH times TAIL_BLOCK."""
    spans, start, size = [], 0, TAIL_BLOCK
    while start < postings:
        spans.append((start, min(start + size, postings)))
        start, size = start + size, min(size * 2, TAIL_BLOCK * TAIL_GROWTH)
    return spans


def _store(files: Files, folder: str, data: object) -> str:
    """Write `data` as a file of its own under a content-hashed name (cache-safe), return the name."""
    return _store_bytes(files, folder, _json(data), ".json")


def _store_bytes(files: Files, folder: str, raw: bytes, suffix: str) -> str:
    name = f"{folder}/{hashlib.sha256(raw).hexdigest()[:12]}{suffix}"
    files[name] = raw
    return name


def build_search_files(archive: Archive, files: Files | None = None) -> Files:
    """Every file of the index, by path under `sok/index/` (into `files`, a dict unless given)."""
    files = {} if files is None else files
    index_into(IndexInput.of(archive), files)
    return files


def write_search_files(archive: Archive, folder: Path, kept: Path | None = None) -> None:
    """The index into `folder` (see `index_into`)."""
    index_into(IndexInput.of(archive), FolderWriter(folder), kept)


@dataclass
class LastBuild:
    """What the last build counted (`counts.Tally`), kept in the cache folder, and what counting
    reads of it (`counts.Prepared`); read and made by the index's process while it waits for its
    input."""

    tally: Tally | None
    prepared: Prepared | None = None
    taken: bool = False

    @staticmethod
    def read(kept: Path | None) -> "LastBuild":
        tally = Tally.read(kept)
        return LastBuild(tally, Prepared.of(tally) if tally is not None else None)

    def take(self) -> tuple[Tally | None, Prepared | None]:
        """The tally and what was prepared of it, let go of here: the index lets go of them once
        counted (200 MB at 10,000 protocols), whoever else holds this."""
        assert not self.taken, "taken twice"
        taken, self.tally, self.prepared, self.taken = (self.tally, self.prepared), None, None, True
        return taken


def index_into(source: IndexInput, files: Files, kept: Path | None = None, last_build: LastBuild | None = None,
               recounted: Callable[[], object] = lambda: None) -> None:
    """Every file of the index of `source` into `files`. With `kept`, a folder where what the
    last build counted and compressed is kept (`last_build`, read from it unless given), only the
    documents that changed are counted and compressed again. `recounted` is called when the
    documents were counted so, with the last build's tally taken, and their texts let go of."""
    docs = source.docs
    last, prepared = (last_build or LastBuild.read(kept)).take()
    taken = last is not None
    tables = source.document_files(files, kept)
    tokens = count_tokens(source.texts, last, prepared)
    lexicon = lexicon_of(source.texts, tokens.tokens, tokens.archive_words(prepared))
    vocabulary = _store(files, "v", _vocabulary(tokens.tokens, tokens.in_docs()))
    tally = count_terms(source.texts, lexicon, tokens, last, prepared)
    del last, prepared, tokens, lexicon
    source.texts.release()  # (counted: the rest of the index reads the documents' facts)
    if taken:
        recounted()
    written = tally.writing(kept, shedding=True)  # (while the index is built; its compounds made of those kept)
    index = build_index(docs, None, tally=tally)
    written()
    tally.shed()
    term_files(index, source, files, vocabulary, tables(), kept)


def _vocabulary(tokens: list[str], in_docs: np.ndarray) -> list[str]:
    """The words "Menade du …?" chooses from: the archive's most common words (`in_docs`: how
    many documents each of `tokens` is in), most common first, words of one count in their order."""
    # (read most common first, until the last word's count is passed: a test of each word of the
    # archive, a million, was a third of a second of the index's longest path)
    picked: list[tuple[int, str]] = []
    least = None
    counts = in_docs.tolist()
    for at in np.argsort(-in_docs, kind="stable").tolist():
        if least is not None and counts[at] < least:
            break
        word = tokens[at]
        if len(word) >= 3 and not is_exact(word) and word not in SV_STOP_WORDS:
            picked.append((-counts[at], word))
            if len(picked) == VOCABULARY:
                least = counts[at]
    return [word for _, word in heapq.nsmallest(VOCABULARY, picked)]
