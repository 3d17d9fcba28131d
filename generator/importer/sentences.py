"""Sentence rules: decisions, presenters, proposals, dissents, notes, jäv.

A decision is a sentence whose subject is the meeting's own body ("Länssamverkansgruppen
beslutade att ...", "Gruppen beslutade även ...", "I övrigt beslutade nämnden:", "Årsmötet
beslutade", "Föreningen antog budgeten", "Mötet fann sig stadgeenligt utlyst") or an object in the
passive as the sentence's first verb ("Dagordningen godkändes", "Attsatsen bifalles", "Motionen
avslås", "Årsavgiften fastställs till 100 kr", "Anteckningarna lades till handlingarna", "Frågan
bordlades"), an election ("X valdes till revisor", "X och Y föreslås och väljs", "X vald till
ordförande", "Mötet nominerar och väljer X") or the impersonal passive ("Det beslutades att",
"Beslutades att", "Efter diskussion bestämdes det att"). Reports of earlier decisions are not
decisions of the meeting: the perfect tense ("har beslutat"), "då", or a date before the meeting
that is not a decision by mail ("beslutade 20230217 att" vs "beslutade via mail 20230508 att");
nor are plans ("ska fastställas", "kommer att väljas", "bör godkännas").

A presenter is named in a field ("Föredragande: A och B") or as the subject of a presenting verb
("X föredrog ärendet", "X och Y informerade om", "På fråga rapporterade X", "Ordförande går
igenom" = the chair).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re

from .dates import find_dates, first_date
from .model import Presenter
from .people import TITLE_WORDS as _TITLE_WORD
from .people import ORG_WORDS, LOWER, PARTY_GENITIVES, UPPER, looks_like_name, same_person, without_party

GENERIC_SUBJECTS = (
    "mötet", "gruppen", "nämnden", "styrelsen", "utskottet", "rådet", "samrådet", "beredningen", "kommittén",
    "fullmäktige", "direktionen", "presidiet", "ledningsgruppen", "styrgruppen", "arbetsgruppen", "chefsgruppen",
    "arbetsutskottet", "delegationen", "samverkansgruppen", "nätverket", "församlingen", "sammanträdet",
    "föreningen", "stämman", "kongressen", "sektionen", "årsmötet", "sektionsmötet", "föreningsmötet", "medlemsmötet",
)
_KIND_STEMS = ("nämnd", "styrelse", "utskott", "arbetsutskott", "fullmäktige", "direktion", "beredning", "kommitté")
"""The collective nouns that name a kind of body, by their stem (`nämnden` -> `nämnd`)."""
BODY_NOUN = re.compile(r"^[a-zåäö-]+(?:mötet|stämman|sammanträdet)$")
"""The meeting itself named by its kind, in the definite form: "Årsmötet", "Höstmötet",
"Föreningsstämman", "Extrastämman" (Swedish compounds put the kind last). A compound that names
a body ("Regionstyrelsen", "Socialnämnden") may be another body: only the registry or the title
makes it this meeting's."""

DECISION_VERBS = (
    r"beslutade|beslutar|beslöt|besluta(?=\s+att)|tog\s+beslut|fattade\s+beslut|godkände|godkänner|noterar|noterade|"
    r"godkän{1,2}de|antog|antar|fastställde|fastställer|tillstyrker|tillstyrkte|avstyrker|avstyrkte|bifaller|biföll|avslår|avslog|"
    r"rekommenderar|rekommenderade|uppdrar|uppdrog|ger\s+[^.]{1,60}?\s+i\s+uppdrag|gav\s+[^.]{1,60}?\s+i\s+uppdrag|"
    r"överlämnar|överlämnade|återremitterar|återremitterade|hänskjuter|hänsköt|bordlägger|bordlade|utser|utsåg|"
    r"väljer|valde|ställer\s+sig\s+(?:bakom|positiv|positiva|negativ|negativa)|ställde\s+sig\s+(?:bakom|positiv|positiva|negativ|negativa)|"
    r"lägger\s+[^.]{1,60}?\s*till\s+handlingarna|lade\s+[^.]{1,60}?\s*till\s+handlingarna|enades\s+om|enas\s+om\s+att|"
    r"fann|finner|beviljar|beviljade|godtar|godtog|nekar|nekade|accepterar|accepterade|bestämmer|bestämde|tillsätter|tillsatte|"
    r"(?:nominerar|nominerade|föreslår|föreslog)\s+och\s+(?:väljer|valde)|röstar\s+för\s+att|röstade\s+för\s+att|"
    r"tar\s+del\s+av|tog\s+del\s+av|"
    # an advisory body's answer to a referral: "Rådet lämnar följande synpunkter:"
    r"(?:lämnar|lämnade|avger|avgav)\s+(?:följande\s+)?(?:synpunkter|yttrande|remissvar)(?=\s*(?::|enligt\b|i\s+enlighet\b))|"
    r"tackar\s+för\s+(?:informationen|redovisningen|presentationen|föredragningen)"
    r"(?=(?:\s+och\s+lägger\s+den\s+till\s+handlingarna)?\s*\.?\s*$)"
)
_VERB_AT = re.compile(rf"^(?:(?:även|också|därefter|därför|då|enhälligt|enigt|vidare|slutligen)\s+)*(?P<verb>{DECISION_VERBS})\b",
                      re.IGNORECASE)
_INVERTED_VERB = re.compile(r"\b(?P<verb>beslutade|beslutar|beslöt|godkände|godkänner|rekommenderar|rekommenderade|"
                            r"fastställde|fastställer|antog|antar|noterar|noterade)\s+", re.IGNORECASE)
_PASSIVE = re.compile(
    r"^(?:(?:Dagordningen|Föredragningslistan|Agendan|Dagens\s+agenda|Ärendelistan|Protokollet|Informationen|Ärendet|"
    r"Frågan|Förslaget|Rapporten|Redovisningen|Punkten|Skrivelsen|Yttrandet|Remissvaret|Budgeten|Verksamhetsplanen|"
    r"Ansökan|Ansökningarna|Beslutet|Uppdraget|Anmälan|Meddelandet|Delegationsbesluten|Anmälningarna)"
    r"|(?:(?:Föregående|Förra)\s+(?:mötets\s+)?)?(?:protokoll(?:et)?|mötesanteckningar(?:na)?|minnesanteckningar(?:na)?|anteckningar(?:na)?))"
    r"\b[^.]{0,100}?\b(?:godkändes|godkänns|godkännes|fastställdes|fastställs|antogs|antas|lades\s+till\s+handlingarna|"
    r"läggs\s+till\s+handlingarna|fördes\s+till\s+handlingarna|förs\s+till\s+handlingarna|noterades|noteras|hänsköts|"
    r"hänskjuts|bordlades|bordläggs|återremitterades|återremitteras|bifölls|bifalls|avslogs|avslås|tillstyrktes|"
    r"tillstyrks|beslutades|beslutas|justerades|läggs\s+[^.]{0,40}till\s+handlingarna)\b",
    re.IGNORECASE,
)
_ELECTED = re.compile(r"^(?:Till\s+(?:justerare|justeringspersoner?|att\s+justera|sekreterare|mötessekreterare|ordförande|"
                      r"mötesordförande|rösträknare)[^.]{0,40}\b(?:valdes|utsågs|utses|väljs))"
                      r"|^\S[^.]{0,60}\b(?:valdes|utsågs|utses|väljs)\s+(?:till\s+)?(?:att\s+(?:[^.]{0,40}?\s)?justera|justerare|ordförande|sekreterare)"
                      # "Att jämte ordföranden justera protokollet utses Leif Åhman (C)."
                      r"|^Att\s+(?:jämte\s+ordföranden\s+)?justera\s+(?:dagens\s+|sammanträdets\s+)?protokoll(?:et)?\s+(?:[^.]{0,40}?\s)?"
                      r"(?:valdes|utsågs|utses|väljs)\b",
                      re.IGNORECASE)
