"""Many rows into one table at driver speed: plain tuples, one ``executemany`` per batch.

SQLAlchemy's Core and ORM inserts process every row in Python (about 15 µs a
row); a transcript with 500,000 turns would hold the write lock for many
seconds. The statement is built with the dialect's own quoting and parameter
style, so it is not tied to SQLite.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import islice
from typing import Any

from sqlalchemy import Insert, Table, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from lobcoder.storage.dialect import dialect_name

BATCH = 10_000

_PLACEHOLDERS = {"qmark": "?", "format": "%s", "pyformat": "%s"}


def insert_rows(
    session: Session, table: Table, columns: Sequence[str], rows: Iterable[Sequence[Any]], batch: int = BATCH
) -> int:
    """Insert ``rows`` (values in the order of ``columns``) into ``table``; the number inserted.

    Memory holds one batch of rows at a time.
    """
    connection = session.connection()
    dialect = connection.dialect
    quote = dialect.identifier_preparer.quote
    if dialect.paramstyle == "numeric":
        marks = ", ".join(f":{i + 1}" for i in range(len(columns)))
    else:
        marks = ", ".join([_PLACEHOLDERS[dialect.paramstyle]] * len(columns))
    statement = f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) VALUES ({marks})"
    stored = 0
    iterator = iter(rows)
    while chunk := [tuple(row) for row in islice(iterator, batch)]:
        connection.exec_driver_sql(statement, chunk)
        stored += len(chunk)
    return stored


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
