"""The Frequencies tab: a second split box gives per school a column per wave."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from lobcoder.gui.analysis.install import AnalysisMenu, install_analysis_menu
from lobcoder.gui.analysis.table_model import RawValueRole
from lobcoder.gui.analysis.window import AnalysisWindow
from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.settings import Settings
from tests.cli.test_report_two_splits import build_project


@pytest.fixture
def analysis(qtbot, tmp_path: Path) -> Iterator[AnalysisWindow]:  # type: ignore[no-untyped-def]
    win = MainWindow(Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(win)
    install_analysis_menu(win)
    win.resize(1300, 850)
    win.show()
    assert win.open_project(build_project(tmp_path / "scholen.lobcoder"))
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
