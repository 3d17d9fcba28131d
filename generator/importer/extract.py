"""Input files -> lines of text with what the source says about them.

- `.txt`: decoded (UTF-8, else Windows-1252), Markdown marks read and removed (`#` headings,
  `**bold**`, list markers, escapes): text copied out of other programs is often Markdown.
- Word, OpenDocument, RTF, HTML, LaTeX, Typst, Org and Markdown files: read by pandoc into one
  document model (`convert`).
- `.pdf`: pdfplumber's text lines with their fonts: bold or larger lines are headings, wide gaps
  between words become tabs (lost table columns), gaps between lines become blank lines. A PDF
  without a text layer (a scan) is read by Tesseract OCR with its Swedish data.

Anything that cannot be read raises ExtractError with a message for the user.
"""

from __future__ import annotations

import re
import shutil
import statistics
import unicodedata
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..messages import _
from .convert import FORMAT_NAMES, PANDOC_FORMATS, ConvertError, convert
from .model import Line
from .units import has_finite_verb, join_text
from .people import looks_like_name

FORMATS = (".txt", ".text", ".pdf", ".md", ".markdown", ".docx", ".odt", ".rtf", ".html", ".htm", ".tex", ".latex", ".typ", ".org")
OCR_INSTALL = "apt-get install tesseract-ocr tesseract-ocr-swe"


class ExtractError(Exception):
    """The file cannot be read; the message says why and what to do."""


@dataclass(slots=True)
class Extracted:
    path: Path
    format: str
    """`text`, `pdf`, `pdf-ocr`, or the format pandoc read: `markdown`, `docx`, `odt`, `latex`, `typst` ..."""
    lines: list[Line]
    notes: list[str] = field(default_factory=list)


def extract(path: Path) -> Extracted:
    if not path.exists():
        raise ExtractError(_("the file does not exist"))
    if not path.is_file():
        raise ExtractError(_("not a file"))
    suffix = path.suffix.lower()
    if suffix in (".txt", ".text"):
        return Extracted(path, "text", text_lines(decode(path.read_bytes())))
    if suffix == ".pdf":
        return _pdf(path)
    if suffix in PANDOC_FORMATS:
        return _converted(path, suffix)
    if suffix in _OLD_FORMATS:
        raise ExtractError(_("{format} ({suffix}) is not read; save it as {save_as} or PDF and import that").format(
            format=_OLD_FORMATS[suffix], suffix=suffix, save_as=_SAVE_AS[suffix]))
    raise ExtractError(_("unknown format '{format}'; the importer reads {formats} (save the minutes in one of these, or as "
                         "PDF)").format(format=suffix or path.name, formats=", ".join(FORMATS)))


_OLD_FORMATS = {".doc": "old Word format", ".wpd": "WordPerfect", ".pages": "Apple Pages", ".xls": "Excel", ".xlsx": "Excel",
                ".ppt": "PowerPoint", ".pptx": "PowerPoint", ".odp": "OpenDocument presentation",
                ".ods": "OpenDocument spreadsheet", ".jpg": "an image", ".jpeg": "an image", ".png": "an image",
                ".tif": "an image", ".tiff": "an image"}
_SAVE_AS = {**dict.fromkeys(_OLD_FORMATS, ".docx"), ".jpg": "a PDF scan", ".jpeg": "a PDF scan", ".png": "a PDF scan",
            ".tif": "a PDF scan", ".tiff": "a PDF scan"}


def _converted(path: Path, suffix: str) -> Extracted:
    if suffix in (".docx", ".odt") and not zipfile.is_zipfile(path):
        raise ExtractError(_("not a Word (.docx) file, or it is damaged") if suffix == ".docx" else
                           _("not an OpenDocument (.odt) file, or it is damaged"))
    if suffix in (".md", ".markdown", ".tex", ".latex", ".typ", ".org", ".html", ".htm", ".rtf"):
        raw = path.read_bytes()
        if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise ExtractError(_("this is a binary file, not text"))
    try:
        lines = convert(path)
    except ConvertError as error:
        raise ExtractError(str(error)) from None
    notes = []
    if suffix == ".typ" and (note := _typst_note(path)):
        notes.append(note)
    return Extracted(path, FORMAT_NAMES[suffix], lines, notes)


