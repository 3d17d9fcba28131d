"""The head of a meeting: title, facts, attendance and officials.

Facts are `Label: value` lines, or a label on a line of its own with the value below it
(letterheads: "Sekreterare" / "Linnea" / "Hedkvist"): Datum, Tid, Datum och tid, Plats,
Plats och tid, Dnr/Diarienummer, Ärenden/Paragrafer, Tjänsteställe, Ordförande, Sekreterare,
Justerare/Justeras/Utses att justera, and `Organ` (the body, as the ANSLAG/BEVIS box of
municipal minutes names it); the day of `Justeringens plats och tid` (`adjusted_on`) and of
`Datum då anslaget sätts upp` (`announced_on`: the box's day, which starts the appeal period).

Attendance lists start at a label (Närvarande, Beslutande, Ledamöter, Tjänstgörande ersättare,
Ersättare, Frånvarande, Ej närvarande, Förhindrade, Meddelat förhinder, Övriga närvarande,
Tjänstepersoner, Adjungerade, Inbjudna, ...) with the names on the same line (`A, B och C`) or
one per line below; a line between names that is no name is the group the next names belong to
(a sub-region, a delegation); a list without a label starts at such a group. "(ersätter X)" on a
line of its own belongs to the name above it.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, replace

from . import dates
from .agenda import TITLE_LINE, TOC_ENTRY, title_like
from .units import has_finite_verb
from .model import Attendee, DraftMeeting, Line, Signature
from ..model import EXTRACT
from .people import (ITEM_NUMBERS, ORG_WORDS, PARTIES, TITLE_WORDS, classify_segment, looks_like_name, parse_entry, parse_inline_list, read_note,
                     same_person, split_name_list)

ATTENDANCE = [
    (r"närvarande(?:\s+ledamöter)?|beslutande(?:\s+ledamöter)?|ledamöter|deltagare|närvarolista|närvaroförteckning|"
     r"förteckning\s+över\s+(?:beslutande|närvarande)(?:\s+ledamöter)?|närvarande\s+ordinarie\s+ledamöter|ordinarie\s+ledamöter|"
     r"(?:närvaro|upprops)-?\s+och\s+(?:omröstnings|voterings)lista|uppropslista",
     "present", None),
    (r"tjänstgörande\s+ersättare|ersättare\s+som\s+tjänstgör", "present", "tjänstgörande ersättare"),
    (r"(?:närvarande\s+)?(?:icke\s+tjänstgörande\s+|ej\s+tjänstgörande\s+|ej\s+beslutande\s+|icke\s+beslutande\s+)?ersättare|"
     r"närvarande,?\s+ej\s+tjänstgörande\s+ersättare", "present", "ersättare"),
    (r"frånvarande(?:\s+ledamöter)?|ej\s+närvarande|förhindrade?|förhinder|meddelat\s+förhinder|anmält\s+förhinder|"
     r"anmälda\s+förhinder|har\s+meddelat\s+förhinder|frånvaro|ej\s+deltagande|frånvarande\s+ersättare", "absent", None),
    (r"övriga|övriga\s+närvarande|övriga\s+deltagare|övriga\s+deltagande|(?:övriga\s+|närvarande\s+)?tjänstepersoner(?:\s+närvarande)?|"
     r"(?:övriga\s+)?tjänstemän|från\s+förvaltningen|närvarande\s+tjänstepersoner|sekretariat|sekretariatet|kansli|"
     r"sakkunnigt\s+biträde|sakkunniga\s+biträden|sakkunniga|sakkunnig", "staff", None),
    (r"adjungerade?|adjungerande", "guests", "adjungerad"),
    (r"(?:övriga\s+)?inbjudna(?:\s+gäster)?|inbjuden|gäster|gäst|externa\s+deltagare|övriga\s+inbjudna", "guests", None),
]
_ATTENDANCE = [(re.compile(rf"^(?:{pattern})$", re.IGNORECASE), name, role) for pattern, name, role in ATTENDANCE]

_ADJUSTED_LONG = (r"justeringens\s+(?:plats,?\s+(?:datum\s+)?och\s+tid|tid\s+och\s+plats)|"
                  r"(?:tid|datum|(?:tid|datum)\s+och\s+plats|plats\s+och\s+(?:tid|datum))\s+för\s+justering(?:en)?|"
                  r"protokollet\s+(?:har\s+)?justerats(?:\s+den)?|protokollet\s+justerades(?:\s+den)?")
"""The adjustment's labels long enough to stand before their value without a colon (`_NOTICE_FACT`)."""

FACTS = {
    "date": r"datum|sammanträdesdatum|mötesdatum|datum\s+för\s+mötet|sammanträdesdag|mötesdag",
    "time": r"tid|tidpunkt|klockan|kl|mötestid",
    "datetime": r"datum\s+och\s+tid|tid\s+och\s+datum|datum,?\s+tid|datum\s+&\s+tid|sammanträdestid",
    "place": r"plats|lokal|mötesplats|möteslokal|sammanträdesplats",
    "placetime": r"plats\s+och\s+tid|tid\s+och\s+plats|plats,\s+datum\s+och\s+tid|plats\s+och\s+datum|datum\s+och\s+plats",
    "dnr": r"dnr\.?|diarienummer|diarienr\.?|dnr\s+nr",
    "range": r"ärenden|paragrafer|paragraf|§§|punkter|ärendenummer|justerade\s+paragrafer|justerade\s+ärenden",
    "office": r"tjänsteställe|förvaltning|utfärdat\s+av|avsändare",
    "chair": r"ordförande|mötesordförande|ordf\.?",
    "vice_chair": r"(?:(?:förste|första|1:e|andre|andra|2:e)\s+)?vice\s+ordförande",
    "secretary": r"sekreterare|protokollförare|mötessekreterare|antecknad\s+av|antecknare|vid\s+pennan|vid\s+protokollet",
    "adjusters": r"justerare|justeras|justerat|justeras\s+av|utses\s+att\s+justera|utsedda?\s+att\s+justera|justerande|justeringsperson(?:er)?|"
                 r"protokollet\s+justeras\s+av|justerare\s+och\s+tid\s+för\s+justering",
    "deputy_adjuster": r"ersättare\s+för\s+justerar(?:e|en|na)|justeringsersättare",
    "adjusting": rf"{_ADJUSTED_LONG}|justering|justeringsdatum|justeringsdag|justerat\s+den|justeringens\s+(?:tid|datum|dag)",
    "announced": r"datum\s+(?:då|när)\s+anslaget\s+(?:sätts|sattes|satts)\s+upp|datum\s+för\s+anslags\s+uppsättande|"
                 r"anslaget\s+(?:sätts|sattes|satts)\s+upp(?:\s+den)?|anslag(?:et)?\s+uppsatt(?:\s+den)?|anslagsdatum|anslagsdag(?:en)?|"
                 r"datum\s+för\s+anslag(?:et)?|datum\s+för\s+publicering(?:\s+på\s+anslagstavlan)?|"
                 r"(?:publicerad|publicerat|anslaget)\s+på\s+(?:den\s+)?(?:digitala\s+)?anslagstavlan(?:\s+den)?|"
                 # ("Protokollet har tillkännagivits på kommunens digitala anslagstavla 2024-05-14")
                 r"(?:protokollet|justeringen)\s+(?:har\s+)?(?:tillkännagivits|tillkännagetts|publicerats|anslagits)\s+"
                 r"(?:genom\s+anslag\s+)?på\s+(?:\w+\s+){0,2}anslagstavla(?:n)?(?:\s+den)?",
    "organ": r"organ|beslutsorgan|beslutsinstans|instans",
}
_PARTIES_OUT = re.compile(r"\s*\([^)]*\)")
"""A party (or a note) in brackets after a name in a head fact."""
_MARK_LEGEND = re.compile(r"^(?:(?P<mark>[*¹²³†#])\s*(?:=|betyder|:)|=)\s*(?P<means>[a-zåäö][^\t]{2,60})$", re.IGNORECASE)
"""`* = tjänstgörande ersättare`: the legend of a mark that names in the list may carry (`= ...` alone
where the extraction took the `* ` for a bullet's)."""
_MARKED_ENTRY = re.compile(r"^(?P<mark>[*¹²³†#])\s*(?P<entry>[A-ZÅÄÖ].*)$|^(?P<entry2>[A-ZÅÄÖ].*?)\s*(?P<mark2>[*¹²³†#])$")
_MARK_ROLES = {"tjänstgörande ersättare", "ersättare", "ordförande", "vice ordförande", "ej tjänstgörande ersättare"}
_ROLL_NUMBER = re.compile(r"^\d{1,3}\.\s+(?=[A-ZÅÄÖ])")
"""`1. ` before a member's name in a roll call's row: the order the names are called in."""
_ITEM_RUN = re.compile(r"(?:§§?\s*)?\d{1,4}\s*(?:[-–]|--)\s*\d{1,4}\b")
"""The paragraphs of the minutes, below their label (`12–20`)."""
_SIGNER_FOR_ITEMS = re.compile(rf"^(?P<name>[^\d§()]+?)(?:\s*\([^)]*\))?,?\s+(?:§§?\s*)?{ITEM_NUMBERS}$")
"""A signer with the paragraphs signed for (`Roger Hansson 6–13`, `Anette Lundin (L) § 169`)."""
_ITEMS_OUT = re.compile(r"\s*§§?\s*\d{1,4}(?:\s*(?:[–,-]|och)\s*\d{1,4})*")
"""The paragraphs a name in a head fact is for (`Jörgen Eklund § 171`)."""
_FACTS = [(re.compile(rf"^(?:{pattern})$", re.IGNORECASE), name) for name, pattern in FACTS.items()]
_LABEL = re.compile(r"^(?P<label>[^:\t]{1,45}?)\s*:\s*(?P<value>.*)$")
_BARE_FACT = re.compile(r"^(?P<label>[A-Za-zÅÄÖåäö&§ ]{2,40}?)(?:\s+|(?<=[a-zåäö])(?=\d))(?P<value>(?:\d|§§?\s*\d|[A-ZÅÄÖ]{1,6}\s*\d).*)$")
_NOTICE_FACT = re.compile(rf"^(?P<label>{FACTS['announced']}|{_ADJUSTED_LONG})\s+(?P<value>\S.*)$", re.IGNORECASE)
"""The adjustment's and the announcement's labels, long enough to stand before their value without a
colon or a column between ("Justeringens plats och tid Kommunkansliet 13 mars 2018")."""


