"""People in minutes: names, attendance entries and lists of names.

An attendance entry is a name and what is printed beside it, in any order and with commas,
tabs (lost table columns) or parentheses between: organisation, party `(s)`, role
(`ordförande`, `vice ordförande tillika justerare`), title (`regional samverkanskoordinator`),
substitution (`ersätter Jim Lindberg`), and notes (`deltog till punkt 10`, `Frånvarande på punkt
7a)`, `dag 2`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .givennames import is_given_name
from .model import Attendee

UPPER = "A-ZÅÄÖÉÈÜÆØÁÍÓÚ"
LOWER = "a-zåäöéèüæøáíóúñçëï'’"
_TOKEN = re.compile(rf"^(?:[{UPPER}][{LOWER}]+|[{UPPER}]{{2,}})(?:-(?:[{UPPER}][{LOWER}]+|[{UPPER}]{{2,}}))*$")
_CAP_TOKEN = re.compile(rf"^[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)*$")
PARTICLES = {"von", "af", "van", "de", "der", "den", "di", "da", "del", "la", "le", "du", "al", "el", "bin", "ben"}
PARTIES = {"s", "m", "c", "v", "l", "kd", "mp", "sd", "fp", "åp", "mv", "ki", "sap", "ssp", "vp"}
PARTY_GENITIVES = {"moderaternas": "M", "kristdemokraternas": "KD", "socialdemokraternas": "S", "centerpartiets": "C",
                   "liberalernas": "L", "vänsterpartiets": "V", "miljöpartiets": "MP", "sverigedemokraternas": "SD",
                   "folkpartiets": "FP", "moderata samlingspartiets": "M", "folkpartiet liberalernas": "FP"}
"""A party named in the genitive, before its members ("Moderaternas ledamöter"): its letters as minutes print them."""

ROLE = (
    r"(?:(?:förste |första |andre |andra |1:e |2:e )?vice |tf\.? |t\.f\. )?(?:ordförande|ordf\.?)"
    r"|sekreterare|protokollförare|justerare|justeringsperson|ordinarie ledamot|ledamot|tjänstgörande ersättare|"
    r"ej tjänstgörande ersättare|ersättare|suppleant|adjungerad|adjungerande|inbjuden|gäst|observatör|föredragande|"
    r"mötesordförande|mötessekreterare|sammankallande"
)
_ROLE_ONLY = re.compile(rf"^(?:{ROLE})(?:\s*(?:,|tillika|och|samt|/)\s*(?:{ROLE}))*$", re.IGNORECASE)
_ROLE_PREFIX = re.compile(rf"^(?:{ROLE})(?:\s*(?:tillika|och|samt)\s*(?:{ROLE}))*(?=\s|$)", re.IGNORECASE)
TITLE_WORDS = re.compile(
    r"(?:chef|direktör|koordinator|samordnare|strateg|handläggare|utvecklare|ledare|ansvarig|rådgivare|utredare|"
    r"controller|läkare|sjuksköterska|kommunikatör|jurist|analytiker|assistent|specialist|konsult|planerare|ekonom|"
    r"föreståndare|inspektör|terapeut|kurator|psykolog|rektor|lektor|sekreterare|ombudsman|processledare|"
    r"projektledare|administratör|registrator|arkivarie|kanslist|medarbetare|tjänsteperson|tjänsteman|forskare|"
    r"doktorand|professor|docent|chefsläkare|överläkare|ekolog|biolog|pedagog|logoped|tekniker|revisor|förvaltare|arkitekt|"
    r"ingenjör|(?<![a-zåäö])(?:mas|mar|vd))\b",  # (an abbreviation ends no compound: "avd.")
    re.IGNORECASE,
)
ORG_WORDS = re.compile(
    r"\b(?:kommun|region|regionen|landsting|landstinget|stad|staden|förvaltning|förvaltningen|nämnd|nämnden|"
    r"bolag|ab|förbund|förbundet|skr|vgr|universitet|universitetet|sjukhus|sjukhuset|sjukhusen|vårdcentral|"
    r"hälsocentral|länsstyrelsen|myndighet|myndigheten|fou|kommunförbund|enhet|enheten|centrum|primärvården|"
    r"länsstyrelse|kommuner|regioner|socialtjänst|socialtjänsten|stiftelse|stiftelsen|förening|föreningen)\b"
    r"|kommun\b|sjukvården\b",
    re.IGNORECASE,
)
_NOTE = re.compile(
    r"\b(?:deltog|deltar|närvarande|frånvarande|lämnade|lämnar|anslöt|ansluter|from|fr\.o\.m\.|t\.o\.m\.|"
    r"till och med|från och med|punkt(?:erna)?|§§?|ärende|dag\s*\d|kl\.?\s*\d+|via|distans|digitalt|delvis|ej)\b|§"
    r"|\b(?:fr|t)\.\s?o\.\s?m\.|\btom\s+\d",  # (no word boundary after the dot: "t.o.m. § 44")
    re.IGNORECASE,
)
_UNTIL_WORDS = r"till och med|t\.?\s?o\.?\s?m\.?|tom"
_FROM_WORDS = r"från och med|fr\.?\s?o\.?\s?m\.?|from"
_UNTIL = re.compile(
    rf"(?:deltog|deltar|närvarande|närvarade)\s+(?:{_UNTIL_WORDS}|till|fram till)\s+"
    r"(?:och med\s+)?(?:punkt|§|ärende|paragraf)?\s*(?P<n>\d{1,4}\s?[a-z]?)\b"
    # ("t.o.m. § 44", "tom 48" beside a name, where the minutes print them alone)
    rf"|^(?:{_UNTIL_WORDS})\s+(?:punkt|§|ärende|paragraf)?\s*(?P<k>\d{{1,4}}\s?[a-z]?)$"
    r"|lämnade\s+(?:mötet|sammanträdet)\s+efter\s+(?:punkt|§|ärende|paragraf)?\s*(?P<m>\d{1,4}\s?[a-z]?)\b",
    re.IGNORECASE,
)
_FROM = re.compile(
    rf"(?:deltog|deltar|närvarande|närvarade|tjänstgör|tjänstgjorde|anslöt|ansluter)(?:\s+till\s+(?:mötet|sammanträdet))?\s+"
    rf"(?:{_FROM_WORDS}|från|under|vid|i)\s+(?:punkt|§|ärende|paragraf)\s*(?P<n>\d{{1,4}}\s?[a-z]?)\b"
    rf"|^(?:{_FROM_WORDS})\s+(?:punkt|§|ärende|paragraf)?\s*(?P<k>\d{{1,4}}\s?[a-z]?)$",
    re.IGNORECASE,
)
"""The first item a member attended: `anslöt till sammanträdet under § 44`, `fr.o.m. § 45`."""
_ABSENT_FROM = re.compile(
    r"(?:frånvarande|ej\s+närvarande|deltog\s+(?:inte|ej)|ej)\s+(?:på|under|vid|i)?\s*"
    r"(?:punkt(?:erna)?|§§?|ärende(?:na)?|paragraf(?:erna)?)\s*(?P<list>\d{1,4}\s?[a-z]?(?:\)?\s*(?:,|och|-|–)\s*\d{1,4}\s?[a-z]?)*)",
    re.IGNORECASE,
)
_SUBSTITUTE_FOR = re.compile(
    r"^(?P<role>(?:tjänstgörande\s+|tjänstgör\s+som\s+|tjg\.?\s+)?(?:ersättare|ers\.?)|ersätter)\s+(?:för|i\s+stället\s+för|istället\s+för)\s+"
    r"(?P<name>.+)$",
    re.IGNORECASE,
)
_FOR_PERSON = re.compile(r"^för\s+(?P<name>[A-ZÅÄÖ][\w-]+(?:\s+[A-ZÅÄÖ][\w-]+){1,2})(?:\s*\([^)]*\))?$")
_SERVING = re.compile(r"(?:tjänstgör|tjänstgjorde|tjänstgörande)(?:\s+i)?", re.IGNORECASE)
_DAY = re.compile(r"\bdag\s*(?P<n>[1-9])\b", re.IGNORECASE)
_REPLACES = re.compile(
    r"^\(?\s*(?:ersätter|ersättare för|tjänstgör(?:ande)? för|tjänstgjorde för|i stället för|istället för)\s+(?P<name>[^)]+?)\s*\)?$",
    re.IGNORECASE,
)


def _zipf(word: str) -> float:
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - a dependency of the package
        return 0.0
    return zipf_frequency(word, "sv")


@lru_cache(maxsize=4096)
def _common_word(word: str) -> bool:
    """A frequent Swedish word ("Södra", "Region"): not likely to start a person's name."""
    return _zipf(word.casefold()) >= 4.3