def _typst_note(path: Path) -> str | None:
    from .convert import _typst_numbering

    return _typst_numbering(path.read_text(encoding="utf-8", errors="replace"), path.parent).note


# -- text and Markdown ----------------------------------------------------------------------

def decode(raw: bytes) -> str:
    if raw.startswith(b"\xff\xfe") or raw.startswith(b"\xfe\xff"):
        text = raw.decode("utf-16")
    elif b"\x00" in raw[:4096]:
        raise ExtractError(_("this is a binary file, not text"))
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_BULLET = re.compile(r"^(\s*)(?:[-*+•▪◦·–]|\\-)\s+(?=\S)")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPH = re.compile(r"(?<![\w*\\])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])|(?<![\w\\])_(?=[^\s_])([^_]+?)(?<=[^\s_])_(?!\w)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~:])")
_DEAD_LINK = re.compile(r"\[([^\]]+)\]\((?:#?|javascript:[^)]*)\)")
_LIGATURES = {ord("ﬀ"): "ff", ord("ﬁ"): "fi", ord("ﬂ"): "fl", ord("ﬃ"): "ffi", ord("ﬄ"): "ffl", ord("ﬅ"): "st", ord("ﬆ"): "st"}
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"), " ")
_SYMBOL_BULLETS = dict.fromkeys(map(ord, "\uf0b7\uf0a7\uf0a8\uf06e\uf076\uf0d8\uf0e0\uf0fc\uf0a1"), "•")
"""The bullets of Word's and LibreOffice's lists, printed from a symbol font (Symbol, Wingdings,
OpenSymbol) whose glyphs a PDF maps to private-use characters: `\uf0b7 Text` is `• Text`."""


_LEADER = re.compile(r"\s*(?:[.…_]\s?){4,}\s*")


def clean_text(text: str) -> str:
    """One line's text: invisible characters removed, odd spaces made plain, dot leaders
    ("Ordförande ..........") made column breaks, ends trimmed."""
    text = text.translate(_INVISIBLE).translate(_SPACES).translate(_LIGATURES).translate(_SYMBOL_BULLETS)
    text = _LEADER.sub("\t", text)
    text = text.strip(" \t")
    return re.sub(r" {3,}| *\t+ *", "\t", text)  # a text layout's column gap


def text_lines(text: str, loc_prefix: str = "line") -> list[Line]:
    """Lines of a text or Markdown file, Markdown marks read into the Line's hints."""
    lines = []
    for number, raw in enumerate(text.split("\n"), 1):
        line = markdown_line(raw, f"{loc_prefix} {number}", number)
        line.cells = typed_cells(raw)
        lines.append(line)
    return lines


def typed_cells(raw: str) -> tuple[str, ...]:
    """The columns that typed tabs set in a line, each cleaned: two tabs in a row leave an empty
    column between them (a roll call's `Lina Ek (M)<TAB><TAB>X` votes in the third); tabs at the
    end set none. Nothing when no tab stands after the line's text has begun."""
    raw = raw.rstrip("\r\n")
    if "\t" not in raw.lstrip("\t ").rstrip("\t "):
        return ()
    cells = [clean_text(cell) for cell in raw.split("\t")]
    while cells and not cells[-1]:
        cells.pop()
    return tuple(cells)


_SOFT_BULLET = re.compile(r"^(\s*)\u00ad\s+")
_SOFT_BETWEEN_DIGITS = re.compile(r"(?<=\d)\u00ad(?=\d)")


