"""Result tables as an APA-style Word document, ready to paste into a thesis.

Each table gets a caption above it ("Table 1" in bold, a real SEQ field, then
the title in italics), horizontal rules only, numbers right-aligned in the
chosen language, row labels indented by level, and below it the notes
("*Note.* ...") and the flag note ("ᵃ ..."). A heat map shades its cells
white → blue with white text on the darkest. A matrix whose columns are its
rows (co-occurrence) is numbered the APA way: rows "1. Werkdruk", columns
"1", "2", ... Tables with more than seven columns get a landscape section of
their own; a table with spanning headers (a split by school, then wave) too
wide for one page continues in further tables of whole groups, each with
the row labels and titled "(continued)". Frequency tables can get a bar
chart with a figure caption.
"""

from __future__ import annotations

import dataclasses
import io
import unicodedata
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import IO

import docx
from docx.document import Document
from docx.enum.section import WD_SECTION
from docx.oxml import parse_xml
from docx.shared import Cm, Emu

from lobcoder.analysis.table import Table
from lobcoder.i18n import message
from lobcoder.reports import docx_style as ox
from lobcoder.reports.chart import WIDTH_INCH, bar_chart_png, chart_column, chart_title
from lobcoder.reports.formatting import (
    BLANK_FILL,
    Language,
    check_language,
    format_value,
    is_matrix,
    scale_colour,
    shaded_cells,
)
from lobcoder.reports.steps import Steps

INDENT = 284  # twips per level (0.5 cm)
BREAK = "\u200b"  # a zero-width space: where Word may break a header word such as "interview_marieke_r1"
EM = 200  # twips per em at 10 pt
# Widths in em of Times New Roman (Adobe's Times-Roman metrics), enough to size columns without measuring fonts.
_LOWER = (444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444)  # fmt: skip
_UPPER = (722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611)  # fmt: skip
_EMS = {
    **{chr(ord("a") + i): w / 1000 for i, w in enumerate(_LOWER)},
    **{chr(ord("A") + i): w / 1000 for i, w in enumerate(_UPPER)},
    **dict.fromkeys("0123456789", 0.5),
    **dict.fromkeys(" .,:;'()|", 0.28),
    "%": 0.84,
    "×": 0.57,
    BREAK: 0.0,
}
MARK = "a"
PAGE_COLUMNS = 13  # value columns of a grouped table on one landscape page at 8 pt or more
KEEP_TOGETHER_ROWS = 25  # shorter tables are kept on one page
TOTAL_LABELS = {"total", "totaal"}  # a last row so named gets a rule above it
CAPTION_HEIGHT = Cm(2)
MAIN_TEXT_SHARE = 0.35  # the longest text column (a quote) gets at least this share of the width if the font allows  # "Figure 1" and the title above a chart


def render_docx(
    tables: Sequence[Table],
    stream: IO[bytes],
    language: Language = "en",
    chart: bool = False,
    steps: Steps | None = None,
) -> None:
    """Write the Word document for ``tables`` to a binary stream (see :func:`build_document`)."""
    build_document(tables, language, chart, steps).save(stream)


def build_document(
    tables: Sequence[Table], language: Language = "en", chart: bool = False, steps: Steps | None = None
) -> Document:
    """One document with all ``tables`` in order, numbered from 1; with ``chart`` a figure per frequency table.

    ``steps`` counts the rows (see :mod:`lobcoder.reports.steps`); a cancel raises Cancelled.
    """
    steps = steps or Steps(0)
    language = check_language(language)
    document = docx.Document()
    ox.setup_document(document, language)
    properties = document.core_properties
    properties.title = tables[0].title if tables else ""
    properties.author = properties.last_modified_by = properties.comments = ""
    properties.created = properties.modified = datetime.now(UTC).replace(microsecond=0)
    landscape = False
    number = figures = 0
    for whole in tables:
        parts = _pages(whole, language)
        for part in parts:
            number += 1
            if part.wide != landscape:
                landscape = part.wide
                if number == 1:
                    ox.set_orientation(document.sections[0], landscape)
                else:
                    ox.set_orientation(document.add_section(WD_SECTION.NEW_PAGE), landscape)
            _add_table(document, part, number, language, steps)
        column = chart_column(parts[0]) if chart else None  # the first part's chart, after the last "(continued)"
        if column is not None and parts[0].rows:
            figures += 1
            _add_chart(document, parts[0], column, figures, language)
    return document


