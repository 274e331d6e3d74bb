"""The codebook as a Word document: one table per theme, ready for a thesis appendix.

Each top-level code with sub-codes is a theme: a heading, its one-line
description, and a table whose first (bold) row is the theme itself followed
by its sub-codes in tree order. The code cell is tinted with the code's
colour the way the transcript view highlights it, so readers can match the
appendix to screenshots. Keywords follow each table. Top-level codes without
sub-codes are gathered in one last table. The file's bytes depend only on its
inputs (fixed zip times and document dates), so a generated codebook can be
checked in and compared.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from lxml import etree

from lobcoder.codebook.wording import GAP_GUIDE, GAP_MARK, QUOTES, Language, check_language, summary_line
from lobcoder.refi.description import LABELS
from lobcoder.services.codebook_data import Codebook, CodebookCode
from lobcoder.storage.atomic_file import write_atomically

Counts = Mapping[str, tuple[int, int]]

TINT_ALPHA = 90  # as the transcript view's highlights (gui/transcript/highlighter.py)
ROW_TINT_ALPHA = 28
HEADER_FILL = "D9D9D9"
BORDER_COLOR = "A6A6A6"
TEXT_GREY = RGBColor(0x59, 0x59, 0x59)
NOTE_GREY = RGBColor(0x40, 0x40, 0x40)
TABLE_STYLE = "Codebook Table Text"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
MAX_EXAMPLES = 2

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Codebook",
        "code": "Code",
        "example": "Example",
        "codings": "Codings",
        "documents": "Documents",
        "others": "Other codes",
        "codes": "Codes",
        "guide": "Each table starts with the theme itself (bold), followed by its sub-codes. "
        "The shading of the code cell is the colour the code has in lobcoder.",
        "counts_guide": "Codings and Documents count the passages coded with exactly that code and the documents they are in.",
        "keywords_of": "Keywords",
        "page": "page",
        "lang": "en-GB",
    },
    "nl": {
        "title": "Codeboek",
        "code": "Code",
        "example": "Voorbeeld",
        "codings": "Coderingen",
        "documents": "Documenten",
        "others": "Overige codes",
        "codes": "Codes",
        "guide": "Elke tabel begint met het thema zelf (vet), gevolgd door de subcodes. "
        "De achtergrond van de codecel is de kleur die de code in lobcoder heeft.",
        "counts_guide": "Coderingen en Documenten tellen de passages met precies die code en de documenten waarin ze staan.",
        "keywords_of": "Trefwoorden",
        "page": "pagina",
        "lang": "nl-NL",
    },
}


@dataclass(frozen=True)
class Row:
    number: str
    depth: int
    code: CodebookCode


@dataclass(frozen=True)
class Section:
    title: str
    lead: str
    rows: tuple[Row, ...]


def sections(codebook: Codebook, language: Language) -> list[Section]:
    """Themes (top-level codes with sub-codes) in order, then the other top-level codes together."""
    words = WORDS[language]
    result: list[Section] = []
    loose: list[Row] = []

    def rows(code: CodebookCode, number: str, depth: int) -> list[Row]:
        found = [Row(number, depth, code)]
        for index, child in enumerate(code.children, 1):
            found += rows(child, f"{number}.{index}", depth + 1)
        return found

    for index, code in enumerate(codebook.codes, 1):
        if code.children:
            result.append(Section(f"{index} {code.name}", code.description, tuple(rows(code, str(index), 0))))
        else:
            loose.append(Row(str(index), 0, code))
    if loose:
        result.append(Section(words["codes"] if not result else words["others"], "", tuple(loose)))
    return result


def _tint(color: str, alpha: int) -> str:
    """``color`` laid over white with ``alpha`` (0-255), as hex without '#'."""
    value = color.strip().lstrip("#")
    if len(value) == 3:
        value = "".join(char * 2 for char in value)
    if len(value) != 6:
        value = "7f7f7f"
    try:
        channels = [int(value[i : i + 2], 16) for i in (0, 2, 4)]
    except ValueError:
        channels = [127, 127, 127]
    keep = alpha / 255
    return "".join(f"{round(255 * (1 - keep) + c * keep):02X}" for c in channels)


# -- low-level OOXML -------------------------------------------------------------


# The schema fixes the order of these children; Word rejects files that break it.
TBL_PR_ORDER = (
    "w:tblStyle",
    "w:tblW",
    "w:jc",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
)
TC_PR_ORDER = ("w:tcW", "w:gridSpan", "w:vMerge", "w:tcBorders", "w:shd", "w:noWrap", "w:tcMar", "w:vAlign")
TR_PR_ORDER = ("w:cantSplit", "w:trHeight", "w:tblHeader", "w:jc")
BORDER_ORDER = ("w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV")
P_PR_ORDER = (
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:widowControl",
    "w:numPr",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:spacing",
    "w:ind",
    "w:jc",
    "w:rPr",
)
SETTINGS_ORDER = (
    "w:defaultTabStop",
    "w:autoHyphenation",
    "w:characterSpacingControl",
    "w:savePreviewPicture",
    "w:compat",
)


def _set(parent: etree._Element, tag: str, order: tuple[str, ...] = (), **attrs: str) -> etree._Element:
    """The child ``tag`` of ``parent`` with ``attrs`` set; made if missing, in its place in ``order``."""
    element = parent.find(qn(tag))
    if element is None:
        element = OxmlElement(tag)
        later = {qn(t) for t in order[order.index(tag) + 1 :]} if tag in order else set()
        following = next((child for child in parent if child.tag in later), None)
        if following is None:
            parent.append(element)
        else:
            following.addprevious(element)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _no_hyphens(paragraph: Paragraph) -> None:
    _set(paragraph._p.get_or_add_pPr(), "w:suppressAutoHyphens", P_PR_ORDER)


def _shade(cell: _Cell, fill: str) -> None:
    _set(cell._tc.get_or_add_tcPr(), "w:shd", TC_PR_ORDER, val="clear", color="auto", fill=fill)


def _table_borders(table: Table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = _set(tbl_pr, "w:tblBorders", TBL_PR_ORDER)
    for side in BORDER_ORDER:
        _set(borders, side, BORDER_ORDER, val="single", sz="4", space="0", color=BORDER_COLOR)
    _set(tbl_pr, "w:tblLayout", TBL_PR_ORDER, type="fixed")
    margins = _set(tbl_pr, "w:tblCellMar", TBL_PR_ORDER)
    for side, width in (("w:top", "45"), ("w:left", "85"), ("w:bottom", "45"), ("w:right", "85")):
        _set(margins, side, BORDER_ORDER, w=width, type="dxa")


def _row_flags(row: _Row, header: bool = False) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    _set(tr_pr, "w:cantSplit", TR_PR_ORDER)
    if header:
        _set(tr_pr, "w:tblHeader", TR_PR_ORDER)


def _widths(table: Table, widths: list[float]) -> None:
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(int(Cm(width).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)


def _field(paragraph: Paragraph, instruction: str, half_points: int, color: RGBColor) -> None:
    """A Word field (PAGE, NUMPAGES) that the reader's program fills in."""
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    r_pr = OxmlElement("w:rPr")
    _set(r_pr, "w:color", val=str(color))
    _set(r_pr, "w:sz", val=str(half_points))
    run.append(r_pr)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    simple.append(run)
    p: etree._Element = paragraph._p  # lxml's API (python-docx's CT_P types its children as paragraphs)
    p.append(simple)


