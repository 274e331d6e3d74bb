"""A calibrated model per code, learned from the researcher's codings on top of the codebook's evidence.

For every code with at least :data:`MIN_POSITIVES` coded sentences, four
scores are computed per sentence and combined into one calibrated
probability:

* the codebook's evidence for the code (:mod:`scoring`, as the log-odds of
  :func:`evidence.prior`);
* a logistic regression (scikit-learn, ``liblinear``, balanced classes) on
  the features of :mod:`features`;
* the code's learned keywords (:mod:`mined`): terms that set its coded
  sentences apart, summed by their z-scores;
* how similar the sentence is to the code's coded sentences (the mean
  cosine of its three nearest, over lemma features).

How they are combined depends on what the codebook says about the code:

* **The codebook has evidence for the code** (its name, definition,
  keywords match some training sentences): its log-odds stay, and the
  logistic regression's score, standardised by its mean and spread out of
  fold (document-grouped cross-validation over the training documents), is
  added with a weight that grows with the number of coded sentences
  (:func:`_adjust`). Nothing is fitted to the few training documents but
  the regression itself, so a handful of codings nudges the codebook and
  cannot undo its calibration; the threshold stays near the codebook's own
  (:data:`ADJUST_THRESHOLD`). Stacking weights fitted on three documents
  ranked worse than the codebook alone on every corpus.
* **The codebook says nothing** (a code with only a name): the four scores
  are combined by a logistic regression with non-negative weights (no
  score may count against its own code), fitted on their out-of-fold
  values; the same out-of-fold probabilities choose the code's threshold
  (:mod:`thresholds`: prevalence-aware, well below 0.5 for a rare code).

Either way the out-of-fold probabilities say how reliable the code is
(:class:`Reliability`), by nested selection (:func:`thresholds.nested`)
where something is chosen on them: the stacking weights and threshold of a
code the codebook says nothing about, and the codebook's own threshold from
:data:`MIN_THRESHOLD_EXAMPLES` coded sentences on, are chosen again for each
fold on the other folds alone, so the reported precision, recall and F1 are
what the choice does on a document it was not made on. The threshold used,
and so every suggestion, is still the one chosen on all the out-of-fold
scores; so is the choice whether the learned model is used. (The
adjustment's threshold is fixed; its standardisation chosen per fold lowered
the marks that were right.) Codes without enough codings are scored from the
codebook alone (:func:`evidence.prior`), and measured the same way when they
have any codings.

"More like this": the most similar coded sentence of the code is kept as
the reason shown with a suggestion, with the learned keywords it matched.
"""

from __future__ import annotations

import io
import threading
import zlib
from collections import Counter, deque
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import numpy as np
from scipy import sparse

from lobcoder.suggest import feedback, mined, stacking
from lobcoder.suggest.context import UnitText
from lobcoder.suggest.evidence import prior_logit
from lobcoder.suggest.examples import TrainingExample, evidence_digest
from lobcoder.suggest.features import LEARNED, Vectorizer
from lobcoder.suggest.fits import Fit, Fits
from lobcoder.suggest.stacking import DEFAULT_STACK, NO_EVIDENCE
from lobcoder.suggest.thresholds import SHRINK, best_threshold, choose_threshold, measure, nested

Progress = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]

