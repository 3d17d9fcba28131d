"""Extracted lines -> draft meetings: the order in which the rules are applied.

1. page furniture out (`clean`);
2. the file cut into meetings at each title ("Protokoll ...", "Mötesanteckningar") that follows
   items or signatures and is followed by header facts;
3. per meeting: numbered item headings (`agenda`), the head before them (`header`), the body
   (`registry`), unnumbered items when there are no numbers, the signatures and an appendix
   after the last item (`signatures`), then each item's content (`itembody`);
4. what spans the meeting: officials, present-versus-absent, days, item references, next
   meetings, topics, the diarienummer.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace
from itertools import islice

from .. import dnr
from .agenda import TITLE_LINE, Heading, find_numbered, numbered_candidate, split_dnr, title_like
from .clean import remove_furniture
from .dates import find_dates, find_time, first_date
from .extract import Extracted
from .header import (label_of, notice_at, notice_day, one_entry_each, parse_header, read_notice, replaced_are_absent,
                     local_parties, staff_after_members)
from ..items import ITEM_TYPES
from .breaks import restore_breaks
from .itembody import ADJUSTED_AT_MEETING, NAMES_A_MEMBER, ItemContext, fill_item, is_stop, split_title_type
from .margins import in_text_column, text_column
from .model import Attendee, DraftItem, DraftMeeting, Line, NextMeeting, Part, Section, Unplaced
from .people import person_key, same_person
from .registry import Registries, body_names, match_body, match_topics, propose_body
from .rollcall import starts_roll_call
from .sentences import Subjects
from .signatures import START as SIGNATURE_START
from .signatures import find_start, parse_signatures
from .units import Unit, build_units, sentences, typical_width

NEXT_MEETING_TITLE = re.compile(r"^(?:nästa|kommande)\s+(?:möte|möten|sammanträde|sammanträden)|^(?:mötes|sammanträdes)(?:tider|datum|plan)", re.IGNORECASE)
DATE_WORDS = re.compile(r"\b(?:datum|möten|mötestider|sammanträden|(?:19|20)\d\d)\b", re.IGNORECASE)


MARKUP_FORMATS = frozenset({"markdown", "latex", "typst", "org"})
"""Sources written as markup, never laid out on pages (see `clean`)."""


@dataclass(slots=True)
class Options:
    registries: Registries
    body: str | None = None
    """A body key given by the user: every meeting of the file belongs to it."""


def recognise(extracted: Extracted, options: Options, source: str) -> list[DraftMeeting]:
    lines, furniture = remove_furniture(restore_breaks(extracted.lines), paged=extracted.format not in MARKUP_FORMATS)
    width = typical_width(lines)
    meetings = []
    spans = split_meetings(lines)
    for start, end in spans:
        chunk = lines[start:end]
        meeting = DraftMeeting(source=source, first_loc=chunk[0].loc if chunk else "", last_loc=chunk[-1].loc if chunk else "")
        meeting.notes.extend(extracted.notes)
        _parse_meeting(chunk, meeting, options, width, extracted)
        meetings.append(meeting)
    _share_furniture(furniture, meetings, lines, spans)
    return meetings


def split_meetings(lines: list[Line]) -> list[tuple[int, int]]:
    starts = [0]
    items = 0
    signed = False
    current_date = _date_near(lines, 0)
    for index, line in enumerate(lines):
        text = line.text.strip()
        if not text:
            continue
        # (an entry of a list names minutes: "Följande handlingar anmäls:" / "• Protokoll från ...")
        if (items >= 2 or signed) and not line.bullet and _is_title(text) and _facts_follow(lines, index):
            if current_date is not None and current_date in _dates_near(lines, index):
                # a page header that repeats the title and date, or a title cited in an item with
                # an appended list of this meeting after it: the same meeting
                continue
            date = _date_near(lines, index)
            starts.append(index)
            items, signed, current_date = 0, False, date
        elif numbered_candidate(text) or line.heading:
            items += 1
        elif SIGNATURE_START.match(text):
            signed = True
    return [(a, b) for a, b in zip(starts, starts[1:] + [len(lines)]) if a < b]


def _is_title(text: str) -> bool:
    match = TITLE_LINE.match(text)
    return bool(match) and len(text.split()) <= 16


def _date_near(lines: list[Line], index: int) -> dt.date | None:
    """The first full date among the dozen lines from `index`."""
    return next(iter(_dates_near(lines, index)), None)


def _dates_near(lines: list[Line], index: int) -> list[dt.date]:
    """The first full date of each of the dozen lines from `index` that has one."""
    dates = []
    for line in islice((line for line in lines[index:] if not line.blank), 12):
        found = first_date(line.text)
        if found is not None and found.has_year:
            dates.append(found.start)
    return dates


def _facts_follow(lines: list[Line], index: int) -> bool:
    seen = 0
    for line in lines[index + 1:]:
        if line.blank:
            continue
        seen += 1
        if seen > 12:
            return False
        if label_of(line.text) is not None:
            return True
    return False


def _share_furniture(furniture: list[Unplaced], meetings: list[DraftMeeting], lines: list[Line], spans) -> None:
    """Report removed page furniture with the meeting it was found in."""
    if not meetings:
        return
    for unplaced in furniture:
        target = meetings[0]
        number = _loc_number(unplaced.loc)
        for meeting, (start, _) in zip(meetings, spans):
            if start < len(lines) and number is not None and _loc_number(lines[start].loc) is not None \
                    and number >= _loc_number(lines[start].loc):
                target = meeting
        target.unplaced.append(unplaced)


def _loc_number(loc: str) -> int | None:
    numbers = [int(n) for n in re.findall(r"\d+", loc)]
    if not numbers:
        return None
    return numbers[0] * 100000 + (numbers[1] if len(numbers) > 1 else 0)


# -- one meeting --------------------------------------------------------------------------

def _parse_meeting(lines: list[Line], meeting: DraftMeeting, options: Options, width: int, extracted: Extracted) -> None:
    known: set[str] = set()
    headings = find_numbered(lines, _range_start(lines))
    numbered = len(headings) >= 2 or (len(headings) == 1 and headings[0].hinted)
    if numbered:
        headings = _with_unnumbered_peers(lines, headings)
    header_end = headings[0].index if numbered else len(lines)
    head = parse_header(lines, header_end, meeting, known, open_ended=not numbered)
    _identify_body(meeting, head.body_candidates, options, head.title_rest)
    subjects = Subjects(_subject_names(meeting, options.registries))
    if not numbered:
        headings = find_unnumbered(lines, head.end, known, width)
        if headings:
            meeting.notes.append("the minutes number no items: items were found by their titles; check them")
    elif head.end < header_end:
        for line in lines[head.end:header_end]:
            meeting.unplace(line, "between the head and the first item")
    if meeting.date is None:
        _date_fallback(meeting, lines[:header_end if headings else len(lines)], extracted)

    # the end: signatures, an appendix, and the notice that the minutes were adjusted
    tail_start = None
    if headings:
        after = headings[-1].title_index + 1
        tail_start = find_start(lines, after, len(lines), known)
        lines, box = _without_notice(lines, after, tail_start if tail_start is not None else len(lines), known, meeting)
        if tail_start is not None and box is not None and tail_start < box[1]:
            tail_start = find_start(lines, box[0], len(lines), known)  # (the notice's own signer was the start found)
        elif tail_start is not None and box is not None:  # (the box stood before the signatures)
            tail_start -= box[1] - box[0]
    headings, continued = _without_continuations(headings, lines, meeting)
    continued |= _wrapped_titles(headings, lines, meeting)
    continued |= _dnr_above_headings(headings, lines, meeting)
    headings, vote_lists = _vote_lists(lines, headings, tail_start, meeting)
    ends = [h.index for h in headings[1:]] + [tail_start if tail_start is not None else len(lines)]
    if vote_lists:
        ends[-1] = min(ends[-1], vote_lists.start)
    if headings and (listed := _appended_attendance(lines, headings[-1].title_index + 1, ends[-1])) is not None:
        # ("Beslutande: se bifogad närvarolista": the list after the last item is the meeting's)
        meeting.guess(lines[listed].loc, "attendance", f"the list after the last item ('{lines[listed].text.strip()}')")
        parse_header(lines[listed:ends[-1]], ends[-1] - listed, meeting, known, open_ended=False)
        ends[-1] = listed
    if headings and (caption := _appendix_caption(lines, headings[-1].title_index + 1, ends[-1])) is not None:
        # ("Bilaga till protokoll 2024-06-12, §§ 86–89" / "Hur man överklagar": the minutes' appendix, no item's)
        _appendix(lines[caption:ends[-1]], meeting, width)
        ends[-1] = caption
    if tail_start is not None and headings:
        ends[-1] = _place_and_day_signed(lines, headings[-1].title_index + 1, ends[-1], meeting)
    if tail_start is not None:
        # (a box after the signatures: looked for below their first line)
        # (roll-call lists after the signatures: no part of them)
        tail_end = vote_lists.start if vote_lists and vote_lists.start > tail_start else len(lines)
        tail, _ = _without_notice(lines[tail_start:tail_end], 1, tail_end - tail_start, known, meeting)
        appendix_at = parse_signatures(tail, meeting, known)
        _appendix(tail[appendix_at:], meeting, width)
    _announcement(meeting, options.registries)
    if not headings:
        meeting.notes.append("found no items: the whole text is left out of the draft; see the lines not placed")
        for line in lines[head.end:tail_start if tail_start is not None else len(lines)]:
            meeting.unplace(line, "no item found to place it in")

    _numbering_glitches(meeting, headings, lines)
    staff_after_members(meeting)
    local_parties(meeting)
    one_entry_each(meeting)
    replaced_are_absent(meeting)
    signers = _officials(meeting)  # the chair is known before the items: "Ordförande går igenom ..."
    # (minutes whose only attendees are those who sign them list no attendance: an extract, a portal's page)
    ctx = ItemContext(meeting, subjects, known, width, inferred=signers, item_types=_item_types(meeting, options.registries))
    column = text_column(lines)
    for heading, end in zip(headings, ends):
        title, type_printed = split_title_type(heading.title)
        item = DraftItem(heading.number, title or f"Punkt {heading.number}", lines[heading.index].loc, printed=heading.printed)
        if type_printed:
            item.type_printed = type_printed
            meeting.guess(item.loc, f"{item.label}: type", f"{type_printed} (printed after the title)")
        meeting.guess(item.loc, "item", f"{item.label}" + (f" {title}" if heading.number else ""))
        if heading.dnr:
            item.dnr.append(heading.dnr)
            meeting.guess(item.loc, f"{item.label}: diarienummer", heading.dnr)
            if dnr.normalise(heading.dnr) is None:
                meeting.notes.append(f"{item.loc}: {item.label}: the diarienummer '{heading.dnr}' has none of the shapes "
                                     f"{dnr.SHAPES_HINT}; kept as text")
        body_lines = [lines[i] for i in heading.between] + [line for i, line in enumerate(lines[heading.title_index + 1:end],
                                                                                          heading.title_index + 1) if i not in continued]
        body_lines += vote_lists.of_item.get(heading.number, []) if vote_lists else []
        fill_item(item, in_text_column(body_lines, column) if column else body_lines, ctx)
        meeting.items.append(item)
    _finish(meeting, ctx, options.registries)


_VOTE_LIST = re.compile(
    r"^(?:bilaga\s*\d*\s*[:.,–-]?\s*)?(?:omröstnings|voterings)(?:lista|protokoll|bilaga)(?:\s+(?:nr\.?|nummer)\s*(?P<list>\d{1,3}))?"
    r"(?:\s*[,:–-]?\s*(?:till\s+|för\s+)?(?:§|paragraf)\s*(?P<item>\d{1,4}))?\s*$", re.IGNORECASE)
"""`Omröstningslista nr. 1`, `Voteringslista § 12`, `Bilaga 2 Omröstningsprotokoll, § 31`: a roll call's caption."""
_ITEM_REFERENCE = re.compile(r"^(?:§|paragraf)\s*(?P<item>\d{1,4})\b", re.IGNORECASE)
_CARRIED = re.compile(r"^(?:transport|överföring|summa\s+transport)\b", re.IGNORECASE)
"""`Transport<TAB>4<TAB>2`: the sums carried from a list's page to the next, no member's row."""


