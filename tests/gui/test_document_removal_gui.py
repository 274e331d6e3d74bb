"""Edit → Remove document…: confirm, and the document leaves the list, the view and the undo stack; backup named."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

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


def open_by_name(win: MainWindow, name: str) -> int:
    assert win.overview is not None
    document_id = next(d.id for d in win.overview.documents if d.name == name)
    win.open_document(document_id)
    return document_id


def test_removing_the_open_document(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = build(tmp_path)
    assert window.open_project(project)
    open_by_name(window, "Verkeerd")
    assert "aardappelen" in window.transcript.editor.toPlainText()
    assert window.undo_stack is not None
    shown = answer(monkeypatch, QMessageBox.StandardButton.Yes)

    window.menu_actions.document_removal.action.trigger()

    question, outcome = shown
    assert "“Verkeerd”" in question and "2 codings" in question and "backup" in question
    [backup] = [b for b in list_backups(project) if b.reason == BEFORE_REMOVE]
    assert "Restore from backup" in outcome and backup.path.name in outcome
    assert listed(window) == ["Student01", "Student02"]
    assert window.document is None and window.transcript.editor.toPlainText() == ""
    assert window.undo_stack.count() == 0


def test_cancel_removes_nothing_and_another_document_stays_open(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
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
    assert listed(window) == ["Student01", "Student02"]
    assert window.document is not None and window.document.id == opened  # the open one stays open
    assert "kok" in window.transcript.editor.toPlainText()


def test_dutch_wording_and_a_look_at_the_question(
    window: MainWindow, qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lobcoder.gui.i18n import install_translations

    install_translations(qapp, "nl")  # the conftest puts English back afterwards
    project = build(tmp_path)
    remove = window.menu_actions.document_removal
    assert window.open_project(project)
    open_by_name(window, "Verkeerd")
    shown = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    remove.action.trigger()
    question, outcome = shown
    assert "“Verkeerd” uit het project verwijderen?" in question and "2 coderingen" in question
    assert "Bestand ▸ Terugzetten uit reservekopie" in outcome
    assert remove.question is not None
    remove.question.show()  # laid out as she sees it
    remove.question.grab().save(str(tmp_path / "question.png"))
    remove.question.close()
    assert (tmp_path / "question.png").stat().st_size > 0


def test_the_document_list_context_menu_removes_the_document_under_the_mouse(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
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
        popup.setActiveAction(popup.actions()[0])
        QTest.keyClick(popup, Qt.Key.Key_Return)

    QTimer.singleShot(0, choose)
    assert tree.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu  # a right-click emits the request
    tree.customContextMenuRequested.emit(tree.visualRect(index).center())
    assert offered == [["Re&move document…"]]
    assert listed(window) == ["Student01", "Student02"]
