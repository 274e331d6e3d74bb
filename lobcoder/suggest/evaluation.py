"""How good the suggestions are: document-level cross-validation on the project's own codings.

Documents with codings are split into ``folds`` groups (seeded shuffle by
name). For each group, a classifier is trained on the other documents only
and suggestions are made for the held-out ones, ignoring their codings and
rejections. Scoring is per respondent sentence and code:

* a sentence is *truly coded* with a code when :func:`units.coded` says so
  (the code's codings cover at least half of it, or at least half of one of
  its codings lies in it); a sentence such a coding only grazes is left out of
  that code's counts;
* a sentence is *suggested* with a code when a suggestion of that code covers
  it (a sentence suggestion, or a turn suggestion containing it).

Precision, recall and F1 are given per code (codes with at least one coding),
pooled (micro) and averaged over codes (macro), for the keyword rules alone,
the classifier alone and both combined (:func:`ranking.combine`).
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from lobcoder.errors import Cancelled, LobcoderError
from lobcoder.services.codes import CodeInfo, list_codes
from lobcoder.storage.project import ProjectStore
from lobcoder.suggest import store as persistence
from lobcoder.suggest.cache import processed_texts
from lobcoder.suggest.classifier import EPOCHS, MIN_EXAMPLES, CancelCheck, Progress, fit
from lobcoder.suggest.pipeline import DutchPipeline, load_pipeline
from lobcoder.suggest.ranking import MIN_SCORE, UnitScore, rank, score_units
from lobcoder.suggest.rules import RuleMatcher
from lobcoder.suggest.units import Coded, coded, document_units, training_examples

METHODS = ("rules", "classifier", "combined")


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


@dataclass(frozen=True)
class MethodResult:
    method: str
    available: bool  # rules need keywords; the classifier needs codes with enough examples
    micro: Scores
    macro_precision: float
    macro_recall: float
    macro_f1: float
    per_code: tuple[CodeResult, ...]


@dataclass(frozen=True)
class EvaluationResult:
    folds: int
    seed: int
    min_score: float
    min_examples: int
    documents: int
    sentences: int
    pipeline: str
    methods: tuple[MethodResult, ...]
    trained_codes_per_fold: tuple[int, ...]


class NotEnoughDataError(LobcoderError):
    """Cross-validation needs codings in at least two documents."""


def _only(score: UnitScore, method: str) -> UnitScore:
    if method == "rules":
        return UnitScore(score.rules, 0.0)
    if method == "classifier":
        return UnitScore(None, score.classifier)
    return score


def evaluate(
    store: ProjectStore,
    folds: int = 3,
    seed: int = 0,
    *,
    min_score: float = MIN_SCORE,
    min_examples: int = MIN_EXAMPLES,
    epochs: int = EPOCHS,
    keywords: Mapping[str, str] | None = None,
    pipeline: DutchPipeline | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> EvaluationResult:
    """Cross-validated sentence-level scores; nothing is stored.

    Args:
        keywords: replaces the codebook's keywords, by code GUID or name
            (to try a keyword list before writing it into the codebook).
    """
    pipeline = pipeline or load_pipeline()
    with store.read() as session:
        documents = [d for d in persistence.coded_documents(session) if d.codings]
        rejections = persistence.rejections(session)
        codes = list_codes(session)
    if len(documents) < 2:
        raise NotEnoughDataError("evaluating suggestions needs codings in at least two documents")
    if keywords is not None:
        codes = [dataclasses.replace(c, keywords=keywords.get(c.guid, keywords.get(c.name, ""))) for c in codes]
    evaluated = [c for c in codes if any(c.guid in d.codings for d in documents)]
    folds = max(2, min(folds, len(documents)))
    order = list(documents)
    random.Random(seed).shuffle(order)
    groups = [order[i::folds] for i in range(folds)]
    processed = dict(
        zip(
            [d.content_hash for d in documents],
            processed_texts(store, pipeline, [(d.content_hash, d.text) for d in documents]),
            strict=True,
        )
    )
    matcher = RuleMatcher(pipeline, codes)
    counts = {(m, c.guid): [0, 0, 0] for m in METHODS for c in evaluated}
    support = {c.guid: 0 for c in evaluated}
    sentences = 0
    trained: list[int] = []
    for index, held_out in enumerate(groups):
        held_ids = {d.id for d in held_out}
        train_docs = [d for d in documents if d.id not in held_ids]
        examples = training_examples(train_docs, [processed[d.content_hash] for d in train_docs], rejections)
        result = fit(examples, min_examples=min_examples, epochs=epochs, seed=seed, cancelled=cancelled)
        if result.status == "cancelled":
            raise Cancelled("evaluation cancelled")
        classifier = result.classifier
        trained.append(len(classifier.labels) if classifier else 0)
        for doc in held_out:
            parsed = processed[doc.content_hash]
            units = document_units(doc.text, parsed, doc.turns)
            scores = score_units(parsed, units, matcher if matcher.has_keywords else None, classifier)
            targets = [u for u in units if u.kind == "sentence"]
            sentences += len(targets)
            for method in METHODS:
                only = [{g: _only(s, method) for g, s in unit.items()} for unit in scores]
                suggested = rank(doc.id, units, only, evaluated, min_score=min_score)
                for code in evaluated:
                    spans = [(s.start, s.end) for s in suggested if s.code_guid == code.guid]
                    for sentence in targets:
                        truth = coded(sentence, doc.codings.get(code.guid, ()))
                        if truth is Coded.PARTLY:
                            continue
                        hit = any(s <= sentence.start and sentence.end <= e for s, e in spans)
                        is_true = truth is Coded.YES
                        if method == METHODS[0] and is_true:
                            support[code.guid] += 1
                        if hit or is_true:
                            counts[(method, code.guid)][0 if hit and is_true else 1 if hit else 2] += 1
        if progress is not None:
            progress(index + 1, folds, f"fold {index + 1} of {folds}")
    available = {"rules": matcher.has_keywords, "classifier": any(trained), "combined": True}
    methods = tuple(_method(m, available[m], evaluated, counts, support) for m in METHODS)
    return EvaluationResult(
        folds, seed, min_score, min_examples, len(documents), sentences, pipeline.name, methods, tuple(trained)
    )


def _method(
    method: str,
    available: bool,
    codes: Sequence[CodeInfo],
    counts: Mapping[tuple[str, str], list[int]],
    support: Mapping[str, int],
) -> MethodResult:
    per_code = tuple(CodeResult(c.name, support[c.guid], Scores.of(*counts[(method, c.guid)])) for c in codes)
    micro = Scores.of(*(sum(counts[(method, c.guid)][i] for c in codes) for i in range(3)))
    n = len(per_code) or 1
    return MethodResult(
        method,
        available,
        micro,
        round(sum(r.scores.precision for r in per_code) / n, 4),
        round(sum(r.scores.recall for r in per_code) / n, 4),
        round(sum(r.scores.f1 for r in per_code) / n, 4),
        per_code,
    )
