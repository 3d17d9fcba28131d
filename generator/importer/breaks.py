"""Line breaks that a conversion lost, put back.

Minutes copied out of a web page or exported by some PDF tools arrive as one long line:
"MBN § 12 Sammanträdets öppnande Ordföranden förklarar ... MBN § 13 Val av justerare NÄMNDEN
BESLUTAR att ...". A line far longer than any line of minutes is broken again where minutes
always break:

- before an item's number: `§ 12`, `KS § 123`, `Sn 12 Title`, `12. Title` and `12 Dnr KS 2018/4`
  (a conversion that lost the `§` glyph), when the number continues the sequence of those
  already found (a reference to "§ 5" in the text is no item) or starts it again at its first
  number (a table of contents lists the items before the items);
- on the front page, before an item has been found: before and after the labels of the form
  municipal minutes open with ("Plats och tid", "Beslutande ledamöter", "Övriga närvarande",
  "Justeringens plats och tid", "Underskrifter", "Paragrafer", "ANSLAG/BEVIS", ...), and after a
  name's party (`Anna Ek (S)`, `Anna Ek (S), ordförande`) when another name follows: the form's
  columns read as one line;
- after an item's title: at the first capitalised word that starts a sentence (a finite verb
  follows), or at a word in capitals ("NÄMNDEN BESLUTAR");
- before the labels of minutes: `Dnr`, `Plats:`, `Närvarande:`, `Beslut:`, `Beslutet skickas
  till:`, `Föredragande:`, ... and before and after page furniture ("Justerandes signatur",
  "Utdragsbestyrkande", "Sida 2(6)", a page number `3(36)` that opens the page);
- after a diarienummer that follows `Dnr`.
"""

from __future__ import annotations

import re

from .model import Line
from .units import FUNCTION_WORDS, has_finite_verb

LOST_BREAKS = 300
"""Characters: a line longer than this has lost its breaks (lines of minutes are shorter)."""
_PAGE_OPENS = re.compile(r"^\d{1,3}\s*\(\s*\d{1,3}\s*\)\s+\S.{60,}")
"""A page of a transcript: its page number, then the page's text in one line."""

_ITEM_MARK = re.compile(
    r"(?<![\w§])(?:(?P<prefix>(?:[A-ZÅÄÖ]{2,5}\s+)?[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,4})\s+)?§\s*(?P<n>\d{1,4})(?![\d.,:/])"
    r"|(?<![\w§])(?P<prefix2>[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{1,4})\s+(?P<n2>\d{1,3})(?=\s+[A-ZÅÄÖ])"
    r"|(?<=[.!?:]\s)(?P<n3>\d{1,3})\.(?=\s+[A-ZÅÄÖ])"
    r"|(?<![\w§/.,:-])(?P<n4>\d{1,4})\s+(?=(?:Dnr|Diarienummer)\b)"
)
_LABELS = re.compile(
    r"(?<=\s)(?=(?:Dnr\b|Diarienummer\b|Plats(?:\s+och\s+tid)?:|Tid:|Datum:|Närvarande:|Beslutande:|Ledamöter:|"
    r"Ersättare:|Frånvarande:|Övriga\s+närvarande:|Tjänstepersoner:|Sekreterare:|Ordförande:|Justerare:|Utses\s+att\s+justera:|"
    r"Föredragande:|Beslutsunderlag:|Bilagor?:|Beslut:|Beslutet\s+skickas\s+till:|Beslutet\s+expedieras\s+till:|"
    r"Expedieras\s+till:|Yrkanden?:|Propositionsordning:|Omröstning:|Reservationer?:|Protokollsanteckning:|"
    r"Justerandes\s+sign(?:atur|\.|\b)|Utdragsbestyrkande|Sammanträdesdatum\b|Sida\s+\d{1,3}\s*(?:\(\s*\d{1,3}\s*\)|av\s+\d{1,3})))"
)
_FURNITURE_END = re.compile(r"(?:Justerandes\s+sign(?:atur|\.|\b)|Utdragsbestyrkande|Sida\s+\d{1,3}\s*(?:\(\s*\d{1,3}\s*\)|av\s+\d{1,3}))\s+"
                            r"|^\d{1,3}\s*\(\s*\d{1,3}\s*\)\s+")
