"""Bar charts: a deterministic PNG of one column, sized by the number of rows."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from lobcoder.analysis.table import Table, TableRow
from lobcoder.errors import FileProblem
from lobcoder.reports.chart import bar_chart_png, chart_column, chart_title


def frequency(rows: int = 5, keys: tuple[object, ...] = ()) -> Table:
    return Table(
        "Code frequencies",
        "Code",
        ("Codings", "Documents", "% of documents", "Memo"),
        tuple(TableRow(f"Code {k}", (3 * k, k, k / 10, "x"), k % 2) for k in range(rows)),
        ("int", "int", "percent", "text"),
        column_keys=keys,
    )


def chunks(png: bytes) -> list[tuple[bytes, bytes]]:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    out, at = [], 8
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        out.append((png[at + 4 : at + 8], png[at + 8 : at + 8 + length]))
        at += 12 + length
    return out


def size(png: bytes) -> tuple[int, int]:
    header = dict(chunks(png))[b"IHDR"]
    return struct.unpack(">II", header[:8])


def test_a_png_without_timestamps_the_same_every_time(tmp_path: Path) -> None:
    png = bar_chart_png(frequency(), "Documents")
    assert png == bar_chart_png(frequency(), 1)
    kinds = {kind for kind, _ in chunks(png)}
    assert b"tIME" not in kinds
    assert all(b"Software" not in data and b"Date" not in data for kind, data in chunks(png) if kind == b"tEXt")
    path = tmp_path / "chart.png"
    assert bar_chart_png(frequency(), 1, path) == png and path.read_bytes() == png


def test_height_grows_with_the_rows_width_does_not() -> None:
    small, large = size(bar_chart_png(frequency(3), 1)), size(bar_chart_png(frequency(30), 1))
    assert small[0] == large[0] and large[1] > 4 * small[1]


def test_percent_columns_and_dutch_labels_draw() -> None:
    assert bar_chart_png(frequency(), "% of documents", language="nl") != bar_chart_png(frequency(), "% of documents")


def test_text_and_unknown_columns_are_refused() -> None:
    with pytest.raises(ValueError):
        bar_chart_png(frequency(), "Memo")
    with pytest.raises(ValueError):
        bar_chart_png(frequency(), "Nothing")
    with pytest.raises(ValueError):
        bar_chart_png(frequency(), 9)


def test_empty_cells_and_an_empty_table_still_draw() -> None:
    table = Table("t", "Code", ("n",), (TableRow("a", (None,)), TableRow("b", (0,))), ("int",))
    assert chunks(bar_chart_png(table, 0))
    assert chunks(bar_chart_png(Table("t", "Code", ("n",), (), ("int",)), 0))


def test_which_column_a_frequency_chart_shows() -> None:
    assert chart_column(frequency(keys=("codings", "documents", "document_share", "memo"))) == 1
    assert chart_column(frequency(keys=(("wave", 1), ("wave", 2), None, None))) is None  # a crosstab
    assert chart_column(frequency()) == 0  # made by hand: the first count column
    shaded = Table("m", "Code", ("a",), (TableRow("a", (1,)),), ("int",), shaded=True)
    assert chart_column(shaded) is None
    assert chart_title(frequency(), 1) == "Documents per code"


def test_an_unwritable_path_is_a_file_problem(tmp_path: Path) -> None:
    with pytest.raises(FileProblem, match="cannot be written"):
        bar_chart_png(frequency(), 1, tmp_path / "missing" / "chart.png")
