"""Diarienummer: the printed form stays in the text, the normalised form identifies the case.

Swedish registries number cases in a few shapes, each with one canonical form:

| shape | printed, e.g. | normalised |
|---|---|---|
| series, number, year | `HSN: 200:3-2023`, `Dnr HSN 422:1 - 2021`, `HSN 422.1-2021` | `HSN 200:3-2023`, `HSN 422.1-2021` |
| series, year / number | `KS 2023/45`, `Dnr KS 2023 / 45`, `ks 2023/45` | `KS 2023/45` |
| series, year . number | `KS 2023.45` | `KS 2023.45` |
| series / year : number | `KS/2023:45`, `KS / 2023:45` | `KS/2023:45` |
| series, year - serial | `RS 2019-00123` | `RS 2019-00123` |
| year / number | `Dnr 2023/45` | `2023/45` |
| number / year | `Dnr 123/2023` | `123/2023` |
| year . number . class | `Dnr 2009.0212.041` (an older registry's, with its filing plan's class) | `2009.0212.041` |

Spaces, a `Dnr`/`Diarienummer` prefix, a colon after the series and the series' case are
printing; the separators between the parts are not (`HSN 422.1-2021` and `HSN 422:1-2021` are
two cases), nor are the digits (`00123` stays `00123`). Each normalised number has its own page,
`key()` names it: two printed forms of one number reach one page, two numbers never share one.
"""

from __future__ import annotations

import re

_PREFIX = r"(?:(?:dnr|diarienummer|diarienr|ärendenr|ärendenummer)\.?\s*:?\s*)?"
_SERIES = r"(?P<series>[A-ZÅÄÖa-zåäö]{1,12})"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

SHAPES = (
    # series / year : number (W3D3 and others)
    ("slash", re.compile(rf"^{_PREFIX}{_SERIES}\s*/\s*{_YEAR}\s*:\s*(?P<number>\d{{1,6}})$", re.IGNORECASE),
     "{series}/{year}:{number}"),
    # series, year / number (the most common: KS 2023/45)
    ("year-slash", re.compile(rf"^{_PREFIX}{_SERIES}\s*:?\s*{_YEAR}\s*/\s*(?P<number>\d{{1,6}})$", re.IGNORECASE),
     "{series} {year}/{number}"),
    # series, year . number (KS 2023.45; a case system's KS.2023.45 is the same number)
    ("year-dot", re.compile(rf"^{_PREFIX}{_SERIES}(?:\s*:?\s*|\.){_YEAR}\.(?P<number>\d{{1,6}})$", re.IGNORECASE),
     "{series} {year}.{number}"),
    # series, year - serial with leading zeros or five digits (RS 2019-00123)
    ("year-serial", re.compile(rf"^{_PREFIX}{_SERIES}\s*:?\s*{_YEAR}\s*-\s*(?P<number>0\d{{1,6}}|\d{{5,7}})$", re.IGNORECASE),
     "{series} {year}-{number}"),
    # series, number (with : or . parts), year (HSN 200:3-2023)
    ("number-year", re.compile(rf"^{_PREFIX}{_SERIES}\s*:?\s*(?P<number>\d+(?:\s*[:.]\s*\d+)*)\s*-\s*{_YEAR}$", re.IGNORECASE),
     "{series} {number}-{year}"),
    # year / number, no series
    ("bare-year-slash", re.compile(rf"^{_PREFIX}{_YEAR}\s*/\s*(?P<number>\d{{1,6}})$", re.IGNORECASE), "{year}/{number}"),
    # year . number . class of the filing plan, no series (an older registry's Dnr 2009.0212.041)
    ("bare-year-dot-class", re.compile(rf"^{_PREFIX}{_YEAR}\.(?P<number>\d{{2,6}})\.(?P<plan>\d{{1,4}})$", re.IGNORECASE),
     "{year}.{number}.{plan}"),
    # number / year, no series (Dnr 123/2023)
    ("bare-number-slash", re.compile(rf"^{_PREFIX}(?P<number>\d{{1,6}})\s*/\s*{_YEAR}$", re.IGNORECASE), "{number}/{year}"),
)
"""(name, pattern, normalised form) of each shape, in the order tried; the browser tries them
too (the search index's manifest carries them)."""