_DONE_DECISION = re.compile(r"^(?:Beslutades|Beslöts|Det\s+(?:beslutades|beslöts|bestämdes)|Mötet\s+beslutade|Gruppen\s+beslutade)\b"
                            r"|^[A-ZÅÄÖ][^.]{0,40}?\b(?:beslutades|beslöts|bestämdes)\s+det\s+att\b", re.IGNORECASE)
_PASSIVE_DECISION = re.compile(
    r"\b(?:fastställs|fastställes|fastställdes|godkänns|godkännes|godkändes|bifalles|bifalls|bifölls|avslås|avslogs|"
    r"antas|antages|antogs|beviljas|beviljades|bordläggs|bordlades|återremitteras|återremitterades|hänskjuts|hänsköts|"
    r"tillstyrks|tillstyrktes|avstyrks|avstyrktes|(?:läggs|lades|förs|fördes)\s+(?:[^.]{0,40}\s)?till\s+handlingarna)\b"
    r"|\b(?:väljs|väljes|valdes|utses|utsågs|tillsätts|tillsattes)(?=\s+(?:till|som|att|enligt|enhälligt)\b|\s*[.!]?\s*$)",
    re.IGNORECASE,
)
_ELECTED_BARE = re.compile(r"^[A-ZÅÄÖ][^.,:;]{0,60}?\b(?:vald|valda|omvald|omvalda|blev\s+vald|blev\s+valda|blev\s+omvald)\s+(?:till|som)\b")
_PLAN = re.compile(r"\b(?:ska|skall|skulle|kommer\s+att|kan|kunde|bör|borde|måste|får|fick|vill|ville|har|hade|behöver|om|när|innan|"
                   r"eftersom|då|att|som|vilket|vilka|inte|ej)\b", re.IGNORECASE)
_EARLIER = re.compile(r"\b(?:har|hade)\s+(?:\w+\s+){0,3}?(?:beslutat|fattat\s+beslut|tagit\s+beslut|ställt\s+sig|godkänt|antagit|fastställt)\b"
                      r"|\b(?:beslutade|beslöt|godkände|antog|fastställde)\s+(?:då|tidigare|redan|vid\s+(?:föregående|förra|ett\s+tidigare))\b",
                      re.IGNORECASE)
_BY_MAIL = re.compile(r"\b(?:via|per|genom)\s+(?:e-?post|e-?mail|mail|mejl|capsulam)\b|\bper\s+capsulam\b|\bskriftligt?\b", re.IGNORECASE)


class Subjects:
    """How the minutes name the body itself: names from the registry and the title, and
    collective nouns ("Gruppen", "Nämnden")."""

    def __init__(self, names: list[str]):
        self.names = sorted({" ".join(n.split()) for n in names if n and n.strip()}, key=len, reverse=True)
        self._folded = [n.casefold().split() for n in self.names]

    def match_at(self, words: list[str], start: int = 0) -> int:
        """Number of words from `start` that name the body, or 0."""
        for name in self._folded:
            size = len(name)
            window = [w.casefold().strip(",.:;") for w in words[start:start + size]]
            if len(window) < size:
                continue
            if window == name:
                return size
            joined, wanted = " ".join(window), " ".join(name)
            if len(wanted) >= 8 and difflib.SequenceMatcher(None, joined, wanted).ratio() >= 0.9:
                return size
        word = words[start].casefold().strip(",.:;") if start < len(words) else ""
        if (word in GENERIC_SUBJECTS and self._may_be(word)) or BODY_NOUN.match(word):
            return 1
        return 0

    def _may_be(self, noun: str) -> bool:
        """Whether a collective noun may name this body: one that names a kind of body ("Nämnden",
        "Styrelsen") only a body of that kind (in the minutes of Kommunstyrelsen "Nämnden" is
        another body, whose view the case tells); any, while the body's name is not known."""
        kind = next((stem for stem in _KIND_STEMS if noun.startswith(stem)), None)
        return kind is None or not self._folded or any(kind in " ".join(name) for name in self._folded)

    def own(self, genitive: str) -> bool:
        """Whether a genitive names this body itself: its name ("Kommunstyrelsens" in the minutes
        of Kommunstyrelsen), or the definite form of the noun its name ends in ("Arbetsutskottets"
        in the minutes of Kommunstyrelsens arbetsutskott); a collective noun alone may be another
        body ("Styrelsens förslag" in the minutes of a stämma)."""
        words = genitive.split()
        if not words or not words[-1].casefold().endswith("s"):
            return False
        words[-1] = words[-1][:-1]
        folded = [w.casefold() for w in words]
        if any(name == folded for name in self._folded):
            return True
        if len(folded) != 1:
            return False
        return any(name[-1] + ending == folded[0] for name in self._folded for ending in ("et", "en", "n", "t"))


_HABITUAL = re.compile(r"\s*(?:varje|varje\s+nytt|var\s+fjärde)\s+(?:år|månad|kvartal|halvår|mandatperiod)\b|"
                       r"\s*(?:årligen|regelbundet|normalt|vanligtvis|alltid)\b", re.IGNORECASE)
"""What the body does every year ("Nämnden fastställer varje år en prislista ..."): the item's
background, not its decision."""


_BY_THE_RULES = re.compile(
    r"^Enligt\s+(?:\d+\s+kap\.?\s+\d+\s*§\s+)?(?:[\wåäö-]+s\s+)?[\wåäö-]*(?:ordning|ordningen|reglemente|reglementet|lag|lagen|förordning|förordningen|"
    r"stadgar|stadgarna|bolagsordning|bolagsordningen|avtal|avtalet|riktlinjer|riktlinjerna|bestämmelser|bestämmelserna|"
    r"policy|policyn|process|processen|rutin|rutinen|rutiner|rutinerna)\b", re.IGNORECASE)
"""`Enligt förbundsordningen antas handlingsprogrammet av direktionen`: what a rule says the body
does, told in the background, no decision of this meeting."""


