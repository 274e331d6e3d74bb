"""Create and open project files: one SQLite file per project.

A project file is an SQLite database whose ``application_id`` is
``APPLICATION_ID`` and whose schema is at an Alembic revision we know. Opening
an older project first backs it up (:mod:`lobcoder.storage.backups`), then migrates it in one
transaction. Every user action runs in :meth:`ProjectStore.transaction`, which
commits whole or rolls back whole.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from lobcoder import __version__
from lobcoder.errors import (
    LobcoderError,
    NotAProjectError,
    ProjectError,
    ProjectExistsError,
    ProjectTooNewError,
    StorageProblem,
)
from lobcoder.i18n.said import say
from lobcoder.storage.backups import BEFORE_MIGRATION, create_backup
from lobcoder.storage.coverage import keep_coverage
from lobcoder.storage.dialect import dialect_name
from lobcoder.storage.failures import explain, naming
from lobcoder.storage.leftovers import clean_leftovers, partial_path
from lobcoder.storage.lengths import keep_lengths
from lobcoder.storage.models import ProjectSetting
from lobcoder.storage.staged_pieces import remove_stale, stale_stagings

log = logging.getLogger(__name__)

EXTENSION = ".lobcoder"
APPLICATION_ID = 0x4C4F4243  # "LOBC"
SCHEMA_HEAD = "0010"
_SQLITE_MAGIC = b"SQLite format 3\x00"


def _configure_connection(dbapi_connection: sqlite3.Connection, record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin,
    # so SAVEPOINTs and transactional DDL behave (SQLAlchemy's SQLite recipe).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA busy_timeout = 5000")  # a lock held by another writer is waited for briefly
    if not record.info.get("read_only"):
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()


_READ_ONLY = "lobcoder_read_only"
_BEFORE_LOCK = "lobcoder_before_lock"


def _begin(conn: Any) -> None:
    # An action takes the write lock up front, so two writers never deadlock
    # half-way; a read begins deferred and, in WAL mode, never waits for a writer.
    options = conn.get_execution_options()
    if (before_lock := options.get(_BEFORE_LOCK)) is not None:
        before_lock(conn.connection.driver_connection)
    conn.exec_driver_sql("BEGIN" if options.get(_READ_ONLY) else "BEGIN IMMEDIATE")


def _make_engine(path: Path, read_only: bool = False) -> Engine:
    if read_only:
        # In a folder nobody may write in, SQLite cannot create the WAL index
        # (-shm); "immutable" reads the file without it (safe: nobody can write).
        uri = _read_only_uri(path, immutable=not os.access(path.parent, os.W_OK))
        engine = create_engine(
            "sqlite://", poolclass=NullPool, creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False)
        )
        event.listen(engine, "connect", lambda _conn, record: record.info.update(read_only=True), insert=True)
    else:
        # No statement cache: a cached statement keeps its last parameters, so
        # the copy of a 100 MB text bound to an INSERT would stay in memory
        # until the connection closes. (Connections live for one session anyway.)
        engine = create_engine(f"sqlite:///{path}", poolclass=NullPool, connect_args={"cached_statements": 0})
    event.listen(engine, "connect", _configure_connection)
    event.listen(engine, "begin", _begin)
    return engine


def _read_only_uri(path: Path, immutable: bool) -> str:
    return path.resolve().as_uri() + "?mode=ro" + ("&immutable=1" if immutable else "")


def _migrations_config(connection: Any) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(resources.files("lobcoder.storage") / "migrations"))
    config.attributes["connection"] = connection
    return config


def known_revisions() -> set[str]:
    """Every schema revision whose migration is installed (possibly newer than ``SCHEMA_HEAD``)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_migrations_config(None))
    return {rev.revision for rev in script.walk_revisions()}


def older_revisions() -> set[str]:
    """The schema revisions this lobcoder migrates to ``SCHEMA_HEAD``: its ancestors, never a later one.

    A migration file newer than ``SCHEMA_HEAD`` may be installed (an upgrade
    installed under a running lobcoder); a project at that revision is still
    too new for the code that runs.
    """
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_migrations_config(None))
    return {rev.revision for rev in script.iterate_revisions(SCHEMA_HEAD, "base")} - {SCHEMA_HEAD}


