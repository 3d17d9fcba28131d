"""A citizen follows a body, a topic or the whole archive by e-mail: after each deploy CI runs
`protokollarkivet notify`, which sends each mailing list one digest of what is new, exactly once,
through a real SMTP server (aiosmtpd on the loopback here), and never keeps an address."""

from __future__ import annotations

import dataclasses
import datetime as dt
import email
import email.policy
import re
import socket
import ssl
import subprocess
import sys
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path

import pytest
import yaml
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

from generator import alerts
from generator.notify import is_loopback

from .browsing import Visit
from .conftest import QUIET, ROOT, Project, make_project

pytestmark = pytest.mark.heavy  # (run first: conftest.py)

SITE_URL = "https://protokollarkivet.example.se/"
LISTS = {"alla": "bevaka-alla@lists.example.se", "lsg": "bevaka-lsg@lists.example.se",
         "amne/hjalpmedel": "bevaka-hjalpmedel@lists.example.se"}
SENDER = "noreply@example.se"


# -- a real mail server on the loopback ---------------------------------------------------------

@dataclass
class Inbox:
    """What the server accepted, and what it is told to refuse."""

    received: list[tuple[list[str], EmailMessage, bool]] = field(default_factory=list)
    """(recipients, message, whether it came over TLS)."""
    refuse: set[str] = field(default_factory=set)
    logins: list[str] = field(default_factory=list)

    async def handle_RCPT(self, server, session, envelope, address, options):
        if address in self.refuse:
            return "550 5.1.1 No such list here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.received.append((list(envelope.rcpt_tos), message, session.ssl is not None))
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for rcpt, m, _ in self.received if address in rcpt]

    @property
    def recipients(self) -> list[str]:
        return sorted(a for rcpt, _, _ in self.received for a in rcpt)


class _RefusesStartTLS(SMTP):
    """Offers STARTTLS, then says it is not available (a broken or hostile server)."""

    async def smtp_STARTTLS(self, arg: str) -> None:
        await self.push("454 4.7.0 TLS not available due to temporary reason")


class _Server(Controller):
    def __init__(self, inbox: Inbox, host: str, smtp_class: type = SMTP, **kwargs) -> None:
        self.smtp_class = smtp_class
        with socket.socket() as s:
            s.bind((host, 0))
            port = s.getsockname()[1]
        super().__init__(inbox, hostname=host, port=port, **kwargs)

    def factory(self):
        return self.smtp_class(self.handler, **self.SMTP_kwargs)


@pytest.fixture
def smtp():
    """Start a server: `smtp()` a plain one on 127.0.0.1, or with a class, host and options."""
    started = []

    def start(inbox: Inbox | None = None, host: str = "127.0.0.1", smtp_class: type = SMTP, **kwargs) -> tuple[Inbox, _Server]:
        inbox = inbox or Inbox()
        server = _Server(inbox, host, smtp_class, **kwargs)
        server.start()
        started.append(server)
        return inbox, server

    yield start
    for server in started:
        server.stop()


