"""Merging a codebook from a file into a project: a plan first, then one undoable action.

The plan changes nothing; it lets the user (or ``--dry-run``) see what would
be added, updated, left alone or skipped before anything happens. Incoming
codes are matched by GUID first (another lobcoder, or a program that keeps
GUIDs), then by name path under their already matched parent (programs that
make new GUIDs on every export). Anything ambiguous is a conflict and is
skipped rather than guessed.

A field the file leaves empty never erases a filled-in field of the project:
most programs cannot carry definitions or examples at all, and a codebook
round-tripped through one of them must not wipe them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy.orm import Session

from lobcoder.editing.base import Command, Macro
from lobcoder.editing.code_commands import DeleteCode, UpdateCode
from lobcoder.i18n.said import Said, say
from lobcoder.services.codebook_data import Codebook, CodebookCode
from lobcoder.services.codes import RICH_FIELDS, CodeInfo, create_code, get_code, list_codes
from lobcoder.storage.lengths import shorten
from lobcoder.storage.models import Code

ADDED, UPDATED, UNCHANGED, CONFLICTING = "added", "updated", "unchanged", "conflicting"
FIELDS = ("name", "color", "description", *RICH_FIELDS)


@dataclass(frozen=True)
class PlannedCode:
    """What the import would do with one code of the file."""

    path: tuple[str, ...]  # names from the top of the file's tree down to this code
    guid: str  # the code's GUID in the file
    status: str  # ADDED, UPDATED, UNCHANGED or CONFLICTING
    target_guid: str | None = None  # the project code it becomes or matches
    parent_guid: str | None = None  # added codes: the code they go under (None: top level)
    matched_by: str = ""  # "guid", "name" or ""
    changed: tuple[str, ...] = ()  # updated: the fields that differ
    values: tuple[tuple[str, str], ...] = ()  # the file's values of FIELDS
    reason: Said | None = None  # conflicting: why it is skipped (str(reason) is English)

    @property
    def name_path(self) -> str:
        return " > ".join(self.path)


@dataclass(frozen=True)
class CodebookImportPlan:
    codes: tuple[PlannedCode, ...]
    origin: str = ""
    notes: tuple[Said, ...] = ()

    def _with(self, status: str) -> tuple[PlannedCode, ...]:
        return tuple(code for code in self.codes if code.status == status)

    @property
    def added(self) -> tuple[PlannedCode, ...]:
        return self._with(ADDED)

    @property
    def updated(self) -> tuple[PlannedCode, ...]:
        return self._with(UPDATED)

    @property
    def unchanged(self) -> tuple[PlannedCode, ...]:
        return self._with(UNCHANGED)

    @property
    def conflicting(self) -> tuple[PlannedCode, ...]:
        return self._with(CONFLICTING)

    def summary_lines(self) -> list[str]:
        """The plan in plain lines: totals, then each code that changes or is skipped."""
        lines = [
            f"{len(self.added)} added, {len(self.updated)} updated, {len(self.unchanged)} unchanged, "
            f"{len(self.conflicting)} conflicting (skipped)"
        ]
        lines += [f"added: {code.name_path}" for code in self.added]
        lines += [f"updated: {code.name_path} ({', '.join(code.changed)})" for code in self.updated]
        lines += [f"conflicting: {code.name_path}: {code.reason}" for code in self.conflicting]
        lines += [f"note: {note}" for note in self.notes]
        return lines


def _values(code: CodebookCode) -> dict[str, str]:
    return {"name": code.name, "color": code.color, "description": code.description, **code.details()}


def _differences(incoming: dict[str, str], current: CodeInfo) -> tuple[str, ...]:
    changed = []
    for name in FIELDS:
        new, old = incoming[name], getattr(current, name)
        if not new:  # the file says nothing about this field
            continue
        if new.lower() != old.lower() if name == "color" else new != old:
            changed.append(name)
    return tuple(changed)


@dataclass
class _Planner:
    infos: list[CodeInfo]
    file_guids: set[str]
    duplicate_paths: set[tuple[str, ...]]
    planned: list[PlannedCode] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.by_guid = {info.guid.lower(): info for info in self.infos}
        self.by_id = {info.id: info for info in self.infos}
        self.names: dict[int | None, dict[str, CodeInfo]] = {}
        for info in self.infos:
            self.names.setdefault(info.parent_id, {})[info.name.casefold()] = info

    def visit(self, code: CodebookCode, path: tuple[str, ...], parent: tuple[str, Any]) -> None:
        """``parent`` is ("existing", project id or None for the top), ("new", guid) or ("skipped", None)."""
        path = (*path, code.name)
        incoming = _values(code)
        planned = self.plan_one(code, path, parent, incoming)
        self.planned.append(planned)
        if planned.status == CONFLICTING:
            below: tuple[str, Any] = ("skipped", None)
        elif planned.status == ADDED:
            below = ("new", planned.target_guid)
        else:
            below = ("existing", self.by_guid[(planned.target_guid or "").lower()].id)
        for sub in code.children:
            self.visit(sub, path, below)

    def plan_one(
        self, code: CodebookCode, path: tuple[str, ...], parent: tuple[str, Any], incoming: dict[str, str]
    ) -> PlannedCode:
        values = tuple(incoming.items())
        kind, where = parent

        def conflict(reason: Said) -> PlannedCode:
            return PlannedCode(path, code.guid, CONFLICTING, values=values, reason=reason)

        if kind == "skipped":
            return conflict(say("note.conflict.parent"))
        if tuple(name.casefold() for name in path) in self.duplicate_paths:
            return conflict(say("note.conflict.duplicate_path"))
        by_name = self.names.get(where, {}).get(code.name.casefold()) if kind == "existing" else None
        by_guid = self.by_guid.get(code.guid.lower())
        if by_guid is not None:
            if by_name is not None and by_name.id != by_guid.id:
                return conflict(say("note.conflict.guid_and_name", by_guid=by_guid.name, by_name=by_name.name))
            changed = _differences(incoming, by_guid)
            if "name" in changed:
                peers = self.names.get(by_guid.parent_id, {})
                clash = peers.get(code.name.casefold())
                if clash is not None and clash.id != by_guid.id:
                    return conflict(say("note.conflict.rename_clash", name=by_guid.name, sibling=clash.name))
            status = UPDATED if changed else UNCHANGED
            return PlannedCode(path, code.guid, status, by_guid.guid, None, "guid", changed, values)
        if by_name is not None:
            if by_name.guid.lower() in self.file_guids:
                return conflict(say("note.conflict.claimed", name=by_name.name))
            changed = _differences(incoming, by_name)
            status = UPDATED if changed else UNCHANGED
            return PlannedCode(path, code.guid, status, by_name.guid, None, "name", changed, values)
        parent_guid = where if kind == "new" else (self.by_id[where].guid if where is not None else None)
        filled = tuple(name for name in FIELDS if incoming[name])
        return PlannedCode(path, code.guid, ADDED, code.guid, parent_guid, "", filled, values)


def plan_codebook_import(session: Session, codebook: Codebook) -> CodebookImportPlan:
    """What importing ``codebook`` would do to the project; changes nothing.

    A name longer than the project holds is cut to fit (and noted): a
    codebook from another program is never refused for a long name.
    """
    notes: list[Said] = []
    codebook = replace(codebook, codes=_fitted(codebook.codes, notes))
    paths = Counter(tuple(name.casefold() for name in path) for path, _ in codebook.walk())
    planner = _Planner(
        list_codes(session),
        {code.guid.lower() for _, code in codebook.walk()},
        {path for path, count in paths.items() if count > 1},
    )
    for code in codebook.codes:
        planner.visit(code, (), ("existing", None))
    if codebook.sets:
        notes.append(say("note.sets_dropped", count=len(codebook.sets)))
    return CodebookImportPlan(tuple(planner.planned), codebook.origin, tuple(notes))


def _fitted(codes: tuple[CodebookCode, ...], notes: list[Said]) -> tuple[CodebookCode, ...]:
    """``codes`` with every name cut to the column's length; a note for each cut."""
    fitted = []
    for code in codes:
        name, note = shorten(code.name, Code, "name", "note.label.code")
        if note is not None:
            notes.append(note)
        fitted.append(replace(code, name=name, children=_fitted(code.children, notes)))
    return tuple(fitted)


