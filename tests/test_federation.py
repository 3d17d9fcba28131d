"""A region's portal searches its municipalities' archives together: two member archives (the fixture
archive split in two: the region's Länssamverkansgruppen and a municipality's Socialnämnden) are
built, and a portal is built from their published sites. A reader searches all of them at once,
narrows by organisation and is sent to the member's permanent URL; a member rebuilt alone is picked
up by the portal's next build; a member that cannot be read keeps its last copy, and the portal
says so."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest

from generator.linkcheck import check_site
from generator.search import packs

from .browsing import Visit
from .conftest import ROOT, Project, make_project, serve
from .test_accessibility import violations

pytestmark = pytest.mark.heavy  # (run first: conftest.py)

REGION_URL = "https://protokoll.region.example/arkiv/"
TOWN_URL = "https://protokoll.exempelby.example/"
REGISTRY = f"""- key: region
  name: Region Västerbotten
  url: {REGION_URL}
  path: ../region/site
- key: exempelby
  name: Exempelby kommun
  url: {TOWN_URL}
  path: ../exempelby/site
"""
SHARED_WORD = "Insatserna samordnas med kommunernas hemtjänst."
"""Added to the region's § 5, so that one query ("hemtjänst") finds items of both members."""
DAY = dt.date(2026, 11, 30)


@dataclass
class Federation:
    region: Project
    town: Project
    portal: Project


def _member(root: Path, keep: str | tuple[str, ...], url: str, content: Path | None = None) -> Project:
    """The fixture archive (or `content`) with only the bodies `keep`, published at `url`."""
    keep = (keep,) if isinstance(keep, str) else keep
    project = make_project(root, *([content] if content else []))
    for folder in project.content.iterdir():
        if folder.is_dir() and folder.name not in keep:
            shutil.rmtree(folder)
    entries = re.split(r"(?m)^(?=- key: )", (project.content / "bodies.yml").read_text(encoding="utf-8"))
    project.write("bodies.yml", "".join(e for e in entries if any(e.startswith(f"- key: {key}\n") for key in keep)))
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("https://protokollarkivet.example.se/", url), encoding="utf-8")
    return project


