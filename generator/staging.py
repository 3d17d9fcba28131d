"""Atomic builds: a site is built beside the published one and swapped in whole, or not at all.

A build writes into `.site.building-<pid>` beside `site/` (and its search index into
`.site.search-<pid>`); only a build that ended without error renames it to `site/`. A build killed
midway (SIGKILL, a CI timeout) leaves `site/` as it was, and its folders behind: the next build
removes those of builds no longer running, never one of a build that still runs.

An incremental build starts its staging folder as a hard-link copy of the published site (no
bytes copied) and writes only what changed. Every file is written by replacing it, never through
the link, so the published site is never touched while the build runs. The copy is made of the
site the last build replaced (`claim_retired`), brought up to date where the two differ
(`mirror`): making 190,000 links anew and removing as many of the replaced site took 9 s of CPU
at 10,000 protocols, a third of a rebuild's. Where no replaced site waits (the first build after a
full one; a CI runner, which restores the published site alone), the copy is made anew. Either
way it is made in a process of its own while the archive is read (`Copying`).
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import re
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import orjson

_STAGING = re.compile(r"^\.(?P<site>.+)\.(?:building|search|old)-(?P<pid>\d+)$")
_RETIRED = re.compile(r"^(?P<kind>retired|reusing|stale)-(?P<site>.+)-(?P<pid>\d+)$")


def staging_folder(site: Path) -> Path:
    """An empty folder beside `site` for this build (what killed builds left: `Clearing`)."""
    folder = site.with_name(f".{site.name}.building-{os.getpid()}")
    shutil.rmtree(folder, ignore_errors=True)
    return folder


def search_folder(site: Path) -> Path:
    """An empty folder beside the site for a search index being built."""
    folder = site.with_name(f".{site.name}.search-{os.getpid()}")
    shutil.rmtree(folder, ignore_errors=True)
    return folder


def abandoned(site: Path, retired_in: Path | None = None) -> list[Path]:
    """The staging folders of `site` whose build no longer runs, and the sites such builds retired
    into `retired_in`."""
    found = []
    for parent, pattern in ((site.parent, _STAGING), (retired_in, _RETIRED)):
        if parent is None or not parent.is_dir():
            continue
        for folder in parent.iterdir():
            match = pattern.match(folder.name)
            if match and _names(match["site"], site.name) and folder.is_dir() and not running(int(match["pid"])):
                found.append(folder)
    return found


def _names(named: str, site: str) -> bool:
    """Whether a left folder's name for its site, `named`, is `site`, or a staging folder of it
    (the name a search index's folder had before 2026-12-05: it was left by every killed build)."""
    inner = _STAGING.match(named)
    return named == site or (inner is not None and inner["site"] == site)


def _remove(folders: list[Path]) -> None:
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)


def claim_retired(site: Path, retired_in: Path | None) -> Path | None:
    """The newest site an earlier build retired into `retired_in` (or one a killed build was
    making a staging folder of), renamed to this build's name for it so that no other build
    removes it meanwhile; None where there is none. What it holds does not matter: `mirror` makes
    it the published site's copy whatever it holds. A stale one (`swap_in`) shares no file with
    the published site: linking every file anew is cheaper than replacing every file of it."""
    if retired_in is None or not retired_in.is_dir():
        return None
    candidates = []
    for folder in retired_in.iterdir():
        match = _RETIRED.match(folder.name)
        if match and match["kind"] in ("retired", "reusing") and match["site"] == site.name and not running(int(match["pid"])):
            try:
                candidates.append((folder.stat().st_ctime_ns, folder))  # (a rename sets the time: the last retired)
            except OSError:
                continue
    claimed = reusing_folder(site, retired_in)
    for _time, folder in sorted(candidates, reverse=True):
        try:
            folder.rename(claimed)
            return claimed
        except OSError:
            continue  # (another build took it)
    return None


def reusing_folder(site: Path, retired_in: Path) -> Path:
    """This build's name for the folder it makes its staging folder of (`claim_retired`,
    `Copying`): a killed build's is claimed by the next as a site it retired."""
    return retired_in / f"reusing-{site.name}-{os.getpid()}"


