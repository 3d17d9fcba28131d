"""Tools built for OParl (Meine Stadt Transparent's importer, aggregators, research scrapers) read
the archive: a static OParl 1.1 endpoint that a client walks from its System object through every
list and `next` link, every object at its own URL and valid against the official schemas
(vendored in tests/vendor/oparl/)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from pathlib import Path

import pytest

from .conftest import Project
from .oparl_client import OPARL, Walk, from_files, over_http, typed_objects, violations, walk

SITE_URL = "https://protokollarkivet.example.se/"
SYSTEM = SITE_URL + "oparl/v1/system.json"


@pytest.fixture(scope="module")
def example(server: str) -> Walk:
    """The example archive's endpoint, walked over HTTP from a static file server, as a client does."""
    return walk(over_http(server, SITE_URL), SYSTEM)


@pytest.fixture(scope="module")
def fixture(fixture_site: Path) -> Walk:
    """The fixture archive's (a committee with votes, dissents, registered members and files)."""
    return walk(from_files(fixture_site, SITE_URL), SYSTEM)


def endpoint_files(site: Path) -> set[str]:
    return {SITE_URL + p.relative_to(site).as_posix() for p in (site / "oparl").rglob("*") if p.is_file()}


def of_type(result: Walk, kind: str) -> list[dict]:
    return [o for o in result.objects.values() if o["type"] == OPARL + kind]


def site_file(site: Path, url: str) -> Path:
    """Where a static host finds a URL under the site (a directory URL is its index.html)."""
    path = url.removeprefix(SITE_URL).partition("#")[0]
    return site / (path + "index.html" if path.endswith("/") or not path else path)


# -- the walk ------------------------------------------------------------------------------------


def test_every_file_is_compact_json_as_pythons_own_encoder_writes_it(example_site: Path) -> None:
    # (objects are written by orjson, for speed: the bytes must be json.dumps' own, so that a
    # change of library never changes a published file)
    written = sorted((example_site / "oparl").rglob("*.json"))
    assert len(written) > 200
    for path in written:
        data = path.read_bytes()
        assert json.dumps(json.loads(data), ensure_ascii=False, separators=(",", ":")).encode("utf-8") == data, path


@pytest.mark.parametrize("archive", ["example", "fixture"])
def test_a_client_walks_every_list_and_reaches_every_object_once(archive: str, request: pytest.FixtureRequest) -> None:
    result: Walk = request.getfixturevalue(archive)
    site: Path = request.getfixturevalue(f"{archive}_site")
    assert result.problems == []
    missed = endpoint_files(site) - result.fetched
    assert result.fetched <= endpoint_files(site)
    assert all(from_files(site, SITE_URL)(url).get("deleted") is True for url in missed)  # (in no list: OParl 1.1, 2.8)
    meetings = result.listed["meeting"]
    assert sorted(m for listed in result.organization_meetings.values() for m in listed) == sorted(meetings)
    assert all(o["id"] == url for url, o in result.objects.items())


def test_the_walk_finds_the_whole_example_archive(example: Walk, example_site: Path) -> None:
    listed = {prop: len(ids) for prop, ids in example.listed.items()}
    person_pages = [p for p in (example_site / "person").iterdir() if (p / "index.html").is_file()
                    and "Sidan har flyttat" not in (p / "index.html").read_text(encoding="utf-8")]
    dnr_pages = list((example_site / "dnr").iterdir())
    assert listed == {"organization": 4, "person": len(person_pages), "meeting": 5, "paper": len(dnr_pages),
                      "agendaItem": 67, "file": 0, "consultation": 3, "locationList": 5, "legislativeTermList": 0,
                      "membership": 0}
    assert len(person_pages) == 151


@pytest.mark.parametrize("archive", ["example", "fixture"])
def test_every_object_is_valid_against_the_official_schemas(archive: str, request: pytest.FixtureRequest) -> None:
    result: Walk = request.getfixturevalue(archive)
    site: Path = request.getfixturevalue(f"{archive}_site")
    fetch = from_files(site, SITE_URL)
    found = [problem for obj in result.objects.values() for problem in violations(obj)]
    found += [problem for page in result.pages for problem in violations(fetch(page))]
    assert found == []
    assert {o["type"].removeprefix(OPARL) for o in result.objects.values()} >= {
        "System", "Body", "Organization", "Meeting", "AgendaItem", "Location", "Paper", "Consultation", "Person"}


