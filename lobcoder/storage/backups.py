"""Rotating automatic backups of a project, taken before actions that change much at once.

A backup is a consistent copy made with SQLite's online backup API (the
project stays open), written under a new name in the hidden folder
``.lobcoder-backups`` beside the project, then checked with ``PRAGMA
quick_check``: a copy of a damaged project is deleted at once, so it can never
push a good backup out of the rotation. Only the newest ``keep`` backups of a
project are kept. A folder that cannot be written gets no backup and no error:
the action itself decides whether it can run.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from lobcoder.storage.project import ProjectStore, remove_project_file

FOLDER = ".lobcoder-backups"
KEEP = 10


def backups_of(project: str | Path) -> list[Path]:
    """The backups of ``project``, oldest first."""
    project = Path(project)
    folder = project.parent / FOLDER
    if not folder.is_dir():
        return []
    own = re.compile(rf"^{re.escape(project.stem)}\.\d{{8}}T\d{{12}}Z\.[a-z-]+\.lobcoder$")
    return sorted(p for p in folder.iterdir() if own.match(p.name))


def _sound(path: Path) -> bool:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    except sqlite3.DatabaseError:
        return False
    finally:
        connection.close()


def back_up(store: ProjectStore, reason: str, keep: int = KEEP) -> Path | None:
    """Copy the open project before ``reason`` (e.g. "codebook-import"); the backup, or None if none could be made."""
    folder = store.path.parent / FOLDER
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{store.path.stem}.{stamp}.{reason}.lobcoder"
    try:
        folder.mkdir(exist_ok=True)
        store.backup_to(target)
    except (OSError, sqlite3.Error):
        remove_project_file(target)
        return None
    if not _sound(target):
        remove_project_file(target)
        return None
    for old in backups_of(store.path)[:-keep]:
        remove_project_file(old)
    return target
