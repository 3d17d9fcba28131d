"""Archive -> the pages to make, each a small object with its target, title and template.

Views are plain data computed once from the Archive; templates only lay them out.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from . import appeal, dnr, urls
from .alerts import ALL, AlertList
from .coverage import BodyCoverage, Coverage, body_coverage, coverage
from .derive import AssignmentState, DecisionRef, Facts, ItemLink, ItemRef, MeetingLink, MeetingRef
from .figures import Figure, body_figures, home_figure, person_figure, topic_figure
from .model import Archive, Block, Body, Item, Meeting, Topic
from .people import People, name_key
from .messages import _
from .problems import Problem
from .settings import Accessibility, Registrar, Settings
from .text import swedish_key
from .versions import VersionHistory

LATEST_ON_HOME = 10


@dataclass(frozen=True, slots=True)
class View:
    target: urls.Target
    title: str
    template: str


@dataclass(frozen=True, slots=True)
class HomeView(View):
    bodies: list[tuple[Body, int]] = field(default_factory=list)
    """Each body with its number of meetings."""
    latest: list[MeetingRef] = field(default_factory=list)
    figures: tuple[Figure, ...] = ()
    """Each body's meetings per year, one small chart each."""


@dataclass(frozen=True, slots=True)
class BodyView(View):
    body: Body | None = None
    coming: list[MeetingRef] = field(default_factory=list)
    """Meetings not yet held (planned, called or cancelled, from the day the site is built for), soonest first."""
    years: list[tuple[int, list[MeetingRef]]] = field(default_factory=list)
    """Meetings grouped by year, newest year first."""
    decisions: list[DecisionRef] = field(default_factory=list)
    """The decision log, newest first."""
    figures: tuple[Figure, ...] = ()
    """Meetings and decisions per year; assignments over the years."""


@dataclass(frozen=True, slots=True)
class Announcement:
    """The notice-board facts of adjusted minutes under kommunallagen."""

    announced_on: dt.date
    last_appeal_day: dt.date
    late: bool
    latest_announcement: dt.date | None
    appeal_to: str | None
    running: bool
    """The appeal period runs on the day the site is built for."""


@dataclass(frozen=True, slots=True)
class MeetingView(View):
    ref: MeetingRef | None = None
    announcement: Announcement | None = None
    preview: bool = False
    registrar: Registrar | None = None
    previous: MeetingRef | None = None
    next: MeetingRef | None = None
    topics: dict[str, Topic] = field(default_factory=dict)
    bodies: dict[str, Body] = field(default_factory=dict)
    next_meetings_item: Item | None = None
    """The item that gives the next meetings (`§ 35 Nästa möte`): the page lists them there, not twice."""
    versions: VersionHistory | None = None
    """Its published versions and what changed (the plugin option `history`), when git knows the file."""
    due: list[AssignmentState] = field(default_factory=list)
    """The body's assignments due at this meeting (its kallelse shows what should be reported)."""
    moved_to: MeetingRef | None = None
    """The meeting a cancelled one moved to, when it is in the archive."""
    kungorelse: Kungorelse | None = None
    """The meeting's kungörelse, while it is on the notice board."""


NEXT_MEETING_TITLE = re.compile(
    r"^(?:(?:nästa|kommande)\s+(?:möte[nts]?|sammanträde[nts]?|mötestillfälle[nt]?|mötesdag(?:ar)?)"
    r"|(?:datum|tid|tider|tidpunkt)\s+för\s+(?:nästa|kommande)\s+(?:möte[nts]?|sammanträde[nts]?)"
    r"|(?:mötes|sammanträdes)(?:tider|datum|dagar|plan))\b", re.IGNORECASE)
"""How Swedish minutes title the item that sets the next meetings."""


def next_meetings_item(meeting: Meeting) -> Item | None:
    return next((item for item in meeting.items if NEXT_MEETING_TITLE.match(item.title.strip())), None)


@dataclass(frozen=True, slots=True)
class TopicView(View):
    topic: Topic | None = None
    timeline: list[tuple[int, list[ItemRef]]] = field(default_factory=list)
    """Items about the topic, grouped by year, newest first."""
    figures: tuple[Figure, ...] = ()
    """When and where the topic was taken up."""


@dataclass(frozen=True, slots=True)
class SearchView(View):
    """The search page; results come from the split index, in the browser."""


