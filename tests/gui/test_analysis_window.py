"""The analysis window on a real project: what its tabs show, drill-down, refresh after coding, export."""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import docx
import openpyxl
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QStyle

from lobcoder.analysis.cooccurrence import cooccurrence
from lobcoder.analysis.crosstab import crosstab, participant_by_wave
from lobcoder.analysis.dataset import Dataset, load_dataset
from lobcoder.analysis.drill_down import passages
from lobcoder.analysis.filters import AnalysisFilter
from lobcoder.analysis.frequencies import frequencies
from lobcoder.analysis.table import Table, TableRow
from lobcoder.gui.analysis import cooccurrence_tab
from lobcoder.gui.analysis import window as analysis_window
from lobcoder.gui.analysis.cooccurrence_tab import PassageModel, PassageRole
from lobcoder.gui.analysis.crosstab_tab import PARTICIPANTS_BY_WAVE
from lobcoder.gui.analysis.install import AnalysisMenu, install_analysis_menu
from lobcoder.gui.analysis.table_model import (
    DIAGONAL_COLOR,
    AnalysisTableModel,
    ColumnKeyRole,
    DiagonalRole,
    FlaggedRole,
    RawValueRole,
    RowKeyRole,
    ShadeRole,
)
from lobcoder.gui.analysis.window import AnalysisWindow
from lobcoder.gui.i18n import install_translations
from lobcoder.gui.main_window import MainWindow
from lobcoder.importing.extracted import Turn
from lobcoder.participants.links import set_participant
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document
from lobcoder.storage.models import Attribute, AttributeScope, AttributeType, AttributeValue
from lobcoder.storage.project import ProjectStore
from tests.gui.analysis_host import open_window
from tests.gui.coder_settings import coder_settings

TEXTS = {
    "Docent01_w1": (
        "I: Hoe leert u samen?\n"
        "Marieke: We leren samen van elkaar en de visie is gedeeld.\n"
        "I: En de communicatie?\n"
        "Marieke: De communicatie loopt via de mail."
    ),
    "Docent01_w2": "I: Wat is er veranderd?\nMarieke: Samen oefenen we gesprekken, dat is onze visie.",
    "Docent02_w1": "I: Vertel eens.\nBram: Geen visie, wel veel mail.",
}
PEOPLE = {"Docent01_w1": "Marieke", "Docent01_w2": "Marieke", "Docent02_w1": "Bram"}
WAVES = {"Docent01_w1": "1", "Docent01_w2": "2", "Docent02_w1": "1"}
# (document, code, words): Leren/Visie overlap on "elkaar" in w1, Samen oefenen/Visie in w2.
CODINGS = [
    ("Docent01_w1", "Leren", "We leren samen van elkaar"),
    ("Docent01_w1", "Visie", "elkaar en de visie is gedeeld."),
    ("Docent01_w1", "Communicatie", "De communicatie loopt via de mail."),
    ("Docent01_w1", "Communicatie", "En de communicatie?"),  # inside the interviewer's turn
    ("Docent01_w2", "Samen oefenen", "Samen oefenen we gesprekken"),
    ("Docent01_w2", "Visie", "oefenen we gesprekken, dat is onze visie."),
    ("Docent02_w1", "Visie", "Geen visie"),
]


def _turns(text: str) -> list[Turn]:
    return [Turn(m.group(1), m.start(), m.end(1) + 2, m.end()) for m in re.finditer(r"^(\w+): [^\n]*", text, re.M)]


def _span(document: str, words: str) -> tuple[int, int]:
    start = TEXTS[document].index(words)
    return start, start + len(words)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "analysis.lobcoder"
    with ProjectStore.create(path) as store, store.transaction() as session:
        ids = {}
        for name, text in TEXTS.items():
            ids[name] = add_document(session, name, text, _turns(text)).id
            set_participant(session, ids[name], PEOPLE[name])
        leren = create_code(session, "Leren", color="#e69f00")
        codes = {
            "Leren": leren.id,
            "Samen oefenen": create_code(session, "Samen oefenen", leren.id, color="#56b4e9").id,
            "Visie": create_code(session, "Visie", color="#009e73").id,
            "Communicatie": create_code(session, "Communicatie", color="#cc79a7").id,
        }
        for document, code, words in CODINGS:
            add_coding(session, ids[document], codes[code], *_span(document, words), coder="Fenna")
        wave = Attribute(name="wave", type=AttributeType.CATEGORY, scope=AttributeScope.DOCUMENT)
        session.add(wave)
        session.add_all(AttributeValue(attribute=wave, document_id=ids[d], text_value=v) for d, v in WAVES.items())
    return path


