"""Keeps the suggestions pane in step with the window: when to compute, in a worker, and what answers do.

Suggestions are computed only while the pane is visible, for the open
document, debounced after each change, one worker at a time. A result is shown
only if nothing was asked since its run started and its document is still
open; anything else is stale and dropped. Answers are undoable commands on the
project's undo stack; nothing is coded without the user's click.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QDockWidget

from lobcoder.editing.suggestion_commands import AcceptAll, AcceptSuggestion, RejectSuggestion
from lobcoder.gui.failures import failure_line
from lobcoder.gui.i18n import decimal
from lobcoder.gui.suggestions.pane import SuggestionsPane
from lobcoder.gui.suggestions.task import CodeStatus, SuggestionBatch, Training, compute_suggestions
from lobcoder.gui.transcript.layout import SuggestionMark
from lobcoder.gui.workers import Worker
from lobcoder.storage.project import ProjectStore

if TYPE_CHECKING:
    from lobcoder.gui.main_window import MainWindow
    from lobcoder.gui.undo import ProjectUndoStack
    from lobcoder.suggest.ranking import Suggestion

DEBOUNCE_MS = 500
BUSY_DELAY_MS = 300  # a run shorter than this never shows the progress bar
_ORDER = {Training.NEVER: 0, Training.IF_MODEL: 1, Training.ALWAYS: 2}


def _stronger(a: Training | None, b: Training) -> Training:
    return b if a is None or _ORDER[b] > _ORDER[a] else a


class SuggestionsController(QObject):
    """Owns the "Suggestions" dock and its pane; the window tells it about projects and documents.

    Signals:
        settled(): a run ended (shown, dropped, failed or cancelled) and no other is waiting.
    """

    settled = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.store: ProjectStore | None = None
        self.undo_stack: ProjectUndoStack | None = None
        self.document_id: int | None = None
        self.pane = SuggestionsPane()
        self.dock = QDockWidget(self.tr("Suggestions"), window)
        self.dock.setObjectName("suggestions_dock")
        self.dock.setWidget(self.pane)
        self.toggle_action = self.dock.toggleViewAction()
        self.toggle_action.setText(self.tr("&Suggestions"))
        self.toggle_action.setStatusTip(self.tr("Show passages of this document that may fit a code"))
        self._worker: Worker | None = None
        self._run_number = 0  # numbers the workers, so signals never keep one alive through a closure
        self._running: Training | None = None
        self._pending: Training | None = None
        self._serial = 0  # bumped by every request; a result from an older one is stale
        self._user_cancelled = False
        self._busy: tuple[str, int, int] | None = None
        self._all: list[Suggestion] = []  # of the last run, before hiding codes that are not yet reliable
        self._codes: list[CodeStatus] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._start)
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.timeout.connect(self._show_busy)

        self.pane.set_threshold(window.settings.suggestion_threshold / 100)
        self.pane.threshold.valueChanged.connect(self._threshold_changed)
        self.pane.acceptRequested.connect(self.accept)
        self.pane.rejectRequested.connect(self.reject)
        self.pane.acceptAllRequested.connect(self.accept_all)
        self.pane.suggestionChosen.connect(self._show_suggestion)
        self.pane.trainRequested.connect(lambda: self.request(Training.ALWAYS, 0))
        self.pane.refreshRequested.connect(lambda: self.request(Training.IF_MODEL, 0))
        self.pane.cancelRequested.connect(self.cancel)
        self.pane.showUnreliableChanged.connect(self._show_filtered)
        self.pane.model.modelReset.connect(self._update_marks)
        self.pane.model.rowsRemoved.connect(self._update_marks)
        self.dock.visibilityChanged.connect(self._visibility_changed)

    # -- what the window tells us -----------------------------------------------------

    def attach(self, store: ProjectStore, undo_stack: ProjectUndoStack) -> None:
        """A project was opened: follow its changes."""
        self.detach()
        self.store, self.undo_stack = store, undo_stack
        undo_stack.changed.connect(self._project_changed)

    def detach(self) -> None:
        """The project is closing: stop, forget its suggestions, drop any result still on its way."""
        self._serial += 1
        self._pending = None
        self._timer.stop()
        if self._worker is not None:
            self._worker.cancel()
        if self.undo_stack is not None:
            self.undo_stack.changed.disconnect(self._project_changed)
        self.store = self.undo_stack = None
        self.document_id = None
        self._all, self._codes = [], []
        self.pane.model.clear()
        self.pane.model_label.clear()  # until the next project's first run says what its model knows
        self._idle("")

    def document_opened(self, document_id: int) -> None:
        self.document_id = document_id
        self._all = []
        self.pane.model.clear()
        self._idle("")
        self.request(Training.IF_MODEL)

    def document_closed(self) -> None:
        """The open document is gone (removed): show no suggestions until another is opened."""
        self._serial += 1  # a result still on its way is for the removed document
        self._pending = None
        self._timer.stop()
        if self._worker is not None:
            self._worker.cancel()
        self.document_id = None
        self._all = []
        self.pane.model.clear()
        self._idle("")

    @Slot()
    def _project_changed(self) -> None:
        self.request(Training.IF_MODEL)

    # -- running ------------------------------------------------------------------------

    def is_active(self) -> bool:
        return self.store is not None and self.document_id is not None and self.dock.isVisible()

    def is_running(self) -> bool:
        return self._worker is not None

    def request(self, training: Training, delay: int = DEBOUNCE_MS) -> None:
        """Compute suggestions again after ``delay`` ms (restarted by every further request)."""
        self._serial += 1
        self._pending = _stronger(self._pending, training)
        if not self.is_active():
            return  # remembered in _pending; made when the pane is shown
        if self._worker is not None and self._running is not None:
            # Its result will be stale; let it stop early and not lose a training the user asked for.
            self._worker.cancel()
            self._pending = _stronger(self._pending, self._running)
        self._timer.start(delay)

    @Slot()
    def _start(self) -> None:
        if self._worker is not None or self._pending is None or not self.is_active():
            return  # the running worker starts the next one when it ends
        assert self.store is not None and self.document_id is not None
        training, self._pending = self._pending, None
        serial, self._running, self._user_cancelled = self._serial, training, False
        self._run_number += 1
        worker = Worker(partial(compute_suggestions, self.store, self.document_id, training))
        worker.signals.progress.connect(self._progress)
        worker.signals.finished.connect(partial(self._finished, self._run_number, serial))
        worker.signals.failed.connect(partial(self._failed, self._run_number, serial))
        worker.signals.cancelled.connect(partial(self._cancelled, self._run_number))
        self._worker = worker
        self._busy = ("", 0, 0)  # until the task reports its first stage
        self._busy_timer.start(BUSY_DELAY_MS)
        worker.start(owner=self)

    @Slot()
    def cancel(self) -> None:
        """The user's Cancel: stop the run and anything queued after it."""
        self._pending = None
        self._timer.stop()
        if self._worker is not None:
            self._user_cancelled = True
            self._running = None  # a later change must not restart the training cancelled here
            self._worker.cancel()
            self.pane.cancel_button.setEnabled(False)
            self.pane.status.setText(self.tr("Cancelling…"))

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, stage: str) -> None:
        self._busy = (stage, done, total)
        if not self._busy_timer.isActive() and self._worker is not None and not self._worker.is_cancelled():
            self._show_busy()

    @Slot()
    def _show_busy(self) -> None:
        if self._worker is not None and self._busy is not None and not self._worker.is_cancelled():
            self.pane.show_busy(*self._busy)

    def _ended(self, run: int) -> bool:
        """Bookkeeping when a worker ends; False if it is not the current one."""
        if run != self._run_number or self._worker is None:
            return False
        self._worker = self._running = None
        self._busy_timer.stop()
        if self._pending is not None and not self._timer.isActive():
            self._timer.start(0)
        return True

    def _settle(self) -> None:
        if self._worker is None and self._pending is None:
            self.settled.emit()

    def _finished(self, run: int, serial: int, batch: SuggestionBatch) -> None:
        if not self._ended(run):
            return
        self.pane.show_pipeline(batch.pipeline_name, batch.full_model)
        document = self.window.document
        if serial == self._serial and document is not None and document.id == batch.document_id:
            self._show_batch(batch)
        # else: overtaken by a change or by another document, and dropped
        self._settle()

    def _show_batch(self, batch: SuggestionBatch) -> None:
        too_few = batch.training.min_examples if batch.training and batch.training.status == "too_few" else None
        self.pane.show_model(batch.model, too_few if batch.model is None else None)
        self._all, self._codes = list(batch.suggestions), list(batch.codes)
        self._show_filtered()

    @Slot()
    def _show_filtered(self) -> None:
        """Show the last run's suggestions, without those of unreliable codes unless the user asked for them."""
        everything = self.pane.show_unreliable.isChecked()
        shown = [s for s in self._all if everything or s.reliable]
        self._show(shown)
        self.pane.show_codes(self._codes, self._colors(), len(self._all) - len(shown))
        count, hidden = len(shown), len(self._all) - len(shown)
        if self._worker is None:
            self._idle(self._summary(count, hidden))

    def _summary(self, count: int, hidden: int) -> str:
        """The status line: how many suggestions are listed and how many are hidden (never "none" when some are)."""
        if hidden and not count:
            return self.tr(
                "All %n suggestion(s) for this document are hidden: their codes are not yet reliable.", "", hidden
            )
        text = self.tr("%n suggestion(s) for this document", "", count) if count else self._none_found()
        if hidden:
            text += " · " + self.tr("%n more hidden (codes not yet reliable)", "", hidden)
        return text

    def _none_found(self) -> str:
        return self.tr(
            "No suggestions for this document. Definitions and keywords in the codebook and more codings help."
        )

    def _failed(self, run: int, serial: int, message: str) -> None:
        error = failure_line(message, self._worker)  # read before _ended lets the worker go
        if not self._ended(run):
            return
        if serial == self._serial:
            self._idle(self.tr("Suggestions could not be made: {0}").format(error))
        self._settle()

    def _cancelled(self, run: int) -> None:
        if not self._ended(run):
            return
        self._idle(self.tr("Cancelled.") if self._user_cancelled else "")
        self._user_cancelled = False
        self._settle()

    def _idle(self, text: str) -> None:
        self.pane.show_idle(text)

    # -- showing ------------------------------------------------------------------------

    def _colors(self) -> dict[int, str]:
        return {code_id: code.color for code_id, code in self.window.codes_by_id.items()}

    def _show(self, suggestions: list[Suggestion]) -> None:
        """Replace the rows, keeping the selected suggestion (or its row) selected, quietly."""
        document = self.window.document
        chosen = self.pane.selected()
        row = self.pane.table.currentIndex().row()
        key = (chosen.start, chosen.end, chosen.code_guid) if chosen is not None else None
        self.pane.model.set_suggestions(suggestions, document.text if document else "", self._colors())
        if key is not None:
            same = next((i for i, s in enumerate(suggestions) if (s.start, s.end, s.code_guid) == key), row)
            self.pane.select_row(same, quiet=True)

    @Slot()
    def _update_marks(self) -> None:
        if not self.dock.isVisible():
            self.window.transcript.set_suggestion_marks([])
            return
        colors = self._colors()
        label = self.tr("Suggested: {0} ({1})")
        self.window.transcript.set_suggestion_marks(
            SuggestionMark(
                s.start, s.end, colors.get(s.code_id, "#888888"), label.format(s.code_name, decimal(s.score))
            )
            for s in self.pane.model.suggestions()
            if s.document_id == self.document_id
        )

    @Slot(bool)
    def _visibility_changed(self, visible: bool) -> None:
        self._update_marks()
        if visible and self._pending is not None:
            self._timer.start(0)

    @Slot(object)
    def _show_suggestion(self, suggestion: Suggestion) -> None:
        if suggestion.document_id == self.document_id:
            self.window.show_span(suggestion.document_id, suggestion.start, suggestion.end)

    @Slot(float)
    def _threshold_changed(self, value: float) -> None:
        self.window.settings.suggestion_threshold = round(value * 100)

    # -- answers --------------------------------------------------------------------------

    def _run(self, command: AcceptSuggestion | AcceptAll | RejectSuggestion) -> bool:
        return self.undo_stack is not None and self.undo_stack.execute(command)

    @Slot(object)
    def accept(self, suggestion: Suggestion) -> bool:
        """Code the suggested span (one undo step); its row goes at once."""
        if suggestion.document_id != self.document_id:
            return False
        coder = self.window.coder_prompt.coder()
        if coder is None or not self._run(AcceptSuggestion(suggestion, coder)):
            return False
        self._forget([suggestion])
        return True

    @Slot(object)
    def reject(self, suggestion: Suggestion) -> bool:
        """Remember that the code does not fit (one undo step); the suggestion is not shown again."""
        if suggestion.document_id != self.document_id or not self._run(RejectSuggestion(suggestion)):
            return False
        self._forget([suggestion])
        return True

    @Slot(object)
    def accept_all(self, suggestions: list[Suggestion]) -> bool:
        """Code several suggestions as one undo step."""
        chosen = [s for s in suggestions if s.document_id == self.document_id]
        coder = self.window.coder_prompt.coder() if chosen else None
        if coder is None or not self._run(AcceptAll(chosen, coder)):
            return False
        self._forget(chosen)
        return True

    def _forget(self, answered: list[Suggestion]) -> None:
        self._all = [s for s in self._all if s not in answered]
        self.pane.model.remove(answered)
