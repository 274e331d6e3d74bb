"""A change the project's rules refuse (a name or GUID taken meanwhile, a row gone) says what clashed, changes nothing."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select, text

from lobcoder.editing.code_commands import CreateCode, DeleteCode
from lobcoder.errors import Clash
from lobcoder.importing.speakers import detect_turns
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document
from lobcoder.services.speakers import get_speaker
from lobcoder.storage.failures import explain
from lobcoder.storage.models import Code, Coding, Document
from lobcoder.storage.project import ProjectStore

TEXT = "I: Hoe koos je?\nAnna: Mijn oom werkt in de zorg.\nI: En daarna?\nAnna: Ik wist het niet.\n"
MEANWHILE = "perhaps meanwhile in another window; nothing was changed"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ProjectStore]:
    store = _filled(ProjectStore.create(tmp_path / "project.lobcoder"))
    yield store
    store.close()


@pytest.fixture
def server_store() -> Iterator[ProjectStore]:
    """The same project on PostgreSQL (docs/POSTGRESQL.md); its database is emptied before and after."""
    url = os.environ.get("LOBCODER_TEST_POSTGRES_URL")
    if not url:
        pytest.skip("set LOBCODER_TEST_POSTGRES_URL to an empty PostgreSQL database to run (docs/POSTGRESQL.md)")
    from lobcoder.storage.server import open_server_project

    _empty(url)
    store = _filled(open_server_project(url))
    yield store
    store.close()
    _empty(url)


def _empty(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def _filled(store: ProjectStore) -> ProjectStore:
    with store.transaction() as session:
        loopbaan = create_code(session, "Loopbaan")
        keuze = create_code(session, "Keuze", loopbaan.id)
        create_code(session, "Begeleiding")
        ref = add_document(session, "Interview 1", TEXT, detect_turns(TEXT), participant="Anna")
        add_coding(session, ref.id, keuze.id, TEXT.index("Mijn"), TEXT.index("zorg"), coder="Sander")
    return store


def _guid(store: ProjectStore, name: str) -> str:
    with store.read() as session:
        return session.scalars(select(Code.guid).where(Code.name == name)).one()


def _state(store: ProjectStore) -> dict[str, Any]:
    with store.read() as session:
        return {
            "codes": sorted(session.execute(select(Code.guid, Code.name, Code.parent_id, Code.position)).all()),
            "codings": sorted(session.execute(select(Coding.guid, Coding.code_id, Coding.start, Coding.end)).all()),
        }


def _deleted_elsewhere(store: ProjectStore, name: str) -> Any:
    """This window deletes ``name``; the inverse (its undo) is returned."""
    with store.transaction() as session:
        return DeleteCode(_guid(store, name)).apply(session)


def test_undoing_a_deletion_after_another_window_reused_the_name_names_the_code(store: ProjectStore) -> None:
    undo = _deleted_elsewhere(store, "Keuze")
    with store.transaction() as session:  # meanwhile, in another window: a new "Keuze" under Loopbaan
        CreateCode("Keuze", _guid(store, "Loopbaan")).apply(session)
    before = _state(store)

    with pytest.raises(Clash) as raised, store.transaction() as session:
        undo.apply(session)

    assert raised.value.rule == "unique"
    assert (
        str(raised.value) == f"there is already a code named 'Keuze' at this level of the codebook, added {MEANWHILE}"
    )
    assert raised.value.text("nl") == (
        "op dit niveau van het codeboek is er al een code met de naam 'Keuze', toegevoegd "
        "misschien intussen in een ander venster; er is niets veranderd"
    )
    assert _state(store) == before  # the code and its coding did not come back half-way


def test_undoing_a_deletion_after_the_code_came_back_with_its_guid_says_so(store: ProjectStore) -> None:
    """A top-level code renamed meanwhile: its name is free, the GUID is what clashes."""
    guid = _guid(store, "Begeleiding")
    undo = _deleted_elsewhere(store, "Begeleiding")
    with store.transaction() as session:  # another window brings it back (a redo, a codebook with its GUID)
        CreateCode("Begeleiding (oud)", guid=guid).apply(session)
    before = _state(store)

    with pytest.raises(Clash) as raised, store.transaction() as session:
        undo.apply(session)

    assert str(raised.value) == f"the project already holds a code with the same identifier (GUID), added {MEANWHILE}"
    assert "het project bevat al een code met dezelfde identificatie (GUID)" in raised.value.text("nl")
    assert _state(store) == before


def test_undoing_a_top_level_deletion_after_another_window_reused_the_name_names_the_code(
    store: ProjectStore,
) -> None:
    """NULL parents never clash in UNIQUE (parent_id, name); the partial index of migration 0010 does."""
    undo = _deleted_elsewhere(store, "Begeleiding")
    with store.transaction() as session:  # meanwhile, in another window: a new top-level "Begeleiding"
        CreateCode("Begeleiding").apply(session)
    before = _state(store)

    with pytest.raises(Clash) as raised, store.transaction() as session:
        undo.apply(session)

    assert raised.value.rule == "unique"
    assert str(raised.value) == (
        f"there is already a code named 'Begeleiding' at this level of the codebook, added {MEANWHILE}"
    )
    assert raised.value.text("nl").startswith(
        "op dit niveau van het codeboek is er al een code met de naam 'Begeleiding'"
    )
    assert _state(store) == before


def test_a_row_pointing_at_a_deleted_document_is_named_as_gone(store: ProjectStore) -> None:
    """SQLite says only "FOREIGN KEY constraint failed": the statement's table tells what it may point at."""
    with store.read() as session:
        document_id = session.scalars(select(Document.id)).one()
        code_id = session.scalars(select(Code.id).where(Code.name == "Begeleiding")).one()
    before = _state(store)

    with pytest.raises(Clash) as raised, store.transaction() as session:
        session.add(Coding(document_id=document_id + 1, code_id=code_id, start=0, end=1))

    assert raised.value.rule == "foreign_key"
    assert str(raised.value) == (
        f"this refers to something that no longer exists (a document, a code or a coder), deleted {MEANWHILE}"
    )
    assert "(een document, een code of een codeur)" in raised.value.text("nl")
    assert _state(store) == before


