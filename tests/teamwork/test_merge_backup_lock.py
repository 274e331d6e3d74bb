"""The backup before a merge is made without the write lock, so the window can write meanwhile, and is of the
state merged into."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from lobcoder.storage.backups import BEFORE_MERGE, KEEP_PER_EVENT, Backup, BackupResult, create_backup, list_backups
from lobcoder.storage.project import ProjectStore
from lobcoder.teamwork.merge import merge_other, preview_file
from lobcoder.teamwork.sample import choose_named
from tests.teamwork.helpers import build_project, code_as

RENAMED = "SELECT name FROM documents WHERE name LIKE 'Interview 4%'"


@pytest.fixture
def project(tmp_path: Path) -> ProjectStore:
    store = build_project(tmp_path / "main.lobcoder")
    yield store
    store.close()


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def _ilse_copy(project: ProjectStore, path: Path) -> Path:
    from lobcoder.teamwork.copy import prepare_copy

    with project.read() as session:
        chosen = choose_named(session, ["Interview 2"])
    prepare_copy(project, path, [c.document_id for c in chosen], blind=True)
    with ProjectStore.open(path) as copy:
        code_as(copy, "Ilse", "Interview 2", "Keuze", "de mentor hielp me kiezen")
    return path


def _rename_in_another_window(path: Path) -> None:
    window = sqlite3.connect(path, timeout=0)  # no waiting: a held write lock fails at once
    try:
        window.execute("BEGIN IMMEDIATE")
        window.execute("UPDATE documents SET name = 'Interview 4 (herzien)' WHERE name = 'Interview 4'")
        window.execute("COMMIT")
    finally:
        window.close()


def _merge_backups(project: ProjectStore) -> list[Path]:
    return [b.path for b in list_backups(project.path) if b.reason == BEFORE_MERGE]


def test_the_window_can_write_while_the_backup_is_made_and_the_backup_holds_that_write(
    project: ProjectStore, tmp_path: Path
) -> None:
    preview = preview_file(project, _ilse_copy(project, tmp_path / "ilse.lobcoder"))
    made: list[Path] = []
    replaced: list[Path | None] = []
    first_name: list[list[tuple[object, ...]]] = []

    def backup(replaces: Backup | None) -> BackupResult:
        replaced.append(replaces.path if replaces else None)
        if replaces is not None:
            first_name.append(_rows(replaces.path, RENAMED))  # before it is replaced
        result = create_backup(project.path, BEFORE_MERGE, replaces=replaces)
        assert result.backup is not None
        made.append(result.backup.path)
        if len(made) == 1:  # the window renames another interview as the first backup is finished, before the lock
            _rename_in_another_window(project.path)
        return result

    outcome = merge_other(project, preview.other, preview.plan.source, backup, preview.plan)

    assert not outcome.stale and outcome.command is not None
    # The write landed during the first backup, so it was made again under the lock, replacing the first: the one
    # before-merge backup left is the state merged into, with the new name and without Ilse's coding.
    assert len(made) == 2 and replaced == [None, made[0]]
    assert first_name == [[("Interview 4",)]]  # the first backup missed the write
    assert _merge_backups(project) == [made[-1]] and not made[0].exists()
    assert _rows(made[-1], RENAMED) == [("Interview 4 (herzien)",)]
    assert _rows(made[-1], "SELECT count(*) FROM codings") == [(4,)]
    assert _rows(project.path, RENAMED) == [("Interview 4 (herzien)",)]
    assert _rows(project.path, "SELECT count(*) FROM codings") == [(5,)]


def test_a_backup_made_again_under_the_lock_pushes_no_older_backup_out(project: ProjectStore, tmp_path: Path) -> None:
    older = [
        create_backup(project.path, BEFORE_MERGE, now=datetime(2026, 1, day, tzinfo=UTC)).backup
        for day in range(1, KEEP_PER_EVENT + 1)
    ]
    preview = preview_file(project, _ilse_copy(project, tmp_path / "ilse.lobcoder"))
    calls: list[int] = []

    def backup(replaces: Backup | None) -> BackupResult:
        result = create_backup(project.path, BEFORE_MERGE, replaces=replaces)
        calls.append(1)
        if len(calls) == 1:
            _rename_in_another_window(project.path)
        return result

    merge_other(project, preview.other, preview.plan.source, backup, preview.plan)

    kept = _merge_backups(project)
    # One merge, one backup: exactly the oldest is rotated out (before, the replaced backup took a second one along).
    assert len(calls) == 2 and len(kept) == KEEP_PER_EVENT
    assert kept[1:] == [b.path for b in reversed(older[1:]) if b is not None]


def test_a_merge_found_stale_under_the_lock_leaves_no_backup(project: ProjectStore, tmp_path: Path) -> None:
    preview = preview_file(project, _ilse_copy(project, tmp_path / "ilse.lobcoder"))
    made: list[Path] = []

    def backup(replaces: Backup | None) -> BackupResult:
        result = create_backup(project.path, BEFORE_MERGE, replaces=replaces)
        assert result.backup is not None
        made.append(result.backup.path)
        # Meanwhile the window settles the disagreement by adding Ilse's coding here: the plan shown is stale.
        code_as(project, "Ilse", "Interview 2", "Keuze", "de mentor hielp me kiezen")
        return result

    outcome = merge_other(project, preview.other, preview.plan.source, backup, preview.plan)

    assert outcome.stale and outcome.command is None and not outcome.plan.changes_anything
    assert len(made) == 1 and _merge_backups(project) == []  # made for a merge that did not happen: removed
    assert _rows(project.path, "SELECT count(*) FROM codings") == [(5,)]


def test_without_a_write_meanwhile_one_backup_is_made_of_the_state_merged_into(
    project: ProjectStore, tmp_path: Path
) -> None:
    preview = preview_file(project, _ilse_copy(project, tmp_path / "ilse.lobcoder"))
    made: list[Path] = []
    free: list[bool] = []

    def backup(_replaces: Backup | None) -> None:
        other = sqlite3.connect(project.path, timeout=0)
        try:  # nobody holds the write lock while the backup is made
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
            free.append(True)
        finally:
            other.close()
        result = create_backup(project.path, BEFORE_MERGE)
        assert result.backup is not None
        made.append(result.backup.path)

    outcome = merge_other(project, preview.other, preview.plan.source, backup, preview.plan)

    assert not outcome.stale and outcome.command is not None
    assert free == [True] and len(made) == 1
    assert _rows(made[0], "SELECT count(*) FROM codings") == [(4,)]
    assert _rows(project.path, "SELECT count(*) FROM codings") == [(5,)]


def test_a_watch_never_started_says_changed_without_asking_sqlite(project: ProjectStore) -> None:
    """A server database never runs before_lock: the plan and backup are then made under the lock, as before."""
    from lobcoder.storage.commit_watch import CommitWatch

    with project.transaction() as session:
        session.connection().exec_driver_sql("SELECT 1")
        assert CommitWatch().changed(session)
