"""Schema migrations: an old project opens, is backed up, and keeps every row."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select

from lobcoder.errors import Clash
from lobcoder.search.fulltext import search
from lobcoder.services.documents import get_document, project_info
from lobcoder.storage.backups import BEFORE_MIGRATION, list_backups
from lobcoder.storage.coverage import covered_characters
from lobcoder.storage.models import Base, Code, Coding, Document, Memo
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


def test_a_project_with_two_top_level_codes_of_one_name_opens_with_the_later_one_renamed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before 0010 nothing in the database kept top-level names apart; such a project still opens, nothing lost."""
    path = tmp_path / "twice.lobcoder"
    with monkeypatch.context() as patch:
        patch.setattr("lobcoder.storage.project.SCHEMA_HEAD", "0009")
        ProjectStore.create(path).close()
    raw = sqlite3.connect(path)
    raw.execute(
        "INSERT INTO documents (name, guid, text, length, original_filename, original_format, content_hash, imported_at) "
        "VALUES ('D', 'g-d', 'Keuze zorg', 10, '', '', 'h', '2026-01-01')"
    )
    for code_id, name, parent in [(1, "Keuze", None), (2, "Keuze", None), (3, "Keuze (2)", None), (4, "Keuze", 1)]:
        raw.execute(
            "INSERT INTO codes (id, parent_id, position, name, color, description, guid) "
            "VALUES (?, ?, 0, ?, '#7f7f7f', '', ?)",
            (code_id, parent, name, f"g-{code_id}"),
        )
    raw.execute(
        "INSERT INTO codings (document_id, code_id, start, end, guid, created_at) VALUES (1, 2, 0, 5, 'c', '2026-01-01')"
    )
    raw.commit()
    raw.close()

    with ProjectStore.open(path) as store, store.read() as session:
        names = dict(session.execute(select(Code.id, Code.name)).all())
        memos = session.execute(select(Memo.code_id, Memo.text)).all()
        coded = session.execute(select(Coding.code_id, Coding.start, Coding.end)).all()
    assert names == {1: "Keuze", 2: "Keuze (3)", 3: "Keuze (2)", 4: "Keuze"}  # the oldest keeps it; sub-codes untouched
    assert coded == [(2, 0, 5)]
    [(code_id, memo)] = memos
    assert code_id == 2
    assert "was called “Keuze”" in memo and "renamed it to “Keuze (3)”" in memo
    assert "hernoemde hem naar “Keuze (3)”" in memo
    [backup] = list_backups(path)
    assert backup.reason == BEFORE_MIGRATION


def test_a_second_top_level_code_of_one_name_is_refused_by_the_database(store: ProjectStore) -> None:
    with pytest.raises(Clash) as raised, store.transaction() as session:
        session.add_all([Code(name="Keuze"), Code(name="Keuze")])
    assert raised.value.rule == "unique"
    assert str(raised.value).startswith("there is already a code named 'Keuze' at this level of the codebook")
    with store.transaction() as session:  # the same name under different parents, and at the top once, is fine
        top = Code(name="Keuze")
        session.add(top)
        session.flush()
        session.add_all([Code(name="Keuze", parent_id=top.id), Code(name="Zorg")])