@dataclass(frozen=True, slots=True)
class DataFile:
    """An open-data file, or the files of one kind (a body's meetings), as the data page lists it."""

    path: str
    """Site-relative; for a group, the file that lists its members."""
    name: str
    """As shown: the file's name, or a pattern for a group (`lsg/ÅÅÅÅ-MM-DD.json`)."""
    content: str
    format: str
    size: int
    """Bytes; for a group, all its files together."""
    schema: str | None = None
    """Site-relative path of the JSON Schema the file follows."""
    group: int | None = None
    """For a group, how many files it has."""


@dataclass(frozen=True, slots=True)
class DataIndexView(View):
    """The open-data files with their formats, sizes and schemas. The files are made after the
    pages' views, so the list is filled in when the page is rendered (`opendata.with_files`)."""

    sections: list[tuple[str, str, list[DataFile]]] = field(default_factory=list)
    """(anchor, heading, files)."""


@dataclass(frozen=True, slots=True)
class DiarienummerView(View):
    """Everything in the archive filed under one diarienummer."""

    number: str = ""
    meetings: list[MeetingRef] = field(default_factory=list)
    items: list[ItemRef] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Kungorelse:
    """The notice of an assembly's coming meeting: posted, on the board until the meeting."""

    anchor: str
    posted_on: dt.date | None
    late: bool
    """Posted later than a week before the meeting (kommunallagen 5 kap. 55 §)."""


@dataclass(frozen=True, slots=True)
class NoticeBoardView(View):
    """Minutes announced on the notice board whose appeal period is running (tillkännagivanden),
    the kungörelser of assemblies' coming meetings, and minutes adjusted but not yet announced."""

    today: dt.date | None = None
    notices: list[tuple[MeetingRef, Announcement]] = field(default_factory=list)
    kungorelser: list[tuple[MeetingRef, Kungorelse]] = field(default_factory=list)
    pending: list[MeetingRef] = field(default_factory=list)
    """Minutes under kommunallagen adjusted, not yet announced: what the board still owes."""


@dataclass(frozen=True, slots=True)
class RedirectView(View):
    """A page that moved: a meta refresh to its new address (no script)."""

    to: str = ""


@dataclass(frozen=True, slots=True)
class RemovedView(View):
    """A page withdrawn on purpose, saying so and why."""

    reason: str = ""


def unique_targets(views: list[View], pages: list[str], content: str) -> list[Problem]:
    """Every address is one page's: two pages that claim one (a content page named like a body,
    a redirect from a page's own address) would leave only one of them published, silently."""
    first: dict[str, View] = {}
    problems = []
    plain = [View(urls.page(page), page, "") for page in pages]  # (content/*.md, published as they are)
    for view in [*plain, *views]:
        taken = first.setdefault(view.target.url, view)
        if taken is view:
            continue
        redirect = next((v for v in (taken, view) if isinstance(v, RedirectView)), None)
        page = next((v for v in (taken, view) if not v.template), None)
        where = f"{content}/redirects.yml" if redirect else f"{content}/{page.title}" if page else content
        problems.append(Problem(where, 1, f"/{view.target.url}", _("two pages claim this address: {first} and {second}").format(
            first=_described(taken), second=_described(view)),
            _("remove the redirect, or give the page another name") if redirect else _("give one of them another name"),
            code="unique-targets"))
    return problems


def _described(view: View) -> str:
    if isinstance(view, RedirectView):
        return _("a redirect to /{to}").format(to=view.to)
    if not view.template:
        return _("the page {file}").format(file=f"content/{view.title}")
    return f"'{view.title}'"


def permanence_views(archive: Archive) -> list[View]:
    views: list[View] = [RedirectView(urls.page_at(old), "Sidan har flyttat", "redirect.html", new)
                         for old, new in archive.redirects]
    views += [RemovedView(urls.page_at(url), "Sidan har tagits bort", "removed.html", reason) for url, reason in archive.removed]
    return views


@dataclass(frozen=True, slots=True)
class AssignmentsView(View):
    """A body's assignments, open and closed, overdue ones marked."""

    body: Body | None = None
    open: list[AssignmentState] = field(default_factory=list)
    closed: list[AssignmentState] = field(default_factory=list)
    today: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Appearance:
    """One meeting in a person's record, with what the minutes say the person did there."""

    meeting: MeetingLink
    attendance: str
    """närvarande, ersättare, frånvarande, tjänsteperson, inbjuden or '' (named only in an item)."""
    presented: tuple[ItemLink, ...] = ()
    acts: tuple[tuple[ItemLink, str], ...] = ()
    """Proposals, votes, dissents, notes and jäv, as (item, what). (Tuples, most of them empty:
    the 360,000 appearances of 10,000 protocols held two empty lists each, 40 MB.)"""


