"""Edit → Remove document…: confirm, and the document leaves the list, the view and the undo stack; backup named."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QRunnable, Qt, QThreadPool, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QPushButton

from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.models.document_tree_model import DocumentIdRole
from lobcoder.gui.settings import Settings
from lobcoder.storage.backups import BEFORE_REMOVE, list_backups
from tests.services.test_document_removal import build


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    win = MainWindow(Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close_project()
    win.close()


def listed(win: MainWindow) -> list[str]:
    model = win.document_tree.model()
    names: list[str] = []
    pending = [QModelIndex()]
    while pending:
        parent = pending.pop()
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if index.data(DocumentIdRole) is not None:
                names.append(index.data())
            pending.append(index)
    return sorted(names)


def answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    """Every message box is answered with ``button``; returns the texts shown."""
    shown: list[str] = []

    def exec_(box: QMessageBox) -> int:
        shown.append(box.text())
        return button

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return shown


def removed(qtbot, win: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Wait until the removal's worker has ended and its outcome is shown."""
    task = win.menu_actions.document_removal.task
    assert task is not None
    qtbot.waitUntil(lambda: task.ended, timeout=60_000)


def open_by_name(win: MainWindow, name: str) -> int:
    assert win.overview is not None
    document_id = next(d.id for d in win.overview.documents if d.name == name)
    win.open_document(document_id)
    return document_id


