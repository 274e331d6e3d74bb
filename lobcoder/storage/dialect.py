"""Which database a session or connection talks to: the one test behind ``storage/``'s SQLite-or-server paths."""

from __future__ import annotations

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session


def dialect_name(bind: Session | Connection | Engine) -> str:
    """SQLAlchemy's name for the database: ``"sqlite"`` (a project file) or ``"postgresql"`` (a server)."""
    return (bind.get_bind() if isinstance(bind, Session) else bind).dialect.name
