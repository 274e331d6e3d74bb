"""With the Dutch interface, the import dialog and message boxes say in Dutch why a file cannot be used."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox

from lobcoder.gui.dialogs.import_dialog import ImportDialog
from lobcoder.gui.i18n import install_translations, uninstall_translations
from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.settings import Settings
from lobcoder.i18n import CATALOGUE
from lobcoder.storage.project import ProjectStore


@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[None]:
    install_translations(qapp, "nl")
    yield
    uninstall_translations(qapp)


@pytest.fixture
def dialog(qtbot, dutch: None, store: ProjectStore, tmp_path: Path) -> Iterator[ImportDialog]:  # type: ignore[no-untyped-def]
    window = ImportDialog(store, Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(window)
    yield window
    assert QThreadPool.globalInstance().waitForDone(10_000)


def test_a_corrupt_docx_is_explained_in_dutch_in_the_preview_and_the_result(qtbot, dialog, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "Kapot_interview.docx"
    broken.write_bytes(b"PK\x03\x04 geen echte zip")
    with qtbot.waitSignal(dialog.previewUpdated, timeout=10_000):
        dialog.add_paths([broken])
    status = dialog.files.index(0, 1).data()
    assert status == "Kan niet worden gelezen: is geen Word-document (.docx) of is beschadigd"
    assert dialog.preview.title.text().startswith("Kapot_interview.docx kan niet worden gelezen: is geen Word-document")
    assert "zip" not in dialog.preview.title.text()

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.import_worker is not None
    with qtbot.waitSignals([dialog.import_worker.signals.finished, dialog.imported], timeout=20_000):
        pass
    row = [dialog.problems.index(0, column).data() for column in range(3)]
    assert row[0] == "Kapot_interview.docx"
    assert row[2] == "is geen Word-document (.docx) of is beschadigd"
    if os.environ.get("LOBCODER_SHOTS"):
        dialog.grab().save(os.path.join(os.environ["LOBCODER_SHOTS"], "import_error_nl.png"))


def test_a_word_file_chosen_as_codebook_and_a_file_that_is_no_project_are_refused_in_dutch(
    qtbot, dutch: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, store: ProjectStore
) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_a: shown.append(text))
    window = MainWindow(Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(window)
    assert window.open_project(store.path)
    word = tmp_path / "codeboek.docx"
    docx.Document().save(word)
    assert window.menu_actions.exchange.show_codebook_plan(word) is None
    assert shown == [f"{word}: is geen REFI-QDA-codeboek (.qdc): het is {CATALOGUE['problem.qdc.what.docx'].nl}"]

    notes = tmp_path / "aantekeningen.lobcoder"
    notes.write_text("geen database", encoding="utf-8")
    assert not window.open_project(notes)
    assert shown[1] == f"{notes}: is geen lobcoder-project (geen SQLite-database)"
    window.close()
