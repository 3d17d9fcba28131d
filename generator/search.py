"""Archive -> search documents -> a lunr-scored index, split into small files for the browser.

One document per item (and one per meeting header), each with its permanent URL. Text is
analysed the same way at build time (here) and at query time (`theme/assets/search/sok.js`):

- tokens: runs of letters/digits; tokens holding a digit (dates, diarienummer, amounts) are
  exact and skip the language pipeline, everything else goes through lunr.sv's pipeline:
  `trimmer-sv`, `stopWordFilter-sv` (lunr-languages' list) and `stemmer-sv` (Snowball Swedish,
  `snowballstemmer` 2.2, the same algorithm generation as lunr-languages' port);
- compounds are split at index time only ("samverkanskoordinator" also yields "samverkan" and
  "koordinator"), from wordfreq's Swedish lexicon plus the archive's own words.

The weights are lunr's (BM25 per field, field boosts, rounded to three decimals) and term
indices are assigned in lunr's order, so lunr.js's Vector arithmetic in the browser gives the
scores lunr.py gives; `tests/test_search_parity.py` holds both to that. Building is ours, not
lunr.py's, because lunr.py keeps every posting's metadata and does not scale to 10,000 protocols.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import re
from array import array
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from itertools import accumulate, chain, repeat
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Protocol

import snowballstemmer

from . import dnr, urls
from .parallel import map_in_workers
from .model import Archive, Block, Body, Item, Meeting, Prose, Topic
from .text import swedish_key

FIELDS: tuple[tuple[str, float], ...] = (
    ("title", 8),
    ("headings", 4),
    ("decisions", 3),
    ("people", 3),
    ("ids", 6),
    ("meta", 2),
    ("text", 1),
)
"""Indexed fields and their boosts: titles and decisions rank above passing mentions."""
FIELD_NAMES = tuple(name for name, _ in FIELDS)
EXACT_FIELD = "ids"
K1 = 1.2
B = 0.75

# lunr-languages' lunr.sv.wordCharacters and stop words, verbatim.
SV_WORD_CHARACTERS = (
    "A-Za-z\xAA\xBA\xC0-\xD6\xD8-\xF6\xF8-\u02B8\u02E0-\u02E4\u1D00-\u1D25\u1D2C-\u1D5C\u1D62-\u1D65\u1D6B-\u1D77"
    "\u1D79-\u1DBE\u1E00-\u1EFF\u2071\u207F\u2090-\u209C\u212A\u212B\u2132\u214E\u2160-\u2188\u2C60-\u2C7F"
    "\uA722-\uA787\uA78B-\uA7AD\uA7B0-\uA7B7\uA7F7-\uA7FF\uAB30-\uAB5A\uAB5C-\uAB64\uFB00-\uFB06\uFF21-\uFF3A\uFF41-\uFF5A"
)
SV_STOP_WORDS = frozenset(
    "alla allt att av blev bli blir blivit de dem den denna deras dess dessa det detta dig din dina ditt du där då "
    "efter ej eller en er era ert ett från för ha hade han hans har henne hennes hon honom hur här i icke ingen inom "
    "inte jag ju kan kunde man med mellan men mig min mina mitt mot mycket ni nu när någon något några och om oss på "
    "samma sedan sig sin sina sitta själv skulle som så sådan sådana sådant till under upp ut utan vad var vara varför "
    "varit varje vars vart vem vi vid vilka vilkas vilken vilket vår våra vårt än är åt över".split()
)
_TRIM_START = re.compile(f"^[^{SV_WORD_CHARACTERS}]+")
_TRIM_END = re.compile(f"[^{SV_WORD_CHARACTERS}]+$")
# Must match TOKEN in sok.js: number-like runs first (2021-02-19, 422:1-2021, 50/50), then words.
_TOKEN = re.compile(r"[0-9][0-9:\-./]*[0-9]|[0-9]|[^\W_]+")
_DIGIT = re.compile(r"[0-9]")
# Must match DNR in sok.js (explicit look-arounds: JavaScript's \\b knows only ASCII letters).
_DNR_IN_TEXT = re.compile(dnr.IN_TEXT)

MIN_COMPOUND = 8
MIN_PART = 5
MIN_HEAD = 3


# -- analysis --------------------------------------------------------------------------


def tokenize(text: str) -> list[str]:
    """Lower-cased tokens: `HSN 422:1-2021` gives `hsn 422:1-2021` (a diarienummer is one
    token, in its normalised form), `422:1-2021` alone gives itself, words give words."""
    tokens: list[str] = []
    position = 0
    for match in _DNR_IN_TEXT.finditer(text):
        tokens += _plain_tokens(text[position:match.start()])
        normalised = dnr.normalise(match.group())
        tokens += [normalised.lower()] if normalised else _plain_tokens(match.group())
        position = match.end()
    tokens += _plain_tokens(text[position:])
    return tokens


def _plain_tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def is_exact(token: str) -> bool:
    """Tokens with a digit (lunr.sv's trimmer would strip it) or a space (a diarienummer, a pair
    of name words) skip the language pipeline."""
    return bool(_DIGIT.search(token)) or " " in token


def name_pairs(name: str) -> list[str]:
    """Adjacent word pairs of a name, as single tokens: `Anna-Maria Stenlund` -> `anna maria`,
    `maria stenlund`. A query's adjacent words match them, so a full name outranks its parts."""
    words = [w for w in _plain_tokens(name) if not is_exact(w)]
    return [f"{a} {b}" for a, b in zip(words, words[1:])]


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("swedish")