def decision_at(sentence: str, subjects: Subjects, meeting_date: dt.date | None) -> str | None:
    """Why the sentence is a decision of this meeting (a short reason), or None."""
    text = sentence.strip().lstrip("-–•* ").strip()
    if not text:
        return None
    if _BY_THE_RULES.match(text):
        return None
    words = text.split()
    size = subjects.match_at(words, 0)
    if size:
        rest = " ".join(words[size:])
        if match := _VERB_AT.match(rest):
            if _reports_earlier(rest[match.end():], meeting_date) or _HABITUAL.match(rest[match.end():]):
                return None
            return "the body as subject of a decision verb"
    for clause in re.finditer(r"\s(?:och|samt)\s+(?=[a-zåäöA-ZÅÄÖ])", text):
        after = text[clause.end():].split()
        if (size := subjects.match_at(after, 0)) and size < len(after) and after[0][:1].islower() \
                and _VERB_AT.match(" ".join(after[size:])) and not _EARLIER.search(text):
            return "the body as subject of a decision verb after 'och'"
    for match in _INVERTED_VERB.finditer(text):
        before = text[:match.start()].strip()
        if not before or not before[:1].isupper() or len(before.split()) > 20 or _EARLIER.search(before):
            continue
        after = text[match.end():].split()
        if size := subjects.match_at(after, 0):
            if _reports_earlier(" ".join(after[size:]), meeting_date):
                return None
            return "decision verb before the body ('I övrigt beslutade ...')"
    if _EARLIER.search(text) or _by_another_body(text, subjects):
        return None
    if _PASSIVE.match(text):
        return "an agenda matter in the passive ('Dagordningen godkändes')"
    if _ELECTED.match(text) or _DONE_DECISION.match(text) or _ELECTED_BARE.match(text):
        return "an election or 'beslutades'"
    if _passive_decision(text):
        return "a decision in the passive ('Motionen bifalles', 'X valdes till revisor')"
    return None


_AGENT = re.compile(r"\b(?:fastställ(?:s|es|des)|godkän(?:ns|nes|des)|antas|antogs|beslutas|beslutades|avgörs|avgjordes)\s+"
                    r"(?:slutligt\s+|slutligen\s+)?av\s+(?P<agent>\S+(?:\s+\S+){0,3})", re.IGNORECASE)
_BODY_WORD = re.compile(r"^[a-zåäö-]*(?:fullmäktige|styrelsen|nämnden|utskottet|rådet|regeringen|riksdagen|förvaltningen|"
                        r"beredningen|direktionen|presidiet|stämman|årsmötet|kommunen|regionen|myndigheten)$", re.IGNORECASE)


def _by_another_body(text: str, subjects: Subjects) -> bool:
    """A passive whose agent is another body ("Budgeten fastställs av kommunfullmäktige den 25
    november"): what that body will decide, told to this meeting, not its own decision."""
    match = _AGENT.search(text)
    if not match:
        return False
    words = match["agent"].split()
    return not subjects.match_at(words, 0) and bool(_BODY_WORD.match(words[0].strip(",.")))


def _passive_decision(text: str) -> bool:
    """The sentence's first verb is a decision in the passive, its subject a noun phrase or names
    ("Attsatsen bifalles", "Samtliga ändringsyrkanden bifalles", "Årsavgiften fastställs till 100 kr",
    "Anna Ek och Per Al valdes till revisorer", "Per föreslås och väljs"); a plan, a condition or a
    clause before it ("ska fastställas", "Om budgeten godkänns", "Förslaget som antogs") is none."""
    if not text[:1].isupper() or re.match(r"^(?:De|Den|Det|Dessa|Han|Hon|Hen|Vi|Ni|Man)\b", text):
        return False
    match = _PASSIVE_DECISION.search(text)
    if not match or match.start() > 100:
        return False
    before = text[:match.start()]
    before = re.sub(r"\b(?:föreslås|nomineras)\s+och\s*$", "", before)
    if len(before.split()) > 12 or _PLAN.search(before) or re.search(r"[,:;]", before):
        return False
    return not re.search(r"\b[a-zåäö]{2,}(?:ar|er|ade|de|te|s)\s*$", before) or before.split()[-1] in ("samtliga", "alla", "båda")


def _reports_earlier(after_verb: str, meeting_date: dt.date | None) -> bool:
    """`beslutade då ...`, `beslutade 20230217 att ...`: the text after the verb dates it earlier."""
    if re.match(r"\s*(?:då|tidigare|redan|vid\s+(?:föregående|förra|ett\s+tidigare))\b", after_verb, re.IGNORECASE):
        return True
    if meeting_date is None or _BY_MAIL.search(after_verb[:60]):
        return False
    return any(found.start < meeting_date for found in find_dates(after_verb[:40], meeting_date.year))


# -- presenters ---------------------------------------------------------------------------

_NAME = rf"[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)*(?:\s+(?:(?:af|von|van|de|der|den)\s+)?[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)*){{0,3}}"
_NAMES = rf"{_NAME}(?:\s*,\s*{_NAME})*(?:\s+(?:och|samt)\s+{_NAME})?"
PRESENTING = (
    r"föredrog|föredrar|informerade|informerar|redogjorde|redogör|gick\s+igenom|går\s+igenom|presenterade|presenterar|"
    r"redovisade|redovisar|rapporterade|rapporterar|berättade|berättar|beskrev|beskriver|inledde|inleder|föreläste|"
    r"föreläser|orienterade|orienterar|läser\s+upp|läste\s+upp|"
    # ("X förklarar mötet öppnat" leads the first item; "förklarar sammanträdet avslutat" presents nothing)
    r"(?:förklarar|förklarade)(?!\s+(?:\w+\s+){0,2}(?:avslutat|avslutad|ajournerat|ajournerad|stängt|stängd)\b)|"
    r"gjorde\s+(?:en\s+)?(?:kort\s+)?(?:återkoppling|genomgång|presentation|redovisning|dragning|sammanfattning|föredragning)|"
    r"gör\s+(?:en\s+)?(?:kort\s+)?(?:återkoppling|genomgång|presentation|redovisning|dragning|sammanfattning|föredragning)|"
    r"gav\s+(?:en\s+)?(?:kort\s+)?(?:bild|information|lägesrapport|bakgrund|återkoppling|presentation|redovisning|lägesbild)|"
    r"ger\s+(?:en\s+)?(?:kort\s+)?(?:bild|information|lägesrapport|bakgrund|återkoppling|presentation|redovisning|lägesbild)|"
    r"ledde\s+(?:arbetet|dragningen|diskussionen|punkten|genomgången)|leder\s+(?:arbetet|dragningen|diskussionen|punkten)|"
    r"höll\s+(?:en\s+)?(?:presentation|föredragning|dragning|genomgång|föredrag)|håller\s+(?:en\s+)?(?:presentation|dragning|genomgång)|"
    r"drog\s+ärendet|drar\s+ärendet|visade\s+(?:bilder|en\s+presentation)|har\s+föredragit|"
    r"lämnar\s+(?:en\s+)?(?:kort\s+)?(?:information|redovisning|lägesrapport|återrapport)|"
    r"lämnade\s+(?:en\s+)?(?:kort\s+)?(?:information|redovisning|lägesrapport|återrapport)|"
    # ("X och Y deltar under ärendet och informerar om ...": present for the item, to present it)
    r"(?:deltar|deltog|närvarar|närvarade)\s+(?:under|vid|i)\s+(?:ärendet|punkten|ärendets\s+behandling|detta\s+ärende)\s+och\s+"
    r"(?:informerar|informerade|föredrar|föredrog|redogör|redogjorde|redovisar|redovisade|presenterar|presenterade|svarar|svarade)"
)
_TITLE_WORDS = ("chef", "ekonom", "strateg", "arkitekt", "controller", "jurist", "analytiker", "kurator", "psykolog", "rektor",
                "revisor")
