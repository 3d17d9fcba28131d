"""Version history and the overview pages at scale: what `history: true` and the charts and
coverage page add to a build.

    python bench/versions.py [--sizes 1000 10000] [--changed 0.3]

For each size (a bench/synth.py archive committed to a fresh git repository, then a second commit
that corrects a word in a share of the protocols and redacts a presenter in a third of those, as a
registrar's corrections would) it prints:

- history: the content's git history, one `git log` (also what OParl's dates read);
- versions: every meeting's published versions and word diffs (`generator.versions.read_versions`:
  one `git cat-file` for the versions' texts, each version read through the redaction and parsed);
- views: every page's view (`generator.views.derive_views`), which includes the charts' figures
  and the coverage page, with and without version histories;
- figures: how many charts, and the bytes of their CSV files.

Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synth import generate  # noqa: E402
from generator.derive import derive  # noqa: E402
from generator.figures import figure_csv  # noqa: E402
from generator.history import read_history  # noqa: E402
from generator.load import load_archive  # noqa: E402
from generator.settings import Settings  # noqa: E402
from generator.versions import read_versions  # noqa: E402
from generator.views import derive_views  # noqa: E402


def git(work: Path, *arguments: str, when: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", "-c", "user.name=Bench", "-c", "user.email=bench@example.se", *arguments], cwd=work, env=env,
                   check=True, capture_output=True)


def corrections(content: Path, share: float) -> int:
    """A word added to a decision in a share of the protocols, a presenter redacted in a third of
    those; how many files changed."""
    rng = random.Random(7)
    changed = 0
    for path in sorted(content.glob("*/*.md")):
        text = path.read_text(encoding="utf-8")
        roll = rng.random()
        if roll < share:
            text = re.sub(r"(?m)^(::: beslut\n)(\S+)", r"\1Rättat: \2", text, count=1)
        if roll < share / 3:
            text = re.sub(r"(?m)^(Föredragande: )(.+)$", lambda m: m.group(1) + "{{dolt: " + m.group(2) + "}}", text, count=1)
        if text != path.read_text(encoding="utf-8"):
            path.write_text(text, encoding="utf-8")
            changed += 1
    return changed


def run(size: int, share: float) -> None:
    with tempfile.TemporaryDirectory(prefix="versions-bench-") as folder:
        work = Path(folder)
        content = generate(work, size)
        git(work, "init", "-q", when="2026-01-05T10:00:00+01:00")
        git(work, "add", "-A", "content", when="2026-01-05T10:00:00+01:00")
        git(work, "commit", "-q", "-m", "Arkivet", when="2026-01-05T10:00:00+01:00")
        changed = corrections(content, share)
        git(work, "commit", "-q", "-a", "-m", "Rättelser", when="2026-02-05T10:00:00+01:00")
        archive = load_archive(content).published()
        print(f"\n{size} protocols ({len(archive.meetings)} meetings; {changed} corrected in a second commit)")

        started = time.perf_counter()
        history = read_history(content, 1767600000)
        print(f"  history    {time.perf_counter() - started:6.2f} s   {len(history.commits)} files")
        started = time.perf_counter()
        versions = read_versions(content, archive.meetings, history)
        several = sum(1 for h in versions.by_meeting.values() if len(h.versions) > 1)
        print(f"  versions   {time.perf_counter() - started:6.2f} s   {several} meetings with more than one version")

        settings = Settings(site_url="https://protokollarkivet.example.se/")
        facts = derive(archive, settings.today)
        started = time.perf_counter()
        views = derive_views(facts, settings)
        plain = time.perf_counter() - started
        started = time.perf_counter()
        derive_views(facts, settings, versions.by_meeting)
        print(f"  views      {plain:6.2f} s   ({time.perf_counter() - started:.2f} s with the version histories)")
        found = [f for v in views for f in getattr(v, "figures", ())]
        size_csv = sum(len(figure_csv(f)) for f in found)
        print(f"  figures    {len(found)} charts' figures, {len(found)} CSV files, {size_csv / 1024:.0f} kB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--changed", type=float, default=0.3, help="share of the protocols corrected in the second commit")
    options = parser.parse_args()
    for size in options.sizes:
        run(size, options.changed)


if __name__ == "__main__":
    main()