def label_of(text: str) -> tuple[str, str | None, str] | None:
    """(kind, role, value) of a header label line: ('present', None, 'A, B') or ('date', None, '...')."""
    text = text.strip()
    match = _LABEL.match(text)
    if match:
        label, value = match["label"].strip(), match["value"].strip()
    elif "\t" in text and len(text.split("\t", 1)[0].split()) <= 5:
        # "Plats och tid<TAB>Kommunhuset ...": a two-column table lost its lines
        label, value = (part.strip() for part in text.split("\t", 1))
        match = True
    elif notice := _NOTICE_FACT.match(text):
        label, value = notice["label"], notice["value"].strip()
    elif spaced := _spaced_label(text):
        label, value = spaced
    else:
        if bare := _BARE_FACT.match(text):
            # "Sammanträdesdatum 2023-05-17", "Dnr KS 2023/45": a fact label without its colon
            for pattern, name in _FACTS:
                if name in _BARE_KINDS and pattern.match(" ".join(bare["label"].split())):
                    return name, None, bare["value"].strip()
        if len(text.split()) > 5:
            return None
        label, value = text.rstrip(":").strip(), ""
    folded = " ".join(label.split())
    for pattern, name, role in _ATTENDANCE:
        if pattern.match(folded):
            return name, role, value
    for pattern, name in _FACTS:
        if pattern.match(folded):
            return name, None, value
    return None


def _spaced_label(text: str) -> tuple[str, str] | None:
    """(label, value) of a line whose label of two words or more stands before its value with only
    a space between (`Plats och tid Nicolairummet, kl. 09:00`, `Utses att justera Bertil Jons (M)`):
    a form typed with a tab stop too close to its labels. The value starts with a capital or a digit; a
    label of one word only where the value says that the list stands elsewhere."""
    words = text.split()
    if not text[:1].isupper():
        return None
    if len(words) > 1 and _ELSEWHERE.match(value := " ".join(words[1:])) and any(
            pattern.match(words[0].casefold()) for pattern, *_ in _ATTENDANCE):
        return words[0], value  # ("Beslutande Enligt förteckning": a list's one-word label, the list elsewhere)
    for length in range(2, min(6, len(words))):
        label, value = " ".join(words[:length]), " ".join(words[length:])
        if value[:1].isupper() or value[:1].isdigit():
            folded = label.casefold()
            if any(pattern.match(folded) for pattern, *_ in _ATTENDANCE) or any(pattern.match(folded) for pattern, _ in _FACTS):
                return label, value
    return None


_LISTS = ("present", "absent", "staff", "guests")
_BARE_KINDS = ("date", "time", "datetime", "dnr", "range", "placetime")
_TABLE_HEADS = {"namn", "ledamot", "ledamöter", "ersättare", "parti", "organisation", "roll", "funktion", "titel",
                "närvaro", "närvarande", "befattning", "kommun", "representerar", "företräder", "uppdrag", "anmärkning",
                "tjänstgörande ersättare", "ersätter", "frånvarande", "ja", "nej", "avstår"}
_PRESENT_FOR = re.compile(r"^[Xx✓]\s*(?P<items>§§?\s*\d+(?:\s*[–,-]\s*\d+)*)$")  # "X §§ 56–66" under Närvarande
_PRESENCE = re.compile(r"\((?P<mark>(?:ej\s+)?(?:närvarande|frånvarande|tjänstgör|tjänstgörande|förhindrad|anmält\s+förhinder)\b[^)]*)\)\s*$",
                       re.IGNORECASE)
"""`(närvarande)`, `(frånvarande)`, `(tjänstgör)`, `(närvarande, tjänstgör § 33)` after a name in a table's cell."""
_ABSENT_MARK = re.compile(r"^(?:frånvarande|ej\s+närvarande|förhindrad|anmält\s+förhinder)\b", re.IGNORECASE)
_REPRESENTS = {"kommun", "organisation", "representerar", "företräder"}
_ITEM_REF = re.compile(r"§§?\s*\d+(?:\s*[–-]\s*\d+)?")  # "§ 66 Ja": a roll call's column of one item's vote


def _table_head(column: str) -> bool:
    """A column's heading, or two or more headings a PDF ran together ("Parti Närvarande/Ersättare",
    "§ 7 Ja § 7 Nej")."""
    folded = _ITEM_REF.sub(" ", " ".join(column.casefold().rstrip(":").split())).strip()
    if re.fullmatch(r"spalt\s+[ivx\d]{1,4}", folded):
        return True  # ("SPALT I<TAB>Närvaro<TAB>Ja": a roll call printed in columns, the first named by its number)
    return folded in _TABLE_HEADS or bool(folded) and all(word in _TABLE_HEADS for word in re.split(r"[\s/]+", folded))


def _items_caption(text: str) -> bool:
    """`§ 7` over a roll call's table: the item whose vote its columns hold."""
    return bool(re.fullmatch(rf"(?:{_ITEM_REF.pattern}\s*(?:,|och)?\s*)+", text.strip()))


def _name_run_together(columns: list[str]) -> list[str]:
    """`Per Ekdahl, 1:e vice ordförande C X`: the name's cell ran into the party's and the presence's."""
    match = re.match(r"^(?P<name>.+?)\s+(?P<party>[A-ZÅÄÖ]{1,3})\s+(?P<mark>[Xx✓])$", columns[0]) if columns else None
    if match is None or match["party"].casefold() not in PARTIES:
        return columns
    return [match["name"], match["party"], match["mark"], *columns[1:]]


def _party_run_together(cell: str) -> list[str]:
    """`S X` / `S Agneta Rosén (S)`: a party's cell and the next one, which a PDF's text ran together;
    `X §§ 1–6, Siv Berglund (S) §§ 7–12`: present until a substitute took the seat, two cells."""
    first, _, rest = cell.partition(" ")
    cells = [first, rest] if rest and first.casefold() in PARTIES and first.isupper() else [cell]
    last = cells[-1]
    if (present := re.match(r"^([Xx✓]\s*§§?\s*[\d–,\s-]+?)\s*,\s*(\S.*)$", last)) and _PRESENT_FOR.match(present[1]):
        cells[-1:] = [present[1], present[2]]
    return cells


@dataclass(slots=True)
class HeaderResult:
    end: int
    """Index of the first line after the head."""
    body_candidates: list[tuple[str, str]]
    """Lines that may name the body: (text, loc)."""
    title_rest: str | None
    started: bool
    """Any fact or attendance was found."""


