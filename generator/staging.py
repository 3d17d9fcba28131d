"""Atomic builds: a site is built beside the published one and swapped in whole, or not at all.

A build writes into `.site.building-<pid>` beside `site/` (and its search index into
`.site.search-<pid>`); only a build that ended without error renames it to `site/`. A build killed
midway (SIGKILL, a CI timeout) leaves `site/` as it was, and its folders behind: the next build
removes those of builds no longer running, never one of a build that still runs.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

_STAGING = re.compile(r"^\.(?P<site>.+)\.(?:building|search|old)-(?P<pid>\d+)$")


def staging_folder(site: Path) -> Path:
    """An empty folder beside `site` for this build, after clearing away what killed builds left."""
    remove_abandoned(site)
    folder = site.with_name(f".{site.name}.building-{os.getpid()}")
    shutil.rmtree(folder, ignore_errors=True)
    return folder


def search_folder(site: Path) -> Path:
    """An empty folder beside the site for a search index being built."""
    folder = site.with_name(f".{site.name}.search-{os.getpid()}")
    shutil.rmtree(folder, ignore_errors=True)
    return folder


def remove_abandoned(site: Path) -> list[Path]:
    """The staging folders of `site` whose build no longer runs, removed; which they were."""
    removed = []
    if not site.parent.is_dir():
        return removed
    for folder in site.parent.iterdir():
        match = _STAGING.match(folder.name)
        if match and match["site"] == site.name and folder.is_dir() and not _running(int(match["pid"])):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # (another user's process: running)
        return True
    return True


def swap_in(staging: Path, site: Path) -> None:
    """`staging` becomes `site`: the old site is moved aside first and removed after."""
    retired = site.with_name(f".{site.name}.old-{os.getpid()}")
    if site.exists():
        site.rename(retired)
    staging.rename(site)
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
        target = site / path
        try:
            if target.stat().st_size == len(data) and target.read_bytes() == data:
                continue
        except FileNotFoundError:
            target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
