"""Code frequencies: codings, documents and participants per code, optionally split into columns.

For each code there are two sets of figures:

* **own**: codings with exactly this code, and the documents and participants
  that have at least one of them;
* **rolled up**: the code and all its sub-codes together. Codings are added
  up (a parent coding and a sub-code coding on the same words are two
  codings); a document or participant is counted once however many of the
  codes occur in it.

Percentages are of the documents (participants) in the filtered set; a
participant counts when any of their filtered documents has the code. When no
document of the data set is linked to a participant (case notes, say), the
table leaves the participant columns out.

``split_by`` gives one column per value of a document attribute (its
effective value, e.g. wave 1/2/3; documents without one form a
"(no value)" column) or, with :data:`Split.DOCUMENT`, one column per document.
Within a value's column, percentages are of that value's documents
(participants with a document of that value).

``then_by`` splits each of those columns again by a second attribute
(school, then wave): one column per pair of values that has documents, under
a spanning header per value of the first attribute.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

from lobcoder.analysis.dataset import NO_VALUE, CodeNode, Dataset
from lobcoder.analysis.filters import (
    AnalysisFilter,
    FilterDescription,
    Selection,
    by_participant,
    document_code_counts,
    rolled,
    select,
    value_groups,
)
from lobcoder.analysis.table import ColumnGroup, Format, Table, TableRow, named_value
from lobcoder.i18n import message

SplitMeasure = Literal["codings", "documents", "document_share", "participants", "participant_share"]
_SPLIT_FORMATS: dict[str, Format] = {
    "codings": "int",
    "documents": "int",
    "document_share": "percent",
    "participants": "int",
    "participant_share": "percent",
}


class Split(enum.Enum):
    """Split columns other than an attribute's values."""

    DOCUMENT = "document"


@dataclass(frozen=True)
class Counts:
    """Figures for one code in one column (or over all filtered documents)."""

    codings: int
    documents: int
    participants: int
    of_documents: int  # the denominators
    of_participants: int

    @property
    def document_share(self) -> float:
        return self.documents / self.of_documents if self.of_documents else 0.0

    @property
    def participant_share(self) -> float:
        return self.participants / self.of_participants if self.of_participants else 0.0

    def get(self, measure: SplitMeasure) -> int | float:
        return getattr(self, measure)


@dataclass(frozen=True)
class CodeFrequency:
    """One code: own and rolled-up figures, and per split column those of the result's mode."""

    code: CodeNode
    own: Counts
    rolled: Counts
    split: tuple[Counts, ...] = ()


def has_participants(dataset: Dataset) -> bool:
    """Whether any document of the data set is linked to a participant (else the participant measures are left out)."""
    return any(document.participant_id is not None for document in dataset.documents)


@dataclass(frozen=True)
class FrequencyResult:
    rows: tuple[CodeFrequency, ...]
    rollup: bool
    documents: int
    participants: int
    split_by: str | Split | None
    split_labels: tuple[str, ...]
    split_keys: tuple[object, ...]
    described: FilterDescription = FilterDescription()
    then_by: str | None = None  # the second split attribute; keys are then ((split_by, v), (then_by, w))
    has_participants: bool = True  # whether any document of the data set (filtered or not) has a participant

    def counts(self, row: CodeFrequency) -> Counts:
        return row.rolled if self.rollup else row.own

    def to_table(self, split_measure: SplitMeasure | None = None, language: str = "en") -> Table:
        """Codings, documents (%), participants (%) per code, then one column per split value.

        ``split_measure`` chooses what split columns show; by default the share
        of documents for an attribute and the number of codings per document.
        """
        if split_measure is None:
            split_measure = "codings" if self.split_by is Split.DOCUMENT else "document_share"
        keys: list[object] = ["codings", "documents", "document_share", "participants", "participant_share"]
        formats: list[Format] = ["int", "int", "percent", "int", "percent"]
        width = 5 if self.has_participants else 3  # the columns before the split columns
        keys, formats = keys[:width], formats[:width]
        columns = [message(f"frequencies.{key}", language) for key in keys]
        columns += [self._split_label(label, language) for label in self.split_labels]
        keys += list(self.split_keys)
        formats += [_SPLIT_FORMATS[split_measure]] * len(self.split_labels)
        rows = []
        for row in self.rows:
            c = self.counts(row)
            values = (c.codings, c.documents, c.document_share, c.participants, c.participant_share)[:width]
            split = tuple(cell.get(split_measure) for cell in row.split)
            rows.append(TableRow(row.code.name, values + split, row.code.depth, row.code.id))
        with_key = "table.rollup_with" if self.has_participants else "table.rollup_with_documents"
        mode = message(with_key if self.rollup else "table.rollup_without", language)
        if self.has_participants:
            base = message("frequencies.base", language, documents=self.documents, participants=self.participants)
        else:
            base = message("frequencies.base_documents", language, documents=self.documents)
        groups: tuple[ColumnGroup, ...] = ()
        column_n: tuple[str, ...] = ()
        if self.split_labels:
            split_name = self._split_name(language)
            measure = message(f"frequencies.split.{split_measure}", language)
            base += " " + message("frequencies.split_columns", language, split=split_name, measure=measure)
            if self.then_by is not None:
                groups = self._outer_groups(language, width)
            elif self.split_by is not Split.DOCUMENT:
                groups = (ColumnGroup(split_name, width, len(self.split_labels)),)
            if self.split_by is not Split.DOCUMENT:
                people = split_measure in ("participants", "participant_share")
                unit = message("frequencies.split.participants" if people else "frequencies.split.documents", language)
                base += " " + message("frequencies.split_n", language, unit=unit, split=split_name)
                if split_measure in ("document_share", "participant_share"):
                    base += " " + message("frequencies.split_share", language)
                first = self.rows[0].split if self.rows else ()
                counts = [c.of_participants if people else c.of_documents for c in first]
                column_n = ("",) * width + tuple(message("table.n", language, n=n) for n in counts)
        return Table(
            title=message("frequencies.title", language),
            row_header=message("table.code", language),
            columns=tuple(columns),
            rows=tuple(rows),
            formats=tuple(formats),
            notes=(base, mode, *self.described.lines(language)),
            column_keys=tuple(keys),
            groups=groups,
            column_n=column_n,
        )

    def _split_name(self, language: str) -> str:
        if self.split_by is Split.DOCUMENT:
            return message("frequencies.per_document", language)
        return f"{self.split_by} × {self.then_by}" if self.then_by is not None else str(self.split_by)

    def _outer_groups(self, language: str, first: int) -> tuple[ColumnGroup, ...]:
        """One spanning header per value of the first attribute, over its columns of the second (from ``first``)."""
        spans: dict[tuple[str, str], list[int]] = {}  # the columns come grouped by the first value
        for column, key in enumerate(self.split_keys, start=first):
            spans.setdefault(key[0], []).append(column)  # type: ignore[index]
        return tuple(
            ColumnGroup(self._split_label(_value_label(attribute, value), language), columns[0], len(columns))
            for (attribute, value), columns in spans.items()
        )

    def _split_label(self, label: str, language: str) -> str:
        """A column's (or group's) label, with "(no value)" in ``language``; a document's name as it is."""
        if label == NO_VALUE and self.split_by is not Split.DOCUMENT:
            return message("table.no_value", language)
        return label