def name_tokens(text: str) -> list[str] | None:
    """The tokens of a name-shaped text (`Anna-Maria Stenlund Berggren`), or None."""
    tokens = text.split()
    if not 1 <= len(tokens) <= 5:
        return None
    shouted = all(t.isupper() for t in tokens)
    for index, token in enumerate(tokens):
        if token.lower() in PARTICLES and 0 < index < len(tokens) - 1:
            continue
        if not _TOKEN.match(token) or (token.isupper() and not shouted):
            return None  # "VGR" after a name is an organisation, not a surname
    return tokens


def looks_like_name(text: str, known: frozenset[str] | set[str] = frozenset(), *, lenient: bool = False,
                    single: bool = False) -> bool:
    """A person's name: a given name and one to four more name-shaped words.

    `known` holds casefolded names (full names and given names) of the meeting's people.
    `lenient` also takes two to four name-shaped words that do not start with a common word
    (inside an attendance list, where names of any origin are expected).
    `single` also takes a lone given name ("Madelene").
    """
    text = text.strip()
    tokens = name_tokens(text)
    if tokens is None:
        return False
    folded = " ".join(tokens).casefold()
    if folded in known:
        return True
    if len(tokens) == 1:
        return single and is_given_name(tokens[0], known) and bool(_CAP_TOKEN.match(tokens[0]))
    if all(t.isupper() for t in tokens) and not is_given_name(tokens[0], known):
        return False
    if is_given_name(tokens[0], known):
        return True
    if lenient and len(tokens) <= 4 and all(_CAP_TOKEN.match(t) or t.lower() in PARTICLES for t in tokens):
        return not _common_word(tokens[0])
    return False


