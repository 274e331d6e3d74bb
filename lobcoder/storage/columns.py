"""Integer columns of a whole table as numpy arrays, read in one pass.

Analyses hold codings as columns (see ``analysis/dataset.py``). Fetching
200,000 rows as Python tuples costs most of a co-occurrence matrix's time:
the driver makes a tuple and six int objects per row. On SQLite each column
is instead aggregated into one comma-separated string in C
(``group_concat``) and parsed by numpy in C. All aggregates of one query see
the rows in the same order, so row ``i`` of every column is the same row.
Other databases (PostgreSQL to come) take the portable path: the driver's
rows through ``itertools`` into numpy.
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy.orm import Session

from lobcoder.storage.dialect import dialect_name

IntArray = npt.NDArray[np.int64]


def integer_columns(session: Session, table: str, expressions: Sequence[str]) -> list[IntArray]:
    """One int64 array per SQL expression over every row of ``table``, rows in the same order: by ``id``.

    ``table`` and ``expressions`` are SQL text written by the caller (never user
    input); each expression must give a non-NULL integer (use ``coalesce``).
    ``table`` must have an integer primary key ``id`` (on SQLite the rowid, the
    order its table is scanned in). Reads on the session's connection, inside its
    transaction.
    """
    cursor = session.connection().connection.cursor()
    try:
        if dialect_name(session) == "sqlite":
            return concatenated_columns(cursor, table, expressions)
        return fetched_columns(cursor, table, expressions)
    finally:
        cursor.close()


def concatenated_columns(cursor: Any, table: str, expressions: Sequence[str]) -> list[IntArray]:
    """SQLite: each column as one ``group_concat`` string, parsed by numpy."""
    aggregates = ", ".join(f"group_concat({expression}, ',')" for expression in expressions)
    count, *texts = cursor.execute(f"SELECT count(*), {aggregates} FROM {table}").fetchone()
    columns = [_parse(text) for text in texts]
    if any(len(column) != count for column in columns):  # group_concat skips NULLs: rows would not line up
        raise ValueError(f"a column of {table} held NULL or a value that is not an integer")
    return columns


def fetched_columns(cursor: Any, table: str, expressions: Sequence[str]) -> list[IntArray]:
    """Any DB-API database: the driver's rows, flattened into numpy.

    Ordered by ``id``: PostgreSQL returns an unordered table in its heap's
    order, which an edited row leaves (docs/POSTGRESQL.md).
    """
    rows = cursor.execute(f"SELECT {', '.join(expressions)} FROM {table} ORDER BY id").fetchall()
    width = len(expressions)
    flat = np.fromiter(itertools.chain.from_iterable(rows), dtype=np.int64, count=width * len(rows))
    matrix = flat.reshape(-1, width)
    return [np.ascontiguousarray(matrix[:, i]) for i in range(width)]


def _parse(text: str | None) -> IntArray:
    if not text:  # group_concat over no rows is NULL
        return np.zeros(0, dtype=np.int64)
    with warnings.catch_warnings():  # numpy stops, with a warning, at what it cannot read: counted above
        warnings.simplefilter("ignore", DeprecationWarning)
        return np.fromstring(text, dtype=np.int64, sep=",")
