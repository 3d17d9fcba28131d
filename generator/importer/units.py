"""Lines -> units: paragraphs, list entries, headings and table rows.

Extraction breaks paragraphs into lines (at the PDF's line width, at page breaks, around
figures) and sometimes puts blank lines inside a sentence. A line continues the unit before it
when the text says so:

- it starts in lower case after a line without a full stop ("... I Umeåregionen" / "pågår ...");
- the line before ends with a comma, a hyphen or a word that cannot end a sentence ("för", "att");
- the line before filled the page's width (a wrapped line), when the text is wrapped at all;
- it was marked `joined` across removed page furniture.

Headings (Markdown `#`, Word styles, bold or large lines), list entries and table rows (tab
columns) start units of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import Line

FUNCTION_WORDS = frozenset(
    "och att för med av i på till som om den det de en ett samt eller från inom vid mot under över efter kring hos "
    "per utan där när vilket vilka vilken hur var är har ska skall kan blir både men så också även än genom mellan "
    "enligt inför bland samt dessa denna detta sin sitt sina vår vårt våra deras hans hennes ej inte".split()
)
_TERMINAL = ".!?:;"
FINITE_VERBS = frozenset(
    "är var blir blev finns fanns har hade ska skall kan kunde måste bör borde får fick vill ville kommer kom går gick "
    "gör gjorde ger gav tar tog sker skedde gäller gällde pågår pågick saknas behövs behöver behövde visar visade "
    "innebär innebar handlar ligger låg står stod heter hette anser ansåg menar betyder verkar känns upplevs anses "
    "ses sägs återkommer informerar informerade redovisar redovisade presenterar presenterade berättar berättade "
    "beslutar beslutade beslöt godkänner godkände noterar noterade lämnar lämnade tackar tackade hälsade hälsar "
    "föredrog föredrar redogör redogjorde beskriver beskrev rapporterar rapporterade deltar deltog ansvarar ansvarade fortsätter fortsatte startar "
    "startade arbetar arbetade planeras planerades ingår ingick rör rörde avser avsåg erbjuds fattas fattades "
    "genomförs genomfördes görs gjordes hänskjuts hänsköts bordläggs noteras godkänns antas antogs läggs lades "
    "föreslår föreslog uppdrar uppdrog antar fastställer fastställde tillstyrker avstyrker avslår avslog bifaller biföll "
    "överlämnar överlämnade lägger lade utser utsåg väljer valde rekommenderar rekommenderade yrkar yrkade reserverar "
    "önskar önskade vill tycker tyckte ser såg följer följde enades enas kommer yttrar yttrade förklarar förklarade "
    "ställer ställde finner fann besvarar besvarade svarar svarade frågar frågade konstaterar konstaterade".split()
)
_PASSIVE = re.compile(r"^(?![a-zåäö]*plats$)[a-zåäö]{3,}(?:ades|ddes|des|tes|ts|as)$")
"""A passive by its ending; not a place ("Kommunens webbplats", "Ny arbetsplats")."""
_PAST = re.compile(r"^(?![a-zåäö]*(?:ande|ende)$)[a-zåäö]{3,}(?:ade|de|te)$")
"""A past tense by its ending; not a noun in -ande/-ende ("Nytt yttrande", "Pågående ärende")."""
_NOUNS_LIKE_PAST = frozenset("möte område biträde".split())
"""Nouns that end as a past tense does ("Extra möte", "Offentligt biträde")."""


def has_finite_verb(text: str) -> bool:
    words = re.findall(r"[A-Za-zÅÄÖåäöéü-]+", text)
    for position, word in enumerate(words):
        lowered = word.casefold()
        if lowered in FINITE_VERBS:
            return True
        if not word[:1].islower():
            continue  # "Svantes" in a name is no verb
        if position > 0 and _PASSIVE.match(lowered) and words[position - 1].casefold() not in FUNCTION_WORDS:
            return True
        if position == 1 and _PAST.match(lowered) and words[0][:1].isupper() and lowered not in _NOUNS_LIKE_PAST:
            return True
    return False



@dataclass(slots=True)
class Unit:
    kind: str
    """`heading`, `para`, `bullet` or `row`."""
    text: str
    lines: list[Line] = field(default_factory=list)
    depth: int = 0
    blank_before: bool = False
    hinted: bool = False

    @property
    def loc(self) -> str:
        return self.lines[0].loc if self.lines else ""

    @property
    def single(self) -> bool:
        return len(self.lines) == 1


def typical_width(lines: list[Line]) -> int:
    """The length a wrapped line reaches (90th percentile); 0 when the text is not wrapped."""
    lengths = sorted(len(line.text) for line in lines if len(line.text.strip()) > 3)
    if len(lengths) < 10:
        return 0
    width = lengths[int(len(lengths) * 0.9) - 1]
    wrapped = sum(1 for n in lengths if width * 0.75 <= n <= width * 1.05)
    if width > 140 or wrapped < len(lengths) * 0.2:
        return 0
    return width


def heading_hint(line: Line) -> bool:
    """The source marks the line as a heading, and it reads like one (no sentence, no field)."""
    if not line.hinted or line.blank:
        return False
    text = line.text.strip()
    if re.match(r"^[\w ./,-]{1,40}:\s+\S", text):
        return False  # "*Föredragande: ...*" is a field line set in italics
    if line.heading:
        return True
    if text.count("\t") >= 2 and not re.match(r"(?:§|\d)", text):
        return False  # ("Förening<TAB>Sökt belopp (kr)<TAB>Beviljat belopp (kr)" in bold: a table's header row)
    # bold text that says something ("Nämnden beslutar att ...") is emphasis, not a heading
    return len(text.split()) <= 14 and not text.endswith(".") and not has_finite_verb(text)


def ends_open(text: str) -> bool:
    """The text stops where a sentence cannot: a comma, a hyphen, a word such as 'för'."""
    text = text.rstrip()
    if not text:
        return False
    if text[-1] in ",-–(":
        return True
    last = re.split(r"\s+", text)[-1].casefold()
    return last in FUNCTION_WORDS


def join_text(left: str, right: str) -> str:
    left, right = left.rstrip(), right.strip()
    if re.search(r"[a-zåäö]-$", left) and right[:1].islower() and right.split()[0] not in ("och", "eller", "samt", "till", "respektive"):
        return left[:-1] + right  # a word hyphenated at the line's end
    if re.search(r"\d[-–]$", left) and right[:1].isdigit():
        return left + right  # a range broken at its dash ("årskurs 4–" / "6", "2024-04-" / "09")
    if re.search(r"[^\W\d_]-$", left) and right[:1].isupper():
        return left + right  # a double name or compound broken at its hyphen ("Eva-" / "Lena", "Stockholm-" / "Arlanda")
    if re.search(r"(?:[^\W_]|\()–$", left) and right[:1].isalnum():
        return left + right  # a dash between two names or before a figure ("Norrbacka–" / "Storsjön", "(–" / "5,2")
    return f"{left} {right}"


def figure_lines(lines: list[Line]) -> set[int]:
    """Indexes of figure text caught inside a broken sentence: "... men för att" / "Makro" /
    "Meso" / "spridning ..." (up to six short fragments between a sentence and its end)."""
    out: set[int] = set()
    content = [i for i, line in enumerate(lines) if not line.blank]
    for position, index in enumerate(content):
        if not ends_open(lines[index].text) or lines[index].bullet:
            continue
        fragments = []
        probe = position + 1
        while probe < len(content) and len(fragments) < 6:
            text = lines[content[probe]].text.strip()
            if len(text.split()) <= 4 and text[-1:] not in ".:;,!?" and text[:1].isupper() and "\t" not in text:
                fragments.append(content[probe])
                probe += 1
                continue
            break
        if fragments and probe < len(content) and lines[content[probe]].text.strip()[:1].islower():
            out.update(fragments)
    return out


_HANGING_ATT = re.compile(r"^(?P<att>[Aa]tt)\t+(?P<rest>[^\t]+)$")
"""`att<TAB>fastställa skattesatsen ...`: an att-clause typed with a hanging indent, not a table's row."""