@dataclass
class VoteLists:
    start: int
    """Where the first list begins in the meeting's lines."""
    of_item: dict[str, list[Line]]
    """Each list's table, by the number of the item whose vote it is."""


def _vote_lists(lines: list[Line], headings: list[Heading], signed_at: int | None, meeting: DraftMeeting
                ) -> tuple[list[Heading], VoteLists | None]:
    """Roll-call lists printed after the minutes' last item, before the signatures (`signed_at`) or
    after them, each naming the item whose vote it is (`Omröstningslista nr. 1` over `§ 31`,
    `Voteringslista § 12`), as each item's own lines; and the headings without the `§ 31` under a
    list's caption, which starts no item. Only where every list names an item the minutes have, and
    no item follows the lists."""
    if not headings:
        return headings, None
    for start in range(headings[0].title_index + 1, len(lines)):
        if not _VOTE_LIST.match(lines[start].text.strip()):
            continue
        end = signed_at if signed_at is not None and signed_at > start else len(lines)
        before = [h for h in headings if h.index < start]
        numbers = {h.number for h in before}
        if any(h.number not in numbers for h in headings if h.index >= start) or not before:
            return headings, None  # (an item follows: a list within an item, read there)
        lists = _split_vote_lists(lines, start, end)
        if not lists or any(number not in numbers for number, _, _ in lists):
            return headings, None
        of_item: dict[str, list[Line]] = {}
        for number, caption, table in lists:
            of_item.setdefault(number, []).extend(table)
            meeting.guess(lines[caption].loc, f"§ {number}: omröstning", f"the roll-call list after the last item "
                                                                           f"('{lines[caption].text.strip()}')")
        return before, VoteLists(start, of_item)
    return headings, None


def _split_vote_lists(lines: list[Line], start: int, end: int) -> list[tuple[str, int, list[Line]]]:
    """(item number, caption's index, the table's lines) of each list from `start`; [] when one names no item.
    A caption that repeats the list's number on the next page goes on with its table: its heading row
    again and the sums carried (`Transport`) are left out."""
    lists: list[tuple[str, int, list[Line]]] = []
    numbers: list[str | None] = []
    index, repeated_heading = start, False
    while index < end:
        line = lines[index]
        match = _VOTE_LIST.match(line.text.strip())
        if match is None:
            if repeated_heading and starts_roll_call(Unit("row", line.text, [line])):
                repeated_heading = False
            elif not _CARRIED.match(line.text.strip()):
                lists[-1][2].append(line)
            index += 1
            continue
        caption, number, index = index, match["item"], index + 1
        if number is None:
            while index < end and lines[index].blank:
                index += 1
            reference = _ITEM_REFERENCE.match(lines[index].text.strip()) if index < end else None
            if reference is None:
                return []
            number, index = reference["item"], index + 1
        if lists and match["list"] is not None and numbers[-1] == match["list"] and lists[-1][0] == str(int(number)):
            repeated_heading = True  # (the same list on its next page)
            continue
        lists.append((str(int(number)), caption, []))
        numbers.append(match["list"])
    return lists


def _without_notice(lines: list[Line], start: int, end: int, known: set[str], meeting: DraftMeeting
                    ) -> tuple[list[Line], tuple[int, int] | None]:
    """`lines` without the notice that the minutes were adjusted (`ANSLAG/BEVIS`) where it stands in
    lines[start:end] (after the last item, or after the signatures): read (`read_notice`) and taken
    out up to the signatures that follow it, a heading, or the end; and where it was."""
    at = notice_at(lines, start, end)
    if at is None:
        return lines, None
    signed = find_start(lines, at + 1, len(lines), known)
    while signed is not None and _NOTICE_SIGNER.match(lines[signed].text.strip()):
        signed = find_start(lines, signed + 1, len(lines), known)  # (the notice's own signer: who posted it)
    until = next((i for i in range(at + 1, signed if signed is not None else len(lines)) if lines[i].heading), None)
    stop = min(x for x in (signed, until, len(lines)) if x is not None)
    read_notice(lines[at:stop], meeting)
    return lines[:at] + lines[stop:], (at, stop)


