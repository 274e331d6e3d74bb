"""Top-level windows and large dialogs open at their preferred size, or smaller to fit the screen they open on.

On a 1366 × 768 laptop (about 1366 × 728 available beside the task bar) a
window asked for 1250 × 860 would put its status line and the bottom of its
panes below the screen; :func:`resize_to_screen` keeps the preferred size
where it fits (big screens look as before) and shrinks only what does not.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room for what the window manager adds around the window's own size: the
# side borders and the title bar (about 30 px on Windows, 37 px on GNOME).
FRAME = QSize(16, 40)
# Never smaller than this, whatever the screen says (a misreported screen must not make a window unusable).
SMALLEST = QSize(480, 360)


def fitted_size(preferred: QSize, available: QSize) -> QSize:
    """``preferred``, shrunk where it does not fit ``available`` (the screen's available size) with its frame."""
    width = min(preferred.width(), max(available.width() - FRAME.width(), SMALLEST.width()))
    height = min(preferred.height(), max(available.height() - FRAME.height(), SMALLEST.height()))
    return QSize(width, height)


def resize_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize ``window`` to ``width`` × ``height``, or less where its screen's available geometry is smaller.

    Its screen is its own (or its parent's) once known, else the primary screen.
    """
    screen = window.screen() or QGuiApplication.primaryScreen()
    preferred = QSize(width, height)
    window.resize(preferred if screen is None else fitted_size(preferred, screen.availableGeometry().size()))