@dataclass(frozen=True, slots=True)
class PersonView(View):
    name: str = ""
    spellings: list[str] = field(default_factory=list)
    appearances: list[Appearance] = field(default_factory=list)
    figures: tuple[Figure, ...] = ()
    """Meetings attended per year."""


@dataclass(frozen=True, slots=True)
class PeopleView(View):
    people: list[tuple[str, str, int]] = field(default_factory=list)
    """(name, url, number of meetings)."""


@dataclass(frozen=True, slots=True)
class FollowView(View):
    """How to follow the archive: the feeds and calendars."""

    bodies: list[Body] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class AlertSegment:
    """One list that can be followed by e-mail, as the page `/bevaka/` shows it."""

    name: str
    kind: str
    """`hela arkivet`, `organ` or `ämne`."""
    page: str
    feed: str
    alert: AlertList


@dataclass(frozen=True, slots=True)
class AlertsView(View):
    """Following by e-mail: the lists, how to subscribe, the Atom alternative, what happens to an address."""

    segments: list[AlertSegment] = field(default_factory=list)
    organisation: str = ""


def alerts_view(facts: Facts, settings: Settings) -> AlertsView:
    archive = facts.archive
    segments = []
    for alert in settings.alerts.lists:
        topic = alert.topic
        if alert.segment == ALL:
            segments.append(AlertSegment("Hela arkivet", "hela arkivet", urls.home().url, urls.feed(""), alert))
        elif topic is not None and topic in archive.topics:
            page = urls.topic(topic).url
            segments.append(AlertSegment(archive.topics[topic].name, "ämne", page, urls.feed(page), alert))
        elif alert.segment in archive.bodies:
            page = urls.body(alert.segment).url
            segments.append(AlertSegment(archive.bodies[alert.segment].name, "organ", page, urls.feed(page), alert))
    order = {"hela arkivet": 0, "organ": 1, "ämne": 2}
    segments.sort(key=lambda s: (order[s.kind], swedish_key(s.name)))
    return AlertsView(urls.alerts(), "Bevaka med e-post", "alerts.html", segments, settings.organisation)


@dataclass(frozen=True, slots=True)
class CoverageView(View):
    """What the archive covers and where it has holes, per body and in all."""

    coverage: Coverage | None = None
    registrar: Registrar | None = None

    @property
    def figures(self) -> tuple[Figure, ...]:
        return tuple(b.figure for b in self.coverage.bodies if b.figure) if self.coverage else ()


@dataclass(frozen=True, slots=True)
class HelpView(View):
    """Plain-language help: the status words, appeals, asking for documents."""

    registrar: Registrar | None = None


@dataclass(frozen=True, slots=True)
class StatementView(View):
    """The accessibility statement (tillgänglighetsredogörelse)."""

    organisation: str = ""
    accessibility: Accessibility | None = None


@dataclass(frozen=True, slots=True)
class TopicIndexView(View):
    topics: list[tuple[Topic, int]] = field(default_factory=list)


