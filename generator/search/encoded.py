"""The search documents as the index's input carries them to the index's process (`files.IndexInput`):
each one's facts, its texts encoded (`texts.encode`) and its snippet, made a meeting at a time.

The texts are most of the documents' bytes (1.3 GB at 100,000 protocols) and are sent in the
index's order, which is known only once every document's facts are: so each meeting's are written
to a file as they are made (`DocumentSpool`) and read back a part at a time as the parts are sent,
never all in memory at once (held so, they made the documents' maker the build's largest process
at 100,000 protocols, 6.0 GB). The file is kept in the build cache by what each meeting is made of:
a rebuild copies the documents of the meetings that did not change from the last build's file and
makes only the others (making and encoding all of them was the longest step before the index's
process could start counting: 2.5 s at 10,000 protocols)."""

from __future__ import annotations

import dataclasses
import pickle
from array import array
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..kept import KeptRecords, Place
from ..memo import MeetingKeys
from ..model import Archive, Meeting
from .documents import SearchDoc, in_facet_order, meeting_documents
from .texts import ENCODING, Encoded, encode, encoded_keys

FACT_FIELDS = tuple(f.name for f in dataclasses.fields(SearchDoc) if f.name not in ("texts", "snippet_source"))
"""A document's facts: what its result shows, and what its facets are made of."""
_IN_PLACE = next(at for at, (fact, field) in enumerate(zip(FACT_FIELDS, dataclasses.fields(SearchDoc))) if fact != field.name)
_BY_NAME = FACT_FIELDS[_IN_PLACE:]
SPOOL_FILE = "search-documents.spool"
_FORMER_FILE = "search-documents.pickle"
"""The memo of the code before the spool (every meeting's documents in one pickle): removed."""


@dataclass
class EncodedDocs:
    """Documents as columns (a meeting's as made; kept so, a tuple a document pickled ten times
    slower), in the same order."""

    facts: list[tuple]
    """Each one's `FACT_FIELDS`' values."""
    texts: list[Encoded]
    """`texts.encode` of each one's texts (no snippet source)."""
    snippets: list[bytes]
    """What each one's result shows of its text (`files.snippet`), in UTF-8 (`snippet`): a string
    the documents' files' JSON is made of keeps its UTF-8 in it for its life, 59 MB at 10,000
    protocols; one decoded for it goes with the JSON."""
    keys: list[bytes]
    """Each one's texts' digest (`texts.encoded_keys`), which counting finds its last counts by."""


@dataclass
class SpooledDocs:
    """Every document of an archive in the index's order: its facts and key here, its texts and
    snippet in the spool (`texts`, `snippet`)."""

    facts: list[tuple]
    keys: list[bytes]
    numbers: array
    """Each one's number in the archive's order (the meetings', each one's documents in turn), which
    the spool finds its texts and snippet by."""
    spool: "DocumentSpool"

    def __len__(self) -> int:
        return len(self.facts)

    def texts(self, part: slice) -> list[Encoded]:
        """The texts of the documents `part` of this order, read from the spool."""
        return self.spool.texts(self.numbers[part])

    def snippet(self, number: int) -> str:
        """The snippet of the document `number` of this order, read from the spool. (Held, the
        snippets were half of what the documents' maker grew by: 67 MB at 10,000 protocols.)"""
        return self.spool.snippet(self.numbers[number]).decode(*ENCODING)

    def docs(self) -> list[SearchDoc]:
        """The documents, their facts only."""
        return list(map(doc_of, self.facts))


def doc_of(facts: tuple) -> SearchDoc:
    """A document of its facts only (`FACT_FIELDS`' values)."""
    # (those before the texts given by position: by name, it was half a second of 130,000 documents)
    return SearchDoc(*facts[:_IN_PLACE], **dict(zip(_BY_NAME, facts[_IN_PLACE:])))


def encoded_documents(archive: Archive, snippet: Callable[[str], str], spool: "DocumentSpool",
                      made_of: MeetingKeys | None = None) -> SpooledDocs:
    """Every search document of `archive` (`documents.documents`, in its order) encoded, its texts
    written to `spool`. With `made_of` (what a meeting's documents are made of, as a digest), the
    documents of a meeting made of what it was made of at the last build are taken from the last
    build's spool as that build encoded them."""
    def encoded(meeting: Meeting) -> EncodedDocs:
        docs = meeting_documents(archive, meeting)
        texts = [encode(doc, snippets=False) for doc in docs]
        return EncodedDocs([tuple(map(doc.__getattribute__, FACT_FIELDS)) for doc in docs], texts,
                           [snippet(doc.snippet_source).encode(*ENCODING) for doc in docs], encoded_keys(texts))

    facts: list[tuple] = []
    keys: list[bytes] = []
    shared: dict = {}
    for meeting in archive.meetings:
        key = made_of(meeting) if made_of is not None else None
        docs = spool.add(key, lambda: encoded(meeting))  # noqa: B023 (called at once)
        facts += [_sharing(fact, shared) for fact in docs.facts]
        keys += docs.keys
    order = in_facet_order(archive, list(range(len(facts))), lambda at: _facet_facts(facts[at]))
    return SpooledDocs([facts[at] for at in order], [keys[at] for at in order], array("I", order), spool)


