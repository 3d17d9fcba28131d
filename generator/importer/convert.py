"""Documents pandoc reads -> lines, the one document model the recogniser works on.

Word (.docx), OpenDocument (.odt), RTF, HTML, LaTeX, Typst, Org and Markdown files are read by
pandoc (shipped inside the `pypandoc-binary` wheel: nothing to install) into its document tree,
which is walked here into `Line`s with what the source says about them:

- headings keep their level; where the source's headings are numbered by the typesetter rather
  than in the text (LaTeX sections, Typst headings with a numbering, Org with `num:t`), the
  number the compiled document prints is put before the title (`2.1 Val av justerare`), and a
  starred or unnumbered heading stays without one;
- paragraphs keep their line breaks (a soft break starts a new line, as in the source), bold
  or emphasised paragraphs are marked bold;
- bullet lists give list entries with their depth; numbered lists keep their numbers in the
  text (`3. Budget`), nested ones are list entries;
- tables give tab-separated rows; code blocks give their lines as they stand;
- quoted text (a quotation of rules, a motion's text) is text: its headings are no headings;
- comments, raw HTML and raw TeX are left out; footnotes are left out.

Markdown is read as CommonMark with source positions, so the report can cite `line 12`; the
other formats are cited by block (`paragraph 14`).
"""

from __future__ import annotations

import json
import re
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..messages import _
from .model import Line

PANDOC_FORMATS = {
    ".md": "commonmark_x+sourcepos", ".markdown": "commonmark_x+sourcepos",
    ".docx": "docx", ".odt": "odt", ".rtf": "rtf", ".html": "html", ".htm": "html",
    ".tex": "latex", ".latex": "latex", ".typ": "typst", ".org": "org",
}
FORMAT_NAMES = {".md": "markdown", ".markdown": "markdown", ".docx": "docx", ".odt": "odt", ".rtf": "rtf",
                ".html": "html", ".htm": "html", ".tex": "latex", ".latex": "latex", ".typ": "typst", ".org": "org"}
_QUOTE_CLASSES = {"displayquote", "quote", "quotation", "verse"}
_ITEM_LEVELS = 2
"""Numbered heading levels that can be items (`2`, `2.1`); deeper ones are sub-headings."""


class ConvertError(Exception):
    """pandoc could not read the file; the message says why and what to do."""


def convert(path: Path) -> list[Line]:
    suffix = path.suffix.lower()
    reader = PANDOC_FORMATS[suffix]
    source = None
    if suffix in (".typ", ".tex", ".latex"):
        source = path.read_text(encoding="utf-8", errors="replace")
    numbering = _numbering(path, suffix)
    tree = _pandoc_tree(path, reader, source)
    walker = _Walker(numbering, reader.startswith("commonmark"))
    walker.meta(tree.get("meta", {}))
    walker.blocks(tree.get("blocks", []), depth=0)
    lines = walker.lines
    for number, line in enumerate(lines, 1):
        line.no = number
    return lines


# -- pandoc -----------------------------------------------------------------------------------

def _pandoc_tree(path: Path, reader: str, source: str | None) -> dict:
    path = path.resolve()  # pandoc runs in the file's folder (for LaTeX's \input): a relative path would miss
    try:
        import pypandoc
    except ImportError as error:  # pragma: no cover - a dependency of the package
        raise ConvertError(_("pandoc is missing ({error}); reinstall protokollarkivet").format(error=error)) from None
    try:
        if source is not None and reader == "typst":
            output = _typst_tree(pypandoc, _typst_without_missing_templates(source, path.parent), path.parent)
        elif source is not None and (lists := _item_environments(source)):
            output = pypandoc.convert_text(_as_itemize(source, lists), "json", format=reader, cworkdir=str(path.parent))
        elif reader in _TABS_IN_XML:
            with tempfile.TemporaryDirectory(prefix="protokollarkivet-") as folder:
                marked = _with_tabs_marked(path, reader, Path(folder))
                output = pypandoc.convert_file(str(marked), "json", format=reader, cworkdir=str(path.parent))
        else:
            output = pypandoc.convert_file(str(path), "json", format=reader, cworkdir=str(path.parent))
    except RuntimeError as error:
        reason = _pandoc_reason(str(error))
        raise ConvertError(_("pandoc could not read the file ({reason}); save it as PDF or .docx and import that").format(
            reason=reason)) from None
    except OSError as error:
        raise ConvertError(_("pandoc could not be run ({error}); reinstall protokollarkivet").format(error=error)) from None
    return json.loads(output)