_NOTICE_SIGNER = re.compile(r"^underskrift\b(?!er)", re.IGNORECASE)
"""`Underskrift<TAB>....` / `Linnea Borg` in the notice's box: who posted the notice."""
_CONTINUED = re.compile(r"^\(?\s*(?:forts|fortsättning|fortsätter)\.?\s*\)?\.?$", re.IGNORECASE)


def _without_continuations(headings: list[Heading], lines: list[Line], meeting: DraftMeeting) -> tuple[list[Heading], set[int]]:
    """The headings without those that go on with the item before them on a new page ("§ 114
    (forts.)", "§ 114 forts."), and the lines those stood on: the item is one."""
    kept: list[Heading] = []
    continued: set[int] = set()
    for heading in headings:
        if kept and heading.number is not None and heading.number == kept[-1].number and _CONTINUED.match(heading.title.strip()):
            continued.update(range(heading.index, heading.title_index + 1))
            meeting.guess(lines[heading.index].loc, f"§ {heading.number}", "goes on from the page before (forts.)")
            continue
        kept.append(heading)
    return kept, continued


def _wrapped_titles(headings: list[Heading], lines: list[Line], meeting: DraftMeeting) -> set[int]:
    """A title too long for its line goes on in bold right below it ("§ 148 Yttrande över ... väg
    912" / "Norrbacka–Storsjön"): its end is added to the title, and the lines it took are returned."""
    taken: set[int] = set()
    for heading in headings:
        below = heading.title_index + 1
        if below >= len(lines) or heading.title_index == heading.index and not heading.title.strip():
            continue
        line = lines[below]
        text = line.text.strip()
        # (a line in lower case goes on from the title above whatever its length)
        if line.bold and not line.heading and text and "\t" not in text and len(text.split()) <= (14 if text[:1].islower() else 8) \
                and not text.endswith((".", ":")) and label_of(text) is None and numbered_candidate(text) is None \
                and not re.search(dnr.IN_TEXT, text) and not is_stop(text):  # (not "Byggnadsnämndens beslut" below it)
            # ("... Älvdalen,<TAB>Dnr KS 2024/0098" / "revisionsberättelse ...": the comma the title lost with its dnr)
            cells = [cell for cell in lines[heading.title_index].text.split("\t") if split_dnr(cell)[0]]  # ("§ 10<TAB>Title,<TAB>Dnr ...")
            comma = "," if cells and cells[-1].rstrip().endswith(",") else ""
            heading.title = f"{heading.title.rstrip().rstrip(',')}{comma} {text}"
            taken.add(below)
            meeting.guess(line.loc, "item title", f"goes on from the line above: '{text}'")
        elif (rest := _capitals_with_dnr(heading, text)) is not None:
            heading.title, heading.dnr = f"{heading.title.rstrip()} {rest[0]}", heading.dnr or rest[1]
            taken.add(below)
            meeting.guess(line.loc, "item title", f"goes on from the line above: '{rest[0]}', diarienummer {rest[1]}")
    return taken


def _capitals_with_dnr(heading: Heading, text: str) -> tuple[str, str] | None:
    """A title in capitals that goes on in the line below, before the item's diarienummer set at
    the right ("§ 90<TAB>SVAR PÅ MOTION OM ... LÄNGS" / "SJÖVÄGEN<TAB>KS 2009/118": the line is not
    bold for its diarienummer); the title's end and the diarienummer."""
    cells = text.split("\t")
    if len(cells) != 2 or not heading.title.strip().isupper() or not cells[0].isupper() or len(cells[0].split()) > 8:
        return None
    rest, found = split_dnr(text)
    if found is None or rest != cells[0].strip():
        return None
    return rest, found


def _dnr_above_headings(headings: list[Heading], lines: list[Line], meeting: DraftMeeting) -> set[int]:
    """A diarienummer alone on the line right above an item's heading ("KS/2024:112" / "§ 46 Title",
    a minutes system that sets it right-aligned above the title) is that item's, not the end of
    the item before; the lines it took are returned."""
    taken: set[int] = set()
    above_each = [_line_above(heading, headings[position - 1] if position else None, lines) for position, heading in enumerate(headings)]
    dispatch_above = _dispatch_printed_above(above_each, lines)
    for heading, above in zip(headings, above_each):
        if above is None:
            continue
        rest, found = split_dnr(lines[above].text.strip())
        if found is not None and not re.fullmatch(dnr.IN_TEXT, found):
            continue
        if rest and dispatch_above and _DISPATCH_ABOVE.match(rest):
            # ("Exp: Revisionen<TAB>KS/2011:286" / "§ 6": the recipients, in the margin above the paragraph, go with it)
            lines[above] = replace(lines[above], text=rest, cells=())
            heading.between = (above, *heading.between)
            meeting.unplaced = [u for u in meeting.unplaced if u.loc != lines[above].loc]  # (the head's, when above the first)
        elif rest or found is None or heading.dnr:
            continue
        taken.add(above)
        if found is not None and not heading.dnr:
            heading.dnr = found
            meeting.guess(lines[above].loc, f"§ {heading.number}", f"diarienummer {heading.dnr} (the line above the heading)")
    return taken


def _dispatch_printed_above(above_each: list[int | None], lines: list[Line]) -> bool:
    """Whether the minutes print each paragraph's recipients above it (`Exp: Revisionen` / `§ 6`):
    above the first paragraph, or with a diarienummer, which no paragraph ends with."""
    for position, above in enumerate(above_each):
        if above is None:
            continue
        rest, found = split_dnr(lines[above].text.strip())
        if _DISPATCH_ABOVE.match(rest) and (position == 0 or found):
            return True
    return False


def _line_above(heading: Heading, before: Heading | None, lines: list[Line]) -> int | None:
    """The index of the last line with text above a heading, after the heading before it."""
    above = heading.index - 1
    while above >= 0 and lines[above].blank:
        above -= 1
    return above if above > (before.title_index if before else -1) else None


_DISPATCH_ABOVE = re.compile(r"^(?:exp\.?|expedieras|expedierat|expediering)(?:\s+till)?\s*:?\s+\S", re.IGNORECASE)
"""`Exp: Revisionen`: where the decision is sent, printed above the paragraph in older minutes."""


def _heading_title(text: str) -> bool:
    """A heading's text that names a subject, also as "Kind: subject" ("Motion: Inval av
    kassör", "Proposition: Ny logotyp")."""
    if title_like(text):
        return True
    kind = re.match(r"^[A-ZÅÄÖ][\wåäö]{2,20}:\s+(?P<rest>\S.*)$", text)
    return bool(kind) and title_like(kind["rest"])


def _numbering_glitches(meeting: DraftMeeting, headings: list[Heading], lines: list[Line]) -> None:
    """Numbers printed twice or skipped (a word processor's automatic numbering) are kept as
    printed; the report says where. A repeated number's item gets the address `p7_2` in the
    archive (see the content format)."""
    seen: dict[str, int] = {}
    previous: int | None = None
    for heading in headings:
        if heading.number is None or not heading.number.isdigit():
            previous = None if heading.number is None else previous
            continue
        number = int(heading.number)
        loc = lines[heading.index].loc
        if heading.number in seen:
            seen[heading.number] += 1
            meeting.notes.append(f"{loc}: § {heading.number} is printed a {_ORDINAL.get(seen[heading.number], 'further')} time: "
                                 f"kept as printed (the archive gives this item the address #p{heading.number}_{seen[heading.number]}); "
                                 "check the source")
        else:
            seen[heading.number] = 1
            if previous is not None and number > previous + 1:
                missing = ", ".join(str(n) for n in range(previous + 1, number))
                meeting.notes.append(f"{loc}: § {number} follows § {previous}: no item {missing} is printed; kept as printed")
        previous = number


_ORDINAL = {2: "second", 3: "third", 4: "fourth"}


def _with_unnumbered_peers(lines: list[Line], headings: list[Heading]) -> list[Heading]:
    """Where the typesetter numbers the item headings, a heading of the same level its author
    left unnumbered (LaTeX's starred `\\section*`) is an item too, without a number (also as
    "Motion: Title"); a label ("Beslut", "Förslag till beslut") is none. (Unnumbered headings among printed numbers are
    sub-headings of the item above.)"""
    levels = {lines[h.index].heading for h in headings if lines[h.index].heading}
    if not levels or any(not lines[h.index].heading for h in headings):
        return headings
    taken = {h.index for h in headings} | {h.title_index for h in headings}
    peers = [Heading(index, None, line.text.strip(), index, True) for index, line in enumerate(lines)
             if index > headings[0].index and line.unnumbered and line.heading in levels and index not in taken
             and _heading_title(line.text.strip()) and not is_stop(line.text.strip()) and not numbered_candidate(line.text)]
    return sorted(headings + peers, key=lambda h: h.index)


