"""The archive as a static OParl 1.1 endpoint: one JSON file per object and per list page.

OParl (https://oparl.org, schemas at https://schema.oparl.org/1.1/) is the open standard in which
council information systems publish their meetings; its clients (Meine Stadt Transparent,
aggregators, research scrapers) start at a `System` object and follow URLs. Here every object's
`id` is the URL of a static file that holds it (`…/meeting/lsg/2021-02-19.json`), so any static
host serves the endpoint without a server rule, and every reference is such a URL.

The mapping, in short (docs/opendata.md has it in full, with the reasons):

- the archive is one `Body`, named by the `organisation` plugin option; our bodies (organ) are
  its `Organization`s, each body's own `organisation` a vendor field;
- a meeting is a `Meeting` (`meetingState` from our status), its items `AgendaItem`s (decisions
  joined as `resolutionText`), its place a `Location`, its published files `File`s (the signed
  original as `resultsProtocol`);
- a diarienummer is a `Paper` (its `reference`), taken up at items and meetings as
  `Consultation`s;
- people named in their public role (attendees, presenters, proposers, voters, registry members)
  are `Person`s, the same as the person pages; none with `people: false`;
- what OParl has no field for is in vendor fields prefixed `protokollarkivet:`, as OParl's
  "herstellerspezifische Erweiterungen" prescribe.

External lists are written as pages of `PAGE_SIZE` objects linked by `links.next`. A static
endpoint ignores OParl's filter parameters (`modified_since`, ...): a client always receives the
whole list and compares `modified`. Without a `site_url` there are no absolute URLs to give, and no
endpoint is written.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Iterable, Protocol

import orjson

from . import appeal, collector, dnr, urls
from .feeds import STOCKHOLM
from .derive import Facts
from .history import History
from .load import BODIES_FILE, PEOPLE_FILE, REDIRECTS_FILE
from .model import Archive, Attachment, Attendee, Block, Item, Meeting
from .people import name_key
from .settings import Settings
from .labels import meeting_title
from .text import unshared

OPARL = "https://schema.oparl.org/1.1/"
VENDOR = "protokollarkivet:"
PAGE_SIZE = 100
"""Objects per list page: OParl recommends paging lists longer than 100."""

MEETING_STATES = {"planerad": "terminiert", "kallad": "eingeladen", "inställd": "terminiert", "utkast": "eingeladen", "slutlig": "durchgeführt", "justerat": "durchgeführt", "anslaget": "durchgeführt"}
"""OParl's recommended states: `terminiert` when the day is set, `eingeladen` once called and
until the minutes are released, `durchgeführt` after; a cancelled meeting also has `cancelled`.
A draft (utkast) is only ever shown by the preview."""

BODY_LISTS = ("organization", "person", "meeting", "paper", "agendaItem", "file", "consultation", "locationList",
              "legislativeTermList", "membership")
"""The Body's external lists (OParl 1.1 requires all ten), by property."""
_LIST_FILES = {"organization": "organizations", "person": "persons", "meeting": "meetings", "paper": "papers",
               "agendaItem": "agenda-items", "file": "files", "consultation": "consultations", "locationList": "locations",
               "legislativeTermList": "legislative-terms", "membership": "memberships"}

_MEETING_SLUG = re.compile(r"^\d{4}-\d{2}-\d{2}(?:-\d+)?$")
_CLOCK = re.compile(r"(\d{1,2})(?:[.:](\d{2}))?(?:\s*[-–]\s*(\d{1,2})(?:[.:](\d{2}))?)?")

_Object = dict


class Files(Protocol):
    """Where the endpoint's files go (`staging.ChangedWriter`), by site-relative path."""

    def __setitem__(self, path: str, data: bytes) -> None: ...
    def __contains__(self, path: object) -> bool: ...

    def carry(self, path: str) -> bool:
        """The file stays as the last build wrote it, if it wrote one (whether it did)."""

    def compose(self, path: str, head: bytes, parts: Sequence[str], tail: bytes) -> None:
        """The file `head`, then the files `parts` (given before) joined by commas, then `tail`."""


