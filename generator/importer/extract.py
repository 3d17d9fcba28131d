"""Input files -> lines of text with what the source says about them.

- `.txt` and `.md`: decoded (UTF-8, else Windows-1252), Markdown marks read and removed
  (`#` headings, `**bold**`, list markers, escapes); extracted minutes are often Markdown.
- `.pdf`: pdfplumber's text lines with their fonts: bold or larger lines are headings, wide gaps
  between words become tabs (lost table columns), gaps between lines become blank lines. A PDF
  without a text layer (a scan) is read by Tesseract OCR with its Swedish data.
- `.docx`: python-docx paragraphs and tables in document order, with heading styles, bold
  and list numbering (Word keeps automatic numbers such as "§ 12" out of the text).

Anything that cannot be read raises ExtractError with a message for the user.
"""

from __future__ import annotations

import re
import shutil
import statistics
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .model import Line

FORMATS = (".txt", ".md", ".markdown", ".pdf", ".docx")
OCR_INSTALL = "apt-get install tesseract-ocr tesseract-ocr-swe"


class ExtractError(Exception):
    """The file cannot be read; the message says why and what to do."""


@dataclass(slots=True)
class Extracted:
    path: Path
    format: str
    """`text`, `markdown`, `pdf`, `pdf-ocr` or `docx`."""
    lines: list[Line]
    notes: list[str] = field(default_factory=list)


def extract(path: Path) -> Extracted:
    if not path.exists():
        raise ExtractError("the file does not exist")
    if not path.is_file():
        raise ExtractError("not a file")
    suffix = path.suffix.lower()
    if suffix in (".txt", ".md", ".markdown"):
        return Extracted(path, "markdown" if suffix != ".txt" else "text", text_lines(decode(path.read_bytes())))
    if suffix == ".pdf":
        return _pdf(path)
    if suffix == ".docx":
        return _docx(path)
    if suffix == ".doc":
        raise ExtractError("old Word format (.doc); save it as .docx or PDF and import that")
    raise ExtractError(f"unknown format '{suffix or path.name}'; the importer reads {', '.join(FORMATS)}")


# -- text and Markdown ----------------------------------------------------------------------

def decode(raw: bytes) -> str:
    if raw.startswith(b"\xff\xfe") or raw.startswith(b"\xfe\xff"):
        text = raw.decode("utf-16")
    elif b"\x00" in raw[:4096]:
        raise ExtractError("this is a binary file, not text")
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
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"), " ")


_LEADER = re.compile(r"\s*(?:[.…_]\s?){4,}\s*")


def clean_text(text: str) -> str:
    """One line's text: invisible characters removed, odd spaces made plain, dot leaders
    ("Ordförande ..........") made column breaks, ends trimmed."""
    text = text.translate(_INVISIBLE).translate(_SPACES)
    text = _LEADER.sub("\t", text)
    text = text.strip(" \t")
    return re.sub(r" {3,}| *\t+ *", "\t", text)  # a text layout's column gap


def text_lines(text: str, loc_prefix: str = "line") -> list[Line]:
    """Lines of a text or Markdown file, Markdown marks read into the Line's hints."""
    lines = []
    for number, raw in enumerate(text.split("\n"), 1):
        lines.append(markdown_line(raw, f"{loc_prefix} {number}", number))
    return lines


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
        raise ExtractError(f"PDF support is missing ({error}); reinstall protokollarkivet") from None
    try:
        pdf = pdfplumber.open(path)
    except PDFSyntaxError as error:
        raise ExtractError(f"not a readable PDF ({error})") from None
    except Exception as error:  # pdfminer raises many kinds for broken or encrypted files
        raise ExtractError(f"not a readable PDF ({type(error).__name__}: {error})") from None
    with pdf:
        try:
            pages = [_page_lines(page) for page in pdf.pages]
        except Exception as error:
            raise ExtractError(f"the PDF could not be read ({type(error).__name__}: {error})") from None
        chars = sum(len(text) for page in pages for text, *_ in page)
        if not pdf.pages:
            raise ExtractError("the PDF has no pages")
        if chars < 40 * len(pdf.pages):
            return _ocr(path, pdf)
    sizes = [size for page in pages for _, size, _, _, _, _ in page if size]
    margin = min((x0 for page in pages for *_, x0 in page), default=0.0)
    body_size = statistics.median(sizes) if sizes else 0
    lines: list[Line] = []
    for page_no, page in enumerate(pages, 1):
        previous_bottom = None
        previous_height = None
        for index, (text, size, bold, top, bottom, x0) in enumerate(page, 1):
            height = bottom - top
            if previous_bottom is not None and top - previous_bottom > 0.7 * max(height, previous_height or height):
                lines.append(Line(text="", loc=f"page {page_no}", page=page_no))
            heading = 2 if body_size and size >= body_size * 1.2 else 0
            line = markdown_line(text, f"page {page_no}, line {index}", 0, page_no)
            line.heading = line.heading or heading
            line.bold = line.bold or bold
            line.indent = round(x0 - margin, 1)
            lines.append(line)
            previous_bottom, previous_height = bottom, height
        lines.append(Line(text="", loc=f"page {page_no}", page=page_no))
    for number, line in enumerate(lines, 1):
        line.no = number
    return Extracted(path, "pdf", lines)


