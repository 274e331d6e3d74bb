"""Editing the code tree: create, rename, recolour, move, merge, delete, memos."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QInputDialog, QMenu, QMessageBox

from lobcoder.editing.code_commands import CreateCode, DeleteCode, MergeCodes, MoveCode, UpdateCode
from lobcoder.editing.coding_commands import SetMemo
from lobcoder.gui.memo_dialog import MemoDialog
from lobcoder.gui.quick_code import QuickCodePicker
from lobcoder.services.codes import count_subtree
from lobcoder.services.memos import MemoTarget, get_memo

if TYPE_CHECKING:
    from lobcoder.gui.main_window import MainWindow


class CodebookActions(QObject):
    """Menu actions and drag-and-drop on the code tree, as undoable commands."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.code_model.renameRequested.connect(self._renamed)
        window.code_model.moveRequested.connect(self._moved)
        window.code_tree.customContextMenuRequested.connect(self._context_menu)

    def _run(self, command) -> bool:
        stack = self.window.undo_stack
        return bool(stack and stack.execute(command))

    def _guid(self, code_id: int | None) -> str | None:
        return self.window.codes_by_id[code_id].guid if code_id in self.window.codes_by_id else None

    @Slot()
    def new_code(self, as_child: bool = False) -> None:
        if self.window.store is None:
            return
        parent = self._guid(self.window.current_code_id()) if as_child else None
        title = self.tr("New sub-code") if as_child else self.tr("New code")
        name, ok = QInputDialog.getText(self.window, title, self.tr("Name of the code:"))
        if ok and name.strip():
            command = CreateCode(name.strip(), parent_guid=parent)
            if self._run(command) and (created := self.window.code_id_for_guid(command.guid)) is not None:
                self.window.select_code(created)

    @Slot()
    def rename_code(self) -> None:
        index = self.window.code_tree.currentIndex()
        if index.isValid():
            self.window.code_tree.edit(index.siblingAtColumn(0))

    @Slot(int, str)
    def _renamed(self, code_id: int, name: str) -> None:
        guid = self._guid(code_id)
        if guid:
            self._run(UpdateCode(guid, name=name))

    @Slot()
    def recolor_code(self) -> None:
        code_id = self.window.current_code_id()
        if code_id is None:
            return
        code = self.window.codes_by_id[code_id]
        color = QColorDialog.getColor(QColor(code.color), self.window, self.tr("Colour of ‘{0}’").format(code.name))
        if color.isValid():
            self._run(UpdateCode(code.guid, color=color.name()))

    @Slot(int, object, int)
    def _moved(self, code_id: int, parent_id: int | None, position: int) -> None:
        guid = self._guid(code_id)
        if guid:
            self._run(MoveCode(guid, self._guid(parent_id) if parent_id is not None else None, position))
            self.window.select_code(code_id)

    @Slot()
    def merge_code(self) -> None:
        code_id = self.window.current_code_id()
        if code_id is None:
            return
        source = self.window.codes_by_id[code_id]
        others = [c for c in self.window.codes_by_id.values() if c.id != code_id]
        picker = QuickCodePicker(others, self.window)
        picker.setWindowTitle(self.tr("Merge ‘{0}’ into…").format(source.name))
        if picker.exec() and picker.chosen_code is not None:
            target = self.window.codes_by_id[picker.chosen_code]
            if self._run(MergeCodes(source.guid, target.guid)):
                self.window.select_code(target.id)

    @Slot()
    def delete_code(self) -> None:
        code_id = self.window.current_code_id()
        if code_id is None or self.window.store is None:
            return
        code = self.window.codes_by_id[code_id]
        with self.window.store.read() as session:
            codes, codings = count_subtree(session, code_id)
        question = self.tr("Delete the code ‘{0}’?").format(code.name)
        details = self.tr("This removes %n coding(s)", "", codings)
        if codes > 1:
            details += self.tr(" and %n sub-code(s)", "", codes - 1)
        details += self.tr(". You can undo it with Ctrl+Z.")
        answer = QMessageBox.question(self.window, self.tr("Delete code"), question + "\n\n" + details)
        if answer == QMessageBox.StandardButton.Yes:
            self._run(DeleteCode(code.guid, name=code.name))

    def edit_memo(self, kind: str) -> None:
        """Memo on the current code, the open document or the project."""
        store = self.window.store
        if store is None:
            return
        if kind == "code":
            code_id = self.window.current_code_id()
            if code_id is None:
                return
            target, guid = MemoTarget("code", code_id), self.window.codes_by_id[code_id].guid
            subject = self.tr("Memo on the code ‘{0}’").format(self.window.codes_by_id[code_id].name)
        elif kind == "document":
            document = self.window.document
            if document is None:
                return
            target, guid = MemoTarget("document", document.id), document.guid
            subject = self.tr("Memo on the document ‘{0}’").format(document.name)
        else:
            target, guid, subject = MemoTarget("project"), None, self.tr("Memo on the project")
        with store.read() as session:
            text = get_memo(session, target)
        dialog = MemoDialog(self.tr("Memo"), subject, text, self.window)
        if dialog.exec() and dialog.text() != text:
            self._run(SetMemo(kind, guid, dialog.text()))  # type: ignore[arg-type]

    @Slot(QPoint)
    def _context_menu(self, point: QPoint) -> None:
        menu = QMenu(self.window)
        actions = self.window.menu_actions
        for action in actions.code_menu_actions():
            menu.addAction(action)
        menu.exec(self.window.code_tree.viewport().mapToGlobal(point))