def markdown_line(raw: str, loc: str, number: int, page: int | None = None) -> Line:
    # A PDF whose dashes map to soft hyphens: "\u00ad Item" is a list entry, "2013\u00ad10\u00ad23" a date.
    raw = _SOFT_BETWEEN_DIGITS.sub("-", _SOFT_BULLET.sub(r"\1- ", raw))
    text = clean_text(raw)
    heading = 0
    bullet = 0
    if match := _MD_HEADING.match(text):
        heading, text = len(match[1]), match[2]
    elif match := _MD_BULLET.match(text):
        bullet = len(match[1].replace("\t", "    ")) // 2 + 1
        text = text[match.end():]
    bold = False
    stripped = text.strip()
    whole = _STRONG.fullmatch(stripped) or _EMPH.fullmatch(stripped)
    if whole and stripped:
        bold = True
    text = _STRONG.sub(r"\2", text)
    text = _EMPH.sub(lambda m: m[1] or m[2], text)
    text = _DEAD_LINK.sub(r"\1", text)
    text = _ESCAPE.sub(r"\1", text)
    text = text.strip(" ")
    if re.fullmatch(r"[-*_=]{3,}", text.replace(" ", "")):
        text = ""  # a thematic break or setext underline carries no text
    return Line(text=text, loc=loc, no=number, heading=heading, bold=bold, bullet=bullet, page=page)


# -- PDF ------------------------------------------------------------------------------------

_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)


def _pdf(path: Path) -> Extracted:
    try:
        import pdfplumber
        from pdfminer.pdfparser import PDFSyntaxError
    except ImportError as error:  # pragma: no cover - a dependency of the package
        raise ExtractError(_("PDF support is missing ({error}); reinstall protokollarkivet").format(error=error)) from None
    try:
        pdf = pdfplumber.open(path)
    except PDFSyntaxError as error:
        raise ExtractError(_("not a readable PDF ({error})").format(error=error)) from None
    except Exception as error:  # pdfminer raises many kinds for broken or encrypted files
        raise ExtractError(_("not a readable PDF ({error})").format(error=f"{type(error).__name__}: {error}")) from None
    with pdf:
        try:
            pages = [_page_lines(page) for page in pdf.pages]
        except Exception as error:
            raise ExtractError(_("the PDF could not be read ({error})").format(error=f"{type(error).__name__}: {error}")) from None
        chars = sum(len(line.text) for page in pages for line in page)
        if not pdf.pages:
            raise ExtractError(_("the PDF has no pages"))
        if chars < 40 * len(pdf.pages):
            return _ocr(path, pdf)
    right = _text_right_edge(pages)
    leading = Leading.of(pages, right)
    pages = _split_at_columns(pages, leading)
    sizes = [line.size for page in pages for line in page if line.size]
    margin = min((line.x0 for page in pages for line in page), default=0.0)
    body_size = statistics.median(sizes) if sizes else 0
    lines: list[Line] = []
    for page_no, page in enumerate(pages, 1):
        index = 0
        for block_no, block in enumerate(_blocks(page, leading)):
            if block_no:
                lines.append(Line(text="", loc=f"page {page_no}", page=page_no))
            previous = None
            for found in _wrapped_cells(_label_beside_its_values(block)):
                heading = 2 if body_size and found.size >= body_size * 1.2 else 0
                if (heading or found.bold) and previous is not None and _heading_goes_on(previous, found, right):
                    lines[-1].text = join_text(lines[-1].text, clean_text(found.text))
                    continue
                previous = found
                index += 1
                line = markdown_line(found.text, f"page {page_no}, line {index}", 0, page_no)
                line.heading = line.heading or heading
                line.bold = line.bold or found.bold
                line.indent = round(found.x0 - margin, 1)
                if len(found.starts) > 1 and len(found.starts) == len(found.cells):
                    line.column_starts = found.starts
                lines.append(line)
        lines.append(Line(text="", loc=f"page {page_no}", page=page_no))
    for number, line in enumerate(lines, 1):
        line.no = number
    return Extracted(path, "pdf", lines)


def _text_right_edge(pages: list[list["_PdfLine"]]) -> float:
    """Where the text's lines end at the right, most far (the 95th percentile of their ends)."""
    ends = sorted(line.xs[-1] for page in pages for line in page if line.xs)
    return ends[int(len(ends) * 0.95)] if ends else 0.0


