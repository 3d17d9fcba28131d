"""Direct hits: a query that names one thing puts it first, as "Gå direkt till …".

What names one thing: a diarienummer in any printed form ("HSN: 200:3-2023", or its number
alone when only one number has it), a citation ("Länssamverkansgruppen 2023-09-15 § 28", "LSG §
28 2023": a body by its name, short name or key, a day or a year, a §), a body with a day (the
meeting), or a day alone when one meeting was held that day. `keys` reads a query into the keys
it may name; the browser does the same by the patterns the manifest carries (`browser_rules`).
The table (`table`) maps each key of the archive to [label, URL]; it is written in shards,
records of the `h/` packs, so that a query fetches the one shard its key is in (`shard`), and
only when it has a digit. A key that leads to a meeting or an item holds its search document's
number instead (`compact`): the browser reads the label (`label`) and URL from the document's
facts, which the results need anyway (labels and URLs written out were 12.8 of the index's 102 MB
at 10,000 protocols).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping

import numpy as np

from .. import dnr, urls
from ..labels import meeting_title
from ..model import Archive
from .analysis import _plain_tokens, browser_regex, is_exact, tokenize
from .documents import SearchDoc, item_title

DATE = re.compile(r"(?<![0-9])([0-9]{4}-[0-9]{2}-[0-9]{2})(?![0-9])")
PARAGRAPH = re.compile(r"§+\s*([0-9]+\s?[a-z]?)(?![a-zåäö0-9])", re.IGNORECASE)
YEAR = re.compile(r"(?<![0-9:/.-])((?:19|20)[0-9]{2})(?![0-9:/.-])")
SHARD_SIZE = 100
"""Keys per shard at most, about (a shard is about 4 kB compressed, read by the header box at every
key of a query with a digit; shards are records in packs, so their number costs no files)."""


def body_names(archive: Archive) -> dict[str, str]:
    """A body's names as a query writes them (its tokens, joined by a space) -> its key: the
    name, the short name, former names and the key itself."""
    claims: dict[str, set[str]] = {}
    for key in sorted(archive.bodies):
        body = archive.bodies[key]
        for name in (body.name, body.short_name, key, *(f.name for f in body.former_names)):
            written = " ".join(_plain_tokens(name or ""))
            if written:
                claims.setdefault(written, set()).add(key)
    # A name two bodies have (two municipalities' Socialnämnden in a federation portal) names
    # neither: no direct hit is better than the wrong one.
    return {written: next(iter(keys)) for written, keys in claims.items() if len(keys) == 1}


def keys(text: str, bodies: Mapping[str, str]) -> list[str]:
    """The keys a query may name, most specific first."""
    tokens = tokenize(text)
    out: list[str] = []
    if len(tokens) == 1 and is_exact(tokens[0]):  # (a day or a plain number is no diarienummer's key: no harm)
        out.append(f"dnr:{tokens[0]}")
    day = DATE.search(text)
    paragraph = PARAGRAPH.search(text)
    rest = PARAGRAPH.sub(" ", DATE.sub(" ", text))
    year = YEAR.search(rest) if not day else None
    rest = YEAR.sub(" ", rest) if year else rest
    body = bodies.get(" ".join(_plain_tokens(rest)))
    number = paragraph.group(1).replace(" ", "").lower() if paragraph else None
    if body and number and (day or year):
        out.append(f"{body}/{(day or year).group(1)}/§{number}")
    if body and day and not number:
        out.append(f"{body}/{day.group(1)}")
    if day and not number and not " ".join(_plain_tokens(rest)):
        out.append(f"day:{day.group(1)}")
    return out


def table(archive: Archive) -> dict[str, list[str]]:
    """Every key of the archive -> [label, site-relative URL]. A key that more than one thing
    has is left out (a diarienummer then leads to its page)."""
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    holders: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for meeting in archive.meetings:
        body = archive.bodies[meeting.body]
        iso_day = meeting.date.isoformat()
        target = (label(body.name, iso_day, meeting_title(meeting, body), meeting=True), urls.permanent(body, urls.meeting(meeting).url))
        for day in meeting.days:
            found[f"{meeting.body}/{day.isoformat()}"].append(target)
            found[f"day:{day.isoformat()}"].append(target)
        if meeting.diarienummer:
            holders[meeting.diarienummer.normalised].append(target)
        for item in meeting.items:
            target = (label(body.name, iso_day, item_title(item), meeting=False), urls.permanent(body, urls.item(meeting, item)))
            if item.number:
                number = item.number.lower()
                found[f"{meeting.body}/{meeting.date.isoformat()}/§{number}"].append(target)
                found[f"{meeting.body}/{meeting.date.year}/§{number}"].append(target)
            for held in item.diarienummer:
                holders[held.normalised].append(target)
    portal = any(body.elsewhere for body in archive.bodies.values())  # (a portal has no diarienummer pages)
    for normalised, places in holders.items():
        unique = list(dict.fromkeys(places))
        if len(unique) > 1 and portal:
            continue
        target = unique[0] if len(unique) == 1 else (f"Diarienummer {normalised}", urls.diarienummer(dnr.key(normalised)))
        found[f"dnr:{normalised.lower()}"].append(target)
        if " " in normalised:
            found[f"dnr:{normalised.split(' ', 1)[1].lower()}"].append(target)
    return {key: list(targets[0]) for key, targets in found.items() if len(set(targets)) == 1}


def label(body_name: str, day: str, title: str, meeting: bool) -> str:
    """What "Gå direkt till …" names, from the facts of the document it leads to (sok.js's
    `directLabel`): a meeting by its title, an item by its body, day and title."""
    return title if meeting else f"{body_name} {day}, {title}"


def compact(found: Mapping[str, list[str]], docs: list[SearchDoc], body_names: Mapping[str, str]) -> dict[str, list[str] | int]:
    """The table as it is written: a key whose label and URL are a search document's (`label` of
    its facts, its address) holds the document's number."""
    numbers: dict[str, int] = {}
    for number, doc in enumerate(docs):
        numbers.setdefault(doc.ref, number)  # (an item's proposal shares its address, after it)
    out: dict[str, list[str] | int] = {}
    for key, (text, url) in found.items():
        number = numbers.get(url)
        doc = docs[number] if number is not None else None
        same = doc is not None and label(body_names[doc.body], doc.date, doc.title, meeting=doc.type == "möte") == text
        out[key] = number if same else [text, url]
    return out


