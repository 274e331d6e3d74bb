"""The Words tab on a project imported from a real .docx and .txt: rows, keywords in context, jump, export."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from lobcoder.analysis.filters import AnalysisFilter
from lobcoder.editing.code_commands import UpdateCode
from lobcoder.gui.analysis.install import AnalysisMenu, install_analysis_menu
from lobcoder.gui.analysis.keywords_view import HitRole, KeywordsModel
from lobcoder.gui.analysis.table_model import RawValueRole
from lobcoder.gui.analysis.window import AnalysisWindow
from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.quick_code import QuickCodePicker
from lobcoder.gui.settings import Settings
from lobcoder.services.codes import create_code, get_code, list_codes
from lobcoder.storage.project import ProjectStore
from tests.analysis.words_project import build_words_project


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    path = tmp_path / "words.lobcoder"
    with ProjectStore.create(path) as store:
        build_words_project(store, tmp_path)
    win = MainWindow(Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(win)
    install_analysis_menu(win)
    win.resize(1300, 850)
    win.show()
    assert win.open_project(path)
    yield win
    win.close()


@pytest.fixture
def analysis(qtbot, window: MainWindow) -> AnalysisWindow:
    return open_words_tab(qtbot, window)


def open_words_tab(qtbot, window: MainWindow) -> AnalysisWindow:
    menu = window.findChild(AnalysisMenu)
    assert menu is not None
    menu.open_action.trigger()
    shown = menu.analysis_window
    assert shown is not None
    qtbot.waitUntil(lambda: shown.dataset is not None and shown.is_idle(), timeout=10000)
    shown.tabs.setCurrentWidget(shown.words)
    qtbot.waitUntil(lambda: shown.is_idle() and shown.words.result is not None, timeout=20000)
    return shown


def shown_rows(analysis: AnalysisWindow) -> dict[str, list[object]]:
    model = analysis.words.model
    return {
        model.index(r, 0).data(): [model.index(r, c).data(RawValueRole) for c in range(1, model.columnCount())]
        for r in range(model.rowCount())
    }


def test_tab_shows_the_hand_counted_rows_and_follows_its_choices(qtbot, analysis: AnalysisWindow) -> None:
    tab = analysis.words
    rows = shown_rows(analysis)
    assert rows["loopbaangesprek"][1:] == [3, 2, pytest.approx(3 / 22)]
    assert rows["gesprek"][0] == "gesprekken" and "de" not in rows
    assert tab.model.headerData(0, Qt.Orientation.Horizontal) == "Word (lemma)"
    with qtbot.waitSignal(tab.computed, timeout=20000):
        tab.code.setCurrentIndex(tab.code.findText("Samenwerking"))
    rows = shown_rows(analysis)
    assert set(rows) == {"samenwerking", "team", "goed"}
    assert tab.order.isEnabled()
    with qtbot.waitSignal(tab.computed, timeout=20000):
        tab.split_by.setCurrentIndex(tab.split_by.findData("school"))
    assert shown_rows(analysis)["samenwerking"][-2:] == [1, 1]


def test_double_click_lists_the_word_in_context_and_opens_the_passage(
    qtbot, window: MainWindow, analysis: AnalysisWindow
) -> None:
    tab = analysis.words
    row = next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data() == "loopbaangesprek")
    with qtbot.waitSignal(tab.contextShown, timeout=20000):
        tab.table.activated.emit(tab.model.index(row, 0))
    assert tab.hits.rowCount() == 3
    assert "‘loopbaangesprek’: 3 occurrences in 2 documents" in tab.context_title.text()
    index = tab.hits.index(2, KeywordsModel.WORD)
    hit = index.data(HitRole)
    assert (hit.document, index.data()) == ("Pietersen_w2", "loopbaangesprek")
    tab.hit_list.activated.emit(index)
    assert window.document is not None and window.document.id == hit.document_id
    assert window.document.text[hit.start : hit.end] == "loopbaangesprek"


def test_export_writes_the_shown_table(qtbot, analysis: AnalysisWindow, tmp_path: Path) -> None:
    tab = analysis.words
    target = tmp_path / "woorden.docx"
    with qtbot.waitSignal(tab.exported, timeout=20000):
        tab.export_to(target)
    table = docx.Document(str(target)).tables[0]
    labels = [row.cells[0].text for row in table.rows]
    assert labels[1:4] == ["loopbaangesprek", "samenwerking", "visie"]


def test_add_as_keyword_is_one_undoable_codebook_edit(qtbot, window: MainWindow, analysis: AnalysisWindow) -> None:
    tab = analysis.words
    store, stack = window.store, window.undo_stack
    assert store is not None and stack is not None
    assert analysis.dataset is not None
    code_id = next(c.id for c in analysis.dataset.codes if c.name == "Visie")
    with store.read() as session:
        assert get_code(session, code_id).keywords == ""
    assert tab.add_keyword("helder", code_id)
    assert not tab.add_keyword("Helder", code_id)  # a keyword once, whatever its case
    with store.read() as session:
        assert get_code(session, code_id).keywords == "helder"
    assert tab.add_keyword("visie", code_id)
    with store.read() as session:
        assert get_code(session, code_id).keywords == "helder\nvisie"
    stack.undo()
    with store.read() as session:
        assert get_code(session, code_id).keywords == "helder"
    stack.undo()
    with store.read() as session:
        assert get_code(session, code_id).keywords == ""


def test_add_as_keyword_keeps_the_blank_lines_and_indents_that_group_keywords(
    window: MainWindow, analysis: AnalysisWindow
) -> None:
    store, stack = window.store, window.undo_stack
    assert store is not None and stack is not None and analysis.dataset is not None
    code_id = next(c.id for c in analysis.dataset.codes if c.name == "Visie")
    with store.read() as session:
        guid = get_code(session, code_id).guid
    grouped = "toekomst\n  dromen\n\nhelder\n"
    assert stack.execute(UpdateCode(guid, keywords=grouped))
    assert not analysis.words.add_keyword("Dromen", code_id)  # the indented one counts as a keyword too
    assert analysis.words.add_keyword("visie", code_id)
    with store.read() as session:
        assert get_code(session, code_id).keywords == "toekomst\n  dromen\n\nhelder\nvisie"


def test_context_uses_the_filter_of_the_shown_result(qtbot, analysis: AnalysisWindow) -> None:
    """A pseudonymised export computes with the copy's filter ("School A"); the shown result keeps its own."""
    tab = analysis.words
    tab.computation(AnalysisFilter(attributes={"school": ["School A"]}))  # as pseudonymised_export does
    with qtbot.waitSignal(tab.contextShown, timeout=20000):
        tab.show_context("loopbaangesprek")
    assert tab.hits.rowCount() == 3
    assert "3 occurrences in 2 documents" in tab.context_title.text()


