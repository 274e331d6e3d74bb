"""Speakers after import: rename, merge, mark as interviewer and code their turns, with undo."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from lobcoder.analysis.dataset import load_dataset
from lobcoder.editing.base import Command
from lobcoder.editing.speaker_commands import (
    MergeSpeakers,
    ReassignInDocument,
    RenameSpeaker,
    SetInterviewers,
    code_speaker_turns,
)
from lobcoder.errors import NotFoundError
from lobcoder.services.batch_import import import_files
from lobcoder.services.codes import create_code
from lobcoder.services.documents import get_document, list_speakers
from lobcoder.storage.models import Coding, Document
from lobcoder.storage.project import ProjectStore
from tests.importing.transcript_fixtures import write_fixtures


@pytest.fixture
def project(store: ProjectStore, tmp_path: Path) -> ProjectStore:
    """Otter (Speaker 1/2), Word Transcribe (Speaker 1/2) and Amberscript (Spreker 1/2) exports."""
    fixtures = write_fixtures(tmp_path / "exports")
    chosen = [p for p in fixtures if p.name in ("otter.txt", "word-transcribe.docx", "amberscript.txt")]
    report = import_files(store, chosen)
    assert len(report.imported) == 3
    with store.transaction() as session:
        create_code(session, "Mentor")
    return store


def state(session: Session) -> dict[str, Any]:
    """Speakers with their flags, and every turn's speaker, per document."""
    turns = {}
    for document in session.scalars(select(Document).order_by(Document.id)):
        turns[document.guid] = [
            (t.speaker, t.is_interviewer, t.start, t.end) for t in get_document(session, document.id).turns
        ]
    speakers = [(s.name, s.is_interviewer, s.turns, s.documents) for s in list_speakers(session)]
    codings = sorted((c.document_id, c.start, c.end, c.code_id) for c in session.scalars(select(Coding)))
    return {"speakers": speakers, "turns": turns, "codings": codings}


def run(store: ProjectStore, command: Command) -> Command:
    with store.transaction() as session:
        return command.apply(session)


def read(store: ProjectStore) -> dict[str, Any]:
    with store.read() as session:
        return state(session)


def undo_and_redo(store: ProjectStore, command: Command) -> dict[str, Any]:
    """Apply, undo and redo; check undo restores every row and redo gives the same result."""
    before = read(store)
    inverse = run(store, command)
    after = read(store)
    redo = run(store, inverse)
    assert read(store) == before
    run(store, redo)
    assert read(store) == after
    return after


def test_rename_a_speaker_across_the_project(project: ProjectStore) -> None:
    after = undo_and_redo(project, RenameSpeaker("Speaker 1", "Lotte Bakker (interviewer)"))
    names = [s[0] for s in after["speakers"]]
    assert "Speaker 1" not in names and "Lotte Bakker (interviewer)" in names
    lotte = next(s for s in after["speakers"] if s[0] == "Lotte Bakker (interviewer)")
    assert lotte[2:] == (4, 2)  # two turns in each of the two documents with "Speaker 1"
    with project.read() as session:
        data = load_dataset(session, turns=True)
        assert "Lotte Bakker (interviewer)" in {t.speaker for turns in data.turns.values() for t in turns}


def test_a_rename_onto_an_existing_name_is_refused_and_changes_nothing(project: ProjectStore) -> None:
    before = read(project)
    with pytest.raises(ValueError, match="already exists; merge"):
        run(project, RenameSpeaker("Speaker 1", "Speaker 2"))
    with pytest.raises(ValueError, match="cannot be empty"):
        run(project, RenameSpeaker("Speaker 1", "   "))
    with pytest.raises(NotFoundError):
        run(project, RenameSpeaker("Niemand", "Iemand"))
    assert read(project) == before


