"""One item's lines -> its type, fields, sub-headings, text and blocks.

In order of precedence, for each unit of the item:

- a type line near the top ("Beslutsärende", "Muntligt informationsärende", "Information och
  dialog", "Ställningstagande", "För kännedom") -> `Typ:`;
- field lines: "Föredragande:", "Beslutsunderlag:", "Bilaga:", "Dnr:" -> fields, in place;
- section labels: "Beslut" (the text below it is the decision), "Ställningstagande:",
  "Yrkanden", "Reservation", "Protokollsanteckning", "Jäv", "Omröstning", "Propositionsordning";
- headings -> sub-headings (`###`); a short line right above a "Föredragande:" line too;
- text: sentence by sentence, decisions ("X beslutade ...", "Dagordningen godkändes") open a
  decision block that runs to the end of its paragraph and takes the list it introduces
  ("X beslutade:" / "- Att ..."); proposals, dissents, notes and jäv become their blocks;
  presenting verbs ("X föredrog ärendet") add presenters;
- figure text caught inside a sentence ("... men för att" / "Makro" / "Meso" / "spridning ...")
  is left out and reported.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from .. import dnr
from ..items import BY_MEMBER_KINDS, ITEM_TYPES
from .agenda import title_like
from .model import Attendee, DraftItem, DraftMeeting, Line, Part, Presenter
from .people import looks_like_name, parse_entry, parse_inline_list, same_person, without_party
from .rollcall import RollCall, read_roll_call, starts_roll_call, voters_in
from .sentences import (
    CHAIR, COUNTED, ORDER, TALLY, VOTE, VOTE_COUNT, VOTE_RESULT, Subjects, counted_result, decision_at, merge_presenters, motion_at,
    parse_presenter_field, vote_result, without_alias,
    arriving_at, assignments_in, leaving_at, members_acting, party_group_motion, presenters_in, support_at,
)
from .units import INTRODUCES_POINTS, NUMBERED_POINT, Unit, build_units, has_finite_verb, sentences
from .write import markdown_table

TYPE_LINE = re.compile(
    r"^(?:(?:muntligt|skriftligt|muntlig|skriftlig|kort)\s+)?(?:besluts|informations|diskussions|anmälnings|"
    r"delegations|remiss|dialog|uppföljnings|rapport)ärende$"
    r"|^information(?:\s+(?:och|/)\s*(?:dialog|diskussion))?$|^för\s+(?:beslut|information|kännedom|diskussion|dialog)"
    r"(?:\s+(?:och|/)\s*(?:beslut|information|diskussion|dialog))?$|^ställningstagande$|^(?:kännedom|diskussion|dialog)(?:\s+och\s+dialog)?$",
    re.IGNORECASE,
)
TYPE_AFTER_TITLE = re.compile(
    r"^(?P<title>.+?(?:\)|\t|\s{2,}))\s*(?P<type>(?:Muntligt\s+|Skriftligt\s+)?(?:Besluts|Informations|Diskussions)ärende|"
    r"Information(?:\s+och\s+dialog)?|Ställningstagande|För\s+(?:beslut|information|kännedom))$"
)
FIELD_LABELS = {
    "föredragande": "presenter", "föredragare": "presenter", "föredras av": "presenter", "presentatör": "presenter",
    "presenteras av": "presenter", "föredragande tjänsteperson": "presenter", "föredragande tjänstepersoner": "presenter",
    "beslutsunderlag": "Beslutsunderlag", "underlag": "Beslutsunderlag", "handlingar": "Beslutsunderlag",
    "underlag för beslut": "Beslutsunderlag", "underlag för beslutet": "Beslutsunderlag", "handlingar i ärendet": "Beslutsunderlag",
    "bilaga": "Bilaga", "bilagor": "Bilaga",
    "dnr": "dnr", "dnr.": "dnr", "diarienummer": "dnr", "diarienr": "dnr", "ärendenummer": "dnr",
    "ärendetyp": "type", "typ av ärende": "type", "typ": "type",
    "beslutet skickas till": "dispatch", "beslutet expedieras till": "dispatch", "expedieras till": "dispatch",
    "skickas till": "dispatch", "expediering": "dispatch", "beslut skickas till": "dispatch", "expedieras": "dispatch",
    "beslutsexpediering": "dispatch", "beslutet ska skickas till": "dispatch", "exp": "dispatch", "exp.": "dispatch",
    "exp till": "dispatch", "exp. till": "dispatch", "expedierat": "dispatch", "expediering till": "dispatch",
}
SECTION_LABELS = [
    (re.compile(r"^(?:beslut|beslutet|mötets\s+beslut|\w+s\s+beslut|beslut\s+i\s+korthet|förslag\s+till\s+beslut\s+som\s+antogs)$", re.I), "beslut"),
    (re.compile(r"^ställningstagande(?:n)?$", re.I), "ställningstagande"),
    (re.compile(r"^(?:ändrings|tilläggs|avslags|återremiss|bordläggnings)?yrkanden?$", re.I), "yrkande"),
    (re.compile(r"^(?:propositionsordning|beslutsgång|beslutsordning|proposition|proposition\s+och\s+beslut)$", re.I), "propositionsordning"),
    (re.compile(r"^(?:omröstning|omröstningsresultat|votering|voteringsresultat|(?:omröstning|votering)\s+begär(?:s|des))$", re.I), "omröstning"),
    (re.compile(r"^reservation(?:er)?$", re.I), "reservation"),
    (re.compile(r"^protokollsanteckning(?:ar)?$", re.I), "protokollsanteckning"),
    (re.compile(r"^(?:särskilt\s+yttrande|särskilda\s+yttranden)$", re.I), "särskilt yttrande"),
    (re.compile(r"^jäv$", re.I), "jäv"),
]
PROSE_LABELS = re.compile(
    r"^(?:ärendebeskrivning|sammanfattning(?:\s+av\s+ärendet)?|beskrivning\s+av\s+ärendet|bakgrund|ärendet|förslag\s+till\s+beslut|"
    r"\w+s\s+förslag(?:\s+till\s+(?:beslut|\w+))?|kommentar|kommentarer|"
    r"återkoppling|diskussion|frågor(?:/|\s+och\s+)synpunkter|synpunkter|information|yttrande|konsekvenser|"
    r"ekonomiska\s+konsekvenser|uppföljning|bedömning|förvaltningens\s+bedömning|beredning|lagstöd|motivering|"
    r"överläggning(?:\s+i\s+[\wåäö]+)?|yttranden|ärendets\s+behandling|förslag\s+(?:till\s+beslut\s+)?(?:under|på|vid)\s+sammanträdet|(?:kontrapropositions|huvud|motförslags)(?:votering|omröstning)|"
    r"särskilt\s+yttrande\s+i\s+[\wåäö]+|ärendebeskrivning\s+och\s+förslag|"
    # the parts of a decision on a permit, a supervision or an individual's case
    r"beslutsmotivering|skäl\s+för\s+beslutet|upplysningar|yttranden?\s+från\s+[\wåäö]+|"
    r"hur\s+man\s+överklagar(?:\s+beslutet)?|överklagandehänvisning|besvärshänvisning|delges|delgivning|avgift|avgifter|"
    r"avgift\s+för\s+\w+|lagrum|tillämpliga\s+bestämmelser|förutsättningar|"
    # the perspectives and analyses a municipal template asks of each item
    r"barnkonsekvensanalys|barnperspektiv(?:et)?|barnrättsperspektiv(?:et)?|jämställdhetsperspektiv(?:et)?|miljöperspektiv(?:et)?|"
    r"(?:risk-\s+och\s+)?konsekvensanalys|riskanalys|samråd|samverkan|finansiering|ekonomi)$",
    re.IGNORECASE,
)
_LABEL = re.compile(r"^(?P<label>[A-Za-zÅÄÖåäöé][\w ./&-]{0,40}?)\s*:\s*(?P<value>.*)$")
_ATT = re.compile(r"^(?:att|Att)\b")
_PROPOSES_TO_ANOTHER = re.compile(r"\bföreslås\s+(?:\w+\s+)?besluta\b|\bföreslår\s+(?:[\wåäö-]+\s+){1,4}?(?:att\s+)?besluta\b|"
                                  r"\bföreslår\s+(?:[\wåäö-]+\s+){0,3}(?:fullmäktige|kommunstyrelsen|regionstyrelsen|nämnden|styrelsen)\s+att\b",
                                  re.IGNORECASE)
"""A decision that is a proposal to another body ("Kommunstyrelsen föreslås besluta att", "föreslår
kommunfullmäktige att"): what it would assign is not assigned yet."""
_DECIDING_ALONE = re.compile(r"^(?:[\wåäö-]+\s+){1,3}(?:beslutar|beslutade)\s*:?$", re.IGNORECASE)
_ATT_GOES_ON = re.compile(r"\batt\b[^.]*[,;]$")
"""`Styrelsen beslutade att genomföra ... 142,5 miljoner kronor,` / `att uppdra åt ...`: an att-clause
that ends in a comma goes on in the next one."""
_ENDS_DECIDING = re.compile(r"\b(?:beslutar|beslutade|beslöt|besluta|föreslår|föreslog)$", re.IGNORECASE)
"""`Kommunstyrelsen beslutar` / `att utse ...` / `att justeringen sker ...`: att-clauses follow."""
_GUESTS = re.compile(r"^(?:övriga\s+)?(?:inbjudna|inbjuden|gäster)(?:\s+(?:från|av)\s+(?P<org>[^:]+?))?\s*:\s*(?P<names>.+)$", re.IGNORECASE)
_MOTION_LABEL_KINDS = BY_MEMBER_KINDS
_NO_PROPOSAL = re.compile(r"^(?:inga|inget|ej|inte\s+några)\s+(?:(?:fler|andra|övriga|ytterligare)\s+)?\w*yrkanden?\b|^(?:det\s+)?(?:finns|fanns|föreligger|förelåg)\s+"
                          r"(?:inga|inget)\b", re.IGNORECASE)
"""`Inga fler yrkanden framställdes.`, `Det finns inga andra yrkanden.`: under `Yrkanden`, no proposal."""
NAMES_A_MEMBER = re.compile(r"\b[A-ZÅÄÖ][\w-]+\s+(?:[A-ZÅÄÖ][\w-]+\s+)?[A-ZÅÄÖ][\w-]+\s*\([A-ZÅÄÖa-zåäö]{1,4}\)")
"""`Patrik Holm (SD)`: a name with its party."""
_LABEL_VALUE = re.compile(r"^[A-ZÅÄÖ][\w ./-]{0,30}:\s*\S[^:]*$")
SECRECY_GROUND = re.compile(
    r"\d+\s*kap\.?\s*\d+\s*[a-z]?\s*§(?:\s*(?:första|andra|tredje)\s+stycket)?"
    r"(?:\s*(?:offentlighets-\s*och\s*sekretesslagen(?:\s*\(2009:400\))?|OSL|sekretesslagen))?"
    r"|OSL\s*\d+\s*:\s*\d+", re.IGNORECASE)
_UNDER_SECRECY = re.compile(r"\b(?:sekretess\s+(?:enligt|gäller|råder)|omfattas\s+av\s+sekretess|sekretessbelag\w*|"
                            r"under\s+sekretess)\b", re.IGNORECASE)
DELEGATION_TITLE = re.compile(r"\b(?:anmälningsärenden|anmälningar|anmälan\s+av\s+delegationsbeslut|delegationsbeslut|"
                              r"meddelanden|delgivningar|redovisning\s+av\s+delegationsbeslut)\b", re.IGNORECASE)
"""Items that list decisions others took (under delegation) or notifications: their list
entries are no decisions of the meeting."""
ELECTION_TITLE = re.compile(r"^(?:\W*)(?:val|inval|fyllnadsval|nyval|omval|personval|val\s+och\s+entlediganden?)\b"
                            r"(?!\s+(?:om|av\s+(?:datum|tid|plats|lokal)))", re.IGNORECASE)


_ADOPTS = re.compile(
    r"\bfinner\b[^.]{0,40}?\batt\s+(?P<who>[\w -]{2,60}?)\s+(?:har\s+)?(?:bifaller|bifallit|antar|antagit|godkänner|godkänt|"
    r"beslutar\s+enligt|beslutat\s+enligt)\s+(?P<what>detta|detsamma|densamma|dessa|förslaget(?:\s+till\s+beslut)?|"
    r"[\wåäö-]+s\s+förslag(?:\s+till\s+beslut)?)\b", re.IGNORECASE)
"""The chair's finding that the body adopts a proposal: "finner ordföranden att nämnden bifaller detta"."""
PROPOSAL_LABEL = re.compile(r"^(?:förslag(?:\s+till\s+beslut)?(?:\s+från\s+[\wåäö -]{2,40})?|\w+s\s+förslag(?:\s+till\s+(?:beslut|\w+))?|"
                            r"beslutsförslag|attsatser)$",
                            re.IGNORECASE)
_ORDINALS = {"första": 1, "andra": 2, "tredje": 3, "fjärde": 4, "femte": 5, "sjätte": 6, "sjunde": 7, "åttonde": 8,
             "nionde": 9, "tionde": 10}
_REFERENCE = re.compile(
    r"^(?:(?P<which>(?:(?:samtliga|alla|båda|(?:\w+(?:\s*(?:,|och|&)\s*)?){0,4})\s*)?attsats(?:en|erna|er)?"
    r"(?:\s+(?:nr\.?\s*)?(?P<numbers>\d+(?:\s*(?:,|&|och|-|–)\s*\d+)*))?|förslaget|förslag\s+till\s+beslut)"
    r"\s+(?:bifalles|bifalls|bifölls|godkänns|godkändes|antas|antogs|avslås|avslogs)\b"
    r"|(?:bifalles|bifalls|bifölls|godkänns|godkändes|bifall)\.?$)", re.IGNORECASE)
"""A decision that names the proposal it approves ("attsats 1 bifalles", "Förslaget bifalles"), or
says only that ("bifalles": what was proposed above is approved)."""


def _referenced(decision: str, proposal: list[str]) -> list[str] | None:
    """The att-lines a decision approves by reference, or None when it names none."""
    match = _REFERENCE.match(decision.strip().lstrip("-–• ").strip())
    if not match:
        return None
    wanted = [int(n) for n in re.findall(r"\d+", match["numbers"] or "")]
    wanted += [_ORDINALS[w] for w in re.findall(r"\w+", (match["which"] or "").lower()) if w in _ORDINALS]
    if not wanted:
        return list(proposal)
    chosen = [proposal[n - 1] for n in wanted if 1 <= n <= len(proposal)]
    return chosen or None


_BULLET = re.compile(r"^[-–•*]\s+")
_SIGNS_MINUTES = re.compile(r"\b(?:mötessekreterare|protokollförare|justerare|justeringsman|justeringsperson|justerande|"
                            r"mötesordförande|vid\s+protokollet)\b", re.IGNORECASE)
_GREETING = re.compile(r"^(?:mvh|med\s+vänliga?\s+hälsningar?|vänliga\s+hälsningar|hälsningar|//)[,.]?\s*", re.IGNORECASE)
_NICKNAME = re.compile(r"\s+[\"“”'‘’«»][^\"“”'‘’«»]{1,30}[\"“”'‘’«»]\s+")
_ROLE_TITLE = re.compile(
    r"^(?:(?:rapport(?:er)?|information|info)\s+från\s+)?(?P<role>[A-ZÅÄÖa-zåäö][\wåäö-]{2,30}?)"
    r"(?:\s+(?:informerar|rapporterar|har\s+ordet|rapport|information|info))?$")


def _roles_of(attendee: Attendee) -> set[str]:
    """The roles and titles printed beside a name, one by one, lower case."""
    out = set()
    for text in (attendee.role, attendee.title):
        for piece in re.split(r"\s*(?:,|tillika|och|/)\s*", text or ""):
            if piece.strip():
                out.add(piece.strip().casefold())
    return out


def _signature(part: Part, known, greeted: bool = False) -> str | None:
    """The name a report is signed with, when the part is only that: `MvH Samuel "Hammarn"
    Hammersberg`, `Emmie Berger DV'20`, `- Daniell Cole, Ordförande '26`."""
    if part.kind == "list":
        if len(part.items) != 1:
            return None
        text = part.items[0][1]
    else:
        text = part.text
    text = " ".join(text.split())
    greeted = greeted or bool(_GREETING.match(text))
    text = _GREETING.sub("", text)
    nicknamed = bool(_NICKNAME.search(f" {text} "))
    text = _NICKNAME.sub(" ", f" {text} ").strip()
    head = re.split(r"\s*,\s*", text, maxsplit=1)[0]
    words = head.split()
    for size in (4, 3, 2):
        if len(words) < size:
            continue
        name = " ".join(words[:size])
        rest = (" ".join(words[size:]) + (text[len(head):] if len(text) > len(head) else "")).strip(" ,")
        if len(rest.split()) > 5 or has_finite_verb(rest) or rest.rstrip().endswith("."):
            continue
        if _SIGNS_MINUTES.search(rest):
            return None  # "Rasmus Kaj, mötessekreterare": the minutes' own signatures, no report's
        if not (greeted or nicknamed or re.search(r"[’'`]\d\d\b|\b(?:ordförande|kassör|ledamot|sekreterare|ansvarig|"
                                                 r"samordnare|representant|chef)\b", rest, re.IGNORECASE)):
            return None  # a name alone is no signature: a list of names, the elected, the roll
        if all(re.fullmatch(r"[A-ZÅÄÖÉ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?", w) for w in words[:size]) \
                and looks_like_name(name, known, lenient=True) and not has_finite_verb(name):
            return name
    return None


def _att_line(text: str) -> str:
    """A proposal's line as printed with its "att" (a list environment may print the "att" itself),
    without the "; eller" that joins alternatives."""
    text = re.sub(r"[;,]?\s*eller\s*$", "", text.strip())
    return text if re.match(r"^att\b", text, re.IGNORECASE) else f"att {text}"


def _names_only(text: str) -> bool:
    """A short text that only names (who was elected): no verb, no question, no sentence."""
    text = text.strip()
    return 0 < len(text.split()) <= 10 and not has_finite_verb(text) and not text.endswith("?") \
        and text.count(".") <= 1 and not re.search(r"\d{3,}", text)


@dataclass
class ItemContext:
    meeting: DraftMeeting
    subjects: Subjects
    known: set[str]
    width: int
    guests: list[Attendee] = field(default_factory=list)
    inferred: list[Attendee] = field(default_factory=list)
    """Attendees taken from the items of minutes that list none (see `_infer_attendees`), and those
    who sign them when no list names them either."""
    item_types: frozenset[str] = frozenset(ITEM_TYPES)
    """The types `Typ:` may print (the content format's and the body's own), lower case."""


def split_title_type(title: str) -> tuple[str, str | None]:
    """`Aktuellt inom FVM (20 min, bilaga) Information` -> the title and the type printed after it."""
    match = TYPE_AFTER_TITLE.match(title.strip())
    if match:
        return match["title"].strip(), match["type"]
    return title.strip(), None


def known_type(type_printed: str, item_types: frozenset[str]) -> bool:
    """A type the archive's loader accepts for this body (one vocabulary with `items`)."""
    return " ".join(type_printed.split()).lower() in item_types


def classifiable(type_printed: str) -> bool:
    lowered = type_printed.lower()
    return "beslut" in lowered or "ställningstagande" in lowered or "information" in lowered


def _field(text: str) -> tuple[str, str] | None:
    match = _LABEL.match(text.strip())
    if not match:
        return None
    kind = FIELD_LABELS.get(" ".join(match["label"].casefold().split()))
    return (kind, match["value"].strip()) if kind else None


def _section(text: str) -> tuple[str, str] | None:
    """(block kind, text after the label) of a section label line, inline or alone."""
    stripped = text.strip()
    match = _LABEL.match(stripped)
    label, value = (match["label"], match["value"].strip()) if match else (stripped, "")
    if not match and len(stripped.split()) > 4:
        return None
    for pattern, kind in SECTION_LABELS:
        if pattern.match(" ".join(label.split())):
            return kind, value
    return None


_INITIALS_END = re.compile(r"\b(?:[A-ZÅÄÖ]\.){1,3}$")
"""`Huvudmannen S.E.`: a recipient named by initials, whose last point ends no sentence."""


_WHY_SENT = re.compile(r"^(?:för|till)\s+(?:kännedom|information|åtgärd|yttrande|verkställighet|handläggning)\.?$",
                       re.IGNORECASE)
"""`Kommunstyrelsen, för kännedom`: why the one before is sent the decision, no recipient."""


def _recipients(text: str, one_a_line: bool = False) -> list[str]:
    """`A, B; C.` -> [A, B, C]; a name's initials keep their points (`Huvudmannen S.E.`); why one
    is sent it stays with it (`Kommunstyrelsen (för kännedom)`); in a list of one recipient a line,
    so does the organisation a unit is of (`Ekonomiavdelningen, Dalbyns kommun`)."""
    parts: list[str] = []
    for part in (part.strip() for part in re.split(r"\s*[,;]\s*", text) if part.strip()):
        part = part if _INITIALS_END.search(part) else part.rstrip(".")
        if parts and _WHY_SENT.match(part):
            parts[-1] = f"{parts[-1]} ({part})"
        elif parts and one_a_line and _ORGANISATION.match(part) and not _ORGANISATION.match(parts[-1]):
            parts[-1] = f"{parts[-1]}, {part}"
        else:
            parts.append(part)
    return parts


_ORGANISATION = re.compile(r"^(?:[\wåäö-]+\s+){1,3}(?:kommun|stad|län|landsting|kommunförbund)$|^Region\s+[A-ZÅÄÖ][\wåäö]+(?:\s+län)?$")
"""A municipality or region as a recipient's last part ("Dalbyns kommun", "Region Mälarskogen")."""
ADJUSTED_AT_MEETING = re.compile(
    r"\bomedelbar(?:t)?\s+justera(?:de|d|t|s|des)?\b|\bomedelbar\s+justering\b|\bjusteras\s+omedelbart\b|"
    r"\bjusterades\s+omedelbart\b|\bomedelbar(?:t)?\s+just\.?(?!\w)", re.IGNORECASE)
"""A paragraph adjusted at the meeting: "Paragrafen är omedelbart justerad", "... att förklara
paragrafen omedelbart justerad", "Beslutet justeras omedelbart", "Omedelbar justering"."""
_ADJUSTMENT_ALONE = re.compile(
    r"^(?:(?:paragrafen|beslutet|ärendet|§\s*\d+)\s+(?:är|förklaras|förklarades|anses|blir|justeras|justerades)\s+"
    r"(?:härmed\s+)?omedelbart(?:\s+justerad|\s+justerat)?|omedelbar\s+justering|omedelbart\s+justerad)\.?$",
    re.IGNORECASE)
"""The same on a line of its own, which says nothing else."""
_DISPATCH_ALONE = re.compile(r"^(?:beslutet\s+(?:ska\s+|skall\s+)?(?:skickas|expedieras)\s+till|beslut\s+skickas\s+till|"
                             r"expedieras(?:\s+till)?|(?:besluts)?expediering|beslutsexpediering)\s*:?$", re.IGNORECASE)


def is_stop(text: str) -> bool:
    """A line that always starts a unit of its own inside an item."""
    return bool(_field(text) or _section(text) or TYPE_LINE.match(text.strip()) or _DISPATCH_ALONE.match(text.strip())
                or PROSE_LABELS.match(text.strip().rstrip(":")))


def fill_item(item: DraftItem, lines: list[Line], ctx: ItemContext) -> None:
    dropped: list[Line] = []
    units = build_units(lines, ctx.width, stops=is_stop, dropped=dropped)
    for line in dropped:
        ctx.meeting.unplace(line, "text of a figure inside a broken sentence")
    filler = _Filler(item, ctx)
    filler.run(units)


class _Filler:
    def __init__(self, item: DraftItem, ctx: ItemContext):
        self.item = item
        self.ctx = ctx
        self.meeting = ctx.meeting
        self.head = Part("fields", items=[])
        item.parts.append(self.head)
        self.section_fields = self.head
        self.prose_seen = False
        self.seen = 0
        self.in_proposal = False
        self.in_background = False
        """Under `Ärendebeskrivning` / `Bakgrund`: what the body decided before is the matter's history."""

    # -- the walk -----------------------------------------------------------------------

    def _adjusted_at_meeting(self, units: list[Unit]) -> list[Unit]:
        """The units without the sentences that only say the paragraph was adjusted at the meeting
        (the item's `Justering: omedelbar` says it); a decision that declares it keeps its words."""
        kept = []
        for unit in units:
            if unit.kind not in ("para", "heading", "bullet") or not ADJUSTED_AT_MEETING.search(unit.text):
                kept.append(unit)
                continue
            self.item.adjusted_at_meeting = True
            self.meeting.guess(unit.loc, f"{self.item.label}: justering", f"omedelbar (from '{_short(unit.text.strip())}')")
            said = sentences(unit.text)
            rest = [sentence for sentence in said if not _ADJUSTMENT_ALONE.match(sentence.strip())]
            if rest:
                kept.append(Unit(unit.kind, " ".join(rest), unit.lines, unit.depth, unit.blank_before, unit.hinted)
                            if len(rest) < len(said) else unit)
        return kept

    def run(self, units: list[Unit]) -> None:
        units = self._adjusted_at_meeting(units)
        index = 0
        while index < len(units):
            index = self.step(units, index)
            self.seen += 1
        self._election_result()
        self._vote_results_told_as_decisions()
        self._secrecy(units)
        self._approved_proposals()
        self._adopted_proposal()
        self._signed_reports()
        self._role_presents()
        self._assignments()
        self._listed_as_present()

    def _listed_as_present(self) -> None:
        """Minutes whose head lists nobody, with an item that does: the list under `Tillkännagivande
        av röstlängd`, `Upprop` or `Närvaro`, or below `Följande personer befanns närvara och ha
        rösträtt:` / `Närvarande medlemmar med rösträtt:` (bullets, or names set apart by commas)
        names those present, and so the attendance (the list stays in the item, as printed)."""
        if not self._unlisted():
            return
        whole_item = bool(_ROLL_TITLE.search(self.item.title))
        introduced = False
        for part in self.item.parts:
            if part.kind == "para" and _ROLL_INTRO.search(part.text.strip()):
                introduced = True
                continue
            if whole_item or introduced:
                entries = [text for _, text in part.items] if part.kind == "list" else _name_run(part.text) if part.kind == "para" else []
                found = [a for a in (parse_entry(without_alias(entry).strip(), self.ctx.known) for entry in entries)
                         if a is not None and looks_like_name(a.name, self.ctx.known, lenient=True)]
                if found and 2 * len(found) >= len(entries):
                    for attendee in found:
                        self._add_listed(attendee, part.loc)
            introduced = False

    def _add_listed(self, attendee: Attendee, loc: str) -> None:
        if self._attendee_named(attendee.name) is not None:
            return
        attendee.loc = loc
        self.meeting.present.append(attendee)
        self.ctx.inferred.append(attendee)
        self.ctx.known.update((attendee.name.casefold(), attendee.name.split()[0].casefold()))
        self.meeting.guess(loc, "present", f"{attendee.name} (listed under {self.item.label}; the head lists no attendance)")

    def _assignments(self) -> None:
        """Each decision that gives an assignment ("ger kommundirektören i uppdrag att ...",
        "Förbundsdirektören får i uppdrag att ...") lists it as `Uppdrag: who; what; when`."""
        for part in self.item.parts:
            if part.block != "beslut" or part.items:
                continue
            if found := [value for paragraph in _own_paragraphs(part.text) for value in assignments_in(paragraph)]:
                part.items = [("Uppdrag", value) for value in found]
                for value in found:
                    self.meeting.guess(part.loc, f"{self.item.label}: uppdrag", value)

    def _vote_results_told_as_decisions(self) -> None:
        """"Med 6 ja-röster mot 4 nej-röster ... beslutar nämnden enligt Eva Linds ändringsyrkande."
        right after the vote or right above its roll call, and the decision itself under `Beslut`
        elsewhere: the sentence tells the vote's outcome, and is the vote's."""
        parts = self.item.parts
        for index in range(len(parts) - 1, -1, -1):
            told = parts[index]
            if told.block != "beslut" or not _OUTCOME_OF_A_VOTE.match(" ".join(told.text.split())):
                continue
            at = _next_block(parts, index, -1)
            if at is None or parts[at].block != "omröstning":  # (a proposal above, the roll call below)
                at = _next_block(parts, index, 1)
            if at is None or parts[at].block != "omröstning" or not any(part.block == "beslut" for part in parts if part is not told):
                continue  # (the only decision the item prints stays one; the other may stand above the vote)
            vote = parts[at]
            vote.text = f"{vote.text}\n\n{told.text}".strip() if at < index else f"{told.text}\n\n{vote.text}".strip()
            del parts[index]
            self.meeting.guess(told.loc, f"{self.item.label}: omröstning", f"the vote's outcome: {_short(told.text)}")

    def _approved_proposals(self) -> None:
        """A decision that approves a proposal by reference ("attsats 1 bifalles", "första och
        tredje attsatsen bifalles", "Förslaget bifalles") under a proposal's att-lines ("Förslag
        till beslut" / "- att ...", "Att: ...") is recorded with the att-lines it approves:
        "attsats 1 bifalles:" / "- att stämman fastställer röstlängden"."""
        proposal: list[str] = []
        collecting = False
        for position, part in enumerate(self.item.parts):
            if part.kind == "heading":
                collecting = bool(PROPOSAL_LABEL.match(part.text.strip().rstrip(":")))
                if collecting:
                    proposal = []
            elif part.kind == "list" and collecting:
                proposal.extend(text for depth, text in part.items if depth <= 1)
            elif part.kind == "para" and (match := re.match(r"^att\s*:\s*(?P<text>\S.*)$", part.text.strip(), re.IGNORECASE)):
                proposal = [match["text"]]
            elif part.kind == "para" and collecting and not part.text.strip().endswith(":"):
                proposal.append(part.text.strip())  # a list environment that prints "att" before each line
            elif part.kind == "block" and part.block == "beslut" and proposal:
                entries = part.text.strip().split("\n")
                if len(entries) > 1 and all(re.match(r"^[-–•*]\s+", e) and _referenced(e, proposal) for e in entries):
                    # "- första attsatsen bifalles" / "- sjätte attsatsen bifalles": each with the line it approves
                    part.text = "\n".join("- " + _BULLET.sub("", e).rstrip(".:") + ": "
                                          + "; ".join(_att_line(t) for t in _referenced(e, proposal)) for e in entries)
                    collecting = False
                elif (approved := _referenced(part.text, proposal)) is not None:
                    lines = "\n".join(f"- {_att_line(text)}" for text in approved)
                    intro = part.text.strip()
                    if "\n" not in intro:
                        intro = re.sub(r"^[-–•*]\s+", "", intro)  # "- attsats 1 bifalles" printed as a list's one entry
                    part.text = f"{intro.rstrip('.:')}:\n\n{lines}"
                    collecting = False

    def _adopted_proposal(self) -> None:
        """The chair finds that the body adopts the proposal ("Efter fråga på förslaget finner
        ordföranden att nämnden bifaller detta", "... finner att kommunstyrelsen beslutar enligt
        arbetsutskottets förslag") in an item whose decision is printed nowhere else: the proposal
        the item shows ("Förslag till beslut" / "1. Uppföljningen godkänns.") is its decision,
        recorded after the finding."""
        if self.item.decisions:
            return
        proposals: list[tuple[str, list[str]]] = []  # (label, lines) in order
        for position, part in enumerate(self.item.parts):
            if part.kind == "heading" and PROPOSAL_LABEL.match(part.text.strip().rstrip(":")):
                proposals.append((part.text.strip(), []))
                continue
            if part.kind == "heading" and proposals and proposals[-1][1]:
                proposals.append(("", []))  # another section: later text is no part of the proposal
                continue
            if proposals and proposals[-1][0] and part.kind == "para" and not _ADOPTS.search(part.text):
                proposals[-1][1].append(part.text.strip())
                continue
            if proposals and proposals[-1][0] and part.kind == "list":
                proposals[-1][1].extend(f"- {text}" for depth, text in part.items if depth <= 1)
                continue
            if part.kind not in ("para", "block") or part.block not in ("", "propositionsordning"):
                continue
            match = _ADOPTS.search(part.text)
            if not match or not self._names_body(match["who"]):
                continue
            wanted = (match["what"] or "").casefold()
            chosen = next((lines for label, lines in reversed(proposals) if label and lines
                           and (not wanted.endswith("s förslag") or label.casefold().startswith(wanted))), None)
            if chosen is None and wanted.endswith("s förslag"):
                chosen = next((lines for label, lines in reversed(proposals) if label and lines), None)
            if not chosen:
                continue
            text = "".join(("\n" if line.startswith("- ") and chosen[k - 1].startswith("- ") else "\n\n") + line
                           if k else line for k, line in enumerate(chosen))
            self.item.parts.insert(position + 1, Part("block", block="beslut", text=text, loc=part.loc))
            self._log_decision(part.loc, text, f"the proposal the body adopts ('{_short(match[0], 50)}')")
            return

    def _signed_reports(self) -> None:
        """A written report or motion in an item ends with its authors' names, each set apart,
        perhaps after a greeting ("MvH" / "Samuel Hammersberg"; "Emmie Berger DV'20"): whoever signs
        a report presents it. Election items (whose names are the elected) are no reports."""
        if ELECTION_TITLE.match(self.item.title):
            return
        sections: list[list[Part]] = [[]]
        for part in self.item.parts:
            if part.kind == "heading":
                sections.append([])
            elif part.kind in ("para", "list"):
                sections[-1].append(part)
            elif part.kind == "block":
                sections[-1] = []  # a decision or a proposal is no report's text
        for parts in sections:
            signers: list[str] = []
            while parts:
                greeting = len(parts) > 1 and parts[-2].kind == "para" and _GREETING.fullmatch(parts[-2].text.strip() + " ")
                name = _signature(parts[-1], self.ctx.known, greeted=bool(greeting))
                if not name:
                    break
                signers.insert(0, name)
                parts = parts[:-2] if greeting else parts[:-1]
            prose = sum(len(p.text.split()) + sum(len(t.split()) for _, t in p.items) for p in parts)
            if not signers or prose < 12:
                continue
            found = [Presenter(name) for name in signers]
            added = merge_presenters(self.item.presenters, found)
            if added:
                self._add_head_fields("Föredragande", added)
                for presenter in added:
                    self.meeting.guess(parts[-1].loc if parts else self.item.loc, f"{self.item.label}: presenter",
                                       f"{presenter.name} (signs the report)")

    def _role_presents(self) -> None:
        """An item named by a role ("Ordförande", "Kassör", "Förvaltningschefens information",
        "Rapport från kommundirektören", "Förvaltningschefen informerar") is presented by the one
        attendee who holds that role."""
        if self.item.presenters:
            return
        match = _ROLE_TITLE.match(self.item.title.strip())
        if not match:
            return
        role = match["role"].casefold()
        forms = {role} | {role[:-len(end)] for end in ("ens", "ns", "en", "n", "s") if role.endswith(end) and len(role) - len(end) >= 3}
        holders = [a for a in self.meeting.attendees() if any(f in forms for f in _roles_of(a))]
        if len(holders) != 1:
            return
        added = merge_presenters(self.item.presenters, [Presenter(holders[0].name)])
        if added:
            self._add_head_fields("Föredragande", added)
            self.meeting.guess(self.item.loc, f"{self.item.label}: presenter",
                               f"{holders[0].name} (the {match['role'].casefold()}, whom the title names)")

    def _add_head_fields(self, label: str, presenters: list[Presenter]) -> None:
        current, self.section_fields = self.section_fields, self.head
        self._add_fields(label, presenters)
        self.section_fields = current

    def _names_body(self, words: str) -> bool:
        split = words.split()
        return bool(split) and self.ctx.subjects.match_at(split, 0) == len(split)

    def _secrecy(self, units: list[Unit]) -> None:
        """An item the minutes put under secrecy ("Sekretess enligt 26 kap. 1 § OSL", "Ärendet
        omfattas av sekretess, 26 kap. 1 § offentlighets- och sekretesslagen") gets `Sekretess:`
        with the legal ground: the archive publishes its title and that ground only."""
        for text in [self.item.title] + [u.text for u in units[:8]]:
            stated = re.match(r"^\s*sekretess\s*:", text, re.IGNORECASE) or _UNDER_SECRECY.search(text)
            ground = SECRECY_GROUND.search(text)
            if not stated or not (ground or text.lstrip().lower().startswith("sekretess")):
                continue
            self.item.secrecy = ground[0].strip().rstrip(".,;)") if ground else text.split(":", 1)[-1].strip().rstrip(".")
            self.meeting.guess(self.item.loc, f"{self.item.label}: sekretess", f"{self.item.secrecy} (from '{_short(text)}')")
            self.meeting.notes.append(f"{self.item.label}: under secrecy: only its title and '{self.item.secrecy}' will be "
                                      "published; check that the draft holds nothing else that must not be")
            return

    def _election_result(self) -> None:
        """An election item ("Val av justerare", "Inval av kassör", "Personval") whose text only
        names who ("Anna Ek och Per Al"; "- Ordförande: Anna Ek" / "- Kassör: Per Al") records
        the election: those names are its decision."""
        if not ELECTION_TITLE.match(self.item.title) or self.item.decisions:
            return
        for position, part in enumerate(self.item.parts):
            if part.kind == "para" and _names_only(part.text):
                text = part.text
            elif part.kind == "list" and part.items and all(_names_only(t) for _, t in part.items):
                text = "\n".join("  " * (max(d, 1) - 1) + "- " + t for d, t in part.items)
            else:
                continue
            self.item.parts[position] = Part("block", block="beslut", text=text, loc=part.loc)
            self._log_decision(part.loc, text, "the names an election item gives")
            return

    def step(self, units: list[Unit], index: int) -> int:
        unit = units[index]
        text = unit.text.strip()
        if starts_roll_call(unit) and (call := read_roll_call(units, index)) is not None:
            self._roll_call(call, unit)
            return call.end
        if unit.kind in ("para", "heading") and self.seen < 4 and self.item.type_printed is None \
                and TYPE_LINE.match(text.rstrip(".:")) and not self._labels_decision(units, index):
            return self._type(unit, index)
        if unit.kind in ("para", "heading", "bullet") and (found := _field(text) or _dnr_line(text)):
            return self._field_unit(unit, found, units, index)
        if unit.kind in ("para", "heading") and (section := _section(text)):
            return self._section(unit, section, units, index)
        if unit.kind in ("para", "heading") and unit.single and _DISPATCH_ALONE.match(text):
            return self._dispatch(unit, "", units, index)
        if unit.kind in ("para", "heading") and unit.single and _attachment_label(text):
            return self._attachment_list(unit, units, index)
        if unit.kind in ("para", "heading") and unit.single and self._own_proposal(text):
            return self._section(unit, ("beslut", ""), units, index)
        if unit.kind in ("para", "heading") and unit.single and PROSE_LABELS.match(text.rstrip(":")):
            self._heading(unit, own_fields=False)  # "Ärendebeskrivning": a part of the item, not a subject of its own
            return index + 1
        if unit.kind == "heading":
            self._heading(unit)
            return index + 1
        if unit.kind == "para" and self._subheading_above_presenter(units, index):
            self._heading(unit)
            return index + 1
        if unit.kind == "row":
            rows = []
            while index < len(units) and units[index].kind == "row":
                rows.append(_cells(units[index]))
                index += 1
            self.item.parts.append(Part("table", items=rows, loc=unit.loc))
            self.prose_seen = True
            return index
        if unit.kind == "bullet":
            return self._bullets(units, index)
        if match := _GUESTS.match(text):
            self._guests(match, unit)
        if unit.single and (odd := _UNKNOWN_DNR.match(text)):
            self.meeting.notes.append(f"{unit.loc}: {self.item.label}: the diarienummer '{odd['value']}' has none of the "
                                      f"shapes {dnr.SHAPES_HINT}; kept as text")
        return self._paragraph(units, index)

    # -- rules --------------------------------------------------------------------------

    def _type(self, unit: Unit, index: int) -> int:
        printed = unit.text.strip().rstrip(".:")
        if known_type(printed, self.ctx.item_types):
            self.item.type_printed = printed
            self.meeting.guess(unit.loc, f"{self.item.label}: type", printed)
        else:
            self.item.parts.append(Part("para", text=unit.text, loc=unit.loc))
            self.meeting.notes.append(f"{unit.loc}: {self.item.label}: the type '{printed}' is none the archive knows "
                                      "(add it to the body's item_types in bodies.yml to keep it as 'Typ:'); left in the text")
        return index + 1

    def _field_unit(self, unit: Unit, found: tuple[str, str], units: list[Unit], index: int) -> int:
        kind, value = found
        item = self.item
        if kind == "presenter":
            presenters, rest = parse_presenter_field(value, self.ctx.known)
            added = merge_presenters(item.presenters, presenters)
            self._add_fields("Föredragande", added)
            for name in presenters:
                self.meeting.guess(unit.loc, f"{item.label}: presenter", name.name + (f", {name.description}" if name.description else ""))
            for sentence in rest:
                if match := _GUESTS.match(sentence):
                    self._guests(match, unit)
                else:
                    item.parts.append(Part("para", text=sentence, loc=unit.loc))
            if not presenters:
                self.meeting.notes.append(f"{unit.loc}: {item.label}: found no name in '{unit.text[:80]}'")
        elif kind == "type":
            return self._type(Unit("para", value, unit.lines), index)
        elif kind == "dispatch":
            return self._dispatch(unit, value, units, index)
        elif kind == "dnr":
            item.dnr.append(value)
            self.meeting.guess(unit.loc, f"{item.label}: diarienummer", value)
        else:
            item.attachments.append((kind, value))
            self.meeting.guess(unit.loc, f"{item.label}: {kind.lower()}", value)
            target = self.section_fields
            target.items.append((kind, value))
        return index + 1

    def _dispatch(self, unit: Unit, value: str, units: list[Unit], index: int) -> int:
        """`Beslutet skickas till: A, B` or the label above one recipient a line: a field line."""
        recipients = _recipients(value)
        below = not recipients
        index += 1
        while below and index < len(units):
            following = units[index]
            text = following.text.strip()
            named = re.sub(r"\s*\([^)]*\)", "", text)  # ("Länsstyrelsen (för prövning av om beslutet ska överprövas)")
            if following.kind in ("heading", "row") or is_stop(text) or len(named.split()) > 8 or has_finite_verb(named) \
                    or text.endswith(".") and following.kind != "bullet" and not _INITIALS_END.search(text):
                break
            for line in following.lines:  # (one recipient a line: "Ekonomiavdelningen, Dalbyns kommun" is one)
                recipients.extend(_recipients(line.text, one_a_line=True))
            index += 1
        self.item.dispatched_to.extend(recipients)
        self.meeting.guess(unit.loc, f"{self.item.label}: beslutet skickas till", ", ".join(recipients))
        return index

    def _add_fields(self, label: str, presenters: list[Presenter]) -> None:
        if not presenters:
            return
        for key, value in self.section_fields.items:
            if key == label:
                value.extend(presenters)
                return
        self.section_fields.items.append((label, list(presenters)))

    def _section(self, unit: Unit, section: tuple[str, str], units: list[Unit], index: int) -> int:
        kind, value = section
        self.in_proposal = self.in_background = False
        if kind == "ställningstagande" and not value and self.seen < 4 and self.item.type_printed is None \
                and not self._labels_decision(units, index):
            return self._type(unit, index)
        collected: list[Unit] = []
        index += 1
        if value:
            collected.append(Unit("para", value, unit.lines))
            while index < len(units) and not _stops_section(units[index]) and (
                    collected[-1].text.rstrip().endswith(":") or units[index].kind == "bullet" or _ATT.match(units[index].text)):
                collected.append(units[index])
                index += 1
        else:
            spaced = index < len(units) and units[index].blank_before  # (a label set apart from its text: Word's paragraphs)
            while index < len(units) and (not _stops_section(units[index]) or _bold_text(units[index])):
                following = units[index]
                if starts_roll_call(following) and read_roll_call(units, index) is not None:
                    break  # (one that does not add up stays in the text under the label, as typed)
                if collected and following.blank_before and following.kind != "bullet" and not _ATT.match(following.text) \
                        and not _table_goes_on(collected, following) \
                        and not collected[-1].text.rstrip().endswith(":") \
                        and not (kind in _MOTION_LABEL_KINDS and motion_at(following.text, self.ctx.known)) \
                        and not (kind == "yrkande" and self._another_proposal(following)) \
                        and not (kind == "beslut" and _closed_by_a_label(units, index, spaced)) \
                        and not (kind == "propositionsordning" and spaced and _PUTS_A_QUESTION.match(following.text)) \
                        and not _next_point(collected[-1], following):
                    break
                collected.append(following)
                index += 1
        if not collected:
            if not (kind == "omröstning" and index < len(units) and starts_roll_call(units[index])):
                self._heading(unit)  # (a roll call below `Omröstning` is the vote's, its label no part of the item)
            return index
        if kind in ("beslut", "ställningstagande"):
            self._block(kind, collected, unit.loc, f"after the label '{unit.text.strip()[:40]}'")
        elif kind in _MOTION_LABEL_KINDS:
            before = len(self.item.parts)
            at = 0
            while at < len(collected):
                at = self._paragraph(collected, at, label_kind=kind)
            if not any(part.block == kind for part in self.item.parts[before:]):
                # (no member named: the text stays as printed, under its label)
                self.item.parts.insert(before, Part("heading", text=unit.text.strip().rstrip(":").strip(), loc=unit.loc))
        elif kind == "omröstning":
            # ("Omröstningsresultat" / "Ja-röster: A (S), B (C)": who voted how, beside the vote's words)
            said = [(part, voters_in(part.text)) for part in collected]
            self._vote(_block_markdown([part for part, voters in said if voters is None]), unit)
            for part, voters in said:
                if voters is not None:
                    self._voters(self.item.parts[-1], *voters, part)
        elif kind == "propositionsordning":
            self._order_then_vote(collected, unit)
        else:
            self._block(kind, collected, unit.loc, f"after the label '{unit.text.strip()[:40]}'")
        return index

    def _order_then_vote(self, collected: list[Unit], unit: Unit) -> None:
        """The text under `Beslutsgång` / `Propositionsordning`, up to a vote called in its last
        paragraph ("... och fann att styrelsen biföll förslaget. Votering begärdes och
        genomfördes."): from there on it is the vote's."""
        reason = f"after the label '{unit.text.strip()[:40]}'"
        last = collected[-1]
        said = sentences(last.text)
        # (in its last paragraph: a vote called before the counter-proposal is chosen comes after that)
        called = next((k for k, sentence in enumerate(said) if VOTE.match(sentence)), None)
        if called is None:
            self._block("propositionsordning", collected, unit.loc, reason)
            return
        before = collected[:-1] + ([Unit(last.kind, " ".join(said[:called]), last.lines)] if called else [])
        self._block("propositionsordning", before, unit.loc, reason)
        self._vote(" ".join(said[called:]), unit)

    def _attachment_list(self, unit: Unit, units: list[Unit], index: int) -> int:
        """"Beslutsunderlag" / "Tjänsteskrivelse 2023-05-02" / ...: one attachment a line."""
        label = _attachment_label(unit.text)
        index += 1
        # (a Word file's list typed as paragraphs, each apart from the label and the others: a gap ends nothing)
        spaced = _paragraphs_apart(units, index) or (index < len(units) and units[index].blank_before)
        while index < len(units):
            following = units[index]
            text = following.text.strip().lstrip("-•* ").strip()
            gap_ends = following.blank_before and index > 0 and units[index - 1] is not unit
            if gap_ends and spaced:
                gap_ends = text.endswith(".") or len(text.split()) > 12
            field = _field(text)
            own = field if field and field[0] in ("Beslutsunderlag", "Bilaga") and field[1] else None  # ("- Bilaga: Riktlinjer ...")
            if following.kind in ("heading", "row") or gap_ends or (is_stop(text) and not own) or len(text.split()) > 20:
                break
            kind, text = own or (label, text)
            self.item.attachments.append((kind, text))
            self.section_fields.items.append((kind, text))
            self.meeting.guess(following.loc, f"{self.item.label}: {kind.lower()}", text)
            index += 1
        return index

    def _own_proposal(self, text: str) -> bool:
        """"Arbetsutskottets förslag till kommunstyrelsen" in the arbetsutskott's own minutes, or
        "Kommunstyrelsens förslag till kommunfullmäktige" in the styrelse's: what a body proposes to
        the body above it is its decision (another body's proposal is none)."""
        match = re.match(r"^(?P<who>[\w -]{2,60}?)\s+förslag(?:\s+till\s+(?:beslut|[\w-]+))?$", text.strip().rstrip(":"), re.IGNORECASE)
        return bool(match) and self.ctx.subjects.own(match["who"])

    def _labels_decision(self, units: list[Unit], index: int) -> bool:
        """"Ställningstagande" over the body's decision is its label, not the item's type."""
        following = units[index + 1] if index + 1 < len(units) else None
        return (following is not None and units[index].text.strip().casefold().startswith("ställningstagande")
                and decision_at(following.text, self.ctx.subjects, self.meeting.date) is not None)

    def _heading(self, unit: Unit, own_fields: bool = True) -> None:
        title = unit.text.strip().rstrip(":").strip()
        # Under "Förslag till beslut" (or "Arbetsutskottets förslag") the att-lines are a proposal, not decisions.
        self.in_proposal = bool(PROPOSAL_LABEL.match(title))
        self.in_background = bool(_BACKGROUND_LABEL.match(title))
        self.item.parts.append(Part("heading", text=title, loc=unit.loc))
        if own_fields:
            self.section_fields = Part("fields", items=[])
            self.item.parts.append(self.section_fields)
        else:  # (a part of the item: what its text names, the presenter, is the item's)
            self.section_fields = self.head
        self.prose_seen = True

    def _subheading_above_presenter(self, units: list[Unit], index: int) -> bool:
        unit = units[index]
        if not unit.single or index + 1 >= len(units):
            return False
        text = unit.text.strip()
        following = _field(units[index + 1].text)
        if not following or following[0] != "presenter":
            return False
        if len(text.split()) > 16 or text.endswith((":", ",")):
            return False
        return text[:1].isupper() and not has_finite_verb(text)

    def _bullets(self, units: list[Unit], index: int) -> int:
        entries: list[tuple[int, str, str]] = []
        while index < len(units) and units[index].kind == "bullet":
            unit = units[index]
            entries.append((unit.depth, unit.text.strip(), unit.loc))
            index += 1
        run: list[tuple[int, str]] = []
        listed_decisions = bool(DELEGATION_TITLE.search(self.item.title)) or self.in_proposal
        for depth, text, loc in entries:
            reason = decision_at(text, self.ctx.subjects, self.meeting.date) if depth == 1 and not listed_decisions else None
            if reason:
                if run:
                    self.item.parts.append(Part("list", items=run))
                    run = []
                self.item.parts.append(Part("block", block="beslut", text=text, loc=loc))
                self._log_decision(loc, text, reason)
            else:
                self._presenters_in(text, loc)
                run.append((depth, text))
        if run:
            self.item.parts.append(Part("list", items=run))
        self.prose_seen = True
        return index

    def _paragraph(self, units: list[Unit], index: int, label_kind: str | None = None) -> int:
        unit = units[index]
        vote = self.item.parts[-1] if self.item.parts and self.item.parts[-1].block == "omröstning" else None
        if vote is not None and label_kind is None and (voters := voters_in(unit.text)) is not None:
            # ("Ja-röster: A (S), B (C)": the names first, as the words of the vote below would take them)
            self._voters(vote, *voters, unit)
            return index + 1
        if vote is not None and label_kind is None and (_VOTE_PROPOSITION.match(unit.text.strip()) or _VOTING_ORDER.search(unit.text)):
            # "Omröstning begärs och verkställs." / "Ja-röst för bifall, nej-röst för återremiss.": the vote's own words
            vote.text = f"{vote.text}\n\n{unit.text.strip()}"
            if count := VOTE_RESULT.search(unit.text):  # ("Omröstningen utfaller med 6 ja-röster och 3 nej-röster.")
                _set_result(vote, vote_result(count))
            return index + 1
        if (open_vote := self._open_vote()) is not None and (count := VOTE_RESULT.search(unit.text)):
            # "Med 4 ja-röster mot 1 nej-röst beslutar nämnden ...": the vote's result (the decision is read below)
            _set_result(open_vote, vote_result(count))
        said = sentences(unit.text)
        prose: list[str] = []
        position = 0
        while position < len(said):
            sentence = said[position]
            if (support := support_at(sentence)) and self._supported(*support, sentence, unit.loc):
                position += 1
                continue
            reason = None if self.in_proposal else self._decision_at(sentence)
            motion = motion_at(sentence, self.ctx.known) or self._party_members_motion(sentence)
            if motion is None and label_kind is not None and (acting := members_acting(sentence)):
                motion = (label_kind, acting)  # ("Protokollsanteckning" / "X (SD) och Y (SD) deltar inte i beslutet.")
            if reason is None and motion is None and label_kind is None and not VOTE.match(sentence) and not ORDER.match(sentence) \
                    and not TALLY.match(sentence):
                self._presenters_in(sentence, unit.loc)
                self._leaving(sentence, unit.loc)
                self._arriving(sentence, unit.loc)
                prose.append(sentence)
                position += 1
                continue
            if prose:
                self.item.parts.append(Part("para", text=" ".join(prose), loc=unit.loc))
                prose = []
            end = position + 1
            while end < len(said) and self._decision_at(said[end]) is None and motion_at(said[end], self.ctx.known) is None \
                    and not VOTE.match(said[end]) and not support_at(said[end]) and not (reason and ORDER.match(said[end])):
                # ("Ordföranden ställde ... Votering begärdes.": a vote begins; "B (C) instämmer i Per Eks yrkande.": B joins it;
                # "... beslutar att ärendet ska avgöras i dag. Ordföranden ställer därefter proposition ...": the next question)
                end += 1
            text = " ".join(said[position:end])
            if reason is not None:
                if (vote := self._open_vote()) is not None and (said_count := counted_result(sentence)):
                    # "Omröstning begärs. ... röstar nej. Med 3 ja-röster mot 2 nej-röster beslutar nämnden ...": its result;
                    # "Styrelsen beslutade med 4 röster mot 3 att ...": the winning side's votes against the other's
                    _set_result(vote, said_count)
                elif vote is None and COUNTED.search(sentence) and not self._voted_since_decision():
                    # "Mötet nekar ansvarsfrihet med 2/3/1 röster för/emot/blankt.": a vote, told by its count alone
                    self.item.parts.append(Part("block", block="omröstning", items=[("Resultat", counted_result(sentence))],
                                                loc=unit.loc))
                    self.meeting.guess(unit.loc, f"{self.item.label}: omröstning", f"counted in the decision: {_short(sentence)}")
                self._presenters_in(sentence, unit.loc)  # "Kassören Tom presenterade ett förslag och mötet antog det"
                block_units = [Unit("para", text, unit.lines)]
                consumed = self._absorb_list(units, index + 1) if end == len(said) else []
                if not consumed and len(said) == 1 and _DECIDING_ALONE.match(text) and index + 1 < len(units) \
                        and units[index + 1].kind == "para" and self._decision_at(sentences(units[index + 1].text)[0]):
                    # "Direktionen beslutar" / "Direktionen godkänner ...": a label over the decision below
                    self.meeting.guess(unit.loc, f"{self.item.label}: label", f"'{text}' heads the decision below")
                    position = end
                    continue
                block_units.extend(consumed)
                self.item.parts.append(Part("block", block="beslut", text=_block_markdown(block_units), loc=unit.loc))
                self._log_decision(unit.loc, text, reason)
                index += len(consumed)
            elif motion is not None:
                if end == len(said) and text.rstrip().endswith(":") and (quoted := self._what_follows(units, index + 1)):
                    # "X (SD) lämnar följande särskilda yttrande:" / "”...”": the statement is the paragraph below
                    text = f"{text}\n\n{quoted.text.strip()}"
                    index += 1
                self._motion(*motion, text, unit)
            elif label_kind == "yrkande" and self._unnamed_proposal(text):
                # ("Ändringsyrkanden" / "under punkt 4 införa punkten Val av revisorer": a proposal whose proposer is not told)
                self.item.parts.append(Part("block", block="yrkande", text=text, loc=unit.loc))
                self.meeting.guess(unit.loc, f"{self.item.label}: yrkande", f"by no one named: {_short(text)}")
            elif label_kind is not None:
                self.item.parts.append(Part("para", text=text, loc=unit.loc))
                self.meeting.notes.append(f"{unit.loc}: {self.item.label}: text under '{label_kind}' names no member; "
                                          "left as text")
            elif VOTE.match(sentence) or TALLY.match(sentence):
                self._vote(text, unit)
            else:
                self.item.parts.append(Part("block", block="propositionsordning", text=text, loc=unit.loc))
                self.meeting.guess(unit.loc, f"{self.item.label}: propositionsordning", _short(text))
            position = end
        if prose:
            self.item.parts.append(Part("para", text=" ".join(prose), loc=unit.loc))
        self.prose_seen = True
        return index + 1

    def _unnamed_proposal(self, text: str) -> bool:
        """Text under `Yrkanden` that is a proposal whose proposer the minutes do not tell: short,
        naming no member (`I debatten deltar A (S) och B (M).`) and no one attending, neither a
        decision nor a step of the vote, nor `Inga fler yrkanden`; a long text is the minutes' account."""
        text = text.strip()
        return len(text.split()) <= 40 and not NAMES_A_MEMBER.search(text) and not self._names_an_attendee(text) \
            and not any(pattern.match(text) for pattern in (VOTE, ORDER, TALLY, _NO_PROPOSAL)) and self._decision_at(text) is None

    def _names_an_attendee(self, text: str) -> bool:
        """Whether the text names someone the minutes list as attending (`I debatten deltog Anna Ek
        och Per Holm.`)."""
        return any(attendee.name in text for attendees in self.meeting.attendee_lists.values() for attendee in attendees)

    def _another_proposal(self, unit: Unit) -> bool:
        """A paragraph under `Yrkanden` after another that is the next proposal of the list."""
        return unit.kind == "para" and self._unnamed_proposal(unit.text)

    def _what_follows(self, units: list[Unit], index: int) -> Unit | None:
        """The paragraph after a proposal's, dissent's or note's introduction, where it is one
        (not a label, a decision or another member's motion)."""
        if index >= len(units) or units[index].kind != "para":
            return None
        text = units[index].text.strip()
        if _field(text) or _section(text) or PROSE_LABELS.match(text.rstrip(":")) or motion_at(text, self.ctx.known) \
                or self._decision_at(text) is not None:
            return None
        return units[index]

    def _decision_at(self, sentence: str) -> str | None:
        """Why the sentence is a decision of the item, or None; the order a vote is put in is
        approved by the body ("Kommunstyrelsen godkänner följande propositionsordning"), a step of the vote."""
        if _VOTING_ORDER.search(sentence) or (self.in_background and _PAST_DECISION.search(sentence)):
            return None  # ("Ärendebeskrivning" / "Nämnden gav i samband med budgeten förvaltningen i uppdrag att ...")
        return decision_at(sentence, self.ctx.subjects, self.meeting.date)

    def _absorb_list(self, units: list[Unit], start: int) -> list[Unit]:
        """The list a decision introduces: bullets, `Att ...` paragraphs, or short lines after a colon
        or after a decision about "följande" ("Mötet valde följande styrelse:" / "Ordförande: Anna Ek" /
        "Kassör: Per Al"; "... fastställde följande avgifter." / "Studenter: 50 kr")."""
        if start >= len(units):
            return []
        introduction = units[start - 1].text.rstrip()
        previous_colon = introduction.endswith(":") or bool(re.search(r"\bföljande\b", introduction, re.IGNORECASE))
        # "Nämnden beslutar att" / "1. godkänna ..."; "Direktionen beslutar" / "1. Tomas Wall (S) utses ..."
        points = previous_colon or bool(INTRODUCES_POINTS.search(introduction) or _ENDS_DECIDING.search(introduction))
        out: list[Unit] = []
        index = start
        while index < len(units):
            unit = units[index]
            text = unit.text.strip()
            point = unit.kind == "para" and NUMBERED_POINT.match(text) and (points or (out and out[-1].kind == "para"))
            if unit.kind == "heading" or _field(text) or _section(text) or decision_at(text, self.ctx.subjects, self.meeting.date):
                break
            if unit.kind == "bullet" and (previous_colon or _ATT.match(text) or (out and out[-1].kind == "bullet")):
                out.append(unit)
            elif unit.kind == "bullet" and unit.depth > 1 and out:
                out.append(unit)
            elif unit.kind == "para" and _ATT.match(text) and (previous_colon or out or _ENDS_DECIDING.search(introduction)
                                                              or _ATT_GOES_ON.search(introduction)):
                out.append(Unit("bullet", text, unit.lines, depth=1))
            elif point:
                out.append(unit)
            elif unit.kind == "row" and previous_colon and len(_cells(unit)) >= 3 and (not out or out[-1].kind == "row"):
                out.append(unit)  # ("... bevilja bidrag enligt följande:" / "Förening | Sökt | Beviljat": a table)
            elif unit.kind == "row" and previous_colon and (not out or out[-1].kind == "short"):
                out.append(Unit("short", " ".join(text.split()), unit.lines, depth=1))
            elif unit.kind == "para" and previous_colon and not out or (unit.kind == "para" and out and out[-1].kind == "short"):
                if unit.single and len(text.split()) <= 12 and _LABEL_VALUE.match(text):
                    out.append(Unit("short", text, unit.lines, depth=1))
                elif unit.single and len(text.split()) <= 10 and text[-1:] not in ".:" and title_like(text):
                    out.append(Unit("short", text, unit.lines, depth=1))
                else:
                    break
            else:
                break
            index += 1
        return [Unit("bullet", u.text, u.lines, depth=u.depth) if u.kind == "short" else u for u in out]

    def _party_members_motion(self, sentence: str) -> tuple[str, list[str]] | None:
        """"Moderaternas och Kristdemokraternas ledamöter reserverar sig": the serving members of
        those parties, as the attendance lists them (None when it lists none of them)."""
        found = party_group_motion(sentence)
        if found is None:
            return None
        kind, parties = found
        members = [f"{a.name} ({a.party})" for a in self.meeting.attendee_lists["present"]
                   if a.party and a.party.upper() in parties and _serving(a)]
        return (kind, members) if members else None

    def _leaving(self, sentence: str, loc: str) -> None:
        """`Johan Dahl (C) lämnar sammanträdet kl. 20.15 efter § 42.`: a listed member's attendance
        ends after that item; the note says so, or, without an item, in which item the minutes tell
        it, where the list gave no note of the items attended."""
        if (left := leaving_at(sentence)) is None:
            return
        names, after = left
        for name in names:
            attendee = self._attendee_named(name)
            if attendee is None:
                continue
            attendee.until_item = attendee.until_item or after
            if not attendee.note:  # (a list's note already tells the items attended: "§§ 112–115")
                attendee.note = f"lämnade sammanträdet efter § {after}" if after else f"lämnade sammanträdet under § {self.item.number}"
            self.meeting.guess(loc, "attendance", f"{attendee.name}: until § {after or '?'} (from '{_short(sentence)}')")

    def _arriving(self, sentence: str, loc: str) -> None:
        """`Anna Berg (M) ansluter till sammanträdet under § 44.`: a listed member's attendance begins
        at that item, or at the item whose text tells it; absent from the items before it, once all
        are known (`recognise._attended_from`)."""
        if (came := arriving_at(sentence)) is None:
            return
        names, at = came
        if (at := at or self.item.number) is None:
            return
        for name in names:
            attendee = self._attendee_named(name)
            if attendee is None or attendee not in self.meeting.present:
                continue
            attendee.from_item = attendee.from_item or at
            if not attendee.note:
                attendee.note = f"anslöt till sammanträdet under § {attendee.from_item}"
            self.meeting.guess(loc, "attendance", f"{attendee.name}: from § {attendee.from_item} (from '{_short(sentence)}')")

    def _attendee_named(self, name: str) -> Attendee | None:
        """The attendee a name in the text means (`Anna Ek (S)`, `Anna`)."""
        return next((a for a in self.meeting.attendees() if same_person(without_party(name), a.name)), None)

    def _supported(self, names: list[str], whose: str | None, sentence: str, loc: str) -> bool:
        """Add members who join a proposal made before in the item to its `Av:`, and their sentence
        to its text; False when the item has no such proposal (the sentence stays text)."""
        proposals = [part for part in self.item.parts if part.block == "yrkande"]
        if whose == "ordföranden":  # ("instämmer i ordförandens yrkande")
            whose = self.meeting.chair
            if whose is None:
                return False
        if whose is not None:
            proposals = [part for part in proposals if any(same_person(whose, without_party(by)) for by in part.by)]
        if proposals and self._unlisted():
            self._infer_attendees(names, "support of a yrkande", loc)
        joining = [self._attendee_named(name) for name in names]
        if not proposals or None in joining:
            return False
        proposal = proposals[-1]
        for name, attendee in zip(names, joining):
            if not any(same_person(attendee.name, without_party(by)) for by in proposal.by):
                proposal.by.append(_as_listed(attendee, name))
        proposal.text = f"{proposal.text} {sentence}"
        return True

    def _unlisted(self) -> bool:
        """The minutes list no members: nobody, or only those who sign them and the presidium their
        head names (an extract, a portal's page, a council whose roll call is an appendix); the staff
        they list do not vote."""
        return all(a in self.ctx.inferred for a in self.meeting.present)

    def _motion(self, kind: str, names: list[str], text: str, unit: Unit) -> None:
        names = [self._chair_named() or name if name == CHAIR else name for name in names]  # ("Ordföranden yrkar bifall")
        if self._unlisted():
            self._infer_attendees(names, kind, unit.loc)
        by = []
        missing = []
        for name in names:
            match = self._attendee_named(name)
            if match is None:
                missing.append(name)
            else:
                by.append(_as_listed(match, name))
        if by and not missing:
            self.item.parts.append(Part("block", block=kind, by=by, text=text, loc=unit.loc))
            self.meeting.guess(unit.loc, f"{self.item.label}: {kind}", f"by {', '.join(by)}: {_short(text)}")
        else:
            self.item.parts.append(Part("para", text=text, loc=unit.loc))
            who = ", ".join(missing) if missing else "no name found"
            self.meeting.notes.append(f"{unit.loc}: {self.item.label}: reads as a {kind} ({who} not among the attendees); "
                                      "left as text")

    def _voted_since_decision(self) -> bool:
        """Whether a vote stands after the item's last decision (its count is that vote's)."""
        for part in reversed(self.item.parts):
            if part.block == "omröstning":
                return True
            if part.block == "beslut":
                return False
        return False

    def _chair_named(self) -> str | None:
        """The meeting's chair as a motion names a member, with the party the attendance gives."""
        chair = self._attendee_named(self.meeting.chair) if self.meeting.chair else None
        return None if chair is None else f"{chair.name} ({chair.party})" if chair.party else chair.name

    def _infer_attendees(self, names: list[str], kind: str, loc: str) -> None:
        """Minutes that list nobody (a meeting portal's page of decisions) still name members who
        propose, dissent or note: whoever does attended, so the name with its party is taken as
        present, and the report says where it came from."""
        for name in names:
            bare = without_party(name)
            party = re.search(r"\(([^)]*)\)\s*$", name)
            if not looks_like_name(bare, self.ctx.known, lenient=True) or len(bare.split()) < 2:
                continue
            if (known := self._attendee_named(name)) is not None:
                if known.party is None and party and known in self.ctx.inferred:  # (an adjuster signs without a party)
                    known.party = party[1]
                continue
            attendee = Attendee(name=bare, party=party[1] if party else None, loc=loc)
            self.meeting.present.append(attendee)
            self.ctx.inferred.append(attendee)
            self.ctx.known.add(bare.casefold())
            self.meeting.guess(loc, "present", f"{bare} (named in a {kind} of {self.item.label}; the minutes list no attendance)")

    def _open_vote(self) -> Part | None:
        """The vote the item told last, when nothing came after it and its result is still to come
        (its voters may be named already)."""
        parts = self.item.parts
        last = parts[-2] if len(parts) > 1 and parts[-1].kind == "table" else parts[-1] if parts else None  # (its list, as printed)
        return last if last is not None and last.block == "omröstning" and not any(label == "Resultat" for label, _ in last.items) \
            else None

    def _vote(self, text: str, unit: Unit) -> None:
        last = self.item.parts[-1] if self.item.parts else None
        if (part := self._open_vote()) is not None:  # "Omröstning" / how it is held, then "Omröstningsresultat" / its count
            part.text = f"{part.text}\n\n{text}" if text else part.text
        elif TALLY.match(text) and last is not None and last.block == "omröstning" and TALLY.match(last.text.split("\n\n")[-1]):
            last.text = f"{last.text}\n\n{text}"  # ("13 röster för, förslag 1" / "1 röst för, förslag 2": one count, a line a side)
            _set_result(last, counted_result(last.text) or "")
            return
        else:
            part = Part("block", block="omröstning", text=text, loc=unit.loc)
            self.item.parts.append(part)
        if said := counted_result(text):  # ("6 ja-röster mot 3 nej-röster", "Med 7 röster mot 4 ...", "13 röster för")
            _set_result(part, said)
        elif match := VOTE_COUNT.search(text):
            _set_result(part, f"{match['yes']} ja, {match['no']} nej")
        self.meeting.guess(unit.loc, f"{self.item.label}: omröstning", _short(text))

    def _voters(self, vote: Part, side: str, names: list[str], unit: Unit) -> None:
        """"Ja röstar A (S), B (C) och C (S).": who voted so, beside the vote's result."""
        if self._unlisted():
            self._infer_attendees(names, "vote", unit.loc)
        result = [value for label, value in vote.items if label == "Resultat"]
        vote.items = [(label, value) for label, value in vote.items if label != "Resultat"] + [(side, ", ".join(names))] + \
            [("Resultat", value) for value in result]
        counted = re.search(rf"(\d+)\s+{side.lower()}\b", result[0]) if result else None
        if counted and int(counted[1]) != len(names):
            self.meeting.notes.append(f"{unit.loc}: {self.item.label}: {len(names)} names vote '{side.lower()}', "
                                      f"the result says {counted[1]}; check the vote")
        self.meeting.guess(unit.loc, f"{self.item.label}: omröstning", f"{side.lower()}: {', '.join(names)}")

    def _roll_call(self, call: RollCall, unit: Unit) -> None:
        """Who voted how, from the roll call's table: the vote the item told last that names no
        voters yet ("Votering begärs."), or a vote of its own."""
        unnamed = [part for part in self.item.parts if part.block == "omröstning"
                   and not any(label in ("Ja", "Nej") for label, _ in part.items)]
        counted = dict(call.fields())["Resultat"]
        # (the one whose told count is the table's: lists printed after the minutes' last item, one a vote, in turn)
        vote = next((part for part in unnamed if [v for label, v in part.items if label == "Resultat"] == [counted]),
                    unnamed[-1] if unnamed else None)
        if vote is None:
            vote = Part("block", block="omröstning", text="", loc=unit.loc)
            self.item.parts.append(vote)
        vote.items = call.fields()
        self.meeting.guess(unit.loc, f"{self.item.label}: omröstning", "the roll call's table: " +
                           "; ".join(f"{label.lower()} {value}" for label, value in vote.items))
        self.prose_seen = True

    def _block(self, kind: str, units: list[Unit], loc: str, reason: str) -> None:
        text = _block_markdown(units)
        if not text.strip():
            return
        self.item.parts.append(Part("block", block=kind, text=text, loc=loc))
        if kind in ("beslut", "ställningstagande"):
            self._log_decision(loc, text, reason, kind)
        else:
            self.meeting.guess(loc, f"{self.item.label}: {kind}", _short(text))
        self.prose_seen = True

    def _log_decision(self, loc: str, text: str, reason: str, kind: str = "beslut") -> None:
        self.meeting.guess(loc, f"{self.item.label}: {kind}", f"{_short(text)} ({reason})")

    def _presenters_in(self, sentence: str, loc: str) -> None:
        found = presenters_in(sentence, self.ctx.known, self.meeting.chair, self.meeting.secretary)
        added = merge_presenters(self.item.presenters, found)
        if added:
            self._add_fields("Föredragande", added)
            for presenter in added:
                self.meeting.guess(loc, f"{self.item.label}: presenter", f"{presenter.name} (from '{_short(sentence)}')")

    def _guests(self, match: re.Match, unit: Unit) -> None:
        attendees, _ = parse_inline_list(match["names"], self.ctx.known)
        organisation = (match["org"] or "").strip() or None
        for attendee in attendees:
            attendee.organisation = attendee.organisation or organisation
            attendee.loc = unit.loc
            self.ctx.guests.append(attendee)
            self.meeting.guess(unit.loc, "guests", f"{attendee.name} (invited to {self.item.label})")
        # The presenter of an item that names "other" invited guests was invited too.
        if match[0].lower().startswith("övriga"):
            for presenter in self.item.presenters:
                self.ctx.guests.append(Attendee(name=presenter.name, organisation=presenter.description, loc=unit.loc))


_UNKNOWN_DNR = re.compile(r"^(?:Dnr|DNR|Diarienummer)\.?:?\s+(?P<value>\S.{0,40})$")


def _serving(attendee: Attendee) -> bool:
    """A member, or a substitute serving in a member's place; not a substitute who only sat in
    ("ersättare", "ej tjänstgörande ersättare")."""
    role = (attendee.role or "").casefold()
    return "ersättare" not in role or attendee.replaces is not None or ("tjänstgörande" in role and "ej tjänstgörande" not in role)


def _dnr_line(text: str) -> tuple[str, str] | None:
    """`Dnr KS 2023/45` without a colon, or `RS 2016/512` alone (a series and a number, as the
    meeting system prints under the heading): a diarienummer line all the same; so is the number
    of the body whose matter it is (`Socialnämndens diarienummer SN 2024/0112`, a referral's)."""
    match = re.match(r"^(?:(?:[A-ZÅÄÖ][a-zåäö-]+s\s+)?(?:Dnr|DNR|dnr|Diarienummer|diarienummer)\.?\s+|(?=[A-ZÅÄÖ]{1,12}\s*[/:]?\s*\d))"
                     r"(?P<value>\S.{0,30})$", text.strip())
    return ("dnr", match["value"].strip()) if match and dnr.normalise(match["value"]) else None


def _attachment_label(text: str) -> str | None:
    """`Beslutsunderlag` or `Bilagor` standing alone above a list of documents."""
    label = " ".join(text.strip().rstrip(":").split()).casefold()
    kind = FIELD_LABELS.get(label)
    return kind if kind in ("Beslutsunderlag", "Bilaga") else None


def _bold_text(unit: Unit) -> bool:
    """A decision set in bold under its label reads as a heading; four words or more are text."""
    text = unit.text.strip()
    return unit.kind == "heading" and len(text.split()) >= 4 and not (_field(text) or _section(text)
                                                                      or PROSE_LABELS.match(text.rstrip(":")))


def _as_listed(attendee: Attendee, name: str) -> str:
    """How a block's `Av:` names an attendee the text names: the attendance's spelling, the party as
    the text prints it (`Anna Ek (S)`)."""
    return f"{attendee.name} {name[len(without_party(name)):].strip()}".strip()


def _next_point(last: Unit, following: Unit) -> bool:
    """`following` is a numbered point after the words that introduce the points ("Nämnden
    beslutar att", "Nämnden beslutar") or after the point before it."""
    introduction = last.text.rstrip()
    return bool(NUMBERED_POINT.match(following.text.strip())) and bool(
        INTRODUCES_POINTS.search(introduction) or _ENDS_DECIDING.search(introduction) or NUMBERED_POINT.match(last.text.strip()))


def _paragraphs_apart(units: list[Unit], index: int) -> bool:
    """The item's source sets a gap between all its paragraphs up to `index` (a Word file's
    paragraphs, each a block of its own): there a gap tells nothing of where a part ends."""
    return all(unit.blank_before for unit in units[1:index + 1])


_PUTS_A_QUESTION = re.compile(r"^(?:ordförande(?:n)?\s+ställer|ordförande(?:n)?\s+finner|därefter\s+ställer)\b", re.IGNORECASE)
"""A proposition put after another ("Ordföranden ställer därefter proposition på ..."): the same label's."""


def _closed_by_a_label(units: list[Unit], index: int, spaced: bool) -> bool:
    """Whether a label reaches to the paragraph at `index`, in a source that sets a gap between
    all its paragraphs (a Word file; `spaced`: a gap between the label and its first paragraph):
    there a gap ends nothing, the next label does ("Beslut" / its two paragraphs / "Ärendet").
    Elsewhere a gap after the decision ends it."""
    if not (spaced or _paragraphs_apart(units, index)):
        return False
    following = units[index:]
    closing = next((position for position, unit in enumerate(following) if _stops_section(unit)), None)
    return closing is not None and closing <= 3 and all(unit.kind == "para" for unit in following[:closing])


def _stops_section(unit: Unit) -> bool:
    text = unit.text.strip()
    return unit.kind == "heading" or bool(_field(text) or _section(text) or PROSE_LABELS.match(text.rstrip(":"))
                                          or _DISPATCH_ALONE.match(text) or (unit.single and _attachment_label(text)))


_BACKGROUND_LABEL = re.compile(r"^(?:ärendebeskrivning|ärendet|bakgrund|sammanfattning(?:\s+av\s+ärendet)?|beskrivning\s+av\s+ärendet)$",
                               re.IGNORECASE)
_PAST_DECISION = re.compile(r"\b(?:beslutade|beslöt|gav|godkände|antog|fastställde|uppdrog|tillstyrkte|avstyrkte|biföll|avslog|"
                            r"valde|utsåg|noterade|lade|beviljade|återremitterade|bordlade|rekommenderade|överlämnade)\b", re.IGNORECASE)
"""A decision in the past tense: under the matter's background, the history of the matter (the
item's own decision is told in the present, below `Beslut` or after it)."""
_OUTCOME_OF_A_VOTE = re.compile(r"^[^.]*\b\d+\s+ja(?:-?röst(?:er)?)?\b[^.]*\b(?:enligt|att\s+(?:bifalla|avslå))\s+[^.]{2,80}?"
                                r"(?:yrkande|yrkandet|förslag|förslaget)(?:\.\s*[^.]*\b(?:avstår|avstod|avstått|avstående)\b[^.]*)?\.?$",
                                re.IGNORECASE)
"""A decision that only says which proposal won the vote, and by how many ("Med 5 ja-röster mot 3
nej-röster beslutar nämnden att bifalla förvaltningens förslag. En ledamot avstår från att rösta.")."""
_ROLL_TITLE = re.compile(r"\b(?:röstlängd(?:en)?|närvaro(?:lista)?|närvarande|upprop)\b", re.IGNORECASE)
"""An item whose list names who is present ("Tillkännagivande av röstlängd", "Upprop")."""
_ROLL_INTRO = re.compile(r"\b(?:närvar\w*|rösträtt)\b[^:]*:$", re.IGNORECASE)
"""A line that introduces a list of those present ("Följande personer befanns närvara och ha rösträtt:")."""


def _name_run(text: str) -> list[str]:
    """`A, B, C och D.` -> its entries, where each is short enough to be a name; else none."""
    entries = [e.strip() for e in re.split(r"\s*,\s*|\s+(?:och|samt)\s+", text.strip().rstrip(".")) if e.strip()]
    return entries if len(entries) >= 2 and all(len(e.split()) <= 5 for e in entries) else []


def _table_goes_on(collected: list[Unit], following: Unit) -> bool:
    """`following` is the next row of the table the collected text ends in, with as many cells
    (a PDF sets a bordered table's rows apart by their padding: "Sjöhamra IF | 185 000 | 162 500"
    below "Förening | Sökt belopp (kr) | Beviljat belopp (kr)")."""
    return bool(collected) and following.kind == "row" and collected[-1].kind == "row" \
        and len(_cells(following)) == len(_cells(collected[-1])) >= 2


def _next_block(parts: list[Part], index: int, step: int) -> int | None:
    """Where the nearest `:::` block from `index` in the direction of `step` stands, over text
    between them ("Voteringen genomförs genom namnupprop.")."""
    at = index + step
    while 0 <= at < len(parts) and parts[at].kind == "para":
        at += step
    return at if 0 <= at < len(parts) and parts[at].kind == "block" else None


def _own_paragraphs(decision: str) -> list[str]:
    """The paragraphs of a decision that are the body's own: not a proposal to another body
    ("Kommunstyrelsen föreslår kommunfullmäktige besluta att ... uppdra åt ...": the council will
    give it, if it does) nor the points and `att` clauses below one, up to the next sentence of
    its own ("Kommunstyrelsen beslutar för egen del att uppdra åt ...")."""
    own: list[str] = []
    proposing = False
    for paragraph in decision.split("\n\n"):
        if _PROPOSES_TO_ANOTHER.search(paragraph):
            proposing = True
        elif paragraph[:1].isupper():
            proposing = False
        if not proposing:
            own.append(paragraph)
    return own


def _set_result(vote: Part, result: str) -> None:
    """The vote's `Resultat:`, after who voted how where the vote names them."""
    vote.items = [(label, value) for label, value in vote.items if label != "Resultat"] + [("Resultat", result)]


_VOTE_PROPOSITION = re.compile(r"^(?:ja-?röst(?:en)?|nej-?röst(?:en)?|den\s+som\s+(?:vill|bifaller|röstar)|de\s+som\s+(?:vill|bifaller|röstar)|"
                               r"(?:omröstningen|voteringen)\s+(?:utfaller|utföll|ger|gav|slutar|slutade)\b|för\s+[^.]{3,80}?\s+(?:röstar|röstade)\s+[A-ZÅÄÖ])",
                               re.IGNORECASE)
"""What a vote is between, said right after it is called: "Ja-röst för bifall, nej-röst för avslag",
"Den som vill bifalla förslaget röstar ja"; who voted for which ("För VD:s förslag röstade A (M) och
B (C)."); and how it fell ("Omröstningen utfaller med 7 ja-röster
mot 4 nej-röster")."""
_VOTING_ORDER = re.compile(r"\b(?:godkänner|godkände|fastställer|fastställde|antar|antog)\s+(?:följande\s+)?"
                           r"(?:(?:voterings|omröstnings|propositions)(?:ordning|proposition)(?:en)?|beslutsgång(?:en)?)\b|"
                           r"^följande\s+(?:(?:voterings|omröstnings)(?:ordning|proposition)|beslutsgång)\b",
                           re.IGNORECASE)
""""Nämnden godkänner följande voteringsordning: ...", "Följande voteringsproposition godkänns": how the vote is put, approved before it is
held; a step of the vote, not a decision of the item."""


def _block_markdown(units: list[Unit]) -> str:
    out: list[str] = []
    previous = None
    for position, unit in enumerate(units):
        if unit.kind == "row":
            if previous != "row":
                rows = [_cells(u) for u in itertools.takewhile(lambda u: u.kind == "row", units[position:])]
                out.extend(([""] if out else []) + [markdown_table(rows)])
        elif unit.kind == "bullet":
            if previous is not None and previous != "bullet":
                out.append("")
            out.append("  " * (max(unit.depth, 1) - 1) + "- " + unit.text.strip())
        else:
            if out:
                out.append("")
            out.append(unit.text.strip())
        previous = unit.kind
    return "\n".join(out)


def _cells(unit: Unit) -> list[str]:
    """A row's cells: the source's own columns where it has them (an empty one keeps the marks
    after it in place)."""
    return list(unit.lines[0].cells) if unit.single and unit.lines[0].cells else unit.text.split("\t")


def _short(text: str, size: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"