@lru_cache(maxsize=100_000)
def pipeline(token: str) -> str | None:
    """lunr.sv's pipeline for one word token: trimmer-sv, stopWordFilter-sv, stemmer-sv."""
    trimmed = _TRIM_END.sub("", _TRIM_START.sub("", token))
    if not trimmed or trimmed in SV_STOP_WORDS:
        return None
    return _stemmer().stemWord(trimmed)


def term_of(token: str) -> str | None:
    """A token's index term."""
    return token if is_exact(token) else pipeline(token)


def _expand_number(token: str) -> tuple[str, ...]:
    """A diarienummer is indexed as itself and as its number alone ("422:1-2021")."""
    return (token, token.split(" ", 1)[1]) if " " in token and _DIGIT.search(token) else (token,)


class Lexicon:
    """Known Swedish words, for splitting compounds: wordfreq's list plus the archive's words."""

    def __init__(self, extra: Iterable[str] = (), size: int = 100_000):
        import wordfreq

        self.words = {w for w in wordfreq.top_n_list("sv", size) if len(w) >= MIN_HEAD} | {
            w for w in extra if len(w) >= MIN_HEAD and not is_exact(w)}
        self.words -= SV_STOP_WORDS
        self._parts: dict[str, tuple[str, ...]] = {}  # (memory goes with the lexicon, unlike an lru_cache's)

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def expand(self, token: str) -> tuple[str, ...]:
        """A token as indexed: itself, then a compound's parts, then a diarienummer's number."""
        parts = self.parts(token)
        return (token, *parts) if parts else _expand_number(token)

    def parts(self, word: str) -> tuple[str, ...]:
        """The parts of a compound (`hjälpmedelsrådet` -> `hjälpmedel`, `rådet`), or ()."""
        found = self._parts.get(word)
        if found is None:
            if len(self._parts) >= _TermCache.LIMIT:
                self._parts.clear()
            found = self._parts[word] = self._split(word)
        return found

    def _split(self, word: str) -> tuple[str, ...]:
        if len(word) < MIN_COMPOUND or is_exact(word):
            return ()
        for cut in range(MIN_HEAD, len(word) - MIN_PART + 1):  # longest tail first
            head, tail = word[:cut], word[cut:]
            if tail not in self.words:
                continue
            head_word = self._head(head)
            if head_word:
                return (head_word, tail)
            # A head that is itself a compound: läns|samverkans|gruppen.
            inner = self.parts(head[:-1] if head.endswith("s") else head)
            if inner:
                return (*inner, tail)
        return ()

    def _head(self, head: str) -> str | None:
        if head in self.words:
            return head
        # Swedish joins compounds with an -s- (samverkan-s-koordinator) or drops a final -a/-e.
        if head.endswith("s") and head[:-1] in self.words:
            return head[:-1]
        for vowel in ("a", "e"):
            if head + vowel in self.words:
                return head + vowel
        return None


NAMES_FIELD = "people"
"""In this field each line is a name, and its word pairs are indexed as well."""


def analyse(text: str, lexicon: Lexicon | None, names: bool = False) -> list[str]:
    """Field tokens for indexing: the text's tokens, each compound followed by its parts."""
    return _analysed(text, _expander(lexicon), names)


