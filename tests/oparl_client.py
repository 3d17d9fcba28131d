"""A minimal OParl 1.1 client, as the tests and bench/oparl.py use it: it walks an endpoint from
its System object through every list and every `next` link, fetching every object at its `id`,
and validates each against the official schemas (vendored in tests/vendor/oparl/)."""

from __future__ import annotations

import datetime as dt
import json
import re
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import jsonschema

SCHEMAS = Path(__file__).resolve().parent / "vendor" / "oparl" / "schema"
OPARL = "https://schema.oparl.org/1.1/"

BACK_REFERENCES = {
    "AgendaItem": ("meeting",), "File": ("meeting", "agendaItem", "paper"), "Consultation": ("paper",),
    "Membership": ("person",), "LegislativeTerm": ("body",),
    "Location": ("bodies", "organizations", "persons", "meetings", "papers"),
}
"""What an object gains when fetched on its own rather than embedded in its parent (OParl 1.1, 3)."""

BODY_LISTS = ("organization", "person", "meeting", "paper", "agendaItem", "file", "consultation", "locationList",
              "legislativeTermList", "membership")

_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")
"""OParl 1.1, 2.4: a date-time is `yyyy-mm-ddThh:mm:ss±hh:mm`."""

Fetch = Callable[[str], dict]


# -- validation ----------------------------------------------------------------------------------


def _format_checker() -> jsonschema.FormatChecker:
    checker = jsonschema.FormatChecker(formats=())

    @checker.checks("url")
    def url(value: object) -> bool:
        parts = urllib.parse.urlsplit(value) if isinstance(value, str) else None
        return parts is None or (parts.scheme in ("http", "https") and bool(parts.netloc))

    @checker.checks("date", raises=ValueError)
    def date(value: object) -> bool:
        return not isinstance(value, str) or (len(value) == 10 and bool(dt.date.fromisoformat(value)))

    @checker.checks("date-time", raises=ValueError)
    def date_time(value: object) -> bool:
        return not isinstance(value, str) or (bool(_DATE_TIME.match(value)) and bool(dt.datetime.fromisoformat(value)))

    return checker


@lru_cache(maxsize=None)
def validator(kind: str) -> jsonschema.protocols.Validator:
    schema = json.loads((SCHEMAS / f"{kind}.json").read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema, format_checker=_format_checker())


def violations(obj: dict, strict: bool = True) -> list[str]:
    """Every way `obj` and the OParl objects embedded in it break the official 1.1 schemas; with
    `strict` also the formats (url, date, date-time) and the rule the schemas cannot express:
    every object, embedded ones too, has `created` and `modified` (OParl 1.1, 3.1)."""
    found = []
    for where, typed in typed_objects(obj):
        kind = typed["type"].removeprefix(OPARL)
        schema = validator(kind) if strict else jsonschema.Draft4Validator(validator(kind).schema)
        found += [f"{where or kind}: {error.json_path}: {error.message}" for error in schema.iter_errors(typed)]
        if strict:
            found += [f"{where or kind}: {key} is required (OParl 1.1, 3.1)" for key in ("created", "modified") if key not in typed]
    return found


def typed_objects(value: object, where: str = "") -> list[tuple[str, dict]]:
    """Every object with an OParl 1.1 type in `value`, itself included, with where it is."""
    found = []
    if isinstance(value, dict):
        if isinstance(value.get("type"), str) and value["type"].startswith(OPARL):
            found.append((where, value))
        for key, inner in value.items():
            found += typed_objects(inner, f"{where}.{key}" if where else key)
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += typed_objects(inner, f"{where}[{index}]")
    return found


# -- fetching --------------------------------------------------------------------------------------


def from_files(site: Path, site_url: str) -> Fetch:
    """Fetch a URL under `site_url` from the built site's files, as a static host serves them."""
    def fetch(url: str) -> dict:
        assert url.startswith(site_url), f"{url} is not under {site_url}"
        return json.loads((site / url[len(site_url):]).read_bytes())
    return fetch


def over_http(server: str, site_url: str) -> Fetch:
    """Fetch a URL under `site_url` from a static file server at `server` that serves the site."""
    def fetch(url: str) -> dict:
        assert url.startswith(site_url), f"{url} is not under {site_url}"
        with urllib.request.urlopen(server + url[len(site_url):], timeout=30) as response:
            assert response.status == 200
            return json.loads(response.read())
    return fetch


# -- the walk ----------------------------------------------------------------------------------------