_RANGE = re.compile(r"(?:(?:^|\t|\s)(?:Justerade\s+)?(?:Paragrafer|Ärenden|Punkter)|(?:^|\t)§§)\s*:?\s*(?:§§?\s*)?(?P<a>\d{1,4})\s*(?:[-–]{1,2}|till)\s*(?:§\s*)?(?P<b>\d{1,4})",
                    re.IGNORECASE)
"""`Paragrafer 23–25`, `Justerade paragrafer 45-58`, `§§ 130 - 143` as a label: the items' numbers
(`Anna Ek (S) §§ 51-58` beside a name is when she took part)."""


def _range_start(lines: list[Line]) -> int | None:
    for line in lines[:80]:
        if match := _RANGE.search(line.text):
            return int(match["a"])
    return None


def find_unnumbered(lines: list[Line], start: int, known: set[str], width: int) -> list[Heading]:
    """Items of minutes that give only titles (see `agenda`)."""
    position = {id(line): index for index, line in enumerate(lines)}
    units = build_units(lines[start:], width)
    marked = [u for u in units if u.kind == "heading" and not is_stop(u.text)]
    use_hints = len(marked) >= 3
    # Items are the source's top level of headings that recurs ("##" under a "#" title), or its
    # bold lines when it has no levels; deeper levels are sub-headings.
    levels = Counter(u.lines[0].heading for u in marked)
    recurring = [level for level, count in levels.items() if count >= 2] or list(levels)
    item_level = min(recurring) if recurring else 0
    headings: list[Heading] = []
    context = None  # inside the list a line ending in ':' introduces
    previous_title = False
    current_title = ""
    for k, unit in enumerate(units):
        text = unit.text.strip()
        if context == "intro":
            context = "bullets" if unit.kind == "bullet" else "lines"
        elif context == "bullets" and unit.kind != "bullet":
            context = None
        if unit.kind == "heading" and use_hints:
            candidate = unit.lines[0].heading == item_level and not is_stop(text)
        elif use_hints:
            candidate = False
        else:
            candidate = (unit.kind in ("para", "heading") and unit.single and (unit.blank_before or k == 0)
                         and context is None and title_like(text, known) and not unit.lines[0].joined)
            if candidate and text.endswith("?"):
                neighbours = [units[j].text for j in (k - 1, k + 1) if 0 <= j < len(units)]
                candidate = not any("?" in n for n in neighbours)
            if candidate and k + 1 < len(units) and units[k + 1].lines[0].joined:
                candidate = False
        if context == "lines" and text.endswith("."):
            context = None
        if text.endswith(":") and not candidate:
            context = "intro"
        if not candidate:
            previous_title = False
            continue
        line = unit.lines[0]
        if previous_title or (headings and NEXT_MEETING_TITLE.match(current_title) and DATE_WORDS.search(text)):
            line.heading = line.heading or 3  # a sub-heading of the item above
            previous_title = False
            continue
        headings.append(Heading(position[id(line)], None, text, position[id(line)], unit.kind == "heading"))
        current_title = text
        previous_title = True
    return headings


_ATTENDANCE_LIST = re.compile(
    r"^(?:bilaga\s*\d*\s*[:.–-]?\s*)?(?:(?:närvaro|upprops|omröstnings|votering|deltagar)(?:-\s+och\s+(?:omröstnings|votering)s?)?lista\b|"
    r"närvaroförteckning|förteckning\s+över\s+(?:beslutande|närvarande))", re.IGNORECASE)
_APPENDIX_NUMBER = re.compile(r"^bilaga\s*[\dA-Z]{1,3}\s*[:.]?$", re.IGNORECASE)
"""`Bilaga 1` alone above the list it numbers."""


def _appended_attendance(lines: list[Line], start: int, end: int) -> int | None:
    """Where a list of attendance appended to the minutes begins after the last item: its title
    ('Närvarolista', 'Bilaga 1 Närvaro- och omröstningslista') with a table of three or more
    columns (member, party, present...) right below it or below a caption, or None."""
    for index in range(start, end):
        if not _ATTENDANCE_LIST.match(lines[index].text.strip()):
            continue
        below = [line for line in lines[index + 1:end] if not line.blank][:6]
        rows = [line for line in below if len(line.text.split("\t")) >= 3 or _MEMBER_LINE.match(line.text.strip())]
        if len(rows) >= 3 and below.index(rows[0]) <= 2:
            above = index - 1
            while above >= start and lines[above].blank:
                above -= 1
            return above if above >= start and _APPENDIX_NUMBER.match(lines[above].text.strip()) else index
    return None


_MEMBER_LINE = re.compile(rf"^\W?\s*{NAMES_A_MEMBER.pattern}")
"""`Sara Ejnell (S)`, `*Anders Rapp (S)`: a member's line in a list of attendance, one a line."""


_APPENDIX_CAPTION = re.compile(
    r"^bilaga(?:\s+[\dA-Z]{1,3})?(?:\s+(?:till|tillhörande)\s+(?:[\wåäö-]+s\s+)?(?:sammanträdes)?protokoll(?:et)?\b"
    r"|\s*,?\s+(?:till\s+)?§\s*\d{1,4}\s*$)", re.IGNORECASE)
"""`Bilaga till protokoll 2024-06-12, §§ 86–89 och 91`, `Bilaga 2 till kommunstyrelsens protokoll`,
`Bilaga 1, § 45`: the caption of an appendix to the minutes (or to one of its items)."""


def _appendix_caption(lines: list[Line], start: int, end: int) -> int | None:
    """Where an appendix captioned as the minutes' own begins after the last item's title, or None."""
    for index in range(start, end):
        text = lines[index].text.strip()
        if _APPENDIX_CAPTION.match(text) and len(text.split()) <= 14 and any(not l.blank for l in lines[index + 1:end]):
            return index
    return None


def _appendix(lines: list[Line], meeting: DraftMeeting, width: int) -> None:
    if not any(not l.blank for l in lines):
        return
    units = build_units(lines, width)
    section: Section | None = None
    position = 0
    while position < len(units):
        if units[position].kind == "heading" or section is None:
            section, after = _appendix_section(units, position)
            meeting.appendix.append(section)
            meeting.guess(units[position].loc, "appendix", section.title)
            if after > position:
                position = after
                continue
        unit = units[position]
        position += 1
        if unit.kind == "row":
            if section.parts and section.parts[-1].kind == "table":
                section.parts[-1].items.append(unit.text.split("\t"))
            else:
                section.parts.append(Part("table", items=[unit.text.split("\t")], loc=unit.loc))
        elif unit.kind == "bullet":
            if section.parts and section.parts[-1].kind == "list":
                section.parts[-1].items.append((unit.depth, unit.text))
            else:
                section.parts.append(Part("list", items=[(unit.depth, unit.text)], loc=unit.loc))
        else:
            section.parts.append(Part("para", text=unit.text, loc=unit.loc))


def _appendix_section(units: list[Unit], position: int) -> tuple[Section, int]:
    """The section an appendix's unit at `position` starts, and the position after its title: a
    heading titles it; a caption over a heading ("Bilaga till protokoll ..." / "Hur man överklagar")
    is its first line under the heading's title; a caption alone ("Bilaga 1, § 45") titles it; any
    other text starts one without a title of its own (and is its first line)."""
    unit = units[position]
    text = unit.text.strip()
    if unit.kind == "heading":
        return Section(text), position + 1
    if not _APPENDIX_CAPTION.match(text):
        return Section("Bilaga till protokollet"), position
    if position + 1 < len(units) and units[position + 1].kind == "heading":
        return Section(units[position + 1].text.strip(), parts=[Part("para", text=text, loc=unit.loc)]), position + 2
    return Section(text), position + 1


# -- the body -----------------------------------------------------------------------------

