"""QUndoStack over the core's Qt-free commands (one transaction per do/undo/redo)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from lobcoder.editing.base import Command
from lobcoder.errors import LobcoderError
from lobcoder.storage.project import ProjectStore

log = logging.getLogger(__name__)


def describe(command: Command) -> str:
    """The translated name of an action, as the Edit menu shows it."""
    args: dict[str, Any] = command.label_args
    count = int(args.get("count", 1))
    code = str(args.get("code", ""))
    texts: dict[str, Callable[[], str]] = {
        "apply_code": lambda: QCoreApplication.translate("undo", "Apply code to %n passage(s)", "", count),
        "in_vivo": lambda: QCoreApplication.translate("undo", "In-vivo code ‘{0}’").format(code),
        "code_hits": lambda: QCoreApplication.translate("undo", "Code %n search hit(s)", "", count),
        "remove_coding": lambda: QCoreApplication.translate("undo", "Remove %n coding(s)", "", count),
        "change_code": lambda: QCoreApplication.translate("undo", "Change the code of a coding"),
        "resize_coding": lambda: QCoreApplication.translate("undo", "Change coding boundaries"),
        "edit_memo": lambda: QCoreApplication.translate("undo", "Edit memo"),
        "create_code": lambda: QCoreApplication.translate("undo", "Create code ‘{0}’").format(code),
        "delete_code": lambda: QCoreApplication.translate("undo", "Delete code ‘{0}’").format(code),
        "edit_code": lambda: QCoreApplication.translate("undo", "Edit code"),
        "move_code": lambda: QCoreApplication.translate("undo", "Move code"),
        "merge_codes": lambda: QCoreApplication.translate("undo", "Merge codes"),
    }
    return texts.get(command.label, lambda: QCoreApplication.translate("undo", "Edit"))()


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
            self._stack.failed.emit(str(exc))
            QTimer.singleShot(0, self._stack.clear)
            return
        self._done = not self._done


class ProjectUndoStack(QUndoStack):
    """Runs commands against the open project and keeps them undoable.

    Signals:
        changed(): the project's data changed (after do, undo or redo).
        failed(str): an action could not be carried out; nothing was changed.
    """

    changed = Signal()
    failed = Signal(str)

    def __init__(self, store: ProjectStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store

    def run_now(self, command: Command) -> Command:
        with self.store.transaction() as session:
            inverse = command.apply(session)
        self.changed.emit()
        return inverse

    def execute(self, command: Command) -> bool:
        """Carry out ``command`` as one undoable step; False (and ``failed``) if refused."""
        try:
            inverse = self.run_now(command)
        except Exception as exc:  # noqa: BLE001 - refused actions are shown, not raised
            if not isinstance(exc, (ValueError, LookupError, LobcoderError)):
                log.exception("action failed")
            self.failed.emit(str(exc))
            return False
        self.push(_Step(self, inverse, describe(command)))
        return True