@dataclass
class Walk:
    system: dict = field(default_factory=dict)
    objects: dict[str, dict] = field(default_factory=dict)
    """Every object reached, by id, as fetched from its id."""
    listed: dict[str, list[str]] = field(default_factory=dict)
    """A Body list property (`meeting`, ...) -> the ids it lists, in order, over all its pages."""
    organization_meetings: dict[str, list[str]] = field(default_factory=dict)
    pages: list[str] = field(default_factory=list)
    """Every list page fetched, in order."""
    problems: list[str] = field(default_factory=list)
    """What a client would trip over: ids that do not resolve, objects that differ from their own
    file, pages or objects reached twice, a page without `next`."""

    @property
    def fetched(self) -> set[str]:
        return set(self.pages) | set(self.objects)


def walk(fetch: Fetch, system_url: str) -> Walk:
    """From the System object through every list, page by page, and every object at its id."""
    result = Walk()
    result.system = _object(fetch, system_url, result)
    listed: set[str] = set()
    if "body" not in result.system:
        result.problems.append(f"{system_url} is no System with a list of bodies")
        return result
    for body in _list(fetch, result.system["body"], result):
        body = _object(fetch, body["id"], result, body)
        for prop in BODY_LISTS:
            if prop not in body:
                continue
            ids = result.listed.setdefault(prop, [])
            for entry in _list(fetch, body[prop], result):
                if entry["id"] in listed:
                    result.problems.append(f"{entry['id']} is listed twice")
                listed.add(entry["id"])
                ids.append(entry["id"])
                _object(fetch, entry["id"], result, entry)
        for organization_id in result.listed.get("organization", []):
            organization = result.objects[organization_id]
            if "meeting" in organization:
                result.organization_meetings[organization_id] = [
                    m["id"] for m in _list(fetch, organization["meeting"], result, compare=result.objects)]
    return result


def _object(fetch: Fetch, url: str, result: Walk, seen_as: dict | None = None) -> dict:
    """The object at `url`, compared with how a list or a parent showed it, and every object
    embedded in it compared with the object at its own id."""
    try:
        obj = fetch(url)
    except Exception as error:  # noqa: BLE001 (a client sees any failure as an unreachable id)
        result.problems.append(f"{url} does not resolve: {error}")
        return seen_as or {}
    if obj.get("id") != url:
        result.problems.append(f"{url} holds an object whose id is {obj.get('id')}")
    if seen_as is not None and seen_as != obj:
        result.problems.append(f"{url} differs from the object a list or its parent showed")
    result.objects[url] = obj
    for where, embedded in typed_objects(obj)[1:]:
        _embedded(fetch, url, where, embedded, result)
    return obj


def _embedded(fetch: Fetch, parent: str, where: str, embedded: dict, result: Walk) -> None:
    url = embedded.get("id", "")
    own = result.objects.get(url)
    if own is None:
        try:
            own = fetch(url)
        except Exception as error:  # noqa: BLE001
            result.problems.append(f"{parent} {where}: {url} does not resolve: {error}")
            return
    result.objects.setdefault(url, own)
    kind = embedded["type"].removeprefix(OPARL)
    back = BACK_REFERENCES.get(kind, ())
    if {k: v for k, v in own.items() if k not in back} != {k: v for k, v in embedded.items() if k not in back}:
        result.problems.append(f"{parent} {where}: differs from {url}")


def _list(fetch: Fetch, first: str, result: Walk, compare: dict | None = None) -> list[dict]:
    """Every entry of an external list, following `links.next` from its first page."""
    entries, url, number = [], first, 0
    while url:
        here = url
        if url in result.pages:
            result.problems.append(f"list page {url} is reached twice")
            break
        result.pages.append(url)
        number += 1
        try:
            page = fetch(url)
        except Exception as error:  # noqa: BLE001
            result.problems.append(f"list page {url} does not resolve: {error}")
            break
        missing = [key for key in ("data", "pagination", "links") if key not in page]
        if missing:
            result.problems.append(f"list page {url} lacks {', '.join(missing)}")
            break
        for entry in page["data"]:
            if compare is not None and compare.get(entry.get("id")) != entry:
                result.problems.append(f"{url}: {entry.get('id')} differs from the object at its id")
        entries += page["data"]
        url = page["links"].get("next")
        total = page["pagination"].get("totalPages")
        if total is not None and (number < total) != bool(url):
            result.problems.append(f"list page {here}, {number} of {total}: `next` is {'missing' if number < total else 'extra'}")
    return entries
