"""The backup made before an action that cannot be undone, for a project in a file or on a server.

A project file is backed up beside itself (``storage/backups.py``). A
project on a database server has no file beside which to keep one, and
``pg_dump`` is neither installed with lobcoder nor restorable by it; so its
backup is a complete copy written as a project file
(``storage/project_copy.py``) into the user's own data folder,
``server backups/HOST_PORT_DATABASE/`` under lobcoder's folder there
(``~/.local/share/lobcoder`` on Linux, ``~/Library/Application Support/lobcoder``
on macOS, ``%LOCALAPPDATA%\\lobcoder`` on Windows). It is named and rotated
as a file's backups are, and opens in lobcoder like any project file, so
what was removed can be read back or exported from it.
"""

from __future__ import annotations

import contextlib
import os
from datetime import datetime
from pathlib import Path

from platformdirs import user_data_path
from sqlalchemy.exc import SQLAlchemyError

from lobcoder.errors import Cancelled, LobcoderError
from lobcoder.i18n.said import say
from lobcoder.storage.backups import (
    BackupResult,
    CancelCheck,
    ProgressCallback,
    create_backup,
    free_backup_name,
    list_backups_in,
    rotate_backups,
)
from lobcoder.storage.dialect import dialect_name
from lobcoder.storage.leftovers import clean_stale_partials
from lobcoder.storage.project import ProjectStore, remove_project_file
from lobcoder.storage.project_copy import copy_project

SERVER_BACKUPS = "server backups"


def server_backup_folder(store: ProjectStore) -> Path:
    """Where the backups of the server project ``store`` go: one folder per server and database."""
    url = store.engine.url
    name = f"{url.host or 'localhost'}_{url.port or 'default'}_{url.database or 'server'}"
    safe = "".join(c if c.isalnum() or c in "._-" else "_" for c in name)
    return user_data_path("lobcoder", appauthor=False) / SERVER_BACKUPS / safe


def backup_store(
    store: ProjectStore,
    reason: str,
    now: datetime | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> BackupResult:
    """Back ``store`` up for ``reason`` and rotate that reason's oldest backups out, wherever the project lives.

    As :func:`~lobcoder.storage.backups.create_backup`: trouble gives a result
    with ``problem`` set and leaves the existing backups as they were.
    ``progress(done, total, "")`` counts pages (a file) or rows (a server).

    Raises:
        Cancelled: ``cancelled()`` turned true; no backup was added, none rotated out.
    """
    if dialect_name(store.engine) == "sqlite":
        return create_backup(store.path, reason, now, progress, cancelled)
    folder = server_backup_folder(store)
    partial = folder / f".{os.getpid()}.partial"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        clean_stale_partials(folder, "partial")  # a copy killed half-way
        target = free_backup_name(folder, now, reason)
        remove_project_file(partial)
        copy_project(store, partial, progress, cancelled)
        if cancelled is not None and cancelled():  # the last chance: past here the rotation removes old backups
            raise Cancelled("backup cancelled")
        partial.replace(target)
    except (OSError, SQLAlchemyError, LobcoderError) as exc:
        with contextlib.suppress(OSError):
            remove_project_file(partial)
        if isinstance(exc, Cancelled):
            raise
        reason_text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return BackupResult(None, say("problem.backup.cannot_write", folder=folder, reason=reason_text))
    created = next(b for b in list_backups_in(folder) if b.path == target)
    return BackupResult(created, None, rotate_backups(folder, reason))
