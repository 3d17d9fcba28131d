"""Posting lists are written as bits (Rice and Exp-Golomb codes, `generator/search/postings.py`):
every list of the example archive's index reads back as the index holds it, whole or cut where a
tail block starts, and the browser reads lists as Python wrote them, down to their edge cases: a
weight of zero, the first and last document, one document in all, runs longer than half the
archive."""

from __future__ import annotations

import random

import numpy as np
import pytest

from generator import search
from generator.load import load_archive
from generator.search import postings
from generator.search.postings import coded_lists, postings_of

from .browsing import Visit
from .conftest import ROOT


@pytest.fixture(scope="module")
def index():
    docs = search.documents(load_archive(ROOT / "content"))
    return search.build_index(docs, search.analysis.Lexicon(search.index.documents_per_token(docs)))


def _lists_of(index) -> list[tuple[int, int]]:
    """(start, end) of each (term, field) list among the index's entries."""
    spans = []
    for number in range(len(index.term_ids)):
        start, end = int(index.starts[number]), int(index.starts[number + 1])
        fields = index.entry_field[start:end].tolist()
        cuts = [start + at for at in range(len(fields)) if at == 0 or fields[at] != fields[at - 1]]
        spans += list(zip(cuts, [*cuts[1:], end]))
    return spans


def test_every_list_of_the_index_reads_back_as_the_index_holds_it(index) -> None:
    spans = _lists_of(index)
    documents = len(index.docs)
    halves = [((start + end) // 2, end) for start, end in spans]  # (a tail block starts within a list)
    for (start, end), coded in zip(spans + halves, coded_lists(index.entry_doc, index.entry_weight, *np.array(spans + halves).T, documents)):
        assert postings_of(coded, documents) == (index.entry_doc[start:end].tolist(), index.entry_weight[start:end].tolist())
    several = [end - start for start, end in spans if end - start > 1 and len(set(index.entry_weight[start:end].tolist())) < end - start]
    assert len(spans) > 3000 and len(several) > 100  # (documents of one weight share a run)


def _edge_lists(documents: int, seed: int) -> list[tuple[list[int], list[int]]]:
    """Lists of `documents` documents (best first; within a weight in the documents' order)."""
    rng = random.Random(seed)
    lists = [([0], [0]), ([documents - 1], [rng.randint(0, 200_000)])]
    if documents <= 1000:  # (a run of every document: no low bits)
        lists.append((list(range(documents)), [7] * documents))
    for _ in range(40):
        count = rng.randint(1, min(documents, rng.choice([2, 64, 700])))
        chosen = rng.sample(range(documents), count)
        weights = [rng.choice([0, 1, 1000, rng.randint(0, 70_000)]) for _ in chosen]
        postings = sorted(zip(weights, chosen), key=lambda posting: (-posting[0], posting[1]))
        lists.append(([doc for _, doc in postings], [weight for weight, _ in postings]))
    return lists


@pytest.mark.parametrize("documents", [1, 2, 1000, 130_000, 3_000_000])
def test_a_list_at_its_edges_reads_back_in_python(documents: int) -> None:
    lists = _edge_lists(documents, documents)
    ends = np.cumsum([len(docs) for docs, _ in lists])
    starts = ends - [len(docs) for docs, _ in lists]
    docs = np.array([doc for listed, _ in lists for doc in listed])
    weights = np.array([weight for _, listed in lists for weight in listed])
    # (written in another order than they lie: each list is its span, wherever it is)
    order = random.Random(documents).sample(range(len(lists)), len(lists))
    coded = coded_lists(docs, weights, starts[order], ends[order], documents)
    assert [postings_of(written, documents) for written in coded] == [lists[at] for at in order]


def test_the_browser_reads_lists_as_python_wrote_them(browser: object, server: str) -> None:
    cases = []
    for documents in (1, 2, 1000, 130_000):
        for docs, weights in _edge_lists(documents, documents):
            coded = coded_lists(np.array(docs), np.array(weights), [0], [len(docs)], documents)[0]
            cases.append([coded, documents, docs, weights])
    visit = Visit(browser, server)
    visit.open(server + "sok/")
    # (the coding's orders as the manifest carries them: sok.js holds no copy of them)
    read = visit.page.evaluate(
        "([cases, orders]) => cases.map(c => window.protokollarkivetSearch.postingsOf(c[0], {docCount: c[1], postings: orders}))",
        [cases, postings.browser_rules()])
    visit.close()
    assert visit.errors == []
    assert read == [[docs, weights] for _, _, docs, weights in cases]
