"""Open data: the archive's own JSON, shaped after OParl 1.1, with JSON Schemas, and CSV for
spreadsheets. (The OParl 1.1 endpoint itself, for OParl's clients, is generator/oparl.py.)

Where OParl fits we use its types and keys: our bodies (organ) are OParl `Organization`s, a
meeting is a `Meeting` with `agendaItem`s (`AgendaItem`), attendees are `Person`s, attachments
`File`s. Where we differ, it is said here and in the keys' `x-` prefix:

- OParl links objects by URL; we embed agenda items, persons and files in their meeting, since a
  static archive has no API to follow (`id` is still each object's permanent URL);
- decisions are `x-decisions` on an agenda item (OParl's `resolutionText` holds their joined text);
- status, diarienummer and attendance roles are `x-status`, `x-diarienummer`, `x-role`; the days the
  minutes were adjusted and announced and their corrections `x-adjusted-on`, `x-announced-on`,
  `x-corrections`; the index names the topics that items' `x-topics` give by key (`x-topics`).

Files: `data/index.json` (the archive), `data/<body>.json`, `data/<body>/<date>.json`, the schemas
in `data/schema/`, and `data/moten.csv`, `data/arenden.csv`, `data/beslut.csv` (UTF-8 with a BOM,
so Excel reads å, ä, ö).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from . import urls
from .model import Archive, Attachment, Attendee, Meeting
from .derive import Facts
from .labels import meeting_title
from .kept import KeptRecords
from .memo import MeetingKeys
from .search.documents import item_text
from .spool import Spool, Spooled
from .staging import Carried
from .text import unshared
from .views import DataFile, DataIndexView

OPARL = "https://schema.oparl.org/1.1/"


class _Out(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")


class FileOut(_Out):
    id: str
    type: str = OPARL + "File"
    name: str
    accessUrl: str | None = None
    mimeType: str | None = None
    size: int | None = None


class PersonOut(_Out):
    type: str = OPARL + "Person"
    name: str
    x_role: str | None = Field(None, alias="x-role")
    x_organisation: str | None = Field(None, alias="x-organisation")
    x_attendance: str = Field(alias="x-attendance", description="present, absent, staff or guest")


class CorrectionOut(_Out):
    date: str
    text: str


class TopicOut(_Out):
    key: str
    name: str
    web: str


class DecisionOut(_Out):
    id: str
    kind: str
    text: str


class AgendaItemOut(_Out):
    id: str
    type: str = OPARL + "AgendaItem"
    number: str | None = None
    order: int
    name: str
    public: bool = True
    resolutionText: str | None = None
    x_decisions: list[DecisionOut] = Field(default_factory=list, alias="x-decisions")
    x_proposals: list[DecisionOut] = Field(default_factory=list, alias="x-proposals",
                                           description="The proposed decisions (förslag till beslut) of a kallelse's item")
    x_presenters: list[str] = Field(default_factory=list, alias="x-presenters")
    x_topics: list[str] = Field(default_factory=list, alias="x-topics")
    x_diarienummer: list[str] = Field(default_factory=list, alias="x-diarienummer")
    x_type: str | None = Field(None, alias="x-type", description="beslutsärende or informationsärende, when the minutes say")
    x_adjusted_at_meeting: bool | None = Field(None, alias="x-adjusted-at-meeting", description=(
        "true when the paragraph was adjusted at the meeting (omedelbart justerad, 'Justering: omedelbar')"))
    x_text: str = Field("", alias="x-text", description="The item's public text besides its decisions and proposals, as the "
                        "archive's search indexes it (after redaction): what a federation portal searches")
    auxiliaryFile: list[FileOut] = Field(default_factory=list)


class MeetingOut(_Out):
    id: str
    type: str = OPARL + "Meeting"
    name: str
    start: str
    end: str | None = None
    location: dict[str, str] | None = None
    organization: list[str]
    participant: list[PersonOut] = Field(default_factory=list)
    agendaItem: list[AgendaItemOut] = Field(default_factory=list)
    auxiliaryFile: list[FileOut] = Field(default_factory=list)
    x_status: str = Field(alias="x-status")
    x_kind: str = Field("protokoll", alias="x-kind", description="protokoll, protokollsutdrag (an extract) or mötesanteckning")
    x_diarienummer: str | None = Field(None, alias="x-diarienummer")
    x_adjusted_on: str | None = Field(None, alias="x-adjusted-on")
    x_announced_on: str | None = Field(None, alias="x-announced-on")
    x_corrections: list[CorrectionOut] = Field(default_factory=list, alias="x-corrections",
                                               description="Dated correction notes (rättelser), oldest first")
    x_cancelled_reason: str | None = Field(None, alias="x-cancelled-reason", description="Why a cancelled (inställd) meeting is not held")
    x_moved_to: str | None = Field(None, alias="x-moved-to", description="The day a cancelled meeting moved to")
    x_public: bool | None = Field(None, alias="x-public", description="Open to the public, when the file says")
    web: str


class OrganizationOut(_Out):
    id: str
    type: str = OPARL + "Organization"
    name: str
    shortName: str | None = None
    x_organisation: str = Field(alias="x-organisation")
    x_former_names: list[str] = Field(default_factory=list, alias="x-former-names")
    meeting: list[str]
    web: str


class IndexOut(_Out):
    id: str
    name: str = "Protokollarkivet"
    organization: list[OrganizationOut]
    x_topics: list[TopicOut] = Field(default_factory=list, alias="x-topics",
                                     description="The topics (ämnen) that items' x-topics name by key")
    x_schemas: dict[str, str] = Field(alias="x-schemas")


SCHEMAS = {"meeting": MeetingOut, "organization": OrganizationOut, "index": IndexOut}


def open_data(facts: Facts, site_url: str, carried: Callable[[Meeting, str], Carried | None] | None = None,
              spool: Spool | None = None, rows: TableRows | None = None) -> dict[str, bytes | Carried | Spooled]:
    """Every open-data file by site-relative path. `carried` tells of a meeting's file that the
    staging folder holds already as it would be made (an incremental build: `Site.carry_data_forward`);
    with `spool`, the meetings' files and the tables wait there as they are made; with `rows`, each
    meeting's rows of the tables are taken from there where they were made of the same."""
    archive = facts.archive
    base = site_url or "https://example.invalid/"
    files: dict[str, bytes | Carried | Spooled] = {}
    kept = spool.keep if spool is not None else _as_made
    organizations = []
    for key, body in sorted(archive.bodies.items()):
        meetings = facts.meetings_of(key)
        for meeting in meetings:
            path = urls.data_meeting(meeting)
            as_before = carried(meeting, path) if carried else None
            files[path] = as_before if as_before is not None else kept(_json(_meeting(archive, meeting, base)))
        organization = OrganizationOut(
            id=base + urls.data_body(key), name=body.name, shortName=body.short_name,
            x_organisation=body.organisation, x_former_names=[f.name for f in body.former_names],
            meeting=[base + urls.data_meeting(m) for m in meetings], web=base + urls.body(key).url,
        )
        files[urls.data_body(key)] = _json(organization)
        organizations.append(organization)
    schemas = {name: base + urls.data(f"schema/{name}.schema.json") for name in SCHEMAS}
    topics = [TopicOut(key=key, name=topic.name, web=base + urls.topic(key).url) for key, topic in sorted(archive.topics.items())]
    files[urls.data("index.json")] = _json(IndexOut(id=base + urls.data("index.json"), organization=organizations,
                                                   x_topics=topics, x_schemas=schemas))
    for name, model in SCHEMAS.items():
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema(by_alias=True)}
        files[urls.data(f"schema/{name}.schema.json")] = json.dumps(schema, ensure_ascii=False, indent=2).encode("utf-8")
    files.update((path, table if spool is not None else table.read()) for path, table in _csv_files(archive, base, rows))
    return files


