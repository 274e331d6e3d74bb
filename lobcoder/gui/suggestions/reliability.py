"""The table of codes and how reliable their suggestions are: examples, threshold, cross-validated P/R/F1."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from lobcoder.gui.i18n import decimal
from lobcoder.gui.suggestions.task import CodeStatus

NAME, EXAMPLES, THRESHOLD, PRECISION, RECALL, F1, STATUS = range(7)
WARNING = QColor("#a05a00")


class ReliabilityModel(QAbstractTableModel):
    """One row per code: what its suggestions learned from and how well they did where it could be measured."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CodeStatus] = []
        self._colors: dict[int, QColor] = {}

    def set_codes(self, codes: Sequence[CodeStatus], colors: Mapping[int, str]) -> None:
        self.beginResetModel()
        self._rows = list(codes)
        self._colors = {code_id: QColor(color) for code_id, color in colors.items()}
        self.endResetModel()

    def codes(self) -> list[CodeStatus]:
        return list(self._rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 7:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Code"),
                self.tr("Coded sentences"),
                self.tr("Threshold"),
                self.tr("Precision"),
                self.tr("Recall"),
                self.tr("F1"),
                self.tr("Reliability"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole and section in (PRECISION, RECALL, F1):
            return self.tr("Cross-validated on your coded documents: trained without a document, tested on it")
        return None

    def status(self, code: CodeStatus) -> str:
        """The reliability of a code in words, in the interface's language."""
        r = code.reliability
        if r is None and code.codings and not code.trained:
            return self.tr("not yet measured: no model trained yet (Train learns from the codings)")
        if r is None and code.codings and code.coded_at_training:
            # Only sentences of answers at least half coded (or holding at least half of a coding) are learned from.
            return self.tr(
                "not measured: at the last training none of its codings lay mostly in one sentence of an answer"
            )
        if r is None and code.codings and code.coded_at_training is None:
            return self.tr("not yet measured: train again to check it")
        if r is None and code.codings:
            return self.tr("not yet measured: coded since the last training (Train learns from the codings)")
        if r is None:
            return self.tr("not yet reliable: no codings yet (codebook only)")
        if r.problem == "too_few":
            return self.tr("not yet reliable: fewer than {0} coded sentences").format(code.min_examples)
        if r.problem == "not_measured":
            return self.tr("not measured: codings in one document only")
        if r.problem == "low_f1":
            return self.tr("not yet reliable: F1 below {0}").format(decimal(code.min_f1))
        return self.tr("reliable")

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        code = self._rows[index.row()]
        r = code.reliability
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return code.name
            if column == STATUS:
                return self.status(code)
            if r is None:
                return "0" if column == EXAMPLES and not code.codings else "–"
            if column == EXAMPLES:
                return str(r.examples)
            if column == THRESHOLD:
                return decimal(r.threshold)
            value = {PRECISION: r.precision, RECALL: r.recall, F1: r.f1}[column]
            return "–" if value is None else decimal(value)
        if role == Qt.ItemDataRole.DecorationRole and column == NAME:
            return self._colors.get(code.code_id, QColor("#888888"))
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS and not code.reliable:
            return WARNING
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in (NAME, STATUS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
