"""The Quotes tab's "Order by" box: each code's quotes by wave in natural order, on screen and in the Word export."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt

from lobcoder.gui.analysis.install import AnalysisMenu, install_analysis_menu
from lobcoder.gui.analysis.window import AnalysisWindow
from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.settings import Settings
from tests.analysis.rondes_project import DOCS, build_rondes_project


@pytest.fixture
def analysis(qtbot, tmp_path: Path) -> Iterator[AnalysisWindow]:  # type: ignore[no-untyped-def]
    path = build_rondes_project(tmp_path / "rondes.lobcoder")
    settings = Settings(str(tmp_path / "settings.ini"))
    settings.language = "en"
    window = MainWindow(settings)
    qtbot.addWidget(window)
    install_analysis_menu(window)
    window.show()
    assert window.open_project(path)
    menu = window.findChild(AnalysisMenu)
    assert menu is not None
    menu.open_action.trigger()
    shown = menu.analysis_window
    assert shown is not None
    shown.tabs.setCurrentWidget(shown.quotes)
    qtbot.waitUntil(lambda: shown.dataset is not None and shown.is_idle() and shown.quotes.result is not None)
    yield shown
    shown.close()
    window.close()


def shown_texts(analysis: AnalysisWindow) -> list[str]:
    model = analysis.quotes.model
    text = model.columnCount() - 1
    return [model.index(row, text).data(Qt.ItemDataRole.DisplayRole) for row in range(model.rowCount())]


def test_ordering_by_ronde_reorders_the_tab_and_its_word_export(qtbot, tmp_path: Path, analysis) -> None:  # type: ignore[no-untyped-def]
    tab = analysis.quotes
    texts = {person: text for person, _wave, text in DOCS.values()}
    assert tab.order_by.currentText() == "document order"
    assert shown_texts(analysis) == [texts[p] for p in ("Anna", "Bram", "Cas", "Dirk")]
    assert [tab.order_by.itemText(i) for i in range(tab.order_by.count())] == ["document order", "participant", "ronde"]
    with qtbot.waitSignal(tab.computed, timeout=10000):
        tab.order_by.setCurrentIndex(tab.order_by.findData("ronde"))
    waves = [texts[p] for p in ("Dirk", "Bram", "Anna", "Cas")]  # 1, 2, 10, then the one without a wave
    assert shown_texts(analysis) == waves
    target = tmp_path / "quotes.docx"
    with qtbot.waitSignal(tab.exported, timeout=10000):
        tab.export_to(target)
    paragraphs = [p.text for p in docx.Document(str(target)).paragraphs]
    quoted = [next(i for i, p in enumerate(paragraphs) if text in p) for text in waves]
    assert quoted == sorted(quoted)  # the same order in Word
    assert any("ordered by ronde" in p for p in paragraphs)  # and its notes say so