def _as_made(data: bytes) -> bytes:
    return data


def with_files(view: DataIndexView, facts: Facts, files: dict[str, bytes | Carried | Spooled]) -> DataIndexView:
    """The data page's view with every file of `files` (as `open_data` made them) listed: the archive,
    each body, each body's meetings as one group, the CSV files and the schemas."""
    def size(path: str) -> int:
        return len(files[path])

    def schema(name: str) -> str:
        return urls.data(f"schema/{name}.schema.json")

    def short(path: str) -> str:
        return path.removeprefix(urls.data(""))

    json_format, csv_format = "JSON", "CSV (UTF-8, kommaseparerad)"
    archive_files = [DataFile(urls.data("index.json"), "index.json", "Arkivet: organen och adresserna till deras möten",
                              json_format, size(urls.data("index.json")), schema("index"))]
    for key, body in sorted(facts.archive.bodies.items()):
        path = urls.data_body(key)
        archive_files.append(DataFile(path, short(path), f"{body.name}: organet och dess möten", json_format, size(path),
                                      schema("organization")))
        meetings = [urls.data_meeting(m) for m in facts.meetings_of(key)]
        if meetings:
            archive_files.append(DataFile(path, f"{key}/ÅÅÅÅ-MM-DD.json", f"{body.name}: ett möte per fil, med ärenden, "
                                          "beslut och närvaro", json_format, sum(map(size, meetings)), schema("meeting"),
                                          group=len(meetings)))
    tables = [DataFile(urls.data(name), name, content, csv_format, size(urls.data(name)))
              for name, content in (("moten.csv", "Alla möten, ett per rad"), ("arenden.csv", "Alla ärenden, ett per rad"),
                                    ("beslut.csv", "Alla beslut och ställningstaganden, ett per rad"))]
    schemas = [DataFile(schema(name), short(schema(name)), f"JSON Schema för {what}", "JSON Schema (2020-12)",
                        size(schema(name))) for name, what in (("index", "index.json"), ("organization", "ett organ"),
                                                                ("meeting", "ett möte"))]
    sections = [("json", "JSON", archive_files), ("csv", "CSV för kalkylprogram", tables), ("scheman", "Scheman", schemas)]
    listed = {f.path for _, _, group in sections for f in group if f.group is None}
    grouped = {urls.data_meeting(m) for m in facts.archive.meetings}
    unlisted = sorted(set(files) - listed - grouped)
    assert not unlisted, f"open-data files the data page does not describe: {unlisted}"
    return DataIndexView(view.target, view.title, view.template, sections)


