"""The search index is few files for a host to serve and a deploy to copy: its records (term
chunks, posting tails, facts and snippet texts a block of documents at a time) are packed into
files of about a megabyte, each record compressed alone and read by HTTP Range, or sliced from
the whole file where the host ignores Range. Read back, every posting list is whole and
best-first, and the browser finds what it found before, with Range and without.

Blocks and packs are made tiny here (a few postings, a few kilobytes) so that the example
archive's lists have tails and its records fill many packs, as a large archive's do.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import shutil
import struct
import zlib
from pathlib import Path

import pytest

from generator import search, urls
from generator.load import load_archive
from generator.search import packs
from generator.search.dictionary import DICTIONARY_BYTES, text_dictionary
from generator.search.postings import postings_of

from .browsing import Visit
from .conftest import ROOT, serve
from .test_search_parity import QUERIES

TINY = {"FIRST_BLOCK": 2, "TAIL_BLOCK": 5, "TAIL_GROWTH": 4, "CODED_AT_ONCE": 7, "TERMS_AT_ONCE": 50}
TINY_PACK = 4000


@pytest.fixture(scope="module")
def archive():
    return load_archive(ROOT / "content")


def tiny_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in TINY.items():
        monkeypatch.setattr(search.files, name, value)
    monkeypatch.setattr(packs, "PACK_BYTES", TINY_PACK)
    monkeypatch.setattr(packs, "SLOT_SHARE", 0.5)  # (half the facts' records too long for their slot)


def term_chunks(files: dict[str, bytes], manifest: dict) -> list[dict]:
    """Every term chunk, through the manifest's groups."""
    return [packs.read_address(files, manifest["packs"], address)
            for _, group in manifest["groups"]
            for _, address in packs.read_address(files, manifest["packs"], group)]


def test_every_posting_list_reads_back_whole_and_best_first(archive, monkeypatch) -> None:
    tiny_blocks(monkeypatch)
    files = search.build_search_files(archive)
    manifest = json.loads(files["manifest.json"])
    lists = tails = grown = 0
    for chunk in term_chunks(files, manifest):
        for term, entry in chunk.items():
            # (its fields' lists, then a compound's parts; nothing else: the browser keys by the term)
            assert all(isinstance(e, list) and search.files.is_field_list(e) for e in entry[:-1]), term
            assert search.files.is_field_list(entry[-1]) or search.files.parts_read(term, entry) is not None, term
            for _field, total, head, blocks in filter(search.files.is_field_list, entry):  # (not a compound's parts)
                docs, weights = postings_of(head, manifest["docCount"])
                sizes = [end - start for start, end in search.files.tail_blocks(total - len(docs))]
                assert len(sizes) == len(blocks), term
                for address, size in zip(blocks, sizes):
                    block_docs, block_weights = postings_of(packs.read_address(files, manifest["packs"], address), manifest["docCount"])
                    assert len(block_docs) == size, (term, address)
                    grown = max(grown, size)
                    docs += block_docs
                    weights += block_weights
                    tails += 1
                assert len(docs) == total == len(set(docs)), term
                assert weights == sorted(weights, reverse=True), term
                lists += 1
    assert lists > 1000 and tails > 100  # the tiny blocks made tails
    assert grown == TINY["TAIL_BLOCK"] * TINY["TAIL_GROWTH"]  # the deepest blocks grew to the most they may
    assert len([n for n in files if n.startswith("p/")]) < tails / 20  # many records to a file


def test_the_index_is_the_same_whether_its_sort_key_holds_the_documents_or_not(archive, monkeypatch) -> None:
    """Pass two sorts the entries in place where a key of term, field, weight and document fits in
    63 bits (up to about 10,000 protocols), by a stable argsort of a key without the document
    where it does not: both give one index."""
    from generator.search import index as index_module

    docs = search.documents(archive)
    lexicon = search.analysis.Lexicon(search.index.documents_per_token(docs))
    in_place = search.build_index(docs, lexicon)
    layout = index_module._KeyLayout.of
    assert layout(len(in_place.term_ids), 100.0, len(docs)).doc_bits  # (the example's fits)
    monkeypatch.setattr(index_module._KeyLayout, "of", staticmethod(lambda *given: dataclasses.replace(layout(*given), doc_bits=0)))
    by_argsort = search.build_index(docs, lexicon)
    for name in ("starts", "entry_doc", "entry_field", "entry_weight"):
        assert getattr(by_argsort, name).tolist() == getattr(in_place, name).tolist(), name
    assert (by_argsort.term_ids, by_argsort.compounds) == (in_place.term_ids, in_place.compounds)


