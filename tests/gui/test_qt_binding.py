"""Guard against a Qt binding that leaks references to None (it crashes the app)."""

from __future__ import annotations

import sys

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget


def test_calls_returning_nothing_keep_none_alive(qtbot) -> None:
    # PySide6 6.12.0 on Python 3.11 dropped a reference to None on every such
    # call; after a few thousand paints Python aborted with "none_dealloc".
    widget = QWidget()
    qtbot.addWidget(widget)
    color = QColor("#e69f00")
    before = sys.getrefcount(None)
    for _ in range(2000):
        widget.update()
        color.setAlpha(90)
    assert sys.getrefcount(None) >= before - 50