@pytest.fixture
def window(qtbot, tmp_path: Path, project: Path) -> Iterator[MainWindow]:
    win = open_window(qtbot, tmp_path, project, coding=True)
    yield win
    win.close()


@pytest.fixture
def analysis(qtbot, window: MainWindow) -> AnalysisWindow:
    menu = window.findChild(AnalysisMenu)
    assert menu is not None
    menu.open_action.trigger()
    shown = menu.analysis_window
    assert shown is not None and shown.isVisible()
    wait_idle(qtbot, shown)
    return shown


# How long a wait for a computation may take before the test calls it hung: a guard, not a budget. The
# tests wait for the condition (the data set read, the shown tab up to date); the Words tab's first
# computation loads the Dutch pipeline (about 9 s alone on the 2-core machine, well over 10 s with
# several suites running at once), so a tighter guard failed tests that were only slow.
HUNG_MS = 180_000


def wait_idle(qtbot, analysis: AnalysisWindow) -> None:
    qtbot.waitUntil(lambda: analysis.dataset is not None and analysis.is_idle(), timeout=HUNG_MS)


def show_tab(qtbot, analysis: AnalysisWindow, tab) -> None:  # type: ignore[no-untyped-def]
    analysis.tabs.setCurrentWidget(tab)
    wait_idle(qtbot, analysis)


def dataset_of(window: MainWindow) -> Dataset:
    assert window.store is not None
    with window.store.read() as session:
        return load_dataset(session)


def code_id(window: MainWindow, name: str) -> int:
    return next(c.id for c in window.codes_by_id.values() if c.name == name)


def shown_values(model: AnalysisTableModel) -> list[tuple[str, list[object]]]:
    """Row labels and the raw values the model gives the view."""
    return [
        (
            model.index(r, 0).data(RawValueRole),
            [model.index(r, c).data(RawValueRole) for c in range(1, model.columnCount())],
        )
        for r in range(model.rowCount())
    ]


def core_values(table: Table) -> list[tuple[str, list[object]]]:
    return [(row.label, list(row.values)) for row in table.rows]


def cell(model: AnalysisTableModel, row_key: object, column_key: object) -> QModelIndex:
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(RowKeyRole) == row_key)
    column = next(c for c in range(1, model.columnCount()) if model.column_key(c) == column_key)
    return model.index(row, column)


# -- the menu ----------------------------------------------------------------------


def test_menu_sits_before_help_and_opens_one_window(qtbot, window: MainWindow) -> None:
    menu = install_analysis_menu(window)
    assert menu is window.analysis_menu  # the main window installs it when it builds its menus
    assert install_analysis_menu(window) is menu  # installing twice changes nothing
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles.index("&Analysis") == titles.index("&Help") - 1
    assert menu.open_action.shortcut() == QKeySequence("Ctrl+Alt+A")
    assert menu.open_action.text() == "&Analysis…"
    first = menu.show_analysis()
    assert menu.show_analysis() is first
    assert first.isVisible() and first.windowTitle() == "Analysis — analysis.lobcoder"
    wait_idle(qtbot, first)


# -- frequencies ---------------------------------------------------------------------


def test_frequency_table_shows_the_core_figures(window: MainWindow, analysis: AnalysisWindow) -> None:
    model = analysis.frequencies.model
    expected = frequencies(dataset_of(window), AnalysisFilter(), rollup=True).to_table()
    assert shown_values(model) == core_values(expected)
    leren = cell(model, code_id(window, "Leren"), "codings")
    assert leren.data() == "2"  # its own coding and the sub-code's
    assert cell(model, code_id(window, "Visie"), "document_share").data() == "100.0%"
    assert model.index(1, 0).data() == "    Samen oefenen"  # sub-codes indented


def test_rollup_toggle_and_split_by_wave(qtbot, window: MainWindow, analysis: AnalysisWindow) -> None:
    tab = analysis.frequencies
    tab.rollup.setChecked(False)
    wait_idle(qtbot, analysis)
    assert cell(tab.model, code_id(window, "Leren"), "codings").data() == "1"
    tab.split_by.setCurrentIndex(tab.split_by.findData("wave"))
    wait_idle(qtbot, analysis)
    expected = frequencies(dataset_of(window), AnalysisFilter(), split_by="wave", rollup=False).to_table()
    assert shown_values(tab.model) == core_values(expected)
    headers = [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.model.columnCount())]
    assert headers[-2:] == ["wave 1\nn = 2", "wave 2\nn = 1"]  # the base of each wave column under its name
    # Visie: in both wave-1 documents and the one wave-2 document.
    assert cell(tab.model, code_id(window, "Visie"), ("wave", "1")).data() == "100.0%"


