"""Diarienummer: the printed form stays in the text, the normalised form identifies the case."""

from __future__ import annotations

import re

_PRINTED = re.compile(
    r"^(?:dnr\.?:?\s*)?"              # an optional "Dnr:" prefix
    r"(?P<series>[A-ZÅÄÖ]{1,12})"      # the series, e.g. HSN, KS, RS
    r"\s*:?\s*"                        # "HSN: 200" and "HSN 200" are the same
    r"(?P<number>\d+(?:\s*[:.]\s*\d+)*)"
    r"\s*-\s*"
    r"(?P<year>(?:19|20)\d\d)$",
    re.IGNORECASE,
)


IN_TEXT = r"(?<![^\W_])[A-ZÅÄÖ]{1,12}:?[ \t]*[0-9]+(?:[ \t]*:[ \t]*[0-9]+)*[ \t]*-[ \t]*(?:19|20)[0-9][0-9](?![^\W_])"
"""A printed diarienummer inside running text (series in capitals, on one line): the pattern search
(as one token) and cross-references (as a link) both find them by. sok.js's DNR mirrors it."""


def normalise(printed: str) -> str | None:
    """`HSN: 200:3-2023` -> `HSN 200:3-2023`; None when it is not a diarienummer."""
    match = _PRINTED.match(printed.strip())
    if not match:
        return None
    number = re.sub(r"\s+", "", match["number"])
    return f"{match['series'].upper()} {number}-{match['year']}"


EXAMPLE = "HSN 200:3-2023"
