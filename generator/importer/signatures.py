"""The end of the minutes: signatures, the e-signature certificate, an appendix.

- E-signature pages ("SIGNATURSIDA", "Detta dokument har elektroniskt undertecknats"):
  records of `NAMN:`, `TITEL, ORGANISATION:`, `IDENTIFIKATIONSTYP:`, `IDENTIFIKATIONS-ID:`,
  `DATUM & TID:`, then "Certifierad av <service>", its time and `Ref:`.
- Signature blocks: a name with its role on a line next to it ("Jan Kilhamn" / "Tf Hälso- och
  sjukvårdsdirektör" / "Västra Götalandsregionen" / "Ordförande"), or "Ordförande" above a name,
  or "Justerare: Name".

A heading after the signatures starts an appendix that belongs to the meeting.
"""

from __future__ import annotations

import re

from . import dates
from .model import DraftMeeting, Line, Signature
from .people import _ROLE_ONLY, looks_like_name, same_person

CERTIFIED = re.compile(r"^(?:rätt\s+utdraget\s+(?:intygar|intygas|bestyrkes|bestyrks)|utdraget\s+(?:bestyrkes|bestyrks|intygas)|"
                       r"utdragets\s+riktighet\s+(?:intygas|bestyrks|bestyrkes))\b", re.IGNORECASE)
"""`Rätt utdraget intygar`: who certified an extract of the minutes as a true copy, below it. (Not
`Utdragsbestyrkande` alone: that is the label of the empty box in every page's footer.)"""
_RECORD = re.compile(r"^(?:verifikat|signeringsbevis|signaturbevis|granskningslogg|audit\s+trail|certificate\s+of\s+completion)$"
                     r"|^signaturerna\s+i\s+detta\s+dokument\s+är\s+juridiskt\s+bindande\b", re.IGNORECASE)
"""The heading of the record an e-signature service appends to the minutes it had signed (Scrive's
`Verifikat`): who signed and when, beside their e-mail addresses, which are not to be published."""
START = re.compile(
    r"^(?:signatursida|signaturer|underskrifter|underskrift|vid\s+protokollet|vid\s+(?:minnes|mötes)?anteckningarna|justeras|justerat|"
    r"detta\s+dokument\s+har\s+(?:elektroniskt|digitalt)\s+(?:under)?tecknats|elektronisk\s+signering|"
    r"dokumentet\s+är\s+(?:elektroniskt|digitalt)\s+signerat)\b" + rf"|{_RECORD.pattern}",
    re.IGNORECASE,
)
_RECORD_PARTY = re.compile(r"^(?P<who>signerare|undertecknare|signatories|signers|initierare|avsändare|sender|mottagare|recipients)\s*:?$",
                           re.IGNORECASE)
"""A record's list of those who signed (`Signerare`), or of others (`Initierare`: who sent it out)."""
_RECORD_SIGNED = re.compile(r"^(?:signerade|signerat|signerad|undertecknade|undertecknat|signed)\b", re.IGNORECASE)
_RECORD_SERVICE = re.compile(r"\b(?:(?:utfärdat|utfärdad|utfärdats)\s+av|issued\s+by|signerat\s+(?:genom|via))\s+"
                             r"(?P<service>[A-ZÅÄÖ][\w.-]*[\w])")
"""`Detta verifikat är utfärdat av Scrive.`, `Dokumentet är signerat genom Penneo`: the service."""
_RECORD_REFERENCE = re.compile(r"^(?:transaktion|transaction|dokument-id|document\s+id)\s*:?\s*(?P<ref>[\w-]{6,})$", re.IGNORECASE)
_RECORD_COMPLETED = re.compile(r"^(?:färdigställt|färdigställd|slutfört|slutförd|completed)\b", re.IGNORECASE)
_INITIALS = re.compile(r"\s*\([A-ZÅÄÖ]{1,4}\)\s*$")
"""`Anita Berg (AB)`: a signer's initials after the name in a record."""
_HOW_SIGNED = re.compile(r"^protokollet\s+(?:justeras|signeras|undertecknas|har\s+justerats|är\s+justerat)\s+"
                         r"(?:digitalt|elektroniskt|med\s+e-?legitimation|med\s+bank-?id|via\s+\S+)\.?$", re.IGNORECASE)
