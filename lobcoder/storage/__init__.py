"""The project file: SQLite through SQLAlchemy, with Alembic migrations."""
