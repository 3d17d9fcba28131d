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


def test_entries_no_read_used_for_a_month_are_removed(project: Project) -> None:
    """CI keeps the cache between runs: an edited file's earlier entries and those of an earlier
    version of the code go once no read has used them for a month; what reads use stays."""
    import os
    import time

    from generator.cache import KEEP_UNUSED_S, PRUNE_EVERY_S

    cache = project.root / ".protokollarkivet-cache"
    read_archive(project.content, cache=True)
    used = sorted(path for path in cache.rglob("*") if path.is_file() and path.name != ".pruned")
    assert used and (cache / ".pruned").is_file()  # (the first read looked through the folder)
    stale = cache / "ab" / ("ab" + "0" * 62)
    stale.parent.mkdir(exist_ok=True)
    stale.write_bytes(b"an entry of an earlier version of the code")
    long_ago = time.time() - KEEP_UNUSED_S - 60
    for path in (stale, *used):
        os.utime(path, (long_ago, long_ago))
    recent = stale.with_name("ab" + "1" * 62)
    recent.write_bytes(b"an entry of a read in another language, last week")

    read_archive(project.content, cache=True)  # (within a day of the last look: nothing is removed)
    assert stale.exists()

    os.utime(cache / ".pruned", (time.time() - PRUNE_EVERY_S - 60,) * 2)
    read_archive(project.content, cache=True)
    assert not stale.exists() and recent.exists()
    assert all(path.exists() and time.time() - path.stat().st_mtime < 60 for path in used)  # (marked as used)


def test_meetings_read_from_the_cache_share_what_recurs_in_them(project: Project) -> None:
    """A presenter, an attendee's organisation and a field line's label recur in every meeting: read
    from the cache, each is held once, not once per meeting (100 MB of 430 at 10,000 protocols)."""
    text = (project.content / PROTOCOL).read_text(encoding="utf-8")
    project.write("lsg/2021-03-19.md", text.replace("2021-02-19", "2021-03-19"))
    read_archive(project.content, cache=True)
    archive, _ = read_archive(project.content, cache=True)
    presenters = [p for m in archive.meetings for i in m.items for p in i.presenters]
    labels = [line.label for m in archive.meetings for i in m.items for part in i.parts for line in getattr(part, "lines", ())]
    organisations = [a.organisation for m in archive.meetings for a in m.present if a.organisation]
    for recurring in (presenters, labels, organisations):
        first_of = {}
        repeated = [value for value in recurring if first_of.setdefault(value, value) is not value]
        assert len(set(recurring)) < len(recurring) and repeated == []
