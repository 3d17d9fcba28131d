"""The one shape every content problem takes: `path:line: field: message (hint) [code]`.

The code names the rule that found the problem (`officials`, `unclosed-block`, `yaml`): the
rules across a meeting can be switched off by it (`check --disable officials`, or the plugin's
`disable` option), and `docs/format.md` lists them all. The message and hint are in the reader's
language (see `messages.py`); the code, the path and the field are the same in every language.
"""

from __future__ import annotations

import difflib
import errno
import os
from dataclasses import dataclass
from typing import Iterable

from .messages import N_, _


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the content, pointing at the line that holds it."""

    path: str
    """Path of the file, relative to the project (posix separators)."""
    line: int
    """1-based line number; 1 when the problem is the file as a whole."""
    field: str
    """The field, label or construct at fault, e.g. `status`, `present[3].name`, `§ 7a`."""
    message: str
    """What was found and what was expected (translated where it was made)."""
    hint: str = ""
    """How to fix it, e.g. a did-you-mean."""
    severity: str = "error"
    """`error` stops `check` and the build; `note` and `info` are told and publishing goes on."""
    code: str = ""
    """The rule that found it (see the module's docstring)."""

    def __str__(self) -> str:
        label = "" if self.severity == "error" else f"{_(SEVERITY_LABELS[self.severity])}: "
        text = f"{self.path}:{self.line}: {label}{self.field}: {self.message}"
        text = f"{text} ({self.hint})" if self.hint else text
        return f"{text} [{self.code}]" if self.code else text

    @property
    def sort_key(self) -> tuple[str, int, str]:
        return (self.path, self.line, self.field)


SEVERITY_LABELS = {"warning": N_("warning"), "note": N_("note"), "info": N_("info")}


def mismatch(path: str, line: int, field: str, found: object, expected: str, hint: str = "", code: str = "value") -> Problem:
    """A problem phrased as `found X, expected Y`, the common case (`expected` already translated)."""
    return Problem(path, line, field, found_expected(found, expected), hint, code=code)


def found_expected(found: object, expected: str) -> str:
    return _("found {found}, expected {expected}").format(found=show(found), expected=expected)


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A hint naming the closest candidate, or '' when nothing is close."""
    lowered = {c.lower(): c for c in candidates}
    close = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return _("did you mean '{name}'?").format(name=lowered[close[0]]) if close else ""


def format_problems(problems: Iterable[Problem]) -> str:
    ordered = sorted(problems, key=lambda p: p.sort_key)
    return "\n".join(str(p) for p in ordered)


def github_annotations(problems: Iterable[Problem]) -> str:
    """The problems as GitHub Actions workflow commands, so each shows on its file and line."""
    def escape(text: str) -> str:
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def escape_property(text: str) -> str:
        return escape(text).replace(":", "%3A").replace(",", "%2C")

    return "\n".join(
        f"::error file={escape_property(p.path)},line={p.line},title={escape_property(p.field)}::"
        f"{escape(p.message + (f' ({p.hint})' if p.hint else '') + (f' [{p.code}]' if p.code else ''))}"
        for p in sorted(problems, key=lambda p: p.sort_key)
    )


def show(value: object) -> str:
    """A value as a message quotes it."""
    if isinstance(value, str) and not value:
        return _("an empty value")
    if value is None:
        return _("nothing")
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class ContentError(Exception):
    """Raised when the content cannot be published; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: p.sort_key)
        count = len(self.problems)
        heading = _("1 problem in the content:") if count == 1 else _("{count} problems in the content:").format(count=count)
        super().__init__(f"{heading}\n{format_problems(self.problems)}")


def file_error(error: OSError) -> str:
    """What a build says when the system refused it a file (a full disk in CI, a folder it may not
    write): the file, the system's reason and the way out, in one line instead of a traceback."""
    path = error.filename2 if error.filename2 is not None else error.filename
    path = os.fsdecode(path) if isinstance(path, (str, bytes, os.PathLike)) else None  # (not a descriptor's number)
    text = f"{path}: {error.strerror or error}" if path is not None else str(error.strerror or error)
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        hint = _("free disk space and build again: a build writes a whole site beside the published one before it "
                 "replaces it")
    elif error.errno == errno.EFBIG:
        hint = _("the system limits the size of the files this build may write (ulimit -f)")
    elif error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        hint = _("let the user who builds write to the folder, and build again")
    else:
        hint = ""
    return f"{text} ({hint})" if hint else text
