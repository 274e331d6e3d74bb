"""Undoable coding actions: apply codes, remove codings, recode, resize, memos."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from lobcoder.editing.base import Command
from lobcoder.editing.snapshots import CodingSnapshot, restore_coding, snapshot_coding
from lobcoder.errors import NotFoundError, Refused
from lobcoder.i18n.said import say
from lobcoder.services.codes import get_code
from lobcoder.services.codings import get_coding, resize_coding
from lobcoder.services.memos import MemoKind, MemoTarget, find_memo, set_memo
from lobcoder.storage.models import Code, Coding, Document


def _still_there(session: Session, guid: str) -> Coding:
    """The coding, or refused: the window that made the command may show one another window removed since."""
    try:
        return get_coding(session, guid)
    except NotFoundError:
        raise Refused(say("problem.gone.coding")) from None


@dataclass
class InsertCodings(Command):
    """Create codings (new ones, or ones an undo brings back with their memos)."""

    codings: Sequence[CodingSnapshot]
    label: str = "apply_code"
    code_name: str = ""  # for the Edit menu ("Apply code ‘Visie’ to 1 passage"); empty: not named

    @property
    def label_args(self) -> dict[str, Any]:
        return {"count": len(self.codings), "code": self.code_name}

    def apply(self, session: Session) -> Command:
        for guid in dict.fromkeys(snap.code_guid for snap in self.codings):
            # The window that made this command may show a code another window deleted since.
            if session.scalar(select(Code.id).where(Code.guid == guid)) is None:
                gone = say("problem.gone.code_named", name=self.code_name) if self.code_name else None
                raise Refused(gone or say("problem.gone.code"))
        for snap in self.codings:
            restore_coding(session, snap)
        return RemoveCodings([snap.guid for snap in self.codings], label=self.label)


@dataclass
class RemoveCodings(Command):
    guids: Sequence[str]
    label: str = "remove_coding"

    @property
    def label_args(self) -> dict[str, Any]:
        return {"count": len(self.guids)}

    def apply(self, session: Session) -> Command:
        snaps = []
        for guid in self.guids:
            coding = _still_there(session, guid)
            snaps.append(snapshot_coding(session, coding))
            session.delete(coding)
        session.flush()
        return InsertCodings(snaps, label=self.label)


def apply_code(
    document_id: int, code_guid: str, spans: Sequence[tuple[int, int]], coder: str | None, code_name: str = ""
) -> InsertCodings:
    """The command that codes each span of one document with one code (``code_name`` names it in the Edit menu)."""
    snaps = [CodingSnapshot.new(document_id, code_guid, s, e, coder) for s, e in spans]
    return InsertCodings(snaps, code_name=code_name)


@dataclass
class ChangeCodingCode(Command):
    coding_guid: str
    code_guid: str
    label: str = "change_code"

    def apply(self, session: Session) -> Command:
        coding = _still_there(session, self.coding_guid)
        old = session.get(Code, coding.code_id)
        assert old is not None
        if session.scalar(select(Code.id).where(Code.guid == self.code_guid)) is None:
            raise Refused(say("problem.gone.code"))
        coding.code_id = get_code(session, self.code_guid).id
        session.flush()
        return ChangeCodingCode(self.coding_guid, old.guid, self.label)


@dataclass
class ResizeCoding(Command):
    coding_guid: str
    start: int
    end: int
    label: str = "resize_coding"

    def apply(self, session: Session) -> Command:
        coding = _still_there(session, self.coding_guid)
        old = (coding.start, coding.end)
        resize_coding(session, coding.id, self.start, self.end)
        return ResizeCoding(self.coding_guid, *old, label=self.label)


@dataclass
class SetMemo(Command):
    """Replace the memo of the project (guid None), a document, a code or a coding."""

    kind: MemoKind
    guid: str | None
    text: str
    label: str = "edit_memo"
    memo_guid: str | None = None  # identity of a memo that an undo re-creates
    created_at: datetime | None = None

    def _target(self, session: Session) -> MemoTarget:
        if self.kind == "project":
            return MemoTarget("project")
        model = {"document": Document, "code": Code, "coding": Coding}[self.kind]
        row_id = session.scalar(select(model.id).where(model.guid == self.guid))  # type: ignore[attr-defined]
        if row_id is None:
            raise Refused(say(f"problem.refused.memo_gone.{self.kind}"))
        return MemoTarget(self.kind, row_id)

    def apply(self, session: Session) -> Command:
        target = self._target(session)
        memo = find_memo(session, target)
        if memo is None:
            inverse = SetMemo(self.kind, self.guid, "", self.label)
        else:
            inverse = SetMemo(self.kind, self.guid, memo.text, self.label, memo.guid, memo.created_at)
        # The inverse of a deletion carries the memo's GUID and creation time,
        # so undo brings back the very same memo.
        set_memo(session, target, self.text, guid=self.memo_guid, created_at=self.created_at)
        return inverse
