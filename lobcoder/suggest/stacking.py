"""A code's scores stacked into one calibrated probability, and the document folds that choose it.

The stacking is a logistic regression with non-negative weights over the
score columns (the codebook's log-odds and the learned scores); the folds
group a code's rows by document, so every out-of-fold score comes from a
model that never saw that document.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from lobcoder.suggest.evidence import prior_logit
from lobcoder.suggest.thresholds import choose_threshold

MAX_FOLDS = 3  # document groups for the out-of-fold scores (more folds: slower, hardly better)
STACK_PENALTY = 1.0  # L2 penalty on the stacking weights (not the intercept)
NO_EVIDENCE = prior_logit(0.0)  # log-odds when the codebook says nothing about a unit
# Weights of the classifier's four scores and an intercept, before cross-validation is possible
# (codings in one document): without codebook evidence the score is the (balanced) model's own, sharpened.
DEFAULT_STACK = (1.0, 2.0, 0.0, 0.0, -NO_EVIDENCE)


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30, 30)))


def stack(columns: np.ndarray, y: np.ndarray) -> tuple[float, ...]:
    """Non-negative weights of the score columns and an intercept: a calibrated logistic combination.

    L2-penalised logistic regression (not the intercept) by Newton's method
    with an active set: a weight that would turn negative is held at 0 (no
    score may count against its own code) until the gradient wants it back.
    """
    if len(set(y.tolist())) < 2:
        return DEFAULT_STACK
    n = columns.shape[1]
    design = np.column_stack([columns, np.ones(len(y))])
    target = y.astype(np.float64)
    penalty = np.full(n + 1, STACK_PENALTY)
    penalty[-1] = 0.0
    weights = np.zeros(n + 1)
    weights[-1] = float(np.log((target.sum() + 0.5) / (len(target) - target.sum() + 0.5)))
    free = np.ones(n + 1, dtype=bool)
    for _ in range(100):
        p = sigmoid(design @ weights)
        gradient = design.T @ (p - target) + penalty * weights
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + np.diag(penalty)
        index = np.where(free)[0]
        step = np.linalg.solve(hessian[np.ix_(index, index)] + 1e-9 * np.eye(len(index)), gradient[index])
        weights[index] -= step
        negative = np.where(weights[:n] < 0)[0]
        if len(negative):
            weights[negative] = 0.0
            free[negative] = False
            continue
        if float(np.abs(step).max()) < 1e-7:
            p = sigmoid(design @ weights)
            gradient = design.T @ (p - target) + penalty * weights
            wanted = np.where(~free[:n] & (gradient[:n] < -1e-6))[0]  # a fixed weight that should grow after all
            if not len(wanted):
                break
            free[wanted] = True
    return tuple(round(float(w), 6) for w in weights)


def stacked_choice(columns: np.ndarray, y: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, float]:
    """Stacking weights and threshold chosen on ``rows`` alone (as ``fitting.fit`` chooses them on all rows);
    every row's stacked probability and that threshold."""
    weights = stack(columns[rows], y[rows])
    scores = sigmoid(columns @ np.array(weights[:-1]) + weights[-1])
    return scores, choose_threshold(scores[rows], y[rows], int(y[rows].sum()))[0]


def folds(groups: Sequence[str], seed: int) -> np.ndarray:
    """The fold of each row: its document's group, of at most :data:`MAX_FOLDS` (seeded shuffle)."""
    names = sorted(set(groups))
    folds = min(MAX_FOLDS, len(names))
    order = list(names)
    np.random.default_rng(seed).shuffle(order)
    fold_of = {name: i % folds for i, name in enumerate(order)}
    return np.array([fold_of[g] for g in groups], dtype=int)


def fold_rows(fold: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    """Training and test rows of each fold (the fold of each row: :func:`folds`)."""
    return [(np.where(fold != k)[0], np.where(fold == k)[0]) for k in range(int(fold.max()) + 1)]
