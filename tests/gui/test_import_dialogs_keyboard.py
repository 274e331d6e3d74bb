"""The document and codebook import dialogs, worked from the keyboard in English and Dutch.

Every button, check box and labelled field the dialog words itself has an Alt
letter of its own, and Tab walks the button row left to right.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QDialogButtonBox, QLabel

from lobcoder.editing.codebook_import import plan_codebook_import
from lobcoder.gui.dialogs.codebook_import_dialog import CodebookImportDialog
from lobcoder.gui.dialogs.import_dialog import ImportDialog
from lobcoder.gui.i18n import install_translations
from lobcoder.gui.settings import Settings
from lobcoder.services.codebook_data import Codebook, CodebookCode
from lobcoder.services.codes import create_code
from lobcoder.storage.project import ProjectStore
from tests.gui.test_button_tab_order import button_row_in_tab_order

ENGLISH = re.compile(r"Add |Remove|Choose|Detect|Import\b|Close|Pattern|column|Create|Store")


def _texts(dialog: QDialog) -> list[str]:
    """What the user sees worded with a letter: buttons (Qt's Cancel too) and check boxes, labels of fields."""
    buttons = [b.text() for b in dialog.findChildren(QAbstractButton) if b.isVisible() and b.text()]
    labels = [
        label.text()
        for label in dialog.findChildren(QLabel)
        if label.isVisible() and label.buddy() is not None and not isinstance(label.buddy(), QAbstractButton)
    ]
    return buttons + labels


def _assert_keyboard_ready(dialog: QDialog, language: str, expected: int) -> None:
    shown_ampersands = [
        label.text()
        for label in dialog.findChildren(QLabel)
        if label.isVisible() and label.buddy() is None and "&" in label.text().replace("&&", "")
    ]
    assert not shown_ampersands, shown_ampersands  # a label without a field shows its "&" instead of a letter
    texts = _texts(dialog)
    assert len(texts) == expected, texts
    letters = [re.search(r"&([^&])", t.replace("&&", "")) for t in texts]
    assert all(letters), texts
    used = [m.group(1).lower() for m in letters if m]
    assert len(set(used)) == len(used), texts
    assert any(ENGLISH.search(t.replace("&", "")) for t in texts) is (language == "en"), texts


def _assert_tab_left_to_right(dialog: QDialog) -> None:
    row = [b for b in dialog.findChild(QDialogButtonBox).buttons() if b.isVisible()]
    in_tab_order = [b for b in button_row_in_tab_order(dialog) if b.isVisible()]
    assert len(in_tab_order) == len(row) >= 1
    assert in_tab_order == sorted(in_tab_order, key=lambda b: b.x()), [b.text() for b in in_tab_order]


@pytest.mark.parametrize("language", ["en", "nl"])
def test_document_import(qtbot, qapp: QApplication, tmp_path: Path, language: str) -> None:
    install_translations(qapp, language)  # the conftest puts English back afterwards
    store = ProjectStore.create(tmp_path / "p.lobcoder")
    dialog = ImportDialog(store, Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(dialog)
    dialog.show()
    # Add files, Add folder, Remove, Choose sheet, Remove (sheet), Import, Cancel, Detect speakers,
    # Store the document information; Labels, Pattern, Minimum turns, Interviewer labels.
    _assert_keyboard_ready(dialog, language, 13)
    _assert_tab_left_to_right(dialog)  # Import, then Cancel
    dialog.pages.setCurrentIndex(1)  # the results page: only Close
    dialog.import_button.hide()
    dialog.cancel_button.hide()
    dialog.close_button.show()
    assert _texts(dialog) == ["&Close" if language == "en" else "&Sluiten"]
    dialog.close()
    store.close()


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("changes", [True, False])
def test_codebook_import(qtbot, qapp: QApplication, tmp_path: Path, language: str, changes: bool) -> None:
    install_translations(qapp, language)
    with ProjectStore.create(tmp_path / "p.lobcoder") as store, store.transaction() as session:
        visie = create_code(session, "Visie", color="#009e73")
        codes = [CodebookCode(guid=visie.guid, name="Visie", color="#009e73")]
        if changes:
            codes.append(CodebookCode(guid="22222222-2222-4222-8222-222222222222", name="Overleg", color="#d55e00"))
        plan = plan_codebook_import(session, Codebook(tuple(codes)))
    dialog = CodebookImportDialog(tmp_path / "codes.qdc", plan, [])
    qtbot.addWidget(dialog)
    dialog.show()
    if changes:  # Import and Qt's Cancel
        _assert_keyboard_ready(dialog, language, 2)
        assert dialog.import_button.text() == ("&Import" if language == "en" else "&Importeren")
    else:  # Import (disabled) and Close
        _assert_keyboard_ready(dialog, language, 2)
        close = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert close.text() == ("&Close" if language == "en" else "&Sluiten")
    _assert_tab_left_to_right(dialog)
