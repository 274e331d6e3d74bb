"""With the Dutch interface, an action refused for no file's sake says why in Dutch."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from lobcoder.editing.resolve_commands import ResolveDisagreement
from lobcoder.gui.i18n import install_translations
from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.settings import Settings
from lobcoder.services.codes import create_code
from lobcoder.storage.project import ProjectStore


def test_a_refused_recode_is_explained_in_dutch_in_the_message_box(
    qtbot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, store: ProjectStore
) -> None:  # type: ignore[no-untyped-def]
    install_translations(qapp, "nl")  # the autouse fixture puts English back afterwards
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text, *_a: shown.append((title, text)))
    with store.transaction() as session:
        code = create_code(session, "Keuze")
    window = MainWindow(Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(window)
    assert window.open_project(store.path)
    refused = ResolveDisagreement(1, code.guid, 0, 5, "Anna", "Bram", "recode")
    assert not window.undo_stack.execute(refused)
    assert shown == [
        ("Actie niet uitgevoerd", "voor hercoderen is een andere code nodig die de betwiste code vervangt")
    ]
    if os.environ.get("LOBCODER_SHOTS"):
        box = QMessageBox(QMessageBox.Icon.Warning, *shown[0], parent=window)
        box.grab().save(os.path.join(os.environ["LOBCODER_SHOTS"], "refusal_nl.png"))
    window.close()