def parse_header(lines: list[Line], end: int, meeting: DraftMeeting, known: set[str], *, open_ended: bool) -> HeaderResult:
    """Read facts and attendance from lines[:end]. With `open_ended` (minutes without item
    numbers) the head ends at the first line that is neither."""
    state = _State(meeting, known)
    levels = Counter(line.heading for line in lines[:end] if line.heading)
    item_level = max(levels, key=lambda level: (levels[level], level)) if levels else 0
    index = 0
    while index < end:
        line = lines[index]
        if line.blank:
            state.finish_value()
            index += 1
            continue
        if not state.lists_seen and "\t" not in line.text and (columns := _LETTERHEAD_COLUMN.sub("\t", line.text.strip())) != line.text.strip():
            line.text = columns  # ("Kommunstyrelsen Sammanträdesdatum 2015-09-07": a letterhead's columns with no gap between)
        consumed = state.feed(lines, index, end)
        if consumed == 0 and "\t" in line.text and not state.list_name:
            # a line of a letterhead's columns ("Kommunstyrelsen<TAB>Sammanträdesdatum"): one at a time
            columns = [Line(c.strip(), line.loc, line.no, page=line.page) for c in line.text.split("\t") if c.strip()]
            pending = None
            for position, column in enumerate(columns):
                if state.feed(columns + [lines[i] for i in range(index + 1, min(end, index + 4))], position,
                              len(columns) + 3) == 0:
                    state.other(column)
                if state.value_kind and pending is None:
                    pending = (state.value_kind, state.value_loc)
            if pending:  # "Sekreterare<TAB>Paragrafer 23–25" / "Maria Lind": the value below is the first label's
                state.value_kind, state.value_loc, state.value_parts = pending[0], pending[1], []
            index += 1
            continue
        if consumed == 0:
            if open_ended and ((state.facts_seen and (title_like(line.text, known) or line.hinted))
                               or (index > 0 and line.heading == item_level and _prose_follows(lines, index, end))):
                state.finish_value()
                state.leftover_names()
                return HeaderResult(index, state.candidates, state.title_rest, state.started)
            state.other(line)
            index += 1
        else:
            index += consumed
    state.finish_value()
    state.leftover_names()
    return HeaderResult(end, state.candidates, state.title_rest, state.started)


def _breadcrumb_body(text: str) -> str | None:
    """The body a web page's breadcrumb names ("Din position: Hem > Kommunen > Kommunfullmäktige >
    Sammanträde 2011-06-16"): the last step before the meeting."""
    steps = [s.strip() for s in re.split(r"\s+[>»›/]\s+", re.sub(r"^[^:>]{0,20}:\s*", "", text)) if s.strip()]
    if len(steps) < 3:
        return None
    steps = [s for s in steps if not (dates.first_date(s) or TITLE_LINE.match(s) or _MEETING_WORD.match(re.sub(r"\s+\S*\d.*$", "", s)))]
    return steps[-1] if len(steps) >= 2 and len(steps[-1].split()) <= 8 else None


_SURNAME_BELOW = re.compile(r"^(?P<surname>[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?)(?:\s*\([A-ZÅÄÖ]{1,3}\))?$")
_MEETING_WORD = re.compile(r"^(?:det\s+|dagens\s+)?(?:sammanträde[nt]?|möte[t]?|sammanträdet\s+den|mötet\s+den)\s*$", re.IGNORECASE)
_ADJOURNED = re.compile(r"\(?\s*\b(?:ajournering|ajourneringar|ajournerat|ajourneras|paus|uppehåll)\b[^)]*\)?", re.IGNORECASE)
"""`kl. 09.00–11.45 (ajournering 10.15–10.30)`: a break within the meeting, not a session of it."""
_DEPUTY_ADJUSTER = re.compile(r"\s*,?\s*(?:med|och)\s+(?P<name>(?:(?!\s(?:och|med)\s)[^,])+?)\s+som\s+(?:ersättare|reserv)\b.*$",
                              re.IGNORECASE)
_ADJUSTER_COLUMNS = {"justerare": "adjusters", "justerande": "adjusters", "ersättare": "deputy_adjuster",
                     "ersättare för justerare": "deputy_adjuster", "justeringsersättare": "deputy_adjuster"}
"""The headings of the adjusters' columns (`Utses att justera<TAB>Justerare<TAB>Ersättare`) and the
fact each column's names are."""
_LETTERHEAD_COLUMN = re.compile(r"(?<=\S)\s+(?=(?:Sammanträdesdatum|Mötesdatum)(?![\w]))")
"""Where a letterhead's column of the date starts, told by its label (`Kommunstyrelsen Sammanträdesdatum
2015-09-07`: the body, then the date)."""
_ELSEWHERE = re.compile(r"^(?:se|enligt)\s+(?:bifogad|bilaga|bilagd|sid(?:an?|\.)?\b|närvaro|upprops|separat|särskild|nästa|förteckning)",
                        re.IGNORECASE)
"""`Beslutande: Se närvaro- och omröstningslista, bilaga 1`: the list stands elsewhere."""
_ADJOURNMENT = re.compile(r"^(?:ajournering|ajourneringar|paus|uppehåll)\b[^\t]*\d{1,2}[.:]\d{2}", re.IGNORECASE)
"""`Ajournering kl. 19.30–19.50` on a line of its own below the meeting's time."""
_CONTENTS = re.compile(r"^(?:innehållsförteckning|innehåll|ärendelista|ärendeförteckning|register)$", re.IGNORECASE)
_CONTENTS_ENTRY = re.compile(rf"^§?\s*\d{{1,4}}\b.*(?:{TOC_ENTRY.pattern})")
"""`§ 163<TAB>Information från AB Bostäder<TAB>3`: an item and its page in the table of contents."""
_DATE_WORD = re.compile(r"^(?:sammanträdes|mötes|protokolls)?(?:datum|dag)\s*:?$", re.IGNORECASE)
_NOTICE = re.compile(r"^(?:anslag\s*/\s*bevis|bevis|anslagsbevis|bevis\s+om\s+(?:justering|anslag)\w*\b.*)$", re.IGNORECASE)
_SIGNING_WORDS = r"underskrifter|underskrift|signaturer|namnunderskrifter"
_SIGNER_ROLES = r"sekreterare|protokollförare|ordförande|justerare|justerande"
_SIGNING = re.compile(rf"^(?:{_SIGNING_WORDS})\s*:?$", re.IGNORECASE)
_SIGNING_THEN_ROLE = re.compile(rf"^(?P<signing>{_SIGNING_WORDS})\s+(?P<rest>(?:{_SIGNER_ROLES})\b.*)$", re.IGNORECASE)
"""The signature block's label and its first role in one cell ("Underskrifter Sekreterare"), the column between them lost."""
_ROLE_THEN_NAME = re.compile(rf"^(?P<role>{_SIGNER_ROLES})\s+(?P<name>[A-ZÅÄÖ][^\t]*)$", re.IGNORECASE)
"""A signature's role and its signer in one cell ("Ordförande Gunnar Lid"), the column between them lost."""
_SIGN_ROLE = re.compile(rf"^(?:{_SIGNER_ROLES}|ordf\.?|justeringsperson)(?=(?:\s+§§?\s*\d[\d\s,–-]*)?$)", re.IGNORECASE)
"""A signer's role, also for some paragraphs only ("Ordförande §§ 28–32, 34–37", "Ordförande § 33")."""
_WEEKDAY = re.compile(r"\b(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en)?(?:\s+den)?\b", re.IGNORECASE)


_DAY_OF_PARAGRAPHS = re.compile(r"^(?:den\s+)?\d{1,2}\s+\w+\s+\d{4}\s*,?\s*(?:§|paragraf)|^\d{4}-\d{2}-\d{2}\s*,?\s*(?:§|paragraf)",
                                re.IGNORECASE)
"""A day and the paragraphs adjusted on it (`23 oktober 2024 § 25`, `2024-11-04 §§ 17–24`)."""


def notice_day(meeting: DraftMeeting, kind: str, value: str, loc: str, printed: str) -> bool:
    """The day of an `adjusting` or `announced` fact kept (the first one printed; of an adjustment
    that gives paragraphs days of their own, the last day: the minutes are adjusted when all their
    paragraphs are); whether it had one."""
    found = dates.first_date(value)
    field_name = "adjusted_on" if kind == "adjusting" else "announced_on"
    if found is None or not found.has_year:
        return False
    if kind == "adjusting" and _DAY_OF_PARAGRAPHS.match(value):
        found = max((d for d in dates.find_dates(value) if d.has_year), key=lambda d: d.start)
    kept = getattr(meeting, field_name)
    if kept is None or (kind == "announced" and meeting.adjusted_on and kept < meeting.adjusted_on <= found.start):
        # (of two notices, one for a paragraph adjusted at the meeting, the one after the minutes' adjustment)
        setattr(meeting, field_name, found.start)
        meeting.guess(loc, field_name, f"{found.start} (from '{printed}')")
    return True


def notice_at(lines: list[Line], start: int, end: int) -> int | None:
    """Index of the first line of lines[start:end] that heads the notice that the minutes were
    adjusted (`ANSLAG/BEVIS`), or None."""
    return next((i for i in range(start, end) if _NOTICE.match(lines[i].text.strip())), None)


def read_notice(lines: list[Line], meeting: DraftMeeting) -> None:
    """The notice that the minutes were adjusted, printed after the items (on the last page): its
    days kept, and none of its lines in the draft (it is no part of the last item)."""
    for line in lines:
        labelled = label_of(line.text) if not line.blank else None
        if labelled is not None and labelled[0] in ("adjusting", "announced") and labelled[2]:
            notice_day(meeting, labelled[0], labelled[2], line.loc, line.text.strip())
        meeting.unplace(line, "the notice of adjustment (ANSLAG/BEVIS), not part of the minutes")


