"""A large archive builds fast and previews instantly, and nothing a reader sees is the price.

Speed itself is measured by `bench/build.py`, never asserted here: these tests hold what the fast
paths must keep, namely pages byte-identical to the ones MkDocs renders itself, and an edit in
the preview re-rendering what it affects and nothing else.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import FIXTURES, ROOT, fetch, make_project, preview, wait_for
from .test_build import tree_digest


@pytest.mark.parametrize("content", [ROOT / "content", FIXTURES / "content"], ids=["example", "committee"])
def test_pages_in_a_shared_layout_are_the_bytes_mkdocs_renders(tmp_path: Path, content: Path) -> None:
    project = make_project(tmp_path, content)
    if content == ROOT / "content":
        shutil.copy(ROOT / "published-urls.txt", tmp_path)
    shared = project.build("-v", "-d", str(tmp_path / "shared"))
    assert shared.code == 0, shared.stderr
    written = re.search(r"(\d+) pages written in (\d+) shared layouts", shared.stderr)
    assert written and int(written[1]) > 10, shared.stderr  # (meetings, people, diarienummer...)

    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - protokollarkivet:\n", "  - protokollarkivet:\n      shared_layout: false\n"), encoding="utf-8")
    engine = project.build("-v", "-d", str(tmp_path / "engine"))
    assert engine.code == 0, engine.stderr
    assert "shared layouts" not in engine.stderr

    shared_tree, engine_tree = tree_digest(tmp_path / "shared"), tree_digest(tmp_path / "engine")
    assert shared_tree.keys() == engine_tree.keys()
    assert [path for path in shared_tree if shared_tree[path] != engine_tree[path]] == []


def test_the_sitemap_lists_every_page_but_redirects(fixture_site: Path) -> None:
    sitemap = (fixture_site / "sitemap.xml").read_text(encoding="utf-8")
    listed = set(re.findall(r"<loc>https://protokollarkivet\.example\.se/(.*?)</loc>", sitemap))
    pages = {p.parent.relative_to(fixture_site).as_posix() + "/" for p in fixture_site.rglob("index.html")}
    pages = {"" if page == "./" else page for page in pages}
    redirects = {page for page in pages if 'http-equiv="refresh"' in (fixture_site / page / "index.html").read_text("utf-8")}
    assert listed == pages - redirects
    assert len(listed) > 20


def _pages(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("index.html")}


def test_an_edit_in_the_preview_rerenders_its_pages_and_leaves_the_rest_untouched(tmp_path: Path) -> None:
    project = make_project(tmp_path / "archive", ROOT / "content")
    shutil.copy(ROOT / "published-urls.txt", project.root)
    with preview(project, tmp_path) as running:
        page = f"{running.url}vvg/2021-10-04/"
        wait_for(lambda: "Dagens agenda godkänns" in fetch(page), "the preview")
        before = _pages(running.site)
        time.sleep(0.05)

        edited = project.content / "vvg/2021-10-04.md"
        edited.write_text(edited.read_text(encoding="utf-8").replace(
            "Dagens agenda godkänns.", "Dagens agenda godkänns med ett tillägg."), encoding="utf-8")
        wait_for(lambda: "med ett tillägg" in fetch(page), "the edit in the preview")
        wait_for(lambda: "pages re-rendered" in running.log.read_text(encoding="utf-8"), "the preview's report", 20)
        after = _pages(running.site)

    report = running.log.read_text(encoding="utf-8")
    assert report.count("Building documentation...") == 1, report  # one full build: the first
    rewritten = sorted(path for path in after if after[path] != before.get(path))
    rendered = int(re.search(r"preview: (\d+) pages re-rendered", report)[1])
    assert "vvg/2021-10-04/index.html" in rewritten
    assert 1 <= len(rewritten) <= rendered  # (a page rendered again to the bytes it had keeps its file)
    untouched = ["lsg/2021-02-19/index.html", "lsg/2023-09-15/index.html", "samrad/2021-03-19/index.html",
                 "chefsgrupp-svo/2021-10-14/index.html", "lsg/index.html", "tillganglighet/index.html", "sok/index.html"]
    assert [path for path in untouched if path in rewritten] == []
    assert len(rewritten) < len(after) / 4, rewritten


def test_the_search_index_built_by_several_processes_is_the_bytes_one_process_builds(tmp_path: Path, monkeypatch) -> None:
    from generator import search
    from generator.load import load_archive

    archive = load_archive(ROOT / "content")
    alone = search.build_search_files(archive)
    monkeypatch.setattr(search.counts, "PARALLEL_DOCS", 2)  # pass one on two halves of the documents,
    monkeypatch.setattr(search.files, "PARALLEL_TERMS", 2)  # and the term files written by two processes
    search.write_search_files(archive, tmp_path / "index")
    written = {p.relative_to(tmp_path / "index").as_posix(): p.read_bytes() for p in (tmp_path / "index").rglob("*") if p.is_file()}
    assert written.keys() == alone.keys()
    assert [name for name in alone if written[name] != alone[name]] == []


def test_work_on_every_core_leaves_the_process_collecting_again() -> None:
    """The parent freezes what its forked workers inherit; a long-lived process (the preview)
    must not keep every build's objects frozen, out of the collector's reach, but what it froze
    itself as lasting (an archive and its views) stays frozen: thawed, the next full pass of the
    collector would walk all of it."""
    import gc

    from generator import collector
    from generator.parallel import Background, map_in_workers

    gc.unfreeze()
    assert list(map_in_workers(abs, list(range(-100, 100)), at_least=1)) == [abs(n) for n in range(-100, 100)]
    assert gc.get_freeze_count() == 0
    background = Background(lambda: None)
    background.wait()
    assert gc.get_freeze_count() == 0

    with collector.lasting():
        archive = [[n] for n in range(10_000)]
    assert gc.get_freeze_count() >= len(archive)
    Background(lambda: None).cancel()
    list(map_in_workers(abs, [1, 2], at_least=1))
    assert gc.get_freeze_count() >= len(archive)  # (still frozen; thawed, the count would be 0)
    gc.unfreeze()


def _hold(folder: Path, number: int) -> int:
    """A worker's piece of work that lasts: it says it started, then waits."""
    (folder / f"{number}.{__import__('os').getpid()}").write_text("")
    time.sleep(60)
    return number


