"""Rotating backups with SQLite's online backup API, restoring them, and cloud-folder detection."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from lobcoder.errors import ProjectError
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document
from lobcoder.storage.backups import (
    BEFORE_MERGE,
    BEFORE_RESTORE,
    DAILY,
    DAMAGED,
    KEEP_DAILY,
    KEEP_PER_EVENT,
    backup_folder,
    create_backup,
    daily_backup,
    list_backups,
    restore_in_place,
    restore_to_new_file,
)
from lobcoder.storage.project import ProjectStore

T0 = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
TEXT = "I: Hoe gaat het?\nAnna: Docenten leren samen 😀 van elkaar.\n"


def project_with(path: Path, documents: int) -> Path:
    with ProjectStore.create(path) as store, store.transaction() as session:
        code = create_code(session, "Samen leren")
        for number in range(documents):
            document = add_document(session, f"Anna_{number}", TEXT)
            add_coding(session, document.id, code.id, TEXT.index("Docenten"), TEXT.index(" van"))
    return path


def rows(path: Path) -> dict[str, list[tuple]]:
    connection = sqlite3.connect(path)
    try:
        tables = ["documents", "codes", "codings", "speaker_turns", "project_settings"]
        return {t: connection.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}
    finally:
        connection.close()


def add_document_now(path: Path, name: str) -> None:
    with ProjectStore.open(path) as store, store.transaction() as session:
        add_document(session, name, TEXT)


def test_daily_backup_is_made_when_the_newest_is_older_than_a_day(tmp_path: Path) -> None:
    project = project_with(tmp_path / "p.lobcoder", 2)
    first = daily_backup(project, now=T0)
    assert first is not None and first.backup is not None
    assert first.backup.path.parent == backup_folder(project) == tmp_path / ".p.lobcoder.backups"
    assert first.backup.path.name == "2026-03-02_093000_daily.lobcoder"
    assert first.backup.counts() == (2, 2)
    assert daily_backup(project, now=T0 + timedelta(hours=23)) is None  # not due yet
    second = daily_backup(project, now=T0 + timedelta(hours=24, minutes=1))
    assert second is not None and second.backup is not None
    assert [b.reason for b in list_backups(project)] == [DAILY, DAILY]


def test_rotation_keeps_the_newest_of_each_reason(tmp_path: Path) -> None:
    project = project_with(tmp_path / "p.lobcoder", 1)
    for day in range(KEEP_DAILY + 3):
        create_backup(project, DAILY, now=T0 + timedelta(days=day))
    for hour in range(KEEP_PER_EVENT + 2):
        result = create_backup(project, BEFORE_MERGE, now=T0 + timedelta(hours=hour))
    assert [p.name for p in result.removed] == [
        "2026-03-02_103000_before-merge.lobcoder"
    ]  # hour 0 went one call earlier
    backups = list_backups(project)
    daily = [b.created for b in backups if b.reason == DAILY]
    merges = [b.created for b in backups if b.reason == BEFORE_MERGE]
    assert daily == [T0 + timedelta(days=d) for d in reversed(range(3, KEEP_DAILY + 3))]
    assert merges == [T0 + timedelta(hours=h) for h in reversed(range(2, KEEP_PER_EVENT + 2))]


def test_two_backups_in_the_same_second_both_stay(tmp_path: Path) -> None:
    project = project_with(tmp_path / "p.lobcoder", 1)
    create_backup(project, BEFORE_MERGE, now=T0)
    create_backup(project, BEFORE_MERGE, now=T0)
    assert len(list_backups(project)) == 2


def test_a_damaged_project_never_rotates_good_backups_out(tmp_path: Path) -> None:
    project = project_with(tmp_path / "p.lobcoder", 3)
    for day in range(KEEP_DAILY):
        assert create_backup(project, DAILY, now=T0 + timedelta(days=day)).backup is not None
    before = sorted(p.name for p in backup_folder(project).iterdir())
    # Damage a page in the middle of the file: the header still says SQLite.
    data = bytearray(project.read_bytes())
    page = 4096
    data[3 * page : 3 * page + 200] = b"\xff" * 200
    project.write_bytes(bytes(data))
    result = create_backup(project, DAILY, now=T0 + timedelta(days=30))
    assert result.backup is None and result.removed == ()
    assert "failed its integrity check" in str(result.problem)
    assert "doorstond de integriteitscontrole niet" in result.problem.text("nl")  # type: ignore[union-attr]
    assert sorted(p.name for p in backup_folder(project).iterdir()) == before


def test_a_file_where_the_backup_folder_belongs_gives_a_problem_not_an_exception(tmp_path: Path) -> None:
    project = project_with(tmp_path / "p.lobcoder", 1)
    backup_folder(project).write_text("not a folder", encoding="utf-8")
    result = create_backup(project, DAILY, now=T0)
    assert result.backup is None
    assert str(result.problem).startswith(f"{backup_folder(project)}: could not write a backup (")


def test_restore_to_a_new_file_gives_back_the_same_rows(tmp_path: Path) -> None:
    project = project_with(tmp_path / "p.lobcoder", 3)
    original = rows(project)
    backup = create_backup(project, BEFORE_MERGE).backup
    assert backup is not None
    add_document_now(project, "later")
    restored = restore_to_new_file(backup.path, tmp_path / "back.lobcoder")
    assert rows(restored) == original
    with pytest.raises(ProjectError, match="already exists"):
        restore_to_new_file(backup.path, restored)
    with ProjectStore.open(restored) as store, store.read():
        pass  # a project lobcoder opens


def test_restore_in_place_backs_up_the_current_state_first(tmp_path: Path) -> None:
    project = project_with(tmp_path / "p.lobcoder", 2)
    original = rows(project)
    backup = create_backup(project, DAILY, now=T0).backup
    assert backup is not None
    add_document_now(project, "later")
    changed = rows(project)
    saved = restore_in_place(backup.path, project, now=T0 + timedelta(days=1))
    assert rows(project) == original
    assert saved.backup is not None and saved.backup.reason == BEFORE_RESTORE
    assert rows(saved.backup.path) == changed  # the state we left can be restored in turn
    with ProjectStore.open(project) as store, store.transaction() as session:
        add_document(session, "after restore", TEXT)  # the restored project is writable and sound


def test_restore_over_a_damaged_project_keeps_a_raw_copy(tmp_path: Path) -> None:
    project = project_with(tmp_path / "p.lobcoder", 2)
    original = rows(project)
    backup = create_backup(project, DAILY, now=T0).backup
    assert backup is not None
    damaged = bytearray(project.read_bytes())
    damaged[3 * 4096 : 3 * 4096 + 200] = b"\xff" * 200
    project.write_bytes(bytes(damaged))
    saved = restore_in_place(backup.path, project, now=T0 + timedelta(days=1))
    assert saved.backup is not None and saved.backup.reason == DAMAGED
    assert saved.backup.path.read_bytes() == bytes(damaged)
    assert rows(project) == original


def test_a_damaged_backup_is_refused_and_the_project_untouched(tmp_path: Path) -> None:
    project = project_with(tmp_path / "p.lobcoder", 2)
    original = rows(project)
    bad = tmp_path / "bad.lobcoder"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    with pytest.raises(ProjectError, match="bad.lobcoder"):
        restore_in_place(bad, project)
    assert rows(project) == original and list_backups(project) == []


def test_backups_leave_nothing_visible_beside_the_project(tmp_path: Path) -> None:
    project = project_with(tmp_path / "p.lobcoder", 1)
    backup = create_backup(project, DAILY).backup
    assert backup is not None and backup.counts() == (1, 1)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".p.lobcoder.backups", "p.lobcoder"]
    assert [p.name for p in backup_folder(project).iterdir()] == [backup.path.name]  # one file, no -wal


def test_rotation_leaves_another_projects_backups_alone(tmp_path: Path) -> None:
    first = project_with(tmp_path / "studie.lobcoder", 1)
    second = project_with(tmp_path / "studie.v2.lobcoder", 1)
    theirs = create_backup(second, BEFORE_MERGE, now=T0).backup
    for hour in range(KEEP_PER_EVENT + 2):
        create_backup(first, BEFORE_MERGE, now=T0 + timedelta(hours=hour))
    assert len(list_backups(first)) == KEEP_PER_EVENT
    assert list_backups(second) == [theirs]


def test_a_backup_killed_half_way_leaves_no_copy_behind_once_the_next_one_is_made(tmp_path: Path) -> None:
    project = project_with(tmp_path / "p.lobcoder", 1)
    create_backup(project, DAILY, now=T0)
    folder = backup_folder(project)
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = int(ended.stdout)  # a process that ran and is gone, as one killed during its backup
    left = [folder / f".{dead}.partial", folder / f".{dead}.partial-journal"]
    for path in left:
        path.write_bytes(b"SQLite format 3\x00 half a copy")
    running = folder / f".{os.getppid()}.partial"  # another lobcoder still making its backup
    running.write_bytes(b"SQLite format 3\x00 being written")

    result = create_backup(project, BEFORE_MERGE, now=T0 + timedelta(hours=1))

    assert result.backup is not None
    assert not any(path.exists() for path in left)
    assert running.exists()
    assert sorted(b.reason for b in list_backups(project)) == sorted([DAILY, BEFORE_MERGE])
