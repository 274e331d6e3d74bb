"""The codebook as a Qt tree model: names, colours, counts, rename and drag-and-drop."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from lobcoder.gui.models.mime import CODE_MIME_TYPE, SPAN_MIME_TYPE, code_mime_data, read_code_id, read_span
from lobcoder.services.codes import CodeInfo

CodeIdRole = Qt.ItemDataRole.UserRole + 1
CodeGuidRole = Qt.ItemDataRole.UserRole + 2
CodeColorRole = Qt.ItemDataRole.UserRole + 3
TotalCodingsRole = Qt.ItemDataRole.UserRole + 4

Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass
class _Tree:
    """The codes arranged by parent; a code whose parent is missing counts as top level."""

    codes: dict[int, CodeInfo] = field(default_factory=dict)
    parent: dict[int, int | None] = field(default_factory=dict)
    children: dict[int | None, list[int]] = field(default_factory=lambda: {None: []})
    row: dict[int, int] = field(default_factory=dict)
    totals: dict[int, int] = field(default_factory=dict)

    @classmethod
    def build(cls, codes: Sequence[CodeInfo]) -> _Tree:
        tree = cls(codes={c.id: c for c in codes})
        for code in sorted(tree.codes.values(), key=lambda c: c.position):  # stable: ties keep list order
            parent = code.parent_id if code.parent_id in tree.codes else None
            tree.parent[code.id] = parent
            tree.row[code.id] = len(tree.children.setdefault(parent, []))
            tree.children[parent].append(code.id)
        for code_id in reversed(tree.subtree(None)):  # children before their parents
            below = sum(tree.totals[c] for c in tree.children.get(code_id, []))
            tree.totals[code_id] = tree.codes[code_id].codings + below
        return tree

    def subtree(self, code_id: int | None) -> list[int]:
        """``code_id`` (unless None) and its descendants, parents first."""
        result: list[int] = []
        stack = [code_id]
        while stack:
            current = stack.pop()
            if current is not None:
                result.append(current)
            stack.extend(reversed(self.children.get(current, [])))
        return result


def codings_with_sub_codes(codes: Sequence[CodeInfo]) -> dict[int, int]:
    """Per code, its codings and its descendants' (the count the code tree shows); a code in a parent cycle,
    which the storage refuses, is left out rather than walked for ever."""
    return dict(_Tree.build(codes).totals)


def color_swatch(color: str | QColor, size: int = 32) -> QIcon:
    """A rounded square of ``color`` with a slightly darker rim, scaled down by views."""
    fill = QColor(color)
    if not fill.isValid():
        fill = QColor("#9e9e9e")
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(fill.darker(135))
    painter.setBrush(fill)
    margin = size / 8
    painter.drawRoundedRect(QRectF(margin, margin, size - 2 * margin, size - 2 * margin), size / 6, size / 6)
    painter.end()
    icon = QIcon(pixmap)
    icon.addPixmap(pixmap, QIcon.Mode.Selected)  # no selection tint: the colour is the point
    return icon


class CodeTreeModel(QAbstractItemModel):
    """A tree over ``CodeInfo`` values: columns name, codings, documents.

    The model never changes the codebook itself: a rename or a drop is turned
    into a request signal, the window runs an undoable command and then calls
    ``set_codes`` with the new state.

    The codings column shows the code's own count (what ``list_codes`` gives)
    and, for a code whose sub-codes add to it, that total in brackets
    ("0 (12)"); the documents column likewise. The tooltip says both in words;
    ``TotalCodingsRole`` gives the total as a number.
    After ``set_rollup(True)`` the column shows that total instead, and the
    documents column the documents coded with the code or a sub-code (each
    once), as the Analysis window counts with "Include sub-codes".

    Signals:
        renameRequested(int, str): code id and the new, whitespace-normalised name.
        moveRequested(int, object, int): code id, new parent id (int, or None for
            the top level) and the position among the new siblings, counted
            without the moved code (as ``services.codes.move_code`` takes it).
        spanDropped(int, int, int, int): code id, document id, start, end of a
            transcript passage dropped on the code.
    """

    renameRequested = Signal(int, str)
    moveRequested = Signal(int, object, int)
    spanDropped = Signal(int, int, int, int)

    NAME, CODINGS, DOCUMENTS = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tree = _Tree()
        self._icons: dict[str, QIcon] = {}
        self._rollup = False

    def set_rollup(self, rollup: bool) -> None:
        """Show codings including sub-codes (True) or with exactly the code (False)."""
        if rollup == self._rollup:
            return
        self._rollup = rollup
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, self.CODINGS, self.DOCUMENTS)
        for code_id in self._tree.codes:
            if self._tree.children.get(code_id):
                self.dataChanged.emit(self._index_of(code_id, self.CODINGS), self._index_of(code_id, self.DOCUMENTS))

    def rollup(self) -> bool:
        return self._rollup

    # -- feeding ------------------------------------------------------------

    def set_codes(self, codes: Sequence[CodeInfo]) -> bool:
        """Show ``codes``, keeping expansion and selection when the same codes come back.

        Same codes in the same places: only ``dataChanged`` for the changed
        ones. Same codes moved or re-ordered: a layout change that carries
        persistent indexes along. Codes added or removed: a reset, and True
        (views lose their expansion and selection).
        """
        old, new = self._tree, _Tree.build(codes)
        if old.codes.keys() != new.codes.keys():
            self.beginResetModel()
            self._tree = new
            self.endResetModel()
            return True
        if old.children != new.children:
            self.layoutAboutToBeChanged.emit()
            before = self.persistentIndexList()
            self._tree = new
            after = [self._index_of(p.internalId(), p.column()) for p in before]
            self.changePersistentIndexList(before, after)
            self.layoutChanged.emit()
        self._tree = new
        for code_id, code in new.codes.items():
            if code != old.codes[code_id] or new.totals[code_id] != old.totals[code_id]:
                self.dataChanged.emit(self._index_of(code_id, 0), self._index_of(code_id, self.DOCUMENTS))
        return False

    def index_for_code(self, code_id: int) -> QModelIndex:
        """The name cell of ``code_id``; invalid if the code is not shown."""
        return self._index_of(code_id, 0) if code_id in self._tree.codes else QModelIndex()

    def _index_of(self, code_id: int, column: int) -> QModelIndex:
        return self.createIndex(self._tree.row[code_id], column, code_id)

    def _code(self, index: Index) -> CodeInfo | None:
        return self._tree.codes.get(index.internalId()) if index.isValid() else None

    # -- structure ----------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        kids = self._tree.children.get(parent.internalId() if parent.isValid() else None, [])
        if 0 <= row < len(kids) and 0 <= column < self.columnCount():
            return self.createIndex(row, column, kids[row])
        return QModelIndex()

    def parent(self, child: Index | None = None) -> Any:
        if child is None:  # QObject.parent()
            return QObject.parent(self)
        if not child.isValid():
            return QModelIndex()
        parent_id = self._tree.parent.get(child.internalId())
        return QModelIndex() if parent_id is None else self._index_of(parent_id, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._tree.children.get(parent.internalId() if parent.isValid() else None, []))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 3

    # -- data ---------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        code = self._code(index)
        if code is None:
            return None
        column = index.column()
        if role == CodeIdRole:
            return code.id
        if role == CodeGuidRole:
            return code.guid
        if role == CodeColorRole:
            return QColor(code.color)
        if role == TotalCodingsRole:
            return self._tree.totals[code.id]
        if column == self.NAME:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return code.name
            if role == Qt.ItemDataRole.DecorationRole:
                if code.color not in self._icons:
                    self._icons[code.color] = color_swatch(code.color)
                return self._icons[code.color]
            if role == Qt.ItemDataRole.ToolTipRole:
                return code.description or None
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.CODINGS:
                own, total = code.codings, self._tree.totals[code.id]
            else:
                own, total = code.documents, code.documents_with_sub_codes
            if self._rollup:
                return total
            # A theme whose sub-codes are coded: its own count, then in brackets the count with them ("0 (12)"),
            # so a collapsed theme does not look uncoded.
            return f"{own} ({total})" if total != own else own
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._count_tooltip(code, column)
        return None

    def _count_tooltip(self, code: CodeInfo, column: int) -> str:
        if column == self.DOCUMENTS:
            text = self.tr("%n document(s) with a coding of this code", "", code.documents)
            if self._tree.children.get(code.id):
                text += "\n" + self.tr("%n including its sub-codes", "", code.documents_with_sub_codes)
            return text
        text = self.tr("%n coding(s) with this code", "", code.codings)
        if self._tree.children.get(code.id):
            text += "\n" + self.tr("%n including its sub-codes", "", self._tree.totals[code.id])
        return text

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Code"), self.tr("Codings"), self.tr("Docs"))[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == self.CODINGS:
            if self._rollup:
                return self.tr("Codings of the code and its sub-codes (View → Count sub-codes in their parents)")
            return self.tr("Codings with exactly this code; in brackets, with its sub-codes")
        if role == Qt.ItemDataRole.ToolTipRole and section == self.DOCUMENTS:
            if self._rollup:
                return self.tr("Documents coded with the code or a sub-code, each counted once")
            return self.tr("Documents with a coding of exactly this code; in brackets, with its sub-codes")
        if role == Qt.ItemDataRole.TextAlignmentRole and section != self.NAME:
            return _RIGHT
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        flags |= Qt.ItemFlag.ItemIsDropEnabled
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == self.NAME else flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """Ask for a rename; the model itself keeps the old name until ``set_codes``."""
        code = self._code(index)
        if code is None or index.column() != self.NAME or role != Qt.ItemDataRole.EditRole:
            return False
        name = " ".join(str(value or "").split())
        if not name:
            return False
        if name != code.name:
            self.renameRequested.emit(code.id, name)
        return True

    # -- drag and drop --------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [CODE_MIME_TYPE, SPAN_MIME_TYPE]

    # None (no drag) is what Qt expects without a code; the PySide6 stubs do not allow it.
    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData | None:  # type: ignore[override]  # noqa: N802
        """The first dragged code (the tree drags one code at a time)."""
        codes = [c for c in (self._code(i) for i in indexes) if c is not None]
        return code_mime_data(codes[0].id) if codes else None

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:  # noqa: N802
        return self._resolve_drop(data, row, parent) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:  # noqa: N802
        if action == Qt.DropAction.IgnoreAction:
            return True
        drop = self._resolve_drop(data, row, parent)
        if drop is None:
            return False
        if drop[0] == "move":
            self.moveRequested.emit(*drop[1])
        else:
            self.spanDropped.emit(*drop[1])
        return True

    def _resolve_drop(self, data: QMimeData, row: int, parent: Index) -> tuple[str, tuple[Any, ...]] | None:
        """What a drop would request: ("move", (code, parent, position)) or ("span", (code, doc, start, end)).

        ``row`` -1 with a valid ``parent`` is a drop onto that code; otherwise
        the drop goes between the children of ``parent`` before ``row``
        (-1: after the last one).
        """
        target = self._code(parent)
        code_id = read_code_id(data)
        if code_id is not None and code_id in self._tree.codes:
            new_parent = target.id if target else None
            if new_parent is not None and new_parent in self._tree.subtree(code_id):
                return None
            same_parent = self._tree.parent[code_id] == new_parent
            current = self._tree.row[code_id]
            peers = len(self._tree.children.get(new_parent, [])) - (1 if same_parent else 0)
            position = peers if row < 0 else row - (1 if same_parent and current < row else 0)
            position = max(0, min(position, peers))
            if same_parent and position == current:
                return None
            return "move", (code_id, new_parent, position)
        span = read_span(data)
        if span is not None and target is not None and row < 0:
            return "span", (target.id, *span)
        return None
