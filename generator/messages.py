"""The language of what staff read: `check`, `new`, `import` and the build's own messages.

Messages are written in English in the code, marked with `_()` (or `N_()` where the text is only
declared, and translated where it is shown), and translated through a gettext catalogue:
`generator/locale/sv/LC_MESSAGES/protokollarkivet.po`, read with Babel, so no compiled file is
kept. Swedish is the default; `LANG=en` (or `LC_ALL`, `LC_MESSAGES`, `LANGUAGE` starting with
`en`) gives English. A message the catalogue lacks is shown in English, never as an error (a test
keeps the catalogue complete).
"""

from __future__ import annotations

import gettext
import io
import os
from functools import lru_cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

DOMAIN = "protokollarkivet"
LOCALE_DIR = Path(__file__).parent / "locale"
CATALOGUE = LOCALE_DIR / "sv" / "LC_MESSAGES" / f"{DOMAIN}.po"


def language(environ: dict[str, str] | None = None) -> str:
    """`en` or `sv`, from the first of gettext's variables that is set."""
    environ = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "en" if value.split(":")[0].lower().startswith("en") else "sv"
    return "sv"


@lru_cache(maxsize=1)
def _swedish() -> gettext.NullTranslations:
    """The Swedish catalogue, compiled in memory (kept as one `.po` file in the repository)."""
    try:
        with CATALOGUE.open("rb") as handle:
            catalogue = read_po(handle, locale="sv")
    except OSError:
        return gettext.NullTranslations()
    compiled = io.BytesIO()
    write_mo(compiled, catalogue)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def translations() -> gettext.NullTranslations:
    return _swedish() if language() == "sv" else gettext.NullTranslations()


def _(message: str) -> str:
    """`message` in the reader's language (see `language`)."""
    return translations().gettext(message) if message else message


def N_(message: str) -> str:
    """Marks `message` for the catalogue where it is declared; `_()` translates it where shown."""
    return message


def number(value: int) -> str:
    """An integer as the reader's language writes it: `6,000,001` or `6 000 001`."""
    text = f"{value:,}"
    return text if language() == "en" else text.replace(",", "\u00a0")


def one_of(options: list[str]) -> str:
    """`'a', 'b' or 'c'` in the reader's language."""
    quoted = [f"'{option}'" for option in options]
    if len(quoted) < 2:
        return "".join(quoted)
    return _("{items} or {last}").format(items=", ".join(quoted[:-1]), last=quoted[-1])


def decimal(value: float) -> str:
    """A number with one decimal as the reader's language writes it: `1.6` or `1,6`."""
    text = f"{value:.1f}"
    return text if language() == "en" else text.replace(".", ",")
