"""The fast paths of the overlap matrix give exactly what the plain algorithms give.

``overlap_pairs`` sorts by one combined key, ``distinct`` marks keys in a table
of flags, ``Dataset.lift`` reads a padded table of ancestors. Each is checked on
generated code trees and codings against the straightforward version it
replaced (kept here as the reference), and the whole overlap matrix against
the one those references compute.
"""

from __future__ import annotations

import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from lobcoder.analysis import cooccurrence as co
from lobcoder.analysis.dataset import CodeNode, CodingTable, Dataset
from lobcoder.analysis.units import expand

# -- the replaced algorithms, as they were ---------------------------------------------------


def reference_lift(dataset: Dataset, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    own, up = np.nonzero(dataset.ancestors)
    bounds = np.searchsorted(own, np.arange(len(dataset.codes) + 1))
    counts = bounds[codes + 1] - bounds[codes]
    owner = np.repeat(np.arange(len(codes)), counts)
    offsets = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
    return owner, up[bounds[codes][owner] + offsets]


def reference_pairs(dataset: Dataset, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    c = dataset.codings
    rows = rows[np.lexsort((c.start[rows], c.document[rows]))]
    document, start, end = c.document[rows], c.start[rows], c.end[rows]
    scale = int(end.max()) + 1 if len(rows) else 1
    stop = np.searchsorted(document * scale + start, document * scale + end, side="left")
    first, second = expand(np.arange(len(rows)) + 1, stop)
    return rows[first], rows[second]


def reference_distinct(keys: np.ndarray) -> np.ndarray:
    keys = np.sort(keys)
    return keys[np.r_[True, keys[1:] != keys[:-1]]] if len(keys) else keys


def reference_counts(dataset: Dataset, rows: np.ndarray, rollup: bool) -> tuple[np.ndarray, ...]:
    size = len(dataset.codes)
    code = dataset.codings.code
    first, second = reference_pairs(dataset, rows)
    c1, c2 = code[first], code[second]
    oriented = np.bincount(c1 * size + c2, minlength=size * size).reshape(size, size).astype(np.float64)
    oriented += oriented.T
    if not rollup:
        together = oriented.copy()
        together[np.diag_indices(size)] /= 2
    else:
        both_ways = dataset.roll_up(dataset.roll_up(oriented, axis=0), axis=1)
        within = np.diag(both_ways) / 2
        related = dataset.ancestors > 0
        together = both_ways - np.where(related, within[:, None], np.where(related.T, within[None, :], 0.0))
    coding, partner = np.concatenate([first, second]), np.concatenate([c2, c1])
    owner, rolled = reference_lift(dataset, partner) if rollup else (np.arange(len(partner)), partner)
    keys = reference_distinct(coding[owner] * size + rolled)
    own = np.bincount(code[keys // size] * size + keys % size, minlength=size * size).reshape(size, size)
    involved = dataset.roll_up(own.astype(np.float64), axis=0) if rollup else own.astype(np.float64)
    occurrences = np.bincount(code[rows], minlength=size).astype(np.float64)
    return (dataset.roll_up(occurrences) if rollup else occurrences), together, involved


# -- generated data sets ------------------------------------------------------------------


@st.composite
def datasets(draw: st.DrawFn) -> Dataset:
    """A code tree (each code's parent is an earlier code or none) and codings over a few documents."""
    parents = [None]
    for n in range(1, draw(st.integers(1, 12))):
        parents.append(draw(st.none() | st.integers(0, n - 1)))
    ancestors = np.zeros((len(parents), len(parents)))
    for n in range(len(parents)):
        walk: int | None = n
        while walk is not None:
            ancestors[n, walk] = 1.0
            walk = parents[walk]
    # Codebook order is depth-first in the app; the algorithms only need a consistent ancestors matrix.
    codes = tuple(CodeNode(n + 1, f"Code {n}", None, 0, "#000000", n) for n in range(len(parents)))
    spans = draw(
        st.lists(
            st.tuples(st.integers(0, 3), st.integers(0, len(parents) - 1), st.integers(0, 60), st.integers(1, 25)),
            max_size=60,
        )
    )
    columns = [np.array(values, dtype=np.int64) for values in zip(*spans, strict=True)] or [np.zeros(0, np.int64)] * 4
    document, code, start, length = columns
    table = CodingTable(
        id=np.arange(len(spans), dtype=np.int64) + 1,
        document=document,
        code=code,
        coder=np.full(len(spans), -1, dtype=np.int64),
        start=start,
        end=start + length,
    )
    return Dataset(
        codes=codes,
        documents=(),
        participants={},
        coders={},
        attribute_names=(),
        attribute_values={},
        codings=table,
        ancestors=ancestors,
    )


@settings(max_examples=150, derandomize=True, deadline=None)
@given(datasets(), st.data())
def test_fast_paths_equal_the_plain_algorithms(dataset: Dataset, data: st.DataObject) -> None:
    n = len(dataset.codings)
    rows = np.flatnonzero(np.array(data.draw(st.lists(st.booleans(), min_size=n, max_size=n)), dtype=bool))
    codes = dataset.codings.code[rows]
    for found, expected in zip(dataset.lift(codes), reference_lift(dataset, codes), strict=True):
        assert found.tolist() == expected.tolist()
    pairs = [array.tolist() for array in co.overlap_pairs(dataset, rows)]
    assert pairs == [array.tolist() for array in reference_pairs(dataset, rows)]
    c = dataset.codings
    brute = {
        frozenset((x, y))
        for x, y in itertools.combinations(rows.tolist(), 2)
        if c.document[x] == c.document[y] and c.start[x] < c.end[y] and c.start[y] < c.end[x]
    }
    assert {frozenset(pair) for pair in zip(*pairs, strict=True)} == brute
    assert len(pairs[0]) == len(brute)  # each pair once
    for rollup in (True, False):
        found = co._overlap_counts(dataset, rows, rollup)
        for got, expected in zip(found, reference_counts(dataset, rows, rollup), strict=True):
            assert got.tolist() == expected.tolist()


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.lists(st.integers(0, 500), max_size=80), st.integers(0, 2000))
def test_distinct_by_flags_equals_distinct_by_sorting(keys: list[int], headroom: int) -> None:
    array = np.array(keys, dtype=np.int64)
    bound = (max(keys) + 1 if keys else 0) + headroom  # small bounds take the flags, large ones the sort
    expected = reference_distinct(array).tolist()
    assert co.distinct(array, bound).tolist() == expected
    assert co.distinct(array).tolist() == expected
    assert expected == sorted(set(keys))
