"""Full-text search index over documents (SQLite FTS5, diacritics folded).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from lobcoder.text.fold import fold

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # rowid is the document id; the column holds fold(text), which has the same
    # length as the text, so hits found in it are at the stored offsets.
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        # No FTS5 elsewhere: a plain table with the same columns (storage/fulltext.py searches it).
        op.execute("CREATE TABLE document_fts (rowid INTEGER PRIMARY KEY, folded TEXT NOT NULL)")
        return
    op.execute("CREATE VIRTUAL TABLE document_fts USING fts5(folded, tokenize = 'unicode61 remove_diacritics 2')")
    rows = bind.execute(sa.text("SELECT id, text FROM documents")).all()
    for doc_id, text in rows:
        bind.execute(
            sa.text("INSERT INTO document_fts(rowid, folded) VALUES (:id, :folded)"),
            {"id": doc_id, "folded": fold(text)},
        )


def downgrade() -> None:
    op.execute("DROP TABLE document_fts")