def _heading_goes_on(upper: "_PdfLine", lower: "_PdfLine", right: float) -> bool:
    """`lower` is the rest of the heading (or bold line) `upper` wrapped: set right below it in the same font,
    from the same left edge, its first word too wide for the room left at the end of `upper` ("§ 91
    Strömsvik Björkås 1:7 – Förhandsbesked för nybyggnad av" / "enbostadshus")."""
    if not (abs(upper.size - lower.size) < 0.5 and upper.bold == lower.bold and abs(upper.x0 - lower.x0) < 1.5
            and "\t" not in upper.text and "\t" not in lower.text and upper.xs and lower.xs and upper.text[-1:] not in ".:"):
        return False
    word = len(lower.text.split(" ", 1)[0])
    first_word = (lower.xs[word] if word < len(lower.xs) else lower.xs[-1] + lower.size * 0.6) - lower.xs[0]
    return upper.xs[-1] + lower.size * 0.9 + first_word > right


_SPACE_WIDTH = 0.4
"""A space between words is at most this much of the font's size (0.28 in Helvetica and Times, 0.33 justified)."""


@dataclass(slots=True)
class _PdfLine:
    text: str
    size: float
    bold: bool
    top: float
    bottom: float
    x0: float
    starts: tuple[float, ...]
    """The left edge of each of the line's cells (its text split at tabs)."""

    xs: tuple[float, ...] = ()
    """The left edge of each character of `text` (a space's: the next character's)."""

    wide_spaces: frozenset[int] | None = None
    """Where in `text` a space stands for a gap wider than the line's spaces between words (a
    tab's, too narrow for a column's); None where not known."""

    @property
    def cells(self) -> list[str]:
        return self.text.split("\t")


def _page_lines(page) -> list[_PdfLine]:
    """Each text line of a page, with its font and place, columns as tabs."""
    out = []
    for found in page.extract_text_lines(return_chars=True, strip=True):
        chars = [c for c in found["chars"] if c.get("text")]
        if not chars:
            continue
        text: list[str] = []
        xs: list[float] = []
        spaces: dict[int, float] = {}  # (a space's place in `text`: the gap it stands for)
        starts = [chars[0]["x0"]]
        previous = None
        for char in chars:
            if previous is not None and char["text"] == previous["text"] and char["x0"] == previous["x0"]:
                continue  # (a ligature's letters, each given as the whole ligature: "fl", "fl")
            if previous is not None:
                gap = char["x0"] - previous["x1"]
                size = char.get("size") or 10
                if gap > size * 1.6:
                    if text and text[-1] == " ":
                        text.pop()
                        xs.pop()
                    text.append("\t")
                    xs.append(char["x0"])
                    starts.append(char["x0"])
                elif gap > size * 0.18 and char["text"] != " " and previous["text"] != " ":
                    spaces[len(text)] = gap
                    text.append(" ")
                    xs.append(char["x0"])
                elif previous["text"] == " " and text and text[-1] == " ":
                    spaces[len(text) - 1] += max(gap, 0.0)
            if not (char["text"] == " " and text and text[-1] == "\t"):
                if char["text"] == " ":
                    spaces[len(text)] = max(char["x0"] - previous["x1"], 0.0) + char["x1"] - char["x0"] if previous else 0.0
                text.extend(char["text"])
                xs.extend([char["x0"] if char["text"] != " " else char["x1"]] * len(char["text"]))
            previous = char
        visible = [c for c in chars if c["text"].strip()]
        size = statistics.median(c.get("size") or 0 for c in visible) if visible else 0
        bold = bool(visible) and all(_BOLD_FONT.search(c.get("fontname") or "") for c in visible)
        raw = "".join(text)
        joined = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        # (no wider than a font's space: a table's heading row whose every space is a column's gap, "Ja  Nej  Avst",
        # has no space between words for a median)
        word_space = min(statistics.median(spaces.values()), _SPACE_WIDTH * size) if spaces else 0.0
        wide = frozenset(at - lead for at, gap in spaces.items() if gap > 1.5 * word_space and 0 <= at - lead < len(joined))
        starts = starts[:joined.count("\t") + 1]
        if "\t" in joined:
            # (a table's row whose header cells stand closer than a column's gap: "Förening<TAB>Sökt belopp (kr)
            # Beviljat belopp (kr)" with 6 points between the last two, its words 2.7 apart)
            cells = sorted(at for at in wide if spaces[at + lead] > max(2 * word_space, 0.5 * size) and at + 1 < len(joined))
            joined = "".join("\t" if at in cells else char for at, char in enumerate(joined))
            starts = sorted([*starts, *(xs[lead + at + 1] for at in cells)])
        out.append(_PdfLine(joined, size, bold, found["top"], found["bottom"], found["x0"], tuple(starts),
                            tuple(xs[lead:lead + len(joined)]), wide))
    return out