def test_a_cancelled_refresh_stops_the_workers_it_started(tmp_path: Path) -> None:
    """The preview cancels its refresh (search, feeds, open data) at the next edit: the workers
    the refresh forked stop with it, and do not finish their piece of work on the edit's cores."""
    import functools
    import os

    from generator.parallel import Background, can_fork, map_in_workers

    if not can_fork():
        pytest.skip("one core or no fork: work runs in the calling process")
    task = functools.partial(_hold, tmp_path)
    background = Background(lambda: list(map_in_workers(task, [1, 2], at_least=1)), group=True)
    wait_for(lambda: len(list(tmp_path.iterdir())) == 2, "both workers to start", 30)
    workers = [int(path.suffix[1:]) for path in tmp_path.iterdir()]
    background.cancel()

    def gone(pid: int) -> bool:
        try:
            return Path(f"/proc/{pid}/status").read_text().split("State:")[1].split()[0] in ("Z", "X")
        except (OSError, IndexError):
            return True

    wait_for(lambda: all(gone(pid) for pid in workers), "the workers to stop", 5)
    assert os.getpgid(0) == os.getpgid(os.getpid())  # (this process's own group untouched)


def test_after_an_edit_the_preview_reuses_the_pages_of_bodies_it_did_not_touch(tmp_path: Path) -> None:
    """The preview makes again the page and coverage of the edited meeting's body only
    (views.Kept); every page is the one a fresh read derives."""
    import datetime as dt

    from generator.cache import CACHE_DIR, ParseCache
    from generator.render import THEME_DIR
    from generator.settings import Settings
    from generator.site import Site, SiteConfig

    project = make_project(tmp_path / "archive", ROOT / "content")
    config = SiteConfig(project.content, THEME_DIR, Settings(preview=True, today=dt.date(2026, 12, 1)))
    kept = ParseCache(project.root / CACHE_DIR)
    before = Site.load(config, kept)
    edited = project.content / "vvg/2021-10-04.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("::: beslut\n", "::: beslut\nÄndrat i förhandsvisningen.\n", 1),
                      encoding="utf-8")

    after = Site.load(config, kept, earlier=before)
    fresh = Site.load(config, ParseCache(tmp_path / "another-cache"))

    assert after.views == fresh.views
    assert after.views["vvg/index.md"] != before.views["vvg/index.md"]  # (the edited body's page shows the decision)
    assert after.views["lsg/index.md"] is before.views["lsg/index.md"]  # (another body's: the very page made before)
    coverage = after.views["tackning/index.md"].coverage
    assert [b.body.key for b in coverage.bodies] == [b.body.key for b in fresh.views["tackning/index.md"].coverage.bodies]


def _example_site():
    import datetime as dt

    from generator.render import THEME_DIR
    from generator.settings import Settings
    from generator.site import Site, SiteConfig

    settings = Settings(site_url="https://protokollarkivet.example.se/", today=dt.date(2026, 12, 1))
    return Site.load(SiteConfig(ROOT / "content", THEME_DIR, settings))


