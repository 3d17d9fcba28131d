"""Build speed at scale: our build, the floor, and stock Material on the same archive.

    python bench/build.py [--sizes 1000 5000 10000] [--stock-max 5000] [--no-stock] [--full-max 10000] [--preview-max 10000]
                          [--archives DIR] [--vocabulary heaps|unique]

For each size (bench/synth.py archives of ~8 KB protocols, their vocabulary growing as real
minutes' does; `--vocabulary unique` makes them as before 2026-12-06, a compound anew for every
eighth word) it prints:

- ours: `mkdocs build` of the archive with our plugin, wall time and peak memory (the largest
  process), then the same build again, which finds every file in the parse cache and carries every
  page forward, then the build after one decision in one meeting file changed (three such commits
  in turn, each to another meeting: their median, and the fastest and slowest);
- floor: the same files read with pyyaml, rendered with markdown-it-py and a minimal jinja2
  template, and written out: the least any generator could do; run just before our first build
  and just after it, ours held against the mean of the two (`Floors`: the machine's speed drifts);
- stock: stock Material building the same Markdown files as plain pages (no plugin);

and the ratios ours/floor and stock/ours, and each one's growth from the smallest to the largest
size; then `protokollarkivet check` without and with its cache, and the preview: `mkdocs serve`,
one protocol edited, seconds until the served page shows the edit. Of the first build it also
prints the machine's available memory at its lowest and what the kernel swapped out meanwhile,
and its search index (`bench/search.py` measures the same in more detail): files, size as a host
sends it, and the bytes a first query typed into the header box fetches in headless Chromium
(the median of `bench/search.py`'s queries, code included). Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synth import VOCABULARIES, generate  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

FLOOR = r'''
import sys, time, yaml, jinja2
from pathlib import Path
from markdown_it import MarkdownIt
content, out = Path(sys.argv[1]), Path(sys.argv[2])
md = MarkdownIt("commonmark")
page = jinja2.Template("<!doctype html><html lang=sv><title>{{ title }}</title><main>{{ body }}</main></html>")
for path in sorted(content.rglob("*.md")):
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    meta = yaml.load(front, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    target = out / path.relative_to(content).with_suffix("") / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(page.render(title=f"{meta['body']} {meta['date']}", body=md.render(body)), encoding="utf-8")
'''


_MEASURE = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
            "used = resource.getrusage(resource.RUSAGE_CHILDREN); print(used.ru_maxrss, used.ru_utime, used.ru_stime)")


class Measured(NamedTuple):
    """One command: wall seconds, the largest process's peak resident MB, and the CPU seconds of it
    and every process it waited for, in user space and in the kernel (on this machine creating a
    file cost 20 to 480 microseconds of kernel time, as many or few files had just been deleted,
    `SETTLE_SECONDS`, and a full build creates 190,000 files at 10,000 protocols: the kernel's
    share tells such a run apart)."""

    seconds: float
    mb: float
    user: float
    system: float


SETTLE_SECONDS = 370
"""How long a deleted file's inode slows the creation of new ones, and then some. ext4 without a
journal (this machine's disk: /proc/fs/jbd2 is empty) skips, at every file it creates, each free
inode of the group that was deleted less than a minute ago, or less than six while the block
holding it is unwritten (`recently_deleted` in the kernel's fs/ext4/ialloc.c, `RECENTCY_MIN` and
`RECENTCY_DIRTY`): a new file's inode written into that block makes it unwritten again, so six
minutes it is. A build creates 190,000 files at 10,000 protocols: right after the last size's
site was deleted, its kernel time was 62 s, against 19.8 s after none. The bench deletes nothing
before a timed step but the last size's folder, and waits this long after it (`settle`)."""
_deleted_at = time.monotonic()
"""When the bench last deleted files (monotonic); at first, its start: what ran before it is not
known."""


def deleted() -> None:
    """Note that the bench has just deleted files."""
    global _deleted_at
    _deleted_at = time.monotonic()


def settle() -> None:
    """Before a timed step: what was deleted written out, and its inodes past the window in which
    creating files skips them (`SETTLE_SECONDS`), so that the step is measured, not the deletions
    before it."""
    os.sync()
    time.sleep(max(0.0, SETTLE_SECONDS - (time.monotonic() - _deleted_at)))


def timed(command: list[str], cwd: Path) -> Measured:
    """One command measured in a fresh wrapper process (a process's children's peak never resets)."""
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _MEASURE, *command], cwd=cwd, env=ENV, capture_output=True, text=True)
    if out.returncode != 0:  # (what the command said: a failure at 100,000 comes after a quarter of an hour)
        raise SystemExit(f"{' '.join(command[1:])} in {cwd} failed:\n{out.stderr[-4000:]}")
    peak, user, system = out.stdout.split()[-3:]
    return Measured(time.perf_counter() - started, int(peak) / 1024, float(user), float(system))