_TAB_MARK = "\ue000"
"""A tab typed in a Word or OpenDocument paragraph. pandoc reads such a tab as a space, and so loses
the column gap that sets a form's label apart from its value ("Plats och tid<TAB>Kommunhuset",
"Sekreterare<TAB>....<TAB>Maria Wik") in minutes written without tables. The copy pandoc reads has
each of these tabs written as this private-use character, and the walk reads it back as a tab."""
_TABS_IN_XML = {
    # (the document part, a tab in running text: Word's `<w:tab/>` in a run, without the attributes
    # of a tab stop in `<w:tabs>`; OpenDocument's `<text:tab/>`, perhaps with a `text:tab-ref`)
    "docx": ("word/document.xml", re.compile(rb"<w:tab\s*/>"), f'<w:t xml:space="preserve">{_TAB_MARK}</w:t>'.encode()),
    "odt": ("content.xml", re.compile(rb"<text:tab(?:\s+text:tab-ref=\"\d+\")?\s*/>"), _TAB_MARK.encode()),
}


def _with_tabs_marked(path: Path, reader: str, folder: Path) -> Path:
    """A copy of the document in `folder` whose typed tabs pandoc keeps (`_TAB_MARK`); the
    document itself when it is no zip archive (pandoc then says what is wrong with it)."""
    part, tab, mark = _TABS_IN_XML[reader]
    copy = folder / path.name
    try:
        with zipfile.ZipFile(path) as source, zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as target:
            for entry in source.infolist():
                data = source.read(entry)
                target.writestr(entry, tab.sub(mark, data) if entry.filename == part else data)
    except (zipfile.BadZipFile, KeyError):
        return path
    return copy


def _pandoc_reason(message: str) -> str:
    for line in message.splitlines():
        line = line.strip()
        if line.startswith("pandoc:") or "error" in line.lower():
            return line.removeprefix("pandoc:").strip()[:200]
    return " ".join(message.split())[:200]


_TYPST_IMPORT = re.compile(r'^\s*#(?:import|include)\s+"(?P<file>[^"]+)"(?:\s*:\s*(?P<names>[^\n]*))?\s*$', re.MULTILINE)


def _typst_without_missing_templates(text: str, folder: Path) -> str:
    """A Typst source applies its body's template from a file beside it (`#import "mall.typ":
    protokoll` / `#show: protokoll.with(...)`); without that file the text is still the minutes:
    leave out the import and the `#show:` rules that use it."""
    names: set[str] = set()
    for match in list(_TYPST_IMPORT.finditer(text)):
        if (folder / match["file"]).is_file():
            continue
        names.add(Path(match["file"]).stem)
        names.update(n.strip().split(" as ")[-1].strip() for n in (match["names"] or "").split(",") if n.strip() not in ("", "*"))
        text = text.replace(match[0], "", 1)
    if not names:
        return text
    out, index = [], 0
    for match in re.finditer(r"#show\s*:", text):
        if match.start() < index:
            continue
        end = _statement_end(text, match.end())
        if any(re.search(rf"\b{re.escape(name)}\b", text[match.end():end]) for name in names):
            out.append(text[index:match.start()])
            index = end
    out.append(text[index:])
    return "".join(out)


_UNKNOWN_NAME = re.compile(r'Identifier "(?P<name>[^"]+)" not found')
_UNKNOWN_FIELD = re.compile(r'(?:does not have a method|does not contain) "(?P<field>[^"]+)"')
_SHOW_TEXT = "#let _shown(..args) = [#for a in args.pos() {{ if type(a) == content or type(a) == str {{ a }} }}]\n"