def _announcement(meeting: DraftMeeting, registries: Registries) -> None:
    """An announced adjustment is a fact of a body under kommunallagen: a body proposed for the
    minutes is one; where the registry has the body and says it is not one, the draft leaves the
    day out (its check would fail on it) and the report tells how to keep it."""
    if meeting.announced_on is None:
        return
    if meeting.body_proposal is not None:
        meeting.body_proposal["local_government_act"] = True
        return
    body = registries.body(meeting.body) if meeting.body else None
    if body is not None and not body.local_government_act:
        meeting.notes.append(f"the minutes were announced on the notice board on {meeting.announced_on}, but bodies.yml does "
                             f"not mark {body.name} as a body under kommunallagen: set 'local_government_act: true' for it "
                             f"and add 'announced_on: {meeting.announced_on}' to keep the appeal period")
        meeting.announced_on = None


def _identify_body(meeting: DraftMeeting, candidates: list[tuple[str, str]], options: Options, title_rest: str | None) -> None:
    registries = options.registries
    candidates = [(_body_name(text), loc) for text, loc in candidates]
    candidates = [(part, loc) for text, loc in candidates if text for part in _owner_and_body(text)]
    if title_rest:
        meeting.body_printed = title_rest
    if options.body:
        body = registries.body(options.body)
        meeting.body = options.body
        meeting.body_name = body.name if body else None
        if body is None:
            meeting.notes.append(f"--body {options.body}: no such key in bodies.yml; add the body before publishing")
        meeting.guess(meeting.first_loc, "body", f"{options.body} (given with --body)")
        return
    match = match_body(candidates, registries)
    if match is not None:
        meeting.body, meeting.body_name = match.key, match.name
        meeting.guess(match.loc, "body", f"{match.key} ({match.how})")
        return
    printed = [title_rest] if title_rest else []
    # (a line of the head names the body with a capital, as the title's words need not: "Minnesanteckningar
    # styrgruppen för Nära vård"; "i föreningslokalen, plan 2", "#Möte" name none)
    lines = [text for text, _ in candidates if len(text.split()) <= 10 and text[:1].isupper()]
    # ("Ekbacka kommun" above "Kommunala pensionärsrådet": the letterhead names the organisation, the body comes after;
    # "GRANÅKER" above "Miljö- och byggnadsnämnden": a line that names a kind of body comes first)
    lines.sort(key=lambda text: (not _NAMES_A_BODY.search(text), bool(_ORGANISATION.search(text))))
    name = next(filter(None, map(proposed_body_name, printed + lines)), None)
    if name is None:
        meeting.notes.append("could not tell which body the minutes are from; give it with --body KEY")
        return
    if name.isupper():
        # ("ÄLDRENÄMNDEN", "MILJÖ- OCH BYGGNADSNÄMNDEN": a body's name is common nouns, as a sentence writes them)
        name = name[:1] + name[1:].lower()
    proposal = propose_body(name, registries)
    if owner := next((text for text in lines if _ORGANISATION.search(text) and text != name), None):
        proposal["organisation"] = owner = _as_written(owner)  # ("Hallsviks kommun" in the letterhead: whose body it is)
        meeting.guess(meeting.first_loc, "body's organisation", f"{owner} (the letterhead)")
    meeting.body, meeting.body_name, meeting.body_proposal = proposal["key"], proposal["name"], proposal
    meeting.guess(meeting.first_loc, "body", f"{proposal['key']} (proposed: no body in bodies.yml matches '{name}')")


_DASH = re.compile(r"\s+[–—-]\s+")


def _owner_and_body(text: str) -> list[str]:
    """A letterhead that names the organisation and its body on one line ("Ekbacka kommun –
    Kommunala pensionärsrådet"): the body, then the organisation; any other line as it is."""
    parts = _DASH.split(text, maxsplit=1)
    if len(parts) == 2 and _ORGANISATION.search(parts[0]) and parts[1][:1].isupper() and not _ORGANISATION.search(parts[1]):
        return [parts[1], parts[0]]
    return [text]


def _as_written(name: str) -> str:
    """A letterhead's name in capitals as a sentence writes it ("VINDEBY KOMMUN" -> "Vindeby kommun")."""
    if not name.isupper():
        return name
    words = [word.capitalize() for word in name.split()]
    return " ".join(word.lower() if k and word.lower() in _COMMON_NOUNS else word for k, word in enumerate(words))


_NAMES_A_BODY = re.compile(r"(?:nämnd|nämnden|styrelse|styrelsen|fullmäktige|utskott|utskottet|råd|rådet|direktion|direktionen|"
                           r"beredning|beredningen|revisorer|revisorerna|presidium|presidiet|kommitté|kommittén|grupp|gruppen|"
                           r"delegation|delegationen|stämma|stämman)$", re.IGNORECASE)
"""A name that ends in a kind of body, alone or as a compound's last part ("Miljö- och
byggnadsnämnden", "Kommunstyrelsens arbetsutskott", "Styrgruppen")."""
_COMMON_NOUNS = {"kommun", "stad", "län", "landsting", "kommunförbund"}
_ORGANISATION = re.compile(r"(?:^|\s)(?:\w+s\s+)?(?:kommun|stad|region|landsting|kommunförbund|län)$|^(?:region|landstinget)\s+\w+$|"
                           r"^[\wåäö]*förbundet\s+[A-ZÅÄÖ]", re.IGNORECASE)
"""A municipality or region ("Ekbacka kommun", "Region Örebro län", "Norrbacka stad") or a
kommunalförbund ("Räddningstjänstförbundet Norrvik–Sjöby–Alnäs"), not one of its bodies."""


_MEETING_TAIL = re.compile(r"\s*[,–-]?\s*(?:möte|mötet|sammanträde|sammanträdet|protokoll|sammanträdesprotokoll)\s*$"
                           r"|\s+(?:sida\s+)?\d{1,3}\s*\(\d{1,3}\)\s*$", re.IGNORECASE)
"""What a line that names the body adds after it: the meeting (`, möte`), or the page (`1(6)`, `Sida 1 (6)`)."""


_OWNER_OF_A_MEETING = re.compile(r"^(?P<owner>\S.*)s\s+(?:\w+\s+){0,2}?\w*(?:möte|mötet|sammanträde|sammanträdet|stämma|stämman)\b",
                                 re.IGNORECASE)
"""A meeting named by whose it is: "Kommunstyrelsens sammanträde", "Föreningens extra höstmöte 2016",
"Kommunstyrelsens arbetsutskotts sammanträde" (the last genitive's)."""
_A_BODY_MEETS = re.compile(r"^(?P<noun>styrelse|nämnd|utskotts?|råds?)(?:möte|mötet|sammanträde|sammanträdet)\b", re.IGNORECASE)
"""A meeting named by a compound of the body's noun: "Styrelsemöte 3", "Nämndsammanträde"."""
_DEFINITE = {"styrelse": "Styrelsen", "nämnd": "Nämnden", "utskott": "Utskottet", "råd": "Rådet"}
_WHEN = re.compile(r"\b(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?\b|\b(?:kl\.?|klockan)\s*\d|\b\d{1,2}[:.]\d{2}\b", re.IGNORECASE)
_GLUED_WORDS = re.compile(r"[a-zåäö]{2}[A-ZÅÄÖ][a-zåäö]")
"""Cells of a table read as one word ("HammersbergJaTim"): a list of people, never a body's name."""


def proposed_body_name(text: str) -> str | None:
    """The body a line of the head names, for a body the registry lacks: the owner of the meeting
    it names ("Kommunstyrelsens sammanträde" -> "Kommunstyrelsen", "Styrelsemöte 3" ->
    "Styrelsen"), or the line as it is; None for a line that says when the meeting was (a weekday,
    a time) or holds words run together (a table's cells), which names no body."""
    if (title := TITLE_LINE.match(text)) and title["rest"]:
        text = title["rest"]  # "Protokoll fört vid Föreningens höstmöte 2016."
    if compound := _A_BODY_MEETS.match(text):
        return _DEFINITE[compound["noun"].casefold().rstrip("s")]
    if owner := _OWNER_OF_A_MEETING.match(text):
        text = owner["owner"]
    if _WHEN.search(text) or _GLUED_WORDS.search(text) or _PAGE_WORD.match(text):
        return None
    return text.strip(" ,.–-") or None