class _Collected(dict):
    """The endpoint's files in memory (`oparl_files`), with nothing to carry."""

    def carry(self, path: str) -> bool:
        return False

    def compose(self, path: str, head: bytes, parts: Sequence[str], tail: bytes) -> None:
        self[path] = head + b",".join(map(self.__getitem__, parts)) + tail


@dataclass(frozen=True)
class MadeOf:
    """What a meeting's objects are made of, to make only those of meetings that changed: the key
    the parse cache read each meeting by (`load.meetings_read_by`: its file, its attachments'
    names and sizes, the registries, the code that read it), and the last build's record of what
    made each meeting's objects (empty: every meeting is made)."""

    read_by: Callable[[Meeting], str | None]
    last: Mapping[str, str] = field(default_factory=dict)


def oparl_files(facts: Facts, settings: Settings, history: History) -> dict[str, bytes]:
    """Site-relative path -> JSON bytes, for every object and list page of the endpoint."""
    files = _Collected()
    write_oparl_files(facts, settings, history, files)
    return dict(sorted(files.items()))


@dataclass(frozen=True)
class Written:
    made_of: dict[str, str] = field(default_factory=dict)
    """What each meeting's objects were made of, by the meeting object's path, for the next build."""
    carried: int = 0
    """Meetings whose objects were carried, not made."""
    meetings: int = 0


def write_oparl_files(facts: Facts, settings: Settings, history: History, out: Files,
                      made_of: MadeOf | None = None) -> Written:
    """Every object and list page of the endpoint into `out` (site-relative path -> JSON bytes),
    as they are made. With `made_of`, a meeting whose objects the last build made of what they
    would be made of now is not made again: its files are carried."""
    if not settings.site_url:
        return Written()
    with collector.paused():  # (hundreds of thousands of small dicts, none in a cycle: the collector only costs time)
        endpoint = _Endpoint(facts, settings, history, out, made_of)
        endpoint.write()
        return Written(endpoint.made_of, endpoint.carried, len(facts.archive.meetings))


def published_urls(settings: Settings) -> list[str]:
    """The endpoint's entry points, which clients are configured with: in the URL manifest."""
    return [urls.oparl_system(), urls.oparl_bodies(), urls.oparl_body()] if settings.site_url else []


def body_name(archive: Archive, settings: Settings) -> str:
    """The Body's name: the archive's organisation, else the one organisation all its bodies share."""
    shared = {body.organisation for body in archive.bodies.values()}
    return settings.organisation or (shared.pop() if len(shared) == 1 else "Protokollarkivet")


@dataclass
class _Person:
    name: str
    sources: list[str] = field(default_factory=list)
    """Content files that name the person (for created/modified)."""
    page: bool = False
    """Named in the minutes, so the person has a person page."""


@dataclass
class _File:
    attachment: Attachment
    kind: str
    meetings: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)


