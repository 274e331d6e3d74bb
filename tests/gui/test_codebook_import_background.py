"""Codebook import backs the project up in the background: the window stays responsive, Cancel changes nothing."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

import lobcoder.gui.backup_actions as backup_actions
from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.settings import Settings
from lobcoder.refi.qdc import write_qdc
from lobcoder.services.codebook_data import Codebook, CodebookCode
from lobcoder.services.codes import create_code
from lobcoder.services.documents import add_document
from lobcoder.storage.backups import BEFORE_CODEBOOK_IMPORT, backup_folder, create_backup, list_backups
from lobcoder.storage.models import Code
from lobcoder.storage.project import ProjectStore


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    path = tmp_path / "project.lobcoder"
    with ProjectStore.create(path) as store, store.transaction() as session:
        add_document(session, "Docent01_w1", "I: Hoe werkt u samen?\nMarieke: We leren samen van elkaar.\n")
        create_code(session, "Visie", color="#009e73")
    win = MainWindow(Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(win)
    win.show()
    assert win.open_project(path)
    yield win
    win.close()


@pytest.fixture
def incoming(tmp_path: Path) -> Path:
    path = tmp_path / "incoming.qdc"
    codebook = Codebook(
        codes=(
            CodebookCode(guid="11111111-1111-4111-8111-111111111111", name="Communicatie", color="#cc79a7"),
            CodebookCode(guid="33333333-3333-4333-8333-333333333333", name="Visie", color="#0072b2"),
        )
    )
    write_qdc(codebook, path)
    return path


class Gate:
    """Holds the real backup back until opened, and notes on which thread it ran."""

    def __init__(self) -> None:
        self.open = threading.Event()
        self.entered = threading.Event()
        self.threads: list[threading.Thread] = []

    def backup(self, project, reason, now=None, progress=None, cancelled=None, replaces=None):  # type: ignore[no-untyped-def]
        self.threads.append(threading.current_thread())
        self.entered.set()
        self.open.wait(10)
        return create_backup(project, reason, now, progress, cancelled, replaces)


@pytest.fixture
def gate(monkeypatch) -> Iterator[Gate]:
    held = Gate()
    monkeypatch.setattr(backup_actions, "create_backup", held.backup)
    yield held
    held.open.set()  # a failed test must not leave a worker waiting


def _codes(win: MainWindow) -> list[tuple[str, str]]:
    assert win.store is not None
    with win.store.read() as session:
        return sorted((name, color) for name, color in session.execute(select(Code.name, Code.color)))


def _import_backups(win: MainWindow) -> list[Path]:
    assert win.store is not None  # (opening made the daily backup)
    return [b.path for b in list_backups(win.store.path) if b.reason == BEFORE_CODEBOOK_IMPORT]


def _accept_plan(win: MainWindow, path: Path):  # type: ignore[no-untyped-def]
    dialog = win.menu_actions.exchange.show_codebook_plan(path)
    assert dialog is not None
    dialog.accept()
    task = win.menu_actions.exchange.task
    assert task is not None
    return task


def test_the_backup_runs_in_the_background_then_the_codes_are_imported_as_one_step(
    qtbot, window: MainWindow, incoming: Path, gate: Gate
) -> None:
    assert window.store is not None
    before = _codes(window)

    task = _accept_plan(window, incoming)  # returns while the backup is still held back

    assert gate.entered.wait(10) and gate.threads[0] is not threading.main_thread()
    assert not task.ended and _import_backups(window) == []
    assert _codes(window) == before  # nothing imported before the backup is made
    qtbot.waitUntil(lambda: task.progress.isVisible(), timeout=5000)  # the progress dialog, with Cancel
    assert task.progress.findChild(QPushButton) is not None
    gate.open.set()
    qtbot.waitUntil(lambda: task.ended, timeout=10000)

    assert len(_import_backups(window)) == 1
    assert _codes(window) == [("Communicatie", "#cc79a7"), ("Visie", "#0072b2")]
    assert window.code_tree.currentIndex().data() == "Communicatie"
    assert "Codebook imported" in window.statusBar().currentMessage()
    stack = window.undo_stack
    assert stack is not None and stack.count() == 1
    stack.undo()
    assert _codes(window) == before


def test_cancel_during_the_backup_changes_nothing(qtbot, window: MainWindow, incoming: Path, gate: Gate) -> None:
    assert window.store is not None
    before = _codes(window)
    task = _accept_plan(window, incoming)
    assert gate.entered.wait(10)
    qtbot.waitUntil(lambda: task.progress.isVisible(), timeout=5000)

    cancel = task.progress.findChild(QPushButton)
    assert cancel is not None
    cancel.click()
    gate.open.set()  # the backup starts only now, already cancelled
    qtbot.waitUntil(lambda: task.ended, timeout=10000)

    assert "cancelled" in window.statusBar().currentMessage()
    assert _codes(window) == before
    assert window.undo_stack is not None and window.undo_stack.count() == 0
    assert _import_backups(window) == []
    assert not list(backup_folder(window.store.path).glob(".*partial"))  # no half-written backup left behind


def test_a_failed_import_still_says_the_backup_could_not_be_made(
    qtbot, monkeypatch, window: MainWindow, incoming: Path
) -> None:
    import sqlite3

    from PySide6.QtWidgets import QMessageBox

    assert window.store is not None
    before = _codes(window)
    folder = backup_folder(window.store.path)  # a file where the backups go: the backup cannot be made
    for old in folder.iterdir():
        old.unlink()
    folder.rmdir()
    folder.write_text("not a folder", encoding="utf-8")
    with sqlite3.connect(window.store.path) as db:  # and the database refuses new codes: the import fails
        db.execute("CREATE TRIGGER refuse BEFORE INSERT ON codes BEGIN SELECT RAISE(ABORT, 'refused'); END")
    db.close()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_a: shown.append(text))

    task = _accept_plan(window, incoming)
    # The refusal is told: as a one-line warning if it is classified, else in the box for a bug, which names the task.
    told = lambda: bool(shown) or any(box.isVisible() for box in window.findChildren(QMessageBox))  # noqa: E731
    qtbot.waitUntil(lambda: task.ended and told(), timeout=20000)

    problem = window.menu_actions.backups.last_problem
    assert problem is not None and str(folder) in problem
    assert "No backup made" in window.statusBar().currentMessage()
    assert _codes(window) == before and window.undo_stack is not None and window.undo_stack.count() == 0
