"""The codebook alone as a code's model: its threshold, chosen on a code's coded sentences, and how it measures.

A code's codebook evidence (:func:`evidence.prior`) is a calibrated
probability; its threshold stays 0.5 until the code has
:data:`MIN_THRESHOLD_EXAMPLES` coded sentences, then moves towards the best
one on them, shrunk (:data:`thresholds.SHRINK`): chosen on a few training
documents it is mostly noise.
"""

from __future__ import annotations

import numpy as np

from lobcoder.suggest.classifier import DEFAULT_THRESHOLD
from lobcoder.suggest.thresholds import SHRINK, best_threshold, measure, nested

MIN_THRESHOLD_EXAMPLES = 10  # coded sentences before the codebook's own threshold is chosen rather than 0.5
# The codebook's best threshold on n coded sentences moves from 0.5 only by n / (n + SHRINK) of the way
# (thresholds.SHRINK): chosen on a few training documents it is mostly noise.
CODEBOOK_GRID = tuple(round(0.25 + 0.05 * i, 2) for i in range(13))  # the codebook alone: 0.25 .. 0.85


def codebook_threshold(scores: np.ndarray, y: np.ndarray, count: int) -> tuple[float, float, float, float]:
    """The codebook's threshold for a code with ``count`` coded sentences, and its precision, recall, F1.

    Chosen (best F1) from :data:`MIN_THRESHOLD_EXAMPLES` on, shrunk towards 0.5
    by ``count / (count + SHRINK)`` and kept on the grid of :data:`CODEBOOK_GRID`.
    """
    if count < MIN_THRESHOLD_EXAMPLES:
        return measure(scores, y, DEFAULT_THRESHOLD)
    best = best_threshold(scores, y, CODEBOOK_GRID)[0]
    shrunk = DEFAULT_THRESHOLD + (best - DEFAULT_THRESHOLD) * count / (count + SHRINK)
    return measure(scores, y, min(CODEBOOK_GRID, key=lambda t: (abs(t - shrunk), abs(t - DEFAULT_THRESHOLD))))


def nested_codebook(scores: np.ndarray, y: np.ndarray, fold: np.ndarray) -> tuple[float, float, float]:
    """The codebook's precision, recall, F1 with its threshold chosen on the other folds (nested)."""

    def choose(rows: np.ndarray) -> tuple[np.ndarray, float]:
        return scores, codebook_threshold(scores[rows], y[rows], int(y[rows].sum()))[0]

    return nested(fold, y, choose)
