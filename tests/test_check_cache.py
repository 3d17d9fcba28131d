"""`check` in a pre-commit hook re-reads an archive that has hardly changed: unchanged files come
from a cache, and anything a file's result depends on invalidates it."""

from __future__ import annotations

from generator.load import read_archive

from .conftest import Project

PROTOCOL = "lsg/2021-02-19.md"


def test_a_cached_read_gives_the_same_archive(project: Project) -> None:
    first, _ = read_archive(project.content, cache=True)
    assert any((project.root / ".protokollarkivet-cache").rglob("*"))
    second, problems = read_archive(project.content, cache=True)
    assert problems == [] and second == first


def test_an_edited_file_is_read_again(project: Project) -> None:
    read_archive(project.content, cache=True)
    text = (project.content / PROTOCOL).read_text(encoding="utf-8")
    project.write(PROTOCOL, text.replace("status: justerat", "status: klar"))
    _, problems = read_archive(project.content, cache=True)
    assert [p.field for p in problems] == ["status"]


def test_a_registry_change_reaches_cached_files(project: Project) -> None:
    read_archive(project.content, cache=True)
    topics = (project.content / "topics.yml").read_text(encoding="utf-8")
    project.write("topics.yml", topics.replace("key: psykisk-halsa", "key: psykiatri"))
    _, problems = read_archive(project.content, cache=True)
    assert [(p.path, p.field) for p in problems] == [("content/lsg/2021-02-19.md", "Ämnen")]


def test_an_attachment_added_beside_a_cached_file_is_seen(project: Project) -> None:
    text = (project.content / PROTOCOL).read_text(encoding="utf-8")
    project.write(PROTOCOL, text.replace("Dnr: HSN: 422:1-2021", "Dnr: HSN: 422:1-2021\nBilaga: [Bilaga 5](bilaga-5.pdf)"))
    _, problems = read_archive(project.content, cache=True)
    assert [p.field for p in problems] == ["attachment"]
    project.write("lsg/2021-02-19/bilaga-5.pdf", b"%PDF-1.4\n%%EOF\n")
    _, problems = read_archive(project.content, cache=True)
    assert problems == []


def test_a_kept_cache_holds_in_memory_only_the_files_as_they_are(project: Project) -> None:
    """The preview keeps one cache from edit to edit: its memory does not grow with the edits."""
    from generator.cache import CACHE_DIR, ParseCache

    cache = ParseCache(project.root / CACHE_DIR)
    read_archive(project.content, cache=cache)
    text = (project.content / PROTOCOL).read_text(encoding="utf-8")
    for number in range(5):
        project.write(PROTOCOL, text.replace("Teams", f"Teams {number}"))
        archive, _ = read_archive(project.content, cache=cache)
    assert len(cache.memory) == len(archive.meetings) + 1 == 3  # (each meeting, and the registries as read)


def test_a_kept_cache_sees_an_edit_that_keeps_the_size_and_the_clock(project: Project) -> None:
    """The preview trusts an unchanged modification time and size, but not of a file changed just
    before it was read: a second save within the clock's resolution, of the same length, is seen."""
    import os

    from generator.cache import CACHE_DIR, ParseCache

    cache = ParseCache(project.root / CACHE_DIR)
    path = project.content / PROTOCOL
    text = path.read_text(encoding="utf-8")
    project.write(PROTOCOL, text)  # (just saved)
    read_archive(project.content, cache=cache)
    stamp = path.stat().st_mtime_ns
    project.write(PROTOCOL, text.replace("Teams", "Rum A", 1))  # (as long: the size stays)
    os.utime(path, ns=(stamp, stamp))
    archive, _ = read_archive(project.content, cache=cache)
    assert next(m for m in archive.meetings if m.slug == "2021-02-19").place == "Rum A"
    long_ago = stamp - 3_000_000_000  # (settled: an unchanged time and size are trusted)
    os.utime(path, ns=(long_ago, long_ago))
    read_archive(project.content, cache=cache)
    project.write(PROTOCOL, text.replace("Teams", "Rum B", 1))
    os.utime(path, ns=(long_ago, long_ago))
    archive, _ = read_archive(project.content, cache=cache)
    assert next(m for m in archive.meetings if m.slug == "2021-02-19").place == "Rum A"  # (the trusted entry)


def packs(project: Project) -> dict[str, float]:
    """The cache's packs: name -> modification time."""
    folder = project.root / ".protokollarkivet-cache" / "parsed"
    return {path.name: path.stat().st_mtime for path in folder.glob("*.pack")}


