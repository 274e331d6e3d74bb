"""Turn timestamps as 64-bit integers on a server, and one top-level code per name.

``speaker_turns.timestamp_ms`` becomes ``BIGINT`` outside SQLite: PostgreSQL's
``INTEGER`` holds 32 bits (about 596 hours in milliseconds) while a .qdpx turns
member may carry any value SQLite stores. SQLite's ``INTEGER`` already holds 64
bits, so a project file keeps its table as it is (no copy of every turn).

``UNIQUE (parent_id, name)`` never held for top-level codes: ``NULL`` parents
are distinct on both databases. The partial index ``uq_code_top_level_name``
(``codes (name) WHERE parent_id IS NULL``, supported by SQLite and PostgreSQL)
now does. A project that already has two top-level codes of one name (made
by two windows at once before the server's write lock, or by an older
lobcoder) still opens: the oldest code keeps the name, each later one is
renamed ``Name (2)``, ``Name (3)`` ..., keeps its codings, sub-codes and memos,
and gets a memo (English and Dutch, the project has no language) saying what
it was called and why it was renamed. Refusing to open would lock her out of
her own data; merging the codes would lose which coding was which. The file
is backed up before any migration (``storage/project.ProjectStore.open``).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-08
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_NAME_LENGTH = 300  # codes.name is VARCHAR(300)
_TITLE = "Renamed when the project was upgraded / Hernoemd bij het bijwerken van het project"
_TEXT = (
    "This top-level code was called “{old}”, as was an older one. Top-level code names are now unique, "
    "so lobcoder renamed it to “{new}” when it upgraded the project. Its codings, sub-codes and memos are "
    "unchanged.\n\n"
    "Deze hoofdcode heette “{old}”, net als een oudere. Namen van hoofdcodes zijn nu uniek, dus lobcoder "
    "hernoemde hem naar “{new}” bij het bijwerken van het project. Zijn coderingen, subcodes en memo's zijn "
    "ongewijzigd."
)


def _free_name(name: str, taken: set[str], numbers: dict[str, int]) -> str:
    """``Name (n)`` for the lowest n >= 2 not taken; ``numbers`` remembers where to go on for each name.

    Names are only ever added to ``taken``, so every lower n stays taken: starting where the last search
    for ``name`` ended gives the same names as counting from 2, without trying them all again for each
    duplicate (4,000 copies of one name took 7.5 s that way; 20,000 would take minutes).
    """
    n = numbers.get(name, 2)
    while True:
        suffix = f" ({n})"
        candidate = name[: _NAME_LENGTH - len(suffix)] + suffix
        if candidate not in taken:
            numbers[name] = n + 1
            return candidate
        n += 1


def _rename_duplicate_top_level_codes(connection: sa.Connection) -> None:
    codes = sa.table(
        "codes", sa.column("id", sa.Integer), sa.column("name", sa.String), sa.column("parent_id", sa.Integer)
    )
    memos = sa.table(
        "memos",
        sa.column("title", sa.String),
        sa.column("text", sa.Text),
        sa.column("code_id", sa.Integer),
        sa.column("created_at", sa.DateTime),
        sa.column("modified_at", sa.DateTime),
        sa.column("guid", sa.String),
    )
    rows = connection.execute(
        sa.select(codes.c.id, codes.c.name).where(codes.c.parent_id.is_(None)).order_by(codes.c.id)
    ).all()
    taken = {name for _id, name in rows}
    seen: set[str] = set()
    numbers: dict[str, int] = {}
    now = datetime.now(UTC).replace(tzinfo=None)
    for code_id, name in rows:
        if name not in seen:
            seen.add(name)
            continue
        new = _free_name(name, taken, numbers)
        taken.add(new)
        connection.execute(codes.update().where(codes.c.id == code_id).values(name=new))
        connection.execute(
            memos.insert().values(
                title=_TITLE,
                text=_TEXT.format(old=name, new=new),
                code_id=code_id,
                created_at=now,
                modified_at=now,
                guid=str(uuid.uuid4()),
            )
        )


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "sqlite":
        op.alter_column("speaker_turns", "timestamp_ms", type_=sa.BigInteger(), existing_nullable=True)
    _rename_duplicate_top_level_codes(connection)
    where = sa.text("parent_id IS NULL")
    op.create_index(
        "uq_code_top_level_name",
        "codes",
        ["name"],
        unique=True,
        if_not_exists=True,  # safe to run again over a schema that already has it
        sqlite_where=where,
        postgresql_where=where,
    )


def downgrade() -> None:
    """The index goes; renamed codes keep their new names (their memos say what they were)."""
    op.drop_index("uq_code_top_level_name", table_name="codes")
    if op.get_bind().dialect.name != "sqlite":
        op.alter_column("speaker_turns", "timestamp_ms", type_=sa.Integer(), existing_nullable=True)
