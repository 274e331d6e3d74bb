"""How much more often a term occurs in one body of text than in another: log-odds with an informative prior.

Monroe, Colaresi & Quinn (2008), "Fightin' Words": the log-odds ratio of a
term between two groups, each smoothed by a Dirichlet prior proportional to
the term's share of both groups together (strength :data:`PRIOR_SHARE` of
all their counts), divided by its standard error. A term seen twice in one
group and never in the other scores, one common in both does not; a rare
term's score stays modest. Used for a code's distinctive words
(``analysis/words.py``) and for the suggestions' learned keywords
(``suggest/mined.py``).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

PRIOR_SHARE = 0.1  # the prior's strength, as a share of both groups' counts together

FloatArray = npt.NDArray[np.float64]


def log_odds_z(positive: FloatArray, negative: FloatArray, n1: float, n2: float) -> FloatArray:
    """Per term, the z-score of its log-odds ratio between group 1 and group 2 (NaN where there is none).

    ``positive`` and ``negative`` count each term in group 1 and group 2;
    ``n1`` and ``n2`` are the groups' total counts. A term that is every term
    of either group leaves nothing to contrast it with: NaN, as for every
    term when group 1 is empty.
    """
    positive, negative = np.asarray(positive, float), np.asarray(negative, float)
    z = np.full(len(positive), np.nan)
    total = n1 + n2
    if n1 == 0 or total == 0:
        return z
    a0 = PRIOR_SHARE * total
    a = a0 * (positive + negative) / total
    rest1, rest2 = n1 + a0 - positive - a, n2 + a0 - negative - a
    ok = (a > 0) & (rest1 > 0) & (rest2 > 0)
    y1, y2, prior = positive[ok], negative[ok], a[ok]
    delta = np.log((y1 + prior) / rest1[ok]) - np.log((y2 + prior) / rest2[ok])
    z[ok] = delta / np.sqrt(1.0 / (y1 + prior) + 1.0 / (y2 + prior))
    return z