def build_units(lines: list[Line], width: int = 0, *, stops=None, dropped: list[Line] | None = None) -> list[Unit]:
    """Units in order. `stops(text)` names lines that always start a unit (labels, fields);
    figure text inside a broken sentence is left out and added to `dropped`."""
    units: list[Unit] = []
    gap = False
    figures = figure_lines(lines)
    for index, line in enumerate(lines):
        if index in figures:
            if dropped is not None:
                dropped.append(line)
            continue
        if line.blank:
            gap = True
            continue
        text = line.text.strip()
        current = units[-1] if units else None
        if heading_hint(line):
            units.append(Unit("heading", text, [line], blank_before=gap, hinted=True))
        elif line.bullet:
            units.append(Unit("bullet", text, [line], depth=line.bullet, blank_before=gap))
        elif (hanging := _HANGING_ATT.match(text)) and not line.joined:
            units.append(Unit("para", f"{hanging['att']} {hanging['rest']}", [line], blank_before=gap))
        elif "\t" in text and not line.joined:
            units.append(Unit("row", text, [line], blank_before=gap))
        elif current is not None and current.kind in ("para", "bullet") and _continues(
                current, line, gap, width, stops, _paragraph_end(lines, index) if _ATT_CLAUSE.match(text) else ""):
            current.text = join_text(current.text, text)
            current.lines.append(line)
        else:
            units.append(Unit("para", text, [line], blank_before=gap))
        gap = False
    return units


