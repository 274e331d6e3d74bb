"""The analysis window with the demo project (24 long Dutch code names) on a laptop screen, in English and Dutch."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from sqlalchemy import select

from lobcoder.demo.build import create_demo_project
from lobcoder.gui.analysis.heatmap_delegate import wrap_label
from lobcoder.gui.analysis.install import AnalysisMenu, install_analysis_menu
from lobcoder.gui.analysis.tab import AnalysisTab
from lobcoder.gui.analysis.window import AnalysisWindow
from lobcoder.gui.i18n import install_translations
from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.settings import Settings
from lobcoder.gui.window_size import FRAME
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.storage.models import Coding
from lobcoder.storage.project import ProjectStore

EXTRA = "Randvoorwaarden: tijd, roostering en werkdruk"


@pytest.fixture(scope="module")
def demo24(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo project (23 codes) and one more, coded on every seventh demo passage: 24 codes."""
    path = create_demo_project(tmp_path_factory.mktemp("demo") / "demo.lobcoder")
    with ProjectStore.open(path) as store, store.transaction() as session:
        extra = create_code(session, EXTRA).id
        spans = session.execute(select(Coding.document_id, Coding.start, Coding.end).order_by(Coding.id)).all()
        for document, start, end in spans[::7]:
            add_coding(session, document, extra, start, end, coder="demo")
    return path


def open_analysis(qtbot, qapp, tmp_path: Path, project: Path, language: str, size: tuple[int, int]) -> AnalysisWindow:  # type: ignore[no-untyped-def]
    install_translations(qapp, language)
    copy = tmp_path / "demo24.lobcoder"
    shutil.copy(project, copy)
    settings = Settings(str(tmp_path / "settings.ini"))
    settings.language = language
    win = MainWindow(settings)
    qtbot.addWidget(win)
    install_analysis_menu(win)
    win.show()
    assert win.open_project(copy)
    menu = win.findChild(AnalysisMenu)
    assert menu is not None
    menu.open_action.trigger()
    shown = menu.analysis_window
    assert shown is not None
    shown.resize(*size)
    qtbot.waitUntil(lambda: shown.dataset is not None and shown.is_idle(), timeout=20000)
    return shown


def show_tab(qtbot, analysis: AnalysisWindow, tab: AnalysisTab) -> None:  # type: ignore[no-untyped-def]
    analysis.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: analysis.is_idle() and tab.result is not None, timeout=20000)


@pytest.fixture
def analysis(qtbot, qapp, tmp_path: Path, demo24: Path) -> Iterator[AnalysisWindow]:  # type: ignore[no-untyped-def]
    # A 1366 × 768 laptop screen less the title bar and the task bar.
    shown = open_analysis(qtbot, qapp, tmp_path, demo24, "en", (1366, 700))
    show_tab(qtbot, shown, shown.cooccurrence)
    yield shown
    shown.close()
    shown.main_window.close()


def test_24_codes_leave_the_matrix_most_of_its_height(qtbot, tmp_path: Path, analysis: AnalysisWindow) -> None:
    tab = analysis.cooccurrence
    matrix, header = tab.matrix, tab.matrix.horizontalHeader()
    assert tab.model.columnCount() == 25  # the row labels and 24 codes
    qtbot.waitUntil(lambda: header.height() == header.sizeHint().height())
    font_height = QFontMetrics(header.font()).height()
    assert header.height() <= 11 * font_height  # was 240 px (17 font heights): the longest name upright
    rows = matrix.viewport().height() // matrix.verticalHeader().defaultSectionSize()
    assert rows >= 8  # was 4
    # The row labels give way too (a long name elided, whole in its tooltip): 21 of the 24 columns show, not 20.
    assert header.sectionSize(0) <= 18 * font_height
    shown_columns = sum(1 for c in range(1, 25) if header.sectionViewportPosition(c) + 46 <= matrix.viewport().width())
    assert shown_columns >= 21
    label = tab.model.index(2, 0)
    assert label.data(Qt.ItemDataRole.ToolTipRole) == "Samen oefenen met loopbaangesprekken"
    analysis.grab().save(str(tmp_path / "cooccurrence_24_codes.png"))