# -- document -------------------------------------------------------------------


def _styles(doc: DocumentObject, language: Language) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10)
    r_pr = normal.element.get_or_add_rPr()
    _set(r_pr, "w:rFonts", ascii="Calibri", hAnsi="Calibri", cs="Calibri", eastAsia="Calibri")
    _set(r_pr, "w:lang", val=WORDS[language]["lang"])
    normal.paragraph_format.space_after = Pt(6)
    for name, size, before in (("Title", 20, 0), ("Heading 1", 14, 6)):
        style = doc.styles[name]
        style.font.name = "Calibri"
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = RGBColor(0x26, 0x26, 0x26)
        _set(style.element.get_or_add_rPr(), "w:rFonts", ascii="Calibri", hAnsi="Calibri", cs="Calibri")
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(4)
    title_pr = doc.styles["Title"].element.get_or_add_pPr()
    for border in title_pr.findall(qn("w:pBdr")):  # the template underlines the title
        title_pr.remove(border)
    cell = doc.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    cell.base_style = normal
    cell.font.size = Pt(9)
    cell.paragraph_format.space_before = Pt(0)
    cell.paragraph_format.space_after = Pt(2)
    cell.paragraph_format.line_spacing = 1.0


def _page(doc: DocumentObject, landscape: bool, footer: str, language: Language) -> None:
    section = doc.sections[0]
    width, height = Cm(21.0), Cm(29.7)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin = Cm(2.0)
    section.bottom_margin = Cm(1.8)
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = paragraph.add_run(f"{footer} \u00b7 {WORDS[language]['page']} ")
    run.font.size = Pt(8)
    run.font.color.rgb = TEXT_GREY
    _field(paragraph, "PAGE", 16, TEXT_GREY)