@dataclass(frozen=True, slots=True)
class Leading:
    """How far apart the document sets the lines of one paragraph, so that a wider gap ends one.

    Word and LibreOffice set paragraphs apart by a few points more than their lines (`spacing
    after`), often less than half a line: a gap of 5.6 points where the lines of a paragraph have
    1.6 is a paragraph's end, though either is less than a line's height."""

    within: float | None
    """The gap below a line that fills the text's width and goes on below it (a paragraph's line
    wrapped); None where too few lines show it."""

    @classmethod
    def of(cls, pages: list[list[_PdfLine]], right: float) -> "Leading":
        """The document's leading, from its pages and where its text ends at the right (`_text_right_edge`)."""
        wrapped = [lower.top - upper.bottom for page in pages for upper, lower in zip(page, page[1:])
                   if upper.xs and upper.xs[-1] > right - 40 and "\t" not in upper.text and abs(upper.x0 - lower.x0) < 1.5
                   and abs(upper.size - lower.size) < 0.5 and lower.top >= upper.bottom - 1]
        return cls(statistics.median(wrapped) if len(wrapped) >= 5 else None)

    def apart(self, upper: _PdfLine, lower: _PdfLine) -> bool:
        """The gap between the two lines ends a paragraph (or a table's row): wider than most of a
        line's height, or clearly wider than the document's gap between a paragraph's lines where
        either line is one (rows of columns, a table's or a form's, keep their cells' padding)."""
        height = max(lower.bottom - lower.top, upper.bottom - upper.top)
        gap = lower.top - upper.bottom
        if gap > 0.7 * height:
            return True
        rows = len(upper.starts) > 1 and len(lower.starts) > 1
        return not rows and self.within is not None and gap > self.within + max(1.5, 0.15 * height)


def _split_at_columns(pages: list[list[_PdfLine]], leading: Leading = Leading(None)) -> list[list[_PdfLine]]:
    """A label that fills its column leaves less than a column's gap before the value beside it
    ("Justeringens plats och Kommunhuset, ..." where other rows have `Label<TAB>value`): a line
    that begins where three or more rows begin, with a word where those have their second column,
    is cut there. A column is also where three or more lines begin alone, well in from the text's
    left edge (the names below `Beslutande<TAB>Per Sundin (S)`): `Ersättare Gunnel Sjö (S)` above
    `Tove Rask (M)` is cut where its names begin. Where the PDF tells, the space cut is wider than
    the line's spaces between words."""
    columns = Counter((round(line.starts[0]), round(line.starts[1])) for page in pages for line in page if len(line.starts) > 1)
    margin = round(min((line.x0 for page in pages for line in page), default=0.0))
    columns.update((margin, round(line.x0)) for page in pages for line in page
                   if line.x0 - margin >= _COLUMN_GAP and line.wide_spaces is not None)
    frequent = [pair for pair, count in columns.items() if count >= 3]
    if not frequent:
        return pages
    return [[line if _in_prose(above, line, below, leading) else _cut_at_column(line, frequent)
             for above, line, below in zip([None, *page], page, [*page[1:], None])] for page in pages]