def shard(key: str, count: int) -> int:
    """The shard a key is in: FNV-1a over its UTF-16 code units, as JavaScript reads a string."""
    value, data = 0x811C9DC5, key.encode("utf-16-le")
    for at in range(0, len(data), 2):
        value = ((value ^ (data[at] | data[at + 1] << 8)) * 0x01000193) & 0xFFFFFFFF
    return value % count


def shard_all(keys: list[str], count: int) -> list[int]:
    """`shard` of each of `keys`, computed for all of them at once, a code unit position at a
    time (numpy: a Python step per code unit was most of the direct hits' time)."""
    if not keys:
        return []
    encoded = [key.encode("utf-16-le") for key in keys]
    lengths = np.fromiter(map(len, encoded), dtype=np.int64, count=len(keys)) // 2
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    units = np.frombuffer(b"".join(encoded), dtype="<u2").astype(np.uint32)
    values = np.full(len(keys), 0x811C9DC5, dtype=np.uint32)
    for at in range(int(lengths.max(initial=0))):
        going = np.flatnonzero(lengths > at)
        values[going] = (values[going] ^ units[starts[going] + at]) * np.uint32(0x01000193)  # (wraps at 2**32)
    return (values % count).tolist()


def shards(found: Mapping[str, list[str] | int]) -> list[dict[str, list[str] | int]]:
    count = max(1, -(-len(found) // SHARD_SIZE))
    out: list[dict[str, list[str] | int]] = [{} for _ in range(count)]
    keys = sorted(found)
    for key, number in zip(keys, shard_all(keys, count)):
        out[number][key] = found[key]
    return out


def browser_rules() -> dict:
    return {"date": browser_regex(DATE), "paragraph": browser_regex(PARAGRAPH), "year": browser_regex(YEAR)}
