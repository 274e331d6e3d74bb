"""The Frequencies tab of a project of case notes (no participants) shows no participant columns or measures."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel

from lobcoder.gui.analysis.frequencies_tab import BY_DOCUMENT, FrequenciesTab
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


def _measures(tab: FrequenciesTab) -> dict[str, tuple[bool, str]]:
    """Each entry of the "showing" box: whether it can be chosen, and its tooltip."""
    model = tab.split_measure.model()
    assert isinstance(model, QStandardItemModel)
    return {
        tab.split_measure.itemText(row): (model.item(row).isEnabled(), model.item(row).toolTip())
        for row in range(tab.split_measure.count())
    }


@pytest.mark.parametrize("with_participant", [False, True], ids=["case notes", "one note of a participant"])
def test_the_showing_box_offers_participant_measures_only_with_participants(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, with_participant: bool
) -> None:
    win = MainWindow(Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(win)
    install_analysis_menu(win)
    win.show()
    assert win.open_project(_project(tmp_path, with_participant=with_participant))
    menu = win.findChild(AnalysisMenu)
    menu.open_action.trigger()
    analysis = menu.analysis_window
    qtbot.waitUntil(lambda: analysis.dataset is not None and analysis.is_idle(), timeout=10000)
    tab = analysis.frequencies
    tab.split_by.setCurrentIndex(tab.split_by.findData(BY_DOCUMENT))
    assert tab.split_measure.isEnabled()
    why = "No document is linked to a participant, so there is nothing to count per participant."
    shown = _measures(tab)
    for measure in ("participants", "% of participants"):
        assert shown[measure] == ((True, "") if with_participant else (False, why))
    for measure in ("% of documents", "codings", "documents"):
        assert shown[measure] == (True, "")
    assert tab.split_measure.toolTip() == ("" if with_participant else why)
    assert tab.split_measure.currentData() == "codings"
    win.close()