"""Titles that are words of their own ("Controller", "Rektorn") as well as endings ("förvaltningschef")."""
_TITLE_ENDINGS = "|".join(("are", "arna", "ör", "ent", "ist", "ledare", "direktör", "samordnare", "koordinator", "sekreterare", "förande",
                           "sköterska", "log", "pedagog", "logoped", "tekniker", "ansvarig", *_TITLE_WORDS))
_ADJECTIVE = r"[A-ZÅÄÖ]?[a-zåäö]+(?:nde|na|ne|sk|skt|ska|ig|igt|iga|ell|ellt|ella)\s+"
"""An adjective before a title ("Teknisk chef", "Medicinskt ansvarig sjuksköterska", "Biträdande rektor")."""
_ROLE_WORD = (rf"(?:(?:[A-ZÅÄÖ][a-zåäö]+s\s+|(?:{_ADJECTIVE}){{1,2}}|[A-ZÅÄÖ][a-zåäö]+-\s+(?:och|&)\s+)?"
              rf"[A-ZÅÄÖa-zåäö][a-zåäö]+(?:{_TITLE_ENDINGS})(?:n|en|erna)?|"  # ("Överförmyndarhandläggarna A och B")
              rf"[A-ZÅÄÖ]{{2,5}}-[a-zåäö]*(?:{_TITLE_ENDINGS})(?:n|en)?|"  # ("HR-chef Anna Al", "IT-strategen")
              rf"(?:{_ADJECTIVE}){{1,2}}(?:{'|'.join(_TITLE_WORDS)})(?:n|en|erna)?|"
              rf"(?:{'|'.join(word.capitalize() for word in _TITLE_WORDS)})(?:n|en)?|Ordförande(?:n)?|Sekreterare(?:n)?)")
_LATER_ROLE = rf"(?:(?:[a-zåäö]+-\s+(?:och|&)\s+)?[a-zåäö-]*(?:{_TITLE_ENDINGS})(?:n|en)?\s+)"
"""The title before a second presenter's name, in lower case mid-sentence ("... och controller Niklas Berglund",
"... och hälso- och sjukvårdsdirektör Ann-Sofie Bergman")."""
_TITLED_NAMES = rf"{_NAME}(?:\s*,\s*{_LATER_ROLE}?{_NAME})*(?:\s+(?:och|samt)\s+{_LATER_ROLE}?{_NAME})?"
_PRESENTER = re.compile(
    # ("Avdelningschef förebyggande Jenny Falk", "Enhetschef hemtjänst Ola Ek": the title's field after it)
    # ("Valberedningens ordförande Birgitta Fors (C) redogör": a member's party after the name)
    rf"^(?:(?P<role>{_ROLE_WORD})(?:\s+[a-zåäö][a-zåäö-]+)?\s+)?(?P<names>{_TITLED_NAMES})(?:\s*\([A-ZÅÄÖa-zåäö]{{1,3}}\))?"
    rf"(?:\s*,\s*(?P<after>[^,.]{{2,60}}?),|\s+från\s+[^,.]{{2,50}}?)?\s+(?:{PRESENTING})\b"
)
_PRESENTER_IS = re.compile(rf"^(?i:föredragande(?:\s+(?:tjänsteperson|tjänsteman|handläggare))?)\s+(?:är|var)\s+"
                           rf"(?:(?P<role>{_ROLE_WORD}|[a-zåäö]+)\s+)?(?P<names>{_NAMES})\b(?:\s*,\s*(?P<after>[a-zåäö][\wåäö -]{{2,40}}?)\s*\.?$)?")
"""`Föredragande tjänsteperson är Lisa Berg, ekonomichef.`"""
_INVERTED_PRESENTER = re.compile(rf"^[A-ZÅÄÖ][^.,]{{0,40}}?\s(?:{PRESENTING})\s+(?P<names>{_NAMES})\b")
_BY_PRESENTER = re.compile(
    rf"^(?:(?:Muntlig|Skriftlig|Kort)\s+)?(?i:ärendet|punkten|(?:information|redovisning|presentation|föredragning|rapport|lägesrapport|"
    rf"återrapport|lägesbild|genomgång|dragning)(?:en)?)"
    rf"\b[^.]{{0,80}}?\b(?:föredras|föredrogs|presenteras|presenterades|redovisas|redovisades|lämnas|lämnades|ges|gavs|hålls|hölls)"
    rf"\s+av\s+(?:(?P<role>{_ROLE_WORD}|[a-zåäö]+)\s+)?(?P<names>{_NAMES})\b(?:\s*,\s*(?P<after>[a-zåäö][\wåäö -]{{2,40}}?)\s*\.?$)?"
)
_DESCRIBES = re.compile(rf"(?:[a-zåäö]+\s+){{0,2}}[a-zåäö-]*(?:{_TITLE_ENDINGS})(?:n|en)?(?:\s+[a-zåäö-]+){{0,3}}", re.IGNORECASE)
"""What a presenter is, written after the name: a title ("ekonomichef", "medicinskt ansvarig sjuksköterska")."""
_DEFINITE_TITLE = re.compile(rf"\w*(?:{_TITLE_ENDINGS})(?:n|en)", re.IGNORECASE)
"""A title in its definite form ("Controllern", "Chefen"): a title, never a given name."""
_CHAIR_PRESENTS = re.compile(rf"^(?:Ordförande(?:n)?|Mötesordförande(?:n)?)\s+(?:{PRESENTING})\b")
_SECRETARY_PRESENTS = re.compile(rf"^(?:Sekreterare(?:n)?)\s+(?:{PRESENTING})\b")
_FIELD_PRESENTER = re.compile(r"^\s*f[öo]redragande\s*:?\s*", re.IGNORECASE)


_ALIAS = re.compile(r"\s*‹[^›]{1,30}›")
_ALIAS_THEN_NAME = re.compile(rf"\b[a-zåäö0-9_]{{2,20}}\s*\((?P<name>{_NAME})\)")


def without_alias(text: str) -> str:
    """A name without the user name beside it (`Anna Ek ‹aek›`, `aek (Anna Ek)`); a party in
    brackets (`Anna Ek (kd)`) stays."""
    return _ALIAS_THEN_NAME.sub(lambda m: m["name"], _ALIAS.sub("", text))