def derive_views(facts: Facts, settings: Settings, versions: Mapping[str, VersionHistory] | None = None,
                 kept: Kept | None = None) -> list[View]:
    """Every page of the site, each at its address (`unique_targets` says when two claim one);
    `versions` are the meetings' version histories by key, when they are shown; `kept`, what the
    last derivation made, when kept (see `Kept`)."""
    archive = facts.archive
    per_body = body_pages(facts, kept)
    views: list[View] = [
        home_view(facts), topic_index_view(facts), SearchView(urls.search(), "Sök", "search.html"),
        StatementView(urls.accessibility(), "Tillgänglighetsredogörelse", "accessibility.html",
                      settings.organisation, settings.accessibility),
        HelpView(urls.help_page(), "Så läser du protokollen", "help.html", settings.registrar),
        HelpView(urls.appeal_help(), "Så överklagar du ett beslut", "appeal.html", settings.registrar),
        notice_board_view(facts),
        CoverageView(urls.coverage(), "Vad arkivet täcker", "coverage.html",
                     coverage(facts, sorted(archive.bodies.values(), key=lambda b: swedish_key(b.name)),
                              {key: found for key, (_view, found) in per_body.items()}),
                     settings.registrar),
        DataIndexView(urls.data_index(), "Öppna data", "data.html"),
        FollowView(urls.follow(), "Följ arkivet", "follow.html",
                   list(facts.bodies), list(facts.topics)),
        alerts_view(facts, settings),
    ]
    views += [per_body[key][0] for key in archive.bodies]
    views += [meeting_view(facts, meeting, settings, (versions or {}).get(meeting.key)) for meeting in archive.meetings]
    views += [topic_view(facts, topic) for topic in archive.topics.values()]
    views += diarienummer_views(facts, kept)
    views += permanence_views(archive)
    for body in archive.bodies.values():
        own = [s for s in facts.assignment_states.values() if s.decision.meeting.meeting.body == body.key]
        views.append(AssignmentsView(urls.assignments(body.key), f"{body.name}: uppdrag", "assignments.html", body,
                                     [s for s in own if not s.closed_by], [s for s in own if s.closed_by], facts.today))
    if settings.people:
        views += people_views(facts, kept)
    return views


def body_pages(facts: Facts, kept: Kept | None = None) -> dict[str, tuple[BodyView, BodyCoverage]]:
    """Each body's page and coverage, by body key; from `kept` where made of the same (an edit in
    the preview changes one body's: making every body's was a fifth of the edit's derivation)."""
    states: dict[str, list[AssignmentState]] = defaultdict(list)
    for state in facts.assignment_states.values():
        states[state.decision.meeting.meeting.body].append(state)
    made: dict[str, tuple[tuple, BodyView, BodyCoverage]] = {}
    for body in facts.archive.bodies.values():
        made_of = (body, facts.today, tuple(map(facts.ref, facts.meetings_of(body.key))), tuple(states[body.key]))
        earlier = kept.bodies.get(body.key) if kept is not None else None
        if earlier is not None and earlier[0] == made_of:
            made[body.key] = earlier
        else:
            made[body.key] = (made_of, body_view(facts, body), body_coverage(facts, body, urls.coverage().url))
    if kept is not None:
        kept.bodies = made
    return {key: (view, found) for key, (_made_of, view, found) in made.items()}


def home_view(facts: Facts) -> HomeView:
    archive = facts.archive
    bodies = facts.bodies
    held = [m for m in archive.meetings if not m.before]  # (coming meetings are on their body's page)
    latest = [facts.ref(m) for m in reversed(held[-LATEST_ON_HOME:])]
    figure = home_figure(facts, bodies)
    return HomeView(urls.home(), "Start", "home.html", [(b, len(facts.minutes_of(b.key))) for b in bodies], latest,
                    (figure,) if figure else ())


def is_coming(meeting: Meeting, today: dt.date) -> bool:
    """Not yet held on `today`: a plan, a kallelse or a cancellation whose day has not passed."""
    return meeting.before and (meeting.end_date or meeting.date) >= today


def body_view(facts: Facts, body: Body) -> BodyView:
    coming = [facts.ref(m) for m in facts.meetings_of(body.key) if is_coming(m, facts.today)]
    own = [facts.ref(m) for m in reversed(facts.meetings_of(body.key)) if not is_coming(m, facts.today)]
    years = [(year, list(group)) for year, group in itertools.groupby(own, key=lambda r: r.meeting.date.year)]
    decisions = [
        DecisionRef(ref, item, decision, urls.block(ref.meeting, decision))
        for ref in own for item in ref.meeting.items for decision in item.decisions
    ]
    target = urls.body(body.key)
    return BodyView(target, body.name, "body.html", body, coming, years, decisions, body_figures(facts, body, target.url))


def announcement(archive: Archive, meeting: Meeting, today: dt.date) -> Announcement | None:
    if meeting.announced_on is None:
        return None
    last_day = appeal.last_appeal_day(meeting.announced_on)
    late = meeting.adjusted_on is not None and appeal.announced_late(meeting.adjusted_on, meeting.announced_on)
    return Announcement(
        meeting.announced_on, last_day, late,
        appeal.latest_announcement(meeting.adjusted_on) if meeting.adjusted_on else None,
        archive.bodies[meeting.body].appeal_to, meeting.announced_on <= today <= last_day,
    )


