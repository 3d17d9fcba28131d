"""The secretary's preview (`mkdocs serve`) learns of a saved edit from the kernel at once, instead
of finding it by statting every file of the archive twice a second; a build reading the content
is no edit."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from mkdocs.livereload import LiveReloadServer

from generator.mkdocs_plugin import _watch_by_events

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux's")


def _server(content: Path) -> LiveReloadServer:
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(content))
    server.watch(str(content))
    _watch_by_events(server)
    return server


def _rebuild_wanted(server: LiveReloadServer, seconds: float) -> bool:
    with server._rebuild_cond:
        return server._rebuild_cond.wait_for(lambda: server._want_rebuild, timeout=seconds)


def test_a_saved_edit_is_seen_and_a_read_is_not(tmp_path: Path) -> None:
    protocol = tmp_path / "lsg" / "2021-02-19.md"
    protocol.parent.mkdir()
    protocol.write_text("---\ntitle: Möte\n---\n", encoding="utf-8")
    server = _server(tmp_path)
    try:
        assert "Polling" not in type(server.observer).__name__
        protocol.read_text(encoding="utf-8")  # what every build does with every file
        assert not _rebuild_wanted(server, 1.0)

        protocol.write_text("---\ntitle: Möte, ändrat\n---\n", encoding="utf-8")
        assert _rebuild_wanted(server, 10.0)
    finally:
        server.observer.stop()
        server.observer.join()


def test_a_new_file_in_a_new_folder_is_seen(tmp_path: Path) -> None:
    server = _server(tmp_path)
    try:
        (tmp_path / "socialnamnden").mkdir()
        time.sleep(0.2)  # (the new folder's watch is added as its creation is read)
        (tmp_path / "socialnamnden" / "2024-03-12.md").write_text("---\n---\n", encoding="utf-8")
        assert _rebuild_wanted(server, 10.0)
    finally:
        server.observer.stop()
        server.observer.join()


def test_where_the_kernel_refuses_a_watch_the_preview_polls(tmp_path: Path) -> None:
    """inotify refuses a watch it cannot make (here a folder gone before the preview watches it;
    on a busy machine, its limit of watches): the preview then polls, as MkDocs does, its paths
    all still watched."""
    content, gone = tmp_path / "content", tmp_path / "gone"
    content.mkdir()
    gone.mkdir()
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(content))
    server.watch(str(content))
    server.watch(str(gone))
    gone.rmdir()
    _watch_by_events(server)
    assert type(server.observer).__name__ == "PollingObserver"
    assert set(server._watched_paths) == {str(content), str(gone)}
    assert not server.observer.is_alive()  # (MkDocs starts it when it serves)
