"""Painting a matrix as a heat map: coloured cells with flag marks, and a header of upright labels."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import (
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionHeader,
    QStyleOptionViewItem,
    QWidget,
)

from lobcoder.gui.analysis.table_model import FlaggedRole, RawValueRole, ShadeRole, heat_colors

Index = QModelIndex | QPersistentModelIndex

FLAG_COLOR = QColor("#d95f02")
SELECTION_COLOR = QColor("#111111")
ZERO_TEXT = QColor("#a8a8a8")


class HeatmapDelegate(QStyledItemDelegate):
    """Heat-map cells whose colour stays visible when selected.

    The standard delegate replaces the background with the highlight colour,
    which hides the very value the user clicked; here the selection is a frame.
    Flagged cells get an orange corner mark (the table's notes explain it).
    Cells without a shade (labels, empty cells) are painted as usual.
    """

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        shade = index.data(ShadeRole)
        if shade is None:
            super().paint(painter, option, index)
            return
        rect = QRectF(option.rect)
        background, foreground = heat_colors(float(shade))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.fillRect(rect, background)
        if index.data(FlaggedRole):
            size = min(rect.width(), rect.height()) * 0.35
            corner = QPolygonF(
                [rect.topRight(), QPointF(rect.right() - size, rect.top()), QPointF(rect.right(), rect.top() + size)]
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(FLAG_COLOR)
            painter.drawPolygon(corner)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        font = index.data(Qt.ItemDataRole.FontRole)
        if font is not None:
            painter.setFont(font)
        # Zeros recede, so the cells that hold something stand out.
        painter.setPen(ZERO_TEXT if index.data(RawValueRole) == 0 else foreground)
        painter.drawText(rect.adjusted(3, 0, -3, 0), Qt.AlignmentFlag.AlignCenter, str(text))
        if option.state & QStyle.StateFlag.State_Selected:
            # Dark outside, light inside: visible on the palest and the darkest cell alike.
            painter.setBrush(Qt.BrushStyle.NoBrush)
            outer = QPen(SELECTION_COLOR, 2)
            outer.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(outer)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
            inner = QPen(QColor("#ffffff"), 1)
            painter.setPen(inner)
            painter.drawRect(rect.adjusted(2.5, 2.5, -2.5, -2.5))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        return QSize(max(hint.width() + 12, 48), max(hint.height() + 6, 26))


class RotatedHeader(QHeaderView):
    """A horizontal header whose labels run upwards, so a matrix of long code names stays narrow.

    Section 0 (the row labels of the matrix) keeps its label horizontal.
    """

    MAX_HEIGHT = 240

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = super().sizeHint()
        model = self.model()
        if model is None:
            return hint
        metrics = QFontMetrics(self.font())
        longest = max(
            (
                metrics.horizontalAdvance(str(model.headerData(s, Qt.Orientation.Horizontal) or ""))
                for s in range(1, model.columnCount())
            ),
            default=0,
        )
        return QSize(hint.width(), min(max(hint.height(), longest + 16), self.MAX_HEIGHT))

    def sectionSizeFromContents(self, logical_index: int) -> QSize:  # noqa: N802
        size = super().sectionSizeFromContents(logical_index)
        if logical_index == 0:
            return size
        return QSize(QFontMetrics(self.font()).height() + 12, size.width())

    def paintSection(self, painter: QPainter, rect: QRect, logical_index: int) -> None:  # noqa: N802
        if logical_index == 0 or not rect.isValid():
            super().paintSection(painter, rect, logical_index)
            return
        painter.save()
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = rect
        option.section = logical_index
        option.text = ""
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        model = self.model()
        text = str(model.headerData(logical_index, Qt.Orientation.Horizontal) or "") if model else ""
        metrics = QFontMetrics(self.font())
        room = rect.height() - 10
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
        painter.translate(rect.left() + (rect.width() + metrics.ascent() - metrics.descent()) / 2, rect.bottom() - 5)
        painter.rotate(-90)
        painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
        painter.drawText(0, 0, elided)
        painter.restore()
