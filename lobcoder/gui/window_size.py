"""Top-level windows and large dialogs open at their preferred size and place, or smaller and moved to fit the screen.

On a 1366 × 768 laptop (about 1366 × 728 available beside the task bar) a
window asked for 1250 × 860 would put its status line and the bottom of its
panes below the screen; :func:`resize_to_screen` keeps the preferred size
where it fits (big screens look as before) and shrinks only what does not.
Positions too: a geometry saved on a larger monitor, or a window centred on
a main window near the screen's edge, would leave part of it (its title bar,
its buttons) off the screen; :func:`keep_on_screen` and :func:`place_over`
move it inside, as little as they can. Dialogs need neither: Qt centres a
dialog on its parent within the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

# Room for what the window manager adds around the window's own size: the
# side borders and the title bar (about 30 px on Windows, 37 px on GNOME).
FRAME = QSize(16, 40)
# The same, side by side: what a window's own geometry leaves for its frame until it is shown.
FRAME_MARGINS = QMargins(
    FRAME.width() // 2, FRAME.height() - FRAME.width() // 2, FRAME.width() // 2, FRAME.width() // 2
)
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
    screen = _screen_of(window)
    preferred = QSize(width, height)
    window.resize(preferred if screen is None else fitted_size(preferred, screen.availableGeometry().size()))


def kept_inside(area: QRect, available: QRect, frame: QMargins = FRAME_MARGINS) -> QPoint:
    """Where a window's own rectangle ``area`` goes so that it and its ``frame`` lie inside ``available``.

    It moves as little as it can; a window larger than the room keeps its
    top-left corner (its title bar and menus) on the screen.
    """
    room = available.marginsRemoved(frame)
    x = max(room.left(), min(area.left(), room.right() + 1 - area.width()))
    y = max(room.top(), min(area.top(), room.bottom() + 1 - area.height()))
    return QPoint(x, y)


def _screen_of(widget: QWidget) -> QScreen | None:
    """The screen ``widget`` is on (or its parent's) once known, else the primary screen."""
    return widget.screen() or QGuiApplication.primaryScreen()


def _frame_of(window: QWidget) -> QMargins:
    """The window's frame once it has one (it is shown), else the usual one (:data:`FRAME_MARGINS`)."""
    if not window.isVisible():  # before it is shown Qt's frame geometry is not the window manager's yet
        return FRAME_MARGINS
    inner, outer = window.geometry(), window.frameGeometry()
    frame = QMargins(
        inner.left() - outer.left(),
        inner.top() - outer.top(),
        outer.right() - inner.right(),
        outer.bottom() - inner.bottom(),
    )
    return frame if not frame.isNull() else FRAME_MARGINS


def keep_on_screen(window: QWidget, over: QWidget | None = None) -> None:
    """Fit ``window`` to its screen's available geometry, e.g. after restoring a geometry saved elsewhere.

    It is made smaller where it does not fit (never below what its layout
    needs) and moved inside. With ``over``, it is first centred on that
    widget, on that widget's screen. Before the window is shown its frame is
    guessed (:data:`FRAME_MARGINS`), so a window saved against the screen's
    edge may move by a few pixels once.
    """
    screen = _screen_of(over or window)
    if window.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
        return  # a maximised window is the screen's to place
    available = screen.availableGeometry() if screen is not None else None
    size = window.size() if available is None else _fitted(window, window.size(), available)
    area = QRect(window.geometry().topLeft(), size)
    if over is not None:
        area.moveCenter(over.geometry().center())
    target = area if available is None else QRect(kept_inside(area, available, _frame_of(window)), size)
    if target != window.geometry():
        window.setGeometry(target)


def place_over(window: QWidget, parent: QWidget) -> None:
    """Centre ``window`` (not yet shown) on ``parent``, moved inside the screen ``parent`` is on."""
    keep_on_screen(window, over=parent)


def _fitted(window: QWidget, size: QSize, available: QRect) -> QSize:
    """``size`` fitted to ``available`` but no smaller than the window's layout allows (as it will be shown)."""
    return fitted_size(size, available.size()).expandedTo(window.minimumSizeHint())
