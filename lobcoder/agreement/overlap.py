"""Segment overlap (as MAXQDA): a coding counts as matched when the other coder has one like it.

A coding of coder A is *matched* when a coding by coder B of the same code in
the same document overlaps at least ``threshold`` (default 90 %) of A's
coding; B's codings are checked against A's the same way. The units are the
codings themselves, so there are no units "coded by neither": per code the
table has A's and B's matched codings (both), A's unmatched (A only) and B's
unmatched (B only). Percent agreement is matched / all codings; the
chance-corrected coefficients need the "neither" cell and are left out per
code. As MAXQDA does, the pooled row gives Brennan and Prediger's kappa with
chance agreement 1 / (number of codes compared).
"""

from __future__ import annotations

import numpy as np

from lobcoder.agreement.units import Selection
from lobcoder.analysis.dataset import Dataset, IntArray
from lobcoder.analysis.units import expand

DEFAULT_THRESHOLD = 90.0


def best_overlap(
    group: IntArray, start: IntArray, end: IntArray, other_group: IntArray, other_start: IntArray, other_end: IntArray
) -> IntArray:
    """For each interval, the largest overlap (in characters) with one interval of the other set in its group."""
    best = np.zeros(len(group), dtype=np.int64)
    if not len(group) or not len(other_group):
        return best
    shift = np.int64(1) << 32
    order = np.lexsort((other_start, other_group))
    keys = other_group[order] * shift + other_start[order]
    longest = int((other_end - other_start).max())
    # Candidates start before our end and no earlier than (our start - the longest other interval).
    first = np.searchsorted(keys, group * shift + np.maximum(start - longest, 0), side="left")
    stop = np.searchsorted(keys, group * shift + end, side="left")
    owner, candidate = expand(first, stop)
    candidate = order[candidate]
    overlap = np.minimum(end[owner], other_end[candidate]) - np.maximum(start[owner], other_start[candidate])
    same = other_group[candidate] == group[owner]
    np.maximum.at(best, owner[same], np.maximum(overlap[same], 0))
    return best


def matched(dataset: Dataset, selection: Selection, first: int, second: int, threshold: float) -> np.ndarray:
    """Whether each selected coding of coder bit ``first`` or ``second`` is matched by the other coder.

    Returns a boolean per row of ``selection.rows`` (False for other coders' rows).
    """
    codings = dataset.codings
    rows = selection.rows
    group = codings.code[rows] * len(dataset.documents) + codings.document[rows]
    start, end = codings.start[rows], codings.end[rows]
    result = np.zeros(len(rows), dtype=bool)
    mine = {bit: np.flatnonzero(selection.bits == bit) for bit in (first, second)}
    for bit, other in ((first, second), (second, first)):
        here, there = mine[bit], mine[other]
        best = best_overlap(group[here], start[here], end[here], group[there], start[there], end[there])
        result[here] = best * 100.0 >= threshold * (end[here] - start[here]) - 1e-9
    return result