def _page_lines(page) -> list[tuple[str, float, bool, float, float, float]]:
    """(text, font size, bold, top, bottom, left) of each text line of a page, columns as tabs."""
    out = []
    for found in page.extract_text_lines(return_chars=True, strip=True):
        chars = [c for c in found["chars"] if c.get("text")]
        if not chars:
            continue
        text = []
        previous = None
        for char in chars:
            if previous is not None:
                gap = char["x0"] - previous["x1"]
                size = char.get("size") or 10
                if gap > size * 1.6:
                    if text and text[-1] == " ":
                        text.pop()
                    text.append("\t")
                elif gap > size * 0.18 and char["text"] != " " and previous["text"] != " ":
                    text.append(" ")
            if not (char["text"] == " " and text and text[-1] == "\t"):
                text.append(char["text"])
            previous = char
        visible = [c for c in chars if c["text"].strip()]
        size = statistics.median(c.get("size") or 0 for c in visible) if visible else 0
        bold = bool(visible) and all(_BOLD_FONT.search(c.get("fontname") or "") for c in visible)
        out.append(("".join(text).strip(), size, bold, found["top"], found["bottom"], found["x0"]))
    return out


def _ocr(path: Path, pdf) -> Extracted:
    """A scanned PDF: render every page and read it with Tesseract's Swedish model."""
    if shutil.which("tesseract") is None:
        raise ExtractError(f"a scanned PDF without a text layer; reading it needs Tesseract OCR with Swedish: {OCR_INSTALL}")
    import pytesseract

    try:
        languages = pytesseract.get_languages(config="")
    except Exception as error:
        raise ExtractError(f"Tesseract OCR does not run ({error}); reinstall it: {OCR_INSTALL}") from None
    if "swe" not in languages:
        raise ExtractError(f"a scanned PDF; Tesseract is installed but without Swedish: apt-get install tesseract-ocr-swe")
    lines: list[Line] = []
    for page_no, page in enumerate(pdf.pages, 1):
        image = page.to_image(resolution=300).original
        text = pytesseract.image_to_string(image, lang="swe")
        for index, raw in enumerate(text.split("\n"), 1):
            lines.append(markdown_line(raw, f"page {page_no}, line {index} (OCR)", 0, page_no))
        lines.append(Line(text="", loc=f"page {page_no}", page=page_no))
    for number, line in enumerate(lines, 1):
        line.no = number
    return Extracted(path, "pdf-ocr", lines, ["read by OCR (Tesseract, Swedish): check names and numbers against the scan"])


# -- Word -----------------------------------------------------------------------------------

_HEADING_STYLE = re.compile(r"^(?:heading|rubrik)\s*(\d)$", re.IGNORECASE)


def _docx(path: Path) -> Extracted:
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError as error:  # pragma: no cover
        raise ExtractError(f"Word support is missing ({error}); reinstall protokollarkivet") from None
    try:
        document = docx.Document(str(path))
    except PackageNotFoundError:
        raise ExtractError("not a Word (.docx) file, or it is damaged") from None
    except Exception as error:
        raise ExtractError(f"the Word file could not be read ({type(error).__name__}: {error})") from None
    numbering = _Numbering(document)
    lines: list[Line] = []
    paragraph_no = 0
    table_no = 0
    for kind, element in _body_elements(document):
        if kind == "p":
            paragraph_no += 1
            lines.extend(_paragraph_lines(element, paragraph_no, numbering))
            lines.append(Line(text="", loc=f"paragraph {paragraph_no}"))
        else:
            table_no += 1
            for row_no, row in enumerate(element.rows, 1):
                cells = []
                for cell in row.cells:
                    text = " ".join(clean_text(p.text) for p in cell.paragraphs if p.text.strip())
                    if not cells or text != cells[-1]:  # merged cells repeat their text
                        cells.append(text)
                lines.append(Line(text="\t".join(cells).strip("\t"), loc=f"table {table_no}, row {row_no}"))
            lines.append(Line(text="", loc=f"table {table_no}"))
    for number, line in enumerate(lines, 1):
        line.no = number
    return Extracted(path, "docx", lines)


def _body_elements(document):
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield "p", Paragraph(child, document)
        elif tag == "tbl":
            yield "t", Table(child, document)


