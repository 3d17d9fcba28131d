"""The query reference: what the browser does with a query, in Python.

A query becomes clauses of lunr's query API: per word, the word itself (through the pipeline),
its stem as a prefix and a shorter form's stem as a prefix; per exact token, itself; per pair of
adjacent words, a name pair. `clauses` in `theme/assets/search/sok.js` makes the same ones, by
the rules it reads from the index's manifest (`browser_rules`: the boosts, the lengths and endings
below, the token and diarienummer patterns), and `tests/test_search_parity.py` runs these through
lunr.py as the ranking the browser must give.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import dnr
from .analysis import DNR_IN_TEXT, EXACT, TOKEN, browser_regex, is_exact, pipeline, tokenize
from .documents import EXACT_FIELD, FIELD_NAMES, NAMES_FIELD

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
    """One clause of lunr's query API."""

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


def browser_rules() -> dict:
    """What the browser needs to make a query's clauses as `query_clauses` does, for the manifest."""
    return {
        "token": browser_regex(TOKEN),
        "exact": browser_regex(EXACT),
        "dnr": browser_regex(DNR_IN_TEXT),
        "dnrShapes": [[browser_regex(pattern), form] for _, pattern, form in dnr.SHAPES],
        "boosts": {"exact": EXACT_BOOST, "pair": PAIR_BOOST, "relaxed": RELAXED_BOOST, "prefix": PREFIX_BOOST},
        "minPrefix": MIN_PREFIX,
        "relaxSuffixes": list(RELAX_SUFFIXES),
        "minRelaxed": MIN_RELAXED,
    }
