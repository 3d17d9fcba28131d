"""A build's search index is made in a process that never holds the archive: started before the
archive is read, and sent the search documents by a short-lived process once it is."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from generator.load import load_archive
from generator.parallel import BackgroundError, can_fork
from generator.search import build_search_files
from generator.search.files import IndexInput
from generator.search.job import IndexJob

from .conftest import ROOT

pytestmark = pytest.mark.skipif(not can_fork(), reason="the index is built in this process without fork")


def _written(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def _resident_mb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
    raise AssertionError("no VmRSS")


def test_the_index_is_the_archives_own(tmp_path: Path) -> None:
    archive = load_archive(ROOT / "content")
    job = IndexJob(tmp_path / "index", kept=None)
    job.feed(archive)
    job.wait()
    assert _written(tmp_path / "index") == build_search_files(archive)


def test_the_index_counted_by_workers_reading_the_texts_a_part_at_a_time_from_a_file_is_the_archives_own(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The index's process holds the texts it receives in a file, and its counting workers read
    them back from it a part at a time, each its half of the documents."""
    from generator.search import counts

    monkeypatch.setattr(counts, "PARALLEL_DOCS", 2)  # (counted by two workers)
    pickled = IndexInput.pickled
    monkeypatch.setattr(IndexInput, "pickled", staticmethod(lambda *args, **kwargs: pickled(*args, **kwargs, per_part=5)))
    archive = load_archive(ROOT / "content")
    job = IndexJob(tmp_path / "index", kept=None)
    job.feed(archive)
    job.wait()
    assert _written(tmp_path / "index") == build_search_files(archive)


def test_texts_held_in_a_file_are_read_back_a_part_at_a_time(tmp_path: Path) -> None:
    """Held in an unnamed file (nothing left in the folder), the parts' texts are read back as
    they were, and the process holds one part's at a time, not every part's."""
    import dataclasses
    import tracemalloc

    from generator.search.documents import documents
    from generator.search.texts import PackedTexts, pack

    made = documents(load_archive(ROOT / "content"))[:6]
    parts = [[dataclasses.replace(doc, texts={**doc.texts, "text": f"{number} {doc.ref} " * 20_000}) for doc in made]
             for number in range(8)]  # (eight parts of about 2 MB each)
    tracemalloc.start()
    try:
        texts = PackedTexts(spool_in=tmp_path)
        for part in parts:
            texts.add(*pack(part))
        read = [texts[number] for number in range(len(texts))]
        snippets = [texts.snippet(number) for number in range(len(texts))]
        held, largest = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert read == [doc.texts for part in parts for doc in part]
    assert snippets == [doc.snippet_source for part in parts for doc in part]
    part_size = len(pack(parts[0])[0])
    assert held - sum(map(len, map(str, read))) < 2 * part_size, "the parts' texts were held, not read back from the file"
    assert list(tmp_path.iterdir()) == []
    texts.release()
    assert len(texts) == 0


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads a process's memory from /proc")
def test_the_index_process_does_not_hold_what_the_build_read_after_it_started(tmp_path: Path) -> None:
    job = IndexJob(tmp_path / "index", kept=None)
    read_later = bytearray(os.urandom(1 << 20)) * 300  # (300 MB, resident: what the archive is to a large build)
    index_pid = job._index._process.pid
    # (the index's process holds what this one held when it was forked, however much earlier
    # tests left in this worker: it is compared with this process, not with a fixed size)
    assert _resident_mb(index_pid) < _resident_mb(os.getpid()) - 250, "the index's process was forked after the archive was read"
    del read_later
    archive = load_archive(ROOT / "content")
    job.feed(archive)
    job.wait()
    assert _written(tmp_path / "index") == build_search_files(archive)


def test_a_program_that_ends_on_an_error_before_the_index_is_fed_ends(tmp_path: Path) -> None:
    """The index's process waits for documents from the moment a build starts; a build that ends
    on an error before it sends them (a defect, an interrupt) must still end, not wait at its exit
    for a process that waits for it."""
    program = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); from pathlib import Path\n"
               "from generator.search.job import IndexJob\n"
               f"job = IndexJob(Path({str(tmp_path / 'index')!r}), kept=None)\n"
               "raise SystemExit('the build failed')\n")
    ended = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60)
    assert ended.returncode == 1 and "the build failed" in ended.stderr


def test_a_maker_that_fails_fails_the_index_with_its_own_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(archive, files, kept=None, per_part=10_000, made_of=None):
        yield from []
        raise ValueError("no documents today")

    job = IndexJob(tmp_path / "index", kept=None)
    monkeypatch.setattr(IndexInput, "pickled", staticmethod(broken))  # (the maker, forked later, inherits it)
    job.feed(load_archive(ROOT / "content"))
    with pytest.raises(BackgroundError, match="no documents today"):
        job.wait()
    assert not (tmp_path / "index" / "manifest.json").exists()


