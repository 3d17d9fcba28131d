"""Reading content files: bytes -> clean text -> front matter + body, with line numbers kept.

What ordinary editors produce (CRLF line endings, a UTF-8 byte-order mark, decomposed letters)
reads exactly as the clean file does; anything else becomes a Problem, never an exception.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

MAX_BYTES = 5_000_000
"""A protocol is text; anything larger is a mistake (a PDF renamed .md, a runaway paste)."""

Loc = tuple[str | int, ...]

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML was built with it (several times faster), else the pure-Python one;
both keep the marks the line numbers come from."""


@dataclass(slots=True)
class SourceText:
    path: str
    text: str


@dataclass(slots=True)
class YamlDoc:
    """A YAML document as Python data, with the line of every key and list entry."""

    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)
    first_line: int = 1

    def line_of(self, loc: Loc) -> int:
        """The line of `loc`, or of its nearest ancestor that has one."""
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.first_line


def read_text(path: Path, shown: str) -> tuple[SourceText | None, list[Problem]]:
    """Read a content file as normalised text (LF, NFC, no BOM)."""
    raw = path.read_bytes()
    if not raw.strip():
        return None, [Problem(shown, 1, "file", "the file is empty", "write the front matter and items, or delete the file")]
    if len(raw) > MAX_BYTES:
        return None, [Problem(shown, 1, "file", f"the file is {len(raw):,} bytes, expected at most {MAX_BYTES:,}", "is this really a protocol?")]
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None, [Problem(shown, 1, "encoding", "found UTF-16, expected UTF-8", "save the file as UTF-8")]
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    if b"\x00" in raw:
        return None, [Problem(shown, 1, "file", "found a NUL byte, expected text",
                              "is this a binary file?")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(shown, line, "encoding", f"found byte 0x{raw[error.start]:02x}, which is not UTF-8",
                              "save the file as UTF-8 (it looks like Latin-1 or Windows-1252)")]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return SourceText(shown, unicodedata.normalize("NFC", text)), []


@dataclass(slots=True)
class Split:
    front: str
    front_line: int
    """Line of the front matter's first line (after the opening `---`)."""
    body: str
    body_line: int
    """Line of the body's first line."""


def split_front_matter(source: SourceText) -> tuple[Split | None, list[Problem]]:
    lines = source.text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None, [Problem(source.path, 1, "front matter", "found no front matter, expected a first line '---'",
                              "start the file with the YAML front matter between two '---' lines")]
    for index in range(1, len(lines)):
        if lines[index].rstrip() == "---":
            return Split("\n".join(lines[1:index]), 2, "\n".join(lines[index + 1:]), index + 2), []
    return None, [Problem(source.path, 1, "front matter", "found no closing '---'", "end the front matter with a line '---'")]


def load_yaml(text: str, path: str, first_line: int) -> tuple[YamlDoc | None, list[Problem]]:
    """Parse YAML, keeping the line of every mapping key and sequence entry."""
    try:
        node, data = _parse(text, _LOADER)
    except yaml.YAMLError:
        try:  # the pure-Python parser's messages are the more helpful ("found character '\\t'")
            node, data = _parse(text, yaml.SafeLoader)
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line = first_line + (mark.line if mark else 0)
            return None, [Problem(path, line, "yaml", f"{error.problem or error.context}", _yaml_hint(text, mark))]
        except yaml.YAMLError as error:
            return None, [Problem(path, first_line, "yaml", str(error).splitlines()[0])]
    doc = YamlDoc(data, first_line=first_line)
    problems: list[Problem] = []
    if node is not None:
        _collect_lines(node, (), doc.lines, first_line, path, problems)
    return doc, problems


def _parse(text: str, loader_class: type) -> tuple[yaml.Node | None, object]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


def _collect_lines(node: yaml.Node, loc: Loc, lines: dict[Loc, int], offset: int, path: str, problems: list[Problem]) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            line = offset + key_node.start_mark.line
            if key in seen:
                shown = ".".join(str(part) for part in (*loc, key))
                problems.append(Problem(path, line, shown, "the key appears twice", "remove one of them; YAML would silently keep the last"))
            seen.add(key)
            lines[(*loc, key)] = line
            _collect_lines(value_node, (*loc, key), lines, offset, path, problems)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*loc, index)] = offset + item.start_mark.line
            _collect_lines(item, (*loc, index), lines, offset, path, problems)


def _yaml_hint(text: str, mark: yaml.Mark | None) -> str:
    if mark is None:
        return ""
    lines = text.split("\n")
    line = lines[mark.line] if mark.line < len(lines) else ""
    if "\t" in line or "\t" in text:
        return "YAML does not allow tabs for indentation; indent with spaces"
    if line.count(": ") > 1:
        return "quote a value that contains ': '"
    return "check the indentation and quoting on this line and the one before"
