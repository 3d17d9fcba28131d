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
from collections.abc import Iterator, Mapping

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


Target = int | tuple[str, str]
"""What a key leads to: a meeting or an item by number (`_thing`), or a label and URL written out."""
_ITEM_BITS = 20


def table(archive: Archive) -> dict[str, list[str]]:
    """Every key of the archive -> [label, site-relative URL]. A key that more than one thing
    has is left out (a diarienummer then leads to its page)."""
    return {key: list(_resolved(archive, target)) for key, target in _targets(archive).items()}


def written_table(archive: Archive, docs: list[SearchDoc], body_names: Mapping[str, str]) -> dict[str, list[str] | int]:
    """`compact` of `table`, each thing's label and URL made once and let go once written (all of
    them at once were the search documents' maker's largest moment: a tenth of a gigabyte at
    10,000 protocols). A thing's keys follow each other (but for a diarienummer's, made again), so
    the last one's entry is all this keeps: a table of each thing's entry by its target was 40 MB
    of the maker at 100,000."""
    numbers = _numbers(docs)
    table: dict[str, Target | list[str] | int] = _targets(archive)  # (written in place: a dict less)
    last: tuple[Target | None, list[str] | int | None] = (None, None)
    for key, target in table.items():
        entry = last[1] if target == last[0] else \
            _written(_resolved(archive, target), docs, numbers, body_names)  # type: ignore[arg-type]
        last = (target, entry)  # type: ignore[assignment]
        table[key] = entry  # type: ignore[assignment]
    return table  # type: ignore[return-value]


def _targets(archive: Archive) -> dict[str, Target]:
    """Every key of the archive -> the one thing it leads to (`table`)."""
    found: dict[str, Target | None] = {}
    """Each key's target, None where keys lead to more than one (a list of targets per key was a
    sixth of the table's memory)."""

    def add(key: str, target: Target) -> None:
        held = found.setdefault(key, target)
        if held is not None and held != target:
            found[key] = None

    holders: dict[str, list[Target]] = defaultdict(list)
    for number, meeting in enumerate(archive.meetings):
        target = _thing(number)
        for day in meeting.days:
            add(f"{meeting.body}/{day.isoformat()}", target)
            add(f"day:{day.isoformat()}", target)
        if meeting.diarienummer:
            holders[meeting.diarienummer.normalised].append(target)
        for position, item in enumerate(meeting.items):
            target = _thing(number, position)
            if item.number:
                paragraph = item.number.lower()
                add(f"{meeting.body}/{meeting.date.isoformat()}/§{paragraph}", target)
                add(f"{meeting.body}/{meeting.date.year}/§{paragraph}", target)
            for held in item.diarienummer:
                holders[held.normalised].append(target)
    portal = any(body.elsewhere for body in archive.bodies.values())  # (a portal has no diarienummer pages)
    for normalised, places in holders.items():
        unique = list(dict.fromkeys(places))
        if len(unique) > 1 and portal:
            continue
        target = unique[0] if len(unique) == 1 else (f"Diarienummer {normalised}", urls.diarienummer(dnr.key(normalised)))
        add(f"dnr:{normalised.lower()}", target)
        if " " in normalised:
            add(f"dnr:{normalised.split(' ', 1)[1].lower()}", target)
    for key in [key for key, target in found.items() if target is None]:
        del found[key]
    return found  # type: ignore[return-value]


def _thing(meeting: int, item: int | None = None) -> int:
    """The number of the archive's meeting `meeting` (by its place), or of its item `item`."""
    assert item is None or item + 1 < 1 << _ITEM_BITS
    return meeting << _ITEM_BITS | (0 if item is None else item + 1)


def _resolved(archive: Archive, target: Target) -> tuple[str, str]:
    """A target's label and site-relative URL."""
    if isinstance(target, tuple):
        return target
    meeting = archive.meetings[target >> _ITEM_BITS]
    body, item = archive.bodies[meeting.body], target & ((1 << _ITEM_BITS) - 1)
    day = meeting.date.isoformat()
    if not item:
        return label(body.name, day, meeting_title(meeting, body), meeting=True), urls.permanent(body, urls.meeting(meeting).url)
    held = meeting.items[item - 1]
    return label(body.name, day, item_title(held), meeting=False), urls.permanent(body, urls.item(meeting, held))


