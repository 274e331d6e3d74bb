"""Everything the codebook says about a unit, as one evidence value per code: keywords, derived terms, exclusions.

Besides the unit's own words, two things count:

* the hierarchy: a theme fits where one of its sub-codes fits, so a theme
  gets its best sub-code's evidence (less :data:`ROLL_UP_COST`, as the best
  of several scores is often high by chance) when that is more than its own;
* the context: a unit gets a share of the evidence of its stronger
  neighbour in the same passage (:data:`NEIGHBOUR`; answers run over several
  sentences) and of the text just before the passage (:data:`QUESTION`; in
  an interview, the interviewer's question predicts the theme of the answer).
  A passage is a run of units with no words between them: one respondent
  turn, or a whole text without turns.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import TypeVar

from lobcoder.suggest.cache import ProcessedText
from lobcoder.suggest.evidence import KEYWORD, CodebookEvidence, CodeTexts, Vocabulary
from lobcoder.suggest.headings import code_fields
from lobcoder.suggest.pipeline import DutchPipeline
from lobcoder.suggest.rules import RuleMatcher
from lobcoder.suggest.units import Unit, unit_words
from lobcoder.suggest.vocabulary import ProjectVocabulary

UNSHARED_KEYWORD = 0.4  # rules.term_weight of a one-word keyword no other code has
ROLL_UP = 1.0  # a theme gets its best sub-code's evidence at this share (when that beats its own)
ROLL_UP_COST = (
    0.5  # evidence subtracted from a sub-code's for its theme: the best of many scores is often high by chance
)
NEIGHBOUR = 0.25  # share of the stronger neighbouring sentence's evidence (same passage) a sentence gets
QUESTION = 0.5  # share of the evidence of the text before a passage (the interviewer's question) its sentences get
NEIGHBOUR_CAP = 0.5  # a neighbour adds at most this much
CONTEXT_CAP = 0.6  # context adds at most this much to a unit without evidence of its own: alone it is no suggestion
QUESTION_TOKENS = 60  # how much of the text before a passage is read as its question

_Code = TypeVar("_Code", bound=CodeTexts)


@dataclass(frozen=True)
class Evidence:
    score: float  # log-odds units: keywords and derived terms for, exclusion terms against
    keywords: tuple[str, ...] = ()  # hand-written keywords that matched
    terms: tuple[str, ...] = ()  # terms derived from the code's texts that matched
    against: tuple[str, ...] = ()  # exclusion terms that matched
    learned: tuple[str, ...] = ()  # terms its codings added to the code's entry (feedback.py) that matched


def _rescored(evidence: Evidence, score: float) -> Evidence:
    """The same evidence with another score (as ``dataclasses.replace``, without its cost per unit and code)."""
    return Evidence(score, evidence.keywords, evidence.terms, evidence.against, evidence.learned)


class CodebookScorer:
    """Keyword rules and derived terms of one codebook state and vocabulary."""

    def __init__(
        self,
        pipeline: DutchPipeline,
        codes: Sequence[CodeTexts],
        vocabulary: Vocabulary | None = None,
        learned: Mapping[str, Mapping[str, float]] | None = None,
    ):
        self.rules = rule_matcher(pipeline, codes)
        self.derived = CodebookEvidence(pipeline, codes, vocabulary, learned)
        self._weights = {(k.code_guid, k.text): k.weight for k in self.rules.keywords}
        self._below = sub_codes(codes)

    def score(self, processed: ProcessedText, units: Sequence[Unit]) -> list[dict[str, Evidence]]:
        """Per unit, the evidence of each code the codebook says anything about, its context's included."""
        if not (NEIGHBOUR or QUESTION) or not units:
            return self._evidence(processed, units)
        passage, gaps = passages(processed, units)
        both = self._evidence(processed, [*units, *gaps] if QUESTION else units)  # one pass of the matchers
        own, asked = both[: len(units)], both[len(units) :] or [{} for _ in gaps]
        result = []
        for index, found in enumerate(own):
            near = [own[i] for i in (index - 1, index + 1) if 0 <= i < len(own) and passage[i] == passage[index]]
            question = asked[passage[index]]
            combined = dict(found)
            for guid in sorted({g for n in near for g in n} | set(question) | set(found)):
                extra = min(NEIGHBOUR * max([n[guid].score for n in near if guid in n] + [0.0]), NEIGHBOUR_CAP)
                extra += QUESTION * max(question[guid].score if guid in question else 0.0, 0.0)
                if guid not in found or found[guid].score <= 0:
                    extra = min(extra, CONTEXT_CAP)
                if extra > 0:
                    base = found.get(guid)
                    combined[guid] = _rescored(base, base.score + extra) if base else Evidence(extra)
            result.append(combined)
        return result

    def _evidence(self, processed: ProcessedText, units: Sequence[Unit]) -> list[dict[str, Evidence]]:
        hits = self.rules.match(processed, units) if self.rules.has_keywords else [{} for _ in units]
        derived = self.derived.score([unit_words(processed, u.tokens) for u in units])
        result = []
        for unit_hits, unit_derived in zip(hits, derived, strict=True):
            found: dict[str, Evidence] = {}
            for guid in sorted(set(unit_hits) | set(unit_derived)):
                rule = unit_hits.get(guid)
                terms = unit_derived.get(guid)
                score = terms.score if terms else 0.0
                keywords: tuple[str, ...] = ()
                if rule is not None:
                    keywords = rule.terms
                    score += sum(KEYWORD * self._weights[(guid, k)] / UNSHARED_KEYWORD for k in keywords)
                found[guid] = Evidence(
                    score,
                    keywords,
                    terms.terms if terms else (),
                    terms.against if terms else (),
                    terms.learned if terms else (),
                )
            result.append(self._roll_up(found) if ROLL_UP and self._below else found)
        return result

    def _roll_up(self, found: dict[str, Evidence]) -> dict[str, Evidence]:
        """A theme fits where one of its sub-codes fits: it gets its best sub-code's evidence if that is more."""
        result = dict(found)
        for guid, below in self._below.items():
            best = max((found[g] for g in below if g in found), key=lambda e: e.score, default=None)
            if best is None:
                continue
            score = ROLL_UP * best.score - ROLL_UP_COST
            own = found.get(guid)
            if own is None or score > own.score:
                result[guid] = _rescored(best, score)
        return result


