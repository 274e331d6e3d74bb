"""Search-index pieces a killed import staged and never claimed: found cheaply and removed.

A text over a few megabytes has its search index staged before the import's
own transaction (``search/staged.py``): rows of ``search_pieces`` with no
document, marked ``staging = "PID:TOKEN"``, and their ``document_fts`` rows.
No search sees them, but a killed import leaves them taking disk. Opening a
project for writing removes those of processes that no longer run (or that
are older than a day), in one transaction, taken only when there are some
(another import's live pieces never make an opening wait for its lock); so
does every long import before it stages its own. Finding them is one look-up
in the index on ``document_id`` (NULL only for staged pieces), so a project
without any costs nothing to open. This lives in storage, below the search package, because
opening a project needs it; it is the one place outside ``search/`` that
writes ``document_fts`` rows.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from lobcoder.storage.dialect import dialect_name
from lobcoder.storage.leftovers import process_running

STALE_AFTER = timedelta(hours=24)

# Both use the index on document_id (tests/storage/test_staged_pieces.py checks the plan).
ANY_STAGED = text("SELECT 1 FROM search_pieces WHERE document_id IS NULL LIMIT 1")
_STAGINGS = text("SELECT staging, min(staged_at) FROM search_pieces WHERE document_id IS NULL GROUP BY staging")
_ONE_STAGING = "(staging = :staging OR (staging IS NULL AND :staging IS NULL)) AND document_id IS NULL"


def now() -> datetime:
    """The time stamp staged pieces carry (UTC, naive, as SQLAlchemy's DateTime stores it)."""
    return datetime.now(UTC).replace(tzinfo=None)


def _connection(target: Session | Connection) -> Connection:
    return target.connection() if isinstance(target, Session) else target


def remove_staged(target: Session | Connection, staging: str | None) -> int:
    """Remove the staged pieces of one import (``staging``; None: pieces without a staging mark); how many."""
    connection = _connection(target)
    connection.execute(
        text(f"DELETE FROM document_fts WHERE rowid IN (SELECT id FROM search_pieces WHERE {_ONE_STAGING})"),
        {"staging": staging},
    )
    result = connection.execute(text(f"DELETE FROM search_pieces WHERE {_ONE_STAGING}"), {"staging": staging})
    return int(result.rowcount)


def _is_stale(staging: str | None, staged_at: datetime | str | None, at: datetime, same_computer: bool) -> bool:
    pid = staging.split(":", 1)[0] if staging else ""
    if not staging or staged_at is None or not pid.isdigit():
        return True
    when = staged_at if isinstance(staged_at, datetime) else datetime.fromisoformat(staged_at)
    return at - when > STALE_AFTER or (same_computer and not process_running(int(pid)))


def stale_stagings(target: Session | Connection) -> list[str | None]:
    """The staging marks of imports that no longer run (or staged over a day ago).

    A project file is written from one computer, whose processes tell which
    imports still run. A server project's pieces may be another computer's,
    whose process ids mean nothing here: there only age counts, so one coder's
    long import never removes another's that is still running.
    """
    connection = _connection(target)
    if connection.execute(ANY_STAGED).first() is None:  # one index look-up when there are none
        return []
    at = now()
    same_computer = dialect_name(connection) == "sqlite"
    return [
        staging
        for staging, staged_at in connection.execute(_STAGINGS)
        if _is_stale(staging, staged_at, at, same_computer)
    ]


def remove_stale(target: Session | Connection) -> int:
    """Remove pieces staged by imports that no longer run (or staged over a day ago); how many."""
    connection = _connection(target)
    return sum(remove_staged(connection, staging) for staging in stale_stagings(connection))
