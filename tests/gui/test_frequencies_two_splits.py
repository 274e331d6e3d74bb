"""The Frequencies tab: a second split box gives per school a column per wave."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from lobcoder.gui.analysis.grouped_header import GroupedHeader
from lobcoder.gui.analysis.install import AnalysisMenu
from lobcoder.gui.analysis.table_model import RawValueRole, ShortTitleRole
from lobcoder.gui.analysis.window import AnalysisWindow
from tests.cli.test_report_two_splits import build_project
from tests.gui.analysis_host import open_window


@pytest.fixture
def analysis(qtbot, tmp_path: Path) -> Iterator[AnalysisWindow]:  # type: ignore[no-untyped-def]
    win = open_window(qtbot, tmp_path, build_project(tmp_path / "scholen.lobcoder"))
    menu = win.findChild(AnalysisMenu)
    menu.open_action.trigger()
    shown = menu.analysis_window
    qtbot.waitUntil(lambda: shown.dataset is not None and shown.is_idle(), timeout=10000)
    yield shown
    win.close()


def test_school_then_wave_columns(qtbot, tmp_path: Path, analysis: AnalysisWindow) -> None:  # type: ignore[no-untyped-def]
    tab = analysis.frequencies
    assert not tab.then_by.isEnabled()  # nothing to split again before a first split
    tab.split_by.setCurrentIndex(tab.split_by.findData("school"))
    qtbot.waitUntil(analysis.is_idle, timeout=10000)
    assert tab.then_by.isEnabled()
    tab.then_by.setCurrentIndex(tab.then_by.findData("ronde"))
    qtbot.waitUntil(lambda: analysis.is_idle() and tab.model.columnCount() == 9, timeout=10000)
    headers = [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(6, 9)]
    assert headers == ["school Oost ronde 1\nn = 1", "school Oost ronde 2\nn = 1", "school West ronde 1\nn = 2"]
    visie = next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data(RawValueRole) == "Visie")
    assert [tab.model.index(visie, c).data() for c in range(6, 9)] == ["100.0%", "0.0%", "50.0%"]
    analysis.grab().save(str(tmp_path / "two_splits.png"))
    # Back to a split per document: the second box has nothing to split.
    tab.split_by.setCurrentIndex(tab.split_by.findData("\0document"))
    qtbot.waitUntil(lambda: analysis.is_idle() and tab.model.columnCount() == 10, timeout=10000)
    assert not tab.then_by.isEnabled()


def _line(image: QImage, x: int, rows: range) -> int:
    """How dark a vertical line at ``x`` (or a pixel beside it) is over all of ``rows``: 0 where there is none."""
    return max(min(255 - QColor(image.pixel(x + dx, y)).value() for y in rows) for dx in (-1, 0, 1))


def test_two_header_rows_school_over_its_waves(qtbot, tmp_path: Path, analysis: AnalysisWindow) -> None:  # type: ignore[no-untyped-def]
    tab = analysis.frequencies
    tab.split_by.setCurrentIndex(tab.split_by.findData("school"))
    qtbot.waitUntil(analysis.is_idle, timeout=10000)
    tab.then_by.setCurrentIndex(tab.then_by.findData("ronde"))
    qtbot.waitUntil(lambda: analysis.is_idle() and tab.model.columnCount() == 9, timeout=10000)
    header = tab.table.horizontalHeader()
    assert isinstance(header, GroupedHeader)
    # What the header shows: "school Oost" over "ronde 1" and "ronde 2", "school West" over "ronde 1".
    assert [header.group(c) for c in (5, 6, 7, 8)] == [
        None,
        ("school Oost", 6, 2),
        ("school Oost", 6, 2),
        ("school West", 8, 1),
    ]
    assert [tab.model.headerData(c, Qt.Orientation.Horizontal, ShortTitleRole) for c in (6, 7, 8)] == [
        "ronde 1\nn = 1",
        "ronde 2\nn = 1",
        "ronde 1\nn = 2",
    ]
    # Wide enough for its own title and, together, for the school's; tall enough for three lines.
    metrics = header.fontMetrics()
    assert all(header.sectionSize(c) >= metrics.horizontalAdvance("ronde 1") for c in (6, 7, 8))
    assert header.sectionSize(6) + header.sectionSize(7) >= metrics.horizontalAdvance("school Oost")
    assert header.height() >= 3 * metrics.height()
    # Painted as one header over both waves of Oost: no line between them in the top row, one below it.
    tab.table.scrollTo(tab.model.index(0, 8))
    qtbot.wait(50)
    image = header.grab().toImage()
    row = header.height() // 3  # the schools' row is about a third of the header
    top, bottom = range(2, row - 4), range(row + 4, header.height() - 4)
    between_waves, between_schools = header.sectionViewportPosition(7), header.sectionViewportPosition(8)
    assert 0 < between_waves < between_schools < image.width() - 1
    assert _line(image, between_waves, top) < 30 < _line(image, between_waves, bottom)
    assert _line(image, between_schools, top) > 30
    # One split: the attribute over its values.
    tab.then_by.setCurrentIndex(tab.then_by.findData(""))
    qtbot.waitUntil(lambda: analysis.is_idle() and tab.model.columnCount() == 8, timeout=10000)
    assert header.group(6) == ("school", 6, 2)
    assert tab.model.headerData(7, Qt.Orientation.Horizontal, ShortTitleRole) == "West\nn = 2"


def test_the_header_measures_its_rows_again_in_a_new_font(qtbot, analysis: AnalysisWindow) -> None:  # type: ignore[no-untyped-def]
    tab = analysis.frequencies
    tab.split_by.setCurrentIndex(tab.split_by.findData("school"))
    qtbot.waitUntil(analysis.is_idle, timeout=10000)
    tab.then_by.setCurrentIndex(tab.then_by.findData("ronde"))
    qtbot.waitUntil(lambda: analysis.is_idle() and tab.model.columnCount() == 9, timeout=10000)
    header = tab.table.horizontalHeader()
    assert isinstance(header, GroupedHeader)
    small = header.sectionSizeFromContents(6)  # the schools' row is measured (and kept) in the first font
    big = header.font()
    big.setPointSizeF(big.pointSizeF() * 2)
    header.setFont(big)
    fresh = GroupedHeader()  # a header that never saw the first font
    fresh.setModel(tab.model)
    fresh.setFont(big)
    assert header.sectionSizeFromContents(6) == fresh.sectionSizeFromContents(6)
    assert header.sectionSizeFromContents(6).height() > small.height() * 3 // 2