def test_a_long_name_goes_on_two_lines_and_the_tooltip_has_it_whole(analysis: AnalysisWindow) -> None:
    tab = analysis.cooccurrence
    header = tab.matrix.horizontalHeader()
    titles = {tab.model.headerData(c, Qt.Orientation.Horizontal): c for c in range(1, tab.model.columnCount())}
    room = header.height() - 10
    metrics = QFontMetrics(header.font())
    lines = header.label_lines(titles["Samen oefenen met loopbaangesprekken"], room)
    assert lines == ["Samen oefenen met", "loopbaangesprekken"]
    assert all(metrics.horizontalAdvance(line) <= room for line in lines)  # shown whole, not elided
    assert header.label_lines(titles["Visie"], room) == ["Visie"]
    longest = header.label_lines(titles[EXTRA], room)
    assert len(longest) == 2 and " ".join(longest) == EXTRA  # elided if need be, but on two lines
    tooltip = tab.model.headerData(titles[EXTRA], Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tooltip == EXTRA


def test_wrap_label_balances_the_lines_and_keeps_a_line_break() -> None:
    assert wrap_label("Samen oefenen met loopbaangesprekken", len, 2) == ["Samen oefenen met", "loopbaangesprekken"]
    assert wrap_label("Visie van bovenaf", len, 1) == ["Visie van bovenaf"]
    assert wrap_label("Loopbaangesprekken", len, 2) == ["Loopbaangesprekken"]
    assert wrap_label("Gedeelde visie op LOB\nn = 12", len, 3) == ["Gedeelde", "visie op LOB", "n = 12"]


@pytest.mark.parametrize(("language", "width"), [("en", 1280), ("nl", 1280), ("en", 1366)])
def test_every_frequency_column_shows_beside_the_chart(
    qtbot, qapp, tmp_path: Path, demo24: Path, language, width
) -> None:  # type: ignore[no-untyped-def]
    analysis = open_analysis(qtbot, qapp, tmp_path, demo24, language, (width, 680))
    tab = analysis.frequencies
    show_tab(qtbot, analysis, tab)
    table = tab.table
    assert table.horizontalScrollBar().maximum() == 0  # "% of participants" needed scrolling at 1280
    assert table.horizontalHeader().length() <= table.viewport().width()
    row = next(r for r in range(tab.model.rowCount()) if "loopbaangesprekken" in tab.model.index(r, 0).data())
    label = tab.model.index(row, 0)
    assert label.data(Qt.ItemDataRole.ToolTipRole) == "Samen oefenen met loopbaangesprekken"
    whole = table.fontMetrics().horizontalAdvance(label.data()) + 8
    assert table.columnWidth(0) >= whole  # names give way only as far as the figures need
    analysis.grab().save(str(tmp_path / f"frequencies_{language}_{width}.png"))
    analysis.close()
    analysis.main_window.close()


def test_the_documents_filter_shows_whole_names(analysis: AnalysisWindow) -> None:
    button = analysis.filter_box.documents
    view = button.view
    longest = max(button.leaves(), key=lambda item: view.fontMetrics().horizontalAdvance(item.text()))
    assert longest.text() == "contactpersoon1_annelies_ronde2 (Annelies)"
    # The drop-down is as wide as the menu asks: the name, its indentation and check box, the frame and scroll bar.
    needed = view.sizeHintForColumn(0) + view.indentation() + 2 * view.frameWidth()
    assert button.menu().sizeHint().width() >= needed  # was 268 px for a name that needs 316 + 20


def test_the_cooccurrence_notes_take_the_lines_they_need_and_no_more(qtbot, analysis: AnalysisWindow) -> None:  # type: ignore[no-untyped-def]
    notes = analysis.cooccurrence.notes
    line = notes.fontMetrics().lineSpacing()
    qtbot.waitUntil(lambda: notes.height() == notes.heightForWidth(notes.width()))
    assert 2 * line <= notes.height() < 3 * line  # at 1366 px two lines, no third one kept blank under them
    notes.setText(notes.text() + "<br>" + notes.text())  # longer notes (a filter more, say): all their lines show
    assert notes.height() == notes.heightForWidth(notes.width()) >= 4 * line


def test_the_dutch_quotes_tab_with_its_order_box_fits_a_laptop_screen(
    qtbot, qapp, tmp_path: Path, demo24: Path
) -> None:  # type: ignore[no-untyped-def]
    analysis = open_analysis(qtbot, qapp, tmp_path, demo24, "nl", (1366, 700))
    tab = analysis.quotes
    show_tab(qtbot, analysis, tab)
    with qtbot.waitSignal(tab.computed, timeout=20000):
        tab.order_by.setCurrentIndex(tab.order_by.findData("wave"))
    assert tab.order_by.currentText() == "wave" and tab.order_by.itemText(0) == "documentvolgorde"
    assert analysis.width() <= 1366  # was 1425 with Word's layout on the controls' row
    assert tab.order_by.geometry().right() < tab.width()
    analysis.grab().save(str(tmp_path / "quotes_nl_1366.png"))
    analysis.close()
    analysis.main_window.close()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_tab_fits_a_1024_px_screen(qtbot, qapp, tmp_path: Path, demo24: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    room = 1024 - FRAME.width()  # a 1024 × 768 screen less the window's frame
    analysis = open_analysis(qtbot, qapp, tmp_path, demo24, language, (room, 688))
    for tab in analysis.all_tabs():
        show_tab(qtbot, analysis, tab)
        tab.busy.show()  # computing: its busy mark must not widen the window either
        assert analysis.minimumSizeHint().width() <= room, (type(tab).__name__, analysis.minimumSizeHint())
        assert tab.export_button.geometry().right() < tab.width()  # Export… in sight
        tab.busy.hide()
    assert analysis.width() == room
    analysis.close()
    analysis.main_window.close()


def test_the_busy_mark_coming_and_going_moves_nothing_on_the_export_row(qtbot, analysis: AnalysisWindow) -> None:  # type: ignore[no-untyped-def]
    """On every tab the mark sits just right of the row's stretch, so a recompute does not shift the options."""

    def places(tab: AnalysisTab) -> dict[str, int]:
        tab.layout().activate()
        row = tab.output
        widgets = (row.itemAt(i).widget() for i in range(row.count()))
        return {type(w).__name__ + str(i): w.x() for i, w in enumerate(widgets) if w is not None and w is not tab.busy}

    for tab in analysis.all_tabs():
        show_tab(qtbot, analysis, tab)
        idle = places(tab)
        tab.busy.show()
        assert places(tab) == idle, type(tab).__name__  # the Quotes tab's Word layout moved left by the mark's width
        tab.busy.hide()