IN_TEXT = (
    r"(?<![^\W_])(?:"
    r"[A-ZÅÄÖ]{1,12}:?[ \t]*[0-9]+(?:[ \t]*[:.][ \t]*[0-9]+)*[ \t]*-[ \t]*(?:19|20)[0-9][0-9]"
    r"|[A-ZÅÄÖ]{2,12}[ \t]*/[ \t]*(?:19|20)[0-9][0-9][ \t]*:[ \t]*[0-9]{1,6}"
    r"|[A-ZÅÄÖ]{2,12}[ \t]+(?:19|20)[0-9][0-9](?:[ \t]*/[ \t]*[0-9]{1,6}|\.[0-9]{1,6}|[ \t]*-[ \t]*(?:0[0-9]{1,6}|[0-9]{5,7}))"
    r"|[A-ZÅÄÖ]{2,12}\.(?:19|20)[0-9][0-9]\.[0-9]{1,6}"
    r"|(?:[Dd]nr|[Dd]iarienummer)\.?:?[ \t]*(?:(?:19|20)[0-9][0-9][ \t]*/[ \t]*[0-9]{1,6}|[0-9]{1,6}[ \t]*/[ \t]*(?:19|20)[0-9][0-9]"
    r"|(?:19|20)[0-9][0-9]\.[0-9]{2,6}\.[0-9]{1,4})"
    r")(?![^\W_]|-[0-9])"
)
"""A printed diarienummer inside running text (series in capitals, on one line; a number without
a series only after "Dnr"; a body's abbreviation and a day, "KS 2023-05-10", is none): the
pattern search (as one token) and cross-references (as a link) both find them by; the browser too
(the search index's manifest carries it)."""
_DIGIT = re.compile(r"[0-9]")
_CAPITALS_THEN_DIGIT = re.compile(r"[A-ZÅÄÖ][:/ \t]*[0-9]")


def may_hold(text: str) -> bool:
    """Whether `IN_TEXT` may find anything in `text`: every shape holds a digit, and capitals before
    it (past a colon, slash or spaces) or "Dnr"/"Diarienummer". The cheapest tests first: the
    pattern's own scan, tried at every character, was slow on long text."""
    return _DIGIT.search(text) is not None and (
        "nr" in text or "iarienummer" in text or _CAPITALS_THEN_DIGIT.search(text) is not None)


def normalise(printed: str) -> str | None:
    """The canonical form of a printed diarienummer (see the table above); None when it is none."""
    text = " ".join(printed.split())
    for _, pattern, form in SHAPES:
        match = pattern.match(text)
        if not match:
            continue
        parts = match.groupdict()
        if parts.get("series"):
            parts["series"] = parts["series"].upper()
        parts["number"] = re.sub(r"\s+", "", parts["number"])
        return form.format(**parts)
    return None


_FOLD = str.maketrans({"å": "aa", "ä": "ae", "ö": "oe", " ": "-", ":": "-", "/": "_"})


def key(normalised: str) -> str:
    """The number's page: `HSN 422:1-2021` -> `hsn-422-1-2021`, `HSN 422.1-2021` -> `hsn-422.1-2021`,
    `KS 2023/45` -> `ks-2023_45`, `KS/2023:45` -> `ks_2023-45`: a different number, a different page
    (separators are kept apart, Swedish letters spelt out)."""
    return normalised.lower().translate(_FOLD)


EXAMPLE = "HSN 200:3-2023"
SHAPES_HINT = "'KS 2023/45', 'KS/2023:45', 'KS.2023.45', 'Dnr 123/2023', 'Dnr 2009.0212.041', 'RS 2019-00123' or 'HSN 200:3-2023'"
"""The shapes, for messages."""