def test_a_build_keeps_nothing_for_a_next_derivation_and_derives_the_pages_the_preview_would() -> None:
    """What a derivation keeps for the next one (`views.Kept`: each person's page with what it
    was made of, 50 MB at 10,000 protocols) only the preview uses; a build, which has no next
    derivation, keeps none of it, and its pages are the ones a derivation that keeps them makes."""
    from generator.views import Kept, derive_views

    site = _example_site()
    kept = Kept()

    again = derive_views(site.facts, site.config.settings, site.versions.by_meeting, kept)

    assert site.kept is None
    assert again == list(site.views.values())
    assert sum(key.startswith("person/") for key in site.views) > 1 and kept.pages


def test_the_data_files_written_by_a_process_of_their_own_are_the_ones_the_build_writes_itself(tmp_path: Path) -> None:
    """A build writes the feeds, the open data and the OParl endpoint in a forked process while it
    renders the pages: the files, and what it keeps of them for the next build (each file's
    digest, kept by the process that wrote them; what each meeting's OParl objects were made of,
    taken back), are those it would make itself. The build's own process never holds the digests."""
    from generator.staging import ChangedWriter

    site = _example_site()
    here = ChangedWriter(tmp_path / "here", record=tmp_path / "cache" / "here.json")
    forked = ChangedWriter(tmp_path / "forked", record=tmp_path / "cache" / "forked.json")
    site.writing_data_files(here, fork=False).wait()
    written_here = site.oparl_written
    site.writing_data_files(forked, fork=True).wait()

    kept_here, kept_forked = (json.loads((tmp_path / "cache" / name).read_text(encoding="utf-8")) for name in ("here.json", "forked.json"))
    assert len(here.digests) > 100 and written_here.meetings > 0  # (feeds, tables, OParl objects)
    assert kept_here == {"files": {path: digest.hex() for path, digest in here.digests.items()}, "composed": here.composed}
    assert kept_here["composed"]
    # (each digest held as its 16 bytes: 1.7 million of them at 100,000 protocols, 53 MB less than as hexadecimal)
    assert {(type(digest), len(digest)) for digest in here.digests.values()} == {(bytes, 16)}
    assert kept_forked == kept_here and not forked.digests
    assert site.oparl_written == written_here and site.oparl_written is not written_here
    assert tree_digest(tmp_path / "forked") == tree_digest(tmp_path / "here")


def test_writing_the_data_files_leaves_the_archives_texts_the_size_they_were_read(tmp_path: Path) -> None:
    """Serialising a string that is not ASCII (pydantic, orjson, pickle) leaves its UTF-8 bytes in
    it for as long as it lives, and the archive's texts live as long as the build: the open data
    and the OParl endpoint serialise copies of the bulk of them (`text.unshared`: the items'
    titles, prose and blocks, and the names), which are as large after the files are written as
    before."""
    import sys

    from generator.staging import ChangedWriter

    site = _example_site()
    before = {id(text): sys.getsizeof(text) for text in _texts_of(site.published)}

    site.write_data_files(ChangedWriter(tmp_path / "site"))

    grown = [text[:40] for text in _texts_of(site.published) if sys.getsizeof(text) > before[id(text)]]
    assert len(before) > 200 and not grown


_BULK = {("Item", "title"), ("Prose", "held"), ("Block", "held"), ("Presenter", "name"), ("Attendee", "name")}
"""(class, field) of the strings that are most of an archive's text (at 10,000 protocols: the
items' prose 5.1 MB of the 6.5 MB that serialising had grown, their blocks 1.0, their titles 0.4;
read from files, the prose's and blocks' are packed, `model.TextPack`, and read as new strings)."""


def _texts_of(archive) -> list[str]:
    """The strings of the fields `_BULK` names in the archive's meetings, once each."""
    import dataclasses

    found, seen, stack = [], set(), list(archive.meetings)
    while stack:
        value = stack.pop()
        if id(value) in seen:
            continue
        seen.add(id(value))
        if isinstance(value, (list, tuple)):
            stack.extend(value)
        elif dataclasses.is_dataclass(value):
            for field in dataclasses.fields(value):
                held = getattr(value, field.name)
                if isinstance(held, str):
                    if (type(value).__name__, field.name) in _BULK:
                        found.append(held)
                else:
                    stack.append(held)
    return found