def sub_codes(codes: Sequence[_Code], include: Callable[[_Code], bool] | None = None) -> dict[str, list[str]]:
    """Each code's descendants among ``codes`` (those ``include`` accepts; None: all), as GUIDs in ``codes``' order."""
    by_id = {c.id: c for c in codes}
    below: dict[str, list[str]] = {}
    for code in codes:
        if include is not None and not include(code):
            continue
        parent = by_id.get(code.parent_id) if code.parent_id is not None else None
        seen: set[int] = set()
        while parent is not None and parent.id not in seen:  # a cycle (never stored) ends the walk
            seen.add(parent.id)
            below.setdefault(parent.guid, []).append(code.guid)
            parent = by_id.get(parent.parent_id) if parent.parent_id is not None else None
    return below


def passages(processed: ProcessedText, units: Sequence[Unit]) -> tuple[list[int], list[Unit]]:
    """Each unit's passage (runs of units with no word between them) and the text before each passage."""
    passage: list[int] = []
    before: list[Unit] = []
    for index, unit in enumerate(units):
        stop = units[index - 1].tokens.stop if index else 0
        gap = range(max(stop, unit.tokens.start - QUESTION_TOKENS), unit.tokens.start)
        if index == 0 or any(any(ch.isalnum() for ch in processed.lowers[i]) for i in gap):
            before.append(Unit(unit.start, unit.start, "sentence", gap))
        passage.append(len(before) - 1)
    return passage, before


