"""A calibrated linear model per code, learned from the researcher's codings on top of the codebook's evidence.

For every code with at least :data:`MIN_POSITIVES` coded sentences, a
logistic regression (scikit-learn, ``liblinear``, balanced classes) learns
from the features of :mod:`features`. Its decision value and the codebook's
evidence for the code (:mod:`scoring`, as the log-odds of
:func:`evidence.prior`) are combined into one calibrated probability by a
second, two-feature logistic regression (stacking) fitted on out-of-fold
decision values of a document-grouped cross-validation over the training
documents: with a handful of codings the evidence carries the score, with
more the learned words take over, as far as they earned it out of fold. The
same out-of-fold scores choose the code's threshold (best F1) and say how
reliable it is (:class:`Reliability`). Codes without enough codings are
scored from the codebook alone (:func:`evidence.prior`), and measured the same
way when they have any codings.

"More like this": the most similar coded sentence of the code (cosine over
lemma features) is kept as the reason shown with a suggestion.
"""

from __future__ import annotations

import io
import threading
import zlib
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy import sparse

from lobcoder.suggest.context import UnitText
from lobcoder.suggest.evidence import prior_logit
from lobcoder.suggest.examples import TrainingExample
from lobcoder.suggest.features import Vectorizer

Progress = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]

FEATURES = "lemmas+pairs, question, neighbours; stacked with codebook evidence; v4"
MIN_POSITIVES = 2  # coded sentences a code needs before a model is learned for it
MIN_EXAMPLES = 5  # coded sentences a code needs before its reliability counts
RELIABLE_F1 = 0.4
DEFAULT_THRESHOLD = 0.5
C = 10.0  # little regularisation: with few codings every word of them matters (devset: F1 0.06 -> 0.14)
MAX_FOLDS = 3  # document groups for the out-of-fold scores (more folds: slower, hardly better)
STACK_C = 1.0
MARGIN = 0.1  # out-of-fold F1 the learned model must gain over the codebook alone to be used
MIN_THRESHOLD_EXAMPLES = 10  # coded sentences before a code's threshold is chosen rather than 0.5
# The codebook's best threshold on n coded sentences moves from 0.5 only by n / (n + SHRINK) of the way:
# chosen on a few training documents it is mostly noise (3 documents: devset micro F1 0.42 -> 0.43,
# demo themes 0.17 -> 0.18, without keywords 0.37 -> 0.38 and 0.17 -> 0.18).
SHRINK = 10
NO_EVIDENCE = prior_logit(0.0)  # log-odds when the codebook says nothing about a unit
# Evidence log-odds, text decision, intercept, before cross-validation is possible (codings in one
# document): without codebook evidence the score is the (balanced) model's own, sharpened.
DEFAULT_STACK = (1.0, 2.0, -NO_EVIDENCE)
THRESHOLDS = tuple(round(0.25 + 0.05 * i, 2) for i in range(13))  # 0.25 .. 0.85: a suggestion is at least plausible
SNIPPET = 90


@dataclass(frozen=True)
class Reliability:
    """How a code's suggestions did on the training documents it was not trained on (cross-validated)."""

    examples: int  # coded sentences learned from
    documents: int  # documents they are in
    threshold: float
    precision: float | None  # None: not measured (codings in fewer than two documents)
    recall: float | None
    f1: float | None
    source: str  # "learned" or "codebook"

    @property
    def reliable(self) -> bool:
        return self.examples >= MIN_EXAMPLES and self.f1 is not None and self.f1 >= RELIABLE_F1

    @property
    def problem(self) -> str:
        """Why the code is not reliable: "too_few", "low_f1", "not_measured"; "" if it is."""
        if self.examples < MIN_EXAMPLES:
            return "too_few"
        if self.f1 is None:
            return "not_measured"
        return "" if self.f1 >= RELIABLE_F1 else "low_f1"


@dataclass(frozen=True)
class Prediction:
    probability: float
    nearest: str = ""  # the most similar coded sentence of the code ("more like this")
    similarity: float = 0.0


@dataclass
class CodeModel:
    guid: str
    coef: np.ndarray  # over the vectorizer's features
    intercept: float
    stack: tuple[float, float, float]  # p = sigmoid(s0 * evidence log-odds + s1 * text decision + s2)
    reliability: Reliability


