"""Inter-coder agreement per code and pooled, for two coders or more, on any unit.

For two coders every code gets the counts of units coded by A only, B only,
both and neither, percent agreement, Cohen's kappa, Brennan-Prediger kappa,
Gwet's AC1 and Krippendorff's alpha, with seeded bootstrap 95 % intervals for
kappa and alpha. The pooled row treats every (unit, code) decision as one item:
the four counts are summed over the codes shown and the coefficients computed
from the sums. With three coders or more there is a result per pair and one
for the group: percent agreement (share of agreeing coder pairs), Fleiss'
kappa, Gwet's AC1, Brennan-Prediger and Krippendorff's alpha (missing data
allowed: a coder who has not coded a document is missing there).

By default each pair is compared on the documents both of its coders coded,
and the group on the documents all of them coded (Fleiss' kappa needs the
same coders on every unit); every table names its own documents.

Codes nobody marked in the documents compared are left out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from lobcoder.agreement import measures as m
from lobcoder.agreement.overlap import DEFAULT_THRESHOLD, matched
from lobcoder.agreement.units import AgreementUnit, Selection, UnitCounts, count_units, narrow, select_codings
from lobcoder.analysis.dataset import Dataset
from lobcoder.errors import LobcoderError
from lobcoder.i18n.said import say

PAIR_MEASURES = ("percent", "cohen", "brennan_prediger", "gwet_ac1", "alpha")
GROUP_MEASURES = ("percent", "fleiss", "brennan_prediger", "gwet_ac1", "alpha")
WITH_INTERVAL = ("cohen", "alpha")


class AgreementProblem(LobcoderError):
    """Agreement cannot be computed as asked (unknown coder, fewer than two coders, nothing in common)."""


@dataclass(frozen=True)
class AgreementRow:
    """One code (``code_id``) or the pooled row (``code_id`` None).

    ``counts`` are (neither, A only, B only, both) for a pair and (units, units
    someone marked) for a group. A measure that is undefined (everything in one
    category) is NaN; so is every chance-corrected measure per code for
    segment overlap.
    """

    code_id: int | None
    label: str
    level: int
    counts: tuple[int, ...]
    values: Mapping[str, float]
    intervals: Mapping[str, tuple[float, float]] = field(default_factory=dict)


@dataclass(frozen=True)
class AgreementTable:
    """The rows for one pair of coders (``coders`` has two names) or for the group (three or more)."""

    coders: tuple[str, ...]
    measures: tuple[str, ...]
    rows: tuple[AgreementRow, ...]
    pooled: AgreementRow
    documents: tuple[str, ...] = ()
    all_coded: bool = False  # a group compared only on the documents every coder coded (the default)

    @property
    def is_pair(self) -> bool:
        return len(self.coders) == 2


@dataclass(frozen=True)
class AgreementResult:
    """Everything an agreement report shows; ``tables`` holds each pair, then the group if there are 3+ coders."""

    unit: AgreementUnit
    threshold: float
    coders: tuple[str, ...]
    coder_ids: tuple[int, ...]
    documents: tuple[str, ...]
    document_ids: tuple[int, ...]
    tables: tuple[AgreementTable, ...]
    seed: int


def coder_ids(dataset: Dataset, names: Sequence[str] | None) -> tuple[int, ...]:
    """The ids of the coders named (case and surrounding spaces ignored); by default every coder with codings."""
    with_codings = [int(c) for c in np.unique(dataset.codings.coder) if c >= 0]
    if not names:
        found = tuple(c for c in sorted(with_codings, key=lambda c: dataset.coders[c].casefold()))
    else:
        by_name = {name.strip().casefold(): coder for coder, name in dataset.coders.items()}
        missing = [name for name in names if name.strip().casefold() not in by_name]
        if missing:
            known = ", ".join(sorted(dataset.coders.values(), key=str.casefold)) or say("problem.none")
            raise AgreementProblem(say("problem.agreement.no_coder", name=missing[0], known=known))
        found = tuple(dict.fromkeys(by_name[name.strip().casefold()] for name in names))
    if len(found) < 2:
        raise AgreementProblem(say("problem.agreement.two_coders"))
    return found


def agreement(
    dataset: Dataset,
    coders: Sequence[str] | None = None,
    unit: AgreementUnit = "sentence",
    documents: Sequence[int] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    *,
    intervals: bool = True,
    seed: int = m.BOOTSTRAP_SEED,
) -> AgreementResult:
    """Agreement between ``coders`` (names; default all coders) on ``documents`` (ids).

    By default each pair is compared on the documents both coded and the group
    on those all coded; with ``documents``, every table on those of them its
    coders coded (the group with missing coders where someone did not code).
    When no document was coded by all the coders, the group table is left out.

    Raises:
        AgreementProblem: a coder is unknown, fewer than two coders, or no document coded by two of them.
    """
    ids = coder_ids(dataset, coders)
    if not 0 < threshold <= 100:
        raise AgreementProblem(say("problem.agreement.threshold", threshold=f"{threshold:g}"))
    selection = select_codings(dataset, ids, documents)
    if not any(bin(int(r)).count("1") >= 2 for r in selection.raters):
        *first, last = (dataset.coders[c] for c in ids)
        names = say("filter.and", first=", ".join(first), last=last)
        raise AgreementProblem(say("problem.agreement.nothing_coded", names=names))
    bits = [1 << i for i in range(len(ids))]
    pairs = [(a, b) for i, a in enumerate(bits) for b in bits[i + 1 :]]
    tables: list[AgreementTable] = []
    if unit == "overlap":
        tables = [_overlap_table(dataset, narrow(dataset, selection, a | b), a, b, threshold) for a, b in pairs]
    else:
        counts = count_units(dataset, selection, unit)
        tables = [_pair_table(dataset, counts, a, b, intervals, seed) for a, b in pairs]
        everyone = (1 << len(ids)) - 1
        if len(ids) > 2 and (documents is not None or bool((counts.raters == everyone).any())):
            tables.append(_group_table(dataset, counts, intervals, seed, all_coded=documents is None))
    tables = [replace(t, documents=_document_names(dataset, selection, t)) for t in tables]
    return AgreementResult(
        unit,
        threshold,
        tuple(dataset.coders[c] for c in ids),
        ids,
        tuple(dataset.documents[d].name for d in selection.documents.tolist()),
        tuple(dataset.documents[d].id for d in selection.documents.tolist()),
        tuple(tables),
        seed,
    )


def _document_names(dataset: Dataset, selection: Selection, table: AgreementTable) -> tuple[str, ...]:
    """The documents a table compares: those its coders all coded (a group with missing coders: all of them)."""
    names = set(table.coders)
    mask = sum(1 << i for i, c in enumerate(selection.coders) if dataset.coders[c] in names)
    if not table.is_pair and not table.all_coded:
        mask = 0
    kept = selection.documents[(selection.raters & mask) == mask]
    return tuple(dataset.documents[d].name for d in kept.tolist())


def _names(dataset: Dataset, coders: Sequence[int], mask: int) -> tuple[str, ...]:
    return tuple(dataset.coders[c] for i, c in enumerate(coders) if mask >> i & 1)


def pair_tables(counts: UnitCounts, first: int, second: int) -> np.ndarray:
    """(neither, A only, B only, both) per code, over the units both coders rated."""
    both_rate = (counts.raters & (first | second)) == (first | second)
    kinds = np.where(counts.present & first, 1, 0) + np.where(counts.present & second, 2, 0)
    table = np.zeros((counts.weights.shape[0], 4))
    for kind in range(4):
        table[:, kind] = counts.weights[:, both_rate & (kinds == kind)].sum(axis=1)
    return table


def _rows(
    dataset: Dataset,
    codes: np.ndarray,
    counts: np.ndarray,
    values: dict[str, np.ndarray],
    bounds: dict[str, tuple[np.ndarray, np.ndarray]],
) -> tuple[AgreementRow, ...]:
    rows = []
    for i in codes.tolist():
        node = dataset.codes[i]
        rows.append(
            AgreementRow(
                node.id,
                node.name,
                node.depth,
                tuple(int(round(c)) for c in counts[i]),
                {name: float(v[i]) for name, v in values.items()},
                {name: (float(low[i]), float(high[i])) for name, (low, high) in bounds.items()},
            )
        )
    return tuple(rows)


def _pooled(counts: np.ndarray, values: dict[str, np.ndarray], bounds: dict[str, tuple]) -> AgreementRow:
    return AgreementRow(
        None,
        "",
        0,
        tuple(int(round(c)) for c in counts),
        {name: float(v) for name, v in values.items()},
        {name: (float(low), float(high)) for name, (low, high) in bounds.items()},
    )


def _spread(values: np.ndarray, where: np.ndarray, size: int) -> np.ndarray:
    full = np.full(size, np.nan)
    full[where] = values
    return full


def _with_intervals(table: np.ndarray, intervals: bool, seed: int) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    if not intervals:
        return {}
    drawn = m.pair_measures(m.bootstrap_draws(table, seed=seed))
    return {name: m.percentile_interval(drawn[name]) for name in WITH_INTERVAL}


def _pair_table(
    dataset: Dataset, counts: UnitCounts, first: int, second: int, intervals: bool, seed: int
) -> AgreementTable:
    table = pair_tables(counts, first, second)
    shown = np.flatnonzero(table[:, 1:].sum(axis=1) > 0)
    values = m.pair_measures(table)
    pooled_table = table[shown].sum(axis=0)
    bounds = {
        name: (_spread(low, shown, len(table)), _spread(high, shown, len(table)))
        for name, (low, high) in _with_intervals(table[shown], intervals, seed).items()
    }
    rows = _rows(dataset, shown, table, values, bounds)
    pooled = _pooled(pooled_table, m.pair_measures(pooled_table), _with_intervals(pooled_table, intervals, seed))
    return AgreementTable(_names(dataset, counts.coders, first | second), PAIR_MEASURES, rows, pooled)


def _group_table(
    dataset: Dataset, counts: UnitCounts, intervals: bool, seed: int, *, all_coded: bool
) -> AgreementTable:
    everyone = (1 << len(counts.coders)) - 1
    if all_coded:  # only the units every coder rated
        keep = counts.raters == everyone
        counts = replace(
            counts, raters=counts.raters[keep], present=counts.present[keep], weights=counts.weights[:, keep]
        )
    raters = np.array([bin(int(r)).count("1") for r in counts.raters])
    present = np.array([bin(int(p & r)).count("1") for p, r in zip(counts.present, counts.raters, strict=True)])
    ratings = np.column_stack([raters - present, present]).astype(np.float64)
    weights = counts.weights
    shown = np.flatnonzero(weights[:, present > 0].sum(axis=1) > 0)

    def measure(w: np.ndarray) -> dict[str, np.ndarray]:
        return {
            "percent": m.percent_agreement(ratings, w),
            "fleiss": m.fleiss_kappa(ratings, w),
            "brennan_prediger": m.brennan_prediger(ratings, w),
            "gwet_ac1": m.gwet_ac1(ratings, w),
            "alpha": m.krippendorff_alpha(ratings, w),
        }

    def bounds(w: np.ndarray) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        if not intervals:
            return {}
        drawn = m.krippendorff_alpha(ratings, m.bootstrap_draws(w, seed=seed))
        return {"alpha": m.percentile_interval(drawn)}

    marked = np.column_stack([weights.sum(axis=1), weights[:, present > 0].sum(axis=1)])
    per_code = {
        name: (_spread(low, shown, len(weights)), _spread(high, shown, len(weights)))
        for name, (low, high) in bounds(weights[shown]).items()
    }
    rows = _rows(dataset, shown, marked, measure(weights), per_code)
    pooled_weights = weights[shown].sum(axis=0)
    pooled = _pooled(marked[shown].sum(axis=0), measure(pooled_weights), bounds(pooled_weights))
    return AgreementTable(_names(dataset, counts.coders, everyone), GROUP_MEASURES, rows, pooled, all_coded=all_coded)


def _overlap_table(dataset: Dataset, selection: Selection, first: int, second: int, threshold: float) -> AgreementTable:
    found = matched(dataset, selection, first, second, threshold)
    code = dataset.codings.code[selection.rows]
    table = np.zeros((len(dataset.codes), 4))
    for kind, where in ((1, (selection.bits == first) & ~found), (2, (selection.bits == second) & ~found)):
        np.add.at(table[:, kind], code[where], 1)
    np.add.at(table[:, 3], code[found], 1)
    shown = np.flatnonzero(table.sum(axis=1) > 0)
    percent = np.divide(table[:, 3], table.sum(axis=1), out=np.full(len(table), np.nan), where=table.sum(axis=1) > 0)
    nan = np.full(len(table), np.nan)
    values = {"percent": percent, **{name: nan for name in PAIR_MEASURES[1:]}}
    pooled_table = table[shown].sum(axis=0)
    total = pooled_table.sum()
    p_o = pooled_table[3] / total if total else float("nan")
    chance = 1 / len(shown) if len(shown) > 1 else float("nan")
    pooled_values = {name: float("nan") for name in PAIR_MEASURES}
    pooled_values["percent"] = p_o
    pooled_values["brennan_prediger"] = (p_o - chance) / (1 - chance) if len(shown) > 1 else float("nan")
    rows = _rows(dataset, shown, table, values, {})
    pooled = _pooled(pooled_table, {k: np.asarray(v) for k, v in pooled_values.items()}, {})
    return AgreementTable(_names(dataset, selection.coders, first | second), PAIR_MEASURES, rows, pooled)
