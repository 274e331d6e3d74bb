"""Type-ahead filtering of the code tree (and, by subclassing, other trees), blind to case and accents."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt, Slot

from lobcoder.text.fold import fold


class FoldedFilterModel(QSortFilterProxyModel):
    """Keeps rows whose text contains every typed word, compared after ``fold``.

    A matching row keeps its ancestors visible (it stays in place in the tree)
    and its descendants too (a matching group shows all it holds). Rows keep
    the source order. Subclasses choose the text with ``row_text``.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(True)

    @Slot(str)
    def set_filter_text(self, text: str) -> None:
        words = fold(text).split()
        if words == self._words:
            return
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._words = words
            self.invalidateRowsFilter()

    def row_text(self, source_index: QModelIndex) -> str:
        """The text a row is matched on: its first column's display text."""
        return str(source_index.data(Qt.ItemDataRole.DisplayRole) or "")

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        if not self._words:
            return True
        text = fold(self.row_text(self.sourceModel().index(source_row, 0, source_parent)))
        return all(word in text for word in self._words)


class CodeFilterModel(FoldedFilterModel):
    """Code names containing every typed word: ``leren`` finds ``Collectief leren``,
    ``coordinatie`` finds ``Coördinatie``; parents of a match and its sub-codes stay."""
