"""The Frequencies tab of a project of case notes (no participants) shows no participant columns."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from lobcoder.gui.analysis.install import AnalysisMenu, install_analysis_menu
from lobcoder.gui.analysis.table_model import RawValueRole
from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.settings import Settings
from tests.cli.test_report_no_participants import _project


def test_case_notes_show_codings_and_documents_only(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    win = MainWindow(Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(win)
    install_analysis_menu(win)
    win.resize(1300, 850)
    win.show()
    assert win.open_project(_project(tmp_path, with_participant=False))
    menu = win.findChild(AnalysisMenu)
    menu.open_action.trigger()
    analysis = menu.analysis_window
    qtbot.waitUntil(lambda: analysis.dataset is not None and analysis.is_idle(), timeout=10000)
    tab = analysis.frequencies
    qtbot.waitUntil(lambda: tab.model.columnCount() > 0, timeout=10000)
    headers = [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.model.columnCount())]
    assert headers == ["Code", "Codings", "Documents", "% of documents"]
    visie = next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data(RawValueRole) == "Visie")
    assert [tab.model.index(visie, c).data() for c in range(1, 4)] == ["1", "1", "50.0%"]
    assert "participant" not in tab.notes.text()
    analysis.grab().save(str(tmp_path / "no_participants.png"))
    win.close()