def test_a_part_of_plain_words_is_kept_as_its_text_alone_and_shows_the_html_markdown_writes(tmp_path: Path) -> None:
    """Most parts of an item are paragraphs of plain words, whose HTML is their text escaped: such a
    part keeps its text alone, and gives the HTML markdown-it writes; a part with markup or a line
    break keeps the HTML it was rendered to (the archive's strings: 21 -> 14 MB at 1,000 protocols)."""
    from generator.load import load_archive
    from generator.model import Block, Prose

    project = make_project(tmp_path)
    minutes = project.content / "lsg/2021-02-19.md"
    minutes.write_text(minutes.read_text(encoding="utf-8")
                       .replace("Länssamverkansgruppen fick information om ansökningsprocess.\n",
                                'Bidrag & kostnader <2021> "enligt plan".\n')
                       .replace("Rekryteringen av hjälpmedelskoordinator är avslutad.\n",
                                "Rekryteringen är\navslutad, med *en* ny [koordinator](https://example.se/).\n"), encoding="utf-8")

    items = {item.title: item for item in load_archive(project.content).meetings[0].items}
    decision = next(p for p in items["Godkännande av dagordning"].parts if isinstance(p, Block))
    plain = next(p for p in items["UPH-medel (Uppdrag Psykisk Hälsa) 2021–2022"].parts if isinstance(p, Prose))
    marked = next(p for p in items["Information om rekrytering av hjälpmedelskoordinator"].parts if isinstance(p, Prose))

    assert (decision.own_html, decision.html) == (None, "<p>Dagordningen godkändes.</p>\n")
    assert (plain.own_html, plain.html) == (None, "<p>Bidrag &amp; kostnader &lt;2021&gt; &quot;enligt plan&quot;.</p>\n")
    assert marked.html == marked.own_html == ('<p>Rekryteringen är\navslutad, med <em>en</em> ny '
                                              '<a href="https://example.se/">koordinator</a>.</p>\n')


def test_a_meetings_texts_are_held_packed_together_and_each_part_reads_its_own_as_written(tmp_path: Path,
                                                                                         monkeypatch) -> None:
    """The texts of the items' prose and blocks were 39% of the archive's memory, in the build's
    process and in each of its forks (72 MB at 10,000 protocols): read from its file, a meeting
    holds them in one compressed pack (28 MB), from the parsing workers and from the parse cache
    alike, and each part reads its own text back as it was written."""
    from generator import load
    from generator.model import Block, Prose, TextPack

    def texts_by_part(archive) -> dict[tuple[str, int], list[str]]:
        return {(meeting.key, number): [part.text for part in item.parts if isinstance(part, (Prose, Block))]
                for meeting in archive.meetings for number, item in enumerate(meeting.items)}

    project = make_project(tmp_path, ROOT / "content")
    parsed, _ = load.read_archive(project.content, cache=True)
    cached, _ = load.read_archive(project.content, cache=True)
    monkeypatch.setattr(load, "pack_texts", lambda meeting: None)
    as_written, _ = load.read_archive(project.content)

    assert sum(map(len, texts_by_part(as_written).values())) > 100
    for archive in (parsed, cached):
        assert texts_by_part(archive) == texts_by_part(as_written)
        for meeting in archive.meetings:
            parts = [part for item in meeting.items for part in item.parts if isinstance(part, (Prose, Block))]
            assert {type(part.held) for part in parts} <= {TextPack} and len({id(part.held) for part in parts}) <= 1
    packs = {id(part.held): part.held for meeting in parsed.meetings for item in meeting.items for part in item.parts
             if isinstance(part, (Prose, Block))}
    written = sum(len(text.encode("utf-8")) for texts in texts_by_part(as_written).values() for text in texts)
    assert sum(len(pack.data) for pack in packs.values()) < 0.6 * written


