"""What to put in an exported codebook: all codes or one branch, label language, counts."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from lobcoder.codebook.builtin import LANGUAGES, Language
from lobcoder.gui.i18n import available_languages
from lobcoder.gui.pseudonymise.export_option import PseudonymiseOption


@dataclass(frozen=True)
class BranchChoice:
    """The code whose branch can be exported instead of the whole codebook."""

    guid: str
    name: str
    codes: int  # the code and all its sub-codes


@dataclass(frozen=True)
class CodebookExportOptions:
    branch_guid: str | None  # None: the whole codebook
    language: Language
    counts: bool
    pseudonymise: bool = False  # definitions and examples with the accepted pseudonyms


class CodebookExportDialog(QDialog):
    """Asked before the file name: the file dialog then picks .docx, .md or .qdc.

    Tests set the widgets and call :meth:`accept`; :meth:`options` reads them.
    """

    def __init__(
        self,
        total: int,
        branch: BranchChoice | None,
        language: str,
        parent: QWidget | None = None,
        terms: int = 0,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export codebook"))
        self.branch = branch
        self.whole = QRadioButton(self.tr("The &whole codebook (%n code(s))", "", total))
        if branch is not None:
            text = self.tr("&Only ‘{0}’ and its sub-codes (%n code(s))", "", branch.codes).format(branch.name)
        else:
            text = self.tr("&Only the selected code and its sub-codes (select a code first)")
        self.only_branch = QRadioButton(text)
        self.only_branch.setEnabled(branch is not None)
        self.whole.setChecked(True)
        self.scope = QButtonGroup(self)
        self.scope.addButton(self.whole)
        self.scope.addButton(self.only_branch)

        self.language = QComboBox()
        names = available_languages()
        for code in LANGUAGES:
            self.language.addItem(names.get(code, code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.counts = QCheckBox(self.tr("Add the &number of codings and documents per code"))
        self.pseudonymise = PseudonymiseOption()
        self.pseudonymise.set_terms(terms)

        form = QFormLayout()
        form.addRow(self.tr("Export:"), self.whole)
        form.addRow("", self.only_branch)
        form.addRow(self.tr("&Headings in:"), self.language)
        form.addRow("", self.counts)
        form.addRow("", self.pseudonymise)
        hint = QLabel(
            self.tr(
                "Next you choose the file: a Word document (.docx) or Markdown (.md) to read and print, "
                "or a REFI-QDA codebook (.qdc) for ATLAS.ti, MAXQDA, NVivo or QualCoder. "
                "The counts appear only in Word and Markdown."
            )
        )
        hint.setWordWrap(True)
        buttons = QDialogButtonBox()
        # Made in the order they stand, so Tab goes from Choose file… to Cancel, not back to the left.
        self.choose_button = buttons.addButton(self.tr("Choose &file…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        # At least 520 px, and never narrower than its longest choice (a wrapped hint does not widen a dialog).
        self.setMinimumWidth(max(520, layout.totalMinimumSize().width()))

    def options(self) -> CodebookExportOptions:
        branch = self.branch.guid if self.branch is not None and self.only_branch.isChecked() else None
        return CodebookExportOptions(
            branch, self.language.currentData(), self.counts.isChecked(), self.pseudonymise.wanted()
        )
