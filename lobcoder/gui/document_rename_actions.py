"""Edit → Rename document…, the document list's context menu and F2 in the list: rename a document, undoably."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from lobcoder.editing.document_commands import RenameDocument
from lobcoder.errors import NotFoundError
from lobcoder.gui.document_removal_actions import chosen_document
from lobcoder.gui.failures import error_text, sentence
from lobcoder.services.documents import DOCUMENT_NAME_MAX, document_guid

if TYPE_CHECKING:
    from lobcoder.gui.main_window import MainWindow


class DocumentRename(QObject):
    """Owns "Rename document…"; ``dialog`` is the last name dialog opened (for tests and screenshots).

    The rename is a :class:`RenameDocument` on the undo stack (one transaction;
    Ctrl+Z gives the old name back). A refused name (taken, in any case, by
    another document; empty) is said in the stack's warning, and the dialog
    opens again with what was typed, to correct it.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: QInputDialog | None = None
        self.action = QAction(self.tr("Re&name document…"), window)
        self.action.triggered.connect(self.rename_current)
        # F2 renames the code where the code tree has it (a window shortcut); in the document list, the document.
        window.document_tree.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_F2 and not event.modifiers():
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()  # the list takes F2 itself, before the window's shortcut
                return True
            if event.type() == QEvent.Type.KeyPress:
                self.rename_current()
                return True
        return super().eventFilter(watched, event)

    @Slot()
    def rename_current(self) -> QInputDialog | None:
        window = self.window
        document = chosen_document(window)
        if window.store is None or window.undo_stack is None or document is None:
            QMessageBox.information(window, self.tr("Rename document"), self.tr("Choose a document in the list first."))
            return None
        return self._ask(document.id, document.name, document.name)

    def _ask(self, document_id: int, old: str, typed: str) -> QInputDialog:
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle(self.tr("Rename document"))
        dialog.setLabelText(self.tr("New name for “{0}”:").format(old))
        dialog.setTextValue(typed)
        dialog.setOkButtonText(self.tr("&Rename"))
        dialog.setCancelButtonText(self.tr("Cancel"))
        line = dialog.findChild(QLineEdit)
        if line is not None:  # room for a long interview name (ATLAS.ti-style "Docent07_w2_school_B")
            # Qt counts UTF-16 units, the limit code points: room for any name the limit allows (an emoji
            # is two units); a longer one is refused by rename_document, saying so.
            line.setMaxLength(2 * DOCUMENT_NAME_MAX)
            line.setMinimumWidth(min(720, max(360, line.fontMetrics().horizontalAdvance(typed) + 40)))
            line.selectAll()
        dialog.textValueSelected.connect(lambda new: self._rename(document_id, old, new))
        if self.dialog is not None and self.dialog is not dialog:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()
        return dialog

    def _rename(self, document_id: int, old: str, new: str) -> bool:
        window = self.window
        if window.store is None or window.undo_stack is None or " ".join(new.split()) == old:
            return False
        try:
            with window.store.read() as session:
                guid = document_guid(session, document_id)
        except NotFoundError as exc:  # removed in another window or by another coder since the list was read
            QMessageBox.warning(window, self.tr("Rename document"), sentence(error_text(exc)))
            window.undo_stack.changed_elsewhere()  # the list drops it
            return False
        if not window.undo_stack.execute(RenameDocument(guid, old, new)):
            self._ask(document_id, old, new)  # the stack said why; let her correct what she typed
            return False
        source = window.document_model.index_for_document(document_id)
        if source.isValid():
            window.document_tree.setCurrentIndex(window.document_filter.mapFromSource(source))
        window.statusBar().showMessage(self.tr("Renamed “{0}” to “{1}”.").format(old, " ".join(new.split())), 8000)
        return True