def _columns(language: Language, with_counts: bool, usable: float) -> tuple[list[str], list[float]]:
    words, labels = WORDS[language], LABELS[language]
    headers = [words["code"], labels["definition"], labels["inclusion"], labels["exclusion"], words["example"]]
    shares = [0.2, 0.225, 0.205, 0.205, 0.165]
    if with_counts:
        headers += [words["codings"], words["documents"]]
        number = 2.8 / usable  # room for "Documenten" in bold without breaking the word
        shares = [share * (1 - 2 * number) for share in shares] + [number, number]
    widths = [round(share * usable, 2) for share in shares]
    widths[1] += round(usable - sum(widths), 2)
    return headers, widths


def _cell_text(cell: _Cell, text: str, *, bold: bool = False, italic: bool = False, align: int | None = None) -> None:
    """Fill ``cell`` with ``text``, one paragraph per line."""
    lines = text.split("\n") if text else [""]
    first = cell.paragraphs[0]
    for index, line in enumerate(lines):
        paragraph = first if index == 0 else cell.add_paragraph()
        paragraph.style = TABLE_STYLE
        if align is not None:
            paragraph.alignment = align
        run = paragraph.add_run(line)
        run.bold = bold or None
        run.italic = italic or None


def _code_cell(cell: _Cell, row: Row, theme: bool) -> None:
    """Number and name (bold for a theme), then a sub-code's one-line description in small grey type.

    A theme's description is already the lead paragraph under its heading.
    """
    _cell_text(cell, f"{row.number}  {row.code.name}", bold=theme)
    indent = Cm(0.3 * max(0, row.depth - 1))
    cell.paragraphs[0].paragraph_format.left_indent = indent
    if row.code.definition and row.code.description and not theme:
        paragraph = cell.add_paragraph(style=TABLE_STYLE)
        paragraph.paragraph_format.left_indent = indent
        paragraph.paragraph_format.space_before = Pt(2)
        run = paragraph.add_run(" ".join(row.code.description.split()))
        run.font.size = Pt(8)
        run.font.color.rgb = NOTE_GREY


def _add_table(doc: DocumentObject, section: Section, language: Language, counts: Counts | None, usable: float) -> None:
    headers, widths = _columns(language, counts is not None, usable)
    table = doc.add_table(rows=1, cols=len(headers))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _table_borders(table)
    header = table.rows[0]
    _row_flags(header, header=True)
    for index, (cell, text) in enumerate(zip(header.cells, headers, strict=True)):
        _shade(cell, HEADER_FILL)
        _cell_text(cell, text, bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT if index >= 5 else None)
        _no_hyphens(cell.paragraphs[0])
    lookup = {guid.lower(): value for guid, value in (counts or {}).items()}
    opening, closing = QUOTES[language]
    for row in section.rows:
        code = row.code
        theme = row.depth == 0 and bool(code.children)
        cells = table.add_row().cells
        _row_flags(table.rows[-1])
        _code_cell(cells[0], row, theme)
        _cell_text(cells[1], code.definition or code.description)
        _cell_text(cells[2], code.inclusion)
        _cell_text(cells[3], code.exclusion)
        examples = [line for line in code.examples.split("\n") if line.strip()][:MAX_EXAMPLES]
        _cell_text(cells[4], "\n".join(f"{opening}{line}{closing}" for line in examples), italic=True)
        if counts is not None:
            codings, documents = lookup.get(code.guid.lower(), (0, 0))
            _cell_text(cells[5], str(codings), align=WD_ALIGN_PARAGRAPH.RIGHT)
            _cell_text(cells[6], str(documents), align=WD_ALIGN_PARAGRAPH.RIGHT)
        if theme:
            for cell in cells[1:]:
                _shade(cell, _tint(code.color, ROW_TINT_ALPHA))
        _shade(cells[0], _tint(code.color, TINT_ALPHA))
    _widths(table, widths)