# Keyed by the vocabulary's id; the entry holds the vocabulary, so that id is not reused while it is cached.
_scorers: dict[tuple[int, tuple[object, ...]], tuple[ProjectVocabulary, CodebookScorer]] = {}
_scorers_lock = threading.Lock()


def codebook_scorer(
    pipeline: DutchPipeline,
    codes: Sequence[CodeTexts],
    vocabulary: Vocabulary,
    learned: Mapping[str, Mapping[str, float]] | None = None,
) -> CodebookScorer:
    """A scorer for this codebook state and vocabulary; a project-wide vocabulary's scorer is built once.

    ``learned``: further terms per code, learned from its codings (:attr:`classifier.Classifier.feedback`).
    """
    if not isinstance(vocabulary, ProjectVocabulary):
        return CodebookScorer(pipeline, codes, vocabulary, learned)
    state = codebook_state(codes)
    extra = tuple(sorted((g, tuple(sorted(t.items()))) for g, t in (learned or {}).items()))
    key = (id(vocabulary), (pipeline.cache_key, state, extra))
    with _scorers_lock:
        cached = _scorers.get(key)
    if cached is not None:
        return cached[1]
    scorer = CodebookScorer(pipeline, codes, vocabulary, learned)
    with _scorers_lock:
        if len(_scorers) > 8:
            _scorers.clear()
        _scorers[key] = (vocabulary, scorer)
    return scorer


def codebook_state(codes: Sequence[CodeTexts]) -> tuple[tuple[object, ...], ...]:
    """Every field of the codes a scorer reads, and the module settings it scores with: equal states score alike."""
    return (*(tuple(getattr(c, f) for f in _CODE_FIELDS) for c in codes), _settings())


def _settings() -> tuple[tuple[str, object], ...]:
    """The settings of the modules the evidence is computed by, so a setting changed in a running process
    (an experiment) is not served evidence computed with the old one."""
    from lobcoder.suggest import evidence, rules, terms

    return module_settings(evidence, rules, terms, sys.modules[__name__])


def module_settings(*modules: ModuleType) -> tuple[tuple[str, object], ...]:
    """The settings (upper-case names) of these modules: numbers, strings and flags as they are, collections
    (dicts, lists, tuples, sets, as ``evidence.FIELDS``, ``evidence.EXTRA_STOP``) as a stable repr."""
    return tuple(
        (f"{m.__name__}.{n}", v if isinstance(v, int | float | str | bool) else repr(_stable(v)))
        for m in modules
        for n, v in sorted(vars(m).items())
        if n.isupper() and isinstance(v, int | float | str | bool | dict | list | tuple | set | frozenset)
    )


def _stable(value: object) -> object:
    """``value`` with its sets sorted, so its repr is the same in every process (string hashes vary)."""
    if isinstance(value, dict):
        return {k: _stable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_stable(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted((_stable(v) for v in value), key=repr)
    return value


_CODE_FIELDS = (
    "guid",
    "id",
    "parent_id",
    "name",
    "description",
    "definition",
    "inclusion",
    "exclusion",
    "examples",
    "keywords",
)

_matchers: dict[tuple[str, tuple[tuple[str, str], ...]], RuleMatcher] = {}
_matchers_lock = threading.Lock()


@dataclass(frozen=True)
class _Keywords:
    guid: str
    keywords: str


def rule_matcher(pipeline: DutchPipeline, codes: Sequence[CodeTexts]) -> RuleMatcher:
    """A matcher for these codes' keywords (or a description's keywords part), built once per codebook state."""
    lists = [_Keywords(c.guid, code_fields(c)["keywords"]) for c in codes]
    key = (pipeline.cache_key, tuple(sorted((c.guid, c.keywords) for c in lists if c.keywords.strip())))
    with _matchers_lock:
        matcher = _matchers.get(key)
        if matcher is None:
            if len(_matchers) > 8:
                _matchers.clear()
            matcher = _matchers[key] = RuleMatcher(pipeline, lists)
        return matcher