@dataclass(eq=False)
class Classifier:
    """Learned codes, the measured reliability of every code with codings, and the coded sentences to cite."""

    vectorizer: Vectorizer
    models: dict[str, CodeModel]
    reliability: dict[str, Reliability]
    positives: dict[str, int]
    seen: frozenset[str]
    examples: int
    cite_matrix: sparse.csr_matrix  # lemma features of the coded sentences
    cite_texts: tuple[str, ...]
    cite_codes: tuple[tuple[str, ...], ...]
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(sorted(self.models))

    def threshold(self, guid: str) -> float:
        found = self.reliability.get(guid)
        return found.threshold if found is not None else DEFAULT_THRESHOLD

    def predict(
        self, units: Sequence[UnitText], evidence: Sequence[Mapping[str, float]]
    ) -> list[dict[str, Prediction]]:
        """Per unit, the calibrated probability of each learned code (units without words get none)."""
        result: list[dict[str, Prediction]] = [{} for _ in units]
        if not self.models or not units:
            return result
        matrix = self.vectorizer.transform(units)
        lemma = self.vectorizer.transform(units, blocks=("w",))
        similar = (lemma @ self.cite_matrix.T).toarray() if self.cite_texts else np.zeros((len(units), 0))
        for guid, model in self.models.items():
            odds = np.array([prior_logit(e.get(guid, 0.0)) if guid in e else NO_EVIDENCE for e in evidence])
            decision = matrix @ model.coef + model.intercept
            probability = _sigmoid(model.stack[0] * odds + model.stack[1] * decision + model.stack[2])
            cites = [i for i, codes in enumerate(self.cite_codes) if guid in codes]
            for row, unit in enumerate(units):
                if not unit.words:
                    continue
                nearest, best = "", 0.0
                if cites:
                    col = max(cites, key=lambda i: similar[row, i])
                    nearest, best = self.cite_texts[col], float(similar[row, col])
                result[row][guid] = Prediction(float(probability[row]), nearest, best)
        return result

    # -- storing ----------------------------------------------------------------------

    def meta(self) -> dict[str, Any]:
        return {
            "features": FEATURES,
            "labels": list(self.labels),
            "positives": self.positives,
            "seen": sorted(self.seen),
            "reliability": {g: r.__dict__ for g, r in sorted(self.reliability.items())},
            "calibration": {g: [m.intercept, *m.stack] for g, m in sorted(self.models.items())},
            "cite_texts": list(self.cite_texts),
            "cite_codes": [list(c) for c in self.cite_codes],
        }

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        labels = self.labels
        coef = np.vstack([self.models[g].coef for g in labels]) if labels else np.zeros((0, self.vectorizer.size))
        np.savez(
            buffer,
            vocabulary=np.array(self.vectorizer.vocabulary, dtype=str),
            idf=self.vectorizer.idf,
            coef=coef.astype(np.float32),
            cite_data=self.cite_matrix.data,
            cite_indices=self.cite_matrix.indices,
            cite_indptr=self.cite_matrix.indptr,
        )
        return zlib.compress(buffer.getvalue())

    @classmethod
    def from_bytes(cls, meta: dict[str, Any], blob: bytes, examples: int) -> Classifier:
        arrays = np.load(io.BytesIO(zlib.decompress(blob)), allow_pickle=False)
        vectorizer = Vectorizer([str(v) for v in arrays["vocabulary"]], arrays["idf"])
        reliability = {g: Reliability(**r) for g, r in meta["reliability"].items()}
        models = {}
        for row, guid in enumerate(meta["labels"]):
            intercept, *stack = meta["calibration"][guid]
            coef = arrays["coef"][row].astype(np.float64)
            models[guid] = CodeModel(guid, coef, intercept, (stack[0], stack[1], stack[2]), reliability[guid])
        cite = sparse.csr_matrix(
            (arrays["cite_data"], arrays["cite_indices"], arrays["cite_indptr"]),
            shape=(len(meta["cite_texts"]), vectorizer.size),
        )
        return cls(
            vectorizer,
            models,
            reliability,
            dict(meta["positives"]),
            frozenset(meta["seen"]),
            examples,
            cite,
            tuple(meta["cite_texts"]),
            tuple(tuple(c) for c in meta["cite_codes"]),
        )


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30, 30)))


@dataclass(frozen=True)
class FitResult:
    classifier: Classifier | None
    status: str  # "trained", "updated", "unchanged", "too_few", "cancelled"
    new_examples: int = 0


