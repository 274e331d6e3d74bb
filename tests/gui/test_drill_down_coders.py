"""The co-occurrence drill-down lists a passage two coders coded alike once, naming them, and says what the cell counts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from lobcoder.analysis.dataset import CodingRow
from lobcoder.analysis.drill_down import Passage
from lobcoder.gui.analysis.cooccurrence_tab import PassageModel
from lobcoder.gui.analysis.install import AnalysisMenu
from lobcoder.gui.analysis.window import AnalysisWindow
from lobcoder.gui.main_window import MainWindow
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document
from lobcoder.storage.project import ProjectStore
from tests.gui.analysis_host import open_window

TEXT = "I: Hoe was de training?\nMarieke: Maar ja, het waren twee dagen, we kregen een map mee.\n"
SHARED_A = "Maar ja, het waren twee dagen"
SHARED_B = "twee dagen, we kregen een map mee."


def _span(words: str) -> tuple[int, int]:
    return TEXT.index(words), TEXT.index(words) + len(words)


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    path = tmp_path / "team.lobcoder"
    with ProjectStore.create(path) as store, store.transaction() as session:
        document = add_document(session, "Marieke_w1", TEXT).id
        a, b = create_code(session, "Formeel").id, create_code(session, "Map").id
        for coder in ("Sander", "Fenna"):  # both code both spans alike: 2 × 2 overlapping pairs
            add_coding(session, document, a, *_span(SHARED_A), coder=coder)
            add_coding(session, document, b, *_span(SHARED_B), coder=coder)
    win = open_window(qtbot, tmp_path, path)
    yield win
    win.close()


@pytest.fixture
def analysis(qtbot, window: MainWindow) -> AnalysisWindow:
    menu = window.findChild(AnalysisMenu)
    assert menu is not None
    shown = menu.show_analysis()
    shown.tabs.setCurrentWidget(shown.cooccurrence)
    qtbot.waitUntil(lambda: shown.dataset is not None and shown.is_idle(), timeout=10000)
    return shown


def _code(window: MainWindow, name: str) -> int:
    return next(c.id for c in window.codes_by_id.values() if c.name == name)


@pytest.mark.parametrize("unit", ["overlap", "sentence", "document"])
def test_a_passage_two_coders_coded_alike_is_listed_once_naming_both(
    qtbot, window: MainWindow, analysis: AnalysisWindow, unit: str
) -> None:
    tab = analysis.cooccurrence
    tab.set_unit(unit)
    qtbot.waitUntil(lambda: analysis.is_idle() and tab.result is not None and tab.result.unit == unit, timeout=10000)
    with qtbot.waitSignal(tab.passagesShown, timeout=5000):
        assert tab.select_cell(_code(window, "Formeel"), _code(window, "Map"))
    model = tab.passage_model
    assert model.rowCount() == 1
    assert model.headerData(PassageModel.CODERS, Qt.Orientation.Horizontal) == "Coders"
    assert model.index(0, PassageModel.CODERS).data() == "Fenna, Sander"
    assert not tab.passage_list.isColumnHidden(PassageModel.CODERS)
    tooltip = model.index(0, PassageModel.CODERS).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "‘Formeel’: Fenna, Sander\n‘Map’: Fenna, Sander"
    if unit == "document":  # each span both coded is joined in once
        assert model.index(0, PassageModel.TEXT).data() == f"{SHARED_A} […] {SHARED_B}"
    title = tab.drill_title.text()
    if unit == "overlap":  # the matrix counts the four pairs of codings; the title says so
        assert "1 passage" in title and "the cell counts 4 pairs of overlapping codings" in title
    else:
        assert "1 passage" in title and "the cell counts" not in title


def test_coders_of_the_two_codes_are_told_apart_when_they_differ(qtbot) -> None:  # type: ignore[no-untyped-def]
    a = [CodingRow(1, 1, 1, coder, 0, 29) for coder in ("Sander", "Fenna")]
    b = (CodingRow(3, 1, 2, "Sander", 22, 40),)
    model = PassageModel()
    model.set_passages([Passage(1, "Marieke_w1", 0, 40, TEXT[:40], tuple(a), b, 2)], ("Formeel", "Map"))
    assert model.index(0, PassageModel.CODERS).data() == "Fenna, Sander / Sander"
    tooltip = model.index(0, PassageModel.CODERS).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "‘Formeel’: Fenna, Sander\n‘Map’: Sander"