def _value_label(attribute: str, value: str) -> str:
    """A column's label, "ronde 1"; without a value :data:`NO_VALUE`, which the table words."""
    return value if value == NO_VALUE else named_value(attribute, value)


def _counts(dataset: Dataset, codings: npt.NDArray[np.float64], documents: list[int]) -> list[Counts]:
    """Counts per code over the document indices ``documents``; ``codings`` is documents × codes."""
    part = codings[documents]
    people = by_participant(dataset, part > 0, documents)
    totals, docs, persons = part.sum(0), (part > 0).sum(0), people.sum(0)
    return [
        Counts(int(round(totals[k])), int(docs[k]), int(persons[k]), len(documents), len(people))
        for k in range(codings.shape[1])
    ]


def _groups(
    dataset: Dataset, selection: Selection, split_by: str | Split, then_by: str | None = None
) -> list[tuple[str, object, list[int]]]:
    """(label, key, document indices) per split column.

    A key is the column's (attribute, value); under a second split it is
    ((first attribute, its value), (second attribute, its value)), and only
    pairs of values that have documents make a column.
    """
    kept = selection.documents.tolist()
    if split_by is Split.DOCUMENT:
        return [(dataset.documents[i].name, dataset.documents[i].id, [i]) for i in kept]
    if then_by is None:
        return _value_columns(dataset, kept, split_by)
    return [
        column
        for value, members in value_groups(dataset, kept, split_by).items()
        for column in _value_columns(dataset, members, then_by, within=(split_by, value))
    ]


def _value_columns(
    dataset: Dataset, members: list[int], attribute: str, within: tuple[str, str] | None = None
) -> list[tuple[str, object, list[int]]]:
    """(label, key, document indices) per value of ``attribute`` among ``members`` (keys under ``within``)."""
    return [
        (_value_label(attribute, v), (attribute, v) if within is None else (within, (attribute, v)), part)
        for v, part in value_groups(dataset, members, attribute).items()
    ]


def frequencies(
    dataset: Dataset,
    flt: AnalysisFilter = AnalysisFilter(),
    split_by: str | Split | None = None,
    rollup: bool = True,
    then_by: str | None = None,
) -> FrequencyResult:
    """Frequencies of the filtered codings per code (see the module docstring).

    Raises:
        ValueError: ``then_by`` without an attribute ``split_by``.
    """
    if then_by is not None and not isinstance(split_by, str):
        raise ValueError("a second split needs a first split by an attribute")
    selection = select(dataset, flt)
    per_document = document_code_counts(dataset, selection)
    kept = selection.documents.tolist()
    own = _counts(dataset, per_document, kept)
    up = _counts(dataset, rolled(dataset, per_document, True), kept)
    groups = _groups(dataset, selection, split_by, then_by) if split_by is not None else []
    mode = rolled(dataset, per_document, rollup)
    split = [_counts(dataset, mode, members) for _, _, members in groups]
    rows = tuple(
        CodeFrequency(code, own[code.index], up[code.index], tuple(column[code.index] for column in split))
        for code in selection.codes
    )
    return FrequencyResult(
        rows=rows,
        rollup=rollup,
        documents=len(kept),
        participants=len(selection.participants),
        split_by=split_by,
        split_labels=tuple(label for label, _, _ in groups),
        split_keys=tuple(key for _, key, _ in groups),
        described=flt.describe(dataset),
        then_by=then_by,
        has_participants=has_participants(dataset),
    )
