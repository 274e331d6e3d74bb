"""A complete copy of a project from any database (a file or a server) into a new project file, row by row.

A project file is copied faster and more faithfully with SQLite's online
backup (``storage/backups.py``); this copy is for a project on a database
server, which has no file to back up. The new file gets its schema from the
same migrations, then every table's rows (``Base.metadata`` in dependency
order, and the search index ``document_fts``) are copied through SQLAlchemy
in one transaction of the new file, from one read of the source: on a server
a ``REPEATABLE READ`` transaction, so the copy shows the project as it was at
one moment while others go on writing. Values pass through the column types
(a server's ``boolean`` and ``bytea`` become what a project file stores), so
the copy opens, searches and restores like any project file.

The file appears under its name only when complete; a cancelled or failed
copy leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, LargeBinary, Select, Table, delete, func, select, text
from sqlalchemy.orm import Session

from lobcoder.errors import Cancelled
from lobcoder.storage.bulk import insert_rows
from lobcoder.storage.dialect import dialect_name
from lobcoder.storage.models import Base, Document, ProjectSetting, SearchPiece
from lobcoder.storage.project import _READ_ONLY, ProjectStore, remove_project_file

ProgressCallback = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]

BATCH = 5_000
TEXT_BATCH = 20  # rows of documents (whole transcripts) and blobs held in memory at a time
_INDEX = "document_fts"


@contextmanager
def _snapshot(store: ProjectStore) -> Iterator[Connection]:
    """One read transaction of ``store`` that sees a single moment of the project."""
    options: dict[str, Any] = {_READ_ONLY: True}
    if dialect_name(store.engine) != "sqlite":
        options["isolation_level"] = "REPEATABLE READ"  # READ COMMITTED would let each table see a later moment
    with store.engine.connect().execution_options(**options) as connection:
        try:
            yield connection
        finally:
            connection.rollback()


def _rows(table: Table) -> Select[Any]:
    """What of ``table`` is copied: every row, but for search pieces of no document.

    Those are staged by an import still running (:mod:`staged_pieces`); in the
    copy they would only wait to be cleaned up.
    """
    query = select(*table.columns)
    if table.name == SearchPiece.__tablename__:
        query = query.where(table.c.document_id.is_not(None))
    return query


# The index rows of the pieces copied (rowid is the piece's id).
_INDEXED = f"FROM {_INDEX} AS f JOIN search_pieces AS p ON p.id = f.rowid WHERE p.document_id IS NOT NULL"


def _tables() -> list[Table]:
    return [table for table in Base.metadata.sorted_tables if table.name != _INDEX]


def copy_project(
    source: ProjectStore,
    target: str | Path,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> Path:
    """Write the whole of ``source`` to the new project file ``target``; returns ``target``.

    ``progress(done, total, "")`` counts rows copied.

    Raises:
        ProjectExistsError: ``target`` exists.
        Cancelled: ``cancelled()`` turned true; no file was left.
    """
    target = Path(target)
    copy = ProjectStore.create(target)
    try:
        with _snapshot(source) as reading, copy.transaction() as writing:
            _fill(reading, writing, progress, cancelled)
    except BaseException:
        copy.close()
        remove_project_file(target)
        raise
    copy.close()
    return target


def _fill(
    reading: Connection, writing: Session, progress: ProgressCallback | None, cancelled: CancelCheck | None
) -> None:
    tables = _tables()
    sizes = {t.name: reading.scalar(select(func.count()).select_from(_rows(t).subquery())) or 0 for t in tables}
    sizes[_INDEX] = reading.execute(text(f"SELECT count(*) {_INDEXED}")).scalar_one()
    total, done = sum(sizes.values()), 0

    def step(rows: int) -> None:
        nonlocal done
        if cancelled is not None and cancelled():
            raise Cancelled("copy cancelled")
        done += rows
        if progress is not None:
            progress(done, total, "")

    step(0)
    writing.connection().exec_driver_sql("PRAGMA defer_foreign_keys = ON")  # rows of a table in any order
    writing.execute(delete(ProjectSetting))  # the source's name and dates come with its rows
    for table in tables:
        if sizes[table.name]:
            _copy_table(reading, writing, table, step)
    _copy_index(reading, writing, step)


def _copy_table(reading: Connection, writing: Session, table: Table, step: Callable[[int], None]) -> None:
    columns = [column.name for column in table.columns]
    bulky = table.name == Document.__tablename__ or any(isinstance(c.type, LargeBinary) for c in table.columns)
    batch = TEXT_BATCH if bulky else BATCH  # whole transcripts, NLP caches and models: a few rows at a time
    result = reading.execution_options(yield_per=batch).execute(_rows(table).order_by(*table.primary_key.columns))
    for rows in result.partitions():
        insert_rows(writing, table, columns, rows, batch=batch)
        step(len(rows))


def _copy_index(reading: Connection, writing: Session, step: Callable[[int], None]) -> None:
    # Not a mapped table (an FTS5 table in a file, a plain one on a server: storage/fulltext.py); same columns.
    result = reading.execution_options(yield_per=BATCH).execute(
        text(f"SELECT f.rowid, f.folded {_INDEXED} ORDER BY f.rowid")
    )
    for rows in result.partitions():
        writing.connection().exec_driver_sql(
            f"INSERT INTO {_INDEX} (rowid, folded) VALUES (?, ?)", [tuple(row) for row in rows]
        )
        step(len(rows))