FEATURES = (
    "lemmas+pairs, question, neighbours; learned keywords; nearest; adjusts codebook log-odds; feedback terms;"
    " nested reliability; v9"
)
MIN_POSITIVES = 2  # coded sentences a code needs before a model is learned for it
MIN_EXAMPLES = 5  # coded sentences a code needs before its reliability counts
RELIABLE_F1 = 0.4
DEFAULT_THRESHOLD = 0.5
C = 10.0  # little regularisation: with few codings every word of them matters (devset: F1 0.06 -> 0.14)
LOOKAHEAD = 1  # codes prepared (their fits started) before the earliest is finished
NEAREST = 3  # coded sentences whose mean similarity is a score
# The learned model is not used for a code where, out of fold, it does worse than the codebook alone by this much.
MARGIN = 0.0
MARGIN_TRIVIAL = 0.05  # ... and better than suggesting every sentence by at least this much
MIN_THRESHOLD_EXAMPLES = 10  # coded sentences before the codebook's own threshold is chosen rather than 0.5
# The codebook's best threshold on n coded sentences moves from 0.5 only by n / (n + SHRINK) of the way
# (thresholds.SHRINK): chosen on a few training documents it is mostly noise.
SCORES = ("evidence", "decision", "mined", "nearest")
CODEBOOK_GRID = tuple(round(0.25 + 0.05 * i, 2) for i in range(13))  # the codebook alone: 0.25 .. 0.85
SNIPPET = 90
# Where the codebook has evidence for a code, the learned score adjusts its log-odds (_adjust) instead of
# being stacked with it: stacking weights fitted on a few documents ranked worse than the codebook alone.
ADJUST_SCORES = ("decision",)  # the learned scores that adjust (learned keywords, nearest: no gain, see SUGGESTIONS.md)
ADJUST_WEIGHT = 0.75  # log-odds per out-of-fold standard deviation of the learned score, with many codings ...
ADJUST_SHRINK = 10  # ... reached as count / (count + ADJUST_SHRINK): 10 coded sentences give half of it
ADJUST_THRESHOLD = 0.55  # a little above the codebook's 0.5: the added score spreads the uncoded sentences too
ADJUST_MIN_ROWS = 10  # out-of-fold scores needed to standardise a learned score
ADJUST_MARGIN: float | None = None  # out-of-fold F1 the adjustment must gain over the codebook alone (its F1 at
# its own threshold on the same sentences, as the stacked path compares; None: no check)


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
    terms: tuple[str, ...] = ()  # learned keywords of the code that the unit contains


@dataclass
class CodeModel:
    guid: str
    coef: np.ndarray  # over the vectorizer's features
    intercept: float
    stack: tuple[float, ...]  # p = sigmoid(weights . SCORES + intercept), the intercept last
    reliability: Reliability
    terms: dict[str, float] = field(default_factory=dict)  # learned keywords and their z-scores


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
    feedback: dict[str, dict[str, float]] = field(default_factory=dict)  # terms each code adds to its codebook entry
    evidence: str = ""  # examples.evidence_digest of the examples learned from
    inputs: str = ""  # training.inputs_digest of what it was trained from ("": not known, an older model)
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
        matrix, lemma = self.vectorizer.transform_both(units, LEARNED, ("w",))
        similar = (lemma @ self.cite_matrix.T).toarray() if self.cite_texts else np.zeros((len(units), 0))
        found_terms = [mined.terms(u.words) for u in units]
        for guid, model in self.models.items():
            odds = np.array([prior_logit(e.get(guid, 0.0)) for e in evidence])
            decision = matrix @ model.coef + model.intercept
            matched = [mined.score(t, model.terms) for t in found_terms]
            cites = [i for i, codes in enumerate(self.cite_codes) if guid in codes]
            own = similar[:, cites]
            near = _nearest_mean(own) if cites else np.zeros(len(units))
            columns = np.column_stack([odds, decision, [m[0] for m in matched], near])
            probability = stacking.sigmoid(columns @ np.array(model.stack[:-1]) + model.stack[-1])
            closest = own.argmax(axis=1) if cites else np.zeros(len(units), dtype=int)  # the first of equals
            for row, unit in enumerate(units):
                if not unit.words:
                    continue
                text, best = "", 0.0
                if cites:
                    col = cites[int(closest[row])]
                    text, best = self.cite_texts[col], float(similar[row, col])
                result[row][guid] = Prediction(float(probability[row]), text, best, matched[row][1])
        return result

    # -- storing ----------------------------------------------------------------------

    def meta(self) -> dict[str, Any]:
        return {
            "features": FEATURES,
            "labels": list(self.labels),
            "positives": self.positives,
            "seen": sorted(self.seen),
            "evidence": self.evidence,
            "reliability": {g: r.__dict__ for g, r in sorted(self.reliability.items())},
            "calibration": {g: [m.intercept, *m.stack] for g, m in sorted(self.models.items())},
            "terms": {g: m.terms for g, m in sorted(self.models.items())},
            "cite_texts": list(self.cite_texts),
            "cite_codes": [list(c) for c in self.cite_codes],
            "feedback": self.feedback,
            "inputs": self.inputs,
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
            terms = {str(t): float(w) for t, w in meta["terms"][guid].items()}
            models[guid] = CodeModel(guid, coef, intercept, tuple(stack), reliability[guid], terms)
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
            {str(g): {str(t): float(n) for t, n in terms.items()} for g, terms in meta["feedback"].items()},
            str(meta["evidence"]),
            str(meta["inputs"]),
        )


