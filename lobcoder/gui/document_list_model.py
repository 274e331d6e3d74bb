"""Qt list model over the project's documents (plain summaries, no ORM objects)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from lobcoder.services.documents import DocumentSummary

DocumentIdRole = Qt.ItemDataRole.UserRole + 1


class DocumentListModel(QAbstractListModel):
    """One row per document: name, with participant and size in the tooltip."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._documents: list[DocumentSummary] = []

    def set_documents(self, documents: Sequence[DocumentSummary]) -> None:
        self.beginResetModel()
        self._documents = list(documents)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._documents)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._documents):
            return None
        document = self._documents[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return document.name
        if role == Qt.ItemDataRole.ToolTipRole:
            participant = document.participant or self.tr("no participant")
            return self.tr("{0} — {1} characters, {2} turns").format(participant, document.characters, document.turns)
        if role == DocumentIdRole:
            return document.id
        return None
