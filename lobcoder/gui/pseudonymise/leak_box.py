"""The leak check's result after a pseudonymised copy or export: one small box, the same everywhere.

Writing a pseudonymised copy (the Pseudonymise window), the transcript,
.qdpx and codebook exports and every analysis tab's Export… with
"Pseudonymise" ticked end with it: the accepted names and short forms still
in what was written (:mod:`lobcoder.pseudonymise.leak_check`, worded as the
command line words them), or that none was found. The search runs on the
export's worker, before its hidden copy is deleted (:class:`LeakReport`
collects it); the box is opened, not executed, so nothing waits on it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from lobcoder.gui.i18n import interface_language
from lobcoder.pseudonymise.leak_check import Leak, describe

OBJECT_NAME = "leak_check"
MAX_LINES = 15  # more are summed up: the box must fit on the screen


class LeakReport:
    """What an export's worker found: ``on_leaks`` of :func:`~lobcoder.pseudonymise.export_copy.write_export`
    and of the analysis tabs' :func:`~lobcoder.gui.analysis.pseudonymised_export.pseudonymised_task`.

    Filled on the worker, read on the GUI thread once the worker has ended; None until then.
    """

    def __init__(self) -> None:
        self.leaks: tuple[Leak, ...] | None = None

    def __call__(self, leaks: Sequence[Leak]) -> None:
        self.leaks = tuple(leaks)


def show_leaks(parent: QWidget, leaks: Sequence[Leak] | LeakReport, title: str) -> QMessageBox | None:
    """Open the box (replacing an earlier one on ``parent``); None when the check did not run (not pseudonymised)."""
    found = leaks.leaks if isinstance(leaks, LeakReport) else tuple(leaks)
    if found is None:
        return None
    earlier = parent.findChild(QMessageBox, OBJECT_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    if earlier is not None:
        earlier.setObjectName("")
        earlier.close()
    if found:
        if all(leak.kept_as_word for leak in found):  # Leak.kept_as_word: probably the word, to be looked at
            text = QCoreApplication.translate(
                "LeakBox",
                "A name that is also a word opens a sentence here and was kept as the word. "
                "Check that each place is not the name before you share it:",
            )
        else:
            text = QCoreApplication.translate(
                "LeakBox",
                "These accepted names or short forms are still in it. Look at each place before you share it:",
            )
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
        language = interface_language()
        lines = ["• " + describe(leak, language).strip() for leak in found[:MAX_LINES]]
        if len(found) > MAX_LINES:
            more = QCoreApplication.translate("LeakBox", "… and {0} more")  # no plural: "… en nog {0}"
            lines.append(more.format(len(found) - MAX_LINES))
        box.setInformativeText("\n".join(lines))
    else:
        text = QCoreApplication.translate("LeakBox", "No accepted name or short form of one was found in it.")
        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
        box.setInformativeText(
            QCoreApplication.translate(
                "LeakBox", "A name no one accepted is not looked for: read it before you share it."
            )
        )
    box.setObjectName(OBJECT_NAME)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()  # not exec(): the window stays responsive, and a test is not stopped by it
    return box