def test_a_compounds_parts_read_back_from_its_entry_as_the_index_holds_them(archive) -> None:
    """A compound's parts are written where they lie in the term (most are its beginning and its
    end), the rest spelled out; read back, every compound's are the index's."""
    docs = search.documents(archive)
    index = search.build_index(docs, search.analysis.Lexicon(search.index.documents_per_token(docs)))
    files = search.build_search_files(archive)
    manifest = json.loads(files["manifest.json"])
    read = {term: search.files.parts_read(term, entry) for chunk in term_chunks(files, manifest) for term, entry in chunk.items()}
    compounds = {term: parts for term, parts in read.items() if parts is not None}
    assert len(compounds) > 400  # (names are not split by the build's counts, as here: the rest alike)
    assert compounds == {term: list(index.compounds[term]) for term in compounds}
    written = search.files.parts_written
    assert written("samverkanskoordinator", "samverkan koordinator") == [9, 10]
    assert written("hjälpmedelssortiment", "hjälpmedel sortiment") == [10, 11]
    assert written("berättatskyd", "berät skydd") == [5, "skydd"]  # (a stem that is not the term's end)
    assert written("𝒜bcdef", "𝒜bc def") == [3, 3]  # (code points, as the browser counts them)
    assert written("ab", "ab") == ["ab"] and written("abc", "ab c ab") == [2, 2, "ab"]
    cases = [("berättatskyd", "berät skydd"), ("𝒜bcdef", "𝒜bc def"), ("abc", "ab c ab"), ("ab", "ab"), ("abab", "ab ab"),
             ("abc", "abc c"), ("abc", "a abc"), *((term, " ".join(parts)) for term, parts in index.compounds.items())]
    for term, spaced in cases:
        assert search.files.parts_read(term, [[0, 1, "gC", []], written(term, spaced)]) == spaced.split(" ")
        assert json.loads(search.files._parts_json(term, spaced)) == written(term, spaced), (term, spaced)  # (its quick way)


def test_packs_keep_near_their_size_and_describe_themselves(archive, monkeypatch) -> None:
    tiny_blocks(monkeypatch)
    files = search.build_search_files(archive)
    manifest = json.loads(files["manifest.json"])
    pack_files = [name for name in files if name.endswith(packs.SUFFIX)]
    assert set(manifest["packs"].values()) | {t[1] for key in ("docs", "texts") for t in manifest[key]} \
        | {t[1] for t in manifest["direct"]["table"]} == set(pack_files)
    for name in pack_files:
        data = files[name]
        dictionary = files[manifest["textDictionary"]] if name.startswith("x/") else b""
        records = list(packs.records(data, dictionary))  # (from the footer alone, and the texts' dictionary)
        assert records, name
        sizes = [len(packs.compress(r, dictionary)) for r in records]
        assert sum(sizes) <= packs.PACK_BYTES + max(sizes), name  # (closed once full)
        if not name.startswith("d/"):  # (the facts' packs are slotted; the others end with their offsets)
            assert len(data) == sum(sizes) + 4 * (len(records) + 1), name
        assert name.removesuffix(packs.SUFFIX).rsplit("/", 1)[1] == hashlib.sha256(data).hexdigest()[:12]  # (cache-safe)