def _place_of(rest: str) -> str:
    """The place of a `Plats och tid` value whose date and time are taken out: what stands before
    the time ("Kommunhuset, kl. 9.00"), or after it ("Onsdagen den 21 juni 2017 kl. 18.00-20.40
    i Sessionssalen, kommunhuset.")."""
    rest = _WEEKDAY.sub(" ", rest)
    time = re.search(r"\b(?:kl\.?|klockan)?\s*\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?", rest)
    before = rest[:time.start()] if time else rest
    after = rest[time.end():] if time else ""
    before = re.sub(r"\b(?:kl\.?|klockan)\s*$", "", before).strip(" ,.;")
    if before:
        return before
    return re.sub(r"^\s*(?:i|på|,)\s+", "", after).strip(" ,.;")


def _prose_follows(lines: list[Line], index: int, end: int) -> bool:
    """A heading with sentences under it heads an item, not the head of the minutes (where
    headings hold a title, a date or a list's label)."""
    for following in lines[index + 1:min(end, index + 4)]:
        if following.blank:
            continue
        text = following.text.strip()
        return not following.heading and not following.bullet and (len(text.split()) >= 6 or has_finite_verb(text))
    return False


class _State:
    def __init__(self, meeting: DraftMeeting, known: set[str]):
        self.meeting = meeting
        self.known = known
        self.list_name: str | None = None
        self.list_role: str | None = None
        self.group: str | None = None
        self.last: Attendee | None = None
        self.in_table = False
        """The list's table heading was read: its rows' cells are a table's columns."""
        self.table_heads: tuple[str, ...] = ()
        """That heading's columns, in lower case."""
        self.value_kind: str | None = None
        self.value_parts: list[str] = []
        self.value_loc = ""
        self.candidates: list[tuple[str, str]] = []
        self.title_rest: str | None = None
        self.started = False
        self.pending_other: list[Line] = []
        self.lists_seen = False
        self.facts_seen = False
        self.signing = False
        self.pending_role: str | None = None
        self.roles_above: list[str] = []
        """Roles side by side ("Sekreterare<TAB>Ordförande"), each over the name below it."""
        self.pending_name: str | None = None
        self.label_ends: set[int] = set()
        """Lines that end the label of the line above (`_label_wrapped_below`)."""
        self.in_notice = False
        """Below `ANSLAG/BEVIS` in the head: a line the importer does not read is the notice's."""
        self.in_contents = False
        """Below `Innehållsförteckning`: a line that ends in a page number is an entry."""
        self.marks: dict[str, str] = {}
        """What a mark beside a name says (`* = tjänstgörande ersättare`), from the list's legend."""
        self.range_below = False
        """A signature block's `Paragrafer` with its value in the line below."""
        self.awaiting_label = False
        self.before_label: list[tuple[Attendee, Line]] = []
        """Names after a list said to stand elsewhere (`Beslutande<TAB>Enligt förteckning`), before the next
        label: that label's, set beside the middle of its names."""
        self.adjuster_columns: list[str] = []
        """The facts of the columns of the line below (`_ADJUSTER_COLUMNS`)."""

    # -- one line ---------------------------------------------------------------------------

    def feed(self, lines: list[Line], index: int, end: int) -> int:
        if index in self.label_ends:
            return 1
        line = lines[index]
        if _ADJOURNMENT.match(line.text.strip()):
            self.meeting.unplace(line, "a break in the meeting (ajournering), which the front matter has no field for")
            return 1
        if _CONTENTS.match(line.text.strip()) or _CONTENTS_ENTRY.match(line.text.strip()) or (
                self.in_contents and TOC_ENTRY.search(line.text)):
            # (the items are read where they stand, not from their list; below its heading, an entry needs no
            # number: "Val av revisor<TAB>5")
            self.finish_value()
            self.list_name = None
            self.in_contents = True
            self.meeting.unplace(line, "the table of contents")
            return 1
        self.in_contents = False
        text = self._label_wrapped_below(lines, index, end) or line.text.strip()
        columns = [c.strip() for c in text.split("\t") if c.strip()]
        if columns and (signed := _SIGNING_THEN_ROLE.match(columns[0])):  # "Underskrifter Sekreterare<TAB>Paragrafer 12–18"
            columns[:1] = [signed["signing"], signed["rest"]]
        if columns and _SIGNING.match(columns[0]):
            self.finish_value()
            self.list_name, self.signing, self.pending_role, self.pending_name = None, True, None, None
            self.started = True
            if len(columns) > 1:
                self._signing_line(columns[1:], line)
            return 1
        if len(columns) >= 2 and _SIGN_ROLE.match(columns[0]) and (
                re.fullmatch(r"[.…_\s]{3,}", columns[1]) or ((beside := label_of(columns[1])) and beside[0] in ("range", "adjusting"))):
            # "Sekreterare<TAB>..........<TAB>Paragrafer 41–45" with no "Underskrifter" above (the dots may be gone):
            # the signature block begins, the signer's name below
            self.finish_value()
            self.list_name, self.signing, self.pending_role, self.pending_name = None, True, None, None
            self.started = True
        if self.signing and self._signing_line(columns, line):
            return 1
        self.signing = False
        if self.adjuster_columns:
            heads, self.adjuster_columns = self.adjuster_columns, []
            if len(columns) == len(heads):  # "Lars Axelsson (C)<TAB>Jörgen Eklund (KIM)" under "Justerare<TAB>Ersättare"
                for kind, column in zip(heads, columns):
                    self._fact(kind, column, line.loc, column)
                return 1
        if _NOTICE.match(text):
            # "ANSLAG/BEVIS": the notice that the minutes were adjusted, no value of the label above
            self.finish_value()
            self.list_name, self.in_notice = None, True
            self.meeting.unplace(line, "the notice of adjustment (ANSLAG/BEVIS), not part of the minutes")
            return 1
        # (the first line under a label alone may be long: "Folkets hus, Stora salen, Bredvika, måndagen den 25 november ...")
        if self.value_kind and not label_of(text) and len(text.split()) <= (8 if self.value_parts else 20) \
                and not has_finite_verb(text) and not self._title(text):
            self.value_parts.append(text)
            return 1
        if self._title(text):
            self.finish_value()
            kind = TITLE_LINE.match(text)
            rest = (kind["rest"] or "").strip(" :–-")
            # "Protokoll fört vid styrelsemöte i Föreningen X", "Protokoll från sammanträde med X"
            rest = re.sub(r"^(?:(?:fört|förd|förda)\s+(?:vid|på)\s+)?(?:\w*(?:möte|sammanträde)\w*)\s+(?:i|med|för|hos)\s+",
                          "", rest, flags=re.IGNORECASE)
            printed_kind = kind["kind"].casefold()
            self.meeting.kind = "mötesanteckning" if "anteckning" in printed_kind else EXTRACT if "utdrag" in printed_kind else "protokoll"
            self.meeting.guess(line.loc, "kind", f"{self.meeting.kind} (from '{text}')")
            if not re.search(r"[A-Za-zÅÄÖåäö]{2}", rest):
                rest = ""  # "PROTOKOLL 2 (4)": a page number
            if rest:
                found = dates.first_date(rest)
                if found is not None:
                    self._set_date(found, line.loc, text)
                    rest = (rest[:found.span[0]] + rest[found.span[1]:]).strip(" ,–-")
                if _MEETING_WORD.match(rest) or _DATE_WORD.match(rest):
                    # "Protokoll från sammanträdet 2022-12-19", "SAMMANTRÄDESPROTOKOLL<TAB>Sammanträdesdatum 2024-09-26":
                    # the meeting or its day, not the body
                    rest = ""
                if rest:
                    self.title_rest = self.title_rest or rest
                    self.candidates.insert(0, (rest, line.loc))
            self.started = True
            self.list_name = None
            return 1
        labelled = label_of(text)
        if labelled is not None:
            self.finish_value()
            kind, role, value = labelled
            if kind in _LISTS and value and (inner := label_of(value)) is not None and inner[0] in _LISTS:
                # "Övriga närvarande<TAB>Ersättare: Tove Berg (V), ..." or "Övriga närvarande<TAB>Ersättare" over
                # names: the inner label's list
                kind, role, value = inner
            if kind in _LISTS:
                self._start_list(kind, role, line)
                if len(columns := text.split("\t")) >= 2 and all(_table_head(c) for c in columns if c.strip()):
                    # "Ledamöter<TAB>Ersättare<TAB>Kommun": a table's heading, whose first column names the list
                    self.list_role = None
                    self._table_heading(line)
                    return 1
                if value:
                    self._inline_list(value, line)
                return 1
            self.list_name = None
            if kind == "adjusters" and (heads := _adjuster_headings(text) or _adjuster_headings(value)):
                # ("Utses att justera<TAB>Justerare<TAB>Ersättare", or the headings below the label alone)
                self.adjuster_columns = heads
                self.started = True
                return 1
            if value:
                wrapped = self._wrapped_value(kind, value, lines, index, end)
                gap = "" if value.endswith(("–", "-")) else " "  # ("kl. 18.00–" / "21.40")
                rest = " ".join(wrapped)
                self._fact(kind, f"{value}{gap}{rest}" if wrapped else value, line.loc, f"{text}{gap}{rest}" if wrapped else text)
                if wrapped:
                    return 1 + len(wrapped)
            else:
                self.value_kind, self.value_parts, self.value_loc = kind, [], line.loc
            self.started = True
            return 1
        if self.list_name is not None:
            return self._list_line(lines, index, end)
        if self.awaiting_label and (entry := parse_entry(text, self.known, lenient=True)) is not None and (
                entry.title or entry.party or entry.role):
            self.before_label.append((entry, line))  # ("Mats Törnlund, kommundirektör" / "Övriga deltagande<TAB>...")
            return 1
        # A group heading followed by names starts a list without a label (present)
        if self._group_label(lines, index, end):
            self._start_list("present", None, line)
            self.group = text
            return 1
        return 0

    def _label_wrapped_below(self, lines: list[Line], index: int, end: int) -> str | None:
        """A label and its value whose label goes on in the line below, in lower case
        ("Justeringens<TAB>Kommunhuset 2024-09-10" / "plats och tid"): the label wrapped in its
        column, as one line. The value may have wrapped beside it ("Justeringens<TAB>§ 12 justeras
        omedelbart. Övriga paragrafer" / "plats och tid<TAB>justeras den 30 oktober 2018"). None
        when the line's own label is known or the two make none."""
        text = lines[index].text.strip()
        end = min(end, len(lines))  # (a letterhead's columns are fed with the lines below them, which may be fewer)
        below = index + 1 + (index + 1 < end and lines[index + 1].blank)  # (a paragraph of its own in Word)
        if below >= end or lines[below].blank or label_of(text) is not None:
            return None
        rest, _, value_below = (part.strip() for part in lines[below].text.strip().partition("\t"))
        if rest[:1].islower() and not value_below and label_of(joined := f"{text} {rest}") is not None:
            self.label_ends.add(below)  # ("Justeringens" / "plats och tid Stadshuset 2015-09-14", no column between)
            return joined
        if not rest[:1].islower() or len(rest.split()) > 4:
            return None
        label, _, value = text.partition("\t")  # (the value may start below: "Justeringens" / "plats och tid<TAB>...")
        joined = f"{label} {rest}\t{value} {value_below}".replace("\t ", "\t").rstrip()
        if (labelled := label_of(joined)) is None:
            return None
        if labelled[0] in _LISTS and value and value_below:
            # ("Ej tjänstgörande<TAB>Sara Nyberg (S)" / "ersättare<TAB>Ove Lind (KD)": a list's second name, not
            # the first one's end)
            lines[below] = replace(lines[below], text=value_below, cells=())
            return f"{label} {rest}\t{value}"
        self.label_ends.add(below)
        return joined

    def _wrapped_value(self, kind: str, value: str, lines: list[Line], index: int, end: int) -> list[str]:
        """The line below a place and time whose time it lacks, or the lines (two at most) below
        an adjustment whose day it lacks, when they hold it and nothing else the head knows: the
        value wrapped in its table cell ("Plats och tid<TAB>Kommunhuset, tisdagen den 12 mars 2024"
        / "kl. 13.30–16.15"), or a time whose end did ("kl. 18.00–" / "21.40")."""
        following: list[str] = []
        for below in lines[index + 1:min(end, index + 3)]:
            text = below.text.strip()
            if below.blank or "\t" in text or len(text.split()) > 8 or label_of(text) or self._title(text):
                break
            following.append(text)
        if not following:
            return []
        first = following[0]
        if kind == "placetime" and not dates.find_time(value) and dates.find_time(first):
            return [first]
        if kind in ("placetime", "time") and value.rstrip().endswith(("–", "-")) and re.match(r"^\d{1,2}[.:]\d{2}\b", first):
            # "... kl. 18.00–" / "21.40": the time's end wrapped
            return [first]
        if kind == "adjusting" and _DAY_OF_PARAGRAPHS.match(value) and (
                more := list(itertools.takewhile(_DAY_OF_PARAGRAPHS.match, following))):
            # "Justeringsdatum<TAB>23 oktober 2024 § 25" / "4 november 2024 §§ 17–24": paragraphs adjusted on other days
            return more
        if kind in ("adjusting", "announced") and dates.first_date(value) is None:
            # (also the day broken in two: "måndagen den 21" / "oktober 2024 kl. 15.00")
            for count in range(1, len(following) + 1):
                if dates.first_date(" ".join([value, *following[:count]])):
                    return following[:count]
        return []

    def _signing_line(self, columns: list[str], line: Line) -> bool:
        """A line of the signature block of the head ("Underskrifter" / "Sekreterare" / "Anna Ek",
        or "Anna Ek<TAB>Ordförande"): who signed as what are the meeting's officials, not a list
        of attendees."""
        roles: list[str] = []
        names: list[str] = []
        handled = False
        split: list[str] = []
        for column in columns:
            both = _ROLE_THEN_NAME.match(column.strip())
            split += [both["role"], both["name"]] if both else [column]
        for position, column in enumerate(split):
            column = column.strip().rstrip(":").strip()
            if not column or re.fullmatch(r"[.…_\s]+", column):
                handled = True
            elif role := _SIGN_ROLE.match(column):
                roles.append(role[0].casefold())
            elif (labelled := label_of(column)) is not None and labelled[0] not in ("chair", "vice_chair", "secretary",
                                                                                      "adjusters") and labelled[2]:
                self._fact(labelled[0], labelled[2], line.loc, column)  # "Sekreterare<TAB>Paragrafer 23–25"
                handled = True
            elif labelled is not None and labelled[0] == "range":
                self.range_below, handled = True, True  # "Sekreterare<TAB>Paragrafer" / "Johanna Lidén<TAB>12–20"
            elif self.range_below and _ITEM_RUN.match(column):
                self._fact("range", column, line.loc, column)
                self.range_below, handled = False, True
            elif looks_like_name(name := re.sub(r"\s*\([^)]*\)\s*$", "", column).strip(), self.known, lenient=True) \
                    and len(name.split()) <= 4:
                names.append(name)
            elif (signer := _SIGNER_FOR_ITEMS.match(column)) and looks_like_name(signer["name"], self.known, lenient=True):
                names.append(signer["name"])  # "Roger Hansson 6–13<TAB>Ingrid Cassel 14–16": each signs for the items printed
            elif _ITEMS_OUT.search(column) and (for_items := self._names(column)):
                names.extend(for_items)  # "Karin Hallberg §§ 167–168, Anette Lundin § 169": each chaired some items
            elif run := self._named_run_together(column):
                names.extend(run)  # "Annette Tagesdotter Jan Emanuel Johansson": the adjusters' names, a space between
            elif roles or names:
                # ("Annika Olsson<TAB>Paragraf 44 omedelbar just": the signer, then a fact the block does not hold)
                rest = "\t".join(cell.strip() for cell in split[position:] if cell.strip())
                self.meeting.unplace(Line(rest, line.loc), "beside the signatures, not a signer or a role")
                break
            else:
                return handled
        if roles and names:  # "Sekreterare<TAB>Anna Ek", "Anna Ek<TAB>Ordförande"
            for name in names:
                self._official(roles[0], name, line)
            self.pending_role = None
        elif roles:  # the name on the line below
            self.pending_role, self.roles_above = roles[-1], roles
        elif names and len(names) == len(self.roles_above) > 1:  # "Hanna Virtanen<TAB>Karin Lövgren" below two roles
            for role, name in zip(self.roles_above, names):
                self._official(role, name, line)
            self.pending_role, self.roles_above = None, []
        elif names and self.pending_role:
            self.roles_above = []
            for name in names:
                self._official(self.pending_role, name, line)
            if not self.pending_role.startswith("juster"):
                self.pending_role = None
        return handled or bool(roles or names)

    def _named_run_together(self, text: str) -> list[str]:
        """Two or more names the head gave already (the adjusters, the chair, the secretary), one after
        the other with only a space between; none when the text is anything else."""
        meeting = self.meeting
        given = sorted({*meeting.adjusters, *(n for n in (meeting.chair, meeting.secretary) if n)}, key=len, reverse=True)
        found, rest = [], text.strip()
        while rest:
            name = next((n for n in given if rest == n or rest.startswith(n + " ")), None)
            if name is None:
                return []
            found.append(name)
            rest = rest[len(name):].strip()
        return found if len(found) >= 2 else []

    def _official(self, role: str, name: str, line: Line) -> None:
        meeting = self.meeting
        if not any(same_person(s.name, name) and s.role == role for s in meeting.signatures):
            meeting.signatures.append(Signature(name=name, role=role))  # (the block is where the minutes are signed)
        if role.startswith("juster"):
            if name not in meeting.adjusters:
                meeting.adjusters.append(name)
                meeting.guess(line.loc, "adjuster", f"{name} (signs as justerare)")
        elif role.startswith("ordf") and meeting.chair is None:
            meeting.chair = name
            meeting.guess(line.loc, "chair", f"{name} (signs as ordförande)")
        elif role.startswith("sekr") and meeting.secretary is None:
            meeting.secretary = name
            meeting.guess(line.loc, "secretary", f"{name} (signs as sekreterare)")

    def other(self, line: Line) -> None:
        text = line.text.strip()
        if self.in_notice:  # ("Protokollet är justerat.", "Förvaringsplats för protokollet")
            self.meeting.unplace(line, "the notice of adjustment (ANSLAG/BEVIS), not part of the minutes")
            return
        if crumb := _breadcrumb_body(text):
            self.candidates.insert(0, (crumb, line.loc))  # "Hem > Kommunen > Kommunfullmäktige > Sammanträde ..."
        if not self.started or (self.list_name is None and not self.lists_seen and len(text.split()) <= 12):
            # letterhead, or a line between the title and the lists: it may name the body
            if self.pending_other and text[:1].islower():
                previous = self.pending_other[-1]
                self.candidates.append((f"{previous.text.strip()} {text}", previous.loc))
            self.candidates.append((text, line.loc))
            self.pending_other.append(line)
        self.meeting.unplace(line, "not a fact, name or heading the importer knows (letterhead?)")

    # -- parts --------------------------------------------------------------------------

    @staticmethod
    def _title(text: str) -> bool:
        match = TITLE_LINE.match(text)
        if not match or len(text.split()) > 16:
            return False
        rest = (match["rest"] or "").strip()
        return not (rest and has_finite_verb(rest))

    def _start_list(self, kind: str, role: str | None, line: Line) -> None:
        self.list_name, self.list_role, self.group, self.last, self.in_table, self.table_heads = kind, role, None, None, False, ()
        self.in_notice = False
        self.started = True
        self.lists_seen = True
        self.facts_seen = True
        self.meeting.guess(line.loc, f"{kind} list", f"from '{line.text.strip()}'")
        for attendee, above in self.before_label:  # (its label set beside the middle of its names)
            self._add(attendee, above)
        self.before_label, self.awaiting_label = [], False

    def leftover_names(self) -> None:
        """Names no list's label came after (`_inline_list`'s list elsewhere, then names): the list's
        own after all, as printed below its label."""
        if self.before_label:
            self.list_name = "present"
            for attendee, line in self.before_label:
                self._add(attendee, line)
            self.list_name = None
        self.before_label = []

    def _inline_list(self, value: str, line: Line) -> None:
        if _ELSEWHERE.match(value):
            value, *beside = value.split("\t")
            self.meeting.unplace(Line(value, line.loc), f"the {self.list_name} list is elsewhere (an appendix, another page)")
            self.list_name, self.awaiting_label = None, True  # (names below may be the next label's, set beside their middle)
            for column in beside:  # ("Beslutande<TAB>Se sid 2<TAB>Paragrafer 71–75")
                if (fact := label_of(column)) is not None and fact[0] not in _LISTS and fact[2]:
                    self._fact(fact[0], fact[2], line.loc, column)
                elif column.strip():
                    self.meeting.unplace(Line(column, line.loc), f"beside the {self.list_name} list's label")
            return
        attendees, stray = parse_inline_list(value, self.known)
        for attendee in attendees:
            self._add(attendee, line)
        for piece in stray:
            self.meeting.unplace(Line(piece, line.loc), f"in the {self.list_name} list, but no name")

    def _list_line(self, lines: list[Line], index: int, end: int) -> int:
        line = lines[index]
        text = line.text.strip()
        if (legend := _MARK_LEGEND.match(text)) and (mark := legend["mark"] or ("*" if line.bullet else None)):
            # ("* = tjänstgörande ersättare" above the names: what a mark beside a name says)
            self.marks[mark] = legend["means"].strip().rstrip(".").lower()
            self.meeting.guess(line.loc, f"{self.list_name} list", f"'{mark}' marks {self.marks[mark]}")
            return 1
        if self.marks and (marked := _MARKED_ENTRY.match(text)) and (mark := marked["mark"] or marked["mark2"]) in self.marks:
            attendee = parse_entry(marked["entry"] or marked["entry2"], self.known, lenient=True)
            if attendee is not None:
                means = self.marks[mark]
                if means in _MARK_ROLES:
                    attendee.role = attendee.role or means
                else:
                    attendee.note = f"{attendee.note}; {means}" if attendee.note else means
                self._add(attendee, line)
                return 1
        if text.startswith("(") and self.last is not None:
            classify_segment(self.last, text)
            self.meeting.guess(line.loc, f"{self.last.name}", f"'{text}'")
            return 1
        if self.last is not None and self.last.replaces and " " not in self.last.replaces \
                and (surname := _SURNAME_BELOW.match(text)):
            # "Ulf Åkesson<TAB>S<TAB>Tjänstgörande ersättare för Eva" / "Strand (S)": the name wrapped in its cell
            self.last.replaces = f"{self.last.replaces} {surname['surname']}"
            self.meeting.guess(line.loc, f"{self.last.name}", f"replaces {self.last.replaces} (the name wrapped to this line)")
            return 1
        if self.last is not None and (more := re.match(r"^(?:och|samt)\s+(?P<rest>\S.*)$", text)) \
                and (attendee := parse_entry(more["rest"], self.known, lenient=True)) is not None and attendee.party:
            # "... Kalle Ström (S), Lisa Bergkvist (M)" / "och Emil Ståhl (SD)": the list's last name wrapped
            attendee.role = attendee.role or self.last.role
            self._add(attendee, line)
            return 1
        if "," in text and not line.hinted and len(text.split(",")) >= 3 and \
                sum(looks_like_name(p.strip(), self.known) for p in text.split(",")) >= 2:
            self._inline_list(text, line)
            return 1
        if self.last is None and "\t" not in text and dates.first_date(text) and len(text.split()) <= 6:
            # "Närvarolista" / "Kommunfullmäktige 2024-06-17" / the table: the list's caption
            self.meeting.guess(line.loc, f"{self.list_name} list", f"caption '{text}'")
            return 1
        if self.last is None and _items_caption(text):
            self.meeting.guess(line.loc, f"{self.list_name} list", f"caption '{text}'")
            return 1
        columns = [c.strip() for c in text.split("\t") if c.strip()]
        if columns and all(_table_head(c) for c in columns):
            self._table_heading(line)
            self.meeting.guess(line.loc, f"{self.list_name} list", f"table header '{text}'")
            return 1
        if self.in_table:
            if "\t" not in text and (wrapped := self._row_around_its_cells(lines, index, end)):
                return wrapped
            columns = [cell for column in _name_run_together(columns) for cell in _party_run_together(column)]
            if columns:
                columns[0] = _ROLL_NUMBER.sub("", columns[0])  # ("1. Nora Lindqvist (S)<TAB>X": the roll call's order)
            text = "\t".join(columns)
            line = replace(line, text=text)
        if len(columns) >= 2 and all(looks_like_name(re.split(r"\s*[,(]", c)[0], self.known) for c in columns):
            # "Anna Ek (S), ordförande<TAB>Bo Ek (M)": a list in two columns
            for column in columns:
                attendee = parse_entry(column, self.known, lenient=True)
                if attendee is not None:
                    self._add(attendee, line)
            return 1
        if len(columns) >= 2 and (paired := self._member_and_substitute(line)):
            return paired
        if len(columns) >= 2 and (serving := self._serving_in_place(columns, line)):
            return serving
        if not line.hinted or "\t" in text or "," in text:
            attendee = parse_entry(text, self.known, lenient=True)
            if attendee is not None and not has_finite_verb(re.split(r"[,\t]", text)[0]):  # ("<TAB>deltar på distans": a note)
                self._add(attendee, line)
                return 1
        if self._group_label(lines, index, end):
            self.group = text
            self.meeting.guess(line.loc, "group", f"'{text}' for the names below it")
            return 1
        self.list_name = None
        return 0

    def _table_heading(self, line: Line) -> None:
        self.in_table = True
        self.table_heads = tuple(cell.strip().casefold() for cell in (line.cells or line.text.split("\t")))

    def _row_around_its_cells(self, lines: list[Line], index: int, end: int) -> int:
        """A table row whose first cell wrapped: the PDF gives its first line, then the other cells,
        then the cell's rest ("Anders Wik, 2:e vice" / "M X<TAB>X" / "ordförande"). The row is read
        as one; 0 when the lines are no such row."""
        if index + 2 >= end or lines[index + 1].blank or lines[index + 2].blank:
            return 0
        cells, rest = lines[index + 1].text.strip(), lines[index + 2].text.strip()
        party = cells.split()[0] if cells else ""
        if not (party.isupper() and party.casefold() in PARTIES) or "\t" in rest or not rest[:1].islower():
            return 0
        row = replace(lines[index], text=f"{lines[index].text.strip()} {rest}\t{cells}")
        return 3 if self._list_line([row], 0, 1) else 0

    def _member_and_substitute(self, line: Line) -> int:
        """A row of members beside their personal substitutes, each marked present, absent or serving
        in brackets ("Maria Lind (V) (frånvarande)<TAB>Ahmed Yusuf (V) (tjänstgör)<TAB>Norrvik"): the
        member and the substitute each where the mark puts them; a column headed "Kommun" (or
        "Organisation") is whom both represent. 0 when no person's cell is so marked."""
        cells = line.cells or tuple(cell.strip() for cell in line.text.split("\t"))
        marked = [(n, _PRESENCE.search(cell)) for n, cell in enumerate(cells)]
        if self.list_name != "present" or not any(mark for _, mark in marked):
            return 0
        organisation = next((cells[n] for n, head in enumerate(self.table_heads) if head in _REPRESENTS and n < len(cells)
                             and cells[n]), None)
        people = [(entry, mark) for n, mark in marked if mark and (entry := parse_entry(cells[n][:mark.start()], self.known))]
        if not people or len(people) != sum(1 for _, mark in marked if mark):
            return 0
        member = people[0][0]
        member_absent = _ABSENT_MARK.match(people[0][1]["mark"]) is not None
        for index, (attendee, mark) in enumerate(people):
            words = " ".join(mark["mark"].split()).casefold()
            attendee.organisation = attendee.organisation or organisation
            if index and attendee.role is None:
                attendee.role = "ersättare"
            if _ABSENT_MARK.match(words):
                self._add(attendee, line, "absent")
                continue
            serving = re.search(r"tjänstgör(?:ande)?(?P<items>\s+§.*)?", words)
            if index and serving and not serving["items"] and member_absent:
                attendee.role, attendee.replaces = "tjänstgörande ersättare", member.name
            elif index and serving:
                attendee.note, attendee.replaces = mark["mark"][serving.start():].strip(), member.name
            elif rest := re.sub(r"^närvarande\s*,?\s*", "", mark["mark"].strip(), flags=re.IGNORECASE):
                attendee.note = rest  # "(närvarande §§ 28–33)": the items attended
                read_note(attendee, rest)
            self._add(attendee, line)
        return 1

    def _serving_in_place(self, columns: list[str], line: Line) -> int:
        """A roll-call table's row that names a second person with a party after the member's
        ("Lars Moberg<TAB>SD<TAB>Ingrid Sjö (SD)<TAB>X", a column of substitutes): the second
        served in the member's place, who was absent."""
        if self.list_name != "present":
            return 0
        member = parse_entry(columns[0], self.known, lenient=True)
        others = [other for c in columns[1:] if (other := parse_entry(c, self.known, lenient=True)) is not None
                  and other.party and len(other.name.split()) >= 2]
        if member is None or len(others) != 1 or len(member.name.split()) < 2:
            return 0
        substitute = others[0]
        substitute.role, substitute.replaces = "tjänstgörande ersättare", member.name
        self._add(substitute, line)
        member.party = member.party or next((c.upper() for c in columns[1:] if c.casefold() in PARTIES), None)
        member.loc = line.loc
        if part := next((m["items"] for c in columns[1:] if (m := _PRESENT_FOR.match(c))), None):
            # "Jonas Berg<TAB>SD<TAB>X §§ 56–66<TAB>Lisa Hed (SD) §§ 67–68": present until replaced
            member.note = part
            self.meeting.attendee_lists["present"].append(member)
            self.meeting.guess(line.loc, "present", f"{member.name} ({part}; then replaced by {substitute.name})")
            return 1
        self.meeting.attendee_lists["absent"].append(member)
        self.meeting.guess(line.loc, "absent", f"{member.name} (replaced by {substitute.name})")
        return 1

    def _group_label(self, lines: list[Line], index: int, end: int) -> bool:
        text = lines[index].text.strip()
        if len(text.split()) > 8 or text.endswith((".", ":")) or has_finite_verb(text) or label_of(text) or "\t" in text:
            return False
        if re.match(r"^\d", text) or TITLE_LINE.match(text):
            return False
        following = [lines[i] for i in range(index + 1, min(end, index + 4, len(lines))) if not lines[i].blank][:2]
        if not following:
            return False
        first = following[0].text.strip()
        if label_of(first) or self._title(first):
            return False
        if has_finite_verb(first) and len(first.split()) > 8:
            return False  # ("Sammanträdets öppnande" / "Ordföranden Margareta Lindqvist (S) hälsar ... välkomna": prose)
        entry = parse_entry(first, self.known, lenient=lines[index].hinted)
        return entry is not None and looks_like_name(entry.name, self.known, lenient=lines[index].hinted)

    def _add(self, attendee: Attendee, line: Line, list_name: str | None = None) -> None:
        """Add to the list being read, or to `list_name` (a row that marks its member absent)."""
        list_name = list_name or self.list_name
        assert list_name is not None
        attendee.loc = line.loc
        if self.group and attendee.group is None:
            attendee.group = self.group
        if self.list_role and attendee.role is None and not (self.list_role == "ersättare" and _officer(attendee)):
            attendee.role = self.list_role  # (an officer listed after the substitutes is none: staff, see staff_after_members)
        elif self.list_role == "tjänstgörande ersättare" and attendee.role == "ersättare" and attendee.replaces:
            attendee.role = self.list_role  # ("Tjänstgörande ersättare: A (C), ersättare för B (C)": the list says more)
        self.meeting.attendee_lists[list_name].append(attendee)
        self.known.add(attendee.name.casefold())
        self.known.add(attendee.name.split()[0].casefold())
        self.last = attendee
        details = ", ".join(f"{k} {v}" for k, v in (
            ("organisation", attendee.organisation), ("party", attendee.party), ("role", attendee.role),
            ("title", attendee.title), ("group", attendee.group), ("replaces", attendee.replaces), ("note", attendee.note),
        ) if v)
        self.meeting.guess(line.loc, list_name, attendee.name + (f" ({details})" if details else ""))

    def finish_value(self) -> None:
        if self.value_kind and self.value_parts:
            value = " ".join(self.value_parts)
            self._fact(self.value_kind, value, self.value_loc, value)
        self.value_kind, self.value_parts = None, []

    def _fact(self, kind: str, value: str, loc: str, printed: str) -> None:
        meeting = self.meeting
        value = value.strip()
        before = len(meeting.guesses)
        if kind == "place" and dates.find_time(value):
            kind = "placetime"  # "Plats: Rådhuset kl. 9.00–11.30"
        if kind == "placetime" and meeting.place and meeting.date and (found := dates.first_date(value)) and found.start > meeting.date:
            # ("Justering<TAB>Justerare<TAB>..." / "Plats och tid<TAB>Kommunstyrelseförvaltningen, 2014-10-16": a second
            # place and time, after the meeting's, under the adjustment's heading)
            kind = "adjusting"
        if kind in ("date", "datetime", "placetime", "time"):
            found = dates.first_date(value)
            if found is not None:
                self._set_date(found, loc, printed)
                rest = value[:found.span[0]] + " " + value[found.span[1]:]
            else:
                rest = value
            time = dates.find_time(_ADJOURNED.sub(" ", rest))
            if time and meeting.time is None:
                meeting.time = time
                meeting.guess(loc, "time", f"{time} (from '{printed}')")
            if kind == "placetime":
                place = _place_of(rest)
                if place and meeting.place is None:
                    meeting.place = place
                    meeting.guess(loc, "place", f"{place} (from '{printed}')")
        elif kind == "place":
            meeting.place = meeting.place or value
            meeting.guess(loc, "place", value)
        elif kind == "dnr":
            meeting.dnr_printed = meeting.dnr_printed or value
            meeting.guess(loc, "diarienummer", value)
        elif kind == "range":
            numbers = re.findall(r"\d{1,4}", value)
            if len(numbers) >= 2:
                meeting.item_range = (int(numbers[0]), int(numbers[-1]))
                meeting.guess(loc, "item range", f"{numbers[0]}–{numbers[-1]} (from '{printed}')")
        elif kind in ("adjusting", "announced"):
            if kind == "adjusting":
                meeting.adjustment_told.append(Line(value, loc))
            if not notice_day(meeting, kind, value, loc, printed) and kind == "adjusting":
                meeting.guess(loc, "adjusting", f"{value} (place and time of adjusting, no day)")
        elif kind == "organ":
            self.candidates.insert(0, (value, loc))
            meeting.guess(loc, "body name", f"{value} (from '{printed}')")
        elif kind == "office":
            meeting.office = meeting.office or value
            meeting.guess(loc, "office", value)
        elif kind in ("chair", "vice_chair", "secretary"):
            names = self._names(value)
            if names:
                setattr(meeting, kind, getattr(meeting, kind) or names[0])
                meeting.guess(loc, kind.replace("_", " "), names[0])
                # ("Förste vice ordförande<TAB>Bengt Rydh (C)": a member, with the role printed)
                label = " ".join(printed.split("\t")[0].split(":")[0].split()).lower()
                if kind != "secretary":
                    self._named_in_head(value, names, "ordförande" if kind == "chair" else label, loc)
        elif kind == "adjusters":
            if deputy := _DEPUTY_ADJUSTER.search(value):
                # "Olle Berg (M), med Maja Fors (MP) som ersättare": she adjusts only if he cannot
                value = value[:deputy.start()]
                meeting.guess(loc, "adjuster's deputy", f"{deputy['name']} (not an adjuster unless the adjuster could not)")
            names = self._names(value)
            for name in names:
                if name not in meeting.adjusters:
                    meeting.adjusters.append(name)
                    meeting.guess(loc, "adjuster", name)
            self._named_in_head(value, names, None, loc)
        elif kind == "deputy_adjuster":
            # ("Ersättare för justerare<TAB>Jonas Falk (SD)": a member there, who adjusts only if an adjuster cannot)
            names = self._names(value)
            self._named_in_head(value, names, None, loc, note="ersättare för justerarna")
            if names:
                meeting.guess(loc, "adjuster's deputy", f"{', '.join(names)} (not an adjuster unless an adjuster could not)")
        if len(meeting.guesses) == before:
            meeting.unplace(Line(printed, loc), f"a '{kind}' label whose value the importer could not read")
        self.started = True
        self.facts_seen = True

    def _names(self, value: str) -> list[str]:
        """The names of a head fact's value, their parties (or notes) in brackets and the paragraphs
        named after them (`Jörgen Eklund (KIM) § 171`) left out."""
        return split_name_list(_ITEMS_OUT.sub("", _PARTIES_OUT.sub("", value)).strip(), self.known, lenient=True)

    def _named_in_head(self, value: str, names: list[str], role: str | None, loc: str, note: str | None = None) -> None:
        """The members a head fact names with their parties (`Justerare<TAB>Maria Kallin (S) och Per
        Ekwall (M)`), kept for the attendance when no list names them (`recognise._officials`)."""
        parties = [party for party in re.findall(r"\(([^)]{1,4})\)", value)]
        for index, name in enumerate(names):
            party = parties[index] if len(parties) == len(names) else None
            self.meeting.named_in_head.append(Attendee(name=name, party=party, role=role, note=note, loc=loc))

    def _set_date(self, found: dates.FoundDate, loc: str, printed: str) -> None:
        meeting = self.meeting
        if meeting.date is not None:
            if (found.start, found.end) == (meeting.date, meeting.end_date):  # (the ANSLAG box's "Sammanträdesdatum")
                meeting.guess(loc, "date", f"{found.start} again (from '{printed}')")
            return
        meeting.date = found.start
        meeting.end_date = found.end
        meeting.guess(loc, "date", f"{found.start}" + (f" to {found.end}" if found.end else "") + f" (from '{printed}')")


