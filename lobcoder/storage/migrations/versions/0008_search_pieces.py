"""The search index holds long documents as pieces: one FTS5 row per piece, not per document.

FTS5 indexes a row at once, holding its text, record and every term list in
memory: a 100 MB transcript as one row took about four times its size. Each
row now holds a piece of about half a megabyte (``search/pieces.py``), and
``search_pieces`` (same id as the row) says whose text it is and where in it
the piece starts. The index is built again here from the stored texts, one
document at a time, with a frozen copy of how ``search/pieces.py`` cuts them
(any cut is valid for the search as long as each row holds its piece and the
next 100 words: it puts a document together from its pieces and combines its
terms per document).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import sqlalchemy as sa
from alembic import op

from lobcoder.text.fold import fold

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "search_pieces",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("length", sa.Integer(), nullable=False),
        sa.Column("staging", sa.String(length=80), nullable=True),
        sa.Column("staged_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_search_pieces_document_id", "search_pieces", ["document_id"])
    # A fresh index: the old one's rowids were document ids.
    op.execute("DROP TABLE IF EXISTS document_fts")
    connection = op.get_bind()
    if connection.dialect.name != "sqlite":
        # No FTS5 elsewhere (storage/fulltext.py); a server database starts empty, at the newest revision.
        op.execute("CREATE TABLE document_fts (rowid INTEGER PRIMARY KEY, folded TEXT NOT NULL)")
        return
    op.execute("CREATE VIRTUAL TABLE document_fts USING fts5(folded, tokenize = 'unicode61 remove_diacritics 2')")
    documents = sa.table("documents", sa.column("id", sa.Integer), sa.column("text", sa.Text))
    ids = [row_id for (row_id,) in connection.execute(sa.select(documents.c.id).order_by(documents.c.id))]
    piece = sa.text("INSERT INTO search_pieces (document_id, start, length) VALUES (:document, :start, :length)")
    row = sa.text("INSERT INTO document_fts(rowid, folded) VALUES (:id, :folded)")
    for row_id in ids:  # one text in memory at a time
        text = connection.execute(sa.select(documents.c.text).where(documents.c.id == row_id)).scalar_one() or ""
        for start, length, folded in _pieces(text):
            piece_id = connection.execute(piece, {"document": row_id, "start": start, "length": length}).lastrowid
            connection.execute(row, {"id": piece_id, "folded": folded})


# A frozen copy of search/pieces.py: pieces of about 512 KB cut after a line
# break or space, each row holding its piece and the next 100 words.
_PIECE_CHARACTERS = 512 * 1024
_OVERLAP_WORDS = 100
_LOOKAHEAD = 64 * 1024
_WORD = re.compile(r"\w+")


def _pieces(text: str) -> Iterator[tuple[int, int, str]]:
    start = 0
    while start < len(text):
        end = min(len(text), start + _PIECE_CHARACTERS)
        if end < len(text):
            floor = start + _PIECE_CHARACTERS // 2
            cut = text.rfind("\n", floor, end)
            if cut < 0:
                cut = text.rfind(" ", floor, end)
            end = cut + 1 if cut >= 0 else end
        following = text[end : end + _LOOKAHEAD]
        for count, match in enumerate(_WORD.finditer(following), start=1):
            if count == _OVERLAP_WORDS:
                following = following[: match.end()]
                break
        yield start, end - start, fold(text[start:end] + following)
        start = end


def downgrade() -> None:
    op.execute("DROP TABLE document_fts")
    op.execute("CREATE VIRTUAL TABLE document_fts USING fts5(folded, tokenize = 'unicode61 remove_diacritics 2')")
    op.drop_index("ix_search_pieces_document_id", table_name="search_pieces")
    op.drop_table("search_pieces")