def test_what_recurs_from_meeting_to_meeting_is_held_once_in_the_build(tmp_path: Path) -> None:
    """A body's members attend meeting after meeting on the same line of the same template, and its
    minutes' front matter holds the same keys on the same lines: read back from the parsing workers,
    equal attendees are one record and equal lines of keys one tuple; an item's presenters are its
    `Föredragande:` line's own (at 10,000 protocols: 133,000 attendees were 19,000, and the
    archive in the build's process 29 MB smaller)."""
    import sys

    from generator.load import load_archive
    from generator.model import Fields

    project = make_project(tmp_path)
    minutes = project.content / "lsg/2021-02-19.md"
    text = minutes.read_text(encoding="utf-8")
    (project.content / "lsg/2021-03-19.md").write_text(text.replace("date: 2021-02-19", "date: 2021-03-19"),
                                                        encoding="utf-8")
    (project.content / "lsg/2021-04-16.md").write_text(text.replace("date: 2021-02-19", "date: 2021-04-16")
                                                        .replace("    organisation: Umeå kommun\n", "    organisation: Vindelns kommun\n", 1),
                                                        encoding="utf-8")

    meetings = {meeting.key: meeting for meeting in load_archive(project.content).meetings}
    first, second, moved = meetings["lsg/2021-02-19"], meetings["lsg/2021-03-19"], meetings["lsg/2021-04-16"]
    assert [a.name for a in first.present] == [a.name for a in second.present] == [a.name for a in moved.present]
    assert all(a is b for a, b in zip(first.present + first.absent + first.staff, second.present + second.absent + second.staff))
    assert moved.present[0] is not first.present[0] and moved.present[0].organisation == "Vindelns kommun"
    assert moved.present[1] is first.present[1]
    assert moved.present[0].name is first.present[0].name is sys.intern("Pernilla Henriksson")  # (one string: interned)
    assert first.key_lines is second.key_lines and first.key_lines == moved.key_lines

    presented = [item for item in first.items if item.presenters]
    lines = [line for item in presented for part in item.parts if isinstance(part, Fields)
             for line in part.lines if line.presenters]
    assert len(presented) >= 2 and [item.presenters for item in presented] == [line.presenters for line in lines]
    assert all(item.presenters is line.presenters for item, line in zip(presented, lines))


def test_data_files_the_system_refuses_are_told_as_the_file_it_refused(tmp_path: Path) -> None:
    from generator.parallel import BackgroundError
    from generator.staging import ChangedWriter

    blocked = tmp_path / "site"
    blocked.write_text("")  # (a file where the site's folder should be)
    with pytest.raises(BackgroundError, match=rf"{re.escape(str(blocked))}/\S+: Not a directory"):
        _example_site().writing_data_files(ChangedWriter(blocked), fork=True).wait()


