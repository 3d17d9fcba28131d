"""The shape of the front matter and the registries, as pydantic models.

These models describe input as written (and are exported as JSON Schema for editors); `load`
turns validated input into the typed model in `model`. Keys are English, values Swedish.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from .messages import N_

KEY_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Status = Literal["planerad", "kallad", "inställd", "utkast", "slutlig", "justerat", "anslaget"]
"""A meeting's file grows: `planerad` (the day is known), `kallad` (kallelse and
föredragningslista published), `inställd` (cancelled), then the minutes' `utkast`, `slutlig`,
`justerat`, `anslaget`."""
Kind = Literal["protokoll", "protokollsutdrag", "mötesanteckning"]
"""`protokollsutdrag`: an extract of the minutes, the items it holds and no attendance list of its own."""


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


DATE_ERRORS = {
    "day_not_existing": N_("a date that exists"),
    "day_format": N_("a date as YYYY-MM-DD"),
    "moment_format": N_("a date-time as YYYY-MM-DDTHH:MM:SS+01:00"),
}
"""What a date that is not one was expected to be (the messages' English, translated where shown)."""


def _written_day(value: Any) -> Any:
    """A day as YYYY-MM-DD that exists in the calendar; not a number (pydantic would read one as
    seconds since 1970) and not a date-time."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DAY.match(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise PydanticCustomError("day_not_existing", DATE_ERRORS["day_not_existing"]) from None
    raise PydanticCustomError("day_format", DATE_ERRORS["day_format"])


def _written_moment(value: Any) -> Any:
    """A date-time as written (ISO 8601); a number is not one."""
    if isinstance(value, (int, float, bool)):
        raise PydanticCustomError("moment_format", DATE_ERRORS["moment_format"])
    if isinstance(value, str) and _ISO_DAY.match(value.strip()[:10]):
        try:
            dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            raise PydanticCustomError("day_not_existing", DATE_ERRORS["day_not_existing"]) from None
    return value


Day = Annotated[dt.date, BeforeValidator(_written_day)]
Moment = Annotated[dt.datetime, BeforeValidator(_written_moment)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class AttendeeIn(Strict):
    """A person at (or absent from) a meeting, as the minutes list them."""

    name: str = Field(min_length=1, description="Namn, som i protokollet.")
    organisation: str | None = Field(None, description="Organisation som personen företräder.")
    party: str | None = Field(None, description="Parti, för förtroendevalda (s, m, c ...).")
    role: str | None = Field(None, description="Roll på mötet: ordförande, ledamot, ersättare ...")
    title: str | None = Field(None, description="Befattning, t.ex. 'regional samverkanskoordinator'.")
    group: str | None = Field(None, description="Grupp som personen listas under (delregion, delegation).")
    replaces: str | None = Field(None, description="Ersätter: namnet på ledamoten som ersätts.")
    days: list[Day] | None = Field(None, description="Dagar som personen deltog, när inte alla (flerdagarsmöte).")
    until_item: str | None = Field(None, description="Sista punkt som personen deltog i ('deltog till punkt 10').")
    absent_from_items: list[str] | None = Field(None, description="Punkter som personen inte deltog i.")
    note: str | None = Field(None, description="Anmärkning vid namnet, som i protokollet.")


class OfficialsIn(Strict):
    chair: str | None = Field(None, description="Ordförande.")
    vice_chair: str | None = Field(None, description="Vice ordförande.")
    secretary: str | None = Field(None, description="Sekreterare.")
    adjusters: list[str] = Field(default_factory=list, description="Justerare.")


class SignatureIn(Strict):
    name: str = Field(min_length=1)
    role: str | None = Field(None, description="T.ex. sekreterare, ordförande, justerare.")
    title: str | None = None
    organisation: str | None = None
    signed_at: Moment | None = Field(None, description="Tidpunkt för underskriften, ISO 8601 med tidszon.")
    method: str | None = Field(None, description="T.ex. 'Svensk e-legitimation'.")
    reference: str | None = Field(None, description="Underskriftens identifikations-id.")


class SigningIn(Strict):
    service: str | None = Field(None, description="E-signaturtjänst, t.ex. 'Comfact Signature'.")
    completed_at: Moment | None = None
    reference: str | None = None


class NextMeetingIn(Strict):
    date: Day | None = None
    time: str | None = None
    place: str | None = None
    body: str | None = Field(None, description="Organets nyckel, när mötet är ett annat organs.")
    other_body: str | None = Field(None, description="Namnet på ett organ utanför arkivet, när mötet är dess, t.ex. 'Systemledning'.")
    text: str | None = Field(None, description="Som i protokollet, t.ex. '5 maj kl. 8-12'.")


class AttachmentIn(Strict):
    title: str = Field(min_length=1)
    file: str | None = Field(None, description="Filnamn i mötets mapp; utelämnas för en bilaga som inte publiceras.")
    kind: Literal["bilaga", "beslutsunderlag", "handling"] = "bilaga"


SourceFormat = Literal["manuell", "pdf", "pdf-ocr", "docx", "odt", "rtf", "html", "latex", "typst", "org", "markdown", "text"]
"""How a protocol file came to be: typed by hand from the minutes (`manuell`), or imported from a
file of a format (`pdf-ocr`: a scanned PDF read by OCR). `protokollarkivet import` writes it."""


class CertifiedIn(Strict):
    name: str = Field(min_length=1, description="Vem som intygar att utdraget är rätt, t.ex. nämndsekreteraren.")
    title: str | None = Field(None, description="Befattning, t.ex. 'nämndsekreterare'.")
    place: str | None = None
    date: Day | None = Field(None, description="Dagen utdraget bestyrktes.")


class SourceIn(Strict):
    format: SourceFormat = Field(description="manuell (inskrivet för hand) eller formatet som importerades: pdf, pdf-ocr "
                                             "(inskannad pdf, tolkad med OCR), docx, odt, rtf, html, latex, typst, org, markdown, text.")
    file: str | None = Field(None, description="Namnet på filen som importerades.")


class CorrectionIn(Strict):
    date: Day
    text: str = Field(min_length=1, description="Vad som rättades.")


class FrontMatter(Strict):
    """The front matter of one meeting's file."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, title="Protokollarkivet: protokoll")

    body: str = Field(description="Organets nyckel i content/bodies.yml.")
    kind: Kind = Field(description="protokoll, protokollsutdrag (utdrag ur protokollet: bara de ärenden det tar upp) eller mötesanteckning.")
    date: Day = Field(description="Mötets (första) dag, ÅÅÅÅ-MM-DD; samma som filnamnet.")
    end_date: Day | None = Field(None, description="Sista dagen för ett flerdagarsmöte.")
    time: str | None = Field(None, description="Tid som i protokollet, t.ex. '8.30–12.00'.")
    place: str | None = Field(None, description="Plats.")
    office: str | None = Field(None, description="Tjänsteställe.")
    diarienummer: str | None = Field(None, description="Normaliserat diarienummer, t.ex. 'KS 2023/45', 'KS/2023:45', "
                                     "'123/2023', 'RS 2019-00123' eller 'HSN 422:1-2021'.")
    diarienummer_printed: str | None = Field(None, description="Diarienumret som det är tryckt, när det skiljer sig.")
    status: Status = Field(description="planerad, kallad, inställd (före mötet), utkast, slutlig, justerat eller anslaget.")
    cancelled_reason: str | None = Field(None, description="Varför mötet ställdes in (status inställd).")
    moved_to: Day | None = Field(None, description="Dagen ett inställt möte flyttades till.")
    public: bool | None = Field(None, description="Sammanträdet är öppet för allmänheten (true) eller inte (false).")
    notice_posted_on: Day | None = Field(None, description="Dagen kungörelsen om sammanträdet anslogs (fullmäktige, kommunallagen 5 kap.).")
    present: list[AttendeeIn] = Field(default_factory=list, description="Närvarande ledamöter och ersättare.")
    absent: list[AttendeeIn] = Field(default_factory=list, description="Frånvarande.")
    staff: list[AttendeeIn] = Field(default_factory=list, description="Tjänstepersoner och övriga närvarande.")
    guests: list[AttendeeIn] = Field(default_factory=list, description="Inbjudna och adjungerade.")
    officials: OfficialsIn = Field(default_factory=OfficialsIn)
    adjusted_on: Day | None = Field(None, description="Datum då protokollet justerades.")
    announced_on: Day | None = Field(None, description="Datum då justeringen anslogs på anslagstavlan (nämnder enligt kommunallagen).")
    corrections: list[CorrectionIn] = Field(default_factory=list, description="Rättelser efter publicering.")
    signatures: list[SignatureIn] = Field(default_factory=list)
    signing: SigningIn | None = None
    next_meetings: list[NextMeetingIn] = Field(default_factory=list, description="Nästa möte.")
    certified: CertifiedIn | None = Field(None, description="Rätt utdraget intygar (utdragsbestyrkande): vem som bestyrkt ett "
                                                            "protokollsutdrag, när och var.")
    original: str | None = Field(None, description="Filnamn på det undertecknade originalet (PDF) i mötets mapp.")
    source: SourceIn | None = Field(None, description="Varifrån protokollets text kommer: inskriven för hand eller importerad "
                                                      "(protokollarkivet import skriver det).")
    attachments: list[AttachmentIn] = Field(default_factory=list, description="Bilagor till hela protokollet.")


class FormerNameIn(Strict):
    name: str = Field(min_length=1)
    since: Day | None = Field(None, description="Första dagen namnet gällde.")
    until: Day | None = Field(None, description="Sista dagen namnet gällde.")


class MemberIn(Strict):
    name: str = Field(min_length=1)
    organisation: str | None = None
    party: str | None = None
    role: str | None = None
    title: str | None = None


class BodyIn(Strict):
    key: str = Field(pattern=KEY_PATTERN, max_length=40, description="Kort, stabil ASCII-nyckel för URL:er; ändras aldrig.")
    name: str = Field(min_length=1)
    short_name: str | None = None
    organisation: str = Field(min_length=1, description="Huvudman eller organisation som organet hör till.")
    description: str | None = None
    former_names: list[FormerNameIn] = Field(default_factory=list)
    members: list[MemberIn] = Field(default_factory=list)
    former_keys: list[str] = Field(default_factory=list, description="Nycklar som organet haft tidigare: deras adresser leds om hit.")
    assembly: bool = Field(False, description="Fullmäktige: sammanträdena kungörs på anslagstavlan minst en vecka före (kommunallagen 5 kap.).")
    local_government_act: bool = Field(False, description="Kommunallagen gäller (en nämnd eller styrelse): justeringen anslås och kan överklagas.")
    appeal_to: str | None = Field(None, description="Vart ett överklagande (laglighetsprövning) ställs, t.ex. 'Förvaltningsrätten i Umeå'.")
    item_types: list[str] = Field(default_factory=list, description="Organets egna ärendetyper (Typ:) utöver de allmänna, t.ex. 'Information och dialog'.")


class RedirectIn(Strict):
    from_: str = Field(alias="from", pattern=r"^[^/][^:]*$", description="Den gamla adressen, relativ webbplatsens rot: 'gammal/sida/'.")
    to: str = Field(pattern=r"^[^:]*$", description="Den nya adressen, relativ webbplatsens rot.")


class RemovedIn(Strict):
    url: str = Field(pattern=r"^[^/][^:]*$", description="Den borttagna sidans adress, relativ webbplatsens rot.")
    reason: str = Field(min_length=1, description="Varför sidan togs bort (visas på adressen).")
    removed_on: Day | None = None


class PermanenceIn(Strict):
    """content/redirects.yml: moved pages and pages withdrawn on purpose."""

    redirects: list[RedirectIn] = Field(default_factory=list)
    removed: list[RemovedIn] = Field(default_factory=list)


class PersonIn(Strict):
    """One person in content/people.yml: the spellings the minutes use for them, joined."""

    key: str = Field(pattern=KEY_PATTERN, max_length=80, description="Stabil ASCII-nyckel: personsidans adress /person/<key>/.")
    name: str = Field(min_length=1, description="Namnet som arkivet visar.")
    aliases: list[str] = Field(default_factory=list, description="Andra stavningar i protokollen, t.ex. med efternamnen i annan ordning.")


class TopicIn(Strict):
    key: str = Field(pattern=KEY_PATTERN, max_length=40)
    name: str = Field(min_length=1)
    description: str | None = None
    synonyms: list[str] = Field(default_factory=list)


class SynonymIn(Strict):
    """One entry of content/synonyms.yml: a word readers type, and what it means in the minutes."""

    word: str = Field(min_length=1, description="Ordet eller förkortningen som läsare skriver, t.ex. 'KS'.")
    same_as: list[str] = Field(min_length=1, description="Det eller de uttryck som betyder samma sak, t.ex. "
                                                        "['kommunstyrelsen']. Sökningen hittar vart och ett när man söker på det andra.")
