"""E-mail alerts, the pure part: the configuration (which segments go to which list), what the
built site published (read back from its open data), and what is new in a segment since the last
run. `digest.py` writes the message, `notify.py` sends it and keeps the state.

A segment is `alla` (everything), a body by its key (`lsg`) or a topic as `amne/<key>`. Each is
sent to one mailing-list address: the list server, never the archive, holds the subscribers.

"New" is a set difference, not a date comparison: every publication has a stable key (the
meeting's key and what was published: `lsg/2023-09-15#protokoll`, `#kallelse`, `#rattelse-…`), the
state remembers the keys a segment has been told of, and anything else in the segment is news.
Minutes adjusted and published weeks after their meeting are then news on the day they appear,
which no watermark date on the meeting could say.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from .messages import _
from .problems import Problem, did_you_mean

ALL = "alla"
TOPIC_PREFIX = "amne/"
MINUTES_STATUSES = frozenset({"justerat", "anslaget", "slutlig"})
"""A meeting in one of these states has published minutes."""
NOTICE_STATUSES = frozenset({"kallad"})
"""A meeting in one of these states has a published kallelse (notice of the meeting) and no minutes yet."""
CODE = "alerts"
_ADDRESS = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")


# -- the configuration ----------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class AlertList:
    """One segment's mailing list."""

    segment: str
    address: str
    subscribe: str
    """Where a reader signs up: the list's web form or a `mailto:` join address."""
    unsubscribe: str
    """Where a reader leaves (the List-Unsubscribe header and every message's footer)."""
    line: int = 1
    """Its line in the configuration file, for problems."""

    @property
    def topic(self) -> str | None:
        return self.segment.removeprefix(TOPIC_PREFIX) if self.segment.startswith(TOPIC_PREFIX) else None


@dataclass(frozen=True, slots=True)
class AlertConfig:
    sender: str = ""
    lists: tuple[AlertList, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.lists)


def parse_alerts(options: object, where: str = "mkdocs.yml", lines: Mapping[str, int] | None = None
                 ) -> tuple[AlertConfig, list[Problem]]:
    """The plugin's `alerts` option. A list is an address, or a mapping of `address`, `subscribe`,
    `unsubscribe`; without them the subscribe and unsubscribe routes are the `subscribe`/`unsubscribe`
    given beside `lists`, else Mailman's `<list>-join@` and `<list>-leave@` addresses. `lines`
    are the options' lines in the file (`option_lines`)."""
    lines = lines or {}
    if not options:
        return AlertConfig(), []
    if not isinstance(options, Mapping):
        return AlertConfig(), [_problem(where, lines, "alerts", _("expected a mapping with 'from' and 'lists'"))]
    problems = [_problem(where, lines, f"alerts.{key}", _("unknown option"), _("the options are: from, lists, subscribe, unsubscribe"))
                for key in options if key not in ("from", "lists", "subscribe", "unsubscribe")]
    sender = options.get("from") or ""
    if not isinstance(sender, str) or "@" not in sender:
        problems.append(_problem(where, lines, "alerts.from",
                                 _("expected the sender's address, e.g. 'Protokollarkivet <noreply@example.se>'")))
    lists = options.get("lists") or {}
    if not isinstance(lists, Mapping) or not lists:
        problems.append(_problem(where, lines, "alerts.lists", _("expected a mapping of segments to list addresses")))
        lists = {}
    found = []
    for segment, value in lists.items():
        entry, trouble = _list(str(segment), value, options, where, lines)
        problems += trouble
        if entry:
            found.append(entry)
    return AlertConfig(sender if isinstance(sender, str) else "", tuple(found)), problems


def _list(segment: str, value: object, options: Mapping, where: str, lines: Mapping[str, int]
          ) -> tuple[AlertList | None, list[Problem]]:
    field = f"alerts.lists.{segment}"
    given = value if isinstance(value, Mapping) else {"address": value}
    address = given.get("address")
    if not isinstance(address, str) or not _ADDRESS.match(address):
        return None, [_problem(where, lines, field, _("expected the list's e-mail address"))]
    local, domain = address.split("@")
    subscribe = given.get("subscribe") or options.get("subscribe") or f"mailto:{local}-join@{domain}"
    unsubscribe = given.get("unsubscribe") or options.get("unsubscribe") or f"mailto:{local}-leave@{domain}"
    if not all(isinstance(route, str) and route.startswith(("https://", "http://", "mailto:")) for route in (subscribe, unsubscribe)):
        return None, [_problem(where, lines, field, _("subscribe and unsubscribe must be https:// or mailto: addresses"))]
    return AlertList(segment, address, subscribe, unsubscribe, _line(lines, field)), []


