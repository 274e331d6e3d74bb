"""Every menu of the main window, in English and Dutch, as the keyboard user meets it.

Within one menu each entry has its own Alt letter (two entries on one letter
make Alt+letter cycle instead of choose), and every fixed entry has one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu

from lobcoder.demo import create_demo_project
from lobcoder.gui.i18n import install_translations
from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.settings import Settings

_ACCELERATOR = re.compile(r"&([^&])")


def _letter(text: str) -> str | None:
    match = _ACCELERATOR.search(text.replace("&&", ""))
    return match.group(1).lower() if match else None


def _menus(window: MainWindow) -> Iterator[tuple[str, list[QAction]]]:
    """Each menu of the menu bar and its sub-menus, with the entries the user sees."""
    pending = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    while pending:
        menu = pending.pop()
        assert isinstance(menu, QMenu)
        menu.aboutToShow.emit()  # menus that label their entries when they open (Pin to key)
        visible = [a for a in menu.actions() if a.isVisible() and not a.isSeparator()]
        yield menu.title(), visible
        pending.extend(a.menu() for a in visible if a.menu() is not None)


@pytest.fixture(params=["en", "nl"])
def window(request, qapp: QApplication, qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    install_translations(qapp, request.param)  # the conftest puts English back afterwards
    project = create_demo_project(tmp_path / "demo.lobcoder")
    win = MainWindow(Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(win)
    assert win.open_project(project)
    yield win
    win.close_project()


def test_no_menu_uses_one_letter_twice(window: MainWindow) -> None:
    seen = 0
    for title, actions in _menus(window):
        letters = [(_letter(a.text()), a.text()) for a in actions]
        used = [letter for letter, _ in letters if letter]
        twice = {letter for letter in used if used.count(letter) > 1}
        assert not twice, f"menu {title!r}: {[t for letter, t in letters if letter in twice]}"
        seen += 1
    assert seen >= 8  # File, Edit, Coding, Codes, View, Analysis, Help and their sub-menus


def test_every_fixed_menu_entry_has_a_letter(window: MainWindow) -> None:
    recent = window.menu_actions.recent_menu.menuAction()
    for title, actions in _menus(window):
        if title in (recent.text(), window.menu_actions.tr("&Language")):
            continue  # file paths and language names, not commands
        missing = [a.text() for a in actions if _letter(a.text()) is None]
        assert not missing, f"menu {title!r}: no Alt letter in {missing}"


def test_the_code_tree_context_menu_uses_each_letter_once(window: MainWindow) -> None:
    texts = [a.text() for a in window.menu_actions.code_menu_actions()]
    used = [_letter(t) for t in texts]
    assert None not in used, texts
    assert len(set(used)) == len(used), texts


def test_the_menu_bar_and_the_window_buttons_share_no_letter(window: MainWindow) -> None:
    """Alt+letter in the main window opens one menu or presses one button, never cycles between them."""
    titles = [a.text() for a in window.menuBar().actions()]
    pane = window.coding_pane
    buttons = [pane.recode.text(), pane.fit.text(), pane.remove.text(), window.search_panel.code_all.text()]
    suggestions = window.suggestions.pane
    buttons += [
        b.text()
        for b in (
            suggestions.refresh_button,
            suggestions.train_button,
            suggestions.accept_button,
            suggestions.reject_button,
            suggestions.accept_all_button,
            suggestions.show_unreliable,
            suggestions.cancel_button,
        )
    ]
    used = [_letter(t) for t in titles + buttons]
    assert None not in used, titles + buttons
    assert len(set(used)) == len(used), titles + buttons


def test_the_view_menu_names_the_right_pane_as_its_title_does(window: MainWindow) -> None:
    from PySide6.QtCore import QCoreApplication

    title = QCoreApplication.translate("MainWindow", "Selected coding")
    entry = window.menu_actions.right_pane.text().replace("&", "")
    assert entry.startswith(title), (entry, title)  # Dutch: "Geselecteerde codering", not "Gekozen codering"
