"""Swedish text helpers: anchors, dates and alphabetical order."""

from __future__ import annotations

import datetime as dt
import unicodedata
from functools import lru_cache

from babel.dates import format_date, get_day_names, get_month_names
from slugify import slugify


@lru_cache(maxsize=200_000)
def slug(text: str) -> str:
    """An ASCII slug: `Värdegrund och målbild` -> `vardegrund-och-malbild`."""
    return slugify(text, max_length=80, word_boundary=True) or "punkt"


@lru_cache(maxsize=100_000)
def long_date(day: dt.date) -> str:
    """`19 februari 2021`."""
    return format_date(day, format="long", locale="sv_SE")


@lru_cache(maxsize=100_000)
def weekday_date(day: dt.date) -> str:
    """`fredag 19 februari 2021`."""
    return format_date(day, format="EEEE d MMMM y", locale="sv_SE")


def long_moment(stamp: str) -> str:
    """`2024-03-20T10:12:00+01:00` -> `20 mars 2024 kl. 10.12`: the time as written, in its own offset."""
    moment = dt.datetime.fromisoformat(stamp)
    return f"{long_date(moment.date())} kl. {moment:%H.%M}"


def date_range(first: dt.date, last: dt.date | None) -> str:
    """A meeting's days as Swedish writes them, the shared month and year once:
    `14–15 oktober 2021`, `30 september–1 oktober 2021`, `30 december 2021–2 januari 2022`."""
    if last is None or last == first:
        return long_date(first)
    if first.year != last.year:
        return f"{long_date(first)}–{long_date(last)}"
    if first.month != last.month:
        return f"{format_date(first, format='d MMMM', locale='sv_SE')}–{long_date(last)}"
    return f"{first.day}–{long_date(last)}"


def _month_numbers() -> dict[str, int]:
    """Swedish month names as the site prints them (Babel's), their abbreviations and three-letter
    forms ("februari", "feb.", "feb"), and "sept": one vocabulary for printing and reading dates."""
    out: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for number, name in get_month_names(width, locale="sv_SE").items():
            out[name.rstrip(".").lower()] = number
            out[name[:3].lower()] = number
    out["sept"] = 9
    return out


MONTHS = _month_numbers()
WEEKDAYS = tuple(get_day_names("wide", locale="sv_SE")[n] for n in range(7))
"""`måndag` ... `söndag`."""


# Swedish alphabetical order puts å, ä, ö after z (and treats æ as ä, ø as ö, ü as y).
# ICU would do this, but PyICU is a native build against ICU's headers; three letters
# do not justify it.
_AFTER_Z = {"å": "z\x01", "ä": "z\x02", "æ": "z\x02", "ö": "z\x03", "ø": "z\x03", "ü": "y"}


def swedish_key(text: str) -> str:
    """Sort key for Swedish alphabetical order, case-insensitive."""
    out = []
    for char in text.casefold():
        if char in _AFTER_Z:
            out.append(_AFTER_Z[char])
            continue
        base = unicodedata.normalize("NFD", char)[0]
        out.append(base)
    return "".join(out)


def unshared(text: str) -> str:
    """`text` to serialise where it is one of the archive's strings: a copy of one that is not
    ASCII. Serialising such a string (pydantic, orjson, pickle) leaves its UTF-8 bytes in it for as
    long as it lives (CPython keeps them with the string), and the archive's strings live as long
    as the build: the bytes the open data left in its texts were 65 MB of the build's process at
    10,000 protocols. (An ASCII string is its own UTF-8, and is serialised as it is.)"""
    return text if text.isascii() else text.encode("utf-8").decode("utf-8")