_PAGE_WORD = re.compile(r"^\s*(?:sida|sidan|sid|blad|page|sidnummer|sidnr)\.?\s*:?\s*"
                        r"(?:\d{1,3}\s*(?:\(\s*\d{1,3}\s*\)?|(?:av|of|/)\s*\d{1,3})?)?\s*$", re.IGNORECASE)
"""A letterhead's page label, its number in the line below or after it ("Sida" / "1 (7)", "Sida 1(7)"): no body."""


def _body_name(text: str) -> str:
    """A line that may name the body, without the meeting it adds ("Kommunfullmäktige, möte
    2022-12-19" -> "Kommunfullmäktige")."""
    found = first_date(text)
    if found is not None and found.has_year:
        text = (text[:found.span[0]] + " " + text[found.span[1]:]).strip()
    return _MEETING_TAIL.sub("", text).strip(" ,–-")


def _item_types(meeting: DraftMeeting, registries: Registries) -> frozenset[str]:
    """The types the loader accepts for the meeting's body: the format's and the body's own."""
    body = registries.body(meeting.body) if meeting.body else None
    own = {" ".join(name.split()).lower() for name in getattr(body, "item_types", None) or []}
    return frozenset(ITEM_TYPES) | own


def _subject_names(meeting: DraftMeeting, registries: Registries) -> list[str]:
    names = []
    if meeting.body and (body := registries.body(meeting.body)):
        names.extend(body_names(body))
    for name in (meeting.body_name, meeting.body_printed):
        if name:
            names.append(name)
            names.append(re.sub(r"\s*\([^)]*\)", "", name))
            if acronym := re.search(r"\(([A-ZÅÄÖ]{2,8})\)", name):
                names.append(acronym[1])
    return names


_ADJUSTMENTS_DAY = re.compile(r"^\s*(?:justering|justerat|justerad|justerade|anslag|datum\s+(?:för|då|när)\s+anslag|"
                             r"protokollet\s+(?:är|har)\s+justera|(?:plats\s+och\s+tid|tid\s+och\s+plats)\s+för\s+justering)",
                             re.IGNORECASE)
"""A line of the head that dates the adjustment or the notice: a day after the meeting's, never its own."""


def _date_fallback(meeting: DraftMeeting, lines: list[Line], extracted: Extracted) -> None:
    for line in lines[:60]:
        found = first_date(line.text) if not _ADJUSTMENTS_DAY.match(line.text) else None
        if found is not None and found.has_year:
            meeting.date, meeting.end_date = found.start, found.end
            meeting.guess(line.loc, "date", f"{found.start} (the first date in the head: '{line.text.strip()[:60]}')")
            if meeting.time is None and (time := find_time(line.text)):
                meeting.time = time
            return
    found = first_date(extracted.path.stem.replace("_", " "))
    if found is not None and found.has_year:
        meeting.date = found.start
        meeting.guess("file name", "date", f"{found.start} (from the file name)")
        return
    meeting.notes.append("found no meeting date; the draft cannot be filed until one is given")


# -- across the meeting -------------------------------------------------------------------

def _finish(meeting: DraftMeeting, ctx: ItemContext, registries: Registries) -> None:
    _merge_guests(meeting, ctx.guests)
    _absent_wins(meeting)
    _officials(meeting)
    _days(meeting)
    _item_references(meeting)
    _listed_attachments(meeting)
    _next_meetings(meeting)
    if meeting.date is not None:
        _next_in_text(meeting)
        _adjustment_in_text(meeting)
    _topics(meeting, registries)
    _first_names(meeting)
    _adjusted_items_named_outside(meeting)
    if meeting.dnr_printed and dnr.normalise(meeting.dnr_printed) is None:
        meeting.notes.append(f"the diarienummer '{meeting.dnr_printed}' has none of the shapes {dnr.SHAPES_HINT}; left out")


_ADJUSTMENT_TOLD = re.compile(r"^(?:Justering(?:en)?\s+(?:av\s+(?:dagens\s+)?protokoll(?:et)?\s+)?(?:sker|äger\s+rum|ska\s+ske|görs)"
                              r"|Protokollet\s+(?:justeras|ska\s+justeras))\b", re.IGNORECASE)
"""`Justeringen sker på revisionskontoret fredagen den 26 april 2024.`: the day of adjustment told in
an item (`Val av justerare`) where the minutes have no field for it."""


def _listed_attachments(meeting: DraftMeeting) -> None:
    """Each attachment listed after the signatures goes to the one item whose text refers to it
    by its number ("Presentationen bifogas minnesanteckningarna (bilaga 1)"); one that no item or
    more than one refers to is told, not guessed."""
    for number, title, line in meeting.listed_attachments:
        mention = re.compile(rf"\bbilaga\s+{re.escape(number)}\b", re.IGNORECASE)
        referring = [item for item in meeting.items
                     if any(mention.search(part.text) for part in item.parts if part.kind == "para")]
        if len(referring) != 1 or not referring[0].parts or referring[0].parts[0].kind != "fields":
            meeting.unplace(line, "an attachment listed after the signatures that no one item refers to")
            continue
        item = referring[0]
        item.attachments.append(("Bilaga", title))
        item.parts[0].items.append(("Bilaga", title))
        meeting.guess(line.loc, f"{item.label}: bilaga", f"{title} (listed after the signatures as bilaga {number})")


def _adjustment_in_text(meeting: DraftMeeting) -> None:
    if meeting.adjusted_on is not None:
        return
    for item in meeting.items:
        for part in item.parts:
            for sentence in sentences(part.text) if part.kind == "para" else ():
                found = first_date(sentence) if _ADJUSTMENT_TOLD.match(sentence) else None
                if found is not None and meeting.date <= found.start <= meeting.date + dt.timedelta(days=60) \
                        and notice_day(meeting, "adjusting", sentence, part.loc or item.loc, sentence):
                    return


_PARAGRAPHS_NAMED = re.compile(r"(?:§§?|paragraf(?:erna)?)\s*(\d{1,4}(?:\s*(?:[–-]|,|och)\s*\d{1,4})*)", re.IGNORECASE)


def _adjusted_items_named_outside(meeting: DraftMeeting) -> None:
    """A line outside the items that names the paragraphs adjusted at the meeting (`§ 31 justerades
    omedelbart`, `Omedelbart justerade paragrafer: §§ 31–32`), or the head's adjustment fact that
    does: those items' `Justering: omedelbar`."""
    by_number = {item.number: item for item in meeting.items if item.number}
    for told in [*meeting.unplaced, *meeting.adjustment_told]:
        if told in meeting.adjustment_told and (on_the_day := _adjusted_on_the_day(told.text, meeting.date)):
            named = [number for match in _PARAGRAPHS_NAMED.finditer(on_the_day) for number in _numbers_in(match[1])]
        elif ADJUSTED_AT_MEETING.search(told.text):
            named = [number for match in _PARAGRAPHS_NAMED.finditer(told.text) for number in _numbers_in(match[1])]
        else:
            continue
        if not named or not all(number in by_number for number in named):
            continue
        for number in named:
            by_number[number].adjusted_at_meeting = True
            meeting.guess(told.loc, f"§ {number}: justering", f"omedelbar (from '{told.text[:60]}')")
        if told in meeting.unplaced:
            meeting.unplaced.remove(told)


def _adjusted_on_the_day(told: str, day: dt.date | None) -> str:
    """Of an adjustment that gives its paragraphs days of their own (`23 oktober 2024 § 25 4 november
    2024 §§ 17–24`), the text after the meeting's own day: the paragraphs adjusted at the meeting."""
    found = [d for d in find_dates(told) if d.has_year]
    if day is None or len(found) < 2:
        return ""
    return next((told[d.span[1]:after.span[0] if after else len(told)]
                 for d, after in zip(found, [*found[1:], None]) if d.start == day), "")


def _numbers_in(listed: str) -> list[str]:
    """`31–33, 35 och 37`: each number, a range's too."""
    numbers: list[str] = []
    for part in re.split(r"\s*(?:,|och)\s*", listed):
        ends = [int(n) for n in re.findall(r"\d+", part)]
        if not ends:
            continue
        numbers += [str(n) for n in range(ends[0], ends[-1] + 1)] if len(ends) == 2 and ends[0] < ends[1] <= ends[0] + 50 \
            else [str(n) for n in ends]
    return numbers