def leading_name(text: str, known: frozenset[str] | set[str] = frozenset()) -> tuple[str, str] | None:
    """`Jeanette Andersson VästKom` -> (`Jeanette Andersson`, `VästKom`): a name at the start."""
    tokens = text.split()
    if not tokens or not is_given_name(tokens[0], known) or not _CAP_TOKEN.match(tokens[0]):
        return None
    taken = 1
    while taken < len(tokens) and taken < 4:
        token = tokens[taken]
        if _CAP_TOKEN.match(token) and not ORG_WORDS.fullmatch(token):
            taken += 1
        elif token.lower() in PARTICLES and taken + 1 < len(tokens) and _CAP_TOKEN.match(tokens[taken + 1]):
            taken += 1
        else:
            break
    if taken == 1 and len(tokens) > 1:
        return None
    rest = " ".join(tokens[taken:])
    # "Katarina Lindahl Region Västerbotten": an organisation word after the name ends it
    return " ".join(tokens[:taken]), rest


def split_columns(text: str) -> list[str]:
    return [c.strip() for c in re.split(r"\t+|\s{2,}", text.strip()) if c.strip()]


TICK = re.compile(r"[xX✓✔✗•*]")
"""A roll-call table's mark in a column (present, ja, nej, avstår): no remark about the person."""


