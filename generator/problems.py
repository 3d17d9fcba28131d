"""The one shape every content error takes: `path:line: field: message (hint)`."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterable


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
    """What was found and what was expected."""
    hint: str = ""
    """How to fix it, e.g. a did-you-mean."""
    severity: str = "error"
    """`error` stops `check` and the build; `note` is reported and publishing goes on."""

    def __str__(self) -> str:
        label = "" if self.severity == "error" else f"{self.severity}: "
        text = f"{self.path}:{self.line}: {label}{self.field}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text

    @property
    def sort_key(self) -> tuple[str, int, str]:
        return (self.path, self.line, self.field)


def mismatch(path: str, line: int, field: str, found: object, expected: str, hint: str = "") -> Problem:
    """A problem phrased as `found X, expected Y`, the common case."""
    return Problem(path, line, field, f"found {_show(found)}, expected {expected}", hint)


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A hint naming the closest candidate, or '' when nothing is close."""
    lowered = {c.lower(): c for c in candidates}
    close = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return f"did you mean '{lowered[close[0]]}'?" if close else ""


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
        f"{escape(p.message + (f' ({p.hint})' if p.hint else ''))}"
        for p in sorted(problems, key=lambda p: p.sort_key)
    )


def _show(value: object) -> str:
    if isinstance(value, str) and not value:
        return "an empty value"
    if value is None:
        return "nothing"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class ContentError(Exception):
    """Raised when the content cannot be published; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: p.sort_key)
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{count} {noun} in the content:\n{format_problems(self.problems)}")
