"""Creating and opening project files, and refusing files that are not ours."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from lobcoder.errors import NotAProjectError, ProjectError, ProjectExistsError, ProjectTooNewError
from lobcoder.services.documents import add_document, get_document, project_info
from lobcoder.storage import project
from lobcoder.storage.models import Document
from lobcoder.storage.project import APPLICATION_ID, SCHEMA_HEAD, ProjectStore


def test_new_project_is_wal_with_foreign_keys_and_current_schema(tmp_path: Path) -> None:
    path = tmp_path / "onderzoek.lobcoder"
    with ProjectStore.create(path, name="LOB in het mbo") as store, store.read() as session:
        assert project_info(session).name == "LOB in het mbo"
        connection = session.connection()
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA application_id").scalar() == APPLICATION_ID
        assert connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == SCHEMA_HEAD
    assert not list(tmp_path.glob("*.creating*"))


def test_create_refuses_to_overwrite_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "thesis.lobcoder"
    path.write_bytes(b"precious")
    with pytest.raises(ProjectExistsError, match="thesis.lobcoder"):
        ProjectStore.create(path)
    assert path.read_bytes() == b"precious"


def test_a_transaction_that_fails_leaves_nothing_behind(store: ProjectStore) -> None:
    with pytest.raises(RuntimeError):
        with store.transaction() as session:
            add_document(session, "half", "I: vraag\nR: antwoord")
            raise RuntimeError("crash in the middle of the action")
    with store.read() as session:
        assert project_info(session).documents == 0


def test_data_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "p.lobcoder"
    with ProjectStore.create(path) as store, store.transaction() as session:
        add_document(session, "Docent 1", "Eén 😀 coördinatie")
    with ProjectStore.open(path) as store, store.read() as session:
        assert get_document(session, "Docent 1").text == "Eén 😀 coördinatie"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "not an SQLite database"),
        (b"PK\x03\x04 this is a zip, not a project" * 10, "not an SQLite database"),
        (b"\x00\x01\x02" * 100, "not an SQLite database"),
    ],
)
def test_files_that_are_not_projects_are_refused_unchanged(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "other.lobcoder"
    path.write_bytes(content)
    with pytest.raises(NotAProjectError, match=message):
        ProjectStore.open(path)
    assert path.read_bytes() == content


def test_a_foreign_sqlite_database_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "qualcoder.qda"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE source (id INTEGER, fulltext TEXT)")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(NotAProjectError, match="not a lobcoder project"):
        ProjectStore.open(path)
    assert path.read_bytes() == before


def test_missing_file_and_folder_get_clear_messages(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="no such file"):
        ProjectStore.open(tmp_path / "missing.lobcoder")
    with pytest.raises(NotAProjectError, match="is a folder"):
        ProjectStore.open(tmp_path)


def _saved_by_a_newer_lobcoder(path: Path, monkeypatch: pytest.MonkeyPatch, how: str) -> str:
    """A project at a schema newer than the running code's; its revision."""
    ProjectStore.create(path).close()
    if how == "unknown revision":  # a migration this installation does not have
        connection = sqlite3.connect(path)
        connection.execute("UPDATE alembic_version SET version_num = '0042'")
        connection.commit()
        connection.close()
        return "0042"
    # The migration file is installed, but the running code is older (an upgrade installed meanwhile).
    monkeypatch.setattr(project, "SCHEMA_HEAD", f"{int(SCHEMA_HEAD) - 1:04d}")
    return SCHEMA_HEAD


@pytest.mark.parametrize("journal", ["wal", "delete"])
@pytest.mark.parametrize("how", ["unknown revision", "installed but later than the code"])
def test_project_from_a_newer_lobcoder_is_refused_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str, journal: str
) -> None:
    """Not a byte, not its modification time, no -wal/-shm beside it: not even reading the version writes."""
    path = tmp_path / "future.lobcoder"
    revision = _saved_by_a_newer_lobcoder(path, monkeypatch, how)
    if journal == "delete":  # e.g. a newer lobcoder, or a copy tool, that leaves a rollback-journal file
        connection = sqlite3.connect(path)
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.close()
    os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))  # 2001: any write shows
    before = path.read_bytes()
    assert before[18] == (2 if journal == "wal" else 1)
    for read_only in (None, True):
        with pytest.raises(ProjectTooNewError) as refused:
            ProjectStore.open(path, read_only=read_only)
        assert str(refused.value) == (
            f"{path} was saved by a newer lobcoder (schema {revision}); this version knows up to "
            f"{project.SCHEMA_HEAD}. Update lobcoder to open it."
        )
        assert path.read_bytes() == before
        assert path.stat().st_mtime_ns == 1_000_000_000_000_000_000
        assert sorted(p.name for p in tmp_path.iterdir()) == ["future.lobcoder"]  # no backup, no sidecars


def test_the_version_is_read_from_changes_still_in_the_wal(tmp_path: Path) -> None:
    """Another program has the project open and its last change is not yet in the file itself."""
    path = tmp_path / "open-elsewhere.lobcoder"
    ProjectStore.create(path).close()
    elsewhere = sqlite3.connect(path)
    try:
        elsewhere.execute("PRAGMA wal_autocheckpoint = 0")
        elsewhere.execute("UPDATE alembic_version SET version_num = '0042'")
        elsewhere.commit()
        with pytest.raises(ProjectTooNewError, match="schema 0042"):
            ProjectStore.open(path)
    finally:
        elsewhere.close()


def test_only_normalised_text_is_stored_and_documents_get_a_guid(store: ProjectStore) -> None:
    with pytest.raises(ValueError, match="not normalised"):
        with store.transaction() as session:
            add_document(session, "Docent 2", "I: vraag\r\n")
    with store.transaction() as session:
        ref = add_document(session, "Docent 2", "I: vraag\n")
    with store.read() as session:
        document = session.get(Document, ref.id)
        assert document is not None
        assert document.text == "I: vraag\n"
        assert len(document.guid) == 36


def test_reading_does_not_wait_for_an_action_in_flight(store: ProjectStore) -> None:
    """An analysis reading in a worker must not block on, or block, a coding being stored."""
    import threading
    import time

    with store.transaction() as session:
        add_document(session, "Eerste", "Tekst één.")
    holding, release = threading.Event(), threading.Event()

    def slow_action() -> None:
        with store.transaction() as session:
            add_document(session, "Tweede", "Tekst twee.")
            holding.set()
            release.wait(10)

    writer = threading.Thread(target=slow_action)
    writer.start()
    try:
        assert holding.wait(10)
        started = time.monotonic()
        with store.read() as session:
            assert project_info(session).documents == 1  # the action in flight is not visible yet
        assert time.monotonic() - started < 2  # a write lock would have kept it waiting 5 s, then failed
    finally:
        release.set()
        writer.join()
    with store.read() as session:
        assert project_info(session).documents == 2


def test_two_actions_still_take_turns(store: ProjectStore) -> None:
    """Actions begin IMMEDIATE: a second one waits for the first instead of failing half-way."""
    import threading

    order: list[str] = []
    first_in = threading.Event()

    def first() -> None:
        with store.transaction() as session:
            add_document(session, "Een", "Tekst een.")
            first_in.set()
            threading.Event().wait(0.3)
            order.append("first")

    thread = threading.Thread(target=first)
    thread.start()
    assert first_in.wait(10)
    with store.transaction() as session:
        add_document(session, "Twee", "Tekst twee.")  # its first statement waits for the lock
        order.append("second")
    thread.join()
    assert order == ["first", "second"]
