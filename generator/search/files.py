"""The index as files for the browser, under `sok/index/`: the manifest (the first file a query
loads; it also carries the rules queries are made by, `query.browser_rules`, and the names of the
document files), group files `g/`, term chunks `t/` (each term's best postings per field), posting
tails `p/`, document blocks `d/` and snippet texts `x/`; and the writers that make them.

Few files: a static host, a deploy and a clone pay for every file. Facts and snippet texts come
in blocks of documents (DOC_BLOCK, TEXT_BLOCK); a posting list's tail blocks grow as they go deeper
(`tail_blocks`), and the short last block of a posting list shares its file with its neighbours'
up to PACK postings.

A query fetches the manifest, one small group file and the chunk(s) covering its terms, and the
document blocks of the results it shows. A common term's long posting lists come in blocks, best
weights first, fetched only while they can still change the results shown.
"""

from __future__ import annotations

import functools
import hashlib
import heapq
from collections import Counter
import json
from pathlib import Path
from typing import Protocol

from ..model import Archive, Body, Topic
from ..parallel import map_in_workers
from ..text import swedish_key
from .analysis import SV_STOP_WORDS, Lexicon, is_exact, tokenize
from .documents import EXACT_FIELD, FIELDS, NAMES_FIELD, TYPES, SearchDoc, documents
from .index import SearchIndex, build_index
from .query import browser_rules
from . import direct, synonyms

CHUNK_BYTES = 10_000
"""Target size of a term chunk before compression (about 3.5 kB gzip): a first query fetches a
chunk for each word and prefix typed, so they stay small."""
GROUP = 24
"""Term chunks per group file: the manifest lists groups, a group lists its chunks."""
FIRST_BLOCK = 64
"""Postings per (term, field) in the term chunk, best weights first; the rest in tail files."""
TAIL_BLOCK = 256
"""Postings of a list's first tail block; each next block of the same list holds twice as many as
the one before, up to TAIL_GROWTH times this. A query reads a list's tails in order, only while
they can still change its first page: the first are small, and a very common word's list, read
whole by an exclusion or by newest-first, comes in tens of files instead of hundreds."""
TAIL_GROWTH = 16
PACK = 4 * TAIL_BLOCK
"""Postings at most in a file of short last blocks packed together."""
DOC_BLOCK = 8
"""Documents per block of facts (what a result shows: about 100 bytes each): the header box fetches
the blocks of the results it shows at every key, so they stay small."""
DOC_FILE = "d/{build}-{number}.json"
"""A block of documents' facts (what a result shows), by block number."""
TEXT_BLOCK = 8
"""Documents per block of snippet texts (about 500 bytes each; fetched by the results page, and by
the header box for a phrase: 16 made a typed phrase fetch 11 kB more)."""
TEXT_FILE = "x/{build}-{number}.json"
"""The texts for snippets of a block of documents, by block number."""
TEXT_LENGTH = 1500
"""Characters of an item's text kept for snippets; fetched per result, by the results page only."""
VOCABULARY = 20_000
"""Words at most in the vocabulary "Menade du …?" reads (fetched only when nothing was found)."""
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