def test_an_index_folder_that_cannot_be_written_fails_the_index_saying_which_and_why(tmp_path: Path) -> None:
    """What the system refused (a full disk, a file where a folder should be) is told as the file
    and the reason, as the build tells it, not as a defect's place in the code."""
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the index's folder should be", encoding="utf-8")
    job = IndexJob(blocked / "index", kept=None)
    job.feed(load_archive(ROOT / "content"))
    with pytest.raises(BackgroundError, match=r"^\S*blocked/index\S*: Not a directory$"):
        job.wait()


def test_a_maker_killed_halfway_ends_the_index_process_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = IndexInput.pickled

    def killed_after_the_facts(archive, files, kept=None, per_part=10_000, made_of=None):
        parts = real(archive, files, kept, per_part)
        yield next(parts)
        os.kill(os.getpid(), signal.SIGKILL)  # (as the kernel's OOM killer would)

    job = IndexJob(tmp_path / "index", kept=None)
    index = job._index._process
    monkeypatch.setattr(IndexInput, "pickled", staticmethod(killed_after_the_facts))
    job.feed(load_archive(ROOT / "content"))
    index.join(timeout=60)
    waiting = index.is_alive()
    if waiting:
        job.cancel()  # (not left behind to hold the test run up)
    assert not waiting, "the index's process still waits for documents that will not come"
    with pytest.raises(BackgroundError, match="stopped unexpectedly"):
        job.wait()
    assert not (tmp_path / "index" / "manifest.json").exists()


def test_a_cancelled_job_stops_both_processes(tmp_path: Path) -> None:
    job = IndexJob(tmp_path / "index", kept=None)
    index = job._index._process
    job.feed(load_archive(ROOT / "content"))
    maker = job._maker._process
    job.cancel()
    assert not index.is_alive() and not maker.is_alive()


def test_the_documents_texts_reach_the_index_as_they_were_made(tmp_path: Path) -> None:
    """The index's process holds the documents' texts packed, a part at a time; read back, each is
    what the archive made: a field absent stays absent and an empty one empty (counting's key tells
    them apart), and any character comes back. Their snippet sources stay with the maker, which
    writes the records cut from them."""
    import dataclasses

    from generator.search.documents import documents
    from generator.search.texts import PackedTexts, text_key

    archive = load_archive(ROOT / "content")
    made = documents(archive)
    odd = dataclasses.replace(made[0], texts={"title": "Ärende 𝔖 ‘citat’ \udc80", "people": ""}, snippet_source="")
    made = [*made, odd]
    received = IndexInput.unpickled(IndexInput.pickled(archive, {}, None, per_part=7))  # (parts of 7 documents)
    assert len(received.texts) == len(made) - 1 and len(received.docs) == len(made) - 1
    assert [received.texts[n] for n in range(len(received.texts))] == [doc.texts for doc in made[:-1]]
    assert {received.texts.snippet(n) for n in range(len(received.texts))} == {""}
    assert [received.texts.key(n) for n in range(len(received.texts))] == [text_key(doc.texts) for doc in made[:-1]]
    assert received.texts.keys() == [text_key(doc.texts) for doc in made[:-1]]  # (all at once, a part at a time)
    assert all(doc.texts == {} and doc.snippet_source == "" for doc in received.docs)  # (the facts alone)
    packed = PackedTexts.of(made)
    assert [packed.snippet(n) for n in range(len(made))] == [doc.snippet_source for doc in made]
    assert packed[len(made) - 1] == odd.texts and "headings" not in packed[len(made) - 1]
    assert [packed.key(n) for n in range(len(made))] == packed.keys() == [text_key(doc.texts) for doc in made]
    assert text_key({"title": "a", "people": ""}) != text_key({"title": "a"})
    packed.release()
    assert len(packed) == 0


def test_each_documents_key_comes_with_its_texts_as_counting_would_read_it_from_them(tmp_path: Path) -> None:
    """Counting finds a document's last counts by a digest of its texts: the maker sends each
    one's, made when the document was encoded (and kept with it for the next build), so that the
    index's process does not read 130,000 documents' texts for them."""
    archive = load_archive(ROOT / "content")
    sent = IndexInput.unpickled(IndexInput.pickled(archive, {}))
    keys = sent.texts.keys()
    assert len(keys) == len(sent.docs) > 50 and len(set(keys)) > 50
    assert keys == [sent.texts.key(number) for number in range(len(sent.docs))]
