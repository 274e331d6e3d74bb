"""Backups in the window: the daily backup on opening, File → Restore from backup…, the cloud-folder warning."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from lobcoder.gui.backup_actions import BackupActions
from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.settings import Settings
from lobcoder.services.documents import add_document
from lobcoder.storage.backups import BEFORE_RESTORE, DAILY, list_backups
from lobcoder.storage.models import Document
from lobcoder.storage.project import ProjectStore
from tests.teamwork.helpers import build_project

T0 = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    win = MainWindow(Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def backups(win: MainWindow) -> BackupActions:
    return win.menu_actions.backups


def documents(store: ProjectStore) -> int:
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(Document)) or 0


def test_opening_makes_the_daily_backup_when_the_last_is_a_day_old(window: MainWindow, tmp_path: Path) -> None:
    project = tmp_path / "main.lobcoder"
    build_project(project).close()
    for hours, expected in ((0, 1), (23, 1), (25, 2)):
        backups(window).clock = lambda hours=hours: T0 + timedelta(hours=hours)
        assert window.open_project(project)
        assert [b.reason for b in list_backups(project)] == [DAILY] * expected


def test_restore_dialog_replaces_the_project_after_confirmation(qtbot, window: MainWindow, tmp_path: Path) -> None:
    project = tmp_path / "main.lobcoder"
    build_project(project).close()
    backups(window).clock = lambda: T0
    assert window.open_project(project)
    store = window.store
    assert store is not None
    original = documents(store)
    with store.transaction() as session:
        add_document(session, "later", "I: Nog iets?\n")
    backups(window).clock = lambda: T0 + timedelta(hours=2)

    window.menu_actions.restore_action.trigger()
    dialog = backups(window).dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.model.rowCount() == 1
    row = [dialog.model.item(0, column).text() for column in range(5)]
    assert row[1] == "daily" and row[3] == str(original) and row[4] == "4"
    dialog.grab().save(str(tmp_path / "restore_dialog.png"))

    dialog.replace_button.click()
    question = backups(window).question
    assert question is not None and question.isVisible() and "main.lobcoder" in question.text()
    question.button(QMessageBox.StandardButton.Cancel).click()
    assert window.store is not None and documents(window.store) == original + 1  # cancelled: nothing changed

    dialog.replace_button.click()
    question = backups(window).question
    assert question is not None
    question.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: window.store is not None and documents(window.store) == original)
    assert not dialog.isVisible()
    assert [b.reason for b in list_backups(project)] == [BEFORE_RESTORE, DAILY]
    assert "main.lobcoder" in window.windowTitle()


def test_restore_to_a_new_file_leaves_the_open_project_alone(window: MainWindow, tmp_path: Path) -> None:
    project = tmp_path / "main.lobcoder"
    build_project(project).close()
    assert window.open_project(project)
    [backup] = list_backups(project)
    assert window.store is not None
    with window.store.transaction() as session:
        add_document(session, "later", "I: Nog iets?\n")
    assert backups(window).restore_to_file(backup, tmp_path / "back.lobcoder")
    with ProjectStore.open(tmp_path / "back.lobcoder") as copy:
        assert documents(copy) == documents(window.store) - 1


def test_a_project_in_a_dropbox_folder_is_warned_about(window: MainWindow, tmp_path: Path) -> None:
    (tmp_path / "Dropbox").mkdir()
    project = tmp_path / "Dropbox" / "main.lobcoder"
    build_project(project).close()
    assert window.open_project(project)
    assert "Dropbox" in window.statusBar().currentMessage()


def test_dialog_without_backups_says_so(window: MainWindow, tmp_path: Path) -> None:
    from lobcoder.gui.dialogs.restore_dialog import RestoreDialog

    dialog = RestoreDialog([], str(tmp_path / ".p.lobcoder.backups"), window)
    assert not dialog.replace_button.isEnabled() and not dialog.to_file_button.isEnabled()
