"""CSV export (and the format dispatch): machine-readable numbers, read back with the csv module."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from lobcoder.analysis.table import Table, TableRow
from lobcoder.errors import FileProblem
from lobcoder.reports.csv_export import csv_value
from lobcoder.reports.export import export_table


def frequency() -> Table:
    return Table(
        "Code frequencies",
        "Code",
        ("Codings", "% of documents", "c"),
        (
            TableRow("Werkdruk", (1234, 0.425, 0.3333333)),
            TableRow('Coördinatie, "samen"', (7, 0.07, None), 1),
        ),
        ("int", "percent", "float2"),
        notes=("A note that CSV leaves out.",),
    )


def flat() -> Table:
    return Table("Codes × wave", "Code", ("wave 1", "wave 2"), (TableRow("Werkdruk", (3, 4)),), ("int", "int"))


def read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.reader(stream))


def test_utf8_with_bom_and_numbers_a_program_reads(tmp_path: Path) -> None:
    path = tmp_path / "frequencies.csv"
    assert export_table([frequency()], path, language="nl") == [path]
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = read(path)
    assert rows[0] == ["Code", "Niveau", "Codings", "% of documents (%)", "c"]  # the level column in Dutch
    assert rows[1] == ["Werkdruk", "0", "1234", "42.5", "0.3333333"]  # dot decimal even in Dutch, no grouping
    assert rows[2] == ['Coördinatie, "samen"', "1", "7", "7.0", ""]
    table = frequency()
    for line, source in zip(rows[1:], table.rows, strict=True):
        assert int(line[2]) == source.values[0]
        assert float(line[3]) / 100 == pytest.approx(source.values[1])
    assert len(rows) == 3  # no title, notes or blank lines


def test_no_level_column_without_sub_codes(tmp_path: Path) -> None:
    path = tmp_path / "crosstab.csv"
    export_table(flat(), path)
    assert read(path) == [["Code", "wave 1", "wave 2"], ["Werkdruk", "3", "4"]]


def test_several_tables_go_to_numbered_files(tmp_path: Path) -> None:
    path = tmp_path / "results.csv"
    written = export_table([frequency(), flat()], path)
    assert written == [tmp_path / "results_1.csv", tmp_path / "results_2.csv"]
    assert not path.exists()
    assert read(written[1])[0] == ["Code", "wave 1", "wave 2"]


def test_csv_values() -> None:
    assert csv_value(0.07, "percent") == "7.0"
    assert csv_value(1, "percent") == "100"
    assert csv_value(12.0, "int") == "12"
    assert csv_value(float("nan"), "float2") == ""
    assert csv_value(None, "int") == ""
    assert csv_value("ja", "text") == "ja"


def test_the_format_follows_the_extension_or_is_given(tmp_path: Path) -> None:
    path = tmp_path / "export.TXT"
    export_table([flat()], path, format="csv")
    assert read(path)[1] == ["Werkdruk", "3", "4"]
    with pytest.raises(FileProblem, match="unknown export format"):
        export_table([flat()], tmp_path / "export.pdf")
    with pytest.raises(ValueError):
        export_table([], tmp_path / "empty.csv")
    with pytest.raises(ValueError):
        export_table([flat()], tmp_path / "x.csv", language="de")


def test_an_unwritable_path_is_a_file_problem(tmp_path: Path) -> None:
    with pytest.raises(FileProblem, match=r"missing.*cannot be written"):
        export_table([flat()], tmp_path / "missing" / "t.csv")
