"""Line breaks that a conversion lost, put back.

Minutes copied out of a web page or exported by some PDF tools arrive as one long line:
"MBN § 12 Sammanträdets öppnande Ordföranden förklarar ... MBN § 13 Val av justerare NÄMNDEN
BESLUTAR att ...". A line far longer than any line of minutes is broken again where minutes
always break:

- before an item's number: `§ 12`, `KS § 123`, `Sn 12 Title` and `12. Title`, when the number
  continues the sequence of those already found (a reference to "§ 5" in the text is no item);
- after an item's title: at the first capitalised word that starts a sentence (a finite verb
  follows), or at a word in capitals ("NÄMNDEN BESLUTAR");
- before the labels of minutes: `Dnr`, `Plats:`, `Närvarande:`, `Beslut:`, `Beslutet skickas
  till:`, `Föredragande:`, ... and before and after page furniture ("Justerandes signatur",
  "Utdragsbestyrkande", "Sida 2(6)");
- after a diarienummer that follows `Dnr`.
"""

from __future__ import annotations

import re

from .model import Line
from .units import has_finite_verb

LOST_BREAKS = 300
"""Characters: a line longer than this has lost its breaks (lines of minutes are shorter)."""

_ITEM_MARK = re.compile(
    r"(?<![\w§])(?:(?P<prefix>[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,4})\s+)?§\s*(?P<n>\d{1,4})(?![\d.,:/])"
    r"|(?<![\w§])(?P<prefix2>[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{1,4})\s+(?P<n2>\d{1,3})(?=\s+[A-ZÅÄÖ])"
    r"|(?<=[.!?:]\s)(?P<n3>\d{1,3})\.(?=\s+[A-ZÅÄÖ])"
)
_LABELS = re.compile(
    r"(?<=\s)(?=(?:Dnr\b|Diarienummer\b|Plats(?:\s+och\s+tid)?:|Tid:|Datum:|Närvarande:|Beslutande:|Ledamöter:|"
    r"Ersättare:|Frånvarande:|Övriga\s+närvarande:|Tjänstepersoner:|Sekreterare:|Ordförande:|Justerare:|Utses\s+att\s+justera:|"
    r"Föredragande:|Beslutsunderlag:|Bilagor?:|Beslut:|Beslutet\s+skickas\s+till:|Beslutet\s+expedieras\s+till:|"
    r"Expedieras\s+till:|Yrkanden?:|Propositionsordning:|Omröstning:|Reservationer?:|Protokollsanteckning:|"
    r"Justerandes\s+signatur|Utdragsbestyrkande|Sida\s+\d{1,3}\s*(?:\(\s*\d{1,3}\s*\)|av\s+\d{1,3})))"
)
_FURNITURE_END = re.compile(r"(?:Justerandes\s+signatur|Utdragsbestyrkande|Sida\s+\d{1,3}\s*(?:\(\s*\d{1,3}\s*\)|av\s+\d{1,3}))\s+")
_DNR_VALUE = re.compile(r"\b(?:Dnr|Diarienummer)\.?:?\s*(?:[A-ZÅÄÖ]{1,12}\s*/?\s*)?[\d][\d:./ -]*\d(?=\s+[A-ZÅÄÖ])")
_CAPS_WORD = re.compile(r"^[A-ZÅÄÖ]{3,}$")
_VERB_FORM = re.compile(r"^[a-zåäö]{3,}(?:ar|er|ir|de|te|des|tes|ades|as)$")
"""A word in a verb's present or past form ("förklarar", "beslutade"): a sentence has begun."""


def restore_breaks(lines: list[Line]) -> list[Line]:
    """Lines with their lost breaks put back; other lines as they are."""
    out: list[Line] = []
    last_item: list[int | None] = [None]
    for line in lines:
        if len(line.text) <= LOST_BREAKS:
            out.append(line)
            continue
        for number, text in enumerate(_split(line.text, last_item), 1):
            out.append(Line(text=text, loc=f"{line.loc}, part {number}", no=line.no, page=line.page))
    return out


def _split(text: str, last_item: list[int | None]) -> list[str]:
    cuts: set[int] = set()
    for match in _ITEM_MARK.finditer(text):
        number = int(match["n"] or match["n2"] or match["n3"])
        previous = last_item[0]
        plain = match["n2"] is not None or match["n3"] is not None
        if previous is None and plain and number > 3:
            continue
        if previous is not None and not (previous < number <= previous + 3):
            continue
        last_item[0] = number
        cuts.add(match.start())
        end_of_title = _title_end(text, match.end())
        if end_of_title is not None:
            cuts.add(end_of_title)
    cuts.update(m.start() for m in _LABELS.finditer(text))
    cuts.update(m.end() for m in _FURNITURE_END.finditer(text))
    cuts.update(m.end() for m in _DNR_VALUE.finditer(text))
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
    words = list(re.finditer(r"\S+", text[start:start + 200]))
    for position, word in enumerate(words[1:], 1):
        token = word[0]
        if token in ("Dnr", "Diarienummer") or _LABELS.match(" " + token):
            return None  # a label ends the title; it is cut there anyway
        if not token[:1].isupper():
            continue
        if _CAPS_WORD.match(token.strip(".,:")):
            return start + word.start()
        following = " ".join(w[0] for w in words[position:position + 4])
        verb_next = position + 1 < len(words) and _VERB_FORM.match(words[position + 1][0])
        if has_finite_verb(following) or verb_next:
            return start + word.start()
    return None
