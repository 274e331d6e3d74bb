"""Suggestions for one document: keyword rules and the classifier combined, ranked, filtered.

The two sources are combined as a noisy-or, ``1 - (1 - rules) * (1 - classifier)``:
either source alone can reach the minimum score, and agreement raises it
(0.4 and 0.4 give 0.64). A weighted maximum would ignore agreement;
``evaluation.evaluate`` reports each source alone and the combination.

Sentences are suggested one by one. A respondent turn is suggested instead
of its sentences when it scores at least the minimum itself and at least half
of its sentences (two or more) do, so a turn that is about the code as a
whole appears as one suggestion. Units that already overlap a coding of the
code, and spans the user rejected for it, are left out. Nothing here writes
codings: accepting is ``editing.suggestion_commands.AcceptSuggestion``.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from lobcoder.services.codes import CodeInfo, list_codes
from lobcoder.services.codings import codings_for_document
from lobcoder.services.documents import get_document
from lobcoder.storage.project import ProjectStore
from lobcoder.suggest import store as persistence
from lobcoder.suggest.cache import ProcessedText, processed_texts
from lobcoder.suggest.classifier import Classifier, load_classifier
from lobcoder.suggest.pipeline import DutchPipeline, load_pipeline
from lobcoder.suggest.rules import RuleHit, RuleMatcher
from lobcoder.suggest.units import Unit, UnitKind, document_units, overlaps, unit_words

MIN_SCORE = 0.3
MIN_CLASSIFIER_WORDS = 3
"""Shorter units ("Nee.", "Ja, klopt.") get no classifier score: with no words to go on,
a bag-of-words model answers with the code's base rate."""


@dataclass(frozen=True)
class Suggestion:
    document_id: int
    start: int
    end: int
    code_id: int
    code_guid: str
    code_name: str
    score: float
    sources: tuple[str, ...]  # "rules", "classifier" or both
    reason: str
    unit: UnitKind
    rule_score: float = 0.0
    classifier_score: float = 0.0
    terms: tuple[str, ...] = ()  # the keywords that matched, when "rules" is a source


@dataclass(frozen=True)
class UnitScore:
    rules: RuleHit | None
    classifier: float


def combine(rules: float, classifier: float) -> float:
    return 1.0 - (1.0 - rules) * (1.0 - classifier)


def score_units(
    processed: ProcessedText, units: Sequence[Unit], matcher: RuleMatcher | None, classifier: Classifier | None
) -> list[dict[str, UnitScore]]:
    """Per unit, each code's rule hit and classifier probability (codes with neither are left out)."""
    hits = matcher.match(processed, units) if matcher is not None else [{} for _ in units]
    if classifier is not None:
        words = [unit_words(processed, u.tokens) for u in units]
        probabilities = classifier.predict([w if len(w) >= MIN_CLASSIFIER_WORDS else () for w in words])
    else:
        probabilities = [{} for _ in units]
    scores: list[dict[str, UnitScore]] = []
    for unit_hits, unit_probabilities in zip(hits, probabilities, strict=True):
        guids = set(unit_hits) | set(unit_probabilities)
        scores.append({g: UnitScore(unit_hits.get(g), unit_probabilities.get(g, 0.0)) for g in sorted(guids)})
    return scores


def rank(
    document_id: int,
    units: Sequence[Unit],
    scores: Sequence[Mapping[str, UnitScore]],
    codes: Sequence[CodeInfo],
    *,
    examples: Mapping[str, int] | None = None,
    coded: Mapping[str, Sequence[tuple[int, int]]] | None = None,
    rejected: Collection[tuple[str, int, int]] = (),
    min_score: float = MIN_SCORE,
    limit: int | None = None,
) -> list[Suggestion]:
    """Suggestions from unit scores, best first (then in text order)."""
    coded = coded or {}
    examples = examples or {}
    candidates: dict[str, list[tuple[Unit, Suggestion]]] = {}
    for code in codes:
        spans = coded.get(code.guid, ())
        for unit, unit_scores in zip(units, scores, strict=True):
            found = unit_scores.get(code.guid)
            if found is None or overlaps(unit, spans) or (code.guid, unit.start, unit.end) in rejected:
                continue
            suggestion = _suggestion(document_id, unit, code, found, examples.get(code.guid, 0), min_score)
            if suggestion is not None:
                candidates.setdefault(code.guid, []).append((unit, suggestion))
    result: list[Suggestion] = []
    for per_code in candidates.values():
        result.extend(_prefer_turns(units, per_code))
    result.sort(key=lambda s: (-s.score, s.start, s.end, s.code_name))
    return result[:limit] if limit is not None else result