def test_bar_chart_draws_the_chosen_column(qtbot, window: MainWindow, analysis: AnalysisWindow) -> None:
    tab = analysis.frequencies
    assert tab.chart_column.currentText() == "Documents"  # as the Word export charts it
    tab.chart_column.setCurrentIndex(tab.chart_column.findText("Codings"))
    assert tab.chart.values() == [("Leren", 2.0), ("Samen oefenen", 1.0), ("Visie", 3.0), ("Communicatie", 2.0)]
    assert not tab.chart.grab().isNull()  # paints without warnings


def test_coding_in_the_main_window_updates_the_frequencies(qtbot, window: MainWindow, analysis: AnalysisWindow) -> None:
    document = next(d.id for d in window.overview.documents if d.name == "Docent02_w1")  # type: ignore[union-attr]
    window.open_document(document)
    assert window.coding.apply_code(code_id(window, "Communicatie"), _span("Docent02_w1", "wel veel mail"))
    communicatie = code_id(window, "Communicatie")
    qtbot.waitUntil(lambda: cell(analysis.frequencies.model, communicatie, "codings").data() == "3", timeout=5000)
    assert cell(analysis.frequencies.model, communicatie, "documents").data() == "2"
    assert window.undo_stack is not None
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: cell(analysis.frequencies.model, communicatie, "codings").data() == "2", timeout=5000)


def test_a_closed_analysis_window_catches_up_when_reopened(qtbot, window: MainWindow, analysis: AnalysisWindow) -> None:
    analysis.close()
    document = next(d.id for d in window.overview.documents if d.name == "Docent02_w1")  # type: ignore[union-attr]
    window.open_document(document)
    assert window.coding.apply_code(code_id(window, "Leren"), _span("Docent02_w1", "Geen visie"))
    qtbot.wait(400)
    assert not analysis.is_loading()  # nothing is read while nobody looks
    window.findChild(AnalysisMenu).open_action.trigger()  # type: ignore[union-attr]
    wait_idle(qtbot, analysis)
    assert cell(analysis.frequencies.model, code_id(window, "Leren"), "codings").data() == "3"


def test_filter_on_wave_and_interviewer_turns(qtbot, window: MainWindow, analysis: AnalysisWindow) -> None:
    tab = analysis.frequencies
    analysis.filter_box.set_condition("wave", ["1"])
    wait_idle(qtbot, analysis)
    flt = AnalysisFilter(attributes={"wave": {"1"}})
    assert shown_values(tab.model) == core_values(frequencies(dataset_of(window), flt).to_table())
    assert cell(tab.model, code_id(window, "Visie"), "documents").data() == "2"
    assert analysis.filter_box.attributes.text() == "&Attributes: wave = 1"
    analysis.filter_box.exclude_interviewer.setChecked(True)
    qtbot.waitUntil(lambda: cell(tab.model, code_id(window, "Communicatie"), "codings").data() == "1")
    analysis.filter_box.reset()
    qtbot.waitUntil(lambda: cell(tab.model, code_id(window, "Communicatie"), "codings").data() == "2")


# -- co-occurrence -------------------------------------------------------------------


def test_heat_map_cell_shows_the_count(qtbot, window: MainWindow, analysis: AnalysisWindow) -> None:
    tab = analysis.cooccurrence
    show_tab(qtbot, analysis, tab)
    leren, visie = code_id(window, "Leren"), code_id(window, "Visie")
    index = cell(tab.model, leren, visie)
    assert index.data() == "2"  # Leren×Visie in w1, Samen oefenen (rolled up)×Visie in w2
    assert index.data(ShadeRole) == 1.0 and index.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert cell(tab.model, visie, visie).data(DiagonalRole)
    assert cell(tab.model, visie, visie).data() == "3"  # the diagonal holds the code's own count
    expected = cooccurrence(dataset_of(window), AnalysisFilter(), "overlap").to_table("count")
    assert shown_values(tab.model) == core_values(expected)
    assert not tab.matrix.grab().isNull()


