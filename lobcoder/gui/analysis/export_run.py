"""One Export… of the analysis window: its worker, its progress dialog, and an end that touches only those."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from lobcoder.gui.workers import Task, Worker

SHOW_AFTER_MS = 400  # an export that ends sooner shows no progress dialog


class ExportRun(QObject):
    """One file written by a tab's Export… on a worker, with a progress dialog and Cancel.

    The analysis window runs at most one at a time (a tab's Export… waits while
    :meth:`AnalysisWindow.is_exporting`): a result computed meanwhile must not
    offer a second export whose end the first would take for its own. Everything a run's end touches is its own
    (its dialog, its worker); the tab hears the outcome from its slots.

    The dialog shows only once the export has taken :data:`SHOW_AFTER_MS`, so a
    quick export does not flash one; its Cancel stops the writing (the core
    export asks the cancel check once per row) and no file is left behind.

    Signals:
        written(Path): the file was written.
        failed(Path, str): it could not be written; a one-line reason (a fault in lobcoder: general
            words, and ``worker.details`` holds the traceback).
        cancelled(Path): the export was cancelled; nothing was written.
        ended(object): emitted with the run itself after written, failed or cancelled, once.
    """

    written = Signal(Path)
    failed = Signal(Path, str)
    cancelled = Signal(Path)
    ended = Signal(object)

    def __init__(self, parent: QWidget, path: Path, task: Task, progress: str, title: str) -> None:
        """``progress`` labels the window-modal progress dialog (with Cancel) that shows the task's progress.

        ``title`` is the dialog's title: what is exported ("Export quotes"), as the tab words it.
        """
        super().__init__(parent)
        self.path = path
        self.title = title
        self.worker = Worker(task)
        self.dialog: QProgressDialog | None = QProgressDialog(progress, self.tr("&Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAutoReset(False)  # the last row is not the end: the file is still being saved
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.canceled.connect(self.worker.cancel)
        self.worker.signals.progress.connect(self._progress)
        self.worker.signals.finished.connect(self._finished)
        self.worker.signals.failed.connect(self._failed)
        self.worker.signals.cancelled.connect(self._cancelled)

    def start(self) -> Worker:
        return self.worker.start(owner=self)

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, _label: str) -> None:
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.setMaximum(total)
            self.dialog.setValue(done)

    def _close_dialog(self) -> None:
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.reset()
            self.dialog.hide()
            self.dialog.deleteLater()
        self.dialog = None

    @Slot(object)
    def _finished(self, _result: object) -> None:
        self._close_dialog()
        self.ended.emit(self)
        self.written.emit(self.path)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._close_dialog()
        self.ended.emit(self)
        self.failed.emit(self.path, message)

    @Slot()
    def _cancelled(self) -> None:
        self._close_dialog()
        self.ended.emit(self)
        self.cancelled.emit(self.path)
