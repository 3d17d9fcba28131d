"""CI's story: a valid archive builds with `mkdocs build --strict`; a broken one fails with every
problem as `file:line: message`, no traceback, and leaves the published site as it was."""

from __future__ import annotations

import calendar
import hashlib
import re
import shutil
from pathlib import Path

import pytest

from .conftest import Project

pytestmark = pytest.mark.heavy  # (run first: conftest.py)


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*")) if path.is_file()
    }


def test_the_example_archive_builds_strictly(example_site: Path) -> None:
    assert (example_site / "index.html").is_file()
    for meeting in ("lsg/2021-02-19", "samrad/2021-03-19", "lsg/2023-09-15", "vvg/2021-10-04", "chefsgrupp-svo/2021-10-14"):
        assert (example_site / meeting / "index.html").is_file(), meeting


def test_a_broken_protocol_fails_the_build_and_keeps_the_published_site(project: Project) -> None:
    first = project.build()
    assert first.code == 0, first.stderr
    published = tree_digest(project.site)

    protocol = project.content / "lsg" / "2021-02-19.md"
    text = protocol.read_text(encoding="utf-8")
    protocol.write_text(text.replace("status: justerat", "status: klar").replace("Ämnen: psykisk-halsa", "Ämnen: okänt"),
                        encoding="utf-8")
    second = project.build()

    assert second.code != 0
    assert "Traceback" not in second.stderr
    assert "content/lsg/2021-02-19.md:8: status: found 'klar', expected one of" in second.stderr
    assert "content/lsg/2021-02-19.md:48: Ämnen: unknown topic 'okänt'" in second.stderr
    assert tree_digest(project.site) == published


def test_check_and_build_report_the_same_problems(project: Project) -> None:
    protocol = project.content / "lsg" / "2021-02-19.md"
    protocol.write_text(protocol.read_text(encoding="utf-8").replace("date: 2021-02-19", "date: 2021-02-18"), encoding="utf-8")
    check = project.check()
    build = project.build()
    expected = ("content/lsg/2021-02-19.md:4: date: found '2021-02-18', expected 2021-02-19, the date in the file name "
                "(rename the file or correct the date)")
    assert check.code == 1 and expected in check.stderr
    assert build.code != 0 and expected in build.stderr
    assert not project.site.exists()


def test_check_passes_on_valid_content(project: Project) -> None:
    run = project.check()
    assert run.code == 0, run.stderr
    assert run.stdout.startswith("OK: 2 meetings, 5 items, 2 bodies, 2 topics.")


def _published_then(project: Project) -> dict[str, str]:
    first = project.build()
    assert first.code == 0, first.stderr
    return tree_digest(project.site)


def _no_staging_left(project: Project) -> bool:
    return not [p for p in project.root.iterdir() if p.name.startswith(".site.")]


def test_a_strict_warning_fails_the_build_after_the_fact_and_keeps_the_published_site(project: Project) -> None:
    published = _published_then(project)
    project.write("om.md", "# Om arkivet\n\nSe [sidan som saknas](saknas.md).\n")
    run = project.build()
    assert run.code != 0 and "Aborted with 1 warnings in strict mode" in run.stdout + run.stderr
    assert tree_digest(project.site) == published
    assert _no_staging_left(project)


def test_a_template_error_fails_the_build_without_traceback_and_keeps_the_published_site(project: Project) -> None:
    import shutil

    from .conftest import ROOT

    published = _published_then(project)
    theme = project.root / "theme"
    shutil.copytree(ROOT / "theme", theme)
    meeting = theme / "protokollarkivet" / "meeting.html"
    meeting.write_text(meeting.read_text(encoding="utf-8").replace("{{ body.name }}", "{{ body.no_such_field.x }}", 1),
                       encoding="utf-8")
    config = project.root / "mkdocs.yml"
    config.write_text("\n".join(line if "custom_dir:" not in line else "  custom_dir: theme"
                                for line in config.read_text(encoding="utf-8").splitlines()) + "\n", encoding="utf-8")
    run = project.build()
    assert run.code != 0
    assert "meeting.html" in run.stderr and "Traceback" not in run.stderr
    assert tree_digest(project.site) == published
    assert _no_staging_left(project)


def test_a_disk_that_refuses_a_write_fails_the_build_without_traceback_and_keeps_the_published_site(project: Project) -> None:
    """A CI runner's disk fills up (at 100,000 protocols a build writes 20 GB beside the published
    site): the build says which file it could not write and why, and publishes nothing."""
    import sys

    from .conftest import run_with_file_limit

    published = _published_then(project)
    protocol = project.content / "lsg" / "2021-02-19.md"
    protocol.write_text(protocol.read_text(encoding="utf-8").replace("Teams", "Rum A", 1), encoding="utf-8")
    run = run_with_file_limit([sys.executable, "-m", "mkdocs", "build", "--strict"], project.root, 4096)
    assert run.code != 0 and "Traceback" not in run.stderr
    assert re.search(r"\.site\.building-\d+/\S+: File too large \(.*ulimit -f\)", run.stderr), run.stderr
    assert tree_digest(project.site) == published
    assert _no_staging_left(project)


def test_a_full_disk_is_told_with_the_file_and_the_way_out() -> None:
    import errno
    import os

    from generator.problems import file_error

    full = file_error(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "/ci/.site.building-7/lsg/index.html"))
    assert full.startswith("/ci/.site.building-7/lsg/index.html: No space left on device (")
    assert "diskutrymme" in full or "disk space" in full  # (the way out, in the reader's language)
    copied = file_error(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "/theme/a.js", None, "/ci/site/a.js"))
    assert copied.startswith("/ci/site/a.js: ")  # (a copy's error: the file it wrote, not the one it read)
    assert file_error(OSError(errno.EIO, os.strerror(errno.EIO), 7)) == os.strerror(errno.EIO)  # (a descriptor: no number)


