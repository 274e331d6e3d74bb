"""How good the suggestions are: document-level cross-validation on the project's own codings.

Documents with codings are split into ``folds`` groups (seeded shuffle). For
each group, a model is trained on the other documents only and suggestions
are made for the held-out ones, ignoring their codings and rejections.
Scoring is per respondent sentence and code:

* a sentence is *truly coded* with a code when :func:`units.coded` says so;
  a sentence such a coding only grazes is left out of that code's counts;
* a sentence is *suggested* with a code when a suggestion of that code covers it.

Three sources are measured: the codebook alone (keywords, derived terms,
exclusions; no codings used), the learned model alone (no codebook
evidence), and both combined (what ``suggest`` does). Per code, the combined
figures with the number of coded sentences say whether the code is reliable
(:data:`classifier.RELIABLE_F1`, :data:`classifier.MIN_EXAMPLES`).
:func:`learning_curve` trains on 1, 2, 3, … documents and suggests on the rest.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from lobcoder.errors import Cancelled, LobcoderError
from lobcoder.i18n.said import say
from lobcoder.services.codes import CodeInfo, list_codes
from lobcoder.storage.project import ProjectStore
from lobcoder.suggest import feedback
from lobcoder.suggest import store as persistence
from lobcoder.suggest.cache import ProcessedText, processed_texts
from lobcoder.suggest.classifier import MIN_EXAMPLES, RELIABLE_F1, Reliability
from lobcoder.suggest.examples import training_examples
from lobcoder.suggest.fitting import MIN_POSITIVES, CancelCheck, Progress, fit
from lobcoder.suggest.pipeline import DutchPipeline, load_pipeline
from lobcoder.suggest.ranking import document_scores, rank
from lobcoder.suggest.store import CodedDocument, Rejection
from lobcoder.suggest.training import examples_for
from lobcoder.suggest.units import Coded, coded
from lobcoder.suggest.vocabulary import Vocabulary, project_vocabulary

METHODS = ("codebook", "learned", "combined")
TOP = 10


@dataclass(frozen=True)
class Scores:
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, tp: int, fp: int, fn: int) -> Scores:
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(tp, fp, fn, round(precision, 4), round(recall, 4), round(f1, 4))


@dataclass(frozen=True)
class CodeResult:
    code: str
    support: int  # sentences truly coded with it
    scores: Scores
    threshold: float = 0.5  # mean over folds
    reliable: bool = False


@dataclass(frozen=True)
class MethodResult:
    method: str
    available: bool
    micro: Scores
    macro_precision: float
    macro_recall: float
    macro_f1: float
    per_code: tuple[CodeResult, ...]
    top_precision: float | None = None  # mean over documents of the precision of its TOP best suggestions


@dataclass(frozen=True)
class EvaluationResult:
    folds: int
    seed: int
    min_score: float | None
    min_examples: int
    documents: int
    sentences: int
    pipeline: str
    methods: tuple[MethodResult, ...]
    trained_codes_per_fold: tuple[int, ...]


@dataclass(frozen=True)
class CurvePoint:
    documents: int  # coded documents learned from
    runs: int
    micro_f1: float  # mean over runs
    codebook_f1: float | None  # the codebook alone on the same held-out documents


class NotEnoughDataError(LobcoderError):
    """Cross-validation needs codings in at least two documents."""


@dataclass
class _Counts:
    cells: dict[tuple[str, str], list[int]]
    thresholds: dict[tuple[str, str], list[float]]
    support: dict[str, int]
    top: dict[str, list[float]]
    sentences: int = 0


def _new_counts(codes: Sequence[CodeInfo], methods: Sequence[str]) -> _Counts:
    return _Counts(
        {(m, c.guid): [0, 0, 0] for m in methods for c in codes},
        {(m, c.guid): [] for m in methods for c in codes},
        {c.guid: 0 for c in codes},
        {m: [] for m in methods},
    )


def run_split(
    pipeline: DutchPipeline,
    codes: Sequence[CodeInfo],
    train_docs: Sequence[CodedDocument],
    test_docs: Sequence[CodedDocument],
    processed: Mapping[str, ProcessedText],
    counts: _Counts,
    *,
    methods: Sequence[str] = METHODS,
    evaluated: Sequence[CodeInfo],
    rejections: Sequence[Rejection] = (),
    min_score: float | None = None,
    min_positives: int = MIN_POSITIVES,
    seed: int = 0,
    cancelled: CancelCheck | None = None,
    vocabulary: Vocabulary | None = None,
    marks: dict[str, Reliability] | None = None,
) -> int:
    """Train on ``train_docs``, suggest on ``test_docs``, add to ``counts``; returns the codes learned.

    ``vocabulary``: the project's (all documents' texts, coded or not, as ``suggest`` uses it).
    ``marks``: filled with the reliability (code GUID -> :class:`Reliability`) that the model of
    ``methods[0]`` found out of fold on ``train_docs``, as the pane would show it.
    """
    parsed = [processed[d.content_hash] for d in train_docs]
    learned = 0
    models = {}
    if train_docs and ("learned" in methods or "combined" in methods):
        with_codebook = examples_for(pipeline, codes, train_docs, parsed, rejections, vocabulary)
        plain = training_examples(train_docs, parsed, rejections)
        for method, examples in (("combined", with_codebook), ("learned", plain)):
            if method in methods:
                learns = feedback.learning_codes(codes) if method == "combined" else None
                result = fit(examples, min_positives=min_positives, seed=seed, learns=learns, cancelled=cancelled)
                if result.status == "cancelled":
                    raise Cancelled("evaluation cancelled")
                models[method] = result.classifier
                if result.classifier is not None and marks is not None and method == methods[0]:
                    marks.update(result.classifier.reliability)
                if result.classifier is not None and method == "combined":
                    learned = len(result.classifier.labels)
    first = True
    for doc in test_docs:
        text_parsed = processed[doc.content_hash]
        for method in methods:
            classifier = models.get(method)
            units, scores = document_scores(
                pipeline,
                codes,
                doc.text,
                doc.turns,
                text_parsed,
                classifier,
                use_codebook=method != "learned",
                vocabulary=vocabulary,
            )
            reliability = classifier.reliability if classifier is not None else {}
            suggested = rank(
                doc.id, units, scores, evaluated, turns=doc.turns, reliability=reliability, min_score=min_score
            )
            if first:
                counts.sentences += len(units)
                first = False
            truth = {c.guid: [coded(u, doc.codings.get(c.guid, ())) for u in units] for c in evaluated}
            for code in evaluated:
                spans = [(s.start, s.end) for s in suggested if s.code_guid == code.guid]
                found = reliability.get(code.guid)
                counts.thresholds[(method, code.guid)].append(
                    min_score if min_score is not None else (found.threshold if found else 0.5)
                )
                for unit, state in zip(units, truth[code.guid], strict=True):
                    if state is Coded.PARTLY:
                        continue
                    hit = any(s <= unit.start and unit.end <= e for s, e in spans)
                    is_true = state is Coded.YES
                    if method == methods[0] and is_true:
                        counts.support[code.guid] += 1
                    if hit or is_true:
                        counts.cells[(method, code.guid)][0 if hit and is_true else 1 if hit else 2] += 1
            best = suggested[:TOP]
            if best:
                right = 0
                for s in best:
                    inside = [i for i, u in enumerate(units) if s.start <= u.start and u.end <= s.end]
                    yes = sum(truth[s.code_guid][i] is Coded.YES for i in inside) if s.code_guid in truth else 0
                    right += 2 * yes >= len(inside)
                counts.top[method].append(right / len(best))
        first = True
    return learned


def _method(
    method: str, available: bool, codes: Sequence[CodeInfo], counts: _Counts, examples: Mapping[str, int]
) -> MethodResult:
    per_code = []
    for c in codes:
        scores = Scores.of(*counts.cells[(method, c.guid)])
        thresholds = counts.thresholds[(method, c.guid)]
        threshold = round(sum(thresholds) / len(thresholds), 2) if thresholds else 0.5
        reliable = scores.f1 >= RELIABLE_F1 and examples.get(c.guid, 0) >= MIN_EXAMPLES
        per_code.append(CodeResult(c.name, counts.support[c.guid], scores, threshold, reliable))
    micro = Scores.of(*(sum(counts.cells[(method, c.guid)][i] for c in codes) for i in range(3)))
    n = len(per_code) or 1
    top = counts.top[method]
    return MethodResult(
        method,
        available,
        micro,
        round(sum(r.scores.precision for r in per_code) / n, 4),
        round(sum(r.scores.recall for r in per_code) / n, 4),
        round(sum(r.scores.f1 for r in per_code) / n, 4),
        tuple(per_code),
        round(sum(top) / len(top), 4) if top else None,
    )


def _load(
    store: ProjectStore, pipeline: DutchPipeline, keywords: Mapping[str, str] | None
) -> tuple[list[CodedDocument], list[Rejection], list[CodeInfo], dict[str, ProcessedText]]:
    with store.read() as session:
        documents = [d for d in persistence.coded_documents(session) if d.codings]
        rejections = persistence.rejections(session)
        codes = list_codes(session)
    if len(documents) < 2:
        raise NotEnoughDataError(say("problem.evaluation.two_documents"))
    if keywords is not None:
        codes = [dataclasses.replace(c, keywords=keywords.get(c.guid, keywords.get(c.name, ""))) for c in codes]
    processed = dict(
        zip(
            [d.content_hash for d in documents],
            processed_texts(store, pipeline, [(d.content_hash, d.text) for d in documents]),
            strict=True,
        )
    )
    return documents, rejections, codes, processed


def evaluate(
    store: ProjectStore,
    folds: int = 3,
    seed: int = 0,
    *,
    min_score: float | None = None,
    min_examples: int = MIN_POSITIVES,
    keywords: Mapping[str, str] | None = None,
    pipeline: DutchPipeline | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> EvaluationResult:
    """Cross-validated sentence-level scores; nothing is stored.

    Args:
        min_score: one threshold for every code instead of each code's own.
        min_examples: coded sentences a code needs before it is learned.
        keywords: replaces the codebook's keywords, by code GUID or name.
    """
    pipeline = pipeline or load_pipeline()
    documents, rejections, codes, processed = _load(store, pipeline, keywords)
    vocabulary = project_vocabulary(store, pipeline)
    evaluated = [c for c in codes if any(c.guid in d.codings for d in documents)]
    folds = max(2, min(folds, len(documents)))
    order = list(documents)
    random.Random(seed).shuffle(order)
    groups = [order[i::folds] for i in range(folds)]
    counts = _new_counts(evaluated, METHODS)
    trained: list[int] = []
    for index, held_out in enumerate(groups):
        held_ids = {d.id for d in held_out}
        train_docs = [d for d in documents if d.id not in held_ids]
        trained.append(
            run_split(
                pipeline,
                codes,
                train_docs,
                held_out,
                processed,
                counts,
                evaluated=evaluated,
                rejections=rejections,
                min_score=min_score,
                min_positives=min_examples,
                seed=seed,
                cancelled=cancelled,
                vocabulary=vocabulary,
            )
        )
        if progress is not None:
            progress(index + 1, folds, f"fold {index + 1} of {folds}")
    methods = tuple(_method(m, True, evaluated, counts, counts.support) for m in METHODS)
    return EvaluationResult(
        folds, seed, min_score, min_examples, len(documents), counts.sentences, pipeline.name, methods, tuple(trained)
    )


def learning_curve(
    store: ProjectStore,
    *,
    runs: int = 3,
    seed: int = 0,
    max_documents: int | None = None,
    keywords: Mapping[str, str] | None = None,
    pipeline: DutchPipeline | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> list[CurvePoint]:
    """Micro-F1 (combined) after learning from 1, 2, 3, … coded documents, on the documents not learned from.

    Each point is the mean over ``runs`` seeded draws of which documents are learned from.
    """
    pipeline = pipeline or load_pipeline()
    documents, rejections, codes, processed = _load(store, pipeline, keywords)
    vocabulary = project_vocabulary(store, pipeline)
    evaluated = [c for c in codes if any(c.guid in d.codings for d in documents)]
    top = min(len(documents) - 1, max_documents or len(documents))
    rng = random.Random(seed)
    points = []
    for n in range(1, top + 1):
        f1s, base = [], []
        for run in range(runs):
            chosen = rng.sample(documents, n)
            ids = {d.id for d in chosen}
            rest = [d for d in documents if d.id not in ids]
            counts = _new_counts(evaluated, ("combined", "codebook"))
            run_split(
                pipeline,
                codes,
                chosen,
                rest,
                processed,
                counts,
                methods=("combined", "codebook"),
                evaluated=evaluated,
                rejections=rejections,
                seed=seed + run,
                cancelled=cancelled,
                vocabulary=vocabulary,
            )
            f1s.append(_method("combined", True, evaluated, counts, {}).micro.f1)
            base.append(_method("codebook", True, evaluated, counts, {}).micro.f1)
        points.append(CurvePoint(n, runs, round(sum(f1s) / runs, 4), round(sum(base) / runs, 4)))
        if progress is not None:
            progress(n, top, f"{n} of {top} documents")
    return points