def row_steps(tables: Sequence[Table]) -> int:
    """The rows :func:`build_document` writes: a table's rows again in each "(continued)" part."""
    return sum(len(table.rows) * len(table.column_parts(PAGE_COLUMNS)) for table in tables)


def _pages(table: Table, language: Language) -> tuple[Table, ...]:
    """``table``, or its parts of whole column groups when it is too wide to read on one page."""
    parts = table.column_parts(PAGE_COLUMNS)
    title = message("report.continued", language, title=table.title)
    return parts[:1] + tuple(dataclasses.replace(part, title=title) for part in parts[1:])


def _add_table(document: Document, table: Table, number: int, language: Language, steps: Steps) -> None:
    label = message("report.table", language)
    ox.add_caption(document, label, label, number)
    document.add_paragraph(table.title, style=ox.TABLE_TITLE)
    section = document.sections[-1]
    header, rows = _cells(table, language, steps)
    wraps = [False, *(fmt == "text" for fmt in table.formats)]
    groups = [(group.label, group.first + 1, group.count) for group in table.groups]
    label_share = 0.0 if is_matrix(table) else 0.5
    widths, size, margin = _layout(header, rows, ox.text_width(section), label_share, wraps=wraps, groups=groups)
    header = _whole_where_they_fit(header, widths, size)
    total = len(rows) > 1 and table.rows[-1].label.strip().lower() in TOTAL_LABELS
    # Short tables stay on one page; a table whose text wraps (quotes) may break between rows.
    keep = len(rows) <= KEEP_TOGETHER_ROWS and not _text_wraps(header, rows, widths, size, wraps)
    xml = ox.table_xml(
        widths, header, rows, keep_together=keep, total_row=total, font_size=size, cell_margin=margin, groups=groups
    )
    body = document.element.body
    body.sectPr.addprevious(parse_xml(xml))
    _add_notes(document, table, language)


def _cells(table: Table, language: Language, steps: Steps) -> tuple[list[ox.Cell], list[list[ox.Cell]]]:
    numbered = is_matrix(table)
    shading = shaded_cells(table)
    columns = (
        [str(j) for j in range(1, len(table.columns) + 1)]
        if numbered
        else [table.short_column(j) for j in range(len(table.columns))]
    )
    header = [ox.Cell(table.row_header)]
    header += [
        ox.Cell(breakable(name), "left" if fmt == "text" else "right", second=table.n_of(j))
        for j, (name, fmt) in enumerate(zip(columns, table.formats, strict=True))
    ]
    rows = []
    for i, row in enumerate(table.rows):
        label = f"{i + 1}. {row.label}" if numbered else row.label
        cells = [ox.Cell(label, indent=INDENT * row.level)]
        for j, (value, fmt) in enumerate(zip(row.values, table.formats, strict=True)):
            fill, white = scale_colour(shading[i, j]) if (i, j) in shading else (None, False)
            if (i, j) in table.blank:
                fill = BLANK_FILL
            cells.append(
                ox.Cell(
                    format_value(value, fmt, language),
                    "left" if fmt == "text" else "right",
                    fill=fill,
                    white=white,
                    mark=MARK if (i, j) in table.flagged else "",
                )
            )
        rows.append(cells)
        steps.step()
    return header, rows


