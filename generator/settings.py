"""Site settings the pages need (from `mkdocs.yml`'s plugin options), as plain data.

The MkDocs adapter fills these in; the core never reads MkDocs' configuration itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .alerts import AlertConfig


DEFAULT_ASSESSMENT = "Webbplatsen har granskats av organisationen själv."
DIGG_REPORT_PAGE = ("https://www.digg.se/analys-och-uppfoljning/lagen-om-tillganglighet-till-digital-offentlig-service-dos-lagen/"
                    "anmal-bristande-tillganglighet")
"""Where the public reports a lack of accessibility to the supervisory authority (Digg): a link, not a request."""


@dataclass(frozen=True, slots=True)
class Accessibility:
    """What the tillgänglighetsredogörelse (lag (2018:1937), 15 §) says about this site."""

    compliance: str = "delvis förenlig"
    """fullt förenlig, delvis förenlig or inte förenlig (with WCAG 2.1 AA / EN 301 549)."""
    known_issues: tuple[str, ...] = ()
    contact_email: str = ""
    contact_phone: str = ""
    response_time: str = ""
    assessed_on: str = ""
    assessment: str = DEFAULT_ASSESSMENT
    updated_on: str = ""
    supervisory_url: str = DIGG_REPORT_PAGE


@dataclass(frozen=True, slots=True)
class Registrar:
    """Where the public asks for documents (offentlighetsprincipen): the registrator."""

    name: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""


@dataclass(frozen=True, slots=True)
class Settings:
    organisation: str = ""
    """The public body that publishes the archive."""
    site_url: str = ""
    """Absolute URL of the published site, for permanent links in print and feeds."""
    accessibility: Accessibility = field(default_factory=Accessibility)
    registrar: Registrar = field(default_factory=Registrar)
    today: dt.date = field(default_factory=dt.date.today)
    """The day pages that depend on the date are built for (the notice board): SOURCE_DATE_EPOCH
    when set, else the day of the build. Never a hard-coded date."""
    people: bool = True
    """Person pages and person links; one setting in mkdocs.yml turns them off entirely."""
    preview: bool = False
    """`mkdocs serve`: drafts (utkast) are shown, with a banner. A build never publishes them."""
    history: bool = False
    """Each meeting page lists its published versions and what changed, read from git (`versions.py`)."""
    alerts: AlertConfig = field(default_factory=AlertConfig)
    """The e-mail alert lists (`alerts.py`), for the page `/bevaka/`."""
    portal: bool = False
    """A federation portal (`portal.py`): the pages link to member archives, and it has no pages of
    its own for bodies, topics, coverage, open data or following."""
