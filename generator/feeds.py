"""Atom feeds (feedgen): the notice board now, for readers who follow it without revisiting."""

from __future__ import annotations

import datetime as dt

from feedgen.feed import FeedGenerator

from . import urls
from .views import NoticeBoardView


def notice_board_feed(view: NoticeBoardView, site_url: str) -> bytes:
    """Atom for the notices currently on the board. Dates come from the content only, so the same
    board gives the same bytes."""
    base = site_url or "https://example.invalid/"
    feed = FeedGenerator()
    feed.id(base + urls.notice_board().url)
    feed.title("Anslagstavla – Protokollarkivet")
    feed.language("sv")
    feed.link(href=base + urls.notice_feed(), rel="self")
    feed.link(href=base + urls.notice_board().url, rel="alternate")
    newest = max((facts.announced_on for _, facts in view.notices), default=view.today or dt.date(2000, 1, 1))
    feed.updated(_midnight(newest))
    for ref, facts in view.notices:
        entry = feed.add_entry(order="append")
        entry.id(base + ref.url)
        entry.title(f"{ref.title}: anslaget, sista dag att överklaga {facts.last_appeal_day.isoformat()}")
        entry.link(href=base + ref.url)
        entry.updated(_midnight(facts.announced_on))
        entry.summary(f"Justeringen anslogs {facts.announced_on.isoformat()}. Den som vill överklaga (laglighetsprövning) "
                      f"ska ha lämnat in överklagandet senast {facts.last_appeal_day.isoformat()}.")
    return feed.atom_str(pretty=True)


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)