def test_selecting_a_cell_lists_its_passages_and_activating_one_jumps(
    qtbot, window: MainWindow, analysis: AnalysisWindow
) -> None:
    tab = analysis.cooccurrence
    show_tab(qtbot, analysis, tab)
    leren, visie = code_id(window, "Leren"), code_id(window, "Visie")
    with qtbot.waitSignal(tab.passagesShown, timeout=5000):
        tab.matrix.setCurrentIndex(cell(tab.model, leren, visie))
    model = tab.passage_model
    found = [model.index(r, 0).data(PassageRole) for r in range(model.rowCount())]
    assert [(p.document, p.text) for p in found] == [
        ("Docent01_w1", "We leren samen van elkaar en de visie is gedeeld."),
        ("Docent01_w2", "Samen oefenen we gesprekken, dat is onze visie."),
    ]
    assert tab.drill_title.text().startswith("‘Leren’ and ‘Visie’: 2 passages")
    second = model.index(1, PassageModel.TEXT)
    tab.passage_list.setCurrentIndex(second)
    tab.passage_list.activated.emit(second)
    assert window.document is not None and window.document.name == "Docent01_w2"
    assert window.transcript.selection() == (found[1].start, found[1].end)


def test_the_window_holds_no_texts_and_drill_down_by_sentence_reads_them(
    qtbot, window: MainWindow, analysis: AnalysisWindow
) -> None:
    assert analysis.dataset is not None and analysis.dataset.texts is None and analysis.dataset.turns is None
    tab = analysis.cooccurrence
    show_tab(qtbot, analysis, tab)
    tab.set_unit("sentence")
    wait_idle(qtbot, analysis)
    full = dataset_of(window)
    result = cooccurrence(full, AnalysisFilter(), "sentence")
    assert shown_values(tab.model) == core_values(result.to_table("count"))
    leren, visie = code_id(window, "Leren"), code_id(window, "Visie")
    with qtbot.waitSignal(tab.passagesShown, timeout=5000):
        tab.select_cell(leren, visie)
    model = tab.passage_model
    shown = [model.index(r, 0).data(PassageRole) for r in range(model.rowCount())]
    assert shown == passages(full, result, leren, visie) and len(shown) == 2
    assert [model.index(r, PassageModel.PARAGRAPH).data() for r in range(model.rowCount())] == [2, 2]


def test_switching_measure_and_unit_changes_the_values(qtbot, window: MainWindow, analysis: AnalysisWindow) -> None:
    tab = analysis.cooccurrence
    show_tab(qtbot, analysis, tab)
    leren, visie = code_id(window, "Leren"), code_id(window, "Visie")
    tab.set_measure("jaccard")
    # c = 2 / (2 + 3 - 2)
    assert cell(tab.model, leren, visie).data() == "0.67"
    assert cell(tab.model, leren, visie).data(RawValueRole) == pytest.approx(2 / 3)
    tab.set_measure("conditional")
    assert cell(tab.model, leren, visie).data() == "100.0%"
    assert cell(tab.model, visie, leren).data() == "66.7%"
    tab.set_measure("count")
    tab.set_unit("document")
    wait_idle(qtbot, analysis)
    communicatie = code_id(window, "Communicatie")
    assert cell(tab.model, visie, communicatie).data() == "1"  # only Docent01_w1 has both
    tab.set_unit("paragraph", within=2)
    wait_idle(qtbot, analysis)
    expected = cooccurrence(dataset_of(window), AnalysisFilter(), "paragraph", within=2).to_table("count")
    assert shown_values(tab.model) == core_values(expected)
    tab.order.setCurrentIndex(tab.order.findData("similarity"))
    assert sorted(tab.model.index(r, 0).data(RowKeyRole) for r in range(tab.model.rowCount())) == sorted(
        window.codes_by_id
    )


def test_drill_down_follows_a_new_coding(qtbot, window: MainWindow, analysis: AnalysisWindow) -> None:
    tab = analysis.cooccurrence
    show_tab(qtbot, analysis, tab)
    visie, communicatie = code_id(window, "Visie"), code_id(window, "Communicatie")
    with qtbot.waitSignal(tab.passagesShown, timeout=5000):
        tab.select_cell(visie, communicatie)
    assert tab.passage_model.rowCount() == 0
    document = next(d.id for d in window.overview.documents if d.name == "Docent02_w1")  # type: ignore[union-attr]
    window.open_document(document)
    window.coding.apply_code(communicatie, _span("Docent02_w1", "visie, wel"))
    qtbot.waitUntil(lambda: tab.passage_model.rowCount() == 1, timeout=5000)
    assert cell(tab.model, visie, communicatie).data() == "1"
    assert tab.selected_codes() == (visie, communicatie)


