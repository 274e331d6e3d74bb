"""The Quotes tab with team coding: a passage two coders coded alike is one row naming both coders."""

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
from lobcoder.participants.links import set_participant
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document
from lobcoder.storage.project import ProjectStore

TEXT = "Marieke: Maar ja, het waren twee dagen, we kregen een map mee.\nMarieke: Daarna niks meer eigenlijk."
SHARED = "Maar ja, het waren twee dagen, we kregen een map mee."
CODINGS = [(SHARED, "Fenna"), (SHARED, "Sander"), ("Daarna niks meer eigenlijk.", "Sander")]


@pytest.fixture
def window(qtbot, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[MainWindow]:
    path = tmp_path / "team.lobcoder"
    with ProjectStore.create(path) as store, store.transaction() as session:
        document = add_document(session, "Marieke_w1", TEXT, []).id
        set_participant(session, document, "Marieke")
        formeel = create_code(session, "Formele kennisoverdracht").id
        for words, coder in CODINGS:
            start = TEXT.index(words)
            add_coding(session, document, formeel, start, start + len(words), coder=coder)
    settings = Settings(str(tmp_path / "settings.ini"))
    settings.language = request.param
    win = MainWindow(settings)
    qtbot.addWidget(win)
    install_analysis_menu(win)
    win.show()
    assert win.open_project(path)
    yield win
    win.close()


def _analysis(qtbot, window: MainWindow) -> AnalysisWindow:  # type: ignore[no-untyped-def]
    menu = window.findChild(AnalysisMenu)
    assert menu is not None
    menu.open_action.trigger()
    shown = menu.analysis_window
    assert shown is not None
    shown.tabs.setCurrentWidget(shown.quotes)
    qtbot.waitUntil(
        lambda: shown.dataset is not None and shown.is_idle() and shown.quotes.result is not None, timeout=10000
    )
    return shown


@pytest.mark.parametrize(
    ("window", "header", "coded_by"),
    [("en", "Coder", "coded by Fenna and Sander"), ("nl", "Codeur", "gecodeerd door Fenna en Sander")],
    indirect=["window"],
)
def test_one_passage_two_coders_is_one_row(qtbot, window: MainWindow, header: str, coded_by: str) -> None:  # type: ignore[no-untyped-def]
    tab = _analysis(qtbot, window).quotes
    model = tab.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    coder, text = headers.index(header), model.columnCount() - 1
    rows = [(model.index(r, coder).data(), model.index(r, text).data()) for r in range(model.rowCount())]
    assert rows == [("Fenna, Sander", SHARED), ("Sander", "Daarna niks meer eigenlijk.")]
    assert tab.summary.text().startswith("2 ")  # two quotes, not three codings
    tab.table.selectRow(0)
    assert tab.full_text.toPlainText().endswith(f"(Marieke) — {coded_by}")


@pytest.mark.parametrize("window", ["en"], indirect=True)
def test_quotes_export_follows_a_changed_interface_language(qtbot, tmp_path: Path, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tab = _analysis(qtbot, window).quotes
    window.settings.language = "nl"  # the analysis window is kept; its quotes are computed again in Dutch
    with qtbot.waitSignal(tab.computed, timeout=10000):
        tab.recompute()
    target = tmp_path / "citaten.docx"
    with qtbot.waitSignal(tab.exported, timeout=10000):
        tab.export_to(target)
    document = docx.Document(str(target))
    text = "\n".join(p.text for p in document.paragraphs)
    assert document.core_properties.title == "Citaten"
    assert "gecodeerd door Fenna en Sander" in text and "Formele kennisoverdracht" in text
    for english in ("Quotes", "coded by", " and "):  # title, attribution, notes: none left in English
        assert english not in text and english != document.core_properties.title
