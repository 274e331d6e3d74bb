"""User actions: each function runs inside the caller's transaction (one Session).

The GUI and the CLI open ``store.transaction()`` for one user action and pass
the session in, so a multi-step action commits or rolls back as a unit.
Functions return frozen dataclasses, never live ORM objects.
"""
