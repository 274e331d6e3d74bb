"""Memos: one editable memo per project, document, code or coding."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from lobcoder.storage.models import Memo, utcnow

MemoKind = Literal["project", "document", "code", "coding"]
_COLUMN = {"document": Memo.document_id, "code": Memo.code_id, "coding": Memo.coding_id}


@dataclass(frozen=True)
class MemoTarget:
    kind: MemoKind
    id: int | None = None  # None for the project memo

    def __post_init__(self) -> None:
        if (self.kind == "project") != (self.id is None):
            raise ValueError("the project memo has no id; other memos need one")


def find_memo(session: Session, target: MemoTarget) -> Memo | None:
    query = select(Memo)
    if target.kind == "project":
        query = query.where(Memo.document_id.is_(None), Memo.code_id.is_(None), Memo.coding_id.is_(None))
    else:
        query = query.where(_COLUMN[target.kind] == target.id)
    return session.scalar(query.order_by(Memo.id).limit(1))


def get_memo(session: Session, target: MemoTarget) -> str:
    memo = find_memo(session, target)
    return memo.text if memo else ""


def set_memo(
    session: Session,
    target: MemoTarget,
    text: str,
    coder_id: int | None = None,
    *,
    guid: str | None = None,
    created_at: datetime | None = None,
) -> None:
    """Store ``text`` as the target's memo; an empty text deletes the memo.

    ``guid`` and ``created_at`` are used when the memo is created, so that an
    undone deletion brings back the very same memo.
    """
    memo = find_memo(session, target)
    if not text.strip():
        if memo is not None:
            session.delete(memo)
        session.flush()
        return
    if memo is None:
        memo = Memo(coder_id=coder_id, created_at=created_at or utcnow())
        if guid:
            memo.guid = guid
        if target.kind != "project":
            setattr(memo, f"{target.kind}_id", target.id)
        session.add(memo)
    memo.text = text
    memo.modified_at = utcnow()
    session.flush()