def presenters_in(sentence: str, known: frozenset[str] | set[str], chair: str | None = None,
                  secretary: str | None = None) -> list[Presenter]:
    """Presenters named as subjects of a presenting verb in one sentence: "X föredrog ärendet",
    "Kassören Anna Ek redogjorde för", "Avgående kassören Tom presenterade", "X förklarade mötet
    öppnat" (the one who opens the meeting leads its first item); a user name beside the name
    ("Anna Ek ‹aek›", "aek (Anna Ek)") is no part of it."""
    text = sentence.strip().lstrip("-–•* ").strip()
    text = without_alias(text)
    if _CHAIR_PRESENTS.match(text):
        return [Presenter(chair, "ordförande")] if chair else []
    if _SECRETARY_PRESENTS.match(text):
        return [Presenter(secretary, "sekreterare")] if secretary else []
    for pattern in (_PRESENTER, _INVERTED_PRESENTER, _BY_PRESENTER, _PRESENTER_IS):
        match = pattern.match(text)
        if not match:
            continue
        titled = _titled_names(match["names"], match.groupdict().get("role"))
        if len(titled) == 1 and titled[0][1] is None and (after := match.groupdict().get("after")) and _DESCRIBES.fullmatch(after.strip()):
            titled = [(titled[0][0], after.strip())]  # ("Lisa Berg, ekonomichef, föredrar ärendet")
        names = [name for name, _title in titled]
        if names and all(looks_like_name(name, known, single=True) or _unlisted_name(name, known) for name in names):
            return [Presenter(name, title) for name, title in titled]
        role = match.groupdict().get("role")
        if role and " " not in role and not _DEFINITE_TITLE.fullmatch(role) and len(names) == 1 \
                and _unlisted_name(named := f"{role} {names[0]}", known):
            return [Presenter(named)]  # "Vincent Berg föredrog": a given name that ends as a title does
    return []


def _unlisted_name(name: str, known) -> bool:
    """Two to four name-shaped words as the subject of a presenting verb: a person whose given
    name no list holds ("Stellan Lagerström redogjorde"), unless a word names an organisation."""
    words = name.split()
    return len(words) >= 2 and looks_like_name(name, known, lenient=True) and not any(ORG_WORDS.fullmatch(w) for w in words)


def _split_names(text: str) -> list[str]:
    return [name for name, _title in _titled_names(text)]


def _titled_names(text: str, first_title: str | None = None) -> list[tuple[str, str | None]]:
    """The names of a sentence's subject, each with the title written before it ("Äldreomsorgschef
    Annika Berglöf och enhetschef Mikael Strand"): what the presenter is, as `Föredragande: name,
    title` says."""
    parts = [p.strip() for p in re.split(r"\s*,\s*|(?<!-)\s+(?:och|samt)\s+", text) if p.strip()]  # ("hälso- och ...": one title)
    plural = _PLURAL_TITLE.fullmatch(first_title or "")
    if plural:  # ("Enhetscheferna A och B": each an enhetschef)
        first_title = plural["stem"] + ("are" if plural["ending"] == "arna" else "")
    titled = []
    for index, part in enumerate(parts):
        title = re.match(rf"^{_LATER_ROLE}", part)
        name = part[title.end():] if title else part
        said = title[0].strip() if title else first_title if index == 0 or plural else None
        titled.append((name, _as_description(said)))
    return titled


_PLURAL_TITLE = re.compile(r"(?P<stem>(?:\S+\s+)*\w+?)(?P<ending>arna|erna)", re.IGNORECASE)


def _as_description(title: str | None) -> str | None:
    """A title before a name as a description: in lower case, but an acronym as written."""
    if not title or title.casefold() in ("ordförande", "ordföranden", "sekreterare", "sekreteraren"):
        return None
    if indefinite := _INDEFINITE.fullmatch(title):  # "Controllern Per Ek": a controller
        title = indefinite["title"]
    return title if title[:2].isupper() else title[0].lower() + title[1:]


_INDEFINITE = re.compile(rf"(?P<title>(?:\S+\s+)*\w*(?:{_TITLE_ENDINGS}))(?:n|en|erna)", re.IGNORECASE)


def parse_presenter_field(value: str, known: frozenset[str] | set[str]) -> tuple[list[Presenter], list[str]]:
    """`Sara Ekström, utredare och Anna Bergström, Umeå kommun` -> presenters; and the
    sentences of the value that name no presenter (`Övriga inbjudna från X: ...`)."""
    value = _FIELD_PRESENTER.sub("", value).strip().rstrip(".").strip()
    presenters: list[Presenter] = []
    rest: list[str] = []
    for sentence in re.split(r"(?<=\.)\s+(?=[A-ZÅÄÖ])", value):
        sentence = sentence.strip().rstrip(".")
        if re.match(r"^(?:övriga\s+)?(?:inbjudna|inbjuden|deltog|närvarande|även|dessutom|medverkade)\b", sentence, re.IGNORECASE):
            rest.append(sentence)
            continue
        current: Presenter | None = presenters[-1] if presenters else None
        for part in re.split(r"\s*;\s*", sentence):
            for segment in _comma_and_segments(part, known):
                segment = segment.strip()
                if not segment:
                    continue
                name, tail = _name_and_tail(segment, known)
                if name:
                    current = Presenter(name, tail or None)
                    presenters.append(current)
                elif current is not None:
                    current.description = f"{current.description}, {segment}" if current.description else segment
                else:
                    rest.append(segment)
    for presenter in presenters:
        if presenter.description:
            presenter.description = presenter.description.replace(";", ",").strip(" ,")
    return presenters, rest


def _comma_and_segments(text: str, known) -> list[str]:
    """Split at commas, and at 'och'/'samt' when a name follows."""
    out: list[str] = []
    for piece in re.split(r"\s*,\s*", text):
        while True:
            match = re.search(r"\s+(?:och|samt|&)\s+", piece)
            if not match:
                break
            right = piece[match.end():]
            if _name_and_tail(right, known)[0]:
                out.append(piece[:match.start()])
                piece = right
            else:
                break
        out.append(piece)
    return out


def _name_and_tail(segment: str, known) -> tuple[str | None, str]:
    """`Jeanette Andersson VästKom` -> (`Jeanette Andersson`, `VästKom`); `förvaltningschef Anna Ek`
    -> (`Anna Ek`, `förvaltningschef`)."""
    words = segment.split()
    if len(words) >= 3 and (words[0][:1].islower() or _TITLE_WORD.search(words[0])):
        name, tail = _name_and_tail(" ".join(words[1:]), known)
        if name:
            return name, ", ".join(filter(None, (words[0], tail)))
    for size in range(min(4, len(words)), 0, -1):
        candidate = " ".join(words[:size])
        if looks_like_name(candidate, known, single=(size == 1 and len(words) == 1)):
            tail = " ".join(words[size:])
            if tail and tail[:1].isupper() and size >= 2 and looks_like_name(" ".join(words[:size + 1]), known):
                continue
            return candidate, tail
    return None, ""


def merge_presenters(existing: list[Presenter], found: list[Presenter]) -> list[Presenter]:
    """Add presenters not yet named; `Anneli` is the `Anneli Asmundsson Bjerde` already there."""
    added = []
    for presenter in found:
        if presenter.name is None:
            continue
        if any(same_person(presenter.name, other.name) for other in existing + added):
            continue
        added.append(presenter)
    existing.extend(added)
    return added


# -- proposals, dissents, protocol notes, jäv ------------------------------------------------