class MachineMemory:
    """While a command runs: the machine's available memory at its lowest and the bytes the kernel
    swapped out (from /proc, sampled every 0.2 s; a build that swaps slows, one the machine has no
    memory for is killed)."""

    def __init__(self) -> None:
        self.lowest = self._available()
        self._stop = threading.Event()
        self._sampler = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> "MachineMemory":
        self._swapped_before = self._swapped()
        self._sampler.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._sampler.join()
        self.swapped = self._swapped() - self._swapped_before

    def _sample(self) -> None:
        while not self._stop.wait(0.2):
            self.lowest = min(self.lowest, self._available())

    @staticmethod
    def _available() -> int:
        meminfo = Path("/proc/meminfo").read_text(encoding="ascii")
        return int(meminfo.split("MemAvailable:")[1].split()[0]) * 1024

    @staticmethod
    def _swapped() -> int:
        vmstat = dict(line.split() for line in Path("/proc/vmstat").read_text(encoding="ascii").splitlines())
        return int(vmstat["pswpout"]) * os.sysconf("SC_PAGE_SIZE")


def search_index(site: Path, browser) -> tuple[int, float, float | None]:
    """The built site's search index: its files, its size as a host sends it (MB), and the median
    kB a first query typed fetches (None without a browser)."""
    from bench.search import QUERIES, folder_size, ours_typed, serve

    index = site / "sok/index"
    files = sum(1 for path in index.rglob("*") if path.is_file())
    served = folder_size(index)[1] / 1e6
    if browser is None:
        return files, served, None
    httpd, base = serve(site)
    try:
        typed = [ours_typed(browser, base, site, query)[0] / 1024 for query in QUERIES]
    finally:
        httpd.shutdown()
    return files, served, statistics.median(typed)