def test_deleting_a_row_still_used_names_what_uses_it(store: ProjectStore) -> None:
    with pytest.raises(Clash) as raised, store.transaction() as session:
        session.delete(get_speaker(session, "Anna"))  # the service refuses first; the database as well

    assert str(raised.value).startswith("this cannot be deleted: a speaker turn still uses it")
    with store.read() as session:
        assert get_speaker(session, "Anna").name == "Anna"


def test_a_check_that_fails_stays_a_bug(store: ProjectStore) -> None:
    """CHECK rules (a coding's start before its end) guard lobcoder's own code: breaking one is a bug to see."""
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError) as raised, store.transaction() as session:
        session.add(Coding(document_id=1, code_id=1, start=5, end=5))
    assert explain(raised.value, store.path) is None


def test_a_unique_expression_index_that_fails_stays_a_bug(tmp_path: Path) -> None:
    """SQLite names no column for an index on an expression ('UNIQUE constraint failed: index 'ix''): not explained."""
    import sqlite3

    connection = sqlite3.connect(tmp_path / "expression.sqlite")
    connection.execute("CREATE TABLE codes (id INTEGER PRIMARY KEY, name TEXT)")
    connection.execute("CREATE UNIQUE INDEX ix_codes_lower_name ON codes (lower(name))")
    connection.execute("INSERT INTO codes (name) VALUES ('Keuze')")
    with pytest.raises(sqlite3.IntegrityError) as raised:
        connection.execute("INSERT INTO codes (name) VALUES ('keuze')")
    connection.close()
    assert str(raised.value) == "UNIQUE constraint failed: index 'ix_codes_lower_name'"
    assert explain(raised.value, tmp_path / "expression.sqlite") is None


def _clashes(store: ProjectStore) -> list[tuple[str, str, bool]]:
    """Each clash of the tests above on ``store``: (English, Dutch, the project unchanged)."""
    found: list[tuple[str, str, bool]] = []

    def attempt(change: Any) -> None:
        before = _state(store)
        with pytest.raises(Clash) as raised, store.transaction() as session:
            change(session)
        found.append((str(raised.value), raised.value.text("nl"), _state(store) == before))

    undo = _deleted_elsewhere(store, "Keuze")
    with store.transaction() as session:
        CreateCode("Keuze", _guid(store, "Loopbaan")).apply(session)
    attempt(undo.apply)
    guid = _guid(store, "Begeleiding")
    undo = _deleted_elsewhere(store, "Begeleiding")
    with store.transaction() as session:
        CreateCode("Begeleiding (oud)", guid=guid).apply(session)
    attempt(undo.apply)
    with store.read() as session:
        gone = (session.scalar(select(func.max(Document.id))) or 0) + 1
    attempt(lambda session: session.add(Coding(document_id=gone, code_id=1, start=0, end=1)))
    attempt(lambda session: session.delete(get_speaker(session, "Anna")))
    undo = _deleted_elsewhere(store, "Begeleiding (oud)")
    with store.transaction() as session:
        CreateCode("Begeleiding (oud)").apply(session)
    attempt(undo.apply)
    return found


def test_postgresql_words_the_same_clashes_as_a_project_file(server_store: ProjectStore, store: ProjectStore) -> None:
    on_sqlite, on_server = _clashes(store), _clashes(server_store)
    assert all(unchanged for _en, _nl, unchanged in on_sqlite + on_server)
    # Names and GUIDs clash alike; PostgreSQL names the very table a missing row was in (SQLite cannot).
    assert on_server[:2] == on_sqlite[:2]
    assert on_server[2][0] == f"this refers to something that no longer exists (a document), deleted {MEANWHILE}"
    assert on_server[3] == on_sqlite[3]
    assert on_server[4] == on_sqlite[4]  # a top-level name taken: the partial unique index on both
    assert on_sqlite[4][0].startswith("there is already a code named 'Begeleiding (oud)' at this level")
