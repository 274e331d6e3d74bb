"""Alembic migrations for the project schema (applied when a project is opened)."""