def chromium():
    """Headless Chromium driven by Playwright (the test suite's), or None where either is missing."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    from bench.search import launch
    from conftest import CHROMIUM

    if not Path(CHROMIUM).is_file():
        return None
    return launch(sync_playwright().start())


def ours(work: Path) -> Measured:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("custom_dir: theme", f"custom_dir: {ROOT / 'theme'}")
    (work / "mkdocs.yml").write_text(config.replace("strict: true", "strict: false"), encoding="utf-8")
    return timed([sys.executable, "-m", "mkdocs", "build", "-q"], work)


def one_meeting_changed(work: Path, commits: int = 3) -> tuple[float, float, float, float]:
    """The build CI runs after a commit that changed one decision in one meeting file, on the site
    the last build published (it carries the unchanged pages forward): `commits` of them in turn,
    each to another meeting; the median time and the largest memory, and the fastest and slowest
    time (a single rebuild varied by a second on this machine)."""
    protocols = sorted((work / "content").glob("*/*.md"))
    runs = []
    for commit in range(commits):
        protocol = protocols[len(protocols) * (commit + 1) // (commits + 1)]
        text = protocol.read_text(encoding="utf-8")
        protocol.write_text(text.replace("::: beslut\n", f"::: beslut\nÄndrat i commit {commit + 1}.\n", 1), encoding="utf-8")
        runs.append(ours(work))
    times = sorted(run.seconds for run in runs)
    return times[len(times) // 2], max(run.mb for run in runs), times[0], times[-1]


def floor(work: Path, when: str) -> Measured:
    """The floor's build into its own folder (`floor-site-WHEN`: none is deleted before a timed
    step, `settle`)."""
    script = work / "floor.py"
    script.write_text(FLOOR, encoding="utf-8")
    return timed([sys.executable, str(script), str(work / "content"), str(work / f"floor-site-{when}")], work)


class Floors(NamedTuple):
    """The floor just before our build and just after it. This machine's speed drifts (a shared
    host's: on 2026-12-07 the floor at 10,000 protocols took 44.2 s and, half an hour later, 34.7 s,
    and 17.3 s the day before; one commit's build 148 s and 102 s within ten minutes), so ours is
    held against the mean of the two, and their spread says how far the machine drifted meanwhile."""

    before: Measured
    after: Measured

    @property
    def seconds(self) -> float:
        return (self.before.seconds + self.after.seconds) / 2

    @property
    def drift(self) -> float:
        """The slower floor over the faster, less one."""
        return max(self.before.seconds, self.after.seconds) / min(self.before.seconds, self.after.seconds) - 1


def stock(work: Path) -> Measured:
    docs = work / "stock-docs"
    shutil.copytree(work / "content", docs, ignore=shutil.ignore_patterns("*.yml"))
    (docs / "index.md").write_text("# Arkiv\n", encoding="utf-8")
    (work / "stock.yml").write_text("site_name: Stock\ndocs_dir: stock-docs\nsite_dir: stock-site\ntheme:\n  name: material\n"
                                    "  font: false\nplugins:\n  - search\n", encoding="utf-8")
    return timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", "stock.yml"], work)


def check(work: Path) -> tuple[float, float]:
    """`protokollarkivet check` with no cache, then again with the cache the first run left."""
    # (moved aside, not deleted: deleted, it would slow the files the cold run creates; it goes
    # with the work folder)
    cache = work / ".protokollarkivet-cache"
    if cache.exists():
        cache.rename(work / f"cache-before-check-{time.monotonic_ns()}")
    command = [sys.executable, "-m", "generator.cli", "check", "--content", "content"]
    return timed(command, work)[0], timed(command, work)[0]


def preview(work: Path) -> tuple[float, float]:
    """`mkdocs serve`: seconds to the first page, and from saving an edit to one protocol until the
    served page shows it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    protocol = sorted((work / "content").glob("*/*.md"))[len(list((work / "content").glob("*/*.md"))) // 2]
    page = f"http://127.0.0.1:{port}/{protocol.parent.name}/{protocol.stem}/"
    started = time.perf_counter()
    # (Ctrl-C's signal, as a user stops it: MkDocs then removes the site it served from a temporary
    # folder, a whole site's size; a shell's background job would otherwise hand it on ignored)
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=work, env=ENV,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        _until(lambda: "<h1" in _get(page), 3600)
        first = time.perf_counter() - started
        time.sleep(1)
        text = protocol.read_text(encoding="utf-8")
        protocol.write_text(text.replace("::: beslut\n", "::: beslut\nRedigerat i förhandsvisningen.\n", 1), encoding="utf-8")
        edited = time.perf_counter()
        _until(lambda: "Redigerat i förhandsvisningen" in _get(page), 600)
        return first, time.perf_counter() - edited
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=120)
        except subprocess.TimeoutExpired:
            server.terminate()
            server.wait(timeout=60)


def _get(url: str) -> str:
    try:
        return urllib.request.urlopen(url, timeout=10).read().decode("utf-8")
    except OSError:
        return ""