def test_work_handed_to_a_fork_is_done_there_and_its_failure_reaches_whoever_waits(tmp_path: Path) -> None:
    """The search index's process writes what it counted, for the next build, in a fork of itself:
    in a thread, pickling it held the index's own work back as long."""
    import os

    from generator.parallel import BackgroundError, can_fork, in_process

    if not can_fork():
        pytest.skip("one core or no fork: the work runs in a thread")
    done = tmp_path / "done"
    wait = in_process(lambda: done.write_text(str(os.getpid())))
    wait()
    assert int(done.read_text()) != os.getpid()
    with pytest.raises(BackgroundError, match="ZeroDivisionError"):
        in_process(lambda: 1 // 0)()


def test_what_only_the_fork_writes_is_let_go_of_here_once_the_fork_holds_its_own(tmp_path: Path) -> None:
    """The tally the index's process writes for the next build is the fork's to write: the index's
    process lets go of it as soon as the fork has started (at 100,000 protocols it built the index
    with the tally whole beside it), and the fork still writes all of it."""
    from generator.parallel import can_fork, in_process

    if not can_fork():
        pytest.skip("one core or no fork: the work runs in a thread, which reads what this process holds")
    held = {"tokens": ["hemsjukvård", "samverkan"]}
    done = tmp_path / "done"
    wait = in_process(lambda: done.write_text(" ".join(held.get("tokens", []))), forked=held.clear)
    assert held == {}
    wait()
    assert done.read_text() == "hemsjukvård samverkan"


def test_what_only_the_workers_read_is_let_go_of_here_once_they_hold_their_own() -> None:
    """Counting lets go of the documents' texts as soon as its workers have started (at 100,000
    protocols the counts came back to a process that still held 1.3 GB of texts); the workers
    still read them all. Where the work runs here, the texts are kept until it is done."""
    from generator.parallel import can_fork, map_in_workers

    if not can_fork():
        pytest.skip("one core or no fork: the work runs here")
    texts = {number: f"§ {number}" for number in range(8)}
    read = list(map_in_workers(texts.__getitem__, list(range(8)), at_least=1, forked=texts.clear))
    assert read == [f"§ {number}" for number in range(8)] and texts == {}

    texts = {number: f"§ {number}" for number in range(8)}
    read = list(map_in_workers(texts.__getitem__, list(range(8)), at_least=64, forked=texts.clear))
    assert read == [f"§ {number}" for number in range(8)] and len(texts) == 8


def test_weighing_the_index_reads_its_arrays_from_the_end_giving_back_each_slice_once_read(monkeypatch) -> None:
    """Pass two makes the sort keys of the entries' terms, counts and fields, then the index's
    columns of the sorted keys, a slice at a time from the end, cutting each array it reads short
    as it goes: the index's process held every entry's terms, counts and fields beside the keys,
    then the keys beside a copy of them as large (1 GB each at 100,000 protocols). The index is the
    one made a slice at a time or at once."""
    import numpy as np

    from generator.load import load_archive
    from generator.parallel import Background, can_fork
    from generator.search import index as index_module
    from generator.search.counts import count_terms, count_tokens, lexicon_of, occurrences
    from generator.search.documents import documents
    from generator.search.texts import PackedTexts

    docs = documents(load_archive(ROOT / "content"))

    def weighed():
        texts = PackedTexts.of(docs)
        tokens = count_tokens(texts, None)
        index = index_module.build_index(docs, None, tally=count_terms(texts, lexicon_of(texts, tokens.tokens), tokens, None))
        return [index.term_list, index.starts, index.entry_doc, index.entry_field, index.entry_weight]

    at_once = weighed()
    monkeypatch.setattr(index_module, "SLICE", 100)  # (the example's 8,000 entries in 86 slices)
    sliced = weighed()
    assert at_once[0] == sliced[0] and all(np.array_equal(a, b) for a, b in zip(at_once[1:], sliced[1:]))
    numbers = np.array([3, 0, 3, 7, 3], dtype=np.uint32)
    assert occurrences(numbers, 9).tolist() == np.bincount(numbers, minlength=9).tolist()

    if not can_fork():
        pytest.skip("no fork: the memory given back is read from a process of its own")

    def given_back() -> tuple[int, bool, bool]:
        from generator import malloc

        def resident() -> int:
            return int(Path("/proc/self/statm").read_text().split()[1]) * 4096

        malloc.map_large_blocks()  # (as in the index's process: each array a mapping of its own)
        monkeypatch.setattr(index_module, "SLICE", 1 << 21)
        held_alone = [np.arange(1 << 24, dtype=np.uint32), np.ones(1 << 24, dtype=np.uint32)]  # (64 MB each)
        held_elsewhere = np.arange(1 << 24, dtype=np.uint32)
        reader = index_module._ReadFromTheEnd([*held_alone, held_elsewhere])
        del held_alone
        before, read = resident(), []
        for start, (counting, ones, kept) in reader.slices():
            at_the_last_slice = resident()  # (every array held alone is cut to nothing before it is read)
            read.append((start, bool(np.array_equal(counting, np.arange(start, start + len(counting))) and ones.all()
                                      and np.array_equal(kept, counting))))
        whole_read = [start for start, _ in read] == list(range(7 << 21, -1, -(1 << 21))) and all(same for _, same in read)
        return before - at_the_last_slice, whole_read, len(held_elsewhere) == 1 << 24

    dropped, whole_read, kept_whole = Background(given_back).wait()
    assert whole_read and kept_whole
    # (128 MB given back, less what measuring a process's resident size can be off by)
    assert dropped > 64 << 20, f"the arrays read were not given back as they were read ({dropped >> 20} MB)"


def test_the_engines_pages_are_rendered_as_they_are_written_not_held_from_reading_to_writing(tmp_path: Path,
                                                                                             monkeypatch) -> None:
    """MkDocs reads every page before it writes any: the pages of the navigation (a body's, a
    topic's: 9 MB each at 100,000 protocols) are rendered when MkDocs writes them, and let go once
    written, not held from reading to writing (310 MB of the build's process at 100,000)."""
    from generator.mkdocs_plugin import ProtokollarkivetPlugin

    project = make_project(tmp_path, ROOT / "content")
    held_when_written: list[int] = []
    on_env = ProtokollarkivetPlugin.on_env

    def noting_what_is_held(plugin, env, config, files):
        held_when_written.extend(len(file.page.content or "") for file in files.documentation_pages()
                                 if file.page is not None and file.src_uri in plugin.site.views)
        return on_env(plugin, env, config, files)

    monkeypatch.setattr(ProtokollarkivetPlugin, "on_env", noting_what_is_held)
    plugin = _built_in_process(project, monkeypatch)
    assert len(held_when_written) > 10 and set(held_when_written) == {0}, "the pages' contents were held until written"
    assert all(not file.page.content for file in plugin.files.documentation_pages() if file.page is not None)
    body = (project.site / "lsg/index.html").read_text(encoding="utf-8")
    assert "Länssamverkansgruppen" in body and body.count('href="2023-09-15/"') >= 1


def _hooked(project, name: str, source: str) -> None:
    """The project's mkdocs.yml given a MkDocs hook module, `name`, of `source`."""
    (project.root / name).write_text(source, encoding="utf-8")
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"\nhooks:\n  - {name}\n", encoding="utf-8")


