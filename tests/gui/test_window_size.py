"""Windows open at their preferred size where the screen has room, and smaller where it has not."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QWidget

from lobcoder.gui.analysis.install import AnalysisMenu, install_analysis_menu
from lobcoder.gui.dialogs.import_dialog import ImportDialog
from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.settings import Settings
from lobcoder.gui.window_size import FRAME, FRAME_MARGINS, fitted_size, kept_inside, place_over
from lobcoder.storage.project import ProjectStore

LAPTOP = QSize(1366, 728)  # a 1366 × 768 screen less a 40 px task bar
DESKTOP = QSize(1920, 1040)


def test_a_laptop_screen_shrinks_only_what_does_not_fit() -> None:
    # The analysis window: as wide as asked, as tall as the screen less the title bar.
    assert fitted_size(QSize(1250, 860), LAPTOP) == QSize(1250, 728 - FRAME.height())
    assert fitted_size(QSize(1500, 950), LAPTOP) == QSize(1366 - FRAME.width(), 728 - FRAME.height())
    assert fitted_size(QSize(640, 560), LAPTOP) == QSize(640, 560)


def test_a_big_screen_keeps_the_preferred_size() -> None:
    assert fitted_size(QSize(1500, 950), DESKTOP) == QSize(1500, 950)
    assert fitted_size(QSize(1250, 860), DESKTOP) == QSize(1250, 860)


def fits_the_screen(size: QSize, width: bool = True) -> bool:
    """Whether a window of ``size`` and its frame fit the test screen (offscreen: 800 × 800)."""
    screen = QGuiApplication.primaryScreen().availableGeometry()
    fits_across = size.width() + FRAME.width() <= screen.width()
    return (fits_across or not width) and size.height() + FRAME.height() <= screen.height()


def test_main_and_analysis_windows_and_the_import_dialog_fit_the_screen(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(window)
    install_analysis_menu(window)
    window.show()
    assert fits_the_screen(window.size()), window.size()
    assert window.open_project(ProjectStore.create(tmp_path / "p.lobcoder").path)
    menu = window.findChild(AnalysisMenu)
    assert menu is not None
    menu.open_action.trigger()
    analysis = menu.analysis_window
    assert analysis is not None
    # Its tabs need about 990 px across (a 1024 px screen has room): wider than this 800 px test screen.
    assert fits_the_screen(analysis.size(), width=False), analysis.size()
    assert analysis.status.geometry().bottom() < analysis.height()
    store = window.store
    assert store is not None
    dialog = ImportDialog(store, window.settings, window)
    qtbot.addWidget(dialog)
    assert fits_the_screen(dialog.size()), dialog.size()
    analysis.close()


def test_a_window_saved_on_a_big_monitor_is_moved_onto_the_laptop_screen() -> None:
    laptop = QRect(QPoint(0, 0), LAPTOP)
    # Saved at the right of a 1920 px monitor: moved left just enough, its frame on the screen too.
    assert kept_inside(QRect(900, 300, 1250, 688), laptop) == QPoint(1366 - 8 - 1250, 728 - 8 - 688)
    # Left of the screen (a monitor on the left, now gone), title bar above it: moved right and down.
    assert kept_inside(QRect(-700, -20, 600, 400), laptop) == QPoint(FRAME_MARGINS.left(), FRAME_MARGINS.top())
    # Already on the screen: stays where it was.
    assert kept_inside(QRect(100, 80, 600, 400), laptop) == QPoint(100, 80)
    # Larger than the screen: its top-left corner (title bar, menus) stays reachable.
    assert kept_inside(QRect(300, 200, 1600, 900), laptop) == QPoint(FRAME_MARGINS.left(), FRAME_MARGINS.top())


def on_screen(window: QWidget) -> bool:
    return QGuiApplication.primaryScreen().availableGeometry().contains(window.frameGeometry())


def test_the_main_window_restored_off_screen_comes_back_onto_it(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    elsewhere = QMainWindow()  # a window on a monitor right of and below this one (offscreen: 800 × 800)
    elsewhere.setGeometry(2500, 1500, 1400, 900)
    saved = elsewhere.saveGeometry()
    elsewhere.deleteLater()
    settings = Settings(str(tmp_path / "settings.ini"))
    settings.window_geometry = saved
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert on_screen(window), window.frameGeometry()
    assert fits_the_screen(window.size())


def test_a_window_opened_over_another_stays_on_its_screen(qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.setGeometry(200, 200, 400, 300)
    child = QWidget(parent, Qt.WindowType.Window)
    child.resize(300, 200)
    place_over(child, parent)
    assert child.geometry().center() == parent.geometry().center()  # room enough: centred on it
    parent.setGeometry(560, 600, 230, 190)  # in the bottom-right corner of the 800 × 800 screen
    place_over(child, parent)
    child.show()
    qtbot.waitExposed(child)
    assert on_screen(child), child.frameGeometry()
    assert child.geometry().bottomRight() == QPoint(800 - 1 - FRAME_MARGINS.right(), 800 - 1 - FRAME_MARGINS.bottom())


def test_the_analysis_window_opens_over_the_main_window_on_the_screen(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(window)
    install_analysis_menu(window)
    window.show()
    window.setGeometry(420, 380, 360, 400)  # moved to the bottom-right of the screen, made small
    menu = window.findChild(AnalysisMenu)
    assert menu is not None
    menu.open_action.trigger()
    analysis = menu.analysis_window
    assert analysis is not None
    qtbot.waitExposed(analysis)
    # Centred on the main window it would hang off the bottom and the right; it is moved up and left,
    # and wider than this 800 px test screen (its tabs need about 1,050 px), it keeps its left edge on it.
    screen = QGuiApplication.primaryScreen().availableGeometry()
    frame = analysis.frameGeometry()
    assert analysis.geometry().topLeft() == QPoint(FRAME_MARGINS.left(), analysis.geometry().top())
    assert screen.top() <= frame.top() and frame.bottom() <= screen.bottom(), frame
    assert analysis.geometry().bottom() == screen.bottom() - FRAME_MARGINS.bottom()
    analysis.close()
