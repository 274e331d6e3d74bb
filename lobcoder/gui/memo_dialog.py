"""A dialog to write the memo of the project, a document or a code."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget


class MemoDialog(QDialog):
    def __init__(self, title: str, subject: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.editor = QPlainTextEdit(text)
        # An empty memo says what it is for instead of showing a blank box.
        self.editor.setPlaceholderText(
            self.tr("Write down ideas, decisions and questions; the memo is saved in the project.")
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(subject))
        layout.addWidget(self.editor)
        layout.addWidget(buttons)
        self.resize(520, 360)

    def text(self) -> str:
        return self.editor.toPlainText()
