"""Where meetings and items start.

Numbered items: `§ 12 Title`, `12. Title`, `12.Title`, `7 a) Title`, `Sn 49 Title`, `FHR 30 Title`,
`KS § 12`, `Punkt 5`, `Ärende 5:`; a title may stand on the next line. A candidate is an item
only when its number continues the sequence (12 after 11, 7a after 7, 7b after 7a), so a
numbered list inside an item is not mistaken for items. Where the source marks its item
headings (Markdown, Word styles, bold), unmarked candidates are ignored.

Unnumbered items (minutes that only give titles): short lines that read as titles, not
sentences, standing alone before the text they head; two titles in a row are an item and its
sub-heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Line
from .people import looks_like_name
from .units import FUNCTION_WORDS, has_finite_verb, heading_hint

_SECTION = re.compile(r"^§\s*(?P<n>\d{1,4})(?:\s*/\s*(?:19|20)\d\d)?\s*(?P<l>[a-z])?(?![\w])\s*[.:)–-]?\s*(?P<title>.*)$")
"""`§ 12 Title`, `§ 7 a) Title`, `§ 52/2019 Title` (numbered over the year, the year printed)."""
_PREFIXED = re.compile(
    r"^(?P<prefix>(?:[A-ZÅÄÖ]{2,5}\s+)?[A-ZÅÄÖ]{2,5}|[A-ZÅÄÖ][a-zåäö]{1,4})\s+(?P<sign>§\s*)?(?P<n>\d{1,3})\s*(?P<l>[a-z])?(?![\w])\s*[.:)–-]?"
    r"(?:\s+(?P<title>[A-ZÅÄÖ\"”«].*))?$"
)
_NUMBERED = re.compile(r"^(?P<n>\d{1,3})\s*(?P<l>[a-z])?\s*(?:[.)](?!\d)|:(?=\s))\s*(?P<title>[A-ZÅÄÖÉ0-9\"”«(].*)?$")
_DOTTED = re.compile(r"^(?P<n>\d{1,3})\.(?P<sub>\d{1,2})\.?(?![\d:])\s+(?P<title>[A-ZÅÄÖÉ\"”«(].*)$")
_BARE_NUMBER = re.compile(r"^(?P<n>\d{1,3})(?P<l>)\s+(?P<title>[A-ZÅÄÖ][^\d\t]{2,80})$")
_LABELLED = re.compile(r"^(?:punkt|ärende|paragraf)\s+(?P<n>\d{1,4})\s*(?P<l>[a-z])?(?![\w])\s*[.:)–-]?\s*(?P<title>.*)$", re.IGNORECASE)
_NUMBER_DNR = re.compile(r"^(?P<n>\d{1,4})(?P<l>)\s+(?P<title>(?:Dnr|Diarienummer)\b\.?:?\s*\S.*)$")
"""`26 Dnr KS 2018/21`: an item whose `§` a conversion lost (a symbol font's glyph) still heads
its item with its diarienummer."""
TOC_ENTRY = re.compile(r"(?:\t|\.{2,}|…)\s*\d{1,4}\s*$")
"""A line of a table of contents: a title, a dot leader (a column gap once extracted) and a page."""
_LETTER = re.compile(r"^(?P<l>[a-h])\s*[).]\s+(?P<title>[A-ZÅÄÖ].*)$")
_NOT_PREFIX = {"Dnr", "Nr", "Kl", "Tid", "Sid", "Sida", "Ref", "Tel", "Rum", "Del", "Fas", "Mål", "Steg", "Vår", "Höst", "Bil",
               "Ca", "Vecka", "Kap", "Bild", "Nivå", "Plan", "Figur", "Dag", "År", "Hus", "Summa", "Totalt", "Mars", "April",
               "Maj", "Juni", "Juli", "Augus", "Tabell", "Punkt", "Steg", "Fråga", "Ålder", "Grupp", "Team", "Etapp"}

TITLE_LINE = re.compile(
    r"^(?:(?:justerat|justerade|preliminärt|ojusterat)\s+)?(?:sammanträdes|möte?s|minnes|besluts)?"
    r"(?P<kind>protokollsutdrag|utdrag\s+(?:ur|av|från)\s+(?:sammanträdes|styrelse)?protokoll(?:et)?|protokoll|anteckning(?:ar)?"
    r"|mötesanteckning(?:ar)?)(?![\w])"
    r"(?:\s*[,:–-]?\s*(?:(?:(?:fört|förda|hållet|hållna)\s+)?(?:från|för|vid|med|över)\b)?\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)
"""The title of the minutes: `SAMMANTRÄDESPROTOKOLL`, `Protokoll fört vid ...`, `Mötesanteckningar`,
and an extract's: `PROTOKOLLSUTDRAG`, `Utdrag ur protokoll ...`."""

@dataclass(slots=True)
class Heading:
    index: int
    """Index of the heading line in the meeting's lines."""
    number: str | None
    title: str
    title_index: int
    """Index of the line holding the title (the next line for `§ 12` alone)."""
    hinted: bool
    dnr: str | None = None
    """A diarienummer printed with the heading (`§ 46 Dnr SN 2023/112`)."""
    printed: str | None = None
    """The number as printed when a body's prefix goes with it (`Ksau § 23`, `Sn 49`)."""
    between: tuple[int, ...] = ()
    """Lines between the number and a title below it (`Dnr KS 2023/45`): they belong to the body."""


def numbered_candidate(text: str, marked: bool = False) -> tuple[int, str | None, str] | None:
    """(number, letter, title) of a line that could head a numbered item. `marked`: the source
    marks the line as a heading, so "1 Mötets öppnande" (no full stop) counts too."""
    text = text.strip().strip("*").strip()
    found = numbered_match(text, marked)
    return found[:3] if found else None


def numbered_match(text: str, marked: bool = False) -> tuple[int, str | None, str, bool] | None:
    """As `numbered_candidate`, and whether the number is marked as an item's ("§ 12", "Ksau § 23",
    "Punkt 4") rather than only by its full stop."""
    text = text.strip().strip("*").strip()
    patterns = (_SECTION, _LABELLED, _DOTTED, _NUMBERED, _PREFIXED, _NUMBER_DNR) + ((_BARE_NUMBER,) if marked else ())
    for pattern in patterns:
        match = pattern.match(text)
        if not match:
            continue
        if pattern is _DOTTED:
            title = match["title"].strip()
            if len(title.split()) > 16 or title.endswith((",", ".")) and not marked:
                continue
            return int(match["n"]), f".{int(match['sub'])}", title, marked
        if pattern is _PREFIXED and (match["prefix"] in _NOT_PREFIX or (not match["title"] and not match["sign"])):
            continue  # "Sn 49" alone needs its "§": "Kap 3" is no item
        title = (match["title"] or "").strip()
        if pattern is _NUMBERED and title and len(title.split()) > 25:
            continue  # a numbered paragraph of running text
        if not marked and title[:1].islower() and title.endswith(".") and has_finite_verb(f"Paragrafen {title}"):
            continue  # "§ 45 justerades omedelbart.": a sentence whose subject is the paragraph, no title
        labelled = re.match(r"^[\w ]{1,25}:\s", title)  # "2. Närvarande: Anna Ek, Per Al," broken after a name
        wrapped = pattern is _SECTION and title[:1].isupper() and not has_finite_verb(title)  # ("§ 92 Svar på fråga ... lasarett i" / "sommar")
        if not labelled and (title.endswith(",") or (title and title.split()[-1].casefold() in FUNCTION_WORDS and len(title.split()) > 3
                                                     and not wrapped)):
            continue  # a broken-off sentence, not a title
        return int(match["n"]), match["l"] or None, title, pattern in (_SECTION, _LABELLED, _PREFIXED, _NUMBER_DNR)
    return None


def printed_number(text: str) -> str | None:
    """`Ksau § 23 Budget` -> `Ksau § 23`; `Sn 49 Title` -> `Sn 49`; None for a plain `§ 23` or `23.`."""
    match = _PREFIXED.match(text.strip().strip("*").strip())
    if not match or match["prefix"] in _NOT_PREFIX:
        return None
    sign = "§ " if match["sign"] else ""
    return f"{' '.join(match['prefix'].split())} {sign}{match['n']}{match['l'] or ''}"


def letter_candidate(text: str) -> tuple[str, str] | None:
    match = _LETTER.match(text.strip())
    return (match["l"], match["title"].strip()) if match else None


def find_numbered(lines: list[Line], first_hint: int | None = None) -> list[Heading]:
    """Item headings with numbers, in order, keeping only those that continue the sequence."""
    raw: list[tuple[int, int, str | None, str, bool]] = []
    for index, line in enumerate(lines):
        if line.blank or line.bullet or line.joined:
            continue
        found = numbered_match(line.text, marked=line.hinted)
        if found is None:
            continue
        number, letter, title, strong = found
        raw.append((index, number, letter or None, title, heading_hint(line) or line.hinted or strong))
    raw = _outermost(lines, raw)
    contents = _table_of_contents(lines, raw)
    raw = [r for r in raw if r[0] not in contents]
    # Where the source marks its headings, unmarked numbered lines may be lists inside items:
    # take whichever reading, all candidates or only the marked ones, gives the longer sequence.
    every = _sequence(lines, raw, first_hint)
    marked = _sequence(lines, [r for r in raw if r[4]], first_hint)
    accepted = marked if len(marked) >= len(every) and marked else every
    # "a) Övriga frågor" right under item 1: the sub-item 1a
    out: list[Heading] = []
    for position, heading in enumerate(accepted):
        out.append(heading)
        end = accepted[position + 1].index if position + 1 < len(accepted) else len(lines)
        out.extend(_letter_items(lines, heading, end))
    return out


def _table_of_contents(lines: list[Line], raw: list) -> set[int]:
    """Entries of a table of contents (Innehållsförteckning, Ärendelista, Register) that lists
    the items before the items: a candidate whose line, or the title below it, ends in a page
    number after a dot leader ("§ 231 Interpellation ...... 299"); and a run of candidates with
    nothing but their titles between them whose numbers the minutes then start again."""
    out: set[int] = set()
    for index, *_ in raw:
        below = [lines[i].text for i in range(index, min(index + 3, len(lines))) if not lines[i].blank][:2]
        if TOC_ENTRY.search(below[0]) or (len(below) > 1 and not numbered_candidate(below[1]) and TOC_ENTRY.search(below[1])
                                          and len(lines[index].text.split()) <= 6):
            out.add(index)
    numbers = [r[1] for r in raw if r[0] not in out]
    kept = [r for r in raw if r[0] not in out]
    for position, (index, number, letter, _, _) in enumerate(kept):
        again = next((k for k in range(position + 1, len(kept)) if kept[k][1] == number and kept[k][2] == letter), None)
        if again is None or again - position < 2:
            continue
        run = kept[position:again]
        close = all(sum(1 for i in range(a[0] + 1, b[0]) if not lines[i].blank) <= 2 for a, b in zip(run, run[1:]))
        if close and [r[1] for r in run] == numbers[position:again]:
            out.update(r[0] for r in run)
        break
    return out


_NESTED = 4.0
"""Points a line must be set in further than the item numbers to be nested inside an item."""


def _outermost(lines: list[Line], raw: list) -> list:
    """Where the source shows indentation (a PDF), item numbers stand at the outermost level of
    numbering: a numbered line set in further is an entry of a list inside an item (Word's
    nested numbering "1." / "a." / "i." / "1." loses its nesting in the text, not its indent)."""
    if not raw:
        return raw
    outer = min(lines[r[0]].indent for r in raw)
    return [r for r in raw if lines[r[0]].indent <= outer + _NESTED]


def _sequence(lines: list[Line], raw, first_hint: int | None) -> list[Heading]:
    accepted: list[Heading] = []
    last: tuple[int, str | None] | None = None
    list_next: int | None = None  # a list numbered 1, 2, 3 inside an item
    for position, (index, number, letter, title, hinted) in enumerate(raw):
        if last is not None and letter is None and (number == 1 or number == list_next) and not (number == last[0] + 1):
            list_next = number + 1
            continue
        if list_next is not None and number == list_next and not hinted:
            list_next += 1
            continue
        if last is None and not hinted and number > 3 and first_hint is None:
            # "12. Title" may start the year's numbering when the next candidate continues it
            following = raw[position + 1] if position + 1 < len(raw) else None
            hinted = following is not None and following[1] == number + 1 and following[2] is None
        if not _fits(last, number, letter, hinted, first_hint, accepted, index):
            continue
        title_index = index
        between: tuple[int, ...] = ()
        title, dnr = split_dnr(title)
        if not title:
            title, title_index, between = _title_below(lines, index)
            if dnr is None:
                title, dnr = split_dnr(title)
        accepted.append(Heading(index, f"{number}{letter or ''}", title, title_index, hinted, dnr,
                                printed_number(lines[index].text), between))
        last = (number, letter)
    return accepted


_DNR_IN_TITLE = re.compile(r"(?:^|\s|\t)(?:Dnr|DNR|dnr|Diarienummer|Diarienr|Ärendenr)\.?:?\s*(?P<dnr>[A-ZÅÄÖa-zåäö]{0,12}[\s:]*\d[\w:./ -]*?)\s*$")


_DNR_COLUMN = re.compile(r"(?:^|\t)(?P<dnr>[A-ZÅÄÖ]{1,12}(?:\s*[-/]\s*|\s+)(?:19|20)\d\d\s*[/.:-]\s*\d{1,6})\s*$")
"""`§ 1<TAB>KS-2015/12`: a diarienummer in the heading's column without its label."""


def split_dnr(title: str) -> tuple[str, str | None]:
    """`Delårsrapport Dnr SN 2023/112` -> (`Delårsrapport`, `SN 2023/112`)."""
    match = _DNR_IN_TITLE.search(title) or _DNR_COLUMN.search(title)
    if not match:
        return title, None
    return title[:match.start()].strip(" ,–-\t"), match["dnr"].strip()


def _fits(last, number, letter, hinted, first_hint, accepted, index) -> bool:
    """Whether a candidate continues the sequence: the next number (or a few on where the source
    marks it: numbers skipped), the same number again where the source marks it (numbering that
    repeats a number), the next letter of a sub-item (7a, 7b), or the next sub-number (2.1 after
    2 or 2.1, 3.1 after 2.x: "N.M" numbering of sections and their sub-sections)."""
    if letter is not None and letter.startswith("."):
        sub = int(letter[1:])
        if last is None:
            return False
        last_number, last_letter = last
        last_sub = int(last_letter[1:]) if last_letter and last_letter.startswith(".") else 0
        if number == last_number:
            return sub == last_sub + 1 or (hinted and last_sub < sub <= last_sub + 2)
        return number == last_number + 1 and sub == 1 and hinted
    if last is None:
        if letter is not None:
            return False
        if first_hint is not None:
            return number == first_hint or (hinted and abs(number - first_hint) <= 1)
        return number <= 3 or hinted
    last_number, last_letter = last
    if last_letter is not None and last_letter.startswith("."):
        last_letter = None  # 2.3, then 2a: letters count from the item
    if letter is None:
        if number == last_number + 1:
            return True
        if hinted and number == last_number and last_letter is None:
            return True  # a word processor's numbering printed the number twice: kept as printed
        return hinted and last_number + 1 < number <= last_number + 3
    if number == last_number:
        expected = "a" if last_letter is None else chr(ord(last_letter) + 1)
        return letter == expected
    return number == last_number + 1 and letter == "a"


_FIELD_ABOVE_TITLE = re.compile(r"^(?:(?:Dnr|Diarienummer|Diarienr)\.?:?\s+\S.{0,40}|[A-ZÅÄÖ][\wåäö ]{2,20}:\s*\S{1,20})$")
"""`Dnr KS 2023/45`, `Diariekod: 609` between an item's number and its title."""


def _title_below(lines: list[Line], index: int) -> tuple[str, int, tuple[int, ...]]:
    """The title on a line below a number that stands alone, past field lines printed between
    them (which go to the item's body)."""
    between: list[int] = []
    for next_index in range(index + 1, min(index + 7, len(lines))):
        text = lines[next_index].text.strip()
        if not text:
            continue
        if _FIELD_ABOVE_TITLE.match(text) and len(between) < 3:
            between.append(next_index)
            continue
        if len(text.split()) <= 16 and not text.endswith("."):
            return text, next_index, tuple(between)
        break
    return "", index, ()


def _letter_items(lines: list[Line], parent: Heading, end: int) -> list[Heading]:
    """`a) Title` right under an item's heading (or marked as a heading) is a sub-item: only a
    title, not a sentence ("a. Anna valdes till ordförande." is an entry of the item's text), and
    not set in further than the item's number (then it is a list inside the item)."""
    out: list[Heading] = []
    expected = "a"
    content_seen = False
    for index in range(parent.title_index + 1, end):
        line = lines[index]
        if line.blank:
            continue
        found = letter_candidate(line.text)
        nested = line.indent > lines[parent.index].indent + _NESTED
        if found and found[0] == expected and not nested and title_like(found[1]) \
                and (heading_hint(line) or line.hinted or not content_seen):
            out.append(Heading(index, f"{parent.number}{found[0]}", found[1], index, True))
            expected = chr(ord(expected) + 1)
            content_seen = False
            continue
        content_seen = True
    return out


# -- unnumbered items ------------------------------------------------------------------------

def title_like(text: str, known: frozenset[str] | set[str] = frozenset()) -> bool:
    """A short line that names a subject rather than saying something about it."""
    text = text.strip()
    words = text.split()
    if not 1 <= len(words) <= 12 or len(text) > 100:
        return False
    if not text[:1].isupper():
        return False
    if text[-1] in ".,:;" or text.endswith(("-", "–")):
        return False
    if re.match(r"^[\w ./-]{1,30}:\s", text):
        return False  # "Örebro: Inget möte sen sist"
    if re.match(r"^\d", text):
        return False
    if has_finite_verb(text) and not text.endswith("?"):
        return False
    for size in (3, 2, 1):
        candidate = " ".join(words[:size])
        if size < len(words) and looks_like_name(candidate, known, single=True) and words[size][:1].islower():
            return False  # "Jan återkommer ...": a sentence about a person
    if words[-1].casefold() in FUNCTION_WORDS and len(words) > 2:
        return False
    return True
