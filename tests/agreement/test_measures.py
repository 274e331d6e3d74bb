"""Each coefficient against an independent implementation or a published worked example, to 1e-9."""

from __future__ import annotations

from fractions import Fraction

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score

from lobcoder.agreement.measures import (
    bootstrap_draws,
    brennan_prediger,
    cohen_kappa,
    fleiss_kappa,
    gwet_ac1,
    krippendorff_alpha,
    pair_measures,
    percent_agreement,
    percentile_interval,
)

NAN = np.nan
# Krippendorff (2011), "Computing Krippendorff's alpha-reliability", section C: 4 observers x 12 units,
# nominal alpha = 0.743. Rows are observers A-D, "." (missing) as NaN.
KRIPPENDORFF_2011 = np.array(
    [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, NAN, NAN, NAN],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NAN, 3],
        [NAN, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NAN],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NAN],
    ]
)
# Fleiss (1971): 30 patients, 6 psychiatrists each, 5 diagnoses (depression, personality disorder,
# schizophrenia, neurosis, other); kappa = 0.430. Raw ratings as in R's irr::diagnoses.
FLEISS_1971 = np.array(
    [
        [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4],
        [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5],
        [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4], [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5],
        [3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
        [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4], [1, 4, 4, 4, 4, 5],
        [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
    ]
)  # fmt: skip


def as_counts(ratings_by_coder: np.ndarray, categories: list[float]) -> np.ndarray:
    """Coders x units ratings (NaN missing) as units x categories counts."""
    return np.stack([(ratings_by_coder == c).sum(axis=0) for c in categories], axis=-1)


def exact_alpha(counts: np.ndarray) -> Fraction:
    """Krippendorff's nominal alpha from its definition, in exact fractions."""
    o_diag, n_c = Fraction(0), [Fraction(0)] * counts.shape[1]
    for row in counts.tolist():
        m = sum(row)
        if m < 2:
            continue
        for k, value in enumerate(row):
            o_diag += Fraction(value * (value - 1), m - 1)
            n_c[k] += value
    n = sum(n_c)
    return 1 - (n - 1) * (n - o_diag) / (n * n - sum(c * c for c in n_c))


def exact_fleiss(counts: np.ndarray) -> Fraction:
    rows = counts.tolist()
    raters = sum(rows[0])
    p_a = sum(Fraction(sum(v * (v - 1) for v in row), raters * (raters - 1)) for row in rows) / len(rows)
    shares = [Fraction(sum(row[k] for row in rows), raters * len(rows)) for k in range(len(rows[0]))]
    p_e = sum(p * p for p in shares)
    return (p_a - p_e) / (1 - p_e)


def test_krippendorff_2011_worked_example() -> None:
    counts = as_counts(KRIPPENDORFF_2011, [1, 2, 3, 4, 5])
    exact = exact_alpha(counts)
    assert round(float(exact), 3) == 0.743  # the value printed in the paper
    assert float(krippendorff_alpha(counts)) == pytest.approx(float(exact), abs=1e-9)
    reference = krippendorff.alpha(reliability_data=KRIPPENDORFF_2011, level_of_measurement="nominal")
    assert float(krippendorff_alpha(counts)) == pytest.approx(reference, abs=1e-9)


def test_fleiss_1971_worked_example() -> None:
    counts = as_counts(FLEISS_1971.T, [1, 2, 3, 4, 5])
    assert counts.sum(axis=0).tolist() == [26, 26, 30, 55, 43]  # the category totals in the paper
    exact = exact_fleiss(counts)
    assert round(float(exact), 3) == 0.430
    assert float(fleiss_kappa(counts)) == pytest.approx(float(exact), abs=1e-9)


def random_ratings(seed: int, coders: int, units: int, categories: int, missing: float) -> np.ndarray:
    rng = np.random.default_rng(seed)
    truth = rng.integers(0, categories, units)
    ratings = np.where(rng.random((coders, units)) < 0.7, truth, rng.integers(0, categories, (coders, units)))
    ratings = ratings.astype(float)
    ratings[rng.random((coders, units)) < missing] = np.nan
    return ratings


@pytest.mark.parametrize("seed", range(5))
def test_cohen_kappa_matches_scikit_learn(seed: int) -> None:
    ratings = random_ratings(seed, 2, 300, 3 if seed % 2 else 2, 0.0).astype(int)
    q = int(ratings.max()) + 1
    confusion = np.zeros((q, q))
    np.add.at(confusion, (ratings[0], ratings[1]), 1)
    assert float(cohen_kappa(confusion)) == pytest.approx(cohen_kappa_score(ratings[0], ratings[1]), abs=1e-9)


@pytest.mark.parametrize(("seed", "coders", "missing"), [(0, 2, 0.0), (1, 3, 0.0), (2, 4, 0.2), (3, 5, 0.3)])
def test_alpha_matches_krippendorff_package(seed: int, coders: int, missing: float) -> None:
    ratings = random_ratings(seed, coders, 200, 4, missing)
    counts = as_counts(ratings, [0, 1, 2, 3])
    reference = krippendorff.alpha(reliability_data=ratings, level_of_measurement="nominal")
    assert float(krippendorff_alpha(counts)) == pytest.approx(reference, abs=1e-9)


@pytest.mark.parametrize(("seed", "coders", "missing"), [(0, 2, 0.0), (1, 3, 0.0), (2, 4, 0.2), (5, 6, 0.25)])
def test_multi_coder_measures_match_irrcac(seed: int, coders: int, missing: float) -> None:
    pd = pytest.importorskip("pandas")
    raw = pytest.importorskip("irrCAC.raw")
    ratings = random_ratings(seed, coders, 150, 3, missing)
    counts = as_counts(ratings, [0, 1, 2])
    cac = raw.CAC(pd.DataFrame(ratings.T), categories=[0.0, 1.0, 2.0], digits=15)
    assert float(fleiss_kappa(counts)) == pytest.approx(cac.fleiss()["est"]["coefficient_value"], abs=1e-9)
    assert float(gwet_ac1(counts)) == pytest.approx(cac.gwet()["est"]["coefficient_value"], abs=1e-9)
    assert float(brennan_prediger(counts)) == pytest.approx(cac.bp()["est"]["coefficient_value"], abs=1e-9)
    assert float(krippendorff_alpha(counts)) == pytest.approx(cac.krippendorff()["est"]["coefficient_value"], abs=1e-9)
    assert float(percent_agreement(counts)) == pytest.approx(cac.fleiss()["est"]["pa"], abs=1e-9)


def test_irrcac_agrees_on_the_krippendorff_example() -> None:
    pd = pytest.importorskip("pandas")
    raw = pytest.importorskip("irrCAC.raw")
    cac = raw.CAC(pd.DataFrame(KRIPPENDORFF_2011.T), digits=15)
    counts = as_counts(KRIPPENDORFF_2011, [1, 2, 3, 4, 5])
    assert float(krippendorff_alpha(counts)) == pytest.approx(cac.krippendorff()["est"]["coefficient_value"], abs=1e-9)
    assert float(gwet_ac1(counts)) == pytest.approx(cac.gwet()["est"]["coefficient_value"], abs=1e-9)


@pytest.mark.parametrize("seed", range(4))
def test_pair_measures_from_a_two_by_two_table_equal_the_raw_data(seed: int) -> None:
    """Present/absent per code: the (neither, A only, B only, both) counts give every measure of the raw vectors."""
    pd = pytest.importorskip("pandas")
    raw = pytest.importorskip("irrCAC.raw")
    rng = np.random.default_rng(seed)
    a = (rng.random(400) < 0.2).astype(int)
    b = np.where(rng.random(400) < 0.8, a, (rng.random(400) < 0.2).astype(int))
    table = [np.sum((a == 0) & (b == 0)), np.sum((a == 1) & (b == 0)), np.sum((a == 0) & (b == 1)), np.sum(a & b)]
    found = pair_measures(table)
    cac = raw.CAC(pd.DataFrame({"a": a, "b": b}), categories=[0, 1], digits=15)
    assert float(found["percent"]) == pytest.approx(np.mean(a == b), abs=1e-12)
    assert float(found["cohen"]) == pytest.approx(cohen_kappa_score(a, b), abs=1e-9)
    assert float(found["alpha"]) == pytest.approx(
        krippendorff.alpha(reliability_data=np.stack([a, b]).astype(float), level_of_measurement="nominal"), abs=1e-9
    )
    assert float(found["gwet_ac1"]) == pytest.approx(cac.gwet()["est"]["coefficient_value"], abs=1e-9)
    assert float(found["brennan_prediger"]) == pytest.approx(cac.bp()["est"]["coefficient_value"], abs=1e-9)
    assert float(found["brennan_prediger"]) == pytest.approx(2 * np.mean(a == b) - 1, abs=1e-12)


def test_measures_are_vectorised_over_codes() -> None:
    tables = np.array([[50, 5, 3, 42], [90, 4, 6, 0], [100, 0, 0, 0]])
    found = pair_measures(tables)
    for i, table in enumerate(tables):
        one = pair_measures(table)
        for name, values in found.items():
            assert values[i] == pytest.approx(float(one[name]), nan_ok=True)
    # Nobody used the third code: agreement is perfect, the chance-corrected coefficients undefined.
    assert found["percent"][2] == 1.0
    assert np.isnan(found["cohen"][2]) and np.isnan(found["alpha"][2])


def test_bootstrap_interval_is_seeded_and_brackets_the_estimate() -> None:
    tables = np.array([[500, 40, 30, 180], [700, 20, 25, 5]], dtype=float)
    first = pair_measures(bootstrap_draws(tables))["cohen"]
    again = pair_measures(bootstrap_draws(tables))["cohen"]
    assert first.shape == (1000, 2)
    np.testing.assert_array_equal(first, again)
    low, high = percentile_interval(first)
    kappa = pair_measures(tables)["cohen"]
    assert np.all(low < kappa) and np.all(kappa < high)
    assert np.all(high - low < 0.5)
    other = pair_measures(bootstrap_draws(tables, seed=7))["cohen"]
    assert not np.array_equal(first, other)


def test_closed_forms_for_two_coders_equal_the_general_functions() -> None:
    from lobcoder.agreement.measures import PAIR_TYPES, pair_confusion

    tables = np.array([[50, 5, 3, 42], [90, 4, 6, 1], [10, 0, 30, 0], [3, 1, 1, 7]], dtype=float)
    found = pair_measures(tables)
    np.testing.assert_allclose(found["percent"], percent_agreement(PAIR_TYPES, tables), atol=1e-12)
    np.testing.assert_allclose(found["cohen"], cohen_kappa(pair_confusion(tables)), atol=1e-12)
    np.testing.assert_allclose(found["gwet_ac1"], gwet_ac1(PAIR_TYPES, tables), atol=1e-12)
    np.testing.assert_allclose(found["brennan_prediger"], brennan_prediger(PAIR_TYPES, tables), atol=1e-12)
    np.testing.assert_allclose(found["alpha"], krippendorff_alpha(PAIR_TYPES, tables), atol=1e-12)


def test_percentile_interval_equals_numpy_percentile() -> None:
    samples = np.random.default_rng(3).normal(size=(1000, 3))
    samples[:10, 1] = np.nan
    samples[:, 2] = np.nan
    low, high = percentile_interval(samples)
    assert low[0] == pytest.approx(np.percentile(samples[:, 0], 2.5))
    assert high[1] == pytest.approx(np.nanpercentile(samples[:, 1], 97.5))
    assert np.isnan(low[2]) and np.isnan(high[2])