_PARTY = r"(?:\s*\((?:[A-ZÅÄÖa-zåäö]{1,3})\))?"
_MEMBER = rf"{_NAME}{_PARTY}"
_MEMBERS = rf"{_MEMBER}(?:\s*,\s*{_MEMBER})*(?:\s+(?:och|samt)\s+{_MEMBER})?"
_ROLE_BEFORE = r"(?:(?:[A-ZÅÄÖ][\wåäö-]+s\s+)?(?i:(?:(?:förste|andre|tredje|1:e|2:e|3:e)\s+)?(?:vice\s+)?ordförande(?:n)?)\s+)"
"""A chair's title before the name ("Ordförande Anna Ek (S) yrkar", "Kommunstyrelsens ordförande ...")."""
CHAIR = "ordföranden"
"""The name a motion gives when the chair, unnamed, makes it ("Ordföranden yrkar bifall"): the
meeting's chair."""
_PROPOSES = r"(?:yrkar|yrkade)"
MOTIONS = [
    ("yrkande", re.compile(rf"^{_ROLE_BEFORE}?(?P<names>{_MEMBERS})(?:,?\s+med\s+instämmande\s+av\s+(?P<support>{_MEMBERS}),?)?\s+{_PROPOSES}\b"
                           rf"(?:,?\s+med\s+instämmande\s+av\s+(?P<after>{_MEMBERS}))?")),
    # "Under överläggningen yrkar Anna Ek (S) bifall ...", "Därefter yrkar ...": the subject after the verb
    ("yrkande", re.compile(rf"^[A-ZÅÄÖ][^.()]{{0,60}}?\s+{_PROPOSES}\s+{_ROLE_BEFORE}?(?P<names>{_MEMBERS})"
                           r"(?=\s*(?:,|\.|$|\s(?:bifall|avslag|att|på|återremiss|ändring|tillägg|följande|om|i\s|även|därtill)))")),
    # "Kim Sand (SD): Avslag på motionen." under `Yrkanden`: the member, the party printed, and what is proposed
    ("yrkande", re.compile(rf"^(?P<names>{_NAME}\s*\([A-ZÅÄÖa-zåäö]{{1,3}}\))\s*:\s*"
                           r"(?i:bifall|avslag|återremiss|bordläggning|ändring|tillägg|att)\b")),
    # "Rune Kallin (SD) föreslår att ...": a member (the party printed) who proposes; "Förvaltningen föreslår" is no member
    ("yrkande", re.compile(rf"^(?P<names>{_NAME}\s*\([A-ZÅÄÖa-zåäö]{{1,3}}\))\s+(?:föreslår|föreslog)\s+(?:att|bifall|avslag|återremiss)\b")),
    ("reservation", re.compile(rf"^(?P<names>{_MEMBERS})\s+(?:reserverar|reserverade)\s+sig\b")),
    # "X (SD) anmäler avvikande mening": the dissent of those who may not reserve themselves (auditors, officers)
    ("reservation", re.compile(rf"^(?P<names>{_MEMBERS})\s+(?:anmäler|anmälde|lämnar|lämnade)\s+(?:en\s+)?avvikande\s+mening\b")),
    ("reservation", re.compile(rf"^(?:Mot\s+beslutet\s+)?(?:reserverar|reserverade)\s+sig\s+(?P<names>{_MEMBERS})\b")),
    ("protokollsanteckning", re.compile(
        rf"^(?P<names>{_MEMBERS})\s+(?:lämnar|lämnade|får|fick|antecknar|begär|begärde|anmäler|anmälde)\s+(?:en\s+|följande\s+)?"
        r"(?:protokollsanteckning|anteckning\s+till\s+protokollet)")),
    ("protokollsanteckning", re.compile(
        rf"^(?P<names>{_MEMBERS})\s+(?:antecknar|antecknade|vill\s+anteckna|önskar\s+anteckna)\s+(?:till|i)\s+protokollet\b")),
    ("protokollsanteckning", re.compile(
        rf"^(?P<names>{_MEMBERS})\s+(?:får|fick)\s+(?:till\s+protokollet\s+)?anteckna\b")),
    ("särskilt yttrande", re.compile(
        rf"^(?P<names>{_MEMBERS})\s+(?:lämnar|lämnade|avger|avgav|får|fick|anmäler|anmälde)\s+(?:ett\s+|följande\s+)?(?:skriftligt\s+)?"
        r"särskil(?:t|da)\s+yttranden?\b")),
    ("jäv", re.compile(rf"^(?P<names>{_MEMBERS})\s+(?:anmäler|anmälde|deklarerar|deklarerade|uppger|uppgav)\s+jäv\b")),
    ("jäv", re.compile(rf"^(?:På\s+grund\s+av|Pga\.?|P\.g\.a\.)\s+jäv\s+(?:deltar|deltog)\s+(?:inte|ej)\s+(?P<names>{_MEMBERS})\b", re.IGNORECASE)),
    ("jäv", re.compile(rf"^(?P<names>{_MEMBERS})\s+(?:deltar|deltog)\s+(?:inte|ej)\s+[^.]*?(?:på\s+grund\s+av|pga\.?|p\.g\.a\.)\s+jäv\b")),
    # "I beslutet deltar inte ledamöter som ... (jäv): Tomas Lindh (S) och Anders Wik (M)."
    ("jäv", re.compile(rf"^(?=[^:]*\bjäv)(?=[^:]*\b(?:deltar|deltog)\s+(?:inte|ej)\b)[^:]*:\s*(?P<names>{_MEMBERS})\s*\.?\s*$",
                       re.IGNORECASE)),
]
VOTE = re.compile(r"^(?:Omröstning|Votering)\s+(?:begärs|begärdes|genomförs|genomfördes|verkställs|verkställdes|äger\s+rum)\b"
                  r"(?!\s+(?:inte|ej)\b)", re.IGNORECASE)
ORDER = re.compile(r"^Ordförande(?:n)?\s+(?:ställer|ställde)\s+(?:(?:först|därefter|sedan|slutligen|så|då)\s+)?"
                   r"(?:proposition|förslagen\s+mot\s+varandra)", re.IGNORECASE)
VOTE_RESULT = re.compile(r"(?P<yes>\d+)\s+ja(?:-?röst(?:er)?)?\s*(?:,|och|mot)?\s*(?P<no>\d+)\s+nej(?:-?röst(?:er)?)?"
                         r"(?:[^.\d]*(?:\.\s+)?(?P<abstain>\d+)\s+(?:(?:ledamöter|ledamot)\s+)?(?:avstår|avstod|som\s+avstår|nedlagda))?",
                         re.IGNORECASE)
"""`28 ja-röster mot 19 nej-röster och 2 avstår`; the abstentions may be told in the next sentence
(`... mot 19 nej-röster. 2 ledamöter avstår.`)."""
TALLY = re.compile(r"^(?:\d{1,3}\s+(?:röst(?:er)?|röstar|röstade)\s+(?:för|emot|blanka?|nedlagda?)\b|"
                   r"\d{1,3}\s+(?:röstar|röstade)\s+(?:på|mot|ja|nej)\b|(?:\d{1,3}\s*/\s*){1,3}\d{1,3}\s+röster\s+för\s*/)",
                   re.IGNORECASE)
