"""The coded segments of the selected code across documents, as a table."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from lobcoder.gui.models.document_tree_model import DocumentIdRole
from lobcoder.services.codings import Segment

SegmentRole = Qt.ItemDataRole.UserRole + 20
StartRole = Qt.ItemDataRole.UserRole + 21

Index = QModelIndex | QPersistentModelIndex


class SegmentModel(QAbstractTableModel):
    """One row per ``Segment``: document, code, text, coder, position.

    The text column is the passage on one line (the view elides it); its
    tooltip holds the passage as stored. Rows keep the order given
    (``services.codings.segments``: by document, then position).
    """

    DOCUMENT, CODE, TEXT, CODER, POSITION = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._segments: list[Segment] = []

    def set_segments(self, segments: Sequence[Segment]) -> None:
        self.beginResetModel()
        self._segments = list(segments)
        self.endResetModel()

    def segment(self, row: int) -> Segment | None:
        return self._segments[row] if 0 <= row < len(self._segments) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._segments)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 5

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        segment = self.segment(index.row()) if index.isValid() else None
        if segment is None:
            return None
        column = index.column()
        if role == SegmentRole:
            return segment
        if role == DocumentIdRole:
            return segment.document_id
        if role == StartRole:
            return segment.start
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                segment.document_name,
                segment.code_name,
                " ".join(segment.text.split()),
                segment.coder or "",
                f"{segment.start}–{segment.end}",
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TEXT:
            # Rich text, so that Qt wraps a long passage instead of one endless line.
            return "<p>" + html.escape(segment.text).replace("\n", "<br>") + "</p>"
        if role == Qt.ItemDataRole.ToolTipRole and column == self.POSITION:
            return self.tr("Characters {0} to {1} of the document").format(segment.start, segment.end)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 5:
            return (self.tr("Document"), self.tr("Code"), self.tr("Text"), self.tr("Coder"), self.tr("Position"))[
                section
            ]
        return None
