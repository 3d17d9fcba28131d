"""How well the importer reads minutes: the seeds against the example archive, and a corpus of
other bodies' minutes against its ground truth.

**Seeds.** Imports the seed files in ../shared/seeds/ (five meetings in four files) with the registries
of content/, and compares each draft with the hand-made protocol of the same body and date in
content/: precision, recall and F1 of

- items: the same number (or both unnumbered) and nearly the same title (similarity >= 0.8);
- presenters: a name on the matching item;
- decisions: a `beslut`/`ställningstagande` block on the matching item whose words overlap the
  hand-made one's (Dice >= 0.6), matched one to one;
- attendees: a name in the same list (present, absent, staff, guests);

per meeting and overall (micro-averaged), plus the header facts each draft got right and the
problems `protokollarkivet check` finds in the drafts. Nothing is written to content/.

**Corpus.** Imports every document listed in `../shared/corpus/corpus.yaml` (real minutes of
bodies none of the rules were written for; the example registries know none of them, as for a
new user) and scores the 20 with a `ground_truth` block, per body and overall:

- items: the same number as printed (`§11`, `4.1`, `12.` and `11` are one number; both
  unnumbered counts as the same) and nearly the same title (similarity >= 0.7), one to one;
- decisions: each ground-truth decision of an item against the decision statements found on the
  matching item (a `beslut`/`ställningstagande` block split into its paragraphs and list entries,
  an introduction ending in ':' read with each entry): a match when the statement holds at least
  half of the truth's words and the truth at least a fifth of the statement's, one to one;
- presenters: a person on the matching item (a given name alone matches the full name);
- documents refused: files the importer could not import at all (of every document, not only
  the judged ones);

plus the time it took (files per second) and the peak memory. Rules are written against the
development bodies (`DEVELOPMENT`); the others are held out, and their rows say so.

    .venv/bin/python bench/import_eval.py [--only seeds|corpus] [--seeds DIR] [--content DIR]
                                          [--corpus DIR] [--show]
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
from generator.parallel import cores, map_in_workers  # noqa: E402
from generator.importer.registry import load_registries  # noqa: E402
from generator.load import BODIES_FILE, TOPICS_FILE, load_archive, read_archive  # noqa: E402
from generator.model import Item, Meeting  # noqa: E402

GOALS = {"items": 0.95, "presenters": 0.9, "decisions": 0.9, "attendees": 0.9}
CORPUS_GOALS = {"items": 0.9, "decisions": 0.8}
"""Recall goals on the corpus (issue 14)."""
DEVELOPMENT = ("stacken", "lithekod")
"""Corpus bodies the rules may be written against; the others are held out (never read while
writing rules)."""


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
    parser.add_argument("--only", choices=("seeds", "corpus"), help="run one of the two evaluations")
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--show", action="store_true", help="list every miss and extra")
    args = parser.parse_args(argv)
    status = 0
    if args.only in (None, "seeds"):
        status |= seeds_main(args)
    if args.only in (None, "corpus"):
        if args.only is None:
            print()
        status |= corpus_main(args)
    return status


def seeds_main(args: argparse.Namespace) -> int:
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


# -- the corpus ---------------------------------------------------------------------------------

_STOP = frozenset("att och i på till av för som med den det de en ett är om har var vid från".split())


@dataclass(slots=True)
class FoundItem:
    """An imported item as the scoring sees it: its number as printed, title, decision
    statements and presenters."""

    number: str | None
    title: str
    decisions: list[str]
    presenters: list[str]
    blocks: Counter = field(default_factory=Counter)
    """How many blocks of each kind of motion the item has (`yrkande`, `omröstning`, `reservation`)."""


def number_key(number: object) -> str | None:
    """`§11`, `§ 11`, `11.`, `11` -> `11`; `7 a)` -> `7a`; `KS § 123` -> `ks123`: one form to compare."""
    if number is None:
        return None
    text = str(number).casefold().replace("§", " ").strip()
    text = re.sub(r"^(?:punkt|ärende|paragraf)\s+", "", text)
    text = re.sub(r"[\s)]+", "", text).rstrip(".:")
    return text or None


def words(text: str) -> Counter:
    return Counter(w for w in norm(text).split() if w not in _STOP)


_DECIDES = re.compile(r"\b(?:bifalles|bifalls|bifölls|avslås|avslogs|godkänns|godkändes|väljs|valdes|fastställs|fastställdes|"
                      r"antas|antogs|beslutar|beslutade|utses|utsågs|bordläggs|bordlades|läggs|lades|noteras|noterades)\b", re.I)
"""A decision's verb: a list entry that has one states a decision of its own ("Emmie Berger väljs
till protokolljusterare"), however short."""