def parse_entry(text: str, known: frozenset[str] | set[str] = frozenset(), *, lenient: bool = True) -> Attendee | None:
    """One attendance line -> an Attendee, or None when it does not start with a name."""
    text = text.strip().strip(",;").strip()
    if not text:
        return None
    columns = split_columns(text)
    first = columns[0]
    match = re.match(r"^(?P<name>[^,(]+?)\s*(?P<rest>[,(].*)?$", first)
    if not match:
        return None
    name = match["name"].strip().rstrip(".")
    rest = match["rest"] or ""
    party = re.match(r"^\(\s*([A-Za-zÅÄÖåäö]{1,3})\s*\)", rest)
    if party and party[1].casefold() in PARTIES and name_tokens(name) and len(name.split()) >= 2:
        pass  # "Dina Lund (S)": a party after it makes it a name
    elif not looks_like_name(name, known, lenient=lenient):
        split = leading_name(name, known)
        if split is None:
            return None
        name, tail = split
        rest = (tail + " " + rest).strip() if tail else rest
        if tail and not rest.startswith((",", "(")):
            rest = ", " + rest
    attendee = Attendee(name=name)
    if title_first := _title_first(name, known):
        attendee.title, attendee.name = title_first  # "Kommunchef Lars Ahl": the title before the name, as older minutes print it
    segments = _segments(rest) + [s for column in columns[1:] if not TICK.fullmatch(column.strip()) for s in _segments(column)]
    for segment in segments:
        classify_segment(attendee, segment)
    return attendee


def _title_first(name: str, known: frozenset[str] | set[str]) -> tuple[str, str] | None:
    """(title, name) of "Kommunchef Lars Ahl", "Fastighetsförvaltare Tommy Åberg": an occupation,
    then a name of two words or more, and nothing after it."""
    titled = _title_then_name(name, known)
    if titled is None or titled[2] or len(titled[1].split()) < 2 or not looks_like_name(titled[1], known):
        return None
    return titled[0], titled[1]


def _segments(text: str) -> list[str]:
    """`(s) Umeå kommun, ordförande` -> [`(s)`, `Umeå kommun`, `ordförande`]."""
    out: list[str] = []
    text = text.strip().lstrip(",").strip()
    for part in re.split(r"(\([^()]*\)?)", text):
        part = part.strip()
        if not part:
            continue
        if part.startswith("("):
            out.append(part)
            continue
        out.extend(p.strip() for p in re.split(r",(?!\s*\d)|(?<!\d),", part) if p.strip())  # "§§ 57, 58" stays one
    return out


