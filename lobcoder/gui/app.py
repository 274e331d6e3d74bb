"""Start the Qt application."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from lobcoder import __version__
from lobcoder.gui.i18n import install_translations
from lobcoder.gui.settings import APPLICATION, ORGANIZATION, Settings


class AfterFirstPaint(QObject):
    """Calls ``action`` once, in the event loop's turn after the watched widget first painted.

    If no paint comes (a platform that shows nothing), it runs after ``FALLBACK_MS`` anyway.
    """

    FALLBACK_MS = 1000

    def __init__(self, parent: QObject, action: Callable[[], object]) -> None:
        super().__init__(parent)
        self._action: Callable[[], object] | None = action
        QTimer.singleShot(self.FALLBACK_MS, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and self._action is not None:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._run)
        return False

    def _run(self) -> None:
        action, self._action = self._action, None
        if action is not None:
            action()


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
    from lobcoder.gui.workers import stop_all

    install_excepthook()

    window = MainWindow(settings)
    window.show()
    if project:
        # The empty window paints first; the project opens right after that paint.
        opener = AfterFirstPaint(window, lambda: window.open_project(Path(project)))
        window.installEventFilter(opener)
    code = app.exec()
    stop_all()  # quitting while suggestions or an import still run: stop them before Python shuts down
    return code
