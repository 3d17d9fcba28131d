"""The search index is few files for a host to serve and a deploy to copy: facts and snippet texts
come a block of documents to a file, a posting list's tail blocks grow as they go deeper, and the
short last blocks of posting lists share files. Read back, every posting list is whole and
best-first, and the browser finds what it found before.

Blocks are made tiny here (a few postings each) so that the example archive's lists have tails
and packs, as a large archive's common terms do.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator import search, urls
from generator.load import load_archive

from .browsing import Visit
from .conftest import ROOT, serve
from .test_search_parity import QUERIES

TINY = {"FIRST_BLOCK": 2, "TAIL_BLOCK": 5, "TAIL_GROWTH": 4, "PACK": 10}


@pytest.fixture(scope="module")
def archive():
    return load_archive(ROOT / "content")


def tiny_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in TINY.items():
        monkeypatch.setattr(search.files, name, value)


def resolve(files: dict[str, bytes], address: str) -> list[list[int]]:
    name, _, position = address.partition("#")
    data = json.loads(files[name])
    return data[int(position)] if position else data


def test_every_posting_list_reads_back_whole_and_best_first(archive, monkeypatch) -> None:
    tiny_blocks(monkeypatch)
    files = search.build_search_files(archive)
    lists = tails = shared = grown = 0
    for name in [n for n in files if n.startswith("t/")]:
        for term, entry in json.loads(files[name]).items():
            for _field, total, head, blocks in (e for e in entry[1:] if isinstance(e[0], int)):  # (not a compound's parts)
                docs, weights = list(head[0]), list(head[1])
                sizes = [end - start for start, end in search.files.tail_blocks(total - len(docs))]
                assert len(sizes) == len(blocks), term
                for address, size in zip(blocks, sizes):
                    block = resolve(files, address)
                    assert len(block[0]) == size, (term, address)
                    grown = max(grown, size)
                    docs += block[0]
                    weights += block[1]
                    tails += 1
                    shared += "#" in address
                assert len(docs) == total == len(set(docs)), term
                assert weights == sorted(weights, reverse=True), term
                lists += 1
    assert tails > 100 and shared > 50  # the tiny blocks made tails, and short ones were packed
    assert grown == TINY["TAIL_BLOCK"] * TINY["TAIL_GROWTH"]  # the deepest blocks grew to the most they may
    packs = [n for n in files if n.startswith("p/")]
    assert len(packs) < tails  # fewer files than blocks
    for name in packs:
        data = json.loads(files[name])
        if isinstance(data[0][0], int):  # one block of one list
            assert TINY["TAIL_BLOCK"] <= len(data[0]) <= TINY["TAIL_BLOCK"] * TINY["TAIL_GROWTH"], name
        else:  # short last blocks packed, a pack's postings at most PACK
            assert sum(len(block[0]) for block in data) <= TINY["PACK"], name


def test_facts_and_snippet_texts_come_one_file_per_block_of_documents(archive, monkeypatch) -> None:
    monkeypatch.setattr(search.files, "DOC_BLOCK", 8)
    monkeypatch.setattr(search.files, "TEXT_BLOCK", 16)
    files = search.build_search_files(archive)
    manifest = json.loads(files["manifest.json"])
    for kind, block, name in (("d/", manifest["docBlock"], manifest["docFile"]), ("x/", manifest["textBlock"], manifest["textFile"])):
        blocks = -(-manifest["docCount"] // block)
        assert len([n for n in files if n.startswith(kind)]) == blocks
        assert len(json.loads(files[name.replace("{}", "0")])) == block
        last = json.loads(files[name.replace("{}", str(blocks - 1))])
        assert len(last) == manifest["docCount"] - (blocks - 1) * block


def results_in_the_browser(browser: object, site: Path) -> dict[str, list]:
    httpd, base = serve(site)
    try:
        visit = Visit(browser, base)
        visit.open(base + "sok/")
        found = visit.page.evaluate(
            """async (queries) => {
                const out = {};
                for (const q of queries) {
                    const r = await window.protokollarkivetSearch.search(q, {limit: 1e9, exhaustive: true});
                    out[q] = r.results.map(x => [x.doc, Math.round(x.score * 1e9)]);
                }
                return out;
            }""",
            QUERIES,
        )
        visit.close()
        assert visit.errors == []
        return found
    finally:
        httpd.shutdown()


def test_the_browser_finds_the_same_through_packed_tails(archive, example_site: Path, browser: object,
                                                         tmp_path: Path, monkeypatch) -> None:
    packed = tmp_path / "site"
    shutil.copytree(example_site, packed)
    index = packed / urls.SEARCH_INDEX_DIR
    shutil.rmtree(index)
    tiny_blocks(monkeypatch)
    search.write_search_files(archive, index)
    assert any("#" in json.dumps(json.loads(p.read_bytes())) for p in (index / "t").iterdir())

    expected = results_in_the_browser(browser, example_site)
    assert results_in_the_browser(browser, packed) == expected
    assert sum(1 for q in QUERIES if expected[q]) >= len(QUERIES) - 3  # as in the parity test: three find nothing


def test_the_results_page_shows_each_results_own_snippet(browser: object, server: str) -> None:
    visit = Visit(browser, server)
    visit.open(server + "sok/?q=hj%C3%A4lpmedel")
    visit.page.wait_for_selector(".pa-sok-snippet mark")
    snippets = visit.page.locator(".pa-sok-snippet").evaluate_all("els => els.map(e => e.innerHTML)")
    visit.close()
    assert visit.errors == [] and len(snippets) >= 3
    assert all("<mark>hjälpmedel" in html.lower() for html in snippets), snippets
