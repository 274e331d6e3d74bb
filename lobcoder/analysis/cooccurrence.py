"""Code co-occurrence: codes × codes matrices of counts, c-coefficients and conditional shares.

What is counted depends on the **unit** (:mod:`lobcoder.analysis.units`):

* ``overlap``: two codings co-occur when they share at least one character:
  ``[s1, e1)`` and ``[s2, e2)`` with ``s1 < e2`` and ``s2 < e1`` (touching spans
  do not overlap). ``n1`` is the number of codings of code 1; ``n12`` (the
  count) is the number of **pairs** of distinct overlapping codings, one of
  code 1 and one of code 2 (as ATLAS.ti counts quotation pairs). ``a12`` is
  the number of codings of code 1 that overlap at least one coding of code 2.
* ``turn``, ``sentence``, ``paragraph`` (windows of N + 1 consecutive
  paragraphs: codings at most N paragraphs apart; N = 0 is the same
  paragraph), ``document``, ``participant``: the units are those containers.
  A code occurs in a unit when one of its codings touches it; ``n1`` is the
  number of units in which code 1 occurs and ``n12 = a12`` the number in which
  both occur. Codings outside every turn count for no turn; documents without
  a participant count for no participant.

With roll-up (the default) a code stands for itself and all its sub-codes: a
coding of a sub-code is a coding of each ancestor too, and a unit counts once
however many sub-codes occur in it. So a parent "co-occurs" with its own
sub-code wherever the sub-code occurs (for ``overlap``: only with *another*
coding, never with itself).

Measures, for codes i and j:

* ``count``: ``n_ij``; symmetric. The diagonal shows ``n_i``.
* ``jaccard``: the c-coefficient ``k / (n_i + n_j - k)`` with ``k = min(a_ij,
  a_ji)``; symmetric, 0..1, diagonal empty. For container units ``k = n_ij``,
  ATLAS.ti's formula exactly. For ``overlap`` ``k`` is the number of pairs
  when no coding overlaps two codings of the other code, and never more than
  either code's number of codings, so the coefficient cannot exceed 1 when
  one long coding overlaps several short ones.
* ``conditional``: ``a_ij / n_i``, the share of the row code's units (codings
  for ``overlap``) in which the column code occurs; ``conditional_column``:
  ``a_ji / n_j``, the same for the column code. Asymmetric; diagonal empty.

A cell is *flagged* when the c-coefficient is low (< 0.2) but one of the two
conditional shares is high (>= 0.5): a small code that nearly always comes
with a large one, which the c-coefficient hides.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

import numpy as np
import numpy.typing as npt

from lobcoder.analysis.dataset import CodeNode, Dataset, IntArray
from lobcoder.analysis.filters import AnalysisFilter, FilterDescription, select
from lobcoder.analysis.table import Format, Table, TableRow
from lobcoder.analysis.units import UNITS, Unit, expand, memberships
from lobcoder.i18n import format_number, message

Measure = Literal["count", "jaccard", "conditional", "conditional_column"]
Matrix = tuple[tuple[int, ...], ...]
FloatArray = npt.NDArray[np.float64]
LOW_C = 0.2
HIGH_SHARE = 0.5


@dataclass(frozen=True)
class CooccurrenceResult:
    """A co-occurrence matrix over ``codes`` (rows and columns in this order); see the module docstring."""

    codes: tuple[CodeNode, ...]
    unit: Unit
    within: int
    rollup: bool
    filter: AnalysisFilter
    occurrences: tuple[int, ...]
    together: Matrix
    involved: Matrix
    described: FilterDescription = FilterDescription()
    order: Literal["codebook", "similarity"] = "codebook"
    nested: frozenset[tuple[int, int]] = frozenset()
    """Pairs of code ids (both orders) where one code is the other's ancestor; their cells are left empty rolled up."""

    def blank(self) -> frozenset[tuple[int, int]]:
        """Cells (i, j) a table leaves empty: with roll-up a code × its own sub-code (the parent contains it)."""
        if not self.rollup or not self.nested:
            return frozenset()
        position = {code.id: i for i, code in enumerate(self.codes)}
        return frozenset((position[a], position[b]) for a, b in self.nested if a in position and b in position)

    def count(self, i: int, j: int) -> int:
        return self.occurrences[i] if i == j else self.together[i][j]

    def jaccard(self, i: int, j: int) -> float | None:
        if i == j:
            return None
        k = min(self.involved[i][j], self.involved[j][i])
        union = self.occurrences[i] + self.occurrences[j] - k
        return k / union if union else 0.0

    def conditional(self, i: int, j: int) -> float | None:
        """Share of code i's units in which code j occurs."""
        if i == j:
            return None
        return self.involved[i][j] / self.occurrences[i] if self.occurrences[i] else 0.0

    def matrix(self, measure: Measure) -> list[list[float | int | None]]:
        """All cells of one measure, row by row; the diagonal is ``n`` for counts and empty otherwise.

        Rolled up, a code × its own sub-code is empty too (see :meth:`blank`):
        the parent contains every coding of the sub-code, so the cell would
        only repeat the sub-code's own count.
        """
        if measure == "count":
            cells: list[list[float | int | None]] = [list(row) for row in self.together]
            for i, n in enumerate(self.occurrences):
                cells[i][i] = n
        else:
            jaccard, conditional = self._measures()
            chosen = {"jaccard": jaccard, "conditional": conditional, "conditional_column": conditional.T}[measure]
            cells = chosen.tolist()
            for i in range(len(cells)):
                cells[i][i] = None
        for i, j in self.blank():
            cells[i][j] = None
        return cells

    def _measures(self) -> tuple[FloatArray, FloatArray]:
        """The c-coefficient and row-conditional matrices (see :meth:`jaccard`, :meth:`conditional`)."""
        size = len(self.codes)
        n = np.array(self.occurrences, dtype=np.float64)
        involved = np.array(self.involved, dtype=np.float64).reshape(size, size)
        k = np.minimum(involved, involved.T)
        union = n[:, None] + n[None, :] - k
        jaccard = np.divide(k, union, out=np.zeros_like(k), where=union > 0)
        rows = np.broadcast_to(n[:, None], involved.shape)
        conditional = np.divide(involved, rows, out=np.zeros_like(involved), where=rows > 0)
        return jaccard, conditional

    def flagged(self, low_c: float = LOW_C, high_share: float = HIGH_SHARE) -> frozenset[tuple[int, int]]:
        """Cells (i, j) with c < ``low_c`` while one conditional share is at least ``high_share``."""
        size = len(self.codes)
        jaccard, conditional = self._measures()
        together = np.array(self.together).reshape(size, size) > 0
        marked = together & (jaccard < low_c) & (np.maximum(conditional, conditional.T) >= high_share)
        np.fill_diagonal(marked, False)
        for i, j in self.blank():
            marked[i, j] = False
        return frozenset((int(i), int(j)) for i, j in zip(*np.nonzero(marked), strict=True))

    def to_table(self, measure: Measure = "count", language: str = "en") -> Table:
        size = range(len(self.codes))
        hierarchy = self.order == "codebook"
        fmt: Format = "int" if measure == "count" else "float2" if measure == "jaccard" else "percent"
        unit_note = message(f"cooccurrence.note.{self.unit}", language)
        if self.unit == "paragraph" and self.within:
            unit_note = message("cooccurrence.note.window", language, size=self.within + 1, within=self.within)
        rollup = message("cooccurrence.rollup_with" if self.rollup else "cooccurrence.rollup_without", language)
        blank = self.blank()
        if blank:
            rollup += " " + message("cooccurrence.nested", language)
        low, high = format_number(LOW_C, 1, language), format_number(HIGH_SHARE * 100, 0, language) + "%"
        return Table(
            title=message("cooccurrence.title", language, unit=message(f"cooccurrence.unit.{self.unit}", language)),
            row_header=message("table.code", language),
            columns=tuple(code.name for code in self.codes),
            rows=tuple(
                TableRow(code.name, tuple(values), code.depth if hierarchy else 0, code.id)
                for code, values in zip(self.codes, self.matrix(measure), strict=True)
            ),
            formats=tuple(fmt for _ in size),
            notes=(
                unit_note,
                message(f"cooccurrence.measure.{measure}{_overlap_only(measure, self.unit)}", language),
                rollup,
                *self.described.lines(language),
            ),
            shaded=True,
            flagged=self.flagged(),
            flag_note=message("cooccurrence.flag", language, low=low, high=high),
            column_keys=tuple(code.id for code in self.codes),
            blank=blank,
        )

    def reordered(self, order: list[int]) -> CooccurrenceResult:
        """The same result with rows and columns in ``order`` (positions in :attr:`codes`)."""
        return replace(
            self,
            codes=tuple(self.codes[i] for i in order),
            occurrences=tuple(self.occurrences[i] for i in order),
            together=tuple(tuple(self.together[i][j] for j in order) for i in order),
            involved=tuple(tuple(self.involved[i][j] for j in order) for i in order),
        )

    def similarity_order(self) -> list[int]:
        """A greedy chain: start with the most frequent code, then always the most similar (c) unplaced one."""
        left = [i for i in range(len(self.codes)) if self.occurrences[i]]
        if not left:
            return list(range(len(self.codes)))
        jaccard = self._measures()[0].tolist()
        order = [max(left, key=lambda i: (self.occurrences[i], -i))]
        left.remove(order[0])
        while left:
            last = order[-1]
            following = max(left, key=lambda i: (jaccard[last][i], self.occurrences[i], -i))
            order.append(following)
            left.remove(following)
        return order + [i for i in range(len(self.codes)) if not self.occurrences[i]]


