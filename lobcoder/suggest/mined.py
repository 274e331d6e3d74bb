"""Learned keywords: the lemma terms that set a code's coded sentences apart from the other sentences.

A hand-written keyword list per theme finds themed interview sentences
remarkably well; this mines such a list from the researcher's codings.
Terms are content lemmas and adjacent lemma pairs (:func:`terms`). Each
term's log-odds ratio between coded and uncoded sentences is estimated with
an informative Dirichlet prior from all training sentences and divided by
its standard error (Monroe, Colaresi & Quinn 2008, "Fightin' Words";
:mod:`lobcoder.analysis.log_odds`, shared with the analyses' distinctive words), so a
term seen twice in coded sentences and never elsewhere counts, one common
in every sentence does not. A term must occur in at least
:data:`MIN_SUPPORT` coded sentences. A sentence's score is the sum of the
z-scores of the mined terms it contains; the matched terms are shown as the
reason for a suggestion.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from lobcoder.analysis.log_odds import log_odds_z

MIN_SUPPORT = 2  # coded sentences a term must occur in
MIN_Z = 1.0  # z-score a term needs to be kept
TOP = 40  # terms kept per code


def pairs(words: Sequence[str]) -> list[str]:
    """Adjacent lemma pairs of a unit; a repeated word ("heel heel") is no pair (as in the codebook's terms).

    The models' features (:mod:`features`) use the same pairs, so a learned
    keyword mined from them is one that :func:`terms` can find again.
    """
    return [f"{a} {b}" for a, b in zip(words, words[1:], strict=False) if a != b]


def terms(words: Sequence[str]) -> set[str]:
    """The lemmas of a unit and its adjacent lemma pairs."""
    return set(words) | set(pairs(words))


def mine(units: Sequence[Iterable[str]], coded: Sequence[bool]) -> dict[str, float]:
    """Terms of the coded units (by their z-score), from every unit's terms (see :func:`terms`)."""
    positive: Counter[str] = Counter()
    negative: Counter[str] = Counter()
    for found, is_coded in zip(units, coded, strict=True):
        (positive if is_coded else negative).update(set(found))
    names = sorted(positive)
    coded_counts = np.array([positive[t] for t in names], float)
    other_counts = np.array([negative[t] for t in names], float)
    return mine_counts(names, coded_counts, other_counts, float(sum(positive.values())), float(sum(negative.values())))


def mine_counts(
    names: Sequence[str], positive: np.ndarray, negative: np.ndarray, n1: float, n2: float
) -> dict[str, float]:
    """:func:`mine` from the number of coded and other units containing each of ``names``.

    ``names`` holds (at least) every term of the coded units; ``n1`` and ``n2``
    are the total term counts of the coded and of the other units.
    """
    z = log_odds_z(positive, negative, n1, n2)
    keep = (positive >= MIN_SUPPORT) & ~np.isnan(z)
    kept = [(round(float(v), 4), t) for v, t, k in zip(z, names, keep, strict=True) if k]
    best = sorted(((t, v) for v, t in kept if v >= MIN_Z), key=lambda tv: (-tv[1], tv[0]))[:TOP]
    return dict(best)


def score(found: Iterable[str], weights: Mapping[str, float]) -> tuple[float, tuple[str, ...]]:
    """The summed z-scores of the mined terms among ``found``, and those terms, strongest first."""
    matched = sorted(((weights[t], t) for t in found if t in weights), key=lambda wt: (-wt[0], wt[1]))
    return sum(w for w, _ in matched), tuple(t for _, t in matched)
