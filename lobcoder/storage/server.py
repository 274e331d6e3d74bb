"""A project in a server database (PostgreSQL), for the portability check only: not yet a feature.

The schema is made by the same Alembic migrations as a project file's;
:class:`~lobcoder.storage.project.ProjectStore` then runs the same services on
it. Like a project file it has one writer at a time: every write transaction
first takes one transaction-level advisory lock (waiting at most as long as
SQLite's busy timeout), so an action's checks (a code name not yet taken) hold
until it commits, as under SQLite's ``BEGIN IMMEDIATE``; reads take no lock and
see one snapshot (``REPEATABLE READ``), as a read of a project file in WAL mode does.
What a server project still lacks (backups, staging before the lock, its own
error wording) is listed in docs/POSTGRESQL.md.
"""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, make_url, text
from sqlalchemy.pool import NullPool

from lobcoder import __version__
from lobcoder.errors import LobcoderError
from lobcoder.storage.models import ProjectSetting
from lobcoder.storage.project import _READ_ONLY, APPLICATION_ID, ProjectStore, _upgrade

WAIT_FOR_WRITER = "5s"  # as SQLite's busy timeout (storage/project.py)


def _begin(conn: Any) -> None:
    if conn.get_execution_options().get(_READ_ONLY):
        # One snapshot for the whole read, as a read in a project file (WAL) has: under PostgreSQL's
        # default READ COMMITTED each statement would see what committed meanwhile, so a list of
        # documents and their codings read one after the other could disagree. Never waits.
        conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        return
    # One writer at a time, as in a project file; the lock ends with the transaction. Writes stay
    # READ COMMITTED: each statement after the lock sees every earlier action's commit.
    conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{WAIT_FOR_WRITER}'")
    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({APPLICATION_ID})")


class UnorderedDatabase(LobcoderError):
    """the database sorts text by a language's rules; create it with the C collation (LOCALE 'C.UTF-8')"""


def open_server_project(url: str, name: str = "server project") -> ProjectStore:
    """Open the project in the (possibly empty) database at ``url``, creating its schema when missing.

    Raises:
        UnorderedDatabase: the database does not sort text by code point, as a project file does.

    The store's ``path`` only names the database in messages (and puts any
    spool file of a long import in the system's temporary folder).
    """
    parsed = make_url(url)
    engine = create_engine(parsed, poolclass=NullPool)
    with engine.connect() as connection:
        # Lists are ordered by name in SQL; a project file orders by code point ("Bram" before "anna").
        if not connection.execute(text("SELECT 'Bram' < 'anna' AND 'z' < 'é'")).scalar_one():
            engine.dispose()
            raise UnorderedDatabase(f"{parsed.database}: {UnorderedDatabase.__doc__}")
    event.listen(engine, "begin", _begin)
    _upgrade(engine)
    store = ProjectStore(Path(tempfile.gettempdir(), f"{parsed.database or 'server'}.server"), engine)
    with store.transaction() as session:
        if session.get(ProjectSetting, "name") is None:
            now = datetime.now(UTC).isoformat(timespec="seconds")
            session.add_all(
                [
                    ProjectSetting(key="name", value=name),
                    ProjectSetting(key="created_at", value=now),
                    ProjectSetting(key="created_by_version", value=__version__),
                ]
            )
    return store