def _typst_tree(pypandoc, text: str, folder: Path) -> str:
    """pandoc's Typst reader runs the source; a function of the missing template
    (`#deltagare(...)`, `#mall.rubrik[...]`) is replaced by one that shows the text given to it."""
    functions: list[str] = []
    modules: dict[str, set[str]] = {}
    for _attempt in range(60):
        stubs = _SHOW_TEXT + "".join(f"#let {name} = _shown\n" for name in functions)
        stubs += "".join(f"#let {name} = ({', '.join(f'{f}: _shown' for f in sorted(fields))},)\n" if fields else ""
                         for name, fields in modules.items())
        try:
            return pypandoc.convert_text(stubs + text, "json", format="typst", cworkdir=str(folder))
        except RuntimeError as error:
            message = _unescape(str(error))
            unknown = _UNKNOWN_NAME.search(message)
            field = _UNKNOWN_FIELD.search(message) or unknown
            name = field and (field.groupdict().get("field") or field.groupdict().get("name"))
            owners = [owner for owner in [*functions, *modules] if name and re.search(rf"\b{re.escape(owner)}\.{re.escape(name)}\b", text)]
            if not owners and unknown and unknown["name"].isidentifier() and unknown["name"] not in functions \
                    and unknown["name"] not in modules:
                functions.append(unknown["name"])
                continue
            if not owners:
                raise
            for owner in owners:  # `mall.rubrik(...)`: the stub is a module of shown functions
                if owner in functions:
                    functions.remove(owner)
                modules.setdefault(owner, set()).add(name)
    raise RuntimeError("the Typst source uses more of its missing template than can be stood in for")


_STANDARD_LISTS = {"itemize", "enumerate", "description", "list", "compactitem", "compactenum", "document"}


def _item_environments(text: str) -> frozenset[str]:
    """Environments of a LaTeX source that hold `\\item` entries but that pandoc does not know (a
    list the missing document class defines, `\\begin{attsatser}`): their entries are a list,
    not paragraphs that run into each other."""
    text = re.sub(r"(?<!\\)%.*", "", text)
    names = set()
    for match in re.finditer(r"\\begin\{(?P<name>[A-Za-zåäöÅÄÖ*]+)\}(?P<body>(?:(?!\\begin\{).)*?)\\end\{(?P=name)\}", text, re.DOTALL):
        if match["name"] not in _STANDARD_LISTS and re.search(r"\\item\b", match["body"]):
            names.add(match["name"])
    return frozenset(names)


def _as_itemize(text: str, names: frozenset[str]) -> str:
    """The source with those environments written as `itemize`, which pandoc reads as a list."""
    pattern = "|".join(re.escape(name) for name in sorted(names))
    return re.sub(rf"\\(begin|end)\{{(?:{pattern})\}}", lambda m: f"\\{m[1]}{{itemize}}", text)


def _unescape(message: str) -> str:
    """pandoc prints names outside ASCII as `\\229`: `ordningsFr\\229ga` is `ordningsFråga`."""
    return re.sub(r"\\(\d{2,5})", lambda m: chr(int(m[1])), message)


def _statement_end(text: str, start: int) -> int:
    """The end of a Typst expression that starts at `start`: to the end of the line, or further
    while brackets are open."""
    depth = 0
    position = start
    while position < len(text):
        char = text[position]
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "\n" and depth <= 0:
            return position
        position += 1
    return position


# -- generated heading numbers ---------------------------------------------------------------

@dataclass(slots=True)
class Numbering:
    """Which heading levels the typesetter numbers (1-based levels)."""

    levels: set[int] = field(default_factory=set)
    note: str | None = None


