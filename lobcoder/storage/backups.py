"""Automatic rotating backups of a project file, and restoring one.

Backups are written with SQLite's online backup API (a consistent copy even
while the project is open) into a hidden folder beside the project,
``.NAME.lobcoder.backups/``, named ``YYYY-MM-DD_HHMMSS_REASON.lobcoder`` (UTC).
Beside the project, not in the user data folder, so that they move, sync and
get archived together with the project, and so that a researcher who looks
for them finds them next to her file. Each is a complete project that
lobcoder can open.

Kept: the last :data:`KEEP_DAILY` daily backups and the last
:data:`KEEP_PER_EVENT` of each other reason (before a migration, a merge, a
codebook import, a restore, removing documents; made by hand). A backup is only made from a
project that passes ``PRAGMA quick_check``: a damaged project never pushes
good backups out of the rotation; the problem is reported instead.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from lobcoder.errors import Cancelled, ProjectError, ProjectExistsError
from lobcoder.i18n.said import Said, say
from lobcoder.storage.leftovers import clean_stale_partials

DAILY = "daily"
MANUAL = "manual"
BEFORE_MIGRATION = "before-migration"
BEFORE_MERGE = "before-merge"
BEFORE_CODEBOOK_IMPORT = "before-codebook-import"
BEFORE_RESTORE = "before-restore"
BEFORE_REMOVE = "before-remove"  # before documents are removed from the project
DAMAGED = "damaged"  # a raw copy of a project that failed its check, made before a restore; never rotated

ProgressCallback = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]
_PAGES_PER_STEP = 1024  # a cancellable backup copies 4 MB (at 4 KB pages) between checks
_OPS_PER_CHECK = 100_000  # SQLite virtual-machine steps between cancel checks of the integrity check

KEEP_DAILY = 10
KEEP_PER_EVENT = 5
DAILY_INTERVAL = timedelta(hours=24)

_STAMP = "%Y-%m-%d_%H%M%S"
_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2}_\d{6})_([a-z0-9-]+?)(?:_\d+)?\.lobcoder$")


@dataclass(frozen=True)
class Backup:
    """One backup file: when and why it was made, its size and what it holds."""

    path: Path
    created: datetime
    reason: str
    size: int

    def counts(self) -> tuple[int, int] | None:
        """(documents, codings) in the backup, or None when it cannot be read."""
        try:
            connection = _connect(self.path)
        except sqlite3.Error:
            return None
        try:
            documents = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
            codings = connection.execute("SELECT count(*) FROM codings").fetchone()[0]
            return int(documents), int(codings)
        except sqlite3.Error:
            return None
        finally:
            connection.close()


@dataclass(frozen=True)
class BackupResult:
    """What :func:`create_backup` did: the new backup, or why none was made; the backups rotated out."""

    backup: Backup | None
    problem: Said | None = None  # str(problem) is English
    removed: tuple[Path, ...] = ()


def backup_folder(project: str | Path) -> Path:
    """The hidden folder beside ``project`` that holds its backups."""
    project = Path(project)
    return project.with_name(f".{project.name}.backups")


def list_backups(project: str | Path) -> list[Backup]:
    """The backups of ``project``, newest first."""
    return list_backups_in(backup_folder(project))


def list_backups_in(folder: Path) -> list[Backup]:
    """The backups in ``folder`` (a project's, or a server project's, ``storage/store_backups.py``), newest first."""
    found: list[tuple[Backup, int]] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        match = _NAME.match(entry.name)
        if not match:
            continue
        try:
            stat = entry.stat()
        except OSError:
            continue
        created = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)
        found.append((Backup(entry, created, match.group(2), stat.st_size), stat.st_mtime_ns))
    # Two backups in one second: the one written last is newer.
    found.sort(key=lambda pair: (pair[0].created, pair[1]), reverse=True)
    return [backup for backup, _mtime in found]


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now(UTC)).astimezone(UTC)


def _connect(path: Path) -> sqlite3.Connection:
    # Read-only when we may not write, and then never create the file; otherwise read-write even
    # though we only read: the last read-write connection to close removes the WAL sidecars of a
    # project in WAL mode, which a read-only connection would leave beside it.
    writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode={'rw' if writable else 'ro'}", uri=True)


def check_project(path: str | Path, cancelled: CancelCheck | None = None) -> str | None:
    """None when ``PRAGMA quick_check`` finds ``path`` sound, else the first problem it names.

    Raises:
        Cancelled: ``cancelled()`` turned true during the check.
    """
    try:
        connection = _connect(Path(path))
        try:
            if cancelled is not None:
                connection.set_progress_handler(lambda: int(cancelled()), _OPS_PER_CHECK)  # non-zero interrupts
            rows = connection.execute("PRAGMA quick_check").fetchall()
        finally:
            connection.close()
    except sqlite3.Error as exc:
        if cancelled is not None and cancelled():
            raise Cancelled("backup cancelled") from exc
        return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if rows and rows[0][0] == "ok":
        return None
    return str(rows[0][0]) if rows else "no answer from the integrity check"


def _copy_database(
    source: Path, target: Path, progress: ProgressCallback | None = None, cancelled: CancelCheck | None = None
) -> None:
    """Copy ``source`` into ``target`` with SQLite's online backup API (in steps when watched)."""

    def step(_status: int, remaining: int, total: int) -> None:
        if cancelled is not None and cancelled():
            raise Cancelled("backup cancelled")  # aborts the copy
        if progress is not None:
            progress(total - remaining, total, "")

    watched = progress is not None or cancelled is not None
    reader = _connect(source)
    try:
        writer = sqlite3.connect(target)
        try:
            # One read transaction for the whole copy: between steps no lock is held otherwise, and
            # SQLite restarts a backup each time another connection commits (a save in the analysis
            # window would reset the progress; steady saving would keep it from ending). Holding the
            # snapshot copies the project as it was here, while others (WAL) still commit meanwhile.
            reader.execute("BEGIN")
            reader.execute("SELECT count(*) FROM sqlite_master").fetchone()
            try:
                reader.backup(writer, pages=_PAGES_PER_STEP if watched else -1, progress=step if watched else None)
            finally:
                reader.rollback()
            # A backup is a single file (no -wal beside it); opening it as a project turns WAL on again.
            writer.execute("PRAGMA journal_mode = DELETE")
        finally:
            writer.close()
    finally:
        reader.close()