def classify_segment(attendee: Attendee, segment: str) -> None:
    """Put one printed remark beside a name into the attendee's fields."""
    raw = segment.strip()
    inner = raw[1:].rstrip(")").strip() if raw.startswith("(") else raw
    if not inner:
        return
    if raw.startswith("(") and inner.casefold() in PARTIES:
        if attendee.party and attendee.replaces:
            attendee.replaced_party = inner  # a second party belongs to the member replaced
        attendee.party = attendee.party or inner
        return
    if (refs := _ITEM_REFS.match(inner)) and not raw.startswith("(") and _SERVING.fullmatch(refs["head"]):
        attendee.note = _join(attendee.note, inner, "; ")  # "tjänstgör § 115": a substitute who served in those items
        return
    if (role := _ROLE_PREFIX.match(inner)) and (span := inner[role.end():].strip()) and (_UNTIL.search(span) or _FROM.search(span)):
        attendee.role = _join(attendee.role, role[0].lower())  # "ledamot fr.o.m. § 45": the role, then the item it began at
        inner = span
    if _ITEM_REFS.match(inner) and (_UNTIL.search(inner) or _FROM.search(inner)):
        attendee.note = _join(attendee.note, inner, "; ")  # "t.o.m. § 44": the last (or first) item attended
        read_note(attendee, inner)
        return
    if (refs := _ITEM_REFS.match(inner)) and not raw.startswith("("):
        # "ekonomichef §§ 46-47": the title, and the items the person was there for as a note
        classify_segment(attendee, refs["head"])
        attendee.note = _join(attendee.note, refs["refs"], "; ")
        return
    if _BARE_ITEMS.match(raw) or _CLOCK_SPAN.match(raw):
        # "Jussi Rinne (SD) 17–25": the items attended, their § left out; "Bertil Nord (C) 14.00–16.10": the hours
        attendee.note = _join(attendee.note, inner, "; ")
        return
    if (tail := _TITLE_THEN_ITEMS.match(raw)) and (tail["head"][:1].islower() or TITLE_WORDS.search(tail["head"])) \
            and not _NOTE.search(raw):
        classify_segment(attendee, tail["head"])  # "arbetsmarknadschef 130", "redovisningsansvarig 14.00–15.30 133"
        attendee.note = _join(attendee.note, tail["tail"], "; ")
        return
    if match := _SUBSTITUTE_FOR.match(inner):
        role = re.sub(r"^tjg\.?\s+ers\.?$", "tjänstgörande ersättare", match["role"].strip().lower())  # ("tjg ers för X", 2003)
        attendee.role = _join(attendee.role, role)  # ("Tjänstgörande ersättare" opens a table's cell)
        attendee.replaces = without_party(match["name"])
        return
    if re.fullmatch(r"[a-zåäö]{1,3}|[A-ZÅÄÖ]{1,3}", inner) and inner.casefold() in PARTIES and not raw.startswith("("):
        attendee.party = attendee.party or inner  # "Anna Ek, S"
        return
    if match := _REPLACES.match(raw):
        attendee.replaces = without_party(match["name"])
        return
    if (match := _FOR_PERSON.match(raw)) and looks_like_name(match["name"], set(), lenient=True):
        attendee.replaces = match["name"]  # "Ulla Persson (S) för Patrik Lindgren (S)": serving in a member's place
        return
    if _ROLE_ONLY.match(inner):
        attendee.role = _join(attendee.role, re.sub(r"\bordf\b\.?", "ordförande", inner.lower()))  # ("1:e vice ordf.")
        return
    if _NOTE.search(inner) and not ORG_WORDS.search(inner):
        if (role := _ROLE_PREFIX.match(inner)) and inner[role.end():].strip():
            # "ordförande från kl. 11.00": the role, and when it began
            attendee.role = _join(attendee.role, role[0].lower())
            inner = inner[role.end():].strip()
        attendee.note = _join(attendee.note, inner, "; ")
        read_note(attendee, inner)
        return
    if match := _ROLE_PREFIX.match(inner):
        remainder = inner[match.end():].strip()
        if remainder and ORG_WORDS.search(remainder):
            attendee.role = _join(attendee.role, match[0])
            attendee.organisation = _join(attendee.organisation, remainder)
            return
        attendee.title = _join(attendee.title, inner)
        return
    if inner[:1].islower() or (TITLE_WORDS.search(inner) and not ORG_WORDS.search(inner)):
        attendee.title = _join(attendee.title, inner)
        return
    if attendee.organisation and not ORG_WORDS.search(inner) and attendee.title is None:
        attendee.title = inner
        return
    attendee.organisation = _join(attendee.organisation, inner)


