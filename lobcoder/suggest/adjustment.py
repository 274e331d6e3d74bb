"""A code the codebook has evidence for: the learned score adjusts the codebook's log-odds instead of replacing them.

Stacking weights fitted on a few documents ranked worse than the codebook
alone on every corpus; so where the codebook speaks, its log-odds stay and
the learned score, standardised out of fold, is added with a weight that
grows with the number of coded sentences (:func:`adjust`).
"""

from __future__ import annotations

import numpy as np

from lobcoder.suggest import stacking
from lobcoder.suggest.classifier import SCORES

# Where the codebook has evidence for a code, the learned score adjusts its log-odds (adjust) instead of
# being stacked with it: stacking weights fitted on a few documents ranked worse than the codebook alone.
ADJUST_SCORES = ("decision",)  # the learned scores that adjust (learned keywords, nearest: no gain, see SUGGESTIONS.md)
ADJUST_WEIGHT = 0.75  # log-odds per out-of-fold standard deviation of the learned score, with many codings ...
ADJUST_SHRINK = 10  # ... reached as count / (count + ADJUST_SHRINK): 10 coded sentences give half of it
ADJUST_THRESHOLD = 0.55  # a little above the codebook's 0.5: the added score spreads the uncoded sentences too
ADJUST_MIN_ROWS = 10  # out-of-fold scores needed to standardise a learned score
ADJUST_MARGIN: float | None = None  # out-of-fold F1 the adjustment must gain over the codebook alone (its F1 at
# its own threshold on the same sentences, as the stacked path compares; None: no check)


def adjust(
    odds: np.ndarray, learned: np.ndarray, valid: np.ndarray, count: int
) -> tuple[tuple[float, ...], np.ndarray]:
    """Stacking weights that keep the codebook's log-odds and add the learned scores, standardised and shrunk.

    Each learned score of :data:`ADJUST_SCORES` is standardised by its mean and
    spread out of fold (as it will be on unseen text, not as on the sentences
    it was fitted to); their mean is added to the codebook's log-odds with the
    weight ``ADJUST_WEIGHT * count / (count + ADJUST_SHRINK)``: a few codings
    nudge the codebook, many codings can outweigh it. No weight is fitted on
    the few training documents, so learning cannot undo the codebook's
    calibration. Returns the weights (as :data:`SCORES` and an intercept) and
    the out-of-fold probabilities (the codebook's alone where a row has no
    out-of-fold score).
    """
    weight = ADJUST_WEIGHT * count / (count + ADJUST_SHRINK)
    columns = [SCORES.index(name) - 1 for name in ADJUST_SCORES]
    stack = [1.0, 0.0, 0.0, 0.0]
    intercept = 0.0
    adjustment = np.zeros(len(odds))
    for column in columns:
        values = learned[valid, column]
        if len(values) < ADJUST_MIN_ROWS:
            continue
        mean, spread = float(values.mean()), float(values.std())
        if spread < 1e-9:
            continue
        share = weight / len(columns) / spread
        stack[column + 1] = share
        intercept -= share * mean
        adjustment += share * (learned[:, column] - mean)
    logits = odds + np.where(valid, adjustment, 0.0)
    return tuple(round(w, 6) for w in (*stack, intercept)), stacking.sigmoid(logits)
