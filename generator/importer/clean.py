"""Page furniture out: repeated page headers and footers, page numbers, signature boxes.

PDF extraction repeats each page's letterhead ("Chefsgrupp ... / Tjänsteställe / Sekreterare /
Linnea / Hedkvist") and footer ("Justerandes signatur", "Sida 3 av 7") in the running text,
often in the middle of a sentence. They are found as:

- a run of two or more lines that recurs three or more times, on known pages at a page's top or
  bottom (the first, on page one, is kept: it is the letterhead with the facts);
- on PDF pages, a line at the top or bottom of two pages in three (digits ignored);
- lines that are furniture whatever their count: page numbers, signature boxes, `Forts § 89`.

A line that continues a sentence broken by removed furniture is marked `joined`.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict

from .. import dnr
from .agenda import TITLE_LINE
from .model import Line, Unplaced
from .units import has_finite_verb

_PAGE_NUMBER = re.compile(r"^(?:sidan?|sid\.?|s\.|page|blad)?\s*\d{1,3}\s*(?:\(\s*\d{1,3}\s*\)|\[\s*\d{1,3}\s*\]|av\s+\d{1,3}|of\s+\d{1,3}|/\s*\d{1,3})$"
                          r"|^(?:sidan?|page|blad)\s+\d{1,3}$", re.IGNORECASE)
_FURNITURE_WORDS = (r"justerandes?\s+sign(?:atur|\.)?(?:er)?|justerares?\s+sign(?:atur)?|ordförandens?\s+sign(?:atur)?|"
                    r"sekreterarens?\s+sign(?:atur)?|utdragsbestyrkande|signatur(?:er)?|sign\.?(?:\s*ordf\.?)?|exp(?:\.|editions)?\s*datum|"
                    r"(?:ordf|just|sekr)\.?\s*sign\.?")
_FURNITURE = re.compile(rf"^(?:{_FURNITURE_WORDS})\s*:?(?:\s*[.\-_…]*)?$", re.IGNORECASE)
_FURNITURE_RUN = re.compile(rf"^(?:{_FURNITURE_WORDS})(?:\s+(?:{_FURNITURE_WORDS}))+\s*$", re.IGNORECASE)
"""`Justerandes sign Utdragsbestyrkande`: a footer's boxes printed with no column between them."""
_CONTINUATION_MARK = re.compile(r"^(?:forts\.?|fortsättning|fortsättning\s+av)\s*(?:§\s*)?\d{1,4}\s*[a-z]?\.?$", re.IGNORECASE)
"""`Forts § 89` at the top of a page: the item goes on (`§ 89 forts.` is read with the headings)."""
_FURNITURE_WEAK = re.compile(r"^(?:justerare|justerande|ordförande|ordf\.?|sekreterare)\s*:?$|^[.…_]{3,}$", re.IGNORECASE)
"""A signature box's column heads and its dotted lines, furniture only beside a signature label
("Sign. Ordf.<TAB>Justerare<TAB>Exp. datum", "Ordf. sign.<TAB>.....<TAB>Just. sign.<TAB>.....")."""


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()).casefold())


_SPACED = re.compile(r"^(?:[A-ZÅÄÖ]{1,4} ){2,}[A-ZÅÄÖ]{1,4}$")
"""`PRO T OK OL L`: a word a PDF sets with wide letter spacing, its letters read in groups."""


def unspace(text: str) -> str:
    """A letter-spaced word in capitals read as the word (`PRO T OK OL L` -> `PROTOKOLL`)."""
    stripped = text.strip()
    return stripped.replace(" ", "") if _SPACED.match(stripped) and len(stripped) <= 40 else text


