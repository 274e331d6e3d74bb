"""A menu action's background task: a worker, its progress dialog with Cancel, and the outcome shown."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from lobcoder.gui.failures import sentence, show_unexpected_failure
from lobcoder.gui.workers import Task, Worker
from lobcoder.storage.project import ProjectStore

if TYPE_CHECKING:
    from lobcoder.gui.main_window import MainWindow

STATUS_MS = 8000


class BackgroundTask(QObject):
    """One core function in a :class:`Worker`, shown by a window-modal progress dialog.

    ``done(result)`` runs on the GUI thread when the function returns; a
    failure is shown in a message box (an unexpected one naming the task, with
    the traceback as details) and a cancel in the status bar.
    ``on_end()``, if given, runs first however the task ends (connected
    before the worker starts, so no ending is missed).
    """

    def __init__(
        self,
        window: MainWindow,
        title: str,
        label: str,
        fn: Task,
        done: Callable[[Any], object],
        on_end: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.title = title
        self.label = label
        self.done = done
        self.on_end = on_end
        self.ended = False
        self.progress = QProgressDialog(label, self.tr("&Cancel"), 0, 0, window)
        self.progress.setWindowTitle(title)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.setMinimumDuration(300)
        self.progress.canceled.connect(self._cancel)
        self.worker = Worker(fn)
        self.worker.signals.progress.connect(self._progress)
        self.worker.signals.finished.connect(self._finished)
        self.worker.signals.failed.connect(self._failed)
        self.worker.signals.cancelled.connect(self._cancelled)
        self.worker.start(owner=self)

    @Slot()
    def _cancel(self) -> None:
        if not self.ended:
            self.worker.cancel()
            self.progress.setLabelText(self.tr("Cancelling…"))

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, label: str) -> None:
        if self.ended or self.worker.is_cancelled():
            return
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(min(done, total))
        self.progress.setLabelText(f"{self.label}\n{label}" if label else self.label)

    def _end(self) -> None:
        self.ended = True
        self.progress.hide()
        self.progress.deleteLater()
        if self.on_end is not None:
            self.on_end()

    @Slot(object)
    def _finished(self, result: object) -> None:
        self._end()
        self.done(result)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._end()
        if self.worker.details is not None:  # a bug: say which task stopped, the traceback under Show Details
            show_unexpected_failure(self.window, self.title, self.worker.details)
            return
        QMessageBox.warning(self.window, self.title, sentence(message))

    @Slot()
    def _cancelled(self) -> None:
        self._end()
        self.window.statusBar().showMessage(
            self.tr("{0}: cancelled; nothing was written.").format(self.title), STATUS_MS
        )


class TaskActions(QObject):
    """Menu actions of one window that run at most one :class:`BackgroundTask` at a time.

    The last task is kept in ``task`` (tests wait on its worker); while it
    runs, :meth:`_busy` is true and the actions do nothing.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.task: BackgroundTask | None = None

    def _store(self, title: str) -> ProjectStore | None:
        """The open project, or None after telling the user to open one."""
        if self.window.store is None:
            QMessageBox.information(self.window, title, self.tr("Open or create a project first."))
        return self.window.store

    def _busy(self) -> bool:
        return self.task is not None and not self.task.ended

    def _start(
        self,
        title: str,
        label: str,
        work: Task,
        done: Callable[[Any], object],
        on_end: Callable[[], object] | None = None,
    ) -> None:
        if self.task is not None:
            self.task.deleteLater()
        self.task = BackgroundTask(self.window, title, label, work, done, on_end)

    def _status(self, message: str) -> None:
        self.window.statusBar().showMessage(message, STATUS_MS)
