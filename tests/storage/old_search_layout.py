"""Turn a project made now into the search-index layout of schema 0007 and before (rowid = document id)."""

from __future__ import annotations

import sqlite3

from lobcoder.text.fold import fold


def to_one_row_per_document(connection: sqlite3.Connection) -> None:
    """Drop ``search_pieces`` and index every document as one FTS5 row, as revisions 0002-0007 did."""
    connection.execute("DROP TABLE search_pieces")
    connection.execute("DROP TABLE document_fts")
    connection.execute(
        "CREATE VIRTUAL TABLE document_fts USING fts5(folded, tokenize = 'unicode61 remove_diacritics 2')"
    )
    for doc_id, text in connection.execute("SELECT id, text FROM documents").fetchall():
        connection.execute("INSERT INTO document_fts(rowid, folded) VALUES (?, ?)", (doc_id, fold(text)))