def _expander(lexicon: Lexicon | None) -> Callable[[str], tuple[str, ...]]:
    return lexicon.expand if lexicon is not None else _expand_number


def _analysed(text: str, expand: Callable[[str], tuple[str, ...]], names: bool) -> list[str]:
    """The text's tokens, each followed by what `expand` adds; in a names field, name pairs too."""
    out = list(chain.from_iterable(map(expand, tokenize(text))))
    if names:
        for line in text.split("\n"):
            out.extend(name_pairs(line))
    return out


def field_tokens(doc: "SearchDoc", name: str, lexicon: Lexicon | None) -> list[str]:
    return analyse(doc.texts.get(name, ""), lexicon, names=name == NAMES_FIELD)


# -- queries ---------------------------------------------------------------------------

EXACT_BOOST = 10
PAIR_BOOST = 40
RELAXED_BOOST = 2
PREFIX_BOOST = 1
MIN_PREFIX = 4
RELAX_SUFFIXES = ("arnas", "ernas", "ornas", "arna", "erna", "orna", "ens", "ets", "et", "en", "er", "ar", "or", "na", "s")
"""Endings stripped from a query word so that a form longer than the text's still matches
("samverkansrådet" finds "samverkansråd"): Snowball leaves -et, and the text may be shorter."""
MIN_RELAXED = 5


@dataclass(frozen=True, slots=True)
class Clause:
    """One clause of lunr's query API; `clauses` in sok.js makes the same ones."""

    term: str
    fields: tuple[str, ...]
    use_pipeline: bool
    prefix: bool
    boost: float


def relaxed(token: str) -> str | None:
    for suffix in RELAX_SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= MIN_RELAXED:
            return token[: -len(suffix)]
    return None


def query_clauses(text: str) -> list[Clause]:
    """Per word: the word itself (through the pipeline), its stem as a prefix, and a shorter
    form's stem as a prefix; per exact token: itself; per pair of words: a name pair."""
    every = FIELD_NAMES
    words = tuple(name for name in FIELD_NAMES if name != EXACT_FIELD)
    out: list[Clause] = []
    tokens = tokenize(text)
    for token in tokens:
        if is_exact(token):
            out.append(Clause(token, every, False, False, EXACT_BOOST))
            continue
        out.append(Clause(token, words, True, False, EXACT_BOOST))
        stem = pipeline(token)
        if stem is None:
            continue
        # Prefix clauses skip the pipeline, as lunr's own query parser does (lunr.sv's trimmer
        # would strip the wildcard), so the stem is computed here.
        if len(stem) >= MIN_PREFIX:
            out.append(Clause(stem, words, False, True, PREFIX_BOOST))
        shorter = relaxed(token)
        shorter_stem = pipeline(shorter) if shorter else None
        if shorter_stem and shorter_stem != stem and len(shorter_stem) >= MIN_PREFIX:
            out.append(Clause(shorter_stem, words, False, True, RELAXED_BOOST))
    plain = [t for t in tokens if not is_exact(t)]
    for a, b in zip(plain, plain[1:]):
        out.append(Clause(f"{a} {b}", (NAMES_FIELD,), False, False, PAIR_BOOST))
    return out


# -- documents -------------------------------------------------------------------------


@dataclass(slots=True)
class SearchDoc:
    ref: str
    """Site-relative permanent URL: `lsg/2021-02-19/#p5` (or the meeting's URL)."""
    kind: str
    """`item` or `meeting`."""
    title: str
    body: str
    date: str
    type: str
    """beslutsärende, informationsärende, övrigt, or möte for a meeting's header."""
    topics: tuple[str, ...]
    texts: dict[str, str] = field(default_factory=dict)
    snippet_source: str = ""
    """The text snippets are cut from, around the query's words."""
    """Field name -> text to index."""


def documents(archive: Archive) -> list[SearchDoc]:
    """All search documents, ordered by body, year and type (facet ranges rely on it)."""
    docs: list[SearchDoc] = []
    for meeting in archive.meetings:
        docs.append(_meeting_doc(archive, meeting))
        for item in meeting.items:
            docs.append(_item_doc(archive, meeting, item))
    order = {key: index for index, key in enumerate(sorted(archive.bodies, key=lambda k: swedish_key(archive.bodies[k].name)))}
    docs.sort(key=lambda d: (order[d.body], d.date[:4], TYPES.index(d.type), d.date))
    return docs


