"""Atom feeds (feedgen) and iCalendar files (icalendar), for readers who follow the archive
without revisiting it. Every date comes from the content, so the same archive gives the same bytes.

- the notice board: the minutes announced now;
- site-wide, per body and per topic: new meetings and their decisions;
- per body: an iCalendar file of the coming meetings, from the minutes' "next meeting".
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from feedgen.feed import FeedGenerator
from icalendar import Calendar, Event

from . import urls
from .derive import Facts
from .labels import citation, meeting_title
from .model import Archive, Meeting
from .views import NoticeBoardView

STOCKHOLM = ZoneInfo("Europe/Stockholm")
FEED_ENTRIES = 50
BEFORE_IDS = {"kallad": "#kallelse", "inställd": "#installt"}
BEFORE_TITLES = {"kallad": "Kallelse: ", "inställd": "Inställt: "}
_TIME = re.compile(r"(\d{1,2})(?:[.:](\d{2}))?\s*[-–]\s*(\d{1,2})(?:[.:](\d{2}))?")


def notice_board_feed(view: NoticeBoardView, site_url: str) -> bytes:
    """Atom for the notices currently on the board."""
    base = _base(site_url)
    feed = _feed(base, urls.notice_board().url, urls.notice_feed(), "Anslagstavla – Protokollarkivet")
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
    for ref, notice in view.kungorelser:
        meeting = ref.meeting
        entry = feed.add_entry(order="append")
        entry.id(f"{base}{urls.notice_board().url}#{notice.anchor}")
        entry.title(f"Kungörelse: {ref.title}")
        entry.link(href=f"{base}{urls.notice_board().url}#{notice.anchor}")
        entry.updated(_midnight(notice.posted_on or view.today or meeting.date))
        where = ", ".join(filter(None, (f"kl. {meeting.time}" if meeting.time else None, meeting.place)))
        entry.summary(f"{ref.body.name} sammanträder {meeting.date.isoformat()}" + (f", {where}" if where else "") +
                      ". Ärenden: " + "; ".join(item.title for item in meeting.items) + ".")
    return feed.atom_str(pretty=True)


def meetings_feed(archive: Archive, meetings: list[Meeting], title: str, page_url: str, feed_url: str,
                  site_url: str, topic: str | None = None) -> bytes:
    """Atom for the newest meetings and their decisions (for a topic: only its items' decisions)."""
    base = _base(site_url)
    feed = _feed(base, page_url, feed_url, title)
    # A plan is no news; a kallelse and a cancellation are, each an entry of its own beside the
    # minutes that later take the same address (`#kallelse`, `#installt` keep the ids apart).
    meetings = [m for m in meetings if m.status != "planerad"]
    newest = sorted(meetings, key=lambda m: (m.date, m.body), reverse=True)[:FEED_ENTRIES]
    feed.updated(_midnight(max((_day(m) for m in newest), default=dt.date(2000, 1, 1))))
    for meeting in newest:
        body = archive.bodies[meeting.body]
        url = urls.permanent(body, urls.meeting(meeting).url, base)  # (a portal's: at the member)
        items = [i for i in meeting.items if topic is None or topic in i.topics]
        entry = feed.add_entry(order="append")
        entry.id(url + BEFORE_IDS.get(meeting.status, ""))
        entry.title(BEFORE_TITLES.get(meeting.status, "") + meeting_title(meeting, body))
        entry.link(href=url)
        entry.updated(_midnight(_day(meeting)))
        if meeting.status == "inställd":
            entry.summary(f"Sammanträdet är inställt. {meeting.cancelled_reason or ''}".strip())
        else:
            entry.summary(f"{len(meeting.items)} ärenden" + (f", varav {len(items)} om ämnet" if topic else "") + ".")
        for item in items:
            for decision in item.decisions:
                decision_entry = feed.add_entry(order="append")
                decision_url = urls.permanent(body, urls.block(meeting, decision), base)
                decision_entry.id(decision_url)
                decision_entry.title(f"{citation(body, meeting, item, decision)}: {item.title}")
                decision_entry.link(href=decision_url)
                decision_entry.updated(_midnight(_day(meeting)))
                decision_entry.summary(decision.text)
    return feed.atom_str(pretty=True)


def feed_files(facts: Facts, board: NoticeBoardView, site_url: str) -> dict[str, bytes]:
    """Every feed and calendar by its site-relative path: the notice board's, the archive's, and
    each body's and topic's."""
    archive = facts.archive
    out = {urls.notice_feed(): notice_board_feed(board, site_url),
           urls.feed(""): meetings_feed(archive, archive.meetings, "Protokollarkivet: nya möten och beslut", "",
                                        urls.feed(""), site_url)}
    for key, body in archive.bodies.items():
        page = urls.body(key).url
        out[urls.feed(page)] = meetings_feed(archive, list(facts.meetings_of(key)), f"{body.name}: nya möten och beslut",
                                             page, urls.feed(page), site_url)
        out[urls.calendar(key)] = coming_meetings(facts, key, site_url)
    for key, topic in archive.topics.items():
        page = urls.topic(key).url
        out[urls.feed(page)] = meetings_feed(archive, facts.meetings_about(key), f"{topic.name}: nya ärenden och beslut",
                                             page, urls.feed(page), site_url, topic=key)
    return out


def coming_meetings(facts: Facts, body_key: str, site_url: str) -> bytes:
    """iCalendar of a body's coming meetings: those with a file of their own (planned, called,
    cancelled: linked to their kallelse), then those its latest minutes announce."""
    body = facts.archive.bodies[body_key]
    calendar = Calendar()
    calendar.add("prodid", "-//Protokollarkivet//sv")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{body.name}: kommande möten")
    own = facts.meetings_of(body_key)
    base = _base(site_url)
    files = [m for m in own if m.before and (m.end_date or m.date) >= facts.today]
    for meeting in files:
        url = base + urls.meeting(meeting).url
        event = _event(body_key, meeting.date, meeting.time, meeting.place, f"{body.name}, sammanträde",
                       meeting.notice_posted_on or meeting.date)
        event.add("url", url)
        if meeting.status == "inställd":
            event.add("status", "CANCELLED")
            event.add("description", f"Inställt: {meeting.cancelled_reason or ''} {url}".replace("  ", " "))
        else:
            event.add("status", "CONFIRMED" if meeting.status == "kallad" else "TENTATIVE")
            event.add("description", (f"Kallelse och föredragningslista: {url}" if meeting.status == "kallad" else url))
        calendar.add_component(event)
    minutes = [m for m in own if not m.before]
    if not minutes:
        return calendar.to_ical()
    latest = minutes[-1]
    known = {m.date for m in files}
    for next_meeting in latest.next_meetings:
        if next_meeting.date is None or next_meeting.other_body or next_meeting.body not in (None, body_key):
            continue
        if next_meeting.date in known:
            continue
        event = _event(body_key, next_meeting.date, next_meeting.time, next_meeting.place,
                       next_meeting.text or f"{body.name}, möte", latest.date)
        event.add("description", f"Enligt protokollet från {latest.date.isoformat()}: {base}{urls.meeting(latest).url}")
        calendar.add_component(event)
    return calendar.to_ical()


def _event(body_key: str, day: dt.date, time: str | None, place: str | None, summary: str, stamp: dt.date) -> Event:
    event = Event()
    event.add("uid", f"{body_key}-{day.isoformat()}@protokollarkivet")
    event.add("summary", summary)
    event.add("dtstamp", dt.datetime.combine(stamp, dt.time(0, 0), tzinfo=dt.timezone.utc))
    start, end = _times(day, time)
    event.add("dtstart", start)
    if end is not None:
        event.add("dtend", end)
    if place:
        event.add("location", place)
    return event


def _times(day: dt.date, text: str | None) -> tuple[dt.date | dt.datetime, dt.datetime | None]:
    """`8–12`, `9.00-10.45`: a timed event in Swedish time; otherwise an all-day one."""
    match = _TIME.search(text or "")
    if not match:
        return day, None
    start = dt.datetime.combine(day, dt.time(int(match[1]), int(match[2] or 0)), tzinfo=STOCKHOLM)
    end = dt.datetime.combine(day, dt.time(int(match[3]), int(match[4] or 0)), tzinfo=STOCKHOLM)
    return start, end if end > start else None


def _feed(base: str, page_url: str, feed_url: str, title: str) -> FeedGenerator:
    feed = FeedGenerator()
    feed.id(base + page_url)
    feed.title(title)
    feed.language("sv")
    feed.link(href=base + feed_url, rel="self")
    feed.link(href=base + page_url, rel="alternate")
    return feed


def _base(site_url: str) -> str:
    return site_url or "https://example.invalid/"


def _day(meeting: Meeting) -> dt.date:
    if meeting.before:
        return meeting.notice_posted_on or meeting.date
    return meeting.adjusted_on or meeting.end_date or meeting.date


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)