def notify(site: Path, state: Path, server: _Server | None, *extra: str, config: Path = ROOT / "mkdocs.yml",
           host: str | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    smtp = ["--smtp-host", host or server.hostname, "--smtp-port", str(server.port), "--timeout", "20"] if server else []
    return subprocess.run([sys.executable, "-m", "generator.cli", "notify", "--site", str(site), "--state", str(state),
                           "--config", str(config), *smtp, *extra], capture_output=True, text=True,
                          env={**QUIET, **(env or {})}, timeout=120)


def body_text(message: EmailMessage, subtype: str) -> str:
    """A part's text with its lines joined (the plain part is wrapped at 76 characters)."""
    return " ".join(message.get_body((subtype,)).get_content().split())


# -- the example archive: what is sent, and to whom ------------------------------------------------

def test_a_first_run_without_state_or_since_sends_nothing_and_records_where_it_starts(example_site: Path, tmp_path: Path,
                                                                                        smtp) -> None:
    inbox, server = smtp()
    run = notify(example_site, tmp_path / "state.json", server)
    assert run.returncode == 0, run.stderr
    assert inbox.received == []
    assert "first run" in run.stdout and (tmp_path / "state.json").is_file()
    again = notify(example_site, tmp_path / "state.json", server)
    assert again.returncode == 0 and inbox.received == [] and "nothing new" in again.stdout


def test_since_sends_each_list_one_digest_of_what_is_in_it(example_site: Path, tmp_path: Path, smtp) -> None:
    inbox, server = smtp()
    run = notify(example_site, tmp_path / "state.json", server, "--since", "2023-01-01")
    assert run.returncode == 0, run.stderr
    # Only Länssamverkansgruppen met in 2023; its § 28 is about Hjälpmedel.
    assert inbox.recipients == sorted(LISTS.values())
    lsg, = inbox.to(LISTS["lsg"])
    assert lsg["Subject"] == "Nytt från Länssamverkansgruppen: protokoll 15 september 2023"
    everything, = inbox.to(LISTS["alla"])
    assert everything["Subject"] == "Nytt i Protokollarkivet: Länssamverkansgruppen, protokoll 15 september 2023"
    topic, = inbox.to(LISTS["amne/hjalpmedel"])
    assert topic["Subject"] == "Nytt om Hjälpmedel: Länssamverkansgruppen, protokoll 15 september 2023"


def test_a_digest_has_each_meeting_its_address_and_decisions_in_both_parts_and_the_list_headers(
        example_site: Path, tmp_path: Path, smtp) -> None:
    inbox, server = smtp()
    notify(example_site, tmp_path / "state.json", server, "--since", "2023-01-01")
    message, = inbox.to(LISTS["lsg"])
    assert message.get_content_type() == "multipart/alternative"
    plain, html = body_text(message, "plain"), body_text(message, "html")
    for part in (plain, html):
        assert f"{SITE_URL}lsg/2023-09-15/" in part
        assert "Länssamverkansgruppen 15 september 2023" in part
        assert "§ 28 Uppföljning av regional samverkan" in part
        assert "anta den uppdaterade processen" in part  # § 27's decision, in short
        assert "bevaka-lsg-leave@lists.example.se" in part  # the way out
    assert message["From"] == "Protokollarkivet <noreply@example.se>" and message["To"] == LISTS["lsg"]
    assert message["List-Id"] == "<bevaka-lsg.lists.example.se>"
    assert message["List-Unsubscribe"] == "<mailto:bevaka-lsg-leave@lists.example.se>"
    assert re.fullmatch(r"<[0-9a-f]{24}\.lsg@protokollarkivet\.example\.se>", message["Message-ID"])
    assert email.utils.parsedate_to_datetime(message["Date"]).tzinfo is not None
    # No tracking: nothing loads, and every link leads to the archive or the list's own address.
    assert "<img" not in html and "src=" not in html
    links = re.findall(r'href="([^"]+)"', html)
    assert links and all(link.startswith((SITE_URL, "mailto:bevaka-lsg-")) for link in links), links


def test_a_topics_digest_holds_only_the_items_on_that_topic(example_site: Path, tmp_path: Path, smtp) -> None:
    inbox, server = smtp()
    notify(example_site, tmp_path / "state.json", server, "--since", "2023-01-01")
    topic = body_text(inbox.to(LISTS["amne/hjalpmedel"])[0], "plain")
    assert "§ 28 Uppföljning av regional samverkan" in topic
    assert "§ 27" not in topic and "anta den uppdaterade processen" not in topic
    everything = body_text(inbox.to(LISTS["alla"])[0], "plain")
    assert "§ 27" in everything


def test_running_twice_sends_nothing_the_second_time(example_site: Path, tmp_path: Path, smtp) -> None:
    inbox, server = smtp()
    assert notify(example_site, tmp_path / "state.json", server, "--since", "2021-01-01").returncode == 0
    assert len(inbox.received) == 3
    again = notify(example_site, tmp_path / "state.json", server, "--since", "2021-01-01")
    assert again.returncode == 0 and "nothing new" in again.stdout
    assert len(inbox.received) == 3


def test_exactly_once_when_the_server_refuses_one_list_midway(example_site: Path, tmp_path: Path, smtp) -> None:
    state = tmp_path / "state.json"
    inbox, server = smtp(Inbox(refuse={LISTS["lsg"]}))
    failed = notify(example_site, state, server, "--since", "2023-01-01")
    assert failed.returncode == 1
    assert "lsg: not sent to bevaka-lsg@lists.example.se: 550 5.1.1 No such list here" in failed.stderr
    assert inbox.recipients == sorted([LISTS["alla"], LISTS["amne/hjalpmedel"]])  # (the one after lsg was sent)
    inbox.refuse.clear()
    # The next run (CI's next deploy: no --since) sends what failed, and only that.
    retry = notify(example_site, state, server)
    assert retry.returncode == 0, retry.stderr
    assert inbox.recipients == sorted(LISTS.values())
    assert inbox.to(LISTS["lsg"])[0]["Subject"] == "Nytt från Länssamverkansgruppen: protokoll 15 september 2023"
    assert notify(example_site, state, server).returncode == 0
    assert len(inbox.received) == 3


def test_a_server_that_is_down_sends_nothing_and_everything_goes_next_time(example_site: Path, tmp_path: Path,
                                                                            smtp) -> None:
    state = tmp_path / "state.json"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    down = subprocess.run([sys.executable, "-m", "generator.cli", "notify", "--site", str(example_site), "--state", str(state),
                           "--config", str(ROOT / "mkdocs.yml"), "--smtp-host", "127.0.0.1", "--smtp-port", str(closed),
                           "--since", "2023-01-01"], capture_output=True, text=True, env=QUIET, timeout=120)
    assert down.returncode == 1
    assert down.stderr.count("not sent: cannot reach the mail server 127.0.0.1") == 3
    inbox, server = smtp()
    assert notify(example_site, state, server).returncode == 0
    assert inbox.recipients == sorted(LISTS.values())


def test_the_state_never_holds_an_address(example_site: Path, tmp_path: Path, smtp) -> None:
    state = tmp_path / "state.json"
    inbox, server = smtp(Inbox(refuse={LISTS["amne/hjalpmedel"]}))
    notify(example_site, state, server, "--since", "2021-01-01")
    text = state.read_text(encoding="utf-8")
    assert "lsg/2023-09-15#protokoll" in text  # (it does hold what was announced)
    for address in [*LISTS.values(), SENDER, "lists.example.se", "noreply"]:
        assert address not in text
    assert all("@" not in line or '"message_id"' in line for line in text.splitlines())


def test_a_dry_run_prints_what_it_would_send_and_sends_and_records_nothing(example_site: Path, tmp_path: Path) -> None:
    run = notify(example_site, tmp_path / "state.json", None, "--since", "2023-01-01", "--dry-run")
    assert run.returncode == 0, run.stderr
    assert ("lsg: would send 1 to bevaka-lsg@lists.example.se: Nytt från Länssamverkansgruppen: protokoll 15 september 2023"
            in run.stdout)
    assert f"protokoll Länssamverkansgruppen 15 september 2023: {SITE_URL}lsg/2023-09-15/" in run.stdout
    assert not (tmp_path / "state.json").exists()


# -- the connection: encrypted unless local ----------------------------------------------------------

def test_a_server_that_offers_starttls_and_then_refuses_it_is_not_used_in_clear(example_site: Path, tmp_path: Path,
                                                                                 smtp, certificate) -> None:
    inbox, server = smtp(smtp_class=_RefusesStartTLS, tls_context=certificate.server)
    run = notify(example_site, tmp_path / "state.json", server, "--since", "2023-01-01")
    assert run.returncode == 1
    assert "no safe connection to the mail server 127.0.0.1" in run.stderr and "454" in run.stderr
    assert inbox.received == []


def test_starttls_is_used_when_offered_with_the_certificate_checked(example_site: Path, tmp_path: Path, smtp,
                                                                     certificate) -> None:
    logins: list[str] = []

    def authenticate(server, session, envelope, mechanism, auth_data):
        if isinstance(auth_data, LoginPassword) and auth_data.password == b"hemligt":
            logins.append(auth_data.login.decode())
            return AuthResult(success=True)
        return AuthResult(success=False, handled=False)

    inbox, server = smtp(tls_context=certificate.server, require_starttls=True, authenticator=authenticate,
                         auth_require_tls=True)
    trusted = {"SSL_CERT_FILE": str(certificate.file), "SMTP_USER": "arkivet", "SMTP_PASSWORD": "hemligt"}
    run = notify(example_site, tmp_path / "state.json", server, "--since", "2023-01-01", host="localhost", env=trusted)
    assert run.returncode == 0, run.stderr
    assert len(inbox.received) == 3 and all(tls for _, _, tls in inbox.received)
    assert logins == ["arkivet"]
    # A certificate the client does not trust is refused, not ignored.
    untrusted = notify(example_site, tmp_path / "other.json", server, "--since", "2023-01-01", host="localhost")
    assert untrusted.returncode == 1 and "CERTIFICATE_VERIFY_FAILED" in untrusted.stderr
    assert len(inbox.received) == 3


def _outside_address() -> str | None:
    """This machine's address on a network interface (not the loopback), when it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))  # (no packet is sent: this only picks the outgoing interface)
            address = s.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address


def test_a_server_across_the_network_without_starttls_is_refused(example_site: Path, tmp_path: Path, smtp) -> None:
    address = _outside_address()
    if address is None:
        pytest.skip("this machine has no network address besides the loopback")
    inbox, server = smtp(host=address)
    run = notify(example_site, tmp_path / "state.json", server, "--since", "2023-01-01")
    assert run.returncode == 1
    assert f"the mail server {address} does not offer STARTTLS" in run.stderr
    assert inbox.received == []
    assert not is_loopback(address) and is_loopback("localhost")


@dataclass
class Certificate:
    file: Path
    server: ssl.SSLContext


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> Certificate:
    """A self-signed certificate for localhost (openssl), and a server context holding it."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
                   check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return Certificate(cert, context)


# -- what counts as new --------------------------------------------------------------------

NEW_MEETING = """---
body: lsg
kind: protokoll
date: 2024-05-17
place: Teams
status: justerat
adjusted_on: 2024-05-24
present:
  - name: Pernilla Henriksson
    role: ordförande
officials:
  chair: Pernilla Henriksson
  adjusters: [Pernilla Henriksson]
---

## 1. Mötets öppnande

::: beslut
Länssamverkansgruppen beslutade att godkänna dagordningen.
:::
"""


def _alert_project(root: Path) -> Project:
    project = make_project(root)
    assert project.build(on=dt.date(2024, 6, 1)).code == 0
    return project


def test_a_new_meeting_goes_to_its_bodys_list_and_alla_only(tmp_path: Path, smtp) -> None:
    project = _alert_project(tmp_path / "project")
    state, config = tmp_path / "state.json", project.root / "mkdocs.yml"
    inbox, server = smtp()
    assert notify(project.site, state, server, config=config).returncode == 0  # (the first run: where it starts)
    project.write("lsg/2024-05-17.md", NEW_MEETING)
    built = project.build(on=dt.date(2024, 6, 1))
    assert built.code == 0, built.stderr
    run = notify(project.site, state, server, config=config)
    assert run.returncode == 0, run.stderr
    assert inbox.recipients == sorted([LISTS["alla"], LISTS["lsg"]])
    message, = inbox.to(LISTS["lsg"])
    assert message["Subject"] == "Nytt från Länssamverkansgruppen: protokoll 17 maj 2024"
    assert "godkänna dagordningen" in body_text(message, "plain")


def test_a_correction_to_published_minutes_is_news(tmp_path: Path, smtp) -> None:
    project = _alert_project(tmp_path / "project")
    state, config = tmp_path / "state.json", project.root / "mkdocs.yml"
    inbox, server = smtp()
    notify(project.site, state, server, config=config)
    path = project.content / "socialnamnden/2024-03-12.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("original: original.pdf\n", "original: original.pdf\ncorrections:\n  - date: 2024-04-02\n"
                                 "    text: Beslutet i § 12 angav fel belopp.\n", 1), encoding="utf-8")
    built = project.build(on=dt.date(2024, 6, 1))
    assert built.code == 0, built.stderr
    assert notify(project.site, state, server, config=config).returncode == 0
    message, = inbox.to(LISTS["alla"])
    assert message["Subject"] == "Nytt i Protokollarkivet: Socialnämnden, rättelse i protokollet 12 mars 2024"
    assert "Rättelse 2024-04-02: Beslutet i § 12 angav fel belopp." in body_text(message, "plain")
    assert inbox.to(LISTS["lsg"]) == []