def test_merge_into_an_existing_and_into_a_new_speaker(project: ProjectStore) -> None:
    after = undo_and_redo(project, MergeSpeakers(["Spreker 1"], "Speaker 1"))
    assert [s[0] for s in after["speakers"]] == ["Speaker 1", "Speaker 2", "Spreker 2"]
    assert after["speakers"][0][2:] == (6, 3)
    after = undo_and_redo(project, MergeSpeakers(["Speaker 2", "Spreker 2"], "Respondent"))
    assert ("Respondent", False, 6, 3) in after["speakers"]
    assert {s[0] for s in after["speakers"]} == {"Speaker 1", "Respondent"}


def test_mark_as_interviewer_and_back(project: ProjectStore) -> None:
    after = undo_and_redo(project, SetInterviewers({"Speaker 1": True, "Spreker 1": True}))
    flags = {name: flag for name, flag, *_ in after["speakers"]}
    assert flags == {"Speaker 1": True, "Speaker 2": False, "Spreker 1": True, "Spreker 2": False}
    assert all(t[1] for turns in after["turns"].values() for t in turns if t[0] in ("Speaker 1", "Spreker 1"))


def test_code_all_turns_of_the_respondents_once(project: ProjectStore) -> None:
    run(project, SetInterviewers({"Speaker 1": True, "Spreker 1": True}))
    with project.read() as session:
        command = code_speaker_turns(session, _code_guid(session), None, "tester")
    assert len(command.codings) == 6  # two merged answers and one more, in three documents
    after = undo_and_redo(project, command)
    respondent_speech = [(t[2], t[3]) for turns in after["turns"].values() for t in turns if not t[1]]
    assert len(after["codings"]) == len(respondent_speech) == 6
    with project.read() as session, pytest.raises(ValueError, match="no uncoded turns"):
        code_speaker_turns(session, _code_guid(session), None, "tester")


def test_code_the_turns_of_one_speaker(project: ProjectStore) -> None:
    with project.read() as session:
        command = code_speaker_turns(session, _code_guid(session), ["Spreker 2"], None)
        with pytest.raises(NotFoundError):
            code_speaker_turns(session, _code_guid(session), ["Niemand"], None)
    run(project, command)
    with project.read() as session:
        document = get_document(session, "amberscript")
        coded = sorted((c.start, c.end) for c in session.scalars(select(Coding)))
    assert coded == [(t.start, t.end) for t in document.turns if t.speaker == "Spreker 2"]


def _code_guid(session: Session) -> str:
    from lobcoder.storage.models import Code

    return session.scalars(select(Code.guid)).one()


def _document_id(store: ProjectStore, name: str) -> int:
    with store.read() as session:
        return get_document(session, name).id


def test_rename_a_speaker_in_one_document_only(project: ProjectStore) -> None:
    otter = _document_id(project, "otter")
    after = undo_and_redo(project, ReassignInDocument(otter, ["Speaker 2"], "Marieke"))
    assert ("Marieke", False, 2, 1) in after["speakers"]
    assert ("Speaker 2", False, 2, 1) in after["speakers"]  # still the respondent of the Word transcript
    with project.read() as session:
        assert {t.speaker for t in get_document(session, otter).turns} == {"Speaker 1", "Marieke"}
        assert {t.speaker for t in get_document(session, "word-transcribe").turns} == {"Speaker 1", "Speaker 2"}


def test_reassigning_a_speakers_last_turns_removes_the_speaker(project: ProjectStore) -> None:
    amberscript = _document_id(project, "amberscript")
    after = undo_and_redo(project, ReassignInDocument(amberscript, ["Spreker 1", "Spreker 2"], "Speaker 1"))
    assert [s[0] for s in after["speakers"]] == ["Speaker 1", "Speaker 2"]
    assert after["speakers"][0][2:] == (8, 3)
    before = read(project)
    with pytest.raises(ValueError, match="has no turns in this document"):
        run(project, ReassignInDocument(amberscript, ["Speaker 2"], "Iemand"))
    assert read(project) == before


def test_code_turns_in_one_document(project: ProjectStore) -> None:
    otter = _document_id(project, "otter")
    with project.read() as session:
        command = code_speaker_turns(session, _code_guid(session), ["Speaker 2"], None, otter)
    assert {snap.document_id for snap in command.codings} == {otter} and len(command.codings) == 2