NUMBERED_POINT = re.compile(r"^(?:\d{1,2}[.)]|[a-h]\))\s+\S")
"""`1. godkänna den ekonomiska uppföljningen,`, `a) Länsstyrelsens beslut ...`: a numbered (or lettered)
point of a decision or a list."""
INTRODUCES_POINTS = re.compile(r"\b(?:att|följande)$", re.IGNORECASE)
"""The words before a decision's points ("Nämnden beslutar att" / "1. godkänna ...")."""
_SENTENCE_GOES_ON = r"t\.ex|m\.m|bl\.a|s\.k|ca|resp|nr|kl|dvs|p\.g\.a|o\.s\.v|jfr|f\.d|fr\.o\.m|t\.o\.m|kap"
_IN_SENTENCE_ABBREVIATION = re.compile(rf"\b(?:{_SENTENCE_GOES_ON})\.$", re.IGNORECASE)
"""Abbreviations that a sentence goes on after ("enligt 4 kap. 1 §"); "m.fl." and "st." end one as often."""
_ABBREVIATION_END = re.compile(rf"\b(?:{_SENTENCE_GOES_ON}|st|m\.fl|enl)\.$", re.IGNORECASE)
"""Abbreviations a line may end with while its paragraph goes on."""


_ATT_CLAUSE = re.compile(r"^att\s")
_CLAUSE_GOES_ON = re.compile(r"(?:[,;]|\b(?:samt|och))$", re.IGNORECASE)
"""How an `att` clause ends when another follows it."""
_DECIDES = re.compile(r"\b(?:beslutar|beslutade|beslöt|föreslår|föreslog)$", re.IGNORECASE)
"""The words before a decision's `att` clauses (one clause alone stays in their sentence)."""


def _paragraph_end(lines: list[Line], index: int) -> str:
    """The last line of the run that `lines[index]` begins, up to a blank line (where a PDF's
    paragraph wrapped in lines ends: "att genomföra ... om 142,5" / "miljoner kronor,")."""
    end = index
    while end + 1 < len(lines) and not lines[end + 1].blank and not lines[end + 1].bullet and "\t" not in lines[end + 1].text:
        end += 1
    return lines[end].text.strip()


def _continues(unit: Unit, line: Line, gap: bool, width: int, stops, paragraph_end: str = "") -> bool:
    text = line.text.strip()
    if line.joined:
        return True
    if stops is not None and stops(text):
        return False
    previous = unit.lines[-1].text.rstrip()
    if stops is not None and unit.single and len(previous.split()) <= 4 and stops(previous):
        return False  # a label alone on its line ("Beslutet skickas till") heads what follows
    if NUMBERED_POINT.match(text) and (previous.endswith(":") or INTRODUCES_POINTS.search(previous)
                                       or NUMBERED_POINT.match(unit.lines[0].text.strip())):
        return False  # "Nämnden beslutar att" / "1. godkänna ...," / "2. uppdra ...": a point of its own
    if not gap and _ABBREVIATION_END.search(previous):
        return True  # "... enligt 4 kap." / "1 § socialtjänstlagen": the point ends a word, not the sentence
    if gap and _ATT_CLAUSE.match(text) and (_CLAUSE_GOES_ON.search(previous) or (
            _DECIDES.search(previous) and (_CLAUSE_GOES_ON.search(text) or _CLAUSE_GOES_ON.search(paragraph_end)))):
        return False  # "Kommunstyrelsen beslutar" / "att fastställa ...," / "att uppdra ...": a clause a paragraph
    closed = bool(previous) and previous[-1] in _TERMINAL
    lower_start = text[:1].islower() or text[:1] in ",;)"
    if not closed and lower_start:
        return True
    if not closed and ends_open(previous):
        return True
    if gap:
        return False
    if previous.endswith(".") and text[:1].isupper() and NUMBERED_POINT.match(unit.lines[0].text.strip()) \
            and line.indent <= unit.lines[0].indent:
        # ("3. ... upphör att gälla den 31 december 2024." / "Nämnden beslutar för egen del ...": the last point ends the list)
        return False
    if unit.kind == "bullet" and closed and line.indent < unit.lines[0].indent - 2:
        return False  # (a paragraph back at the margin after a list's last entry, set without a gap: not the entry's)
    if width and len(previous) >= width * 0.75:
        return True
    if not width and not closed and len(previous.split()) >= 8 and has_finite_verb(previous):
        # (a text of short lines, whose width is unknown: "... upprätta en patientsäkerhetsberättelse. Tomas" /
        # "Åkesson föredrar ärendet.": a line that says something and has not ended)
        return True
    return False


def sentences(text: str) -> list[str]:
    """Sentences of a paragraph (split after . ! ? before a capital, a digit or a quote)."""
    parts = re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9\"”«(])", text.strip())
    out: list[str] = []
    for part in parts:
        # "t.ex. Region", "m.m. Det": an abbreviation is no sentence end; "1. Tomas Wall ...": a point's number neither
        if out and (_IN_SENTENCE_ABBREVIATION.search(out[-1]) or len(out) == 1 and re.fullmatch(r"\d{1,2}[.)]", out[0])):
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return out
