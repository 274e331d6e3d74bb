"""Run a core function on the global QThreadPool and report back through signals.

Core functions take ``progress(done, total, label)`` and ``cancelled() -> bool``
callbacks and know nothing of Qt (Orange's TaskState, Picard's util/thread.py).
:class:`Worker` gives them both, runs them off the UI thread, and delivers
progress, the result or the error on the GUI thread.

A worker started with an ``owner`` (the widget or object its slots touch)
delivers nothing once that owner is deleted, and is asked to stop then: Qt
does not disconnect lambdas and partials when their widget dies, so a late
result would otherwise run on deleted widgets ("Internal C++ object already
deleted").
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot

from lobcoder.errors import Cancelled, LobcoderError
from lobcoder.gui.failures import failure_text
from lobcoder.storage.failures import first_line

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]
Task = Callable[[ProgressCallback, CancelCheck], Any]

# Started workers stay referenced until their last signal reaches the GUI
# thread, so a caller that drops its reference cannot delete one mid-run.
_running: set[Worker] = set()


class _Relay(QObject):
    """Emitted from the worker thread; queued on to :class:`WorkerSignals`."""

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class WorkerSignals(QObject):
    """What a :class:`Worker` reports, always emitted on the GUI thread.

    Signals:
        progress(int done, int total, str label): from the function's progress callback.
        finished(object result): the function returned ``result``. A function that
            honours the cancel check by returning a partial result (as
            ``import_files`` does) ends here too; the result says it was cancelled.
        failed(str message): the function raised; a one-line message for the user. For
            an unexpected error (a bug, not trouble with a file) the message is only
            general words, :attr:`Worker.details` holds the technical text and
            :attr:`Worker.error_line` the error's own line ("KeyError: 'w:body'").
        cancelled(): the function raised :class:`~lobcoder.errors.Cancelled`, or
            the worker was cancelled before it started.

    Exactly one of finished, failed and cancelled is emitted per run, unless
    the worker's owner was deleted first: then none is (see :meth:`Worker.start`).
    """

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    _ended = Signal()  # after the last signal, even one not passed on; releases the worker

    def __init__(self, cancel: threading.Event | None = None) -> None:
        super().__init__()
        self._cancel = cancel
        self._owner_gone = False
        # Created on the GUI thread, so queued connections deliver there.
        self._relay = _Relay()
        queued = Qt.ConnectionType.QueuedConnection
        self._relay.progress.connect(self._pass_progress, queued)
        self._relay.finished.connect(self._pass_finished, queued)
        self._relay.failed.connect(self._pass_failed, queued)
        self._relay.cancelled.connect(self._pass_cancelled, queued)

    def watch(self, owner: QObject) -> None:
        """Pass nothing on once ``owner`` is deleted, and ask the function to stop then."""
        # A slot of this object, so the connection goes when the worker does.
        owner.destroyed.connect(self._owner_destroyed)

    @Slot()
    def _owner_destroyed(self) -> None:
        self._owner_gone = True
        if self._cancel is not None:
            self._cancel.set()

    @Slot(int, int, str)
    def _pass_progress(self, done: int, total: int, label: str) -> None:
        if not self._owner_gone:
            self.progress.emit(done, total, label)

    @Slot(object)
    def _pass_finished(self, result: object) -> None:
        if not self._owner_gone:
            self.finished.emit(result)
        self._ended.emit()

    @Slot(str)
    def _pass_failed(self, message: str) -> None:
        if not self._owner_gone:
            self.failed.emit(message)
        self._ended.emit()

    @Slot()
    def _pass_cancelled(self) -> None:
        if not self._owner_gone:
            self.cancelled.emit()
        self._ended.emit()


class Worker(QRunnable):
    """Runs ``fn(progress, cancelled)`` once on ``QThreadPool.globalInstance()``.

    Create workers on the GUI thread. Their signals reach it through queued
    connections, so slots may touch widgets, and connecting right after
    :meth:`start` (before control returns to the event loop) misses nothing.
    ``fn`` runs on another thread: give it plain values and a thread-safe
    store (``ProjectStore`` opens a connection per transaction), never widgets.
    """

    def __init__(self, fn: Task) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python owns the worker (see _running)
        self.fn = fn
        self.details: str | None = None  # the traceback of an unexpected error, set before `failed`
        self.error_line: str | None = None  # its type and first line ("KeyError: 'w:body'"), set with `details`
        self._cancel = threading.Event()
        self._done = threading.Event()
        self.signals = WorkerSignals(self._cancel)
        self.signals._ended.connect(self._release)

    def start(self, pool: QThreadPool | None = None, owner: QObject | None = None) -> Worker:
        """Run the function on ``pool`` (the global pool by default).

        With ``owner``, the object whose widgets the connected slots touch:
        once it is deleted (a window closed with WA_DeleteOnClose, the main
        window torn down), no further progress, result, failure or cancel is
        emitted, and the function is asked to stop at its next cancel check.
        Pass it whenever a slot is a lambda or partial: Qt drops those only
        when the *signals* object dies, not when the widget does.
        """
        if owner is not None:
            self.signals.watch(owner)
        _running.add(self)
        (pool or QThreadPool.globalInstance()).start(self)
        return self

    def cancel(self) -> None:
        """Ask the function to stop at its next cancel check (thread-safe)."""
        self._cancel.set()

    def abandon(self) -> None:
        """Cancel, and pass nothing more on: for an owner that is closing but not yet deleted."""
        self.signals._owner_destroyed()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def is_done(self) -> bool:
        """Whether the function has returned or raised (its signal may still be queued)."""
        return self._done.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the function has ended; for tests and shutdown, not the UI thread."""
        return self._done.wait(timeout)

    def run(self) -> None:
        try:
            if self._cancel.is_set():
                self._send("cancelled")
                return
            result = self.fn(self._progress, self.is_cancelled)
        except Cancelled:
            self._send("cancelled")
        except LobcoderError as exc:
            self._send("failed", failure_text(exc) or str(exc))
        except Exception as exc:  # noqa: BLE001 - every error must reach the user, not kill the thread
            explained = failure_text(exc)  # a full disk, a damaged archive...: one plain line
            if explained is not None:
                self._send("failed", explained)
                return
            log.exception("unexpected error in a background task")
            self.details = "".join(traceback.format_exception(exc)).rstrip()
            name = type(exc).__name__  # a bare `assert` has no message: its type alone, as a traceback says
            self.error_line = f"{name}: {first_line(exc)}" if str(exc).strip() else name
            self._send("failed", unexpected_error_text())
        else:
            self._send("finished", result)
        finally:
            self._done.set()

    def _send(self, signal: str, *args: object) -> bool:
        """Emit ``signal`` on the relay; return whether it was emitted."""
        relay = self.signals._relay
        if not shiboken6.isValid(relay):  # deleted when the application quit while the function ran: nobody listens
            return False
        try:
            getattr(relay, signal).emit(*args)
        except RuntimeError:  # deleted on the GUI thread between the check and the emit (queued: no slot ran)
            return False
        return True

    def _progress(self, done: int, total: int, label: str) -> None:
        if not self._send("progress", done, total, label):
            raise Cancelled("the application has quit")  # stop the function at its next report

    def _release(self, *_args: object) -> None:
        # Later, not now: the signal is still being delivered to the other slots.
        QTimer.singleShot(0, partial(_running.discard, self))


def stop_all(timeout_ms: int = 3000) -> bool:
    """Cancel every running worker and wait up to ``timeout_ms`` for the pool to finish.

    Call it when the event loop has ended (the user quit), so no task is still
    reporting to deleted objects or importing while the interpreter shuts down.
    Returns whether every task ended in time.
    """
    for worker in list(_running):
        worker.cancel()
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


def run_in_thread(fn: Task, owner: QObject | None = None) -> Worker:
    """Create and start a worker; connect to its signals right away (they are queued)."""
    return Worker(fn).start(owner=owner)


def unexpected_error_text() -> str:
    """General words for an error that is a fault in lobcoder: the technical text goes to the details and the log."""
    return QCoreApplication.translate(
        "Worker", "an unexpected error occurred in lobcoder (not a problem with your files)"
    )
