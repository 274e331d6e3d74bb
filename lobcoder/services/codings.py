"""Codings: a code applied to a span of a document, and queries for views."""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lobcoder.errors import NotFoundError
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
    length = session.scalar(select(func.length(Document.text)).where(Document.id == document_id))
    if length is None:
        raise NotFoundError(f"no document with id {document_id}")
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
        raise NotFoundError(f"no code with id {code_id}")
    coding = Coding(document_id=document_id, code_id=code_id, start=start, end=end, coder_id=coder_id(session, coder))
    if guid:
        coding.guid = guid
    if created_at:
        coding.created_at = created_at
    session.add(coding)
    session.flush()
    return coding


def get_coding(session: Session, coding: int | str) -> Coding:
    found = (
        session.get(Coding, coding)
        if isinstance(coding, int)
        else session.scalar(select(Coding).where(func.lower(Coding.guid) == coding.lower()))
    )
    if found is None:
        raise NotFoundError(f"no coding {coding!r} in this project")
    return found


def resize_coding(session: Session, coding_id: int, start: int, end: int) -> None:
    coding = get_coding(session, coding_id)
    _check_span(session, coding.document_id, start, end)
    coding.start, coding.end = start, end
    session.flush()


def _memo_texts(session: Session, coding_ids: list[int] | None = None) -> dict[int, str]:
    query = select(Memo.coding_id, Memo.text).where(Memo.coding_id.is_not(None))
    if coding_ids is not None:
        query = query.where(Memo.coding_id.in_(coding_ids))
    return {coding_id: text for coding_id, text in session.execute(query) if coding_id is not None}


def codings_for_document(session: Session, document_id: int) -> list[CodingView]:
    """All codings of one document, by start then end: what the transcript view paints."""
    rows = session.execute(
        select(Coding, Coder.name)
        .outerjoin(Coder, Coding.coder_id == Coder.id)
        .where(Coding.document_id == document_id)
        .order_by(Coding.start, Coding.end, Coding.id)
    ).all()
    memos = _memo_texts(session, [c.id for c, _ in rows]) if rows else {}
    return [
        CodingView(c.id, c.guid, c.document_id, c.code_id, c.start, c.end, coder, memos.get(c.id, ""), c.created_at)
        for c, coder in rows
    ]


def segments(session: Session, code_ids: list[int], *, context_limit: int = 400) -> list[Segment]:
    """Coded passages of the given codes across all documents, in document order."""
    if not code_ids:
        return []
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
            func.substr(Document.text, Coding.start + 1, func.min(Coding.end - Coding.start, context_limit)),
            Coder.name,
        )
        .join(Document, Coding.document_id == Document.id)
        .join(Code, Coding.code_id == Code.id)
        .outerjoin(Coder, Coding.coder_id == Coder.id)
        .where(Coding.code_id.in_(code_ids))
        .order_by(Document.name, Coding.start, Coding.id)
    ).all()
    return [Segment(*row) for row in rows]


def coded_share(session: Session) -> dict[int, float]:
    """Per document, the share of its characters covered by at least one coding."""
    lengths: dict[int, int] = {
        doc: length for doc, length in session.execute(select(Document.id, func.length(Document.text)))
    }
    covered: dict[int, int] = {}
    last: dict[int, tuple[int, int]] = {}
    rows = session.execute(
        select(Coding.document_id, Coding.start, Coding.end).order_by(Coding.document_id, Coding.start)
    )
    for doc_id, start, end in rows:
        run = last.get(doc_id)
        if run is None or start > run[1]:
            if run is not None:
                covered[doc_id] = covered.get(doc_id, 0) + run[1] - run[0]
            last[doc_id] = (start, end)
        else:
            last[doc_id] = (run[0], max(run[1], end))
    for doc_id, (start, end) in last.items():
        covered[doc_id] = covered.get(doc_id, 0) + end - start
    return {doc_id: (covered.get(doc_id, 0) / length if length else 0.0) for doc_id, length in lengths.items()}
