"""What a reader expects of a table in every export: grey blank cells, spanning headers with n per column."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
from docx.oxml.ns import qn

from lobcoder.analysis.table import ColumnGroup, Table, TableRow
from lobcoder.reports.export import export_table
from lobcoder.reports.formatting import BLANK_FILL


def matrix() -> Table:
    rows = (TableRow("Loopbaan", (3, None, 2)), TableRow("Stage", (None, 2, 1), 1), TableRow("Visie", (2, 1, 4)))
    return Table(
        "Code co-occurrence",
        "Code",
        ("Loopbaan", "Stage", "Visie"),
        rows,
        ("int",) * 3,
        shaded=True,
        blank=frozenset({(0, 1), (1, 0)}),
    )


def test_blank_cells_are_grey_in_word_and_excel(tmp_path: Path) -> None:
    document = docx.Document(str(export_table(matrix(), tmp_path / "m.docx")[0]))
    rows = document.tables[0].rows

    def fill(r: int, c: int) -> str | None:
        shading = rows[r].cells[c]._tc.tcPr.find(qn("w:shd"))
        return None if shading is None else shading.get(qn("w:fill"))

    assert fill(1, 2) == BLANK_FILL and fill(2, 1) == BLANK_FILL  # header row first, label column first
    assert rows[1].cells[2].text == ""
    assert fill(3, 2) != BLANK_FILL
    sheet = openpyxl.load_workbook(export_table(matrix(), tmp_path / "m.xlsx")[0]).active
    assert sheet.cell(4, 3).fill.start_color.rgb.endswith(BLANK_FILL) and sheet.cell(4, 3).value is None
    assert not sheet.cell(4, 4).fill.start_color.rgb.endswith(BLANK_FILL)


def by_wave() -> Table:
    rows = (TableRow("Werkdruk", (5, 0.5, 0.25)), TableRow("Twijfel", (2, 0.0, 0.5)))
    return Table(
        "Code frequencies",
        "Code",
        ("Documents", "ronde 1", "ronde 2"),
        rows,
        ("int", "percent", "percent"),
        groups=(ColumnGroup("ronde", 1, 2),),
        column_n=("", "n = 2", "n = 4"),
    )


def test_split_columns_get_a_spanning_header_and_their_n(tmp_path: Path) -> None:
    table = by_wave()
    assert [table.column_title(j) for j in range(3)] == ["Documents", "ronde 1", "ronde 2"]
    assert [table.short_column(j) for j in range(3)] == ["Documents", "1", "2"]
    document = docx.Document(str(export_table(table, tmp_path / "f.docx", language="nl")[0]))
    grid = document.tables[0]
    spanner = grid.rows[0]._tr.tc_lst
    assert [tc.grid_span for tc in spanner] == [1, 1, 2]  # Code, Documents, then "ronde" over both waves
    assert grid.rows[0].cells[2].text == "ronde" and grid.rows[0].cells[1].text == ""
    assert [c.text for c in grid.rows[1].cells] == ["Code", "Documents", "1\nn = 2", "2\nn = 4"]
    assert [c.text for c in grid.rows[2].cells] == ["Werkdruk", "5", "50,0%", "25,0%"]
    written = export_table(table, tmp_path / "f.csv")[0].read_text(encoding="utf-8-sig")
    assert written.splitlines()[0] == "Code,Documents,ronde 1 (%),ronde 2 (%)"
