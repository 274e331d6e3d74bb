"""Ask once for the coder's name before her first coding, so codings are not stored under the computer's login.

Until a name is chosen, lobcoder would record codings under the operating
system's user name ("root", "user", "m.devries2"); in a team that is a mistake
that surfaces only in the agreement table or a merge, where two coders on
machines with the same login become one. So the first coding action asks for
the name (prefilled with that login) and remembers the answer in the settings;
every later coding, in any project, goes ahead without asking. Cancelling the
question cancels the coding. View → Coder name… changes the name at any time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QWidget

if TYPE_CHECKING:
    from lobcoder.gui.main_window import MainWindow


class CoderPrompt(QObject):
    """The question and its words (a QObject for ``tr``)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: QInputDialog | None = None  # while the question is open (tests answer it)

    def coder(self, parent: QWidget | None = None) -> str | None:
        """The name to store with a new coding, asking for it the first time (over ``parent``); None if cancelled."""
        settings = self.window.settings
        if settings.coder_name_chosen:
            return settings.coder_name
        name = self.ask(
            parent or self.window,
            self.tr("Who is coding?"),
            self.tr(
                "Your codings are stored under this name. In a team each coder needs a name of their own: "
                "it tells the coders apart in agreement and merges.\n"
                "You can change it later under View → Coder name…"
            ),
        )
        if name is None:
            self.window.statusBar().showMessage(self.tr("Not coded: choose a coder name first."), 6000)
        return name

    def ask(self, parent: QWidget, title: str, label: str) -> str | None:
        """Ask for the coder's name (prefilled with the current one) and keep it; None if cancelled or left empty.

        The first coding asks through :meth:`coder`; View → Coder name… asks here directly, every time.
        """
        settings = self.window.settings
        dialog = QInputDialog(parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        found = dialog.findChild(QLabel)
        if found is not None:  # wrapped, so the dialog stays a readable width
            found.setWordWrap(True)
            found.setMinimumWidth(420)
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setTextValue(settings.coder_name)
        self.dialog = dialog
        try:
            accepted = dialog.exec() == QInputDialog.DialogCode.Accepted
            name = dialog.textValue().strip()
        finally:
            self.dialog = None
            dialog.deleteLater()
        if not accepted or not name:
            return None
        settings.coder_name = name
        self.window._update_status()
        return name