def _nearest_mean(similar: np.ndarray) -> np.ndarray:
    """Per row, the mean of its :data:`NEAREST` highest similarities."""
    if similar.shape[1] == 0:
        return np.zeros(similar.shape[0])
    k = min(NEAREST, similar.shape[1])
    return np.partition(similar, similar.shape[1] - k, axis=1)[:, -k:].mean(axis=1)


@dataclass(frozen=True)
class FitResult:
    classifier: Classifier | None
    status: str  # "trained", "updated", "unchanged", "too_few", "cancelled"
    new_examples: int = 0


def _labelled(examples: Sequence[TrainingExample]) -> tuple[dict[str, list[tuple[int, float]]], dict[str, np.ndarray]]:
    """Per code, the examples labelled for it (index, label), in order, and its codebook evidence per example
    (0 where there is none): one pass over the examples, not one per code."""
    labels: dict[str, list[tuple[int, float]]] = {}
    evidence: dict[str, np.ndarray] = {}
    for i, e in enumerate(examples):
        for guid, value in dict(e.cats).items():
            labels.setdefault(guid, []).append((i, value))
        for guid, value in dict(e.evidence).items():
            if guid not in evidence:
                evidence[guid] = np.zeros(len(examples))
            evidence[guid][i] = value
    return labels, evidence


def _odds(evidence: np.ndarray | None, rows: Sequence[int]) -> np.ndarray:
    """:func:`evidence.prior_logit` of these rows' evidence."""
    return prior_logit(evidence[rows] if evidence is not None else np.zeros(len(rows)))


def _fit_one(x: sparse.csr_matrix, y: np.ndarray, seed: int) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=C, class_weight="balanced", solver="liblinear", tol=1e-3, random_state=seed)
    model.fit(x, y)
    # Stored as float32: the model in memory is the one a reopened project restores.
    return model.coef_[0].astype(np.float32).astype(np.float64), float(model.intercept_[0])