# -- crosstab and quotes ----------------------------------------------------------------


def test_crosstab_counts_percentages_and_participants(qtbot, window: MainWindow, analysis: AnalysisWindow) -> None:
    tab = analysis.crosstab
    show_tab(qtbot, analysis, tab)
    assert tab.attribute.currentText() == "wave"
    data = dataset_of(window)
    assert shown_values(tab.model) == core_values(crosstab(data, "wave").to_table())
    tab.count.setCurrentIndex(tab.count.findData("documents"))
    wait_idle(qtbot, analysis)
    assert shown_values(tab.model) == core_values(crosstab(data, "wave", count="documents").to_table())
    tab.percent.setCurrentIndex(tab.percent.findData("row"))
    visie = code_id(window, "Visie")
    assert cell(tab.model, visie, ("wave", "1")).data() == "66.7%"
    tab.set_view(PARTICIPANTS_BY_WAVE)
    tab.code.setCurrentIndex(tab.code.findData(visie))
    wait_idle(qtbot, analysis)
    expected = participant_by_wave(data, [visie], AnalysisFilter(), "wave").to_table()
    assert shown_values(tab.model) == core_values(expected)
    bram = [r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data() == "Bram"][0]
    assert tab.model.index(bram, 2).data() == ""  # no wave-2 interview with Bram


def test_quotes_list_and_jump(qtbot, window: MainWindow, analysis: AnalysisWindow) -> None:
    tab = analysis.quotes
    show_tab(qtbot, analysis, tab)
    assert tab.model.rowCount() == len(CODINGS)
    tab.choose_code(code_id(window, "Visie"))
    wait_idle(qtbot, analysis)
    texts = [tab.model.index(r, tab.model.columnCount() - 1).data() for r in range(tab.model.rowCount())]
    assert texts == ["elkaar en de visie is gedeeld.", "oefenen we gesprekken, dat is onze visie.", "Geen visie"]
    headers = [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.model.columnCount())]
    assert headers[:3] == ["Code", "Document", "Participant"] and "Speaker" in headers
    speaker = headers.index("Speaker")
    assert tab.model.index(2, speaker).data() == "Bram"
    tab.table.selectRow(0)
    assert tab.full_text.toPlainText() == "“elkaar en de visie is gedeeld.” (Marieke, wave 1)"
    tab.table.activated.emit(tab.model.index(2, 1))
    assert window.document is not None and window.document.name == "Docent02_w1"
    assert window.transcript.selection() == _span("Docent02_w1", "Geen visie")


def test_quotes_at_most_n_per_code_export_to_word_as_blocks(
    qtbot, tmp_path: Path, window: MainWindow, analysis: AnalysisWindow
) -> None:
    tab = analysis.quotes
    show_tab(qtbot, analysis, tab)
    tab.choose_code(code_id(window, "Visie"))
    tab.per_code.setValue(2)
    wait_idle(qtbot, analysis)
    texts = [tab.model.index(r, tab.model.columnCount() - 1).data() for r in range(tab.model.rowCount())]
    assert texts == ["elkaar en de visie is gedeeld.", "Geen visie"]  # spread: Marieke, then Bram
    tab.table.activated.emit(tab.model.index(1, 1))
    assert window.document is not None and window.document.name == "Docent02_w1"
    target = tmp_path / "citaten.docx"
    with qtbot.waitSignal(tab.exported, timeout=10000):
        tab.export_to(target)
    blocks = [p.text for p in docx.Document(str(target)).paragraphs if p.style.name == "Quote Block"]
    assert len(blocks) == 2 and blocks[1].startswith("“Geen visie”")


