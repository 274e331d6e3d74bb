"""Horizontal bars for one column of a result table, painted with QPainter (no chart library)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from lobcoder.analysis.table import Table
from lobcoder.reports.formatting import Language, format_value

DEFAULT_BAR = QColor("#4292c6")
ROW_HEIGHT = 22
INDENT = 14
MAX_LABEL_WIDTH = 260


class BarChart(QWidget):
    """One bar per row of ``table`` for the values of ``column`` (0-based over the table's columns).

    Labels keep the table's indentation of sub-codes; rows whose value is not
    a number show no bar. ``colors`` maps a row key (a code id) to its colour,
    so bars match the code colours of the workbench.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._table: Table | None = None
        self._column = 0
        self._colors: Mapping[object, str] = {}
        self.language: Language = "en"
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)

    def set_data(self, table: Table | None, column: int = 0, colors: Mapping[object, str] | None = None) -> None:
        self._table = table
        self._column = column
        self._colors = colors or {}
        self.updateGeometry()
        self.update()

    def column(self) -> int:
        return self._column

    def values(self) -> list[tuple[str, float | None]]:
        """The (label, value) pairs drawn, in order; for tests and the accessible description."""
        if self._table is None or not 0 <= self._column < len(self._table.columns):
            return []
        result: list[tuple[str, float | None]] = []
        for row in self._table.rows:
            value = row.values[self._column]
            number = float(value) if isinstance(value, (int, float)) else None
            result.append((row.label, number))
        return result

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(420, max(ROW_HEIGHT * len(self.values()) + 12, 60))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(200, self.sizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        table = self._table
        pairs = self.values()
        if table is None or not pairs:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        text_color = self.palette().color(QPalette.ColorRole.Text)
        levels = [r.level for r in table.rows]
        label_width = min(
            max(
                metrics.horizontalAdvance(label) + INDENT * level
                for (label, _), level in zip(pairs, levels, strict=False)
            )
            + 12,
            MAX_LABEL_WIDTH,
        )
        kind = table.formats[self._column]
        value_width = max(metrics.horizontalAdvance(format_value(v, kind, self.language)) for _, v in pairs) + 10
        largest = max((v for _, v in pairs if v is not None), default=0.0)
        bar_room = max(self.width() - label_width - value_width - 12, 10)
        for number, ((label, value), row) in enumerate(zip(pairs, table.rows, strict=False)):
            top = 6 + number * ROW_HEIGHT
            indent = INDENT * row.level
            label_rect = QRectF(6 + indent, top, label_width - indent - 12, ROW_HEIGHT)
            painter.setPen(text_color)
            elided = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(label_rect.width()))
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, elided)
            if value is None:
                continue
            length = bar_room * value / largest if largest > 0 else 0.0
            bar = QRectF(label_width, top + 4, max(length, 1.0 if value > 0 else 0.0), ROW_HEIGHT - 8)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(self._colors.get(row.key, DEFAULT_BAR.name())))
            painter.drawRect(bar)
            painter.setPen(text_color)
            value_rect = QRectF(bar.right() + 6, top, value_width, ROW_HEIGHT)
            painter.drawText(
                value_rect,
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                format_value(value, kind, self.language),
            )
        painter.end()