def meeting_view(facts: Facts, meeting: Meeting, settings: Settings, versions: VersionHistory | None = None) -> MeetingView:
    archive = facts.archive
    before, after = facts.neighbours(meeting)
    ref = facts.ref(meeting)
    return MeetingView(
        urls.meeting(meeting), ref.title, "meeting.html", ref, announcement(archive, meeting, facts.today),
        settings.preview, settings.registrar,
        facts.ref(before) if before else None, facts.ref(after) if after else None,
        archive.topics, archive.bodies, next_meetings_item(meeting), versions,
        facts.assignments_due(meeting.body, meeting.date),
        next((facts.ref(m) for m in facts.meetings_of(meeting.body) if m.date == meeting.moved_to), None)
        if meeting.moved_to else None,
        kungorelse(facts, meeting),
    )


def notice_board_view(facts: Facts) -> NoticeBoardView:
    notices = []
    for meeting in reversed(facts.archive.meetings):
        notice = announcement(facts.archive, meeting, facts.today)
        if notice and notice.running:
            notices.append((facts.ref(meeting), notice))
    notices.sort(key=lambda n: n[1].announced_on, reverse=True)
    return NoticeBoardView(urls.notice_board(), "Anslagstavla", "notices.html", facts.today, notices,
                           kungorelser(facts), pending_announcements(facts))


def kungorelse(facts: Facts, meeting: Meeting) -> Kungorelse | None:
    """An assembly's called meeting is on the board from its posting (or, when the file does not
    say, from the day it is published) until the meeting's day."""
    if not facts.archive.bodies[meeting.body].assembly or meeting.status != "kallad":
        return None
    posted = meeting.notice_posted_on
    if (meeting.end_date or meeting.date) < facts.today or (posted is not None and posted > facts.today):
        return None
    late = posted is not None and appeal.kungorelse_late(meeting.date, posted)
    return Kungorelse(urls.notice_anchor("kungorelse", meeting), posted, late)


def kungorelser(facts: Facts) -> list[tuple[MeetingRef, Kungorelse]]:
    """The kungörelser on the board, soonest meeting first."""
    return [(facts.ref(m), notice) for m in facts.archive.meetings if (notice := kungorelse(facts, m))]


def pending_announcements(facts: Facts) -> list[MeetingRef]:
    """Minutes of bodies under kommunallagen adjusted but not announced yet."""
    return [facts.ref(m) for m in reversed(facts.archive.meetings)
            if m.adjusted_on and m.announced_on is None and m.status in ("justerat", "slutlig")
            and facts.archive.bodies[m.body].local_government_act]


def topic_view(facts: Facts, topic: Topic) -> TopicView:
    entries = list(facts.items_by_topic.get(topic.key, ()))
    entries.sort(key=lambda e: e.meeting.meeting.date, reverse=True)  # stable: items keep their order
    timeline = [(year, list(group)) for year, group in itertools.groupby(entries, key=lambda e: e.meeting.meeting.date.year)]
    target = urls.topic(topic.key)
    figure = topic_figure(facts, topic, target.url)
    return TopicView(target, topic.name, "topic.html", topic, timeline, (figure,) if figure else ())


def diarienummer_views(facts: Facts, kept: Kept | None = None) -> list[DiarienummerView]:
    """A page per diarienummer; `kept` holds each meeting's items filed under one, by its
    reference (an unchanged meeting's are not looked for again: looking through every item was
    a tenth of an edit's derivation)."""
    meetings: dict[str, list[MeetingRef]] = {}
    items: dict[str, list[ItemRef]] = {}
    filed: dict[int, tuple[MeetingRef, tuple[tuple[str, ItemRef], ...]]] = {}
    for meeting in facts.archive.meetings:
        ref = facts.ref(meeting)
        if meeting.diarienummer:
            meetings.setdefault(meeting.diarienummer.normalised, []).append(ref)
        earlier = kept.filed.get(id(ref)) if kept is not None else None
        if earlier is None or earlier[0] is not ref:
            earlier = (ref, tuple((number, ItemRef(ref, item, urls.item(meeting, item))) for item in meeting.items
                                  for number in dict.fromkeys(d.normalised for d in item.diarienummer)))
        filed[id(ref)] = earlier
        for number, item_ref in earlier[1]:
            items.setdefault(number, []).append(item_ref)
    if kept is not None:
        kept.filed = filed
    return [
        DiarienummerView(urls.diarienummer_page(dnr.key(number)), f"Diarienummer {number}", "dnr.html", number,
                         meetings.get(number, []), items.get(number, []))
        for number in sorted(set(meetings) | set(items))
    ]


