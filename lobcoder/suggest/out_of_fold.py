"""A code's learned scores measured out of fold: each coded sentence scored by models learned without its document.

The three learned scores (:data:`classifier.SCORES` after the codebook's):
the logistic regression's decision, the learned keywords (:mod:`mined`)
and the mean similarity to the nearest coded sentences. Their out-of-fold
values are what the stacking weights, the adjustment and the reliability of
a code are chosen and measured on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from lobcoder.suggest import mined, stacking
from lobcoder.suggest.classifier import nearest_mean
from lobcoder.suggest.fits import Fit, Fits


@dataclass(frozen=True)
class CodeData:
    x: sparse.csr_matrix  # all features
    lemma: sparse.csr_matrix  # lemma features (similarity)
    binary: sparse.csr_matrix  # which lemma terms each unit has (learned keywords)
    names: list[str]  # the terms of the columns
    y: np.ndarray


def mine(binary: sparse.csr_matrix, names: Sequence[str], y: np.ndarray) -> tuple[dict[str, float], np.ndarray]:
    """Learned keywords from these units, and their weights as a vector over the columns."""
    positive = np.asarray(binary[y == 1].sum(axis=0)).ravel()
    negative = np.asarray(binary[y == 0].sum(axis=0)).ravel()
    columns = [int(c) for c in np.nonzero(positive >= mined.MIN_SUPPORT)[0]]
    found = mined.mine_counts(
        [names[c] for c in columns], positive[columns], negative[columns], float(positive.sum()), float(negative.sum())
    )
    vector = np.zeros(len(names))
    for c in columns:
        vector[c] = found.get(names[c], 0.0)
    return found, vector


def submit_folds(data: CodeData, fold: np.ndarray, fits: Fits) -> list[Callable[[], Fit] | None]:
    """Start the fits :func:`out_of_fold` needs (None for a fold whose training rows are all one class)."""
    pending: list[Callable[[], Fit] | None] = []
    for train_rows, _test_rows in stacking.fold_rows(fold):
        y = data.y[train_rows]
        pending.append(fits.submit(data.x[train_rows], y) if len(set(y.tolist())) == 2 else None)
    return pending


def out_of_fold(
    data: CodeData,
    fold: np.ndarray,
    scores: Sequence[str],
    fitted: Sequence[Callable[[], Fit] | None],
) -> tuple[np.ndarray, np.ndarray]:
    """The learned scores (decision, learned keywords, nearest) of each example, learned without its document.

    ``fold``: each row's fold (:func:`stacking.folds`: documents in at most :data:`stacking.MAX_FOLDS` groups, seeded shuffle).
    Only the columns named in ``scores`` are computed (the others stay 0).
    ``fitted``: the folds' fits, started by :func:`submit_folds`.
    Also says which rows got scores from a model (their fold's training documents have coded sentences).
    """
    y = data.y
    result = np.zeros((len(y), 3))
    valid = np.zeros(len(y), dtype=bool)
    for k, (train_rows, test_rows) in enumerate(stacking.fold_rows(fold)):
        if not y[train_rows].any():
            result[test_rows, 0] = -5.0  # nothing to learn from
            continue
        valid[test_rows] = True
        waiting = fitted[k]
        if waiting is not None:  # both classes among the fold's training rows (submit_folds)
            coef, intercept = waiting()
            result[test_rows, 0] = data.x[test_rows] @ coef + intercept
        if "mined" in scores:
            mined = mine(data.binary[train_rows], data.names, y[train_rows])[1]
            result[test_rows, 1] = data.binary[test_rows] @ mined
        if "nearest" in scores:
            coded = data.lemma[train_rows[y[train_rows] == 1]]
            result[test_rows, 2] = nearest_mean((data.lemma[test_rows] @ coded.T).toarray())
    return result, valid
