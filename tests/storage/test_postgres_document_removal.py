"""Removing a document from a project on PostgreSQL: a project-file backup in the user's data folder first.

Runs only when ``LOBCODER_TEST_POSTGRES_URL`` names an empty database to use
(docs/POSTGRESQL.md); its ``public`` schema is dropped before and after.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from lobcoder.errors import Cancelled
from lobcoder.search.fulltext import search
from lobcoder.services.document_removal import remove_documents
from lobcoder.services.documents import list_documents
from lobcoder.storage.backups import BEFORE_REMOVE, KEEP_PER_EVENT, list_backups_in
from lobcoder.storage.project import ProjectStore
from lobcoder.storage.store_backups import SERVER_BACKUPS, backup_store, server_backup_folder
from tests.services.test_document_removal import dump, fill
from tests.storage.test_project_copy import add_blobs, contents

POSTGRES_URL = os.environ.get("LOBCODER_TEST_POSTGRES_URL")


def _empty(url: str) -> None:
    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ProjectStore]:
    if not POSTGRES_URL:
        pytest.skip("set LOBCODER_TEST_POSTGRES_URL to an empty PostgreSQL database to run (docs/POSTGRESQL.md)")
    from lobcoder.storage.server import open_server_project

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # the user's data folder
    _empty(POSTGRES_URL)
    store = open_server_project(POSTGRES_URL, "Interviews")
    fill(store, tmp_path)
    add_blobs(store)
    yield store
    store.close()
    _empty(POSTGRES_URL)


def test_removal_on_a_server_keeps_a_project_file_backup_in_the_users_data_folder(
    server: ProjectStore, tmp_path: Path
) -> None:
    with server.read() as session:
        before = dump(session)
    whole = contents(server)

    removal = remove_documents(server, ["verkeerd"])

    folder = server_backup_folder(server)
    assert folder.parent == tmp_path / "data" / "lobcoder" / SERVER_BACKUPS
    [backup] = list_backups_in(folder)
    assert backup.reason == BEFORE_REMOVE and backup.path == removal.backup
    with server.read() as session:
        assert [d.name for d in list_documents(session)] == ["Student01", "Student02"]
        assert not search(session, "aardappelen").hits
        assert dump(session) == [row for row in before if row[0] != "Verkeerd"]
    with ProjectStore.open(backup.path) as kept:
        assert contents(kept) == whole  # every row, booleans, dates and the search index as on the server
        with kept.read() as session:
            assert dump(session) == before
            assert [h.document_name for h in search(session, "aardappelen").hits] == ["Verkeerd"]
    assert backup.counts() == (3, 6)


def test_cancelling_the_server_backup_removes_nothing_and_leaves_no_file(server: ProjectStore) -> None:
    seen: list[int] = []
    with pytest.raises(Cancelled):
        remove_documents(server, ["Verkeerd"], progress=lambda d, _t, _l: seen.append(d), cancelled=lambda: bool(seen))
    with server.read() as session:
        assert len(list_documents(session)) == 3
    folder = server_backup_folder(server)
    assert list_backups_in(folder) == [] and not list(folder.iterdir())


def test_a_cancel_at_the_end_of_the_server_backup_rotates_no_older_backup_out(server: ProjectStore) -> None:
    base = datetime(2026, 1, 1, 10, 0, tzinfo=UTC)
    for minute in range(KEEP_PER_EVENT):
        assert backup_store(server, BEFORE_REMOVE, base + timedelta(minutes=minute)).backup is not None
    folder = server_backup_folder(server)
    before = list_backups_in(folder)
    copied: list[bool] = []

    def to_the_end(done: int, total: int, _label: str) -> None:
        copied.append(done == total)

    with pytest.raises(Cancelled):  # Cancel pressed while the progress bar is full
        remove_documents(
            server, ["Verkeerd"], base + timedelta(hours=1), to_the_end, lambda: bool(copied and copied[-1])
        )
    assert copied[-1]
    with server.read() as session:
        assert len(list_documents(session)) == 3
    assert list_backups_in(folder) == before and len(before) == KEEP_PER_EVENT