def _odds(examples: Sequence[TrainingExample], guid: str) -> np.ndarray:
    result = []
    for e in examples:
        found = dict(e.evidence)
        result.append(prior_logit(found[guid]) if guid in found else NO_EVIDENCE)
    return np.array(result)


def _fit_one(x: sparse.csr_matrix, y: np.ndarray, seed: int) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=C, class_weight="balanced", solver="liblinear", tol=1e-3, random_state=seed)
    model.fit(x, y)
    # Stored as float32: the model in memory is the one a reopened project restores.
    return model.coef_[0].astype(np.float32).astype(np.float64), float(model.intercept_[0])


def _best_threshold(probabilities: np.ndarray, y: np.ndarray) -> tuple[float, float, float, float]:
    """The threshold with the best F1 (ties: nearest 0.5), and its precision, recall, F1."""
    best = (DEFAULT_THRESHOLD, 0.0, 0.0, -1.0)
    for threshold in THRESHOLDS:
        precision, recall, f1 = _precision_recall_f1(probabilities, y, threshold)
        better = f1 > best[3] + 1e-9 or (abs(f1 - best[3]) <= 1e-9 and abs(threshold - 0.5) < abs(best[0] - 0.5))
        if better:
            best = (threshold, precision, recall, f1)
    return best


def _stack(odds: np.ndarray, decision: np.ndarray, y: np.ndarray) -> tuple[float, float, float]:
    """Weights of the evidence log-odds and the out-of-fold text decision, and an intercept (calibrated)."""
    from sklearn.linear_model import LogisticRegression

    if len(set(y.tolist())) < 2:
        return DEFAULT_STACK
    model = LogisticRegression(C=STACK_C, solver="lbfgs")
    model.fit(np.column_stack([odds, decision]), y)
    a, b = (max(float(w), 0.0) for w in model.coef_[0])  # neither source may count against its own evidence
    return a, b, float(model.intercept_[0])