def _adjuster_headings(value: str) -> list[str]:
    """The facts of the columns `Justerare<TAB>Ersättare` head, in order; empty when the value is no
    such heading (a name; `Justerare` alone is a signature's role)."""
    columns = [" ".join(column.split()).casefold() for column in value.split("\t") if column.strip()]
    if len(columns) < 2 or not all(column in _ADJUSTER_COLUMNS for column in columns):
        return []
    return [_ADJUSTER_COLUMNS[column] for column in columns]


def staff_after_members(meeting: DraftMeeting) -> None:
    """One list of those present with the members first, each with a party or an organisation,
    then the officers who served the meeting, each with a title only ("Helena Forsberg,
    äldreomsorgschef"): the officers are staff, not members. Only a run at the list's end, after
    at least three members, and only titles of an occupation, so a member whose party is missing
    stays a member."""
    present = meeting.attendee_lists["present"]
    run = 0
    while run < len(present) and _officer(present[len(present) - 1 - run]):
        run += 1
    members = present[:len(present) - run]
    if not run or len(members) < 3 or not all(a.party or a.organisation for a in members[-3:]):
        return
    for attendee in present[len(members):]:
        meeting.guess(attendee.loc, "staff", f"{attendee.name} (a title only, listed after the members)")
    meeting.attendee_lists["staff"].extend(present[len(members):])
    del present[len(members):]


