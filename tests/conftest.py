"""Shared fixtures: a real build of the example archive, and small projects made from fixtures."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import http.server
import json
import os
import re
import shutil
import socket
import threading
import time
import urllib.request
from collections.abc import Iterator
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

# The suite reads the staff's messages in English; test_swedish_messages.py reads them in Swedish, the default.
os.environ["LANGUAGE"] = "en"

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
QUIET = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"} | {"NO_MKDOCS_2_WARNING": "1"}


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str


@dataclass
class Project:
    """A throw-away archive project: mkdocs.yml + content/, built with the real tools."""

    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def site(self) -> Path:
        return self.root / "site"

    def write(self, relative: str, text: str | bytes) -> Path:
        path = self.content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def build(self, *extra: str, on: "dt.date | None" = None) -> Run:
        """`mkdocs build --strict`; `on` a given day (SOURCE_DATE_EPOCH), for date-dependent pages."""
        env = None
        if on is not None:
            epoch = int(dt.datetime(on.year, on.month, on.day, tzinfo=dt.timezone.utc).timestamp())
            env = {**QUIET, "SOURCE_DATE_EPOCH": str(epoch)}
        return _run([sys.executable, "-m", "mkdocs", "build", "--strict", *extra], self.root, env)

    def check(self) -> Run:
        return _run([sys.executable, "-m", "generator.cli", "check"], self.root)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The test files marked `heavy` (a minute or more each) collected first, the rest in their
    order. Each file runs whole on one worker, handed out in the order collected
    (`--no-loadscope-reorder`): xdist's own order, by number of tests, handed out the suite's two
    slowest files, of one test each, last, and one worker ran them alone while the other idled."""
    items.sort(key=lambda item: item.get_closest_marker("heavy") is None)


def _run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env or QUIET, timeout=300)
    return Run(result.returncode, result.stdout, result.stderr)


def run_with_file_limit(command: list[str], cwd: Path, largest: int) -> Run:
    """`command` run where the system refuses to write any file past `largest` bytes (a full disk
    as a build meets it: a write fails part way, with EFBIG where a full disk gives ENOSPC)."""
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=QUIET, timeout=300,
                            preexec_fn=_file_limit(largest))
    return Run(result.returncode, result.stdout, result.stderr)


def _file_limit(largest: int):
    """What a child process runs before its program: files past `largest` bytes refused. Linux
    sends SIGXFSZ for such a write, which is ignored here, so that the write fails instead."""
    import resource
    import signal

    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (largest, largest))
    return limited


