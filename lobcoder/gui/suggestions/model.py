"""The table of suggestions for the open document: passage, code (with its colour), score, reason."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

if TYPE_CHECKING:
    from lobcoder.suggest.ranking import Suggestion

SuggestionRole = Qt.ItemDataRole.UserRole + 40
EXCERPT_LENGTH = 140
TOOLTIP_LENGTH = 600
PASSAGE, CODE, SCORE, REASON = range(4)


def _one_line(text: str, limit: int) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


class SuggestionModel(QAbstractTableModel):
    """Suggestions in the order given (best first); rows go when a suggestion is answered."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Suggestion] = []
        self._text = ""
        self._colors: dict[int, QColor] = {}

    # -- contents ----------------------------------------------------------------

    def set_suggestions(self, suggestions: Sequence[Suggestion], text: str, colors: Mapping[int, str]) -> None:
        """Show ``suggestions`` over the document ``text``; ``colors`` maps code ids to ``#rrggbb``."""
        self.beginResetModel()
        self._rows = list(suggestions)
        self._text = text
        self._colors = {code_id: QColor(color) for code_id, color in colors.items()}
        self.endResetModel()

    def clear(self) -> None:
        self.set_suggestions([], "", {})

    def suggestions(self) -> list[Suggestion]:
        return list(self._rows)

    def suggestion(self, row: int) -> Suggestion | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, suggestion: Suggestion) -> int:
        try:
            return self._rows.index(suggestion)
        except ValueError:
            return -1

    def remove(self, answered: Iterable[Suggestion]) -> None:
        """Take answered suggestions out, one row at a time (the view keeps its place)."""
        for suggestion in answered:
            row = self.row_of(suggestion)
            if row >= 0:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()

    def passage(self, suggestion: Suggestion) -> str:
        return self._text[suggestion.start : suggestion.end]

    # -- the model -----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 4:
            return (self.tr("Passage"), self.tr("Code"), self.tr("Score"), self.tr("Why"))[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        suggestion = self._rows[index.row()]
        column = index.column()
        if role == SuggestionRole:
            return suggestion
        if role == Qt.ItemDataRole.DisplayRole:
            if column == PASSAGE:
                return _one_line(self.passage(suggestion), EXCERPT_LENGTH)
            if column == CODE:
                return suggestion.code_name
            if column == SCORE:
                return f"{suggestion.score:.2f}"
            return self.reason(suggestion)
        if role == Qt.ItemDataRole.DecorationRole and column == CODE:
            return self._colors.get(suggestion.code_id, QColor("#888888"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SCORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == PASSAGE:
                return _one_line(self.passage(suggestion), TOOLTIP_LENGTH)
            if column == REASON:
                return self.reason(suggestion)
        return None

    def reason(self, suggestion: Suggestion) -> str:
        """Why the code is suggested, in the interface's language."""
        parts = []
        if "rules" in suggestion.sources:
            parts.append(self.tr("keywords: {0}").format(", ".join(suggestion.terms)))
        if "classifier" in suggestion.sources:
            parts.append(self.tr("like your codings ({0:.2f})").format(suggestion.classifier_score))
        if suggestion.unit == "turn":
            parts.append(self.tr("whole turn"))
        return " · ".join(parts)
