"""A citizen follows a body or a topic without revisiting: Atom feeds parse and hold the latest
meetings and decisions, and a body's calendar holds its coming meetings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import feedparser
import pytest
from icalendar import Calendar


@pytest.mark.parametrize("feed", ["atom.xml", "lsg/atom.xml", "samrad/atom.xml", "amne/nara-vard/atom.xml",
                                  "anslagstavla/atom.xml"])
def test_feeds_parse(example_site: Path, feed: str) -> None:
    parsed = feedparser.parse((example_site / feed).read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.title


def test_the_site_feed_starts_with_the_latest_meeting_and_carries_its_decisions(example_site: Path) -> None:
    parsed = feedparser.parse((example_site / "atom.xml").read_bytes())
    assert parsed.entries[0].title == "Länssamverkansgruppen 15 september 2023"
    assert parsed.entries[0].link.endswith("lsg/2023-09-15/")
    decisions = [e for e in parsed.entries if "#p28-b" in e.link]
    assert len(decisions) == 4 and decisions[0].title.startswith("Länssamverkansgruppen 2023-09-15 § 28")


def test_a_topic_feed_holds_only_that_topics_decisions(example_site: Path) -> None:
    parsed = feedparser.parse((example_site / "amne/hjalpmedel/atom.xml").read_bytes())
    decision_links = {e.link.rsplit("/", 2)[-2] + "/" + e.link.rsplit("/", 1)[-1] for e in parsed.entries if "-b" in e.link}
    assert decision_links and all(("#p6-b" in link) or ("#p28-b" in link) for link in decision_links)


def test_pages_announce_their_feeds(example_site: Path) -> None:
    for page, feed in (("index.html", "atom.xml"), ("lsg/index.html", "atom.xml"), ("amne/nara-vard/index.html", "atom.xml")):
        html = (example_site / page).read_text(encoding="utf-8")
        assert '<link rel="alternate feed" type="application/atom+xml"' in html and f'href="{feed}"' in html, page


def test_a_bodys_calendar_holds_its_coming_meetings(example_site: Path) -> None:
    calendar = Calendar.from_ical((example_site / "vvg/moten.ics").read_bytes())
    events = [c for c in calendar.walk("VEVENT")]
    assert len(events) == 1
    start = events[0].decoded("dtstart")
    assert start.date() == dt.date(2021, 11, 18) and start.hour == 9 and events[0].decoded("dtend").hour == 12
    lsg = Calendar.from_ical((example_site / "lsg/moten.ics").read_bytes())
    # "Systemledning 13 oktober" is announced in LSG's minutes but is another body's meeting (other_body).
    assert [e.decoded("dtstart") for e in lsg.walk("VEVENT")] == [dt.date(2023, 11, 10)]


def test_the_follow_page_lists_every_feed_and_calendar(example_site: Path) -> None:
    html = (example_site / "folj/index.html").read_text(encoding="utf-8")
    for href in ('href="../atom.xml"', 'href="../lsg/atom.xml"', 'href="../lsg/moten.ics"', 'href="../amne/sip/atom.xml"'):
        assert href in html, href