def remove_furniture(lines: list[Line], paged: bool = True) -> tuple[list[Line], list[Unplaced]]:
    """`paged`: the source was laid out on pages (a PDF, its text, a document converted from one);
    minutes written as markup (Markdown, LaTeX, Typst, Org) have no page headers, and a run of
    lines they repeat ("Beslut" / "bifalles") is content."""
    for line in lines:
        if "\t" not in line.text:
            line.text = unspace(line.text)
    removed: set[int] = set()
    reasons: dict[int, str] = {}
    content = [i for i, line in enumerate(lines) if not line.blank]

    numbers: list[Unplaced] = []
    for i in content:
        columns = [c.strip() for c in lines[i].text.split("\t") if c.strip()]
        if all(_PAGE_NUMBER.match(c) for c in columns):
            removed.add(i)
            reasons[i] = "page number"
        elif all(_FURNITURE.match(c) or _FURNITURE_RUN.match(c) or _PAGE_NUMBER.match(c) or _FURNITURE_WEAK.match(c) for c in columns) \
                and any(_FURNITURE.match(c) or _FURNITURE_RUN.match(c) for c in columns):
            removed.add(i)
            reasons[i] = "signature box of a page footer"

    if paged:
        _repeated_runs(lines, [i for i in content if i not in removed], removed, reasons)
        _repeated_titles(lines, [i for i in content if i not in removed], removed, reasons)
        _letterhead_again(lines, [i for i in content if i not in removed], removed, reasons)
    _page_edges(lines, removed, reasons)
    # (after the runs: a page header ends where the mark stands, and the label below it is the item's)
    for i in content:
        if i not in removed and _CONTINUATION_MARK.match(lines[i].text.strip()):
            removed.add(i)
            reasons[i] = "the item goes on from the page before"
    for i in content:
        columns = [c.strip() for c in lines[i].text.split("\t") if c.strip()]
        if i not in removed and len(columns) > 1 and any(_PAGE_NUMBER.match(c) for c in columns):
            # "SAMMANTRÄDESPROTOKOLL<TAB>Sida 1(6)" on page one: the page number out, the title kept
            numbers.extend(Unplaced(lines[i].loc, c, "page number") for c in columns if _PAGE_NUMBER.match(c))
            lines[i].text = "\t".join(c for c in columns if not _PAGE_NUMBER.match(c))

    kept: list[Line] = []
    unplaced: list[Unplaced] = numbers
    pending_join = False
    for index, line in enumerate(lines):
        if index in removed:
            unplaced.append(Unplaced(line.loc, line.text.strip(), reasons[index]))
            pending_join = True
            continue
        if pending_join and not line.blank:
            previous = next((k for k in reversed(kept) if not k.blank), None)
            if previous is not None and continues(previous.text, line.text):
                line.joined = True
            pending_join = False
        kept.append(line)
    return kept, unplaced


def continues(previous: str, text: str) -> bool:
    """`text` reads as the rest of the sentence `previous` broke off."""
    previous, text = previous.rstrip(), text.lstrip()
    if not previous or not text:
        return False
    if previous[-1] in ".!?:;":
        return False
    return text[0].islower() or text[0] in ",;)"


_PAGE_MARK = re.compile(r"(?:\b(?:sida|page)\s*)?\b\d{1,3}\s*(?:\(\s*\d{1,3}\s*\)|av\s+\d{1,3}|/\s*\d{1,3})"
                        r"|\b(?:sida|sid\.|page|blad)\s*\d{1,3}\b", re.IGNORECASE)  # (also "Sida 3" alone)


def _run_key(text: str) -> str:
    """A line as page furniture repeats it: the page number ("2 (4)", "Sida 2 av 4") left out."""
    return " ".join(_PAGE_MARK.sub(" ", text).split()).casefold()