_LOCAL_PARTY = re.compile(r"^(?=(?:.*[A-ZÅÄÖ]){2})[A-ZÅÄÖ][A-ZÅÄÖa-zåäö]{1,4}$")
"""Letters in brackets that may be a party the importer does not know (`(KIM)`, `(SPI)`, `(NyS)`)."""


def local_parties(meeting: DraftMeeting) -> None:
    """A list of members with their parties, in which a few name bracketed letters the importer does
    not know as a party (`Jörgen Eklund (KIM)`): a local party, not an organisation. Only where at
    least three members there have a party the importer knows, more than those with such letters
    (a pensioners' council's `(PRO)` and `(SPF)` are its associations), and none an organisation of
    more than such letters; a substitute's second such letters are the party of the member replaced."""
    present = meeting.attendee_lists["present"]
    known = sum(1 for attendee in present if attendee.party and not attendee.organisation)
    lettered = [a for a in present if a.organisation and _LOCAL_PARTY.match(a.organisation) and not ORG_WORDS.search(a.organisation)]
    if known < 3 or known <= len(lettered) or any(a.organisation and not _LOCAL_PARTY.match(a.organisation) for a in present):
        return
    for attendee in lettered:
        letters, attendee.organisation = attendee.organisation, None
        if attendee.party and attendee.replaces:
            attendee.replaced_party = attendee.replaced_party or letters
        else:
            attendee.party = attendee.party or letters
        whose = attendee.replaces if attendee.party and attendee.replaces else attendee.name
        meeting.guess(attendee.loc, "party", f"{whose}: {letters} (a local party, among members with parties)")


