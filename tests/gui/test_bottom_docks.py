"""The project search and the suggestions share the bottom as tabs: each the full width, the one chosen in front.

Side by side on a 1366 px laptop each got half: the search box showed "oopbaan" of "loopbaan".
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from lobcoder.demo import create_demo_project
from lobcoder.gui.main_window import MainWindow
from tests.gui.coder_settings import coder_settings


def _in_front(pane: QWidget) -> bool:
    """Shown on screen: a tabbed dock behind another stays "visible" to Qt but has nothing on screen."""
    return pane.isVisible() and not pane.visibleRegion().isEmpty()


def test_search_and_suggestions_are_tabs_and_the_one_chosen_comes_to_the_front(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(coder_settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    assert window.open_project(create_demo_project(tmp_path / "demo.lobcoder"))
    search, suggestions = window.search_dock, window.suggestions.dock
    suggestions.toggleViewAction().trigger()
    qtbot.waitUntil(window.suggestions.pane.isVisible)
    search.toggleViewAction().trigger()  # View → Search project, with the suggestions open
    qtbot.waitUntil(lambda: _in_front(window.search_panel) and not _in_front(window.suggestions.pane))
    assert suggestions in window.tabifiedDockWidgets(search)
    assert window.search_panel.query.width() > 1000  # the whole width below the transcript
    suggestions.toggleViewAction().trigger()  # hidden (it was open)…
    suggestions.toggleViewAction().trigger()  # …and chosen again: in front
    qtbot.waitUntil(lambda: _in_front(window.suggestions.pane) and not _in_front(window.search_panel))
    window.menu_actions._search_project()  # Edit → Search all documents (Ctrl+Shift+F): the search in front
    qtbot.waitUntil(lambda: _in_front(window.search_panel) and not _in_front(window.suggestions.pane))
    window.close()
