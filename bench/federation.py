"""How far a federation portal goes: members of bench/synth.py archives, each built as its own
archive, then a portal built from their published sites (local folders).

    python bench/federation.py --members 4 --protocols 500 [--work DIR]

It prints, for the portal: the build's wall time and peak memory, the members' open data it read
(files, bytes), its search index (files, bytes, the manifest's bytes, which every query fetches
first) and a second build with one member unreadable (its last copy taken from the cache). The
members' own builds are printed as they go but are not the portal's cost: each member builds in
its own CI.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.build import timed  # noqa: E402
from bench.synth import generate  # noqa: E402


def _config(url: str, options: str = "") -> str:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("custom_dir: theme", f"custom_dir: {ROOT / 'theme'}")
    config = config.replace("https://protokollarkivet.example.se/", url).replace("strict: true", "strict: false")
    if options:
        config = re.sub(r"(?s)  - protokollarkivet:\n.*?\nvalidation:", f"  - protokollarkivet:\n{options}\nvalidation:", config)
    return config


def member(work: Path, number: int, protocols: int) -> tuple[str, str]:
    """A synthetic member archive, built; its registry entry's key and published URL."""
    key, url = f"medlem{number}", f"https://medlem{number}.example/"
    folder = work / key
    content = generate(folder, protocols, seed=7 + number)
    bodies = content / "bodies.yml"
    bodies.write_text(bodies.read_text(encoding="utf-8").replace("Exempelregionen", f"Medlem {number}"), encoding="utf-8")
    (folder / "mkdocs.yml").write_text(_config(url), encoding="utf-8")
    seconds, memory = timed([sys.executable, "-m", "mkdocs", "build", "-q"], folder)
    print(f"member {key}: {protocols} protocols built in {seconds:.1f} s ({memory:.0f} MB)", flush=True)
    return key, url


def size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--members", type=int, default=4)
    parser.add_argument("--protocols", type=int, default=500, help="protocols per member")
    parser.add_argument("--work", type=Path)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="federation-bench-"))
    entries = [member(work, n + 1, args.protocols) for n in range(args.members)]
    portal = work / "portal"
    (portal / "content").mkdir(parents=True, exist_ok=True)
    (portal / "mkdocs.yml").write_text(_config("https://portal.example/", "      organisation: Portalen\n      federation: federation.yml\n"),
                                       encoding="utf-8")
    (portal / "federation.yml").write_text("".join(
        f"- key: {key}\n  name: Medlem {key[6:]}\n  url: {url}\n  path: ../{key}/site\n" for key, url in entries), encoding="utf-8")
    data = [size(work / key / "site" / "data") for key, _ in entries]
    seconds, memory = timed([sys.executable, "-m", "mkdocs", "build", "-q"], portal)
    files, total = size(portal / "site" / "sok" / "index")
    manifest = (portal / "site" / "sok" / "index" / "manifest.json").stat().st_size
    print(f"portal over {args.members} members, {args.members * args.protocols} protocols: built in {seconds:.1f} s, "
          f"peak {memory:.0f} MB; read {sum(f for f, _ in data)} open-data files ({sum(b for _, b in data) / 1e6:.1f} MB, "
          f"CSV and schemas included); search index {files} files, {total / 1e6:.1f} MB, manifest {manifest / 1e3:.1f} kB")
    shutil.rmtree(work / entries[0][0] / "site")
    seconds, memory = timed([sys.executable, "-m", "mkdocs", "build", "-q"], portal)
    print(f"again with {entries[0][0]} unreadable (its last copy from the cache): {seconds:.1f} s, peak {memory:.0f} MB")
    if args.work is None:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
