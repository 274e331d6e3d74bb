"""Turning units into feature vectors: lemma words and pairs, character n-grams, the question, the neighbours.

Each block of features is TF-IDF weighted, scaled to unit length and then
weighted by :data:`BLOCKS`, so a long interviewer question cannot drown the
unit's own words. Character n-grams (3 to 5, within words) would let
``loopbaangesprek`` and ``gesprekken`` share evidence where lemmas do not;
on the development set they gained nothing and tripled training time, so
the models read :data:`LEARNED` blocks only.
The vocabulary is what the training units contain (a feature must occur in
two of them, except the unit's own lemmas), so a model is a few arrays that
are stored without pickling.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from lobcoder.suggest import mined
from lobcoder.suggest.context import UnitText

BLOCKS = {"w": 1.0, "c": 0.6, "q": 0.5, "n": 0.35}
LEARNED = ("w", "q", "n")  # what the per-code models read: character n-grams cost training time and gained nothing

CHAR_SIZES = (3, 4, 5)


def unit_features(unit: UnitText, blocks: Sequence[str] = tuple(BLOCKS)) -> dict[str, Counter[str]]:
    """The features of one unit, by block (only the blocks asked for)."""
    words = list(unit.words)
    found: dict[str, Counter[str]] = {}
    if "w" in blocks:
        found["w"] = Counter(words)
        found["w"].update(mined.pairs(words))  # the pairs learned keywords are mined from and matched by
    if "c" in blocks:
        chars: Counter[str] = Counter()
        for word in set(words):
            padded = f" {word} "
            for size in CHAR_SIZES:
                chars.update(padded[i : i + size] for i in range(len(padded) - size + 1))
        found["c"] = chars
    if "q" in blocks:
        found["q"] = Counter(unit.question)
    if "n" in blocks:
        found["n"] = Counter(unit.neighbours)
    return found


class Vectorizer:
    """A fixed vocabulary with IDF weights; :meth:`transform_both` gives CSR matrices."""

    def __init__(self, vocabulary: Sequence[str], idf: np.ndarray) -> None:
        self.vocabulary = list(vocabulary)
        self.index = {feature: i for i, feature in enumerate(self.vocabulary)}
        self.idf = np.asarray(idf, dtype=np.float64)

    @classmethod
    def fit(cls, units: Sequence[UnitText], blocks: Sequence[str] = LEARNED) -> Vectorizer:
        df: Counter[str] = Counter()
        for unit in units:
            for block, counter in unit_features(unit, blocks).items():
                df.update(f"{block}:{f}" for f in counter)
        kept = sorted(f for f, n in df.items() if n >= 2 or (f.startswith("w:") and " " not in f))
        total = len(units)
        idf = np.array([math.log((1 + total) / (1 + df[f])) + 1.0 for f in kept])
        return cls(kept, idf)

    @property
    def size(self) -> int:
        return len(self.vocabulary)

    def transform_both(
        self, units: Sequence[UnitText], blocks: Sequence[str], part: Sequence[str]
    ) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
        """The matrix of ``blocks``, and of the blocks ``part`` among them, from one reading of the units
        (each block is scaled on its own, so the second is the first with only those blocks' values)."""
        rows: list[int] = []
        cols: list[int] = []
        values: list[float] = []
        picked: list[int] = []  # positions of the values of the ``part`` blocks
        for row, unit in enumerate(units):
            for block, counter in unit_features(unit, blocks).items():
                found = [
                    (i, (1.0 + math.log(n)) * self.idf[i])
                    for f, n in counter.items()
                    if (i := self.index.get(f"{block}:{f}")) is not None
                ]
                norm = math.sqrt(sum(v * v for _, v in found))
                if norm == 0.0:
                    continue
                scale = BLOCKS[block] / norm
                if block in part:
                    picked.extend(range(len(values), len(values) + len(found)))
                for i, v in found:
                    rows.append(row)
                    cols.append(i)
                    values.append(v * scale)
        shape = (len(units), self.size)
        whole = sparse.csr_matrix((values, (rows, cols)), shape=shape, dtype=np.float64)
        some = sparse.csr_matrix(
            ([values[k] for k in picked], ([rows[k] for k in picked], [cols[k] for k in picked])),
            shape=shape,
            dtype=np.float64,
        )
        return whole, some
