"""A bug inside a menu's background task: one translated line naming the task, the traceback under Show Details."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from lobcoder.errors import Cancelled, ImportProblem
from lobcoder.gui.background_task import BackgroundTask
from lobcoder.gui.i18n import install_translations
from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.settings import Settings


def _run(qtbot, window: MainWindow, title: str, work) -> BackgroundTask:  # type: ignore[no-untyped-def]
    done: list[object] = []
    task = BackgroundTask(window, title, "…", work, done.append)
    qtbot.waitUntil(lambda: task.ended, timeout=5000)
    assert done == []
    return task


def _boxes(window: MainWindow) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_bug_names_the_task_in_the_interface_language_with_details(
    qtbot, qapp: QApplication, tmp_path: Path, caplog, language: str
) -> None:
    install_translations(qapp, language)  # the conftest puts English back afterwards
    window = MainWindow(Settings(str(tmp_path / "s.ini")))
    qtbot.addWidget(window)
    window.show()

    def work(_progress, _cancelled):  # type: ignore[no-untyped-def]
        return {}["speaker"]

    title = "Export project as REFI-QDA" if language == "en" else "Project exporteren als REFI-QDA"
    with caplog.at_level(logging.ERROR, logger="lobcoder.gui.workers"):
        _run(qtbot, window, title, work)
    (box,) = _boxes(window)
    assert box.windowTitle() == title
    if language == "nl":
        assert box.text() == (
            f"‘{title}’ is gestopt: er trad een onverwachte fout op in lobcoder (geen probleem met uw bestanden). "
            "De details helpen om de fout te melden."
        )
    else:
        assert box.text().startswith(f"‘{title}’ stopped: an unexpected error occurred in lobcoder")
    assert "KeyError" not in box.text() and "\n" not in box.text()  # one line, no English technical words
    assert box.detailedText().startswith("Traceback") and "KeyError: 'speaker'" in box.detailedText()
    assert "Traceback" in caplog.text and "KeyError: 'speaker'" in caplog.text  # still in the log
    details = [b.text() for b in box.buttons()]
    assert ("Show De&tails…" if language == "en" else "&Details tonen…") in details
    box.close()


def test_trouble_with_a_file_keeps_its_own_one_line_message(qtbot, tmp_path: Path, monkeypatch) -> None:
    window = MainWindow(Settings(str(tmp_path / "s.ini")))
    qtbot.addWidget(window)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_a: shown.append(text))

    def work(_progress, _cancelled):  # type: ignore[no-untyped-def]
        raise ImportProblem(tmp_path / "Kapot.docx", "is not a valid Word document")

    task = _run(qtbot, window, "Import", work)
    assert shown == [f"{tmp_path / 'Kapot.docx'}: is not a valid Word document"]
    assert task.worker.details is None and _boxes(window) == []


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_progress_dialog_cancels_with_an_alt_letter(
    qtbot, qapp: QApplication, tmp_path: Path, language: str
) -> None:
    install_translations(qapp, language)
    window = MainWindow(Settings(str(tmp_path / "s.ini")))
    qtbot.addWidget(window)
    started = threading.Event()

    def work(_progress, cancelled):  # type: ignore[no-untyped-def]
        started.set()
        while not cancelled():
            time.sleep(0.01)
        raise Cancelled("stopped")

    task = BackgroundTask(window, "Export", "…", work, lambda _result: None)
    assert started.wait(5)
    button = task.progress.findChild(QPushButton)
    assert button is not None and button.text() == ("&Cancel" if language == "en" else "&Annuleren")
    task.worker.cancel()
    qtbot.waitUntil(lambda: task.ended, timeout=5000)