def test_facts_and_snippet_texts_come_a_block_of_documents_to_a_record(archive, monkeypatch) -> None:
    monkeypatch.setattr(search.files, "DOC_BLOCK", 8)
    monkeypatch.setattr(search.files, "TEXT_BLOCK", 16)
    monkeypatch.setattr(packs, "PACK_BYTES", 1000)
    monkeypatch.setattr(packs, "SLOT_SHARE", 0.5)
    files = search.build_search_files(archive)
    manifest = json.loads(files["manifest.json"])
    read_text = functools.partial(packs.read_numbered, dictionary=files[manifest["textDictionary"]])
    for table, block, read_record in ((manifest["docs"], manifest["docBlock"], packs.read_slotted),
                                      (manifest["texts"], manifest["textBlock"], read_text)):
        assert len(table) > 1  # (several packs: the numbers run on from one to the next)
        blocks = -(-manifest["docCount"] // block)
        read = [read_record(files, table, number) for number in range(blocks)]
        assert all(len(r) == block for r in read[:-1])
        assert len(read[-1]) == manifest["docCount"] - (blocks - 1) * block
    # The facts' slots hold all but the longest records, which are read where their slot says.
    longer = [n for first, name, slot in manifest["docs"] for n, record in enumerate(packs.records(files[name]))
              if len(packs.compress(record)) + 2 > slot]
    assert longer


def test_every_record_is_compact_json_as_pythons_own_encoder_writes_it(archive) -> None:
    # (records are written by orjson, for speed: the bytes must be json.dumps' own)
    files = search.build_search_files(archive)
    manifest = json.loads(files["manifest.json"])
    dictionaries = {"x": files[manifest["textDictionary"]]}
    checked = 0
    for name, data in files.items():
        if name.endswith(packs.SUFFIX) and not name.startswith("d/"):
            for record in _raw_records(data):
                unpacker = zlib.decompressobj(-15, zdict=dictionaries.get(name[0], b""))
                raw = unpacker.decompress(record) + unpacker.flush()
                assert json.dumps(json.loads(raw), ensure_ascii=False, separators=(",", ":")).encode("utf-8") == raw
                checked += 1
    assert checked > 20


def test_a_snippet_is_the_start_of_its_text_with_its_spaces_collapsed() -> None:
    """However long the text and wherever its spaces fall (the snippet reads only the text's start)."""
    length = search.files.TEXT_LENGTH
    word = "hemsjukvård"
    texts = [
        "", "  \n ", "kort text", (word + " ") * 1000, (word + "\n\n   ") * 1000, "x" * (3 * length),
        " " * (2 * length) + "text efter mycket luft " * 50, "ord\u00a0" * 900, "a " * (length - 1) + "b" * (length + 5),
        *("".join(("ab" + " " * (n % 7)) for n in range(start, start + 2000)) for start in range(7)),
    ]
    for text in texts:
        assert search.files.snippet(text) == " ".join(text.split())[:length]


def test_snippet_texts_are_compressed_against_a_dictionary_of_the_archives_own_words(archive) -> None:
    files = search.build_search_files(archive)
    manifest = json.loads(files["manifest.json"])
    dictionary = files[manifest["textDictionary"]]
    assert 0 < len(dictionary) <= DICTIONARY_BYTES
    packed = [record for _, name, footer in manifest["texts"] for record in _raw_records(files[name])]
    texts = [packs.inflate(record, dictionary) for record in packed]
    assert [t for block in texts for t in block] == [search.files.snippet(d.snippet_source) for d in search.documents(archive)]
    # The records need it (they refer back into it), and are the smaller for it.
    with pytest.raises(zlib.error):
        for record in packed:
            packs.inflate(record)
    assert sum(map(len, packed)) < 0.9 * sum(len(packs.compress(block)) for block in texts)


def test_the_dictionary_holds_the_words_that_save_most_the_best_last() -> None:
    texts = ["kommunerna beslutar om hemsjukvård", "kommunerna beslutar", "hemsjukvård i kommunerna", "en gång"]
    words = text_dictionary(texts).decode("utf-8").split()
    assert words == ["beslutar", "hemsjukvård", "kommunerna"]  # (once only, or shorter than a match: left out)


def _raw_records(data: bytes) -> list[bytes]:
    (footer,) = struct.unpack_from("<I", data, len(data) - 4)
    offsets = struct.unpack_from(f"<{(len(data) - footer) // 4}I", data, footer)
    return [data[start:end] for start, end in zip(offsets, offsets[1:])]


def results_in_the_browser(browser: object, site: Path, ranges: bool = True) -> dict[str, list]:
    httpd, base = serve(site, ranges=ranges)
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


def test_the_browser_finds_the_same_through_packs_with_range_and_without(archive, example_site: Path, browser: object,
                                                                        tmp_path: Path, monkeypatch) -> None:
    packed = tmp_path / "site"
    shutil.copytree(example_site, packed)
    index = packed / urls.SEARCH_INDEX_DIR
    shutil.rmtree(index)
    tiny_blocks(monkeypatch)
    search.write_search_files(archive, index)
    assert len(list((index / "p").iterdir())) > 1

    expected = results_in_the_browser(browser, example_site)
    assert results_in_the_browser(browser, packed) == expected
    assert results_in_the_browser(browser, packed, ranges=False) == expected
    assert sum(1 for q in QUERIES if expected[q]) >= len(QUERIES) - 3  # as in the parity test: three find nothing


def test_the_results_page_shows_each_results_own_snippet(browser: object, server: str) -> None:
    visit = Visit(browser, server)
    visit.open(server + "sok/?q=hj%C3%A4lpmedel")
    visit.page.wait_for_selector(".pa-sok-snippet mark")
    snippets = visit.page.locator(".pa-sok-snippet").evaluate_all("els => els.map(e => e.innerHTML)")
    visit.close()
    assert visit.errors == [] and len(snippets) >= 3
    assert all("<mark>hjälpmedel" in html.lower() for html in snippets), snippets


def test_the_vocabulary_is_the_archives_most_common_words_those_of_one_count_in_their_order(monkeypatch) -> None:
    """"Menade du …?" chooses from the words most documents hold; where the cut falls among words
    of one count, the first of them in their order are taken."""
    from generator.search import files
    from generator.search.analysis import SV_STOP_WORDS, is_exact
    from generator.search.counts import count_tokens
    from generator.search.documents import documents
    from generator.search.texts import PackedTexts

    tokens = count_tokens(PackedTexts.of(documents(load_archive(ROOT / "content"))), None)
    in_docs = tokens.in_docs()
    ranked = sorted((-n, word) for word, n in zip(tokens.tokens, in_docs.tolist())
                    if len(word) >= 3 and not is_exact(word) and word not in SV_STOP_WORDS)
    ties = [at for at in range(1, len(ranked)) if ranked[at - 1][0] == ranked[at][0]]
    for size in (1, ties[len(ties) // 2], len(ranked) + 10):
        monkeypatch.setattr(files, "VOCABULARY", size)
        assert files._vocabulary(tokens.tokens, in_docs) == [word for _, word in ranked[:size]], size


def test_a_larger_index_lists_fewer_larger_groups_and_every_term_is_found_through_them(archive, monkeypatch) -> None:
    """Every query fetches the manifest, which lists the groups: at 100,000 protocols a group of
    30 chunks made it most of a first query's bytes. The groups grow with the square root of the
    chunks, and a term is still found as sok.js finds it: the last group, then the last chunk,
    whose first term is not after it."""
    import bisect
    import math

    monkeypatch.setattr(search.files, "CHUNK_BYTES", 200)  # (many chunks of the example archive's terms)
    monkeypatch.setattr(search.files, "GROUP", 2)
    files = search.build_search_files(archive)
    manifest = json.loads(files["manifest.json"])
    groups = [(first, packs.read_address(files, manifest["packs"], address)) for first, address in manifest["groups"]]
    chunks = sum(len(listed) for _, listed in groups)
    assert chunks > 500
    assert 0.9 < len(groups) / math.sqrt(search.files.GROUPS_READ * chunks) < 1.1
    assert len(groups) < chunks / 10

    def located(term: str) -> dict:
        _, listed = groups[bisect.bisect_right([first for first, _ in groups], term) - 1]
        _, address = listed[bisect.bisect_right([first for first, _ in listed], term) - 1]
        return packs.read_address(files, manifest["packs"], address)

    terms = [term for chunk in term_chunks(files, manifest) for term in chunk]
    assert len(terms) > chunks
    for term in terms:
        assert term in located(term), term