def unknown_segments(config: AlertConfig, bodies: Mapping[str, object], topics: Mapping[str, object],
                     where: str = "mkdocs.yml") -> list[Problem]:
    """Segments that name no body or topic of the archive (a typo would send nothing, silently)."""
    problems = []
    for entry in config.lists:
        topic = entry.topic
        known = entry.segment == ALL or (topic in topics if topic is not None else entry.segment in bodies)
        if not known:
            choices = [ALL, *bodies, *(TOPIC_PREFIX + key for key in topics)]
            problems.append(_problem(where, {"": entry.line}, f"alerts.lists.{entry.segment}", _("no body or topic has this key"),
                                     did_you_mean(entry.segment, choices) or
                                     _("a segment is 'alla', a body's key or 'amne/' and a topic's key")))
    return problems


def _problem(where: str, lines: Mapping[str, int], field: str, message: str, hint: str = "") -> Problem:
    return Problem(where, _line(lines, field), field, message, hint, code=CODE)


def _line(lines: Mapping[str, int], field: str) -> int:
    """The line of `field` (dotted), or of its nearest ancestor that has one, or 1."""
    while field and field not in lines:
        field = field.rpartition(".")[0]
    return lines.get(field, 1)


def option_lines(text: str) -> dict[str, int]:
    """The line of each key under the protokollarkivet plugin's `alerts` in `mkdocs.yml`'s text
    (`alerts.lists.lsg` -> 52). Composed, not loaded: MkDocs' tags need no constructor."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return {}
    plugins = _value(root, "plugins")
    items = plugins.value if isinstance(plugins, yaml.SequenceNode) else [plugins] if plugins else []
    options = next((_value(item, "protokollarkivet") for item in items if _value(item, "protokollarkivet")), None)
    lines: dict[str, int] = {}
    _walk(_value(options, "alerts"), "alerts", lines)
    if options is not None:
        for key, _node in options.value:
            if key.value == "alerts":
                lines["alerts"] = key.start_mark.line + 1
    return lines


def _value(node: object, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)


def _walk(node: yaml.Node | None, path: str, lines: dict[str, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            lines[f"{path}.{key.value}"] = key.start_mark.line + 1
            _walk(value, f"{path}.{key.value}", lines)


# -- what the site published ----------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Decision:
    kind: str
    text: str
    url: str


@dataclass(frozen=True, slots=True)
class Entry:
    """An item (§) as the digest shows it."""

    label: str
    """`§ 28` or '' for an unnumbered item."""
    title: str
    url: str
    topics: tuple[str, ...]
    decisions: tuple[Decision, ...]
    proposals: tuple[Decision, ...] = ()
    """A kallelse's proposed decisions."""


@dataclass(frozen=True, slots=True)
class Published:
    """A meeting as the built site's open data has it."""

    key: str
    """`lsg/2023-09-15`"""
    body: str
    title: str
    """`Länssamverkansgruppen 15 september 2023`"""
    date: dt.date
    status: str
    url: str
    adjusted_on: dt.date | None
    announced_on: dt.date | None
    corrections: tuple[tuple[dt.date, str], ...]
    entries: tuple[Entry, ...]

    def about(self, topic: str) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if topic in e.topics)


@dataclass(frozen=True, slots=True)
class SiteData:
    site_url: str
    bodies: dict[str, str]
    """Key -> name."""
    topics: dict[str, str]
    """Key -> name."""
    meetings: tuple[Published, ...]


class SiteError(Exception):
    """The built site cannot be read: not built, or built without `site_url`."""


