"""The speakers dialog: rename, merge, mark and code turns, each one step on the undo stack."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from lobcoder.gui.dialogs.speakers_dialog import SpeakersDialog
from lobcoder.gui.undo import ProjectUndoStack
from lobcoder.services.batch_import import import_files
from lobcoder.services.codes import create_code, list_codes
from lobcoder.services.documents import get_document, list_documents, list_speakers
from lobcoder.storage.project import ProjectStore
from tests.importing.transcript_fixtures import write_fixtures


@pytest.fixture
def dialog(qtbot, store: ProjectStore, tmp_path: Path) -> Iterator[SpeakersDialog]:
    fixtures = write_fixtures(tmp_path / "exports")
    import_files(store, [p for p in fixtures if p.name in ("otter.txt", "amberscript.txt", "teams.docx")])
    with store.transaction() as session:
        create_code(session, "Mentor")
        codes = list_codes(session)
        documents = [(d.id, d.name) for d in list_documents(session)]
    stack = ProjectUndoStack(store)
    window = SpeakersDialog(stack, codes, lambda _w: "tester", documents)
    qtbot.addWidget(window)
    yield window


def _rows(dialog: SpeakersDialog) -> list[tuple[str, str, str, bool]]:
    model = dialog.model
    checked = Qt.ItemDataRole.CheckStateRole
    return [
        (
            model.index(r, 0).data(),
            model.index(r, 1).data(),
            model.index(r, 2).data(),
            Qt.CheckState(model.index(r, 3).data(checked)) == Qt.CheckState.Checked,
        )
        for r in range(model.rowCount())
    ]


def _select(dialog: SpeakersDialog, *names: str) -> None:
    selection = dialog.table.selectionModel()
    selection.clearSelection()
    for row, key in enumerate(dialog.model.keys()):
        if key in names:
            flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            selection.select(dialog.model.index(row, 0), flags)


def test_lists_speakers_with_counts(dialog: SpeakersDialog) -> None:
    assert _rows(dialog) == [
        ("Bakker, Lotte", "2", "1", False),
        ("Jansen, Sem", "2", "1", False),
        ("Speaker 1", "2", "1", False),
        ("Speaker 2", "2", "1", False),
        ("Spreker 1", "2", "1", False),
        ("Spreker 2", "2", "1", False),
    ]
    assert not dialog.rename_button.isEnabled() and not dialog.interviewer_button.isEnabled()
    _select(dialog, "Speaker 1")
    assert dialog.rename_button.isEnabled() and dialog.merge_button.isEnabled()
    _select(dialog, "Speaker 1", "Spreker 1")
    assert not dialog.rename_button.isEnabled() and dialog.merge_button.isEnabled()


def test_rename_merge_and_mark_are_undoable_steps(dialog: SpeakersDialog) -> None:
    stack = dialog.stack
    assert dialog.rename("Speaker 1", "Interviewer Otter")
    assert "Interviewer Otter" in [r[0] for r in _rows(dialog)]
    assert stack.undoText() == "Rename speaker ‘Speaker 1’"
    stack.undo()
    assert "Speaker 1" in [r[0] for r in _rows(dialog)]
    stack.redo()

    assert dialog.merge(["Speaker 2", "Spreker 2"], "Respondent")
    assert ("Respondent", "4", "2", False) in _rows(dialog)
    assert stack.undoText() == "Merge speakers into ‘Respondent’"

    assert dialog.mark(["Interviewer Otter", "Spreker 1", "Bakker, Lotte"], True)
    assert [r[0] for r in _rows(dialog) if r[3]] == ["Bakker, Lotte", "Interviewer Otter", "Spreker 1"]
    stack.undo()
    assert not any(r[3] for r in _rows(dialog))
    stack.undo()
    assert "Respondent" not in [r[0] for r in _rows(dialog)] and "Spreker 2" in [r[0] for r in _rows(dialog)]

    assert not dialog.rename("Spreker 1", "Spreker 2")  # taken: refused, nothing changes
    assert "already exists" in dialog.status.text()


def test_code_all_respondent_turns(dialog: SpeakersDialog) -> None:
    dialog.mark(["Speaker 1", "Spreker 1", "Bakker, Lotte"], True)
    dialog.whose.setCurrentIndex(SpeakersDialog.RESPONDENTS)
    assert dialog.code_button.isEnabled()
    dialog.code_button.click()
    assert dialog.status.text() == "6 turns coded."
    with dialog.stack.store.read() as session:
        assert next(c for c in list_codes(session) if c.name == "Mentor").codings == 6
    dialog.code_button.click()
    assert "no uncoded turns" in dialog.status.text()
    dialog.stack.undo()
    dialog.whose.setCurrentIndex(SpeakersDialog.SELECTED)
    _select(dialog, "Jansen, Sem")
    dialog.code_button.click()
    assert dialog.status.text() == "2 turns coded."
    with dialog.stack.store.read() as session:
        assert [s.name for s in list_speakers(session) if s.is_interviewer] == [
            "Bakker, Lotte",
            "Speaker 1",
            "Spreker 1",
        ]


def test_rename_and_merge_in_one_document(dialog: SpeakersDialog) -> None:
    with dialog.stack.store.read() as session:
        otter = get_document(session, "otter").id
    dialog.scope.setCurrentIndex(dialog.scope.findData(otter))
    assert _rows(dialog) == [("Speaker 1", "2", "1", False), ("Speaker 2", "2", "1", False)]
    assert "other documents keep theirs" in dialog.hint.text()
    assert dialog.rename("Speaker 2", "Marieke")
    assert [r[0] for r in _rows(dialog)] == ["Marieke", "Speaker 1"]
    assert dialog.stack.undoText() == "Give the turns of 1 speaker in this document to ‘Marieke’"
    assert dialog.merge(["Marieke"], "Speaker 1")
    assert _rows(dialog) == [("Speaker 1", "4", "1", False)]
    dialog.stack.undo()
    dialog.stack.undo()
    dialog.scope.setCurrentIndex(0)
    assert ("Speaker 2", "2", "1", False) in _rows(dialog) and "Marieke" not in [r[0] for r in _rows(dialog)]