@dataclass
class ImportCodebook(Command):
    """Apply a plan: add the new codes (with the file's GUIDs) and update the changed ones.

    The inverse deletes the added codes and puts the old values back, so undo
    leaves the project exactly as it was.
    """

    plan: CodebookImportPlan
    label: str = "import_codebook"

    @property
    def label_args(self) -> dict[str, Any]:
        return {"count": len(self.plan.added) + len(self.plan.updated)}

    def apply(self, session: Session) -> Command:
        inverses: list[Command] = []
        for planned in self.plan.codes:
            values = dict(planned.values)
            if planned.status == ADDED:
                parent_id = get_code(session, planned.parent_guid).id if planned.parent_guid else None
                create_code(
                    session,
                    values["name"],
                    parent_id,
                    color=values["color"] or None,
                    description=values["description"],
                    position=None,
                    guid=planned.guid,
                    **{name: values[name] for name in RICH_FIELDS},
                )
                inverses.append(DeleteCode(planned.guid, label=self.label, name=values["name"]))
            elif planned.status == UPDATED and planned.target_guid:
                changes = {name: values[name] for name in planned.changed}
                inverses.append(UpdateCode(planned.target_guid, label=self.label, **changes).apply(session))
        return Macro(list(reversed(inverses)), self.label, self.label_args)
