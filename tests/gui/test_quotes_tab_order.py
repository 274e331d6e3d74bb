"""The Quotes tab's "Order by" box: each code's quotes by wave in natural order, on screen and in the Word export."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt

from lobcoder.gui.analysis.install import AnalysisMenu, install_analysis_menu
from lobcoder.gui.analysis.window import AnalysisWindow
from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.settings import Settings
from lobcoder.importing.extracted import Turn
from lobcoder.participants.links import set_participant
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document
from lobcoder.storage.models import Attribute, AttributeScope, AttributeType, AttributeValue
from lobcoder.storage.project import ProjectStore
from tests.analysis.rondes_project import DOCS, build_rondes_project
from tests.cli.running import run


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


# Document order Piet, Anna, Zoe, Bert; by ronde Anna, Zoe, Bert (ronde 1), Piet; then by participant Anna, Bert, Zoe.
TIES = {"d1": ("Piet", "2"), "d2": ("Anna", "1"), "d3": ("Zoe", "1"), "d4": ("Bert", "1")}


def build_ties_project(path: Path) -> Path:
    """Four documents wholly coded 'Resultaat', three of them in ronde 1, each with its own participant."""
    with ProjectStore.create(path) as store, store.transaction() as session:
        code = create_code(session, "Resultaat").id
        ronde = Attribute(name="ronde", type=AttributeType.CATEGORY, scope=AttributeScope.DOCUMENT)
        session.add(ronde)
        for name, (person, wave) in TIES.items():
            text = f"{person} zegt iets over ronde {wave}."
            document = add_document(session, name, text, [Turn("R", 0, 0, len(text))]).id
            set_participant(session, document, person)
            session.add(AttributeValue(attribute=ronde, document_id=document, text_value=wave))
            add_coding(session, document, code, 0, len(text))
    return path


def test_then_by_participant_breaks_the_ties_of_ronde_as_the_command_line_does(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = build_ties_project(tmp_path / "ties.lobcoder")
    window = MainWindow(Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(window)
    install_analysis_menu(window)
    window.show()
    assert window.open_project(path)
    menu = window.findChild(AnalysisMenu)
    menu.open_action.trigger()
    analysis = menu.analysis_window
    tab = analysis.quotes
    analysis.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: analysis.dataset is not None and analysis.is_idle() and tab.result is not None)
    people = lambda: [text.split()[0] for text in shown_texts(analysis)]  # noqa: E731
    assert people() == ["Piet", "Anna", "Zoe", "Bert"]
    assert not tab.then_by.isEnabled()  # document order has no ties to break
    assert [tab.then_by.itemText(i) for i in range(tab.then_by.count())] == ["nothing", "participant", "ronde"]
    with qtbot.waitSignal(tab.computed, timeout=10000):
        tab.order_by.setCurrentIndex(tab.order_by.findData("ronde"))
    assert people() == ["Anna", "Zoe", "Bert", "Piet"] and tab.then_by.isEnabled()
    with qtbot.waitSignal(tab.computed, timeout=10000):
        tab.then_by.setCurrentIndex(tab.then_by.findData("participant"))
    assert people() == ["Anna", "Bert", "Zoe", "Piet"]
    code, out, err = run("report", "quotes", path, "--order-by", "ronde,participant", "--format", "json")
    assert code == 0, err
    assert [row["values"][-1].split()[0] for row in json.loads(out)["rows"]] == people()  # the same order
    target = tmp_path / "quotes.docx"
    with qtbot.waitSignal(tab.exported, timeout=10000):
        tab.export_to(target)
    paragraphs = [p.text for p in docx.Document(str(target)).paragraphs]
    assert any("ordered by ronde and participant" in p for p in paragraphs)
    # Back to document order: the second box is off and orders nothing.
    with qtbot.waitSignal(tab.computed, timeout=10000):
        tab.order_by.setCurrentIndex(tab.order_by.findData(""))
    assert people() == ["Piet", "Anna", "Zoe", "Bert"] and not tab.then_by.isEnabled()
    analysis.close()
    window.close()
