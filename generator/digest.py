"""One segment's digest as an e-mail: a Swedish subject, a text/plain and a text/html part with
each meeting's date, permanent address and decisions in short, a footer with the way out, and the
mailing-list headers (List-Id, List-Unsubscribe, ...).

The message links only to the archive's own pages and loads nothing: no images, no tracking, no
third-party links. Its Message-ID is made from the segment and what it announces, so a digest
sent again after a crash between the server's acceptance and the state's write carries the same
Message-ID, which list servers and mail programs recognise as the same message.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import textwrap
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from urllib.parse import urlsplit

from . import urls
from .alerts import ALL, AlertList, Decision, Due, Entry, News, Published, SiteData, TOPIC_PREFIX, segment_name
from .labels import BLOCK_NAMES
from .text import long_date

DECISION_CHARS = 300
"""A decision longer than this is cut at a word and ends with '…': the page has the whole text."""
ITEMS_PER_MEETING = 12
"""A meeting's items shown at most; the rest are counted and the page has them."""
MEETINGS_IN_FULL, MEETINGS_LISTED = 10, 50
"""A digest shows its latest meetings with their items, lists the next ones by title and address and
counts the rest: a catch-up after weeks (or a first `--since` far back) stays a message that a list
server accepts (Mailman holds larger messages than its `max_message_size` for its moderator)."""
WORDS = {"protokoll": ("protokoll", "protokoll"), "kallelse": ("kallelse", "kallelser"), "rättelse": ("rättelse", "rättelser")}
PAGE = urls.alerts().url
WIDTH = 76
"""The plain part's lines are wrapped here (addresses are never broken), as mail programs expect."""


def compose(data: SiteData, alert: AlertList, due: Due, sender: str, archive: str, now: dt.datetime) -> EmailMessage:
    """The message for `due` (not empty) to `alert`'s list."""
    message = EmailMessage(policy=SMTP)
    message["From"] = sender
    message["To"] = alert.address
    message["Subject"] = subject(data, due, archive)
    message["Date"] = format_datetime(now)
    message["Message-ID"] = message_id(data, due)
    local, domain = alert.address.split("@")
    message["List-Id"] = f"<{local}.{domain}>"
    message["List-Unsubscribe"] = f"<{alert.unsubscribe}>"
    message["List-Subscribe"] = f"<{alert.subscribe}>"
    message["List-Help"] = f"<{data.site_url}{PAGE}>"
    message["List-Post"] = "NO"
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(plain(data, alert, due, archive))
    message.add_alternative(rich(data, alert, due, archive), subtype="html")
    return message


def subject(data: SiteData, due: Due, archive: str) -> str:
    """`Nytt från Länssamverkansgruppen: protokoll 15 september 2023`."""
    name = segment_name(data, due.segment)
    head = (f"Nytt i {archive}" if due.segment == ALL else
            f"Nytt om {name}" if due.segment.startswith(TOPIC_PREFIX) else f"Nytt från {name}")
    return f"{head}: {summary(data, due)}"


def summary(data: SiteData, due: Due) -> str:
    """One publication named (with its body, unless the segment is the body), or several counted."""
    if len(due.news) == 1:
        news = due.news[0]
        what = {"protokoll": "protokoll", "kallelse": "kallelse till mötet", "rättelse": "rättelse i protokollet"}[news.kind]
        body = news.meeting.body
        where = "" if due.segment == body else f"{data.bodies.get(body, body)}, "
        return f"{where}{what} {long_date(news.meeting.date)}"
    counts = [(kind, sum(n.kind == kind for n in due.news)) for kind in WORDS]
    parts = [f"{count} {WORDS[kind][count != 1]}" for kind, count in counts if count]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " och " + parts[-1]


def message_id(data: SiteData, due: Due) -> str:
    digest = hashlib.sha256("\n".join([due.segment, *sorted(n.key for n in due.news)]).encode()).hexdigest()[:24]
    host = urlsplit(data.site_url).hostname or "localhost"
    return f"<{digest}.{due.segment.replace('/', '.')}@{host}>"


# -- the parts ------------------------------------------------------------------------------

def _by_meeting(due: Due) -> list[tuple[Published, list[News]]]:
    """The news grouped by meeting, the latest meeting first."""
    groups: dict[str, tuple[Published, list[News]]] = {}
    for news in due.news:
        groups.setdefault(news.meeting.key, (news.meeting, []))[1].append(news)
    return sorted(groups.values(), key=lambda g: (g[0].date, g[0].key), reverse=True)


def _entries(meeting: Published, segment: str, kinds: set[str]):
    """The items to show: a topic's items; for minutes those with decisions, for a kallelse all."""
    if segment.startswith(TOPIC_PREFIX):
        return meeting.about(segment.removeprefix(TOPIC_PREFIX))
    if "protokoll" in kinds:
        return tuple(e for e in meeting.entries if e.decisions)
    return meeting.entries if "kallelse" in kinds else ()


def _blocks(entry: Entry, kinds: set[str]) -> tuple[Decision, ...]:
    """What an item says in short: its decisions, or before the meeting what is proposed."""
    return entry.decisions if "protokoll" in kinds or "kallelse" not in kinds else entry.proposals


def _where(kinds: set[str]) -> str:
    return "i kallelsen" if "kallelse" in kinds and "protokoll" not in kinds else "i protokollet"


