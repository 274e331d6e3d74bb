"""Ctrl+F in a transcript: case- and accent-insensitive search, match by match."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from lobcoder.text.fold import fold


class Searchable(Protocol):
    """What the find bar needs from the view it searches (positions in code points)."""

    def text(self) -> str: ...

    def selection(self) -> tuple[int, int] | None: ...

    def select_span(self, start: int, end: int) -> None: ...


def find_matches(folded_text: str, query: str) -> list[int]:
    """Start of every (possibly overlapping) occurrence of the folded ``query``."""
    needle = fold(query)
    if not needle:
        return []
    found: list[int] = []
    position = folded_text.find(needle)
    while position != -1:
        found.append(position)
        position = folded_text.find(needle, position + 1)
    return found


class FindBar(QWidget):
    """A search field with previous/next, a match count and a close button.

    ``fold`` keeps one character per character, so a match in the folded text
    has the same code-point offsets in the stored text.

    Signals:
        closed(): the bar was hidden (Escape or the close button); the view takes the focus back.
    """

    closed = Signal()

    def __init__(self, target: Searchable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._target = target
        self._source: str | None = None
        self._folded = ""
        self._matches: list[int] = []
        self._length = 0
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("Find in document"))
        self.edit.setClearButtonEnabled(True)
        self.previous_button = QToolButton()
        self.previous_button.setArrowType(Qt.ArrowType.UpArrow)
        self.previous_button.setToolTip(self.tr("Previous match (Shift+Enter)"))
        self.next_button = QToolButton()
        self.next_button.setArrowType(Qt.ArrowType.DownArrow)
        self.next_button.setToolTip(self.tr("Next match (Enter)"))
        self.count = QLabel()
        self.count.setMinimumWidth(90)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Close (Escape)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.setSpacing(4)
        layout.addWidget(self.edit, 1)
        for widget in (self.previous_button, self.next_button, self.count, self.close_button):
            layout.addWidget(widget)
        self.edit.textChanged.connect(self._query_changed)
        self.edit.returnPressed.connect(self.find_next)
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        self.close_button.clicked.connect(self.close_bar)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_bar)
        back = QShortcut(QKeySequence("Shift+Return"), self.edit)
        back.setContext(Qt.ShortcutContext.WidgetShortcut)
        back.activated.connect(self.find_previous)

    @property
    def matches(self) -> list[int]:
        return self._matches

    def open(self, query: str | None = None) -> None:
        """Show the bar with the field focused; ``query`` (e.g. the selected word) replaces the search."""
        self.show()
        if query:
            self.edit.setText(query)
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def refresh(self) -> None:
        """Search again, e.g. after another document was opened."""
        self._source = None
        if self.isVisible() and self.edit.text():
            self._search()
            self._show_count(None)

    @Slot()
    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    @Slot(str)
    def _query_changed(self, _text: str) -> None:
        self._search()
        selection = self._target.selection()
        self._go(selection[0] if selection else 0, forward=True, inclusive=True)

    @Slot()
    def find_next(self) -> None:
        self._search()
        selection = self._target.selection()
        self._go(selection[0] if selection else -1, forward=True, inclusive=False)

    @Slot()
    def find_previous(self) -> None:
        self._search()
        selection = self._target.selection()
        self._go(selection[0] if selection else len(self._folded) + 1, forward=False, inclusive=False)

    def _search(self) -> None:
        text = self._target.text()
        if text is not self._source:
            self._source, self._folded = text, fold(text)
        self._length = len(self.edit.text())
        self._matches = find_matches(self._folded, self.edit.text())

    def _go(self, origin: int, *, forward: bool, inclusive: bool) -> None:
        if not self._matches:
            self._show_count(None)
            return
        if forward:
            after = [i for i, m in enumerate(self._matches) if m > origin or inclusive and m == origin]
            index = after[0] if after else 0
        else:
            before = [i for i, m in enumerate(self._matches) if m < origin]
            index = before[-1] if before else len(self._matches) - 1
        start = self._matches[index]
        self._target.select_span(start, start + self._length)
        self._show_count(index)

    def _show_count(self, index: int | None) -> None:
        if not self.edit.text():
            self.count.clear()
        elif not self._matches:
            self.count.setText(self.tr("No matches"))
        elif index is None:
            self.count.setText(self.tr("%n match(es)", "", len(self._matches)))
        else:
            self.count.setText(self.tr("{0} of {1}").format(index + 1, len(self._matches)))