def document_files(docs: list[SearchDoc], archive: Archive, files: Files) -> None:
    """`d/` and `x/`: what a result shows. They depend on the documents only, so they can be
    written while the index is being built."""
    build, doc_blocks = _document_blocks(docs, archive)
    for number, block in enumerate(doc_blocks):
        files[DOC_FILE.format(build=build, number=number)] = json.dumps(block, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    for number, start in enumerate(range(0, len(docs), TEXT_BLOCK)):
        texts = [" ".join(doc.snippet_source.split())[:TEXT_LENGTH] for doc in docs[start:start + TEXT_BLOCK]]
        files[TEXT_FILE.format(build=build, number=number)] = json.dumps(texts, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _facets(archive: Archive) -> tuple[list[Body], list[Topic]]:
    return (sorted(archive.bodies.values(), key=lambda b: swedish_key(b.name)),
            sorted(archive.topics.values(), key=lambda t: swedish_key(t.name)))


def _document_blocks(docs: list[SearchDoc], archive: Archive) -> tuple[str, list[list]]:
    """The documents' facts in blocks, and the build's name (a digest of them)."""
    bodies, topics = _facets(archive)
    body_index = {b.key: i for i, b in enumerate(bodies)}
    topic_index = {t.key: i for i, t in enumerate(topics)}
    doc_blocks = [
        [[d.ref, d.title, body_index[d.body], d.date, TYPES.index(d.type), [topic_index[t] for t in d.topics], *([1] if d.ocr else [])]
         for d in docs[start:start + DOC_BLOCK]]
        for start in range(0, len(docs), DOC_BLOCK)
    ]
    build = hashlib.sha256(json.dumps(doc_blocks, ensure_ascii=False).encode("utf-8")).hexdigest()[:10]
    return build, doc_blocks


def term_files(index: SearchIndex, archive: Archive, files: Files, vocabulary: str | None = None) -> None:
    """`t/`, `p/`, `g/` and the manifest."""
    bodies, topics = _facets(archive)
    body_index = {b.key: i for i, b in enumerate(bodies)}
    ordered = sorted(index.term_ids)
    # On a folder, the two halves of the alphabet are written by two processes: posting lists
    # are the bulk of the build's work at 10,000 protocols. (Each half starts a chunk of its own.)
    halves = [(0, len(ordered) // 2), (len(ordered) // 2, len(ordered))]
    write = functools.partial(_term_chunks, index, ordered, files)
    at_least = 2 if isinstance(files, FolderWriter) and len(ordered) >= PARALLEL_TERMS else len(halves) + 1
    chunks = [chunk for half in map_in_workers(write, halves, at_least=at_least) for chunk in half]
    groups = [
        [chunks[i][0], _store(files, "g", [list(c) for c in chunks[i:i + GROUP]])]
        for i in range(0, len(chunks), GROUP)
    ]

    build, _ = _document_blocks(index.docs, archive)
    ranges, previous = [], None
    for number, doc in enumerate(index.docs):
        key = (body_index[doc.body], int(doc.date[:4]), TYPES.index(doc.type))
        if key != previous:
            ranges.append([number, *key])
            previous = key

    direct_file, direct_count = _direct_files(archive, files)
    manifest = {
        "version": 5,
        "build": build,
        "fields": [[name, boost] for name, boost in FIELDS],
        "exactField": EXACT_FIELD,
        "namesField": NAMES_FIELD,
        "docCount": len(index.docs),
        "groups": groups,
        "docBlock": DOC_BLOCK,
        "textBlock": TEXT_BLOCK,
        "docFile": DOC_FILE.format(build=build, number="{}"),
        "textFile": TEXT_FILE.format(build=build, number="{}"),
        "ranges": ranges,
        "bodies": [[b.key, b.name, b.organisation] for b in bodies],
        "types": list(TYPES),
        "topics": [[t.key, t.name] for t in topics],
        "query": browser_rules(),
        "synonyms": [[list(member) for member in group] for group in synonyms.groups(archive)],
        "bodyNames": direct.body_names(archive),
        "vocabulary": vocabulary,
        "direct": {"file": direct_file, "shards": direct_count, **direct.browser_rules()},
    }
    files["manifest.json"] = json.dumps(manifest, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _direct_files(archive: Archive, files: Files) -> tuple[str, int]:
    """`h/`: the direct hits' table in shards, named by a digest of the table and the shard's number."""
    shards = direct.shards(direct.table(archive))
    digest = hashlib.sha256(json.dumps(shards, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()[:10]
    for number, found in enumerate(shards):
        files[f"h/{digest}-{number}.json"] = json.dumps(found, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return f"h/{digest}-{{}}.json", len(shards)


def _term_chunks(index: SearchIndex, ordered: list[str], files: Files, span: tuple[int, int]) -> list[tuple[str, str]]:
    """Term chunks (and posting tails) for the terms `ordered[span[0]:span[1]]`: (first term,
    file name) of each chunk."""
    chunks: list[tuple[str, str]] = []
    chunk: dict[str, list] = {}
    size = 0
    tails = _TailPacks(files)

    def flush() -> None:
        nonlocal chunk, size
        tails.flush()
        if chunk:
            chunks.append((next(iter(chunk)), _store(files, "t", chunk)))
            chunk, size = {}, 0

    doc_of, field_of, weight_of, order, starts = index.entry_doc, index.entry_field, index.entry_weight, index.order, index.starts
    for term in ordered[span[0]:span[1]]:
        number = index.term_ids[term]
        by_field: dict[int, list[tuple[int, int]]] = {}
        for at in order[starts[number]:starts[number + 1]]:
            by_field.setdefault(field_of[at], []).append((-weight_of[at], doc_of[at]))
        entry: list = [number]
        for field_number in sorted(by_field):
            pairs = [(doc, -negative) for negative, doc in sorted(by_field[field_number])]  # best weights first
            head, rest = pairs[:FIRST_BLOCK], pairs[FIRST_BLOCK:]
            blocks: list[str] = []
            for start, end in tail_blocks(len(rest)):
                tails.add(rest[start:end], blocks)
            entry.append([field_number, len(pairs), _pack(head), blocks])
        if term in index.compounds:
            entry.append(list(index.compounds[term]))  # (a compound's parts: a list of strings, not a field's)
        encoded = len(json.dumps(entry, separators=(",", ":"))) + len(term) + 4
        if size + encoded > CHUNK_BYTES:
            flush()
        chunk[term] = entry
        size += encoded
    flush()
    return chunks


def tail_blocks(postings: int) -> list[tuple[int, int]]:
    """(start, end) of each tail block of a list's `postings` tail postings: TAIL_BLOCK, then
    twice the one before, up to TAIL_GROWTH times TAIL_BLOCK."""
    spans, start, size = [], 0, TAIL_BLOCK
    while start < postings:
        spans.append((start, min(start + size, postings)))
        start, size = start + size, min(size * 2, TAIL_BLOCK * TAIL_GROWTH)
    return spans


class _TailPacks:
    """Posting tails into files. A block of TAIL_BLOCK postings or more has a file of its own
    (`p/<hash>.json`); a shorter last block waits in a pack with those of the following lists, up
    to PACK postings,
    and is addressed as `p/<hash>.json#<position>` once the pack is written. A pack never
    outlives its term chunk, whose entries name it."""

    ADDRESS = "p/000000000000.json#0"
    """What an address will look like, for the chunk's size until the pack has its name."""

    def __init__(self, files: Files):
        self.files = files
        self.blocks: list[list[list[int]]] = []
        self.postings = 0
        self.waiting: list[tuple[list[str], int, int]] = []

    def add(self, pairs: list[tuple[int, int]], addresses: list[str]) -> None:
        if len(pairs) >= TAIL_BLOCK:
            addresses.append(_store(self.files, "p", _pack(pairs)))
            return
        if self.postings + len(pairs) > PACK:
            self.flush()
        self.waiting.append((addresses, len(addresses), len(self.blocks)))
        addresses.append(self.ADDRESS)
        self.blocks.append(_pack(pairs))
        self.postings += len(pairs)

    def flush(self) -> None:
        if not self.blocks:
            return
        name = _store(self.files, "p", self.blocks)
        for addresses, at, position in self.waiting:
            addresses[at] = f"{name}#{position}"
        self.blocks, self.postings, self.waiting = [], 0, []


def _pack(pairs: list[tuple[int, int]]) -> list[list[int]]:
    """Postings as two integer lists: document numbers, and weights in thousandths."""
    return [[doc for doc, _ in pairs], [weight for _, weight in pairs]]


def _store(files: Files, folder: str, data: object) -> str:
    """Write `data` under a content-hashed name (cache-safe), return the name."""
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    name = f"{folder}/{hashlib.sha256(raw).hexdigest()[:12]}.json"
    files[name] = raw
    return name


def build_search_files(archive: Archive, files: Files | None = None) -> Files:
    """Every file of the index, by path under `sok/index/` (into `files`, a dict unless given)."""
    files = {} if files is None else files
    _index_into(archive, files, with_documents=True)
    return files


def write_search_files(archive: Archive, folder: Path, with_documents: bool = True) -> None:
    """The index into `folder`; without the document files when `write_document_files` makes
    them (in another process, at the same time)."""
    _index_into(archive, FolderWriter(folder), with_documents)


def _index_into(archive: Archive, files: Files, with_documents: bool) -> None:
    docs = documents(archive)
    if with_documents:
        document_files(docs, archive, files)
    in_docs: Counter[str] = Counter()  # documents per token
    for doc in docs:
        in_docs.update({token for text in doc.texts.values() for token in tokenize(text)})
    lexicon = Lexicon(in_docs)
    vocabulary = _store(files, "v", _vocabulary(in_docs))
    del in_docs
    term_files(build_index(docs, lexicon, release_texts=True), archive, files, vocabulary)


def _vocabulary(in_docs: Counter[str]) -> list[str]:
    """The words "Menade du …?" chooses from: the archive's most common words, most common first."""
    words = [(-n, word) for word, n in in_docs.items() if len(word) >= 3 and not is_exact(word) and word not in SV_STOP_WORDS]
    return [word for _, word in heapq.nsmallest(VOCABULARY, words)]


def write_document_files(archive: Archive, folder: Path) -> None:
    document_files(documents(archive), archive, FolderWriter(folder))