def test_two_builds_of_the_same_content_are_byte_identical_on_any_day(project: Project) -> None:
    first = _published_then(project)
    second = project.build()
    assert second.code == 0
    assert tree_digest(project.site) == first
    # The only date MkDocs stamps into a build (the sitemap's, and its gzip header) comes from the
    # content, not the clock, so a rebuild tomorrow is identical too: the newest meeting is 2024-03-12.
    header = (project.site / "sitemap.xml.gz").read_bytes()[4:8]
    assert int.from_bytes(header, "little") == calendar.timegm((2024, 3, 12, 0, 0, 0))


def test_a_new_archive_without_meetings_yet_builds(project: Project) -> None:
    for body in ("lsg", "socialnamnden"):
        shutil.rmtree(project.content / body)
    run = project.build()  # (no SOURCE_DATE_EPOCH, and no meeting to take a date from)
    assert run.code == 0 and "Traceback" not in run.stderr, run.stderr
    assert (project.site / "index.html").is_file()
    assert "<loc>https://protokollarkivet.example.se/</loc>" in (project.site / "sitemap.xml").read_text(encoding="utf-8")


def test_a_clean_build_prints_one_line(project: Project) -> None:
    run = project.build()
    assert run.code == 0, run.stderr
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    said = re.fullmatch(r"INFO    -  protokollarkivet: 2 meetings, (\d+) pages in .*site \(\d+\.\d s\)", lines[0])
    assert len(lines) == 1 and said, run.stderr
    assert int(said[1]) == sum(1 for _page in project.site.rglob("index.html"))
    verbose = project.build("-v")
    assert "Cleaning site directory" in verbose.stderr and "pages written in" in verbose.stderr


def test_the_infos_a_build_has_are_counted_and_shown_with_verbose(project: Project) -> None:
    text = (project.content / "lsg/2021-02-19.md").read_text(encoding="utf-8")
    project.write("lsg/2021-02-19.md", text.replace("Länssamverkansgruppen fick information om ansökningsprocess.",
                                                    "Se mötet den 5 maj."))
    run = project.build()
    assert run.code == 0, run.stderr
    assert "; 1 infos (--verbose shows them)" in run.stderr and "is not in the archive" not in run.stderr
    assert "the reference 'mötet den 5 maj' is not in the archive" in project.build("-v").stderr


def test_a_build_clears_away_what_killed_builds_left_and_nothing_of_a_running_one(project: Project) -> None:
    import subprocess
    import sys

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        abandoned = project.root / f".site.building-{dead.stdout.strip()}"
        # (what every killed build left before 2026-12-05: its search index's folder named after its staging folder)
        named_before = project.root / f"..site.building-{dead.stdout.strip()}.search-{dead.stdout.strip()}"
        busy = project.root / f".site.search-{running.pid}"
        for folder in (abandoned, named_before, busy):
            (folder / "index.html").parent.mkdir(parents=True)
            (folder / "index.html").write_text("half a site", encoding="utf-8")
        cache = project.root / ".protokollarkivet-cache"  # (and the search index's half-written tally)
        half_tally, busy_tally = (cache / f".search-tally.pickle.new-{pid}" for pid in (dead.stdout.strip(), running.pid))
        for tally in (half_tally, busy_tally):
            tally.parent.mkdir(parents=True, exist_ok=True)
            tally.write_bytes(b"half a tally")
        retired = cache / f"retired-site-{dead.stdout.strip()}"  # (a site an earlier build retired)
        (retired / "index.html").parent.mkdir(parents=True)
        (retired / "index.html").write_text("an old site", encoding="utf-8")
        assert project.build().code == 0
        assert not abandoned.exists() and not named_before.exists() and busy.exists() and not retired.exists()
        assert not half_tally.exists() and busy_tally.exists() and (cache / "search-tally.pickle").is_file()
        # The site a build replaces waits in the cache (which git ignores) for the next build to remove.
        assert project.build().code == 0
        assert [p.name for p in project.root.iterdir() if p.name.startswith(".site")] == [busy.name]
        assert len(list(cache.glob("retired-site-*"))) == 1
    finally:
        running.kill()
        running.wait()


def test_a_build_killed_while_its_search_index_is_made_leaves_nothing_after_the_next_build(project: Project) -> None:
    """A CI timeout's SIGKILL, sent to the build and every process it started: the published site
    stays whole, and the next build removes every folder the killed one left (at 10,000 protocols
    its search index's alone is 80 MB)."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from .conftest import QUIET

    assert project.build().code == 0
    published = tree_digest(project.site)
    before = {path.name for path in project.root.iterdir()}
    build = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project.root, env=QUIET,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while not any("search" in path.name for path in set(project.root.iterdir()) if path.name not in before):
            assert build.poll() is None and time.monotonic() < deadline, "the build ended before its search index began"
            time.sleep(0.01)
    finally:
        os.killpg(build.pid, signal.SIGKILL)
        build.wait()
    left = {path.name for path in project.root.iterdir()} - before
    assert any(str(build.pid) in name for name in left), left
    assert tree_digest(project.site) == published

    assert project.build().code == 0
    assert {path.name for path in project.root.iterdir()} - before == set()
    cache = project.root / ".protokollarkivet-cache"
    assert not [path.name for path in cache.rglob("*") if str(build.pid) in path.name]