def make_project(root: Path, content: Path = FIXTURES / "content") -> Project:
    shutil.copytree(content, root / "content")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("custom_dir: theme", f"custom_dir: {ROOT / 'theme'}")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return Project(root)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """The small fixture archive in tests/fixtures/content, in a fresh directory."""
    return make_project(tmp_path)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A content directory holding the example archive's registries and nothing else: where a new
    user imports minutes of bodies the registries do not know."""
    target = tmp_path / "content"
    target.mkdir()
    for name in ("bodies.yml", "topics.yml"):
        shutil.copyfile(Path(__file__).resolve().parent.parent / "content" / name, target / name)
    return target


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example archive of the repository, built once with `mkdocs build --strict`."""
    out = tmp_path_factory.mktemp("example") / "site"
    run = _run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], ROOT)
    assert run.code == 0, run.stderr
    return out


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture archive (with a committee's votes and dissents), built once."""
    built = make_project(tmp_path_factory.mktemp("fixture"))
    run = built.build()
    assert run.code == 0, run.stderr
    return built.site


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # (connections kept open, as a host's are: the search reads many small ranges)
    disable_nagle_algorithm = True  # (or each small answer on a kept connection waits 40 ms for an ACK)

    def log_message(self, *args: object) -> None:
        pass


class _RangeHandler(_QuietHandler):
    """Answers a single-range `Range: bytes=a-b` request with 206 and those bytes, as static
    hosts do (Python's own handler ignores Range and sends the whole file)."""

    def do_GET(self) -> None:
        wanted = re.fullmatch(r"bytes=(\d+)-(\d+)", self.headers.get("Range", ""))
        path = Path(self.translate_path(self.path))
        if not wanted or not path.is_file():
            return super().do_GET()
        size = path.stat().st_size
        start, end = int(wanted[1]), min(int(wanted[2]), size - 1)
        if start > end:
            self.send_error(416)
            return
        with path.open("rb") as file:
            file.seek(start)
            data = file.read(end - start + 1)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class _Server(http.server.ThreadingHTTPServer):
    # (the socket's default backlog of 5 drops connections when a browser opens its six at once
    # while another test's are queued: a dropped one is retried a second or more later)
    request_queue_size = 128

    def handle_error(self, request, client_address) -> None:
        # (a browser that closes a connection while a file is sent, as it does when a page moves
        # on: the server's default prints a traceback for it; anything else it still prints)
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def serve(folder: Path, ranges: bool = True) -> tuple[http.server.ThreadingHTTPServer, str]:
    """A static file server for a built site on a free loopback port; answering Range requests
    unless `ranges` is False."""
    handler = functools.partial(_RangeHandler if ranges else _QuietHandler, directory=str(folder))
    httpd = _Server(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def published_files(site: Path) -> Iterator[tuple[Path, bytes]]:
    """Every file of a built site with its bytes as a reader's program sees them: a search pack's
    records inflated (they are compressed one by one), any other file as it is. For checks that
    no published byte holds what must not be published."""
    from generator.search import packs

    dictionaries = {}  # (a search index's texts need the dictionary its manifest names)
    for manifest in site.rglob("manifest.json"):
        named = json.loads(manifest.read_bytes()).get("textDictionary") if manifest.parent.name == "index" else None
        if named:
            dictionaries[manifest.parent / "x"] = (manifest.parent / named).read_bytes()
    for path in sorted(site.rglob("*")):
        if path.is_file():
            yield path, packs.readable(path.name, path.read_bytes(), dictionaries.get(path.parent, b""))


@pytest.fixture(scope="session")
def server(example_site: Path) -> Iterator[str]:
    """The example archive's built site, served on loopback."""
    httpd, url = serve(example_site)
    yield url
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's real Chromium, headless, driven by Playwright (no browser download)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is not installed: run the README's test command (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield instance
        instance.close()


def wait_for(condition, what: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"waited {seconds} s for {what}")


def fetch(url: str) -> str:
    """The text at `url`, or '' while nothing answers there."""
    try:
        return urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
    except OSError:
        return ""


@dataclass
class Preview:
    """A running `mkdocs serve` of a project, as a secretary runs it."""

    url: str
    log: Path
    temporary: Path

    @property
    def site(self) -> Path:
        """The folder MkDocs serves from (a folder of its own in TMPDIR)."""
        return next(self.temporary.glob("mkdocs_*"))


@contextlib.contextmanager
def preview(project: Project, scratch: Path, *options: str, largest_file: int | None = None) -> Iterator[Preview]:
    """`largest_file`: no file past these many bytes may be written (`run_with_file_limit`)."""
    temporary, log = scratch / "tmp", scratch / "serve.log"
    temporary.mkdir()
    for _attempt in range(3):
        # A free port found here may be taken before mkdocs binds it (tests run on every core):
        # a server that ends before it serves is started again on another port.
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        with log.open("w") as output:
            server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", *options, "-a", f"127.0.0.1:{port}"],
                                      cwd=project.root, env=QUIET | {"TMPDIR": str(temporary)}, stdout=output,
                                      stderr=subprocess.STDOUT, preexec_fn=_file_limit(largest_file) if largest_file else None)
        wait_for(lambda: server.poll() is not None or "Serving on" in log.read_text(encoding="utf-8"),
                 "the preview to serve or end", 180)
        if server.poll() is None:
            break
    try:
        yield Preview(f"http://127.0.0.1:{port}/", log, temporary)
    finally:
        server.terminate()
        server.wait(timeout=30)


def stock_material_config(config: str) -> str:
    """Our mkdocs.yml as stock Material would run it: Material's own search and header, none of
    our theme overrides or scripts (the same generated pages, for comparison)."""
    data = yaml.safe_load(config)
    data["theme"].pop("custom_dir", None)
    data.pop("extra_javascript", None)
    ours = next(plugin["protokollarkivet"] for plugin in data["plugins"] if isinstance(plugin, dict) and "protokollarkivet" in plugin)
    # Every page rendered by MkDocs itself: pages in a shared layout never reach Material's search index.
    ours["shared_layout"] = False
    # Material's search after ours: our plugin gives a page its content in `on_page_context`, where
    # the search plugin reads it (listed first, it indexed every page empty).
    data["plugins"].append({"search": {"lang": "sv"}})
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
