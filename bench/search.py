"""Search at scale: index build time and size, bytes a first query fetches, time to results.

    python bench/search.py [--sizes 1000 10000] [--no-stock]

For each size it generates a synthetic archive (bench/synth.py), builds it twice with
`mkdocs build` (our search, and stock Material's search on the same pages), and measures in
headless Chromium (Debian's chromium):

- index build time (our search files alone) and peak memory of that step;
- total index size, raw and gzip;
- a first query typed key by key into the header box, and opened as `sok/?q=`: the bytes
  fetched (gzip size of every file the search needed, code included) and the time from the last
  keystroke (or from navigation) to results on screen;
- the same for stock Material's search (its index, worker and language files).

Figures are printed, never asserted: speed belongs here, not in the test suite.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from bench.synth import generate  # noqa: E402
from generator.search.packs import SUFFIX as PACK_SUFFIX  # noqa: E402

QUERIES = ["hemsjukvård", "samverkanskoordinator", "kommunerna", "beslut om budget", "Anna Lindahl",
           '"beslut om budget"', "kommunerna -budget"]
"""Words, a compound, a name, a phrase (checked on each result's text) and an exclusion (the
excluded word's whole posting lists)."""
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def build(project: Path, stock: bool) -> float:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if stock:
        from conftest import stock_material_config

        config = stock_material_config(config)
    else:
        config = config.replace("custom_dir: theme", f"custom_dir: {ROOT / 'theme'}")
    config = config.replace("strict: true", "strict: false")
    name = "stock.yml" if stock else "ours.yml"
    (project / name).write_text(config.replace("site_name:", f"site_dir: site-{'stock' if stock else 'ours'}\nsite_name:", 1),
                                encoding="utf-8")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", name], cwd=project, check=True, env=ENV)
    return time.perf_counter() - started


def index_build(content: Path) -> tuple[float, float]:
    """Seconds and peak MB of building our search files alone (in a fresh process)."""
    code = (
        "import time, resource; from pathlib import Path; from generator.load import load_archive;"
        "from generator.search import build_search_files;"
        f"a = load_archive(Path({str(content)!r})); t = time.perf_counter(); build_search_files(a);"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True, env=ENV)
    seconds, peak = out.stdout.split()
    return float(seconds), float(peak)


def served_size(path: Path) -> int:
    """Bytes a host sends for the file: gzip for text, a search pack as it is (its records are
    compressed one by one, and a host must not compress it again)."""
    return path.stat().st_size if path.suffix == PACK_SUFFIX else gz(path)


def folder_size(folder: Path) -> tuple[int, int]:
    files = [f for f in folder.rglob("*") if f.is_file()]
    return sum(f.stat().st_size for f in files), sum(served_size(f) for f in files)


class Measure:
    """Bytes (gzip) a page fetched from the local server, by site path: a file's served size, or
    for a Range request the range's length."""

    def __init__(self, site: Path):
        self.site = site
        self.paths: list[str] = []
        self.ranges: dict[tuple[str, str], int] = {}

    def attach(self, page) -> None:
        page.on("request", lambda r: self.paths.append(unquote(urlsplit(r.url).path)))
        page.on("response", self._response)

    def _response(self, response) -> None:
        if response.status == 206:
            path = unquote(urlsplit(response.url).path)
            self.ranges[(path, response.headers.get("content-range", ""))] = int(response.headers.get("content-length", 0))

    def total(self, keep) -> int:
        total = sum(size for (path, _), size in self.ranges.items() if keep(path))
        ranged = {path for path, _ in self.ranges}
        for path in dict.fromkeys(self.paths):
            if not keep(path) or path in ranged:
                continue
            file = self.site / path.lstrip("/")
            if file.is_dir():
                file = file / "index.html"
            if file.is_file():
                total += served_size(file)
        return total


OUR_CODE = ("/assets/search/",)


def ours_typed(browser, base: str, site: Path, query: str) -> tuple[int, float, int]:
    page = browser.new_page()
    page.goto(base, wait_until="networkidle")
    measure = Measure(site)
    measure.attach(page)
    page.click("#pa-sok-header")
    for char in query[:-1]:
        page.keyboard.type(char)
        page.wait_for_timeout(120)
    # (the results of the whole query: those of the query but its last letter may come after it)
    page.evaluate("""(query) => { window.__t = null; const l = document.getElementById('pa-sok-forslag');
        const whole = () => (document.getElementById('pa-sok-option-all') || {}).textContent?.includes(query + '”');
        new MutationObserver(() => { if (!l.hidden && window.__t === null && whole()) window.__t = performance.now(); })
        .observe(l, {childList: true, attributes: true}); }""", query)
    started = page.evaluate("performance.now()")
    page.keyboard.type(query[-1])
    page.wait_for_function("window.__t !== null", timeout=60000)
    ms = page.evaluate("window.__t") - started
    page.wait_for_timeout(300)
    fetched = measure.total(lambda p: p.startswith("/sok/index/") or p.startswith(OUR_CODE))
    code = sum(gz(f) for f in (site / "assets/search").rglob("*.js"))
    requested = sum(1 for p in dict.fromkeys(measure.paths) if p.startswith("/sok/index/"))
    page.close()
    # sok.js came with the page; count all our search code once.
    return fetched + code - measure.total(lambda p: p.startswith(OUR_CODE)), ms, requested


def ours_opened(browser, base: str, site: Path, query: str) -> tuple[int, float]:
    page = browser.new_page()
    measure = Measure(site)
    measure.attach(page)
    started = time.perf_counter()
    page.goto(f"{base}sok/?q={quote(query)}")
    page.wait_for_function("document.querySelector('.pa-sok-page').dataset.ms !== undefined", timeout=120000)
    ms = (time.perf_counter() - started) * 1000
    fetched = measure.total(lambda p: p.startswith("/sok/index/") or p.startswith(OUR_CODE))
    page.close()
    return fetched, ms


def stock_typed(browser, base: str, site: Path, query: str) -> tuple[int, float]:
    page = browser.new_page()
    measure = Measure(site)
    measure.attach(page)
    page.goto(base, wait_until="networkidle")
    page.click(".md-search__input")
    started = time.perf_counter()
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item", timeout=180000)
    ms = (time.perf_counter() - started) * 1000
    fetched = measure.total(lambda p: p.startswith("/search/") or "workers" in p or "/lunr/" in p)
    page.close()
    return fetched, ms


def launch(playwright):
    """Headless Chromium (Debian's), started as the test suite starts it."""
    from conftest import CHROMIUM, CHROMIUM_FLAGS

    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)