def _paragraph_lines(paragraph, number: int, numbering: "_Numbering") -> list[Line]:
    text = paragraph.text
    style = paragraph.style.name if paragraph.style is not None else ""
    heading = 0
    if match := _HEADING_STYLE.match(style.strip()):
        heading = int(match[1])
    elif style.strip().lower() in ("title", "rubrik", "titel"):
        heading = 1
    runs = [r for r in paragraph.runs if r.text.strip()]
    bold = bool(runs) and all(_run_bold(r, paragraph) for r in runs)
    prefix, bullet = numbering.label(paragraph)
    out = []
    for index, part in enumerate(text.split("\n")):
        part = clean_text(part)
        if index == 0 and prefix:
            part = f"{prefix} {part}" if part else prefix
        loc = f"paragraph {number}" if "\n" not in text else f"paragraph {number}, line {index + 1}"
        out.append(Line(text=part, loc=loc, heading=heading, bold=bold and bool(part), bullet=bullet if index == 0 else 0))
    return out


def _run_bold(run, paragraph) -> bool:
    if run.bold is not None:
        return bool(run.bold)
    if run.style is not None and run.style.font.bold:
        return True
    style = paragraph.style
    while style is not None:
        if style.font.bold is not None:
            return bool(style.font.bold)
        style = style.base_style
    return False


class _Numbering:
    """Word's automatic list numbers: the text of "1." or "§ 12" is not in the paragraph."""

    def __init__(self, document):
        self.formats: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[tuple[str, int], int] = {}
        try:
            part = document.part.numbering_part
        except Exception:
            return
        ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
        root = part.element
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in root.findall("w:abstractNum", ns):
            levels = {}
            for level in node.findall("w:lvl", ns):
                ilvl = int(level.get(f"{{{ns['w']}}}ilvl", "0"))
                fmt = level.find("w:numFmt", ns)
                text = level.find("w:lvlText", ns)
                start = level.find("w:start", ns)
                levels[ilvl] = (
                    fmt.get(f"{{{ns['w']}}}val") if fmt is not None else "decimal",
                    text.get(f"{{{ns['w']}}}val") if text is not None else "%1.",
                    int(start.get(f"{{{ns['w']}}}val")) if start is not None else 1,
                )
            abstract[node.get(f"{{{ns['w']}}}abstractNumId")] = levels
        for node in root.findall("w:num", ns):
            ref = node.find("w:abstractNumId", ns)
            if ref is None:
                continue
            levels = abstract.get(ref.get(f"{{{ns['w']}}}val"), {})
            for ilvl, spec in levels.items():
                self.formats[(node.get(f"{{{ns['w']}}}numId"), ilvl)] = spec

    def label(self, paragraph) -> tuple[str, int]:
        """(the number's text or '', list depth + 1 for a bullet or 0)."""
        ppr = paragraph._p.pPr
        num_pr = ppr.numPr if ppr is not None else None
        style = paragraph.style
        while (num_pr is None or num_pr.numId is None) and style is not None:
            # "List Number" and numbered heading styles carry their numbering in the style
            style_ppr = style.element.pPr
            num_pr = style_ppr.numPr if style_ppr is not None else None
            style = style.base_style
        if num_pr is None or num_pr.numId is None:
            style = (paragraph.style.name if paragraph.style is not None else "").lower()
            return "", (1 if ("list" in style or "lista" in style) and "number" not in style else 0)
        num_id = str(num_pr.numId.val)
        ilvl = int(num_pr.ilvl.val) if num_pr.ilvl is not None else 0
        fmt, pattern, start = self.formats.get((num_id, ilvl), ("bullet", "", 1))
        if fmt in ("bullet", "none"):
            return "", ilvl + 1
        key = (num_id, ilvl)
        self.counters[key] = self.counters.get(key, start - 1) + 1
        for deeper in [k for k in self.counters if k[0] == num_id and k[1] > ilvl]:
            del self.counters[deeper]
        values = {}
        for level in range(ilvl + 1):
            value = self.counters.get((num_id, level), self.formats.get((num_id, level), ("", "", 1))[2])
            level_fmt = self.formats.get((num_id, level), ("decimal", "", 1))[0]
            values[level + 1] = _format_number(value, level_fmt)
        text = re.sub(r"%(\d)", lambda m: values.get(int(m[1]), ""), pattern)
        return text.strip(), 0


def _format_number(value: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return chr(ord("a") + (value - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (value - 1) % 26)
    if fmt in ("lowerRoman", "upperRoman"):
        numerals = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        out = ""
        for amount, numeral in numerals:
            while value >= amount:
                out += numeral
                value -= amount
        return out if fmt == "lowerRoman" else out.upper()
    return str(value)
