"""Qt's own buttons (OK, Cancel, Close, Save, Yes, No, ...) speak the interface language and carry an Alt letter.

In every main dialog each button of the button row has a letter, and no two
things in a dialog (buttons, check boxes, labelled fields) share one, in English
and in Dutch.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QLabel, QMessageBox, QWidget

from lobcoder.editing.codebook_import import plan_codebook_import
from lobcoder.gui.codebook_editor import CodebookEditor
from lobcoder.gui.dialogs.codebook_export_dialog import BranchChoice, CodebookExportDialog
from lobcoder.gui.dialogs.codebook_import_dialog import CodebookImportDialog
from lobcoder.gui.dialogs.exchange_report_dialog import ExchangeReportDialog
from lobcoder.gui.dialogs.export_choices_dialog import ExportChoicesDialog
from lobcoder.gui.dialogs.import_dialog import ImportDialog
from lobcoder.gui.dialogs.restore_dialog import RestoreDialog
from lobcoder.gui.dialogs.speakers_dialog import SpeakersDialog
from lobcoder.gui.i18n import install_translations
from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.memo_dialog import MemoDialog
from lobcoder.gui.settings import Settings
from lobcoder.gui.standard_buttons import ENGLISH, QT_TEXTS
from lobcoder.gui.translations_tool import ts_file
from lobcoder.services.codebook_data import Codebook, CodebookCode
from lobcoder.services.codes import create_code, list_codes
from lobcoder.services.documents import add_document, list_documents
from lobcoder.storage.project import ProjectStore

SB = QDialogButtonBox.StandardButton
MB = QMessageBox.StandardButton
ENGLISH_BUTTONS = {"OK", "Cancel", "Close", "Save", "Discard", "Yes", "No", "Apply", "Help", "Abort", "Retry", "Ignore"}


def _letter(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def _shown_letters(dialog: QWidget) -> list[tuple[str, str | None]]:
    """Each visible button, check box and labelled field of the dialog, with its Alt letter."""
    items = [(b.text(), _letter(b.text())) for b in dialog.findChildren(QAbstractButton) if b.isVisible() and b.text()]
    items += [
        (label.text(), _letter(label.text()))
        for label in dialog.findChildren(QLabel)
        if label.isVisible() and label.buddy() is not None and not isinstance(label.buddy(), QAbstractButton)
    ]
    return items


def assert_button_row_keyboard_ready(dialog: QWidget, language: str) -> list[str]:
    """Every visible button of the dialog's button rows has a letter; no letter is used twice. Returns the row."""
    dialog.show()
    row = [b.text() for box in dialog.findChildren(QDialogButtonBox) for b in box.buttons() if b.isVisible()]
    assert row, "the dialog shows no button row"
    assert all(_letter(text) for text in row), row
    letters = [letter for _text, letter in _shown_letters(dialog) if letter]
    assert len(letters) == len(set(letters)), _shown_letters(dialog)
    plain = {text.replace("&", "") for text in row}
    if language == "nl":  # "OK" and "Help" are Dutch too
        assert not plain & (ENGLISH_BUTTONS - {"OK", "Help"}), row
    return row


def _codebook_import(tmp_path: Path, changes: bool) -> CodebookImportDialog:
    with ProjectStore.create(tmp_path / "p.lobcoder") as store, store.transaction() as session:
        codes = [CodebookCode(guid="22222222-2222-4222-8222-222222222222", name="Overleg", color="#d55e00")]
        plan = plan_codebook_import(session, Codebook(tuple(codes) if changes else ()))
    return CodebookImportDialog(tmp_path / "codes.qdc", plan, [])


DIALOGS: dict[str, Callable[[Path], QWidget]] = {
    "memo": lambda tmp: MemoDialog("Memo", "Memo bij de code ‘Werkdruk’", ""),
    "transcript export": lambda tmp: ExportChoicesDialog("Export", "Pick.", 2, transcripts=6, current_document="d1"),
    "codebook export": lambda tmp: CodebookExportDialog(24, None, "nl", terms=3),
    "codebook export, one branch": lambda tmp: CodebookExportDialog(24, BranchChoice("g", "Visie", 5), "nl", terms=3),
    "document import": lambda tmp: ImportDialog(ProjectStore.create(tmp / "i.lobcoder"), Settings(str(tmp / "s.ini"))),
    "codebook import": lambda tmp: _codebook_import(tmp, changes=True),
    "codebook import, nothing new": lambda tmp: _codebook_import(tmp, changes=False),
    "restore": lambda tmp: RestoreDialog([], str(tmp / ".p.lobcoder.backups")),
    "exchange report": lambda tmp: ExchangeReportDialog("Import", "codes.qdc", "3 codes", ["one note"]),
}


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("name", list(DIALOGS))
def test_every_button_in_the_main_dialogs_has_its_own_letter(
    qtbot, qapp: QApplication, tmp_path: Path, language: str, name: str
) -> None:
    install_translations(qapp, language)  # the conftest puts English back afterwards
    dialog = DIALOGS[name](tmp_path)
    qtbot.addWidget(dialog)
    assert_button_row_keyboard_ready(dialog, language)
    store = getattr(dialog, "store", None)
    dialog.close()
    if store is not None:
        store.close()