def _numbering(path: Path, suffix: str) -> Numbering:
    if suffix in (".tex", ".latex"):
        return _latex_numbering(path.read_text(encoding="utf-8", errors="replace"))
    if suffix == ".typ":
        return _typst_numbering(path.read_text(encoding="utf-8", errors="replace"), path.parent)
    if suffix == ".org":
        text = path.read_text(encoding="utf-8", errors="replace")
        option = re.search(r"^#\+OPTIONS:.*\bnum:(t|\d+)", text, re.MULTILINE | re.IGNORECASE)
        if option:
            depth = 6 if option[1].lower() == "t" else int(option[1])
            return Numbering(set(range(1, depth + 1)))
    return Numbering()


_LATEX_LEVELS = {"section": 1, "subsection": 2, "subsubsection": 3}


def _latex_numbering(text: str) -> Numbering:
    """LaTeX numbers \\section, \\subsection and \\subsubsection (secnumdepth 3) unless the
    preamble lowers `secnumdepth` or gives a level an empty label (`\\titleformat{\\section}{..}{}`)."""
    text = re.sub(r"(?<!\\)%.*", "", text)
    depth = 3
    if match := re.search(r"\\setcounter\s*\{\s*secnumdepth\s*\}\s*\{\s*(-?)\s*(\d+|\\\w+)\s*\}", text):
        depth = 0 if match[1] or not match[2].isdigit() else int(match[2])  # "-\maxdimen": none numbered
    levels = {level for name, level in _LATEX_LEVELS.items() if level <= depth}
    for name, level in _LATEX_LEVELS.items():
        if re.search(rf"\\titleformat\s*\{{\s*\\{name}\s*\}}(?:\[[^\]]*\])?\s*\{{[^{{}}]*(?:\{{[^{{}}]*\}}[^{{}}]*)*\}}\s*\{{\s*\}}", text) \
                or re.search(rf"\\renewcommand\s*\{{?\s*\\the{name}\s*\}}?\s*\{{\s*\}}", text):
            levels.discard(level)
    return Numbering(levels)


def _typst_numbering(text: str, folder: Path) -> Numbering:
    """Typst numbers headings only when told: `#set heading(numbering: "1.1")` numbers every level.
    A template from a file that is not beside the source may number them; the draft then numbers
    them as such templates do ("1", "1.1") and the report says so."""
    text = re.sub(r"//.*", "", text)
    match = re.search(r"#set\s+heading\s*\((?P<args>[^)]*)\)", text)
    if match and (numbering := re.search(r"numbering\s*:\s*(?P<value>none|\"[^\"]*\")", match["args"])):
        return Numbering(set() if numbering["value"] == "none" else set(range(1, 7)))
    missing = [m["file"] for m in _TYPST_IMPORT.finditer(text) if not (folder / m["file"]).is_file()]
    if missing and re.search(r"#show\s*:", text):
        return Numbering(set(range(1, 7)), note=f"the headings' numbers come from the template '{missing[0]}', which is not beside "
                                                "the file: they are numbered 1, 1.1, ... as templates for minutes do; check "
                                                "them against the printed minutes")
    return Numbering()


# -- the walk -----------------------------------------------------------------------------------

_BREAK = "\n"
_TYPED_BULLET = re.compile(r"^[-–•*▪◦]\s+(?=\S)")


