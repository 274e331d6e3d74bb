"""Repair texts stored with NUL or other control characters before imports replaced them.

Older lobcoder versions stored U+0000 (from RTF and .qdpx sources) and other
C0 control characters in document texts. SQLite's string functions stop at a
NUL, and no such character belongs in a transcript. Each is replaced by U+FFFD
one for one, as imports now do (``text/normalize.py``), so every offset, and
with it every coding, turn and memo anchor, stays where it was. The content
hash and the search index entry of a repaired document are renewed. Texts are
read one at a time, so a large project is not held in memory.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from __future__ import annotations

import hashlib
import re

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# A frozen copy of text/normalize.py's control characters (tab and line breaks excepted).
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_REPLACEMENT = "\ufffd"


def upgrade() -> None:
    connection = op.get_bind()
    documents = sa.table(
        "documents", sa.column("id", sa.Integer), sa.column("text", sa.Text), sa.column("content_hash", sa.String)
    )
    ids = [row_id for (row_id,) in connection.execute(sa.select(documents.c.id))]
    fts = sa.inspect(connection).has_table("document_fts")
    for row_id in ids:
        text = connection.execute(sa.select(documents.c.text).where(documents.c.id == row_id)).scalar_one()
        if text is None or _CONTROLS.search(text) is None:
            continue
        repaired = _CONTROLS.sub(_REPLACEMENT, text)
        connection.execute(
            documents.update()
            .where(documents.c.id == row_id)
            .values(text=repaired, content_hash=hashlib.sha256(repaired.encode("utf-8")).hexdigest())
        )
        if fts:
            folded = connection.execute(
                sa.text("SELECT folded FROM document_fts WHERE rowid = :id"), {"id": row_id}
            ).scalar()
            connection.execute(sa.text("DELETE FROM document_fts WHERE rowid = :id"), {"id": row_id})
            if folded is not None:  # the folded text has the same characters at the same places
                connection.execute(
                    sa.text("INSERT INTO document_fts(rowid, folded) VALUES (:id, :folded)"),
                    {"id": row_id, "folded": _CONTROLS.sub(_REPLACEMENT, folded)},
                )


def downgrade() -> None:
    """Nothing to undo: the replaced characters could not be coded or searched."""