def fit(
    examples: Sequence[TrainingExample],
    *,
    min_positives: int = MIN_POSITIVES,
    seed: int = 0,
    base: Classifier | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> FitResult:
    """Learn every code with enough coded sentences; measure every code with codings.

    ``base``: the stored model; if it has seen exactly these examples, it is kept ("unchanged").
    """
    positives = Counter(label for e in examples if e.kind == "sentence" for label, value in e.cats if value == 1.0)
    measured = sorted(label for label, n in positives.items() if n >= 1)
    if not measured:
        return FitResult(None, "too_few")
    fingerprints = frozenset(e.fingerprint for e in examples)
    if base is not None and base.seen == fingerprints:
        return FitResult(base, "unchanged")
    fresh = len(fingerprints - base.seen) if base is not None else len(fingerprints)
    vectorizer = Vectorizer.fit([e.context for e in examples])
    matrix = vectorizer.transform([e.context for e in examples])
    documents = [e.document for e in examples]
    models: dict[str, CodeModel] = {}
    reliability: dict[str, Reliability] = {}
    for step, guid in enumerate(measured):
        if cancelled is not None and cancelled():
            return FitResult(None, "cancelled")
        rows = [i for i, e in enumerate(examples) if guid in dict(e.cats)]
        chosen = [examples[i] for i in rows]
        y = np.array([int(dict(e.cats)[guid] == 1.0) for e in chosen])
        groups = [documents[i] for i in rows]
        coded_docs = len({g for g, label in zip(groups, y, strict=True) if label})
        x = matrix[rows]
        odds = _odds(chosen, guid)
        count = int(positives[guid])
        learn = count >= min_positives and 0 < int(y.sum()) < len(y)
        # The codebook alone, on the same sentences: its own threshold once there is something to choose it by.
        codebook = _sigmoid(odds)
        threshold, precision, recall, f1 = _codebook_threshold(codebook, y, count)
        found = Reliability(
            count, coded_docs, threshold, round(precision, 4), round(recall, 4), round(f1, 4), "codebook"
        )
        if learn:
            if coded_docs >= 2:
                out_of_fold, coef, intercept = _out_of_fold(x, y, groups, seed)
            else:
                out_of_fold = None
                coef, intercept = _fit_one(x, y, seed)
            if out_of_fold is not None:
                stack = _stack(odds, out_of_fold, y)
                scores = _sigmoid(stack[0] * odds + stack[1] * out_of_fold + stack[2])
                threshold, precision, recall, f1 = _best_threshold(scores, y)
                if f1 > (found.f1 or 0.0) + MARGIN:  # learning earned its place out of fold
                    found = Reliability(
                        count, coded_docs, threshold, round(precision, 4), round(recall, 4), round(f1, 4), "learned"
                    )
                    models[guid] = CodeModel(guid, coef, intercept, stack, found)
            else:  # codings in one document: nothing to cross-validate, learn as well as one can
                found = Reliability(count, coded_docs, DEFAULT_THRESHOLD, None, None, None, "learned")
                models[guid] = CodeModel(guid, coef, intercept, DEFAULT_STACK, found)
        reliability[guid] = found
        if progress is not None:
            progress(step + 1, len(measured), f"code {step + 1} of {len(measured)}")
    cite_rows = [i for i, e in enumerate(examples) if e.kind == "sentence" and any(v == 1.0 for _, v in e.cats)]
    cite_matrix = vectorizer.transform([examples[i].context for i in cite_rows], blocks=("w",))
    classifier = Classifier(
        vectorizer,
        models,
        reliability,
        {g: int(positives[g]) for g in measured},
        fingerprints,
        len(examples),
        cite_matrix,
        tuple(examples[i].context.text[:SNIPPET] for i in cite_rows),
        tuple(tuple(g for g, v in examples[i].cats if v == 1.0) for i in cite_rows),
    )
    return FitResult(classifier, "updated" if base is not None else "trained", fresh)


def _codebook_threshold(scores: np.ndarray, y: np.ndarray, count: int) -> tuple[float, float, float, float]:
    """The codebook's threshold for a code with ``count`` coded sentences, and its precision, recall, F1.

    Chosen (best F1) from :data:`MIN_THRESHOLD_EXAMPLES` on, shrunk towards 0.5
    by ``count / (count + SHRINK)`` and kept on the grid of :data:`THRESHOLDS`.
    """
    if count < MIN_THRESHOLD_EXAMPLES:
        return _measure(scores, y, DEFAULT_THRESHOLD)
    best = _best_threshold(scores, y)[0]
    shrunk = DEFAULT_THRESHOLD + (best - DEFAULT_THRESHOLD) * count / (count + SHRINK)
    return _measure(scores, y, min(THRESHOLDS, key=lambda t: (abs(t - shrunk), abs(t - DEFAULT_THRESHOLD))))


def _precision_recall_f1(scores: np.ndarray, y: np.ndarray, threshold: float) -> tuple[float, float, float]:
    chosen = scores >= threshold
    tp = float(np.sum(chosen & (y == 1)))
    fp = float(np.sum(chosen & (y == 0)))
    fn = float(np.sum(~chosen & (y == 1)))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _measure(scores: np.ndarray, y: np.ndarray, threshold: float) -> tuple[float, float, float, float]:
    precision, recall, f1 = _precision_recall_f1(scores, y, threshold)
    return threshold, round(precision, 4), round(recall, 4), round(f1, 4)


def _out_of_fold(
    x: sparse.csr_matrix, y: np.ndarray, groups: Sequence[str], seed: int
) -> tuple[np.ndarray, np.ndarray, float]:
    """Decision values of each example from a model trained without its document (grouped k-fold).

    Also returns the mean of the fold models (coefficients, intercept): a linear
    model on the same scale as the out-of-fold values the stacking is fitted on.
    """
    names = sorted(set(groups))
    folds = min(MAX_FOLDS, len(names))
    order = list(names)
    np.random.default_rng(seed).shuffle(order)
    fold_of = {name: i % folds for i, name in enumerate(order)}
    fold = np.array([fold_of[g] for g in groups])
    result = np.zeros(len(y))
    coefs, intercepts = [], []
    for k in range(folds):
        train_rows, test_rows = np.where(fold != k)[0], np.where(fold == k)[0]
        if len(set(y[train_rows].tolist())) < 2:
            result[test_rows] = -5.0  # nothing to learn from
            continue
        coef, intercept = _fit_one(x[train_rows], y[train_rows], seed)
        result[test_rows] = x[test_rows] @ coef + intercept
        coefs.append(coef)
        intercepts.append(intercept)
    if not coefs:
        return result, np.zeros(x.shape[1]), -5.0
    mean = np.mean(coefs, axis=0).astype(np.float32).astype(np.float64)
    return result, mean, float(np.mean(intercepts))