ITEM_NUMBERS = r"\d{1,4}(?:\s*[-–]\s*\d{1,4})?(?:\s*(?:,|och)\s*\d{1,4}(?:\s*[-–]\s*\d{1,4})?)*"
_BARE_ITEMS = re.compile(rf"^{ITEM_NUMBERS}$")
"""Numbers alone beside a name in the attendance (`17–25`, `107`): the paragraphs the person was there for."""
_CLOCK = r"(?:kl\.?\s*)?\d{1,2}[.:]\d{2}\s*[-–]\s*(?:\d{1,2}[.:]\d{2})?"
_CLOCK_SPAN = re.compile(rf"^{_CLOCK}$")
"""The hours someone attended, beside the name (`14.00–16.10`, `kl. 8:15–`)."""
_TITLE_THEN_ITEMS = re.compile(rf"^(?P<head>.*?[^\s,\d])\s+(?P<tail>(?:{_CLOCK}\s*)?{ITEM_NUMBERS}|{_CLOCK})$")
"""A title, then the hours or the items the person was there for, no § printed (`ekonom 164`)."""
_ITEM_REFS = re.compile(r"^(?P<head>.*?[^\s,])\s*,?\s+(?P<refs>§§?\s*\d{1,4}(?:\s*(?:[-–,]|och)\s*\d{1,4})*)$")


def without_party(name: str) -> str:
    """`Nils Ottosson (NP)` -> `Nils Ottosson`: whom a substitute replaces, by name."""
    return re.sub(r"\s*\([^)]*\)?\s*$", "", name.strip()).strip().rstrip(".")


def read_note(attendee: Attendee, note: str) -> None:
    """Structured facts of a note: the last item attended, items missed, days attended."""
    if match := _UNTIL.search(note):
        attendee.until_item = re.sub(r"\s", "", match["n"] or match["m"] or match["k"])
    if match := _FROM.search(note):
        attendee.from_item = re.sub(r"\s", "", match["n"] or match["k"])
    if match := _ABSENT_FROM.search(note):
        for number in re.findall(r"\d{1,4}\s?[a-z]?", match["list"]):
            number = re.sub(r"\s", "", number)
            if number not in attendee.absent_from_items:
                attendee.absent_from_items.append(number)
    for match in _DAY.finditer(note):
        day = int(match["n"])
        if day not in attendee.day_numbers:
            attendee.day_numbers.append(day)


def _join(old: str | None, new: str, sep: str = ", ") -> str:
    return f"{old}{sep}{new}" if old else new


def split_name_list(text: str, known: frozenset[str] | set[str] = frozenset(), *, lenient: bool = False) -> list[str]:
    """`A, B och C` -> [A, B, C] when every part is a name; [] otherwise."""
    parts = [p.strip() for p in re.split(r",|\s+och\s+|\s+samt\s+|\s+&\s+", text) if p.strip()]
    if parts and all(looks_like_name(p, known, lenient=lenient, single=True) for p in parts):
        return parts
    return []