def _headline(news: list[News]) -> str:
    kinds = {n.kind for n in news}
    status = news[0].meeting.status
    if "protokoll" in kinds:
        return f"Protokollet är publicerat ({status})"
    if "kallelse" in kinds:
        return "Kallelse till mötet"
    return "Protokollet har rättats"


def _short(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= DECISION_CHARS:
        return text
    return text[:DECISION_CHARS].rsplit(" ", 1)[0] + " …"


def _footer_lines(data: SiteData, alert: AlertList, archive: str) -> list[str]:
    what = "hela arkivet" if alert.segment == ALL else segment_name(data, alert.segment)
    return [f"Du får det här brevet för att du bevakar {what} i {archive} genom e-postlistan {alert.address}.",
            f"Avsluta bevakningen: {alert.unsubscribe.removeprefix('mailto:')}",
            f"Om bevakning och vad arkivet gör med din adress (ingenting): {data.site_url}{PAGE}",
            f"{archive}: {data.site_url}"]


def plain(data: SiteData, alert: AlertList, due: Due, archive: str) -> str:
    lines = [subject(data, due, archive), ""]
    groups = _by_meeting(due)
    for meeting, news in groups[:MEETINGS_IN_FULL]:
        lines += [meeting.title, f"{_headline(news)}:", meeting.url]
        lines += [_wrap(f"Rättelse {n.day.isoformat()}: {n.text}") for n in news if n.kind == "rättelse"]
        kinds = {n.kind for n in news}
        shown = _entries(meeting, due.segment, kinds)
        for entry in shown[:ITEMS_PER_MEETING]:
            lines += ["", _wrap(f"{entry.label} {entry.title}".strip(), "  "), f"  {entry.url}"]
            lines += [_wrap(f"{BLOCK_NAMES.get(d.kind, d.kind)}: {_short(d.text)}", "    ") for d in _blocks(entry, kinds)]
        if len(shown) > ITEMS_PER_MEETING:
            lines += ["", f"  … och {len(shown) - ITEMS_PER_MEETING} ärenden till {_where(kinds)}."]
        lines.append("")
    listed, rest = _the_others(groups)
    if listed:
        lines += ["Fler möten:", ""]
        for meeting, news in listed:
            lines += [_wrap(f"{meeting.title} ({_kinds(news)})", "  "), f"  {meeting.url}"]
        lines += [f"  … och {rest} möten till: {data.site_url}" if rest else "", ""]
    return "\n".join([*lines, "-- ", *map(_wrap, _footer_lines(data, alert, archive))]) + "\n"


def _kinds(news: list[News]) -> str:
    return ", ".join(dict.fromkeys(n.kind for n in news))


def _the_others(groups: list) -> tuple[list, int]:
    """The meetings listed by title after those shown in full, and how many are left uncounted."""
    others = groups[MEETINGS_IN_FULL:]
    return others[:MEETINGS_LISTED], max(0, len(others) - MEETINGS_LISTED)


def _wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent + "  ", break_long_words=False,
                         break_on_hyphens=False)


def rich(data: SiteData, alert: AlertList, due: Due, archive: str) -> str:
    e = html.escape
    out = ['<!DOCTYPE html>', '<html lang="sv">', '<head><meta charset="utf-8">',
           f'<title>{e(subject(data, due, archive))}</title></head>', '<body>', f'<h1>{e(subject(data, due, archive))}</h1>']
    groups = _by_meeting(due)
    for meeting, news in groups[:MEETINGS_IN_FULL]:
        out += [f'<h2><a href="{e(meeting.url)}">{e(meeting.title)}</a></h2>', f'<p>{e(_headline(news))}.</p>']
        out += [f'<p><strong>Rättelse {n.day.isoformat()}:</strong> {e(n.text)}</p>' for n in news if n.kind == "rättelse"]
        kinds = {n.kind for n in news}
        shown = _entries(meeting, due.segment, kinds)
        if shown:
            out.append('<ul>')
            for entry in shown[:ITEMS_PER_MEETING]:
                decisions = "".join(f'<li><strong>{e(BLOCK_NAMES.get(d.kind, d.kind))}:</strong> {e(_short(d.text))}</li>'
                                    for d in _blocks(entry, kinds))
                out.append(f'<li><a href="{e(entry.url)}">{e(f"{entry.label} {entry.title}".strip())}</a>'
                           + (f'<ul>{decisions}</ul>' if decisions else '') + '</li>')
            out.append('</ul>')
        if len(shown) > ITEMS_PER_MEETING:
            out.append(f'<p>… och {len(shown) - ITEMS_PER_MEETING} ärenden till {_where(kinds)}.</p>')
    listed, rest = _the_others(groups)
    if listed:
        out += ['<h2>Fler möten</h2>', '<ul>']
        out += [f'<li><a href="{e(m.url)}">{e(m.title)}</a> ({e(_kinds(news))})</li>' for m, news in listed]
        out.append('</ul>')
        if rest:
            out.append(f'<p>… och {rest} möten till i <a href="{e(data.site_url)}">arkivet</a>.</p>')
    footer = _footer_lines(data, alert, archive)
    out += ['<hr>', f'<p>{e(footer[0])}</p>',
            f'<p><a href="{e(alert.unsubscribe)}">Avsluta bevakningen</a> · '
            f'<a href="{e(data.site_url + PAGE)}">Om bevakning och vad arkivet gör med din adress (ingenting)</a> · '
            f'<a href="{e(data.site_url)}">{e(archive)}</a></p>', '</body>', '</html>']
    return "\n".join(out) + "\n"
