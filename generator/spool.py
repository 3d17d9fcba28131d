"""Bytes made now and written later, held in a temporary file meanwhile: a build makes some files
long before it writes them (the data page lists the open data's sizes while the pages render), and
holding them all in the build's process made it the build's largest (at 10,000 protocols, 220 MB of
open data)."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass


class Spool:
    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()
        self._end = 0

    def put(self, data: bytes) -> tuple[int, int]:
        """`data` kept; returns where it is (offset, length)."""
        self._file.write(data)
        at, self._end = self._end, self._end + len(data)
        return at, len(data)

    def get(self, at: int, length: int) -> bytes:
        self.flush()
        return os.pread(self._file.fileno(), length, at)

    def flush(self) -> None:
        """What was put is in the file, where it is read by position (`os.pread`). Before a fork:
        bytes still in the buffer would be copied into the forked process's, and written twice."""
        self._file.flush()

    def keep(self, data: bytes) -> "Spooled":
        return Spooled(self, *self.put(data))

    def whole(self) -> "Spooled":
        """Everything put, as one (a file made a piece at a time), in the file."""
        self.flush()
        return Spooled(self, 0, self._end)

    def close(self) -> None:
        self._file.close()


@dataclass(frozen=True, slots=True)
class Spooled:
    """Bytes in a spool: their length where only that is asked, `read` where they are written."""

    spool: Spool
    at: int
    size: int

    def __len__(self) -> int:
        return self.size

    def read(self) -> bytes:
        return self.spool.get(self.at, self.size)
