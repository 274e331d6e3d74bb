"""The GUI's error boundary: file trouble is one line in the user's language, never a traceback."""

from __future__ import annotations

import errno
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from lobcoder.editing.code_commands import CreateCode
from lobcoder.errors import StorageProblem
from lobcoder.gui import failures
from lobcoder.gui.undo import ProjectUndoStack
from lobcoder.gui.workers import Worker
from lobcoder.services.codes import list_codes
from lobcoder.storage.project import ProjectStore


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "studie.lobcoder"
    ProjectStore.create(path).close()
    return path


def test_action_on_a_read_only_project_says_why(qtbot, project: Path) -> None:  # type: ignore[no-untyped-def]
    with ProjectStore.open(project, read_only=True) as store:
        stack = ProjectUndoStack(store)
        with qtbot.waitSignal(stack.failed) as failed:
            assert not stack.execute(CreateCode("Werkdruk"))
        (message,) = failed.args
        assert message.startswith(f"{project}: is read-only") and "\n" not in message
        assert stack.count() == 0
    with ProjectStore.open(project) as store, store.read() as session:
        assert list_codes(session) == []


def test_worker_reports_a_full_disk_in_one_line(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "rapport.docx"

    def write(_progress, _cancelled):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    worker = Worker(write)
    with qtbot.waitSignal(worker.signals.failed) as failed:
        worker.start()
    (message,) = failed.args
    assert message == f"{target}: could not be written: the disk is full; nothing was changed"


def test_escaping_storage_error_is_shown_not_printed(qtbot, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    failures.install_excepthook()
    problem = StorageProblem("/data/studie.lobcoder", StorageProblem.LOCKED, "is locked")
    sys.excepthook(StorageProblem, problem, None)
    assert shown == [
        "/data/studie.lobcoder: is locked by another program (another lobcoder window or a sync tool?); "
        "try again in a moment"
    ]
    assert "Traceback" not in capsys.readouterr().err