def _layout(
    header: list[ox.Cell],
    rows: list[list[ox.Cell]],
    available: int,
    label_share: float,
    wraps: Sequence[bool] | None = None,
    groups: Sequence[tuple[str, int, int]] = (),
) -> tuple[list[int], int, int]:
    """Column widths that fill the text width, the cell font size (half-points) and cell margin (twips).

    Each column wants its longest entry on one line. Spare room goes to the
    label column by ``label_share`` and evenly to the others. When room is
    short, headers wrap at spaces, labels wrap down to a third of the page
    and text columns (``wraps``, such as a quote) wrap down to their longest
    word, taking the spare room in proportion to what they lack (numbers never
    wrap); when that is not enough either, the font shrinks from 10 pt to
    7 pt, and past that cell margins narrow and the numbers must wrap: a table
    that big is for reading on screen. A quote, a text column far longer than
    the others, gets its share of the width first, and beside it labels wrap
    down to a sixth of the page (a quotes table printed the code names whole
    and the quotes at 7 pt); texts of like length (the contexts before and
    after a keyword) share that share. A spanning header (``groups``: label,
    first column, count) wants its label on one line over its columns and
    needs at least its longest word: "school Meerwijk College" over one wave
    broke as "Meerwi" / "jk".
    """
    count = len(header)
    wraps = list(wraps) if wraps is not None else [False] * count
    longest_word = [0] * count
    for cells in rows:
        for j, cell in enumerate(cells):
            if wraps[j]:
                words = (text_twips(part) for part in cell.text.split())
                longest_word[j] = max(longest_word[j], max(words, default=0) + cell.indent)
    longest = [0] * count
    for cells in rows:
        for j, cell in enumerate(cells):
            longest[j] = max(longest[j], text_twips(cell.text) + cell.indent + (60 if cell.mark else 0))
    head = [text_twips(cell.text) for cell in header]
    # Header words never break inside: leave them a little more than the estimate.
    word = [max((text_twips(part) * 6 // 5 for part in _words(cell.text)), default=0) for cell in header]
    wanted = [max(longest[j], head[j]) for j in range(count)]
    least = [max(longest_word[j] if wraps[j] else longest[j], word[j], EM * 3 // 2) for j in range(count)]
    for spanner, first, group_count in groups:
        columns = range(first, first + group_count)
        _widen(wanted, columns, text_twips(spanner))
        _widen(least, columns, max((text_twips(part) * 6 // 5 for part in spanner.split()), default=0))
    pad = ox.CELL_PADDING
    text_columns = [j for j in range(1, count) if wraps[j]]
    main = max(text_columns, key=lambda j: wanted[j]) if text_columns else None
    # A quote far longer than the other texts (not the two contexts of keywords in context) comes first,
    # and the labels beside it wrap down to a sixth of the page (code names of a quotes table), else a third.
    long_texts = [j for j in text_columns if main is not None and 2 * wanted[j] > wanted[main]]
    quote = main if len(long_texts) == 1 else None
    share = MAIN_TEXT_SHARE / max(len(long_texts), 1)  # two contexts share what one quote gets
    label_words = max(
        (text_twips(part) + cells[0].indent for cells in rows for part in cells[0].text.split()), default=0
    )
    least[0] = max(word[0], min(wanted[0], available // 3 if quote is None else max(label_words, available // 6)))
    for size in range(20, 13, -1):
        full = [int(w * size / 20) + pad for w in wanted]
        tight = [int(w * size / 20) + pad for w in least]
        if sum(full) <= available:
            widths, spare = full, available - sum(full)
            to_label = int(spare * label_share) if count > 1 else spare
            widths[0] += to_label
            return _spread(widths, spare - to_label), size, ox.CELL_MARGIN
        if sum(tight) <= available:
            widths = list(tight)
            if quote is not None:  # the quote's share comes first, then the labels' room, then the rest
                widths[quote] += max(
                    min(min(full[quote], int(available * MAIN_TEXT_SHARE)) - tight[quote], available - sum(tight)), 0
                )
            widths[0] = min(full[0], available - sum(widths[1:]))
            widths = _fill(widths, full, available - sum(widths))
            if main is None or size == 14 or widths[main] >= min(full[main], int(available * share)):
                return widths, size, ox.CELL_MARGIN
            # The main text (a quote) would be a narrow strip: a smaller font gives it room.
    label = min(int(least[0] * 0.7) + pad, available // 4)
    rest = max((available - label) // max(count - 1, 1), 2 * ox.NARROW_CELL_MARGIN + 40)
    return [label, *([rest] * (count - 1))], 14, ox.NARROW_CELL_MARGIN


def breakable(name: str) -> str:
    """A column name Word may break after its underscores (document names by document: "interview_" / "marieke_r1")."""
    return name.replace("_", "_" + BREAK)


def _whole_where_they_fit(header: list[ox.Cell], widths: list[int], size: int) -> list[ox.Cell]:
    """Header cells without the optional breaks of ``breakable`` wherever the whole name fits its column.

    A name copied out of Word should be the name: "interview_\u200bmarieke_r1"
    matches no document. The breaks stay only where Word would otherwise break
    the name inside a piece; the fit leaves the same margin as header words get
    in ``_layout``.
    """
    return [
        dataclasses.replace(cell, text=cell.text.replace(BREAK, ""))
        if BREAK in cell.text and int(text_twips(cell.text) * 6 // 5 * size / 20) <= width - ox.CELL_PADDING
        else cell
        for cell, width in zip(header, widths, strict=True)
    ]


def _words(text: str) -> list[str]:
    """The parts of a header that never break: its words, and a name's pieces between breaks."""
    return text.replace(BREAK, " ").split()


def _widen(widths: list[int], columns: range, needed: int) -> None:
    """Widen ``columns`` evenly until together they are ``needed`` wide (a spanning header over them)."""
    lacking = needed - sum(widths[j] for j in columns)
    if lacking > 0:
        for j in columns:
            widths[j] += -(-lacking // len(columns))


def _fill(widths: list[int], full: list[int], spare: int) -> list[int]:
    """Give ``spare`` twips to the columns after the first that lack room, in proportion to what they lack."""
    lacking = [max(full[j] - widths[j], 0) if j else 0 for j in range(len(widths))]
    total = sum(lacking)
    if total == 0:
        return _spread(widths, spare)
    share = min(spare, total)
    widths = [w + share * lack // total for w, lack in zip(widths, lacking, strict=True)]
    return _spread(widths, spare - share)


def _text_wraps(
    header: list[ox.Cell], rows: list[list[ox.Cell]], widths: list[int], size: int, wraps: Sequence[bool]
) -> bool:
    """Whether a cell of a text column is too long for its width at this font size."""
    room = [w - ox.CELL_PADDING for w in widths]
    return any(
        wraps[j] and text_twips(cell.text) * size / 20 > room[j] for cells in rows for j, cell in enumerate(cells)
    )


def _spread(widths: list[int], spare: int) -> list[int]:
    """Share ``spare`` twips evenly among the columns after the first."""
    if len(widths) > 1 and spare > 0:
        widths[1:] = [w + spare // (len(widths) - 1) for w in widths[1:]]
    return widths


def text_twips(text: str) -> int:
    """Printed width of ``text`` in 10-pt Times: letters (also under an accent) by their width, others roughly."""
    return int(sum(_char_ems(c) for c in text) * EM) + 20


def _char_ems(char: str) -> float:
    width = _EMS.get(char)
    if width is None:  # only then look under an accent: normalising every letter was most of the time
        width = _EMS.get(_base(char), 0.7 if char.isupper() else 0.46)
    return width


def _base(char: str) -> str:
    """The letter under an accent (ö: o), which has its width."""
    return unicodedata.normalize("NFD", char)[0]


def _add_notes(document: Document, table: Table, language: Language) -> None:
    notes = [note.strip() for note in table.notes if note.strip()]
    if shaded_cells(table):
        notes.append(message("report.shading_matrix" if is_matrix(table) else "report.shading", language))
    if notes:
        paragraph = document.add_paragraph(style=ox.TABLE_NOTE)
        paragraph.add_run(message("report.note", language)).italic = True
        paragraph.add_run(" " + " ".join(note if note[-1] in ".!?" else note + "." for note in notes))
    if table.flagged and table.flag_note:
        paragraph = document.add_paragraph(style=ox.TABLE_NOTE)
        ox.add_superscript(paragraph, MARK)
        paragraph.add_run(" " + table.flag_note)


def _add_chart(document: Document, table: Table, column: int, number: int, language: Language) -> None:
    label = message("report.figure", language)
    ox.add_caption(document, label, label, number)
    document.add_paragraph(chart_title(table, column, language), style=ox.TABLE_TITLE)
    png = bar_chart_png(table, column, language=language)
    width = min(Cm(WIDTH_INCH * 2.54), Emu(ox.text_width(document.sections[-1]) * 635))
    shape = document.add_picture(io.BytesIO(png), width=width)
    section = document.sections[-1]
    room = int((section.page_height or 0) - (section.top_margin or 0) - (section.bottom_margin or 0)) - CAPTION_HEIGHT
    if shape.height > room > 0:  # a long code list: shrink the chart to one page
        shape.width, shape.height = Emu(shape.width * room // shape.height), Emu(room)
    shape._inline.docPr.set("descr", chart_title(table, column, language))  # noqa: SLF001 — alt text
