"""Edit-menu names of actions, in English and Dutch, with plurals."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from lobcoder.editing.code_commands import DeleteCode
from lobcoder.editing.coding_commands import RemoveCodings, apply_code
from lobcoder.gui.i18n import install_translations
from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.undo import describe
from lobcoder.services.codes import create_code
from lobcoder.services.documents import add_document
from lobcoder.storage.project import ProjectStore
from tests.gui.coder_settings import coder_settings


def test_names_use_plural_forms_and_the_code_name(qapp) -> None:
    two = apply_code(1, "guid", [(0, 1), (2, 3)], "Fenna")
    assert describe(two) == "Apply code to 2 passages"
    assert describe(RemoveCodings(["a"])) == "Remove 1 coding"
    assert describe(DeleteCode("g", name="Visie")) == "Delete code ‘Visie’"
    install_translations(qapp, "nl")
    assert describe(two) == "Code toepassen op 2 passages"
    assert describe(RemoveCodings(["a"])) == "1 codering verwijderen"
    assert describe(DeleteCode("g", name="Visie")) == "Code ‘Visie’ verwijderen"


@pytest.mark.parametrize(
    ("language", "undo"),
    [
        ("en", "&Undo Apply code ‘Visie’ to 1 passage"),
        ("nl", "&Ongedaan maken Code ‘Visie’ toepassen op 1 passage"),
    ],
)
def test_the_edit_menu_names_the_code_a_key_applied(qtbot, qapp, tmp_path: Path, language: str, undo: str) -> None:  # type: ignore[no-untyped-def]
    text = "I: Hoe?\nMarieke: De visie is door het management geschreven."
    path = tmp_path / "undo.lobcoder"
    with ProjectStore.create(path) as store, store.transaction() as session:
        add_document(session, "Docent01_w1", text)
        create_code(session, "Visie", color="#009e73")
    install_translations(qapp, language)
    win = MainWindow(coder_settings(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    assert win.open_project(path)
    assert win.overview is not None
    win.open_document(win.overview.documents[0].id)
    start = text.index("visie is door")
    win.transcript.select_span(start, start + len("visie is door"))
    win.activateWindow()
    win.transcript.editor.setFocus()
    qtbot.waitUntil(win.transcript.editor.hasFocus)
    qtbot.keyClick(win.transcript.editor, Qt.Key.Key_1)  # the first pinned code
    action = win.menu_actions.undo_action
    assert action is not None and action.text() == undo
    win.close()
