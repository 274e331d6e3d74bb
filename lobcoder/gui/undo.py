"""QUndoStack over the core's Qt-free commands (one transaction per do/undo/redo)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from lobcoder.editing.base import Command
from lobcoder.errors import LobcoderError
from lobcoder.gui.failures import failure_text
from lobcoder.storage.changes import ChangeSet, track_changes
from lobcoder.storage.project import ProjectStore

log = logging.getLogger(__name__)


class ActionNames(QObject):
    """The translated names of actions, as the Edit menu shows them.

    A class (not module functions) so that lupdate files the strings, plurals
    included, under one context.
    """

    def text(self, command: Command) -> str:
        args: dict[str, Any] = command.label_args
        count = int(args.get("count", 1))
        code = str(args.get("code", ""))
        speaker = str(args.get("speaker", ""))
        texts: dict[str, Callable[[], str]] = {
            "apply_code": lambda: (
                self.tr("Apply code ‘{0}’ to %n passage(s)", "", count).format(code)
                if code
                else self.tr("Apply code to %n passage(s)", "", count)
            ),
            "in_vivo": lambda: self.tr("In-vivo code ‘{0}’").format(code),
            "code_hits": lambda: (
                self.tr("Code %n search hit(s) with ‘{0}’", "", count).format(code)
                if code
                else self.tr("Code %n search hit(s)", "", count)
            ),
            "remove_coding": lambda: self.tr("Remove %n coding(s)", "", count),
            "change_code": lambda: self.tr("Change the code of a coding"),
            "resize_coding": lambda: self.tr("Change coding boundaries"),
            "edit_memo": lambda: self.tr("Edit memo"),
            "create_code": lambda: self.tr("Create code ‘{0}’").format(code),
            "delete_code": lambda: self.tr("Delete code ‘{0}’").format(code),
            "edit_code": lambda: self.tr("Edit code"),
            "move_code": lambda: self.tr("Move code"),
            "merge_codes": lambda: self.tr("Merge codes"),
            "import_codebook": lambda: self.tr("Import codebook (%n code(s))", "", count),
            "merge_coding": lambda: self.tr("Merge %n coding(s) from ‘{0}’", "", count).format(args.get("source", "")),
            "accept_suggestion": lambda: self.tr("Accept suggestion ‘{0}’").format(code),
            "accept_all_suggestions": lambda: self.tr("Accept %n suggestion(s)", "", count),
            "reject_suggestion": lambda: self.tr("Reject suggestion ‘{0}’").format(code),
            "rename_speaker": lambda: self.tr("Rename speaker ‘{0}’").format(speaker),
            "rename_document": lambda: self.tr("Rename document ‘{0}’").format(args.get("document", "")),
            "merge_speakers": lambda: self.tr("Merge speakers into ‘{0}’").format(speaker),
            "mark_interviewer": lambda: self.tr("Mark %n speaker(s) as interviewer or respondent", "", count),
            "code_turns": lambda: self.tr("Code %n speaker turn(s)", "", count),
            "resolve_disagreement": lambda: (
                self.tr("Recode ‘{0}’ as ‘{1}’").format(code, args.get("target", ""))
                if args.get("choice") == "recode"
                else self.tr("Resolve disagreement on ‘{0}’").format(code)
            ),
            "leave_out_word": lambda: self.tr("Leave out ‘{0}’ of the word frequencies").format(args.get("word", "")),
            "put_back_words": lambda: self.tr("Put back the left-out words ({0})").format(args.get("word", "")),
            "reassign_in_document": lambda: self.tr(
                "Give the turns of %n speaker(s) in this document to ‘{0}’", "", count
            ).format(speaker),
        }
        return texts.get(command.label, lambda: self.tr("Edit"))()


def describe(command: Command) -> str:
    """The translated name of an action, as the Edit menu shows it."""
    return ActionNames().text(command)


class _Step(QUndoCommand):
    """One entry on the stack; the first redo is skipped (the action already ran)."""

    def __init__(self, stack: ProjectUndoStack, inverse: Command, text: str) -> None:
        super().__init__(text)
        self._stack = stack
        self._inverse = inverse
        self._done = True

    def redo(self) -> None:
        if not self._done:
            self._flip()

    def undo(self) -> None:
        self._flip()

    def _flip(self) -> None:
        try:
            self._inverse = self._stack.run_now(self._inverse)
        except Exception as exc:  # noqa: BLE001 - the stack no longer matches the project
            log.exception("undo/redo failed")
            self._stack.failed.emit(failure_text(exc, self._stack.store.path) or str(exc))
            QTimer.singleShot(0, self._stack.clear)
            return
        self._done = not self._done


class ProjectUndoStack(QUndoStack):
    """Runs commands against the open project and keeps them undoable.

    Signals:
        changed(): the project's data changed (after do, undo or redo); ``last_changes`` says what.
        failed(str): an action could not be carried out; nothing was changed.
    """

    changed = Signal()
    failed = Signal(str)

    def __init__(self, store: ProjectStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        # What the last do, undo or redo changed, for views that update only that.
        self.last_changes = ChangeSet(everything=True)

    def run_now(self, command: Command) -> Command:
        with self.store.transaction() as session, track_changes(session) as changes:
            inverse = command.apply(session)
        self.last_changes = changes
        self.changed.emit()
        return inverse

    def record(self, command: Command, inverse: Command) -> None:
        """Put an action already carried out in a worker's transaction on the stack, as one undo step."""
        self.last_changes = ChangeSet(everything=True)  # not tracked here: views re-read everything
        self.changed.emit()
        self.push(_Step(self, inverse, describe(command)))

    def changed_elsewhere(self) -> None:
        """Tell the views that the project changed outside the stack (documents removed): re-read everything."""
        self.last_changes = ChangeSet(everything=True)
        self.changed.emit()

    def execute(self, command: Command) -> bool:
        """Carry out ``command`` as one undoable step; False (and ``failed``) if refused."""
        try:
            inverse = self.run_now(command)
        except Exception as exc:  # noqa: BLE001 - refused actions are shown, not raised
            if not isinstance(exc, (ValueError, LookupError, LobcoderError)):
                log.exception("action failed")
            self.failed.emit(failure_text(exc, self.store.path) or str(exc))
            return False
        self.push(_Step(self, inverse, describe(command)))
        return True
