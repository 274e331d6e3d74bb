"""The GUI's error boundary: file trouble is one line in the user's language, never a traceback."""

from __future__ import annotations

import errno
import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from lobcoder.editing.code_commands import CreateCode
from lobcoder.errors import Refused, StorageProblem
from lobcoder.gui import failures
from lobcoder.gui.i18n import install_translations, uninstall_translations
from lobcoder.gui.undo import ProjectUndoStack
from lobcoder.gui.workers import Worker
from lobcoder.i18n.said import say
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
    problem = StorageProblem("/data/studie.lobcoder", StorageProblem.LOCKED, say("problem.locked"))
    sys.excepthook(StorageProblem, problem, None)
    assert shown == [
        "/data/studie.lobcoder: is locked by another program (another lobcoder window or a sync tool?); "
        "try again in a moment"
    ]
    assert "Traceback" not in capsys.readouterr().err


OLD_PROJECT = Path(__file__).parents[1] / "storage" / "data" / "project_schema_0001.lobcoder"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "{0}: was made by an older lobcoder and must be updated, but it is read-only; "
            "copy it to a folder you may write in",
        ),
        (
            "nl",
            "{0}: is gemaakt door een oudere lobcoder en moet worden bijgewerkt, maar is alleen-lezen; "
            "kopieer het naar een map waarin u mag schrijven",
        ),
    ],
)
def test_an_old_read_only_project_gets_its_own_advice(  # type: ignore[no-untyped-def]
    qapp: QApplication, tmp_path: Path, language: str, expected: str
) -> None:
    old = tmp_path / "studie.lobcoder"
    shutil.copyfile(OLD_PROJECT, old)
    install_translations(qapp, language)
    try:
        with pytest.raises(StorageProblem) as refused:
            ProjectStore.open(old, read_only=True)
        assert failures.failure_text(refused.value) == expected.format(old)
    finally:
        uninstall_translations(qapp)


def test_a_refusal_shown_on_its_own_starts_with_a_capital(qtbot, qapp: QApplication) -> None:  # type: ignore[no-untyped-def]
    install_translations(qapp, "nl")  # the autouse fixture puts English back afterwards
    refused = Refused(say("problem.refused.code_exists", name="twijfel"))
    worded = failures.error_text(refused)
    assert worded.startswith("op dit niveau")  # after "lobcoder: error: " or a colon it stays lower case
    assert failures.sentence(worded) == "Op dit niveau is er al een code met de naam 'twijfel'"
    path = "/tmp/kapot.docx: is leeg"
    assert failures.sentence(path) == path


def test_an_undo_that_clashes_with_another_window_says_what_clashed(qtbot, project: Path) -> None:  # type: ignore[no-untyped-def]
    from lobcoder.editing.code_commands import DeleteCode

    with ProjectStore.open(project) as store:
        mine, theirs = ProjectUndoStack(store), ProjectUndoStack(store)  # two windows of one project
        assert mine.execute(CreateCode("Loopbaan", guid="a" * 32)) and mine.execute(CreateCode("Keuze", "a" * 32))
        with store.read() as session:
            keuze = next(code.guid for code in list_codes(session) if code.name == "Keuze")
        assert mine.execute(DeleteCode(keuze, name="Keuze"))
        assert theirs.execute(CreateCode("Keuze", "a" * 32))  # the other window uses the name again
        with qtbot.waitSignal(mine.failed) as failed:
            mine.undo()
        (message,) = failed.args
        assert message == (
            "there is already a code named 'Keuze' at this level of the codebook, "
            "added perhaps meanwhile in another window; nothing was changed"
        )
        with store.read() as session:
            assert sorted(code.name for code in list_codes(session)) == ["Keuze", "Loopbaan"]
