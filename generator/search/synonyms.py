"""Words searched for each other: the entries of content/synonyms.yml ("KS" and
"kommunstyrelsen"), each topic's name with each of its synonyms, each body's name with its short
name. Each group's members are held as the index terms of their words, so a query matches them
as the index reads text; the manifest carries the groups, and a query that holds one member (its
terms in a row) also looks for the others, both ways.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Archive
from .analysis import terms

Group = tuple[tuple[str, ...], ...]
"""A group's members, each as the terms of its words."""


def groups(archive: Archive) -> list[Group]:
    """Every group of words searched for each other, in a stable order. A topic's synonyms are
    each joined to the topic's name only (they are words for the topic, not for one another)."""
    written: list[tuple[str, ...]] = [(s.word, *s.same_as) for s in archive.synonyms]
    for key in sorted(archive.topics):
        topic = archive.topics[key]
        written += [(topic.name, synonym) for synonym in topic.synonyms]
    for key in sorted(archive.bodies):
        body = archive.bodies[key]
        if body.short_name:
            written.append((body.name, body.short_name))
    out: list[Group] = []
    for words in written:
        members = tuple(dict.fromkeys(found for found in map(terms, words) if found))
        if len(members) >= 2 and members not in out:
            out.append(members)
    return out


def expansions(query_terms: Sequence[str], found: Sequence[Group]) -> list[str]:
    """The terms a query also looks for: where a member's terms stand in a row in the query, the
    other members' terms (each once, in order, none the query holds already)."""
    out: dict[str, None] = {}
    for group in found:
        for member in group:
            if not _holds(query_terms, member):
                continue
            for other in group:
                if other != member:
                    out.update(dict.fromkeys(t for t in other if t not in query_terms))
    return list(out)


def _holds(sequence: Sequence[str], run: Sequence[str]) -> bool:
    return any(list(sequence[i:i + len(run)]) == list(run) for i in range(len(sequence) - len(run) + 1))
