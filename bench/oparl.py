"""The OParl endpoint at scale: what it adds to a build, and a client's walk of it.

    python bench/oparl.py [--sizes 1000 10000] [--no-validate]

For each size (a bench/synth.py archive, committed to a fresh git repository so that created and
modified come from the history as in an archive repository) it prints:

- history: reading the content's git history (one `git log`);
- endpoint: making every object and list page (`generator.oparl.oparl_files`), in this process;
- written: the files written, their bytes (and gzip-compressed, as a server should send them),
  and the seconds to write them into an empty folder;
- walk: the walk a client does (tests/oparl_client.py) from the System object through every list
  and `next` link and every object at its own id, from the written files: objects, list pages,
  seconds, and the problems it found (0 expected);
- validation: every object and list page checked against the official OParl 1.1 schemas
  (tests/vendor/oparl/), violations (0 expected) and seconds.

Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import gzip
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synth import generate  # noqa: E402
from generator.history import read_history  # noqa: E402
from generator.load import load_archive  # noqa: E402
from generator.derive import derive  # noqa: E402
from generator.oparl import oparl_files  # noqa: E402
from generator.settings import Settings  # noqa: E402
from tests.oparl_client import from_files, violations, walk  # noqa: E402

SITE_URL = "https://protokollarkivet.example.se/"


def commit(work: Path) -> float:
    started = time.perf_counter()
    env = {**os.environ, "GIT_AUTHOR_DATE": "2026-01-05T10:00:00+01:00", "GIT_COMMITTER_DATE": "2026-01-05T10:00:00+01:00"}
    for command in (["init", "-q"], ["add", "-A", "content"], ["commit", "-q", "-m", "Arkivet"]):
        subprocess.run(["git", "-c", "user.name=Bench", "-c", "user.email=bench@example.se", *command], cwd=work, env=env,
                       check=True)
    return time.perf_counter() - started


def run(size: int, validate: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="oparl-bench-") as folder:
        work = Path(folder)
        content = generate(work, size)
        committed = commit(work)
        archive = load_archive(content).published()
        settings = Settings(site_url=SITE_URL, organisation="Exempelregionen")
        print(f"\n{size} protocols ({len(archive.meetings)} meetings, {sum(len(m.items) for m in archive.meetings)} items; "
              f"git add and commit {committed:.1f} s)")

        started = time.perf_counter()
        history = read_history(content, 1767600000)
        print(f"  history    {time.perf_counter() - started:6.2f} s   {len(history.commits)} files")

        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started = time.perf_counter()
        files = oparl_files(derive(archive, settings.today), settings, history)
        made = time.perf_counter() - started
        grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - rss
        print(f"  endpoint   {made:6.2f} s   peak memory +{grown:.0f} MB")

        site = work / "site"
        started = time.perf_counter()
        folders: set[Path] = set()
        for path, data in files.items():
            target = site / path
            if target.parent not in folders:
                target.parent.mkdir(parents=True, exist_ok=True)
                folders.add(target.parent)
            target.write_bytes(data)
        written = time.perf_counter() - started
        raw = sum(len(data) for data in files.values())
        packed = sum(len(gzip.compress(data, compresslevel=6, mtime=0)) for data in files.values())
        print(f"  written    {written:6.2f} s   {len(files)} files, {raw / 1e6:.1f} MB ({packed / 1e6:.1f} MB gzip)")
        del files

        started = time.perf_counter()
        result = walk(from_files(site, SITE_URL), SITE_URL + "oparl/v1/system.json")
        walked = time.perf_counter() - started
        on_disk = {p.relative_to(site).as_posix() for p in site.rglob("*.json")}
        reached = {url[len(SITE_URL):] for url in result.fetched}
        listed = ", ".join(f"{prop} {len(ids)}" for prop, ids in result.listed.items())
        print(f"  walk       {walked:6.2f} s   {len(result.objects)} objects, {len(result.pages)} list pages; "
              f"{len(result.problems)} problems; {len(on_disk - reached)} files not reached")
        print(f"             listed: {listed}")

        if validate:
            started = time.perf_counter()
            fetch = from_files(site, SITE_URL)
            found = sum(len(violations(obj)) for obj in result.objects.values())
            found += sum(len(violations(fetch(page))) for page in result.pages)
            print(f"  validation {time.perf_counter() - started:6.2f} s   {found} violations of the official schemas")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--no-validate", action="store_true", help="skip validating every object (slow at 10,000)")
    args = parser.parse_args()
    for size in args.sizes:
        run(size, not args.no_validate)


if __name__ == "__main__":
    main()
