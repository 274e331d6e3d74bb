"""The liblinear fits of one training, run on two worker threads: the same fits, in less wall time.

liblinear releases the GIL while it fits, so on the laptop's two cores two
fits run at once, and a code's remaining Python work (mining its terms,
thresholds) overlaps the next fits. Each fit is the same deterministic
computation on the same data (the primal solver that ``liblinear`` uses for
an L2-penalised logistic regression draws no random numbers) and results are
collected in the order they are asked for, so a model is identical whether
its fits ran on threads or one after another (``tests/suggest/test_training_reuse.py``).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from scipy import sparse

WORKERS = 2  # fits at once: the target laptop has two cores (1: one after another, on the calling thread)

Fit = tuple[np.ndarray, float]  # coefficients, intercept
FitFunction = Callable[[sparse.csr_matrix, np.ndarray, int], Fit]


class Fits:
    """Fits submitted now and collected later; a context manager that stops unstarted fits on exit."""

    def __init__(self, fit: FitFunction, seed: int) -> None:
        count = min(WORKERS, os.cpu_count() or 1)
        self._fit = fit
        self._seed = seed
        self._pool = ThreadPoolExecutor(count, thread_name_prefix="lobcoder-fit") if count > 1 else None

    def submit(self, x: sparse.csr_matrix, y: np.ndarray) -> Callable[[], Fit]:
        """Start a fit; the returned function waits for it and gives its result."""
        if self._pool is None:
            result = self._fit(x, y, self._seed)
            return lambda: result
        return self._pool.submit(self._fit, x, y, self._seed).result

    def __enter__(self) -> Fits:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