def test_quotes_attribution_context_and_layout_chosen_in_the_tab_reach_word(
    qtbot, tmp_path: Path, window: MainWindow, analysis: AnalysisWindow
) -> None:
    tab = analysis.quotes
    show_tab(qtbot, analysis, tab)
    tab.choose_code(code_id(window, "Visie"))
    wait_idle(qtbot, analysis)
    assert tab.attribution_fields() == ("participant", "wave")  # the default: participant and every attribute
    button = tab.attribution  # its menu arrow has room of its own, not drawn over the text
    room = min(button.width(), button.sizeHint().width()) - button.fontMetrics().horizontalAdvance(
        button.text().replace("&", "")
    )  # the "&" is not shown
    assert room >= button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, button) + 8
    tab.set_attribution(("document", "paragraph", "wave"))
    tab.context.setValue(2)
    wait_idle(qtbot, analysis)
    tab.table.selectRow(2)
    assert tab.full_text.toPlainText() == "“Geen visie” [wel veel …] (Docent02_w1, paragraph 2, wave 1)"
    target = tmp_path / "blocks.docx"
    with qtbot.waitSignal(tab.exported, timeout=10000):
        tab.export_to(target)
    blocks = [p.text for p in docx.Document(str(target)).paragraphs if p.style.name == "Quote Block"]
    assert blocks[2] == "“Geen visie” [wel veel …] (Docent02_w1, paragraph 2, wave 1)"
    assert blocks[1].endswith("visie.” (Docent01_w2, paragraph 2, wave 2)")  # no participant: not chosen
    tab.layout_choice.setCurrentIndex(tab.layout_choice.findData("table"))
    target = tmp_path / "table.docx"
    with qtbot.waitSignal(tab.exported, timeout=10000):
        tab.export_to(target)
    written = docx.Document(str(target))
    assert not [p for p in written.paragraphs if p.style.name == "Quote Block"]
    cells = [c.text for row in written.tables[0].rows for c in row.cells]
    assert "Geen visie" in " ".join(cells) and "Docent02_w1" in cells


# -- export -----------------------------------------------------------------------------