def _in_prose(above: "_PdfLine | None", line: "_PdfLine", below: "_PdfLine | None", leading: Leading) -> bool:
    """`line` is a line of a paragraph, not a form's row: it goes on with the sentence of the line
    right above it, which ends in none of a sentence's marks and has no columns ("... att samla
    årskurs 4–6 vid" / "Ekhamra centralskola eller att stänga ..."), or the paragraph goes on in
    the line right below it, from the same left edge, for more than a label's last words (a
    form's value wraps in its own column)."""
    def touching(upper: "_PdfLine", lower: "_PdfLine") -> bool:
        return not leading.apart(upper, lower)

    if above is not None and "\t" not in above.text and above.text and above.text.rstrip()[-1] not in ".!?:;" \
            and touching(above, line):
        return True
    # (a label wrapped in its column, "Justeringens plats och" / "tid", goes on with a word or two)
    return below is not None and "\t" not in below.text and len(below.text.split()) >= 4 and abs(below.x0 - line.x0) < 1.5 \
        and touching(line, below)


LABEL_WORDS = re.compile(r"^[A-ZÅÄÖ][a-zåäö]+(?:[ -][a-zåäö]+){0,3}$")
"""A label set beside its value: one to four words, only the first capitalised (no name, no
number, no sentence; and no verb, `_cut_at_column` adds: "Nettokostnaderna ökade" begins prose)."""


def _cut_at_column(line: _PdfLine, columns: list[tuple[int, int]]) -> _PdfLine:
    if "\t" in line.text or len(line.xs) != len(line.text):
        return line
    for position, char in enumerate(line.text[:-1]):
        if char == " " and (line.wide_spaces is None or position in line.wide_spaces) \
                and any(abs(line.x0 - left) <= 1.5 and abs(line.xs[position + 1] - x) <= 1.5 for left, x in columns) \
                and LABEL_WORDS.match(line.text[:position]) and not has_finite_verb(line.text[:position]) \
                and not _name_across(line.text, position):
            return _PdfLine(f"{line.text[:position]}\t{line.text[position + 1:]}", line.size, line.bold, line.top, line.bottom,
                            line.x0, (line.x0, line.xs[position + 1]), line.xs)
    return line


def _name_across(text: str, position: int) -> bool:
    """A person's name on both sides of `position` ("Leila Haddad (V) frågar ..."): no label ends there."""
    before, after = text[:position].split(), text[position + 1:].split()
    return bool(before and after) and looks_like_name(f"{before[-1]} {after[0].rstrip(',.')}")


def _blocks(page: list[_PdfLine], leading: Leading) -> list[list[_PdfLine]]:
    """The page's lines in runs set without a gap between them (`Leading.apart`)."""
    blocks: list[list[_PdfLine]] = []
    previous = None
    for line in page:
        if previous is None or leading.apart(previous, line):
            blocks.append([])
        blocks[-1].append(line)
        previous = line
    return blocks


_COLUMN_GAP = 40.0
"""Points between a form's label column and its value column, at least."""
_LABEL_CELL = re.compile(r"^[\w(][\w ./(),-]{0,38}[\w):,]$|^\w$")
"""A label's cell, or a part of it: short, and no sentence's end."""


def _wrapped_cells(block: list[_PdfLine]) -> list[_PdfLine]:
    """A table row whose cell wrapped onto lines of its own ('Tjänstgörande' above the row's other
    cells and 'ersättare' below them, as a vertically centred cell prints it; or the rest below
    them, as a top-aligned one does) as one line, the cell's words joined in its place.

    A line is a wrapped cell's part only when it is the row's neighbour in the block, has no column
    of its own and stands wholly in a gap between the row's cells, where no cell of the row is."""
    out = list(block)
    index = 0
    while index < len(out):
        row = out[index]
        if "\t" not in row.text or not row.xs:
            index += 1
            continue
        above = out[index - 1] if index and _in_a_gap(out[index - 1], row) else None
        below = out[index + 1] if index + 1 < len(out) and _in_a_gap(out[index + 1], row) else None
        if below is not None and above is not None and abs(above.x0 - below.x0) > 2:
            above = None  # (two cells' words, not one cell's)
        if above is None and below is None:
            index += 1
            continue
        parts = [line for line in (above, below) if line is not None]
        merged = out[index] = _with_cell(row, parts)
        for part in parts:
            out.remove(part)
        index = out.index(merged) + 1
    return out


