"""Start the Qt application."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from lobcoder.gui.main_window import MainWindow


def run_gui(project: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("lobcoder")
    app.setOrganizationName("lobcoder")
    window = MainWindow()
    if project:
        window.open_project(Path(project))
    window.show()
    return app.exec()
