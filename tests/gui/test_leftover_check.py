"""Opening a project offers to remove what interrupted imports and copies left beside it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.settings import Settings
from lobcoder.storage.project import ProjectStore
from tests.storage.leftover_helpers import make_leftovers


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    win = MainWindow(Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def _names(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def test_clean_removes_the_leftovers_it_lists(qtbot, window: MainWindow, tmp_path: Path) -> None:
    project = tmp_path / "main.lobcoder"
    ProjectStore.create(project).close()
    stale, running = make_leftovers(tmp_path)
    assert window.open_project(project)
    box = window.menu_actions.backups.leftovers.question
    assert box is not None and box.isVisible()
    assert "left 4 files" in box.text()
    assert all(name in box.informativeText() for name in stale)
    assert not any(name in box.informativeText() for name in running)
    box.grab().save(str(tmp_path / "leftovers.png"))
    button = window.menu_actions.backups.leftovers.clean_button
    assert button is not None
    button.click()
    qtbot.waitUntil(lambda: not stale & _names(tmp_path))
    assert running <= _names(tmp_path) and project.exists()
    assert "Removed 4 leftover files" in window.statusBar().currentMessage()


def test_keep_leaves_them_and_a_clean_folder_asks_nothing(window: MainWindow, tmp_path: Path) -> None:
    project = tmp_path / "main.lobcoder"
    ProjectStore.create(project).close()
    assert window.open_project(project)
    assert window.menu_actions.backups.leftovers.question is None
    stale, _running = make_leftovers(tmp_path)
    assert window.open_project(project)
    box = window.menu_actions.backups.leftovers.question
    assert box is not None
    [keep] = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole]
    keep.click()
    assert stale <= _names(tmp_path)