def _meeting(archive: Archive, meeting: Meeting, base: str) -> MeetingOut:
    body = archive.bodies[meeting.body]
    web = base + urls.meeting(meeting).url
    return MeetingOut(
        id=base + urls.data_meeting(meeting), name=meeting_title(meeting, body),
        start=meeting.date.isoformat(), end=meeting.end_date.isoformat() if meeting.end_date else None,
        location={"description": meeting.place} if meeting.place else None,
        organization=[base + urls.data_body(meeting.body)],
        participant=[_person(a, kind) for kind, group in (("present", meeting.present), ("absent", meeting.absent),
                                                          ("staff", meeting.staff), ("guest", meeting.guests)) for a in group],
        agendaItem=[
            AgendaItemOut(
                id=base + urls.item(meeting, item), number=item.number, order=order, name=unshared(item.title),
                resolutionText=unshared("\n\n".join(d.text for d in item.decisions)) or None,
                x_decisions=[DecisionOut(id=base + urls.block(meeting, d), kind=d.kind, text=unshared(d.text)) for d in item.decisions],
                x_proposals=[DecisionOut(id=base + urls.block(meeting, b), kind=b.kind, text=unshared(b.text))
                             for b in item.blocks if b.kind == "förslag"],
                x_presenters=[unshared(p.name) for p in item.presenters], x_topics=list(item.topics),
                x_diarienummer=[d.normalised for d in item.diarienummer], x_type=item.type, x_text=unshared(item_text(item)),
                x_adjusted_at_meeting=True if item.adjusted_at_meeting else None,
                auxiliaryFile=[_file(a, base) for a in item.attachments],
            )
            for order, item in enumerate(meeting.items, 1)
        ],
        auxiliaryFile=[_file(a, base) for a in (*([meeting.original] if meeting.original else []), *meeting.attachments)],
        x_status=meeting.status, x_kind=meeting.kind, x_diarienummer=meeting.diarienummer.normalised if meeting.diarienummer else None,
        x_adjusted_on=meeting.adjusted_on.isoformat() if meeting.adjusted_on else None,
        x_announced_on=meeting.announced_on.isoformat() if meeting.announced_on else None,
        x_cancelled_reason=meeting.cancelled_reason, x_moved_to=meeting.moved_to.isoformat() if meeting.moved_to else None,
        x_public=meeting.public,
        x_corrections=[CorrectionOut(date=day.isoformat(), text=text) for day, text in meeting.corrections], web=web,
    )


def _person(a: Attendee, attendance: str) -> PersonOut:
    return PersonOut(name=unshared(a.name), x_role=a.role, x_organisation=a.organisation, x_attendance=attendance)


def _file(a: Attachment, base: str) -> FileOut:
    url = base + urls.file(a.file) if a.file else None
    return FileOut(id=url or f"{base}#{a.title}", name=a.title, accessUrl=url, mimeType=a.media_type, size=a.size)


