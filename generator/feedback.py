"""How a reader reports an error or personal data in the archive: a `mailto:` link to the
registrar, its subject and body filled in with the citation and the permanent address, and a line
left for the reader's words. No form and no server: the reader's own e-mail program sends it, and
the help page says what happens next."""

from __future__ import annotations

from urllib.parse import quote

from .settings import Settings

LINK_TEXT = "Rapportera fel eller personuppgift"


def registrar_email(settings: Settings) -> str:
    """Where reports go: the registrar, else the site's contact (as the footer names them)."""
    return settings.registrar.email or settings.accessibility.contact_email


def report_mailto(settings: Settings, citation: str, url: str) -> str:
    """The link for the page or item at site-relative `url`, cited as `citation`; '' when the
    site names nobody to write to."""
    email = registrar_email(settings)
    if not email:
        return ""
    address = settings.site_url + url if settings.site_url else "/" + url
    # (percent-encoding goes character by character: the fixed words are encoded once, here, and
    # the citation once for both places; every meeting page has a link per item, and encoding
    # each whole was a tenth of rendering the pages of 10,000 protocols)
    cited = quote(citation, safe="")
    return (f"mailto:{quote(email, safe='@')}?subject={_SUBJECT_START}{cited}"
            f"&body={_BODY_START}{cited}{_ADDRESS}{quote(address, safe='')}{_BODY_END}")


_SUBJECT_START = quote(f"{LINK_TEXT}: ", safe="")
_BODY_START = quote("Gäller: ", safe="")
_ADDRESS = quote("\r\nAdress: ", safe="")
_BODY_END = quote("\r\n\r\nVad är fel, eller vilken personuppgift gäller det? Skriv här:\r\n\r\n", safe="")