"""A vote's count said on its own: "13 röster för", "1 röst emot", "9 röstar för ansvarsfrihet",
"2/3/1 röster för/emot/blankt"."""
COUNTED = re.compile(r"\bmed\s+(?:\d{1,3}\s+(?:ja-?)?röst(?:er)?\s+(?:mot|emot|för)\b|(?:\d{1,3}\s*/\s*){1,3}\d{1,3}\s+röster\b)",
                     re.IGNORECASE)
"""A decision taken by counted votes: "med 31 röster mot 30", "med 6 ja-röster mot 3 nej-röster",
"med 2/3/1 röster för/emot/blankt"."""
_SLASHED = re.compile(r"(?P<counts>(?:\d{1,3}\s*/\s*){1,3}\d{1,3})\s+röster\s+(?P<sides>(?:[a-zåäö]+\s*/\s*){1,3}[a-zåäö]+)", re.IGNORECASE)
_AGAINST = re.compile(r"\b(\d{1,3})\s+röster\s+mot\s+(\d{1,3})\b", re.IGNORECASE)


def vote_result(count: re.Match[str]) -> str:
    """A `VOTE_RESULT` as the vote's `Resultat:` ("4 ja, 1 nej", ", 2 avstår")."""
    return f"{count['yes']} ja, {count['no']} nej" + (f", {count['abstain']} avstår" if count["abstain"] else "")


def counted_result(text: str) -> str | None:
    """A vote's `Resultat:` from the words that count it: "4 ja, 1 nej", "31 röster mot 30",
    "2 för, 3 emot, 1 blankt", or the tallies as printed ("13 röster för; 1 röst emot")."""
    if count := VOTE_RESULT.search(text):
        return vote_result(count)
    if count := _SLASHED.search(text):
        counts, sides = re.split(r"\s*/\s*", count["counts"]), re.split(r"\s*/\s*", count["sides"])
        if len(counts) == len(sides):
            return ", ".join(f"{n} {side}" for n, side in zip(counts, sides))
    if count := _AGAINST.search(text):
        return f"{count[1]} röster mot {count[2]}"
    tallies = [" ".join(line.split()).rstrip(".") for line in re.split(r"\n+|(?<=\.)\s+", text) if TALLY.match(line.strip())]
    # ("13 röster för 1 röst emot": two tallies on a line)
    return "; ".join(re.sub(r"\s+(?=\d{1,3}\s+(?:röst|röster|röstar|röstade)\b)", "; ", tally) for tally in tallies) or None


VOTE_COUNT = re.compile(r"(?<![\d.:/-])(?P<yes>\d{1,3})\s*[–-]\s*(?P<no>\d{1,3})(?![\d.:/-])")
"""`10–3` in a vote's text: yes against no."""


_GROUP_MOTION = re.compile(
    r"^(?P<parties>[A-ZÅÄÖ][a-zåäö]+(?:\s+[a-zåäö]+s)?(?:(?:\s*,\s*|\s+och\s+)[A-ZÅÄÖ]?[a-zåäö]+(?:\s+[a-zåäö]+s)?)*)"
    r"(?:\s+(?:ledamöter|ledamot|ledamöterna|ledamoten|(?:fullmäktige|nämnd|styrelse)?grupp(?:en)?|företrädare|representanter))?\s+"
    r"(?P<verb>reserverar\s+sig|reserverade\s+sig|yrkar|yrkade|lämnar\s+(?:en\s+|följande\s+)?protokollsanteckning|"
    r"antecknar\s+till\s+protokollet|lämnar\s+(?:ett\s+|följande\s+)?särskil(?:t|da)\s+yttranden?)\b")


def party_group_motion(sentence: str) -> tuple[str, list[str]] | None:
    """(block kind, party letters) of a proposal, dissent or note by a party's members ("Moderaternas
    och Kristdemokraternas ledamöter reserverar sig ..." -> reservation, [M, KD]; "Moderaternas
    fullmäktigegrupp", "Moderaterna"); the attendance tells who they are."""
    match = _GROUP_MOTION.match(sentence.strip())
    if not match:
        return None
    # ("Moderaternas fullmäktigegrupp reserverar sig", "Moderaterna och Liberalerna reserverar sig")
    parties = [PARTY_GENITIVES.get(word.casefold()) or PARTY_GENITIVES.get(f"{word.casefold()}s")
               for word in re.split(r"\s*,\s*|\s+och\s+", match["parties"])]
    if not all(parties):
        return None
    verb = match["verb"].casefold()
    kind = "reservation" if verb.startswith("reserver") else "yrkande" if verb.startswith("yrka") \
        else "särskilt yttrande" if "yttrande" in verb else "protokollsanteckning"
    return kind, parties  # type: ignore[return-value]


_MEMBERS_PLACE = re.compile(r"(\([A-ZÅÄÖa-zåäö]{1,3}\))\s*,\s*[A-ZÅÄÖ][\wåäö-]+(?:\s+kommun)?\s*,")
"""The municipality a member of a joint committee sits for, between the party and the verb
("Margareta Lindkvist (S), Norrfjärden, yrkar ...")."""


def member_names(listed: str) -> list[str]:
    """`A (S), B (V) och C (C)` -> the three, each with the party."""
    return [n.strip() for n in re.split(r"\s*,\s*|\s+(?:och|samt)\s+", listed) if n.strip()]


_SUPPORT = re.compile(
    rf"^(?P<names>{_MEMBERS})\s+(?:(?:instämmer|instämde)\s+i\s+(?:(?P<whose>{_NAME}s{_PARTY}|ordförandens)\s+)?"
    # "... yrkar bifall till Birgitta Nyströms yrkande": to a member's own, never to "förslaget" (a proposal of its own)
    # ("... avslagsyrkande", "... ändringsyrkande", "... återremissyrkande": a kind of yrkande)
    rf"|(?:yrkar|yrkade)\s+bifall\s+till\s+(?P<named>{_NAME}s{_PARTY}|ordförandens)\s+)"
    rf"(?:(?:avslags|ändrings|tilläggs|återremiss|bordläggnings)?yrkande(?:t)?|förslag|förslaget)\b")


_JOINS = re.compile(rf"^(?:(?:Häri|Härtill|Härmed|I\s+(?:detta|det|hans|hennes|deras)(?:\s+yrkande)?)\s+(?:instämmer|instämde)\s+"
                    rf"(?P<after>{_MEMBERS})|(?P<names>{_MEMBERS})\s+(?:instämmer|instämde)"
                    r"(?:\s+(?:häri|i\s+detta|i\s+det(?:ta)?\s+yrkande(?:t)?))?)\s*\.?$")
""""Häri instämmer B (V).", "B (V) och C (C) instämmer.": members who join the proposal just made."""


def support_at(sentence: str) -> tuple[list[str], str | None] | None:
    """(names, whose proposal) of "B (V) och C (C) instämmer i Anna Bergs yrkande": the members who
    join a proposal already made, so that it is theirs too; whose is None for the last one made
    ("Häri instämmer B (V).")."""
    match = _SUPPORT.match(sentence.strip()) or _JOINS.match(sentence.strip())
    if not match:
        return None
    if match.re is _JOINS:
        names = member_names(match["names"] or match["after"])
        return (names, None) if all(looks_like_name(without_party(n), lenient=True) for n in names) else None
    names = member_names(match["names"])
    if not all(looks_like_name(without_party(n), lenient=True) for n in names):
        return None
    whose = match["whose"] or match["named"]
    return names, whose and re.sub(r"s$", "", without_party(whose))