def _repeated_runs(lines: list[Line], content: list[int], removed: set[int], reasons: dict[int, str]) -> None:
    keys = [_run_key(lines[i].text) for i in content]
    counts = Counter(keys)
    runs: list[tuple[int, int]] = []
    start = None
    pages = [lines[i].page for i in content] + [None]
    for position, key in enumerate(keys + [None]):
        # a sentence the minutes repeat ("... finner att nämnden bifaller detta.") ends a run of furniture
        frequent = key is not None and counts[key] >= 3 and not _sentence(lines[content[position]].text)
        if start is not None and (not frequent or pages[position] != pages[start]):  # (a page's end ends a run)
            if position - start >= 2:
                runs.append((start, position))
            start = None
        if frequent and start is None:
            start = position
    # A run that recurs three times (four when it is only two lines long) is furniture; so is a
    # shorter or differently cut run of the same lines, e.g. the letterhead on page one.
    same = Counter(tuple(keys[a:b]) for a, b in runs)
    frequent = [set(run) for run, n in same.items() if n >= 3 and (len(run) >= 3 or n >= 4) and not any(map(_sentence, run))]
    runs = [trimmed for a, b in runs if (trimmed := _furniture_within(keys, a, b, frequent)) is not None]
    runs = _at_page_edges(lines, content, keys, runs)
    kept_keys: set[str] = set()
    for a, b in runs:
        run_keys = set(keys[a:b])
        if not run_keys & kept_keys:
            kept_keys |= run_keys  # the first occurrence: the letterhead, kept for its facts
            continue
        for position in range(a, b):
            index = content[position]
            removed.add(index)
            reasons[index] = f"page header or footer (repeated {counts[keys[position]]} times)"