def free_backup_name(folder: Path, now: datetime | None, reason: str) -> Path:
    """A new backup's path in ``folder``: ``YYYY-MM-DD_HHMMSS_REASON.lobcoder`` (``_2``... when taken)."""
    return _free_name(folder, _now(now).strftime(_STAMP), reason)


def _free_name(folder: Path, stamp: str, reason: str) -> Path:
    candidate = folder / f"{stamp}_{reason}.lobcoder"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stamp}_{reason}_{number}.lobcoder"
        number += 1
    return candidate


def _rotate(project: Path, reason: str) -> tuple[Path, ...]:
    return rotate_backups(backup_folder(project), reason)


def rotate_backups(folder: Path, reason: str) -> tuple[Path, ...]:
    """Remove the oldest backups of ``reason`` in ``folder`` beyond those kept; the paths removed."""
    if reason == DAMAGED:
        return ()
    keep = KEEP_DAILY if reason == DAILY else KEEP_PER_EVENT
    same = [b for b in list_backups_in(folder) if b.reason == reason]
    removed = []
    for old in same[keep:]:
        try:
            old.path.unlink()
        except OSError:
            continue
        removed.append(old.path)
    return tuple(removed)


def create_backup(
    project: str | Path,
    reason: str,
    now: datetime | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    replaces: Backup | None = None,
) -> BackupResult:
    """Back up ``project`` (open or closed) for ``reason`` and rotate that reason's oldest backups out.

    ``replaces``: a backup of ``project`` that this one supersedes (made for
    the same action, of a state that action no longer starts from); it is
    removed once the new backup is in place and before the rotation, so it
    never pushes an older backup out. When no new backup can be made it stays.

    Never raises for trouble with files: a project that fails its integrity
    check, a folder that cannot be written or a full disk give a result with
    ``problem`` set, and the existing backups are left as they were.
    ``progress(done, total, "")`` counts database pages copied.

    Raises:
        Cancelled: ``cancelled()`` turned true; no backup was added, none rotated out.
    """
    project = Path(project)
    problem = check_project(project, cancelled)
    if problem is not None:
        return BackupResult(None, say("problem.backup.integrity", project=project, reason=problem))
    folder = backup_folder(project)
    partial = folder / f".{os.getpid()}.partial"
    try:
        folder.mkdir(exist_ok=True)
        clean_stale_partials(folder, "partial")  # a backup killed half-way (power cut) left its copy
        target = _free_name(folder, _now(now).strftime(_STAMP), reason)
        partial.unlink(missing_ok=True)
        _copy_database(project, partial, progress, cancelled)
        if cancelled is not None and cancelled():  # the last chance: past here the rotation removes old backups
            raise Cancelled("backup cancelled")
        partial.replace(target)
    except (OSError, sqlite3.Error, Cancelled) as exc:
        with contextlib.suppress(OSError):  # the folder may be a file, or gone
            partial.unlink(missing_ok=True)
        if isinstance(exc, Cancelled):
            raise
        return BackupResult(None, say("problem.backup.cannot_write", folder=folder, reason=str(exc).splitlines()[0]))
    if replaces is not None:
        discard_backup(project, replaces)
    created = next(b for b in list_backups(project) if b.path == target)
    return BackupResult(created, None, _rotate(project, reason))


