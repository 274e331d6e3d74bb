"""The memo dialog as the researcher sees it: an empty memo says what it is for, in English and Dutch."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from lobcoder.gui.i18n import install_translations
from lobcoder.gui.memo_dialog import MemoDialog

ENGLISH_HINT = "Write down ideas, decisions and questions; the memo is saved in the project."


@pytest.mark.parametrize("language", ["en", "nl"])
def test_an_empty_memo_shows_a_hint_in_the_interface_language(qapp: QApplication, qtbot, language: str) -> None:
    install_translations(qapp, language)  # the conftest puts English back afterwards
    dialog = MemoDialog("Memo", "Memo bij de code ‘Werkdruk’", "")
    qtbot.addWidget(dialog)
    dialog.show()
    hint = dialog.editor.placeholderText()
    assert hint
    assert (hint == ENGLISH_HINT) is (language == "en")
    assert dialog.text() == ""  # the hint is not text: saving an untouched memo stores nothing


def test_a_written_memo_shows_its_text() -> None:
    dialog = MemoDialog("Memo", "Projectmemo", "Eerste ronde: let op werkdruk.")
    assert dialog.editor.toPlainText() == "Eerste ronde: let op werkdruk."
    assert dialog.text() == "Eerste ronde: let op werkdruk."