def _first_names(meeting: DraftMeeting) -> None:
    """A presenter named by a given name only ("Malin redovisade"): who it may be."""
    people = [a.name for a in meeting.attendees()]
    for item in meeting.items:
        for presenter in item.presenters:
            if len(presenter.name.split()) != 1:
                continue
            matches = [name for name in people if name.split()[0].casefold() == presenter.name.casefold()]
            if len(matches) == 1:
                meeting.notes.append(f"{item.label}: presenter '{presenter.name}' is probably {matches[0]} (kept as printed)")
            elif matches:
                meeting.notes.append(f"{item.label}: presenter '{presenter.name}' may be {' or '.join(matches)} (kept as printed)")


def _merge_guests(meeting: DraftMeeting, guests: list[Attendee]) -> None:
    everyone = [*meeting.present, *meeting.absent, *meeting.staff, *meeting.guests]
    for guest in guests:
        if any(same_person(guest.name, other.name) for other in everyone):
            continue
        meeting.guests.append(guest)
        everyone.append(guest)


def _absent_wins(meeting: DraftMeeting) -> None:
    """Rosters list everyone and then who was absent: the absentees are not present."""
    for absentee in meeting.absent:
        key = person_key(absentee.name)
        for list_name in ("present", "staff", "guests"):
            listed = meeting.attendee_lists[list_name]
            for other in [a for a in listed if person_key(a.name) == key]:
                if other.days or absentee.days:
                    continue
                listed.remove(other)
                for field_name in ("organisation", "party", "role", "title", "group"):
                    if getattr(absentee, field_name) is None and getattr(other, field_name) is not None:
                        setattr(absentee, field_name, getattr(other, field_name))
                if list_name == "guests" and absentee.role is None:
                    absentee.role = "inbjuden"
                meeting.guess(absentee.loc, "absent", f"{absentee.name} is also listed in {list_name} ({other.loc}): kept as absent")


def _officials(meeting: DraftMeeting) -> list[Attendee]:
    """The chair, secretary and adjusters from the lists and the signatures; returns the attendees
    added because they sign or keep the minutes and no list names them."""
    everyone = meeting.attendees()
    added = []

    def attendee_name(name: str) -> str:
        match = next((a.name for a in everyone if same_person(name, a.name)), None)
        return match or name

    for attendee in everyone:
        role = (attendee.role or "").casefold()
        if not role:
            continue
        if re.search(r"(?<!vice )\bordförande\b|^ordf", role) and not role.startswith("vice") and meeting.chair is None:
            meeting.chair = attendee.name
            meeting.guess(attendee.loc, "chair", attendee.name)
        if "vice ordförande" in role and meeting.vice_chair is None:
            meeting.vice_chair = attendee.name
            meeting.guess(attendee.loc, "vice chair", attendee.name)
        if "sekreterare" in role and meeting.secretary is None:
            meeting.secretary = attendee.name
            meeting.guess(attendee.loc, "secretary", attendee.name)
        if "justera" in role and attendee.name not in meeting.adjusters:
            meeting.adjusters.append(attendee.name)
            meeting.guess(attendee.loc, "adjuster", attendee.name)
    adjusting = [s for s in meeting.signatures if (s.role or "").casefold() == "justerare"]
    for signature in adjusting:
        if len(adjusting) > 1 and meeting.chair and same_person(attendee_name(signature.name), meeting.chair) \
                and not any(same_person(signature.name, a) for a in meeting.adjusters):
            # "Justeras" over the chair and the adjuster: the chair signs as chair ("jämte ordföranden")
            signature.role = "ordförande"
            meeting.guess("signatures", "chair", f"{signature.name} (the chair, signing under the adjusters' label)")
    for signature in meeting.signatures:
        role = (signature.role or "").casefold()
        name = attendee_name(signature.name)
        if role == "justerare" and not any(same_person(name, a) for a in meeting.adjusters):
            meeting.adjusters.append(name)
            meeting.guess("signatures", "adjuster", f"{name} (signed as justerare)")
        elif role == "ordförande" and meeting.chair is None:
            meeting.chair = name
            meeting.guess("signatures", "chair", f"{name} (signed as ordförande)")
        elif role == "sekreterare" and meeting.secretary is None:
            meeting.secretary = name
            meeting.guess("signatures", "secretary", f"{name} (signed as sekreterare)")
    if meeting.secretary is None:
        keepers = [a for a in meeting.staff if _MINUTE_TAKER.match((a.title or "").strip())]
        if len(keepers) == 1:  # ("Johan Berg, kommunsekreterare" among the officers, and no one signs as secretary)
            meeting.secretary = keepers[0].name
            meeting.guess(keepers[0].loc, "secretary", f"{keepers[0].name} (the one officer titled {keepers[0].title})")
    for name in [meeting.chair, *meeting.adjusters, *(a.name for a in meeting.named_in_head)]:
        if name and not any(same_person(name, a.name) for a in meeting.attendees()):
            # the chair and the adjusters sign the minutes, so were there (and the vice chairs and a
            # deputy the head names): the members are listed elsewhere ("Beslutande: se bifogad
            # uppropslista") or not at all
            named = next((a for a in meeting.named_in_head if same_person(name, a.name)), None)
            role = named.role if named and named.role else "ordförande" if name == meeting.chair else None
            added.append(Attendee(name=name, party=named.party if named else None, role=role, note=named.note if named else None,
                                  loc=meeting.first_loc))
            meeting.present.append(added[-1])
            meeting.guess(meeting.first_loc, "present", f"{name} (named in the head or signs the minutes, listed nowhere else)")
    if meeting.secretary:
        meeting.secretary = attendee_name(meeting.secretary)
        if not any(same_person(meeting.secretary, a.name) for a in everyone):
            # the secretary kept the minutes, so was there: "Sekreterare: Lisa Mohlin" and no list names her
            added.append(Attendee(name=meeting.secretary, role="sekreterare", loc=meeting.first_loc))
            meeting.staff.append(added[-1])
            meeting.guess(meeting.first_loc, "staff", f"{meeting.secretary} (the secretary, listed nowhere else)")
    if meeting.chair and not any("ordförande" in (a.role or "") and "vice" not in (a.role or "") for a in meeting.present):
        # (a roll call lists the chair among the members, and the signatures say who chaired)
        listed = next((a for a in meeting.present if same_person(meeting.chair, a.name) and not a.role), None)
        if listed is not None:
            listed.role = "ordförande"
            meeting.guess(listed.loc, "present", f"{listed.name} (role ordförande: the chair)")
    meeting.adjusters = [attendee_name(a) for a in meeting.adjusters]
    return added


_PLACE_AND_DAY = re.compile(r"^[A-ZÅÄÖ][\wåäöé-]*(?:\s+[A-ZÅÄÖ][\wåäöé-]*){0,2}(?:\s*,\s*|\s+den\s+|\s+)(?P<day>\d{4}-\d\d-\d\d|\d{1,2}\s+[a-zåäö]+\s+\d{4})$")


def _place_and_day_signed(lines: list[Line], start: int, end: int, meeting: DraftMeeting) -> int:
    """`Sjövalla den 27 mars 2024` right above the signatures: where and when they signed, the day
    the minutes were adjusted; not the last item's text. Returns where the last item ends."""
    index = next((i for i in range(end - 1, start - 1, -1) if not lines[i].blank), None)
    if index is None or not (match := _PLACE_AND_DAY.match(lines[index].text.strip())):
        return end
    found = first_date(match["day"])
    if found is None or meeting.date is None or not 0 <= (found.start - meeting.date).days <= 60:
        return end
    notice_day(meeting, "adjusting", match["day"], lines[index].loc, lines[index].text.strip())
    meeting.unplace(lines[index], "the place and day of signing (adjusted_on)")
    return index


_MINUTE_TAKER = re.compile(r"^(?:kommun|nämnd|utskotts|styrelse|mötes|förbunds)?sekreterare$|^protokollförare$", re.IGNORECASE)
"""An officer's title that says she keeps the minutes (a political or general secretary does not)."""


def _days(meeting: DraftMeeting) -> None:
    days = meeting.days
    for attendee in [*meeting.present, *meeting.absent, *meeting.staff, *meeting.guests]:
        if not attendee.day_numbers:
            continue
        if len(days) > 1 and all(1 <= n <= len(days) for n in attendee.day_numbers):
            attendee.days = [days[n - 1] for n in attendee.day_numbers]
        else:
            meeting.notes.append(f"{attendee.loc}: {attendee.name}: '{attendee.note}' names a day the meeting does not have; "
                                 "kept as a note")