def test_add_as_keyword_of_code_goes_to_the_code_picked_of_two_with_one_name(qtbot, window: MainWindow) -> None:
    """Only sibling names are unique: "Positief" under "Docent" and under "Student" are two codes."""
    store = window.store
    assert store is not None
    with store.transaction() as session:
        docent = create_code(session, "Docent").id
        student = create_code(session, "Student").id
        create_code(session, "Positief", parent_id=docent)
        wanted = create_code(session, "Positief", parent_id=student).id
    analysis = open_words_tab(qtbot, window)

    def pick() -> None:
        picker = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QuickCodePicker) and w.isVisible())
        qtbot.keyClicks(picker.filter, "student positief")
        qtbot.keyClick(picker.filter, Qt.Key.Key_Return)

    QTimer.singleShot(50, pick)
    analysis.words._choose_code("helder")
    with store.read() as session:
        assert get_code(session, wanted).keywords == "helder"
        assert all(not c.keywords for c in list_codes(session) if c.id != wanted)


def test_leave_out_a_word_is_one_undoable_step_for_the_project(
    qtbot, window: MainWindow, analysis: AnalysisWindow
) -> None:
    tab = analysis.words
    stack = window.undo_stack
    assert stack is not None
    with qtbot.waitSignal(tab.computed, timeout=20000):
        assert tab.leave_out("loopbaangesprek")
    assert "loopbaangesprek" not in shown_rows(analysis) and "visie" in shown_rows(analysis)
    assert "loopbaangesprek." in tab.notes.text() and "Left out for this project" in tab.notes.text()
    assert stack.undoText() == "Leave out ‘loopbaangesprek’ of the word frequencies"
    with qtbot.waitSignal(tab.computed, timeout=20000):
        stack.undo()
    assert shown_rows(analysis)["loopbaangesprek"][1:] == [3, 2, pytest.approx(3 / 22)]
    assert "Left out for this project" not in tab.notes.text()
    with qtbot.waitSignal(tab.computed, timeout=20000):
        stack.redo()
    assert "loopbaangesprek" not in shown_rows(analysis)
    with qtbot.waitSignal(tab.computed, timeout=20000):
        assert tab.put_back(tab.left_out_words())  # in a later session, when undo no longer reaches it
    assert "loopbaangesprek" in shown_rows(analysis) and tab.left_out_words() == ()


def test_the_tab_keeps_each_documents_counts_in_the_project(qtbot, analysis: AnalysisWindow) -> None:
    from lobcoder.analysis.words import COUNTS_KIND
    from lobcoder.storage.models import NlpCache

    tab = analysis.words
    store = analysis.store
    assert store is not None
    with store.read() as session:
        assert session.query(NlpCache).filter(NlpCache.pipeline == COUNTS_KIND).count() == 2  # both documents
    shown = shown_rows(analysis)
    with qtbot.waitSignal(tab.computed, timeout=20000):
        tab.recompute()  # from the kept counts: the same table
    assert shown_rows(analysis) == shown


def test_a_pseudonymised_export_does_not_print_a_left_out_name(qtbot, window: MainWindow, tmp_path: Path) -> None:
    """The notes list the left-out words; "anna" left out, and accepted as a name, is not among them."""
    from lobcoder.gui.pseudonymise.leak_box import OBJECT_NAME
    from lobcoder.pseudonymise.categories import Category
    from lobcoder.pseudonymise.decisions import save_decisions
    from lobcoder.pseudonymise.termlist import Decision
    from lobcoder.pseudonymise.written_text import written_texts
    from lobcoder.services.left_out_words import set_left_out_words

    store = window.store
    assert store is not None
    with store.transaction() as session:
        save_decisions(session, [Decision("Anna", Category.PERSON, "Docent 1")])
        set_left_out_words(session, ["anna", "koffie"])
    analysis = open_words_tab(qtbot, window)
    tab = analysis.words
    tab.pseudonymise.set_terms(1)
    tab.pseudonymise.setChecked(True)
    target = tmp_path / "woorden.docx"
    with qtbot.waitSignal(tab.exported, timeout=60000):
        tab.export_to(target)
    written = "\n".join(text for _, text in written_texts([target]))
    assert "koffie" in written and "anna" not in written.casefold()
    qtbot.waitUntil(lambda: analysis.findChild(QMessageBox, OBJECT_NAME) is not None, timeout=20000)
    box = analysis.findChild(QMessageBox, OBJECT_NAME)
    assert box is not None and box.icon() == QMessageBox.Icon.Information