def _until(condition, seconds: float) -> None:
    deadline = time.perf_counter() + seconds
    while not condition():
        if time.perf_counter() > deadline:
            raise SystemExit(f"gave up after {seconds} s")
        time.sleep(0.05)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    parser.add_argument("--no-stock", action="store_true", help="skip stock Material (slow: quadratic in the archive)")
    parser.add_argument("--stock-max", type=int, default=None, help="stock Material only up to this many protocols")
    parser.add_argument("--full-max", type=int, default=None,
                        help="the rebuilds and the preview only up to this many protocols (at 100,000 a rebuild takes 7–12 minutes); "
                             "larger archives get the first build, the floor and check")
    parser.add_argument("--preview-max", type=int, default=None,
                        help="the preview only up to this many protocols (its first page is a whole build; not measured at 100,000)")
    parser.add_argument("--archives", type=Path, default=None,
                        help="a folder of archives bench/synth.py made (ARCHIVES/<size>/content), copied instead of made again")
    parser.add_argument("--vocabulary", choices=VOCABULARIES, default="heaps", help="the synthetic archives' (bench/synth.py)")
    args = parser.parse_args()
    rows = []
    browser = chromium()
    for size in args.sizes:
        work = Path(tempfile.mkdtemp(prefix=f"bench-build-{size}-"))
        made = args.archives / str(size) / "content" if args.archives else None
        if made is not None and made.is_dir():  # (bench/synth.py's archive made before: the same, for the same size)
            shutil.copytree(made, work / "content")
        else:
            generate(work, size, vocabulary=args.vocabulary)
        full = args.full_max is None or size <= args.full_max
        previewed = full and (args.preview_max is None or size <= args.preview_max)
        settle()
        before = floor(work, "before")
        with MachineMemory() as machine:
            row = {"size": size, "ours": ours(work)}
        row["floor"] = Floors(before, floor(work, "after"))
        row["machine"] = machine
        row["search"] = search_index(work / "site", browser)
        if full:
            row["again"] = ours(work)
            row["changed"] = one_meeting_changed(work)
        if not args.no_stock and (args.stock_max is None or size <= args.stock_max):
            row["stock"] = stock(work)
        row["check"] = check(work)
        if previewed:
            row["preview"] = preview(work)
        rows.append(row)
        o, f = row["ours"], row["floor"]
        line = (f"{size:>6} protocols: ours {o[0]:7.1f} s {o[1]:6.0f} MB | floor {f.seconds:6.1f} s | ours/floor {o[0] / f.seconds:5.1f}x"
                f"\n{'':>17} floor before ours {f.before.seconds:.1f} s, after {f.after.seconds:.1f} s (the machine drifted {100 * f.drift:.0f}%)")
        line += (f"\n{'':>17} CPU: ours {o.user:6.1f} s user, {o.system:5.1f} s kernel | floor {f.before.user:5.1f} s user, "
                 f"{f.before.system:4.1f} s kernel")
        if "stock" in row:
            s = row["stock"]
            line += f" | stock {s[0]:7.1f} s {s[1]:6.0f} MB | stock/ours {s[0] / o[0]:5.1f}x"
        c, m, (files, served, typed) = row["check"], row["machine"], row["search"]
        line += (f"\n{'':>17} available memory at its lowest {m.lowest / 2**30:.2f} GB, swapped out {m.swapped / 2**20:.0f} MB"
                 f"\n{'':>17} search index {files} files, {served:.1f} MB served | first query typed "
                 + (f"{typed:.1f} kB (median)" if typed is not None else "not measured (no Chromium)"))
        if full:
            a, d = row["again"], row["changed"]
            line += (f"\n{'':>17} rebuilt, nothing changed {a[0]:6.1f} s {a[1]:6.0f} MB | one meeting changed {d[0]:6.1f} s "
                     f"{d[1]:6.0f} MB (median of 3 commits: {d[2]:.1f}–{d[3]:.1f} s)")
        line += f"\n{'':>17} check {c[0]:5.1f} s, cached {c[1]:5.1f} s"
        if previewed:
            p = row["preview"]
            line += f" | preview: first page {p[0]:6.1f} s, an edit shown in {p[1]:4.1f} s"
        print(line, flush=True)
        # (after the row is printed: deleting the folder of 100,000 protocols, millions of files,
        # took over a quarter of an hour)
        shutil.rmtree(work, ignore_errors=True)
        deleted()
    if browser is not None:
        browser.close()
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        print(f"growth {first['size']} -> {last['size']}: ours {last['ours'][0] / first['ours'][0]:.1f}x "
              f"(memory {last['ours'][1] / first['ours'][1]:.1f}x), "
              f"floor {last['floor'].seconds / first['floor'].seconds:.1f}x"
              + (f", stock {last['stock'][0] / first['stock'][0]:.1f}x" if "stock" in last else ""))


if __name__ == "__main__":
    main()
