"""Each document's coded characters, kept in ``documents.covered`` as codings change.

The share of a document that is coded is the union of its codings' spans.
Computing it means reading every coding of the document, so it is kept
instead: when a flush inserts, moves or deletes codings, the union is
measured in the window those codings span, just before and just after the
flush (a few rows over the ``(document_id, start)`` index), and the
difference is added in the same transaction. An action costs what it
changed, whatever the document or project holds.

Bulk statements on codings (deleting or merging a code's codings) cannot be
followed that way: right after one, the documents it may have touched (all,
for an update or delete, unless the statement names them with the execution
option :data:`TOUCHES_DOCUMENTS`) are measured in full
(:func:`covered_characters`); one that changed no row measures nothing.
NULL means "not measured"; readers measure such documents themselves.

Codings inserted without SQLAlchemy (:func:`lobcoder.storage.bulk.insert_rows`,
a merge's thousands of rows) are followed by hand: :func:`covered_characters`
with ``added`` measures what the documents will cover, possibly in a read before the write
lock, and :func:`store_covered` stores it with the insert.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any, cast

from sqlalchemy import Table, bindparam, event, inspect, select, update
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from lobcoder.storage.models import Coding, Document

TOUCHES_DOCUMENTS = "lobcoder_touches_documents"
"""Execution option of a bulk update or delete of codings: the ids of the only documents it can touch."""
_WINDOWS = "lobcoder.coverage.windows"  # session.info: {document_id: (lo, hi)} of the flush under way
_BEFORE = "lobcoder.coverage.before"  # {document_id: covered in its window before the flush}


def union_length(spans: Iterable[tuple[int, int]]) -> int:
    """Characters covered by spans given in order of start."""
    total, run_start, run_end = 0, 0, -1
    for start, end in spans:
        if start > run_end:
            total += max(0, run_end - run_start)
            run_start, run_end = start, end
        elif end > run_end:
            run_end = end
    return total + max(0, run_end - run_start)


def covered_characters(
    session: Session,
    document_ids: Collection[int] | None = None,
    added: Mapping[int, Sequence[tuple[int, int]]] | None = None,
) -> dict[int, int]:
    """Measure in full: per document, the characters at least one coding covers (documents with codings).

    ``added``: spans counted as coded too although not stored (a merge's
    codings before their insert); each document in it is measured. Nothing is written.
    """
    query = select(Coding.document_id, Coding.start, Coding.end).order_by(Coding.document_id, Coding.start)
    if document_ids is not None:
        query = query.where(Coding.document_id.in_(list(document_ids)))
    added = added or {}
    spans: dict[int, list[tuple[int, int]]] = {document_id: [] for document_id in added}
    if document_ids is None or document_ids:
        for document_id, start, end in session.connection().execute(query):
            spans.setdefault(document_id, []).append((start, end))
    return {
        document_id: union_length(sorted([*found, *added[document_id]]) if document_id in added else found)
        for document_id, found in spans.items()
    }


def store_covered(session: Session, covered: Mapping[int, int]) -> None:
    """Store measured covered characters per document (from :func:`covered_characters` with ``added``, for codings inserted in bulk).

    One bulk UPDATE through the session, so a change tracker
    (``storage/changes.py``) learns that more than single codings changed.
    """
    if covered:
        table = cast(Table, Document.__table__)
        session.execute(
            update(table).where(table.c.id == bindparam("row_id")).values(covered=bindparam("value")),
            [{"row_id": document_id, "value": value} for document_id, value in covered.items()],
        )


def _window_coverage(session: Session, document_id: int, lo: int, hi: int) -> int:
    rows = session.connection().execute(
        select(Coding.start, Coding.end)
        .where(Coding.document_id == document_id, Coding.start < hi, Coding.end > lo)
        .order_by(Coding.start)
    )
    return union_length((max(start, lo), min(end, hi)) for start, end in rows)


def _values(obj: Coding, name: str) -> list[Any]:
    history = inspect(obj).attrs[name].history
    return [v for v in (*history.added, *history.deleted, *history.unchanged) if v is not None]


def _before_flush(session: Session, _context: object, _instances: object) -> None:
    windows: dict[int, tuple[int, int]] = {}
    for obj in (*session.new, *session.dirty, *session.deleted):
        if not isinstance(obj, Coding) or (obj in session.dirty and not session.is_modified(obj)):
            continue
        points = [*_values(obj, "start"), *_values(obj, "end")]
        if not points:
            continue
        for document_id in _values(obj, "document_id"):
            lo, hi = windows.get(document_id, (min(points), max(points)))
            windows[document_id] = (min(lo, *points), max(hi, *points))
    session.info[_WINDOWS] = windows
    session.info[_BEFORE] = {d: _window_coverage(session, d, lo, hi) for d, (lo, hi) in windows.items()}


def _after_flush(session: Session, _context: object) -> None:
    windows: dict[int, tuple[int, int]] = session.info.pop(_WINDOWS, {})
    before: dict[int, int] = session.info.pop(_BEFORE, {})
    table = cast(Table, Document.__table__)
    for document_id, (lo, hi) in windows.items():
        change = _window_coverage(session, document_id, lo, hi) - before[document_id]
        if change:
            session.connection().execute(
                update(table)
                .where(table.c.id == document_id, table.c.covered.is_not(None))
                .values(covered=table.c.covered + change)
            )


def _on_execute(state: ORMExecuteState) -> Any:
    """A bulk statement on codings: run it, then measure the documents it may have touched in full."""
    mapper = state.bind_mapper
    if not (state.is_insert or state.is_update or state.is_delete) or mapper is None or mapper.class_ is not Coding:
        return None
    params = state.parameters
    rows: Sequence[Mapping[str, Any]] = params if isinstance(params, list) else [cast(Mapping[str, Any], params or {})]
    named = state.execution_options.get(TOUCHES_DOCUMENTS)
    touched: set[int | None] = (
        {row.get("document_id") for row in rows} if state.is_insert else {None} if named is None else set(named)
    )
    result = state.invoke_statement()
    # A result without a rowcount (SQLAlchemy 2.1's ORM bulk UPDATE by primary key returns an IteratorResult,
    # as pseudonymise/apply.py runs) counts as -1: "unknown", so the documents are measured.
    if not state.is_insert and getattr(result, "rowcount", -1) == 0:
        return result  # no coding changed
    measure(state.session, None if None in touched else {d for d in touched if d is not None})
    return result


def measure(session: Session, document_ids: Collection[int] | None = None) -> None:
    """Store the covered characters of these documents (None: all), measured in full."""
    table = cast(Table, Document.__table__)
    query = select(table.c.id)
    if document_ids is not None:
        query = query.where(table.c.id.in_(list(document_ids)))
    ids = list(session.connection().execute(query).scalars())
    covered = covered_characters(session, ids)
    if ids:
        session.connection().execute(
            update(table).where(table.c.id == bindparam("row_id")).values(covered=bindparam("value")),
            [{"row_id": d, "value": covered.get(d, 0)} for d in ids],
        )


def _forget(session: Session, *_args: object) -> None:
    for key in (_WINDOWS, _BEFORE):
        session.info.pop(key, None)


def keep_coverage(sessions: sessionmaker[Session]) -> None:
    """Keep ``documents.covered`` up to date in every transaction of ``sessions``."""
    event.listen(sessions, "before_flush", _before_flush)
    event.listen(sessions, "after_flush", _after_flush)
    event.listen(sessions, "do_orm_execute", _on_execute)
    event.listen(sessions, "after_rollback", _forget)
