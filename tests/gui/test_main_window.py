"""The minimal main window: open a project, list documents, show a transcript."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCursor

from lobcoder.gui.document_list_model import DocumentListModel
from lobcoder.gui.main_window import MainWindow
from lobcoder.importing.extracted import Turn
from lobcoder.services.documents import add_document, list_documents
from lobcoder.storage.project import ProjectStore

TEXT = "I: Wat betekent LOB voor u? 😀\nAnna: Eén gesprek per periode, met coördinatie."


def _project(tmp_path: Path) -> Path:
    path = tmp_path / "gui.lobcoder"
    with ProjectStore.create(path) as store, store.transaction() as session:
        turns = [Turn("I", 0, 3, 29), Turn("Anna", 30, 36, len(TEXT))]
        add_document(session, "Docent01_w1", TEXT, turns)
        add_document(session, "Docent02_w1", "Tweede document.")
    return path


def test_document_list_and_transcript_with_bold_speaker_labels(qtbot, tmp_path: Path) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_project(_project(tmp_path))
    model = window.document_list.model()
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["Docent01_w1", "Docent02_w1"]
    assert "2 documents" in window.status.text()

    rect = window.document_list.visualRect(model.index(0, 0))
    qtbot.mouseClick(window.document_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.text_view.toPlainText() == TEXT

    # "Anna: " spans code points 30-36, UTF-16 units 31-37 after the emoji; a
    # cursor's format is that of the character before it.
    cursor = QTextCursor(window.text_view.document())
    cursor.setPosition(32)
    assert cursor.charFormat().fontWeight() == QFont.Weight.Bold
    cursor.setPosition(37)
    assert cursor.charFormat().fontWeight() == QFont.Weight.Bold
    cursor.setPosition(38)
    assert cursor.charFormat().fontWeight() != QFont.Weight.Bold
    window.close()


def test_opening_a_file_that_is_not_a_project_shows_a_message(qtbot, tmp_path: Path, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "lobcoder.gui.main_window.QMessageBox.warning", lambda _parent, _title, text: shown.append(text)
    )
    junk = tmp_path / "junk.lobcoder"
    junk.write_bytes(b"not a database" * 20)
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_project(junk)
    assert window.store is None
    assert shown and "junk.lobcoder" in shown[0] and "not an SQLite database" in shown[0]


def test_document_list_model_passes_the_model_tester(qtmodeltester, tmp_path: Path) -> None:
    with ProjectStore.open(_project(tmp_path)) as store, store.read() as session:
        documents = list_documents(session)
    model = DocumentListModel()
    model.set_documents(documents)
    qtmodeltester.check(model)