class _Walker:
    def __init__(self, numbering: Numbering, positions: bool):
        self.numbering = numbering
        self.positions = positions
        self.lines: list[Line] = []
        self.counters = [0] * 7
        self.block_no = 0
        self.notes: list[str] = [numbering.note] if numbering.note else []

    # -- blocks -------------------------------------------------------------------------

    def meta(self, meta: dict) -> None:
        for key in ("title", "subtitle", "date", "author"):
            value = meta.get(key)
            if value is None:
                continue
            for text in _meta_texts(value):
                self.block_no += 1
                self._add(text, f"{key} (document header)", heading=1 if key == "title" else 0)
        if self.lines:
            self._blank()

    def blocks(self, blocks: list, depth: int, quoted: bool = False) -> None:
        for block in blocks:
            self.block(block, depth, quoted)

    def block(self, block: dict, depth: int, quoted: bool, bullet: int = 0, prefix: str = "", loc: str | None = None) -> None:
        kind, content = block.get("t"), block.get("c")
        if kind == "Div":
            (_, classes, attributes), inner = content
            where = _position(attributes)
            if "wrapper" in dict(attributes) and where and len(inner) == 1:
                self.block(inner[0], depth, quoted, bullet, prefix, where)
                return
            self.blocks(inner, depth, quoted or bool(_QUOTE_CLASSES & set(classes)))
            return
        self.block_no += 1
        loc = loc or f"paragraph {self.block_no}"
        if kind == "Header":
            level, (_, classes, _), inlines = content
            text = _inline_text(inlines).replace(_BREAK, " ").strip()
            if quoted:
                self._add(text, loc)
            else:
                self._add(self._numbered(level, classes, text), loc, heading=level)
                self.lines[-1].unnumbered = level in self.numbering.levels and "unnumbered" in classes
            self._blank()
        elif kind in ("Para", "Plain"):
            self._paragraph(content, loc, bullet, prefix)
            if not bullet:
                self._blank()
        elif kind == "LineBlock":
            for inlines in content:
                self._add(_inline_text(inlines).replace(_BREAK, " "), loc)
            self._blank()
        elif kind == "CodeBlock":
            for text in content[1].split("\n"):
                self._add(text.rstrip(), loc, keep_spaces=True)
            self._blank()
        elif kind == "BlockQuote":
            self.blocks(content, depth, quoted=True)
        elif kind == "BulletList":
            for entry in content:
                self._entry(entry, depth + 1, "", quoted)
            if depth == 0:
                self._blank()
        elif kind == "OrderedList":
            (start, style, delimiter), entries = content
            for offset, entry in enumerate(entries):
                self._entry(entry, depth + 1 if depth else 0, _list_marker(start + offset, style["t"], delimiter["t"]), quoted,
                            nested=depth > 0)
            if depth == 0:
                self._blank()
        elif kind == "DefinitionList":
            for term, definitions in content:
                self._add(_inline_text(term).replace(_BREAK, " "), loc)
                for definition in definitions:
                    self.blocks(definition, depth + 1, quoted)
            self._blank()
        elif kind == "Table":
            self._table(content, loc)
            self._blank()
        elif kind == "Figure":
            caption = content[1][1] if len(content) > 1 and content[1] else []
            self.blocks(caption, depth, quoted)
        elif kind == "HorizontalRule":
            self._blank()
        # RawBlock (comments, raw HTML or TeX) and Null: nothing the minutes say

    def _entry(self, blocks: list, depth: int, marker: str, quoted: bool, nested: bool = True) -> None:
        """One list entry: its first paragraph is the entry (with its number), the rest below it."""
        first = True
        for block in blocks:
            if first and block.get("t") in ("Para", "Plain", "Div"):
                inner = block
                loc = None
                if block.get("t") == "Div":
                    (_, _, attributes), content = block["c"]
                    if len(content) != 1 or content[0].get("t") not in ("Para", "Plain"):
                        self.block(block, depth, quoted)
                        first = False
                        continue
                    inner, loc = content[0], _position(attributes)
                self.block_no += 1
                self._paragraph(inner["c"], loc or f"paragraph {self.block_no}", depth if (nested or not marker) else 0, marker)
                first = False
                continue
            first = False
            self.block(block, depth, quoted)

    def _paragraph(self, inlines: list, loc: str, bullet: int, prefix: str) -> None:
        from .extract import typed_cells

        parts = _inline_lines(inlines)
        bold = _all_strong(inlines)
        for index, (text, line_loc) in enumerate(parts):
            cells = typed_cells(text) if not prefix else ()
            text = text.strip()
            if index == 0 and prefix:
                text = f"{prefix} {text}".strip()
            depth = bullet if index == 0 else 0
            if not bullet and (typed := _TYPED_BULLET.match(text)):
                text, depth = text[typed.end():], 1  # "- förelägga bolaget att ...": a list entry typed by hand
            self._add(text, line_loc or loc, bold=bold and bool(text), bullet=depth,
                      joined=index > 0 and bullet > 0, cells=cells)

    def _table(self, content: list, loc: str) -> None:
        head, bodies, foot = content[3], content[4], content[5]
        rows = list(head[1])
        for body in bodies:
            rows.extend(body[2])
            rows.extend(body[3])
        rows.extend(foot[1])
        for number, row in enumerate(rows, 1):
            cells = [_cell_lines(cell[4]) for cell in row[1]]
            # A cell's lines (a form's values, one name a line) stay lines: the row's first line holds
            # each cell's first, the next lines the cells' further ones, as a top-aligned table prints them.
            for depth in range(max((len(lines) for lines in cells), default=1) or 1):
                columns = tuple(lines[depth] if depth < len(lines) else "" for lines in cells)
                text = "\t".join(columns).strip("\t")
                if text or depth == 0:
                    self._add(text, f"{loc}, row {number}", keep_spaces=True, cells=columns if len(columns) > 1 else ())

    def _numbered(self, level: int, classes: list, text: str) -> str:
        if level not in self.numbering.levels or "unnumbered" in classes:
            return text
        self.counters[level] += 1
        for deeper in range(level + 1, len(self.counters)):
            self.counters[deeper] = 0
        if level > _ITEM_LEVELS:
            return text  # a sub-heading inside an item: its number is no item's
        number = ".".join(str(self.counters[n]) for n in range(1, level + 1))
        return f"{number} {text}"

    # -- lines --------------------------------------------------------------------------

    def _add(self, text: str, loc: str, *, heading: int = 0, bold: bool = False, bullet: int = 0, joined: bool = False,
             keep_spaces: bool = False, cells: tuple[str, ...] = ()) -> None:
        from .extract import clean_text

        text = text.replace("\u00a0", " ")
        cleaned = clean_text(text) if not keep_spaces else text.replace("\u00a0", " ").strip("\n")
        if keep_spaces:
            cleaned = re.sub(r" {3,}| *\t+ *", "\t", cleaned.strip())
        self.lines.append(Line(text=cleaned, loc=loc, heading=heading, bold=bold, bullet=bullet, joined=joined, cells=cells))

    def _blank(self) -> None:
        if self.lines and not self.lines[-1].blank:
            self.lines.append(Line(text="", loc=self.lines[-1].loc))