def _at_page_edges(lines: list[Line], content: list[int], keys: list[str], runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """On known pages, the runs that stand at their page's top or bottom, with at most one line
    between (other runs of repeated lines not counted: a header above a header): lines that
    recur within pages ("Sekretess enligt 26 kap. 1 § offentlighets- och sekretesslagen" /
    "Ärendebeskrivning" in every case of a committee for individual cases) are the minutes' own,
    whatever their count."""
    candidates = {position for a, b in runs for position in range(a, b)}
    others: dict[int | None, list[int]] = defaultdict(list)  # (per page, the positions of lines in no run)
    for position, index in enumerate(content):
        if position not in candidates:
            others[lines[index].page].append(position)

    def at_an_edge(run: tuple[int, int]) -> bool:
        page = lines[content[run[0]]].page
        if page is None:
            return True
        positions = others[page]
        above = bisect.bisect_left(positions, run[0])
        return above <= 1 or len(positions) - above <= 1

    at_edges = [run for run in runs if at_an_edge(run)]
    # (and on three pages at least, as the count asks: lines an item ends with, "Socialnämnden i X kommun",
    # may end a page or two by chance)
    pages_of: dict[str, set] = defaultdict(set)
    for a, b in at_edges:
        for key in keys[a:b]:
            pages_of[key].add(lines[content[a]].page)
    return [(a, b) for a, b in at_edges if lines[content[a]].page is None
            or len(set().union(*(pages_of[key] for key in keys[a:b]))) >= 3]


def _furniture_within(keys: list[str], start: int, end: int, frequent: list[set[str]]) -> tuple[int, int] | None:
    """The longest part of a run of frequent lines made only of a recurring run's lines: a line
    the minutes repeat (a recipient, "Samhällsbyggnadsförvaltningen") may end a page right above
    the next page's header and lengthen its run."""
    for length in range(end - start, 1, -1):
        for a in range(start, end - length + 1):
            if any(set(keys[a:a + length]) <= run for run in frequent):
                return a, a + length
    return None


def _repeated_titles(lines: list[Line], content: list[int], removed: set[int], reasons: dict[int, str]) -> None:
    """The title of the minutes alone on a line ("PROTOKOLL", "SAMMANTRÄDESPROTOKOLL") at the top
    of three or more pages is a page header: the first is kept (it is the title)."""
    titles = [i for i in content if (m := TITLE_LINE.match(lines[i].text.strip())) and not (m["rest"] or "").strip()]
    counts = Counter(_run_key(lines[i].text) for i in titles)
    seen: set[str] = set()
    for index in titles:
        key = _run_key(lines[index].text)
        if counts[key] < 3:
            continue
        if key not in seen:
            seen.add(key)
            continue
        removed.add(index)
        reasons[index] = f"page header or footer (the title, repeated {counts[key]} times)"


def _letterhead_again(lines: list[Line], content: list[int], removed: set[int], reasons: dict[int, str]) -> None:
    """The first page's header again further on: with its page's number ("VÄSTERLIDA KOMMUN<TAB>
    PROTOKOLLSUTDRAG<TAB>2(2)" / "Kommunstyrelsen<TAB>Sammanträdesdatum 2024-03-11"), the header of
    a page of a document too short for its headers to recur three times (one line or more, the
    page number among them: "Ekbacka kommun – Pensionärsrådet<TAB>Sida 2 av 3"); or its first
    line alone, where it recurs three times, each right after a page's end ("Strömsviks kommun –
    Revisorerna" below the page number of each page of a Word file, which knows no pages). The
    first is kept (its facts)."""
    keys = [_run_key(lines[i].text) for i in content]
    head = keys[:_HEAD_LINES]
    recurs = bool(keys) and keys.count(keys[0]) >= 3
    for start in range(1, len(keys)):
        size = 0
        while size < len(head) and start + size < len(keys) and keys[start + size] == head[size]:
            size += 1
        marked = any(_PAGE_MARK.search(lines[content[start + k]].text) for k in range(size))
        at_edge = size >= 1 and (marked or recurs and _after_page_edge(lines, content[start], removed))
        if at_edge and start >= size and not any(map(_sentence, head[:size])):
            for k in range(size):
                removed.add(content[start + k])
                reasons[content[start + k]] = "page header or footer (the first page's header again)"


def _after_page_edge(lines: list[Line], index: int, removed: set[int]) -> bool:
    """The line starts a page: the line before it is furniture (the last page's number) or on
    another page. (A recipient that happens to be the letterhead's first line, "Kommunstyrelsen",
    stands after the other recipients.)"""
    before = next((k for k in range(index - 1, -1, -1) if not lines[k].blank), None)
    return before is None or before in removed or lines[before].page != lines[index].page


_HEAD_LINES = 4
"""How many lines of the first page's top may make up its header."""


def _sentence(text: str) -> bool:
    """Page furniture names things; a line that says something ("Nämnden lägger informationen
    till handlingarna.") recurs because the minutes repeat it, and stays."""
    return text.rstrip().endswith((".", ":")) and len(text.split()) > 2 or has_finite_verb(text)


_CASE_NUMBER = re.compile(rf"\b(?:dnr|diarienummer|diarienr|ärendenummer)\b|{dnr.IN_TEXT}", re.IGNORECASE)


def _edge_key(text: str) -> str:
    """A line at a page's edge as furniture repeats it: its numbers masked (the page's number, a
    date), except a case number's, which differs from item to item ("Diarienummer SN.2024.233"
    below an item's heading at the top of three pages is no page header)."""
    return " ".join(text.split()).casefold() if _CASE_NUMBER.search(text) else _key(text)


def _page_edges(lines: list[Line], removed: set[int], reasons: dict[int, str]) -> None:
    pages: dict[int, list[int]] = defaultdict(list)
    for index, line in enumerate(lines):
        if line.page is not None and not line.blank and index not in removed:
            pages[line.page].append(index)
    if len(pages) < 3:
        return
    edge_counts: Counter[str] = Counter()
    edges: dict[int, list[int]] = {}
    for page, indexes in pages.items():
        chosen = indexes[:2] + indexes[-2:]
        edges[page] = chosen
        edge_counts.update({_edge_key(lines[i].text) for i in chosen})
    # (two pages in three: a line the minutes repeat, a recipient who ends three of five pages, is
    # no footer; furniture stands on every page, but for the first's letterhead and a last page)
    threshold = max(3, -(-2 * len(pages) // 3))
    first_page = min(pages)
    for page, chosen in edges.items():
        for index in chosen:
            key = _edge_key(lines[index].text)
            if edge_counts[key] >= threshold and not (page == first_page and index in pages[page][:2]):
                removed.add(index)
                reasons[index] = f"page header or footer (on {edge_counts[key]} pages)"