_ATTENDED_ITEMS = re.compile(r"^(?:(?:närvarande|deltog|deltar)\s+)?(?:(?:under|i|vid)\s+)?(?:(?:punkt(?:erna)?|§§?|ärende(?:na)?|paragraf(?:erna)?)\s*)?"
                             r"(?P<first>\d{1,4})\s*[-–]\s*(?P<last>\d{1,4})$", re.IGNORECASE)
"""`punkt 1–7`, `§§ 45–50`, `17–25` beside a member: the items they attended."""


def _attended_items(attendee: Attendee, numbers: list[str]) -> None:
    """A member present for a run of items only: the items before it missed, the last one
    attended (`until_item`), where the run is the meeting's own items."""
    match = _ATTENDED_ITEMS.match((attendee.note or "").strip())
    if not match or attendee.until_item or attendee.absent_from_items or not {match["first"], match["last"]} <= set(numbers):
        return
    first, last = numbers.index(match["first"]), numbers.index(match["last"])
    if first > last or (first == 0 and last == len(numbers) - 1):
        return
    attendee.absent_from_items = numbers[:first]
    if last < len(numbers) - 1:
        attendee.until_item = numbers[last]


def _attended_from(attendee: Attendee, numbers: list[str], notes: list[str]) -> None:
    """A member who came to the meeting at an item (`fr.o.m. § 45`): the items before it missed."""
    first = attendee.from_item
    if first is None or first == (numbers[:1] or [None])[0]:
        return
    if first not in numbers:
        notes.append(f"{attendee.loc}: {attendee.name}: item {first} ('{attendee.note}') is no item of the meeting; kept as a note")
        return
    attendee.absent_from_items = [*attendee.absent_from_items,
                                  *(n for n in numbers[:numbers.index(first)] if n not in attendee.absent_from_items)]


def _item_references(meeting: DraftMeeting) -> None:
    ordered = [item.number for item in meeting.items if item.number]
    numbers = set(ordered)
    for attendee in meeting.present:
        _attended_items(attendee, ordered)
        _attended_from(attendee, ordered, meeting.notes)
    for attendee in [*meeting.present, *meeting.absent, *meeting.staff, *meeting.guests]:
        if attendee.until_item and attendee.until_item not in numbers:
            meeting.notes.append(f"{attendee.loc}: {attendee.name}: item {attendee.until_item} ('{attendee.note}') is no item "
                                 "of the meeting; kept as a note")
            attendee.until_item = None
        missing = [n for n in attendee.absent_from_items if n not in numbers]
        if missing:
            meeting.notes.append(f"{attendee.loc}: {attendee.name}: item(s) {', '.join(missing)} are no items of the meeting; "
                                 "kept as a note")
            attendee.absent_from_items = [n for n in attendee.absent_from_items if n in numbers]


def _next_meetings(meeting: DraftMeeting) -> None:
    if meeting.date is None:
        return
    for item in meeting.items:
        if not NEXT_MEETING_TITLE.match(item.title):
            continue
        texts = [(item.title, item.loc)]
        year = meeting.date.year
        for part in item.parts:
            if part.kind in ("para", "heading"):
                texts.append((part.text, part.loc))
            elif part.kind == "list":
                texts.extend((text, part.loc) for _, text in part.items)
        for text, loc in texts:
            if re.fullmatch(r".*\b((?:19|20)\d\d)\b\s*", text) and not find_dates(re.sub(r"\b(?:19|20)\d\d\b", "", text), year):
                year = int(re.search(r"\b((?:19|20)\d\d)\b", text)[1])  # "Preliminära datum 2022"
                continue
            for found in find_dates(text, year):
                day = found.start
                if not found.has_year and day <= meeting.date:
                    day = day.replace(year=day.year + 1) if _valid(day.year + 1, day) else day
                if day <= meeting.date:
                    continue
                # "Nästa möte blir den 10 maj ..." -> "10 maj ...", to the end of its sentence
                start = found.span[0] if re.match(r"^\s*(?:nästa|kommande)\b", text, re.IGNORECASE) else 0
                shown = _through_sentence(text, start, found.span[1]).rstrip(".")
                next_meeting = NextMeeting(text=shown or text, date=day, time=find_time(text[found.span[1]:]))
                if re.search(r"\b(?:digitalt|teams|zoom|på distans|fysiskt)\b", text, re.IGNORECASE):
                    next_meeting.place = re.search(r"\b(?:digitalt|teams|zoom|på distans|fysiskt)\b", text, re.IGNORECASE)[0]
                else:
                    next_meeting.place = _place_named(_sentence_from(text, found.span[1]))
                if not any(n.date == day for n in meeting.next_meetings):
                    meeting.next_meetings.append(next_meeting)
                    meeting.guess(loc, "next meeting", f"{day} (from '{text[:60]}')")
                break


_NEXT_IN_TEXT = re.compile(r"^(?:[\wåäö-]+s\s+)?(?:Nästa|Kommande)\s+(?:möte|sammanträde|mötestillfälle)\b", re.IGNORECASE)
"""`Nästa sammanträde hålls den ...`, `Nämndens nästa sammanträde äger rum den ...`."""


def _next_in_text(meeting: DraftMeeting) -> None:
    """`Nästa sammanträde hålls den 14 juni 2023 kl. 13.00.` anywhere in an item."""
    for item in meeting.items:
        said = [(part.text, part.loc) for part in item.parts if part.kind == "para"]
        said += [(text, part.loc) for part in item.parts if part.kind == "list" for _depth, text in part.items]
        for text, loc in said:
            if not _NEXT_IN_TEXT.match(text):
                continue
            found = first_date(text, meeting.date.year)
            if found is None or found.start <= meeting.date or any(n.date == found.start for n in meeting.next_meetings):
                continue
            time = find_time(text[found.span[1]:])
            shown = _sentence_from(text, found.span[0]).rstrip(".")  # "14 juni 2023 kl. 13.00"
            place = _place_named(_sentence_from(text, found.span[1]))
            meeting.next_meetings.append(NextMeeting(text=shown, date=found.start, time=time, place=place))
            meeting.guess(loc, "next meeting", f"{found.start} (from '{text[:60]}')")


def _sentence_from(text: str, start: int) -> str:
    """The sentence that goes on at `start` (as `units.sentences` cuts them: `kl. 13.30`, `t.ex.` end
    none); what follows the day of the next meeting ("Frågor lämnas ... senast den 27 maj.") is
    another matter."""
    said = sentences(text[start:])
    return said[0] if said else ""


def _through_sentence(text: str, start: int, at: int) -> str:
    """`text` from `start` to the end of the sentence that `at` falls in."""
    kept: list[str] = []
    for sentence in sentences(text[start:]):
        kept.append(sentence)
        if start + len(" ".join(kept)) >= at:
            break
    return " ".join(kept)


_PLACE_AFTER = re.compile(r"^(?:\s*,?\s*(?:kl\.?|klockan)\s*\d{1,2}(?:[.:]\d\d)?(?:\s*[-–]\s*\d{1,2}(?:[.:]\d\d)?)?)?"
                          r"\s*,?\s+(?:i|på)\s+(?P<place>[A-ZÅÄÖ][^.]*?)\s*\.?$")


def _place_named(rest: str) -> str | None:
    """The place after the day and time of a meeting (`kl. 13.30 i Hällsjö bygdegård, Skolvägen 4`)."""
    match = _PLACE_AFTER.match(" " + rest)
    return match["place"] if match else None


def _valid(year: int, day: dt.date) -> bool:
    try:
        day.replace(year=year)
        return True
    except ValueError:
        return False


def _topics(meeting: DraftMeeting, registries: Registries) -> None:
    for item in meeting.items:
        text = " ".join(p.text for p in item.parts if p.text)
        text += " " + " ".join(t for p in item.parts if p.kind == "list" for _, t in p.items)
        for key, why in match_topics(item.title, text, registries):
            if key not in item.topics:
                item.topics.append(key)
                meeting.guess(item.loc, f"{item.label}: topic", f"{key} ({why})")
