"""Where the search index differs between a project file (SQLite FTS5) and a server database.

On SQLite ``document_fts`` is an FTS5 table (migrations 0002 and 0008). Other
databases have no FTS5: there the migrations make ``document_fts`` a plain
table with the same columns (``rowid``, ``folded``), so writing, reading and
removing index rows is the same SQL on both, and only finding pieces differs:
FTS5's ``MATCH`` on SQLite, a scan with ``LIKE`` elsewhere (a superset the
search narrows down with the same regex that finds its hits). The scan reads
every index row a query's words occur in: correct, not fast; an index of the
server's own (PostgreSQL ``tsvector`` or ``pg_trgm``) is for the wave that
brings server projects (docs/POSTGRESQL.md).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from lobcoder.storage.dialect import dialect_name

_PIECE = (
    "INSERT INTO search_pieces (document_id, start, length, staging, staged_at) "
    "VALUES (:document, :start, :length, :staging, :staged_at)"
)
_INSERT_PIECE = text(_PIECE)
_INSERT_PIECE_RETURNING = text(_PIECE + " RETURNING id")
_MATCHING = text(
    "SELECT DISTINCT p.document_id FROM document_fts AS f JOIN search_pieces AS p ON p.id = f.rowid "
    "WHERE document_fts MATCH :q AND p.document_id IS NOT NULL"
)


def has_fts5(bind: Session | Connection) -> bool:
    """Whether ``document_fts`` is an FTS5 table (a project file) rather than a plain one."""
    return dialect_name(bind) == "sqlite"


def insert_piece(connection: Connection, values: Mapping[str, Any]) -> int:
    """Insert one ``search_pieces`` row; its new id (the id its index row must take as ``rowid``)."""
    if dialect_name(connection) == "sqlite":
        # No RETURNING: SQLite has it only from 3.35 on.
        return connection.execute(_INSERT_PIECE, values).lastrowid
    return int(connection.execute(_INSERT_PIECE_RETURNING, values).scalar_one())


def documents_matching(session: Session, fts: str) -> set[int]:
    """Ids of the documents with a piece that FTS5 matches with ``fts`` (SQLite only)."""
    return {doc_id for (doc_id,) in session.execute(_MATCHING, {"q": fts})}


def pieces_with_words(session: Session, words: Sequence[str]) -> Iterator[tuple[int, str]]:
    """(document id, folded piece) of every stored piece that contains each of ``words`` (folded) as text.

    Any database; a superset of the pieces in which the words occur as words,
    in no particular order. ``words`` holds at least one word.
    """
    conditions = " AND ".join(f"f.folded LIKE :w{i} ESCAPE '\\'" for i in range(len(words)))
    statement = text(
        "SELECT p.document_id, f.folded FROM document_fts AS f JOIN search_pieces AS p ON p.id = f.rowid "
        f"WHERE p.document_id IS NOT NULL AND {conditions}"
    )
    values = {f"w{i}": "%" + _escape_like(word) + "%" for i, word in enumerate(words)}
    for document_id, folded in session.execute(statement, values):  # noqa: UP028 - Row objects, not tuples
        yield document_id, folded


def rebuild(session: Session) -> None:
    """Rewrite the index so no word of a replaced text lingers in it.

    FTS5 drops a deleted entry only when its segments merge; a plain table
    keeps nothing of a deleted row.
    """
    if has_fts5(session):
        session.execute(text("INSERT INTO document_fts(document_fts) VALUES ('rebuild')"))


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