def overlap_pairs(dataset: Dataset, rows: IntArray) -> tuple[IntArray, IntArray]:
    """All unordered pairs of overlapping codings among ``rows``, as two arrays of coding rows.

    Sorted by (document, start), coding ``i`` overlaps exactly the codings
    after it that start before it ends, found with one binary search each.
    (One stable sort of a combined key: the same order as sorting by start,
    then by document, in half the time.)
    """
    codings = dataset.codings
    document, start, end = codings.document[rows], codings.start[rows], codings.end[rows]
    scale = int(end.max()) + 1 if len(rows) else 1
    key = document * scale + start
    order = np.argsort(key, kind="stable")
    rows, key = rows[order], key[order]
    stop = np.searchsorted(key, document[order] * scale + end[order], side="left")
    first, second = expand(np.arange(len(rows)) + 1, stop)
    return rows[first], rows[second]


# Marking keys in a table of flags and reading them back costs about 1 ns per
# possible key, sorting about 100 ns per key: flags pay while the table stays
# this many times the keys (and small enough to allocate without a thought).
_FLAGS_PER_KEY = 64
_MOST_FLAGS = 1 << 26


def distinct(keys: IntArray, bound: int | None = None) -> IntArray:
    """The sorted distinct values of non-negative ``keys``, all below ``bound`` when given.

    With a ``bound`` not too large for the number of keys, keys are marked in a
    table of flags instead of sorted (``np.unique``'s hash path is slower still).
    """
    if bound is not None and len(keys) and bound <= min(_FLAGS_PER_KEY * len(keys), _MOST_FLAGS):
        flags = np.zeros(bound, dtype=np.bool_)
        flags[keys] = True
        return np.flatnonzero(flags).astype(np.int64, copy=False)
    keys = np.sort(keys)
    return keys[np.r_[True, keys[1:] != keys[:-1]]] if len(keys) else keys


