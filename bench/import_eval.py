"""How well the importer recovers the example archive from the seed minutes.

Imports the seed files in ../shared/seeds/ (five meetings in four files) with the registries
of content/, and compares each draft with the hand-made protocol of the same body and date in
content/: precision, recall and F1 of

- items: the same number (or both unnumbered) and nearly the same title (similarity >= 0.8);
- presenters: a name on the matching item;
- decisions: a `beslut`/`ställningstagande` block on the matching item whose words overlap the
  hand-made one's (Dice >= 0.6), matched one to one;
- attendees: a name in the same list (present, absent, staff, guests);

per meeting and overall (micro-averaged), plus the header facts each draft got right and the
problems `protokollarkivet check` finds in the drafts. Nothing is written to content/.

    .venv/bin/python bench/import_eval.py [--seeds DIR] [--content DIR] [--show]
"""

from __future__ import annotations

import argparse
import difflib
import re
import shutil
import sys
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.importer.pipeline import import_file  # noqa: E402
from generator.importer.registry import load_registries  # noqa: E402
from generator.load import BODIES_FILE, TOPICS_FILE, load_archive, read_archive  # noqa: E402
from generator.model import Item, Meeting  # noqa: E402

GOALS = {"items": 0.95, "presenters": 0.9, "decisions": 0.9, "attendees": 0.9}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold()
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    return " ".join(re.sub(r"[^\w\s-]", " ", text).split())


def person(name: str) -> str:
    return norm(re.sub(r"\s*\([^)]*\)\s*$", "", name))


def similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, norm(a), norm(b)).ratio()


def dice(a: str, b: str) -> float:
    wa, wb = Counter(norm(a).split()), Counter(norm(b).split())
    total = sum(wa.values()) + sum(wb.values())
    return 2 * sum((wa & wb).values()) / total if total else 0.0