"""'Protokollet justeras digitalt.': a note on the signature page, not an appendix."""
_LISTED_ATTACHMENT = re.compile(r"^Bilaga\s+(?P<n>\d{1,2}|[A-Z])\s*[:.–-]\s*(?P<title>\S.{2,150})$")
"""`Bilaga 1: Presentation Ny organisation för hemtjänsten`: the minutes' attachments listed after
the signatures, each named by the item that encloses it ("bifogas minnesanteckningarna (bilaga 1)")."""
_ESIGN = re.compile(
    r"^(?P<label>namn|name|titel,?\s*organisation|titel|title|roll|organisation|identifikationstyp|identifikations-id|"
    r"id|datum\s*&\s*tid|datum\s+och\s+tid|tidpunkt|signerat|signed)\s*:\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_DATETIME = re.compile(r"(?P<d>(?:19|20)\d\d-\d\d-\d\d)[ T](?P<t>\d\d:\d\d(?::\d\d)?)\s*(?P<z>(?:[+-]\d\d:?\d\d|Z|UTC|CET|CEST))?")


def iso_datetime(text: str) -> str | None:
    match = _DATETIME.search(text)
    if not match:
        return None
    time = match["t"] if match["t"].count(":") == 2 else match["t"] + ":00"
    zone = match["z"] or ""
    if zone in ("UTC", "Z"):
        zone = "+00:00"
    elif zone in ("CET",):
        zone = "+01:00"
    elif zone in ("CEST",):
        zone = "+02:00"
    elif zone and ":" not in zone:
        zone = zone[:3] + ":" + zone[3:]
    return f"{match['d']}T{time}{zone}" if zone else None


def find_start(lines: list[Line], start: int, end: int, known: set[str]) -> int | None:
    """Index of the first line of the signatures within lines[start:end], or None."""
    for index in range(start, end):
        text = lines[index].text.strip()
        if not text:
            continue
        if START.match(text) or CERTIFIED.match(text) or re.match(r"^(?:NAMN|NAME)\s*:", text):
            return index
        if _signature_block_at(lines, index, end, known):
            return index
    return None


def _signature_block_at(lines: list[Line], index: int, end: int, known: set[str]) -> bool:
    """A name alone on its line with a role within the next four lines, no blank between;
    or a role alone with a name right below it."""
    text = lines[index].text.strip()
    if not looks_like_name(text, known):
        if _ROLE_ONLY.match(text.rstrip(":")):
            below = _next_nonblank(lines, index + 1, end)
            return below is not None and looks_like_name(lines[below].text.strip(), known) and _only_short_after(lines, below, end)
        return False
    for offset in range(1, 5):
        if index + offset >= end or lines[index + offset].blank:
            return False
        if _ROLE_ONLY.match(lines[index + offset].text.strip()):
            return True
    return False


def _roles_side_by_side(lines: list[Line], index: int, count: int) -> list[str] | None:
    """The roles in the next line, one per column ("Ordförande<TAB>Justerare"), or None."""
    below = _next_nonblank(lines, index, len(lines))
    if below is None:
        return None
    columns = [c.strip().rstrip(":") for c in lines[below].text.split("\t") if c.strip()]
    if len(columns) != count or not all(_ROLE_ONLY.match(c) for c in columns):
        return None
    return [c.lower() for c in columns]


def _only_short_after(lines: list[Line], index: int, end: int) -> bool:
    rest = [l for l in lines[index + 1:end] if not l.blank]
    return all(len(l.text.split()) <= 8 for l in rest[:6])


_LEADER = re.compile(r"^[._…\s-]*$")
"""A dotted or drawn line to sign on."""


def _certification(lines: list[Line], index: int, meeting: DraftMeeting, known: set[str]) -> int:
    """Who certified the extract, below `Rätt utdraget intygar`: a name (beside it the place and
    day: `Ellinor Sjöberg<TAB>Västerlida 2024-03-15`) and a title below; returns the index after."""
    certified: dict = {}
    while index < len(lines) and len(certified) < 4:
        text = lines[index].text.strip()
        cells = [c.strip() for c in text.split("\t") if c.strip()]
        if not text or _LEADER.match(text):
            index += 1
            continue
        if "name" not in certified and not (looks_like_name(cells[0], known) or dates.first_date(cells[0])):
            break
        if not all(_certifying(cell, certified, known) for cell in cells):
            break
        index += 1
    if "name" in certified:
        meeting.certified = certified
        meeting.guess(lines[index - 1].loc, "certified", ", ".join(str(v) for v in certified.values()))
    return index


def _certifying(cell: str, certified: dict, known: set[str]) -> bool:
    """Whether `cell` tells who certified, where or when (and it is taken into `certified`)."""
    if found := dates.first_date(cell):
        certified["date"] = found.start
        if place := (cell[:found.span[0]] + cell[found.span[1]:]).strip(" ,"):
            certified["place"] = place
    elif "name" not in certified and looks_like_name(cell, known):
        certified["name"] = cell
    elif "name" in certified and "title" not in certified and len(cell.split()) <= 4 and not looks_like_name(cell, known):
        certified["title"] = cell if cell[:2].isupper() else cell[0].lower() + cell[1:]  # (an acronym as printed)
    else:
        return False
    return True


def _label_role(text: str) -> str | None:
    """The role of those who sign below a label: `Justeras` -> justerare, `Vid protokollet` (or
    `Vid anteckningarna`) -> sekreterare."""
    if re.match(r"^(?:justeras|justerat|justerare|justerande)\b", text.strip(), re.IGNORECASE):
        return "justerare"
    if re.match(r"^(?:(?:underskrifter|underskrift)\s+)?(?:vid\s+protokollet|vid\s+(?:minnes|mötes)?anteckningarna|sekreterare|"
                r"protokollförare)\b", text.strip(), re.IGNORECASE):
        return "sekreterare"
    return None


def _signer(cell: str, known: set[str]) -> tuple[str, str | None] | None:
    """A cell of a row of signers: a name (`Jonna Eriksson`) or a name and its role (`Ingrid
    Sandell, ordförande`)."""
    cell = cell.strip()
    if looks_like_name(cell, known, lenient=True):
        return cell, None
    name, _, role = cell.partition(",")
    if role and looks_like_name(name.strip(), known, lenient=True) and _ROLE_ONLY.match(role.strip()):
        return name.strip(), role.strip().lower()
    return None


def _next_nonblank(lines: list[Line], index: int, end: int) -> int | None:
    for i in range(index, end):
        if not lines[i].blank:
            return i
    return None


class _Record:
    """An e-signature service's record after the minutes (`Verifikat` / `Signerare` / `Anita Berg (AB)`
    / `anita.berg@...` / `Signerade 2025-05-05 15:20:33 CEST`): the service, its reference and
    completion, and each signer's time, kept; none of its lines in the draft, so no e-mail address
    or organisation number is published."""

    def __init__(self, meeting: DraftMeeting, signing: dict, esigned: list[tuple[Signature, str]], known: set[str]):
        self.meeting, self.signing, self.esigned, self.known = meeting, signing, esigned, known
        self.signers = True
        """Whether a name is a signer's: until a list of others (`Initierare`), each is."""
        self.current: Signature | None = None

    def read(self, line: Line) -> None:
        text = line.text.strip()
        if party := _RECORD_PARTY.match(text):
            self.signers = party["who"].casefold() in ("signerare", "undertecknare", "signatories", "signers")
            self.current = None
        elif reference := _RECORD_REFERENCE.match(text):
            self.signing["reference"] = reference["ref"]
        elif _RECORD_COMPLETED.match(text) and (iso := iso_datetime(text)):
            self.signing["completed_at"] = iso
        elif (_RECORD_SIGNED.match(text) or _DATETIME.fullmatch(text)) and self.current is not None and (iso := iso_datetime(text)):
            self.current.signed_at = iso  # ("Signerade 2025-05-05 15:20:33 CEST (+0200)", or the time alone below the name)
            self.esigned.append((self.current, line.loc))
            self.current = None  # (the next name is the next signer's)
        elif self.current is not None and _ROLE_ONLY.match(text):
            self.current.role = text.lower()  # ("Anna Ek" / "Ordförande" / "Serienummer: ..." / "IP: ...")
        elif self.signers and self.current is None and looks_like_name(name := _INITIALS.sub("", text), self.known, lenient=True):
            self.current = next((s for s in self.meeting.signatures if same_person(s.name, name)), None)
            if self.current is None:
                self.current = Signature(name=name)
                self.meeting.signatures.append(self.current)
        if service := _RECORD_SERVICE.search(text):
            self.signing["service"] = service["service"]
        self.meeting.unplace(line, "the e-signature record (who signed and when is kept in the front matter)")


def parse_signatures(lines: list[Line], meeting: DraftMeeting, known: set[str]) -> int:
    """Read signatures from the lines; return the index where an appendix starts (or len)."""
    current: Signature | None = None
    index = 0
    signing: dict = {}
    signing_loc: list[str] = []
    esigned: list[tuple[Signature, str]] = []
    pending_role: str | None = None
    column_roles: list[str | None] = []
    role_above: str | None = None
    """A role that ended the line above ("Underskrifter<TAB>Sekreterare" / "Maria Lind"): the next
    name's, when it comes right below."""

    def done(at: int) -> int:
        if signing:
            meeting.signing = signing
            meeting.guess(signing_loc[0] if signing_loc else "signatures", "signing",
                          ", ".join(f"{k} {v}" for k, v in signing.items()))
        for signature, loc in esigned:
            details = ", ".join(f"{k} {v}" for k, v in (("role", signature.role), ("title", signature.title),
                                ("organisation", signature.organisation), ("signed at", signature.signed_at),
                                ("method", signature.method), ("reference", signature.reference)) if v)
            meeting.guess(loc, "signature", signature.name + (f" ({details})" if details else ""))
        return at

    record: _Record | None = None
    while index < len(lines):
        line = lines[index]
        text = line.text.strip()
        if not text:
            index += 1
            continue
        above, role_above = role_above, None
        if record is None and _RECORD.match(text):
            record = _Record(meeting, signing, esigned, known)
        if record is not None:
            record.read(line)
            index += 1
            continue
        if CERTIFIED.match(text):
            index = _certification(lines, index + 1, meeting, known)
            continue
        if line.heading and not _ESIGN.match(text) and not START.match(text) and current is None and meeting.signatures:
            return done(index)
        if match := _ESIGN.match(text):
            label, value = match["label"].casefold(), match["value"].strip()
            if label in ("namn", "name"):
                current = Signature(name=value)
                meeting.signatures.append(current)
                esigned.append((current, line.loc))
            elif current is not None:
                if label.startswith("titel") or label in ("title", "roll"):
                    role, _, organisation = value.partition(",")
                    if _ROLE_ONLY.match(role.strip()):
                        current.role = role.strip()
                    else:
                        current.title = role.strip()
                    current.organisation = organisation.strip() or current.organisation
                elif label == "organisation":
                    current.organisation = value
                elif label == "identifikationstyp":
                    current.method = value
                elif label in ("identifikations-id", "id"):
                    current.reference = value.lstrip("\\")
                elif iso := iso_datetime(value):
                    current.signed_at = iso
            index += 1
            continue
        if match := re.match(r"^(?:certifierad|signerad|verifierad)\s+av\s+(?P<service>.+)$", text, re.IGNORECASE):
            signing["service"] = match["service"].strip()
            signing_loc.append(line.loc)
            current = None
        elif "service" in signing and (iso := iso_datetime(text)) and "completed_at" not in signing:
            signing["completed_at"] = iso
        elif match := re.match(r"^(?:ref|referens|referensnummer|dokument-id)\s*[:.]?\s*(?P<ref>\S+)$", text, re.IGNORECASE):
            if "service" in signing:
                signing["reference"] = match["ref"]
        elif _ROLE_ONLY.match(text.rstrip(":")) and (below := _next_nonblank(lines, index + 1, len(lines))) is not None \
                and looks_like_name(lines[below].text.strip(), known) and not _ROLE_ONLY.match(lines[below].text.strip()):
            # "Ordförande" / "Anna Ek"; "Justerare" / "Anna Ek<TAB>Per Al": each with the role
            role = text.rstrip(":").strip().lower()
            for name in [c.strip() for c in lines[below].text.split("\t") if c.strip()]:
                meeting.signatures.append(Signature(name=name, role=role))
                meeting.guess(line.loc, "signature", f"{name} ({role})")
            index = below + 1
            continue
        elif "\t" in text and all(_signer(c, known) for c in text.split("\t") if c.strip()):
            # "Lars Ek<TAB>Ola Berg" under "Justeras": names side by side, their roles in the line below
            # when it has one for each ("Ordförande<TAB>Justerare": the chair signs too, as chair), else
            # as each cell ("Ingrid Sandell, ordförande") or its column's label ("Vid protokollet<TAB>Justeras") says
            signers = [_signer(c, known) for c in text.split("\t") if c.strip()]
            roles = _roles_side_by_side(lines, index + 1, len(signers))
            columns = column_roles if len(column_roles) == len(signers) else [pending_role] * len(signers)
            for (name, own), role in zip(signers, roles or columns):  # type: ignore[misc]
                role = own or role
                meeting.signatures.append(Signature(name=name, role=role))
                meeting.guess(line.loc, "signature", name + (f" ({role})" if role else ""))
            if roles:
                index = _next_nonblank(lines, index + 1, len(lines)) + 1  # type: ignore[operator]
                continue
        elif above is not None and looks_like_name(text, known) and not _ROLE_ONLY.match(text):
            signature = Signature(name=text, role=above)
            meeting.signatures.append(signature)
            meeting.guess(line.loc, "signature", f"{signature.name} ({signature.role})")
        elif looks_like_name(text, known) and not _ROLE_ONLY.match(text):
            # "Jan Kilhamn" / "Tf Hälso- och sjukvårdsdirektör" / "Västra Götalandsregionen" / "Ordförande"
            block = []
            probe = index + 1
            while probe < len(lines) and not lines[probe].blank and len(block) < 4:
                block.append(lines[probe].text.strip())
                probe += 1
            roles = [b for b in block if _ROLE_ONLY.match(b)]
            signature = Signature(name=text, role=roles[0].lower() if roles else pending_role)
            others = [b for b in block if b not in roles]
            if others:
                signature.title = others[0]
            if len(others) > 1:
                signature.organisation = others[1]
            meeting.signatures.append(signature)
            meeting.guess(line.loc, "signature", text + (f" ({signature.role})" if signature.role else ""))
            current = None
            index = probe
            continue
        elif listed := _LISTED_ATTACHMENT.match(text):
            meeting.listed_attachments.append((listed["n"], listed["title"].strip(), line))
        elif _HOW_SIGNED.match(text):
            meeting.unplace(line, "how the minutes are signed (the signatures are in the front matter)")
        elif line.hinted and meeting.signatures and not START.match(text):
            return done(index)
        else:
            pending_role = _label_role(text) or pending_role
            labels = [_label_role(c) for c in text.split("\t") if c.strip()]
            if len(labels) > 1 and all(labels):
                column_roles = labels
            meeting.unplace(line, "signature page text (the signatures are in the front matter)")
            roles = [c.strip().rstrip(":").lower() for c in text.split("\t")[1:] if _ROLE_ONLY.match(c.strip().rstrip(":"))]
            if roles:
                role_above = roles[-1]
        index += 1
    return done(len(lines))