_MEMBERS_ACTING = re.compile(rf"^(?P<names>{_NAME}\s*\([A-ZÅÄÖa-zåäö]{{1,3}}\)(?:(?:\s*,\s*|\s+(?:och|samt)\s+){_NAME}\s*\([A-ZÅÄÖa-zåäö]{{1,3}}\))*)"
                             r"\s+[a-zåäö]")


def members_acting(sentence: str) -> list[str] | None:
    """The members, each named with the party, who are the subject of a sentence ("Kent Sandberg (SD)
    och Roger Ek (SD) deltar inte i beslutet."): under a label that says what it is
    (`Protokollsanteckning`), whose it is."""
    match = _MEMBERS_ACTING.match(sentence.strip())
    if not match:
        return None
    names = member_names(match["names"])
    return names if all(looks_like_name(without_party(n), lenient=True) for n in names) else None


_LEAVES = re.compile(rf"^(?:(?:ledamoten|ersättaren)\s+)?(?P<names>{_MEMBERS})\s+(?:lämnar|lämnade)\s+(?:sammanträdet|mötet|"
                     r"sammanträdeslokalen)\b(?P<rest>.*)", re.IGNORECASE)
_AFTER_ITEM = re.compile(r"\befter\s+(?:§|paragraf|punkt|ärende)\s*(?P<n>\d{1,4}[a-z]?)\b", re.IGNORECASE)


_ARRIVES = re.compile(rf"^(?:(?:ledamoten|ersättaren)\s+)?(?P<names>{_MEMBERS})\s+(?:ansluter|anslöt|inträder|inträdde|tillträder|"
                      r"tillträdde)\s+(?:till\s+)?(?:sammanträdet|mötet)\b(?P<rest>.*)", re.IGNORECASE)
_AT_ITEM = re.compile(r"\b(?:under|från|vid|inför|till|före)\s+(?:behandlingen\s+av\s+)?(?:§|paragraf|punkt|ärende)\s*(?P<n>\d{1,4}[a-z]?)\b",
                      re.IGNORECASE)


def arriving_at(sentence: str) -> tuple[list[str], str | None] | None:
    """(names, the first item they attended) of `Anna Berg (M) ansluter till sammanträdet kl. 14.10
    under § 44`: members who came to the meeting after it began, the item when the sentence says it."""
    match = _ARRIVES.match(sentence.strip())
    if not match:
        return None
    at = _AT_ITEM.search(match["rest"])
    return member_names(match["names"]), at["n"] if at else None


def leaving_at(sentence: str) -> tuple[list[str], str | None] | None:
    """(names, the last item they attended) of `Johan Dahl (C) lämnar sammanträdet kl. 20.15 efter
    § 42`: members who left the meeting, the item after which when the sentence says it."""
    match = _LEAVES.match(sentence.strip())
    if not match:
        return None
    after = _AFTER_ITEM.search(match["rest"])
    return member_names(match["names"]), after["n"] if after else None


def motion_at(sentence: str, known: frozenset[str] | set[str] = frozenset()) -> tuple[str, list[str]] | None:
    """(block kind, names) of a proposal, dissent, protocol note or jäv declaration; a given name
    alone ("Olav yrkar ...") where `known` (the meeting's people, casefolded) holds it."""
    text = _MEMBERS_PLACE.sub(r"\1", sentence.strip().lstrip("-–•* ").strip())
    for kind, pattern in MOTIONS:
        match = pattern.match(text)
        if match:
            # "A (S) yrkar, med instämmande av B (V) och C (C), att ...": the supporters propose it too
            said = " , ".join(filter(None, (match["names"], match.groupdict().get("support"), match.groupdict().get("after"))))
            names = member_names(said)
            if names == [match["names"]] and match["names"].casefold() in (CHAIR, f"mötes{CHAIR}"):
                return kind, [CHAIR]
            if all(looks_like_name(without_party(n), lenient=True) or _lone_name(n, known) for n in names):
                return kind, names
    return None


def _lone_name(text: str, known: frozenset[str] | set[str]) -> bool:
    """A given name alone ("Olav yrkar på ett bordläggande") of one of the meeting's people."""
    return bool(re.fullmatch(rf"[{UPPER}][{LOWER}]+", text)) and text.casefold() in known


# -- assignments ------------------------------------------------------------------------------

_WHO = r"(?P<who>[A-ZÅÄÖa-zåäö](?:(?!\batt\b)[\wåäö -]){1,60}?)"
_ASSIGNS = [
    # "Kommunstyrelsen ger kommundirektören i uppdrag att ...", "att ge förvaltningen i uppdrag att ..."
    re.compile(rf"\b(?:ger|gav|ge)\s+{_WHO}\s+i\s+uppdrag\s+att\s+(?P<what>[^.;]+)", re.IGNORECASE),
    # "att uppdra åt socialförvaltningen att ...", "Nämnden uppdrar åt förvaltningschefen att ..."
    re.compile(rf"\b(?:uppdra|uppdrar|uppdrog)\s+(?:åt\s+)?{_WHO}\s+att\s+(?P<what>[^.;]+)", re.IGNORECASE),
    # "Förbundsdirektören får i uppdrag att underteckna avtalet."
    re.compile(rf"^(?:\d{{1,2}}[.)]\s+|att\s+)?{_WHO}\s+(?:får|fick|ges|gavs)\s+i\s+uppdrag\s+att\s+(?P<what>[^.;]+)", re.IGNORECASE),
]
_DUE = re.compile(r"\s*,?\s*(?P<when>(?:senast|till|före|inför|vid)\s+(?:[^,.;]{0,40}?\s+)?(?:den\s+)?"
                  r"(?:\d{1,2}\s+[a-zåäö]+\s+\d{4}|\d{4}-\d{2}-\d{2}))", re.IGNORECASE)


def assignments_in(text: str) -> list[str]:
    """The `Uppdrag:` values (`who; what; when`) of a decision's assignments: "ger kommundirektören
    i uppdrag att ta fram en plan senast den 31 maj 2025" -> `Kommundirektören; ta fram en plan;
    senast den 31 maj 2025 (2025-05-31)`."""
    found: list[str] = []
    for line in re.split(r"(?<=[.;])\s+|\n+", text):
        for pattern in _ASSIGNS:
            match = pattern.search(line.strip())
            if match is None or match["who"].split()[0].casefold() in ("att", "och", "sig", "den", "det"):
                continue
            who = match["who"].strip()
            what = re.sub(r"\s*,?\s*(?:samt|och)?\s*$", "", match["what"].strip())  # ("utreda frågan, samt" / "2. ...")
            when = ""
            if due := _DUE.search(what):
                day = first_date(due["when"])
                when = f"{due['when']} ({day.start.isoformat()})" if day and not re.search(r"\d{4}-\d{2}-\d{2}", due["when"]) \
                    else due["when"]
                what = (what[:due.start()] + what[due.end():]).strip(" ,")
            found.append("; ".join(filter(None, (who[:1].upper() + who[1:], what, when))))
            break
    return found
