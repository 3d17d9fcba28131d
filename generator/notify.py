"""`protokollarkivet notify`: send each segment's digest to its mailing list, exactly once.

It reads what the build published (the site's open data, `alerts.read_site`) and the alert
configuration (the plugin's options in `mkdocs.yml`, read as YAML: no MkDocs), works out what is
new per segment against the state file (`alerts.due`) and sends one message per segment through
the organisation's SMTP server.

- **Exactly once.** The state is written (atomically) right after the server accepts each
  segment's message, and only then; a segment that failed keeps its old state and is sent, with
  anything newer, on the next run. A run that finds nothing new sends nothing.
- **No addresses kept.** The state holds, per segment, the keys of what was announced and the last
  messages' ids: never a list's or a reader's address.
- **Encrypted unless local.** STARTTLS whenever the server offers it, with the certificate checked;
  a server on another host that does not offer it is refused (the password and the mail would
  cross the network in clear). A server that offers STARTTLS and then fails it is never used in
  clear.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import os
import smtplib
import socket
import ssl
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import alerts, digest
from .alerts import AlertConfig, AlertList, Due, SiteData
from .messages import _
from .problems import format_problems

STATE_FORMAT = 1
KEEP_SENT = 10
"""How many of a segment's last message ids the state keeps (for tracing a message to a run)."""
EXIT_FAILED, EXIT_USAGE = 1, 2


# -- the configuration, from mkdocs.yml ---------------------------------------------------------

class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may hold tags for MkDocs (`!ENV`, `!!python/name:…`): read them as plain values."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: (
    loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else None))


