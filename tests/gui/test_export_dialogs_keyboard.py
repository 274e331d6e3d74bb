"""The codebook, project and transcript export dialogs, worked from the keyboard in English and Dutch.

Each choice the dialog words itself has an Alt letter of its own; the Dutch
dialog shows none of the English texts.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QDialogButtonBox, QLabel

from lobcoder.gui.dialogs.codebook_export_dialog import BranchChoice, CodebookExportDialog
from lobcoder.gui.dialogs.export_choices_dialog import ExportChoicesDialog
from lobcoder.gui.i18n import install_translations
from lobcoder.gui.pseudonymise.export_option import PseudonymiseOption

ENGLISH = re.compile(r"codebook|Only|number of|Headings|Choose|speaker names|Plain text|All documents")


def _texts(dialog: QDialog) -> list[str]:
    """The labels with a field and the buttons the dialog words (not Qt's Cancel, not the shared pseudonymise box)."""
    cancel = {b.button(QDialogButtonBox.StandardButton.Cancel) for b in dialog.findChildren(QDialogButtonBox)}
    buttons = [
        b.text()
        for b in dialog.findChildren(QAbstractButton)
        if b.isVisible() and b.text() and b not in cancel and not isinstance(b, PseudonymiseOption)
    ]
    labels = [  # a label beside a radio button leaves the letter to the button
        label.text()
        for label in dialog.findChildren(QLabel)
        if label.buddy() is not None and not isinstance(label.buddy(), QAbstractButton)
    ]
    return buttons + labels


def _assert_keyboard_ready(dialog: QDialog, language: str, expected: int) -> None:
    dialog.show()
    texts = _texts(dialog)
    assert len(texts) == expected, texts
    letters = [re.search(r"&([^&])", t.replace("&&", "")) for t in texts]
    assert all(letters), texts
    used = [m.group(1).lower() for m in letters if m]
    assert len(set(used)) == len(used), texts
    assert any(ENGLISH.search(t.replace("&", "")) for t in texts) is (language == "en"), texts


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("branch", [None, BranchChoice("a1b2", "Transformationeel leiderschap", 6)])
def test_codebook_export(qtbot, qapp: QApplication, language: str, branch: BranchChoice | None) -> None:
    install_translations(qapp, language)  # the conftest puts English back afterwards
    dialog = CodebookExportDialog(24, branch, language, terms=3)
    qtbot.addWidget(dialog)
    _assert_keyboard_ready(dialog, language, 5)  # whole, only, counts, choose file, headings


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("current", [None, "docent1_marieke_ronde1"])
def test_transcript_export(qtbot, qapp: QApplication, language: str, current: str | None) -> None:
    install_translations(qapp, language)
    dialog = ExportChoicesDialog("Export", "Pick.", 2, transcripts=6, current_document=current)
    qtbot.addWidget(dialog)
    _assert_keyboard_ready(dialog, language, 5)  # Word, text, all, only, choose folder


@pytest.mark.parametrize("language", ["en", "nl"])
def test_project_export(qtbot, qapp: QApplication, language: str) -> None:
    install_translations(qapp, language)
    dialog = ExportChoicesDialog("Export", "Pick.", 2)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = _texts(dialog)
    assert len(texts) == 1 and re.search(r"&[^&]", texts[0]), texts  # Choose file…


def test_tab_reaches_choose_file_before_cancel_in_the_codebook_export(qtbot) -> None:
    dialog = CodebookExportDialog(24, None, "en")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    assert dialog.choose_button.x() < cancel.x()  # Choose file… is left of Cancel
    assert dialog.counts.nextInFocusChain() is not cancel
    widget, order = dialog.counts, []
    while len(order) < 20 and widget not in order:
        order.append(widget)
        widget = widget.nextInFocusChain()
    assert order.index(dialog.choose_button) < order.index(cancel)
