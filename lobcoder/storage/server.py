"""A project in a server database (PostgreSQL), for the portability check only: not yet a feature.

The schema is made by the same Alembic migrations as a project file's;
:class:`~lobcoder.storage.project.ProjectStore` then runs the same services on
it. What a server project still lacks (locking, backups, staging before the
lock) is listed in docs/POSTGRESQL.md.
"""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, make_url
from sqlalchemy.pool import NullPool

from lobcoder import __version__
from lobcoder.storage.models import ProjectSetting
from lobcoder.storage.project import ProjectStore, _upgrade


def open_server_project(url: str, name: str = "server project") -> ProjectStore:
    """Open the project in the (possibly empty) database at ``url``, creating its schema when missing.

    The store's ``path`` only names the database in messages (and puts any
    spool file of a long import in the system's temporary folder).
    """
    parsed = make_url(url)
    engine = create_engine(parsed, poolclass=NullPool)
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
