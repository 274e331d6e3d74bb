"""Codebook evidence beyond a sentence's own words: compound parts, a theme's sub-codes, the question and neighbours."""

from __future__ import annotations

from suggest_corpus import NEUTRAL, add_transcript, transcript

from lobcoder.services.codes import CodeInfo, create_code
from lobcoder.storage.project import ProjectStore
from lobcoder.suggest import scoring
from lobcoder.suggest.cache import process_text
from lobcoder.suggest.evidence import CodebookEvidence
from lobcoder.suggest.examples import sentence_units
from lobcoder.suggest.pipeline import DutchPipeline
from lobcoder.suggest.ranking import suggest
from lobcoder.suggest.scoring import CodebookScorer
from lobcoder.suggest.units import unit_words


def code(guid: str, name: str, code_id: int = 0, parent: int | None = None, **fields: str) -> CodeInfo:
    return CodeInfo(code_id, guid, parent, 0, name, "#000000", fields.pop("description", ""), 0, 0, 0, **fields)


def words(pipeline: DutchPipeline, sentence: str) -> tuple[str, ...]:
    processed = process_text(pipeline, sentence)
    return unit_words(processed, range(len(processed.lemmas)))


def test_a_definition_word_is_found_inside_compounds(pipeline: DutchPipeline) -> None:
    overleg = code("a", "Structureel overleg", definition="Vaste momenten van overleg en intervisie over LOB.")
    other = code("b", "Visie", definition="De directie schrijft de visie.")
    evidence = CodebookEvidence(pipeline, [overleg, other])
    head, modifier, neither = evidence.score(
        [
            words(pipeline, "Dat bespreken we in het teamoverleg."),  # team|overleg: the head
            words(pipeline, "De intervisiegroep komt maandelijks samen."),  # intervisie|groep: the first part
            words(pipeline, "Dat bespreken we in de kantine."),
        ]
    )
    assert "overleg" in head["a"].terms and head["a"].score > 0
    assert "intervisie" in modifier["a"].terms and modifier["a"].score > 0
    assert "a" not in neither and "b" not in head


def test_a_compound_in_the_codebook_finds_its_parts(pipeline: DutchPipeline) -> None:
    forms = code("a", "Sturen", definition="Opgelegde gespreksformulieren en registratie.")
    other = code("b", "Visie", definition="De directie schrijft de visie.")
    found = CodebookEvidence(pipeline, [forms, other]).score([words(pipeline, "Er is nu een nieuw formulier.")])[0]
    assert "formulier" in found["a"].terms


def test_a_code_with_only_a_definition_gets_a_compound_word_sentence(
    store: ProjectStore, pipeline: DutchPipeline
) -> None:
    with store.transaction() as session:
        guid = create_code(session, "Structureel overleg", definition="Vast overleg in een werkgroep over LOB.").guid
        create_code(session, "Visie van bovenaf", definition="De directie bepaalt de visie en het beleid alleen.")
    sentence = "In ons vaste teamoverleg bespreken we elke maand de LOB-zaken."
    text = transcript([(sentence, NEUTRAL[4]), (NEUTRAL[1], NEUTRAL[2])])
    doc_id = add_transcript(store, "a", text)
    found = suggest(store, doc_id, pipeline=pipeline)
    assert [(text[s.start : s.end], s.code_guid) for s in found] == [(sentence, guid)]


def test_a_theme_fits_where_its_sub_code_fits(pipeline: DutchPipeline) -> None:
    theme = code("t", "Communicatie", 1, definition="Hoe docenten en leiding met elkaar praten.")
    sub = code("s", "Structureel overleg", 2, 1, definition="Vaste vergaderingen en werkgroepen over LOB.")
    other = code("v", "Visie", 3, definition="De directie schrijft de visie.")
    text = "In de werkgroep en de vergaderingen komt het steeds terug."
    processed = process_text(pipeline, text)
    found = CodebookScorer(pipeline, [theme, sub, other]).score(processed, sentence_units(text, processed, ()))[0]
    assert found["t"].score == found["s"].score - scoring.ROLL_UP_COST > 0
    assert found["t"].terms == found["s"].terms


def test_the_question_before_an_answer_raises_its_score(pipeline: DutchPipeline) -> None:
    overleg = code("a", "Structureel overleg", definition="Vaste vergaderingen en werkgroepen over LOB.")
    other = code("b", "Visie", definition="De directie schrijft de visie.")
    scorer = CodebookScorer(pipeline, [overleg, other])
    answer = "Anna: Ja, in de werkgroep. Gisteren regende het de hele dag.\n"

    def scores(question: str) -> list[float]:
        text = f"I: {question}\n{answer}"
        processed = process_text(pipeline, text)
        units = [u for u in sentence_units(text, processed, ()) if u.start >= text.index("Anna")]
        return [found["a"].score if "a" in found else 0.0 for found in scorer.score(processed, units)]

    asked, plain = scores("Hoe gaan de vergaderingen over LOB?"), scores("Hoe gaat het met je?")
    assert asked[0] > plain[0] > 0  # the question adds to the answer's own evidence
    # A sentence without words of its own for the code gets some, never enough to be suggested.
    assert 0 < asked[1] < scoring.CONTEXT_CAP + 1e-9 and plain[1] <= scoring.NEIGHBOUR_CAP
