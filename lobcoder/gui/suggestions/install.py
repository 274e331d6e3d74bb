"""Adding the suggestions pane to the main window: the dock and its View menu entry."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from lobcoder.gui.suggestions.controller import SuggestionsController

if TYPE_CHECKING:
    from lobcoder.gui.main_window import MainWindow


def install_suggestions(window: MainWindow) -> SuggestionsController:
    """Dock the suggestions pane at the bottom (hidden until chosen) and list it in the View menu.

    Call it once the menus exist and before the window restores its saved
    layout, so a dock the user left open comes back open. Nothing is computed,
    and spaCy is not loaded, until the pane is shown.
    """
    controller = SuggestionsController(window)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, controller.dock)
    # Tabbed with the project search, not beside it: side by side at 1366 px each got half the width, the
    # search box and the suggestions cut. A dock chosen in the View menu comes to the front.
    window.tabifyDockWidget(window.search_dock, controller.dock)
    for dock in (window.search_dock, controller.dock):
        dock.toggleViewAction().triggered.connect(lambda shown, dock=dock: dock.raise_() if shown else None)
    controller.dock.hide()
    menu = window.menu_actions.view_menu
    actions = menu.actions()
    search = window.search_dock.toggleViewAction()
    after = actions.index(search) + 1 if search in actions else len(actions)
    if after < len(actions):
        menu.insertAction(actions[after], controller.toggle_action)
    else:
        menu.addAction(controller.toggle_action)
    return controller