def fit(
    examples: Sequence[TrainingExample],
    *,
    min_positives: int = MIN_POSITIVES,
    seed: int = 0,
    base: Classifier | None = None,
    learns: Collection[str] | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> FitResult:
    """Learn every code with enough coded sentences; measure every code with codings.

    ``base``: the stored model; if it has seen exactly these examples, it is kept ("unchanged").
    ``learns``: the codes whose codings add terms (:func:`feedback.learning_codes`; None: any).
    With :data:`feedback.ENABLED` the terms the codings add to their codes' codebook entries are kept
    (:mod:`feedback`); the examples' evidence counts them too, learned out of document (``training.examples_for``).
    """
    positives = Counter(label for e in examples if e.kind == "sentence" for label, value in e.cats if value == 1.0)
    measured = sorted(label for label, n in positives.items() if n >= 1)
    if not measured:
        return FitResult(None, "too_few")
    fingerprints = frozenset(e.fingerprint for e in examples)
    digest = evidence_digest(examples)
    if base is not None and base.seen == fingerprints and base.evidence == digest:
        return FitResult(base, "unchanged")
    fresh = len(fingerprints - base.seen) if base is not None else len(fingerprints)
    vectorizer = Vectorizer.fit([e.context for e in examples])
    matrix, lemma = vectorizer.transform_both([e.context for e in examples], LEARNED, ("w",))
    binary = lemma.copy()
    binary.data = np.ones_like(binary.data)  # which lemma terms each unit has
    names = [feature[2:] for feature in vectorizer.vocabulary]
    documents = [e.document for e in examples]
    models: dict[str, CodeModel] = {}
    reliability: dict[str, Reliability] = {}
    labelled, evidence = _labelled(examples)

    def prepare(guid: str, fits: Fits) -> _Plan:
        """A code's data and codebook measure; its fits started (they run while earlier codes finish)."""
        rows = [i for i, _ in labelled[guid]]
        chosen = [examples[i] for i in rows]
        y = np.array([int(value == 1.0) for _, value in labelled[guid]])
        groups = [documents[i] for i in rows]
        coded_docs = len({g for g, label in zip(groups, y, strict=True) if label})
        odds = _odds(evidence.get(guid), rows)
        count = int(positives[guid])
        learn = count >= min_positives and 0 < int(y.sum()) < len(y)
        speaks = _speaks(chosen, guid, odds)
        # The codebook alone, on the same sentences: its own threshold once there is something to choose it by.
        threshold, precision, recall, f1 = _codebook_threshold(stacking.sigmoid(odds), y, count)
        codebook_f1 = f1  # on the scores the threshold was chosen on: what the learned model must match
        fold = stacking.folds(groups, seed)
        if count >= MIN_THRESHOLD_EXAMPLES and len(set(groups)) >= 2:
            precision, recall, f1 = _nested_codebook(stacking.sigmoid(odds), y, fold)
        found = Reliability(
            count, coded_docs, threshold, round(precision, 4), round(recall, 4), round(f1, 4), "codebook"
        )
        plan = _Plan(guid, y, fold, coded_docs, odds, count, found, codebook_f1)
        if learn:
            plan.data = data = _CodeData(matrix[rows], lemma[rows], binary[rows], names, y)
            plan.terms = _mine(data.binary, names, y)[0]
            if len(set(groups)) >= 2 and speaks:
                plan.path = "adjust"
            elif coded_docs >= 2 and len(set(groups)) >= 2:
                plan.path = "stack"
            elif not speaks:
                plan.path = "one document"
            if plan.path in ("adjust", "stack"):
                plan.folds = _submit_folds(data, fold, fits)
            if plan.path == "one document" or (plan.path == "adjust" and ADJUST_MARGIN is None):
                plan.final = fits.submit(data.x, y)  # certain to be used: started now
        return plan

    def finish(plan: _Plan, fits: Fits) -> None:
        guid, y, odds, count, coded_docs, found = plan.guid, plan.y, plan.odds, plan.count, plan.coded_docs, plan.found
        data = plan.data
        if plan.path == "adjust" and data is not None and plan.folds is not None:
            # The codebook speaks: its log-odds stay, the learned score only adjusts them (see _adjust).
            learned, valid = _out_of_fold(data, plan.fold, ADJUST_SCORES, plan.folds)
            stack, scores = _adjust(odds, learned, valid, count)
            threshold, precision, recall, f1 = measure(scores, y, ADJUST_THRESHOLD)
            # Used only where, out of fold, it beats the codebook alone on the same sentences by a margin.
            if ADJUST_MARGIN is None or f1 >= plan.codebook_f1 + ADJUST_MARGIN:
                found = Reliability(count, coded_docs, threshold, precision, recall, f1, "learned")
                coef, intercept = (plan.final or fits.submit(data.x, y))()
                models[guid] = CodeModel(guid, coef, intercept, stack, found, plan.terms)
        elif plan.path == "stack" and data is not None and plan.folds is not None:
            learned, _valid = _out_of_fold(data, plan.fold, SCORES[1:], plan.folds)
            columns = np.column_stack([odds, learned])
            stack = stacking.stack(columns, y)
            scores = stacking.sigmoid(columns @ np.array(stack[:-1]) + stack[-1])
            threshold, _precision, _recall, f1 = choose_threshold(scores, y, count)
            # Used unless it does worse than the codebook out of fold, or no better than suggesting everything.
            if f1 >= plan.codebook_f1 - MARGIN and f1 > _everything_f1(y) + MARGIN_TRIVIAL:
                # Reported: the weights and threshold chosen per fold on the other folds (not on the scores measured).
                honest = nested(plan.fold, y, partial(stacking.stacked_choice, columns, y))
                found = Reliability(count, coded_docs, threshold, *honest, "learned")
                coef, intercept = fits.submit(data.x, y)()  # on all documents (better than the folds' mean)
                models[guid] = CodeModel(guid, coef, intercept, stack, found, plan.terms)
        # Codings in one document, nothing to cross-validate: where the codebook speaks, it carries;
        # where it says nothing, learn as well as one can.
        elif plan.path == "one document" and plan.final is not None:
            coef, intercept = plan.final()
            found = Reliability(count, coded_docs, DEFAULT_THRESHOLD, None, None, None, "learned")
            models[guid] = CodeModel(guid, coef, intercept, DEFAULT_STACK, found, plan.terms)
        reliability[guid] = found
        if progress is not None:
            progress(len(reliability), len(measured), f"code {len(reliability)} of {len(measured)}")

    with Fits(_fit_one, seed) as fits:
        pending: deque[_Plan] = deque()
        for guid in measured:
            if cancelled is not None and cancelled():
                return FitResult(None, "cancelled")
            pending.append(prepare(guid, fits))
            if len(pending) > LOOKAHEAD:
                finish(pending.popleft(), fits)
        while pending:
            if cancelled is not None and cancelled():
                return FitResult(None, "cancelled")
            finish(pending.popleft(), fits)
    cite_rows = [i for i, e in enumerate(examples) if e.kind == "sentence" and any(v == 1.0 for _, v in e.cats)]
    classifier = Classifier(
        vectorizer,
        models,
        reliability,
        {g: int(positives[g]) for g in measured},
        fingerprints,
        len(examples),
        lemma[cite_rows],
        tuple(examples[i].context.text[:SNIPPET] for i in cite_rows),
        tuple(tuple(g for g, v in examples[i].cats if v == 1.0) for i in cite_rows),
        feedback.feedback_terms(examples, learns) if feedback.ENABLED else {},
        digest,
    )
    return FitResult(classifier, "updated" if base is not None else "trained", fresh)


def _speaks(examples: Sequence[TrainingExample], guid: str, odds: np.ndarray) -> bool:
    """Whether the codebook's own texts have evidence for the code in these examples (terms its codings
    added do not count: a code that has only those is learned, with their evidence as one of its scores)."""
    if all(e.codebook is not None for e in examples):
        return any(guid in e.codebook for e in examples if e.codebook)
    return bool(np.any(odds != NO_EVIDENCE))


def _nested_codebook(scores: np.ndarray, y: np.ndarray, fold: np.ndarray) -> tuple[float, float, float]:
    """The codebook's precision, recall, F1 with its threshold chosen on the other folds (nested)."""

    def choose(rows: np.ndarray) -> tuple[np.ndarray, float]:
        return scores, _codebook_threshold(scores[rows], y[rows], int(y[rows].sum()))[0]

    return nested(fold, y, choose)


def _everything_f1(y: np.ndarray) -> float:
    """The F1 of suggesting every sentence."""
    rate = float(y.mean()) if len(y) else 0.0
    return 2 * rate / (1 + rate)


def _codebook_threshold(scores: np.ndarray, y: np.ndarray, count: int) -> tuple[float, float, float, float]:
    """The codebook's threshold for a code with ``count`` coded sentences, and its precision, recall, F1.

    Chosen (best F1) from :data:`MIN_THRESHOLD_EXAMPLES` on, shrunk towards 0.5
    by ``count / (count + SHRINK)`` and kept on the grid of :data:`CODEBOOK_GRID`.
    """
    if count < MIN_THRESHOLD_EXAMPLES:
        return measure(scores, y, DEFAULT_THRESHOLD)
    best = best_threshold(scores, y, CODEBOOK_GRID)[0]
    shrunk = DEFAULT_THRESHOLD + (best - DEFAULT_THRESHOLD) * count / (count + SHRINK)
    return measure(scores, y, min(CODEBOOK_GRID, key=lambda t: (abs(t - shrunk), abs(t - DEFAULT_THRESHOLD))))


@dataclass(frozen=True)
class _CodeData:
    x: sparse.csr_matrix  # all features
    lemma: sparse.csr_matrix  # lemma features (similarity)
    binary: sparse.csr_matrix  # which lemma terms each unit has (learned keywords)
    names: list[str]  # the terms of the columns
    y: np.ndarray


@dataclass
class _Plan:
    """One code's training between :func:`fit`'s two steps: prepared (fits started) and finished."""

    guid: str
    y: np.ndarray
    fold: np.ndarray  # per row, its fold (stacking.folds)
    coded_docs: int
    odds: np.ndarray
    count: int
    found: Reliability  # the codebook alone
    codebook_f1: float  # the codebook alone, at a threshold chosen on these scores (found.f1 may be nested)
    data: _CodeData | None = None
    terms: dict[str, float] = field(default_factory=dict)
    path: str = ""  # "adjust", "stack", "one document"; "": the codebook alone
    folds: list[Callable[[], Fit] | None] | None = None  # per fold, its fit being made (None: no fit)
    final: Callable[[], Fit] | None = None  # the fit on all documents, started when it is certain to be used


def _mine(binary: sparse.csr_matrix, names: Sequence[str], y: np.ndarray) -> tuple[dict[str, float], np.ndarray]:
    """Learned keywords from these units, and their weights as a vector over the columns."""
    positive = np.asarray(binary[y == 1].sum(axis=0)).ravel()
    negative = np.asarray(binary[y == 0].sum(axis=0)).ravel()
    columns = [int(c) for c in np.nonzero(positive >= mined.MIN_SUPPORT)[0]]
    found = mined.mine_counts(
        [names[c] for c in columns], positive[columns], negative[columns], float(positive.sum()), float(negative.sum())
    )
    vector = np.zeros(len(names))
    for c in columns:
        vector[c] = found.get(names[c], 0.0)
    return found, vector


def _adjust(
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


def _submit_folds(data: _CodeData, fold: np.ndarray, fits: Fits) -> list[Callable[[], Fit] | None]:
    """Start the fits :func:`_out_of_fold` needs (None for a fold whose training rows are all one class)."""
    pending: list[Callable[[], Fit] | None] = []
    for train_rows, _test_rows in stacking.fold_rows(fold):
        y = data.y[train_rows]
        pending.append(fits.submit(data.x[train_rows], y) if len(set(y.tolist())) == 2 else None)
    return pending


def _out_of_fold(
    data: _CodeData,
    fold: np.ndarray,
    scores: Sequence[str],
    fitted: Sequence[Callable[[], Fit] | None],
) -> tuple[np.ndarray, np.ndarray]:
    """The learned scores (decision, learned keywords, nearest) of each example, learned without its document.

    ``fold``: each row's fold (:func:`stacking.folds`: documents in at most :data:`stacking.MAX_FOLDS` groups, seeded shuffle).
    Only the columns named in ``scores`` are computed (the others stay 0).
    ``fitted``: the folds' fits, started by :func:`_submit_folds`.
    Also says which rows got scores from a model (their fold's training documents have coded sentences).
    """
    y = data.y
    result = np.zeros((len(y), 3))
    valid = np.zeros(len(y), dtype=bool)
    for k, (train_rows, test_rows) in enumerate(stacking.fold_rows(fold)):
        if not y[train_rows].any():
            result[test_rows, 0] = -5.0  # nothing to learn from
            continue
        valid[test_rows] = True
        waiting = fitted[k]
        if waiting is not None:  # both classes among the fold's training rows (_submit_folds)
            coef, intercept = waiting()
            result[test_rows, 0] = data.x[test_rows] @ coef + intercept
        if "mined" in scores:
            mined = _mine(data.binary[train_rows], data.names, y[train_rows])[1]
            result[test_rows, 1] = data.binary[test_rows] @ mined
        if "nearest" in scores:
            coded = data.lemma[train_rows[y[train_rows] == 1]]
            result[test_rows, 2] = _nearest_mean((data.lemma[test_rows] @ coded.T).toarray())
    return result, valid
