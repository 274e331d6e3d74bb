"""Project-wide search with keyword-in-context results and "code all hits"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lobcoder.search.fulltext import SearchHit, SearchResult, search
from lobcoder.search.query import QueryError
from lobcoder.storage.project import ProjectStore

HitRole = Qt.ItemDataRole.UserRole + 20


def _line(text: str) -> str:
    return " ".join(text.split())


class SearchResultsModel(QAbstractTableModel):
    """Keyword-in-context rows: document, left context, hit, right context."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: tuple[SearchHit, ...] = ()

    def set_hits(self, hits: tuple[SearchHit, ...]) -> None:
        self.beginResetModel()
        self._hits = hits
        self.endResetModel()

    def hits(self) -> tuple[SearchHit, ...]:
        return self._hits

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Document"), self.tr("Before"), self.tr("Hit"), self.tr("After"))[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (hit.document_name, _line(hit.left), hit.hit, _line(hit.right))[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{hit.document_name} @ {hit.start}"
        if role == HitRole:
            return hit
        return None


class SearchPanel(QWidget):
    """Search box, results and the "code all hits" button.

    Signals:
        hitActivated(int, int, int): document id, start, end of a clicked hit.
        codeAllRequested(object): a tuple of ``SearchHit`` to code with the current code.
    """

    hitActivated = Signal(int, int, int)
    codeAllRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store: ProjectStore | None = None
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr('Search all documents: words, "a phrase", prefix*, OR, -exclude'))
        self.query.setClearButtonEnabled(True)
        self.query.returnPressed.connect(self.run_search)
        self.status = QLabel()
        self.code_all = QPushButton(self.tr("Code all h&its with the selected code"))
        self.code_all.setEnabled(False)
        self.model = SearchResultsModel(self)
        self.code_all.clicked.connect(lambda: self.codeAllRequested.emit(self.model.hits()))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._activate)
        self.table.clicked.connect(self._activate)
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.code_all)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

    def set_store(self, store: ProjectStore | None) -> None:
        self.store = store
        self.model.set_hits(())
        self.status.clear()
        self.code_all.setEnabled(False)

    @Slot()
    def run_search(self) -> SearchResult | None:
        text = self.query.text().strip()
        if self.store is None or not text:
            self.model.set_hits(())
            self.status.clear()
            self.code_all.setEnabled(False)
            return None
        try:
            with self.store.read() as session:
                result = search(session, text, limit=1000)
        except QueryError:
            self.model.set_hits(())
            self.status.setText(self.tr("Type at least one word to look for."))
            self.code_all.setEnabled(False)
            return None
        self.model.set_hits(result.hits)
        more = self.tr(" (first %n shown)", "", len(result.hits)) if result.truncated else ""
        self.status.setText(
            self.tr("%n hit(s)", "", len(result.hits))
            + self.tr(" in %n document(s)", "", result.documents_matched)
            + more
        )
        self.code_all.setEnabled(bool(result.hits))
        return result

    def refresh_results(self) -> None:
        """Search again for what is shown, after documents were renamed or removed (nothing shown: nothing)."""
        if self.model.hits() or self.status.text():
            self.run_search()

    @Slot(QModelIndex)
    def _activate(self, index: QModelIndex) -> None:
        hit = index.data(HitRole)
        if hit is not None:
            self.hitActivated.emit(hit.document_id, hit.start, hit.end)