def _upgrade(engine: Engine, target: str | None = None) -> None:
    # To the schema this code was written for, not to the newest migration file on disk: files
    # that change under a running lobcoder (an upgrade installed meanwhile, a checkout switched
    # during a test run) must not give projects a schema the running code does not expect, and
    # every later opening a "before migration" backup.
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(_migrations_config(connection), target or SCHEMA_HEAD)


def remove_sidecars(path: str | Path) -> None:
    """Delete SQLite's ``-wal`` and ``-shm`` files beside a closed project, if any."""
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def remove_project_file(path: str | Path) -> None:
    """Delete a closed (partial) project file and its sidecars: an old WAL must never meet a new file."""
    Path(path).unlink(missing_ok=True)
    remove_sidecars(path)


class NotOnServer(LobcoderError):
    """What a project file can do and a project on a database server cannot do yet (``storage/server.py``)."""


class ProjectStore:
    """An open project file. Thread-safe: each transaction gets its own connection."""

    def __init__(self, path: Path, engine: Engine, read_only: bool = False) -> None:
        self.path = path
        self.engine = engine
        self.read_only = read_only
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        keep_coverage(self._sessions)
        keep_lengths(self._sessions)

    # -- lifecycle ---------------------------------------------------------

    @classmethod
    def create(cls, path: str | Path, name: str | None = None) -> ProjectStore:
        """Create a new, empty project file; refuse to touch an existing file."""
        path = Path(path)
        if path.exists():
            raise ProjectExistsError(path, say("problem.project.exists"))
        if not path.parent.is_dir():
            raise ProjectError(path, say("problem.project.no_folder", folder=path.parent))
        clean_leftovers(path)
        partial = partial_path(path, "creating")
        remove_project_file(partial)
        engine = _make_engine(partial)
        try:
            with engine.begin() as connection:
                connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            _upgrade(engine)
            store = cls(partial, engine)
            with store.transaction() as session:
                now = datetime.now(UTC).isoformat(timespec="seconds")
                session.add_all(
                    [
                        ProjectSetting(key="name", value=name or path.stem),
                        ProjectSetting(key="created_at", value=now),
                        ProjectSetting(key="created_by_version", value=__version__),
                    ]
                )
            engine.dispose()  # the last connection to close checkpoints the WAL
        except Exception as exc:
            engine.dispose()
            remove_project_file(partial)
            problem = naming(exc, path)
            if problem is exc:
                raise
            raise problem from exc
        # Only a complete project ever appears under the chosen name.
        remove_sidecars(partial)
        partial.rename(path)
        return cls.open(path)

    @classmethod
    def open(cls, path: str | Path, read_only: bool | None = None) -> ProjectStore:
        """Open a project, migrating an older schema after backing it up.

        ``read_only`` None: read-only exactly when the file or its folder cannot be written.
        """
        path = Path(path)
        header = _check_is_project(path)
        if read_only is None:
            read_only = not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))
        engine = _make_engine(path, read_only)
        try:
            revision = _current_revision(path, header)
            if revision != SCHEMA_HEAD:
                if revision is None:
                    raise NotAProjectError(path, say("problem.project.no_schema"))
                if revision not in older_revisions():
                    # Saved by a newer lobcoder: refused before anything is written (no backup, no migration).
                    raise ProjectTooNewError(path, revision, SCHEMA_HEAD)
                if read_only:
                    raise StorageProblem(
                        path,
                        StorageProblem.READ_ONLY,
                        say("problem.project.old_read_only"),
                    )
                saved = create_backup(path, BEFORE_MIGRATION)
                if saved.backup is None:
                    raise ProjectError(path, say("problem.project.no_backup", reason=saved.problem))
                _upgrade(engine)
        except Exception as exc:
            engine.dispose()
            problem = explain(exc, path)
            if problem is None or problem is exc:
                raise
            raise problem from exc
        clean_leftovers(path)
        store = cls(path, engine, read_only)
        if not read_only:
            store._remove_stale_pieces()
        return store

    def close(self) -> None:
        self.engine.dispose()

    def _remove_stale_pieces(self) -> None:
        # A killed import's staged search-index pieces (storage/staged_pieces.py): a read finds
        # whether there are any, one transaction removes them (the pieces of an import still
        # running are no reason to wait for its lock). A lock held elsewhere only defers it.
        try:
            with self.read() as session:
                if not stale_stagings(session):
                    return
            with self.transaction() as session:
                remove_stale(session)
        except StorageProblem as exc:
            log.warning("staged search-index pieces left for later: %s", exc)

    def backup_to(self, target: str | Path) -> None:
        """Write a consistent copy of the whole project file to ``target`` (while it stays open)."""
        self._file_only("a copy")
        _backup(self.engine, Path(target))

    def compact(self) -> None:
        """Rewrite the file without free pages, so that deleted text cannot be read back from it."""
        self._file_only("compacting")
        connection = self.engine.raw_connection()
        try:
            connection.driver_connection.execute("VACUUM")  # type: ignore[union-attr]
        finally:
            connection.close()

    def _file_only(self, what: str) -> None:
        if dialect_name(self.engine) != "sqlite":
            raise NotOnServer(f"{what} of a project on a database server is not supported yet (docs/POSTGRESQL.md)")

    def __enter__(self) -> ProjectStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions ------------------------------------------------------

    @contextmanager
    def transaction(self, before_lock: Callable[[sqlite3.Connection], None] | None = None) -> Iterator[Session]:
        """One user action: commits when the block ends, rolls back on any error.

        ``before_lock`` runs on the transaction's own database connection
        before the write lock is taken; it may fill TEMP tables (which lock
        nothing in the project) for the action to copy from in one statement
        (see ``storage/staging.py``). A server database (``storage/server.py``)
        never runs it: what would be staged is stored in the transaction.

        Raises:
            StorageProblem: the project is read-only, the disk is full, the
                file is damaged or another program holds the lock; nothing was
                changed.
        """
        self.require_writable()
        with self._translated():
            with self._sessions.begin() as session:
                if before_lock is not None:
                    session.connection(execution_options={_BEFORE_LOCK: before_lock})
                yield session

    def require_writable(self) -> None:
        """Raise what :meth:`transaction` would for a read-only project, before work that precedes it.

        Raises:
            StorageProblem: the project is read-only.
        """
        if self.read_only:
            raise StorageProblem(self.path, StorageProblem.READ_ONLY, say("problem.read_only"))

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except (DBAPIError, sqlite3.Error) as exc:
            problem = explain(exc, self.path)
            if problem is None:
                raise
            raise problem from exc

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session (rolled back at the end)."""
        session = self._sessions()
        try:
            with self._translated():
                session.connection(execution_options={_READ_ONLY: True}).exec_driver_sql("SELECT 1")
                yield session
        finally:
            session.rollback()
            session.close()


def _check_is_project(path: Path) -> bytes:
    """The file's SQLite header, once it is known to be a lobcoder project's."""
    if not path.exists():
        raise ProjectError(path, say("problem.no_such_file"))
    if path.is_dir():
        raise NotAProjectError(path, say("problem.project.is_folder"))
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise ProjectError(path, say("problem.cannot_read", reason=exc.strerror or exc)) from exc
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
        raise NotAProjectError(path, say("problem.project.not_sqlite"))
    application_id = int.from_bytes(header[68:72], "big")
    if application_id != APPLICATION_ID:
        raise NotAProjectError(path, say("problem.project.other_sqlite"))
    return header


def _current_revision(path: Path, header: bytes) -> str | None:
    """The project's schema revision, read without writing anything to the file or beside it.

    Read before deciding to migrate or refuse, so a project saved by a newer
    lobcoder is refused untouched: a writable connection would switch a
    rollback-journal file to WAL (``_configure_connection``) and check-point a
    WAL when it closes. A read-only connection to a WAL file creates ``-wal``
    and ``-shm`` files it cannot remove again; with no ``-wal`` beside the file
    no connection has it open and the file holds every committed change, so it
    is read as immutable (without them). A deferred read: it never waits for,
    or blocks, a writer.
    """
    in_wal_mode = header[18] == 2  # the file format's write version: 2 is WAL
    immutable = not os.access(path.parent, os.W_OK) or (in_wal_mode and not Path(f"{path}-wal").exists())
    connection = sqlite3.connect(_read_only_uri(path, immutable), uri=True, timeout=5)
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            raise NotAProjectError(path, say("problem.project.no_schema")) from exc
        raise
    finally:
        connection.close()
    return row[0] if row else None


def _backup(engine: Engine, target: Path) -> None:
    """Consistent copy of the database (SQLite online backup)."""
    with engine.connect() as connection:
        source = connection.connection.driver_connection
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)  # type: ignore[union-attr]
        finally:
            destination.close()
        connection.rollback()