def _portal(root: Path, registry: str = REGISTRY) -> Project:
    (root / "content").mkdir(parents=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("custom_dir: theme", f"custom_dir: {ROOT / 'theme'}")
    config = config.replace("https://protokollarkivet.example.se/", "https://portal.region.example/").replace("site_name: Protokollarkivet", "site_name: Protokollportalen")
    options = "  - protokollarkivet:\n      organisation: Regionens protokollportal\n      federation: federation.yml\n\nvalidation:"
    (root / "mkdocs.yml").write_text(re.sub(r"(?s)  - protokollarkivet:\n.*?\nvalidation:", options, config), encoding="utf-8")
    (root / "federation.yml").write_text(registry, encoding="utf-8")
    return Project(root)


def _federation(root: Path) -> Federation:
    region = _member(root / "region", "lsg", REGION_URL)
    meeting = region.content / "lsg" / "2021-02-19.md"
    text = meeting.read_text(encoding="utf-8")
    meeting.write_text(text.replace("Länssamverkansgruppen fick information om ansökningsprocess.",
                                    f"Länssamverkansgruppen fick information om ansökningsprocess. {SHARED_WORD}"), encoding="utf-8")
    town = _member(root / "exempelby", "socialnamnden", TOWN_URL)
    for member in (region, town):
        run = member.build(on=DAY)
        assert run.code == 0, run.stderr
    return Federation(region, town, _portal(root / "portal"))


def _index_records(site: Path, kind: str) -> list:
    """Every item of the search index's `kind` packs (`d`: results' facts, `x`: their texts)."""
    index = site / "sok" / "index"
    dictionary = json.loads((index / "manifest.json").read_bytes()).get("textDictionary") if kind == "x" else None
    return [item for pack in sorted((index / kind).glob("*" + packs.SUFFIX))
            for block in packs.records(pack.read_bytes(), (index / dictionary).read_bytes() if dictionary else b"")
            for item in block]


def _documents(site: Path) -> list[list]:
    return _index_records(site, "d")


def _home(site: Path) -> str:
    return (site / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Federation:
    federation = _federation(tmp_path_factory.mktemp("federation"))
    run = federation.portal.build(on=DAY)
    assert run.code == 0, run.stderr
    return federation


@pytest.fixture(scope="module")
def portal_server(built: Federation):
    httpd, url = serve(built.portal.site)
    yield url
    httpd.shutdown()


def test_the_portal_lists_every_member_and_its_bodies_linking_to_the_members(built: Federation) -> None:
    home = _home(built.portal.site)
    assert "Region Västerbotten" in home and "Exempelby kommun" in home
    assert home.count("Socialnämnden</a>") == 1 and home.count("Länssamverkansgruppen</a>") == 1
    assert f'href="{REGION_URL}lsg/"' in home and f'href="{TOWN_URL}socialnamnden/"' in home
    assert home.count("Senast läst 30 november 2026") == 2
    assert f'href="{TOWN_URL}socialnamnden/2024-03-12/"' in home  # (the latest meetings, at their member)
    # The portal renders no meeting or body page of its own, and no page of the members' own kinds.
    pages = {p.parent.relative_to(built.portal.site).as_posix() for p in built.portal.site.rglob("index.html")}
    assert pages == {".", "sok", "tillganglighet"}
    assert check_site(built.portal.site) == []  # (no broken link of its own, nothing fetched from another host)


def test_every_search_result_is_a_members_permanent_url(built: Federation) -> None:
    refs = [doc[0] for doc in _documents(built.portal.site)]
    assert f"{REGION_URL}lsg/2021-02-19/#p5" in refs and f"{TOWN_URL}socialnamnden/2024-03-12/#p11" in refs
    assert all(ref.startswith((REGION_URL, TOWN_URL)) for ref in refs)
    # Each member's items are the member's own: the portal indexes what the member's search does.
    member_refs = {doc[0] for doc in _documents(built.town.site)}
    assert {ref.removeprefix(TOWN_URL) for ref in refs if ref.startswith(TOWN_URL)} == member_refs


def test_the_combined_feed_links_to_the_members(built: Federation) -> None:
    feed = (built.portal.site / "atom.xml").read_text(encoding="utf-8")
    links = re.findall(r'<link href="([^"]+)"', feed)
    entries = [link for link in links if "portal.region.example" not in link]
    assert f"{REGION_URL}lsg/2021-02-19/" in entries and f"{TOWN_URL}socialnamnden/2024-03-12/#p11-b1" in entries
    assert all(link.startswith((REGION_URL, TOWN_URL)) for link in entries)


def test_a_query_finds_both_members_and_the_organisation_facet_narrows(browser: object, portal_server: str) -> None:
    visit = Visit(browser, portal_server)
    visit.open(portal_server + "sok/?q=" + quote("hemtjänst"))
    results = visit.page.locator("#sok-resultat > li")
    results.first.wait_for()
    hrefs = [a.get_attribute("href") for a in visit.page.locator("#sok-resultat > li > a").all()]
    assert f"{REGION_URL}lsg/2021-02-19/#p5" in hrefs and f"{TOWN_URL}socialnamnden/2024-03-12/#p11" in hrefs
    assert visit.page.locator("#sok-facetter legend").all_inner_texts()[0] == "Organisation"
    town = visit.page.locator("#sok-facetter input[data-facet=org][value='Exempelby kommun']")
    count = int(visit.page.locator(f"label[for={town.get_attribute('id')}] .pa-count").inner_text().strip("()"))
    town.check()
    visit.page.wait_for_function("document.querySelector('.pa-sok-status').textContent.startsWith('" + f"{count} träff" + "')")
    narrowed = [a.get_attribute("href") for a in visit.page.locator("#sok-resultat > li > a").all()]
    assert narrowed and all(href.startswith(TOWN_URL) for href in narrowed) and len(narrowed) < len(hrefs)
    assert "org=Exempelby+kommun" in visit.page.url
    visit.close()
    assert visit.errors == [] and visit.foreign == []


def test_the_header_box_offers_a_members_item(browser: object, portal_server: str) -> None:
    visit = Visit(browser, portal_server)
    visit.open(portal_server)
    visit.page.focus("#pa-sok-header")
    visit.page.keyboard.type("trygghetslarm")
    # (the list follows the typing: wait for the whole word's results)
    visit.page.locator(f"#pa-sok-forslag [role=option] a[href^='{TOWN_URL}']").first.wait_for()
    hrefs = [a.get_attribute("href") for a in visit.page.locator("#pa-sok-forslag [role=option] a").all()]
    assert hrefs[0] == f"{TOWN_URL}socialnamnden/2024-03-12/#p12"
    visit.close()
    assert visit.errors == [] and visit.foreign == []


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("page", ["", "sok/?q=hemtj%C3%A4nst", "tillganglighet/", "404.html"])
def test_every_portal_page_passes_axe(browser: object, portal_server: str, page: str, width: int) -> None:
    assert violations(browser, portal_server + page, width) == []


def test_a_member_rebuilt_alone_is_picked_up_and_an_unreadable_one_keeps_its_last_copy(tmp_path: Path) -> None:
    federation = _federation(tmp_path)
    assert federation.portal.build(on=DAY).code == 0
    # The municipality changes an item and rebuilds its own archive; the portal's next build has it.
    meeting = federation.town.content / "socialnamnden" / "2024-03-12.md"
    meeting.write_text(meeting.read_text(encoding="utf-8").replace(
        "Förvaltningen har tagit fram förslag", "Förvaltningen har med kvarterslotsar tagit fram förslag"), encoding="utf-8")
    assert federation.town.build(on=DAY).code == 0
    run = federation.portal.build(on=DAY + dt.timedelta(days=1))
    assert run.code == 0, run.stderr
    assert any("kvarterslotsar" in text for text in _index_records(federation.portal.site, "x"))
    # Then the municipality's site cannot be read: the portal's build goes on with its last copy.
    shutil.rmtree(federation.town.site)
    run = federation.portal.build(on=DAY + dt.timedelta(days=2))
    assert run.code == 0, run.stderr
    said = run.stderr + run.stdout
    assert "federation.yml:5:" in said and "exempelby" in said and "2026-12-01" in said and "data/index.json" in said
    assert "Traceback" not in said
    home = _home(federation.portal.site)
    assert "Kunde inte läsas vid senaste uppdateringen" in home and "senast lästes 1 december 2026" in home
    assert "Senast läst 2 december 2026" in home  # (the region, read in this build)
    refs = [doc[0] for doc in _documents(federation.portal.site)]
    assert f"{TOWN_URL}socialnamnden/2024-03-12/#p11" in refs
    assert any("kvarterslotsar" in text for text in _index_records(federation.portal.site, "x"))


def test_a_member_never_read_is_left_out_and_the_page_says_so(tmp_path: Path) -> None:
    federation = _federation(tmp_path)
    (federation.portal.root / "federation.yml").write_text(REGISTRY.replace("../exempelby/site", "../saknas/site"), encoding="utf-8")
    run = federation.portal.build(on=DAY)
    assert run.code == 0, run.stderr
    assert "exempelby" in run.stderr and "Traceback" not in run.stderr
    home = _home(federation.portal.site)
    assert "Arkivet har inte kunnat läsas ännu" in home
    assert not any(doc[0].startswith(TOWN_URL) for doc in _documents(federation.portal.site))


def test_a_wrong_registry_stops_the_build_at_its_line(tmp_path: Path) -> None:
    federation = _federation(tmp_path)
    (federation.portal.root / "federation.yml").write_text(REGISTRY.replace(f"url: {TOWN_URL}", "adress: nowhere"), encoding="utf-8")
    run = federation.portal.build(on=DAY)
    assert run.code != 0 and "Traceback" not in run.stderr
    assert "federation.yml:5:" in run.stderr or "federation.yml:6:" in run.stderr
    assert not federation.portal.site.exists()


def test_a_member_is_read_from_its_published_url(tmp_path: Path) -> None:
    """In CI the members are read from the addresses they are published at (here a server on
    loopback); a host that answers 404, or none at all, is a member that cannot be read."""
    federation = _federation(tmp_path)
    httpd, url = serve(federation.town.site)
    empty = tmp_path / "empty"
    empty.mkdir()
    missing, missing_url = serve(empty)
    registry = REGISTRY.replace(f"url: {TOWN_URL}\n  path: ../exempelby/site\n", f"url: {url}\n")
    (federation.portal.root / "federation.yml").write_text(registry + f"- key: ny\n  name: Nykommun\n  url: {missing_url}\n",
                                                           encoding="utf-8")
    try:
        run = federation.portal.build(on=DAY)
        assert run.code == 0, run.stderr
        refs = [doc[0] for doc in _documents(federation.portal.site)]
        assert f"{url}socialnamnden/2024-03-12/#p11" in refs  # (the registry's address, not the member's site_url)
        assert "HTTP 404" in run.stderr and "ny" in run.stderr
    finally:
        httpd.shutdown()
        httpd.server_close()
        missing.shutdown()
        missing.server_close()
    run = federation.portal.build(on=DAY + dt.timedelta(days=1))
    assert run.code == 0, run.stderr
    assert "exempelby" in run.stderr and "2026-11-30" in run.stderr
    assert f"{url}socialnamnden/2024-03-12/#p11" in [doc[0] for doc in _documents(federation.portal.site)]


def test_the_example_archive_split_in_two_is_searched_as_one(tmp_path: Path, browser: object) -> None:
    """The example archive as two members, Västerbotten's bodies and the others', and a portal over
    both: one query finds items of both, and the organisation facet tells them apart."""
    halves = {"vasterbotten": ("lsg", "samrad"), "ovriga": ("vvg", "chefsgrupp-svo")}
    names = {"vasterbotten": "Västerbottens samverkansorgan", "ovriga": "Västra Götalands och Örebros samverkansorgan"}
    registry = ""
    for key, bodies in halves.items():
        member = _member(tmp_path / key, bodies, f"https://{key}.example/", ROOT / "content")
        (member.content / "redirects.yml").unlink()  # (its redirects lead to person pages of both halves)
        run = member.build(on=DAY)
        assert run.code == 0, run.stderr
        registry += f"- key: {key}\n  name: {names[key]}\n  url: https://{key}.example/\n  path: ../{key}/site\n"
    portal = _portal(tmp_path / "portal", registry)
    run = portal.build(on=DAY)
    assert run.code == 0, run.stderr
    httpd, url = serve(portal.site)
    try:
        visit = Visit(browser, url)
        visit.open(url + "sok/?q=" + quote("vård"))
        visit.page.locator("#sok-resultat > li").first.wait_for()
        visit.page.locator("#sok-facetter fieldset").first.wait_for(state="attached")
        organisations = visit.page.locator("#sok-facetter input[data-facet=org]").evaluate_all("boxes => boxes.map(b => b.value)")
        for organisation, member in (("Västra Götalandsregionen och VästKom", "ovriga"),
                                     ("Region Västerbotten och kommunerna i Västerbottens län", "vasterbotten")):
            box = visit.page.locator(f"#sok-facetter input[data-facet=org][value='{organisation}']")
            count = int(visit.page.locator(f"label[for={box.get_attribute('id')}] .pa-count").inner_text().strip("()"))
            total = int(visit.page.locator(".pa-sok-status").inner_text().split()[0])
            assert 0 < count < total
            box.check()
            visit.page.wait_for_function("document.querySelector('.pa-sok-status').textContent.startsWith('" + f"{count} träff" + "')")
            hrefs = [a.get_attribute("href") for a in visit.page.locator("#sok-resultat > li > a").all()]
            assert hrefs and all(h.startswith(f"https://{member}.example/") for h in hrefs)
            box.uncheck()
            visit.page.wait_for_function("document.querySelector('.pa-sok-status').textContent.startsWith('" + f"{total} träff" + "')")
        visit.close()
    finally:
        httpd.shutdown()
    assert len(organisations) == 3  # (Västerbotten's, Västra Götaland's and Örebro's)
    assert visit.errors == [] and visit.foreign == []


def test_the_portal_workflow_reads_the_members_hourly_and_keeps_their_last_copies() -> None:
    import yaml

    from generator.cache import CACHE_DIR

    workflow = yaml.safe_load((ROOT / "templates/portal-repository/.github/workflows/publish.yml").read_text(encoding="utf-8"))
    assert workflow[True]["schedule"] and "workflow_dispatch" in workflow[True]  # (YAML reads the key `on` as true)
    steps = {step.get("name"): step for step in workflow["jobs"]["build"]["steps"]}
    copies = steps["Restore the members' last copies"]["with"]
    assert copies["path"] == CACHE_DIR and copies["key"].startswith(copies["restore-keys"])
    assert steps["Build the portal"]["run"] == "mkdocs build --strict"
    assert workflow["jobs"]["deploy"]["needs"] == "build"