class _Endpoint:
    def __init__(self, facts: Facts, settings: Settings, history: History, out: Files, made_of: MadeOf | None = None):
        self.archive, self.settings, self.history = facts.archive, settings, history
        self.base = settings.site_url
        self.people = facts.people
        self.persons: dict[str, _Person] = {}
        self.lists: dict[str, list[str]] = defaultdict(list)
        """Body list property -> its objects' files, in list order."""
        self.person_urls: dict[int, dict[str, str]] = {}
        """Meeting (by id) -> each name as written in it -> its Person's URL."""
        self.files_out = out
        self.read_by = made_of.read_by if made_of else lambda meeting: None
        self.last_made_of = made_of.last if made_of else {}
        self.made_of: dict[str, str] = {}
        """Each meeting's object path -> what its objects were made of (`_made_of`)."""
        self.carried = 0
        self.organization_meetings: dict[str, list[str]] = defaultdict(list)
        self.papers: dict[str, list[_Object]] = {}
        """Paper key -> its consultations (embedded form), in archive order."""
        self.paper_names: dict[str, tuple[str, str]] = {}
        self.paper_sources: dict[str, list[str]] = defaultdict(list)
        self.attachments: dict[str, _File] = {}

    def url(self, path: str) -> str:
        return self.base + path

    # -- the whole endpoint ------------------------------------------------------------------

    def write(self) -> None:
        if self.settings.people:
            self._index_people()
        for meeting in self.archive.meetings:
            self._meeting(meeting)
        self._files()
        self._papers()
        memberships = self._memberships() if self.settings.people else {}
        self._persons(memberships)
        self._organizations(memberships)
        self._list(urls.oparl_bodies(), [self._write(urls.oparl_body(), self._body())])
        self._write(urls.oparl_system(), self._system())
        for prop in BODY_LISTS:
            self._list(urls.oparl_list(urls.oparl_body(), _LIST_FILES[prop]), self.lists[prop])
        for key in sorted(self.archive.bodies):
            self._list(urls.oparl_list(urls.oparl_organization(key), "meetings"), self.organization_meetings[key])
        self._gone()

    def _system(self) -> _Object:
        created, modified = self.history.whole()
        contact = self.settings.accessibility.contact_email
        return _clean({
            "id": self.url(urls.oparl_system()), "type": OPARL + "System", "oparlVersion": OPARL,
            "name": self.settings.organisation or "Protokollarkivet", "body": self.url(urls.oparl_bodies()),
            "contactEmail": contact, "contactName": self.settings.organisation if contact else None,
            "website": self.base, "web": self.base, **_dates(created, modified),
        })

    def _body(self) -> _Object:
        created, modified = self.history.whole()
        owner = urls.oparl_body()
        return _clean({
            "id": self.url(owner), "type": OPARL + "Body", "system": self.url(urls.oparl_system()),
            "name": body_name(self.archive, self.settings),
            **{prop: self.url(urls.oparl_list(owner, _LIST_FILES[prop])) for prop in BODY_LISTS},
            "legislativeTerm": [], "web": self.base, **_dates(created, modified),
        }, keep=("legislativeTerm",))

    # -- meetings and what they hold -----------------------------------------------------------

    def _meeting(self, meeting: Meeting) -> None:
        source = _source(meeting)
        dates = _dates(*self.history.span([source]))
        path = urls.oparl_meeting(meeting)
        made_of = self._made_of(meeting, source)
        if made_of is not None:
            self.made_of[path] = made_of
            if self.last_made_of.get(path) == made_of and self._carried(meeting, dates):
                self.carried += 1
                return
        mid = self.url(path)
        organization = self.url(urls.oparl_organization(meeting.body))
        items = []
        for order, item in enumerate(meeting.items):
            embedded = self._agenda_item(meeting, item, order, dates, organization)
            items.append(embedded)
            standalone = {**embedded, "meeting": mid}
            self.lists["agendaItem"].append(self._write(urls.oparl_agenda_item(meeting, item), standalone))
        location = None
        if meeting.place:
            location = {"id": self.url(urls.oparl_location(meeting)), "type": OPARL + "Location",
                        "description": meeting.place, **dates}
            self.lists["locationList"].append(self._write(urls.oparl_location(meeting), {**location, "meetings": [mid]}))
        if meeting.diarienummer:
            self._consultation(meeting, None, meeting.diarienummer.normalised, dates, organization)
        start, end = meeting_times(meeting)
        out = _clean({
            "id": mid, "type": OPARL + "Meeting", "name": meeting_title(meeting, self.archive.bodies[meeting.body]),
            "meetingState": MEETING_STATES.get(meeting.status, "durchgeführt"), "cancelled": meeting.status == "inställd",
            "start": start, "end": end, "location": location, "organization": [organization],
            "participant": self._participants(meeting) if self.settings.people else None,
            "resultsProtocol": self._file_ref(meeting.original, "original", mid, None) if meeting.original else None,
            "auxiliaryFile": [self._file_ref(a, a.kind, mid, None) for a in meeting.attachments if a.file],
            "agendaItem": items, "web": self.url(urls.meeting(meeting).url), **dates,
            VENDOR + "status": meeting.status, VENDOR + "kind": meeting.kind, VENDOR + "time": meeting.time,
            VENDOR + "diarienummer": meeting.diarienummer.normalised if meeting.diarienummer else None,
            VENDOR + "adjustedOn": _day(meeting.adjusted_on), VENDOR + "announcedOn": _day(meeting.announced_on),
            VENDOR + "lastAppealDay": _day(appeal.last_appeal_day(meeting.announced_on)) if meeting.announced_on else None,
            VENDOR + "attendance": self._attendance(meeting) if self.settings.people else None,
            VENDOR + "attachmentsNotPublished": [a.title for a in meeting.attachments if not a.file],
            VENDOR + "corrections": [{"date": day.isoformat(), "text": text} for day, text in meeting.corrections],
            VENDOR + "cancelledReason": meeting.cancelled_reason, VENDOR + "movedTo": _day(meeting.moved_to),
            VENDOR + "public": meeting.public,
        }, keep=("cancelled",))
        self.lists["meeting"].append(self._write(path, out))
        self.organization_meetings[meeting.body].append(path)

    def _made_of(self, meeting: Meeting, source: str) -> str | None:
        """What the meeting's objects are made of, besides the code and the settings (a build whose
        frame changed makes every file): the meeting as read, and the dates of its file and of its
        attachments. None where they are made of more: a file another meeting attached first is
        embedded as that meeting has it."""
        read_by = self.read_by(meeting)
        attached = [a.file for a in _attachments(meeting) if a.file]
        if read_by is None or any(file in self.attachments for file in attached):
            return None
        spans = (self.history.span([path]) for path in (source, *attached))
        return " ".join([read_by, *(f"{created.isoformat()}/{modified.isoformat()}" for created, modified in spans)])

    def _carried(self, meeting: Meeting, dates: dict) -> bool:
        """The meeting's objects, made of what they were made of by the last build, kept as it
        wrote them, if it wrote them all; what the papers and files list of it taken up again."""
        own = urls.oparl_meeting(meeting)
        items = [urls.oparl_agenda_item(meeting, item) for item in meeting.items]
        location = [urls.oparl_location(meeting)] if meeting.place else []
        taken_up = _taken_up(meeting)
        consultations = [urls.oparl_consultation(meeting, dnr.key(number), item) for item, number in taken_up]
        if not all(self.files_out.carry(path) for path in (*items, *location, *consultations, own)):
            return False
        mid, organization = self.url(own), self.url(urls.oparl_organization(meeting.body))
        for item, number in taken_up:
            self._consultation(meeting, item, number, dates, organization, carried=True)
        for item, path in zip(meeting.items, items):
            for a in item.attachments:
                if a.file:
                    self._take_file(a, a.kind, None, self.url(path))
        self.lists["agendaItem"] += items
        self.lists["locationList"] += location
        if meeting.original:
            self._take_file(meeting.original, "original", mid, None)
        for a in meeting.attachments:
            if a.file:
                self._take_file(a, a.kind, mid, None)
        self.lists["meeting"].append(own)
        self.organization_meetings[meeting.body].append(own)
        return True

    def _agenda_item(self, meeting: Meeting, item: Item, order: int, dates: dict, organization: str) -> _Object:
        iid = self.url(urls.oparl_agenda_item(meeting, item))
        consultations = [self._consultation(meeting, item, number, dates, organization) for number in _numbers(item)]
        return _clean({
            "id": iid, "type": OPARL + "AgendaItem", "number": item.number, "order": order, "name": unshared(item.title),
            "public": False if item.secrecy else None, "consultation": consultations[0] if consultations else None,
            "resolutionText": unshared("\n\n".join(d.text for d in item.decisions)),
            "auxiliaryFile": [self._file_ref(a, a.kind, None, iid) for a in item.attachments if a.file],
            "web": self.url(urls.item(meeting, item)), **dates,
            VENDOR + "printedNumber": item.printed_number, VENDOR + "type": item.type_printed,
            VENDOR + "secrecy": item.secrecy, VENDOR + "dispatchedTo": list(item.dispatched_to),
            VENDOR + "adjustedAtMeeting": True if item.adjusted_at_meeting else None,
            VENDOR + "diarienummer": list(_numbers(item)),
            VENDOR + "topics": [{"name": self.archive.topics[key].name, "web": self.url(urls.topic(key).url)}
                                for key in item.topics if key in self.archive.topics],
            VENDOR + "presenters": [_clean({**self._name(p.name, meeting), "description": p.description})
                                    for p in item.presenters],
            VENDOR + "blocks": [self._block(meeting, b) for b in item.blocks],
            VENDOR + "reports": [self.url(urls.reported(ref)) for ref in item.reports],
            VENDOR + "attachmentsNotPublished": [a.title for a in item.attachments if not a.file],
        }, keep=("order",))

    def _block(self, meeting: Meeting, block: Block) -> _Object:
        """A decision, proposal, vote, dissent, note or jäv: OParl has only the decisions' joined text."""
        names = lambda written: [self._name(n, meeting) for n in written]  # noqa: E731
        return _clean({
            "web": self.url(urls.block(meeting, block)), "kind": block.kind, "text": unshared(block.text), "by": names(block.by),
            "yes": names(block.yes), "no": names(block.no), "abstain": names(block.abstain), "result": block.result,
            "assignments": [_clean({"web": self.url(urls.assignment(meeting, a)), "who": a.who, "what": a.what,
                                    "due": a.due_text, "dueDate": _day(a.due_date)}) for a in block.assignments],
        })

    def _consultation(self, meeting: Meeting, item: Item | None, number: str, dates: dict, organization: str,
                      carried: bool = False) -> str:
        """A diarienummer taken up at an item (or the protocol's own): its Consultation's URL; its
        file not written where `carried`."""
        key = dnr.key(number)
        path = urls.oparl_consultation(meeting, key, item)
        embedded = _clean({
            "id": self.url(path), "type": OPARL + "Consultation",
            "agendaItem": self.url(urls.oparl_agenda_item(meeting, item)) if item else None,
            "meeting": self.url(urls.oparl_meeting(meeting)), "organization": [organization],
            "authoritative": any(b.kind == "beslut" for b in item.decisions) if item else False,
            "role": item.type_printed if item else "protokoll", **dates,
        }, keep=("authoritative",))
        self.papers.setdefault(key, []).append(embedded)
        self.paper_names.setdefault(key, (number, item.title if item else f"Diarienummer {number}"))
        if item and self.paper_names[key][1] == f"Diarienummer {number}":
            self.paper_names[key] = (number, item.title)  # (an item names the case better than the protocol)
        self.paper_sources[key].append(_source(meeting))
        if not carried:
            self._write(path, {**embedded, "paper": self.url(urls.oparl_paper(key))})
        self.lists["consultation"].append(path)
        return embedded["id"]

    def _file_ref(self, attachment: Attachment, kind: str, meeting: str | None, item: str | None) -> _Object:
        """A published file, embedded where it is attached; its own object is written once, with
        every place that attaches it (`_files`)."""
        return self._file_object(self._take_file(attachment, kind, meeting, item))

    def _take_file(self, attachment: Attachment, kind: str, meeting: str | None, item: str | None) -> _File:
        assert attachment.file is not None
        found = self.attachments.setdefault(attachment.file, _File(attachment, kind))
        if meeting:
            found.meetings.append(meeting)
        if item:
            found.items.append(item)
        return found

    def _file_object(self, found: _File) -> _Object:
        a = found.attachment
        assert a.file is not None
        return _clean({
            "id": self.url(urls.oparl_file(a.file)), "type": OPARL + "File", "name": a.title,
            "fileName": a.file.rsplit("/", 1)[-1], "mimeType": a.media_type, "size": a.size,
            "accessUrl": self.url(urls.file(a.file)), **_dates(*self.history.span([a.file])), VENDOR + "kind": found.kind,
        })

    def _files(self) -> None:
        for path, found in self.attachments.items():
            standalone = _clean({**self._file_object(found), "meeting": list(dict.fromkeys(found.meetings)),
                                 "agendaItem": list(dict.fromkeys(found.items))})
            self.lists["file"].append(self._write(urls.oparl_file(path), standalone))

    # -- people --------------------------------------------------------------------------------

    def _index_people(self) -> None:
        """Everyone the minutes name in a role, keyed as the person pages are (people.py)."""
        person_url: dict[str, str] = {}  # (one string a person: a copy per meeting was 34 MB more at 10,000 protocols)
        for meeting in self.archive.meetings:
            source = _source(meeting)
            written = [a.name for group in (meeting.present, meeting.absent, meeting.staff, meeting.guests) for a in group]
            for item in meeting.items:
                written += [p.name for p in item.presenters]
                for block in item.blocks:
                    written += [*block.by, *block.yes, *block.no, *block.abstain]
            resolved = self.person_urls[id(meeting)] = {}
            for name in written:
                if name in resolved:
                    continue
                mention = self.people.resolve(name, meeting)
                resolved[name] = person_url.get(mention.key) or person_url.setdefault(mention.key, self.url(urls.oparl_person(mention.key)))
                person = self.persons.get(mention.key)
                if person is None:  # (not made for every name: 360,000 of them at 10,000 protocols)
                    person = self.persons[mention.key] = _Person(mention.name, page=True)
                if not person.sources or person.sources[-1] != source:
                    person.sources.append(source)

    def _name(self, written: str, meeting: Meeting) -> _Object:
        if not self.settings.people:
            return {"name": unshared(written)}
        return {"name": unshared(written), "person": self.person_urls[id(meeting)][written]}

    def _participants(self, meeting: Meeting) -> list[str]:
        """Who took part: those present, the officials and the guests (OParl: not the absent)."""
        return list(dict.fromkeys(self.person_urls[id(meeting)][a.name] for a in meeting.attendees))

    def _attendance(self, meeting: Meeting) -> list[_Object]:
        groups = (("present", meeting.present), ("absent", meeting.absent), ("staff", meeting.staff), ("guest", meeting.guests))
        return [self._attendee(a, kind, meeting) for kind, group in groups for a in group]

    def _attendee(self, a: Attendee, kind: str, meeting: Meeting) -> _Object:
        return _clean({**self._name(a.name, meeting), "attendance": kind, "role": a.role, "organisation": a.organisation,
                       "party": a.party, "title": a.title, "replaces": a.replaces, "note": a.note})

    def _memberships(self) -> dict[str, list[tuple[str, str, _Object]]]:
        """The bodies' registered members (bodies.yml), by person key: (organization key, path, Membership)."""
        out: dict[str, list[tuple[str, str, _Object]]] = defaultdict(list)
        dates = _dates(*self.history.span([BODIES_FILE]))
        for key in sorted(self.archive.bodies):
            for member in self.archive.bodies[key].members:
                mention = self.people.resolve(member.name)
                person = self.persons.setdefault(mention.key, _Person(mention.name))
                person.sources.append(BODIES_FILE)
                path = urls.oparl_membership(key, mention.key)
                if any(held == path for _, held, _ in out[mention.key]):
                    continue  # (listed twice)
                membership = _clean({
                    "id": self.url(path), "type": OPARL + "Membership",
                    "organization": self.url(urls.oparl_organization(key)), "role": member.role, **dates,
                    VENDOR + "party": member.party, VENDOR + "title": member.title, VENDOR + "organisation": member.organisation,
                })
                out[mention.key].append((key, path, membership))
        return out

    def _persons(self, memberships: dict[str, list[tuple[str, str, _Object]]]) -> None:
        registry = [PEOPLE_FILE] if self.archive.people else []
        for key in sorted(self.persons):
            person = self.persons[key]
            pid = self.url(urls.oparl_person(key))
            dates = _dates(*self.history.span([*person.sources, *registry]))
            held = memberships.get(key, [])
            for _, path, membership in held:
                self.lists["membership"].append(self._write(path, {**membership, "person": pid}))
            out = _clean({
                "id": pid, "type": OPARL + "Person", "body": self.url(urls.oparl_body()), "name": person.name,
                "membership": [membership for _, _, membership in held],
                "web": self.url(urls.person(key).url) if person.page else None, **dates,
            })
            self.lists["person"].append(self._write(urls.oparl_person(key), out))

    # -- papers and organisations ------------------------------------------------------------------

    def _papers(self) -> None:
        for key in sorted(self.papers):
            number, name = self.paper_names[key]
            out = _clean({
                "id": self.url(urls.oparl_paper(key)), "type": OPARL + "Paper", "body": self.url(urls.oparl_body()),
                "name": name, "reference": number, "consultation": self.papers[key],
                "web": self.url(urls.diarienummer(key)), **_dates(*self.history.span(self.paper_sources[key])),
            })
            self.lists["paper"].append(self._write(urls.oparl_paper(key), out))

    def _organizations(self, memberships: dict[str, list[tuple[str, str, _Object]]]) -> None:
        members: dict[str, list[str]] = defaultdict(list)
        for _, held in sorted(memberships.items()):
            for key, _, membership in held:
                members[key].append(membership["id"])
        dates = _dates(*self.history.span([BODIES_FILE]))
        for key in sorted(self.archive.bodies):
            body = self.archive.bodies[key]
            path = urls.oparl_organization(key)
            out = _clean({
                "id": self.url(path), "type": OPARL + "Organization", "body": self.url(urls.oparl_body()), "name": body.name,
                "shortName": body.short_name, "membership": members.get(key, []),
                "meeting": self.url(urls.oparl_list(path, "meetings")), "organizationType": "Gremium",
                "web": self.url(urls.body(key).url), **dates,
                VENDOR + "organisation": body.organisation, VENDOR + "description": body.description,
                VENDOR + "formerNames": [_clean({"name": f.name, "since": _day(f.since), "until": _day(f.until)})
                                         for f in body.former_names],
                VENDOR + "localGovernmentAct": body.local_government_act or None, VENDOR + "appealTo": body.appeal_to,
                VENDOR + "assignments": self.url(urls.assignments(key).url),
            })
            self.lists["organization"].append(self._write(path, out))

    # -- what moved or was withdrawn ---------------------------------------------------------------

    def _gone(self) -> None:
        """A page that moved or was withdrawn (content/redirects.yml, a body's former key, a spelling
        the person registry joined) had an object too. OParl forbids an object to vanish: it stays
        at its URL as a deleted object (`deleted: true`), in no list (OParl 1.1, 2.8)."""
        former = {f"{old}/" for body in self.archive.bodies.values() for old in body.former_keys}
        pages = [old for old, _ in self.archive.redirects] + [url for url, _ in self.archive.removed]
        pages += [urls.person(key).url for key in self._joined_spellings()]
        dates = _dates(*self.history.span([BODIES_FILE, PEOPLE_FILE, REDIRECTS_FILE]))
        for page in pages:
            found = _object_of_page(page, former, self.settings.people)
            if found is not None and found[0] not in self.files_out:
                path, kind = found
                self._write(path, {"id": self.url(path), "type": OPARL + kind, **dates, "deleted": True})

    def _joined_spellings(self) -> list[str]:
        """Person keys a spelling had before the person registry joined it to another (as views.py
        redirects their pages)."""
        return [old for entry in self.archive.people if entry.key in self.persons
                for old in dict.fromkeys(name_key(s) for s in (entry.name, *entry.aliases))
                if old != entry.key and old not in self.persons]

    # -- writing -----------------------------------------------------------------------------------

    def _write(self, path: str, obj: _Object) -> str:
        """The object's file; returns its path, for the list pages that hold it too."""
        self.files_out[path] = orjson.dumps(obj)
        return path

    def _list(self, first: str, objects: list[str]) -> None:
        """An external list as pages of PAGE_SIZE objects (the files `objects`), each page at its own URL."""
        pages = max(1, -(-len(objects) // PAGE_SIZE))
        for number in range(1, pages + 1):
            links = {"first": self.url(first), "prev": self.url(urls.oparl_page(first, number - 1)) if number > 1 else None,
                     "self": self.url(urls.oparl_page(first, number)),
                     "next": self.url(urls.oparl_page(first, number + 1)) if number < pages else None,
                     "last": self.url(urls.oparl_page(first, pages))}
            pagination = {"totalElements": len(objects), "elementsPerPage": PAGE_SIZE, "currentPage": number,
                          "totalPages": pages}
            tail = f'],"pagination":{_json(pagination)},"links":{_json(_clean(links))}}}'.encode("utf-8")
            self.files_out.compose(urls.oparl_page(first, number), b'{"data":[',
                                   objects[(number - 1) * PAGE_SIZE:number * PAGE_SIZE], tail)


def _object_of_page(page: str, former_bodies: set[str], people: bool) -> tuple[str, str] | None:
    """The OParl object (path, type) a page of the site had, if any."""
    parts = page.strip("/").split("/")
    if page in former_bodies:
        return urls.oparl_organization(parts[0]), "Organization"
    if len(parts) != 2:
        return None
    if parts[0] == "person":
        return (urls.oparl_person(parts[1]), "Person") if people else None
    if parts[0] == "dnr":
        return urls.oparl_paper(parts[1]), "Paper"
    if _MEETING_SLUG.match(parts[1]):
        return urls.oparl_meeting_at(parts[0], parts[1]), "Meeting"
    return None


def meeting_times(meeting: Meeting) -> tuple[str, str | None]:
    """Start and end as OParl date-times in Swedish time: the printed time's first start on the
    first day and its last end on the last day (`13.30–17.00, 8.30–15.00`); midnight of the
    first day when the minutes print no time (the printed time is a vendor field)."""
    clocks = list(_CLOCK.finditer(meeting.time or ""))
    starts = [(int(c[1]), int(c[2] or 0)) for c in clocks if _valid(c[1], c[2])]
    ends = [(int(c[3]), int(c[4] or 0)) for c in clocks if c[3] and _valid(c[3], c[4])]
    start = _at(meeting.date, starts[0] if starts else (0, 0))
    last_day = meeting.end_date or meeting.date
    if ends:
        return start, _at(last_day, ends[-1])
    return start, _at(last_day + dt.timedelta(days=1), (0, 0)) if meeting.end_date else None


def _valid(hour: str, minute: str | None) -> bool:
    return int(hour) < 24 and int(minute or 0) < 60


def _at(day: dt.date, clock: tuple[int, int]) -> str:
    return dt.datetime.combine(day, dt.time(*clock), tzinfo=STOCKHOLM).isoformat()


def _numbers(item: Item) -> Iterable[str]:
    """The diarienummer an item takes up, each once."""
    return dict.fromkeys(d.normalised for d in item.diarienummer)


def _taken_up(meeting: Meeting) -> list[tuple[Item | None, str]]:
    """Each diarienummer the meeting takes up and where (an item; None: the protocol's own), in the
    order its Consultations are made."""
    taken = [(item, number) for item in meeting.items for number in _numbers(item)]
    return taken + [(None, meeting.diarienummer.normalised)] if meeting.diarienummer else taken


def _attachments(meeting: Meeting) -> list[Attachment]:
    return [a for item in meeting.items for a in item.attachments] + ([meeting.original] if meeting.original else []) + list(meeting.attachments)


def _source(meeting: Meeting) -> str:
    """The meeting's file, relative to the content directory (as History keys it)."""
    return f"{meeting.body}/{meeting.slug}.md"


def _dates(created: dt.datetime, modified: dt.datetime) -> dict[str, str]:
    return {"created": created.isoformat(), "modified": modified.isoformat()}


def _day(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _clean(obj: _Object, keep: Iterable[str] = ()) -> _Object:
    """OParl: leave out properties without data (null, "" and []), except the required ones."""
    # (`v or`: most values have data, and a long list's truth is cheaper than comparing it to [])
    return {k: v for k, v in obj.items() if v or k in keep or not (v is None or v == "" or v == [] or v == {})}


def _json(obj: object) -> str:
    """Compact UTF-8 JSON: the endpoint is many files, and OParl is read by programs."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
