"""The codebook export dialog shows every choice in full, in English and in Dutch."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication

from lobcoder.gui.dialogs.codebook_export_dialog import BranchChoice, CodebookExportDialog
from lobcoder.gui.i18n import install_translations


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("branch", [None, BranchChoice("a1b2", "Transformationeel leiderschap", 6)])
def test_no_choice_is_cut_off(qtbot, qapp: QApplication, language: str, branch: BranchChoice | None) -> None:
    install_translations(qapp, language)
    dialog = CodebookExportDialog(24, branch, language, terms=3)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    buttons = dialog.findChildren(QAbstractButton)
    choices = [b for b in buttons if b in (dialog.whole, dialog.only_branch, dialog.counts, dialog.pseudonymise)]
    assert len(choices) == 4
    for button in choices:
        assert button.width() >= button.sizeHint().width(), button.text()
    assert dialog.width() >= 520