ATTENDED = ("närvarande", "ersättare", "tjänsteperson", "inbjuden")
"""An appearance at a meeting that is attending it (not absent, not only named in an item)."""
VOTE_WORDS = {"yes": "röstade ja", "no": "röstade nej", "abstain": "avstod"}
ACT_WORDS = {"yrkande": "yrkade", "reservation": "reserverade sig", "protokollsanteckning": "protokollsanteckning",
             "särskilt yttrande": "lämnade särskilt yttrande", "jäv": "anmälde jäv"}


@dataclass(slots=True)
class _Gathered:
    """A meeting's appearances, and the names it resolved (as (written, full name), in order)."""

    ref: MeetingRef
    names: tuple[str, ...]
    """(Name as written, full name) pairs joined by `_PAIR` (a string's hash is kept; a
    tuple's is worked out at every lookup, and the names are looked up 360,000 times at 10,000
    protocols)."""
    appearances: dict[str, Appearance]


class Kept:
    """What a derivation made, kept for the next one (the preview's, after an edit), so that only
    what the edit changed is made again, and the pages that did not change compare equal at a
    glance:

    - what `people_views` gathered from each meeting: a meeting whose reference is the very same
      object (`derive`) and a person registry that is the same give the same appearances;
    - each person's page, with what it was made of (name, spellings and the very appearances);
    - each body's page and coverage, with what they were made of (the body, the day, its
      meetings' references and its assignments);
    - each meeting's items filed under a diarienummer, by the meeting's reference."""

    def __init__(self) -> None:
        self.registry: tuple | None = None
        self.by_ref: dict[int, _Gathered] = {}
        self.pages: dict[str, tuple[tuple, PersonView]] = {}
        """Person key -> (what the page was made of, the page): its name, spellings and the very
        appearances (by identity, kept alive by the page), in order."""
        self.bodies: dict[str, tuple[tuple, BodyView, BodyCoverage]] = {}
        self.filed: dict[int, tuple[MeetingRef, tuple[tuple[str, ItemRef], ...]]] = {}
        """By a meeting reference's identity: (the reference, its items' (diarienummer, item))."""

    def earlier(self, ref: MeetingRef, registry: tuple) -> _Gathered | None:
        gathered = self.by_ref.get(id(ref)) if registry is self.registry else None
        return gathered if gathered is not None and gathered.ref is ref else None


_PAIR = "\x00"
"""Between a name as written and the full name in `_Gathered.names` (in no name)."""


def people_views(facts: Facts, kept: Kept | None = None) -> list[View]:
    """A page per person (see `people.py` for who a name is) and the list of them all; `kept`
    holds what an earlier derivation gathered, and then what this one did."""
    people = facts.people
    records: dict[str, list[Appearance]] = {}
    spellings: dict[str, list[str]] = {}
    shown: dict[str, str] = {}

    keys: dict[str, str] = {}
    """Each (name as written, full name) resolved once: an archive names a few hundred people
    hundreds of thousands of times."""

    def person_key(written: str, full: str) -> str:
        mention = people.resolve_full(written, full)
        shown.setdefault(mention.key, mention.name)
        spellings.setdefault(mention.key, [])
        if full == written and written not in spellings[mention.key]:  # (not a first name the meeting resolved)
            spellings[mention.key].append(written)
        return mention.key

    def resolved(pair: str) -> str:
        key = keys.get(pair)
        if key is None:
            key = keys[pair] = person_key(*pair.split(_PAIR))
        return key

    def gather(ref: MeetingRef) -> _Gathered:
        names: dict[str, str] = {}

        def person_of(written: str, meeting: Meeting) -> str:
            pair = f"{written}{_PAIR}{people.full_name(written, meeting)}"
            key = names.get(pair)
            if key is None:
                key = names[pair] = resolved(pair)
            return key

        found = _appearances_at(ref, person_of)
        return _Gathered(ref, tuple(names), found)

    registry = facts.archive.people
    gathered: dict[int, _Gathered] = {}
    for meeting in facts.archive.meetings:
        ref = facts.ref(meeting)
        known = kept.earlier(ref, registry) if kept is not None else None
        if known is None:
            known = gather(ref)
        else:
            for pair in known.names:  # (the names as this meeting first resolved them: spellings in the same order)
                if pair not in keys:
                    keys[pair] = person_key(*pair.split(_PAIR))
        if kept is not None:
            gathered[id(ref)] = known
        for key, found in known.appearances.items():
            records.setdefault(key, []).append(found)
    pages: dict[str, tuple[tuple, PersonView]] = {}
    views: list[View] = []
    listing = []
    for key in sorted(records, key=lambda k: swedish_key(shown[k])):
        name = shown[key]
        made_of = (name, tuple(spellings[key]), tuple(map(id, records[key]))) if kept is not None else ()
        earlier = kept.pages.get(key) if kept is not None else None
        if earlier is not None and earlier[0] == made_of:  # (sorting and charting hundreds of records: a third of the derivation)
            view = earlier[1]
        else:
            appearances = sorted(records[key], key=lambda a: a.meeting.date, reverse=True)
            target = urls.person(key)
            figure = person_figure(name, [a.meeting.date for a in reversed(appearances) if a.attendance in ATTENDED], target.url)
            view = PersonView(target, name, "person.html", name, spellings[key], appearances, (figure,) if figure else ())
        if kept is not None:
            pages[key] = (made_of, view)
        views.append(view)
        listing.append((name, view.target.url, len(view.appearances)))
    if kept is not None:
        kept.registry, kept.by_ref, kept.pages = registry, gathered, pages
    views.append(PeopleView(urls.people(), "Personer", "people.html", listing))
    views += _joined_spellings(people, records)
    return views


