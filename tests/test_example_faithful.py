"""The example archive is faithful to the seed minutes it was converted from.

The expected data below was built by reading the seeds in /work/shared/seeds/ (not the content
files): every decision (beslut, godkännande, "lades till handlingarna", rekommendation,
ställningstagande, hänskjutande) and every presenter, each on the item it belongs to.

A decision phrase is a verbatim fragment of the seed text (lines broken by the PDF extraction
joined, doubled spaces removed). Where the whole decision is shorter than six words ("Agendan
godkändes", "VVG noterar informationen.") the phrase is the whole decision.

Reports of earlier decisions are not decisions of the meeting and are left out (item 24 "Mötet
beslutade då", item 26 "Länssamverkansgruppen beslutade 20230217", item 28 "Huvudmännen beslutade
att initiera", Örebro "har chefsgruppen tagit beslut om att"), as are positions of other bodies
("som Beredning barn och unga ställer sig bakom", "Regionala samverkansrådet har ställt sig bakom").
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from generator.load import load_archive

ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path("/work/shared/seeds")

LSG_2021 = "content/lsg/2021-02-19.md"
SAMRAD = "content/samrad/2021-03-19.md"
LSG_2023 = "content/lsg/2023-09-15.md"
VVG = "content/vvg/2021-10-04.md"
OREBRO = "content/chefsgrupp-svo/2021-10-14.md"

# meeting file -> (seed file, first line, last line) (1-based, inclusive; None = to the end)
SEED_SLICES = {
    LSG_2021: ("000_5791752c97a7c270.txt", 1, 331),
    SAMRAD: ("000_5791752c97a7c270.txt", 332, None),
    LSG_2023: ("001_827194fadba6d449.txt", 1, None),
    VVG: ("002_1168f0ba22d31901.txt", 1, None),
    OREBRO: ("003_d0180bdaf2cc0a1d.txt", 1, None),
}


def ascii_slug(title: str) -> str:
    """Anchor of an unnumbered item: å/ä -> a, ö -> o, lower case, other runs -> '-'."""
    folded = unicodedata.normalize("NFKD", title.lower())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


# Örebro (003): unnumbered items, anchored by the slug of their title.
O_AGENDA = ascii_slug("Dagens agenda")
O_FOREGAENDE = ascii_slug("Föregående möte")
O_NARA_VARD = ascii_slug("Nära vård")
O_VIDEO = ascii_slug("Video- och distansmöten")
O_COVID = ascii_slug("Covid-19, vaccination tredje dosen")
O_MOBIL = ascii_slug("Mobil sjukvård, utredningsuppdrag i regionen")
O_MARIA = ascii_slug("Förslag Maria Ungdom för hela länet")
O_AVVIKELSE = ascii_slug("Avvikelsehantering i samverkan")


EXPECTED_ITEM_COUNTS = {
    LSG_2021: 15,
    SAMRAD: 13,  # 1-11 with 7a and 7b as items of their own
    LSG_2023: 13,  # 23-35
    VVG: 8,  # 1, 1a, 2-7
    OREBRO: 18,
}


EXPECTED_DECISIONS: list[tuple[str, str, str]] = [
    # --- Länssamverkansgruppen 2021-02-19 (seed 000, lines 1-331) ---------------------------
    (LSG_2021, "p1", "Dagordningen godkändes med tillägg på övriga frågor"),
    (LSG_2021, "p2", "Föregående protokoll godkändes och lades till handlingarna."),
    # 4. Aktuellt, under "Information om utvärdering av ledningsseminariet ..."
    (LSG_2021, "p4", "Länssamverkansgruppen beslutade att uppdra koordinatörerna att lämna ett förslag till en arbetsgrupp inför ledningsseminariet"),
    # 5. UPH-medel: "Länssamverkansgruppen beslutade:" and its Att-list (with the sub-list of the first entry)
    (LSG_2021, "p5", "Att anta bifogat förslag om ansökningsprocess, kriterier och beredningsgrupp, enligt följande"),
    (LSG_2021, "p5", "att FoU Välfärd får fortsatt uppdrag att administrera hanteringen av de länsgemensamma medlen"),
    (LSG_2021, "p5", "hanteringen av de länsgemensamma medlen rörande psykisk hälsa får fortsätta i enlighet med 2020 års upplägg"),
    (LSG_2021, "p5", "att de kriterier som användes 2020 kvarstår – viktigast att både kommun och region"),
    (LSG_2021, "p5", "Att påbörjade insatser som beviljats under 2020 får fortsätta enligt plan."),
    (LSG_2021, "p5", "Att bevilja UPH-medel till en utvecklingsledare/koordinator på halvtid för 2021-2022."),
    (LSG_2021, "p5", "Att beslut om inkomna ansökningar mellan Länsamverkansgruppens möten hanteras via e-post."),
    (LSG_2021, "p5", "Att bevilja den inkomna ansökan från styrgruppen för god och nära vård i Umeå"),
    # 6. Hjälpmedelsfrågor
    (LSG_2021, "p6", "Länsamverkansgruppen beslutade att lämna följande rekommendation till Samråd vård och omsorg"),
    (LSG_2021, "p6", "Att nästa steg blir att överlämna utredningen till Hälso- och sjukvårdsnämnden för beslut"),
    (LSG_2021, "p6", "Att uppdra till Hjälpmedel Västerbotten att ta fram riktlinjer för processen för utvärderat sortiment"),
    # 7. Nytt verksamhetssystem
    (LSG_2021, "p7", "Länssamverkansgruppen beslutade att frågan ska återkomma på mötet den 5 maj."),
    (LSG_2021, "p7", "Gruppen beslutade även att remissvar till Utredningen om sammanhållen information inom vård"),
    # 11. Omställning, sub-section "Värdegrund och målbild, förslag på förankring och fastställande"
    (LSG_2021, "p11", "Att arbeta vidare med färdplan och indikatorer för uppföljning"),
    (LSG_2021, "p11", "Att fortsätta arbetet med att synkronisera och tydliggöra kring beredningarnas kontra styrgruppernas uppdrag"),
    (LSG_2021, "p11", "Att ta fram ett förslag på upplägg för arbetet med en länsgemensam handlingsplan"),
    (LSG_2021, "p11", "Länssamverkansgruppen beslutade att lämna följande rekommendation till Samråd vård och omsorg"),
    (LSG_2021, "p11", "Att fastställa den framtagna målbilden för Nära vård i Västerbotten efter att den processats"),
    (LSG_2021, "p11", "fastställa att Länssamverkansgruppen och Samråd vård och omsorg utgör systemledning för Nära vård i Västerbotten"),
    # 12. Övriga frågor (filmprojekt SKR)
    (LSG_2021, "p12", "Länssamverkansgruppen ställer sig positiv till att anmäla intresse."),
    # --- Samråd vård och omsorg 2021-03-19 (seed 000, from line 332) -------------------------
    (SAMRAD, "p1", "Samråd vård och omsorg godkände föredragningslistan."),
    (SAMRAD, "p2", "Samråd vård och omsorg beslutade att lägga föregående protokoll till handlingarna."),
    (SAMRAD, "p3", "Samråd vård och omsorg godkände informationen."),
    (SAMRAD, "p4", "Samråd vård och omsorg godkände informationen."),
    (SAMRAD, "p5", "Samråd vård och omsorg godkände informationen."),
    (SAMRAD, "p6", "Att överlämna utredningen till Hälso- och sjukvårdsnämnden för beslut om definition av sortimentsbegreppet"),
    (SAMRAD, "p6", "Att uppdra till Hjälpmedel Västerbotten att ta fram riktlinjer för processen för utvärderat sortiment"),
    (SAMRAD, "p7a", "Samråd vård och omsorg godkände informationen."),
    (SAMRAD, "p7b", "Att fastställa att framtidsbilden som arbetades fram under ledningsseminariet gäller för Nära vård i Västerbotten"),
    (SAMRAD, "p7b", "Att fastställa att Länssamverkansgruppen och Samråd vård och omsorg utgör systemledning för Nära vård"),
    (SAMRAD, "p7b", "Att rekommendera kommunerna i Västerbotten och region Västerbotten att besluta enligt ovanstående."),
    (SAMRAD, "p8", "Samråd vård och omsorg godkände informationen."),
    # --- Länssamverkansgruppen 2023-09-15 (seed 001) -----------------------------------------
    (LSG_2023, "p24", "Föregående protokoll godkändes och fördes till handlingarna."),
    (LSG_2023, "p24", "Att en gemensam pott på 400 000 kr (200 000 + 200 000) avsätts för aktiviteter"),
    (LSG_2023, "p24", "Att regionen och kommunerna delar på dessa kostnader 50/50."),
    (LSG_2023, "p24", "Att varje huvudman har en beredskap för att hantera större satsningar som Länssamverkansgruppen enas om"),
    # 25: the written decision taken by mail is this item's decision ("Skriftligt beslutsärende")
    (LSG_2023, "p25", "Länssamverkansgruppen beslutade via mail 20230508 att bifalla ansökan 28 och 29."),
    (LSG_2023, "p25", "beslutade att följa beredningsgruppens rekommendationer om bifall respektive avslag på de olika ansökningarna"),
    (LSG_2023, "p25", "beslutade att ge FoU Socialtjänst i uppdrag att erbjuda kursen Implementerings-och förbättringskunskap i praktiken"),
    (LSG_2023, "p27", "Länssamverkansgruppen beslutade att anta den uppdaterade processen och att den ska gälla i hela länet."),
    # 28: three lists of decisions and a recommendation to Samråd vård och omsorg
    (LSG_2023, "p28", "och slutsatser beslutade Länssamverkansgruppen gällande de övergripande förslagen"),
    (LSG_2023, "p28", "Att utreda formerna för att inlemma arbetet med utvecklingen av nära vård"),
    (LSG_2023, "p28", "Att inom sig uppta en diskussion om hur överföringen från samverkan till verkställighet kan förbättras"),
    (LSG_2023, "p28", "Att tillsätta en referensgrupp för digital utveckling av välfärdstjänster"),
    (LSG_2023, "p28", "beslutade Länssamverkansgruppen i enighet med utredarens rekommendationer"),
    (LSG_2023, "p28", "Att uppdra till Beredning barn- och unga att bereda frågan om hur befintligt skolchefsnätverk"),
    (LSG_2023, "p28", "Att uppdra till Beredning vuxna- äldre att bereda frågan och ge förslag"),
    (LSG_2023, "p28", "Gunilla Larsson, Region Västerbotten att tillsammans med ordförande för Samverkansråd patientsäkerhet se över rådets uppdrag"),
    (LSG_2023, "p28", "Att uppdra till Hjälpmedelsrådet att återkomma med förslag på hur en referensgrupp av förskrivare"),
    (LSG_2023, "p28", "Att uppdra till Hjälpmedelsrådet att undersöka möjligheten att skapa en gemensam digital kommunikationsyta"),
    (LSG_2023, "p28", "Att besluta enligt utredarens rekommendation vad gäller förändringar i uppdrag och formuleringar"),
    (LSG_2023, "p28", "Länssamverkansgruppen rekommenderar Samråd vård och omsorg att besluta"),
    (LSG_2023, "p28", "Att Samråd vård och omsorg, i fortsättningen benämns Samrådet för Hälsa, vård och omsorg"),
    (LSG_2023, "p28", "Att i övrigt godkänna Länssamverkansgruppens förslag till åtgärder utifrån uppföljningsrapportens rekommendationer."),
    (LSG_2023, "p31", "Länssamverkansgruppen beslutade att ärendet ska återremitteras och återkomma till ett extra insatt möte i oktober."),
    # --- Vårdsamverkan Västra Götaland 2021-10-04 (seed 002) ---------------------------------
    (VVG, "p2", "Dagens agenda godkänns."),  # the whole decision
    (VVG, "p4", "VVG ställer sig bakom Uppdragshandling – Patientkontrakt och samordnad individuell plan (SIP)."),
    (VVG, "p5", "VVG noterar informationen med tillägg av förslag att ha ett eller två möten fysiskt"),
    (VVG, "p6", "VVG noterar informationen om primärvårdsuppdraget och förtydligande information från SKR."),
    (VVG, "p7", "VVG noterar informationen."),  # the whole ställningstagande
    # --- Chefsgrupp social välfärd samt vård och omsorg, Örebro, 2021-10-14 (seed 003) --------
    (OREBRO, O_AGENDA, "Agendan godkändes"),  # the whole decision
    (OREBRO, O_FOREGAENDE, "Anteckningarna lades till handlingarna."),  # the whole decision
    (OREBRO, O_VIDEO, "Chefsgruppen beslutade att ge Karin och Anna uppdraget att driva frågan vidare."),
    (OREBRO, O_MARIA, "Frågan hänskjuts till nästa möte"),  # the whole decision
    (OREBRO, O_AVVIKELSE, "Chefsgruppen beslutade att ge Elisabet, Madelene och Kristina i uppdrag att återkomma med ett förslag"),
]


EXPECTED_PRESENTERS: list[tuple[str, str, str]] = [
    # --- Länssamverkansgruppen 2021-02-19 ---
    (LSG_2021, "p4", "Katarina Lindahl"),
    (LSG_2021, "p4", "Britta Edström"),
    (LSG_2021, "p5", "Annika Nordström"),
    (LSG_2021, "p6", "Robert Lindgren"),
    (LSG_2021, "p6", "Anna Bergström"),  # sub-section "Information om rekrytering av hjälpmedelskoordinator"
    (LSG_2021, "p6", "Jennie Liling Ståhl"),  # sub-section "Information om Hjälpmedelsrådets deltagare"
    (LSG_2021, "p7", "Niklas Lindberg"),
    (LSG_2021, "p8", "Ronny Lestander"),
    (LSG_2021, "p8", "Lena Grundberg"),
    (LSG_2021, "p9", "Louise Lundholm"),
    (LSG_2021, "p10", "Björn Hammar"),
    (LSG_2021, "p10", "Kerstin Eliasson"),
    (LSG_2021, "p10", "Katarina Lindahl"),
    (LSG_2021, "p11", "Dag Norén"),
    (LSG_2021, "p11", "Hans Winberg"),
    (LSG_2021, "p11", "Britta Edström"),  # sub-section "Värdegrund och målbild ..."
    (LSG_2021, "p11", "Katarina Lindahl"),
    (LSG_2021, "p11", "Peter Berggren"),  # sub-section "Nulägesbeskrivning god och nära vård ..."
    (LSG_2021, "p11", "Katarzyna Wikström"),
    # --- Samråd vård och omsorg 2021-03-19 ---
    (SAMRAD, "p3", "Katarina Lindahl"),
    (SAMRAD, "p3", "Britta Edström"),
    (SAMRAD, "p4", "Niklas Lindberg"),
    (SAMRAD, "p5", "Ronny Lestander"),
    (SAMRAD, "p5", "Lena Grundberg"),
    (SAMRAD, "p6", "Katarina Lindahl"),
    (SAMRAD, "p6", "Britta Edström"),
    (SAMRAD, "p7a", "Dag Norén"),
    (SAMRAD, "p7a", "Hans Winberg"),
    (SAMRAD, "p7b", "Britta Edström"),
    (SAMRAD, "p7b", "Katarina Lindahl"),
    (SAMRAD, "p8", "Jani Sundqvist"),
    # --- Länssamverkansgruppen 2023-09-15 ---
    (LSG_2023, "p24", "Britta Edström"),
    (LSG_2023, "p24", "Katarina Lindahl"),
    (LSG_2023, "p26", "Dagmar Schröder"),
    (LSG_2023, "p26", "Sofie Tängman"),
    (LSG_2023, "p27", "Lisa Lestander Flod"),
    (LSG_2023, "p27", "Ulrica Wennmark"),
    (LSG_2023, "p28", "Sara Ekström"),
    (LSG_2023, "p28", "Anna Bergström"),
    (LSG_2023, "p29", "Britta Edström"),
    (LSG_2023, "p29", "Katarina Lindahl"),
    (LSG_2023, "p30", "Britta Edström"),
    (LSG_2023, "p30", "Katarina Lindahl"),
    (LSG_2023, "p31", "André Forslöf"),
    # --- VVG 2021-10-04 ---
    (VVG, "p4", "Jeanette Andersson"),
    (VVG, "p4", "Anne-Marie Svensson"),
    (VVG, "p5", "Anne-Marie Svensson"),
    (VVG, "p5", "Anneli Asmundsson Bjerde"),
    (VVG, "p6", "Anne-Marie Svensson"),
    (VVG, "p6", "Jeanette Andersson"),
    (VVG, "p6", "Angela Olausson"),
    (VVG, "p6", "Lisbeth Löpare Johansson"),
    (VVG, "p6", "Germund Persson"),
    (VVG, "p7", "Boel Mörck"),
    # --- Örebro 2021-10-14: "X föredrog ärendet" ---
    (OREBRO, O_NARA_VARD, "Malin Duckert Ek"),
    (OREBRO, O_NARA_VARD, "Jan Sundelius"),
    (OREBRO, O_VIDEO, "Karin Brage"),
    (OREBRO, O_VIDEO, "Anna Hass"),
    (OREBRO, O_COVID, "Eva Slätmo"),
    (OREBRO, O_MOBIL, "Jan Sundelius"),
    (OREBRO, O_MOBIL, "Madelene Andersson"),
    (OREBRO, O_MOBIL, "Maria Tavander"),
    (OREBRO, O_AVVIKELSE, "Madelene Andersson"),
    (OREBRO, O_AVVIKELSE, "Elisabet Adamsson"),
    (OREBRO, O_AVVIKELSE, "Kristina Luhr"),
]


# --- helpers -------------------------------------------------------------------------------

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_QUOTES = {**dict.fromkeys(map(ord, "\u201c\u201d\u201e\u00ab\u00bb"), '"'),
           **dict.fromkeys(map(ord, "\u2018\u2019\u201a"), "'")}


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def normalise(text: str) -> str:
    """Collapse whitespace, drop soft hyphens, unify dashes and quotes."""
    text = text.replace("\u00ad", "").translate(_DASHES).translate(_QUOTES)
    return collapse(text)


def normalise_seed(text: str) -> str:
    """The seed as running text: Markdown emphasis and escapes removed, then normalised."""
    text = text.replace("\\_", "_").replace("*", "")
    return normalise(text)


def seed_text(meeting: str) -> str:
    name, first, last = SEED_SLICES[meeting]
    lines = (SEEDS / name).read_text(encoding="utf-8").splitlines()
    return normalise_seed("\n".join(lines[first - 1:last]))


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.translate(_DASHES).translate(_QUOTES))
    return "".join(c for c in folded if ord(c) < 128)


def _id(meeting: str, anchor: str, text: str) -> str:
    short = meeting.removeprefix("content/").removesuffix(".md")
    words = text.split()
    shown = " ".join(words[:7]) + (" ..." if len(words) > 7 else "")
    return _ascii(f"{short}#{anchor}: {shown}")


def _item(archive_by_path, meeting: str, anchor: str):
    found = archive_by_path.get(meeting)
    assert found is not None, f"{meeting} is not in the archive"
    items = {item.anchor: item for item in found.items}
    assert anchor in items, f"{meeting} has no item #{anchor} (items: {', '.join(items)})"
    return items[anchor]


# --- fixtures ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def archive():
    return load_archive(ROOT / "content")


@pytest.fixture(scope="module")
def meetings(archive):
    return {m.path: m for m in archive.meetings}


# --- the expected data itself is taken from the seeds ----------------------------------------

@pytest.mark.parametrize(
    "meeting, anchor, phrase", EXPECTED_DECISIONS,
    ids=[_id(*row) for row in EXPECTED_DECISIONS],
)
def test_expected_phrase_is_verbatim_in_its_seed(meeting, anchor, phrase):
    assert normalise(phrase) in seed_text(meeting)


@pytest.mark.parametrize(
    "meeting, anchor, name", EXPECTED_PRESENTERS,
    ids=[_id(*row) for row in EXPECTED_PRESENTERS],
)
def test_expected_presenter_is_in_its_seed(meeting, anchor, name):
    assert normalise(name) in seed_text(meeting)


def test_expected_rows_are_unique():
    assert len(set(EXPECTED_DECISIONS)) == len(EXPECTED_DECISIONS)
    assert len(set(EXPECTED_PRESENTERS)) == len(EXPECTED_PRESENTERS)


# --- the archive against the seeds ---------------------------------------------------------

def test_item_counts(meetings):
    counts = {path: len(meetings[path].items) for path in EXPECTED_ITEM_COUNTS if path in meetings}
    missing = sorted(set(EXPECTED_ITEM_COUNTS) - set(meetings))
    assert not missing, f"meetings missing from the archive: {missing}"
    assert counts == EXPECTED_ITEM_COUNTS


@pytest.mark.parametrize(
    "meeting, anchor, phrase", EXPECTED_DECISIONS,
    ids=[_id(*row) for row in EXPECTED_DECISIONS],
)
def test_every_seed_decision_is_on_its_item(meetings, meeting, anchor, phrase):
    item = _item(meetings, meeting, anchor)
    wanted = normalise(phrase)
    texts = [normalise(block.text) for block in item.decisions]
    assert any(wanted in text for text in texts), (
        f"{meeting}#{anchor} ({item.title}): no decision contains {phrase!r}; "
        f"its decisions are {texts!r}"
    )


@pytest.mark.parametrize(
    "meeting, anchor, name", EXPECTED_PRESENTERS,
    ids=[_id(*row) for row in EXPECTED_PRESENTERS],
)
def test_every_seed_presenter_is_on_its_item(meetings, meeting, anchor, name):
    item = _item(meetings, meeting, anchor)
    names = [collapse(p.name) for p in item.presenters]
    assert collapse(name) in names, f"{meeting}#{anchor} ({item.title}): {name!r} not among presenters {names!r}"


_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_FRAGMENT_END = re.compile(r"(?<=[.:;!?])\s+|\n+")


def _fragments(text: str) -> list[str]:
    """Sentence-ish fragments of a decision's text, list markers removed."""
    fragments = []
    for part in _FRAGMENT_END.split(text):
        part = _LIST_MARKER.sub("", part)
        part = normalise(part)
        if len(part.split()) >= 5:
            fragments.append(part)
    return fragments


def test_every_meeting_has_a_seed(meetings):
    assert set(meetings) == set(SEED_SLICES)


def test_no_decision_text_outside_the_seed(meetings):
    """Every 5+ word fragment of every decision is found in the seed the meeting came from."""
    outside = []
    for path, meeting in meetings.items():
        if path not in SEED_SLICES:
            continue
        seed = seed_text(path)
        for item in meeting.items:
            for block in item.decisions:
                outside.extend(f"{path}#{block.anchor}: {fragment!r}"
                               for fragment in _fragments(block.text) if fragment not in seed)
    assert not outside, "decision text not in the seed:\n" + "\n".join(outside)