def _overlap_counts(dataset: Dataset, rows: IntArray, rollup: bool) -> tuple[FloatArray, FloatArray, FloatArray]:
    size = len(dataset.codes)
    code = dataset.codings.code
    first, second = overlap_pairs(dataset, rows)
    c1, c2 = code[first], code[second]
    oriented = np.bincount(c1 * size + c2, minlength=size * size).reshape(size, size).astype(np.float64)
    oriented += oriented.T
    if not rollup:
        together = oriented.copy()
        together[np.diag_indices(size)] /= 2
    else:
        both_ways = dataset.roll_up(dataset.roll_up(oriented, axis=0), axis=1)
        # A pair whose codings both belong to both codes was counted in both orientations.
        within = np.diag(both_ways) / 2
        related = dataset.ancestors > 0
        together = both_ways - np.where(related, within[:, None], np.where(related.T, within[None, :], 0.0))
    # a_ij: each coding of code i counts once for every code j among its partners' codes.
    coding, partner = np.concatenate([first, second]), np.concatenate([c2, c1])
    owner, rolled_partner = dataset.lift(partner, rollup)
    keys = distinct(coding[owner] * size + rolled_partner, len(dataset.codings) * size)
    own = (
        np.bincount(code[keys // size] * size + keys % size, minlength=size * size)
        .reshape(size, size)
        .astype(np.float64)
    )
    involved = dataset.roll_up(own, axis=0) if rollup else own
    occurrences = np.bincount(code[rows], minlength=size).astype(np.float64)
    return (dataset.roll_up(occurrences) if rollup else occurrences), together, involved


def _container_counts(
    dataset: Dataset, rows: IntArray, rollup: bool, unit: Unit, within: int
) -> tuple[FloatArray, FloatArray, FloatArray]:
    size = len(dataset.codes)
    members = memberships(dataset, rows, unit, within, spans=False)
    owner, rolled_code = dataset.lift(dataset.codings.code[members.rows], rollup)
    keys = distinct(members.units[owner] * size + rolled_code)  # (unit, code) once each, sorted by unit
    del members, owner, rolled_code  # memory: the largest arrays go before the pairs are counted
    units, codes = keys // size, keys % size
    del keys
    starts = np.flatnonzero(np.r_[True, units[1:] != units[:-1]])
    del units
    lengths = np.diff(np.r_[starts, len(codes)])
    first = np.repeat(starts, lengths)  # each key's unit: its keys are [first, first + length)
    counts = _pair_counts(codes, first, first + np.repeat(lengths, lengths), size)
    together = counts.reshape(size, size).astype(np.float64)
    return np.diag(together).copy(), together, together


# Every ordered pair of codes in a unit is counted: a paragraph with 15 codes
# (sub-codes lifted to their parents) makes 225 pairs, a large project
# millions. They are made and counted this many at a time, so memory stays
# small however many there are.
_PAIRS_AT_ONCE = 1 << 18


def _pair_counts(codes: IntArray, first: IntArray, stop: IntArray, size: int) -> IntArray:
    """Counts of (``codes[k]``, ``codes[m]``) over every key ``k`` and ``first[k] <= m < stop[k]``, flattened."""
    counts = np.zeros(size * size, dtype=np.int64)
    reached = np.cumsum(stop - first)
    begin = 0
    while begin < len(first):
        done = int(reached[begin - 1]) if begin else 0
        end = max(begin + 1, int(np.searchsorted(reached, done + _PAIRS_AT_ONCE, side="right")))
        entry, partner = expand(first[begin:end], stop[begin:end])
        counts += np.bincount(codes[entry + begin] * size + codes[partner], minlength=size * size)
        begin = end
    return counts


def _nested(dataset: Dataset, shown: list[int]) -> frozenset[tuple[int, int]]:
    """(ancestor id, descendant id) and the reverse, for the codes at ``shown``."""
    related = dataset.ancestors[np.ix_(shown, shown)] > 0  # [i, j]: code j is code i or one of its ancestors
    pairs = set()
    for i, j in zip(*np.nonzero(related), strict=True):
        if i != j:
            a, b = dataset.codes[shown[i]].id, dataset.codes[shown[j]].id
            pairs |= {(a, b), (b, a)}
    return frozenset(pairs)


def _matrix(values: np.ndarray, order: list[int]) -> Matrix:
    picked = np.rint(values[np.ix_(order, order)]).astype(np.int64).tolist()
    return tuple(map(tuple, picked))


def cooccurrence(
    dataset: Dataset,
    flt: AnalysisFilter = AnalysisFilter(),
    unit: Unit = "overlap",
    *,
    within: int = 0,
    rollup: bool = True,
    order: Literal["codebook", "similarity"] = "codebook",
    hide_empty: bool = False,
) -> CooccurrenceResult:
    """The co-occurrence matrix of the filtered codings for ``unit`` (``within``: paragraphs apart)."""
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r}; choose one of {', '.join(UNITS)}")
    if within < 0:
        raise ValueError("within must be 0 or more paragraphs")
    selection = select(dataset, flt)
    if unit == "overlap":
        occurrences, together, involved = _overlap_counts(dataset, selection.rows, rollup)
    else:
        occurrences, together, involved = _container_counts(dataset, selection.rows, rollup, unit, within)
    shown = [code.index for code in selection.codes if not hide_empty or occurrences[code.index]]
    result = CooccurrenceResult(
        codes=tuple(dataset.codes[i] for i in shown),
        unit=unit,
        within=within if unit == "paragraph" else 0,
        rollup=rollup,
        filter=flt,
        occurrences=tuple(int(round(occurrences[i])) for i in shown),
        together=_matrix(together, shown),
        involved=_matrix(involved, shown),
        described=flt.describe(dataset),
        nested=_nested(dataset, shown),
    )
    if order == "similarity":
        return replace(result.reordered(result.similarity_order()), order="similarity")
    return result


def _overlap_only(measure: str, unit: str) -> str:
    """The c-coefficient's note says how overlapping codings count only when the unit is overlap."""
    return "_overlap" if measure == "jaccard" and unit == "overlap" else ""