def _appearances_at(ref: MeetingRef, person_of: Callable[[str, Meeting], str]) -> dict[str, Appearance]:
    """Who appears at the meeting, and how, by person key (`person_of`), in the order they first
    appear: attending, then presenting, proposing and voting on its items."""
    meeting = ref.meeting
    attendance: dict[str, str] = {}
    presented: dict[str, list[ItemLink]] = {}
    acts: dict[str, list[tuple[ItemLink, str]]] = {}

    def appearing(written: str, how: str = "") -> str:
        key = person_of(written, meeting)
        attendance.setdefault(key, how)
        return key

    for group, label in ((meeting.present, "närvarande"), (meeting.absent, "frånvarande"), (meeting.staff, "tjänsteperson"),
                         (meeting.guests, "inbjuden")):
        for a in group:
            appearing(a.name, "ersättare" if a.replaces else label)
    page = ref.url
    for item in meeting.items:
        item_link = ItemLink(page, item.anchor, item.label, item.title if item.number else "")
        for p in item.presenters:
            presented.setdefault(appearing(p.name), []).append(item_link)
        for block in item.parts:
            if not isinstance(block, Block):
                continue
            for name in block.by:
                acts.setdefault(appearing(name), []).append((item_link, ACT_WORDS.get(block.kind, block.kind)))
            for vote, names in (("yes", block.yes), ("no", block.no), ("abstain", block.abstain)):
                for name in names:
                    acts.setdefault(appearing(name), []).append((item_link, VOTE_WORDS[vote]))
    link = ref.link
    # (one record for each way of attending where that is all the person did: each person's page
    # held a record of its own, and 360,000 appearances of 10,000 protocols are now 251,000 records)
    attended_only = {how: Appearance(link, how) for how in set(attendance.values())}
    return {key: Appearance(link, how, tuple(presented.get(key, ())), tuple(acts.get(key, ())))
            if key in presented or key in acts else attended_only[how] for key, how in attendance.items()}


def _joined_spellings(people: People, pages: dict[str, object]) -> list[View]:
    """A spelling the person registry joins to a person had a page of its own before it was
    joined: its address leads to the person's page now (published links keep working)."""
    views: list[View] = []
    for entry in people.entries:
        if entry.key not in pages:
            continue
        for old in dict.fromkeys(name_key(spelling) for spelling in (entry.name, *entry.aliases)):
            if old != entry.key and old not in pages:
                views.append(RedirectView(urls.person(old), "Sidan har flyttat", "redirect.html", urls.person(entry.key).url))
    return views


def topic_index_view(facts: Facts) -> TopicIndexView:
    archive = facts.archive
    counts = {key: len(facts.items_by_topic.get(key, ())) for key in archive.topics}
    topics = facts.topics
    return TopicIndexView(urls.topics(), "Ämnen", "topics.html", [(t, counts[t.key]) for t in topics])
