"""Document lengths and coded characters stored, and an index for counts per code.

``documents.length`` is the text's length in code points, so lists, counts
and span checks never measure every text again. It is filled here for
existing rows in Python (``len``), not with a database string function, so
the count is exactly the one offsets use on every backend. ``covered`` (the
characters at least one coding covers) is measured here once and from then
on kept by ``storage/coverage.py``.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("length", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("covered", sa.Integer(), nullable=True))
    op.create_index("ix_codings_code_document", "codings", ["code_id", "document_id"])
    connection = op.get_bind()
    documents = sa.table(
        "documents", sa.column("id", sa.Integer), sa.column("text", sa.Text), sa.column("length"), sa.column("covered")
    )
    codings = sa.table(
        "codings", sa.column("document_id", sa.Integer), sa.column("start", sa.Integer), sa.column("end", sa.Integer)
    )
    spans: dict[int, list[tuple[int, int]]] = {}
    ordered = sa.select(codings.c.document_id, codings.c.start, codings.c.end).order_by(
        codings.c.document_id, codings.c.start
    )
    for document_id, start, end in connection.execute(ordered):
        spans.setdefault(document_id, []).append((start, end))
    rows = [
        {"row_id": row_id, "new_length": len(text), "new_covered": _union(spans.get(row_id, []))}
        for row_id, text in connection.execute(sa.select(documents.c.id, documents.c.text))
    ]
    if rows:
        connection.execute(
            documents.update()
            .where(documents.c.id == sa.bindparam("row_id"))
            .values(length=sa.bindparam("new_length"), covered=sa.bindparam("new_covered")),
            rows,
        )


def _union(spans: list[tuple[int, int]]) -> int:
    """Characters covered by spans in order of start (a frozen copy of storage.coverage.union_length)."""
    total, run_start, run_end = 0, 0, -1
    for start, end in spans:
        if start > run_end:
            total += max(0, run_end - run_start)
            run_start, run_end = start, end
        elif end > run_end:
            run_end = end
    return total + max(0, run_end - run_start)


def downgrade() -> None:
    op.drop_index("ix_codings_code_document", table_name="codings")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("covered")
        batch.drop_column("length")
