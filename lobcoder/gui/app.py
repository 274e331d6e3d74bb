"""Start the Qt application."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from lobcoder import __version__
from lobcoder.gui.i18n import install_translations
from lobcoder.gui.settings import APPLICATION, ORGANIZATION, Settings


def run_gui(project: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    # Names first: QSettings() and the window's saved layout depend on them.
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationVersion(__version__)
    settings = Settings()
    # Translators before any widget exists, so every self.tr() call sees them.
    install_translations(app, settings.language)

    from lobcoder.gui.failures import install_excepthook
    from lobcoder.gui.main_window import MainWindow

    install_excepthook()

    window = MainWindow(settings)
    window.show()
    if project:
        # The empty window paints first; the project opens in the event loop's next turn.
        QTimer.singleShot(0, lambda: window.open_project(Path(project)))
    return app.exec()
