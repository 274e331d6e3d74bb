"""The keywords-in-context list of the Words tab: each occurrence of a word, its text before and after."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from lobcoder.analysis.keywords_in_context import Hit

HitRole = Qt.ItemDataRole.UserRole + 60

Index = QModelIndex | QPersistentModelIndex


class KeywordsModel(QAbstractTableModel):
    """Hits as rows: document, the text before (right-aligned), the word (bold), the text after."""

    DOCUMENT, BEFORE, WORD, AFTER = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: tuple[Hit, ...] = ()

    def set_hits(self, hits: tuple[Hit, ...]) -> None:
        self.beginResetModel()
        self._hits = tuple(hits)
        self.endResetModel()

    def hit(self, row: int) -> Hit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 4:
            return (self.tr("Document"), self.tr("Before"), self.tr("Word"), self.tr("After"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        hit = self.hit(index.row()) if index.isValid() else None
        if hit is None:
            return None
        column = index.column()
        if role == HitRole:
            return hit
        if role == Qt.ItemDataRole.DisplayRole:
            return (hit.document, hit.before, hit.word, hit.after)[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column == self.BEFORE else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column == self.WORD:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Characters {0} to {1} of {2}").format(hit.start, hit.end, hit.document)
        return None


class ContextDelegate(QStyledItemDelegate):
    """Cuts the text before the word off at its start ("…het team is goed. Het"), so the words nearest it show."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        if index.column() == KeywordsModel.BEFORE:
            option.textElideMode = Qt.TextElideMode.ElideLeft
