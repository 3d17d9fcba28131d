"""Reading content files: bytes -> clean text -> front matter + body, with line numbers kept.

What ordinary editors produce (CRLF line endings, a UTF-8 byte-order mark, decomposed letters)
reads exactly as the clean file does; anything else becomes a Problem, never an exception.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .messages import N_, _, number
from .problems import Problem

MAX_BYTES = 5_000_000
"""A protocol is text; anything larger is a mistake (a PDF renamed .md, a runaway paste)."""

Loc = tuple[str | int, ...]

_MAY_REPEAT = re.compile(r"[&*]|<<")
MAX_DEPTH = 12
"""Deepest nesting of lists and mappings a content file may have (a protocol needs four)."""


def _content_loader(base: type) -> type:
    """A YAML loader that hands every value to validation as written, never as Python objects it
    could fail to build: dates stay text (pydantic checks them and says which line holds an
    impossible one), numbers too long for Python stay text, and the tags a content file has no use
    for (`!!binary`, `!!set`, `!!omap`, `!!pairs`, `!!timestamp`, `<<` merges) are refused."""

    class ContentLoader(base):  # type: ignore[misc, valid-type]
        yaml_implicit_resolvers = {
            first: [(tag, regexp) for tag, regexp in resolvers
                    if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:merge")]
            for first, resolvers in base.yaml_implicit_resolvers.items()
        }
        yaml_constructors = dict(base.yaml_constructors)

    def refuse(loader: yaml.SafeLoader, node: yaml.Node) -> None:
        raise yaml.constructor.ConstructorError(
            None, None, _("found the tag {tag}, which a content file does not use").format(
                tag=node.tag.replace("tag:yaml.org,2002:", "!!")), node.start_mark)

    def integer(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int | str:
        try:
            return yaml.constructor.SafeConstructor.construct_yaml_int(loader, node)
        except ValueError:  # more digits than Python converts: validation reports it as written
            return node.value

    for tag in ("binary", "set", "omap", "pairs", "timestamp", "merge"):
        ContentLoader.yaml_constructors[f"tag:yaml.org,2002:{tag}"] = refuse
    ContentLoader.yaml_constructors["tag:yaml.org,2002:int"] = integer
    return ContentLoader


_LOADER = _content_loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader))
"""libyaml's parser when PyYAML was built with it (several times faster), else the pure-Python one;
both keep the marks the line numbers come from."""
_PURE_LOADER = _content_loader(yaml.SafeLoader)


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
        return None, [Problem(shown, 1, "file", _("the file is empty"), _("write the front matter and items, or delete the file"),
                              code="file")]
    if len(raw) > MAX_BYTES:
        return None, [Problem(shown, 1, "file", _("the file is {size} bytes, expected at most {limit}").format(
            size=number(len(raw)), limit=number(MAX_BYTES)), _("is this really a protocol?"), code="file")]
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None, [Problem(shown, 1, "encoding", _("found UTF-16, expected UTF-8"), _("save the file as UTF-8"), code="encoding")]
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    if b"\x00" in raw:
        return None, [Problem(shown, 1, "file", _("found a NUL byte, expected text"), _("is this a binary file?"), code="file")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(shown, line, "encoding", _("found byte 0x{byte:02x}, which is not UTF-8").format(byte=raw[error.start]),
                              _("save the file as UTF-8 (it looks like Latin-1 or Windows-1252)"), code="encoding")]
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
        return None, [Problem(source.path, 1, "front matter", _("found no front matter, expected a first line '---'"),
                              _("start the file with the YAML front matter between two '---' lines"), code="front-matter")]
    for index in range(1, len(lines)):
        if lines[index].rstrip() == "---":
            return Split("\n".join(lines[1:index]), 2, "\n".join(lines[index + 1:]), index + 2), []
    return None, [Problem(source.path, 1, "front matter", _("found no closing '---'"), _("end the front matter with a line '---'"),
                          code="front-matter")]


def load_yaml(text: str, path: str, first_line: int) -> tuple[YamlDoc | None, list[Problem]]:
    """Parse YAML, keeping the line of every mapping key and sequence entry."""
    # (an anchor, an alias or a merge key is written with '&', '*' or '<<': without them only the
    # depth can be wrong, which libyaml's tree shows; the event scan was an eighth of a file's
    # reading)
    if _MAY_REPEAT.search(text) and (shape := _shape_problem(text, path, first_line)):
        return None, [shape]
    try:
        node, data = _parse(text, _LOADER, path, first_line)
    except _Shape as shape:
        return None, [shape.problem]
    except yaml.YAMLError:
        if shape := _shape_problem(text, path, first_line):  # (before the pure-Python parser, which recurses)
            return None, [shape]
        try:  # the pure-Python parser's messages are the more helpful ("found character '\\t'")
            node, data = _parse(text, _PURE_LOADER, path, first_line)
        except _Shape as shape:
            return None, [shape.problem]
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line = first_line + (mark.line if mark else 0)
            hint = _("write the value as plain text") if "tag" in str(error.problem) else _yaml_hint(text, mark)
            return None, [Problem(path, line, "yaml", _yaml_message(error), hint, code="yaml")]
        except yaml.YAMLError as error:
            return None, [Problem(path, first_line, "yaml", str(error).splitlines()[0], code="yaml")]
    doc = YamlDoc(data, first_line=first_line)
    problems: list[Problem] = []
    if node is not None:
        _collect_lines(node, (), doc.lines, first_line, path, problems)
    return doc, problems


def _shape_problem(text: str, path: str, first_line: int) -> Problem | None:
    """Anchors, aliases and merge keys (which can multiply a small file into a huge value and hide
    where a value was written) and nesting deeper than a protocol needs (which would exhaust
    Python's recursion), found from the event stream before any value is built. Syntax errors are
    left to the parse that follows."""
    for loader in (_LOADER, _PURE_LOADER):  # libyaml's scanner may give up on depth before we count it
        depth = 0
        try:
            for event in yaml.parse(text, Loader=loader):
                line = first_line + event.start_mark.line
                if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                    return Problem(path, line, "yaml", _("found an anchor or alias ('&' or '*'), which a content file does not use"),
                                   _("write the value out in full"), code="yaml")
                if isinstance(event, yaml.ScalarEvent) and event.value == "<<" and not event.style:
                    return Problem(path, line, "yaml", _("found a merge key '<<', which a content file does not use"),
                                   _("write the keys out in full"), code="yaml")
                if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                    depth += 1
                    if depth > MAX_DEPTH:
                        return _too_deep(path, line)
                elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                    depth -= 1
            return None
        except yaml.YAMLError:
            continue
    return None


def _too_deep(path: str, line: int) -> Problem:
    return Problem(path, line, "yaml", _("found lists or mappings nested more than {depth} deep").format(depth=MAX_DEPTH),
                   _("check the brackets and the indentation"), code="yaml")


class _Shape(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


def _parse(text: str, loader_class: type, path: str, first_line: int) -> tuple[yaml.Node | None, object]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        if (deep := _nested_too_deep(node)) is not None:  # (before the values are built: that recurses)
            raise _Shape(_too_deep(path, first_line + deep.start_mark.line))
        return node, loader.construct_document(node)
    finally:
        loader.dispose()


def _nested_too_deep(node: yaml.Node) -> yaml.Node | None:
    """The first list or mapping (in the text's order) nested deeper than MAX_DEPTH, or None."""
    stack = [(node, 1)]
    while stack:
        current, depth = stack.pop()
        if isinstance(current, yaml.MappingNode):
            children = [part for pair in current.value for part in pair]
        elif isinstance(current, yaml.SequenceNode):
            children = current.value
        else:
            continue
        if depth > MAX_DEPTH:
            return current
        stack.extend((child, depth + 1) for child in reversed(children))
    return None


def _collect_lines(node: yaml.Node, loc: Loc, lines: dict[Loc, int], offset: int, path: str, problems: list[Problem]) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            line = offset + key_node.start_mark.line
            if key in seen:
                shown = ".".join(str(part) for part in (*loc, key))
                problems.append(Problem(path, line, shown, _("the key appears twice"),
                                        _("remove one of them; YAML would silently keep the last"), code="duplicate-key"))
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
        return _("YAML does not allow tabs for indentation; indent with spaces")
    if line.count(": ") > 1:
        return _("quote a value that contains ': '")
    return _("check the indentation and quoting on this line and the one before")


_YAML_PROBLEMS = [
    (re.compile(r"^mapping values are not allowed here$"), N_("mapping values are not allowed here")),
    (re.compile(r"^sequence entries are not allowed here$"), N_("sequence entries are not allowed here")),
    (re.compile(r"^found character (?P<what>'.*') that cannot start any token$"),
     N_("found character {what} that cannot start any token")),
    (re.compile(r"^could not find expected ':'$"), N_("could not find expected ':'")),
    (re.compile(r"^found unexpected end of stream$"), N_("found unexpected end of stream")),
    (re.compile(r"^expected <block end>, but found (?P<what>.*)$"), N_("expected the end of a block, but found {what}")),
    (re.compile(r"^could not determine a constructor for the tag (?P<what>.*)$"),
     N_("found the tag {what}, which a content file does not use")),
]
"""PyYAML's commonest problems, so that they are told in the reader's language too."""


def _yaml_message(error: yaml.MarkedYAMLError) -> str:
    problem = str(error.problem or error.context)
    for pattern, template in _YAML_PROBLEMS:
        if match := pattern.match(problem):
            return _(template).format(**match.groupdict())
    return problem


class _PlainDumper(yaml.SafeDumper):
    """Writes every value out in full: content files have no anchors or aliases (see `_shape_problem`)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump_yaml(data: Any, **options: Any) -> str:
    """YAML as the content's writers (`new`, `import`) produce it: readable Swedish, no aliases."""
    return yaml.dump(data, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, **options)
