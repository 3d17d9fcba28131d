"""Dates the Local Government Act (kommunallagen) attaches to adjusted minutes.

- The adjustment is announced on the notice board at the latest on the second day after it
  (KL 8 kap. 12 §).
- An appeal (laglighetsprövning) must reach the body within three weeks of the announcement
  (KL 13 kap. 5 §). A period whose last day falls on a Saturday, Sunday, other public holiday,
  midsommarafton, julafton or nyårsafton ends on the next weekday instead
  (lag (1930:173) om beräkning av lagstadgad tid, 2 §).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays

ANNOUNCE_WITHIN_DAYS = 2
APPEAL_WEEKS = 3


@lru_cache(maxsize=64)
def _public_holidays(year: int) -> frozenset[dt.date]:
    """Swedish public holidays (the holidays package) and the three eves the law adds."""
    days = set(holidays.Sweden(years=year, include_sundays=False))
    midsummer = next(d for d, name in holidays.Sweden(years=year, include_sundays=False).items()
                     if name in ("Midsommardagen", "Midsummer Day"))
    days |= {midsummer - dt.timedelta(days=1), dt.date(year, 12, 24), dt.date(year, 12, 31)}
    return frozenset(days)


def is_weekday(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _public_holidays(day.year)


def last_appeal_day(announced_on: dt.date) -> dt.date:
    day = announced_on + dt.timedelta(weeks=APPEAL_WEEKS)
    while not is_weekday(day):
        day += dt.timedelta(days=1)
    return day


def latest_announcement(adjusted_on: dt.date) -> dt.date:
    return adjusted_on + dt.timedelta(days=ANNOUNCE_WITHIN_DAYS)


def announced_late(adjusted_on: dt.date, announced_on: dt.date) -> bool:
    return announced_on > latest_announcement(adjusted_on)


KUNGORELSE_DAYS = 7
"""A kungörelse of an assembly's meeting is posted "minst en vecka före sammanträdesdagen"
(kommunallagen 5 kap. 55 §)."""


def kungorelse_late(meeting_day: dt.date, posted_on: dt.date) -> bool:
    return posted_on > latest_kungorelse(meeting_day)


def latest_kungorelse(meeting_day: dt.date) -> dt.date:
    return meeting_day - dt.timedelta(days=KUNGORELSE_DAYS)