class Copying:
    """The published site hard-linked into `into` (`mirror`, the folders `leave_out_folders` left
    out) in a process of its own, started before the build reads the archive. `into` is the site
    the last build replaced, where one waits (`claim_retired`): bringing it up to date was 1.4 s of
    the build's longest path at 10,000 protocols; where none waits (a CI runner restores the
    published site alone), linking every file anew was 4.6 s of CPU."""

    def __init__(self, site: Path, into: Path, leave_out_folders: tuple[str, ...]):
        self.into = into
        try:  # (made here, not in the process: one stopped while it reads the site leaves its folder to claim)
            into.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass  # (the process ends quietly: `take` gives None)
        self._process = multiprocessing.get_context("fork").Process(target=_copy, args=(site, into, leave_out_folders))
        self._process.start()

    def take(self) -> Path | None:
        """The copy, once made; None where it could not be (what it holds is left in `into`)."""
        self._process.join()
        return self.into if self._process.exitcode == 0 else None

    def cancel(self) -> Path:
        """The copy stopped where it is; its folder, to remove."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        return self.into


def _copy(site: Path, into: Path, leave_out_folders: tuple[str, ...]) -> None:
    """`Copying`'s process: a copy it cannot make (another file system: no hard links; the build
    stopped by Ctrl-C) ends it quietly, with status 1, and the build links what it needs itself."""
    try:
        mirror(site, into, set(), leave_out_folders)
    except (OSError, KeyboardInterrupt):
        sys.exit(1)


class Clearing:
    """`abandoned` folders (or the `folders` given) removed in a process of its own, started
    before the build reads the archive (one core is idle then): at 10,000 protocols a site took 2.5
    to 3.8 s to remove, at the end of the build. `wait` before the build ends."""

    def __init__(self, site: Path, retired_in: Path | None = None, folders: list[Path] | None = None):
        self._process: multiprocessing.process.BaseProcess | None = None
        found = abandoned(site, retired_in) if folders is None else [f for f in folders if f.is_dir()]
        if found:
            self._process = multiprocessing.get_context("fork").Process(target=_remove, args=(found,))
            self._process.start()

    def wait(self) -> None:
        if self._process is not None:
            self._process.join()
            self._process = None


def running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # (another user's process: running)
        return True
    return True


def keep_in(folder: Path, name: str, dump: Callable[[BinaryIO], None]) -> None:
    """A file of what a build computed, kept for the next build, replaced whole: `dump` writes it
    under a name of this process, then it is moved over the last (what killed builds left so is
    removed first). A folder that cannot be written goes without: the next build computes more."""
    temporary = folder / f".{name}.new-{os.getpid()}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        remove_left_behind(folder, name)
        with open(temporary, "wb") as handle:
            dump(handle)
        os.replace(temporary, folder / name)
    except OSError:
        temporary.unlink(missing_ok=True)


def remove_left_behind(folder: Path, name: str) -> None:
    """What builds killed while writing `name` in `folder` (`.NAME.new-PID`) left behind."""
    for left in folder.glob(f".{name}.new-*"):
        pid = left.name.rpartition("-")[2]
        if pid.isdigit() and not running(int(pid)):
            left.unlink(missing_ok=True)


def swap_in(staging: Path, site: Path, retire_into: Path | None = None, shared: bool = True) -> None:
    """`staging` becomes `site`: the old site is moved aside first, then into `retire_into` (the
    build cache, which git ignores) for the next build to make its staging folder of
    (`claim_retired`), or, where it shares no file with the new site (not `shared`), to remove
    while it reads the archive (`Clearing`); where it cannot go there, it is removed now."""
    retired = site.with_name(f".{site.name}.old-{os.getpid()}")
    if site.exists():
        site.rename(retired)
    staging.rename(site)
    if not retired.exists():
        return
    if retire_into is not None:
        try:
            retire_into.mkdir(parents=True, exist_ok=True)
            retired.rename(retire_into / f"{'retired' if shared else 'stale'}-{site.name}-{os.getpid()}")
            return
        except OSError:
            pass  # (another file system: removed here)
    shutil.rmtree(retired, ignore_errors=True)


def put_in_place(folder: Path, target: Path) -> None:
    """`folder` becomes `target`; whatever was there is moved aside first and then removed, so a
    preview serving it never sees it half-written."""
    retired = target.with_name(f".{target.name}.old")
    shutil.rmtree(retired, ignore_errors=True)
    if target.exists():
        target.rename(retired)
    target.parent.mkdir(parents=True, exist_ok=True)
    folder.rename(target)
    shutil.rmtree(retired, ignore_errors=True)


def write_changed(site: Path, files: dict[str, bytes]) -> None:
    """Files by site-relative path, each written unless it holds those bytes already."""
    for path, data in files.items():
        write_if_changed(site / path, data)


def write_if_changed(target: str | Path, data: bytes) -> None:
    """`target` holds `data`. A file that was not there is written where it goes (no published
    file links to it, and the folder it is in is published only whole or, in the preview, before
    the page that needs it); one that is there is left as it is if it holds them, else replaced
    (`replace_bytes`), never written through: it may be a hard link to the published site's. (A
    full build writes some 190,000 files at 10,000 protocols, all new: written beside and renamed,
    each cost a second file name and a rename.)"""
    try:
        handle = _created(target)
    except FileExistsError:
        if os.stat(target).st_size == len(data) and _read(target) == data:
            return
        replace_bytes(Path(target), data)
        return
    try:  # (os.write, not open(): no buffer, no terminal check, no seek per file)
        with _named(target):
            view = memoryview(data)
            while view:
                view = view[os.write(handle, view):]
    finally:
        os.close(handle)


def _read(path: str | Path) -> bytes:
    """A file's bytes. (os.read, not open(): no buffer, no terminal check, no seeks. An OParl list
    page is made of the hundred files it lists, read back: a full build reads 170,000 files at
    10,000 protocols, and open() took twice the time.)"""
    handle = os.open(path, os.O_RDONLY)
    try:
        chunks = []
        while chunk := os.read(handle, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(handle)


def _created(target: str | Path) -> int:
    """A new file's descriptor, its folder made if missing. (Created first, not asked about: most
    of a build's hundreds of thousands of files are new, and a `stat` that fails cost more than a
    creation that does.)"""
    try:
        return os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        return os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)


@dataclass(frozen=True)
class Carried:
    """A data file the staging folder holds already, as the last build wrote it (hard-linked from
    the published site), that made again would be the same bytes: it stands for them where only
    their length is asked (the data page lists sizes), and `ChangedWriter` writes nothing for it."""

    size: int
    digest: bytes

    def __len__(self) -> int:
        return self.size


class ChangedWriter:
    """Files written as they are made (`writer[path] = data`, as `write_changed` writes them), so
    that a build's hundreds of thousands of data files are never all held at once (the OParl
    endpoint alone is 700 MB at 10,000 protocols); remembers the digest of each file it was given.

    `carried` holds the digests of the files the last build wrote, hard-linked into the staging
    folder: a file whose bytes have that digest is there already, and is neither read nor written
    (comparing 170,000 files on disk was half the time of a rebuild's data files). A file its
    maker knows to be made of what it was made of then is not made at all (`carry`), and a file
    made of others (`compose`) is made only when one of them changed (`composed`: the digest of
    each such file's parts, the last build's and this one's)."""

    def __init__(self, site: Path, carried: Mapping[str, bytes] | None = None, composed: Mapping[str, str] | None = None,
                 record: Path | None = None):
        self.carried = carried or {}
        self.record = record
        """Where `keep` writes the digests for the next build (`BuildRecord.data`), if anywhere."""
        self.last_composed = composed or {}
        self.digests: dict[str, bytes] = {}
        """Each file's digest (`bytes_digest`), by path: 1.7 million at 100,000 protocols, the data
        files' writer's largest part (as hexadecimal strings, 53 MB more)."""
        self.composed: dict[str, str] = {}
        self._prefix = f"{site}{os.sep}"
        """The site's folder, as the start of each file's path (joined as text: a `Path` per file was
        part of what cost a quarter of writing one)."""

    def __setitem__(self, path: str, data: bytes | Carried) -> None:
        if isinstance(data, Carried):
            self.digests[path] = data.digest
            return
        digest = self.digests[path] = bytes_digest(data)
        if self.carried.get(path) != digest:
            write_if_changed(self._prefix + path, data)

    def __contains__(self, path: object) -> bool:
        return path in self.digests

    def carry(self, path: str) -> bool:
        """The file stays as the last build wrote it, if it wrote one (whether it did)."""
        digest = self.carried.get(path)
        if digest is None:
            return False
        self.digests[path] = digest
        return True

    def compose(self, path: str, head: bytes, parts: Sequence[str], tail: bytes) -> None:
        """The file `head`, then the files `parts` (given before) joined by commas, then `tail` (an
        OParl list page: a hundred objects that are files of their own too). Made only when its
        head, tail or a part changed: an unchanged page is neither read nor written."""
        composed = self.composed[path] = composed_digest(head, [self.digests[part] for part in parts], tail)
        digest = self.carried.get(path)
        if digest is not None and self.last_composed.get(path) == composed:
            self.digests[path] = digest
            return
        self[path] = head + b",".join(map(self._read, parts)) + tail

    def _read(self, path: str) -> bytes:
        """A file given before, as it is in the folder (written, or carried)."""
        return _read(self._prefix + path)

    def keep(self) -> None:
        """Each file's digest and each composed file's parts' digest, into `record`, by the process
        that made them: a full build's data files are made in a process of their own, and taken
        back, their digests were the main process's largest moment (190,000 of them at 10,000
        protocols, 35 MB, taken back as the pages were done). Kept nowhere when it cannot be written
        (a read-only checkout): the next build reads no record, and builds in full."""
        if self.record is not None:
            try:
                write_data_record(self.record, self.digests, self.composed)
            except OSError:
                pass


def write_data_record(path: Path, files: Mapping[str, bytes], composed: Mapping[str, str]) -> None:
    """The data files' digests, `{"composed": …, "files": …}` as `_json_bytes` writes it, written a
    slice of the entries at a time: made at once, the JSON (147 MB at 100,000 protocols) was the
    data files' writer's largest moment, at its end."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with _replacing(path) as out:
        out.write(b'{"composed":')
        _write_json_object(out, composed)
        out.write(b',"files":')
        _write_json_object(out, files, bytes.hex)
        out.write(b"}")


_ENTRIES_AT_ONCE = 50_000


def _write_json_object(out: BinaryIO, entries: Mapping[str, Any], written: Callable[[Any], str] = str) -> None:
    """`entries` as `_json_bytes` writes a dict of strings (each value as `written` gives it), its
    keys in order, a slice at a time."""
    keys = sorted(entries)
    out.write(b"{")
    for start in range(0, len(keys), _ENTRIES_AT_ONCE):
        if start:
            out.write(b",")
        out.write(_json_bytes({key: written(entries[key]) for key in keys[start:start + _ENTRIES_AT_ONCE]})[1:-1])
    out.write(b"}")


def composed_digest(head: bytes, part_digests: Sequence[bytes], tail: bytes) -> str:
    """What a composed file is made of, in a digest: its head, its parts' digests, its tail."""
    digest = hashlib.blake2b(digest_size=16, person=b"composed")
    for piece in (head, tail):
        digest.update(len(piece).to_bytes(8, "little"))
        digest.update(piece)
    for part in part_digests:
        digest.update(part)
    return digest.hexdigest()


def bytes_digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def replace_bytes(target: Path, data: bytes) -> None:
    """`target` holds `data`: written beside it and renamed over it, so that a hard link to the
    published site's file is replaced, never written through."""
    with _replacing(target) as out:
        out.write(data)


@contextmanager
def _replacing(target: Path) -> Iterator[BinaryIO]:
    """A file written beside `target` and renamed over it once whole; where the write fails (a full
    disk), no half-written file is left behind."""
    temporary = target.with_name(f".{target.name}.new-{os.getpid()}")
    try:
        with _named(temporary), open(temporary, "wb") as out:
            yield out
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


@contextmanager
def _named(path: Path) -> Iterator[None]:
    """A write's error names the file written (a full disk's `os.write` names none): the build's
    message says which file it could not write."""
    try:
        yield
    except OSError as error:
        if error.filename is None:
            error.filename = os.fspath(path)
        raise


def carry_forward(previous: Path, staging: Path, leave_out: set[str], leave_out_folders: tuple[str, ...],
                  start_from: Path | None = None, copied: bool = False) -> int:
    """The published site's files hard-linked into the staging folder, but those the engine writes
    itself (`leave_out`, site-relative) and the folders rebuilt whole; how many were linked. With
    `start_from` (`claim_retired`), the staging folder is made of it, brought up to date; where it
    is this build's copy of the published site (`copied`: `Copying`), only what is left out is
    taken out of it."""
    if start_from is not None and start_from.is_dir():
        try:
            if copied:
                linked = 0
                for path in leave_out:  # (written by the engine, each replacing its link: never through it)
                    (start_from / path).unlink(missing_ok=True)
            else:
                linked = mirror(previous, start_from, leave_out, leave_out_folders)
            if staging.exists():
                staging.rmdir()  # (the engine's emptied folder)
            start_from.rename(staging)
            return linked
        except OSError:
            shutil.rmtree(start_from, ignore_errors=True)  # (and linked anew below)
    return mirror(previous, staging, leave_out, leave_out_folders)


def mirror(previous: Path, target: Path, leave_out: set[str], leave_out_folders: tuple[str, ...]) -> int:
    """`target` made a copy of `previous` in hard links: every file but those left out, and nothing
    else (a folder only where a file is, as a full build makes them). A file that is a link to the
    very file already (the same inode) stays; any other is removed or linked. How many were linked."""
    wanted, _folders = _tree(previous, leave_out_folders)
    for path in leave_out:
        wanted.pop(path, None)
    target.mkdir(parents=True, exist_ok=True)
    present, present_folders = _tree(target, ())
    source, into = f"{previous}/", f"{target}/"  # (paths as strings: a Path per file cost a third more)
    for path, inode in present.items():
        if wanted.get(path) != inode:
            os.unlink(into + path)
    made: set[str] = set()
    if present_folders:  # (an empty folder to start from has none to keep or remove)
        wanted_folders = _folders_holding(wanted)
        for folder in sorted(present_folders - wanted_folders, key=len, reverse=True):
            shutil.rmtree(into + folder, ignore_errors=True)
        made = present_folders & wanted_folders
    linked = 0
    for path, inode in wanted.items():
        if present.get(path) == inode:
            continue
        folder = path.rpartition("/")[0]
        if folder and folder not in made:
            os.makedirs(into + folder, exist_ok=True)
            made.update(_parents(path))
        os.link(source + path, into + path)
        linked += 1
    return linked


def _tree(root: Path, leave_out_folders: tuple[str, ...]) -> tuple[dict[str, int], set[str]]:
    """The files under `root` by site-relative path, with their inode numbers (read with the
    folder: no stat per file), and the folders; the folders `leave_out_folders` name not entered."""
    files: dict[str, int] = {}
    folders: set[str] = set()
    pending = [""]
    while pending:
        here = pending.pop()
        with os.scandir(f"{root}/{here}") as entries:
            for entry in entries:
                path = here + entry.name
                if entry.is_dir(follow_symlinks=False):
                    if not f"{path}/".startswith(leave_out_folders):
                        folders.add(path)
                        pending.append(path + "/")
                else:
                    files[path] = entry.inode()
    return files, folders


def _folders_holding(paths: Iterable[str]) -> set[str]:
    """The folders the site-relative file `paths` are in, at any depth (each file's own folder
    found first: a site has a fifth as many folders as files)."""
    own = {path.rpartition("/")[0] for path in paths}
    own.discard("")
    return {folder for path in own for folder in _parents(path + "/")}


def _parents(path: str) -> list[str]:
    """The folders a site-relative file path is in ("a/b/c.html": "a", "a/b")."""
    parts = path.split("/")[:-1]
    return ["/".join(parts[:end]) for end in range(1, len(parts) + 1)]


@dataclass(frozen=True)
class BuildRecord:
    """What a build published, for the next build to carry forward: the digest of everything all
    pages depend on (`frame`), of each page's view, and of the sitemap it wrote (which tells that
    the site on disk is still this build's)."""

    frame: str
    sitemap: str
    pages: dict[str, str]
    files: dict[str, bytes] = field(default_factory=dict)
    """The digest of each data file written (`ChangedWriter.digests`), by site-relative path (in
    the file beside the record, in hexadecimal)."""
    made_of: dict[str, str] = field(default_factory=dict)
    """Each file made of one meeting (its data file, its OParl objects): what it was made of, the
    parse cache's key of the meeting first (`Site.data_made_of`)."""
    composed: dict[str, str] = field(default_factory=dict)
    """The digest of each composed data file's parts (`ChangedWriter.composed`)."""
    data: str = ""
    """The name of the file beside the record that holds `files` and `composed`, written by the
    data files' writer (`ChangedWriter.keep`, at `data_path`); when empty, `write` writes this
    record's own into one."""

    @staticmethod
    def path(cache: Path, site: Path) -> Path:
        return cache / f"site-{hashlib.sha256(str(site.resolve()).encode()).hexdigest()[:16]}.json"

    @classmethod
    def data_path(cls, cache: Path, site: Path) -> Path:
        """A new file for a build's data files' digests: named by the build, so that a build killed
        while writing it leaves the last build's whole (the next record that is written removes it)."""
        return cache / f"{cls.path(cache, site).stem}{_DATA_INFIX}{os.getpid()}-{os.urandom(4).hex()}.json"

    @classmethod
    def read(cls, cache: Path, site: Path) -> "BuildRecord | None":
        try:
            data = json.loads(cls.path(cache, site).read_text(encoding="utf-8"))
            name = data["data"]
            if not isinstance(name, str) or _DATA_INFIX not in name or Path(name).name != name:
                return None
            kept = json.loads((cache / name).read_text(encoding="utf-8"))
            files = {path: bytes.fromhex(digest) for path, digest in kept["files"].items()}
            record = cls(data["frame"], data["sitemap"], data["pages"], files, data.get("made_of", {}), kept["composed"], name)
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return record if record.sitemap == digest_of(site / "sitemap.xml") else None

    def write(self, cache: Path, site: Path) -> None:
        try:
            cache.mkdir(parents=True, exist_ok=True)
            name = self.data
            if not name:
                kept = self.data_path(cache, site)
                write_data_record(kept, self.files, self.composed)
                name = kept.name
            replace_bytes(self.path(cache, site), _json_bytes(
                {"frame": self.frame, "sitemap": self.sitemap, "pages": self.pages, "made_of": self.made_of, "data": name}))
            for other in cache.glob(f"{self.path(cache, site).stem}{_DATA_INFIX}*.json"):
                if other.name != name:  # (the last build's, and any of a build killed since)
                    other.unlink(missing_ok=True)
        except OSError:
            pass  # (a read-only checkout builds in full next time)


_DATA_INFIX = ".data-"


def _json_bytes(data: dict) -> bytes:
    """orjson's bytes at once, where json's text and its encoding were 45 MB more at the end of a
    10,000-protocol build, the moment its process was at its largest; json's where orjson refuses
    (a file name that is not UTF-8)."""
    try:
        return orjson.dumps(data, option=orjson.OPT_SORT_KEYS)
    except orjson.JSONEncodeError:
        return json.dumps(data, sort_keys=True).encode("utf-8")


def digest_of(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""