def test_the_validation_catches_what_the_old_open_data_got_wrong(example_site: Path) -> None:
    """The project's own JSON (/data/, kept as it was) has OParl types but not OParl's shape: the
    same check finds what the issue counted, so a pass above means something."""
    documents = [json.loads(p.read_bytes()) for p in sorted((example_site / "data").rglob("*.json")) if "schema" not in p.parts]
    assert sum(len(typed_objects(d)) for d in documents) == 234
    assert sum(len(violations(d, strict=False)) for d in documents) == 323


def test_long_lists_are_static_pages_linked_by_next(example: Walk, example_site: Path) -> None:
    first = json.loads((example_site / "oparl/v1/body/arkivet/persons.json").read_bytes())
    second = json.loads((example_site / "oparl/v1/body/arkivet/persons/2.json").read_bytes())
    assert first["pagination"] == {"totalElements": 151, "elementsPerPage": 100, "currentPage": 1, "totalPages": 2}
    assert len(first["data"]) == 100 and len(second["data"]) == 51
    assert first["links"]["next"] == second["links"]["self"] == SITE_URL + "oparl/v1/body/arkivet/persons/2.json"
    assert "next" not in second["links"] and second["links"]["prev"] == SITE_URL + "oparl/v1/body/arkivet/persons.json"


# -- what the objects say ------------------------------------------------------------------------


def test_a_meeting_holds_its_items_decisions_and_state(example: Walk) -> None:
    meeting = example.objects[SITE_URL + "oparl/v1/meeting/lsg/2023-09-15.json"]
    assert meeting["meetingState"] == "durchgeführt" and meeting["cancelled"] is False
    assert meeting["start"] == "2023-09-15T08:15:00+02:00" and meeting["end"] == "2023-09-15T12:00:00+02:00"
    assert meeting["protokollarkivet:status"] == "justerat" and meeting["protokollarkivet:diarienummer"] == "HSN 200:3-2023"
    assert meeting["location"]["description"] == "Teams"
    assert meeting["organization"] == [SITE_URL + "oparl/v1/organization/lsg.json"]
    assert [i["number"] for i in meeting["agendaItem"]] == [str(n) for n in range(23, 36)]
    assert [i["order"] for i in meeting["agendaItem"]] == list(range(13))
    p28 = example.objects[SITE_URL + "oparl/v1/agenda-item/lsg/2023-09-15/p28.json"]
    assert p28["meeting"] == meeting["id"] and p28["web"] == SITE_URL + "lsg/2023-09-15/#p28"
    decisions = [b for b in p28["protokollarkivet:blocks"] if b["kind"] == "beslut"]
    assert len(decisions) == 4 and p28["resolutionText"] == "\n\n".join(b["text"] for b in decisions)
    assert decisions[0]["web"] == SITE_URL + "lsg/2023-09-15/#p28-b1"
    assert decisions[1]["assignments"][0]["web"].startswith(SITE_URL + "lsg/2023-09-15/#p28-b2-u")


def test_a_multi_day_meeting_starts_on_its_first_day_and_ends_on_its_last(example: Walk) -> None:
    meeting = example.objects[SITE_URL + "oparl/v1/meeting/chefsgrupp-svo/2021-10-14.json"]
    assert (meeting["start"], meeting["end"]) == ("2021-10-14T13:30:00+02:00", "2021-10-15T15:00:00+02:00")


def test_votes_proposals_and_dissents_are_vendor_fields_naming_persons(fixture: Walk) -> None:
    item = fixture.objects[SITE_URL + "oparl/v1/agenda-item/socialnamnden/2024-03-12/p11.json"]
    blocks = item["protokollarkivet:blocks"]
    assert [b["kind"] for b in blocks] == ["yrkande", "yrkande", "propositionsordning", "omröstning", "beslut", "reservation",
                                          "protokollsanteckning", "särskilt yttrande"]
    vote = blocks[3]
    assert [n["name"] for n in vote["no"]] == ["Cecilia Ceder (M)"] and len(vote["yes"]) == 3 and len(vote["abstain"]) == 2
    dissent = blocks[5]["by"][0]
    assert fixture.objects[dissent["person"]]["name"] == "Cecilia Ceder"
    statement = blocks[7]["by"][0]
    assert fixture.objects[statement["person"]]["name"] == "Fia Fors"
    unnamed = fixture.objects[SITE_URL + "oparl/v1/agenda-item/socialnamnden/2024-03-12/p12.json"]["protokollarkivet:blocks"][1]
    assert (unnamed["kind"], unnamed.get("by")) == ("yrkande", None)  # (a proposal by no one named: no "by" at all)
    assert item["resolutionText"] == blocks[4]["text"]