def _officer(attendee: Attendee) -> bool:
    return bool(attendee.title and not attendee.party and not attendee.organisation and not attendee.role
                and not attendee.replaces and TITLE_WORDS.search(attendee.title) and not ORG_WORDS.search(attendee.title))


def one_entry_each(meeting: DraftMeeting) -> None:
    """A substitute who served in some items and sat in the others is listed twice, under
    `Tjänstgörande ersättare` ("Sven Ahlgren (S) för Annelie Sjöberg (S), § 89") and under
    `Ersättare` ("Sven Ahlgren (S), §§ 84–88, 90–92"): one attendee, the first entry, with the
    second's items in its note."""
    present = meeting.attendee_lists["present"]
    kept: list[Attendee] = []
    for attendee in present:
        first = next((other for other in kept if other.name == attendee.name
                      and not (other.party and attendee.party and other.party != attendee.party)), None)
        if first is None:
            kept.append(attendee)
            continue
        said = " ".join(filter(None, (attendee.role if attendee.role != first.role else None, attendee.note)))
        first.note = "; ".join(filter(None, (first.note, said))) or None
        first.party = first.party or attendee.party
        first.role = first.role or attendee.role
        meeting.guess(attendee.loc, "present", f"{attendee.name} listed again ({said or 'no note'}): one attendee")
    present[:] = kept


def replaced_are_absent(meeting: DraftMeeting) -> None:
    """A substitute who served the whole meeting for a member ("Eva Lindkvist (S) för Tomas
    Hedenström (S)", no items named) tells that the member was absent, though no list of the absent
    names them: the member is added to it. One who served for some items only (`§ 146`) does not,
    and minutes that print who was absent are taken at their word."""
    lists = meeting.attendee_lists
    if lists["absent"]:
        return
    for attendee in list(lists["present"]):
        replaced = attendee.replaces
        if not replaced or attendee.note or attendee.until_item or attendee.absent_from_items:
            continue
        if any(same_person(other.name, replaced) for kind in ("present", "absent") for other in lists[kind]):
            continue
        # (the party is the member's own, where the list prints it: not guessed from the substitute's)
        absent = Attendee(name=replaced, party=attendee.replaced_party, loc=attendee.loc)
        lists["absent"].append(absent)
        meeting.guess(attendee.loc, "absent", f"{replaced} (replaced by {attendee.name} for the whole meeting)")
