"""Edit → Rename document…, the list's context menu and F2: the list shows the new name; Undo gives the old one back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QLineEdit, QMenu, QMessageBox

from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.settings import Settings
from lobcoder.services.documents import DOCUMENT_NAME_MAX, delete_document, rename_document
from lobcoder.storage.project import ProjectStore
from tests.gui.test_document_removal_gui import listed, open_by_name
from tests.services.test_document_removal import build


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    win = MainWindow(Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(win)
    win.show()
    assert win.open_project(build(tmp_path))
    yield win
    win.close_project()
    win.close()


def select(win: MainWindow, name: str) -> None:
    assert win.overview is not None
    document_id = next(d.id for d in win.overview.documents if d.name == name)
    source = win.document_model.index_for_document(document_id)
    win.document_tree.setCurrentIndex(win.document_filter.mapFromSource(source))


def type_and_click(qtbot, dialog: QInputDialog, name: str, button: QDialogButtonBox.StandardButton) -> None:  # type: ignore[no-untyped-def]
    line = dialog.findChild(QLineEdit)
    assert line is not None and dialog.isVisible()
    line.selectAll()
    QTest.keyClicks(line, name)
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    qtbot.mouseClick(buttons.button(button), Qt.MouseButton.LeftButton)


def hit_documents(win: MainWindow) -> set[str]:
    return {hit.document_name for hit in win.search_panel.model.hits()}


def test_rename_from_the_edit_menu_and_undo(qtbot, window: MainWindow) -> None:
    window.search_panel.query.setText("aardappelen")
    window.search_panel.run_search()
    assert hit_documents(window) == {"Verkeerd"}
    open_by_name(window, "Verkeerd")
    select(window, "Verkeerd")
    rename = window.menu_actions.document_rename
    assert rename.action in window.menu_actions.edit_menu.actions()
    rename.action.trigger()
    assert rename.dialog is not None and rename.dialog.textValue() == "Verkeerd"
    type_and_click(qtbot, rename.dialog, "Boodschappen 2024", QDialogButtonBox.StandardButton.Ok)

    assert listed(window) == ["Boodschappen 2024", "Student01", "Student02"]
    assert window.document is not None and window.document.name == "Boodschappen 2024"
    assert window.document_tree.currentIndex().data() == "Boodschappen 2024"
    assert "aardappelen" in window.transcript.editor.toPlainText()
    assert hit_documents(window) == {"Boodschappen 2024"}  # the search results name it anew
    stack = window.undo_stack
    assert stack is not None and stack.undoText() == "Rename document ‘Verkeerd’"
    stack.undo()
    assert listed(window) == ["Student01", "Student02", "Verkeerd"]
    assert window.document is not None and window.document.name == "Verkeerd"
    assert hit_documents(window) == {"Verkeerd"}
    stack.redo()
    assert listed(window) == ["Boodschappen 2024", "Student01", "Student02"]


def test_a_taken_name_is_refused_naming_it_and_the_dialog_comes_back(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: warnings.append(text))
    select(window, "Verkeerd")
    rename = window.menu_actions.document_rename
    rename.action.trigger()
    first = rename.dialog
    assert first is not None
    type_and_click(qtbot, first, "student02", QDialogButtonBox.StandardButton.Ok)
    assert warnings == ["A document named 'student02' already exists"]
    assert listed(window) == ["Student01", "Student02", "Verkeerd"]
    again = rename.dialog
    assert again is not None and again is not first and again.isVisible() and again.textValue() == "student02"
    type_and_click(qtbot, again, "Student02", QDialogButtonBox.StandardButton.Cancel)
    assert listed(window) == ["Student01", "Student02", "Verkeerd"]
    assert window.undo_stack is not None and window.undo_stack.count() == 0


def test_f2_in_the_list_and_the_context_menu_rename_the_document(qtbot, window: MainWindow) -> None:
    open_by_name(window, "Student01")
    select(window, "Verkeerd")
    tree = window.document_tree
    tree.setFocus()
    rename = window.menu_actions.document_rename
    QTest.keyClick(tree, Qt.Key.Key_F2)
    assert rename.dialog is not None and rename.dialog.textValue() == "Verkeerd"  # the document, not the code
    type_and_click(qtbot, rename.dialog, "Lijstje", QDialogButtonBox.StandardButton.Ok)
    assert listed(window) == ["Lijstje", "Student01", "Student02"]

    select(window, "Student02")
    index = tree.currentIndex()

    def choose() -> None:
        popup = QApplication.activePopupWidget()
        if not isinstance(popup, QMenu):
            QTimer.singleShot(20, choose)
            return
        popup.setActiveAction(popup.actions()[0])
        QTest.keyClick(popup, Qt.Key.Key_Return)

    QTimer.singleShot(0, choose)
    tree.customContextMenuRequested.emit(tree.visualRect(index).center())
    assert rename.dialog is not None and rename.dialog.textValue() == "Student02"
    type_and_click(qtbot, rename.dialog, "Student02 (golf 2)", QDialogButtonBox.StandardButton.Ok)
    assert listed(window) == ["Lijstje", "Student01", "Student02 (golf 2)"]


def test_dutch_dialog_and_refusal(qtbot, window: MainWindow, qapp, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from lobcoder.gui.i18n import install_translations

    for language in ("en", "nl"):
        install_translations(qapp, language)
        select(window, "Verkeerd")
        rename = window.menu_actions.document_rename
        rename.action.trigger()
        dialog = rename.dialog
        assert dialog is not None
        dialog.grab().save(str(tmp_path / f"rename_{language}.png"))
        label = dialog.labelText()
        dialog.reject()
        assert label == {"en": "New name for “Verkeerd”:", "nl": "Nieuwe naam voor “Verkeerd”:"}[language]
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: warnings.append(text))
    rename.action.trigger()
    assert rename.dialog is not None
    type_and_click(qtbot, rename.dialog, "STUDENT01", QDialogButtonBox.StandardButton.Ok)
    assert warnings == ["Er bestaat al een document met de naam 'STUDENT01'"]
    rename.dialog.reject()


def test_renaming_a_document_another_window_removed_says_so_and_drops_it_from_the_list(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: warnings.append(text))
    select(window, "Verkeerd")
    rename = window.menu_actions.document_rename
    rename.action.trigger()
    dialog = rename.dialog
    assert dialog is not None
    with ProjectStore.open(window.store.path) as other, other.transaction() as session:  # type: ignore[union-attr]
        delete_document(session, "Verkeerd")  # meanwhile, in another window
    type_and_click(qtbot, dialog, "Lijstje", QDialogButtonBox.StandardButton.Ok)
    assert warnings == ["This document is no longer in the project (removed in another window or by another coder?)"]
    assert listed(window) == ["Student01", "Student02"]
    assert rename.dialog is dialog and not dialog.isVisible()  # not asked again: there is nothing to rename
    assert window.undo_stack is not None and window.undo_stack.count() == 0


def test_a_long_emoji_name_is_not_cut_in_the_dialog(qtbot, window: MainWindow) -> None:
    long_name = "😀" * 200  # 200 code points, 400 UTF-16 units
    with window.store.transaction() as session:  # type: ignore[union-attr]
        rename_document(session, "Verkeerd", long_name)
    window.refresh()
    select(window, long_name)
    rename = window.menu_actions.document_rename
    rename.action.trigger()
    assert rename.dialog is not None and rename.dialog.textValue() == long_name
    longest = "é" + "😀" * (DOCUMENT_NAME_MAX - 1)
    line = rename.dialog.findChild(QLineEdit)
    buttons = rename.dialog.findChild(QDialogButtonBox)
    assert line is not None and buttons is not None
    line.setText(longest)  # pasted (QTest cannot type an emoji)
    assert line.text() == longest
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert longest in listed(window)