def test_a_published_kallelse_is_news_and_its_minutes_are_news_again() -> None:
    """The states of a meeting announced before it is held (`kallad`, then `justerat`): each is a publication."""
    meeting = alerts.Published("lsg/2024-05-17", "lsg", "Länssamverkansgruppen 17 maj 2024", dt.date(2024, 5, 17), "kallad",
                               SITE_URL + "lsg/2024-05-17/", None, None, (), ())
    data = alerts.SiteData(SITE_URL, {"lsg": "Länssamverkansgruppen"}, {}, (meeting,))
    called = alerts.due(data, "lsg", frozenset(), None)
    assert [n.kind for n in called.news] == ["kallelse"]
    held = alerts.SiteData(SITE_URL, data.bodies, {}, (dataclasses.replace(meeting, status="justerat"),))
    assert [n.kind for n in alerts.due(held, "lsg", called.seen, None).news] == ["protokoll"]
    planned = alerts.SiteData(SITE_URL, data.bodies, {}, (dataclasses.replace(meeting, status="planerad"),))
    assert alerts.due(planned, "lsg", frozenset(), None).news == ()


CALLED_MEETING = """---
body: lsg
kind: protokoll
date: 2024-06-14
place: Teams
status: kallad
---

## 1. Mötets öppnande

::: förslag
Länssamverkansgruppen godkänner dagordningen.
:::
"""


