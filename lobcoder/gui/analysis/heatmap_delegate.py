"""Painting a matrix as a heat map: coloured cells with flag marks, and a header of upright labels."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

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

    A label that does not fit the header's height goes onto two lines (when
    the column is wide enough, as a matrix cell is), and the header is no
    taller than :attr:`MAX_LENGTH_EMS` font heights: a longer name is elided,
    and the tooltip (the model's) gives it in full. Without that, 24 long Dutch code names took 240 px of a laptop
    screen and left the matrix four rows. Section 0 (the row labels) stays horizontal.
    """

    MAX_LENGTH_EMS = 9
    MAX_LINES = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)

    def max_length(self) -> int:
        """The longest a label's line may run (pixels), then it is elided."""
        return QFontMetrics(self.font()).height() * self.MAX_LENGTH_EMS

    def label_lines(self, logical_index: int, room: int | None = None) -> list[str]:
        """A column's label as lines, not yet elided: one if it fits ``room`` pixels, else as few as fit the column."""
        model = self.model()
        text = str(model.headerData(logical_index, Qt.Orientation.Horizontal) or "") if model else ""
        metrics = QFontMetrics(self.font())
        width = self.sectionSize(logical_index) or self.defaultSectionSize()
        most = max(1, min(self.MAX_LINES, (width - 8) // metrics.lineSpacing()))
        for lines in range(1, most + 1):
            wrapped = wrap_label(text, metrics.horizontalAdvance, lines)
            if room is not None and max(map(metrics.horizontalAdvance, wrapped)) <= room:
                break
        return wrapped

    def sectionSizeFromContents(self, logical_index: int) -> QSize:  # noqa: N802
        size = super().sectionSizeFromContents(logical_index)
        if logical_index == 0:
            return size
        metrics = QFontMetrics(self.font())
        longest = max((metrics.horizontalAdvance(line) for line in self.label_lines(logical_index)), default=0)
        return QSize(metrics.height() + 12, max(size.height(), min(longest, self.max_length()) + 16))

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
        metrics = QFontMetrics(self.font())
        room = rect.height() - 10
        wrapped = self.label_lines(logical_index, room)
        lines = [metrics.elidedText(line, Qt.TextElideMode.ElideRight, room) for line in wrapped]
        block = metrics.lineSpacing() * (len(lines) - 1) + metrics.ascent() + metrics.descent()
        painter.translate(rect.left() + (rect.width() - block) / 2 + metrics.ascent(), rect.bottom() - 5)
        painter.rotate(-90)
        painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
        for number, line in enumerate(lines):
            painter.drawText(0, number * metrics.lineSpacing(), line)
        painter.restore()


def wrap_label(text: str, width: Callable[[str], int], lines: int) -> list[str]:
    """``text`` on at most ``lines`` lines, broken between words so that the longest line is as short as can be.

    A line break in ``text`` is kept (a count under a name); ``width`` measures a line.
    """
    parts = text.split("\n")
    first = " ".join(parts[0].split())
    rest = [" ".join(part.split()) for part in parts[1:]]
    return [*_balanced(first.split(), width, max(1, lines - len(rest))), *rest]


def _balanced(words: list[str], width: Callable[[str], int], lines: int) -> list[str]:
    @cache
    def best(start: int, count: int) -> tuple[int, tuple[str, ...]]:
        whole = " ".join(words[start:])
        found: tuple[int, tuple[str, ...]] = (width(whole), (whole,))
        if count > 1:
            for end in range(start + 1, len(words)):
                head = " ".join(words[start:end])
                longest, tail = best(end, count - 1)
                if max(width(head), longest) < found[0]:
                    found = (max(width(head), longest), (head, *tail))
        return found

    return list(best(0, lines)[1]) if words else [""]