def serve(folder: Path):
    from conftest import serve as start

    return start(folder)


def run(size: int, stock: bool, browser, keep: Path | None = None) -> dict:
    """Measure one size; with `keep`, the archive and its sites stay in keep/<size> and a site
    already built there is measured again as it is (e.g. after a change to sok.js alone)."""
    work = keep / str(size) if keep else Path(tempfile.mkdtemp(prefix=f"bench-search-{size}-"))
    result = {"size": size, "index_build_s": 0.0, "index_peak_mb": 0.0, "site_build_s": 0.0}
    if not (work / "site-ours").is_dir():
        work.mkdir(parents=True, exist_ok=True)
        generate(work, size)
        result["index_build_s"], result["index_peak_mb"] = index_build(work / "content")
        result["site_build_s"] = build(work, stock=False)
    elif keep:
        for script in (ROOT / "theme/assets/search").glob("*.js"):
            shutil.copy(script, work / "site-ours/assets/search" / script.name)
    site = work / "site-ours"
    raw, zipped = folder_size(site / "sok/index")
    result.update(index_raw_mb=raw / 1e6, index_gzip_mb=zipped / 1e6, index_files=sum(1 for f in (site / "sok/index").rglob("*") if f.is_file()),
                  index_kinds=dict(Counter(f.parent.name for f in (site / "sok/index").rglob("*") if f.is_file())))
    httpd, base = serve(site)
    typed = [ours_typed(browser, base, site, q) for q in QUERIES]
    opened = [ours_opened(browser, base, site, q) for q in QUERIES]
    httpd.shutdown()
    result["typed_kb"] = [round(t[0] / 1024, 1) for t in typed]
    result["typed_ms"] = [round(t[1]) for t in typed]
    result["opened_kb"] = [round(o[0] / 1024, 1) for o in opened]
    result["opened_ms"] = [round(o[1]) for o in opened]
    if stock:
        result["stock_build_s"] = build(work, stock=True)
        stock_site = work / "site-stock"
        result["stock_index_gzip_mb"] = gz(stock_site / "search/search_index.json") / 1e6
        httpd, base = serve(stock_site)
        measured = [stock_typed(browser, base, stock_site, q) for q in QUERIES[:2]]
        httpd.shutdown()
        result["stock_kb"] = [round(m[0] / 1024, 1) for m in measured]
        result["stock_ms"] = [round(m[1]) for m in measured]
    if not keep:
        shutil.rmtree(work, ignore_errors=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--no-stock", action="store_true", help="skip stock Material's search")
    parser.add_argument("--stock-max", type=int, default=10000, help="largest size to build with stock Material")
    parser.add_argument("--keep", type=Path, help="keep each size's archive and sites in this folder, and measure "
                        "a site already there again (its search code replaced by the working tree's) rather than build it")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch(p)
        for size in args.sizes:
            r = run(size, not args.no_stock and size <= args.stock_max, browser, args.keep)
            print(f"\n== {size} protocols")
            print(f"index build: {r['index_build_s']:.1f} s, peak {r['index_peak_mb']:.0f} MB (whole site build {r['site_build_s']:.1f} s)")
            print(f"index: {r['index_files']} files ({r['index_kinds']}), {r['index_raw_mb']:.1f} MB raw, {r['index_gzip_mb']:.1f} MB gzip")
            for label, kb, ms in (("typed in header box", r["typed_kb"], r["typed_ms"]), ("opened as sok/?q=", r["opened_kb"], r["opened_ms"])):
                print(f"first query {label}: fetched kB gzip {kb} (median {statistics.median(kb)}, max {max(kb)}); "
                      f"ms to results {ms} (median {statistics.median(ms)}, max {max(ms)})")
            print("queries:", QUERIES)
            if "stock_kb" in r:
                print(f"stock Material: index {r['stock_index_gzip_mb']:.2f} MB gzip; first query fetched kB gzip {r['stock_kb']}, "
                      f"ms to results {r['stock_ms']} (site build {r['stock_build_s']:.1f} s)")
            print(json.dumps(r))


if __name__ == "__main__":
    main()
