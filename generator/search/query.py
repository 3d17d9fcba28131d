"""The query reference: what the browser does with a query, in Python.

A query is first read for its forms (`parse`): `"vård och omsorg"` is a phrase (its words
searched, and a result kept only where they stand in a row, `has_phrase`), `-hjälpmedel` an
exclusion (lunr's prohibited clause). Its words become clauses of lunr's query API: per word, the
word itself (through the pipeline), its stem as a prefix and a shorter form's stem as a prefix,
and the parts of a compound the index has split ("hjälpmedelssortiment" also looks for
"sortiment"); per exact token, itself; per pair of adjacent words, a name pair; and the terms of
the synonyms the query holds ("KS" also looks for "kommunstyrelsen", `synonyms`). `clauses` in `theme/assets/search/sok.js` makes the same ones, by
the rules it reads from the index's manifest (`browser_rules`: the boosts, the lengths and endings
below, the token and diarienummer patterns), and `tests/test_search_parity.py` runs these through
lunr.py as the ranking the browser must give.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from .. import dnr
from .analysis import DNR_IN_TEXT, EXACT, TOKEN, browser_regex, is_exact, pipeline, term_of, terms, tokenize
from .documents import EXACT_FIELD, FIELD_NAMES, NAMES_FIELD
from .synonyms import Group, expansions

EXACT_BOOST = 10
PAIR_BOOST = 40
RELAXED_BOOST = 2
PREFIX_BOOST = 1
MIN_PREFIX = 4
RELAX_SUFFIXES = ("éerna", "arnas", "ernas", "ornas", "arna", "erna", "orna", "éer", "éns", "ens", "ets", "én", "et", "en", "er",
                  "ar", "or", "na", "s")
"""Endings stripped from a query word so that a form longer than the text's still matches
("samverkansrådet" finds "samverkansråd"): Snowball leaves -et, and the text may be shorter;
nor does it know the inflections of words ending in -é ("kommittén" finds "kommitté")."""
MIN_RELAXED = 5
PART_BOOST = 2
"""A compound's part: below the word itself, above a prefix."""
SYNONYM_BOOST = 3
QUOTES = "\"\u201d\u201c\u201e"
PHRASE = re.compile(f"[{QUOTES}]([^{QUOTES}]*)[{QUOTES}]?")
"""A phrase: words in quotation marks ("vård och omsorg", or Swedish ”vård och omsorg”)."""
EXCLUSION = re.compile(f"(?:^|\\s)-([^\\s{QUOTES}]+)")
"""An exclusion: a word with a minus sign before it, after a space or first (not 422:1-2021's)."""


@dataclass(frozen=True, slots=True)
class Clause:
    """One clause of lunr's query API."""

    term: str
    fields: tuple[str, ...]
    use_pipeline: bool
    prefix: bool
    boost: float
    presence: Literal["optional", "prohibited"] = "optional"
    part_of: tuple[str, ...] = ()
    """For a compound's part: all the compound's parts."""


@dataclass(frozen=True, slots=True)
class Parsed:
    """A query's forms: the words searched, its phrases' tokens, the excluded words."""

    words: str
    phrases: tuple[tuple[str, ...], ...]
    excluded: tuple[str, ...]


def parse(text: str) -> Parsed:
    """Phrases (their words also searched) and exclusions out of a query's text."""
    phrases = tuple(found for found in (tuple(tokenize(m.group(1))) for m in PHRASE.finditer(text)) if len(found) > 1)
    rest = PHRASE.sub(lambda m: f" {m.group(1)} ", text)
    excluded = tuple(token for m in EXCLUSION.finditer(rest) for token in tokenize(m.group(1)))
    return Parsed(EXCLUSION.sub(" ", rest), phrases, excluded)


def phrase_key(token: str) -> str:
    """What a phrase compares: a word's stem (a small word as written), an exact token itself."""
    return term_of(token) or token