def test_published_files_are_file_objects_pointing_at_the_files(fixture: Walk, fixture_site: Path) -> None:
    files = of_type(fixture, "File")
    assert {f["fileName"] for f in files} == {"original.pdf", "riktlinjer-hemtjanst.pdf"}
    for file in files:
        assert site_file(fixture_site, file["accessUrl"]).is_file() and file["mimeType"] == "application/pdf"
    meeting = fixture.objects[SITE_URL + "oparl/v1/meeting/socialnamnden/2024-03-12.json"]
    assert meeting["resultsProtocol"]["fileName"] == "original.pdf"
    item = fixture.objects[SITE_URL + "oparl/v1/agenda-item/socialnamnden/2024-03-12/p11.json"]
    assert [f["name"] for f in item["auxiliaryFile"]] == ["Riktlinjer för hemtjänst"]
    assert item["protokollarkivet:attachmentsNotPublished"] == ["Remissvar från pensionärsrådet"]
    assert fixture.objects[item["auxiliaryFile"][0]["id"]]["agendaItem"] == [item["id"]]


def test_a_diarienummer_is_a_paper_taken_up_at_items_and_meetings(fixture: Walk, fixture_site: Path) -> None:
    paper = fixture.objects[SITE_URL + "oparl/v1/paper/sn-2024-17-2024.json"]
    assert paper["reference"] == "SN 2024:17-2024" and paper["name"] == "Riktlinjer för hemtjänst"
    assert site_file(fixture_site, paper["web"]).is_file()
    at_item, at_meeting = sorted(paper["consultation"], key=lambda c: "agendaItem" not in c)
    item = fixture.objects[at_item["agendaItem"]]
    assert item["consultation"] == at_item["id"] and at_item["authoritative"] is True
    assert at_meeting["meeting"] == SITE_URL + "oparl/v1/meeting/socialnamnden/2024-03-12.json"
    assert fixture.objects[at_item["id"]]["paper"] == paper["id"]


def test_people_in_their_public_role_are_the_persons_of_the_person_pages(example: Walk, example_site: Path) -> None:
    persons = of_type(example, "Person")
    pages = {p.name for p in (example_site / "person").iterdir() if (p / "index.html").is_file()
             and "Sidan har flyttat" not in (p / "index.html").read_text(encoding="utf-8")}
    assert {p["web"].removeprefix(SITE_URL + "person/").strip("/") for p in persons} == pages
    meeting = example.objects[SITE_URL + "oparl/v1/meeting/lsg/2023-09-15.json"]
    assert all(example.objects[url]["type"] == OPARL + "Person" for url in meeting["participant"])
    present = [a for a in meeting["protokollarkivet:attendance"] if a["attendance"] == "present"]
    assert {"name": "Diana Wikberg", "person": SITE_URL + "oparl/v1/person/diana-wikberg.json", "attendance": "present",
            "organisation": "Vindelns kommun", "replaces": "Jim Lindberg"} in present
    absent = {a["person"] for a in meeting["protokollarkivet:attendance"] if a["attendance"] == "absent"}
    assert absent and not absent & set(meeting["participant"])  # (OParl's participants are those who took part)


