"""The search index built beside a build, in a process that never holds the archive.

The index's process is the build's largest: forked once the archive was read, it held the whole
archive besides its own work (at 10,000 protocols half a gigabyte of its 1.5). So it is forked
before the archive is read (`IndexJob`), and waits; once the archive is read, a short-lived fork
(`feed`) makes what the index is made of (`files.IndexInput`: the search documents and a few
facts) and sends it over a pipe, in parts, then ends; the index's process starts on the documents
as soon as they come. Once the documents are sent, the maker also writes the documents' files
(what a result shows) and the direct hits' into the index's folder: the index's process, the
longer of a rebuild's two chains, then reads only their tables at its end. Without fork (one
core) the index is built in this process when fed.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from pathlib import Path

from .. import malloc
from ..memo import MeetingKeys
from ..model import Archive
from ..parallel import Background, BackgroundError, can_fork
from .files import FolderWriter, IndexInput, LastBuild, index_into

_PART, _FAILED = b"P", b"X"
"""Each message's first byte: a part of the input (`IndexInput.unpickled` knows how many to read),
or the maker's failure (its error reaches the build through the maker's own `Background`)."""


class IndexJob:
    """The index into `folder` (with `kept`: the last build's counts and records, see
    `files.index_into`), its process started now, its input given by `feed`."""

    def __init__(self, folder: Path, kept: Path | None):
        self.folder, self.kept = folder, kept
        self._index: Background | None = None
        self._maker: Background | None = None
        self._send = None
        if can_fork():
            receive, send = multiprocessing.get_context("fork").Pipe(duplex=False)
            # (forked before the archive is read, and never reading what it inherits: nothing to freeze)
            self._index = Background(lambda: _index_received(receive, send, folder, kept), freeze=False)
            receive.close()
            self._send = send

    def feed(self, archive: Archive, made_of: MeetingKeys | None = None) -> None:
        """The input made of `archive` (in a fork of this process, which holds it) and sent; `made_of`:
        what each meeting's search documents are made of, as a digest (`IndexInput.pickled`)."""
        if self._send is None:
            self._index = Background(lambda: index_into(IndexInput.of(archive), FolderWriter(self.folder), self.kept))
            return
        send, self._send = self._send, None
        self._maker = Background(lambda: _send_input(archive, send, self.folder, self.kept, made_of))
        send.close()  # (the maker holds the only sending end: should it die, the index's process hears it)

    def wait(self) -> None:
        """Until the index is written; raises `BackgroundError` if it could not be (the maker's
        error first: the index's process only says that the maker stopped)."""
        errors = []
        for job in (self._maker, self._index):
            try:
                if job is not None:
                    job.wait()
            except BackgroundError as error:
                errors.append(error)
        if errors:
            raise errors[0]

    def cancel(self) -> None:
        for job in (self._maker, self._index):
            if job is not None:
                job.cancel()
        if self._send is not None:
            self._send.close()
            self._send = None


def _send_input(archive: Archive, send, folder: Path, kept: Path | None,
                made_of: MeetingKeys | None) -> None:
    # (once the documents are sent, the maker writes the documents' and the direct hits' files
    # into the index's folder itself: the index's process, which counts meanwhile, then has only
    # their tables to read at its end; at a lower priority the maker was the last to finish)
    try:
        for part in IndexInput.pickled(archive, FolderWriter(folder), kept, made_of=made_of):
            send.send_bytes(_PART + part)
    except BaseException:
        send.send_bytes(_FAILED)
        raise
    finally:
        send.close()


def _index_received(receive, send, folder: Path, kept: Path | None) -> None:
    send.close()  # (this process's copy of the sending end)
    malloc.map_large_blocks()  # (its arrays, made and dropped in turn, are most of its memory)
    try:
        # (what the last build kept read first: the archive is being read meanwhile, and the
        # input's maker starts after it)
        last_build = LastBuild.read(kept)
        # (each part unpickled as it comes; the tables of the documents' and the direct hits'
        # files, the last two, are read when the manifest is written: its maker writes them meanwhile)
        # (a recount's largest moment is the last tally beside the input: once counted, the arrays
        # made and dropped are made of the heap's freed blocks. Not after a full count, whose
        # largest moment comes after it: 200 MB more at 10,000 protocols)
        index_into(IndexInput.unpickled(_parts(receive), spool_in=_spool_folder(folder)), FolderWriter(folder), kept,
                   last_build, recounted=malloc.reuse_freed_blocks)
    except _MakerFailed:
        return  # (the maker says why)
    finally:
        receive.close()


def _spool_folder(folder: Path) -> Path | None:
    """Where the texts received are held (`PackedTexts`): in a file in the index's folder, read back
    a part at a time (the counting workers forked from this process each held all of them). None,
    held here, where the folder cannot be made: whoever writes into it first says why."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


def _parts(receive) -> Iterator[bytes]:
    while True:
        try:
            message = receive.recv_bytes()
        except EOFError:
            raise RuntimeError("the search documents were not sent (their maker stopped)") from None
        kind, part = message[:1], message[1:]
        if kind == _FAILED:
            raise _MakerFailed
        yield part


class _MakerFailed(Exception):
    """The maker failed and says so itself."""
