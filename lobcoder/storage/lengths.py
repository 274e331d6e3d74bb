"""Text longer than its column's declared length is refused alike in a project file and on a server.

SQLite stores a ``String(300)`` value of any length; PostgreSQL refuses it
(``varchar(300)``, SQLSTATE 22001) and the action would end in a database
error. Before every flush the new and changed values of bounded text
columns (names, titles, file names) are measured in code points, as
PostgreSQL measures them, so both refuse the same value with the same words
(:class:`TooLong`) and the action's transaction stores nothing. A value
already stored too long in an old project file stays and may be read; only
writing one is refused.
"""

from __future__ import annotations

import itertools
from functools import cache
from typing import Any

from sqlalchemy import String, event, inspect
from sqlalchemy.orm import Mapper, Session, sessionmaker

from lobcoder.errors import Refused
from lobcoder.i18n.catalogue import CATALOGUE
from lobcoder.i18n.said import Said, say

_SHOWN = 40  # characters of the value shown in the message


class TooLong(Refused):
    """A name or other bounded text is longer than the project allows; nothing was changed."""


@cache
def _bounded(mapper: Mapper[Any]) -> tuple[tuple[str, int], ...]:
    """(attribute key, length) of the mapper's text columns with a declared length."""
    found = []
    for prop in mapper.column_attrs:
        column = prop.columns[0]
        if isinstance(column.type, String) and column.type.length:
            found.append((prop.key, column.type.length))
    return tuple(found)


def _check(session: Session, _context: Any, _instances: Any) -> None:
    for instance in itertools.chain(session.new, session.dirty):
        state = inspect(instance)
        for key, limit in _bounded(state.mapper):
            value = getattr(instance, key)
            if not isinstance(value, str) or len(value) <= limit:
                continue
            if state.persistent and not state.attrs[key].history.has_changes():
                continue
            raise TooLong(_said(state.mapper.local_table.name, key, limit, value))


def _said(table: str, key: str, limit: int, value: str) -> Said:
    what = f"clash.what.{table}" if f"clash.what.{table}" in CATALOGUE else "clash.what.other"
    field = f"too_long.field.{key}" if f"too_long.field.{key}" in CATALOGUE else "too_long.field.other"
    shown = value[:_SHOWN] + "…"
    return say("problem.value_too_long", field=say(field), what=say(what), limit=limit, length=len(value), start=shown)


def limit(model: type[Any], key: str) -> int:
    """The declared length of the text column behind ``model.key`` (e.g. ``limit(Code, "name")`` is 300)."""
    column_type = inspect(model).columns[key].type
    assert isinstance(column_type, String) and column_type.length
    return column_type.length


def numbered(wanted: str, n: int, most: int | None = None) -> str:
    """``wanted`` for ``n == 1``, else ``wanted (n)``; cut before the suffix so the whole is at most ``most``."""
    if n == 1:
        return wanted
    suffix = f" ({n})"
    return (wanted if most is None else wanted[: most - len(suffix)]) + suffix


def shorten(value: str, model: type[Any], key: str, label: str) -> tuple[str, Said | None]:
    """``value`` cut to what ``model.key`` holds, and a note saying so if it was cut (else None).

    For names from files other programs wrote, which are kept shorter rather
    than refused. ``label`` is a ``note.label.*`` key naming the item.
    """
    most = limit(model, key)
    if len(value) <= most:
        return value, None
    cut = value[:most].rstrip() or value[:most]
    field = f"too_long.field.{key}" if f"too_long.field.{key}" in CATALOGUE else "too_long.field.other"
    named = say(label, name=cut[:_SHOWN] + "…")
    return cut, say("note.name_shortened", field=say(field), label=named, length=len(value), limit=most)


def keep_lengths(sessions: sessionmaker[Session]) -> None:
    """Refuse, in every transaction of ``sessions``, text longer than its column allows."""
    event.listen(sessions, "before_flush", _check)