def statements(text: str) -> list[str]:
    """A decision block's statements: paragraphs and list entries; an introduction that ends in
    ':' is read with each entry below it. Entries are statements of their own when they are
    att-lines, `Label: value` lines, sentences or say a decision's verb; a list of names or
    amounts is one statement."""
    out: list[str] = []
    intro = ""
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        lines = [l for l in paragraph.split("\n") if l.strip()]
        entries = [l for l in lines if re.match(r"^\s*(?:[-*+]|\d+[.)])\s+", l)]
        separate = [e for e in entries if re.match(r"^\s*(?:[-*+]|\d+[.)])\s+(?:att\b|[\w ./-]{1,30}:\s|(?:\S+\s+){5})", e, re.I)
                    or _DECIDES.search(e)]
        if entries and len(separate) < len(entries):  # a list of names or amounts: one statement with its introduction
            out.append(" ".join(filter(None, (intro, *(re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", l).strip() for l in lines)))))
            intro = ""
            continue
        if entries:
            head = " ".join(l.strip() for l in lines if l not in entries)
            lead = " ".join(filter(None, (intro, head)))
            out.extend(" ".join(filter(None, (lead, re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", e)))) for e in entries)
            intro = ""
            continue
        joined = " ".join(l.strip() for l in lines)
        if joined.endswith(":"):
            intro = joined
            continue
        if intro:
            out.append(intro)
            intro = ""
        out.append(joined)
    if intro:
        out.append(intro)
    return [s for s in out if s.strip()]


def decision_match(truth: str, found: str) -> float:
    """How well a found statement states a ground-truth decision: 0 unless it holds at least half
    of the truth's words and the truth at least a fifth of its words. The truth's summaries in
    parentheses ("... enligt förslaget (medlemsavgifter +5000, ...)") are left out, and a truth in
    parts ("X väljs till ordförande — attsatsen bifalles") is stated by a statement of either part."""
    core = re.sub(r"\([^()]*\)", " ", truth)
    parts = [core] + [p for p in re.split(r"\s+[—–]\s+|;\s+", core) if len(words(p)) >= 2]
    if (labelled := re.match(r"^[^:]{1,90}?:\s+(?P<rest>.+)$", core)) and len(words(labelled["rest"])) >= 2:
        parts.append(labelled["rest"])  # "b. Kassör: Mötet väljer Per Al": the label is context
    best = 0.0
    for part in parts:
        want, got = words(part), words(found)
        if not want or not got:
            continue
        common = sum((want & got).values())
        coverage, focus = common / sum(want.values()), common / sum(got.values())
        if coverage >= 0.5 and focus >= 0.2:
            best = max(best, coverage + focus)
    return best


def same_presenter(truth: str, found: str) -> bool:
    want, got = person(truth).split(), person(found).split()
    return bool(got) and (want == got or (len(got) < len(want) and got == want[:len(got)]))


def match_corpus_items(gold: list[dict], found: list[FoundItem]) -> dict[int, int]:
    """found index -> gold index: the same number and a similar title, best pairs first."""
    candidates = []
    for fi, item in enumerate(found):
        for gi, wanted in enumerate(gold):
            if number_key(wanted.get("number")) != number_key(item.number):
                continue
            score = similar(str(wanted["title"]), item.title)
            if score >= 0.7:
                candidates.append((-score, abs(fi - gi), fi, gi))
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, _, fi, gi in sorted(candidates):
        if fi not in pairs and gi not in used:
            pairs[fi] = gi
            used.add(gi)
    return pairs


MOTIONS = {"yrkanden": "yrkande", "votes": "omröstning", "reservationer": "reservation"}
"""The ground truth's lists of an item's proposals, votes and dissents, and the kind of block that
holds each: scored by count on the matching item (how many the truth lists, how many the importer
made), since a vote's truth is its count and a proposal's its gist."""


def score_document(gold: list[dict], found: list[FoundItem]) -> dict[str, Score]:
    scores = {name: Score() for name in ("items", "decisions", "presenters", *MOTIONS)}
    pairs = match_corpus_items(gold, found)
    by_gold = {gi: fi for fi, gi in pairs.items()}
    items = scores["items"]
    items.tp, items.fp, items.fn = len(pairs), len(found) - len(pairs), len(gold) - len(pairs)
    items.extras = [f"{f.number or '-'} {f.title}" for i, f in enumerate(found) if i not in pairs]
    items.misses = [f"{g.get('number') or '-'} {g['title']}" for i, g in enumerate(gold) if i not in by_gold]
    decisions, presenters = scores["decisions"], scores["presenters"]
    for gi, wanted in enumerate(gold):
        label = f"{wanted.get('number') or '-'} {str(wanted['title'])[:30]}"
        truths = [str(d["text"]) for d in wanted.get("decisions") or []]
        got = list(found[by_gold[gi]].decisions) if gi in by_gold else []
        options = sorted(((-decision_match(t, g), ti, fi) for ti, t in enumerate(truths) for fi, g in enumerate(got)
                          if decision_match(t, g)))
        matched_truths: set[int] = set()
        matched_found: set[int] = set()
        for _, ti, fi in options:
            if ti not in matched_truths and fi not in matched_found:
                matched_truths.add(ti)
                matched_found.add(fi)
        decisions.tp += len(matched_truths)
        decisions.fn += len(truths) - len(matched_truths)
        decisions.fp += len(got) - len(matched_found)
        decisions.misses += [f"{label}: {t[:80]}" for ti, t in enumerate(truths) if ti not in matched_truths]
        decisions.extras += [f"{label}: {g[:80]}" for fi, g in enumerate(got) if fi not in matched_found]
        names = [str(n) for n in wanted.get("presenters") or []]
        found_names = list(found[by_gold[gi]].presenters) if gi in by_gold else []
        hit = [n for n in names if any(same_presenter(n, f) for f in found_names)]
        presenters.tp += len(hit)
        presenters.fn += len(names) - len(hit)
        presenters.fp += sum(1 for f in found_names if not any(same_presenter(n, f) for n in names))
        presenters.misses += [f"{label}: {n}" for n in names if n not in hit]
        for name, kind in MOTIONS.items():
            wanted_count = len(wanted.get(name) or [])
            got_count = found[by_gold[gi]].blocks[kind] if gi in by_gold else 0
            _count_score(scores[name], wanted_count, got_count, label)
    for fi, item in enumerate(found):
        if fi not in pairs:
            decisions.fp += len(item.decisions)
            presenters.fp += len(item.presenters)
            for name, kind in MOTIONS.items():
                _count_score(scores[name], 0, item.blocks[kind], f"(no item) {item.number or '-'} {item.title[:30]}")
            decisions.extras += [f"(no item) {item.number or '-'} {item.title[:30]}: {d[:80]}" for d in item.decisions]
    return scores


def _count_score(score: Score, wanted: int, got: int, label: str) -> None:
    hit = min(wanted, got)
    score.tp += hit
    score.fn += wanted - hit
    score.fp += got - hit
    if wanted > hit:
        score.misses.append(f"{label}: {wanted - hit} of {wanted}")
    if got > hit:
        score.extras.append(f"{label}: {got - hit} more than {wanted}")


def found_items(result) -> list[FoundItem]:
    """Every item of every meeting the importer found in one file, in order."""
    out = []
    for meeting in result.meetings:
        for item in meeting.meeting.items:
            texts = [s for part in item.decisions for s in statements(part.text)]
            out.append(FoundItem(item.number, item.title, texts, [p.name for p in item.presenters],
                                 Counter(part.block for part in item.parts if part.kind == "block")))
    return out


def _import_one(task: tuple[str, str, str]):
    """One file as `protokollarkivet import DIR` reads it (in a worker), nothing written."""
    from generator.importer.pipeline import read_file

    path, registries_dir, out = task
    result = read_file(Path(path), _worker_registries(registries_dir), Path(registries_dir), Path(out))
    present = sum(len(m.meeting.present) + len(m.meeting.staff) + len(m.meeting.guests) for m in result.meetings)
    return (path, result.error, found_items(result), len(result.meetings), sum(len(m.outcome.problems) for m in result.meetings),
            present)


_REGISTRIES: dict[str, object] = {}


def _worker_registries(directory: str):
    if directory not in _REGISTRIES:
        _REGISTRIES[directory] = load_registries(Path(directory))
    return _REGISTRIES[directory]


def corpus_main(args: argparse.Namespace) -> int:
    import resource
    import time

    import yaml

    listing = args.corpus / "corpus.yaml"
    if not listing.is_file():
        print(f"corpus: {listing} not found; nothing to evaluate")
        return 0
    corpus = yaml.safe_load(listing.read_text(encoding="utf-8"))
    key_of = {entry["name"]: key for key, entry in corpus["bodies"].items()}
    documents = corpus["documents"]
    scratch = Path(tempfile.mkdtemp(prefix="import-eval-corpus-"))
    try:
        tasks = [(str(args.corpus / d["file"]), str(args.content), str(scratch)) for d in documents]
        _worker_registries(str(args.content))  # read once, inherited by the workers
        started = time.perf_counter()
        results = {path: rest for path, *rest in map_in_workers(_import_one, tasks, at_least=2)}
        seconds = time.perf_counter() - started
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024

    bodies = sorted(corpus["bodies"], key=lambda k: (k not in DEVELOPMENT, k))
    totals = {key: {n: Score() for n in ("items", "decisions", "presenters", *MOTIONS)} for key in [*bodies, "held out", "overall"]}
    refused = Counter()
    files = Counter()
    judged = Counter()
    problems = Counter()
    details: list[str] = []
    headcounts: list[tuple[int, int]] = []
    """(persons present as judged, attendees found) of each document whose truth counts them."""
    for document in documents:
        body = key_of[document["body"]]
        error, items, meetings, check, present = results[str(args.corpus / document["file"])]
        files[body] += 1
        problems[body] += check
        if error:
            refused[body] += 1
            details.append(f"  {document['file']}: refused: {error}")
        truth = document.get("ground_truth")
        if not truth:
            continue
        judged[body] += 1
        if (counted := (truth.get("attendees") or {}).get("present")) is not None:
            headcounts.append((counted, present))
            if args.show and counted != present:
                details.append(f"  {document['file']} attendees: {present} found, {counted} present")
        scores = score_document(truth["items"], [] if error else items)
        groups = [body, "overall"] + ([] if body in DEVELOPMENT else ["held out"])
        for name, score in scores.items():
            for group in groups:
                totals[group][name].add(score)
            if args.show:
                details.extend(f"  {document['file']} {name} missed: {m}" for m in score.misses)
                details.extend(f"  {document['file']} {name} extra:  {e}" for e in score.extras)

    print("corpus (ground truth of 20 documents; every document imported)")
    head = f"{'body':<31} {'files':>5} {'judged':>6} {'refused':>7} {'check':>5}   {'items R':>7} {'items P':>7}   " \
           f"{'dec R':>6} {'dec P':>6}   {'pres R':>6} {'pres P':>6}"
    print(head)
    for group in [*bodies, "held out", "overall"]:
        members = bodies if group == "overall" else [b for b in bodies if b not in DEVELOPMENT] if group == "held out" else [group]
        t = totals[group]
        label = group + ("" if group in ("held out", "overall") or group in DEVELOPMENT else " (held out)")
        print(f"{label:<31} {sum(files[b] for b in members):>5} {sum(judged[b] for b in members):>6} "
              f"{sum(refused[b] for b in members):>7} {sum(problems[b] for b in members):>5}   "
              f"{t['items'].recall:7.2f} {t['items'].precision:7.2f}   {t['decisions'].recall:6.2f} {t['decisions'].precision:6.2f}   "
              f"{t['presenters'].recall:6.2f} {t['presenters'].precision:6.2f}")
    print()
    print(f"{'proposals, votes, dissents':<31} {'yrk R':>6} {'yrk P':>6}   {'vote R':>6} {'vote P':>6}   {'res R':>6} {'res P':>6}")
    for group in ("held out", "overall"):
        t = totals[group]
        print(f"{group:<31} " + "   ".join(f"{t[n].recall:6.2f} {t[n].precision:6.2f}" for n in MOTIONS))
    exact = sum(1 for counted, found in headcounts if counted == found)
    none = sum(1 for counted, found in headcounts if counted and not found)
    print(f"attendees: {exact} of {len(headcounts)} documents whose truth counts those present have that many attendees; "
          f"{none} have none")
    overall = totals["overall"]
    print()
    print("counts (tp/fp/fn): " + "; ".join(f"{n} {s.tp}/{s.fp}/{s.fn}" for n, s in overall.items()))
    print(f"timing: {len(documents)} files in {seconds:.1f} s ({len(documents) / seconds:.1f} files/s) on {cores()} core(s), "
          f"peak memory {peak:.0f} MB (the largest process)")
    met = [f"{n} recall {overall[n].recall:.3f} {'>=' if overall[n].recall >= goal else '<'} {goal}"
           for n, goal in CORPUS_GOALS.items()]
    print("goals: " + "; ".join(met))
    if details:
        print()
        print("\n".join(details))
    FIGURES.clear()
    FIGURES.update({group: {name: (score.recall, score.precision) for name, score in totals[group].items()}
                    for group in totals})
    FIGURES["refused"] = sum(refused.values())
    return 0 if all(overall[n].recall >= goal for n, goal in CORPUS_GOALS.items()) else 1


FIGURES: dict = {}
"""The last corpus run's (recall, precision) per group and measure, and the files refused (for tests)."""


if __name__ == "__main__":
    sys.exit(main())
