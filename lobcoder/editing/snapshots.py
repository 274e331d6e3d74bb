"""Frozen copies of rows, by GUID, from which deleted rows are restored exactly."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from lobcoder.services.codes import RICH_FIELDS, get_code
from lobcoder.services.codings import add_coding, coder_id
from lobcoder.storage.models import Code, Coder, Coding, Memo, new_guid, utcnow


@dataclass(frozen=True)
class MemoSnapshot:
    guid: str
    title: str
    text: str
    coder: str | None
    created_at: datetime
    modified_at: datetime


@dataclass(frozen=True)
class CodingSnapshot:
    guid: str
    document_id: int
    code_guid: str
    start: int
    end: int
    coder: str | None
    created_at: datetime
    memos: tuple[MemoSnapshot, ...] = ()

    @classmethod
    def new(cls, document_id: int, code_guid: str, start: int, end: int, coder: str | None) -> CodingSnapshot:
        """A coding that does not exist yet, with its GUID fixed so redo recreates the same one."""
        return cls(new_guid(), document_id, code_guid, start, end, coder, utcnow())


@dataclass(frozen=True)
class CodeSnapshot:
    guid: str
    parent_guid: str | None
    position: int
    name: str
    color: str
    description: str
    memos: tuple[MemoSnapshot, ...] = ()
    details: tuple[tuple[str, str], ...] = ()  # the rich fields, as (field, value) pairs


def _coder_name(session: Session, coder_id: int | None) -> str | None:
    return session.get(Coder, coder_id).name if coder_id is not None else None  # type: ignore[union-attr]


def _memos(session: Session, **owner: int) -> tuple[MemoSnapshot, ...]:
    memos = session.scalars(select(Memo).filter_by(**owner).order_by(Memo.id))
    return tuple(
        MemoSnapshot(m.guid, m.title, m.text, _coder_name(session, m.coder_id), m.created_at, m.modified_at)
        for m in memos
    )


def snapshot_coding(session: Session, coding: Coding) -> CodingSnapshot:
    code = session.get(Code, coding.code_id)
    assert code is not None
    return CodingSnapshot(
        coding.guid,
        coding.document_id,
        code.guid,
        coding.start,
        coding.end,
        _coder_name(session, coding.coder_id),
        coding.created_at,
        _memos(session, coding_id=coding.id),
    )


def snapshot_code(session: Session, code: Code) -> CodeSnapshot:
    parent = session.get(Code, code.parent_id) if code.parent_id is not None else None
    return CodeSnapshot(
        code.guid,
        parent.guid if parent else None,
        code.position,
        code.name,
        code.color,
        code.description,
        _memos(session, code_id=code.id),
        tuple((field, getattr(code, field)) for field in RICH_FIELDS),
    )


def _restore_memos(session: Session, memos: tuple[MemoSnapshot, ...], **owner: int) -> None:
    for memo in memos:
        session.add(
            Memo(
                guid=memo.guid,
                title=memo.title,
                text=memo.text,
                coder_id=coder_id(session, memo.coder),
                created_at=memo.created_at,
                modified_at=memo.modified_at,
                **owner,
            )
        )


def restore_coding(session: Session, snap: CodingSnapshot) -> Coding:
    code = get_code(session, snap.code_guid)
    coding = add_coding(
        session,
        snap.document_id,
        code.id,
        snap.start,
        snap.end,
        coder=snap.coder,
        guid=snap.guid,
        created_at=snap.created_at,
    )
    _restore_memos(session, snap.memos, coding_id=coding.id)
    return coding


def restore_code(session: Session, snap: CodeSnapshot) -> Code:
    """Recreate a code row as it was (no re-numbering of its siblings)."""
    parent_id = get_code(session, snap.parent_guid).id if snap.parent_guid else None
    code = Code(
        guid=snap.guid,
        parent_id=parent_id,
        position=snap.position,
        name=snap.name,
        color=snap.color,
        description=snap.description,
        **dict(snap.details),
    )
    session.add(code)
    session.flush()
    _restore_memos(session, snap.memos, code_id=code.id)
    return code