def _position(attributes: list) -> str | None:
    """`line 12` from a CommonMark source position ("12:1-14:1")."""
    value = dict(attributes).get("data-pos", "")
    match = re.match(r"(?:[^@]*@)?(\d+):\d+", value)
    return f"line {match[1]}" if match else None


def _list_marker(number: int, style: str, delimiter: str) -> str:
    if style in ("LowerAlpha", "UpperAlpha"):
        label = chr(ord("a") + (number - 1) % 26)
        label = label.upper() if style == "UpperAlpha" else label
    elif style in ("LowerRoman", "UpperRoman"):
        label = _roman(number)
        label = label.upper() if style == "UpperRoman" else label
    else:
        label = str(number)
    if delimiter == "OneParen":
        return f"{label})"
    if delimiter == "TwoParens":
        return f"({label})"
    return f"{label}."


def _roman(number: int) -> str:
    out = ""
    for value, letters in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while number >= value:
            out += letters
            number -= value
    return out


def _meta_texts(value: dict) -> list[str]:
    kind, content = value.get("t"), value.get("c")
    if kind == "MetaInlines":
        return [_inline_text(content).replace(_BREAK, " ").strip()]
    if kind == "MetaBlocks":
        return [_block_text(b) for b in content]
    if kind == "MetaString":
        return [content]
    if kind == "MetaList":
        return [t for v in content for t in _meta_texts(v)]
    return []


