"""Personal data the importer keeps out of every draft, report and log, as the file is read.

- Identity numbers: a valid personnummer or samordningsnummer, and the name written before it
  (`privacy.withhold_identity_numbers`).
- The private party of an individual case: minutes of a bygg- och miljönämnd or a socialnämnd
  name who applied, appealed or owns (`Sökande: Anders Lindqvist, Granbyvägen 4, 871 91 Norrvik`).
  Where that party is a person (a given name first, no company or authority in the value), the
  value is withheld, and the person's full name wherever else the file writes it. A company, an
  association or an authority (`Sökande: Norrvik Marina AB`) is no personal data and stays.
  A member of the body written with the party (`Anna Dahl (C) anmäler jäv`) is named in that
  role, and that mention stays.
- A person written with a home address anywhere in the text (`Elsa Karlsson, Storgatan 14 B,
  Älvhamn, har lämnat in ett medborgarförslag`): the name and the address, and the name elsewhere.

Each replaced by `[uppgift borttagen]`; the report says where, never what.
"""

from __future__ import annotations

import re

from ..privacy import REDACTED, withhold_identity_numbers
from .givennames import is_given_name
from .model import Line
from .people import name_tokens

_PARTY_ROLES = (r"sökande|sökanden|medsökande|klagande|klaganden|fastighetsägare|fastighetsägaren|ägare|den\s+enskilde|"
                r"anmälare|anmälaren|motpart|tillståndshavare|byggherre|verksamhetsutövare|den\s+klagande")
_PARTY_FIELD = re.compile(rf"^(?P<label>(?:{_PARTY_ROLES})(?:\s+(?:och|/)\s+(?:{_PARTY_ROLES}))?)\s*(?::\s*|\t+)(?P<value>\S.*)$",
                          re.IGNORECASE)
_ORGANISATION = re.compile(
    r"\b(?:AB|HB|KB|aktiebolag|bolag|bolaget|brf|bostadsrättsförening(?:en)?|förening(?:en)?|stiftelse(?:n)?|kommun|"
    r"region(?:en)?|förvaltning(?:en)?|nämnd(?:en)?|länsstyrelse(?:n)?|myndighet(?:en)?|verket|församling(?:en)?|"
    r"samfällighet(?:sförening)?(?:en)?|ltd|inc|gmbh|oy|as|asa|dödsbo(?:et)?)\b|&", re.IGNORECASE)
_MEMBER_MENTION = re.compile(r"\s*\((?:[A-ZÅÄÖ]{1,3})\)")


def withhold_personal_data(lines: list[Line]) -> list[str]:
    """Withhold both kinds in `lines` (in place); the report's notes, by where each was."""
    notes = []
    for line in lines:
        line.text, count = withhold_identity_numbers(line.text)
        addresses = 0
        if count:
            line.text, addresses = _ADDRESS_OF_WITHHELD.subn(REDACTED, line.text)
        also = " and the address after it" if addresses else ""
        notes += [f"{line.loc}: an identity number (personnummer or samordningsnummer), and the name written before it{also}, "
                  f"left out of the draft as '{REDACTED}'; the source still holds them"] * count
    notes += _withhold_private_parties(lines)
    return notes


def private_parties(value: str) -> list[str]:
    """The full names of the people a party field's value starts with (`Anders Lindqvist, Granbyvägen
    4` -> `Anders Lindqvist`; `Anna och Per Berg` -> `Anna Berg`, `Per Berg`); none for a company,
    an association, an authority or a value that names no one. A home address after the names makes
    them private persons also when no list holds their given names (`Ahmad Rahimi och Sofia Rahimi,
    Lyckevägen 22`)."""
    if _ORGANISATION.search(value):
        return []
    head = re.sub(r"\s+(?:m\.\s?fl\.?|med\s+flera)$", "", re.split(r"[,;(]", value, maxsplit=1)[0].strip())
    people = _persons(head)
    if len(people) > 1 and all(_given(person) for person in people[:-1]):
        people = [f"{person} {people[-1].split()[-1]}" for person in people[:-1]] + people[-1:]  # "Anna och Per Berg"
    at_home = bool(_STREET.search(value))
    names = [name for person in people if (name := _full_name(person) or (at_home and _any_full_name(person)))]
    return names if names and len(names) == len(people) else []


def _persons(text: str) -> list[str]:
    """`A och B` -> [A, B]."""
    return [part.strip() for part in re.split(r"\s+(?:och|samt)\s+", text)]


def _given(text: str) -> bool:
    return len(text.split()) == 1 and is_given_name(text)


