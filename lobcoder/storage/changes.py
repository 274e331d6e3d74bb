"""What one transaction changed, so views update only that (codings by id, their documents and codes).

:func:`track_changes` listens to a session's flushes. When everything that
changed is a coding, a coding's memo or a row no view shows (a coder, a
rejected suggestion), the :class:`ChangeSet` lists
the codings touched and the documents and codes they belonged to before and
after; a view can then re-read just those. Any other change (codes,
documents, attributes, bulk statements) sets ``everything``: re-read it all.

``turns`` says whether a document's speaker turns, its speakers or the
document itself may have changed (renamed, merged or marked speakers, a
deleted document): only then need an open transcript be read again. It is
True in a ChangeSet made by hand (nothing tracked, so anything may have changed).
``listed`` says whether documents themselves (their names, which there are)
may have changed, so the document list and any search results must be read
again; also True in a ChangeSet made by hand.

``counted`` holds, per (code id, document id), how many codings the
transaction added there (negative: removed), so counts can be updated by
what changed rather than re-counted over the project. It is None when some
coding's code or document could not be told (then re-count).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import ORMExecuteState, Session

from lobcoder.storage.models import (
    Coder,
    Coding,
    Document,
    Memo,
    NlpCache,
    Speaker,
    SpeakerTurn,
    SuggestionModel,
    SuggestionRejection,
)

# Rows that no count, tree or transcript shows.
_UNSHOWN = (Coder, NlpCache, SuggestionModel, SuggestionRejection)
# Rows an open transcript shows besides its codings: its text and turns, and who speaks them.
_TRANSCRIPT = (Document, Speaker, SpeakerTurn)
_TRANSCRIPT_TABLES = frozenset(str(model.__tablename__) for model in _TRANSCRIPT)


@dataclass
class ChangeSet:
    """Codings a transaction inserted, changed or deleted; ``everything`` when more than codings changed."""

    codings: set[int] = field(default_factory=set)
    documents: set[int] = field(default_factory=set)
    codes: set[int] = field(default_factory=set)
    memo_codings: set[int] = field(default_factory=set)  # codings whose memo changed
    everything: bool = False
    turns: bool = True  # a document's turns, its speakers or the document itself may have changed
    listed: bool = True  # a document itself may have changed (renamed, added, removed)
    counted: Counter[tuple[int, int]] | None = field(default_factory=Counter)

    @property
    def empty(self) -> bool:
        return not (self.everything or self.codings or self.memo_codings)


def _old_and_new(obj: Any, name: str) -> set[int]:
    history = inspect(obj).attrs[name].history
    values = {*history.added, *history.deleted, *history.unchanged}
    return {v for v in values if v is not None}


_UNKNOWN = object()


def _before(obj: Any, name: str) -> Any:
    """The value an attribute had when last flushed (or loaded); ``_UNKNOWN`` when not loaded."""
    history = inspect(obj).attrs[name].history
    if history.deleted:
        return history.deleted[0]
    if history.unchanged:
        return history.unchanged[0]
    return _UNKNOWN


def _count(changes: ChangeSet, session: Session, coding: Coding) -> None:
    """Record how ``coding`` moves the number of codings per (code, document)."""
    if changes.counted is None:
        return
    keys = ("code_id", "document_id")
    moves: list[tuple[object, object, int]] = []
    if coding in session.new:
        moves.append((coding.code_id, coding.document_id, 1))
    else:
        old = tuple(_before(coding, name) for name in keys)
        if coding in session.deleted:
            moves.append((*old, -1))
        else:
            new = (coding.code_id, coding.document_id)
            if old != new:
                moves += [(*old, -1), (*new, 1)]
    for code_id, document_id, step in moves:
        if not isinstance(code_id, int) or not isinstance(document_id, int):
            changes.counted = None  # not told (e.g. set through a relationship): views re-count
            return
        changes.counted[(code_id, document_id)] += step


@contextmanager
def track_changes(session: Session) -> Iterator[ChangeSet]:
    """Collect what ``session`` flushes while the block runs (call it inside the transaction)."""
    changes = ChangeSet(turns=False, listed=False)
    pending: list[Coding] = []

    def before_flush(session_: Session, _context: object, _instances: object) -> None:
        for obj in (*session_.new, *session_.dirty, *session_.deleted):
            if isinstance(obj, Coding):
                _count(changes, session_, obj)
                changes.documents |= _old_and_new(obj, "document_id")
                changes.codes |= _old_and_new(obj, "code_id")
                if obj.id is None:
                    pending.append(obj)  # its id exists after the flush
                else:
                    changes.codings.add(obj.id)
            elif isinstance(obj, Memo):
                owners = _old_and_new(obj, "coding_id")
                if not owners or _old_and_new(obj, "document_id") or _old_and_new(obj, "code_id"):
                    changes.everything = True
                changes.memo_codings |= owners
            elif not isinstance(obj, _UNSHOWN):
                changes.everything = True
                changes.turns |= isinstance(obj, _TRANSCRIPT)
                changes.listed |= isinstance(obj, Document)

    def after_flush(_session: Session, _context: object) -> None:
        changes.codings.update(c.id for c in pending if c.id is not None)
        pending.clear()

    def on_execute(state: ORMExecuteState) -> None:
        if state.is_insert or state.is_update or state.is_delete:
            changes.everything = True
            table = getattr(getattr(state.statement, "table", None), "name", None)
            changes.turns |= table is None or table in _TRANSCRIPT_TABLES
            changes.listed |= table is None or table == Document.__tablename__

    event.listen(session, "before_flush", before_flush)
    event.listen(session, "after_flush", after_flush)
    event.listen(session, "do_orm_execute", on_execute)
    try:
        yield changes
        session.flush()  # what is still pending belongs to this change too
    finally:
        event.remove(session, "before_flush", before_flush)
        event.remove(session, "after_flush", after_flush)
        event.remove(session, "do_orm_execute", on_execute)
