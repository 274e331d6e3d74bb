"""Keyword rules: phrases on lemmas and lower-case forms, patterns with gaps, scores and reasons."""

from __future__ import annotations

from dataclasses import dataclass

from lobcoder.suggest.cache import process_text
from lobcoder.suggest.pipeline import DutchPipeline
from lobcoder.suggest.rules import RuleMatcher
from lobcoder.suggest.units import document_units


@dataclass(frozen=True)
class FakeCode:
    guid: str
    keywords: str


def hits(pipeline: DutchPipeline, text: str, **keywords: str) -> list[dict[str, tuple[str, ...]]]:
    processed = process_text(pipeline, text)
    units = document_units(text, processed, ())
    matcher = RuleMatcher(pipeline, [FakeCode(guid, kw) for guid, kw in keywords.items()])
    return [{guid: hit.terms for guid, hit in found.items()} for found in matcher.match(processed, units)]


def test_gapped_pattern_matches_across_inflections_and_word_order(pipeline: DutchPipeline) -> None:
    assert hits(pipeline, "De docenten leerden samen.", leren="docent … samen leren") == [
        {"leren": ("docent … samen leren",)}
    ]
    # "..." works as well as "…"; up to six other words may come between.
    assert hits(
        pipeline, "Docenten die elkaar nog niet kenden gingen samen leren.", leren="docent ... samen leren"
    ) == [{"leren": ("docent ... samen leren",)}]


def test_gapped_pattern_needs_every_word_within_the_gap(pipeline: DutchPipeline) -> None:
    text = "De docenten gingen na een hele lange dag met veel vergaderingen eindelijk samen leren."
    assert hits(pipeline, text, leren="docent … samen leren") == [{}]
    assert hits(pipeline, "De docenten leerden veel.", leren="docent … samen leren") == [{}]


def test_matches_never_cross_a_unit(pipeline: DutchPipeline) -> None:
    # The matchers run once over the whole text; a pattern spread over two sentences counts for neither.
    text = "De docenten waren er. Toen gingen we samen leren. Docenten leren samen."
    assert hits(pipeline, text, leren="docent … samen leren", kort="er toen") == [
        {},
        {},
        {"leren": ("docent … samen leren",)},
    ]


def test_compound_plural_matches_its_lemma(pipeline: DutchPipeline) -> None:
    assert hits(pipeline, "We voeren loopbaangesprekken met studenten.", gesprek="loopbaangesprek") == [
        {"gesprek": ("loopbaangesprek",)}
    ]


def test_phrases_match_on_lower_case_forms_and_lemmas(pipeline: DutchPipeline) -> None:
    found = hits(
        pipeline, "Intervisie helpt. Wij leerden samen veel. Samen leren is fijn.", leren="samen leren\nintervisie"
    )
    assert found == [{"leren": ("intervisie",)}, {}, {"leren": ("samen leren",)}]
    # a phrase keeps its word order (only patterns with gaps may reorder)
    assert hits(pipeline, "Wij leerden samen.", leren="leren samen") == [{"leren": ("leren samen",)}]


def test_score_grows_with_matched_terms_and_specificity(pipeline: DutchPipeline) -> None:
    text = "In de intervisie gaan we samen leren. In de intervisie. Wij samen leren in intervisie met feedback."
    processed = process_text(pipeline, text)
    units = document_units(text, processed, ())
    codes = [FakeCode("a", "intervisie\nsamen leren\nfeedback\n# a comment, ignored\n"), FakeCode("b", "")]
    scores = [found["a"].score for found in RuleMatcher(pipeline, codes).match(processed, units)]
    assert 0 < scores[1] < scores[0] < scores[2] < 1
    shared = RuleMatcher(pipeline, [FakeCode("a", "intervisie"), FakeCode("b", "intervisie")])
    alone = RuleMatcher(pipeline, [FakeCode("a", "intervisie")])
    assert shared.match(processed, units)[1]["a"].score < alone.match(processed, units)[1]["a"].score
