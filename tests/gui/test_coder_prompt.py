"""The first coding asks for the coder's name (prefilled with the login) once; cancelling codes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog
from sqlalchemy import select

from lobcoder.gui.dialogs.speakers_dialog import SpeakersDialog
from lobcoder.gui.i18n import install_translations
from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.settings import Settings
from lobcoder.importing.extracted import Turn
from lobcoder.services.codes import create_code
from lobcoder.services.codings import default_coder_name
from lobcoder.services.documents import add_document
from lobcoder.storage.models import Coder, Coding
from lobcoder.storage.project import ProjectStore

TEXT = "I: Hoe?\nMarieke: De visie is door het management geschreven."


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "coder.lobcoder"
    with ProjectStore.create(path) as store, store.transaction() as session:
        marieke = TEXT.index("Marieke")
        turns = [Turn("I", 0, 3, marieke - 1), Turn("Marieke", marieke, marieke + len("Marieke: "), len(TEXT))]
        add_document(session, "Docent01_w1", TEXT, turns)
        create_code(session, "Visie", color="#009e73")
    return path


def _window(qtbot, project: Path, settings: Settings) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    assert window.open_project(project) and window.overview is not None
    window.open_document(window.overview.documents[0].id)
    return window


def _answer(window: MainWindow, name: str | None, seen: list[tuple[str, str, str]]) -> None:
    """Answer the question when it opens: type ``name`` and press OK, or Cancel when None."""

    def reply() -> None:
        dialog = window.coder_prompt.dialog
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, reply)
            return
        seen.append((dialog.windowTitle(), dialog.labelText(), dialog.textValue()))
        if name is None:
            dialog.reject()
        else:
            dialog.setTextValue(name)
            dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, reply)


def _coders(store: ProjectStore) -> list[str | None]:
    with store.read() as session:
        rows = session.execute(select(Coder.name).select_from(Coding).outerjoin(Coder, Coding.coder_id == Coder.id))
        return [name for (name,) in rows]


def _code(window: MainWindow, word: str) -> bool:
    start = TEXT.index(word)
    code_id = next(iter(window.codes_by_id))
    return window.coding.apply_code(code_id, (start, start + len(word)))


def test_the_first_coding_asks_once_and_remembers_the_name(qtbot, tmp_path: Path, project: Path) -> None:
    settings = Settings(str(tmp_path / "s.ini"))
    window = _window(qtbot, project, settings)
    assert window.status.text() == f"1 document · 1 code · 0 codings · coder: {default_coder_name()} (not chosen yet)"
    seen: list[tuple[str, str, str]] = []
    _answer(window, "  Marieke ", seen)
    assert _code(window, "visie")
    assert seen[0][0] == "Who is coding?" and seen[0][2] == default_coder_name()  # prefilled with the login
    assert "agreement" in seen[0][1]
    assert _code(window, "management")  # no second question (it would wait for an answer)
    assert len(seen) == 1
    assert window.store is not None and _coders(window.store) == ["Marieke", "Marieke"]
    assert window.status.text() == "1 document · 1 code · 2 codings · coder: Marieke"
    assert Settings(str(tmp_path / "s.ini")).coder_name == "Marieke"  # remembered for the next start
    window.close()


def test_cancelling_the_question_codes_nothing_and_asks_again(qtbot, tmp_path: Path, project: Path) -> None:
    settings = Settings(str(tmp_path / "s.ini"))
    window = _window(qtbot, project, settings)
    seen: list[tuple[str, str, str]] = []
    _answer(window, None, seen)
    assert not _code(window, "visie")
    assert window.store is not None and _coders(window.store) == []
    assert not settings.coder_name_chosen
    assert window.statusBar().currentMessage() == "Not coded: choose a coder name first."
    assert window.undo_stack is not None and window.undo_stack.count() == 0
    _answer(window, "Ilse", seen)
    assert _code(window, "visie")
    assert len(seen) == 2 and _coders(window.store) == ["Ilse"]
    window.close()


def test_dropping_text_on_a_code_asks_after_the_drop_has_finished(qtbot, tmp_path: Path, project: Path) -> None:
    """The question must not open inside the drop (a nested event loop while the drag still runs)."""
    window = _window(qtbot, project, Settings(str(tmp_path / "s.ini")))
    start = TEXT.index("visie")
    window.transcript.select_span(start, start + len("visie"))
    mime = window.transcript.editor.createMimeDataFromSelection()
    target = window.code_model.index_for_code(next(iter(window.codes_by_id)))
    seen: list[tuple[str, str, str]] = []
    _answer(window, "Marieke", seen)
    assert window.code_model.dropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, target)
    assert seen == [] and window.coder_prompt.dialog is None  # the drop returned without asking
    assert window.store is not None
    qtbot.waitUntil(lambda: _coders(window.store) == ["Marieke"], timeout=3000)
    assert len(seen) == 1
    window.close()


def test_a_name_set_in_the_view_menu_is_not_asked_again(qtbot, tmp_path: Path, project: Path) -> None:
    settings = Settings(str(tmp_path / "s.ini"))
    settings.coder_name = "Fenna"
    window = _window(qtbot, project, settings)
    assert window.status.text().endswith("coder: Fenna")
    assert _code(window, "visie")
    assert window.store is not None and _coders(window.store) == ["Fenna"]
    window.close()


def test_the_question_in_dutch(qtbot, qapp: QApplication, tmp_path: Path, project: Path) -> None:
    install_translations(qapp, "nl")  # the conftest puts English back afterwards
    window = _window(qtbot, project, Settings(str(tmp_path / "s.ini")))
    assert (
        window.status.text()
        == f"1 document · 1 code · 0 coderingen · codeur: {default_coder_name()} (nog niet gekozen)"
    )
    seen: list[tuple[str, str, str]] = []
    _answer(window, "Marieke", seen)
    assert _code(window, "visie")
    title, label, _ = seen[0]
    assert title == "Wie codeert er?"
    assert "overeenstemming" in label and "agreement" not in label
    window.close()


def test_the_question_is_a_plain_input_dialog(qtbot, tmp_path: Path, project: Path) -> None:
    """Its OK and Cancel carry Alt letters like every dialog's (see test_standard_buttons)."""
    window = _window(qtbot, project, Settings(str(tmp_path / "s.ini")))
    texts: list[list[str]] = []

    def look() -> None:
        dialog = window.coder_prompt.dialog
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, look)
            return
        assert isinstance(dialog, QInputDialog)
        texts.append(sorted(b.text() for b in dialog.findChild(QDialogButtonBox).buttons()))
        dialog.reject()

    QTimer.singleShot(0, look)
    assert not _code(window, "visie")
    assert texts == [["&Cancel", "&OK"]]
    window.close()


