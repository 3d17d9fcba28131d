"""Swedish dates and times as minutes print them.

`20210219`, `2021-02-19`, `19 februari 2021`, `Måndag 4 oktober 2021`, `den 5 maj`, `14 – 15
oktober 2021`, `4/10 2021`; times `8.30-12.00`, `kl. 13:30–17:00`, `8-12`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..text import MONTHS
from ..text import WEEKDAYS as _DAY_NAMES

WEEKDAYS = r"(?:" + "|".join(_DAY_NAMES) + r")(?:en)?"
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DASH = r"\s*[-–—]\s*"

_ISO = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?!\d)")
_COMPACT = re.compile(r"(?<![\d:.])(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?![\d])")
_SIX_DIGITS = re.compile(r"(?<![\d:.,/+-])(?P<y>\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d|[-+]\d|[.,:/]\d)")
"""`091008`: a date as older minutes write it (YYMMDD); not a personnummer's first half, a time or a sum."""
_WORDS = re.compile(
    r"(?<!\d)(?P<d1>[0-3]?\d)(?:" + _DASH + r"(?P<d2>[0-3]?\d))?\s+" + _MONTH + r"(?:\s+(?P<y>(?:19|20)\d\d))?(?!\w)",
    re.IGNORECASE,
)
_SLASH = re.compile(r"(?<![\d/])(?P<d>[0-3]?\d)/(?P<m>[01]?\d)(?:[\s/-]+(?P<y>(?:19|20)\d\d))?(?![\d/])")
_TIME = re.compile(
    r"(?:\bkl(?:ockan)?\.?\s*)?(?<![\d.:-])(?P<a>[0-2]?\d(?:[.:][0-5]\d)?)" + _DASH + r"(?P<b>[0-2]?\d(?:[.:][0-5]\d)?)(?![\d]|-\d)"
)
_ONE_TIME = re.compile(r"\bkl(?:ockan)?\.?\s*(?P<a>[0-2]?\d(?:[.:][0-5]\d)?)(?![\d])|^\s*(?P<alone>[0-2]?\d[.:][0-5]\d)\s*$")
"""`kl. 13`, or a time alone (the value below a `Klockan` label)."""


@dataclass(slots=True)
class FoundDate:
    start: dt.date
    end: dt.date | None
    span: tuple[int, int]
    has_year: bool


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _century(short: int, near: int | None) -> int:
    """A two-digit year in full: the one nearest `near` (the meeting's year), else 1941–2040."""
    if near is not None:
        return min((century + short for century in (1900, 2000)), key=lambda full: abs(full - near))
    return (1900 if short > 40 else 2000) + short


def find_dates(text: str, year: int | None = None) -> list[FoundDate]:
    """Every date in the text, in order; dates without a year take `year` (else are skipped)."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []

    def free(span: tuple[int, int]) -> bool:
        return all(span[1] <= a or span[0] >= b for a, b in taken)

    for match in _ISO.finditer(text):
        if day := _make(int(match["y"]), int(match["m"]), int(match["d"])):
            found.append(FoundDate(day, None, match.span(), True))
            taken.append(match.span())
    for match in _COMPACT.finditer(text):
        if free(match.span()) and (day := _make(int(match["y"]), int(match["m"]), int(match["d"]))):
            found.append(FoundDate(day, None, match.span(), True))
            taken.append(match.span())
    for match in _SIX_DIGITS.finditer(text):
        if free(match.span()) and (day := _make(_century(int(match["y"]), year), int(match["m"]), int(match["d"]))):
            found.append(FoundDate(day, None, match.span(), True))
            taken.append(match.span())
    for match in _WORDS.finditer(text):
        if not free(match.span()):
            continue
        the_year = int(match["y"]) if match["y"] else year
        if the_year is None:
            continue
        month = MONTHS[match["month"].lower()]
        first = _make(the_year, month, int(match["d1"]))
        if first is None:
            continue
        last = _make(the_year, month, int(match["d2"])) if match["d2"] else None
        if last is not None and last <= first:
            last = None
        found.append(FoundDate(first, last, match.span(), bool(match["y"])))
        taken.append(match.span())
    for match in _SLASH.finditer(text):
        if not free(match.span()):
            continue
        the_year = int(match["y"]) if match["y"] else year
        if the_year is None:
            continue
        if day := _make(the_year, int(match["m"]), int(match["d"])):
            found.append(FoundDate(day, None, match.span(), bool(match["y"])))
            taken.append(match.span())
    found.sort(key=lambda f: f.span)
    return found


def first_date(text: str, year: int | None = None) -> FoundDate | None:
    found = find_dates(text, year)
    return found[0] if found else None


def find_time(text: str) -> str | None:
    """The time span(s) as printed: `8.30-12.00`, `13:30-17:00, 08:30 – 15.00`."""
    spans = []
    for match in _TIME.finditer(text):
        a, b = match["a"], match["b"]
        if not _plausible_time(a) or not _plausible_time(b):
            continue
        if "." not in a + b and ":" not in a + b and "kl" not in match[0].lower():
            # "14 - 15" is as likely a span of days as of hours: only with the clock words
            if re.match(r"\s*\w+\s+(?:19|20)\d\d", text[match.end():]) or re.match(r"\s*(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)", text[match.end():], re.IGNORECASE):
                continue
        spans.append(text[match.start("a"):match.end("b")].strip())
    if spans:
        return ", ".join(spans)
    if match := _ONE_TIME.search(text):
        return match["a"] or match["alone"]
    return None


def _plausible_time(value: str) -> bool:
    hours = int(re.split(r"[.:]", value)[0])
    return 0 <= hours <= 24


def is_weekday(word: str) -> bool:
    return re.fullmatch(WEEKDAYS, word.strip().lower()) is not None