def _full_name(text: str) -> str | None:
    tokens = name_tokens(text)
    if tokens is None or not 2 <= len(tokens) <= 4 or not is_given_name(tokens[0]) or any(t.isupper() for t in tokens):
        return None
    return " ".join(tokens)


def _any_full_name(text: str) -> str | None:
    """Two or more name-shaped words, whatever the given name."""
    tokens = name_tokens(text)
    return " ".join(tokens) if tokens and len(tokens) >= 2 else None


_STREET_NAME = (r"(?:[A-ZÅÄÖ][a-zåäö]+(?:gatan|vägen|väg|gränd|gränden|stigen|stig|backen|backe|torget|torg|allén|leden|"
                r"stråket|plan|gata|gläntan|slingan|liden|hagen|gården|ängen|höjden|udden|viken|gången|gång|kroken|svängen|"
                r"raden|platsen|kajen)\s+\d+"
                # any name with a number before a postcode: "Solbacka 4, 834 97 Hällsjö"
                r"|[A-ZÅÄÖ][a-zåäö]+(?:\s+[A-ZÅÄÖ][a-zåäö]+)?\s+\d+(?:\s?[A-Za-z]\b)?(?=,\s*\d{3}\s?\d{2}\s+[A-ZÅÄÖ]))")
_STREET = re.compile(rf"\b{_STREET_NAME}")
_NAME_WORDS = r"[A-ZÅÄÖ][a-zåäöé]+(?:[- ][A-ZÅÄÖ][a-zåäöé]+){1,3}"
_ADDRESS = rf"{_STREET_NAME}(?:\s?[A-Za-z]\b)?(?:,\s*(?:\d{{3}}\s?\d{{2}}\s+)?[A-ZÅÄÖ][a-zåäö]+)?"
_HOME_ADDRESS = re.compile(rf"(?P<name>(?:{_NAME_WORDS}\s+(?:och|samt)\s+)?{_NAME_WORDS}),\s+{_ADDRESS}")
"""`Elsa Karlsson, Storgatan 14 B, Älvhamn`: a person written with a home address (one who wrote
to the body, a neighbour), in running text as in a party field."""
_VENUE_WORD = re.compile(r"(?:huset|rummet|salen|centrum|centret|center|skolan|gymnasiet|biblioteket|kyrkan|hallen|hotell|"
                         r"hotellet|boendet|kontoret|stationen|teatern|muséet|museet|kansliet|kliniken)$", re.IGNORECASE)
"""A word that names a building or a room (`Vårdcentrum Eken, Storgatan 4`, `Kulturhuset Väven,
Storgatan 2`): the meeting's venue or a public place at its street address, no person's home."""
_ADDRESS_OF_WITHHELD = re.compile(rf"{re.escape(REDACTED)},\s+{_ADDRESS}")
"""`[uppgift borttagen], Kvarnbacken 3, Hällsjö`: the address of a person withheld with an identity number."""


def _withhold_home_addresses(line: Line, names: set[str]) -> int:
    """Withhold each person written with a home address in `line`; how many."""
    found = []
    for match in _HOME_ADDRESS.finditer(line.text):
        people = [_any_full_name(person) for person in _persons(match["name"])]
        if all(people) and not _ORGANISATION.search(match[0]) and not any(_VENUE_WORD.search(w) for w in match["name"].split()):
            found.append(match)
            names.update(people)
    for match in reversed(found):
        line.text = f"{line.text[:match.start()]}{REDACTED}{line.text[match.end():]}"
    if found:
        line.cells = ()
    return len(found)


def _withhold_private_parties(lines: list[Line]) -> list[str]:
    notes: list[str] = []
    names: set[str] = set()
    for line in lines:
        field = _PARTY_FIELD.match(line.text.strip())
        if field is None and _withhold_home_addresses(line, names):
            notes.append(f"{line.loc}: a private person written with a home address: the name and the address left out of "
                         f"the draft as '{REDACTED}'; the source still holds them")
        if field is None or not (people := private_parties(field["value"])):
            continue
        names.update(people)
        line.text = f"{field['label']}: {REDACTED}"
        line.cells = ()
        notes.append(f"{line.loc}: '{field['label']}' names a private person in an individual case: the name and what "
                     f"follows it left out of the draft as '{REDACTED}'; the source still holds them")
    if not names:
        return notes
    mention = re.compile(r"\b(?:" + "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True)) + r")\b")

    def without(text: str) -> str:
        return mention.sub(lambda m: m[0] if _MEMBER_MENTION.match(text, m.end()) else REDACTED, text)

    for line in lines:
        if (text := without(line.text)) != line.text:
            line.text, line.cells = text, tuple(without(cell) for cell in line.cells)
            notes.append(f"{line.loc}: the same private person's name left out of the draft as '{REDACTED}'")
    return notes
