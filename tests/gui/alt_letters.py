"""Alt letters one window offers at a time, and the letters two of them share.

Qt gives a window's mnemonics to its visible widgets: buttons and tick boxes,
labels with a buddy, group box titles, the tab titles of a shown tab bar and,
in a main window, the menu bar's titles. Two on one letter make Alt+letter
cycle between them instead of choosing. ``walk`` shows every tab of every tab
widget (nested ones too) in turn, so a letter hidden on another tab is checked
where it is shown.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMainWindow, QTabBar, QWidget

_ACCELERATOR = re.compile(r"&([^&])")


def alt_letter(text: str) -> str | None:
    match = _ACCELERATOR.search(text.replace("&&", ""))
    return match.group(1).lower() if match else None


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisible() and widget.window() is window


def offered(window: QWidget) -> list[tuple[str, str]]:
    """(letter, what carries it) for everything in ``window`` that answers an Alt letter now."""
    texts: list[str] = []
    if isinstance(window, QMainWindow) and window.menuBar().isVisible():
        texts += [f"menu {a.text()}" for a in window.menuBar().actions() if a.isVisible()]
    for widget in window.findChildren(QWidget):
        if not _shown(widget, window):
            continue
        if isinstance(widget, QAbstractButton):
            texts.append(f"{type(widget).__name__} {widget.text()}")
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            texts.append(f"label {widget.text()}")
        elif isinstance(widget, QGroupBox):
            texts.append(f"group {widget.title()}")
        elif isinstance(widget, QTabBar):
            texts += [f"tab {widget.tabText(i)}" for i in range(widget.count()) if widget.isTabVisible(i)]
    return [(letter, text) for text in texts if (letter := alt_letter(text.split(" ", 1)[1]))]


def clashes(window: QWidget) -> dict[str, list[str]]:
    letters = offered(window)
    used = [letter for letter, _ in letters]
    return {
        letter: [text for other, text in letters if other == letter]
        for letter in sorted(set(used))
        if used.count(letter) > 1
    }


def walk(window: QWidget, settle: Callable[[], None], done: frozenset[int] = frozenset()) -> Iterator[str]:
    """Show each tab of each visible tab bar in turn (depth first); yields where it is each time."""
    yield "as shown"
    for bar in window.findChildren(QTabBar):
        if id(bar) in done or not _shown(bar, window):
            continue
        start = bar.currentIndex()
        for index in range(bar.count()):
            if not bar.isTabVisible(index) or not bar.isTabEnabled(index):
                continue
            bar.setCurrentIndex(index)
            settle()
            for where in walk(window, settle, done | {id(bar)}):
                yield f"tab {bar.tabText(index)!r}, {where}"
        bar.setCurrentIndex(start)
        settle()
        return  # the nested walk covered every other bar shown on these tabs
