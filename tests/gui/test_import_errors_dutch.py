"""With the Dutch interface, the import dialog says in Dutch why a file cannot be read."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication

from lobcoder.gui.dialogs.import_dialog import ImportDialog
from lobcoder.gui.i18n import install_translations, uninstall_translations
from lobcoder.gui.settings import Settings
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
    assert status.startswith(
        "Kan niet worden gelezen: is geen geldig Word-document (.docx): is geen leesbaar zip-bestand"
    )
    assert dialog.preview.title.text().startswith("Kapot_interview.docx kan niet worden gelezen: is geen geldig")
    assert "not a valid" not in dialog.preview.title.text()

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.import_worker is not None
    with qtbot.waitSignals([dialog.import_worker.signals.finished, dialog.imported], timeout=20_000):
        pass
    row = [dialog.problems.index(0, column).data() for column in range(3)]
    assert row[0] == "Kapot_interview.docx"
    assert row[2].startswith("is geen geldig Word-document (.docx): is geen leesbaar zip-bestand (")
    if os.environ.get("LOBCODER_SHOTS"):
        dialog.grab().save(os.path.join(os.environ["LOBCODER_SHOTS"], "import_error_nl.png"))
