"""Renaming a document: unique with case folded, white space tidied, codings and search kept, undone by its inverse."""

from __future__ import annotations

from pathlib import Path

import pytest

from lobcoder.editing.document_commands import RenameDocument
from lobcoder.errors import NotFoundError, Refused
from lobcoder.search.fulltext import search
from lobcoder.services.documents import (
    DOCUMENT_NAME_MAX,
    add_document,
    find_document,
    get_document,
    list_documents,
    rename_document,
)
from lobcoder.storage.project import ProjectStore
from tests.services.test_document_removal import build, dump


def names(store: ProjectStore) -> list[str]:
    with store.read() as session:
        return [d.name for d in list_documents(session)]


def test_rename_keeps_everything_but_the_name(tmp_path: Path) -> None:
    project = build(tmp_path)
    with ProjectStore.open(project) as store:
        with store.read() as session:
            before = dump(session)
        with store.transaction() as session:
            assert rename_document(session, "verkeerd", " Émile\tStraße  w1 \n").name == "Émile Straße w1"
        assert names(store) == ["Student01", "Student02", "Émile Straße w1"]
        with store.read() as session:
            assert dump(session) == [("Émile Straße w1" if r[0] == "Verkeerd" else r[0], *r[1:]) for r in before]
            assert [h.document_name for h in search(session, "aardappelen").hits] == ["Émile Straße w1"]
            assert find_document(session, "ÉMILE STRASSE W1").name == "Émile Straße w1"  # casefold, as looked up
        with store.transaction() as session:  # only the case of its own name: allowed
            rename_document(session, "Student01", "student01")
        assert names(store) == ["Student02", "student01", "Émile Straße w1"]


@pytest.mark.parametrize(
    ("new", "problem"),
    [
        ("STUDENT02", "a document named 'STUDENT02' already exists"),
        ("Student02", "a document named 'Student02' already exists"),
        (" \t ", "a document name cannot be empty"),
        ("x" * (DOCUMENT_NAME_MAX + 1), f"at most {DOCUMENT_NAME_MAX} characters"),
    ],
)
def test_refused_names_change_nothing(tmp_path: Path, new: str, problem: str) -> None:
    project = build(tmp_path)
    with ProjectStore.open(project) as store:
        with pytest.raises(Refused, match=problem), store.transaction() as session:
            rename_document(session, "Verkeerd", new)
        assert names(store) == ["Student01", "Student02", "Verkeerd"]
        with pytest.raises(NotFoundError), store.transaction() as session:
            rename_document(session, "Niemand", "Iemand")


def test_the_command_undoes_and_redoes_by_guid(tmp_path: Path) -> None:
    project = build(tmp_path)
    with ProjectStore.open(project) as store:
        with store.read() as session:
            guid = get_document(session, "Verkeerd").guid
        command = RenameDocument(guid, "Verkeerd", "Boodschappen")
        with store.transaction() as session:
            undo = command.apply(session)
        assert names(store) == ["Boodschappen", "Student01", "Student02"]
        with store.transaction() as session:
            redo = undo.apply(session)
        assert names(store) == ["Student01", "Student02", "Verkeerd"]
        with store.transaction() as session:
            redo.apply(session)
        assert names(store) == ["Boodschappen", "Student01", "Student02"]


def test_names_differing_only_in_unicode_normalisation_are_one_name(tmp_path: Path) -> None:
    """A name typed or imported on macOS comes decomposed (NFD): "Cafe" + a combining accent."""
    nfd, nfc = "Cafe\u0301", "Caf\u00e9"
    project = build(tmp_path)
    with ProjectStore.open(project) as store:
        with store.transaction() as session:
            assert rename_document(session, "Verkeerd", nfd).name == nfc  # stored composed
        with pytest.raises(Refused, match="already exists"), store.transaction() as session:
            rename_document(session, "Student02", nfc)
        with store.transaction() as session:
            added = add_document(session, "Cafe\u0301", "Interviewer: Nog een.\n")  # a file from a Mac
        with store.read() as session:
            assert find_document(session, nfc).name == nfc
            assert find_document(session, "CAFE\u0301").name == nfc
            assert added.name == "Caf\u00e9 (2)"  # not a second "Café"
        assert names(store) == ["Café", "Café (2)", "Student01", "Student02"]
