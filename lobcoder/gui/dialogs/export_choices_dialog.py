"""Asked before an export's file name: whether to pseudonymise, and for transcripts the format and which ones."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from lobcoder.gui.pseudonymise.export_option import PseudonymiseOption


@dataclass(frozen=True)
class ExportChoices:
    pseudonymise: bool
    format: str = ""  # transcripts: "docx" or "txt"
    current_only: bool = False  # transcripts: only the open document


class ExportChoicesDialog(QDialog):
    """A short explanation, the pseudonymise check box and, for transcripts, format and scope.

    Tests set the widgets and call :meth:`accept`; :meth:`choices` reads them.
    """

    def __init__(
        self,
        title: str,
        intro: str,
        terms: int,
        parent: QWidget | None = None,
        *,
        transcripts: int = 0,
        current_document: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.pseudonymise = PseudonymiseOption()
        self.pseudonymise.set_terms(terms)
        self.word = QRadioButton(self.tr("&Word (.docx), speaker names in bold"))
        self.text = QRadioButton(self.tr("Plain &text (.txt, UTF-8)"))
        self.word.setChecked(True)
        self.all_documents = QRadioButton(self.tr("&All documents (%n)", "", transcripts))
        self.only_current = QRadioButton(
            self.tr("&Only ‘{0}’").format(current_document) if current_document else self.tr("&Only the open document")
        )
        self.only_current.setEnabled(current_document is not None)
        self.all_documents.setChecked(True)
        for group in ((self.word, self.text), (self.all_documents, self.only_current)):
            exclusive = QButtonGroup(self)
            for button in group:
                exclusive.addButton(button)
        self.is_transcripts = transcripts > 0
        form = QFormLayout()
        if self.is_transcripts:
            form.addRow(self.tr("Format:"), self.word)
            form.addRow("", self.text)
            form.addRow(self.tr("Documents:"), self.all_documents)
            form.addRow("", self.only_current)
        form.addRow("", self.pseudonymise)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.tr("Choose &folder…") if transcripts else self.tr("Choose &file…")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(max(520, self.sizeHint().width()), self.sizeHint().height())

    def choices(self) -> ExportChoices:
        if not self.is_transcripts:
            return ExportChoices(self.pseudonymise.wanted())
        return ExportChoices(
            self.pseudonymise.wanted(),
            "docx" if self.word.isChecked() else "txt",
            self.only_current.isChecked() and self.only_current.isEnabled(),
        )
