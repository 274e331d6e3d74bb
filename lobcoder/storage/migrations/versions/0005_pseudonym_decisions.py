"""Pseudonymisation decisions: one row per term (replace by a pseudonym, or leave it).

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
    op.create_table(
        "pseudonym_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("term_key", sa.String(length=500), nullable=False),
        sa.Column("term", sa.String(length=500), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("pseudonym", sa.String(length=500), nullable=False),
        sa.Column("accepted", sa.Boolean(), nullable=False),
        sa.Column("modified_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("term_key"),
    )


def downgrade() -> None:
    op.drop_table("pseudonym_decisions")
