"""Codings: a code applied to a span of a document, and queries for views."""

from __future__ import annotations

import getpass
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from lobcoder.errors import NotFoundError
from lobcoder.i18n.said import say
from lobcoder.storage.coverage import covered_characters
from lobcoder.storage.models import Code, Coder, Coding, Document, Memo


@dataclass(frozen=True)
class CodingView:
    id: int
    guid: str
    document_id: int
    code_id: int
    start: int
    end: int
    coder: str | None
    memo: str
    created_at: datetime


@dataclass(frozen=True)
class Segment:
    """A coded passage as lists of segments show it."""

    coding_id: int
    coding_guid: str
    document_id: int
    document_name: str
    code_id: int
    code_name: str
    start: int
    end: int
    text: str
    coder: str | None


def default_coder_name() -> str:
    try:
        return getpass.getuser() or "coder"
    except (KeyError, OSError):
        return "coder"


def coder_id(session: Session, name: str | None) -> int | None:
    """Id of the coder called ``name``, created on first use."""
    if not name:
        return None
    coder = session.scalar(select(Coder).where(Coder.name == name))
    if coder is None:
        coder = Coder(name=name)
        session.add(coder)
        session.flush()
    return coder.id


def _check_span(session: Session, document_id: int, start: int, end: int) -> None:
    length = session.scalar(select(Document.length).where(Document.id == document_id))
    if length is None:
        raise NotFoundError(say("problem.not_found.document_id", id=document_id))
    if not 0 <= start < end <= length:
        raise ValueError(f"span {start}-{end} is empty or outside the document (length {length})")


def add_coding(
    session: Session,
    document_id: int,
    code_id: int,
    start: int,
    end: int,
    *,
    coder: str | None = None,
    guid: str | None = None,
    created_at: datetime | None = None,
) -> Coding:
    _check_span(session, document_id, start, end)
    if session.get(Code, code_id) is None:
        raise NotFoundError(say("problem.not_found.code_id", id=code_id))
    coding = Coding(document_id=document_id, code_id=code_id, start=start, end=end, coder_id=coder_id(session, coder))
    if guid:
        coding.guid = guid
    if created_at:
        coding.created_at = created_at
    session.add(coding)
    session.flush()
    return coding


def get_coding(session: Session, coding: int | str) -> Coding:
    """A coding by id or GUID; GUIDs compare case-insensitively, the exact spelling first (over its index)."""
    if isinstance(coding, int):
        found = session.get(Coding, coding)
    else:
        found = session.scalar(select(Coding).where(Coding.guid == coding))
        if found is None:  # a GUID written in other capitals (REFI-QDA files use upper case)
            found = session.scalar(select(Coding).where(func.lower(Coding.guid) == coding.lower()))
    if found is None:
        raise NotFoundError(say("problem.not_found.coding", coding=coding))
    return found


def resize_coding(session: Session, coding_id: int, start: int, end: int) -> None:
    coding = get_coding(session, coding_id)
    _check_span(session, coding.document_id, start, end)
    coding.start, coding.end = start, end
    session.flush()


def codings_for_document(
    session: Session, document_id: int, coding_ids: Collection[int] | None = None
) -> list[CodingView]:
    """Codings of one document (or those of ``coding_ids`` in it), by start then end: what the transcript paints.

    Plain rows, no ORM objects: a long transcript has thousands of codings.
    """
    query = (
        select(
            Coding.id,
            Coding.guid,
            Coding.document_id,
            Coding.code_id,
            Coding.start,
            Coding.end,
            Coder.name,
            Memo.text,
            Coding.created_at,
        )
        .select_from(Coding)
        .outerjoin(Coder, Coding.coder_id == Coder.id)
        .outerjoin(Memo, Memo.coding_id == Coding.id)
        .where(Coding.document_id == document_id)
        .order_by(Coding.start, Coding.end, Coding.id)
    )
    if coding_ids is not None:
        query = query.where(Coding.id.in_(list(coding_ids)))
    found: dict[int, CodingView] = {}
    # Through the connection: plain Core rows, without the ORM's per-row loading machinery.
    for row in session.connection().execute(query):
        if row[0] not in found:  # one memo per coding; a stray second one is not shown twice
            found[row[0]] = CodingView(*row[:7], row[7] or "", row[8])
    return list(found.values())


def segments(session: Session, code_ids: list[int], *, context_limit: int = 400) -> list[Segment]:
    """Coded passages of the given codes across all documents, in document order."""
    if not code_ids:
        return []
    length = Coding.end - Coding.start
    rows = session.execute(
        select(
            Coding.id,
            Coding.guid,
            Coding.document_id,
            Document.name,
            Coding.code_id,
            Code.name,
            Coding.start,
            Coding.end,
            # case(), not the two-argument min() that only SQLite has.
            func.substr(Document.text, Coding.start + 1, case((length < context_limit, length), else_=context_limit)),
            Coder.name,
        )
        .join(Document, Coding.document_id == Document.id)
        .join(Code, Coding.code_id == Code.id)
        .outerjoin(Coder, Coding.coder_id == Coder.id)
        .where(Coding.code_id.in_(code_ids))
        .order_by(Document.name, Coding.start, Coding.id)
    ).all()
    return [Segment(*row) for row in rows]


def coded_share(session: Session, document_ids: Collection[int] | None = None) -> dict[int, float]:
    """Per document (all, or ``document_ids``), the share of its characters covered by at least one coding.

    Read from the stored lengths and coded characters (``storage/coverage.py``
    keeps them); documents not measured yet are measured here.
    """
    query = select(Document.id, Document.length, Document.covered)
    if document_ids is not None:
        query = query.where(Document.id.in_(list(document_ids)))
    rows = session.connection().execute(query).all()
    unmeasured = covered_characters(session, [d for d, _length, covered in rows if covered is None])
    return {
        doc_id: ((covered if covered is not None else unmeasured.get(doc_id, 0)) / length if length else 0.0)
        for doc_id, length, covered in rows
    }


def coding_counts(session: Session, document_ids: Collection[int] | None = None) -> dict[int, int]:
    """Codings per document (all, or ``document_ids``), counted over the ``(document_id, start)`` index."""
    query = select(Coding.document_id, func.count()).group_by(Coding.document_id)
    if document_ids is not None:
        query = query.where(Coding.document_id.in_(list(document_ids)))
    return {document_id: count for document_id, count in session.execute(query)}
