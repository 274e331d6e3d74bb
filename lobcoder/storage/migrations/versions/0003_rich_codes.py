"""Rich codebook fields on codes: definition, inclusion/exclusion criteria, examples, keywords.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

FIELDS = ("definition", "inclusion", "exclusion", "examples", "keywords")


def upgrade() -> None:
    with op.batch_alter_table("codes") as batch:
        for name in FIELDS:
            batch.add_column(sa.Column(name, sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("codes") as batch:
        for name in reversed(FIELDS):
            batch.drop_column(name)