def _json(model: BaseModel) -> bytes:
    # (pydantic's own serialiser: the same bytes as json.dumps(..., indent=1), whose indenting
    # encoder is pure Python, in a third of the time)
    return model.model_dump_json(by_alias=True, exclude_none=True, indent=1).encode("utf-8")


_TABLES = (
    ("moten.csv", ["organ", "datum", "slutdatum", "typ", "status", "plats", "diarienummer", "ärenden", "adress"]),
    ("arenden.csv", ["organ", "datum", "nummer", "rubrik", "ärendetyp", "föredragande", "ämnen", "diarienummer", "adress"]),
    ("beslut.csv", ["organ", "datum", "nummer", "rubrik", "slag", "beslut", "adress"]),
)
"""The tables, each with its header: a meeting, an item, a decision a row."""
_BOM = "\ufeff".encode("utf-8")
"""(so that Excel reads the tables as UTF-8)"""


def _csv_files(archive: Archive, base: str, rows: TableRows | None) -> Iterator[tuple[str, Spooled]]:
    """The tables, each its header and then each meeting's rows (a meeting's rows of the three as
    `rows` keeps them, made of what they were made of; else encoded now), each table written to a
    spool of its own as the meetings' rows are made. (Every meeting's rows held, and each table
    joined of them, were what the build's process grew by just before its data files' process
    was forked, which starts at its size: 82 MB at 10,000 protocols.)"""
    def made(meeting: Meeting) -> tuple[bytes, ...]:
        return _rows_of(archive, meeting, base)

    tables = [Spool() for _ in _TABLES]
    for table, (_name, header) in zip(tables, _TABLES):
        table.put(_BOM + _csv_row(header))
    for meeting in archive.meetings:
        for table, part in zip(tables, rows.of(meeting, made) if rows is not None else made(meeting)):
            table.put(part)
    for table, (name, _header) in zip(tables, _TABLES):
        yield urls.data(name), table.whole()


def _rows_of(archive: Archive, m: Meeting, base: str) -> tuple[bytes, ...]:
    """A meeting's rows of each table, encoded."""
    body = archive.bodies[m.body].name
    meeting = [[body, m.date.isoformat(), m.end_date.isoformat() if m.end_date else "", m.kind, m.status, m.place or "",
                m.diarienummer.normalised if m.diarienummer else "", len(m.items), base + urls.meeting(m).url]]
    items = [[body, m.date.isoformat(), i.number or "", i.title, i.type or "", "; ".join(p.name for p in i.presenters),
              ", ".join(i.topics), ", ".join(d.normalised for d in i.diarienummer), base + urls.item(m, i)] for i in m.items]
    decisions = [[body, m.date.isoformat(), i.number or "", i.title, d.kind, d.text, base + urls.block(m, d)]
                 for i in m.items for d in i.decisions]
    return tuple(_csv_rows(table) for table in (meeting, items, decisions))


def _csv_row(row: list) -> bytes:
    return _csv_rows([row])


def _csv_rows(rows: list[list]) -> bytes:
    """Rows as a table for spreadsheets holds them (CRLF after each), in UTF-8."""
    text = io.StringIO(newline="")
    csv.writer(text, lineterminator="\r\n").writerows(rows)
    return text.getvalue().encode("utf-8")


class TableRows:
    """Each meeting's rows of the tables, encoded, by what they are made of (`keys`: the meeting's
    file, the registries, the site's address, under the code), kept in the cache folder: a rebuild
    encodes the rows of the meetings that changed only (all of them were 1.4 s of a rebuild at
    10,000 protocols). This build's are written to the file as they are made, and the last build's
    read one meeting at a time (`kept.KeptRecords`): held, both were in the build's process as it
    was forked."""

    FILE = "data-rows.kept"
    _FORMER = "data-rows.pickle"
    """The file of the code before `kept.py` (every meeting's rows in one pickle): removed."""

    def __init__(self, folder: Path | None, keys: MeetingKeys):
        self.records = KeptRecords(folder, self.FILE, keys.code, records=len(_TABLES), former=self._FORMER)
        self.made_of = keys

    def of(self, meeting: Meeting, make: Callable[[Meeting], tuple[bytes, ...]]) -> tuple[bytes, ...]:
        key = self.made_of(meeting)
        if key is None:
            return make(meeting)
        rows = self.records.get(key)
        if rows is None:
            rows = make(meeting)
        self.records.file.add(key, *rows)
        return rows

    def keep(self) -> None:
        """This build's rows kept for the next (in place of the last's); then closed."""
        self.records.keep()

    def close(self) -> None:
        """Closed, and where not kept, removed."""
        self.records.close()
