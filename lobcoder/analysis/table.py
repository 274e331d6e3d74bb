"""A result table as every exporter and view takes it: plain values, no formatting objects."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

Value = int | float | str | None
Format = Literal["int", "percent", "float2", "text"]


@dataclass(frozen=True)
class TableRow:
    """One row: a label (indented by ``level`` for sub-codes) and one value per column."""

    label: str
    values: tuple[Value, ...]
    level: int = 0
    key: object = None  # what the row stands for (a code id, a participant...), for drill-down


@dataclass(frozen=True)
class ColumnGroup:
    """A header over ``count`` columns from ``first`` on: the attribute whose values they are (e.g. "ronde")."""

    label: str
    first: int
    count: int

    def __contains__(self, column: object) -> bool:
        return isinstance(column, int) and self.first <= column < self.first + self.count


def named_value(attribute: str, value: str) -> str:
    """The value with its attribute, "ronde 1", unless it names the attribute itself ("ronde1", "Ronde 1")."""
    head, rest = value[: len(attribute)], value[len(attribute) :]
    if head.casefold() == attribute.casefold() and not rest[:1].isalpha():
        return value
    return f"{attribute} {value}"


@dataclass(frozen=True)
class Table:
    """What exporters (Word, Excel, CSV) and views render.

    ``formats`` gives one format per column: ``int`` counts, ``percent`` a share
    stored as 0..1 and shown as "42.0%", ``float2`` a measure shown with two
    decimals, ``text`` as is. ``shaded`` asks for a heat map over the numeric
    cells (co-occurrence), ``blank`` cells are greyed and never shaded;
    ``flagged`` marks cells (row, column) to emphasise,
    with ``flag_note`` explaining the mark in the table notes. ``notes`` are
    printed under the table (unit, measure, filters).
    """

    title: str
    row_header: str
    columns: tuple[str, ...]
    rows: tuple[TableRow, ...]
    formats: tuple[Format, ...]
    notes: tuple[str, ...] = ()
    shaded: bool = False
    flagged: frozenset[tuple[int, int]] = field(default_factory=frozenset)
    flag_note: str = ""
    column_keys: tuple[object, ...] = ()  # what each column stands for, for drill-down
    blank: frozenset[tuple[int, int]] = field(default_factory=frozenset)
    """Cells (row, column) left empty on purpose and shown grey (a code × its own sub-code, rolled up)."""
    groups: tuple[ColumnGroup, ...] = ()
    """Spanning headers; Word and Excel print them above their columns, which then show only their value."""
    column_n: tuple[str, ...] = ()
    """Per column "" or its base, e.g. "n = 12", printed under the column's name."""

    def __post_init__(self) -> None:
        if len(self.formats) != len(self.columns):
            raise ValueError("one format per column is needed")
        for row in self.rows:
            if len(row.values) != len(self.columns):
                raise ValueError(f"row {row.label!r} has {len(row.values)} values for {len(self.columns)} columns")

    def group_of(self, column: int) -> ColumnGroup | None:
        return next((group for group in self.groups if column in group), None)

    def column_title(self, column: int) -> str:
        """The column's name on one line, with its group: "ronde 1" (CSV, text, the app's header)."""
        name, group = self.columns[column], self.group_of(column)
        return name if group is None else named_value(group.label, name)

    def short_column(self, column: int) -> str:
        """The column's name under its spanning header: "1" for "ronde 1" under "ronde"."""
        name, group = self.columns[column], self.group_of(column)
        if group is not None and name.startswith(group.label + " "):
            return name[len(group.label) + 1 :]
        return name

    def n_of(self, column: int) -> str:
        return self.column_n[column] if column < len(self.column_n) else ""

    def column_parts(self, limit: int) -> tuple[Table, ...]:
        """The table as parts of at most ``limit`` columns that never split a group (for a printed page).

        The columns outside any group stay in the first part; whole groups are
        packed after them in order. Each part keeps every row. A table without
        groups, or one that fits, is returned whole (a group wider than
        ``limit`` becomes a part of its own).
        """
        if not self.groups or len(self.columns) <= limit:
            return (self,)
        parts: list[list[int]] = [[j for j in range(len(self.columns)) if self.group_of(j) is None]]
        for group in self.groups:
            if parts[-1] and len(parts[-1]) + group.count > limit:
                parts.append([])
            parts[-1].extend(range(group.first, group.first + group.count))
        return tuple(self._columns(part) for part in parts if part)

    def _columns(self, keep: list[int]) -> Table:
        """The table with only the columns ``keep`` (in order; whole groups)."""
        where = {old: new for new, old in enumerate(keep)}
        groups = tuple(ColumnGroup(g.label, where[g.first], g.count) for g in self.groups if g.first in where)
        return replace(
            self,
            columns=tuple(self.columns[j] for j in keep),
            rows=tuple(replace(row, values=tuple(row.values[j] for j in keep)) for row in self.rows),
            formats=tuple(self.formats[j] for j in keep),
            flagged=frozenset((i, where[j]) for i, j in self.flagged if j in where),
            column_keys=tuple(self.column_keys[j] for j in keep) if self.column_keys else (),
            blank=frozenset((i, where[j]) for i, j in self.blank if j in where),
            groups=groups,
            column_n=tuple(self.n_of(j) for j in keep) if self.column_n else (),
        )

    @property
    def wide(self) -> bool:
        """Whether the table needs a landscape page in Word."""
        return len(self.columns) > 7
