"""Swedish text helpers: anchors, dates and alphabetical order."""

from __future__ import annotations

import datetime as dt
import unicodedata
from functools import lru_cache

from babel.dates import format_date
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
