"""Apply a merge plan as one undoable action; the inverse removes exactly what it added.

Codings are written in bulk (one INSERT for thousands of rows), because a
merge of a whole second coder's project must take seconds, not minutes.
Everything the plan adds keeps the GUID the plan gave it, so undo followed by
redo brings back the very same rows.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from lobcoder.editing.base import Command
from lobcoder.editing.merge_plan import ADDED, MergePlan
from lobcoder.services.codes import create_code, delete_code, get_code
from lobcoder.storage.models import Code, Coder, Coding, Document, Memo, utcnow
from lobcoder.text.normalize import normalize_text

_CHUNK = 500  # rows per IN (...) list, well below every database's parameter limit


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _ids(session: Session, column: Any, id_column: Any, guids: Sequence[str]) -> dict[str, int]:
    result: dict[str, int] = {}
    for chunk in _chunks(list(guids)):
        result.update(
            (guid.lower(), row_id)
            for guid, row_id in session.execute(select(column, id_column).where(column.in_(chunk)))
        )
    return result


@dataclass
class MergeCoding(Command):
    """Add the plan's coders, codes, codings and memos."""

    plan: MergePlan
    label: str = "merge_coding"

    @property
    def label_args(self) -> dict[str, Any]:
        return {"count": len(self.plan.codings), "source": self.plan.other_name}

    def apply(self, session: Session) -> Command:
        plan = self.plan
        for coder in plan.coders:
            if coder.status == ADDED:
                session.add(Coder(name=coder.name, guid=coder.guid))
        session.flush()
        for code in plan.codes:
            if code.status == ADDED:
                parent_id = get_code(session, code.parent_guid).id if code.parent_guid else None
                create_code(
                    session,
                    code.name,
                    parent_id,
                    color=code.color or None,
                    description=code.description,
                    guid=code.guid,
                    **dict(code.details),  # type: ignore[arg-type]  # only RICH_FIELDS, all str
                )
        code_ids = {guid.lower(): i for guid, i in session.execute(select(Code.guid, Code.id))}
        coder_ids = {guid.lower(): i for guid, i in session.execute(select(Coder.guid, Coder.id))}
        lengths = dict(
            session.execute(
                select(Document.id, Document.text).where(Document.id.in_({c.document_id for c in plan.codings}))
            ).all()
        )
        rows = []
        for coding in plan.codings:
            if not 0 <= coding.start < coding.end <= len(lengths.get(coding.document_id, "")):
                raise ValueError(f"span {coding.start}-{coding.end} lies outside its document; nothing was merged")
            rows.append(
                {
                    "guid": coding.guid,
                    "document_id": coding.document_id,
                    "code_id": code_ids[coding.code_guid],
                    "coder_id": coder_ids[coding.coder_guid] if coding.coder_guid else None,
                    "start": coding.start,
                    "end": coding.end,
                    "created_at": coding.created_at,
                }
            )
        if rows:
            session.execute(insert(Coding), rows)
        self._memos(session, coder_ids)
        session.flush()
        return UnmergeCoding(plan, self.label)

    def _memos(self, session: Session, coder_ids: dict[str, int]) -> None:
        targets: dict[str, list[str]] = {}
        for memo in self.plan.memos:
            if memo.target_guid:
                targets.setdefault(memo.target_kind, []).append(memo.target_guid)
        columns = {
            "document": (Document.guid, Document.id),
            "code": (Code.guid, Code.id),
            "coding": (Coding.guid, Coding.id),
        }
        ids = {kind: _ids(session, *columns[kind], guids) for kind, guids in targets.items()}
        for memo in self.plan.memos:
            if memo.action == "append":
                session.execute(
                    update(Memo)
                    .where(Memo.guid == memo.memo_guid)
                    .values(text=normalize_text(memo.text), modified_at=utcnow())
                )
                continue
            row = Memo(
                guid=memo.memo_guid,
                title=memo.title[:300],
                text=memo.text,
                coder_id=coder_ids.get(memo.coder_guid) if memo.coder_guid else None,
                created_at=memo.created_at or utcnow(),
                modified_at=memo.modified_at or utcnow(),
            )
            if memo.target_guid:
                setattr(row, f"{memo.target_kind}_id", ids[memo.target_kind][memo.target_guid.lower()])
            session.add(row)


@dataclass
class UnmergeCoding(Command):
    """Undo a merge: put memos back, then delete the added codings, codes and coders."""

    plan: MergePlan
    label: str = "merge_coding"

    @property
    def label_args(self) -> dict[str, Any]:
        return {"count": len(self.plan.codings), "source": self.plan.other_name}

    def apply(self, session: Session) -> Command:
        plan = self.plan
        added_memos = [m.memo_guid for m in plan.memos if m.action == "add"]
        for chunk in _chunks(added_memos):
            session.execute(delete(Memo).where(Memo.guid.in_(chunk)))
        for memo in plan.memos:
            if memo.action == "append":
                session.execute(update(Memo).where(Memo.guid == memo.memo_guid).values(text=memo.old_text))
        for chunk in _chunks([c.guid for c in plan.codings]):
            session.execute(delete(Coding).where(Coding.guid.in_(chunk)))
        session.expire_all()
        for code in reversed(plan.codes):
            if code.status == ADDED:
                found = session.scalar(select(Code.id).where(Code.guid == code.guid))
                if found is not None:
                    delete_code(session, found)
        added_coders = [c.guid for c in plan.coders if c.status == ADDED]
        for chunk in _chunks(added_coders):
            session.execute(delete(Coder).where(Coder.guid.in_(chunk)))
        session.flush()
        return MergeCoding(plan, self.label)