def test_an_item_under_secrecy_is_not_public_and_keeps_only_its_number_and_title(project: Project) -> None:
    meeting = project.content / "socialnamnden/2024-03-12.md"
    meeting.write_text(meeting.read_text(encoding="utf-8") + (
        "\n## 13. Ansökan om bistånd\n\nSekretess: 26 kap. 1 § offentlighets- och sekretesslagen\n"
        "Föredragande: Hanna Holm\n\nUppgifter om den enskilde.\n\n::: beslut\nBistånd beviljas.\n:::\n"
        "\n## 14. Avgifter\n\nBeslutet skickas till: Förvaltningen, Revisionen\nJustering: omedelbar\n\n"
        "::: beslut\nAvgifterna fastställs.\n:::\n"),
        encoding="utf-8")
    run = project.build()
    assert run.code == 0, run.stderr
    fetch = from_files(project.site, SITE_URL)
    secret = fetch(SITE_URL + "oparl/v1/agenda-item/socialnamnden/2024-03-12/p13.json")
    assert secret["public"] is False and secret["protokollarkivet:secrecy"].startswith("26 kap. 1 §")
    assert {"resolutionText", "protokollarkivet:blocks", "protokollarkivet:presenters"}.isdisjoint(secret)
    assert "public" not in fetch(SITE_URL + "oparl/v1/agenda-item/socialnamnden/2024-03-12/p14.json")
    assert fetch(SITE_URL + "oparl/v1/agenda-item/socialnamnden/2024-03-12/p14.json")["protokollarkivet:dispatchedTo"] == [
        "Förvaltningen", "Revisionen"]
    assert fetch(SITE_URL + "oparl/v1/agenda-item/socialnamnden/2024-03-12/p14.json")["protokollarkivet:adjustedAtMeeting"] is True
    assert "protokollarkivet:adjustedAtMeeting" not in secret


def test_registered_members_are_memberships_of_their_organization(fixture: Walk) -> None:
    anna = fixture.objects[SITE_URL + "oparl/v1/person/anna-ek.json"]
    [membership] = anna["membership"]
    assert membership["organization"] == SITE_URL + "oparl/v1/organization/socialnamnden.json"
    assert membership["role"] == "ordförande" and membership["protokollarkivet:party"] == "S"
    assert fixture.objects[SITE_URL + "oparl/v1/organization/socialnamnden.json"]["membership"] == [membership["id"]]


def test_the_body_is_the_archives_organisation_and_our_bodies_its_organizations(example: Walk) -> None:
    [body] = of_type(example, "Body")
    assert body["name"] == "Protokollarkivet (exempelarkiv)" and body["legislativeTerm"] == []
    lsg = example.objects[SITE_URL + "oparl/v1/organization/lsg.json"]
    assert lsg["name"] == "Länssamverkansgruppen" and lsg["shortName"] == "LSG" and lsg["body"] == body["id"]
    assert lsg["protokollarkivet:organisation"] == "Region Västerbotten och kommunerna i Västerbottens län"
    assert example.system["oparlVersion"] == "https://schema.oparl.org/1.1/"


# -- settings, history, announcement -------------------------------------------------------------------


def test_what_moved_or_was_withdrawn_stays_at_its_url_as_a_deleted_object(project: Project, example_site: Path) -> None:
    """OParl forbids an object to vanish: a renamed body key, a withdrawn meeting and a joined
    spelling leave deleted objects at their old URLs, which no list holds."""
    bodies = project.content / "bodies.yml"
    bodies.write_text(bodies.read_text(encoding="utf-8").replace("- key: lsg\n", "- key: lsg-vb\n  former_keys: [lsg]\n"),
                      encoding="utf-8")
    (project.content / "lsg").rename(project.content / "lsg-vb")
    meeting = project.content / "lsg-vb/2021-02-19.md"
    meeting.write_text(meeting.read_text(encoding="utf-8").replace("body: lsg\n", "body: lsg-vb\n"), encoding="utf-8")
    (project.content / "socialnamnden/2024-03-12.md").unlink()
    project.write("redirects.yml", "removed:\n  - url: socialnamnden/2024-03-12/\n    reason: Fel protokoll.\n")
    run = project.build()
    assert run.code == 0, run.stderr
    result = walk(from_files(project.site, SITE_URL), SYSTEM)
    assert result.problems == [] and SITE_URL + "oparl/v1/organization/lsg-vb.json" in result.listed["organization"]
    fetch = from_files(project.site, SITE_URL)
    for path, kind in (("organization/lsg", "Organization"), ("meeting/lsg/2021-02-19", "Meeting"),
                       ("meeting/socialnamnden/2024-03-12", "Meeting")):
        gone = fetch(f"{SITE_URL}oparl/v1/{path}.json")
        assert gone["deleted"] is True and gone["type"] == OPARL + kind and violations(gone) == []
        assert gone["id"] not in {i for ids in result.listed.values() for i in ids}
    charlotte = from_files(example_site, SITE_URL)(SITE_URL + "oparl/v1/person/charlotte.json")
    assert charlotte["deleted"] is True  # (person/charlotte/ now leads to Charlotte Dahlbom's page)


