"""Result tables as an Excel workbook: one sheet per table, numbers kept as numbers.

Counts, shares and measures are stored as numbers with a number format
(``0``, ``0.0%``, ``0.00``), so that a researcher can go on calculating;
shares are stored as fractions (0.42 shown as 42.0%). Excel shows the
decimal separator of the reader's own settings, so ``language`` only changes
the words around the table.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import IO

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from lobcoder.analysis.table import Format, Table
from lobcoder.i18n import message
from lobcoder.reports.formatting import (
    BLANK_FILL,
    EXCEL_SCALE,
    Language,
    check_language,
    format_value,
    is_matrix,
    is_number,
    shaded_cells,
)
from lobcoder.reports.steps import Steps

NUMBER_FORMATS: dict[Format, str] = {"int": "0", "percent": "0.0%", "float2": "0.00", "text": "@"}
HEADER_ROW = 3  # A1 holds the title, row 2 is left empty
MAX_SHEET_NAME = 31
_NOT_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
FONT = "Calibri"  # Excel's default, named so that bold and italic cells keep it
MAX_HEADER_WIDTH = 16  # characters; longer headers wrap


def render_xlsx(
    tables: Sequence[Table], stream: IO[bytes], language: Language = "en", steps: Steps | None = None
) -> None:
    """Write a workbook with one sheet per table to a binary stream; ``steps`` counts the rows."""
    steps = steps or Steps(0)
    language = check_language(language)
    if not tables:
        raise ValueError("no tables to export")
    workbook = Workbook()
    workbook.remove(workbook.worksheets[0])  # the empty sheet a new workbook starts with
    for table, name in zip(tables, sheet_names([table.title for table in tables], language), strict=True):
        _fill(workbook.create_sheet(name), table, language, steps)
    workbook.save(stream)


def sheet_names(titles: Sequence[str], language: str = "en") -> list[str]:
    """Sheet names Excel accepts: no ``[]:*?/\\``, at most 31 characters, unique regardless of case."""
    names: list[str] = []
    taken: set[str] = set()
    for number, title in enumerate(titles, start=1):
        base = " ".join(_NOT_IN_SHEET_NAME.sub(" ", title).split()).strip("'") or message(
            "table.sheet", language, number=number
        )
        if base.lower() == "history":  # reserved by Excel
            base = f"{base} {number}"
        name, copy = base[:MAX_SHEET_NAME].rstrip(), 1
        while name.lower() in taken:
            copy += 1
            suffix = f" ({copy})"
            name = base[: MAX_SHEET_NAME - len(suffix)].rstrip() + suffix
        taken.add(name.lower())
        names.append(name)
    return names


def _fill(sheet: Worksheet, table: Table, language: Language, steps: Steps) -> None:
    matrix = is_matrix(table)
    sheet["A1"] = table.title
    sheet["A1"].font = Font(name=FONT, bold=True, size=12)
    rule = Border(bottom=Side(style="thin", color="000000"))
    names = [table.short_column(j) + (f"\n{table.n_of(j)}" if table.n_of(j) else "") for j in range(len(table.columns))]
    headers = (table.row_header, *(table.columns if matrix else names))
    for group in table.groups:  # a spanning header in the row above, centred over its columns
        first, last = group.first + 2, group.first + group.count + 1
        cell = sheet.cell(HEADER_ROW - 1, first, group.label)
        cell.font = Font(name=FONT, bold=True)
        cell.alignment = Alignment(horizontal="center")
        for column in range(first, last + 1):
            sheet.cell(HEADER_ROW - 1, column).border = rule
        if last > first:
            sheet.merge_cells(start_row=HEADER_ROW - 1, start_column=first, end_row=HEADER_ROW - 1, end_column=last)
    for column, name in enumerate(headers, start=1):
        cell = sheet.cell(HEADER_ROW, column, name)
        cell.font = Font(name=FONT, bold=True)
        cell.border = rule
        numeric = column > 1 and table.formats[column - 2] != "text"
        cell.alignment = Alignment(
            horizontal="right" if numeric and not matrix else "left" if not numeric else "center",
            vertical="bottom",
            wrap_text=True,
            text_rotation=90 if matrix and column > 1 else 0,
        )
    flagged_font = Font(name=FONT, bold=True)
    for i, row in enumerate(table.rows):
        r = HEADER_ROW + 1 + i
        label = sheet.cell(r, 1, row.label)
        if row.level:
            label.alignment = Alignment(horizontal="left", indent=row.level)
        for j, (value, fmt) in enumerate(zip(row.values, table.formats, strict=True)):
            if (i, j) in table.blank:
                sheet.cell(r, j + 2).fill = PatternFill("solid", start_color=BLANK_FILL, end_color=BLANK_FILL)
            if value is None or (isinstance(value, float) and math.isnan(value)):
                continue
            cell = sheet.cell(r, j + 2, value if is_number(value) or fmt == "text" else str(value))
            if is_number(value):
                cell.number_format = NUMBER_FORMATS[fmt]
            if (i, j) in table.flagged:
                cell.font = flagged_font
        steps.step()
    _notes(sheet, table, language, HEADER_ROW + len(table.rows) + 2)
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 2).coordinate
    _fit_columns(sheet, table, language, matrix)
    _colour_scale(sheet, table)


def _notes(sheet: Worksheet, table: Table, language: Language, first_row: int) -> None:
    """General notes (the first after an italic "Note."), then the note on the cells in bold."""
    notes: list[str | CellRichText] = [note for note in table.notes if note.strip()]
    if notes:
        notes[0] = CellRichText(
            TextBlock(InlineFont(rFont=FONT, i=True), message("report.note", language)), f" {notes[0]}"
        )
    if table.flagged and table.flag_note:
        notes.append(f"{message('report.bold', language)} {table.flag_note}")
    for offset, note in enumerate(notes):
        sheet.cell(first_row + offset, 1, note)


def _fit_columns(sheet: Worksheet, table: Table, language: Language, matrix: bool) -> None:
    """Widths in characters: the longest label (with its indent) and the longest value or header."""
    labels = [len(row.label) + 2 * row.level for row in table.rows] + [len(table.row_header)]
    sheet.column_dimensions["A"].width = min(max(labels, default=10) + 2, 60)
    tallest = 1
    for j, (name, fmt) in enumerate(zip(table.columns, table.formats, strict=True)):
        values = [len(format_value(row.values[j], fmt, language)) for row in table.rows]
        longest_value = max(values, default=1)
        if matrix:
            width = max(longest_value, 3) + 2
            tallest = max(tallest, len(name))
        else:
            name = table.short_column(j)
            width = max(longest_value, min(len(name), MAX_HEADER_WIDTH)) + 2
            tallest = max(tallest, math.ceil(len(name) / (width - 1)) + (1 if table.n_of(j) else 0))
        sheet.column_dimensions[get_column_letter(j + 2)].width = width
    # Excel does not grow a row for wrapped or turned text by itself.
    sheet.row_dimensions[HEADER_ROW].height = min(6.5 * tallest + 10, 300) if matrix else 15 * tallest


def _colour_scale(sheet: Worksheet, table: Table) -> None:
    """A white → blue colour scale over the shaded cells (a matrix without its diagonal)."""
    cells = shaded_cells(table)
    if not cells:
        return
    ranges: list[str] = []
    for i in range(len(table.rows)):
        columns = sorted(j for (row, j) in cells if row == i)
        if not columns:
            continue
        start = previous = columns[0]
        for j in [*columns[1:], None]:
            if j is not None and j == previous + 1:
                previous = j
                continue
            r = HEADER_ROW + 1 + i
            ranges.append(f"{get_column_letter(start + 2)}{r}:{get_column_letter(previous + 2)}{r}")
            if j is not None:
                start = previous = j
    rule = ColorScaleRule(
        start_type="min",
        start_color=EXCEL_SCALE[0],
        mid_type="percent",
        mid_value=50,
        mid_color=EXCEL_SCALE[1],
        end_type="max",
        end_color=EXCEL_SCALE[2],
    )
    sheet.conditional_formatting.add(" ".join(ranges), rule)
