"""The registries: which body the minutes are from, which topics an item is about.

Bodies are matched on their name, short name and former names (exactly, as whole words, or
nearly: "Länsamverkansgruppen" is Länssamverkansgruppen's former spelling). A body not in the
registry gets a proposed entry, never a silently invented key: the report shows the entry to
add to bodies.yml.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path


from ..load import BODIES_FILE, TOPICS_FILE, read_registries
from ..schema import BodyIn, TopicIn
from ..text import slug


@dataclass(slots=True)
class Registries:
    bodies: list[BodyIn] = field(default_factory=list)
    topics: list[TopicIn] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def body(self, key: str) -> BodyIn | None:
        return next((b for b in self.bodies if b.key == key), None)


def load_registries(content: Path) -> Registries:
    """The registries as the archive's loader reads them; entries that `check` rejects are left
    out and the report says so."""
    registries = Registries()
    for name in (BODIES_FILE, TOPICS_FILE):
        if not (content / name).is_file():
            registries.notes.append(f"{content / name} not found: no {name.split('.')[0]} to match against")
    bodies, topics, problems = read_registries(content)
    registries.bodies.extend(bodies)
    registries.topics.extend(topics)
    for problem in problems:
        if problem.field != "registry":  # a missing file is noted above
            registries.notes.append(f"{problem}; run 'protokollarkivet check'")
    return registries


def body_names(body: BodyIn) -> list[str]:
    names = [body.name, *(f.name for f in body.former_names)]
    if body.short_name:
        names.append(body.short_name)
    return names


@dataclass(slots=True)
class BodyMatch:
    key: str
    name: str
    how: str
    loc: str
    text: str


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s&/-]", " ", text).casefold().split())


def match_body(candidates: list[tuple[str, str]], registries: Registries) -> BodyMatch | None:
    """The registry body best named by the candidate lines `(text, loc)`."""
    best: tuple[float, BodyMatch] | None = None
    for text, loc in candidates:
        folded = _fold(text)
        if not folded:
            continue
        for body in registries.bodies:
            for name in body_names(body):
                wanted = _fold(name)
                if not wanted:
                    continue
                score = 0.0
                how = ""
                if folded == wanted:
                    score, how = 3.0, f"'{text}' is its name"
                elif (found := re.search(rf"(?<!\w){re.escape(wanted)}(?!\w)", folded)) and (len(wanted) >= 6 or name.isupper()) \
                        and not _NAME_GOES_ON.match(folded[found.end():]):
                    score, how = 2.0 + len(wanted) / 1000, f"'{text}' names it"
                else:
                    ratio = difflib.SequenceMatcher(None, folded, wanted).ratio()
                    if ratio >= 0.88:
                        score, how = 1.0 + ratio, f"'{text}' is close to '{name}'"
                if score and (best is None or score > best[0]):
                    best = (score, BodyMatch(body.key, body.name, how, loc, text))
    return best[1] if best else None


_NAME_GOES_ON = re.compile(r"^\s+(?:och|samt|för|&)\s")
"""After a registered name, words that make it a longer one ("Gemensamma nämnden för hjälpmedel" /
" och kommunikationsstöd"): another body's name."""


def propose_body(name: str, registries: Registries) -> dict:
    """A bodies.yml entry for a body the registry lacks; the key is a proposal to confirm."""
    acronym = re.search(r"\(([A-ZÅÄÖ]{2,8})\)", name)
    clean = re.sub(r"\s*\([^)]*\)", "", name).strip()
    if acronym:
        key = slug(acronym[1])
    else:
        words = [w for w in re.findall(r"[\wåäöÅÄÖ-]+", clean) if w.casefold() not in ("för", "och", "samt", "i", "av")]
        key = slug(" ".join(words[:3])) if words else "organ"
    key = key[:40].strip("-") or "organ"
    taken = {b.key for b in registries.bodies}
    base, n = key, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    clean = clean or name
    entry = {"key": key, "name": clean[:1].upper() + clean[1:], "organisation": "(fyll i huvudman)"}
    if acronym:
        entry["short_name"] = acronym[1]
    return entry


def match_topics(title: str, text: str, registries: Registries) -> list[tuple[str, str]]:
    """(topic key, why) for topics named in an item's title, or twice in its text."""
    found = []
    title_f, text_f = title.casefold(), text.casefold()
    for topic in registries.topics:
        terms = {topic.name, topic.key.replace("-", " "), *topic.synonyms}
        in_title = [t for t in terms if _mentions(title_f, t)]
        count = sum(len(re.findall(_term_pattern(t), text_f)) for t in terms if len(t) >= 3)
        if in_title:
            found.append((topic.key, f"the title names '{in_title[0]}'"))
        elif count >= 2:
            found.append((topic.key, f"the text names it {count} times"))
    return found


def _term_pattern(term: str) -> str:
    term = term.casefold().strip()
    # "hjälpmedel" also finds "hjälpmedelsfrågor": Swedish compounds; short terms whole words only
    tail = r"\w*" if len(term) >= 6 else r"(?!\w)"
    return rf"(?<!\w){re.escape(term)}{tail}"


def _mentions(text: str, term: str) -> bool:
    return len(term) >= 3 and re.search(_term_pattern(term), text) is not None