def match_items(gold: list[Item], found: list[Item]) -> dict[int, int]:
    """found index -> gold index, one to one, in order."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for fi, item in enumerate(found):
        best, best_score = None, 0.0
        for gi, wanted in enumerate(gold):
            if gi in used or (wanted.number or None) != (item.number or None):
                continue
            score = similar(wanted.title, item.title)
            if score >= 0.8 and score > best_score:
                best, best_score = gi, score
        if best is not None:
            pairs[fi] = best
            used.add(best)
    return pairs


def compare(gold: Meeting, found: Meeting) -> dict[str, Score]:
    scores = {name: Score() for name in GOALS}
    pairs = match_items(list(gold.items), list(found.items))
    items = scores["items"]
    items.tp = len(pairs)
    items.fp = len(found.items) - len(pairs)
    items.fn = len(gold.items) - len(pairs)
    items.extras = [found.items[i].label for i in range(len(found.items)) if i not in pairs]
    items.misses = [gold.items[i].label for i in range(len(gold.items)) if i not in set(pairs.values())]

    def key(index: int, found_side: bool) -> str:
        if found_side:
            return gold.items[pairs[index]].anchor if index in pairs else f"?{found.items[index].anchor}"
        return gold.items[index].anchor

    for name, extract in (("presenters", lambda item: [p.name for p in item.presenters]),):
        wanted = {(key(i, False), person(n)) for i, item in enumerate(gold.items) for n in extract(item)}
        got = {(key(i, True), person(n)) for i, item in enumerate(found.items) for n in extract(item)}
        _set_score(scores[name], wanted, got)

    decisions = scores["decisions"]
    by_gold: dict[str, list[str]] = {gold.items[i].anchor: [b.text for b in item.decisions] for i, item in enumerate(gold.items)}
    by_found: dict[str, list[str]] = {}
    for i, item in enumerate(found.items):
        by_found.setdefault(key(i, True), []).extend(b.text for b in item.decisions)
    for anchor in set(by_gold) | set(by_found):
        wanted, got = list(by_gold.get(anchor, [])), list(by_found.get(anchor, []))
        for text in got:
            best = max(range(len(wanted)), key=lambda j: dice(text, wanted[j]), default=None)
            if best is not None and dice(text, wanted[best]) >= 0.6:
                decisions.tp += 1
                wanted.pop(best)
            else:
                decisions.fp += 1
                decisions.extras.append(f"{anchor}: {text[:70]}")
        decisions.fn += len(wanted)
        decisions.misses.extend(f"{anchor}: {text[:70]}" for text in wanted)

    lists = ("present", "absent", "staff", "guests")
    wanted = {(name, person(a.name)) for name in lists for a in getattr(gold, name)}
    got = {(name, person(a.name)) for name in lists for a in getattr(found, name)}
    _set_score(scores["attendees"], wanted, got)
    return scores


def _set_score(score: Score, wanted: set, got: set) -> None:
    score.tp = len(wanted & got)
    score.fp = len(got - wanted)
    score.fn = len(wanted - got)
    score.misses = sorted(" ".join(k) for k in wanted - got)
    score.extras = sorted(" ".join(k) for k in got - wanted)


FACTS = ("body", "kind", "date", "end_date", "diarienummer", "place", "time")


def facts(gold: Meeting, found: Meeting) -> tuple[int, list[str]]:
    wrong = []
    for name in FACTS:
        a, b = getattr(gold, name), getattr(found, name)
        if name == "diarienummer":
            a, b = (a.normalised if a else None), (b.normalised if b else None)
        if name == "time":
            a, b = (norm(a) if a else None), (norm(b) if b else None)
        if a != b:
            wrong.append(f"{name}: {b!r}, expected {a!r}")
    return len(FACTS) - len(wrong), wrong


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--show", action="store_true", help="list every miss and extra")
    args = parser.parse_args(argv)

    gold = {(m.body, m.date): m for m in load_archive(args.content).meetings}
    registries = load_registries(args.content)
    seeds = sorted(p for p in args.seeds.iterdir() if p.suffix in (".txt", ".md", ".pdf", ".docx") and p.name.lower() != "readme.md")
    scratch = Path(tempfile.mkdtemp(prefix="import-eval-"))
    try:
        out = scratch / "content"
        out.mkdir()
        for name in (BODIES_FILE, TOPICS_FILE):
            shutil.copyfile(args.content / name, out / name)
        check_problems: dict[str, int] = {}
        for seed in seeds:
            result = import_file(seed, registries, args.content, out)
            if result.error:
                print(f"{seed.name}: {result.error}")
            for meeting in result.meetings:
                check_problems[str(meeting.draft.relative_to(out))] = len(meeting.outcome.problems)
        archive, problems = read_archive(out)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    found = {(m.body, m.date): m for m in (archive.meetings if archive else [])}

    total = {name: Score() for name in GOALS}
    facts_right = facts_total = 0
    header = f"{'meeting':<28} {'check':>5}  " + "  ".join(f"{n:>22}" for n in GOALS) + "   facts"
    print(header)
    print(f"{'':<28} {'':>5}  " + "  ".join(f"{'P     R     F1':>22}" for _ in GOALS))
    details = []
    for key in sorted(gold, key=lambda k: (k[1], k[0])):
        wanted = gold[key]
        label = f"{key[0]} {key[1]}"
        got = found.get(key)
        if got is None:
            print(f"{label:<28} not imported")
            for name in GOALS:
                total[name].fn += {"items": len(wanted.items)}.get(name, 0)
            continue
        scores = compare(wanted, got)
        right, wrong = facts(wanted, got)
        facts_right += right
        facts_total += len(FACTS)
        path = f"{key[0]}/{got.slug}.md"
        cells = "  ".join(f"{s.precision:5.2f} {s.recall:5.2f} {s.f1:5.2f}".rjust(22) for s in scores.values())
        print(f"{label:<28} {check_problems.get(path, 0):>5}  {cells}   {right}/{len(FACTS)}")
        for name, score in scores.items():
            total[name].add(score)
            if args.show:
                details.extend(f"  {label} {name} missed: {m}" for m in score.misses)
                details.extend(f"  {label} {name} extra:  {e}" for e in score.extras)
        if args.show:
            details.extend(f"  {label} fact {w}" for w in wrong)
    for key in sorted(set(found) - set(gold), key=str):
        print(f"{key[0]} {key[1]}: imported, but no such meeting in {args.content}")
    cells = "  ".join(f"{s.precision:5.2f} {s.recall:5.2f} {s.f1:5.2f}".rjust(22) for s in total.values())
    print(f"{'overall':<28} {sum(check_problems.values()):>5}  {cells}   {facts_right}/{facts_total}")
    print()
    print("counts (tp/fp/fn): " + "; ".join(f"{n} {s.tp}/{s.fp}/{s.fn}" for n, s in total.items()))
    met = [f"{n} F1 {total[n].f1:.3f} {'>=' if total[n].f1 >= goal else '<'} {goal}" for n, goal in GOALS.items()]
    print("goals: " + "; ".join(met))
    if details:
        print()
        print("\n".join(details))
    return 0 if all(total[n].f1 >= goal for n, goal in GOALS.items()) else 1


if __name__ == "__main__":
    sys.exit(main())
