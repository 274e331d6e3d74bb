"""Writing the full-text index: one FTS5 row per piece of a document (``search/pieces.py``).

The index (virtual table ``document_fts``, column ``folded``) holds each
piece's folded text with its overlap; ``search_pieces`` (same id as the
index row's rowid) says which document the piece belongs to and which part
of its text it stands for. Both are written together, in the caller's
transaction. The statements live here and in ``search/fulltext.py`` (and, to
remove a killed import's staged pieces when a project is opened, in
``storage/staged_pieces.py``); those that differ between FTS5 and a server
database without it live in ``storage/fulltext.py``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from lobcoder.search.pieces import Piece, cut_pieces, cut_text
from lobcoder.storage.fulltext import insert_piece, rebuild

_ROW = text("INSERT INTO document_fts(rowid, folded) VALUES (:id, :folded)")


def _connection(target: Session | Connection) -> Connection:
    return target.connection() if isinstance(target, Session) else target


def insert_pieces(
    target: Session | Connection,
    document_id: int | None,
    pieces: Iterable[Piece],
    *,
    staging: str | None = None,
    staged_at: datetime | None = None,
) -> int:
    """Add ``pieces`` to the index for ``document_id`` (None: staged, found by no search); how many."""
    connection = _connection(target)
    count = 0
    for piece in pieces:
        piece_id = insert_piece(
            connection,
            {
                "document": document_id,
                "start": piece.start,
                "length": piece.length,
                "staging": staging,
                # As SQLAlchemy's DateTime stores it (not through sqlite3's deprecated adapter).
                "staged_at": staged_at.isoformat(sep=" ") if staged_at is not None else None,
            },
        )
        connection.execute(_ROW, {"id": piece_id, "folded": piece.folded})
        count += 1
    return count


def index_document(target: Session | Connection, document_id: int, text_or_utf8: str | bytes | bytearray) -> None:
    """(Re-)index one document's stored text, given as a string or its UTF-8 bytes."""
    unindex_document(target, document_id)
    pieces = cut_text(text_or_utf8) if isinstance(text_or_utf8, str) else cut_pieces(text_or_utf8)
    insert_pieces(target, document_id, pieces)


def unindex_document(target: Session | Connection, document_id: int) -> None:
    """Remove a document from the index (before it is deleted or its text replaced)."""
    connection = _connection(target)
    connection.execute(
        text("DELETE FROM document_fts WHERE rowid IN (SELECT id FROM search_pieces WHERE document_id = :id)"),
        {"id": document_id},
    )
    connection.execute(text("DELETE FROM search_pieces WHERE document_id = :id"), {"id": document_id})


def rebuild_index(session: Session) -> None:
    """Rebuild the whole index from its stored rows, so no word of a replaced text lingers in it.

    (FTS5 marks a deleted entry and drops it only when segments merge; a
    pseudonymised copy must not keep the original words there.)
    """
    rebuild(session)