def test_with_people_off_there_are_no_persons_and_meetings_list_no_participants(project: Project) -> None:
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - protokollarkivet:\n", "  - protokollarkivet:\n      people: false\n"), encoding="utf-8")
    assert project.build().code == 0
    result = walk(from_files(project.site, SITE_URL), SYSTEM)
    assert result.problems == [] and [v for o in result.objects.values() for v in violations(o)] == []
    assert result.listed["person"] == [] and result.listed["membership"] == []
    every = "".join(p.read_text(encoding="utf-8") for p in (project.site / "oparl").rglob("*.json"))
    assert "/person/" not in every and '"participant"' not in every and "attendance" not in every
    assert '"name":"Cecilia Ceder (M)"' in every  # (the vote is still told, as the page tells it)


def _commit(root: Path, when: str, message: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    for command in (["add", "-A"], ["commit", "-q", "-m", message]):
        subprocess.run(["git", "-c", "user.name=Sekreterare", "-c", "user.email=s@example.se", *command], cwd=root,
                       env=env, check=True)


def test_created_and_modified_come_from_the_content_history(project: Project) -> None:
    subprocess.run(["git", "init", "-q"], cwd=project.root, check=True)
    _commit(project.root, "2024-03-20T10:00:00+01:00", "Protokollen")
    meeting = project.content / "lsg/2021-02-19.md"
    meeting.write_text(meeting.read_text(encoding="utf-8").replace("place: Teams", "place: Teams (digitalt)"), encoding="utf-8")
    _commit(project.root, "2024-04-02T09:30:00+02:00", "Rättat mötesplatsen")
    assert project.build().code == 0
    fetch = from_files(project.site, SITE_URL)
    lsg = fetch(SITE_URL + "oparl/v1/meeting/lsg/2021-02-19.json")
    assert (lsg["created"], lsg["modified"]) == ("2024-03-20T09:00:00+00:00", "2024-04-02T07:30:00+00:00")
    assert lsg["agendaItem"][0]["modified"] == lsg["location"]["modified"] == lsg["modified"]
    other = fetch(SITE_URL + "oparl/v1/meeting/socialnamnden/2024-03-12.json")
    assert other["created"] == other["modified"] == "2024-03-20T09:00:00+00:00"
    assert fetch(SYSTEM)["modified"] == "2024-04-02T07:30:00+00:00"
    # An edit not yet committed was made at the build's moment (SOURCE_DATE_EPOCH).
    other_file = project.content / "socialnamnden/2024-03-12.md"
    other_file.write_text(other_file.read_text(encoding="utf-8").replace("time: \"13.00", "time: \"13.15"), encoding="utf-8")
    assert project.build(on=dt.date(2024, 5, 6)).code == 0
    other = fetch(SITE_URL + "oparl/v1/meeting/socialnamnden/2024-03-12.json")
    assert (other["created"], other["modified"]) == ("2024-03-20T09:00:00+00:00", "2024-05-06T00:00:00+00:00")


def test_outside_git_the_dates_are_the_build_day(fixture_site: Path) -> None:
    """(The fixture project is no git repository: its build day is the newest meeting's, 2024-03-12.)"""
    meeting = from_files(fixture_site, SITE_URL)(SITE_URL + "oparl/v1/meeting/lsg/2021-02-19.json")
    assert meeting["created"] == meeting["modified"] == "2024-03-12T00:00:00+00:00"


@pytest.mark.parametrize("page", ["folj", "data"])
def test_the_follow_and_data_pages_link_the_endpoint(example_site: Path, page: str) -> None:
    html = (example_site / page / "index.html").read_text(encoding="utf-8")
    assert 'href="../oparl/v1/system.json"' in html and SYSTEM in html


def test_without_a_site_url_there_is_no_endpoint_and_no_link_to_it(project: Project) -> None:
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("site_url: https://protokollarkivet.example.se/\n", ""), encoding="utf-8")
    assert project.build().code == 0
    assert not (project.site / "oparl").exists()
    for page in ("folj", "data"):
        assert "oparl/v1" not in (project.site / page / "index.html").read_text(encoding="utf-8")
