"""The search documents as the index's input carries them to the index's process (`files.IndexInput`):
each one's facts, its texts encoded (`texts.encode`) and its snippet, made a meeting at a time and
kept in the build cache by what the meeting is made of, so that a rebuild makes the documents of
the meetings that changed only (making and encoding all of them was the longest step before the
index's process could start counting: 2.5 s at 10,000 protocols)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..memo import MeetingKeys, Memo
from ..model import Archive, Meeting
from .documents import SearchDoc, in_facet_order, meeting_documents
from .texts import Encoded, encode, encoded_keys

FACT_FIELDS = tuple(f.name for f in dataclasses.fields(SearchDoc) if f.name not in ("texts", "snippet_source"))
"""A document's facts: what its result shows, and what its facets are made of."""
_IN_PLACE = next(at for at, (fact, field) in enumerate(zip(FACT_FIELDS, dataclasses.fields(SearchDoc))) if fact != field.name)
_BY_NAME = FACT_FIELDS[_IN_PLACE:]
MEMO_FILE = "search-documents.pickle"


@dataclass
class EncodedDocs:
    """Documents as columns (kept so, a meeting's in the memo: a tuple a document pickled ten times
    slower), in the same order."""

    facts: list[tuple]
    """Each one's `FACT_FIELDS`' values."""
    texts: list[Encoded]
    """`texts.encode` of each one's texts (no snippet source)."""
    snippets: list[str]
    """What each one's result shows of its text (`files.snippet`)."""
    keys: list[bytes]
    """Each one's texts' digest (`texts.encoded_keys`), which counting finds its last counts by."""

    def __len__(self) -> int:
        return len(self.facts)

    def docs(self) -> list[SearchDoc]:
        """The documents, their facts only."""
        return list(map(doc_of, self.facts))


def doc_of(facts: tuple) -> SearchDoc:
    """A document of its facts only (`FACT_FIELDS`' values)."""
    # (those before the texts given by position: by name, it was half a second of 130,000 documents)
    return SearchDoc(*facts[:_IN_PLACE], **dict(zip(_BY_NAME, facts[_IN_PLACE:])))


def encoded_documents(archive: Archive, snippet: Callable[[str], str], memo: Memo[EncodedDocs] | None = None,
                      made_of: MeetingKeys | None = None) -> EncodedDocs:
    """Every search document of `archive` (`documents.documents`, in its order) encoded. With `memo`
    (`read_memo`) and `made_of` (what a meeting's documents are made of, as a digest), the documents
    of a meeting made of what it was made of at the last build are taken as that build encoded them."""
    def encoded(meeting: Meeting) -> EncodedDocs:
        docs = meeting_documents(archive, meeting)
        texts = [encode(doc, snippets=False) for doc in docs]
        return EncodedDocs([tuple(map(doc.__getattribute__, FACT_FIELDS)) for doc in docs], texts,
                           [snippet(doc.snippet_source) for doc in docs], encoded_keys(texts))

    def of(meeting: Meeting) -> EncodedDocs:
        key = made_of(meeting) if made_of is not None else None
        if memo is None or key is None:
            return encoded(meeting)
        return memo.get(key, lambda: encoded(meeting))

    every = EncodedDocs([], [], [], [])
    shared: dict = {}
    for meeting in archive.meetings:
        docs = of(meeting)
        every.facts += [_sharing(facts, shared) for facts in docs.facts]
        every.texts += docs.texts
        every.snippets += docs.snippets
        every.keys += docs.keys
    order = in_facet_order(archive, list(range(len(every))), lambda at: _facet_facts(every.facts[at]))
    return EncodedDocs(*([column[at] for at in order] for column in (every.facts, every.texts, every.snippets, every.keys)))


def read_memo(kept: Path | None, keys: MeetingKeys) -> Memo[EncodedDocs] | None:
    """The documents the last build encoded, kept in `kept` under the code of `keys` (`Memo.write`
    keeps this build's)."""
    return Memo.read(kept, MEMO_FILE, keys.code) if kept is not None else None


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
