"""Excel export: values stored as numbers with their formats, one sheet per table, read back with openpyxl."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from lobcoder.analysis.table import Table, TableRow
from lobcoder.errors import FileProblem
from lobcoder.reports.export import export_table
from lobcoder.reports.xlsx_export import HEADER_ROW, sheet_names


def frequency(title: str = "Code frequencies") -> Table:
    return Table(
        title,
        "Code",
        ("Codings", "% of documents", "Mean c"),
        (
            TableRow("Werkdruk", (12, 0.425, 0.3333)),
            TableRow("Tijdgebrek", (7, 0.25, None), 1),
            TableRow("Coördinatie", (3, 0.1, 0.05), 2),
        ),
        ("int", "percent", "float2"),
        notes=("N = 30 documents.", "Codes include their sub-codes."),
    )


def matrix(size: int = 4) -> Table:
    names = tuple(f"Code {i + 1}" for i in range(size))
    rows = tuple(TableRow(n, tuple(50 if i == j else i + j for j in range(size))) for i, n in enumerate(names))
    return Table(
        "Code co-occurrence (turn)",
        "Code",
        names,
        rows,
        ("int",) * size,
        shaded=True,
        flagged=frozenset({(0, 1)}),
        flag_note="Marked: low c-coefficient.",
    )


@pytest.fixture
def workbook(tmp_path: Path) -> openpyxl.Workbook:
    path = tmp_path / "tables.xlsx"
    assert export_table([frequency(), matrix()], path) == [path]
    return openpyxl.load_workbook(path)


def test_one_sheet_per_table_with_the_title_in_a1(workbook: openpyxl.Workbook) -> None:
    assert workbook.sheetnames == ["Code frequencies", "Code co-occurrence (turn)"]
    sheet = workbook["Code frequencies"]
    assert sheet["A1"].value == "Code frequencies" and sheet["A1"].font.b


def test_values_are_numbers_with_number_formats(workbook: openpyxl.Workbook) -> None:
    sheet, table = workbook["Code frequencies"], frequency()
    assert [c.value for c in sheet[HEADER_ROW]] == ["Code", *table.columns]
    for i, row in enumerate(table.rows):
        cells = sheet[HEADER_ROW + 1 + i]
        assert cells[0].value == row.label
        for cell, value, fmt in zip(cells[1:], row.values, table.formats, strict=True):
            if value is None:
                assert cell.value is None
                continue
            assert cell.value == value and isinstance(cell.value, int | float)
            assert cell.number_format == {"int": "0", "percent": "0.0%", "float2": "0.00"}[fmt]
    assert sheet.cell(HEADER_ROW + 1, 3).value == 0.425  # a share stays a fraction


def test_header_bold_with_a_rule_and_frozen_above_the_data(workbook: openpyxl.Workbook) -> None:
    sheet = workbook["Code frequencies"]
    for cell in sheet[HEADER_ROW]:
        assert cell.font.b and cell.border.bottom.style == "thin"
    assert sheet.freeze_panes == f"B{HEADER_ROW + 1}"


def test_labels_indented_by_level_and_columns_fitted(workbook: openpyxl.Workbook) -> None:
    sheet = workbook["Code frequencies"]
    indents = [sheet.cell(HEADER_ROW + 1 + i, 1).alignment.indent for i in range(3)]
    assert indents == [0, 1, 2]
    assert sheet.column_dimensions["A"].width >= len("Coördinatie") + 2
    assert sheet.column_dimensions["C"].width >= len("% of documents")


def test_notes_below_the_table(workbook: openpyxl.Workbook) -> None:
    sheet = workbook["Code frequencies"]
    first = HEADER_ROW + 3 + 2
    assert str(sheet.cell(first, 1).value) == "Note. N = 30 documents."
    assert sheet.cell(first + 1, 1).value == "Codes include their sub-codes."
    flagged = workbook["Code co-occurrence (turn)"]
    assert flagged.cell(HEADER_ROW + 1, 3).font.b  # the flagged cell (0, 1)
    assert not flagged.cell(HEADER_ROW + 1, 4).font.b
    assert flagged.cell(HEADER_ROW + 4 + 2, 1).value == "In bold: Marked: low c-coefficient."


def test_shaded_tables_get_a_colour_scale_without_the_diagonal(workbook: openpyxl.Workbook) -> None:
    assert not workbook["Code frequencies"].conditional_formatting
    formatting = list(workbook["Code co-occurrence (turn)"].conditional_formatting)
    assert len(formatting) == 1
    rule = formatting[0].rules[0]
    assert rule.type == "colorScale" and rule.colorScale.color[0].rgb.endswith("FFFFFF")
    covered = {cell for cells in formatting[0].sqref.ranges for cell in _cells(str(cells))}
    diagonal = {f"{'BCDE'[i]}{HEADER_ROW + 1 + i}" for i in range(4)}
    assert len(covered) == 12 and not covered & diagonal


def _cells(reference: str) -> list[str]:
    from openpyxl.utils.cell import range_boundaries

    low_col, low_row, high_col, high_row = range_boundaries(reference)
    return [
        f"{openpyxl.utils.get_column_letter(c)}{r}"
        for r in range(low_row, high_row + 1)
        for c in range(low_col, high_col + 1)
    ]


def test_sheet_names_are_valid_and_unique() -> None:
    long = "Participants × wave: Werkdruk, Tijdgebrek and Administratie"
    names = sheet_names([long, long, "a/b: c?", "History", "", "'quoted'"])
    assert all(len(name) <= 31 for name in names)
    assert len({name.lower() for name in names}) == len(names)
    assert names[0] == "Participants × wave Werkdruk, T" and names[1] == "Participants × wave Werkdru (2)"
    assert names[2] == "a b c" and names[3] != "History" and names[4] == "Table 5" and names[5] == "quoted"


def test_many_tables_with_one_title_open_as_one_workbook(tmp_path: Path) -> None:
    path = tmp_path / "same.xlsx"
    export_table([frequency("Same title")] * 3, path, language="nl")
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["Same title", "Same title (2)", "Same title (3)"]
    note = openpyxl.load_workbook(path, rich_text=True)["Same title"].cell(HEADER_ROW + 5, 1).value
    assert str(note).startswith("Noot. ") and note[0].font.i and note[0].text == "Noot."


def test_an_unwritable_path_is_a_file_problem(tmp_path: Path) -> None:
    with pytest.raises(FileProblem, match="cannot be written"):
        export_table([frequency()], tmp_path / "missing" / "t.xlsx")