def label(body_name: str, day: str, title: str, meeting: bool) -> str:
    """What "Gå direkt till …" names, from the facts of the document it leads to (sok.js's
    `directLabel`): a meeting by its title, an item by its body, day and title."""
    return title if meeting else f"{body_name} {day}, {title}"


def compact(found: Mapping[str, list[str]], docs: list[SearchDoc], body_names: Mapping[str, str]) -> dict[str, list[str] | int]:
    """The table as it is written: a key whose label and URL are a search document's (`label` of
    its facts, its address) holds the document's number."""
    numbers = _numbers(docs)
    return {key: _written((text, url), docs, numbers, body_names) for key, (text, url) in found.items()}


def _numbers(docs: list[SearchDoc]) -> dict[str, int]:
    numbers: dict[str, int] = {}
    for number, doc in enumerate(docs):
        numbers.setdefault(doc.ref, number)  # (an item's proposal shares its address, after it)
    return numbers


def _written(target: tuple[str, str], docs: list[SearchDoc], numbers: Mapping[str, int],
             body_names: Mapping[str, str]) -> list[str] | int:
    """A target as the table writes it: the number of the document whose label and address it
    is, else its label and URL."""
    text, url = target
    number = numbers.get(url)
    doc = docs[number] if number is not None else None
    same = doc is not None and label(body_names[doc.body], doc.date, doc.title, meeting=doc.type == "möte") == text
    return number if same else [text, url]


def shard(key: str, count: int) -> int:
    """The shard a key is in: FNV-1a over its UTF-16 code units, as JavaScript reads a string."""
    value, data = 0x811C9DC5, key.encode("utf-16-le")
    for at in range(0, len(data), 2):
        value = ((value ^ (data[at] | data[at + 1] << 8)) * 0x01000193) & 0xFFFFFFFF
    return value % count


SHARD_SLICE = 8192


def shard_numbers(keys: list[str], count: int) -> np.ndarray:
    """`shard` of each of `keys`, computed for many at once, a code unit position at a time (numpy:
    a Python step per code unit was most of the direct hits' time), a slice of the keys at a time
    (all at once, their code units were the search documents' maker's largest moment: +70 MB at
    10,000 protocols)."""
    numbers = np.zeros(len(keys), dtype=np.uint32)
    for start in range(0, len(keys), SHARD_SLICE):
        part = keys[start:start + SHARD_SLICE]
        numbers[start:start + len(part)] = _shards_of(part, count)
    return numbers


def _shards_of(keys: list[str], count: int) -> np.ndarray:
    encoded = [key.encode("utf-16-le") for key in keys]
    lengths = np.fromiter(map(len, encoded), dtype=np.int64, count=len(keys)) // 2
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    units = np.frombuffer(b"".join(encoded), dtype="<u2").astype(np.uint32)
    values = np.full(len(keys), 0x811C9DC5, dtype=np.uint32)
    for at in range(int(lengths.max(initial=0))):
        going = np.flatnonzero(lengths > at)
        values[going] = (values[going] ^ units[starts[going] + at]) * np.uint32(0x01000193)  # (wraps at 2**32)
    return values % count


def shard_count(found: Mapping[str, list[str] | int]) -> int:
    return max(1, -(-len(found) // SHARD_SIZE))


def shards(found: Mapping[str, list[str] | int]) -> Iterator[dict[str, list[str] | int]]:
    """The table's shards in turn, each made as it is asked for, its keys in order (made all at once,
    with every key's shard as a number, they were the search documents' maker's largest moment at
    100,000 protocols: +97 MB)."""
    count = shard_count(found)
    keys = sorted(found)
    numbers = shard_numbers(keys, count)
    order = np.argsort(numbers, kind="stable")  # (each shard's keys in their order)
    bounds = np.searchsorted(numbers[order], np.arange(count + 1)).tolist()
    for number in range(count):
        yield {keys[at]: found[keys[at]] for at in order[bounds[number]:bounds[number + 1]].tolist()}


def browser_rules() -> dict:
    return {"date": browser_regex(DATE), "paragraph": browser_regex(PARAGRAPH), "year": browser_regex(YEAR)}
