"""The words the archive shows for its facts: a meeting's title, an item's citation, and the
Swedish names of statuses, kinds and blocks. Pages, feeds, open data and search say them alike
because they take them from here."""

from __future__ import annotations

from .model import Block, Body, Item, Meeting
from .text import long_date

STATUS_LABELS = {"planerad": "Planerat", "kallad": "Kallelse", "inställd": "Inställt",
                 "utkast": "Utkast", "slutlig": "Slutlig", "justerat": "Justerat", "anslaget": "Anslaget"}
KIND_LABELS = {"protokoll": "Protokoll", "protokollsutdrag": "Protokollsutdrag", "mötesanteckning": "Mötesanteckningar"}
BLOCK_NAMES = {
    "beslut": "Beslut",
    "ställningstagande": "Ställningstagande",
    "yrkande": "Yrkande",
    "propositionsordning": "Propositionsordning",
    "omröstning": "Omröstning",
    "reservation": "Reservation",
    "protokollsanteckning": "Protokollsanteckning",
    "särskilt yttrande": "Särskilt yttrande",
    "jäv": "Jäv",
    "förslag": "Förslag till beslut",
}
DECISION_DEFINITE = {"beslut": "beslutet", "ställningstagande": "ställningstagandet"}
SOURCE_LABELS = {
    "manuell": "Inskrivna för hand efter protokollet",
    "pdf": "Importerade från pdf",
    "pdf-ocr": "Importerade från inskannad pdf, tolkad med OCR",
    "docx": "Importerade från Word",
    "odt": "Importerade från OpenDocument",
    "rtf": "Importerade från RTF",
    "html": "Importerade från en webbsida (HTML)",
    "latex": "Importerade från LaTeX",
    "typst": "Importerade från Typst",
    "org": "Importerade från Org",
    "markdown": "Importerade från Markdown",
    "text": "Importerade från en textfil",
}
"""Where minutes' text came from (the front matter's `source`), as the coverage page lists them."""
UNKNOWN_SOURCE = "Utan uppgift om källan"


def meeting_title(meeting: Meeting, body: Body) -> str:
    """`Länssamverkansgruppen 15 september 2023`."""
    return f"{body.name} {long_date(meeting.date)}"


def meeting_citation(body: Body, meeting: Meeting) -> str:
    """How staff cite a whole protocol: `Länssamverkansgruppen 2021-02-19, dnr HSN 422:1-2021`."""
    text = f"{body.name} {meeting.date.isoformat()}"
    return f"{text}, dnr {meeting.diarienummer.normalised}" if meeting.diarienummer else text


def citation(body: Body, meeting: Meeting, item: Item, decision: Block | None = None) -> str:
    """How staff cite an item or decision: `Länssamverkansgruppen 2023-09-15 § 28, dnr HSN 200:3-2023`.
    The item's own diarienummer when it has one, else the protocol's."""
    text = f"{body.name} {meeting.date.isoformat()} {item.label}"
    if decision is not None and len(item.decisions) > 1:
        text += f", beslut {item.decisions.index(decision) + 1}"
    number = item.diarienummer[0].normalised if item.diarienummer else (
        meeting.diarienummer.normalised if meeting.diarienummer else None)
    return f"{text}, dnr {number}" if number else text