def _add_keywords(doc: DocumentObject, section: Section, language: Language) -> None:
    rows = [row for row in section.rows if row.code.keywords.strip()]
    if not rows:
        return
    label = doc.add_paragraph(style=TABLE_STYLE)
    label.paragraph_format.space_before = Pt(8)
    label.paragraph_format.keep_with_next = True
    label.add_run(WORDS[language]["keywords_of"]).bold = True
    for row in rows:
        paragraph = doc.add_paragraph(style=TABLE_STYLE)
        paragraph.paragraph_format.left_indent = Cm(0.4)
        paragraph.paragraph_format.first_line_indent = Cm(-0.4)
        name = paragraph.add_run(f"{row.number} {row.code.name}: ")
        name.font.color.rgb = TEXT_GREY
        words = [word.strip() for word in row.code.keywords.split("\n") if word.strip()]
        paragraph.add_run(" \u00b7 ".join(words))
        _no_hyphens(paragraph)


def _core_properties(doc: DocumentObject, title: str, language: Language, day: date) -> None:
    moment = datetime(day.year, day.month, day.day, tzinfo=UTC)
    props = doc.core_properties
    props.title = title
    props.subject = WORDS[language]["title"]
    props.author = "lobcoder"
    props.last_modified_by = "lobcoder"
    props.comments = ""
    props.keywords = ""
    props.category = ""
    props.language = WORDS[language]["lang"]
    props.revision = 1
    props.created = moment
    props.modified = moment
    props.last_printed = moment


def _stable_zip(data: bytes) -> bytes:
    """``data`` (a zip) rewritten with fixed entry times, so equal documents are equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(item.filename))
    return out.getvalue()


def codebook_docx_bytes(
    codebook: Codebook,
    *,
    counts: Counts | None = None,
    language: Language = "en",
    title: str | None = None,
    intro: str | None = None,
    day: date | None = None,
) -> bytes:
    """The Word document for ``codebook`` as bytes (see :func:`export_codebook_docx`)."""
    check_language(language)
    day = day or date.today()
    title = title or WORDS[language]["title"]
    landscape = counts is not None
    doc = Document()
    _styles(doc, language)
    _page(doc, landscape, title, language)
    usable = (29.7 if landscape else 21.0) - 4.0
    doc.add_paragraph(title, style="Title")
    line = doc.add_paragraph(summary_line(codebook, language, day))
    line.runs[0].font.color.rgb = TEXT_GREY
    if intro:
        doc.add_paragraph(intro)
    guide = doc.add_paragraph()
    words = WORDS[language]
    guide_text = words["guide"]
    if counts is not None:
        guide_text += " " + words["counts_guide"]
    if any(GAP_MARK in code.keywords for _, code in codebook.walk()):
        guide_text += " " + GAP_GUIDE[language]
    guide_run = guide.add_run(guide_text)
    guide_run.italic = True
    guide_run.font.size = Pt(9)
    guide_run.font.color.rgb = TEXT_GREY
    for index, section in enumerate(sections(codebook, language)):
        heading = doc.add_paragraph(section.title, style="Heading 1")
        heading.paragraph_format.page_break_before = index > 0
        if section.lead:
            lead = doc.add_paragraph(section.lead)
            lead.paragraph_format.keep_with_next = True
        _add_table(doc, section, language, counts, usable)
        _add_keywords(doc, section, language)
    _set(doc.settings.element, "w:autoHyphenation", SETTINGS_ORDER)
    _core_properties(doc, title, language, day)
    buffer = io.BytesIO()
    doc.save(buffer)
    return _stable_zip(buffer.getvalue())


def export_codebook_docx(
    codebook: Codebook,
    path: str | Path,
    *,
    counts: Counts | None = None,
    language: Language = "en",
    title: str | None = None,
    intro: str | None = None,
    day: date | None = None,
) -> None:
    """Write ``codebook`` as a Word codebook appendix to ``path``, whole or not at all.

    ``counts`` maps a code's GUID to ``(codings, documents)``; given, the
    tables get two more columns and the pages turn landscape. ``language``
    chooses the headers ("nl": Code | Definitie | Opnemen als | Niet opnemen
    als | Voorbeeld). ``day`` is the date printed and stored in the file
    (default today): pass a fixed one for reproducible bytes.
    """
    data = codebook_docx_bytes(codebook, counts=counts, language=language, title=title, intro=intro, day=day)
    write_atomically(path, lambda stream: stream.write(data))