def test_a_kallelse_built_and_then_its_minutes_each_reach_the_bodys_list_once(tmp_path: Path, smtp) -> None:
    project = _alert_project(tmp_path / "project")
    state, config = tmp_path / "state.json", project.root / "mkdocs.yml"
    inbox, server = smtp()
    assert notify(project.site, state, server, config=config).returncode == 0  # (the first run: where it starts)
    project.write("lsg/2024-06-14.md", CALLED_MEETING)
    built = project.build(on=dt.date(2024, 6, 3))
    assert built.code == 0, built.stderr
    assert notify(project.site, state, server, config=config).returncode == 0
    called, = inbox.to(LISTS["lsg"])
    assert called["Subject"] == "Nytt från Länssamverkansgruppen: kallelse till mötet 14 juni 2024"
    assert "Förslag till beslut: Länssamverkansgruppen godkänner dagordningen." in body_text(called, "plain")

    minutes = NEW_MEETING.replace("2024-05-17", "2024-06-14").replace("2024-05-24", "2024-06-20")
    project.write("lsg/2024-06-14.md", minutes)
    built = project.build(on=dt.date(2024, 6, 21))
    assert built.code == 0, built.stderr
    assert notify(project.site, state, server, config=config).returncode == 0
    assert notify(project.site, state, server, config=config).returncode == 0  # nothing new the second time
    first, held = inbox.to(LISTS["lsg"])
    assert held["Subject"] == "Nytt från Länssamverkansgruppen: protokoll 14 juni 2024"
    assert len(inbox.to(LISTS["alla"])) == 2


