"""A realistic synthetic archive in Protokollarkivet's format, for benchmarks.

    python bench/synth.py OUT_DIR --protocols 1000 [--seed 7] [--vocabulary heaps|unique]

About 20 bodies over about 10 years, about 12 items per protocol (~8 KB each), with Swedish
vocabulary: the example archive's own words, wordfreq's common Swedish words, and compounds
made from them (samverkans|koordinator), names, diarienummer, decisions and presenters.
The same arguments always give the same archive.

How many distinct words an archive holds drives the search index (its terms, its counting, its
process's memory), so the archive's vocabulary grows as real minutes' does (`heaps`, the default):
words and compounds are drawn with Zipf's law, a few often and most rarely, and the distinct
words of the first 10,000 to 90,000 words written follow those of the real minutes in
`../shared` (`bench/vocabulary.py` prints both), growing a little faster at the end of that range.
Until 2026-12-06 every eighth word was a compound made anew (`unique`, kept to compare with the
figures measured then): its vocabulary grew with the archive itself, 776,263 distinct tokens at
10,000 protocols, 734,940 of them compounds the search index split, where no real archive's does.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BODY_NAMES = [
    "Socialnämnden", "Kommunstyrelsen", "Hälso- och sjukvårdsnämnden", "Länssamverkansgruppen", "Samråd vård och omsorg",
    "Barn- och utbildningsnämnden", "Omsorgsnämnden", "Tekniska nämnden", "Kultur- och fritidsnämnden", "Miljönämnden",
    "Byggnadsnämnden", "Regionstyrelsen", "Primärvårdsnämnden", "Folkhälsonämnden", "Äldrenämnden",
    "Arbetsmarknadsnämnden", "Beredning barn och unga", "Beredning vuxna och äldre", "Hjälpmedelsrådet",
    "Samverkansråd patientsäkerhet",
]
FIRST = ["Anna", "Erik", "Karin", "Lars", "Maria", "Johan", "Eva", "Per", "Kerstin", "Anders", "Britta", "Jan", "Ingrid",
         "Mikael", "Helena", "Peter", "Sara", "Fredrik", "Linnea", "Björn", "Åsa", "Örjan", "Ulrica", "Katarina"]
LAST = ["Andersson", "Lindahl", "Edström", "Berggren", "Nilsson", "Wikström", "Lindberg", "Holm", "Sundqvist", "Åberg",
        "Öberg", "Lestander", "Henriksson", "Bergström", "Karlsson", "Forsell", "Nyström", "Ekström", "Söderlund"]
PLACES = ["Teams", "Kommunhuset", "Regionens hus, sal A", "Stadshuset", "Folkets hus", "Loka brunn"]
TYPES = ["Beslutsärende", "Informationsärende", "Muntligt informationsärende", "Skriftligt beslutsärende"]


def word_lists(rng: random.Random) -> tuple[list[str], list[str]]:
    """Common words and nouns for compounds, from the example archive and wordfreq."""
    import wordfreq

    own = set()
    for path in (ROOT / "content").rglob("*.md"):
        own |= {w for w in re.findall(r"[^\W\d_]+", path.read_text(encoding="utf-8")) if len(w) > 2}
    common = [w for w in wordfreq.top_n_list("sv", 30_000) if w.isalpha() and len(w) > 2]
    words = sorted(own) + common
    nouns = [w for w in sorted(own) if w.islower() and len(w) >= 6] + [w for w in common[3000:12000] if len(w) >= 6]
    rng.shuffle(nouns)
    return words, nouns[:3000]


COMPOUND_EXPONENT = 1.4
"""Zipf's exponent of the compounds' frequencies: the distinct compounds of n written grow as
n^(1 / 1.4). With the words' (below), the synthetic vocabulary follows the real minutes' from
10,000 to 90,000 words (bench/vocabulary.py)."""
VOCABULARIES = ("heaps", "unique")


def _compound(nouns: list[str], rank: int) -> str:
    """The compound of that rank in frequency: two nouns, joined with an -s- or not, the same for
    the same rank (a multiplicative hash spreads the ranks over the pairs)."""
    mixed = (rank * 2654435761 + 12345) & 0xFFFFFFFF
    return nouns[mixed % len(nouns)] + ("s" if mixed >> 12 & 1 else "") + nouns[(mixed >> 16) % len(nouns)]


def _zipf_rank(rng: random.Random, exponent: float) -> int:
    """A rank (from 0) drawn with probability falling as rank^-exponent, without bound."""
    return int((1.0 - rng.random()) ** (-1 / (exponent - 1))) - 1


def sentence(rng: random.Random, words: list[str], nouns: list[str], length: int, vocabulary: str = "heaps") -> str:
    out = []
    for _ in range(length):
        roll = rng.random()
        if roll < 0.12:  # a compound
            if vocabulary == "unique":
                out.append(rng.choice(nouns) + rng.choice(["s", ""]) + rng.choice(nouns))
            else:
                out.append(_compound(nouns, _zipf_rank(rng, COMPOUND_EXPONENT)))
        elif roll < 0.5:
            out.append(rng.choice(words[:400]))  # frequent words
        elif vocabulary == "unique":
            out.append(rng.choice(words))
        else:  # (Zipf's law with exponent 1 over the list: rank k about as often as 1/k)
            out.append(words[int(len(words) ** rng.random()) - 1])
    text = " ".join(out)
    return text[:1].upper() + text[1:] + "."


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def protocol(rng: random.Random, key: str, date: dt.date, number: int, words: list[str], nouns: list[str],
             vocabulary: str = "heaps") -> str:
    def said(length: int) -> str:
        return sentence(rng, words, nouns, length, vocabulary)

    present = sorted({person(rng) for _ in range(rng.randint(8, 16))})
    absent = sorted({person(rng) for _ in range(rng.randint(0, 3))} - set(present))
    lines = [
        "---", f"body: {key}", "kind: protokoll", f"date: {date.isoformat()}", 'time: "9.00–12.00"',
        f"place: {rng.choice(PLACES)}", f"diarienummer: {key[:3].upper()} {rng.randint(1, 900)}:{rng.randint(1, 9)}-{date.year}",
        "status: justerat", "present:",
    ]
    lines += [f"  - name: {name}\n    organisation: {rng.choice(['Umeå kommun', 'Region Västerbotten', 'Skellefteå kommun'])}"
              for name in present]
    if absent:
        lines += ["absent:"] + [f"  - name: {name}" for name in absent]
    lines += ["officials:", f"  chair: {present[0]}", f"  adjusters: [{present[-1]}]", "---", ""]
    for item in range(number, number + rng.randint(10, 14)):
        kind = rng.choice(TYPES)
        lines += [f"## {item}. {said(rng.randint(2, 6)).rstrip('.')}", "", f"Typ: {kind}",
                  f"Föredragande: {person(rng)}; {person(rng)}", ""]
        for _ in range(rng.randint(1, 2)):
            lines += [said(rng.randint(15, 40)), ""]
        if "beslut" in kind.lower():
            lines += ["::: beslut", f"Nämnden beslutade att {said(rng.randint(8, 20)).lower()}", ":::", ""]
    return "\n".join(lines) + "\n"


def generate(out: Path, protocols: int, seed: int = 7, vocabulary: str = "heaps") -> Path:
    """Write a synthetic archive of `protocols` meetings into `out/content`; return that path."""
    rng = random.Random(seed)
    words, nouns = word_lists(rng)
    content = out / "content"
    if content.exists():
        shutil.rmtree(content)
    content.mkdir(parents=True)
    bodies = [(f"organ-{i + 1:02d}", name) for i, name in enumerate(BODY_NAMES)]
    (content / "bodies.yml").write_text("".join(
        f"- key: {key}\n  name: {name}\n  organisation: Exempelregionen\n" for key, name in bodies), encoding="utf-8")
    shutil.copy(ROOT / "content" / "topics.yml", content / "topics.yml")
    per_body = protocols // len(bodies) + 1
    written = 0
    for key, _ in bodies:
        folder = content / key
        folder.mkdir()
        day = dt.date(2016, 1, 15) + dt.timedelta(days=rng.randint(0, 20))
        step = max(2, 3650 // per_body)  # about ten years of meetings
        number = 1
        for _ in range(per_body):
            if written >= protocols:
                break
            (folder / f"{day.isoformat()}.md").write_text(protocol(rng, key, day, number, words, nouns, vocabulary), encoding="utf-8")
            following = day + dt.timedelta(days=step + rng.randint(-(step // 4), step // 4))
            number = 1 if following.year != day.year else number + 14
            day = following
            written += 1
    return content


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--protocols", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--vocabulary", choices=VOCABULARIES, default="heaps",
                        help="heaps: grows as real minutes' does; unique: a compound made anew for every eighth word (before 2026-12-06)")
    args = parser.parse_args()
    content = generate(args.out, args.protocols, args.seed, args.vocabulary)
    files = list(content.rglob("*.md"))
    size = sum(f.stat().st_size for f in files)
    print(f"wrote {len(files)} protocols, {size / len(files) / 1024:.1f} KB on average, into {content}")


if __name__ == "__main__":
    main()
