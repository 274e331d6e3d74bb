"""What planning an attribute sheet found: plain values the CLI and GUI can show."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from lobcoder.errors import FileProblem
from lobcoder.i18n.said import Said
from lobcoder.participants.value_types import Value
from lobcoder.storage.models import AttributeScope, AttributeType

Key = Literal["document", "participant"]
Status = Literal["added", "changed", "unchanged"]


def value_status(previous: object, value: object) -> Status:
    return "added" if previous is None else "unchanged" if previous == value else "changed"


class PlanOutdated(FileProblem):
    """The project changed between planning and applying; plan the sheet again."""


@dataclass(frozen=True)
class Owner:
    """Who a value belongs to: a document, or a participant (``id`` None if new)."""

    scope: AttributeScope
    name: str
    id: int | None


@dataclass(frozen=True)
class ColumnPlan:
    header: str
    name: str  # the attribute's name: an existing attribute keeps its own spelling
    type: AttributeType
    scope: AttributeScope
    is_new: bool


@dataclass(frozen=True)
class RowMatch:
    row: int
    key_value: str
    target: Owner


@dataclass(frozen=True)
class UnmatchedRow:
    row: int
    key_value: str


@dataclass(frozen=True)
class AmbiguousRow:
    row: int
    key_value: str
    candidates: tuple[str, ...]


@dataclass(frozen=True)
class ValueProblem:
    """A cell that cannot be used; ``wording`` says why in any language, ``reason`` in English."""

    row: int
    column: str
    value: str
    wording: Said

    @property
    def reason(self) -> str:
        return self.wording.text("en")


@dataclass(frozen=True)
class Conflict:
    """Rows that give one owner different values for one column; none is applied."""

    owner: Owner
    column: str
    values: tuple[tuple[int, str], ...]  # (row, cell text)


@dataclass(frozen=True)
class PlannedValue:
    column: str
    owner: Owner
    value: Value
    previous: object
    status: Status


@dataclass(frozen=True)
class PlannedLink:
    document: Owner
    participant: Owner
    previous: str | None
    status: Status


@dataclass(frozen=True)
class ApplyResult:
    attributes_created: tuple[str, ...]
    participants_created: tuple[str, ...]
    links_set: int
    added: int
    changed: int
    unchanged: int


@dataclass(frozen=True)
class SheetPlan:
    path: Path
    key: Key
    key_column: str
    participant_column: str | None
    columns: tuple[ColumnPlan, ...]
    matched: tuple[RowMatch, ...]
    unmatched: tuple[UnmatchedRow, ...]
    ambiguous: tuple[AmbiguousRow, ...]
    problems: tuple[ValueProblem, ...]
    conflicts: tuple[Conflict, ...]
    values: tuple[PlannedValue, ...]
    links: tuple[PlannedLink, ...]
    new_participants: tuple[str, ...]

    def _count(self, status: Status) -> int:
        return sum(v.status == status for v in self.values)

    @property
    def added(self) -> int:
        return self._count("added")

    @property
    def changed(self) -> int:
        return self._count("changed")

    @property
    def unchanged(self) -> int:
        return self._count("unchanged")

    @property
    def has_problems(self) -> bool:
        """Whether some rows or values were rejected (and will not be applied)."""
        return bool(self.unmatched or self.ambiguous or self.problems or self.conflicts)

    def summary_lines(self) -> list[str]:
        """Short English lines for the CLI, most important first."""
        lines = [
            f"{self.path.name}: rows keyed by {self.key} column {self.key_column!r}",
            f"rows: {len(self.matched)} matched, {len(self.unmatched)} unmatched, {len(self.ambiguous)} ambiguous",
            f"values: {self.added} to add, {self.changed} to change, {self.unchanged} unchanged",
        ]
        if self.links:
            moved = sum(link.status != "unchanged" for link in self.links)
            lines.append(f"document links: {moved} to set, {len(self.links) - moved} unchanged")
        if self.new_participants:
            lines.append(f"new participants: {', '.join(self.new_participants)}")
        for c in self.columns:
            lines.append(f"column {c.header!r}: {c.type.value}, {c.scope.value}{' (new)' if c.is_new else ''}")
        lines += [f"row {u.row}: {u.key_value!r} matches no {self.key}" for u in self.unmatched]
        lines += [f"row {a.row}: {a.key_value!r} is ambiguous ({', '.join(a.candidates)})" for a in self.ambiguous]
        lines += [f"row {p.row}, {p.column!r}: {p.value!r} {p.reason}" for p in self.problems]
        for k in self.conflicts:
            given = ", ".join(f"{text!r} (row {row})" for row, text in k.values)
            lines.append(f"conflict: {k.owner.scope.value} {k.owner.name!r}, {k.column!r}: {given}")
        return lines
