"""Schema migrations: an old project opens, is backed up, and keeps every row."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select

from lobcoder.search.fulltext import search
from lobcoder.services.documents import get_document, project_info
from lobcoder.storage.backups import BEFORE_MIGRATION, list_backups
from lobcoder.storage.coverage import covered_characters
from lobcoder.storage.models import Base, Coding, Document
from lobcoder.storage.project import SCHEMA_HEAD, ProjectStore, known_revisions

FROZEN = Path(__file__).parent / "data" / "project_schema_0001.lobcoder"


def test_schema_head_constant_matches_the_newest_migration() -> None:
    assert SCHEMA_HEAD in known_revisions()
    assert max(known_revisions()) == SCHEMA_HEAD


def test_migrations_build_exactly_the_orm_schema(store: ProjectStore) -> None:
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection)
        diff = compare_metadata(context, Base.metadata)
        connection.rollback()
    # The FTS5 index is created by migration 0002 and is not an ORM table.
    diff = [d for d in diff if not (d[0] == "remove_table" and d[1].name.startswith("document_fts"))]
    assert diff == []


def test_first_schema_project_is_migrated_with_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.lobcoder"
    shutil.copyfile(FROZEN, path)
    with ProjectStore.open(path) as store, store.read() as session:
        view = get_document(session, "Docent01_w1")
        assert view.text[view.turns[0].start : view.turns[0].end] == "Hoe gaat de coördinatie van LOB? 😀"
        assert [t.speaker for t in view.turns] == ["I", "Anna"]
        assert view.turns[0].is_interviewer
        coding = session.query(Coding).one()
        assert view.text[coding.start : coding.end] == "Eén keer per maand overleggen we"
        assert project_info(session).codes == 1
        # Migration 0002 indexed the old text: accents folded.
        hits = search(session, "coordinatie").hits
        assert [(h.document_name, h.hit) for h in hits] == [("Docent01_w1", "coördinatie")]
        version = session.connection().exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        assert version == SCHEMA_HEAD
    [backup] = list_backups(path)
    assert backup.reason == BEFORE_MIGRATION
    old = sqlite3.connect(backup.path)
    assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    old.close()


def test_frozen_file_itself_is_never_modified() -> None:
    connection = sqlite3.connect(f"file:{FROZEN}?mode=ro", uri=True)
    assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    connection.close()


def test_migration_stores_the_length_and_coded_characters_of_existing_documents(tmp_path: Path) -> None:
    path = tmp_path / "old.lobcoder"
    shutil.copyfile(FROZEN, path)
    with ProjectStore.open(path) as store, store.read() as session:
        rows = session.execute(select(Document.id, Document.text, Document.length, Document.covered)).all()
        measured = covered_characters(session)
    assert rows and all(length == len(text) > 0 for _id, text, length, _covered in rows)
    assert {row_id: covered for row_id, _text, _length, covered in rows if covered} == measured
    assert sum(measured.values()) == len("Eén keer per maand overleggen we")


def test_a_running_lobcoder_migrates_to_its_own_schema_not_to_newer_files_on_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The code in memory is one schema behind the migration files on disk, as when an update is
    # installed (or a checkout switched) while lobcoder runs: projects it creates and opens stay at
    # the schema it expects, so no opening is mistaken for a migration and backed up.
    older = sorted(known_revisions())[-2]
    monkeypatch.setattr("lobcoder.storage.project.SCHEMA_HEAD", older)
    path = tmp_path / "p.lobcoder"
    ProjectStore.create(path).close()
    with ProjectStore.open(path) as store, store.read() as session:
        version = session.connection().exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    assert version == older
    assert list_backups(path) == []
