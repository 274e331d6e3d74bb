"""Agreement coefficients for nominal ratings, vectorised over codes and bootstrap draws.

Every coefficient takes the same *reliability data in counts*: ``counts[..., u, k]``
is how many coders put unit ``u`` in category ``k`` and ``weights[..., u]`` how
many units look like that (1 for raw data; unit types with their frequency for
the agreement tables, which is what makes 10 million characters cheap). Leading
axes (codes, bootstrap draws) are carried through. With ``r_u = sum_k n_uk``
coders rating unit ``u`` (missing ratings simply count nowhere):

* percent agreement ``p_a``: over units with ``r_u >= 2``, the mean of
  ``sum_k n_uk (n_uk - 1) / (r_u (r_u - 1))``, the share of agreeing coder pairs
  (for two coders: the share of units they agree on);
* Fleiss' kappa (1971, with Gwet's handling of missing ratings as in irrCAC):
  ``(p_a - p_e) / (1 - p_e)``, ``p_e = sum_k pi_k^2``, ``pi_k`` the mean over
  units with ``r_u >= 1`` of ``n_uk / r_u``;
* Gwet's AC1: ``p_e = sum_k pi_k (1 - pi_k) / (q - 1)``;
* Brennan-Prediger kappa: ``p_e = 1 / q`` (``q`` categories, 2 for present/absent);
* Krippendorff's alpha (nominal), from the coincidence matrix of pairable units
  (``r_u >= 2``): ``o_cc = sum_u n_uc (n_uc - 1) / (r_u - 1)``, ``n_c = sum_u n_uc``,
  ``n = sum_c n_c``, ``alpha = 1 - (n - 1) (n - sum_c o_cc) / (n^2 - sum_c n_c^2)``;
* Cohen's kappa (two coders, from their confusion matrix ``C[a, b]``):
  ``p_o = trace / N``, ``p_e = sum_k row_k col_k / N^2``.

A coefficient whose chance agreement is 1 (every unit in one category) is
undefined and returned as NaN; reports show it as an empty cell.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
BOOTSTRAP_DRAWS = 1000
BOOTSTRAP_SEED = 20260101


def _divide(top: FloatArray, bottom: FloatArray) -> FloatArray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(bottom != 0, top / np.where(bottom != 0, bottom, 1.0), np.nan)


def _prepare(counts: npt.ArrayLike, weights: npt.ArrayLike | None) -> tuple[FloatArray, FloatArray, FloatArray]:
    n = np.asarray(counts, dtype=np.float64)
    if weights is None:
        w = np.ones(n.shape[:-1])
    else:
        w = np.asarray(weights, dtype=np.float64)
        shape = np.broadcast_shapes(n.shape[:-1], w.shape)
        n, w = np.broadcast_to(n, (*shape, n.shape[-1])), np.broadcast_to(w, shape)
    return n, w, n.sum(axis=-1)


def percent_agreement(counts: npt.ArrayLike, weights: npt.ArrayLike | None = None) -> FloatArray:
    n, w, r = _prepare(counts, weights)
    pairable = w * (r >= 2)
    share = _divide((n * (n - 1)).sum(axis=-1), r * (r - 1))
    return _divide((np.nan_to_num(share) * pairable).sum(axis=-1), pairable.sum(axis=-1))


def _category_shares(n: FloatArray, w: FloatArray, r: FloatArray) -> FloatArray:
    rated = w * (r >= 1)
    per_unit = np.nan_to_num(_divide(n, r[..., None]))
    return _divide((per_unit * rated[..., None]).sum(axis=-2), rated.sum(axis=-1)[..., None])


def _chance_corrected(p_a: FloatArray, p_e: FloatArray) -> FloatArray:
    with np.errstate(invalid="ignore"):
        defined = np.abs(1 - p_e) > 1e-12
        return np.where(defined, (p_a - p_e) / np.where(defined, 1 - p_e, 1.0), np.nan)


def fleiss_kappa(counts: npt.ArrayLike, weights: npt.ArrayLike | None = None) -> FloatArray:
    n, w, r = _prepare(counts, weights)
    pi = _category_shares(n, w, r)
    return _chance_corrected(percent_agreement(n, w), (pi**2).sum(axis=-1))


def gwet_ac1(counts: npt.ArrayLike, weights: npt.ArrayLike | None = None, categories: int | None = None) -> FloatArray:
    n, w, r = _prepare(counts, weights)
    q = categories or n.shape[-1]
    pi = _category_shares(n, w, r)
    return _chance_corrected(percent_agreement(n, w), (pi * (1 - pi)).sum(axis=-1) / (q - 1))


def brennan_prediger(
    counts: npt.ArrayLike, weights: npt.ArrayLike | None = None, categories: int | None = None
) -> FloatArray:
    n, w, _ = _prepare(counts, weights)
    q = categories or n.shape[-1]
    p_a = percent_agreement(n, w)
    return _chance_corrected(p_a, np.full_like(p_a, 1.0 / q))


def krippendorff_alpha(counts: npt.ArrayLike, weights: npt.ArrayLike | None = None) -> FloatArray:
    n, w, r = _prepare(counts, weights)
    pairable = (w * (r >= 2))[..., None]
    marginals = (n * pairable).sum(axis=-2)
    values = marginals.sum(axis=-1)
    diagonal = (np.nan_to_num(_divide(n * (n - 1), (r - 1)[..., None])) * pairable).sum(axis=(-2, -1))
    disagreement = (values - 1) * (values - diagonal)
    expected = values**2 - (marginals**2).sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(expected > 1e-12, 1 - disagreement / np.where(expected > 1e-12, expected, 1.0), np.nan)


def cohen_kappa(confusion: npt.ArrayLike) -> FloatArray:
    """Cohen's kappa from confusion matrices ``C[..., a, b]`` (rows: coder A's category, columns: B's)."""
    c = np.asarray(confusion, dtype=np.float64)
    total = c.sum(axis=(-2, -1))
    p_o = _divide(np.trace(c, axis1=-2, axis2=-1), total)
    p_e = _divide((c.sum(axis=-1) * c.sum(axis=-2)).sum(axis=-1), total**2)
    return _chance_corrected(p_o, p_e)


