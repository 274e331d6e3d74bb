"""Many rows into one table at driver speed: plain tuples, one ``executemany`` per batch.

SQLAlchemy's Core and ORM inserts process every row in Python (about 15 µs a
row); a transcript with 500,000 turns would hold the write lock for many
seconds. The statement is built with the dialect's own quoting and parameter
style, so it is not tied to SQLite.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from typing import Any

from sqlalchemy import Insert, Table, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from lobcoder.storage.dialect import dialect_name

BATCH = 10_000
ROOMY_CACHE_KIB = -32_768  # 32 MB (negative: KiB) of page cache while rows go in; SQLite's default is 2 MB

_PLACEHOLDERS = {"qmark": "?", "format": "%s", "pyformat": "%s"}


def insert_rows(
    session: Session,
    table: Table,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    batch: int = BATCH,
    bound: bool = False,
) -> int:
    """Insert ``rows`` (values in the order of ``columns``) into ``table``; the number inserted.

    Values are Python values of the columns' types: those a type converts for
    the driver (a ``DateTime`` is text in SQLite) are converted as SQLAlchemy
    would, unless ``bound`` says :func:`bound_rows` converted them already
    (before a write lock, say). Memory holds one batch of rows at a time.
    """
    connection = session.connection()
    dialect = connection.dialect
    if not bound:
        rows = bound_rows(session, table, columns, rows)
    quote = dialect.identifier_preparer.quote
    if dialect.paramstyle == "numeric":
        marks = ", ".join(f":{i + 1}" for i in range(len(columns)))
    else:
        marks = ", ".join([_PLACEHOLDERS[dialect.paramstyle]] * len(columns))
    statement = f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) VALUES ({marks})"
    stored = 0
    iterator = iter(rows)
    with _roomy_cache(session):
        while chunk := [tuple(row) for row in islice(iterator, batch)]:
            connection.exec_driver_sql(statement, chunk)
            stored += len(chunk)
    return stored


def bound_rows(
    session: Session, table: Table, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> Iterable[Sequence[Any]]:
    """``rows`` with each value converted for the session's driver as :func:`insert_rows` would convert it.

    Lazy when nothing needs converting; ``list()`` it to convert up front.
    """
    dialect = session.connection().dialect
    processors = [table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in columns]
    converted = [(i, convert) for i, convert in enumerate(processors) if convert is not None]
    return (_bound(row, converted) for row in rows) if converted else rows


def _bound(row: Sequence[Any], converted: Sequence[tuple[int, Callable[[Any], Any]]]) -> list[Any]:
    values = list(row)
    for i, convert in converted:
        if values[i] is not None:
            values[i] = convert(values[i])
    return values


@contextmanager
def _roomy_cache(session: Session) -> Iterator[None]:
    """SQLite: a larger page cache while rows go in (their indexes' pages stay in memory; twice as fast).

    The project's connection lives for one transaction, but the old size is put back all the same.
    """
    if dialect_name(session) != "sqlite":
        yield
        return
    connection = session.connection()
    old = connection.exec_driver_sql("PRAGMA cache_size").scalar_one()
    connection.exec_driver_sql(f"PRAGMA cache_size = {ROOMY_CACHE_KIB}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(old)}")


def utf8(text: str, piece: int = 1 << 20) -> bytearray:
    """``text`` encoded as UTF-8, a piece at a time (no second copy of a long text)."""
    out = bytearray()
    for start in range(0, len(text), piece):
        out += text[start : start + piece].encode("utf-8")
    return out


def store_long_text(session: Session, table: Table, column: str, row_id: int, data: bytes | bytearray) -> None:
    """Set ``table.column`` of row ``row_id`` to the UTF-8 text ``data``.

    Bound as bytes and cast to TEXT in SQLite: binding a Python ``str``
    makes Python keep a UTF-8 copy inside the string object for as long as it
    lives, a second copy of a transcript that may be 100 MB.
    """
    connection = session.connection()
    quote = connection.dialect.identifier_preparer.quote
    connection.execute(
        text(f"UPDATE {quote(table.name)} SET {quote(column)} = {_text_from_utf8(session, ':data')} WHERE id = :id"),
        {"data": data, "id": row_id},
    )


def _text_from_utf8(session: Session, blob: str) -> str:
    """SQL that reads the UTF-8 bytes ``blob`` (an SQL expression) as text.

    PostgreSQL's ``CAST(bytea AS TEXT)`` would give the bytes' hex escape, not the text.
    """
    if dialect_name(session) == "postgresql":
        return f"convert_from({blob}, 'UTF8')"
    return f"CAST({blob} AS TEXT)"


def insert_ignoring_duplicates(session: Session, table: Any) -> Insert:
    """``INSERT`` into ``table`` (a mapped class or Table) that skips a row whose key is already there.

    ``ON CONFLICT DO NOTHING``, as the session's database spells it (SQLite and PostgreSQL).
    """
    if dialect_name(session) == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing()
    return sqlite.insert(table).on_conflict_do_nothing()
