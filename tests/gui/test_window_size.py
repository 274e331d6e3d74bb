"""Windows open at their preferred size where the screen has room, and smaller where it has not."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication

from lobcoder.gui.analysis.install import AnalysisMenu, install_analysis_menu
from lobcoder.gui.dialogs.import_dialog import ImportDialog
from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.settings import Settings
from lobcoder.gui.window_size import FRAME, fitted_size
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
    # Its tabs need about 1085 px across (less than a laptop's 1366): only its height is fitted here.
    assert fits_the_screen(analysis.size(), width=False), analysis.size()
    assert analysis.status.geometry().bottom() < analysis.height()
    store = window.store
    assert store is not None
    dialog = ImportDialog(store, window.settings, window)
    qtbot.addWidget(dialog)
    assert fits_the_screen(dialog.size()), dialog.size()
    analysis.close()