_FORM_LABELS = re.compile(
    r"(?<![\w/])(?:Plats\s+och\s+tid(?:\s+för\s+sammanträdet)?|Tid\s+och\s+plats|Beslutande(?:\s+ledamöter)?|"
    r"(?:Ej\s+beslutande|Ej\s+tjänstgörande|Tjänstgörande|Närvarande)\s+ersättare|Övriga\s+(?:närvarande|deltagare|deltagande)|"
    r"Tjänstemän|Tjänstepersoner|Utses\s+att\s+justera|Utsedda?\s+att\s+justera|Justerare|Justerande|Justeringens\s+(?:plats\s+och\s+tid|tid|plats)|"
    r"Underskrifter|Sekreterare|Ordförande|Paragrafer|ANSLAG/BEVIS|Anslag/Bevis|BEVIS|Organ|Sammanträdesdatum|"
    r"Datum\s+(?:för\s+anslags\s+(?:uppsättande|nedtagande|nedtagning)|när\s+anslaget\s+(?:sätts\s+upp|tas\s+ner))|"
    r"Anslaget\s+(?:sätts\s+upp|tas\s+(?:ned|ner))|Förvaringsplats\s+för\s+protokollet|Underskrift|"
    r"Ärendelista|Innehållsförteckning|Register)(?![\w/])"
)
"""The labels of the front-page form of municipal minutes, printed without a colon."""
_ENTRY_END = re.compile(r"\((?:[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,3}|-)\)(?:,?\s+(?:ordförande|vice\s+ordförande|\d:e\s+vice\s+ordförande|"
                        r"ledamot|ersättare))?(?=\s+[A-ZÅÄÖ][a-zåäöé])")
"""The end of one name of a flattened list: `Anna Ek (S)`, `Anna Ek (S), ordförande`, before the next name."""
_DNR_VALUE = re.compile(r"\s*\b(?:Dnr|Diarienummer)\.?:?\s*(?:[A-ZÅÄÖ]{1,12}\s*/?\s*)?[\d][\d:./ -]*\d(?=\s+[A-ZÅÄÖ])")
_ITEM_LABELS = re.compile(
    r"(?:(?<=[.!?]\s)|(?<=^))(?:Beslutsunderlag|Ärendebeskrivning|Sammanfattning|Bakgrund|Beslut|Yrkanden?|Propositionsordning|"
    r"Beslutsgång|Proposition|Omröstning|Reservation(?:er)?|Protokollsanteckning(?:ar)?|Överläggning|"
    r"Beslutet\s+(?:skickas|expedieras)\s+till|Expedieras\s+till|Beslutsexpediering)(?=\s+[A-ZÅÄÖ])"
    r"|(?<![\w-])[A-ZÅÄÖ][a-zåäö-]{3,}s\s+(?:beslut|förslag(?:\s+till\s+(?:beslut|[a-zåäö-]+(?:en|et|na)))?)(?=\s+[A-ZÅÄÖ])"
)
"""The labels of an item of municipal minutes without a colon ("Beslutsunderlag", "Arbetsutskottets
beslut", "Arbetsutskottets förslag till kommunstyrelsen"), where a sentence or a title ended
before them and a capitalised word follows: each on a line of its own."""
_OPENERS = frozenset("en ett vi man under efter nu här".split())
_CAPS_WORD = re.compile(r"^[A-ZÅÄÖ]{3,}$")
_VERB_FORM = re.compile(r"^[a-zåäö]{3,}(?:ar|er|ir|de|te|des|tes|ades|as)$")
"""A word in a verb's present or past form ("förklarar", "beslutade"): a sentence has begun."""


