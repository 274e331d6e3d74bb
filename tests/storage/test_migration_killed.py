"""A power cut during the migration of an old project: killed at any moment, it still opens with nothing lost.

The child process opens a schema-0009 project with many duplicate top-level
codes, so migration 0010 renames hundreds of codes and writes a memo for
each; it is killed with SIGKILL after seeded random delays spanning its
whole run (start-up, backup, migration, commit).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lobcoder.storage.backups import BEFORE_MIGRATION, list_backups
from lobcoder.storage.project import ProjectStore

REPO = Path(__file__).resolve().parents[2]
NAMES = 150
COPIES = 4  # each name four times at the top level: 450 codes to rename, each with a memo
CODINGS_PER_CODE = 20

OPEN = """
import sys
from lobcoder.storage.project import ProjectStore
ProjectStore.open(sys.argv[1]).close()
print("opened", flush=True)
"""


def _old_project(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as patch:
        patch.setattr("lobcoder.storage.project.SCHEMA_HEAD", "0009")
        ProjectStore.create(path).close()
    raw = sqlite3.connect(path)
    raw.execute(
        "INSERT INTO documents (name, guid, text, length, original_filename, original_format, content_hash, "
        "imported_at) VALUES ('D', 'g-d', ?, 4000, '', '', 'h', '2026-01-01')",
        ("Keuze zorg " * 400,),
    )
    codes = [(f"Code {n % NAMES}", f"g-{n}") for n in range(NAMES * COPIES)]
    raw.executemany(
        "INSERT INTO codes (parent_id, position, name, color, description, guid) VALUES (NULL, 0, ?, '#7f7f7f', '', ?)",
        codes,
    )
    rng = random.Random(7)
    raw.executemany(
        "INSERT INTO codings (document_id, code_id, start, end, guid, created_at) VALUES (1, ?, ?, ?, ?, '2026-01-01')",
        [
            (code_id, start, start + rng.randint(1, 50), f"c-{code_id}-{k}")
            for code_id in range(1, NAMES * COPIES + 1)
            for k, start in enumerate(rng.sample(range(3900), CODINGS_PER_CODE))
        ],
    )
    raw.commit()
    raw.close()


def _rows(path: Path) -> tuple[dict[int, str], list[tuple[int, int, int, str]], list[int]]:
    with ProjectStore.open(path) as store, store.read() as session:
        connection = session.connection()
        names = dict(connection.exec_driver_sql("SELECT id, name FROM codes").all())
        codings = [
            tuple(r) for r in connection.exec_driver_sql("SELECT code_id, start, end, guid FROM codings ORDER BY guid")
        ]
        memos = [r[0] for r in connection.exec_driver_sql("SELECT code_id FROM memos ORDER BY code_id")]
    return names, codings, memos


def test_a_migration_killed_at_any_moment_leaves_a_project_that_opens_with_nothing_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    template = tmp_path / "template.lobcoder"
    _old_project(template, monkeypatch)
    with sqlite3.connect(template) as raw:
        before_codings = sorted(
            raw.execute("SELECT code_id, start, end, guid FROM codings").fetchall(), key=lambda r: r[3]
        )
    env = {**os.environ, "PYTHONPATH": str(REPO)}

    # One whole run, to know how long it takes, and what every killed run must end as.
    whole = tmp_path / "whole" / "p.lobcoder"
    whole.parent.mkdir()
    shutil.copy(template, whole)
    began = time.monotonic()
    done = subprocess.run([sys.executable, "-c", OPEN, str(whole)], env=env, capture_output=True, text=True)
    took = time.monotonic() - began
    assert done.stdout == "opened\n", done.stderr
    expected = _rows(whole)
    assert len(expected[2]) == NAMES * (COPIES - 1)  # a memo per renamed code
    assert sorted(expected[1], key=lambda r: r[3]) == before_codings

    rng = random.Random(11)
    killed_during = 0
    for run in range(6):
        path = tmp_path / f"run{run}" / "p.lobcoder"
        path.parent.mkdir()
        shutil.copy(template, path)
        child = subprocess.Popen(
            [sys.executable, "-c", OPEN, str(path)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        time.sleep(rng.uniform(0.3 * took, took))
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate()
        killed_during += child.returncode == -signal.SIGKILL
        assert child.returncode in (0, -signal.SIGKILL), err

        # The next opening finishes (or redoes) the migration: every code, coding and exactly one memo per rename.
        assert _rows(path) == expected, f"run {run}"
        backups = [b for b in list_backups(path) if b.reason == BEFORE_MIGRATION]
        assert backups, f"run {run}: no backup before the migration"
        with sqlite3.connect(backups[0].path) as old:
            assert old.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0009",)
            assert (
                sorted(old.execute("SELECT code_id, start, end, guid FROM codings").fetchall(), key=lambda r: r[3])
                == before_codings
            )
    assert killed_during >= 2  # the kills did land while the child was at work (6 of 6 here; 3 after the backup)