def read_site(site: Path) -> SiteData:
    """The built site's open data (`data/index.json` and the files it leads to)."""
    index_path = site / "data" / "index.json"
    try:
        index = json.loads(index_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise SiteError(_("{path}: no open data here (build the site first): {error}").format(path=index_path, error=error))
    base = str(index.get("id", "")).removesuffix("data/index.json") if isinstance(index, dict) else ""
    if ".invalid/" in base:
        raise SiteError(_("{path}: the site was built without site_url in mkdocs.yml; messages need permanent addresses")
                        .format(path=index_path))
    bodies, meetings = {}, []
    path = index_path
    try:
        for organization in index["organization"]:
            key = organization["id"].removeprefix(base + "data/").removesuffix(".json")
            bodies[key] = organization["name"]
            for url in organization["meeting"]:
                path = site / url.removeprefix(base)
                meetings.append(_published(key, json.loads(path.read_text(encoding="utf-8"))))
        topics = {t["key"]: t["name"] for t in index.get("x-topics", [])}
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise SiteError(_("{path}: not the open data this version writes ({error}); build the site again").format(
            path=path, error=f"{type(error).__name__}: {error}"))
    meetings.sort(key=lambda m: (m.date, m.key))
    return SiteData(base, bodies, topics, tuple(meetings))


def _published(body: str, data: dict) -> Published:
    day = lambda value: dt.date.fromisoformat(value) if value else None  # noqa: E731
    entries = tuple(
        Entry(f"§ {item['number']}" if item.get("number") else "", item["name"], item["id"], tuple(item.get("x-topics", [])),
              tuple(Decision(d["kind"], d["text"], d["id"]) for d in item.get("x-decisions", [])),
              tuple(Decision(d["kind"], d["text"], d["id"]) for d in item.get("x-proposals", [])))
        for item in data.get("agendaItem", []))
    slug = data["id"].rsplit("/", 1)[-1].removesuffix(".json")
    return Published(f"{body}/{slug}", body, data["name"], dt.date.fromisoformat(data["start"]), data["x-status"], data["web"],
                     day(data.get("x-adjusted-on")), day(data.get("x-announced-on")),
                     tuple((dt.date.fromisoformat(c["date"]), c["text"]) for c in data.get("x-corrections", [])), entries)


# -- what is new ----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class News:
    """One publication: minutes, a kallelse or a correction of one meeting."""

    key: str
    kind: str
    """`protokoll`, `kallelse` or `rättelse`."""
    meeting: Published
    day: dt.date
    """When it was published, as far as the data says (for `--since`)."""
    text: str = ""
    """A correction's note."""


def publications(meeting: Published) -> list[News]:
    """What a meeting's page has published: its minutes or its kallelse, and each correction."""
    found = []
    if meeting.status in MINUTES_STATUSES:
        day = meeting.announced_on or meeting.adjusted_on or meeting.date
        found.append(News(f"{meeting.key}#protokoll", "protokoll", meeting, day))
    elif meeting.status in NOTICE_STATUSES:
        found.append(News(f"{meeting.key}#kallelse", "kallelse", meeting, meeting.date))
    seen_on: dict[dt.date, int] = {}
    for day, text in meeting.corrections:
        seen_on[day] = seen_on.get(day, 0) + 1
        found.append(News(f"{meeting.key}#rattelse-{day.isoformat()}-{seen_on[day]}", "rättelse", meeting, day, text))
    return found


def in_segment(meeting: Published, segment: str) -> bool:
    if segment == ALL:
        return True
    if segment.startswith(TOPIC_PREFIX):
        return bool(meeting.about(segment.removeprefix(TOPIC_PREFIX)))
    return meeting.body == segment


def segment_news(data: SiteData, segment: str) -> list[News]:
    """Everything published in a segment, oldest first."""
    return [news for meeting in data.meetings if in_segment(meeting, segment) for news in publications(meeting)]


@dataclass(frozen=True, slots=True)
class Due:
    """What a segment is to be told now, and what it will have been told once it is sent."""

    segment: str
    news: tuple[News, ...]
    seen: frozenset[str]


def due(data: SiteData, segment: str, seen: frozenset[str] | None, since: dt.date | None) -> Due:
    """The news of a segment: what is not in `seen` (the state); for a segment without a state,
    what was published on or after `since`, or nothing (the first run records where it starts)."""
    everything = segment_news(data, segment)
    keys = frozenset(n.key for n in everything)
    if seen is None:
        fresh = [n for n in everything if since is not None and n.day >= since]
        return Due(segment, tuple(fresh), keys)
    return Due(segment, tuple(n for n in everything if n.key not in seen), seen | keys)


def segment_name(data: SiteData, segment: str) -> str:
    """`Länssamverkansgruppen`, the topic's name, or '' for the whole archive."""
    if segment.startswith(TOPIC_PREFIX):
        return data.topics.get(segment.removeprefix(TOPIC_PREFIX), segment)
    return "" if segment == ALL else data.bodies.get(segment, segment)
