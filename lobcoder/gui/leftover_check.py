"""On opening a project: offer to remove what interrupted imports and copies left beside it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QLocale, QObject, Slot
from PySide6.QtWidgets import QMessageBox, QPushButton

from lobcoder.gui.background_task import STATUS_MS
from lobcoder.gui.i18n import formatted_size, interface_locale
from lobcoder.storage.leftovers import Leftover, find_leftovers, remove_leftovers

if TYPE_CHECKING:
    from pathlib import Path

    from lobcoder.gui.main_window import MainWindow

_LISTED = 12  # files named in the dialog; the rest are counted


class LeftoverCheck(QObject):
    """``question`` and ``clean_button`` are kept so that tests can answer the dialog."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.question: QMessageBox | None = None
        self.clean_button: QPushButton | None = None
        self.found: list[Leftover] = []

    def project_opened(self, project: Path) -> QMessageBox | None:
        """Ask whether to clean, when leftovers lie beside ``project``; the dialog, or None."""
        self.found = find_leftovers(project)
        if not self.found:
            return None
        locale = interface_locale()
        lines = [
            f"• {leftover.path.name}  ({formatted_size(leftover.size)}, "
            f"{locale.toString(QDateTime.fromSecsSinceEpoch(int(leftover.modified.timestamp())), QLocale.FormatType.ShortFormat)})"
            for leftover in self.found[:_LISTED]
        ]
        if len(self.found) > _LISTED:
            lines.append(self.tr("… and %n more file(s)", "", len(self.found) - _LISTED))
        total = formatted_size(sum(leftover.size for leftover in self.found))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Leftover files"), "", parent=self.window)
        # One file a line, not wrapped (the labels are named by Qt).
        box.setStyleSheet("#qt_msgbox_label, #qt_msgbox_informativelabel { min-width: 30em; }")
        box.setText(
            self.tr(
                "An interrupted import or copy left %n file(s) ({0}) beside this project. "
                "They are not part of any project and can be removed.",
                "",
                len(self.found),
            ).format(total)
        )
        box.setInformativeText(
            self.tr("In {0}:").format(project.parent) + "\n" + "\n".join(lines) + "\n\n" + self.tr("Remove them now?")
        )
        self.clean_button = box.addButton(self.tr("&Clean"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Keep"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.clean_button)
        box.finished.connect(self._answered)
        if self.question is not None:
            self.question.deleteLater()
        self.question = box
        box.open()
        return box

    @Slot()
    def _answered(self) -> None:
        if self.question is None or self.question.clickedButton() is not self.clean_button:
            return
        removed, failed = remove_leftovers(self.found)
        if failed:
            QMessageBox.warning(
                self.window,
                self.tr("Leftover files"),
                self.tr("%n file(s) could not be removed (check the folder's permissions).", "", len(failed)),
            )
        self.window.statusBar().showMessage(self.tr("Removed %n leftover file(s).", "", len(removed)), STATUS_MS * 2)