def discard_backup(project: str | Path, backup: Backup) -> bool:
    """Remove ``backup`` of ``project``, made for an action that did not happen; True if it was removed.

    Only a file in ``project``'s backup folder is removed.
    """
    if backup.path.parent.resolve() != backup_folder(project).resolve() or not _NAME.match(backup.path.name):
        return False
    try:
        backup.path.unlink()
    except OSError:
        return False
    return True


def daily_backup_due(project: str | Path, now: datetime | None = None) -> bool:
    """True when the newest backup of ``project`` (of any reason) is older than a day, or there is none."""
    newest = list_backups(project)
    return not newest or _now(now) - newest[0].created >= DAILY_INTERVAL


def daily_backup(project: str | Path, now: datetime | None = None) -> BackupResult | None:
    """Make the daily backup when one is due (see :func:`daily_backup_due`); None when none was due."""
    if not daily_backup_due(project, now):
        return None
    return create_backup(project, DAILY, now)


def _check_backup(backup: Path) -> None:
    if not backup.is_file():
        raise ProjectError(backup, say("problem.backup.missing"))
    problem = check_project(backup)
    if problem is not None:
        raise ProjectError(backup, say("problem.backup.unsound", reason=problem))


def restore_to_new_file(backup: str | Path, target: str | Path) -> Path:
    """Write ``backup`` to the new project file ``target``; the open project is not touched."""
    backup, target = Path(backup), Path(target)
    _check_backup(backup)
    if target.exists():
        raise ProjectExistsError(target, say("problem.project.exists"))
    partial = target.with_name(f".{target.name}.{os.getpid()}.restoring")
    try:
        _copy_database(backup, partial)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def restore_in_place(backup: str | Path, project: str | Path, now: datetime | None = None) -> BackupResult:
    """Replace the (closed) ``project`` with ``backup``, after backing up its current state.

    A current state that fails its integrity check is kept as a raw copy
    (reason ``damaged``, never rotated out). Returns the result of that backup.
    """
    backup, project = Path(backup), Path(project)
    _check_backup(backup)
    saved = create_backup(project, BEFORE_RESTORE, now)
    if saved.backup is None:
        saved = BackupResult(_raw_copy(project, now), saved.problem)
    partial = project.with_name(f".{project.name}.{os.getpid()}.restoring")
    try:
        _copy_database(backup, partial)
        # The project is closed: its WAL belongs to the old file and must never meet the new one.
        for suffix in ("-wal", "-shm"):
            Path(f"{project}{suffix}").unlink(missing_ok=True)
        partial.replace(project)
    finally:
        partial.unlink(missing_ok=True)
    return saved


def _raw_copy(project: Path, now: datetime | None) -> Backup:
    """A byte copy of a project that fails its check (with its WAL), kept under reason ``damaged``."""
    folder = backup_folder(project)
    try:
        folder.mkdir(exist_ok=True)
        raw = _free_name(folder, _now(now).strftime(_STAMP), DAMAGED)
        shutil.copyfile(project, raw)
        for suffix in ("-wal", "-shm"):
            if Path(f"{project}{suffix}").exists():
                shutil.copyfile(f"{project}{suffix}", f"{raw}{suffix}")
    except OSError as exc:
        raise ProjectError(project, say("problem.backup.not_saved", reason=exc)) from exc
    return next(b for b in list_backups(project) if b.path == raw)
