"""Choosing a code's threshold from out-of-fold scores, and measuring precision, recall and F1 at it.

With calibrated probabilities the F1-optimal threshold of a code is about
half the F1 it can reach, so for a rare code it lies far below 0.5. The
best threshold on a few coded documents is mostly noise, though, so the
choice is shrunk towards a prior that needs no tuning: the threshold at
which the model suggests as many sentences as were coded (the code's base
rate in the training documents). With n coded sentences the chosen
threshold moves from that prior n / (n + :data:`SHRINK`) of the way
towards the out-of-fold best.

Precision, recall and F1 measured at a threshold chosen on the very scores
they are measured on are optimistic: with a few coded sentences the best of
35 thresholds fits their noise. :func:`nested` measures instead what the
choice does on a fold it was not made on (nested selection): for each fold
the rule (threshold, and whatever else is fitted to the out-of-fold scores)
is chosen on the other folds' rows and applied to the fold's own rows.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

GRID = tuple(round(0.05 + 0.025 * i, 3) for i in range(35))  # 0.05 .. 0.9
SHRINK = 10


def precision_recall_f1(scores: np.ndarray, y: np.ndarray, threshold: float) -> tuple[float, float, float]:
    chosen = scores >= threshold
    tp = float(np.sum(chosen & (y == 1)))
    fp = float(np.sum(chosen & (y == 0)))
    fn = float(np.sum(~chosen & (y == 1)))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def measure(scores: np.ndarray, y: np.ndarray, threshold: float) -> tuple[float, float, float, float]:
    """The threshold and its precision, recall and F1 (rounded)."""
    precision, recall, f1 = precision_recall_f1(scores, y, threshold)
    return threshold, round(precision, 4), round(recall, 4), round(f1, 4)


def best_threshold(
    scores: np.ndarray, y: np.ndarray, grid: tuple[float, ...] = GRID, prefer: float = 0.5
) -> tuple[float, float, float, float]:
    """The threshold of ``grid`` with the best F1 (ties: nearest ``prefer``), and its precision, recall, F1."""
    best = (prefer, 0.0, 0.0, -1.0)
    for threshold in grid:
        precision, recall, f1 = precision_recall_f1(scores, y, threshold)
        better = f1 > best[3] + 1e-9 or (abs(f1 - best[3]) <= 1e-9 and abs(threshold - prefer) < abs(best[0] - prefer))
        if better:
            best = (threshold, precision, recall, f1)
    return best


def base_rate_threshold(scores: np.ndarray, y: np.ndarray, grid: tuple[float, ...] = GRID) -> float:
    """The threshold of ``grid`` at which as many sentences score above it as are coded."""
    wanted = max(int(y.sum()), 1)
    misses = [abs(int(np.sum(scores >= t)) - wanted) for t in grid]
    fitting = [t for t, miss in zip(grid, misses, strict=True) if miss == min(misses)]
    return fitting[len(fitting) // 2]  # the middle of the thresholds that fit equally well


def nearest(value: float, grid: tuple[float, ...] = GRID) -> float:
    return min(grid, key=lambda t: abs(t - value))


def choose_threshold(scores: np.ndarray, y: np.ndarray, count: int) -> tuple[float, float, float, float]:
    """A code's threshold from out-of-fold calibrated scores and its ``count`` coded sentences; with P, R, F1."""
    prior = base_rate_threshold(scores, y)
    best = best_threshold(scores, y, prefer=prior)[0]
    shrunk = prior + (best - prior) * count / (count + SHRINK)
    return measure(scores, y, nearest(shrunk))


# Given which rows may be used (a mask), the scores of every row and the threshold chosen on those rows.
Choice = Callable[[np.ndarray], tuple[np.ndarray, float]]


def nested(fold: np.ndarray, y: np.ndarray, choose: Choice) -> tuple[float, float, float]:
    """Precision, recall and F1 (rounded) when each fold is scored by a rule chosen on the other folds only.

    ``fold``: the fold of each row (at least two folds). ``choose``: fits the rule on the rows
    its mask allows and returns every row's score and the threshold.
    """
    suggested = np.zeros(len(y), dtype=bool)
    for k in np.unique(fold):
        held_out = fold == k
        scores, threshold = choose(~held_out)
        suggested[held_out] = scores[held_out] >= threshold
    precision, recall, f1 = precision_recall_f1(suggested.astype(float), y, 0.5)
    return round(precision, 4), round(recall, 4), round(f1, 4)
