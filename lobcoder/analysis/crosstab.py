"""Crosstabs: codes × values of an attribute, and participants × waves for one code or a set.

:func:`crosstab` counts, per code and value (e.g. code × wave, code × role),
the filtered codings, or the documents or participants with at least one
(rolled up by default, as in :mod:`lobcoder.analysis.frequencies`). A
document falls under its effective value; documents without one form a
"(no value)" column. A participant counts under every value one of their
documents has, so with a document attribute such as wave one person can count
in several columns.

Percentages are shares of a row's total (``percent="row"``) or a column's
total (``"column"``). A row total is the sum of its cells, except when counting
participants: then it is the number of participants with the code, each once,
so it never exceeds the n under the Total column; with a document attribute a
person under several values makes the cells add up to more (row percentages to
more than 100%), and a note says so. A column total is the sum of the column
over the codes shown that have no ancestor shown as well: with roll-up a
parent already contains its sub-codes, so adding them again would count
codings twice. The Total row and column hold these totals; their corner is the
sum of the row totals over the same codes.

:func:`participant_by_wave` follows the same people over the waves: one row
per participant, one column per wave, and in each cell the number of codings
of the chosen codes (a coding counted once even if it matches several). A
cell is empty (None) when the participant has no document in that wave, and 0
when they have one without such codings.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from lobcoder.analysis.dataset import NO_VALUE, CodeNode, Dataset
from lobcoder.analysis.filters import (
    AnalysisFilter,
    FilterDescription,
    by_participant,
    document_code_counts,
    join_names,
    rolled,
    select,
    value_groups,
)
from lobcoder.analysis.table import ColumnGroup, Format, Table, TableRow, named_value
from lobcoder.i18n import message

CountWhat = Literal["codings", "documents", "participants"]
Percent = Literal["row", "column"] | None


@dataclass(frozen=True)
class CrosstabResult:
    """``cells[i][j]``: the count for ``codes[i]`` under ``values[j]``."""

    attribute: str
    codes: tuple[CodeNode, ...]
    values: tuple[str, ...]
    cells: tuple[tuple[int, ...], ...]
    count: CountWhat
    rollup: bool
    described: FilterDescription = FilterDescription()
    column_n: tuple[int, ...] = ()  # documents (participants when counting them) with each value
    total_n: int | None = None  # all filtered documents (participants): one can have several values
    totals: tuple[int, ...] = ()  # each code's Total column when it is not the sum of its cells (participants)

    def row_totals(self) -> tuple[int, ...]:
        return self.totals or tuple(sum(row) for row in self.cells)

    def _several_values(self) -> bool:
        """Whether a participant falls under more than one value, so cells can add up to more than the total."""
        return self.count == "participants" and self.total_n is not None and sum(self.column_n) > self.total_n

    def _top(self) -> list[int]:
        """The rows added into column totals: codes without a shown ancestor (all rows without roll-up)."""
        if not self.rollup:
            return list(range(len(self.codes)))
        shown = {code.id for code in self.codes}
        parent = {code.id: code.parent_id for code in self.codes}
        top = []
        for i, code in enumerate(self.codes):
            ancestor = code.parent_id
            while ancestor is not None and ancestor not in shown:
                ancestor = parent.get(ancestor)
            if ancestor is None:
                top.append(i)
        return top

    def column_totals(self) -> tuple[int, ...]:
        top = self._top()
        return tuple(sum(self.cells[i][j] for i in top) for j in range(len(self.values)))

    def to_table(self, percent: Percent = None, language: str = "en") -> Table:
        labels = (message("table.no_value", language) if v == NO_VALUE else v for v in self.values)
        columns = (*labels, message("table.total", language))
        column_totals = self.column_totals()
        row_totals = self.row_totals()
        grand = sum(row_totals[i] for i in self._top())
        fmt: Format = "int" if percent is None else "percent"

        def cell(value: int, row_total: int, column_total: int) -> int | float:
            if percent == "row":
                return value / row_total if row_total else 0.0
            if percent == "column":
                return value / column_total if column_total else 0.0
            return value

        rows = []
        for code, values, total in zip(self.codes, self.cells, row_totals, strict=True):
            cells = [cell(v, total, c) for v, c in zip(values, column_totals, strict=True)]
            rows.append(TableRow(code.name, (*cells, cell(total, total, grand)), code.depth, code.id))
        totals = [cell(c, grand, c) for c in column_totals]
        rows.append(TableRow(message("table.total", language), (*totals, cell(grand, grand, grand)), 0, None))
        what = message(f"crosstab.count.{self.count}", language)
        notes = [message("crosstab.per", language, what=what, attribute=self.attribute)]
        column_n: tuple[str, ...] = ()
        if self.column_n:
            people = self.count == "participants"
            unit = message("frequencies.split.participants" if people else "frequencies.split.documents", language)
            notes[0] += " " + message("frequencies.split_n", language, unit=unit, split=self.attribute)
            total = self.total_n if self.total_n is not None else sum(self.column_n)
            column_n = tuple(message("table.n", language, n=n) for n in (*self.column_n, total))
        if percent is not None:
            notes[0] += " " + message(f"crosstab.percent.{percent}", language)
        if self._several_values():  # one teacher in wave 1 and wave 3 is one person in Total
            notes.append(message("crosstab.totals.participants_several", language, attribute=self.attribute))
        elif self.count != "codings":  # "Totaal 7" under "n = 2" is not seven people
            notes.append(message(f"crosstab.totals.{self.count}", language))
        if self.rollup:
            notes.append(message("crosstab.rollup", language))
        return Table(
            title=message("crosstab.title", language, attribute=self.attribute),
            row_header=message("table.code", language),
            columns=columns,
            rows=tuple(rows),
            formats=tuple(fmt for _ in columns),
            notes=(*notes, *self.described.lines(language)),
            column_keys=(*((self.attribute, v) for v in self.values), None),
            groups=(ColumnGroup(self.attribute, 0, len(self.values)),) if self.values else (),
            column_n=column_n,
        )


def crosstab(
    dataset: Dataset,
    attribute: str,
    flt: AnalysisFilter = AnalysisFilter(),
    count: CountWhat = "codings",
    rollup: bool = True,
) -> CrosstabResult:
    """Codes × values of ``attribute`` (see the module docstring); percentages come with ``to_table``."""
    selection = select(dataset, flt)
    per_document = rolled(dataset, document_code_counts(dataset, selection), rollup)
    groups = value_groups(dataset, selection.documents.tolist(), attribute)
    columns = []
    people = count == "participants"
    column_n = []
    for members in groups.values():
        column_n.append(len(_people(dataset, members)) if people else len(members))
        part = per_document[members]
        if count == "codings":
            columns.append(part.sum(0))
        elif count == "documents":
            columns.append((part > 0).sum(0))
        else:
            columns.append(by_participant(dataset, part > 0, members).sum(0))
    cells = tuple(tuple(int(round(column[code.index])) for column in columns) for code in selection.codes)
    total_n = len(selection.participants) if people else len(selection.documents)
    totals: tuple[int, ...] = ()
    if people:  # each person once, however many values their documents have
        everyone = selection.documents.tolist()
        with_code = by_participant(dataset, per_document[everyone] > 0, everyone).sum(0)
        totals = tuple(int(with_code[code.index]) for code in selection.codes)
    return CrosstabResult(
        attribute,
        selection.codes,
        tuple(groups),
        cells,
        count,
        rollup,
        flt.describe(dataset),
        tuple(column_n),
        total_n,
        totals,
    )


def _people(dataset: Dataset, documents: Iterable[int]) -> set[int]:
    found = {dataset.documents[i].participant_id for i in documents}
    return {p for p in found if p is not None}


@dataclass(frozen=True)
class ParticipantWaveResult:
    """``cells[i][j]``: codings of the chosen codes for ``participants[i]`` in ``waves[j]``, None if not interviewed."""

    attribute: str
    codes: tuple[CodeNode, ...]
    participants: tuple[tuple[int, str], ...]
    waves: tuple[str, ...]
    cells: tuple[tuple[int | None, ...], ...]
    rollup: bool = True
    described: FilterDescription = FilterDescription()

    def to_table(self, language: str = "en") -> Table:
        rows = []
        for (person_id, name), values in zip(self.participants, self.cells, strict=True):
            total = sum(v for v in values if v is not None)
            rows.append(TableRow(name, (*values, total), 0, person_id))
        names = join_names([code.name for code in self.codes], language)
        no_value = message("table.no_value", language)
        columns = (
            *(named_value(self.attribute, w) if w != NO_VALUE else no_value for w in self.waves),
            message("table.total", language),
        )
        codings = "waves.codings_rollup" if self.rollup else "waves.codings"
        waves_n = [sum(row[j] is not None for row in self.cells) for j in range(len(self.waves))]
        return Table(
            title=message("waves.title", language, attribute=self.attribute, codes=names),
            row_header=message("waves.participant", language),
            columns=columns,
            rows=tuple(rows),
            formats=tuple("int" for _ in columns),
            notes=(
                message(codings, language, codes=names, attribute=self.attribute),
                message("waves.empty", language, attribute=self.attribute),
                *self.described.lines(language),
            ),
            column_keys=(*((self.attribute, w) for w in self.waves), None),
            groups=(ColumnGroup(self.attribute, 0, len(self.waves)),) if self.waves else (),
            column_n=tuple(message("table.n", language, n=n) for n in (*waves_n, len(self.participants))),
        )


def participant_by_wave(
    dataset: Dataset,
    codes: Iterable[int],
    flt: AnalysisFilter = AnalysisFilter(),
    attribute: str = "wave",
    rollup: bool = True,
) -> ParticipantWaveResult:
    """Participants × values of ``attribute`` with codings of ``codes`` (see the module docstring)."""
    chosen = [dataset.code(code_id) for code_id in codes]
    indices = {i for code in chosen for i in (dataset.subtree(code.id) if rollup else (code.index,))}
    selection = select(dataset, flt)
    per_document = document_code_counts(dataset, selection)[:, sorted(indices)].sum(1)
    linked = [i for i in selection.documents.tolist() if dataset.documents[i].participant_id is not None]
    groups = value_groups(dataset, linked, attribute)
    cells = []
    for person in selection.participants:
        row: list[int | None] = []
        for members in groups.values():
            mine = [i for i in members if dataset.documents[i].participant_id == person]
            row.append(int(round(per_document[mine].sum())) if mine else None)
        cells.append(tuple(row))
    return ParticipantWaveResult(
        attribute=attribute,
        codes=tuple(chosen),
        participants=tuple((p, dataset.participants[p]) for p in selection.participants),
        waves=tuple(groups),
        cells=tuple(cells),
        rollup=rollup,
        described=flt.describe(dataset),
    )
