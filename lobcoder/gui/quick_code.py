"""The quick-code picker: a shortcut opens a type-ahead list of codes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Slot
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QDialog, QLineEdit, QListView, QVBoxLayout, QWidget

from lobcoder.services.codes import CodeInfo
from lobcoder.text.fold import fold

CodeIdRole = Qt.ItemDataRole.UserRole + 30


def code_paths(codes: Sequence[CodeInfo]) -> dict[int, str]:
    """Full path of each code ("Collectief leren › Samen oefenen")."""
    by_id = {c.id: c for c in codes}
    paths: dict[int, str] = {}
    for code in codes:
        names = [code.name]
        parent = code.parent_id
        while parent is not None and parent in by_id:
            names.append(by_id[parent].name)
            parent = by_id[parent].parent_id
        paths[code.id] = " › ".join(reversed(names))
    return paths


class CodeChoiceModel(QAbstractListModel):
    """Codes whose path contains every typed word (case and accents ignored)."""

    def __init__(self, codes: Sequence[CodeInfo], parent: Any = None) -> None:
        super().__init__(parent)
        paths = code_paths(codes)
        self._all = [(c, paths[c.id], fold(paths[c.id])) for c in codes]
        self._shown = list(self._all)

    def set_filter(self, text: str) -> None:
        words = fold(text).split()
        self.beginResetModel()
        self._shown = [row for row in self._all if all(w in row[2] for w in words)]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        code, path, _ = self._shown[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return path
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(code.color)
        if role == CodeIdRole:
            return code.id
        return None


class QuickCodePicker(QDialog):
    """Type a few letters, press Enter: ``chosen_code`` holds the picked code id."""

    def __init__(self, codes: Sequence[CodeInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setWindowTitle(self.tr("Quick code"))
        self.chosen_code: int | None = None
        self.model = CodeChoiceModel(codes, self)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Type to find a code, Enter to apply"))
        self.filter.textChanged.connect(self._refilter)
        self.filter.installEventFilter(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.activated.connect(self._choose)
        self.list.clicked.connect(self._choose)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        self.resize(420, 320)
        self._refilter("")

    @Slot(str)
    def _refilter(self, text: str) -> None:
        self.model.set_filter(text)
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.filter and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                row = self.list.currentIndex().row() + (1 if event.key() == Qt.Key.Key_Down else -1)
                if 0 <= row < self.model.rowCount():
                    self.list.setCurrentIndex(self.model.index(row, 0))
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._choose(self.list.currentIndex())
                return True
        return super().eventFilter(watched, event)

    @Slot(QModelIndex)
    def _choose(self, index: QModelIndex) -> None:
        if index.isValid():
            self.chosen_code = int(index.data(CodeIdRole))
            self.accept()
