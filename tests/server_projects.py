"""Projects on the PostgreSQL test server (docs/POSTGRESQL.md): made once per run, emptied per test.

The database named by ``LOBCODER_TEST_POSTGRES_URL`` gets its schema from the
project's own migrations the first time a test asks for it (its ``public``
schema dropped first: never point the variable at a database you care
about); after that each test starts from every table emptied and the
identities reset, which takes milliseconds where migrating takes seconds.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, make_url, text
from sqlalchemy.pool import NullPool

from lobcoder.storage.project import ProjectStore

SERVER_URL = os.environ.get("LOBCODER_TEST_POSTGRES_URL")

_migrated: set[str] = set()


def drop_everything(url: str) -> None:
    """An empty ``public`` schema: the next opening migrates from nothing.

    Only in a database whose name says it is for tests (``lobtest``...): a URL
    pointing elsewhere by mistake stops the run instead of losing a project.
    """
    database = make_url(url).database or ""
    if "test" not in database.lower():
        raise RuntimeError(f"refusing to empty database {database!r}: its name must contain 'test'")
    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    _migrated.discard(url)


def _empty_tables(url: str) -> None:
    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as connection:
        tables = connection.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'alembic_version'")
        ).scalars()
        names = ", ".join(f'"{name}"' for name in tables)
        if names:
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    engine.dispose()


@contextmanager
def emptied_server_project(url: str) -> Iterator[ProjectStore]:
    """The server project with no documents, codes or settings but its name, as a new project file."""
    from lobcoder.storage.server import open_server_project

    if url not in _migrated:
        drop_everything(url)
        _migrated.add(url)
    else:
        _empty_tables(url)
    project = open_server_project(url, name="project")
    try:
        yield project
    finally:
        project.close()


def reopened(store: ProjectStore) -> ProjectStore:
    """The same project opened anew (after ``store.close()``): its file, or its server database."""
    if store.engine.dialect.name == "sqlite":
        return ProjectStore.open(store.path)
    from lobcoder.storage.server import open_server_project

    return open_server_project(store.engine.url.render_as_string(hide_password=False))