def test_coding_turns_in_the_speakers_window_asks_too(qtbot, tmp_path: Path, project: Path) -> None:
    window = _window(qtbot, project, Settings(str(tmp_path / "s.ini")))
    assert window.store is not None and window.undo_stack is not None and window.overview is not None
    documents = [(d.id, d.name) for d in window.overview.documents]
    speakers = SpeakersDialog(
        window.undo_stack, window.overview.codes, window.coder_prompt.coder, documents, parent=window
    )
    qtbot.addWidget(speakers)
    guid = next(iter(window.codes_by_id.values())).guid
    seen: list[tuple[str, str, str]] = []
    _answer(window, None, seen)
    assert not speakers.code_turns(guid, ["Marieke"])  # cancelled: nothing coded
    assert _coders(window.store) == []
    assert speakers.status.text() == "Not coded: choose a coder name first."  # in the dialog, not behind it
    _answer(window, "Marieke", seen)
    assert speakers.code_turns(guid, ["Marieke"])
    assert len(seen) == 2 and _coders(window.store) == ["Marieke"]
    assert window.coder_prompt.dialog is None
    speakers.close()
    window.close()


def test_the_view_menu_changes_the_name_through_the_same_question(qtbot, tmp_path: Path, project: Path) -> None:
    settings = Settings(str(tmp_path / "s.ini"))
    settings.coder_name = "Fenna"
    window = _window(qtbot, project, settings)
    seen: list[tuple[str, str, str]] = []
    _answer(window, "  Ilse ", seen)
    window.menu_actions._coder_name()
    assert seen == [("Coder name", "New codings are recorded under:", "Fenna")]  # prefilled with the current name
    assert settings.coder_name == "Ilse" and window.status.text().endswith("coder: Ilse")
    for refused in (None, "   "):  # cancelled, or left empty: the name stays
        _answer(window, refused, seen)
        window.menu_actions._coder_name()
    assert len(seen) == 3 and settings.coder_name == "Ilse"
    assert window.coder_prompt.dialog is None
    window.close()