def test_export_to_xlsx_writes_the_shown_numbers(qtbot, tmp_path: Path, analysis: AnalysisWindow) -> None:
    tab = analysis.frequencies
    target = tmp_path / "out" / "frequenties.xlsx"
    target.parent.mkdir()
    with qtbot.waitSignal(tab.exported, timeout=10000):
        tab.export_to(target)
    sheet = openpyxl.load_workbook(target).active
    rows = {row[0]: row[1:] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    for label, values in shown_values(tab.model):
        assert list(rows[label][: len(values)]) == pytest.approx(values)
    assert analysis.status.text() == f"Saved {target}"
    assert tab.export_button.isEnabled()


def test_export_proposes_a_word_file_as_word_is_listed_first(
    qtbot, tmp_path: Path, monkeypatch, analysis: AnalysisWindow
) -> None:  # type: ignore[no-untyped-def]
    asked: list[tuple[str, str, str]] = []

    def save_as(_parent, _title, proposed, filters, selected="", *_a, **_k):  # type: ignore[no-untyped-def]
        asked.append((proposed, filters, selected))
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    analysis.frequencies.choose_export_file()
    ((proposed, filters, selected),) = asked
    assert filters.split(";;")[0] == selected == "Word document (*.docx)"
    assert proposed.endswith(".docx")  # was .xlsx beside the Word filter


def test_failed_export_names_the_file(qtbot, tmp_path: Path, monkeypatch, analysis: AnalysisWindow) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    target = tmp_path / "missing folder" / "x.docx"
    tab = analysis.cooccurrence
    show_tab(qtbot, analysis, tab)
    tab.export_to(target)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert str(target) in shown[0] and not target.exists()


# -- following the project ----------------------------------------------------------------


def test_follows_a_newly_opened_project(qtbot, tmp_path: Path, window: MainWindow, analysis: AnalysisWindow) -> None:
    other = tmp_path / "other.lobcoder"
    with ProjectStore.create(other) as store, store.transaction() as session:
        add_document(session, "Los", "Een tekst.")
        create_code(session, "Alleen")
    assert window.open_project(other)
    qtbot.waitUntil(lambda: analysis.store is not None and analysis.store.path == other, timeout=5000)
    wait_idle(qtbot, analysis)
    assert [analysis.frequencies.model.index(r, 0).data() for r in range(analysis.frequencies.model.rowCount())] == [
        "Alleen"
    ]
    window.close_project()
    qtbot.waitUntil(lambda: analysis.dataset is None)
    assert analysis.frequencies.model.rowCount() == 0
    assert not analysis.frequencies.export_button.isEnabled()


def test_attach_can_be_called_by_the_main_window(qtbot, window: MainWindow, analysis: AnalysisWindow) -> None:
    stack = window.undo_stack
    analysis.attach(None)
    assert analysis.dataset is None and analysis.stack is None
    analysis.attach(stack)
    wait_idle(qtbot, analysis)
    assert analysis.dataset is not None and analysis.stack is stack


def test_closing_the_main_window_closes_the_analysis(qtbot, window: MainWindow, analysis: AnalysisWindow) -> None:
    window.close()
    assert not analysis.isVisible()


# -- the models ------------------------------------------------------------------------------


def test_table_model_passes_the_model_tester(qtmodeltester) -> None:
    table = Table(
        title="t",
        row_header="Code",
        columns=("A", "B"),
        rows=(TableRow("A", (3, 1), 0, 1), TableRow("B", (1, None), 1, 2)),
        formats=("int", "int"),
        shaded=True,
        flagged=frozenset({(1, 0)}),
        flag_note="marked",
        column_keys=(1, 2),
    )
    model = AnalysisTableModel()
    model.set_table(table)
    qtmodeltester.check(model)
    assert model.index(1, 1).data(FlaggedRole) and "marked" in model.index(1, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, 1).data(DiagonalRole) and model.index(0, 1).data(ShadeRole) is None
    assert model.index(1, 2).data() == "" and model.index(0, 2).data(ColumnKeyRole) == 2
    model.set_table(replace(table, rows=(table.rows[0], TableRow("B", (None, 1), 1, 2)), blank=frozenset({(1, 0)})))
    assert model.index(1, 1).data(Qt.ItemDataRole.BackgroundRole) == DIAGONAL_COLOR  # a parent × its sub-code
    assert model.index(1, 1).data() == "" and model.index(0, 2).data(Qt.ItemDataRole.BackgroundRole) != DIAGONAL_COLOR
    model.set_table(None)
    qtmodeltester.check(model)


def test_passage_model_passes_the_model_tester(qtbot, qtmodeltester, analysis: AnalysisWindow, window) -> None:  # type: ignore[no-untyped-def]
    tab = analysis.cooccurrence
    show_tab(qtbot, analysis, tab)
    with qtbot.waitSignal(tab.passagesShown, timeout=5000):
        tab.select_cell(code_id(window, "Leren"), code_id(window, "Visie"))
    qtmodeltester.check(tab.passage_model)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_analysis_window_fits_a_laptop_screen_in_both_languages(qtbot, qapp, window, language) -> None:  # type: ignore[no-untyped-def]
    install_translations(qapp, language)  # before the window is made: its words set its width
    menu = window.findChild(AnalysisMenu)
    menu.open_action.trigger()
    analysis = menu.analysis_window
    wait_idle(qtbot, analysis)
    # 1280 logical pixels: a 1920 px laptop screen at 150 % scaling. Every tab's controls and Export fit.
    assert analysis.minimumSizeHint().width() <= 1280
    for tab in analysis.all_tabs():
        show_tab(qtbot, analysis, tab)  # each tab computes when shown: wait, so none ends after the test
        assert tab.export_button.isVisibleTo(analysis) and tab.export_button.text()


def test_a_table_is_exported_in_the_language_chosen_beside_export(qtbot, tmp_path: Path, analysis) -> None:  # type: ignore[no-untyped-def]
    tab = analysis.frequencies
    assert tab.export_language.currentData() == analysis.language()  # the interface language to start with
    for language, title, heading in (("nl", "Codefrequenties", "Coderingen"), ("en", "Code frequencies", "Codings")):
        tab.export_language.setCurrentIndex(tab.export_language.findData(language))
        target = tmp_path / f"frequencies_{language}.docx"
        with qtbot.waitSignal(tab.exported, timeout=10000):
            tab.export_to(target)
        document = docx.Document(str(target))
        assert document.core_properties.title == title
        assert heading in [cell.text for cell in document.tables[0].rows[0].cells]
    assert analysis.language() == "en" and tab.model.headerData(1, Qt.Orientation.Horizontal) == "Codings"
    assert not analysis.quotes.export_language.isVisibleTo(analysis)  # quotes follow the interface language


# -- a computation that ends after its window closed or went away ------------------------


def hold_cooccurrence(monkeypatch) -> tuple[threading.Event, threading.Event]:  # type: ignore[no-untyped-def]
    """Make the co-occurrence computation wait (on its worker) until the test lets it go."""
    started, release = threading.Event(), threading.Event()

    def held(*args, **kwargs):  # type: ignore[no-untyped-def]
        started.set()
        assert release.wait(10)
        return cooccurrence(*args, **kwargs)

    monkeypatch.setattr(cooccurrence_tab, "cooccurrence", held)
    return started, release


def test_closing_the_window_while_it_computes_stops_quietly_and_reopening_shows_the_table(
    qtbot, monkeypatch, caplog, window: MainWindow, analysis: AnalysisWindow
) -> None:
    started, release = hold_cooccurrence(monkeypatch)
    tab = analysis.cooccurrence
    tab.unit.setCurrentIndex(tab.unit.findData("sentence"))  # reads the texts: the computation can stop midway
    analysis.tabs.setCurrentWidget(tab)
    assert started.wait(5)
    worker = tab._worker
    assert worker is not None
    analysis.close()
    assert worker.is_cancelled()  # nobody looks: stop computing
    release.set()
    assert worker.wait(5)
    qtbot.wait(50)  # its signal arrives at the closed window
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], caplog.text
    assert tab.busy.isHidden()
    monkeypatch.undo()
    window.findChild(AnalysisMenu).open_action.trigger()  # type: ignore[union-attr]
    wait_idle(qtbot, analysis)
    expected = cooccurrence(dataset_of(window), AnalysisFilter(), "sentence").to_table("count")
    assert tab.model.rowCount() > 0 and shown_values(tab.model) == core_values(expected)


