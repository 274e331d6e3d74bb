"""A broken UNIQUE or FOREIGN KEY rule, as SQLite or PostgreSQL reports it, worded as what clashed.

The services check names and rows before they write, and a write
transaction holds the project's only write lock, so these rules break only
when the project changed where the check could not see it: an undo or redo
replays a change made before another window (or the command line) added a
code of that name or deleted a document. The database then refuses, the
transaction rolls back, and :func:`clash` says what clashed
(:class:`~lobcoder.errors.Clash`) instead of an "unexpected error".

What each database tells:

- SQLite: ``UNIQUE constraint failed: codes.parent_id, codes.name`` (table and
  columns) and a bare ``FOREIGN KEY constraint failed``; the statement
  (``INSERT INTO codings``, ``DELETE FROM speakers``) and the model's foreign
  keys tell which rows could be meant.
- PostgreSQL (SQLSTATE 23505 and 23503): the table in the diagnostics and
  ``Key (parent_id, name)=(3, Keuze) already exists`` / ``is not present in
  table "codes"`` / ``is still referenced from table "speaker_turns"`` in the
  detail.

The name that clashed comes from the statement's parameters where there was
one row. CHECK and NOT NULL failures stay bugs: they mean lobcoder let a bad
value through, not that the project changed.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Mapping, Sequence

from sqlalchemy import Table
from sqlalchemy.exc import IntegrityError

from lobcoder.errors import Clash
from lobcoder.i18n.said import Said, say
from lobcoder.storage.models import Base

UNIQUE = "unique"
FOREIGN_KEY = "foreign_key"

_SQLITE_UNIQUE = re.compile(r"UNIQUE constraint failed: (.+)$")
_STATEMENT = re.compile(r'^\s*(INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)
_INSERTED = re.compile(r"^\s*INSERT\s+(?:OR\s+\w+\s+)?INTO\s+\S+\s*\(([^)]*)\)\s*VALUES\s*\(\s*\?", re.IGNORECASE)
_UPDATED = re.compile(r"^\s*UPDATE\s+\S+\s+SET\s+(.*?)\s+WHERE\s", re.IGNORECASE | re.DOTALL)
_SET_COLUMN = re.compile(r'("?\w+"?)\s*=\s*\?')
_PG_KEY = re.compile(r"Key \(([^)]*)\)=\((.*)\)")
_PG_MISSING = re.compile(r'is not present in table "?(\w+)"?')
_PG_REFERENCED = re.compile(r'is still referenced from table "?(\w+)"?')
_NAMED = {"codes", "documents", "coders", "speakers", "participants", "attributes"}


def clash(error: BaseException) -> Clash | None:
    """``error`` (SQLAlchemy's IntegrityError, or the driver's) as the clash it reports; None if it is none."""
    orig = error.orig if isinstance(error, IntegrityError) else error
    statement = error.statement if isinstance(error, IntegrityError) else None
    params = error.params if isinstance(error, IntegrityError) else None
    if isinstance(orig, sqlite3.IntegrityError):
        return _from_sqlite(orig, statement, params)
    state = getattr(orig, "sqlstate", None)
    if orig is not None and state in ("23505", "23503"):
        return _from_postgres(orig, state, params)
    return None


def _from_sqlite(error: sqlite3.IntegrityError, statement: str | None, params: object) -> Clash | None:
    message = str(error).splitlines()[0] if str(error) else ""
    unique = _SQLITE_UNIQUE.search(message)
    if unique:
        pairs = [part.strip().split(".", 1) for part in unique.group(1).split(",")]
        if any(len(pair) != 2 for pair in pairs):
            return None  # an index on an expression ("index 'ix'") names no column: a bug to see, not a clash
        table = pairs[0][0]
        return _taken(table, [column for _table, column in pairs], _row(params, statement).get("name"))
    if "FOREIGN KEY constraint failed" in message:
        verb, table = _verb_and_table(statement)
        if verb == "DELETE":
            return Clash(FOREIGN_KEY, say("problem.clash.in_use", what=_listed(_restricting(table))))
        return Clash(FOREIGN_KEY, say("problem.clash.gone", what=_listed(_referenced(table))))
    return None


def _from_postgres(error: BaseException, state: str, params: object) -> Clash | None:
    diag = getattr(error, "diag", None)
    detail = getattr(diag, "message_detail", None) or ""
    table = getattr(diag, "table_name", None) or ""
    if state == "23505":
        key = _PG_KEY.search(detail)
        columns = [c.strip() for c in key.group(1).split(",")] if key else []
        name = _row(params, None).get("name")
        if name is None and key and columns and columns[-1] == "name":
            name = key.group(2).split(", ", len(columns) - 1)[-1]
        return _taken(table, columns, name)
    referenced = _PG_REFERENCED.search(detail)
    if referenced:
        return Clash(FOREIGN_KEY, say("problem.clash.in_use", what=_listed([referenced.group(1)])))
    missing = _PG_MISSING.search(detail)
    return Clash(FOREIGN_KEY, say("problem.clash.gone", what=_listed([missing.group(1)] if missing else [])))


def _taken(table: str, columns: Sequence[str], name: object) -> Clash:
    what = _what(table)
    if columns and columns[-1] == "guid":
        return Clash(UNIQUE, say("problem.clash.guid", what=what))
    if "name" in columns and table == "codes":
        if name is None:
            return Clash(UNIQUE, say("problem.clash.code_name_unknown"))
        return Clash(UNIQUE, say("problem.clash.code_name", name=str(name)))
    if "name" in columns and table in _NAMED:
        if name is None:
            return Clash(UNIQUE, say("problem.clash.name_unknown", what=what))
        return Clash(UNIQUE, say("problem.clash.name", what=what, name=str(name)))
    return Clash(UNIQUE, say("problem.clash.taken", what=what, columns=", ".join(columns) or "?"))


def _row(params: object, statement: str | None) -> Mapping[str, object]:
    """The values, by column, of a statement that wrote one row (a flush's INSERT or UPDATE); empty otherwise.

    Named parameters (PostgreSQL's driver) name their columns; positional ones (SQLite's ``?``) are matched
    with the columns of ``INSERT INTO t (a, b) VALUES (?, ?)`` or ``UPDATE t SET a=?, b=?``.
    """
    if isinstance(params, list) and len(params) == 1:
        params = params[0]
    if isinstance(params, Mapping):
        return params
    if not isinstance(params, tuple) or statement is None:
        return {}
    columns = _columns(statement)
    return dict(zip(columns, params, strict=False)) if len(columns) <= len(params) else {}


def _columns(statement: str) -> list[str]:
    inserted = _INSERTED.search(statement)
    if inserted:
        return [c.strip().strip('"') for c in inserted.group(1).split(",")]
    updated = _UPDATED.search(statement)
    if updated:
        return [c.strip().strip('"') for c in _SET_COLUMN.findall(updated.group(1))]
    return []


def _verb_and_table(statement: str | None) -> tuple[str, str]:
    found = _STATEMENT.match(statement or "")
    if found is None:
        return "", ""
    return found.group(1).split()[0].upper(), found.group(2)


def _table(name: str) -> Table | None:
    return Base.metadata.tables.get(name)


def _referenced(table: str) -> list[str]:
    """The tables ``table``'s foreign keys point at, in column order (a row written there may point at a deleted one)."""
    found = _table(table)
    if found is None:
        return []
    targets = [key.column.table.name for column in found.columns for key in column.foreign_keys]
    return list(dict.fromkeys(targets))


def _restricting(table: str) -> list[str]:
    """The tables whose foreign keys keep a row of ``table`` from being deleted (no cascade, no SET NULL)."""
    return sorted(
        {
            other.name
            for other in Base.metadata.tables.values()
            for key in other.foreign_keys
            if key.column.table.name == table and (key.ondelete or "").upper() not in ("CASCADE", "SET NULL")
        }
    )


def _what(table: str) -> Said:
    key = f"clash.what.{table}"
    try:
        return say(key)
    except KeyError:
        return say("clash.what.other")


def _listed(tables: Sequence[str]) -> Said:
    """ "a document, a code or a coder"."""
    words = [_what(t) for t in tables] or [say("clash.what.other")]
    if len(words) == 1:
        return words[0]
    listed = say("clash.list.or", first=words[-2], last=words[-1])
    for word in reversed(words[:-2]):
        listed = say("clash.list.comma", first=word, rest=listed)
    return listed
