"""The workbench the analysis-window tests open: a main window with the Analysis menu, on a project."""

from __future__ import annotations

from pathlib import Path

from lobcoder.gui.analysis.install import install_analysis_menu
from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.settings import Settings
from tests.gui.coder_settings import coder_settings


def open_window(qtbot, tmp_path: Path, project: Path, *, coding: bool = False) -> MainWindow:  # type: ignore[no-untyped-def]
    """A shown 1300 × 850 main window on ``project`` (its settings in ``tmp_path``), with the Analysis menu.

    ``coding``: the coder has given her name already, so a test that codes is not asked for it.
    """
    path = tmp_path / "settings.ini"
    win = MainWindow(coder_settings(path) if coding else Settings(str(path)))
    qtbot.addWidget(win)
    install_analysis_menu(win)
    win.resize(1300, 850)
    win.show()
    assert win.open_project(project)
    return win