@pytest.mark.parametrize("closed", [True, False], ids=["closed-then-deleted", "deleted"])
def test_a_computation_that_ends_after_its_window_was_deleted_is_ignored(
    qtbot, monkeypatch, caplog, tmp_path: Path, project: Path, closed: bool
) -> None:
    # As at a test's teardown: the main window (and with it the analysis window) deleted mid-computation.
    started, release = hold_cooccurrence(monkeypatch)
    win = MainWindow(coder_settings(tmp_path / "settings.ini"))
    install_analysis_menu(win)
    win.show()
    assert win.open_project(project)
    analysis = win.findChild(AnalysisMenu).show_analysis()  # type: ignore[union-attr]
    wait_idle(qtbot, analysis)
    analysis.tabs.setCurrentWidget(analysis.cooccurrence)
    assert started.wait(5)
    worker = analysis.cooccurrence._worker
    assert worker is not None
    store = None if closed else win.store
    if closed:
        win.close()
    win.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    release.set()
    assert worker.wait(5)
    qtbot.wait(50)  # the result is delivered now: pytest-qt fails the test on an exception in a slot
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], caplog.text
    if store is not None:  # the main window, deleted unclosed, left its project open
        store.close()


def test_a_data_set_read_after_its_window_was_deleted_is_ignored(
    qtbot, monkeypatch, caplog, tmp_path: Path, project: Path
) -> None:
    started, release = threading.Event(), threading.Event()

    def held(*args, **kwargs):  # type: ignore[no-untyped-def]
        started.set()
        assert release.wait(10)
        return load_dataset(*args, **kwargs)

    monkeypatch.setattr(analysis_window, "load_dataset", held)
    win = MainWindow(coder_settings(tmp_path / "settings.ini"))
    install_analysis_menu(win)
    win.show()
    assert win.open_project(project)
    analysis = win.findChild(AnalysisMenu).show_analysis()  # type: ignore[union-attr]
    assert started.wait(5) and analysis.is_loading()
    loader, store = analysis._loader, win.store
    assert loader is not None and store is not None
    win.deleteLater()  # deleted without closing: only the guard on the slot keeps the result away
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    release.set()
    assert loader.wait(5)
    qtbot.wait(50)
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], caplog.text
    store.close()  # the main window, deleted unclosed, left its project open


def test_agreement_in_a_one_coder_project_says_it_needs_two_coders(qtbot, analysis: AnalysisWindow) -> None:
    show_tab(qtbot, analysis, analysis.agreement)  # every coding of the project is Fenna's
    assert analysis.agreement.message.text() == (
        "Could not compute this analysis: This project needs codings by two coders to compare."
    )


def test_on_screen_notes_follow_the_dutch_interface_and_exports_the_box_beside_export(
    qtbot, qapp, tmp_path: Path, window: MainWindow
) -> None:
    install_translations(qapp, "nl")
    window.settings.language = "nl"
    analysis = window.findChild(AnalysisMenu).show_analysis()  # type: ignore[union-attr]
    wait_idle(qtbot, analysis)
    tab = analysis.cooccurrence
    show_tab(qtbot, analysis, tab)
    dutch = cooccurrence(dataset_of(window), AnalysisFilter(), "overlap").to_table("count", "nl").notes
    assert tab.notes.text().startswith("Eenheid: overlappende coderingen.") and tab.notes.text().startswith(dutch[0])
    tab.export_language.setCurrentIndex(tab.export_language.findData("en"))
    target = tmp_path / "matrix.docx"
    with qtbot.waitSignal(tab.exported, timeout=10000):
        tab.export_to(target)
    written = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "Unit: overlapping codings." in written and "Eenheid" not in written
    assert tab.notes.text().startswith("Eenheid: overlappende coderingen.")  # the screen still speaks Dutch