def test_a_read_keeps_the_files_it_parsed_in_one_pack(project: Project) -> None:
    """A cold read of 10,000 protocols created 10,000 files: 5-7 s of system time. A read writes
    what it parsed into one file, and a read that parsed nothing writes nothing."""
    text = (project.content / PROTOCOL).read_text(encoding="utf-8")
    for month in range(1, 13):
        project.write(f"lsg/2020-{month:02}-01.md", text.replace("2021-02-19", f"2020-{month:02}-01"))
    first, _ = read_archive(project.content, cache=True)
    cache = project.root / ".protokollarkivet-cache"
    assert len(packs(project)) == 1 and not any(cache.glob("??"))
    written = packs(project)
    second, problems = read_archive(project.content, cache=True)
    assert problems == [] and second == first and packs(project) == written


def test_packs_no_read_used_for_a_month_are_removed(project: Project) -> None:
    """CI keeps the cache between runs: the entries of an earlier version of the code go once no
    read has used them for a month; what reads use stays, and is marked as used."""
    import os
    import time

    from generator.cache import KEEP_UNUSED_S
    from generator.packs import write_pack

    read_archive(project.content, cache=True)
    [used] = packs(project)
    folder = project.root / ".protokollarkivet-cache" / "parsed"
    stale = write_pack(folder, [("0" * 64, b"an entry of an earlier version of the code")])
    recent = write_pack(folder, [("1" * 64, b"an entry of a read in another language, last week")])
    assert stale and recent
    long_ago = time.time() - KEEP_UNUSED_S - 60
    for path in (stale, folder / used):
        os.utime(path, (long_ago, long_ago))
    os.utime(recent, (time.time() - 7 * 86_400,) * 2)

    read_archive(project.content, cache=True)
    assert not stale.exists() and recent.exists()
    assert time.time() - (folder / used).stat().st_mtime < 60  # (marked as used)


def test_the_previews_edits_leave_few_packs_holding_what_is_read(project: Project) -> None:
    """Each edit the preview shows writes a pack of one entry: more than a few are merged, and what
    they held that no read uses (the edited file as it was) goes."""
    from generator.cache import CACHE_DIR, ParseCache
    from generator.packs import MAX_PACKS, Shelf

    cache = ParseCache(project.root / CACHE_DIR)
    text = (project.content / PROTOCOL).read_text(encoding="utf-8")
    for number in range(3 * MAX_PACKS):
        project.write(PROTOCOL, text.replace("Teams", f"Teams {number}"))
        archive, _ = read_archive(project.content, cache=cache)
        assert len(packs(project)) <= MAX_PACKS + 1
    shelf = Shelf.open(project.root / CACHE_DIR / "parsed")
    assert sum(len(pack.entries) for pack in shelf.packs) <= len(archive.meetings) + MAX_PACKS  # (not one per edit)
    shelf.close()
    written = packs(project)
    again, problems = read_archive(project.content, cache=True)  # (a new process: from the packs alone)
    assert problems == [] and again == archive and packs(project) == written


def test_a_pack_whose_entries_are_mostly_edited_away_is_rewritten(project: Project) -> None:
    """CI reads once per commit: a pack of files since edited would otherwise keep their earlier
    versions for a month; once it holds more bytes no read uses than bytes read, it is rewritten."""
    from generator.cache import CACHE_DIR
    from generator.packs import Shelf

    text = (project.content / PROTOCOL).read_text(encoding="utf-8")
    dates = ["2020-01-10", "2020-02-10", "2020-03-10"]
    for date in dates:
        project.write(f"lsg/{date}.md", text.replace("2021-02-19", date))
    read_archive(project.content, cache=True)
    for date in dates:
        project.write(f"lsg/{date}.md", text.replace("2021-02-19", date).replace("Teams", "Rum A"))
    archive, _ = read_archive(project.content, cache=True)
    shelf = Shelf.open(project.root / CACHE_DIR / "parsed")
    assert sum(len(pack.entries) for pack in shelf.packs) == len(archive.meetings)  # (the earlier versions are gone)
    shelf.close()