class DocumentSpool:
    """Each meeting's encoded documents, written to a file as they are added and read back by a
    document's number (in the order added). Kept in a cache folder (`keep`), the file is the next
    build's: a meeting added under a key the last build's file holds is copied from it, not made.
    Without a folder, the file is a temporary one."""

    def __init__(self, folder: Path | None, code: str):
        self._records = KeptRecords(folder, SPOOL_FILE, code, records=2, former=_FORMER_FILE)
        self._texts: list[Place] = []
        """Where each meeting's texts are."""
        self._docs: list[Place] = []
        """Where each meeting's documents are (their facts, snippets and keys)."""
        self._snippets_read: OrderedDict[int, list[bytes]] = OrderedDict()
        """The snippets of the meetings read last, by the meeting's number (`snippet`)."""
        self._firsts: list[int] = []
        """Each meeting's first document's number."""
        self._count = 0

    def add(self, key: bytes | None, make: Callable[[], EncodedDocs]) -> EncodedDocs:
        """A meeting's documents (their texts left out: `texts` reads them) as the last build's
        file holds them under `key`, else as `make` makes them, written to this file."""
        copied = self._records.get(key) if key is not None else None
        if copied is not None:
            record, texts = copied
        else:
            made = make()
            record = pickle.dumps(EncodedDocs(made.facts, [], made.snippets, made.keys), protocol=pickle.HIGHEST_PROTOCOL)
            texts = pickle.dumps(made.texts, protocol=pickle.HIGHEST_PROTOCOL)
        # (what was made is let go, and what was written read back: pickling a string keeps its UTF-8
        # bytes in it for its life, and the titles are mostly not ASCII)
        docs = pickle.loads(record)
        places = self._records.file.add(key, record, texts)
        self._docs.append(places[0])
        self._texts.append(places[1])
        self._firsts.append(self._count)
        self._count += len(docs.facts)
        return docs

    def texts(self, numbers: Sequence[int]) -> list[Encoded]:
        """The texts of the documents numbered `numbers`, each meeting's read once."""
        read: dict[int, list[Encoded]] = {}
        found = []
        for number in numbers:
            meeting = bisect_right(self._firsts, number) - 1
            texts = read.get(meeting)
            if texts is None:
                texts = read[meeting] = pickle.loads(self._records.file.read(self._texts[meeting]))
            found.append(texts[number - self._firsts[meeting]])
        return found

    def snippet(self, number: int) -> bytes:
        """The snippet of the document numbered `number`. (Asked for in the index's order, in which
        a meeting's documents are together but for their types: each meeting's are read once or
        a few times, not once a document.)"""
        meeting = bisect_right(self._firsts, number) - 1
        snippets = self._snippets_read.get(meeting)
        if snippets is None:
            snippets = self._snippets_read[meeting] = pickle.loads(self._records.file.read(self._docs[meeting])).snippets
            if len(self._snippets_read) > _SNIPPETS_HELD:
                self._snippets_read.popitem(last=False)
        return snippets[number - self._firsts[meeting]]

    def keep(self) -> None:
        """The file kept for the next build (in its folder, in place of the last), and closed."""
        self._records.keep()

    def close(self) -> None:
        """Closed, and, where not kept, removed."""
        self._records.close()


_SNIPPETS_HELD = 64
"""Meetings whose snippets `DocumentSpool.snippet` holds, the last read."""

_BODY, _DATE, _TYPE = (FACT_FIELDS.index(name) for name in ("body", "date", "type"))
_SHARED = tuple(FACT_FIELDS.index(name) for name in ("kind", "body", "date", "type", "topics"))
"""The facts many documents have alike."""


def _sharing(facts: tuple, shared: dict) -> tuple:
    """`facts`, the values many documents have alike one object each (as the model holds them; read
    from the memo, each was a copy of its own: sent so, they made the index's process 27 MB larger)."""
    values = list(facts)
    for at in _SHARED:
        values[at] = shared.setdefault(values[at], values[at])
    return tuple(values)


def _facet_facts(facts: tuple) -> tuple[str, str, str]:
    return facts[_BODY], facts[_DATE], facts[_TYPE]
