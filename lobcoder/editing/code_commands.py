"""Undoable codebook actions: create, edit, move, merge and delete codes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from lobcoder.editing.base import Command
from lobcoder.editing.snapshots import (
    CodeSnapshot,
    CodingSnapshot,
    restore_code,
    restore_coding,
    snapshot_code,
    snapshot_coding,
)
from lobcoder.errors import Refused
from lobcoder.i18n.catalogue import CATALOGUE
from lobcoder.i18n.said import say
from lobcoder.services.codes import (
    RICH_FIELDS,
    delete_code,
    get_code,
    merge_codes,
    move_code,
    renumber,
    siblings,
    subtree_ids,
)
from lobcoder.services.codes import create_code as _create
from lobcoder.services.codes import update_code as _update
from lobcoder.storage.models import Code, Coding, Memo, new_guid


@dataclass
class CreateCode(Command):
    name: str
    parent_guid: str | None = None
    color: str | None = None
    description: str = ""
    position: int | None = None
    guid: str = field(default_factory=new_guid)
    label: str = "create_code"

    @property
    def label_args(self) -> dict[str, Any]:
        return {"code": self.name}

    def apply(self, session: Session) -> Command:
        parent_id = get_code(session, self.parent_guid).id if self.parent_guid else None
        _create(
            session,
            self.name,
            parent_id,
            color=self.color,
            description=self.description,
            position=self.position,
            guid=self.guid,
        )
        return DeleteCode(self.guid, label=self.label, name=self.name)


@dataclass
class DeleteCode(Command):
    """Delete a code with its sub-codes, codings and memos (restorable exactly)."""

    guid: str
    label: str = "delete_code"
    name: str = ""

    @property
    def label_args(self) -> dict[str, Any]:
        return {"code": self.name}

    def apply(self, session: Session) -> Command:
        code = get_code(session, self.guid)
        ids = subtree_ids(session, code.id)
        codes = [snapshot_code(session, session.get(Code, i)) for i in ids]  # type: ignore[arg-type]
        # In the order SQLite reads them (its index on code and document), on any database.
        in_order = select(Coding).where(Coding.code_id.in_(ids)).order_by(Coding.code_id, Coding.document_id, Coding.id)
        codings = [snapshot_coding(session, c) for c in session.scalars(in_order)]
        delete_code(session, code.id)
        return RestoreCodes(codes, codings, label=self.label, name=codes[0].name)


@dataclass
class RestoreCodes(Command):
    """Bring back deleted codes (parents first) with their codings and memos."""

    codes: Sequence[CodeSnapshot]
    codings: Sequence[CodingSnapshot]
    label: str = "delete_code"
    name: str = ""

    @property
    def label_args(self) -> dict[str, Any]:
        return {"code": self.name}

    def apply(self, session: Session) -> Command:
        top = self.codes[0]
        parent_id = get_code(session, top.parent_guid).id if top.parent_guid else None
        peers = siblings(session, parent_id)
        for snap in self.codes:
            restore_code(session, snap)
        restored = get_code(session, top.guid)
        peers.insert(min(top.position, len(peers)), restored)
        renumber(peers)
        for coding in self.codings:
            restore_coding(session, coding)
        session.flush()
        return DeleteCode(top.guid, label=self.label, name=self.name)


@dataclass
class UpdateCode(Command):
    """Change any of a code's fields; None leaves a field as it is."""

    guid: str
    name: str | None = None
    color: str | None = None
    description: str | None = None
    definition: str | None = None
    inclusion: str | None = None
    exclusion: str | None = None
    examples: str | None = None
    keywords: str | None = None
    label: str = "edit_code"

    @property
    def label_args(self) -> dict[str, Any]:
        return {"code": self.name or ""}

    def _changes(self) -> dict[str, str]:
        fields = ("name", "color", "description", *RICH_FIELDS)
        return {f: getattr(self, f) for f in fields if getattr(self, f) is not None}

    def _check_expected(self, code: Code) -> None:
        """Nothing to check for a change the researcher asks for now (see :class:`UpdateCodeBack`)."""

    def apply(self, session: Session) -> Command:
        code = get_code(session, self.guid)
        self._check_expected(code)
        changes = self._changes()
        before = {f: getattr(code, f) for f in changes}
        rich = {f: v for f, v in changes.items() if f in RICH_FIELDS}
        _update(
            session,
            code.id,
            name=changes.get("name"),
            color=changes.get("color"),
            description=changes.get("description"),
            **rich,
        )
        left = {f: getattr(code, f) for f in changes}  # as stored (a name trimmed, say)
        return UpdateCodeBack(self.guid, label=self.label, expected=left, **before)


@dataclass
class UpdateCodeBack(UpdateCode):
    """The undo (or redo) of a code edit: refused if the fields it puts back no longer hold what the
    edit left, since another window changed them since and overwriting that would lose its change."""

    expected: dict[str, str] = field(default_factory=dict)

    def _check_expected(self, code: Code) -> None:
        for field_name, value in self.expected.items():
            now = getattr(code, field_name)
            if now == value:
                continue
            if field_name == "name":
                raise Refused(say("problem.changed.code_name", now=now, was=value))
            key = f"code.field.{field_name}" if f"code.field.{field_name}" in CATALOGUE else "too_long.field.other"
            raise Refused(say("problem.changed.code", name=code.name, field=say(key)))


@dataclass
class MoveCode(Command):
    guid: str
    parent_guid: str | None
    position: int
    label: str = "move_code"

    def apply(self, session: Session) -> Command:
        code = get_code(session, self.guid)
        parent = session.get(Code, code.parent_id) if code.parent_id is not None else None
        old = MoveCode(self.guid, parent.guid if parent else None, code.position, self.label)
        parent_id = get_code(session, self.parent_guid).id if self.parent_guid else None
        move_code(session, code.id, parent_id, self.position)
        return old


@dataclass
class MergeCodes(Command):
    """Merge ``source`` into ``target``: its codings and sub-codes go to the target."""

    source_guid: str
    target_guid: str
    label: str = "merge_codes"

    def apply(self, session: Session) -> Command:
        source = get_code(session, self.source_guid)
        target = get_code(session, self.target_guid)
        undo = UnmergeCodes(
            snapshot_code(session, source),
            self.target_guid,
            tuple(session.scalars(select(Coding.guid).where(Coding.code_id == source.id))),
            tuple((c.guid, c.position) for c in siblings(session, source.id)),
            self.label,
        )
        merge_codes(session, source.id, target.id)
        return undo


@dataclass
class UnmergeCodes(Command):
    source: CodeSnapshot
    target_guid: str
    coding_guids: Sequence[str]
    children: Sequence[tuple[str, int]]
    label: str = "merge_codes"

    def apply(self, session: Session) -> Command:
        # The merge moved the source's memos to the target; they return with the source.
        moved = [m.guid for m in self.source.memos]
        for memo in session.scalars(select(Memo).where(Memo.guid.in_(moved))):
            session.delete(memo)
        session.flush()
        RestoreCodes([self.source], []).apply(session)
        source = get_code(session, self.source.guid)
        for coding in session.scalars(select(Coding).where(Coding.guid.in_(self.coding_guids))):
            coding.code_id = source.id
        for child_guid, position in self.children:
            move_code(session, get_code(session, child_guid).id, source.id, position)
        session.flush()
        return MergeCodes(self.source.guid, self.target_guid, self.label)
