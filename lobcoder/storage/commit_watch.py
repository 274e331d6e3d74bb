"""Whether another connection committed to the project between a moment before the write lock and the lock.

Work that only reads the project (a backup) can run before a transaction
takes the write lock, so the lock is held briefly and other windows can
write meanwhile; the transaction then asks whether anyone did. SQLite's
``PRAGMA data_version`` on one connection changes exactly when another
connection has committed since it was last read (readers, backups and
ordinary checkpoints leave it alone; a ``wal_checkpoint(TRUNCATE)`` from
another connection changes it too, which errs on the safe side: the work is
done again under the lock).
"""

from __future__ import annotations

import sqlite3

from sqlalchemy.orm import Session


class CommitWatch:
    """Started on a transaction's connection before its lock (``before_lock``), asked under the lock."""

    def __init__(self) -> None:
        self._version: int | None = None

    def start(self, connection: sqlite3.Connection) -> None:
        """Note the project's version as this connection sees it (call before the write lock)."""
        self._version = int(connection.execute("PRAGMA data_version").fetchone()[0])

    def changed(self, session: Session) -> bool:
        """True if another connection committed since :meth:`start`, or if it was never started.

        A server database never runs ``before_lock`` (``ProjectStore.transaction``), so there the answer is
        always True and nothing SQLite-specific is asked.
        """
        if self._version is None:
            return True
        now = session.connection().exec_driver_sql("PRAGMA data_version").scalar_one()
        return int(now) != self._version