def _in_a_gap(line: _PdfLine, row: _PdfLine) -> bool:
    if "\t" in line.text or not line.xs or abs(line.size - row.size) > 0.5 or not any(c.isalnum() for c in line.text):
        return False
    left, right = line.x0, line.xs[-1] + line.size * 0.6
    for cell, start in zip(_cell_spans(row), row.starts):
        if left < cell and right > start:
            return False
    return row.starts[0] < left


def _cell_spans(row: _PdfLine) -> list[float]:
    """Where each of a row's cells ends on the page (its last character's left edge and a wide letter)."""
    ends, position = [], 0
    for cell in row.cells:
        position += len(cell)
        ends.append(row.xs[position - 1] + row.size * 0.6 if cell else row.xs[max(position - 1, 0)])
        position += 1
    return ends


def _with_cell(row: _PdfLine, parts: list[_PdfLine]) -> _PdfLine:
    words = " ".join(part.text for part in parts)
    starts = list(row.starts)
    column = sum(1 for start in starts if start < parts[0].x0)
    cells = row.cells
    cells.insert(column, words)
    starts.insert(column, parts[0].x0)
    xs: list[float] = []
    for number, cell in enumerate(cells):
        if number:
            xs.append(starts[number])
        if number == column:
            xs.extend(x for part_no, part in enumerate(parts) for x in ([part.x0] if part_no else []) + list(part.xs))
        else:
            offset = sum(len(c) + 1 for c in row.cells[:number - (number > column)])
            xs.extend(row.xs[offset:offset + len(cell)])
    return _PdfLine("\t".join(cells), row.size, row.bold, min(p.top for p in [row, *parts]), max(p.bottom for p in [row, *parts]),
                    min(row.x0, parts[0].x0), tuple(starts), tuple(xs), None)


def _label_beside_its_values(block: list[_PdfLine]) -> list[_PdfLine]:
    """A table row of a form whose label cell is set beside the middle of its values ('Beslutande'
    on the third of five names, as a vertically centred cell prints it) or wrapped ('Justeringens
    plats och' above the value, 'tid' below it), as one label on the row's first line, before its
    first value, and the other values below it: what a top-aligned table gives.

    Only a run of lines each of which starts either at its left edge (a label, perhaps with a
    value after a column gap) or at one value column well to its right (a value alone)."""
    if len(block) < 2:
        return block
    left = min(line.x0 for line in block)
    labelled = [line for line in block if line.x0 - left < 2]
    alone = [line for line in block if line.x0 - left >= _COLUMN_GAP]
    if not labelled or len(labelled) + len(alone) != len(block):
        return block
    columns = {round(line.x0) for line in alone} | {round(line.starts[1]) for line in labelled if len(line.starts) > 1}
    if max(columns, default=0) - min(columns, default=0) > 3:
        return block  # (the values do not share one column: not a label's row)
    if not alone and any(len(line.starts) < 2 for line in labelled):
        return block  # (prose, or a list set in from a first line)
    if labelled == block[:1]:
        return block  # (the label already opens its row)
    if sum(len(line.starts) > 1 for line in labelled) > 1 and not all(line.cells[0][:1].islower() for line in labelled[1:]):
        return block  # (rows set without a gap between them, each with its label; not one label wrapped: "Tjänstgörande" / "ersättare")
    if len(labelled) > 3 or not labelled[0].text[:1].isupper() or not all(_LABEL_CELL.match(line.cells[0]) for line in labelled):
        return block
    label = " ".join(line.cells[0] for line in labelled)
    values: list[tuple[str, float, bool, _PdfLine]] = []  # (text, left edge, bold, the line it is on)
    for line in block:
        if line.x0 - left >= _COLUMN_GAP:
            values.append((line.text, line.x0, line.bold, line))
        elif len(line.starts) > 1:
            values.append(("\t".join(line.cells[1:]), line.starts[1], False, line))
    if not values:
        return block
    text, column, _, _ = values[0]
    head = _PdfLine(f"{label}\t{text}", block[0].size, False, block[0].top, block[0].bottom, left, (left, column))
    return [head, *(_PdfLine(text, line.size, bold, line.top, line.bottom, column, (column,)) for text, column, bold, line in values[1:])]