def parse_inline_list(text: str, known: frozenset[str] | set[str] = frozenset()) -> tuple[list[Attendee], list[str]]:
    """`Angela Olausson, VästKom, Boel Mörck, VGR och Anna Åberg, SKR.` -> attendees.

    Each comma-separated part that is a name starts an attendee; the parts after it describe
    them. Returns the attendees and the parts that preceded any name.
    """
    text = text.strip().rstrip(".")
    pieces: list[str] = []
    # Entries set apart by semicolons ("A, SPF X; B (SD), socialnämnden; C, PRO Y, ersättare")
    # each start with their person, whatever origin the name has.
    leads: set[int] = set()
    entries = _segments_keep_parens(text, ";")
    parts = [(segment, position == 0 and len(entries) > 1)
             for entry in entries for position, segment in enumerate(_segments_keep_parens(entry))]
    for part, leading in parts:
        if leading:
            leads.add(len(pieces))
        # "SKR och Anna Åberg": split at "och" only when a name follows
        searched = 0
        while match := _AND.search(part, searched):
            left, right = part[:match.start()], part[match.end():]
            if left.endswith("-"):
                searched = match.end()  # ("mark- och exploateringsingenjör": one word's two halves)
                continue
            after_party = re.search(r"\([A-Za-zÅÄÖåäö]{1,4}\)$", left)  # ("Göran Lar (MP) och Pär John (FP)")
            if looks_like_name(_name_head(right), known, lenient=bool(after_party)) or leading_name(right, known) \
                    or _title_then_name(right, known):
                pieces.append(left.strip())
                part, searched = right, 0
            else:
                break
        pieces.append(part.strip())
    attendees: list[Attendee] = []
    stray: list[str] = []
    # A list of nothing but names ("Sara Winqvist, Ragnberth Helleday, Thomas Fritz") takes names
    # of any origin; a list mixing names and organisations only names it knows as names.
    lenient = all(looks_like_name(_name_head(p), known, lenient=True) for p in pieces if p)
    for index, piece in enumerate(pieces):
        if not piece:
            continue
        head = _name_head(piece)
        party = re.match(r"^[^()]+\(\s*([A-Za-zÅÄÖåäö]{1,4})\s*\)", piece)  # ("Pär John (FP)": a member, by the party)
        if looks_like_name(head, known, lenient=lenient or index in leads or bool(party and party[1].casefold() in PARTIES)):
            attendee = Attendee(name=head)
            remainder = piece[len(head):].strip()
            for segment in _segments(remainder):
                classify_segment(attendee, segment)
            attendees.append(attendee)
        elif (split := leading_name(piece, known)) is not None:
            attendee = Attendee(name=split[0])
            for segment in _segments(split[1]):
                classify_segment(attendee, segment)
            attendees.append(attendee)
        elif (titled := _title_then_name(piece, known)) is not None:
            attendee = Attendee(name=titled[1], title=titled[0])  # ("kommunsekreterare Linda Matt", "ekonom A B § 164")
            for segment in _segments(titled[2]):
                classify_segment(attendee, segment)
            attendees.append(attendee)
        elif attendees:
            for segment in _segments(piece):  # "ordförande (S)"
                classify_segment(attendees[-1], segment)
        else:
            stray.append(piece)
    return attendees, stray


_AND = re.compile(r"\s+(?:och|samt|&)\s+(?=\S)")


def _title_then_name(piece: str, known: frozenset[str] | set[str]) -> tuple[str, str, str] | None:
    """(title, name, rest) of `kommunsekreterare Linda Matt`, `Kommundirektör Jan Frans`, `mark- och
    exploateringsingenjör Britt Andersson § 165`: an occupation of up to four words, then a name."""
    words = piece.split()
    for size in range(1, min(4, len(words) - 1) + 1):
        occupation = TITLE_WORDS.search(words[size - 1])
        if occupation is None or occupation.end() != len(words[size - 1]):
            continue
        if (split := leading_name(" ".join(words[size:]), known)) is not None:
            return " ".join(words[:size]).lower(), split[0], split[1]
    return None


def _name_head(piece: str) -> str:
    return re.split(r"\s*\(", piece, maxsplit=1)[0].strip()


def _segments_keep_parens(text: str, separators: str = ",;") -> list[str]:
    """Split at commas and semicolons (`separators`) outside parentheses (not within a list of items)."""
    out, depth, current = [], 0, []
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        if char in separators and depth == 0:
            out.append("".join(current))
            current = []
        else:
            current.append(char)
    out.append("".join(current))
    merged: list[str] = []
    for part in (p.strip() for p in out if p.strip()):
        if merged and re.match(r"^\d", part) and re.search(r"§§?\s*\d[\d\s–-]*$", merged[-1]):
            merged[-1] = f"{merged[-1]}, {part}"  # "§§ 140–145, 147–148": one list of items
        else:
            merged.append(part)
    return merged


def person_key(name: str) -> str:
    """Casefolded name without a trailing party: how names are compared."""
    name = re.sub(r"\s*\([^)]*\)\s*$", "", name)
    return " ".join(name.casefold().split())


def same_person(a: str, b: str) -> bool:
    """`Anna Katarina Lindahl` and `Katarina Lindahl`; `Madelene` and `Madelene Andersson`."""
    ka, kb = person_key(a).split(), person_key(b).split()
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    short, long_ = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    if len(short) == 1:
        return short[0] == long_[0]
    return short[-1] == long_[-1] and all(t in long_ for t in short)
