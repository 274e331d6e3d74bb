"""The GUI's error boundary: trouble with files becomes one translated line in a message box.

The core classifies errors (:func:`lobcoder.storage.failures.explain`); this
module words the problem in the user's language (from the catalogue)
and installs a ``sys.excepthook`` so that an error escaping a slot shows a
message instead of a traceback on a console nobody sees.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from lobcoder.errors import FileProblem, LobcoderError
from lobcoder.gui.i18n import interface_language
from lobcoder.storage.failures import explain

if TYPE_CHECKING:
    from lobcoder.gui.workers import Worker

log = logging.getLogger(__name__)


class FailureText(QObject):
    """The message box's translated title; the messages themselves come from the catalogue."""

    def title(self) -> str:
        return self.tr("Action not carried out")

    def with_error(self, message: str, error: str) -> str:
        """The general line about a bug, followed by the error's own line (technical, as Python says it)."""
        return self.tr("{0} ({1})").format(message, error)

    def task_stopped(self, task: str) -> str:
        """One line naming the task that an unexpected error (a fault in lobcoder) stopped."""
        return self.tr(
            "‘{0}’ stopped: an unexpected error occurred in lobcoder (not a problem with your files). "
            "The details help to report it."
        ).format(task)


def failure_text(error: BaseException, path: str | Path | None = None) -> str | None:
    """One line for the user about ``error``; None if it is a bug rather than trouble with a file."""
    problem = explain(error, path)
    if problem is None:
        return None
    return problem.text(interface_language())


def error_text(error: BaseException) -> str:
    """``error`` worded for the user: a lobcoder error in the interface language, anything else as it says."""
    return error.text(interface_language()) if isinstance(error, LobcoderError) else str(error)


def sentence(message: str) -> str:
    """``message`` shown on its own (a message box, a dialog's status line): its first letter a capital.

    The catalogue words refusals in lower case ("op dit niveau is er al een code …")
    because the CLI prints them after "lobcoder: error: " and the GUI puts them
    after a colon ("Could not compute this analysis: …"); shown alone, they start a
    sentence. A message that starts with a file's path starts with "/" or a drive letter.
    """
    return message[:1].upper() + message[1:]


def problem_text(error: BaseException | None, fallback: str) -> str:
    """Like :func:`error_text` without the file's path, for a table that names the file in another column.

    ``fallback`` (the English message a result carries) is shown when there is no ``error`` to word.
    """
    if error is None:
        return fallback
    if isinstance(error, FileProblem):
        return error.problem_text(interface_language())
    return error_text(error)


def failure_line(message: str, worker: Worker | None) -> str:
    """A background task's failure for a label (a status line, a results page), which has no Show Details.

    ``message`` is the ``worker``'s one line; for a bug it only says that lobcoder failed, so the error's
    own line (:attr:`Worker.error_line`, "KeyError: 'w:body'") follows it: what she reads, copies or
    reports then says what went wrong. Its type and the first line of its message, not the traceback's
    last line (SQLAlchemy ends with a link, an exception with notes with the notes).
    """
    if worker is None or worker.error_line is None:
        return message
    return FailureText().with_error(message, worker.error_line)


def show_unexpected_failure(parent: QWidget, task: str, details: str) -> QMessageBox:
    """Tell the user that ``task`` stopped on a bug, with the technical text under Show Details.

    The box opens window-modal without blocking (the caller's work is over) and deletes itself when closed.
    """
    box = QMessageBox(QMessageBox.Icon.Warning, task, FailureText().task_stopped(task), QMessageBox.StandardButton.Ok)
    box.setParent(parent, box.windowFlags())
    box.setDetailedText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def _hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    message = failure_text(error)
    if message is None or QApplication.instance() is None:
        sys.__excepthook__(kind, error, trace)
        return
    log.warning("shown to the user: %s", message)
    QMessageBox.warning(QApplication.activeWindow(), FailureText().title(), sentence(message))


def install_excepthook() -> None:
    """Show file trouble that escapes a slot in a message box (the app keeps running)."""
    sys.excepthook = _hook