def _ocr_lines(words: dict[str, list]) -> list[str]:
    """Tesseract's words as lines, its paragraphs apart, as a PDF's text reads: a gap wider than
    one and a half letters' height between two words is a column's (a form's label and value:
    `Plats och tid<TAB>Kommunkontoret`), and a line that starts a column in from the page's text
    starts with one (the value column's later lines: `<TAB>Karl Ek (m)`)."""
    rows: dict[tuple[int, int, int], list[tuple[int, int, int, str]]] = {}
    for i, word in enumerate(words["text"]):
        if word.strip():
            key = (words["block_num"][i], words["par_num"][i], words["line_num"][i])
            rows.setdefault(key, []).append((words["left"][i], words["width"][i], words["height"][i], word.strip()))
    if not rows:
        return []
    margin = min(min(left for left, *_ in row) for row in rows.values())
    lines: list[str] = []
    paragraph = None
    for key, row in rows.items():
        row.sort()
        height = statistics.median(word[2] for word in row)
        if paragraph is not None and key[:2] != paragraph:
            lines.append("")
        paragraph = key[:2]
        text = "\t" if row[0][0] - margin > 6 * height else ""
        text += row[0][3]
        for before, after in zip(row, row[1:]):
            gap = after[0] - (before[0] + before[1])
            text += ("\t" if gap > 1.5 * height else " ") + after[3]
        lines.append(text)
    return lines


_MISREAD_SIGN = re.compile(r"^(?P<before>\s*)(?:8&|&8|&|8|\$|S)\s*(?=\d{1,4}\s*[a-z]?\s+[A-ZÅÄÖ])"
                           r"|^(?P<forts>\s*forts\.?\s+)(?:8&|&8|&|8|\$|S)\s*(?=\d{1,4}\s*$)", re.IGNORECASE)
"""Tesseract reads a typewriter's `§` as `8`, `&`, `8&`, `$` or `S`: at the start of a line (or after
"Forts"), before an item's number and a capitalised title, it is the paragraph sign."""


_MISREAD_SIGNS_AFTER_A_COMMA = re.compile(r"(?<=, )(?:(?P<two>88|8&|&&|\$\$|SS)|8|&|\$)\s*(?=\d{1,4}\s*(?:[-–]\s*\d{1,4})?\s*(?:$|[,)]))")
"""The same in a list entry's note ("Kerstin Dahl, ekonom, 8 114", "88 116-118"): the number ends the entry."""


def _paragraph_sign(line: str) -> str:
    line = _MISREAD_SIGN.sub(lambda m: (m["before"] or m["forts"] or "") + "§ ", line, count=1)
    return _MISREAD_SIGNS_AFTER_A_COMMA.sub(lambda m: "§§ " if m["two"] else "§ ", line)


def _ocr(path: Path, pdf) -> Extracted:
    """A scanned PDF: render every page and read it with Tesseract's Swedish model."""
    if shutil.which("tesseract") is None:
        raise ExtractError(_("a scanned PDF without a text layer; reading it needs Tesseract OCR with Swedish: {install}").format(
            install=OCR_INSTALL))
    import pytesseract

    try:
        languages = pytesseract.get_languages(config="")
    except Exception as error:
        raise ExtractError(_("Tesseract OCR does not run ({error}); reinstall it: {install}").format(error=error, install=OCR_INSTALL)) from None
    if "swe" not in languages:
        raise ExtractError(_("a scanned PDF; Tesseract is installed but without Swedish: apt-get install tesseract-ocr-swe"))
    lines: list[Line] = []
    for page_no, page in enumerate(pdf.pages, 1):
        image = page.to_image(resolution=300).original
        words = pytesseract.image_to_data(image, lang="swe", output_type=pytesseract.Output.DICT)
        for index, raw in enumerate(_ocr_lines(words), 1):
            lines.append(markdown_line(_paragraph_sign(raw), f"page {page_no}, line {index} (OCR)", 0, page_no))
        lines.append(Line(text="", loc=f"page {page_no}", page=page_no))
    for number, line in enumerate(lines, 1):
        line.no = number
    return Extracted(path, "pdf-ocr", lines, ["read by OCR (Tesseract, Swedish): check names and numbers against the scan"])