def test_removing_the_open_document(qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = build(tmp_path)
    assert window.open_project(project)
    open_by_name(window, "Verkeerd")
    assert "aardappelen" in window.transcript.editor.toPlainText()
    assert window.undo_stack is not None
    shown = answer(monkeypatch, QMessageBox.StandardButton.Yes)

    window.menu_actions.document_removal.action.trigger()
    removed(qtbot, window)

    question, outcome = shown
    assert "“Verkeerd”" in question and "2 codings" in question and "backup" in question
    [backup] = [b for b in list_backups(project) if b.reason == BEFORE_REMOVE]
    assert "Restore from backup" in outcome and backup.path.name in outcome
    assert listed(window) == ["Student01", "Student02"]
    assert window.document is None and window.transcript.editor.toPlainText() == ""
    assert window.suggestions.document_id is None and window.suggestions.pane.model.rowCount() == 0
    assert window.undo_stack.count() == 0


def test_cancel_removes_nothing_and_another_document_stays_open(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = build(tmp_path)
    assert window.open_project(project)
    opened = open_by_name(window, "Student01")
    remove = window.menu_actions.document_removal
    tree = window.document_tree
    source = window.document_model.index_for_document(
        next(d.id for d in window.overview.documents if d.name == "Verkeerd")
    )  # type: ignore[union-attr]
    tree.setCurrentIndex(window.document_filter.mapFromSource(source))
    shown = answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    remove.action.trigger()
    assert len(shown) == 1 and "“Verkeerd”" in shown[0]
    assert listed(window) == ["Student01", "Student02", "Verkeerd"]
    assert not [b for b in list_backups(project) if b.reason == BEFORE_REMOVE]

    shown = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    remove.action.trigger()
    removed(qtbot, window)
    assert listed(window) == ["Student01", "Student02"]
    assert window.document is not None and window.document.id == opened  # the open one stays open
    assert "kok" in window.transcript.editor.toPlainText()


def test_dutch_wording_and_a_look_at_the_question(
    qtbot, window: MainWindow, qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lobcoder.gui.i18n import install_translations

    install_translations(qapp, "nl")  # the conftest puts English back afterwards
    project = build(tmp_path)
    remove = window.menu_actions.document_removal
    assert window.open_project(project)
    open_by_name(window, "Verkeerd")
    shown = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    remove.action.trigger()
    removed(qtbot, window)
    question, outcome = shown
    assert "“Verkeerd” uit het project verwijderen?" in question and "2 coderingen" in question
    assert "Bestand ▸ Terugzetten uit reservekopie" in outcome
    assert remove.question is not None
    remove.question.show()  # laid out as she sees it
    remove.question.grab().save(str(tmp_path / "question.png"))
    remove.question.close()
    assert (tmp_path / "question.png").stat().st_size > 0


def test_the_document_list_context_menu_removes_the_document_under_the_mouse(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = build(tmp_path)
    assert window.open_project(project)
    open_by_name(window, "Student01")
    assert window.overview is not None
    wrong = next(d.id for d in window.overview.documents if d.name == "Verkeerd")
    tree = window.document_tree
    index = window.document_filter.mapFromSource(window.document_model.index_for_document(wrong))
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    offered: list[list[str]] = []

    def choose() -> None:
        popup = QApplication.activePopupWidget()
        if not isinstance(popup, QMenu):
            QTimer.singleShot(20, choose)  # not open yet
            return
        offered.append([a.text() for a in popup.actions()])
        popup.setActiveAction(popup.actions()[1])
        QTest.keyClick(popup, Qt.Key.Key_Return)

    QTimer.singleShot(0, choose)
    assert tree.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu  # a right-click emits the request
    tree.customContextMenuRequested.emit(tree.visualRect(index).center())
    assert offered == [["Re&name document…", "Re&move document…"]]
    removed(qtbot, window)
    assert listed(window) == ["Student01", "Student02"]


@contextmanager
def pool_held() -> Iterator[threading.Event]:
    """The global thread pool kept busy until the event is set, so a worker started now waits to run."""
    pool = QThreadPool.globalInstance()
    assert pool.waitForDone(30_000)
    old = pool.maxThreadCount()
    gate = threading.Event()

    class Hold(QRunnable):
        def run(self) -> None:
            gate.wait(30)

    hold = Hold()
    hold.setAutoDelete(False)
    pool.setMaxThreadCount(1)
    pool.start(hold)
    try:
        yield gate
    finally:
        gate.set()
        pool.setMaxThreadCount(old)


def test_the_backup_runs_in_a_worker_and_cancel_removes_nothing(
    qtbot, window: MainWindow, qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lobcoder.gui.i18n import install_translations

    project = build(tmp_path)
    assert window.open_project(project)
    open_by_name(window, "Verkeerd")
    remove = window.menu_actions.document_removal
    for language in ("en", "nl"):
        install_translations(qapp, language)
        shown = answer(monkeypatch, QMessageBox.StandardButton.Yes)
        with pool_held():
            remove.action.trigger()
            task = remove.task
            assert task is not None and not task.ended  # the UI thread is free while the backup waits to run
            qtbot.waitUntil(lambda task=task: task.progress.isVisible(), timeout=5000)
            label = task.progress.labelText()
            task.progress.grab().save(str(tmp_path / f"removal_progress_{language}.png"))
            cancel = next(b for b in task.progress.findChildren(QPushButton))
            qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda task=task: task.ended, timeout=30_000)
        expected = {
            "en": ("Backing up the project, then removing “Verkeerd”…", "cancelled; nothing was written"),
            "nl": ("Reservekopie van het project maken, dan “Verkeerd” verwijderen…", "geannuleerd"),
        }[language]
        assert label == expected[0]
        assert expected[1] in window.statusBar().currentMessage()
        assert len(shown) == 1  # the question; no outcome
        assert listed(window) == ["Student01", "Student02", "Verkeerd"]
        assert "aardappelen" in window.transcript.editor.toPlainText()
        assert not [b for b in list_backups(project) if b.reason == BEFORE_REMOVE]


def test_search_results_and_the_analysis_window_drop_the_removed_document(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lobcoder.gui.analysis.install import AnalysisMenu
    from tests.gui.test_analysis_window import cell, code_id, wait_idle

    project = build(tmp_path)
    assert window.open_project(project)
    open_by_name(window, "Student01")
    panel = window.search_panel
    panel.query.setText("Student")
    panel.run_search()
    assert {hit.document_name for hit in panel.model.hits()} == {"Student01", "Student02", "Verkeerd"}
    menu = window.findChild(AnalysisMenu)
    assert menu is not None
    analysis = menu.show_analysis()
    wait_idle(qtbot, analysis)
    keuze = code_id(window, "Keuze")
    window.select_code(keuze)
    segments = window.segment_model
    assert {segments.segment(r).document_name for r in range(segments.rowCount())} == {  # type: ignore[union-attr]
        "Student01",
        "Student02",
        "Verkeerd",
    }
    assert cell(analysis.frequencies.model, keuze, "codings").data() == "6"
    assert cell(analysis.frequencies.model, keuze, "documents").data() == "3"
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    source = window.document_model.index_for_document(
        next(d.id for d in window.overview.documents if d.name == "Verkeerd")  # type: ignore[union-attr]
    )
    window.document_tree.setCurrentIndex(window.document_filter.mapFromSource(source))

    window.menu_actions.document_removal.action.trigger()
    removed(qtbot, window)

    assert {hit.document_name for hit in panel.model.hits()} == {"Student01", "Student02"}
    assert "in 2 documents" in panel.status.text()
    assert {segments.segment(r).document_name for r in range(segments.rowCount())} == {"Student01", "Student02"}  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: cell(analysis.frequencies.model, keuze, "codings").data() == "4", timeout=60_000)
    wait_idle(qtbot, analysis)
    assert cell(analysis.frequencies.model, keuze, "documents").data() == "2"
    analysis.close()


def test_a_removal_that_ends_after_the_project_was_closed_still_says_what_it_did(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = build(tmp_path)
    assert window.open_project(project)
    open_by_name(window, "Verkeerd")
    remove = window.menu_actions.document_removal
    shown = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    with pool_held():
        remove.action.trigger()
        task = remove.task
        assert task is not None and not task.ended
        window.close_project()
    qtbot.waitUntil(lambda: task.ended, timeout=30_000)
    [backup] = [b for b in list_backups(project) if b.reason == BEFORE_REMOVE]
    assert len(shown) == 2 and "“Verkeerd” was removed" in shown[1] and backup.path.name in shown[1]
    assert backup.counts() == (3, 6)
    assert window.store is None


def test_removing_a_document_another_window_removed_says_it_is_gone(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lobcoder.services.documents import delete_document
    from lobcoder.storage.project import ProjectStore

    project = build(tmp_path)
    assert window.open_project(project)
    open_by_name(window, "Verkeerd")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: warnings.append(text))
    shown = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    with ProjectStore.open(project) as other, other.transaction() as session:
        delete_document(session, "Verkeerd")  # meanwhile, in another window
    window.menu_actions.document_removal.action.trigger()
    assert window.menu_actions.document_removal.task is None  # no backup started for it
    assert warnings == ["This document is no longer in the project (removed in another window or by another coder?)"]
    assert len(shown) == 1  # the question; no outcome
    assert not [b for b in list_backups(project) if b.reason == BEFORE_REMOVE]  # none made for nothing
    assert listed(window) == ["Student01", "Student02"]  # the list drops it
    assert window.document is None and window.transcript.editor.toPlainText() == ""
