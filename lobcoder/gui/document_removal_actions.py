"""Edit → Remove document… and the document list's context menu: remove a wrongly imported document.

The removal itself is ``services/document_removal.py`` (a backup first, then
one transaction). It runs in a worker behind a progress dialog: the backup
may take a while and can be cancelled; cancelling during the backup removes
nothing (once the backup is in place, the removal goes on). It
cannot be undone with Ctrl+Z: the undo stack is cleared, since earlier undo
steps may refer to the document; the backup brings it back. Afterwards every
view that may show the document reads the project again (the undo stack's
``changed_elsewhere``): the list, counts, search results, suggestions and an
open Analysis window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox

from lobcoder.errors import NotFoundError
from lobcoder.gui.background_task import TaskActions
from lobcoder.gui.failures import error_text, sentence
from lobcoder.gui.models.document_tree_model import DocumentIdRole
from lobcoder.gui.workers import CancelCheck, ProgressCallback
from lobcoder.services.document_removal import Removal, remove_documents
from lobcoder.services.documents import DocumentSummary, find_document

if TYPE_CHECKING:
    from lobcoder.gui.main_window import MainWindow
    from lobcoder.storage.project import ProjectStore


def chosen_document(window: MainWindow) -> DocumentSummary | None:
    """The document selected in the list, else the open one."""
    if window.overview is None:
        return None
    wanted = window.document_tree.currentIndex().data(DocumentIdRole)
    if wanted is None and window.document is not None:
        wanted = window.document.id
    return next((d for d in window.overview.documents if d.id == wanted), None)


class DocumentRemoval(TaskActions):
    """Owns "Remove document…" and the document list's context menu (``context_actions``, in order).

    ``question`` and ``outcome`` are the last boxes shown and ``task`` the last removal run (for tests).
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.question: QMessageBox | None = None
        self.outcome: QMessageBox | None = None
        self.action = QAction(self.tr("Re&move document…"), window)
        self.action.triggered.connect(self.remove_current)
        self.context_actions: list[QAction] = [self.action]
        tree = window.document_tree
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self._context_menu)

    @Slot(QPoint)
    def _context_menu(self, position: QPoint) -> None:
        tree = self.window.document_tree
        index = tree.indexAt(position)
        if index.data(DocumentIdRole) is None:
            return
        tree.setCurrentIndex(index)
        menu = QMenu(tree)
        menu.addActions(self.context_actions)
        menu.exec(tree.viewport().mapToGlobal(position))

    def chosen(self) -> DocumentSummary | None:
        """The document selected in the list, else the open one."""
        return chosen_document(self.window)

    def _box(self, icon: QMessageBox.Icon, text: str, buttons: QMessageBox.StandardButton) -> QMessageBox:
        return QMessageBox(icon, self.tr("Remove document"), text, buttons, self.window)

    @Slot()
    def remove_current(self) -> None:
        window = self.window
        document = self.chosen()
        if window.store is None or document is None:
            QMessageBox.information(window, self.tr("Remove document"), self.tr("Choose a document in the list first."))
            return
        if self._busy():
            return
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel
        self.question = self._box(
            QMessageBox.Icon.Warning,
            self.tr(
                "Remove “{0}” from the project?\n\nIts %n coding(s), its memos and speaker turns go with it. "
                "A backup of the project is made first; Undo cannot bring the document back.",
                "",
                document.codings,
            ).format(document.name),
            buttons,
        )
        self.question.setDefaultButton(QMessageBox.StandardButton.Cancel)
        if self.question.exec() != QMessageBox.StandardButton.Yes:
            return
        window.coding_pane.commit_memo()
        store = window.store
        try:
            with store.read() as session:
                find_document(session, document.id)
        except NotFoundError as exc:  # removed in another window or by another coder since the list was read
            QMessageBox.warning(window, self.tr("Remove document"), sentence(error_text(exc)))
            self._update_views(document)  # the list drops it; the view closes it
            return

        def work(progress: ProgressCallback, cancelled: CancelCheck) -> Removal:
            return remove_documents(store, [document.id], progress=progress, cancelled=cancelled)

        self._start(
            self.tr("Remove document"),
            self.tr("Backing up the project, then removing “{0}”…").format(document.name),
            work,
            lambda removal: self._removed(store, document, removal),
        )

    def _removed(self, store: ProjectStore, document: DocumentSummary, removal: Removal) -> None:
        window = self.window
        if window.store is store:  # else it was closed meanwhile: no view to update, but she is told all the same
            self._update_views(document)
        self.outcome = self._box(
            QMessageBox.Icon.Information,
            self.tr(
                "“{0}” was removed. It can be brought back from the backup made just before "
                "(File ▸ Restore from backup…, {1})."
            ).format(document.name, removal.backup.name),
            QMessageBox.StandardButton.Ok,
        )
        self.outcome.exec()

    def _update_views(self, document: DocumentSummary) -> None:
        window = self.window
        if window.document is not None and window.document.id == document.id:
            window.document = None
            window.coding.codings = []
            window.transcript.clear()
            window.coding_pane.show_coding(None)
            window.suggestions.document_closed()
        if window.undo_stack is not None:
            window.undo_stack.clear()  # earlier steps may refer to the document
            window.undo_stack.changed_elsewhere()  # the list, counts, search hits, suggestions, analysis
        else:
            window.refresh()