@contextlib.contextmanager
def _told(level: int) -> Iterator[list[str]]:
    """What the build's `mkdocs` loggers handle at `level` and above, as it is told."""
    told: list[str] = []
    hearing = logging.Handler(level)
    hearing.emit = lambda record: told.append(record.getMessage())
    logging.getLogger("mkdocs").addHandler(hearing)
    try:
        yield told
    finally:
        logging.getLogger("mkdocs").removeHandler(hearing)


def _built_in_process(project, monkeypatch, strict: bool = False):
    """`project` built in this process as `mkdocs build` builds it; its plugin after the build."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.chdir(project.root)
    config = load_config(str(project.root / "mkdocs.yml"), site_dir=str(project.site), strict=strict)
    config.plugins.on_startup(command="build", dirty=False)  # (as `mkdocs build` does)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return config.plugins["protokollarkivet"]


def test_a_builds_pages_rendered_on_two_cores_are_the_bytes_one_process_renders(tmp_path: Path, monkeypatch) -> None:
    """A build with thousands of pages renders every other one in a forked process (at 10,000
    protocols its own process rendered them alone for its last 17 s, the other core idle): the
    site is the one a single process writes, each page written once."""
    from generator import mkdocs_pages, mkdocs_plugin
    from generator.parallel import can_fork

    if not can_fork():
        pytest.skip("one core or no fork: the pages are rendered here")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    writes = tmp_path / "writes.txt"
    write = mkdocs_pages.write

    def noted(site_dir, url, output):  # (a line appended by whichever process writes the page)
        with writes.open("a", encoding="utf-8") as noting:
            noting.write(f"{os.getpid()} {url}\n")
        write(site_dir, url, output)

    monkeypatch.setattr(mkdocs_pages, "write", noted)
    alone = make_project(tmp_path / "alone", ROOT / "content")
    _built_in_process(alone, monkeypatch)
    written_alone = writes.read_text(encoding="utf-8").split("\n")[:-1]
    writes.unlink()
    monkeypatch.setattr(mkdocs_plugin, "PAGES_FOR_A_SECOND_PROCESS", 2)
    two = make_project(tmp_path / "two", ROOT / "content")
    _built_in_process(two, monkeypatch)
    written_by_two = [line.split(" ", 1) for line in writes.read_text(encoding="utf-8").splitlines()]

    assert len(written_alone) > 20 and {line.split(" ")[0] for line in written_alone} == {str(os.getpid())}
    by_process = {pid: sorted(url for writer, url in written_by_two if writer == pid) for pid, _url in written_by_two}
    assert len(by_process) == 2 and all(len(urls) > 10 for urls in by_process.values())
    assert sorted(url for _pid, url in written_by_two) == sorted(line.split(" ", 1)[1] for line in written_alone)
    assert tree_digest(two.site) == tree_digest(alone.site)


def test_a_warning_told_while_a_fork_renders_pages_fails_a_strict_build_once(tmp_path: Path, monkeypatch) -> None:
    """What the forked process logs while it renders (a plugin's warning about a page) is told by
    the build's own process, where MkDocs counts the warnings a strict build fails on."""
    from mkdocs.exceptions import Abort

    from generator import mkdocs_plugin
    from generator.parallel import can_fork

    if not can_fork():
        pytest.skip("one core or no fork: the pages are rendered here")
    project = make_project(tmp_path, ROOT / "content")
    _hooked(project, "forked.py",
            "import logging, os\n\nBUILD = os.getpid()\n\n\n"
            "def on_post_page(output, page, config):\n"
            "    if os.getpid() != BUILD:\n"
            "        with open('logged.txt', 'a', encoding='utf-8') as logged:\n"
            "            logged.write(f'rendered in a fork: {page.url}\\n')\n"
            "        logging.getLogger('mkdocs.hooks.forked').warning('rendered in a fork: %s', page.url)\n"
            "    return output\n")
    monkeypatch.setattr(mkdocs_plugin, "PAGES_FOR_A_SECOND_PROCESS", 2)
    with _told(logging.WARNING) as told, pytest.raises(Abort):
        _built_in_process(project, monkeypatch, strict=True)
    logged = (project.root / "logged.txt").read_text(encoding="utf-8").splitlines()
    assert logged and [message for message in told if message.startswith("rendered in a fork: ")] == logged


def test_a_template_error_in_the_fork_that_renders_pages_fails_the_build_with_its_message(tmp_path: Path, monkeypatch) -> None:
    """A page the forked process cannot render fails the build as one the build's own process
    cannot: with the template's message, told once, and no site or staging folder left behind."""
    from mkdocs.exceptions import Abort

    from generator import mkdocs_plugin
    from generator.parallel import can_fork
    from generator.render import RenderError
    from generator.site import Site

    if not can_fork():
        pytest.skip("one core or no fork: the pages are rendered here")
    build, render = os.getpid(), Site.render

    def failing_in_a_fork(site, view):
        if os.getpid() != build:
            raise RenderError(f"meeting.html:1: broken for {view.target.url}")
        return render(site, view)

    monkeypatch.setattr(Site, "render", failing_in_a_fork)
    monkeypatch.setattr(mkdocs_plugin, "PAGES_FOR_A_SECOND_PROCESS", 2)
    project = make_project(tmp_path, ROOT / "content")
    with _told(logging.ERROR) as told, pytest.raises(Abort):
        _built_in_process(project, monkeypatch)
    broken = [message for message in told if "meeting.html:1: broken for " in message]
    assert len(broken) == 1 and re.fullmatch(r"protokollarkivet: meeting\.html:1: broken for \S+/", broken[0]), broken
    # (neither a site nor a staging folder: what is left is the sources, the parse cache and the URLs' manifest)
    assert sorted(path.name for path in project.root.iterdir()) == [".protokollarkivet-cache", "content", "mkdocs.yml",
                                                                   "published-urls.txt"]


def test_the_data_files_are_forked_off_only_where_the_system_has_room_for_a_copy_of_the_build() -> None:
    """The fork that writes the data files copies what it reads of the build's process: at 100,000
    protocols the machine's available memory fell to 2.6 GB with it (4.0 GB without). Where the
    system has less free than the build holds, they are written by the build's own process."""
    from generator.parallel import _available_bytes, _has_room, _resident_bytes, room_for_a_copy

    resident, available = _resident_bytes(), _available_bytes()
    assert 10_000_000 < resident < available  # (this test's process: tens of MB, on a machine of gigabytes)
    assert room_for_a_copy()
    assert _has_room(7_000_000_000, 9_000_000_000) and not _has_room(7_000_000_000, 6_000_000_000)


def test_a_build_and_a_rebuild_write_their_data_files_in_a_process_of_their_own_while_mkdocs_prepares_the_pages(
        tmp_path: Path) -> None:
    """A full build's data files (the OParl endpoint: 16 files a protocol) were the last 20 s of a
    build at 10,000 protocols, its own process waiting for them: they are begun in a process of
    their own as soon as MkDocs has emptied the staging folder (`on_files`), not once the pages are
    rendered. A rebuild's too, once it has carried the published site forward (written by the
    build's process after its pages, they were its last 4 s at 10,000 protocols, one core idle)."""
    from generator import urls

    project = make_project(tmp_path)
    _hooked(project, "seen.py",
            "import json\nfrom pathlib import Path\n\n\n"
            "def on_env(env, config, files):\n"
            "    job = config.plugins['protokollarkivet'].data_files\n"
            "    with (Path(config.config_file_path).parent / 'seen.jsonl').open('a') as seen:\n"
            "        seen.write(json.dumps({'begun': job is not None, 'forked': job is not None and job.job is not None}) + '\\n')\n"
            "    return env\n")

    first = project.build()
    protocol = project.content / "lsg" / "2021-02-19.md"
    protocol.write_text(protocol.read_text(encoding="utf-8").replace("Teams", "Rum A", 1), encoding="utf-8")
    again = project.build()

    assert first.code == 0 and again.code == 0, first.stderr + again.stderr
    seen = [json.loads(line) for line in (project.root / "seen.jsonl").read_text(encoding="utf-8").splitlines()]
    assert seen == [{"begun": True, "forked": True}, {"begun": True, "forked": True}]
    assert (project.site / "oparl").is_dir()
    assert "Rum A" in (project.site / urls.oparl_meeting_at("lsg", "2021-02-19")).read_text(encoding="utf-8")


SHARED = ROOT.parent / "shared"


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="the real minutes are not beside the repository")
def test_the_benchmarks_archive_grows_its_vocabulary_as_real_minutes_do() -> None:
    """The bench's figures at scale are as telling as its archive's vocabulary is real: the search
    index's terms, counting and memory grow with the distinct words."""
    from bench.vocabulary import distinct_at, real_minutes, synthetic

    marks = (25_000, 50_000, 90_000)
    real = distinct_at(real_minutes(SHARED), marks)
    assert real.keys() == set(marks), real  # (the real minutes reach every mark)
    heaps, unique = distinct_at(synthetic(400, "heaps"), marks), distinct_at(synthetic(400, "unique"), marks)
    for mark in marks:
        assert 0.8 <= heaps[mark] / real[mark] <= 1.25, (mark, heaps, real)
    assert unique[90_000] > 2.5 * real[90_000], (unique, real)  # (what the bench measured until 2026-12-06)
