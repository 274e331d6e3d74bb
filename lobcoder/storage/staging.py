"""Speaker turns and long texts staged in TEMP tables before the write lock, copied under it.

A transcript with 400,000 turns takes seconds to insert row by row; under the
write lock that is seconds in which another window's action waits. The rows
go first into a TEMP table on the transaction's own connection (a TEMP table
belongs to that connection alone and locks nothing in the project), and the
action copies them with one ``INSERT ... SELECT`` inside SQLite. A killed
import leaves nothing: TEMP tables end with their connection.

A long text is staged the same way (:class:`StagedText`), written into a
TEMP row a megabyte at a time, so that the importer's own copy of it can go
before SQLite makes the two it needs to store it (the value and the row).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from itertools import islice
from typing import Protocol

from sqlalchemy import text
from sqlalchemy.orm import Session

from lobcoder.storage.dialect import dialect_name


class Turn(Protocol):
    """What is stored of a speaker turn (``importing.extracted.Turn`` has it)."""

    @property
    def speaker(self) -> str | None: ...
    @property
    def label_start(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def timestamp_ms(self) -> int | None: ...


_BATCH = 10_000
_TABLE = "temp.lobcoder_staged_turns"


class StagedTurns:
    """Turns to store, staged by :meth:`stage` (pass it to ``ProjectStore.transaction(before_lock=...)``)."""

    def __init__(self, turns: Sequence[Turn]) -> None:
        self.turns = turns
        self.speakers = tuple(dict.fromkeys(t.speaker for t in turns if t.speaker is not None))
        self.staged = False

    def stage(self, connection: sqlite3.Connection) -> None:
        """Write the turns into this connection's TEMP table (no lock on the project)."""
        connection.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {_TABLE.removeprefix('temp.')} "
            '(speaker TEXT, label_start INTEGER, start INTEGER, "end" INTEGER, timestamp_ms INTEGER)'
        )
        connection.execute("BEGIN")  # deferred: it writes to TEMP only
        try:
            connection.execute(f"DELETE FROM {_TABLE}")
            rows: Iterable[tuple[str | None, int, int, int, int | None]] = (
                (t.speaker, t.label_start, t.start, t.end, t.timestamp_ms) for t in self.turns
            )
            while batch := list(islice(rows, _BATCH)):
                connection.executemany(
                    f'INSERT INTO {_TABLE} (speaker, label_start, start, "end", timestamp_ms) VALUES (?, ?, ?, ?, ?)',
                    batch,
                )
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        self.staged = True
        self.turns = ()  # in the TEMP table now: memory is left for storing the text

    def copy(self, session: Session, document_id: int) -> int:
        """Insert the staged turns for ``document_id`` (speakers must exist); the number copied."""
        result = session.execute(
            text(
                'INSERT INTO speaker_turns (document_id, speaker_id, label_start, start, "end", timestamp_ms) '
                f'SELECT :document, s.id, t.label_start, t.start, t."end", t.timestamp_ms FROM {_TABLE} AS t '
                "LEFT JOIN speakers AS s ON s.name = t.speaker ORDER BY t.rowid"
            ),
            {"document": document_id},
        )
        session.execute(text(f"DELETE FROM {_TABLE}"))
        return result.rowcount  # type: ignore[attr-defined]


_TEXT_TABLE = "lobcoder_staged_text"
_TEXT_PIECE = 1 << 20


class StagedText:
    """A long text (UTF-8) staged by :meth:`stage` and stored by :meth:`store` under the lock."""

    def __init__(self, utf8: bytearray) -> None:
        self.utf8 = utf8
        self.staged = False

    def stage(self, connection: sqlite3.Connection) -> None:
        """Write the text into this connection's TEMP table and let go of the importer's buffer."""
        connection.execute(f"CREATE TEMP TABLE IF NOT EXISTS {_TEXT_TABLE} (data BLOB)")
        connection.execute("BEGIN")  # deferred: it writes to TEMP only
        try:
            connection.execute(f"DELETE FROM temp.{_TEXT_TABLE}")
            connection.execute(
                f"INSERT INTO temp.{_TEXT_TABLE} (rowid, data) VALUES (1, zeroblob(?))", (len(self.utf8),)
            )
            with connection.blobopen(_TEXT_TABLE, "data", 1, name="temp") as blob:
                view = memoryview(self.utf8)
                for start in range(0, len(view), _TEXT_PIECE):
                    blob.write(view[start : start + _TEXT_PIECE])
                view.release()
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        self.utf8.clear()  # the caller's buffer too: the TEMP row is the copy now
        self.staged = True

    def store(self, session: Session, table: str, column: str, row_id: int) -> None:
        """Set ``table.column`` of row ``row_id`` to the staged text (as TEXT)."""
        session.execute(
            text(
                f'UPDATE "{table}" SET "{column}" = CAST((SELECT data FROM temp.{_TEXT_TABLE} WHERE rowid = 1) AS TEXT) '
                "WHERE id = :id"
            ),
            {"id": row_id},
        )
        session.execute(text(f"DELETE FROM temp.{_TEXT_TABLE}"))


def is_staged(session: Session, staged: StagedTurns | StagedText) -> bool:
    """Whether ``staged`` waits in its TEMP table to be copied; if not, the caller stores it directly.

    A server database never stages (``ProjectStore.transaction`` runs no
    ``before_lock`` there). On SQLite an unstaged one is a programming error:
    its ``stage`` was not passed as the transaction's ``before_lock``.
    """
    if not staged.staged and dialect_name(session) == "sqlite":
        raise RuntimeError("nothing was staged: pass stage as the transaction's before_lock")
    return staged.staged


def stage_all(*steps: Callable[[sqlite3.Connection], None]) -> Callable[[sqlite3.Connection], None]:
    """One ``before_lock`` that runs ``steps`` in turn."""

    def stage(connection: sqlite3.Connection) -> None:
        for step in steps:
            step(connection)

    return stage