def test_a_long_catch_up_stays_a_message_a_list_server_accepts() -> None:
    """Weeks of minutes at once: the latest ten meetings in full, fifty more by title and address, the rest counted."""
    from generator import digest
    decisions = (alerts.Decision("beslut", "Nämnden beslutade att godkänna förslaget. " * 20, SITE_URL + "x/#p1-b1"),)
    meetings = tuple(
        alerts.Published(f"lsg/{day}", "lsg", f"Länssamverkansgruppen {day}", day, "justerat", f"{SITE_URL}lsg/{day}/",
                         None, None, (), tuple(alerts.Entry(f"§ {n}", f"Ärende {n}", f"{SITE_URL}lsg/{day}/#p{n}", (), decisions)
                                               for n in range(1, 30)))
        for day in (dt.date(2020, 1, 1) + dt.timedelta(days=7 * week) for week in range(75)))
    data = alerts.SiteData(SITE_URL, {"lsg": "Länssamverkansgruppen"}, {}, meetings)
    alert, = alerts.parse_alerts({"from": SENDER, "lists": {"lsg": LISTS["lsg"]}})[0].lists
    due = alerts.due(data, "lsg", None, dt.date(2000, 1, 1))
    message = digest.compose(data, alert, due, SENDER, "Protokollarkivet", dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
    plain = body_text(message, "plain")
    assert message["Subject"] == "Nytt från Länssamverkansgruppen: 75 protokoll"
    assert plain.count("Protokollet är publicerat") == 10 and plain.count("… och 17 ärenden till i protokollet.") == 10
    assert "Länssamverkansgruppen 2021-03-24 (protokoll)" in plain and "lsg/2020-04-15/" in plain
    assert "… och 15 möten till" in plain
    assert "lsg/2020-01-01/" not in plain  # (the oldest: counted, not listed)
    assert len(message.as_bytes()) < 250_000


# -- the configuration ----------------------------------------------------------------------

def test_a_list_for_no_body_or_topic_is_told_on_its_line_and_the_other_lists_are_sent(tmp_path: Path, smtp) -> None:
    """A key mistyped, or a body renamed since: the build says so and goes on; notify sends the
    other lists and ends non-zero, naming the line."""
    project = make_project(tmp_path / "project")
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("          lsg: bevaka-lsg", "          lsgg: bevaka-lsg"),
                      encoding="utf-8")
    line = next(n for n, text in enumerate(config.read_text(encoding="utf-8").splitlines(), 1) if "lsgg:" in text)
    told = f"mkdocs.yml:{line}: note: alerts.lists.lsgg: no body or topic has this key (did you mean 'lsg'?) [alerts]"
    built = project.build()
    assert built.code == 0 and told in built.stderr, built.stderr
    inbox, server = smtp()
    run = notify(project.site, tmp_path / "state.json", server, "--since", "2021-01-01", config=config)
    assert run.returncode == 1 and told.replace(" note:", "") in run.stderr and "Traceback" not in run.stderr
    assert inbox.recipients == [LISTS["alla"]]  # (the fixture archive has no item on Hjälpmedel)
    page = (project.site / "bevaka/index.html").read_text(encoding="utf-8")
    assert "bevaka-lsg" not in page and "bevaka-alla-join" in page