# -- two coders, present or absent ---------------------------------------------------------

PAIR_TYPES = np.array([[2.0, 0.0], [1.0, 1.0], [1.0, 1.0], [0.0, 2.0]])
"""Counts (absent, present) of the four kinds of unit in :func:`pair_measures`: neither, A only, B only, both."""


def pair_confusion(table: npt.ArrayLike) -> FloatArray:
    """``table[..., 4]`` = (neither, A only, B only, both) as confusion matrices ``[[neither, B only], [A only, both]]``."""
    t = np.asarray(table, dtype=np.float64)
    return np.stack([np.stack([t[..., 0], t[..., 2]], -1), np.stack([t[..., 1], t[..., 3]], -1)], -2)


def pair_measures(table: npt.ArrayLike) -> dict[str, FloatArray]:
    """Every two-coder coefficient from counts (neither, A only, B only, both) in the last axis.

    Closed forms of the general functions for two coders and two categories
    (the tests check they agree), cheap enough for a thousand bootstrap draws
    of a hundred codes: with ``N`` units, ``n_1 = 2 both + A only + B only``
    present and ``n_0 = 2 N - n_1`` absent values, Krippendorff's alpha is
    ``1 - (2N - 1)(A only + B only) / (n_0 n_1)``.
    """
    t = np.asarray(table, dtype=np.float64)
    neither, first, second, both = t[..., 0], t[..., 1], t[..., 2], t[..., 3]
    total = t.sum(axis=-1)
    differ = first + second
    p_o = _divide(neither + both, total)
    p_first, p_second = _divide(first + both, total), _divide(second + both, total)
    p_e = p_first * p_second + (1 - p_first) * (1 - p_second)
    share = (p_first + p_second) / 2
    present = 2 * both + differ
    absent = 2 * total - present
    with np.errstate(invalid="ignore", divide="ignore"):
        expected = absent * present
        alpha = np.where(expected > 0, 1 - (2 * total - 1) * differ / np.where(expected > 0, expected, 1.0), np.nan)
    return {
        "percent": p_o,
        "cohen": _chance_corrected(p_o, p_e),
        "brennan_prediger": 2 * p_o - 1,
        "gwet_ac1": _chance_corrected(p_o, 2 * share * (1 - share)),
        "alpha": alpha,
    }


def bootstrap_draws(weights: npt.ArrayLike, draws: int = BOOTSTRAP_DRAWS, seed: int = BOOTSTRAP_SEED) -> FloatArray:
    """Resampled unit-type frequencies, ``draws`` first: resampling units with replacement.

    Drawing ``N`` units with replacement from a table of unit types is a
    multinomial draw, done here as a chain of binomials so that every code and
    draw is sampled in one vectorised call per type.
    """
    w = np.asarray(weights, dtype=np.float64)
    rng = np.random.default_rng(seed)
    left = np.broadcast_to(w.sum(axis=-1), (draws, *w.shape[:-1])).astype(np.int64)
    mass = np.broadcast_to(w.sum(axis=-1), left.shape).copy()
    result = np.zeros((draws, *w.shape))
    for k in range(w.shape[-1] - 1):
        share = np.clip(_divide(np.broadcast_to(w[..., k], left.shape), mass), 0.0, 1.0)
        taken = rng.binomial(left, np.nan_to_num(share))
        result[..., k] = taken
        left = left - taken
        mass = mass - w[..., k]
    result[..., -1] = left
    return result


def percentile_interval(samples: FloatArray, level: float = 0.95) -> tuple[FloatArray, FloatArray]:
    """The percentile interval over the first axis (linear interpolation), leaving out undefined draws."""
    ordered = np.sort(np.where(np.isfinite(samples), samples, np.nan), axis=0)  # NaN sorts last
    finite = np.isfinite(ordered).sum(axis=0)
    bounds = []
    for q in ((1 - level) / 2, (1 + level) / 2):
        at = np.maximum(finite - 1, 0) * q
        low = np.floor(at).astype(np.int64)
        high = np.minimum(low + 1, np.maximum(finite - 1, 0))
        below = np.take_along_axis(ordered, low[None, ...], axis=0)[0]
        above = np.take_along_axis(ordered, high[None, ...], axis=0)[0]
        bounds.append(np.where(finite > 0, below + (above - below) * (at - low), np.nan))
    return bounds[0], bounds[1]
