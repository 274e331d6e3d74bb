"""Document lengths stored once, and an index for counts per code.

``documents.length`` is the text's length in code points, so lists, counts
and span checks never measure every text again. It is filled here for
existing rows in Python (``len``), not with a database string function, so
the count is exactly the one offsets use on every backend.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("length", sa.Integer(), nullable=False, server_default="0"))
    connection = op.get_bind()
    documents = sa.table("documents", sa.column("id", sa.Integer), sa.column("text", sa.Text), sa.column("length"))
    lengths = [
        {"row_id": row_id, "value": len(text)}
        for row_id, text in connection.execute(sa.select(documents.c.id, documents.c.text))
    ]
    if lengths:
        connection.execute(
            documents.update().where(documents.c.id == sa.bindparam("row_id")).values(length=sa.bindparam("value")),
            lengths,
        )
    op.create_index("ix_codings_code_document", "codings", ["code_id", "document_id"])


def downgrade() -> None:
    op.drop_index("ix_codings_code_document", table_name="codings")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("length")