def test_a_killed_write_and_a_broken_pack_cost_a_parse_and_are_removed(project: Project) -> None:
    """A build killed while it wrote its pack leaves a temporary file; a pack cut short (a full
    disk) is no pack: reads parse again what they would have held, and remove both."""
    first, _ = read_archive(project.content, cache=True)
    [name] = packs(project)
    folder = project.root / ".protokollarkivet-cache" / "parsed"
    whole = (folder / name).read_bytes()
    (folder / name).write_bytes(whole[: len(whole) // 2])
    left = folder / ".writing-999999999-0"  # (no process has this number)
    left.write_bytes(whole[:100])
    running = folder / f".writing-{__import__('os').getpid()}-99"  # (this process: still writing)
    running.write_bytes(whole[:100])

    again, problems = read_archive(project.content, cache=True)
    assert problems == [] and again == first
    assert not left.exists() and running.exists() and (folder / name).read_bytes() == whole  # (written again)


def test_an_entry_damaged_on_disk_is_parsed_again_and_the_damage_goes(project: Project) -> None:
    """A pack's bytes changed under it (a bad disk block): the meeting is parsed again, and the
    pack is rewritten without the damaged entry, so the next read takes the meeting from the cache."""
    from generator.cache import CACHE_DIR
    from generator.packs import Shelf

    first, _ = read_archive(project.content, cache=True)
    folder = project.root / CACHE_DIR / "parsed"
    shelf = Shelf.open(folder)
    [pack] = shelf.packs
    offset, length = next(iter(pack.entries.values()))
    shelf.close()
    whole = bytearray(pack.path.read_bytes())
    whole[offset:offset + length] = b"\xff" * length
    pack.path.write_bytes(bytes(whole))

    again, problems = read_archive(project.content, cache=True)
    assert problems == [] and again == first
    written = packs(project)
    assert read_archive(project.content, cache=True)[0] == first and packs(project) == written  # (nothing parsed)
    shelf = Shelf.open(folder)
    assert all(pack.read(key) != b"\xff" * length for pack in shelf.packs for key in pack.entries)
    shelf.close()


def test_a_read_interrupted_while_it_stores_leaves_no_temporary_file(project: Project) -> None:
    """The preview stopped with Ctrl-C while it parsed: what it had begun to write is removed."""
    import pytest

    from generator.cache import CACHE_DIR, ParseCache

    cache = ParseCache(project.root / CACHE_DIR)

    def parsed_then_interrupted():
        yield "0" * 64, "a meeting", b"its pickle"
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        cache.store(parsed_then_interrupted())
    assert list((project.root / CACHE_DIR / "parsed").iterdir()) == []


def test_check_on_a_disk_that_refuses_the_caches_writes_still_checks(project: Project) -> None:
    """The cache is a help, never a condition: where its pack cannot be written (a full disk),
    `check` checks all the same and leaves no half-written file."""
    import sys

    from .conftest import run_with_file_limit

    run = run_with_file_limit([sys.executable, "-m", "generator.cli", "check"], project.root, 1024)
    assert run.code == 0 and "Traceback" not in run.stderr, run.stderr
    assert list((project.root / ".protokollarkivet-cache" / "parsed").iterdir()) == []


def test_the_layout_before_packs_is_removed_and_nothing_else(project: Project) -> None:
    cache = project.root / ".protokollarkivet-cache"
    old = cache / "ab" / ("ab" + "0" * 62)
    old.parent.mkdir(parents=True)
    old.write_bytes(b"an entry of a version before packs")
    kept = [cache / "search-tally.pickle", cache / "retired-site-12" / "index.html", cache / "federation" / "ab" / "x"]
    for path in kept:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"kept")
    read_archive(project.content, cache=True)
    assert not old.parent.exists() and all(path.exists() for path in kept)


def test_meetings_read_from_the_cache_share_what_recurs_in_them(project: Project) -> None:
    """A presenter, an attendee's organisation, a field line's label and value, an item's number
    and anchor and a block's anchor recur in every meeting: read from the cache, each is held once,
    not once per meeting (130 MB of 460 at 10,000 protocols)."""
    text = (project.content / PROTOCOL).read_text(encoding="utf-8")
    project.write("lsg/2021-03-19.md", text.replace("2021-02-19", "2021-03-19"))
    read_archive(project.content, cache=True)
    archive, _ = read_archive(project.content, cache=True)
    items = [i for m in archive.meetings for i in m.items]
    presenters = [p for i in items for p in i.presenters]
    lines = [line for i in items for part in i.parts for line in getattr(part, "lines", ())]
    organisations = [a.organisation for m in archive.meetings for a in m.present if a.organisation]
    numbers, anchors = [i.number for i in items if i.number], [i.anchor for i in items]
    block_anchors = [part.anchor for i in items for part in i.parts if hasattr(part, "kind")]
    values = [line.value for line in lines]
    for recurring in (presenters, [line.label for line in lines], organisations, numbers, anchors, block_anchors, values):
        first_of = {}
        repeated = [value for value in recurring if first_of.setdefault(value, value) is not value]
        assert len(set(recurring)) < len(recurring) and repeated == []
