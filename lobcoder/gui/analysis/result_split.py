"""The layout of the Words and Co-occurrence tabs: the result table and its notes over a titled list of details."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLayout, QSplitter, QVBoxLayout, QWidget


def bold_title(text: str) -> QLabel:
    """The wrapped bold line over the details: what they list, or how to fill them."""
    title = QLabel(text)
    title.setWordWrap(True)
    bold = title.font()
    bold.setBold(True)
    title.setFont(bold)
    return title


def result_over_details(
    result: QWidget, notes: QWidget, title: QWidget | QLayout, details: QWidget, *, sizes: tuple[int, int]
) -> QSplitter:
    """A vertical splitter: ``result`` (taking the height) and ``notes`` above, ``title`` and ``details`` below.

    ``sizes`` are the two parts' first heights; the tab adds the splitter to its body.
    """
    top = QWidget()
    top_layout = QVBoxLayout(top)
    top_layout.setContentsMargins(0, 0, 0, 0)
    top_layout.addWidget(result, 1)
    top_layout.addWidget(notes)
    bottom = QWidget()
    bottom_layout = QVBoxLayout(bottom)
    bottom_layout.setContentsMargins(0, 4, 0, 0)
    if isinstance(title, QLayout):
        bottom_layout.addLayout(title)
    else:
        bottom_layout.addWidget(title)
    bottom_layout.addWidget(details, 1)
    splitter = QSplitter(Qt.Orientation.Vertical)
    splitter.addWidget(top)
    splitter.addWidget(bottom)
    splitter.setSizes(list(sizes))
    return splitter
