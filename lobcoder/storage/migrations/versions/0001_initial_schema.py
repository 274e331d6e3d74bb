"""Initial schema: documents, turns, participants, attributes, codes, codings, memos.

Revision ID: 0001
Revises:
Create Date: 2026-11-22 07:31:23.523046
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _checks() -> dict[str, str]:
    # SQLite projects keep the constraint text they were always created with. Elsewhere
    # (PostgreSQL, docs/POSTGRESQL.md) "end" is a reserved word and booleans do not add up.
    if op.get_bind().dialect.name == "sqlite":
        return {
            "coding_span": "start >= 0 AND start < end",
            "turn_span": "label_start <= start AND start <= end",
            "memo_one_target": "(document_id IS NOT NULL) + (code_id IS NOT NULL) + (coding_id IS NOT NULL) <= 1",
        }
    one = "(CASE WHEN {} IS NOT NULL THEN 1 ELSE 0 END)".format
    return {
        "coding_span": 'start >= 0 AND start < "end"',
        "turn_span": 'label_start <= start AND start <= "end"',
        "memo_one_target": f"{one('document_id')} + {one('code_id')} + {one('coding_id')} <= 1",
    }


def upgrade() -> None:
    checks = _checks()
    op.create_table(
        "attributes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "type",
            sa.Enum("text", "number", "date", "category", name="attributetype", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column(
            "scope",
            sa.Enum("participant", "document", name="attributescope", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("guid", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("guid"),
        sa.UniqueConstraint("name", "scope", name="uq_attribute_name_scope"),
    )
    op.create_table(
        "coders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("guid", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("guid"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("color", sa.String(length=9), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("guid", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["parent_id"], ["codes.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("guid"),
        sa.UniqueConstraint("parent_id", "name", name="uq_code_sibling_name"),
    )
    with op.batch_alter_table("codes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_codes_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "participants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("guid", sa.String(length=40), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("guid"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "project_settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "speakers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("is_interviewer", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("guid", sa.String(length=40), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("original_filename", sa.String(length=1000), nullable=False),
        sa.Column("original_format", sa.String(length=20), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["participant_id"], ["participants.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("guid"),
        sa.UniqueConstraint("name"),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_documents_content_hash"), ["content_hash"], unique=False)
        batch_op.create_index(batch_op.f("ix_documents_participant_id"), ["participant_id"], unique=False)

    op.create_table(
        "attribute_values",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("attribute_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("text_value", sa.Text(), nullable=True),
        sa.Column("number_value", sa.Float(), nullable=True),
        sa.Column("date_value", sa.Date(), nullable=True),
        sa.CheckConstraint("(participant_id IS NULL) <> (document_id IS NULL)", name="value_owner_exactly_one"),
        sa.ForeignKeyConstraint(["attribute_id"], ["attributes.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["participant_id"], ["participants.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("attribute_id", "participant_id", "document_id", name="uq_value_owner"),
    )
    with op.batch_alter_table("attribute_values", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attribute_values_attribute_id"), ["attribute_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attribute_values_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attribute_values_participant_id"), ["participant_id"], unique=False)

    op.create_table(
        "codings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("code_id", sa.Integer(), nullable=False),
        sa.Column("coder_id", sa.Integer(), nullable=True),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("guid", sa.String(length=40), nullable=False),
        sa.CheckConstraint(checks["coding_span"], name="coding_span"),
        sa.ForeignKeyConstraint(["code_id"], ["codes.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["coder_id"], ["coders.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("guid"),
    )
    with op.batch_alter_table("codings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_codings_code_id"), ["code_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_codings_coder_id"), ["coder_id"], unique=False)
        batch_op.create_index("ix_codings_document_start", ["document_id", "start"], unique=False)

    op.create_table(
        "speaker_turns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=True),
        sa.Column("label_start", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("timestamp_ms", sa.Integer(), nullable=True),
        sa.CheckConstraint(checks["turn_span"], name="turn_span"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["speaker_id"], ["speakers.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("speaker_turns", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_speaker_turns_speaker_id"), ["speaker_id"], unique=False)
        batch_op.create_index("ix_turns_document_start", ["document_id", "start"], unique=False)

    op.create_table(
        "memos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("code_id", sa.Integer(), nullable=True),
        sa.Column("coding_id", sa.Integer(), nullable=True),
        sa.Column("coder_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("modified_at", sa.DateTime(), nullable=False),
        sa.Column("guid", sa.String(length=40), nullable=False),
        sa.CheckConstraint(checks["memo_one_target"], name="memo_one_target"),
        sa.ForeignKeyConstraint(["code_id"], ["codes.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["coder_id"], ["coders.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["coding_id"], ["codings.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("guid"),
    )
    with op.batch_alter_table("memos", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_memos_code_id"), ["code_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_memos_coding_id"), ["coding_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_memos_document_id"), ["document_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("memos", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_memos_document_id"))
        batch_op.drop_index(batch_op.f("ix_memos_coding_id"))
        batch_op.drop_index(batch_op.f("ix_memos_code_id"))

    op.drop_table("memos")
    with op.batch_alter_table("speaker_turns", schema=None) as batch_op:
        batch_op.drop_index("ix_turns_document_start")
        batch_op.drop_index(batch_op.f("ix_speaker_turns_speaker_id"))

    op.drop_table("speaker_turns")
    with op.batch_alter_table("codings", schema=None) as batch_op:
        batch_op.drop_index("ix_codings_document_start")
        batch_op.drop_index(batch_op.f("ix_codings_coder_id"))
        batch_op.drop_index(batch_op.f("ix_codings_code_id"))

    op.drop_table("codings")
    with op.batch_alter_table("attribute_values", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attribute_values_participant_id"))
        batch_op.drop_index(batch_op.f("ix_attribute_values_document_id"))
        batch_op.drop_index(batch_op.f("ix_attribute_values_attribute_id"))

    op.drop_table("attribute_values")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_participant_id"))
        batch_op.drop_index(batch_op.f("ix_documents_content_hash"))

    op.drop_table("documents")
    op.drop_table("speakers")
    op.drop_table("project_settings")
    op.drop_table("participants")
    with op.batch_alter_table("codes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_codes_parent_id"))

    op.drop_table("codes")
    op.drop_table("coders")
    op.drop_table("attributes")