def plugin_options(config_file: Path) -> tuple[dict, str]:
    """The protokollarkivet plugin's options and the site's name, from `mkdocs.yml`."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    plugins = config.get("plugins") or []
    entries = plugins.items() if isinstance(plugins, dict) else (
        next(iter(p.items())) if isinstance(p, dict) else (p, {}) for p in plugins)
    options = next((value or {} for name, value in entries if name == "protokollarkivet"), {})
    return options, str(config.get("site_name") or "Protokollarkivet")


# -- the state ------------------------------------------------------------------------------

class StateError(Exception):
    pass


@dataclass
class State:
    """Per segment: the keys of what it was told of, and its last messages' ids and days."""

    path: Path
    segments: dict[str, dict] = field(default_factory=dict)

    def seen(self, segment: str) -> frozenset[str] | None:
        entry = self.segments.get(segment)
        return frozenset(entry["seen"]) if entry is not None else None

    def record(self, segment: str, seen: frozenset[str], sent: tuple[str, dt.datetime, int] | None = None) -> None:
        entry = self.segments.setdefault(segment, {"seen": [], "sent": []})
        entry["seen"] = sorted(seen)
        if sent:
            message_id, when, count = sent
            entry["sent"] = [*entry["sent"], {"message_id": message_id, "date": when.isoformat(), "news": count}][-KEEP_SENT:]
        self.write()

    def write(self) -> None:
        """Atomically: a run killed while writing leaves the previous state."""
        text = json.dumps({"format": STATE_FORMAT, "segments": self.segments}, ensure_ascii=False, indent=1, sort_keys=True)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=self.path.parent, prefix=self.path.name, suffix=".tmp",
                                         delete=False) as out:
            out.write(text + "\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(out.name, self.path)


def read_state(path: Path) -> State:
    if not path.exists():
        return State(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        segments = data["segments"]
        if data.get("format") != STATE_FORMAT or not all(isinstance(s.get("seen"), list) for s in segments.values()):
            raise ValueError("unknown format")
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise StateError(_("{path}: not a notify state file ({error}); move it away to start again (the next run then "
                           "sends nothing and records where it starts)").format(path=path, error=error))
    return State(path, segments)


# -- the mail server ------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Server:
    host: str
    port: int = 587
    timeout: float = 60.0
    user: str = ""
    password: str = ""


class SendError(Exception):
    pass


def is_loopback(host: str) -> bool:
    """Every address the host name resolves to is on this machine's loopback."""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except OSError:
        return False
    return bool(addresses) and all(ipaddress.ip_address(a.split("%")[0]).is_loopback for a in addresses)


def connect(server: Server) -> smtplib.SMTP:
    try:
        smtp = smtplib.SMTP(server.host, server.port, timeout=server.timeout)
    except (OSError, smtplib.SMTPException) as error:
        raise SendError(_("cannot reach the mail server {host}:{port}: {error}").format(
            host=server.host, port=server.port, error=error))
    try:
        smtp.ehlo()
        if smtp.has_extn("starttls"):
            smtp.starttls(context=ssl.create_default_context())
            smtp.ehlo()
        elif not is_loopback(server.host):
            raise SendError(_("the mail server {host} does not offer STARTTLS; refusing to send the password and the "
                              "messages in clear over the network").format(host=server.host))
        if server.user:
            smtp.login(server.user, server.password)
    except (OSError, smtplib.SMTPException, ssl.SSLError) as error:
        smtp.close()
        raise SendError(_("no safe connection to the mail server {host}: {error}").format(host=server.host, error=error))
    except SendError:
        smtp.close()
        raise
    return smtp


# -- a run ----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Run:
    site: Path
    state: Path
    config: Path
    server: Server | None
    since: dt.date | None = None
    dry_run: bool = False


def notify(run: Run, now: dt.datetime | None = None) -> int:
    """Send what is due; one line per segment on stdout, one per failure on stderr."""
    try:
        options, archive = plugin_options(run.config)
        lines = alerts.option_lines(run.config.read_text(encoding="utf-8"))
        config, problems = alerts.parse_alerts(options.get("alerts"), run.config.name, lines)
        data = alerts.read_site(run.site)
        unknown = alerts.unknown_segments(config, data.bodies, data.topics, run.config.name)
        state = read_state(run.state)
    except (OSError, yaml.YAMLError) as error:
        return _fail(_("cannot read {path}: {error}").format(path=run.config, error=error))
    except (alerts.SiteError, StateError) as error:
        return _fail(str(error))
    if problems:
        print(format_problems(problems), file=sys.stderr)
        return EXIT_USAGE
    if not config:
        print(_("notify: no alert lists are configured (alerts: lists: in the plugin's options in {config}); nothing to send")
              .format(config=run.config))
        return 0
    if unknown:  # (the others are sent; these are told, and the run ends non-zero)
        print(format_problems(unknown), file=sys.stderr)
    known = [entry for entry in config.lists if f"alerts.lists.{entry.segment}" not in {p.field for p in unknown}]
    dues = [(entry, alerts.due(data, entry.segment, state.seen(entry.segment), run.since)) for entry in known]
    when = now or dt.datetime.now(dt.timezone.utc)
    if run.dry_run:
        return _dry_run(data, config, archive, dues, when) or (EXIT_FAILED if unknown else 0)
    try:
        for entry, due in dues:
            if not due.news and state.seen(entry.segment) is None:
                state.record(entry.segment, due.seen)
                print(_("{segment}: first run: nothing sent; from now on what is published is sent").format(segment=entry.segment))
        pending = [(entry, due) for entry, due in dues if due.news]
        if not pending:
            print(_("notify: nothing new to send."))
            return EXIT_FAILED if unknown else 0
        return _send_all(run.server, data, config, archive, pending, state, when) or (EXIT_FAILED if unknown else 0)
    except OSError as error:  # (the state cannot be written: stop before sending anything more)
        print(_("notify: cannot write the state {path}: {error}").format(path=run.state, error=error), file=sys.stderr)
        return EXIT_FAILED


def _send_all(server: Server, data: SiteData, config: AlertConfig, archive: str, pending: list[tuple[AlertList, Due]],
              state: State, when: dt.datetime) -> int:
    failures = 0
    try:
        smtp = connect(server)
    except SendError as error:
        for entry, due in pending:
            _keep_for_next_run(state, entry, due)
            print(_("notify: {segment}: not sent: {reason}").format(segment=entry.segment, reason=error), file=sys.stderr)
        return EXIT_FAILED
    with smtp:
        for number, (entry, due) in enumerate(pending):
            message = digest.compose(data, entry, due, config.sender, archive, when)
            try:
                smtp.send_message(message)
            except (smtplib.SMTPException, OSError) as error:
                failures += 1
                _keep_for_next_run(state, entry, due)
                print(_("notify: {segment}: not sent to {address}: {reason}").format(
                    segment=entry.segment, address=entry.address, reason=_reason(error)), file=sys.stderr)
                lost = isinstance(error, smtplib.SMTPServerDisconnected) or not isinstance(error, smtplib.SMTPException)
                if lost:  # (SMTPException is an OSError too: only a refusal lets the next segment go on)
                    for later, later_due in pending[number + 1:]:
                        failures += 1
                        _keep_for_next_run(state, later, later_due)
                        print(_("notify: {segment}: not sent: the connection to the mail server was lost").format(
                            segment=later.segment), file=sys.stderr)
                    break
                continue
            state.record(entry.segment, due.seen, (message["Message-ID"], when, len(due.news)))
            print(_("{segment}: sent {count} to {address}: {subject}").format(
                segment=entry.segment, count=len(due.news), address=entry.address, subject=message["Subject"]))
    if failures:
        print(_("notify: {count} of {total} digests not sent; they are sent on the next run.").format(
            count=failures, total=len(pending)), file=sys.stderr)
        return EXIT_FAILED
    return 0


def _keep_for_next_run(state: State, entry: AlertList, due: Due) -> None:
    """A segment's first digest that failed: record the start without it, so that the next run
    (without --since) sends it rather than taking it as the start."""
    if state.seen(entry.segment) is None:
        state.record(entry.segment, due.seen - {n.key for n in due.news})


def _reason(error: Exception) -> str:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code, text = next(iter(error.recipients.values()))
        return f"{code} {text.decode(errors='replace') if isinstance(text, bytes) else text}"
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{error.smtp_code} {error.smtp_error.decode(errors='replace') if isinstance(error.smtp_error, bytes) else error.smtp_error}"
    return str(error) or type(error).__name__


def _dry_run(data: SiteData, config: AlertConfig, archive: str, dues: list[tuple[AlertList, Due]], when: dt.datetime) -> int:
    for entry, due in dues:
        if not due.news:
            print(_("{segment}: nothing to send").format(segment=entry.segment))
            continue
        message = digest.compose(data, entry, due, config.sender, archive, when)
        print(_("{segment}: would send {count} to {address}: {subject}").format(
            segment=entry.segment, count=len(due.news), address=entry.address, subject=message["Subject"]))
        for news in due.news:
            print(f"  {news.kind} {news.meeting.title}: {news.meeting.url}")
    return 0


def _fail(line: str) -> int:
    print(f"protokollarkivet notify: {line}", file=sys.stderr)
    return EXIT_USAGE


# -- the command line -----------------------------------------------------------------------

def add_notify_command(commands) -> None:
    notify_parser = commands.add_parser("notify", help=_("send what is new to each alert list (after a deploy)"))
    notify_parser.add_argument("--site", type=Path, default=Path("site"), help=_("the built site (default: site)"))
    notify_parser.add_argument("--state", type=Path, required=True,
                               help=_("the state file: what each list was sent (kept between runs)"))
    notify_parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"),
                               help=_("the configuration with the alert lists (default: mkdocs.yml)"))
    notify_parser.add_argument("--smtp-host", help=_("the mail server (SMTP_USER and SMTP_PASSWORD from the environment)"))
    notify_parser.add_argument("--smtp-port", type=int, default=587, help=_("its port (default: 587)"))
    notify_parser.add_argument("--timeout", type=float, default=60.0, help=_("seconds to wait for the server (default: 60)"))
    notify_parser.add_argument("--since", type=dt.date.fromisoformat, metavar="YYYY-MM-DD",
                               help=_("for lists without a state: send what was published on or after this day"))
    notify_parser.add_argument("--dry-run", action="store_true", help=_("print what would be sent; send and record nothing"))


def run_notify(args, user: str = "", password: str = "") -> int:
    """The command, with the SMTP login the command line read from SMTP_USER and SMTP_PASSWORD."""
    if not args.dry_run and not args.smtp_host:
        return _fail(_("--smtp-host is required (or --dry-run)"))
    server = Server(args.smtp_host, args.smtp_port, args.timeout, user, password) if args.smtp_host else None
    return notify(Run(args.site, args.state, args.config, server, args.since, args.dry_run))
