"""Full-text search (SQLite FTS5) with keyword-in-context results."""
