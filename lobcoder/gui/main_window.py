"""The main window: documents on the left, the selected transcript on the right."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Slot
from PySide6.QtGui import QAction, QFont, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListView,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
)

from lobcoder.errors import LobcoderError
from lobcoder.gui.document_list_model import DocumentIdRole, DocumentListModel
from lobcoder.services.documents import DocumentView, get_document, list_documents, project_info
from lobcoder.storage.project import EXTENSION, ProjectStore
from lobcoder.text.offsets import Utf16Index


class MainWindow(QMainWindow):
    """Opens a project, lists its documents and shows one transcript."""

    def __init__(self) -> None:
        super().__init__()
        self.store: ProjectStore | None = None
        self.resize(1200, 800)
        self.documents = DocumentListModel(self)
        self.document_list = QListView()
        self.document_list.setModel(self.documents)
        self.document_list.clicked.connect(self._open_document)
        self.text_view = QPlainTextEdit()
        self.text_view.setReadOnly(True)
        splitter = QSplitter()
        splitter.addWidget(self.document_list)
        splitter.addWidget(self.text_view)
        splitter.setSizes([280, 920])
        self.setCentralWidget(splitter)
        self.status = QLabel()
        self.statusBar().addWidget(self.status)
        self._build_menu()
        self._update_title()

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        for text, shortcut, slot in (
            (self.tr("&New project…"), QKeySequence.StandardKey.New, self._new_project),
            (self.tr("&Open project…"), QKeySequence.StandardKey.Open, self._choose_project),
            (self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close),
        ):
            action = QAction(text, self)
            action.setShortcut(shortcut)
            action.triggered.connect(slot)
            menu.addAction(action)

    def _update_title(self) -> None:
        name = self.store.path.name if self.store else self.tr("no project")
        self.setWindowTitle(self.tr("lobcoder — {0}").format(name))

    @Slot()
    def _new_project(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("New project"), "", self.tr("lobcoder projects (*{0})").format(EXTENSION)
        )
        if path:
            target = Path(path) if Path(path).suffix else Path(path + EXTENSION)
            self._run(lambda: ProjectStore.create(target))

    @Slot()
    def _choose_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open project"), "", self.tr("lobcoder projects (*{0})").format(EXTENSION)
        )
        if path:
            self.open_project(Path(path))

    def open_project(self, path: Path) -> None:
        self._run(lambda: ProjectStore.open(path))

    def _run(self, opener) -> None:  # type: ignore[no-untyped-def]
        try:
            store = opener()
        except LobcoderError as exc:
            QMessageBox.warning(self, self.tr("Cannot open project"), str(exc))
            return
        if self.store is not None:
            self.store.close()
        self.store = store
        self.refresh()

    def refresh(self) -> None:
        if self.store is None:
            return
        with self.store.read() as session:
            self.documents.set_documents(list_documents(session))
            info = project_info(session)
        self.text_view.clear()
        self.status.setText(
            self.tr("{0} documents, {1} speaker turns, {2} codings").format(info.documents, info.turns, info.codings)
        )
        self._update_title()

    @Slot(QModelIndex)
    def _open_document(self, index: QModelIndex) -> None:
        if self.store is None or not index.isValid():
            return
        with self.store.read() as session:
            view = get_document(session, int(index.data(DocumentIdRole)))
        self.show_document(view)

    def show_document(self, view: DocumentView) -> None:
        """Show the text with speaker labels in bold (offsets converted to UTF-16)."""
        self.text_view.setPlainText(view.text)
        units = Utf16Index(view.text)
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        cursor = QTextCursor(self.text_view.document())
        for turn in view.turns:
            if turn.start > turn.label_start:
                cursor.setPosition(units.to_utf16(turn.label_start))
                cursor.setPosition(units.to_utf16(turn.start), QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(bold)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if self.store is not None:
            self.store.close()
            self.store = None
        super().closeEvent(event)
