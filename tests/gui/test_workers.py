"""Workers run core functions off the UI thread and report on it; cancelling stops between files."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QThread, QThreadPool
from PySide6.QtWidgets import QLabel

from lobcoder.errors import Cancelled, ImportProblem, LobcoderError
from lobcoder.gui import workers
from lobcoder.gui.workers import Worker, stop_all
from lobcoder.services.batch_import import ImportReport, import_files
from lobcoder.services.documents import list_documents
from lobcoder.storage.project import ProjectStore


@pytest.fixture(autouse=True)
def _no_worker_outlives_its_test() -> Iterator[None]:
    yield
    assert QThreadPool.globalInstance().waitForDone(10_000)


def _transcripts(folder: Path, count: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"Docent{n:02d}_w1.txt"
        path.write_text(
            f"I: Vraag {n}?\nDocent{n:02d}: Antwoord {n}.\nI: Dank u.\nDocent{n:02d}: Graag.\n", encoding="utf-8"
        )
        paths.append(path)
    return paths


def _on_gui_thread() -> bool:
    return QThread.currentThread() is QCoreApplication.instance().thread()


def test_an_import_runs_in_the_pool_and_reports_on_the_gui_thread(qtbot, store: ProjectStore, tmp_path: Path) -> None:
    paths = _transcripts(tmp_path / "in", 3)
    worker_threads: list[bool] = []
    progress: list[tuple[int, int, str, bool]] = []

    def work(report_progress, cancelled):  # type: ignore[no-untyped-def]
        worker_threads.append(_on_gui_thread())
        return import_files(store, paths, progress=report_progress, cancelled=cancelled)

    worker = Worker(work)
    worker.signals.progress.connect(lambda d, t, label: progress.append((d, t, Path(label).name, _on_gui_thread())))
    delivered_on_gui: list[bool] = []
    worker.signals.finished.connect(lambda _report: delivered_on_gui.append(_on_gui_thread()))
    with qtbot.waitSignal(worker.signals.finished, timeout=10_000) as blocker:
        worker.start()
    report = blocker.args[0]
    assert isinstance(report, ImportReport)
    assert [r.status for r in report.results] == ["imported"] * 3
    assert worker_threads == [False]
    assert delivered_on_gui == [True]
    assert [p[:3] for p in progress] == [
        (0, 3, "Docent00_w1.txt"),
        (1, 3, "Docent01_w1.txt"),
        (2, 3, "Docent02_w1.txt"),
        (3, 3, ""),
    ]
    assert all(on_gui for *_rest, on_gui in progress)
    with store.read() as session:
        assert len(list_documents(session)) == 3


def test_cancel_stops_an_import_between_files_and_keeps_the_finished_ones(
    qtbot, store: ProjectStore, tmp_path: Path
) -> None:
    paths = _transcripts(tmp_path / "in", 3)
    first_file_started, go_on = threading.Event(), threading.Event()

    def work(report_progress, cancelled):  # type: ignore[no-untyped-def]
        def progress(done: int, total: int, label: str) -> None:
            report_progress(done, total, label)
            if done == 0:  # hold the worker inside the first file until the test has cancelled
                first_file_started.set()
                go_on.wait(10)

        return import_files(store, paths, progress=progress, cancelled=cancelled)

    worker = Worker(work)
    with qtbot.waitSignal(worker.signals.finished, timeout=10_000) as blocker:
        worker.start()
        assert first_file_started.wait(10)
        worker.cancel()
        go_on.set()
    report = blocker.args[0]
    assert worker.is_cancelled()
    assert report.cancelled
    assert [Path(r.path).name for r in report.imported] == ["Docent00_w1.txt"]
    assert report.not_started == (str(paths[1]), str(paths[2]))
    with store.read() as session:
        assert [d.name for d in list_documents(session)] == ["Docent00_w1"]


def test_a_lobcoder_error_becomes_its_one_line_message(qtbot, tmp_path: Path) -> None:
    def work(_progress, _cancelled):  # type: ignore[no-untyped-def]
        raise ImportProblem(tmp_path / "Kapot.docx", "is not a valid Word document")

    worker = Worker(work)
    with qtbot.waitSignal(worker.signals.failed, timeout=5000) as blocker:
        worker.start()
    assert blocker.args == [f"{tmp_path / 'Kapot.docx'}: is not a valid Word document"]


def test_an_unexpected_error_is_logged_and_reported_in_general_words(qtbot, caplog) -> None:
    def work(_progress, _cancelled):  # type: ignore[no-untyped-def]
        raise KeyError("speaker")

    worker = Worker(work)
    with caplog.at_level(logging.ERROR, logger="lobcoder.gui.workers"):
        with qtbot.waitSignal(worker.signals.failed, timeout=5000) as blocker:
            worker.start()
    assert blocker.args == ["an unexpected error occurred in lobcoder (not a problem with your files)"]
    assert "Traceback" in caplog.text and "KeyError" in caplog.text
    assert (
        worker.details is not None
        and worker.details.startswith("Traceback")
        and "KeyError: 'speaker'" in worker.details
    )
    assert worker.error_line == "KeyError: 'speaker'"


def test_an_error_without_a_message_is_named_by_its_type_alone(qtbot) -> None:  # type: ignore[no-untyped-def]
    def work(_progress, _cancelled):  # type: ignore[no-untyped-def]
        raise AssertionError  # a bare `assert` that failed: as the traceback's last line says it

    worker = Worker(work)
    with qtbot.waitSignal(worker.signals.failed, timeout=5000):
        worker.start()
    assert worker.error_line == "AssertionError"


def test_raising_cancelled_or_cancelling_before_the_start_emits_cancelled(qtbot) -> None:
    def gives_up(_progress, cancelled):  # type: ignore[no-untyped-def]
        raise Cancelled("stopped")

    worker = Worker(gives_up)
    with qtbot.waitSignal(worker.signals.cancelled, timeout=5000):
        worker.start()

    calls: list[int] = []
    never = Worker(lambda _progress, _cancelled: calls.append(1))
    never.cancel()
    with qtbot.assertNotEmitted(never.signals.finished), qtbot.waitSignal(never.signals.cancelled, timeout=5000):
        never.start()
    assert calls == []
    assert never.wait(5)


def test_a_task_still_running_when_the_application_quits_stops_quietly(qtbot, caplog) -> None:
    # Quitting while suggestions were computed printed "unexpected error in a background task" and
    # "RuntimeError: Signal source has been deleted" twice: the task reported progress to a deleted relay.
    steps: list[int] = []

    def work(progress, _cancelled):  # type: ignore[no-untyped-def]
        for step in range(3):
            progress(step, 3, "sentences")
            steps.append(step)
        return "done"

    worker = Worker(work)
    shiboken6.delete(worker.signals._relay)  # what the teardown at quit does to it
    with caplog.at_level(logging.ERROR, logger="lobcoder.gui.workers"):
        worker.run()  # on the pool's thread, as QThreadPool would; it must not raise
    assert caplog.text == "" and worker.is_done()
    assert steps == []  # the first progress report found the application gone and stopped the task


def test_stop_all_cancels_running_tasks_and_waits_for_them(qtbot) -> None:
    started = threading.Event()

    def long_task(_progress, cancelled):  # type: ignore[no-untyped-def]
        started.set()
        while not cancelled():
            threading.Event().wait(0.01)
        raise Cancelled("stopped")

    worker = Worker(long_task).start()
    assert started.wait(5)
    assert stop_all(5000)  # what the application does once its window has closed
    assert worker.is_done() and worker.is_cancelled()


@pytest.mark.parametrize("ending", ["finished", "failed"])
def test_a_worker_whose_owner_was_deleted_delivers_nothing_is_stopped_and_let_go(qtbot, caplog, ending: str) -> None:
    # Qt drops a lambda's connection only with the signals object, not with the widget the lambda touches.
    started, release = threading.Event(), threading.Event()
    reports: list[str] = []

    def work(progress, cancelled):  # type: ignore[no-untyped-def]
        started.set()
        assert release.wait(10)
        progress(1, 2, "half")
        if ending == "failed":
            raise LobcoderError("in.docx: damaged")
        return "result"

    owner = QLabel()
    worker = Worker(work)
    for name in ("progress", "finished", "failed", "cancelled"):
        getattr(worker.signals, name).connect(lambda *_args, name=name: reports.append(name) or owner.setText(name))
    worker.start(owner=owner)
    assert started.wait(5)
    shiboken6.delete(owner)
    assert worker.is_cancelled()  # nobody is left to see the result: asked to stop
    release.set()
    assert worker.wait(5)
    qtbot.waitUntil(lambda: worker not in workers._running, timeout=5000)  # its last signal has been handled
    assert reports == []
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], caplog.text


def test_a_worker_with_a_living_owner_reports_as_before(qtbot) -> None:
    owner = QLabel()
    worker = Worker(lambda progress, _cancelled: progress(1, 1, "all") or 42)
    seen: list[object] = []
    worker.signals.progress.connect(lambda *args: seen.append(args))
    worker.signals.finished.connect(lambda result: owner.setText(str(result)))
    with qtbot.waitSignal(worker.signals.finished, timeout=5000):
        worker.start(owner=owner)
    assert owner.text() == "42" and seen == [(1, 1, "all")] and not worker.is_cancelled()
    qtbot.waitUntil(lambda: worker not in workers._running, timeout=5000)