def _cell_lines(blocks: list) -> list[str]:
    """A table cell's lines: each paragraph's, split where the source breaks the line by hand (a
    line wrapped in the source, pandoc's soft break, is no break)."""
    lines: list[str] = []
    for block in blocks:
        if block.get("t") in ("Para", "Plain"):
            pieces = [[]]
            for inline in block["c"]:
                if inline.get("t") == "LineBreak":
                    pieces.append([])
                else:
                    pieces[-1].append(inline)
            texts = [_inline_text(piece).replace(_BREAK, " ") for piece in pieces]
        else:
            texts = [_block_text(block)]
        lines.extend(" ".join(text.split()) for text in texts)
    return [line for line in lines if line]


def _block_text(block: dict) -> str:
    kind, content = block.get("t"), block.get("c")
    if kind in ("Para", "Plain"):
        return _inline_text(content).replace(_BREAK, " ")
    if kind in ("Div", "BlockQuote"):
        inner = content[1] if kind == "Div" else content
        return " ".join(_block_text(b) for b in inner)
    if kind in ("BulletList", "OrderedList"):
        entries = content if kind == "BulletList" else content[1]
        return "; ".join(" ".join(_block_text(b) for b in entry) for entry in entries)
    if kind == "Header":
        return _inline_text(content[2])
    if kind == "CodeBlock":
        return content[1]
    return ""


def _inline_lines(inlines: list) -> list[tuple[str, str | None]]:
    """A paragraph's lines as the source breaks them, each with its source line when known."""
    out: list[tuple[str, str | None]] = []
    pieces: list[str] = []
    where: list[str | None] = [None]

    def visit(items: list) -> None:
        for inline in items:
            kind = inline.get("t")
            if kind in ("SoftBreak", "LineBreak"):
                out.append(("".join(pieces), where[0]))
                pieces.clear()
                where[0] = None
                continue
            if kind == "Span":
                (_, _, attributes), inner = inline["c"]
                if where[0] is None and not pieces and (position := _position(attributes)):
                    where[0] = position
                if "wrapper" in dict(attributes):
                    visit(inner)
                    continue
            if where[0] is None and not pieces and kind == "Span":
                pass
            pieces.append(_inline_text([inline]))

    visit(inlines)
    out.append(("".join(pieces), where[0]))
    return [(text, loc) for text, loc in out]


def _inline_text(inlines: list) -> str:
    out: list[str] = []
    for inline in inlines:
        kind, content = inline.get("t"), inline.get("c")
        if kind == "Str":
            out.append(content)
        elif kind == "Space":
            out.append(" ")
        elif kind in ("SoftBreak", "LineBreak"):
            out.append(_BREAK)
        elif kind in ("Emph", "Strong", "Underline", "Strikeout", "Superscript", "Subscript", "SmallCaps"):
            out.append(_inline_text(content))
        elif kind == "Quote":
            mark = "”" if content[0]["t"] == "DoubleQuote" else "’"
            out.append(f"{mark}{_inline_text(content[1])}{mark}")
        elif kind == "Cite":
            out.append(_inline_text(content[1]))
        elif kind in ("Code", "Math"):
            out.append(content[1])
        elif kind == "Link":
            out.append(_inline_text(content[1]))
        elif kind == "Image":
            out.append(_inline_text(content[1]))
        elif kind == "Span":
            out.append(_inline_text(content[1]))
        # RawInline (comments, raw HTML or TeX) and Note (footnotes): left out
    return "".join(out).replace(_TAB_MARK, "\t")


def _all_strong(inlines: list) -> bool:
    """The whole paragraph is set in bold or emphasis (a label or a heading in disguise)."""
    seen = False
    for inline in inlines:
        kind = inline.get("t")
        if kind in ("Space", "SoftBreak", "LineBreak"):
            continue
        if kind == "Span" and "wrapper" in dict(inline["c"][0][2]):
            if not _all_strong(inline["c"][1]):
                return False
            seen = seen or bool(_inline_text(inline["c"][1]).strip())
            continue
        if kind not in ("Strong", "Emph") or not _inline_text(inline["c"]).strip():
            return False
        seen = True
    return seen
