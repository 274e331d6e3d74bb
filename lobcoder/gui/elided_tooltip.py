"""A tooltip with the whole text of a cell that is cut short ("Formele kennisov…")."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QToolTip


class ElidedTooltipDelegate(QStyledItemDelegate):
    """Shows the cell's full text as a tooltip when the view cuts it, above the model's own tooltip if any."""

    def is_elided(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> bool:
        """Whether the text of ``index`` does not fit the room ``option`` gives it."""
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is None or not shown.text:
            return False
        room = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, shown, widget)
        margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1)
        return shown.fontMetrics.horizontalAdvance(shown.text) > room.width() - margin

    def helpEvent(  # noqa: N802 (Qt's name)
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if event is not None and event.type() == QEvent.Type.ToolTip and self.is_elided(option, index):
            text = str(index.data(Qt.ItemDataRole.DisplayRole))
            own = index.data(Qt.ItemDataRole.ToolTipRole)
            QToolTip.showText(event.globalPos(), f"{text}\n\n{own}" if own else text, view)
            return True
        return super().helpEvent(event, view, option, index)