@pytest.mark.parametrize(
    ("language", "buttons", "expected"),
    [
        ("en", MB.Yes | MB.No | MB.Cancel, ["&Yes", "&No", "&Cancel"]),
        ("nl", MB.Yes | MB.No | MB.Cancel, ["&Ja", "&Nee", "&Annuleren"]),
        ("en", MB.Save | MB.Discard | MB.Cancel, ["&Save", "&Discard", "&Cancel"]),
        ("nl", MB.Save | MB.Discard | MB.Cancel, ["&Opslaan", "&Niet opslaan", "&Annuleren"]),
        ("en", MB.Ok | MB.Cancel | MB.Apply | MB.Help, ["&OK", "&Cancel", "&Apply", "&Help"]),
        ("nl", MB.Ok | MB.Cancel | MB.Apply | MB.Help, ["&OK", "&Annuleren", "&Toepassen", "&Help"]),
        ("nl", MB.Abort | MB.Retry | MB.Ignore | MB.Close, ["A&fbreken", "&Opnieuw proberen", "&Negeren", "&Sluiten"]),
        ("nl", MB.YesToAll | MB.NoToAll | MB.Cancel, ["Ja op a&lles", "Nee &op alles", "&Annuleren"]),
    ],
)
def test_message_boxes_word_their_buttons_with_letters(
    qtbot, qapp: QApplication, language: str, buttons: MB, expected: list[str]
) -> None:
    install_translations(qapp, language)
    box = QMessageBox(QMessageBox.Icon.Question, "lobcoder", "?", buttons)
    box.setDetailedText("details")
    qtbot.addWidget(box)
    row = assert_button_row_keyboard_ready(box, language)
    details = "Show De&tails…" if language == "en" else "&Details tonen…"
    assert sorted(row) == sorted([*expected, details])


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_codebook_editor_and_the_speakers_window(qtbot, qapp: QApplication, tmp_path: Path, language: str) -> None:
    install_translations(qapp, language)
    path = tmp_path / "p.lobcoder"
    with ProjectStore.create(path) as store, store.transaction() as session:
        add_document(session, "Docent01_w1", "I: Hoe?\nMarieke: Goed.")
        create_code(session, "Visie", color="#009e73")
    window = MainWindow(Settings(str(tmp_path / "s.ini")))
    qtbot.addWidget(window)
    assert window.open_project(path)
    editor = CodebookEditor(window)
    qtbot.addWidget(editor)
    assert assert_button_row_keyboard_ready(editor, language) == ["C&lose" if language == "en" else "&Sluiten"]
    editor.close()
    assert window.store is not None and window.undo_stack is not None
    with window.store.read() as session:
        codes = list_codes(session)
        documents = [(d.id, d.name) for d in list_documents(session)]
    speakers = SpeakersDialog(window.undo_stack, codes, lambda _w: "tester", documents)
    qtbot.addWidget(speakers)
    assert_button_row_keyboard_ready(speakers, language)
    speakers.close()
    window.close()


def test_english_comes_back_after_dutch(qtbot, qapp: QApplication) -> None:
    install_translations(qapp, "nl")
    install_translations(qapp, "en")
    box = QDialogButtonBox(SB.Ok | SB.Cancel | SB.Close)
    qtbot.addWidget(box)
    assert sorted(b.text() for b in box.buttons()) == ["&Cancel", "&OK", "C&lose"]


def test_other_texts_still_come_from_the_translation_files(qtbot, qapp: QApplication) -> None:
    install_translations(qapp, "nl")
    assert QApplication.translate("QFileDialog", "File &name:") != "File &name:"  # Qt's own Dutch, asked past ours
    assert QApplication.translate("QPlatformTheme", "Cancel") == "&Annuleren"  # ours, asked before Qt's


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_qt_button_text_is_worded_with_a_letter_in_the_shipped_files(language: str) -> None:
    root = ET.parse(ts_file(language)).getroot()
    worded = {
        (context.findtext("name"), message.findtext("source")): message.findtext("translation")
        for context in root.iter("context")
        for message in context.iter("message")
    }
    for key in QT_TEXTS:
        assert _letter(worded[key] or ""), (key, worded.get(key))
    if language == "en":
        assert {key: worded[key] for key in ENGLISH} == ENGLISH