def test_without_a_built_site_notify_says_so(tmp_path: Path) -> None:
    run = notify(tmp_path / "site", tmp_path / "state.json", None, "--dry-run")
    assert run.returncode == 2 and "no open data here (build the site first)" in run.stderr and "Traceback" not in run.stderr


def test_without_alert_lists_notify_says_so_and_sends_nothing(example_site: Path, tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Arkivet\nplugins:\n  - protokollarkivet\n", encoding="utf-8")
    run = notify(example_site, tmp_path / "state.json", None, "--dry-run", config=config)
    assert run.returncode == 0 and "no alert lists are configured" in run.stdout


def test_a_broken_state_file_is_a_clear_line(example_site: Path, tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    state.write_text("{not json", encoding="utf-8")
    run = notify(example_site, state, None, "--dry-run")
    assert run.returncode == 2 and "not a notify state file" in run.stderr and "Traceback" not in run.stderr


# -- the page /bevaka/ ----------------------------------------------------------------------

def test_the_alerts_page_lists_each_list_with_its_way_in_and_the_atom_alternative(example_site: Path) -> None:
    html = (example_site / "bevaka/index.html").read_text(encoding="utf-8")
    assert 'href="mailto:bevaka-lsg-join@lists.example.se"' in html
    assert 'href="mailto:bevaka-hjalpmedel-join@lists.example.se"' in html and 'href="../amne/hjalpmedel/atom.xml"' in html
    assert 'id="bevaka-alla"' in html and 'href="../atom.xml"' in html
    assert "Vad arkivet gör med din e-postadress" in html and "arkivet ser den aldrig" in html
    assert "bevaka-samrad" not in html  # (a body without a list is not offered)


@pytest.mark.parametrize("page", ["folj/index.html", "lsg/index.html", "samrad/index.html", "amne/hjalpmedel/index.html",
                                  "amne/nara-vard/index.html"])
def test_the_follow_page_and_every_body_and_topic_page_link_to_it(example_site: Path, page: str) -> None:
    html = (example_site / page).read_text(encoding="utf-8")
    assert re.search(r'href="(\.\./)+bevaka/"', html), page


def test_the_alerts_page_fits_a_phone_and_has_no_axe_violations(browser: object, server: str) -> None:
    from .test_accessibility import violations
    assert violations(browser, server + "bevaka/", 1280) == [] and violations(browser, server + "bevaka/", 375) == []
    visit = Visit(browser, server, width=375, height=740)
    visit.open(server + "bevaka/")
    assert visit.page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert visit.foreign == []
    visit.close()


def test_the_archive_workflow_sends_after_the_deploy_and_keeps_the_state_even_when_a_list_failed() -> None:
    workflow = yaml.safe_load((ROOT / "templates/archive-repository/.github/workflows/publish.yml").read_text(encoding="utf-8"))
    job = workflow["jobs"]["notify"]
    assert job["needs"] == "deploy"
    steps = {step.get("name"): step for step in job["steps"]}
    send = steps["Send what is new to the alert lists"]
    assert "protokollarkivet notify --site site --state .protokollarkivet-notify.json" in send["run"]
    assert send["env"]["SMTP_PASSWORD"] == "${{ secrets.SMTP_PASSWORD }}" and "SMTP_PASSWORD" not in send["run"]
    restore, keep = steps["Restore the alert state"], steps["Keep the alert state for the next run"]
    assert restore["with"]["path"] == keep["with"]["path"] == ".protokollarkivet-notify.json"
    assert keep["if"] == "always()" and keep["with"]["key"].startswith(restore["with"]["restore-keys"])


def test_the_configuration_is_read_with_mkdocs_own_tags_in_it(example_site: Path, tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Arkivet\nsite_url: !ENV [SITE_URL, 'https://protokollarkivet.example.se/']\n"
                      "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
                      "plugins:\n  - search\n  - protokollarkivet:\n      alerts:\n        from: Arkivet <noreply@example.se>\n"
                      "        lists:\n          lsg: bevaka-lsg@lists.example.se\n", encoding="utf-8")
    run = notify(example_site, tmp_path / "state.json", None, "--dry-run", "--since", "2023-01-01", config=config)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("lsg: would send 1 to bevaka-lsg@lists.example.se: Nytt från Länssamverkansgruppen:")
