"""What a build made, kept in the build cache for the next build by a digest of what it was made
of: a rebuild after a commit takes most of it as it was and makes only what the commit changed."""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable, Generic, Self, TypeVar

from .model import Meeting
from .staging import keep_in

T = TypeVar("T")


class Memo(Generic[T]):
    """Values by a digest of what each is made of (`key`), the last build's read from a file of the
    cache folder: a value whose key is known is taken as it was, not made again. Only this build's
    values are written for the next (what the archive no longer holds goes with it). `code` names
    what else the values depend on (the module that makes them): a file written by other code is
    not read."""

    def __init__(self, name: str, code: str, known: dict[bytes, T] | None = None):
        self.name, self.code = name, code
        """Its file in the cache folder, and the code its values were made by."""
        self.known: dict[bytes, T] = known or {}
        self.kept: dict[bytes, T] = {}
        self.made = 0
        """Values made (not found)."""

    @classmethod
    def read(cls, folder: Path | None, name: str, code: str) -> Self:
        if folder is None:
            return cls(name, code)
        try:
            stored = pickle.loads((folder / name).read_bytes())
            return cls(name, code, stored["values"] if stored["code"] == code else None)
        except Exception:  # (none yet, or any defect of the file: everything is made)
            return cls(name, code)

    def get(self, key: bytes, make: Callable[[], T]) -> T:
        """The value kept under `key`, else the one `make` gives."""
        value = self.known.get(key)
        if value is None:
            value = make()
            self.made += 1
        self.kept[key] = value
        return value

    def write(self, folder: Path | None) -> None:
        """This build's values (only), for the next."""
        if folder is not None:
            keep_in(folder, self.name, lambda handle: _dump({"code": self.code, "values": self.kept}, handle))


def _dump(stored: dict, handle: BinaryIO) -> None:
    pickler = pickle.Pickler(handle, protocol=pickle.HIGHEST_PROTOCOL)
    # (without the pickler's memo of every object written: a million of them at 10,000 protocols,
    # and nothing in a memo's values refers back to itself)
    pickler.fast = True
    pickler.dump(stored)


@dataclass(frozen=True)
class MeetingKeys:
    """What a thing made of one meeting is made of, as a digest (its key in a `Memo`): the key the
    meeting was read by (its file, the registries, its attachments' folder: `load.meetings_read_by`)
    and `more` (what else it depends on), under `code` (the code's digest, which a memo is kept
    under: one of other code is not read). None for a meeting not read through the parse cache."""

    code: str
    read_by: dict[int, str]
    more: tuple[str, ...] = ()

    def __call__(self, meeting: Meeting) -> bytes | None:
        read = self.read_by.get(id(meeting))
        if read is None:
            return None
        return hashlib.blake2b("\0".join([read, *self.more]).encode(), digest_size=16).digest()
