"""Rotating backups before large actions: consistent, checked, the newest N kept, hidden beside the project."""

from __future__ import annotations

import contextlib
import io
import sqlite3
from pathlib import Path

from lobcoder.__main__ import main
from lobcoder.services.codes import create_code, list_codes
from lobcoder.storage.backups import FOLDER, back_up, backups_of
from lobcoder.storage.project import ProjectStore


def _project(path: Path, *codes: str) -> Path:
    with ProjectStore.create(path) as store, store.transaction() as session:
        for name in codes:
            create_code(session, name)
    return path


def test_backups_rotate_and_open_as_projects(tmp_path: Path) -> None:
    project = _project(tmp_path / "studie.lobcoder", "Werkdruk")
    with ProjectStore.open(project) as store:
        made = [back_up(store, "test", keep=3) for _ in range(5)]
        with store.transaction() as session:
            create_code(session, "Later")
    assert all(made)
    kept = backups_of(project)
    assert kept == made[2:]  # the newest three
    assert {p.name for p in tmp_path.iterdir()} == {"studie.lobcoder", FOLDER}
    with ProjectStore.open(kept[-1]) as backup, backup.read() as session:
        assert [c.name for c in list_codes(session)] == ["Werkdruk"]  # the state before the action


def test_codebook_import_backs_up_first(tmp_path: Path) -> None:
    project = _project(tmp_path / "studie.lobcoder", "Werkdruk")
    _project(tmp_path / "ander.lobcoder", "Loopbaan")
    codebook = tmp_path / "codes.qdc"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["codebook", "export", str(tmp_path / "ander.lobcoder"), "--out", str(codebook)]) == 0
        assert main(["codebook", "import", str(project), str(codebook)]) == 0
    (backup,) = backups_of(project)
    assert "codebook-import" in backup.name
    connection = sqlite3.connect(backup)
    assert [n for (n,) in connection.execute("SELECT name FROM codes")] == ["Werkdruk"]
    connection.close()


def test_rotation_leaves_another_projects_backups_alone(tmp_path: Path) -> None:
    first = _project(tmp_path / "studie.lobcoder")
    second = _project(tmp_path / "studie.v2.lobcoder")
    with ProjectStore.open(second) as store:
        theirs = back_up(store, "test")
    with ProjectStore.open(first) as store:
        for _ in range(3):
            back_up(store, "test", keep=1)
    assert len(backups_of(first)) == 1
    assert backups_of(second) == [theirs]
