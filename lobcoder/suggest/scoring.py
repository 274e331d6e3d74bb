"""Everything the codebook says about a unit, as one evidence value per code: keywords, derived terms, exclusions."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

from lobcoder.suggest.cache import ProcessedText
from lobcoder.suggest.evidence import KEYWORD, CodebookEvidence, CodeTexts, Vocabulary
from lobcoder.suggest.pipeline import DutchPipeline
from lobcoder.suggest.rules import RuleMatcher
from lobcoder.suggest.units import Unit, unit_words

UNSHARED_KEYWORD = 0.4  # rules.term_weight of a one-word keyword no other code has


@dataclass(frozen=True)
class Evidence:
    score: float  # log-odds units: keywords and derived terms for, exclusion terms against
    keywords: tuple[str, ...] = ()  # hand-written keywords that matched
    terms: tuple[str, ...] = ()  # terms derived from the code's texts that matched
    against: tuple[str, ...] = ()  # exclusion terms that matched


class CodebookScorer:
    """Keyword rules and derived terms of one codebook state and vocabulary."""

    def __init__(self, pipeline: DutchPipeline, codes: Sequence[CodeTexts], vocabulary: Vocabulary | None = None):
        self.rules = rule_matcher(pipeline, codes)
        self.derived = CodebookEvidence(pipeline, codes, vocabulary)
        self._weights = {(k.code_guid, k.text): k.weight for k in self.rules.keywords}

    def score(self, processed: ProcessedText, units: Sequence[Unit]) -> list[dict[str, Evidence]]:
        """Per unit, the evidence of each code the codebook says anything about."""
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
                )
            result.append(found)
        return result


_matchers: dict[tuple[str, tuple[tuple[str, str], ...]], RuleMatcher] = {}
_matchers_lock = threading.Lock()


def rule_matcher(pipeline: DutchPipeline, codes: Sequence[CodeTexts]) -> RuleMatcher:
    """A matcher for these codes' keywords, built once per codebook state."""
    key = (pipeline.cache_key, tuple(sorted((c.guid, c.keywords) for c in codes if c.keywords.strip())))
    with _matchers_lock:
        matcher = _matchers.get(key)
        if matcher is None:
            if len(_matchers) > 8:
                _matchers.clear()
            matcher = _matchers[key] = RuleMatcher(pipeline, codes)
        return matcher