TYPES = ("möte", "beslutsärende", "informationsärende", "övrigt")


def _meeting_doc(archive: Archive, meeting: Meeting) -> SearchDoc:
    body = archive.bodies[meeting.body]
    people = [a.name for a in (*meeting.present, *meeting.staff, *meeting.guests, *meeting.absent)]
    people += [s.name for s in meeting.signatures]
    ids = [meeting.date.isoformat(), *(d.isoformat() for d in meeting.days[1:])]
    if meeting.diarienummer:
        ids.append(meeting.diarienummer.normalised)
    from .text import long_date

    return SearchDoc(
        ref=urls.meeting(meeting).url, kind="meeting", title=f"{body.name} {long_date(meeting.date)}",
        body=meeting.body, date=meeting.date.isoformat(), type="möte", topics=(),
        snippet_source=", ".join(filter(None, ["Protokoll" if meeting.kind == "protokoll" else "Mötesanteckningar",
                                               meeting.place, f"{len(meeting.items)} ärenden"])),
        texts={
            "title": f"{body.name} {long_date(meeting.date)} {meeting.kind}",
            "people": "\n".join(people),
            "ids": " ".join(ids),
            "meta": " ".join(filter(None, [body.short_name, meeting.place, body.organisation, meeting.office])),
        },
    )


def _item_doc(archive: Archive, meeting: Meeting, item: Item) -> SearchDoc:
    body = archive.bodies[meeting.body]
    text_parts, decisions, headings, people = [], [], [], [p.name for p in item.presenters]
    for part in item.parts:
        if isinstance(part, Prose):
            text_parts.append(part.text)
            headings.extend(part.headings)
        elif isinstance(part, Block):
            if part.is_decision:
                decisions.append(f"{part.kind.capitalize()}: {part.text}")
            else:
                text_parts.append(part.text)
            people += [*part.by, *part.yes, *part.no, *part.abstain]
    topics = [archive.topics[key] for key in item.topics]
    meta = [body.name, body.short_name or "", item.type_printed or ""]
    for topic in topics:
        meta += [topic.name, *topic.synonyms]
    text = " ".join(text_parts)
    return SearchDoc(
        ref=urls.item(meeting, item), kind="item", title=f"{item.label} {item.title}" if item.number else item.title,
        body=meeting.body, date=meeting.date.isoformat(), type=item.type or "övrigt", topics=tuple(item.topics),
        snippet_source=" ".join([*decisions, text]),
        texts={
            "title": item.title,
            "headings": " ".join(headings),
            "decisions": " ".join(decisions),
            "people": "\n".join(people),
            "ids": " ".join(d.normalised for d in item.diarienummer),
            "meta": " ".join(meta),
            "text": text,
        },
    )


# -- the index -------------------------------------------------------------------------


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
    for counts in map_in_workers(count_span, spans, at_least=2):
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
    return SearchIndex(docs, term_ids, starts, order, entry_doc, entry_field, entry_weight)


PARALLEL_DOCS = 20_000
"""Documents from which pass one runs in two processes (about 1,500 protocols)."""
PARALLEL_TERMS = 100_000
"""Terms from which two processes write the term files (about 1,000 protocols)."""


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


def _count_terms(docs: list[SearchDoc], lexicon: Lexicon | None, span: tuple[int, int]) -> _Counts:
    term_ids: dict[str, int] = {}
    counts = _Counts([], array("I"), array("I"), array("B"), array("I"), [array("I") for _ in FIELDS])
    terms_of_token = _TermCache(lexicon)
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
    return counts


class _TermCache:
    """A field's index terms, with each distinct token's terms worked out once per build."""

    LIMIT = 250_000
    """Distinct tokens remembered at most: most of an archive's are seen once (names, numbers,
    rare compounds), and remembering them all cost more memory than working them out again."""

    def __init__(self, lexicon: Lexicon | None):
        self.expand = _expander(lexicon)
        self.known: dict[str, tuple[str, ...]] = {}

    def field(self, text: str, names: bool) -> list[str]:
        return _analysed(text, self.terms, names)  # (a name pair has a space: an exact term, itself)

    def terms(self, token: str) -> tuple[str, ...]:
        found = self.known.get(token)
        if found is None:
            if len(self.known) >= self.LIMIT:
                self.known.clear()
            found = self.known[token] = tuple(term for term in map(term_of, self.expand(token)) if term)
        return found


