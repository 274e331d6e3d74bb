"""Learning a calibrated model per code from the researcher's codings on top of the codebook's evidence.

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
  (:func:`adjustment.adjust`). Nothing is fitted to the few training
  documents but the regression itself, so a handful of codings nudges the
  codebook and cannot undo its calibration; the threshold stays near the
  codebook's own (:data:`adjustment.ADJUST_THRESHOLD`). Stacking weights
  fitted on three documents ranked worse than the codebook alone on every
  corpus.
* **The codebook says nothing** (a code with only a name): the four scores
  are combined by a logistic regression with non-negative weights (no
  score may count against its own code), fitted on their out-of-fold
  values; the same out-of-fold probabilities choose the code's threshold
  (:mod:`thresholds`: prevalence-aware, well below 0.5 for a rare code).

Either way the out-of-fold probabilities say how reliable the code is
(:class:`Reliability`), by nested selection (:func:`thresholds.nested`)
where something is chosen on them: the stacking weights and threshold of a
code the codebook says nothing about, and the codebook's own threshold from
:data:`codebook_threshold.MIN_THRESHOLD_EXAMPLES` coded sentences on, are
chosen again for each fold on the other folds alone, so the reported
precision, recall and F1 are what the choice does on a document it was not
made on. The threshold used,
and so every suggestion, is still the one chosen on all the out-of-fold
scores; so is the choice whether the learned model is used. (The
adjustment's threshold is fixed; its standardisation chosen per fold lowered
the marks that were right.) Codes without enough codings are scored from the
codebook alone (:func:`evidence.prior`), and measured the same way when they
have any codings.

The out-of-fold scores: :mod:`out_of_fold`; the codebook's own threshold:
:mod:`codebook_threshold`; the model learned, how it predicts ("more like
this") and how it is stored: :mod:`classifier`.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from functools import partial

import numpy as np
from scipy import sparse

from lobcoder.suggest import adjustment, feedback, stacking
from lobcoder.suggest.adjustment import ADJUST_SCORES, ADJUST_THRESHOLD, adjust
from lobcoder.suggest.classifier import DEFAULT_THRESHOLD, SCORES, Classifier, CodeModel, Reliability
from lobcoder.suggest.codebook_threshold import MIN_THRESHOLD_EXAMPLES, codebook_threshold, nested_codebook
from lobcoder.suggest.evidence import prior_logit
from lobcoder.suggest.examples import TrainingExample, evidence_digest
from lobcoder.suggest.features import LEARNED, Vectorizer
from lobcoder.suggest.fits import Fit, Fits
from lobcoder.suggest.out_of_fold import CodeData, mine, out_of_fold, submit_folds
from lobcoder.suggest.stacking import DEFAULT_STACK, NO_EVIDENCE
from lobcoder.suggest.thresholds import choose_threshold, measure, nested

Progress = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]

MIN_POSITIVES = 2  # coded sentences a code needs before a model is learned for it
C = 10.0  # little regularisation: with few codings every word of them matters (devset: F1 0.06 -> 0.14)
LOOKAHEAD = 1  # codes prepared (their fits started) before the earliest is finished
# The learned model is not used for a code where, out of fold, it does worse than the codebook alone by this much.
MARGIN = 0.0
MARGIN_TRIVIAL = 0.05  # ... and better than suggesting every sentence by at least this much
SNIPPET = 90


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
        threshold, precision, recall, f1 = codebook_threshold(stacking.sigmoid(odds), y, count)
        codebook_f1 = f1  # on the scores the threshold was chosen on: what the learned model must match
        fold = stacking.folds(groups, seed)
        if count >= MIN_THRESHOLD_EXAMPLES and len(set(groups)) >= 2:
            precision, recall, f1 = nested_codebook(stacking.sigmoid(odds), y, fold)
        found = Reliability(
            count, coded_docs, threshold, round(precision, 4), round(recall, 4), round(f1, 4), "codebook"
        )
        plan = _Plan(guid, y, fold, coded_docs, odds, count, found, codebook_f1)
        if learn:
            plan.data = data = CodeData(matrix[rows], lemma[rows], binary[rows], names, y)
            plan.terms = mine(data.binary, names, y)[0]
            if len(set(groups)) >= 2 and speaks:
                plan.path = "adjust"
            elif coded_docs >= 2 and len(set(groups)) >= 2:
                plan.path = "stack"
            elif not speaks:
                plan.path = "one document"
            if plan.path in ("adjust", "stack"):
                plan.folds = submit_folds(data, fold, fits)
            if plan.path == "one document" or (plan.path == "adjust" and adjustment.ADJUST_MARGIN is None):
                plan.final = fits.submit(data.x, y)  # certain to be used: started now
        return plan

    def finish(plan: _Plan, fits: Fits) -> None:
        guid, y, odds, count, coded_docs, found = plan.guid, plan.y, plan.odds, plan.count, plan.coded_docs, plan.found
        data = plan.data
        if plan.path == "adjust" and data is not None and plan.folds is not None:
            # The codebook speaks: its log-odds stay, the learned score only adjusts them (see adjustment.adjust).
            learned, valid = out_of_fold(data, plan.fold, ADJUST_SCORES, plan.folds)
            stack, scores = adjust(odds, learned, valid, count)
            threshold, precision, recall, f1 = measure(scores, y, ADJUST_THRESHOLD)
            # Used only where, out of fold, it beats the codebook alone on the same sentences by a margin.
            if adjustment.ADJUST_MARGIN is None or f1 >= plan.codebook_f1 + adjustment.ADJUST_MARGIN:
                found = Reliability(count, coded_docs, threshold, precision, recall, f1, "learned")
                coef, intercept = (plan.final or fits.submit(data.x, y))()
                models[guid] = CodeModel(guid, coef, intercept, stack, found, plan.terms)
        elif plan.path == "stack" and data is not None and plan.folds is not None:
            learned, _valid = out_of_fold(data, plan.fold, SCORES[1:], plan.folds)
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


def _everything_f1(y: np.ndarray) -> float:
    """The F1 of suggesting every sentence."""
    rate = float(y.mean()) if len(y) else 0.0
    return 2 * rate / (1 + rate)


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
    data: CodeData | None = None
    terms: dict[str, float] = field(default_factory=dict)
    path: str = ""  # "adjust", "stack", "one document"; "": the codebook alone
    folds: list[Callable[[], Fit] | None] | None = None  # per fold, its fit being made (None: no fit)
    final: Callable[[], Fit] | None = None  # the fit on all documents, started when it is certain to be used
