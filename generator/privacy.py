"""Personal data never reaches the published archive.

Two markups, usable anywhere in a content file (front matter and text alike):

- `{{dolt: Anna Andersson}}` or `{{dolt OSL 26 kap. 1 §: Anna Andersson}}` redacts a passage. It is
  replaced by `[uppgift borttagen]` (with the legal ground, when given) as the file is read, so the
  redacted text reaches no later stage and no output file of any kind.
- `{{inte personnummer: 19121212-1212}}` marks a number that looks like a personal identity number
  but is not one (a case number, a product code): it is published as written.

Any other valid Swedish personnummer or samordningsnummer in the content is an error naming the
file and line, with the hint to redact it. Validity (date and checksum) is python-stdnum's.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from stdnum import luhn
from stdnum.se import personnummer

from .messages import _
from .problems import Problem

REDACTED = "[uppgift borttagen]"
_REDACTION = re.compile(r"\{\{\s*dolt(?P<ground>[^:{}]*):(?P<text>.*?)\}\}", re.DOTALL)
_NOT_PERSONAL = re.compile(r"\{\{\s*inte personnummer\s*:\s*(?P<text>[^{}]*?)\s*\}\}")
# The forms they are written in: YYMMDD-NNNN, YYMMDD+NNNN, YYYYMMDD-NNNN, 10 or 12 digits.
_CANDIDATE = re.compile(r"(?<![0-9])(?:19|20)?[0-9]{6}[-+]?[0-9]{4}(?![0-9])")
_SIX_DIGITS = re.compile(r"[0-9]{6}")
"""What every candidate holds: most texts have no six digits in a row, and finding that is five
times faster than looking for candidates (whose look-behind is tried at every character)."""


@dataclass(frozen=True, slots=True)
class Cleaned:
    text: str
    """The text to read on: redactions replaced, false-positive marks unwrapped."""
    redactions: int
    problems: list[Problem]


def clean(text: str, path: str) -> Cleaned:
    """Redact, then look for identity numbers that were left in the clear."""
    count = 0

    def redact(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        ground = " ".join(match["ground"].split())
        shown = f"[uppgift borttagen, {ground}]" if ground else REDACTED
        return shown + "\n" * match["text"].count("\n")  # keep later line numbers right

    redacted = _REDACTION.sub(redact, text)
    unmarked = _NOT_PERSONAL.sub(lambda m: " " * len(m.group()), redacted)
    problems = [
        Problem(path, redacted.count("\n", 0, match.start()) + 1, "personuppgifter",
                _("found what is a valid personnummer or samordningsnummer ({number})").format(number=_masked(match.group())),
                _("redact it as {{dolt: ...}}, or mark a number that is not one as {{inte personnummer: ...}}"), code="personal-data")
        for match in (_CANDIDATE.finditer(unmarked) if _SIX_DIGITS.search(unmarked) else ())
        if is_identity_number(match.group())
    ]
    return Cleaned(_NOT_PERSONAL.sub(lambda m: m["text"], redacted), count, problems)


def is_identity_number(number: str) -> bool:
    """A valid personnummer, or a samordningsnummer (day of birth + 60)."""
    if personnummer.is_valid(number):
        return True
    digits = re.sub(r"[-+]", "", number)
    short = digits[-10:]
    day = int(short[4:6])
    if not 61 <= day <= 91 or not luhn.is_valid(short):
        return False
    year = int(digits[:4]) if len(digits) == 12 else 2000 + int(short[:2])
    try:
        dt.date(year, int(short[2:4]), day - 60)
    except ValueError:
        return False
    return True


def _masked(number: str) -> str:
    """Enough of the number to find it, not enough to publish it in a CI log."""
    return number[:-4] + "****"


def redacted_passages(text: str) -> list[str]:
    """The passages `text` redacts, as written inside `{{dolt: ...}}`."""
    return [match["text"].strip() for match in _REDACTION.finditer(text) if match["text"].strip()]


def redact_everywhere(text: str, passages: Iterable[str]) -> str:
    """`text` as `clean` reads it, with `passages` (redacted in another version of the same file)
    redacted wherever they stand in the clear, and any identity number masked: an older version
    that still held what a later one redacts shows none of it."""
    for passage in sorted(set(passages), key=len, reverse=True):
        words = passage.split()
        if words:
            text = re.sub(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)", REDACTED, text)
    text = clean(text, "").text
    return _CANDIDATE.sub(lambda m: REDACTED if is_identity_number(m.group()) else m.group(), text)


_NAME_BEFORE = re.compile(r"(?:\b[A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?\s+){1,3}[A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?"
                          r"(?P<between>\s*,\s*|\s*\(\s*|\s+)$")
"""A person's name written right before their identity number: "Karl Svensson, 19800101-1231",
"Karl Svensson (800101-1231)"."""


_IDENTITY_IN_TEXT = re.compile(rf"{_CANDIDATE.pattern}|(?<![0-9])(?P<birth>(?:19|20)?[0-9]{{6}})[-+](?:[Xx]{{4}}|\*{{4}})(?![0-9A-Za-z*])")
"""An identity number, or one with its last four masked (`19580614-XXXX`, `580614-****`): that
still tells the person's day of birth."""


def _a_day_of_birth(birth: str) -> bool:
    year = int(birth[:4]) if len(birth) == 8 else 1900 + int(birth[:2])
    try:
        dt.date(year, int(birth[-4:-2]), int(birth[-2:]))
    except ValueError:
        return False
    return True


def withhold_identity_numbers(text: str) -> tuple[str, int]:
    """`text` with each valid identity number (or one masked but for the day of birth), and the name
    written right before it, replaced by `[uppgift borttagen]`; and how many. For text that is about to be written into the content
    (the importer's drafts), where the redaction markup would keep the number in the repository."""
    if not _SIX_DIGITS.search(text):
        return text, 0
    out: list[str] = []
    position = count = 0
    for match in _IDENTITY_IN_TEXT.finditer(text):
        if not (_a_day_of_birth(match["birth"]) if match["birth"] else is_identity_number(match.group())):
            continue
        before = text[position:match.start()]
        end = match.end()
        name = _NAME_BEFORE.search(before)
        if name:
            before = before[:name.start()]
            if "(" in name["between"] and (closing := re.match(r"\s*\)", text[end:])):
                end += closing.end()
        out += [before, REDACTED]
        position, count = end, count + 1
    out.append(text[position:])
    return "".join(out), count
