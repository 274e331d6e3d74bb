"""A horizontal header with spanning headers on a first row, as the Word export prints a split table."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Slot
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QAbstractScrollArea, QHeaderView, QStyle, QStyleOptionHeader, QWidget

from lobcoder.gui.analysis.table_model import ColumnGroupRole, ShortTitleRole


class GroupedHeader(QHeaderView):
    """Columns under a spanning header ("school Oost" over "ronde 1", "ronde 2") get two rows.

    The model says which columns share a header (:data:`ColumnGroupRole`) and
    what each shows under it (:data:`ShortTitleRole`); other columns use the
    whole height as a plain header does. Each section paints its own part of
    the spanning header, clipped to itself, so scrolling and partial repaints
    draw one continuous header. Its tooltip stays the model's one-line title
    ("school Oost ronde 1").
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)
        self._group_height: int | None = None  # of the spanning headers' row; None: measure again
        # A section's new width or a scroll moves the centre of a group's label: repaint it whole.
        self.sectionResized.connect(self._repaint)
        if isinstance(parent, QAbstractScrollArea):
            parent.horizontalScrollBar().valueChanged.connect(self._repaint)

    def group(self, logical_index: int) -> tuple[str, int, int] | None:
        """(label, first section, count) of the spanning header over ``logical_index``, if any."""
        model = self.model()
        found = model.headerData(logical_index, self.orientation(), ColumnGroupRole) if model else None
        return found if isinstance(found, tuple) else None

    def _short_title(self, logical_index: int) -> str:
        model = self.model()
        return str(model.headerData(logical_index, self.orientation(), ShortTitleRole) or "") if model else ""

    def _text_size(self, text: str) -> QSize:
        """The size a header section needs for ``text``, as the style measures a plain header's."""
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.text = text
        contents = self.fontMetrics().size(0, text)
        return self.style().sizeFromContents(QStyle.ContentsType.CT_HeaderSection, option, contents, self)

    def _group_row(self) -> int:
        """The height of the spanning headers' row, measured again after a font or style change (every paint asks)."""
        if self._group_height is None:
            self._group_height = self._text_size("Xg").height()
        return self._group_height

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._group_height = None
        super().changeEvent(event)

    def sectionSizeFromContents(self, logical_index: int) -> QSize:  # noqa: N802
        group = self.group(logical_index)
        if group is None:
            return super().sectionSizeFromContents(logical_index)
        label, _first, count = group
        own = self._text_size(self._short_title(logical_index))
        share = -(-self._text_size(label).width() // count)  # the group's label is shared by its columns
        return QSize(max(own.width(), share), own.height() + self._group_row())

    def paintSection(self, painter: QPainter, rect: QRect, logical_index: int) -> None:  # noqa: N802
        group = self.group(logical_index)
        if group is None or not rect.isValid():
            super().paintSection(painter, rect, logical_index)
            return
        label, first, count = group
        row = min(self._group_row(), rect.height() // 2)
        last = first + count - 1
        left = self.sectionViewportPosition(first)
        span = QRect(left, rect.top(), self.sectionViewportPosition(last) + self.sectionSize(last) - left, row)
        top = QStyleOptionHeader()
        self.initStyleOption(top)
        top.rect = span
        top.section = first
        top.position = _position(first == 0, last == self.count() - 1)
        top.textAlignment = Qt.AlignmentFlag.AlignCenter
        painter.save()
        painter.setClipRect(QRect(rect.left(), rect.top(), rect.width(), row))
        self.style().drawControl(QStyle.ControlElement.CE_HeaderSection, top, painter, self)
        # The label is centred on the part of the group in sight, so a group scrolled half away still shows it.
        seen = span.intersected(QRect(0, span.top(), self.viewport().width(), row))
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, top, self)
        top.rect = seen
        top.text = self.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, seen.width() - 2 * margin)
        self.style().drawControl(QStyle.ControlElement.CE_HeaderLabel, top, painter, self)
        painter.restore()
        own = QStyleOptionHeader()
        self.initStyleOption(own)
        self.initStyleOptionForIndex(own, logical_index)
        own.rect = rect.adjusted(0, row, 0, 0)
        own.text = self._short_title(logical_index)
        painter.save()
        self.style().drawControl(QStyle.ControlElement.CE_Header, own, painter, self)
        painter.restore()

    @Slot()
    def _repaint(self, *_: int) -> None:
        self.viewport().update()


def _position(first: bool, last: bool) -> QStyleOptionHeader.SectionPosition:
    """Where a spanning header sits, as a style draws its edges (a line after every one but the last)."""
    position = QStyleOptionHeader.SectionPosition
    if first:
        return position.OnlyOneSection if last else position.Beginning
    return position.End if last else position.Middle
