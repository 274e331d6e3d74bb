"""The table of suggestions for the open document: passage, code (with its colour), score, reason."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from lobcoder.gui.i18n import decimal

if TYPE_CHECKING:
    from lobcoder.suggest.ranking import Suggestion

SuggestionRole = Qt.ItemDataRole.UserRole + 40
EXCERPT_LENGTH = 140
TOOLTIP_LENGTH = 600
PASSAGE, CODE, SCORE, REASON, RELIABILITY = range(5)
COLUMNS = 5


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
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < COLUMNS:
            return (self.tr("Passage"), self.tr("Code"), self.tr("Score"), self.tr("Why"), self.tr("Reliability"))[
                section
            ]
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
                return decimal(suggestion.score)
            if column == RELIABILITY:
                return self.reliability(suggestion)
            return self.reason(suggestion)
        if role == Qt.ItemDataRole.ForegroundRole and column == RELIABILITY and not suggestion.reliable:
            return QColor("#a05a00")
        if role == Qt.ItemDataRole.DecorationRole and column == CODE:
            return self._colors.get(suggestion.code_id, QColor("#888888"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SCORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == PASSAGE:
                return _one_line(self.passage(suggestion), TOOLTIP_LENGTH)
            if column == REASON:
                return self.reason(suggestion)
            if column == RELIABILITY:
                return self.reliability_tip(suggestion)
        return None

    def reason(self, suggestion: Suggestion) -> str:
        """Why the code is suggested, in the interface's language."""
        parts = []
        if suggestion.terms:
            parts.append(self.tr("keywords: {0}").format(", ".join(suggestion.terms)))
        if suggestion.derived:
            parts.append(self.tr("from the codebook: {0}").format(", ".join(suggestion.derived[:5])))
        if suggestion.learned:
            parts.append(self.tr("learned from your codings: {0}").format(", ".join(suggestion.learned[:5])))
        if suggestion.nearest:
            parts.append(self.tr("like your coding “{0}”").format(_one_line(suggestion.nearest, 60)))
        elif "learned" in suggestion.sources:
            parts.append(self.tr("like your codings"))
        if suggestion.against:
            parts.append(self.tr("despite the exclusion: {0}").format(", ".join(suggestion.against)))
        if suggestion.sentences > 1:
            parts.append(self.tr("%n sentence(s)", "", suggestion.sentences))
        return " · ".join(parts)

    def reliability(self, suggestion: Suggestion) -> str:
        """The code's cross-validated F1 and examples, or that it is not yet reliable."""
        r = suggestion.reliability
        if r is None:
            return self.tr("codebook only")
        if r.f1 is None:
            return self.tr("%n example(s), not measured", "", r.examples)
        text = self.tr("F1 {0} · %n example(s)", "", r.examples).format(decimal(r.f1))
        return text if suggestion.reliable else "⚠ " + text

    def reliability_tip(self, suggestion: Suggestion) -> str:
        r = suggestion.reliability
        if r is None:
            return self.tr("This code has no codings yet: the suggestion comes from its codebook texts alone.")
        if r.f1 is None:
            return self.tr("Codings in one document only: reliability is measured once two documents have codings.")
        return self.tr(
            "Cross-validated on your coded documents at threshold {0}: precision {1}, recall {2}, F1 {3}"
        ).format(decimal(r.threshold), decimal(r.precision or 0.0), decimal(r.recall or 0.0), decimal(r.f1))
