"""How an archive's vocabulary grows: distinct words among the first n words written, of the real
minutes in ../shared and of bench/synth.py's archives (both of its vocabularies).

    python bench/vocabulary.py [--protocols 1500] [--shared ../shared]

The search index's terms, its counting and its process's memory grow with the distinct words,
so a synthetic archive is only as telling as its vocabulary is real. Words are the index's own
tokens (`generator.search.analysis.tokenize`) made of letters only: numbers, dates and
diarienummer are left out of both counts. The real minutes are read in the order of their
files, seeds first (extracted text, Markdown, LaTeX and Typst as they are: a markup command is
one more word that recurs). Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synth import VOCABULARIES, protocol, word_lists  # noqa: E402
from generator.search.analysis import tokenize  # noqa: E402

MARKS = (10_000, 25_000, 50_000, 90_000, 250_000, 1_000_000)
REAL_SUFFIXES = (".txt", ".md", ".tex", ".typ")


def distinct_at(texts: Iterable[str], marks: tuple[int, ...] = MARKS) -> dict[int, int]:
    """Distinct words among the first n written, for each n of `marks` the texts reach."""
    seen: set[str] = set()
    written, found, pending = 0, {}, list(marks)
    for text in texts:
        for word in tokenize(text):
            if not word.isalpha():
                continue
            written += 1
            seen.add(word)
            if pending and written == pending[0]:
                found[pending.pop(0)] = len(seen)
        if not pending:
            break
    return found


def real_minutes(shared: Path) -> Iterator[str]:
    files = sorted((shared / "seeds").glob("*.txt")) + sorted(
        path for path in (shared / "corpus" / "docs").iterdir() if path.suffix in REAL_SUFFIXES)
    for path in files:
        yield path.read_text(encoding="utf-8", errors="replace")


def synthetic(protocols: int, vocabulary: str, seed: int = 7) -> Iterator[str]:
    rng = random.Random(seed)
    words, nouns = word_lists(rng)
    day = dt.date(2016, 1, 15)
    for number in range(protocols):
        yield protocol(rng, "organ-01", day + dt.timedelta(days=7 * number), 1, words, nouns, vocabulary)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--protocols", type=int, default=1500, help="synthetic protocols read at most (1,500: about a million words)")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    rows = [("real minutes (seeds, corpus)", distinct_at(real_minutes(args.shared)))]
    rows += [(f"bench/synth.py --vocabulary {kind}", distinct_at(synthetic(args.protocols, kind))) for kind in VOCABULARIES]
    print(f"{'distinct words among the first':<40}" + "".join(f"{mark:>11,}" for mark in MARKS))
    for label, found in rows:
        print(f"{label:<40}" + "".join(f"{found[mark]:>11,}" if mark in found else f"{'':>11}" for mark in MARKS))


if __name__ == "__main__":
    main()
