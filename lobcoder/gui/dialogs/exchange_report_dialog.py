"""What a REFI-QDA project export or import did: where, how much, and what had to change."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from lobcoder.gui.i18n import worded
from lobcoder.i18n.said import Said


class ExchangeReportDialog(QDialog):
    """A heading, one line of counts and the notes (repairs, things left out).

    Shown with ``open()``: window-modal, but it does not block the caller, so
    the new project is already open behind it.
    """

    def __init__(
        self,
        title: str,
        heading: str,
        summary: str,
        notes: Sequence[str | Said],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.heading_text = heading
        self.heading = QLabel(f"<b>{html.escape(heading)}</b>")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.notes = [worded(note) for note in notes]
        self.notes_title = QLabel(
            self.tr("What had to be repaired or left out:") if self.notes else self.tr("Nothing had to be left out.")
        )
        self.notes_view = QPlainTextEdit("\n".join(f"• {note}" for note in self.notes))
        self.notes_view.setReadOnly(True)
        self.notes_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.notes_view.setVisible(bool(self.notes))
        lines = sum(1 + len(note) // 90 for note in self.notes)
        self.notes_view.setMinimumHeight(self.fontMetrics().lineSpacing() * min(max(lines, 2), 14) + 14)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.notes_title)
        layout.addWidget(self.notes_view, 1)
        layout.addWidget(buttons)
        self.resize(max(680, self.sizeHint().width()), self.minimumSizeHint().height())

    def text(self) -> str:
        """Everything the dialog says, as plain text (for tests and copying)."""
        return "\n".join([self.heading_text, self.summary.text(), self.notes_title.text(), *self.notes])
