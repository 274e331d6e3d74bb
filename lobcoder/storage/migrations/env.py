"""Alembic environment: always run on the connection the project store hands in."""

from __future__ import annotations

from alembic import context

from lobcoder.storage.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