def has_phrase(text: str, phrase: Sequence[str]) -> bool:
    """Whether `text` holds the phrase's words in a row, in order (each in any inflected form)."""
    seq, want = [phrase_key(t) for t in tokenize(text)], [phrase_key(t) for t in phrase]
    return any(seq[i:i + len(want)] == want for i in range(len(seq) - len(want) + 1))


def relaxed(token: str) -> str | None:
    for suffix in RELAX_SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= MIN_RELAXED:
            return token[: -len(suffix)]
    return None


def query_clauses(text: str, compounds: Mapping[str, Sequence[str]] | None = None,
                  synonyms: Sequence[Group] = ()) -> list[Clause]:
    """A query's clauses: those of its words (`word_clauses`) and a prohibited clause for each
    excluded word; none when it has no words (exclusions alone leave nothing to rank)."""
    parsed = parse(text)
    every, words = FIELD_NAMES, tuple(name for name in FIELD_NAMES if name != EXACT_FIELD)
    out = word_clauses(parsed.words, compounds or {}, synonyms)
    if not out:
        return []
    for token in parsed.excluded:
        exact = is_exact(token)
        out.append(Clause(token, every if exact else words, not exact, False, 1, "prohibited"))
    return out


def word_clauses(text: str, compounds: Mapping[str, Sequence[str]], synonyms: Sequence[Group]) -> list[Clause]:
    """Per word: the word itself (through the pipeline), its stem as a prefix, a shorter
    form's stem as a prefix, and a compound's parts; per exact token: itself; per pair of words:
    a name pair; then each synonym's terms."""
    every, words = FIELD_NAMES, tuple(name for name in FIELD_NAMES if name != EXACT_FIELD)
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
        # The browser learns a compound's parts from the word's entry in its term chunk.
        parts = tuple(compounds.get(stem, ()))
        out += [Clause(part, words, False, False, PART_BOOST, part_of=parts) for part in parts]
    plain = [t for t in tokens if not is_exact(t)]
    for a, b in zip(plain, plain[1:]):
        out.append(Clause(f"{a} {b}", (NAMES_FIELD,), False, False, PAIR_BOOST))
    for term in expansions(terms(text), synonyms):
        out.append(Clause(term, every if is_exact(term) else words, False, False, SYNONYM_BOOST))
    return out


def holds_enough(matched: set[str], clauses: Sequence[Clause]) -> bool:
    """Whether a result found by these clauses, holding the terms `matched`, is kept: one that
    only a compound's parts found must hold all the parts of one compound (a query's
    "filmprojekt" finds "projekt" where "film" is too, not every project)."""
    parts = [c for c in clauses if c.part_of]
    if not parts:
        return True
    for clause in clauses:
        if clause.presence != "optional" or clause.part_of:
            continue
        term = pipeline(clause.term) if clause.use_pipeline else clause.term
        if term and any(t.startswith(term) if clause.prefix else t == term for t in matched):
            return True
    return any(set(c.part_of) <= matched for c in parts)


def browser_rules() -> dict:
    """What the browser needs to make a query's clauses as `query_clauses` does, for the manifest."""
    return {
        "token": browser_regex(TOKEN),
        "exact": browser_regex(EXACT),
        "dnr": browser_regex(DNR_IN_TEXT),
        "dnrShapes": [[browser_regex(pattern), form] for _, pattern, form in dnr.SHAPES],
        "boosts": {"exact": EXACT_BOOST, "pair": PAIR_BOOST, "relaxed": RELAXED_BOOST, "prefix": PREFIX_BOOST,
                   "part": PART_BOOST, "synonym": SYNONYM_BOOST},
        "phrase": browser_regex(PHRASE),
        "exclusion": browser_regex(EXCLUSION),
        "minPrefix": MIN_PREFIX,
        "relaxSuffixes": list(RELAX_SUFFIXES),
        "minRelaxed": MIN_RELAXED,
    }
