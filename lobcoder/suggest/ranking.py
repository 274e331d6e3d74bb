"""Suggestions for one document: one calibrated score per sentence and code, per-code thresholds, merged spans.

A code the project's model learned (:mod:`classifier`) is scored by that
model, which reads the codebook's evidence as one of its features; any
other code is scored from the codebook alone (:func:`evidence.prior`). A
sentence is suggested when its score reaches the code's threshold, chosen
by cross-validation when the model was trained (``min_score`` overrides
it). Adjacent suggested sentences of one code in the same respondent turn
become one suggestion: a span starts at a sentence's first character, never
inside a word nor in an interviewer turn. Where a sub-code the project uses is
suggested or coded, its theme is not (:data:`PREFER_SUB_CODES`). Scores can lean towards their answer's
(:data:`ANSWER_SHARE`, off). Sentences that already overlap a
coding of the code, or lie in a span the user rejected for it, are left out.
Nothing here writes codings: accepting is
``editing.suggestion_commands.AcceptSuggestion``.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from lobcoder.services.codes import CodeInfo, list_codes
from lobcoder.services.codings import codings_for_document
from lobcoder.services.documents import get_document
from lobcoder.storage.project import ProjectStore
from lobcoder.suggest import store as persistence
from lobcoder.suggest.cache import processed_texts
from lobcoder.suggest.classifier import DEFAULT_THRESHOLD, Classifier, Prediction, Reliability
from lobcoder.suggest.context import UnitText, unit_texts
from lobcoder.suggest.evidence import Vocabulary, prior, prior_logit
from lobcoder.suggest.examples import sentence_units
from lobcoder.suggest.pipeline import DutchPipeline, load_pipeline
from lobcoder.suggest.scoring import Evidence, codebook_scorer, sub_codes
from lobcoder.suggest.training import load_classifier
from lobcoder.suggest.units import TurnLike, Unit, overlaps
from lobcoder.suggest.vocabulary import project_vocabulary

PREFER_SUB_CODES = True
"""A theme is not suggested for a sentence where one of its sub-codes is suggested or coded, if the project uses that
sub-code (has codings of it): the sub-code says more, codebooks ask for it ("Gebruik bij voorkeur een
subcode"), and its theme is implied. A project coded only with themes keeps its theme suggestions."""
ANSWER_SHARE = 0.0
"""Off. On, a sentence's log-odds for a code move by this share of how far the code's mean log-odds over the
sentence's respondent turn lie above its mean over the document (a theme runs over a whole answer). Measured in
docs/SUGGESTIONS.md ("fifth pass"): on the demo's interviews +0.03 F1 for the themes but lower top-10 precision;
the development set has no turns to measure it on. Try it on a coded project before switching it on:
``benchmarks/suggestion_quality.py --project FILE --answer-share 0.3``."""
MIN_WORDS = 2
"""Shorter sentences ("Nee.", "Ja, klopt.") are not suggested: with no words to go on,
a score says only how common the code is."""


@dataclass(frozen=True)
class Suggestion:
    document_id: int
    start: int
    end: int
    code_id: int
    code_guid: str
    code_name: str
    score: float  # calibrated probability that the code fits (the best sentence of a span)
    sources: tuple[str, ...]  # "codebook" (keywords, terms of its texts) and/or "learned" (the model)
    reason: str  # in English, for the command line; front ends word the fields below
    unit: str  # "sentence", or "span" (adjacent sentences)
    threshold: float = DEFAULT_THRESHOLD
    terms: tuple[str, ...] = ()  # hand-written keywords that matched
    derived: tuple[str, ...] = ()  # terms from the code's definition, criteria and examples that matched
    against: tuple[str, ...] = ()  # exclusion terms that matched
    nearest: str = ""  # the most similar coded sentence of this code
    sentences: int = 1
    reliability: Reliability | None = None
    learned: tuple[str, ...] = ()  # learned keywords of the code (mined from its codings) that matched

    @property
    def reliable(self) -> bool:
        return self.reliability is not None and self.reliability.reliable


@dataclass(frozen=True)
class UnitScore:
    probability: float
    evidence: Evidence | None
    prediction: Prediction | None


def score_units(
    texts: Sequence[UnitText],
    evidence: Sequence[Mapping[str, Evidence]],
    classifier: Classifier | None,
    *,
    use_codebook: bool = True,
) -> list[dict[str, UnitScore]]:
    """Per unit, each code's calibrated score (codes with nothing to go on are left out)."""
    plain = [{g: e.score for g, e in found.items()} if use_codebook else {} for found in evidence]
    predictions = classifier.predict(texts, plain) if classifier is not None else [{} for _ in texts]
    result: list[dict[str, UnitScore]] = []
    for text, found, predicted in zip(texts, evidence, predictions, strict=True):
        scores: dict[str, UnitScore] = {}
        if len(text.words) >= MIN_WORDS:
            for guid, prediction in predicted.items():
                scores[guid] = UnitScore(prediction.probability, found.get(guid), prediction)
            if use_codebook:
                for guid, hit in found.items():
                    if guid not in scores:
                        scores[guid] = UnitScore(prior(hit.score), hit, None)
        result.append(scores)
    return result


def smooth_over_answers(
    units: Sequence[Unit], scores: Sequence[Mapping[str, UnitScore]], turns: Sequence[TurnLike], share: float
) -> list[dict[str, UnitScore]]:
    """Each sentence's scores moved towards its answer's (:data:`ANSWER_SHARE`): in log-odds, plus ``share`` times
    the code's mean over the sentence's turn less its mean over the document's sentences (a sentence without a score
    for the code counts as the codebook's log-odds at no evidence). Without turns nothing changes."""
    result = [dict(found) for found in scores]
    if not share:
        return result
    starts, ordered = _turn_index(turns)
    by_turn: dict[int, list[int]] = {}
    for position, unit in enumerate(units):
        if unit.kind == "sentence":
            by_turn.setdefault(_turn_of(unit, starts, ordered), []).append(position)
    if len(by_turn) < 2:
        return result
    sentences = [p for members in by_turn.values() for p in members]
    missing = prior_logit(0.0)
    for guid in sorted({g for p in sentences for g in scores[p]}):
        logits = {p: _logit(scores[p][guid].probability) if guid in scores[p] else missing for p in sentences}
        document = sum(logits.values()) / len(logits)
        for members in by_turn.values():
            shift = share * (sum(logits[p] for p in members) / len(members) - document)
            for p in members:
                if guid in scores[p]:
                    score = scores[p][guid]
                    result[p][guid] = UnitScore(_sigmoid(logits[p] + shift), score.evidence, score.prediction)
    return result


def _logit(probability: float) -> float:
    probability = min(max(probability, 1e-6), 1 - 1e-6)
    return math.log(probability / (1 - probability))


def _sigmoid(value: float) -> float:
    return 1.0 / (1.0 + math.exp(-value))


def _turn_index(turns: Sequence[TurnLike]) -> tuple[list[int], list[TurnLike]]:
    ordered = sorted(turns, key=lambda t: t.start)
    return [t.start for t in ordered], ordered


def _turn_of(unit: Unit, starts: Sequence[int], ordered: Sequence[TurnLike]) -> int:
    """The position (in :func:`_turn_index` order) of the turn holding all of ``unit``; -1 if none does."""
    index = bisect.bisect_right(starts, unit.start) - 1
    return index if index >= 0 and ordered[index].end >= unit.end else -1


def rank(
    document_id: int,
    units: Sequence[Unit],
    scores: Sequence[Mapping[str, UnitScore]],
    codes: Sequence[CodeInfo],
    *,
    turns: Sequence[TurnLike] = (),
    reliability: Mapping[str, Reliability] | None = None,
    coded: Mapping[str, Sequence[tuple[int, int]]] | None = None,
    rejected: Collection[tuple[str, int, int]] = (),
    min_score: float | None = None,
    limit: int | None = None,
) -> list[Suggestion]:
    """Suggestions from sentence scores, best first (then in text order); adjacent sentences merged."""
    coded = coded or {}
    reliability = reliability or {}
    starts, ordered = _turn_index(turns)
    rejected_by_code: dict[str, list[tuple[int, int]]] = {}
    for guid, start, end in rejected:
        rejected_by_code.setdefault(guid, []).append((start, end))
    thresholds: dict[str, float] = {}
    passing: dict[str, list[int]] = {}
    for code in codes:
        spans = coded.get(code.guid, ())
        refused = rejected_by_code.get(code.guid, ())
        found = reliability.get(code.guid)
        threshold = min_score if min_score is not None else (found.threshold if found else DEFAULT_THRESHOLD)
        thresholds[code.guid] = threshold
        passing[code.guid] = [
            position
            for position, (unit, unit_scores) in enumerate(zip(units, scores, strict=True))
            if (score := unit_scores.get(code.guid)) is not None
            and score.probability >= threshold
            and not overlaps(unit, spans)
            and not any(s <= unit.start and unit.end <= e for s, e in refused)
        ]
    below = sub_codes(codes, lambda c: c.codings > 0) if PREFER_SUB_CODES else {}  # the sub-codes the project uses
    subs = {g for found in below.values() for g in found}
    overlapping = {
        guid: [p for p, unit in enumerate(units) if overlaps(unit, coded.get(guid, ()))] for guid in sorted(subs)
    }
    result: list[Suggestion] = []
    for code in codes:
        found = reliability.get(code.guid)
        threshold = thresholds[code.guid]
        # Where a sub-code is suggested or already coded, its theme is implied.
        taken = {p for sub in below.get(code.guid, ()) for p in [*passing[sub], *overlapping[sub]]}
        run: list[tuple[int, Unit, UnitScore]] = []
        for position in passing[code.guid]:
            if position in taken:
                continue
            unit, score = units[position], scores[position][code.guid]
            if run and (
                run[-1][0] != position - 1 or _turn_of(run[-1][1], starts, ordered) != _turn_of(unit, starts, ordered)
            ):
                result.append(_suggestion(document_id, code, run, threshold, found))
                run = []
            run.append((position, unit, score))
        if run:
            result.append(_suggestion(document_id, code, run, threshold, found))
    result.sort(key=lambda s: (-s.score, s.start, s.end, s.code_name))
    return result[:limit] if limit is not None else result


def _suggestion(
    document_id: int,
    code: CodeInfo,
    run: Sequence[tuple[int, Unit, UnitScore]],
    threshold: float,
    reliability: Reliability | None,
) -> Suggestion:
    best = max((s for _, _, s in run), key=lambda s: s.probability)
    keywords: list[str] = []
    derived: list[str] = []
    against: list[str] = []
    learned: list[str] = []
    for _, _, score in run:
        if score.prediction is not None:
            learned += [t for t in score.prediction.terms if t not in learned]
        if score.evidence is not None:
            keywords += [k for k in score.evidence.keywords if k not in keywords]
            derived += [t for t in score.evidence.terms if t not in derived]
            against += [t for t in score.evidence.against if t not in against]
            learned += [t for t in score.evidence.learned if t not in learned]  # terms its codings gave the code
    sources = []
    reasons = []
    if keywords or derived:
        sources.append("codebook")
        if keywords:
            reasons.append("keywords: " + ", ".join(keywords))
        if derived:
            reasons.append("codebook terms: " + ", ".join(derived[:6]))
    if against:
        reasons.append("against (exclusion): " + ", ".join(against))
    nearest = best.prediction.nearest if best.prediction is not None else ""
    if best.prediction is not None or learned:
        sources.append("learned")
        if learned:
            reasons.append("learned keywords: " + ", ".join(learned[:6]))
        if nearest:
            reasons.append(f"like coded: “{nearest}”")
    if reliability is not None and reliability.f1 is not None:
        reasons.append(
            f"cross-validated F1 {reliability.f1:.2f} at {reliability.threshold:.2f}, {reliability.examples} examples"
        )
    elif reliability is not None:
        reasons.append(f"{reliability.examples} examples, not measured yet")
    else:
        reasons.append("from the codebook only, no codings yet")
    first, last = run[0][1], run[-1][1]
    return Suggestion(
        document_id,
        first.start,
        last.end,
        code.id,
        code.guid,
        code.name,
        round(best.probability, 4),
        tuple(sources) or ("codebook",),
        "; ".join(reasons),
        "span" if len(run) > 1 else "sentence",
        threshold,
        tuple(keywords),
        tuple(derived),
        tuple(against),
        nearest,
        len(run),
        reliability,
        tuple(learned),
    )


def document_scores(
    pipeline: DutchPipeline,
    codes: Sequence[CodeInfo],
    text: str,
    turns: Sequence[TurnLike],
    processed: object,
    classifier: Classifier | None,
    *,
    use_codebook: bool = True,
    vocabulary: Vocabulary | None = None,
) -> tuple[list[Unit], list[dict[str, UnitScore]]]:
    """The sentences of one document and their scores.

    The codebook's terms are weighed against the project's vocabulary
    (:func:`vocabulary.project_vocabulary`; without one, this document's own
    sentences): a word most sentences use says little about any one of them.
    """
    units = sentence_units(text, processed, turns)  # type: ignore[arg-type]
    texts = unit_texts(text, processed, turns, units)  # type: ignore[arg-type]
    learned = classifier.feedback if classifier is not None else None  # terms the codings add to the codebook
    scorer = codebook_scorer(pipeline, codes, vocabulary or Vocabulary.of(t.words for t in texts), learned)
    evidence = scorer.score(processed, units) if use_codebook else [{} for _ in units]  # type: ignore[arg-type]
    scores = score_units(texts, evidence, classifier, use_codebook=use_codebook)
    if ANSWER_SHARE:
        scores = smooth_over_answers(units, scores, turns, ANSWER_SHARE)
    return units, scores


def suggest(
    store: ProjectStore,
    document_id: int,
    *,
    min_score: float | None = None,
    limit: int | None = None,
    pipeline: DutchPipeline | None = None,
    include_unreliable: bool = True,
) -> list[Suggestion]:
    """Code suggestions for one document, from the codebook and the project's stored model (if trained).

    ``include_unreliable=False`` leaves out codes whose cross-validated F1 is
    below :data:`classifier.RELIABLE_F1` or that have too few examples.
    """
    pipeline = pipeline or load_pipeline()
    with store.read() as session:
        view = get_document(session, document_id)
        codes = list_codes(session)
        coded: dict[int, list[tuple[int, int]]] = {}
        for coding in codings_for_document(session, document_id):
            coded.setdefault(coding.code_id, []).append((coding.start, coding.end))
        rejected = {(r.code_guid, r.start, r.end) for r in persistence.rejections(session, [view.content_hash])}
    processed = processed_texts(store, pipeline, [(view.content_hash, view.text)])[0]
    classifier = load_classifier(store, pipeline)
    vocabulary = project_vocabulary(store, pipeline)
    units, scores = document_scores(
        pipeline, codes, view.text, view.turns, processed, classifier, vocabulary=vocabulary
    )
    found = rank(
        view.id,
        units,
        scores,
        codes,
        turns=view.turns,
        reliability=classifier.reliability if classifier else None,
        coded={c.guid: coded.get(c.id, []) for c in codes},
        rejected=rejected,
        min_score=min_score,
    )
    if not include_unreliable:
        found = [s for s in found if s.reliable]
    return found[:limit] if limit is not None else found
