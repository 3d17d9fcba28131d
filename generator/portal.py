"""A federation portal as a `Site`: the members' archives (`federation.py`) searched and listed
together, every link going to the member's permanent URL.

Its pages are the home page (the members, when each was last read, their bodies and the latest
meetings), the search page and the accessibility statement; its files the search index (the same
pipeline as an archive's, whose documents' addresses are the members' absolute URLs) and one Atom
feed of all members' meetings and decisions. It renders no meeting, body or topic page of its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from . import oparl, urls
from .federation import Federation, MemberState, read_federation, read_registry
from .feeds import meetings_feed
from .labels import meeting_title
from .model import Body
from .problems import ContentError
from .site import Site, SiteConfig
from .text import swedish_key
from .views import SearchView, StatementView, View

LATEST = 10
FEED_TITLE = "nya möten och beslut"


@dataclass(frozen=True, slots=True)
class MemberRow:
    """A member as the home page lists it."""

    key: str
    name: str
    url: str
    read_on: dt.date | None
    """The day of the copy shown; None: never read."""
    fresh: bool
    reason: str
    bodies: tuple[tuple[Body, int], ...]
    """Its bodies with their number of meetings held, in Swedish alphabetical order."""


@dataclass(frozen=True, slots=True)
class LatestMeeting:
    title: str
    url: str
    """The meeting's permanent URL at its member."""
    member: str


@dataclass(frozen=True, slots=True)
class PortalView(View):
    members: tuple[MemberRow, ...] = ()
    latest: tuple[LatestMeeting, ...] = field(default_factory=tuple)
    feed: str = ""


class PortalSite(Site):
    """A build of a portal: the members read (or their last good copies), and the portal's pages."""

    def __init__(self, config: SiteConfig, federation: Federation):
        self.federation = federation
        super().__init__(config, federation.archive)

    @classmethod
    def read(cls, config: SiteConfig, registry: Path, cache: Path, now: dt.datetime) -> "PortalSite":
        """The portal of the members `registry` names; ContentError when the registry is wrong."""
        members, problems = read_registry(registry, registry.name)
        if problems:
            raise ContentError(problems)
        return cls(config, read_federation(members, cache, now, registry.name))

    def derive_views(self) -> list[View]:
        settings = self.config.settings
        return [portal_view(self.federation), SearchView(urls.search(), "Sök", "search.html"),
                StatementView(urls.accessibility(), "Tillgänglighetsredogörelse", "accessibility.html",
                              settings.organisation, settings.accessibility)]

    @staticmethod
    def in_navigation(view: View) -> bool:
        return True

    @staticmethod
    def page_meta(view: View) -> dict[str, object]:
        meta = Site.page_meta(view)
        if isinstance(view, PortalView):
            meta["feed"] = view.feed
        return meta

    def navigation(self) -> list[tuple[str, str | list]]:
        return [("Start", urls.home().src_uri), ("Sök", urls.search().src_uri), ("Tillgänglighet", urls.accessibility().src_uri)]

    def published_urls(self) -> set[str]:
        return {view.target.url for view in self.views.values()} | {urls.feed("")}

    def write_data_files(self, out: oparl.Files) -> None:
        """One feed of every member's meetings and decisions, linking to the members."""
        archive = self.published
        out[urls.feed("")] = meetings_feed(archive, archive.meetings, f"{self.config.settings.organisation or 'Portalen'}: "
                                           f"{FEED_TITLE}", "", urls.feed(""), self.config.settings.site_url)


def portal_view(federation: Federation) -> PortalView:
    archive = federation.archive
    held = [m for m in archive.meetings if not m.before]
    owner = {key: state.member.name for state in federation.members for key in state.bodies}
    latest = tuple(LatestMeeting(meeting_title(m, archive.bodies[m.body]),
                                 urls.permanent(archive.bodies[m.body], urls.meeting(m).url),
                                 owner[m.body])
                   for m in reversed(held[-LATEST:]))
    rows = tuple(_row(state, federation) for state in federation.members)
    return PortalView(urls.home(), "Start", "portal.html", rows, latest, urls.feed(""))


def _row(state: MemberState, federation: Federation) -> MemberRow:
    archive = federation.archive
    bodies = sorted((archive.bodies[key] for key in state.bodies), key=lambda b: swedish_key(b.name))
    counts = {key: 0 for key in state.bodies}
    for meeting in archive.meetings:
        if meeting.body in counts and not meeting.before:
            counts[meeting.body] += 1
    member = state.member
    return MemberRow(member.key, member.name, member.url, state.read_at.date() if state.read_at else None,
                     state.fresh, state.reason, tuple((b, counts[b.key]) for b in bodies))
