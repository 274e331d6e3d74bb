"""The Analysis menu of the main window and the one analysis window it opens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from lobcoder.gui.window_size import place_over

if TYPE_CHECKING:
    from lobcoder.gui.analysis.window import AnalysisWindow
    from lobcoder.gui.main_window import MainWindow
    from lobcoder.gui.undo import ProjectUndoStack


class AnalysisMenu(QObject):
    """Owns the "Analysis" menu and creates the analysis window on first use.

    The window is created lazily (opening the workbench costs nothing) and
    then kept, so tabs, choices and splitter positions survive closing it.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("analysis_menu")
        self.main_window = window
        self._analysis: AnalysisWindow | None = None
        bar = window.menuBar()
        self.menu = QMenu(self.tr("&Analysis"), window)
        help_menu = _help_menu(window)
        if help_menu is not None:
            bar.insertMenu(help_menu.menuAction(), self.menu)
        else:
            bar.addMenu(self.menu)
        self.open_action = QAction(self.tr("&Analysis…"), window)
        self.open_action.setShortcut(QKeySequence("Ctrl+Alt+A"))
        self.open_action.setStatusTip(self.tr("Frequencies, co-occurrence, crosstabs and quotes of the codings"))
        self.open_action.triggered.connect(self.show_analysis)
        self.menu.addAction(self.open_action)

    @property
    def analysis_window(self) -> AnalysisWindow | None:
        """The analysis window once it has been opened, else None."""
        return self._analysis

    def attach(self, stack: ProjectUndoStack | None) -> None:
        """Point the analysis window (if opened) at a new project's undo stack, or at none.

        Optional: the window notices a new project by itself (see
        :class:`~lobcoder.gui.analysis.window.AnalysisWindow`); calling this from
        ``MainWindow._use`` and ``close_project`` makes the switch immediate.
        """
        if self._analysis is not None:
            self._analysis.attach(stack)

    @Slot()
    def show_analysis(self) -> AnalysisWindow:
        """Open (or raise) the analysis window, attached to the current project."""
        from lobcoder.gui.analysis.window import AnalysisWindow

        if self._analysis is None:
            self._analysis = AnalysisWindow(self.main_window)
            place_over(self._analysis, self.main_window)  # over the main window, all of it on its screen
        self._analysis.show()
        self._analysis.raise_()
        self._analysis.activateWindow()
        return self._analysis


def _help_menu(window: MainWindow) -> QMenu | None:
    actions = getattr(window, "menu_actions", None)
    menu = getattr(actions, "help_menu", None)
    return menu if isinstance(menu, QMenu) else None


def install_analysis_menu(window: MainWindow) -> AnalysisMenu:
    """Add the Analysis menu (before Help) with "Analysis…" (Ctrl+Alt+A) to ``window``.

    Call it once the other menus exist (at the end of ``build_menus``) so the
    menu lands before Help; calling it again returns the installed menu.
    """
    installed = window.findChild(AnalysisMenu, "analysis_menu")
    if isinstance(installed, AnalysisMenu):
        return installed
    return AnalysisMenu(window)
