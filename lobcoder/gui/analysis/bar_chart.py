"""Horizontal bars for one column of a result table, painted with QPainter (no chart library)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from math import ceil

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QHelpEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from lobcoder.analysis.table import Table, TableRow
from lobcoder.reports.formatting import Language, format_value

DEFAULT_BAR = QColor("#4292c6")
ROW_HEIGHT = 22
INDENT = 14
MARGIN = 6  # around the chart, and between a label and its bar
GAP = 12  # after the longest label
MIN_BAR_ROOM = 120
"""Labels give way (elided, whole in the tooltip) before the bars are squeezed below this many pixels."""
MAX_LABEL_SHARE = 0.6
"""However wide the chart, labels never take more than this share of it."""


@dataclass(frozen=True)
class _Layout:
    label_width: float  # from the left edge to where the bars start
    value_width: float
    bar_room: float


class BarChart(QWidget):
    """One bar per row of ``table`` for the values of ``column`` (0-based over the table's columns).

    Labels keep the table's indentation of sub-codes; rows whose value is not
    a number show no bar. ``colors`` maps a row key (a code id) to its colour,
    so bars match the code colours of the workbench. A label is shown whole
    when the chart has the room (the bars keep :data:`MIN_BAR_ROOM`); only a
    label too long for that is elided, and hovering a row shows its whole
    label and value.
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

    def shown_labels(self) -> list[str]:
        """Each row's label as painted at the chart's present width (elided only when it does not fit)."""
        if self._table is None or not self.values():
            return []
        metrics = QFontMetricsF(self.font())
        layout = self._layout(metrics, self._value_texts())
        return [self._elided(metrics, layout, row) for row in self._table.rows]

    def bar_room(self) -> float:
        """The pixels the longest bar may take at the chart's present width."""
        if self._table is None or not self.values():
            return 0.0
        return self._layout(QFontMetricsF(self.font()), self._value_texts()).bar_room

    def _value_texts(self) -> list[str]:
        assert self._table is not None
        kind = self._table.formats[self._column]
        return [format_value(v, kind, self.language) if v is not None else "" for _, v in self.values()]

    def _natural_label_width(self, metrics: QFontMetricsF) -> float:
        assert self._table is not None
        return max(metrics.horizontalAdvance(r.label) + INDENT * r.level for r in self._table.rows) + GAP

    @staticmethod
    def _value_width(metrics: QFontMetricsF, texts: list[str]) -> float:
        """The room for the widest of the values ``texts`` after a bar."""
        return max(metrics.horizontalAdvance(t) for t in texts) + 10

    def _layout(self, metrics: QFontMetricsF, texts: list[str]) -> _Layout:
        """Where the labels, bars and values go at the present width; ``texts``, the values as painted."""
        value_width = self._value_width(metrics, texts)
        width = self.width() - 2 * MARGIN
        room = min(width * MAX_LABEL_SHARE, width - value_width - MIN_BAR_ROOM)
        label_width = max(min(self._natural_label_width(metrics), room), 60.0)
        return _Layout(label_width, value_width, max(width - label_width - value_width, 10.0))

    @staticmethod
    def _label_room(layout: _Layout, level: int) -> float:
        # a fraction of a pixel more than measured: the rounding of glyph positions never elides a label that fits
        return layout.label_width - INDENT * level - GAP + 0.5

    def _elided(self, metrics: QFontMetricsF, layout: _Layout, row: TableRow) -> str:
        """``row``'s label as painted: whole, or elided when longer than its room."""
        return metrics.elidedText(row.label, Qt.TextElideMode.ElideRight, self._label_room(layout, row.level))

    def sizeHint(self) -> QSize:  # noqa: N802
        width = 420
        if self._table is not None and self.values():
            metrics = QFontMetricsF(self.font())
            value_width = self._value_width(metrics, self._value_texts())
            labels = self._natural_label_width(metrics)
            width = max(width, ceil(max(labels + value_width + MIN_BAR_ROOM, labels / MAX_LABEL_SHARE) + 2 * MARGIN))
        return QSize(width, max(ROW_HEIGHT * len(self.values()) + 12, 60))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(200, self.sizeHint().height())

    def row_at(self, y: float) -> int | None:
        """The row painted at height ``y`` (widget coordinates), if any."""
        row = int((y - MARGIN) // ROW_HEIGHT)
        return row if y >= MARGIN and 0 <= row < len(self.values()) else None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            row = self.row_at(event.pos().y())
            if row is None:
                QToolTip.hideText()
                event.ignore()
                return True
            label = self.values()[row][0]
            value = self._value_texts()[row]
            QToolTip.showText(event.globalPos(), f"{label}: {value}" if value else label, self)
            return True
        return super().event(event)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        table = self._table
        pairs = self.values()
        if table is None or not pairs:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetricsF(self.font())
        text_color = self.palette().color(QPalette.ColorRole.Text)
        texts = self._value_texts()
        layout = self._layout(metrics, texts)
        largest = max((v for _, v in pairs if v is not None), default=0.0)
        for number, ((_, value), row, text) in enumerate(zip(pairs, table.rows, texts, strict=False)):
            top = MARGIN + number * ROW_HEIGHT
            room = self._label_room(layout, row.level)
            label_rect = QRectF(MARGIN + INDENT * row.level, top, room, ROW_HEIGHT)
            painter.setPen(text_color)
            elided = self._elided(metrics, layout, row)
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, elided)
            if value is None:
                continue
            length = layout.bar_room * value / largest if largest > 0 else 0.0
            bar = QRectF(MARGIN + layout.label_width, top + 4, max(length, 1.0 if value > 0 else 0.0), ROW_HEIGHT - 8)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(self._colors.get(row.key, DEFAULT_BAR.name())))
            painter.drawRect(bar)
            painter.setPen(text_color)
            value_rect = QRectF(bar.right() + 6, top, layout.value_width, ROW_HEIGHT)
            painter.drawText(value_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
        painter.end()