# -- files for the browser -------------------------------------------------------------

CHUNK_BYTES = 16_000
"""Target size of a term chunk before compression (about 5-6 kB gzip)."""
GROUP = 24
"""Term chunks per group file: the manifest lists groups, a group lists its chunks."""
FIRST_BLOCK = 64
"""Postings per (term, field) in the term chunk, best weights first; the rest in tail files."""
TAIL_BLOCK = 256
DOC_BLOCK = 8
TEXT_LENGTH = 1500
"""Characters of an item's text kept for snippets; fetched per result, by the results page only."""


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
        files[f"d/{build}-{number}.json"] = json.dumps(block, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    for number, doc in enumerate(docs):
        text = " ".join(doc.snippet_source.split())[:TEXT_LENGTH]
        files[f"x/{build}-{number}.json"] = json.dumps(text, ensure_ascii=False).encode("utf-8")


def _facets(archive: Archive) -> tuple[list[Body], list[Topic]]:
    return (sorted(archive.bodies.values(), key=lambda b: swedish_key(b.name)),
            sorted(archive.topics.values(), key=lambda t: swedish_key(t.name)))


def _document_blocks(docs: list[SearchDoc], archive: Archive) -> tuple[str, list[list]]:
    """The documents' facts in blocks, and the build's name (a digest of them)."""
    bodies, topics = _facets(archive)
    body_index = {b.key: i for i, b in enumerate(bodies)}
    topic_index = {t.key: i for i, t in enumerate(topics)}
    doc_blocks = [
        [[d.ref, d.title, body_index[d.body], d.date, TYPES.index(d.type), [topic_index[t] for t in d.topics]]
         for d in docs[start:start + DOC_BLOCK]]
        for start in range(0, len(docs), DOC_BLOCK)
    ]
    build = hashlib.sha256(json.dumps(doc_blocks, ensure_ascii=False).encode("utf-8")).hexdigest()[:10]
    return build, doc_blocks


def term_files(index: SearchIndex, archive: Archive, files: Files) -> None:
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

    manifest = {
        "version": 2,
        "build": build,
        "fields": [[name, boost] for name, boost in FIELDS],
        "exactField": EXACT_FIELD,
        "namesField": NAMES_FIELD,
        "docCount": len(index.docs),
        "groups": groups,
        "docBlock": DOC_BLOCK,
        "ranges": ranges,
        "bodies": [[b.key, b.name] for b in bodies],
        "types": list(TYPES),
        "topics": [[t.key, t.name] for t in topics],
    }
    files["manifest.json"] = json.dumps(manifest, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _term_chunks(index: SearchIndex, ordered: list[str], files: Files, span: tuple[int, int]) -> list[tuple[str, str]]:
    """Term chunks (and posting tails) for the terms `ordered[span[0]:span[1]]`: (first term,
    file name) of each chunk."""
    chunks: list[tuple[str, str]] = []
    chunk: dict[str, list] = {}
    size = 0

    def flush() -> None:
        nonlocal chunk, size
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
            blocks = [_store(files, "p", _pack(rest[i:i + TAIL_BLOCK])) for i in range(0, len(rest), TAIL_BLOCK)]
            entry.append([field_number, len(pairs), _pack(head), blocks])
        encoded = len(json.dumps(entry, separators=(",", ":"))) + len(term) + 4
        if size + encoded > CHUNK_BYTES:
            flush()
        chunk[term] = entry
        size += encoded
    flush()
    return chunks


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
    """Everything the search page and the header box need, by path under `sok/index/`: the
    manifest, group files `g/`, term chunks `t/`, posting tails `p/`, document blocks `d/` and
    snippet texts `x/` (into `files`, a dict unless given).

    A query fetches the manifest, one small group file and the chunk(s) covering its terms, and
    the document blocks of the results it shows. A common term's long posting lists come in
    blocks, best weights first, fetched only while they can still change the results shown.
    """
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
    lexicon = Lexicon({token for doc in docs for text in doc.texts.values() for token in tokenize(text)})
    term_files(build_index(docs, lexicon, release_texts=True), archive, files)


def write_document_files(archive: Archive, folder: Path) -> None:
    document_files(documents(archive), archive, FolderWriter(folder))
