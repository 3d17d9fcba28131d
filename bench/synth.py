"""A realistic synthetic archive in Protokollarkivet's format, for benchmarks.

    python bench/synth.py OUT_DIR --protocols 1000 [--seed 7]

About 20 bodies over about 10 years, about 12 items per protocol (~8 KB each), with Swedish
vocabulary: the example archive's own words, wordfreq's common Swedish words, and compounds
made from them (samverkans|koordinator), names, diarienummer, decisions and presenters.
The same arguments always give the same archive.
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


def vocabulary(rng: random.Random) -> tuple[list[str], list[str]]:
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


def sentence(rng: random.Random, words: list[str], nouns: list[str], length: int) -> str:
    out = []
    for _ in range(length):
        roll = rng.random()
        if roll < 0.12:
            out.append(rng.choice(nouns) + rng.choice(["s", ""]) + rng.choice(nouns))  # a compound
        elif roll < 0.5:
            out.append(rng.choice(words[:400]))  # frequent words
        else:
            out.append(rng.choice(words))
    text = " ".join(out)
    return text[:1].upper() + text[1:] + "."


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def protocol(rng: random.Random, key: str, date: dt.date, number: int, words: list[str], nouns: list[str]) -> str:
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
        lines += [f"## {item}. {sentence(rng, words, nouns, rng.randint(2, 6)).rstrip('.')}", "", f"Typ: {kind}",
                  f"Föredragande: {person(rng)}; {person(rng)}", ""]
        for _ in range(rng.randint(1, 2)):
            lines += [sentence(rng, words, nouns, rng.randint(15, 40)), ""]
        if "beslut" in kind.lower():
            lines += ["::: beslut", f"Nämnden beslutade att {sentence(rng, words, nouns, rng.randint(8, 20)).lower()}", ":::", ""]
    return "\n".join(lines) + "\n"


def generate(out: Path, protocols: int, seed: int = 7) -> Path:
    """Write a synthetic archive of `protocols` meetings into `out/content`; return that path."""
    rng = random.Random(seed)
    words, nouns = vocabulary(rng)
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
            (folder / f"{day.isoformat()}.md").write_text(protocol(rng, key, day, number, words, nouns), encoding="utf-8")
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
    args = parser.parse_args()
    content = generate(args.out, args.protocols, args.seed)
    files = list(content.rglob("*.md"))
    size = sum(f.stat().st_size for f in files)
    print(f"wrote {len(files)} protocols, {size / len(files) / 1024:.1f} KB on average, into {content}")


if __name__ == "__main__":
    main()
