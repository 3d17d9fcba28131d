"""Journalists and other systems reuse the archive: JSON shaped after OParl 1.1 that validates
against its published schemas, and CSV files a spreadsheet opens with å, ä, ö intact."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import jsonschema
import pytest


def load(site: Path, path: str) -> dict:
    return json.loads((site / "data" / path).read_text(encoding="utf-8"))


def test_every_json_file_validates_against_its_schema(example_site: Path) -> None:
    schemas = {name: load(example_site, f"schema/{name}.schema.json") for name in ("meeting", "organization", "index")}
    jsonschema.validate(load(example_site, "index.json"), schemas["index"])
    checked = 0
    for path in sorted((example_site / "data").rglob("*.json")):
        relative = path.relative_to(example_site / "data").as_posix()
        if relative.startswith("schema/") or relative == "index.json":
            continue
        schema = schemas["meeting"] if "/" in relative else schemas["organization"]
        jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), schema)
        checked += 1
    assert checked == 4 + 5


def test_a_meeting_in_json_holds_its_items_decisions_and_people(example_site: Path) -> None:
    meeting = load(example_site, "lsg/2023-09-15.json")
    assert meeting["type"] == "https://schema.oparl.org/1.1/Meeting"
    assert [i["number"] for i in meeting["agendaItem"]] == [str(n) for n in range(23, 36)]
    p28 = meeting["agendaItem"][5]
    assert p28["id"].endswith("lsg/2023-09-15/#p28") and len(p28["x-decisions"]) == 4
    assert {"name": "Diana Wikberg", "x-organisation": "Vindelns kommun", "x-attendance": "present",
            "type": "https://schema.oparl.org/1.1/Person"} in meeting["participant"]
    assert meeting["x-diarienummer"] == "HSN 200:3-2023"


@pytest.mark.parametrize(("name", "rows"), [("moten.csv", 5), ("arenden.csv", 67)])
def test_csv_files_open_in_a_spreadsheet(example_site: Path, name: str, rows: int) -> None:
    raw = (example_site / "data" / name).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(table) == rows + 1
    assert any("Länssamverkansgruppen" in row[0] for row in table[1:])


def test_decisions_csv_has_every_decision(example_site: Path) -> None:
    table = list(csv.reader(io.StringIO((example_site / "data/beslut.csv").read_bytes().decode("utf-8-sig"))))
    meetings = [load(example_site, p.relative_to(example_site / "data").as_posix())
                for p in (example_site / "data").glob("*/*.json") if p.parent.name != "schema"]
    assert len(table) - 1 == sum(len(i["x-decisions"]) for m in meetings for i in m["agendaItem"])


def test_the_sitemap_and_canonical_links_name_every_page(example_site: Path) -> None:
    sitemap = (example_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://protokollarkivet.example.se/lsg/2023-09-15/</loc>" in sitemap
    page = (example_site / "lsg/2023-09-15/index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://protokollarkivet.example.se/lsg/2023-09-15/">' in page


def test_the_data_page_lists_every_file_with_its_format_size_and_schema(example_site: Path) -> None:
    from generator.linkcheck import resolve
    from generator.render import _size

    page = example_site / "data" / "index.html"
    html = page.read_text(encoding="utf-8")
    lists = re.findall(r'<ul class="pa-data-files">(.*?)</ul>', html, re.DOTALL)
    entries = [entry for found in lists for entry in re.findall(r"<li>(.*?)</li>", found, re.DOTALL)]
    described: set[Path] = set()
    for entry in entries:
        links = [resolve(example_site, page, href)[0] for href in re.findall(r'<a href="([^"]+)"', entry)]
        meta = re.search(r'<span class="pa-filemeta">(.*?)</span>', entry, re.DOTALL)[1]
        pattern = re.match(r"<code>([\w-]+)/ÅÅÅÅ-MM-DD\.json</code>", entry)
        if pattern:  # a body's meetings, one file each
            files = sorted((example_site / "data" / pattern[1]).glob("*.json"))
            assert f"{len(files)} fil" in meta and _size(sum(f.stat().st_size for f in files)) in meta, entry
            described |= set(files)
        else:
            assert links[0].is_file() and _size(links[0].stat().st_size) in meta, entry
            described.add(links[0])
        name = (links[0] if not pattern else files[0]).name
        assert ("CSV" in meta) == name.endswith(".csv") and ("JSON" in meta) == name.endswith(".json"), entry
        if name.endswith(".json") and "schema/" not in entry.split("–")[0]:
            schema = links[-1]
            assert schema.parent.name == "schema" and schema.is_file(), entry
    published = {p for p in (example_site / "data").rglob("*") if p.is_file() and p.name != "index.html"}
    assert published == described, sorted(published ^ described)
