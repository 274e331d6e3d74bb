"""Repair memos stored with NUL or other control characters before memos were normalised.

Migration 0007 repaired document texts; memos (typed, pasted, merged from
another project or read from a REFI-QDA note) could hold the same characters,
and SQLite's string functions stop at a NUL. Each control character other
than tab and line breaks becomes U+FFFD, and line breaks become ``\\n``, as
every memo written now is (``Memo`` normalises its text and title). Memos are
read a batch of ids at a time.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# Frozen copies of text/normalize.py's control characters and line breaks.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_LINE_BREAKS = re.compile("\r\n|\r|\u2028|\u2029|\u0085|\x0b|\x0c")
_REPLACEMENT = "\ufffd"
_BATCH = 500


def _repaired(text: str | None) -> str | None:
    if not text:
        return text
    return _CONTROLS.sub(_REPLACEMENT, _LINE_BREAKS.sub("\n", text))


def upgrade() -> None:
    connection = op.get_bind()
    memos = sa.table("memos", sa.column("id", sa.Integer), sa.column("text", sa.Text), sa.column("title", sa.String))
    ids = [row_id for (row_id,) in connection.execute(sa.select(memos.c.id).order_by(memos.c.id))]
    for first in range(0, len(ids), _BATCH):
        batch = ids[first : first + _BATCH]
        rows = connection.execute(sa.select(memos.c.id, memos.c.text, memos.c.title).where(memos.c.id.in_(batch)))
        for row_id, text, title in rows.all():
            new_text, new_title = _repaired(text), _repaired(title)
            if (new_text, new_title) != (text, title):
                connection.execute(memos.update().where(memos.c.id == row_id).values(text=new_text, title=new_title))


def downgrade() -> None:
    """Nothing to undo: the replaced characters had no meaning in a memo."""