def _suggestion(
    document_id: int, unit: Unit, code: CodeInfo, found: UnitScore, examples: int, min_score: float
) -> Suggestion | None:
    rule_score = found.rules.score if found.rules else 0.0
    score = combine(rule_score, found.classifier)
    if score < min_score:
        return None
    sources: list[str] = []
    reasons: list[str] = []
    if found.rules and rule_score >= min_score / 2:
        sources.append("rules")
        reasons.append("matched: " + ", ".join(found.rules.terms))
    if found.classifier >= min_score / 2 or not sources:
        sources.append("classifier")
        reasons.append(f"classifier {found.classifier:.2f}, learned from {examples} examples")
    return Suggestion(
        document_id,
        unit.start,
        unit.end,
        code.id,
        code.guid,
        code.name,
        round(score, 4),
        tuple(sources),
        "; ".join(reasons),
        unit.kind,
        round(rule_score, 4),
        round(found.classifier, 4),
        found.rules.terms if found.rules and "rules" in sources else (),
    )


def _prefer_turns(units: Sequence[Unit], found: list[tuple[Unit, Suggestion]]) -> list[Suggestion]:
    """One code's candidates: a turn replaces its sentences if half of them (two or more) are candidates."""
    sentences = [u for u in units if u.kind == "sentence"]
    chosen = {(u.start, u.end): s for u, s in found if u.kind == "sentence"}
    for unit, suggestion in found:
        if unit.kind != "turn":
            continue
        inside = [s for s in sentences if unit.start <= s.start and s.end <= unit.end]
        hits = [s for s in inside if (s.start, s.end) in chosen]
        if len(hits) >= 2 and 2 * len(hits) >= len(inside):
            for s in hits:
                del chosen[(s.start, s.end)]
            chosen[(unit.start, unit.end)] = suggestion
    return list(chosen.values())


_matchers: dict[tuple[str, tuple[tuple[str, str], ...]], RuleMatcher] = {}
_matchers_lock = threading.Lock()


def rule_matcher(pipeline: DutchPipeline, codes: Sequence[CodeInfo]) -> RuleMatcher:
    """A matcher for these codes' keywords, built once per codebook state."""
    key = (pipeline.cache_key, tuple(sorted((c.guid, c.keywords) for c in codes if c.keywords.strip())))
    with _matchers_lock:
        matcher = _matchers.get(key)
        if matcher is None:
            if len(_matchers) > 8:
                _matchers.clear()
            matcher = _matchers[key] = RuleMatcher(pipeline, codes)
        return matcher


def suggest(
    store: ProjectStore,
    document_id: int,
    *,
    min_score: float = MIN_SCORE,
    limit: int | None = None,
    pipeline: DutchPipeline | None = None,
) -> list[Suggestion]:
    """Code suggestions for one document, from keywords and the project's stored model (if trained)."""
    pipeline = pipeline or load_pipeline()
    with store.read() as session:
        view = get_document(session, document_id)
        codes = list_codes(session)
        coded: dict[int, list[tuple[int, int]]] = {}
        for coding in codings_for_document(session, document_id):
            coded.setdefault(coding.code_id, []).append((coding.start, coding.end))
        rejected = {(r.code_guid, r.start, r.end) for r in persistence.rejections(session, [view.content_hash])}
    processed = processed_texts(store, pipeline, [(view.content_hash, view.text)])[0]
    units = document_units(view.text, processed, view.turns)
    matcher = rule_matcher(pipeline, codes)
    classifier = load_classifier(store, pipeline)
    scores = score_units(processed, units, matcher if matcher.has_keywords else None, classifier)
    return rank(
        view.id,
        units,
        scores,
        codes,
        examples=classifier.positives if classifier else None,
        coded={c.guid: coded.get(c.id, []) for c in codes},
        rejected=rejected,
        min_score=min_score,
        limit=limit,
    )