def restore_breaks(lines: list[Line]) -> list[Line]:
    """Lines with their lost breaks put back; other lines as they are."""
    out: list[Line] = []
    last_item: list[int | None] = [None, None]  # the last item number found, the first
    for line in lines:
        if len(line.text) <= LOST_BREAKS and not _PAGE_OPENS.match(line.text):
            out.append(line)
            continue
        for number, text in enumerate(_split(line.text, last_item), 1):
            out.append(Line(text=text, loc=f"{line.loc}, part {number}", no=line.no, page=line.page))
    return out


def _split(text: str, last_item: list[int | None]) -> list[str]:
    cuts: set[int] = set()
    kept_together: set[int] = set()
    first_item_at = None
    on_front_page = last_item[1] is None
    for match in _ITEM_MARK.finditer(text):
        number = int(match["n"] or match["n2"] or match["n3"] or match["n4"])
        previous, first = last_item
        plain = match["n2"] is not None or match["n3"] is not None
        if previous is None and plain and number > 3:
            continue
        if previous is not None and not (previous < number <= previous + 3) and number != first:
            continue
        last_item[0] = number
        if first is None:
            last_item[1] = number
        first_item_at = match.start() if first_item_at is None else first_item_at
        cuts.add(match.start())
        if match["n4"] is not None:
            kept_together.add(match.end())
        end_of_title = _title_end(text, match.end())
        if end_of_title is not None:
            cuts.add(end_of_title)
    if on_front_page:
        front = len(text) if first_item_at is None else first_item_at
        for match in _FORM_LABELS.finditer(text, 0, front):
            cuts.update((match.start(), match.end()))
        cuts.update(m.end() for m in _ENTRY_END.finditer(text, 0, front))
    cuts.update(m.start() for m in _LABELS.finditer(text))
    for match in _ITEM_LABELS.finditer(text):
        cuts.update((match.start(), match.end()))
    cuts.update(m.end() for m in _FURNITURE_END.finditer(text))
    cuts.update(m.end() for m in _DNR_VALUE.finditer(text))
    # "26 Dnr KS 2018/21": the number and its diarienummer stay together (the item's heading)
    cuts -= kept_together
    pieces, start = [], 0
    for cut in sorted(cuts):
        if cut > start:
            pieces.append(text[start:cut])
            start = cut
    pieces.append(text[start:])
    return [p.strip() for p in pieces if p.strip()]


def _title_end(text: str, start: int) -> int | None:
    """Where an item's title ends in run-on text: before the first capitalised word that starts a
    sentence, or a word in capitals, after at least one word of title."""
    if dnr := _DNR_VALUE.match(text, start):
        start = dnr.end()  # "12 Dnr KS 2018/4 Title ...": the title follows the diarienummer
    words = list(re.finditer(r"\S+", text[start:start + 200]))
    for position, word in enumerate(words[1:], 1):
        token = word[0]
        if token in ("Dnr", "Diarienummer") or _LABELS.match(" " + token):
            return None  # a label ends the title; it is cut there anyway
        if not token[:1].isupper():
            continue
        if _CAPS_WORD.match(token.strip(".,:")):
            return start + word.start()
        if _opens_sentence(words, position):
            run = position
            while run + 1 < len(words) and _opens_sentence(words, run + 1):
                run += 1
            # "... längs Strandvägen En medborgare föreslår": the sentence opens at a function word
            # of the capitalised words, else at the first ("... kommunchefen Kommunchef Per Lönn informerar")
            opener = next((k for k in range(position, run + 1) if words[k][0].casefold() in FUNCTION_WORDS | _OPENERS), position)
            return start + words[opener].start()
    return None


def _opens_sentence(words: list[re.Match], position: int) -> bool:
    if not words[position][0][:1].isupper():
        return False
    following = " ".join(w[0] for w in words[position:position + 4])
    verb_next = position + 1 < len(words) and _VERB_FORM.match(words[position + 1][0])
    return has_finite_verb(following) or bool(verb_next)
