"""A cancelled export stops within a row, writes no file and leaves an earlier file as it was."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from lobcoder.analysis.table import Table, TableRow
from lobcoder.errors import Cancelled
from lobcoder.reports.export import export_table


def big(title: str = "Code frequencies", rows: int = 500) -> Table:
    return Table(
        title,
        "Code",
        ("Codings", "% of documents"),
        tuple(TableRow(f"Code {i}", (i, i / rows)) for i in range(rows)),
        ("int", "percent"),
    )


def cancel_after(rows: int) -> tuple[list[int], Callable[[], bool]]:
    """A cancel check that says yes from its ``rows + 1``-th question on; the list counts the questions."""
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > rows

    return asked, cancelled


@pytest.mark.parametrize("suffix", ["docx", "xlsx", "csv"])
def test_cancel_stops_the_rows_and_leaves_no_file(tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"frequencies.{suffix}"
    asked, cancelled = cancel_after(10)
    with pytest.raises(Cancelled):
        export_table(big(), target, cancelled=cancelled)
    assert len(asked) == 11  # it stopped at the first row after the cancel, not after all 500
    assert list(tmp_path.iterdir()) == []  # neither the file nor its partial copy


def test_a_cancelled_export_leaves_the_earlier_file_as_it_was(tmp_path: Path) -> None:
    target = tmp_path / "frequencies.docx"
    target.write_bytes(b"the earlier export")
    with pytest.raises(Cancelled):
        export_table(big(), target, cancelled=lambda: True)
    assert target.read_bytes() == b"the earlier export"
    assert [p.name for p in tmp_path.iterdir()] == ["frequencies.docx"]


def test_a_cancel_noticed_after_the_last_row_still_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "frequencies.xlsx"
    asked, cancelled = cancel_after(500)  # yes only when asked after the 500 rows: while saving
    with pytest.raises(Cancelled):
        export_table(big(), target, cancelled=cancelled)
    assert len(asked) == 501 and list(tmp_path.iterdir()) == []


def test_a_cancelled_set_of_csv_files_leaves_none_of_them(tmp_path: Path) -> None:
    asked, cancelled = cancel_after(600)  # the first table (500 rows) is written, the second is not
    with pytest.raises(Cancelled):
        export_table([big("A"), big("B")], tmp_path / "tables.csv", cancelled=cancelled)
    assert list(tmp_path.iterdir()) == []


def test_a_cancelled_set_of_csv_files_leaves_an_earlier_set_as_it_was(tmp_path: Path) -> None:
    export_table([big("A", 3), big("B", 3)], tmp_path / "tables.csv")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert len(before) == 2
    _asked, cancelled = cancel_after(600)  # the first table (500 rows) is rendered, the second is not
    with pytest.raises(Cancelled):
        export_table([big("A"), big("B")], tmp_path / "tables.csv", cancelled=cancelled)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_progress_counts_the_rows_to_the_end(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    export_table([big("A"), big("B", 300)], tmp_path / "t.docx", progress=lambda d, t, _l: seen.append((d, t)))
    assert seen[-1] == (800, 800)
    assert 10 <= len(seen) <= 110  # now and then, not once per row
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
