"""A reader who knows what they look for goes straight to it; a reader who finds nothing is
told what the archive does hold.

A diarienummer in any printed form, a citation ("Länssamverkansgruppen 2023-09-15 § 28",
"LSG § 28 2023") or a body with a day puts "Gå direkt till …" above the results; a misspelt word
gets "Menade du …?", and filters that leave nothing are offered to be taken off."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from urllib.parse import quote

from generator.load import load_archive
from generator import dnr, urls
from generator.search import direct

from .browsing import Visit
from .conftest import ROOT

QUERIES = [
    "Länssamverkansgruppen 2023-09-15 § 28", "LSG § 28 2023", "lsg §28 2023", "Samrådet 2021 § 7 b", "samrad 2021-03-19 §7b",
    "HSN: 200:3-2023", "HSN 422:1 - 2021", "Dnr HSN 418:1-2021", "422:1-2021", "VVG 2021-10-04", "2021-10-04",
    "Vårdsamverkan Västra Götaland 2021-10-04 § 4", "LSG 2023", "§ 28", "samverkan 2021", "hjälpmedel",
]
EXPECTED = {
    "Länssamverkansgruppen 2023-09-15 § 28": "lsg/2023-09-15/#p28",
    "LSG § 28 2023": "lsg/2023-09-15/#p28",
    "lsg §28 2023": "lsg/2023-09-15/#p28",
    "Samrådet 2021 § 7 b": "samrad/2021-03-19/#p7b",
    "samrad 2021-03-19 §7b": "samrad/2021-03-19/#p7b",
    "HSN: 200:3-2023": "lsg/2023-09-15/",
    "HSN 422:1 - 2021": "lsg/2021-02-19/",
    "422:1-2021": "lsg/2021-02-19/",
    "VVG 2021-10-04": "vvg/2021-10-04/",
    "2021-10-04": "vvg/2021-10-04/",
    "Vårdsamverkan Västra Götaland 2021-10-04 § 4": "vvg/2021-10-04/#p4",
}


def test_the_browser_reads_a_query_for_what_it_names_as_the_builder_does(browser: object, server: str) -> None:
    archive = load_archive(ROOT / "content")
    names = direct.body_names(archive)
    visit = Visit(browser, server)
    visit.open(server + "sok/")
    found = visit.page.evaluate(
        """async (queries) => {
            const s = window.protokollarkivetSearch, manifest = await s.fetchJSON("manifest.json");
            await s.ready();
            const out = {};
            for (const q of queries) {
                const hit = await s.directHit(q, manifest);
                out[q] = {keys: s.directKeys(q, manifest), hit: hit && hit.url, label: hit && hit.label,
                          shards: s.directKeys(q, manifest).map(k => s.shardOf(k, 7))};
            }
            return out;
        }""",
        QUERIES,
    )
    visit.close()
    assert visit.errors == []
    table = direct.table(archive)
    for query in QUERIES:
        assert found[query]["keys"] == direct.keys(query, names), query
        named = next((table[key] for key in direct.keys(query, names) if key in table), [None, None])
        assert [found[query]["label"], found[query]["hit"]] == named, query  # (from a document's facts, or written out)
        assert found[query]["shards"] == [direct.shard(key, 7) for key in direct.keys(query, names)], query
        assert found[query]["hit"] == EXPECTED.get(query), query


def test_a_key_that_leads_to_a_meeting_or_an_item_is_written_as_its_documents_number() -> None:
    from generator import search

    archive = load_archive(ROOT / "content")
    docs = search.documents(archive)
    table = direct.table(archive)
    written = direct.compact(table, docs, {key: body.name for key, body in archive.bodies.items()})
    numbered = {key: n for key, n in written.items() if isinstance(n, int)}
    assert len(numbered) > len(table) * 0.9  # (the bulk of the table: labels and URLs are not written twice)
    for key, number in numbered.items():
        assert docs[number].ref == table[key][1], key
    # What no document's facts give stays written out (a diarienummer held by several meetings
    # leads to its page, which no document is).
    elsewhere = {"dnr:hsn 1:1-2020": ["Diarienummer HSN 1:1-2020", "dnr/hsn-1-1-2020/"], "lsg/2023-09-15": ["Annat", table["lsg/2023-09-15"][1]]}
    assert direct.compact(elsewhere, docs, {key: body.name for key, body in archive.bodies.items()}) == elsewhere


def test_the_table_a_build_writes_is_the_compacted_table() -> None:
    """The build writes the table without holding every label and URL at once: what it writes is
    the table compacted, key for key: the example archive with two meetings of one diarienummer
    (which then leads to its page, written out), and a synthetic archive of 150 protocols whose
    keys share days and paragraphs."""
    import dataclasses
    import importlib.util
    import tempfile

    from generator import search

    example = load_archive(ROOT / "content")
    first, second, *rest = example.meetings
    shared = dataclasses.replace(example, meetings=[first, dataclasses.replace(second, diarienummer=first.diarienummer), *rest])
    spec = importlib.util.spec_from_file_location("synth", ROOT / "bench" / "synth.py")
    synth = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(synth)
    with tempfile.TemporaryDirectory() as folder:
        for archive in (shared, load_archive(synth.generate(Path(folder), 150))):
            docs = search.documents(archive)
            names = {key: body.name for key, body in archive.bodies.items()}
            written = direct.written_table(archive, docs, names)
            assert written == direct.compact(direct.table(archive), docs, names)
            assert sum(isinstance(entry, int) for entry in written.values()) > 0.9 * len(written)
            # A day of two meetings names neither: no direct hit is better than the wrong one.
            held = Counter(day for meeting in archive.meetings for day in meeting.days)
            assert {f"day:{day.isoformat()}" for day, meetings in held.items() if meetings == 1} == \
                {key for key in written if key.startswith("day:")}
    assert any(meetings > 1 for meetings in held.values())
    assert written != {}
    assert direct.written_table(shared, search.documents(shared), {key: body.name for key, body in shared.bodies.items()})[
        f"dnr:{first.diarienummer.normalised.lower()}"] == [f"Diarienummer {first.diarienummer.normalised}",
                                                            urls.diarienummer(dnr.key(first.diarienummer.normalised))]


def test_the_shards_written_for_many_keys_at_once_are_where_the_browser_looks_for_each(monkeypatch) -> None:
    """The build computes the shards of many keys together, a slice of them at a time; each must
    be the one `shard` (which the browser's parity test above holds to sok.js) gives the key alone:
    Swedish letters, §, digits, a character outside the BMP (two UTF-16 code units) and the empty
    key among them, in slices of every size."""
    archive = load_archive(ROOT / "content")
    keys = sorted({*direct.table(archive), "", "å", "\U0001d518 § 1", "x" * 200})
    assert len(keys) > 100
    for keys_at_once in (direct.SHARD_SLICE, 7, 1):
        monkeypatch.setattr(direct, "SHARD_SLICE", keys_at_once)
        for count in (1, 7, 1000):
            assert direct.shard_numbers(keys, count).tolist() == [direct.shard(key, count) for key in keys]


def test_the_shards_made_in_turn_hold_each_key_where_the_browser_looks_for_it_in_order(monkeypatch) -> None:
    """The shards are made one at a time as they are written: shard by shard, each holds the keys
    `shard` puts in it with their entries, in the keys' order, and none other (an empty shard
    too, where no key falls)."""
    from generator import search

    archive = load_archive(ROOT / "content")
    table = direct.written_table(archive, search.documents(archive), {key: body.name for key, body in archive.bodies.items()})
    for count_of in (lambda found: 1, direct.shard_count, lambda found: 5 * len(found)):
        count = count_of(table)
        expected: list[dict] = [{} for _ in range(count)]
        for key in sorted(table):
            expected[direct.shard(key, count)][key] = table[key]
        with monkeypatch.context() as patch:
            patch.setattr(direct, "shard_count", lambda found: count)  # noqa: B023
            made = list(direct.shards(table))
        assert [list(shard.items()) for shard in made] == [list(shard.items()) for shard in expected]
        assert sum(map(len, made)) == len(table) > 100 and (count < len(table) or {} in made)


def test_a_citation_puts_its_item_first_as_go_directly_to(browser: object, server: str, example_site: Path) -> None:
    visit = Visit(browser, server)
    visit.open(server + "sok/?q=" + quote("LSG § 28 2023"))
    link = visit.page.locator(".pa-sok-direct a")
    link.wait_for()
    assert visit.page.locator(".pa-sok-direct").inner_text().startswith("Gå direkt till Länssamverkansgruppen 2023-09-15, § 28 ")
    visit.page.screenshot(path=str(_screens() / "direkt-traff.png"))
    link.click()
    visit.page.wait_for_url("**/lsg/2023-09-15/#p28")
    visit.close()
    assert visit.errors == [] and visit.foreign == []


def test_the_header_box_offers_the_direct_hit_first(browser: object, server: str) -> None:
    visit = Visit(browser, server)
    visit.open(server + "vvg/2021-10-04/")
    visit.page.focus("#pa-sok-header")
    visit.page.keyboard.type("HSN 418:1-2021")
    first = visit.page.locator("#pa-sok-forslag [role=option]").first
    first.wait_for()
    visit.page.wait_for_function("document.querySelector('#pa-sok-forslag [role=option]').textContent.startsWith('Gå direkt till')")
    visit.page.keyboard.press("ArrowDown")
    visit.page.keyboard.press("Enter")
    visit.page.wait_for_url("**/samrad/2021-03-19/")
    visit.close()
    assert visit.errors == []


def test_a_misspelt_word_gets_did_you_mean(browser: object, server: str) -> None:
    visit = Visit(browser, server)
    visit.open(server + "sok/?q=" + quote("läkarmedvrkan patientsäkrhet"))
    visit.page.wait_for_function("/Inga träffar/.test(document.querySelector('.pa-sok-status').textContent)")
    suggestion = visit.page.locator(".pa-sok-suggest a")
    suggestion.wait_for()
    assert visit.page.locator(".pa-sok-suggest").inner_text() == "Menade du läkarmedverkan patientsäkerhet?"
    visit.page.screenshot(path=str(_screens() / "menade-du.png"))
    suggestion.click()
    visit.page.wait_for_url("**/sok/?q=l%C3%A4karmedverkan*")
    visit.page.wait_for_function("/träffar på/.test(document.querySelector('.pa-sok-status')?.textContent)")
    assert visit.page.locator("#sok-resultat > li").count() >= 1
    visit.close()
    assert visit.errors == []


def test_filters_that_leave_nothing_are_offered_to_be_taken_off(browser: object, server: str) -> None:
    visit = Visit(browser, server)
    visit.open(server + "sok/?q=Governo&body=vvg")
    button = visit.page.locator(".pa-sok-suggest button")
    button.first.wait_for()
    assert button.all_inner_texts() == ["Vårdsamverkan Västra Götaland"]
    button.first.click()
    visit.page.wait_for_function("/träff på|träffar på/.test(document.querySelector('.pa-sok-status').textContent)")
    assert "body=" not in visit.page.url
    visit.close()
    assert visit.errors == []


def _screens() -> Path:
    """Screenshots for the closing note (kept beside the work, not in the repository)."""
    folder = Path("/work/screens/search")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    except OSError:
        return Path("/tmp")
