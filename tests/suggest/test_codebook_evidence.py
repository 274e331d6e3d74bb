"""Evidence from the codebook's texts, per-code thresholds, reliability marks and the learning curve."""

from __future__ import annotations

from suggest_corpus import HELD_OUT, NEUTRAL, Corpus, add_transcript, code_sentences, transcript

from lobcoder.services.codes import CodeInfo, create_code, update_code
from lobcoder.storage.project import ProjectStore
from lobcoder.suggest.cache import process_text
from lobcoder.suggest.classifier import Reliability
from lobcoder.suggest.evaluation import learning_curve
from lobcoder.suggest.evidence import CodebookEvidence, Vocabulary
from lobcoder.suggest.examples import sentence_units
from lobcoder.suggest.pipeline import DutchPipeline
from lobcoder.suggest.ranking import UnitScore, rank, suggest
from lobcoder.suggest.units import unit_words

DEFINITION = (
    "Docenten oefenen samen loopbaangesprekken in intervisie en geven elkaar feedback op het doorvragen; "
    "collega's kijken mee en bespreken opnames van gesprekken."
)


def code(guid: str, name: str, **fields: str) -> CodeInfo:
    return CodeInfo(0, guid, None, 0, name, "#000000", fields.pop("description", ""), 0, 0, 0, **fields)


def lemmas(pipeline: DutchPipeline, sentence: str) -> tuple[str, ...]:
    processed = process_text(pipeline, sentence)
    return unit_words(processed, range(len(processed.lemmas)))


def test_a_code_with_only_a_definition_gets_suggestions(store: ProjectStore, pipeline: DutchPipeline) -> None:
    with store.transaction() as session:
        oefenen = create_code(session, "Samen oefenen", definition=DEFINITION).guid
        create_code(session, "Visie van bovenaf", definition="De directie bepaalt de visie en het beleid alleen.")
    text = transcript(
        [
            ("In de intervisie oefenen we loopbaangesprekken en krijg ik feedback van collega's.", NEUTRAL[0]),
            (NEUTRAL[1], NEUTRAL[2]),
        ]
    )
    doc_id = add_transcript(store, "a", text)
    found = suggest(store, doc_id, pipeline=pipeline)  # no codings anywhere: the codebook alone
    assert [(text[s.start : s.end], s.code_guid) for s in found] == [
        ("In de intervisie oefenen we loopbaangesprekken en krijg ik feedback van collega's.", oefenen)
    ]
    assert found[0].sources == ("codebook",) and found[0].reliability is None
    assert {"intervisie", "feedback"} <= set(found[0].derived)
    assert "codebook terms:" in found[0].reason and "no codings yet" in found[0].reason
    # A code with only a free-text description (a REFI .qdc from another program) works the same way.
    with store.transaction() as session:
        update_code(session, 1, definition="", description=DEFINITION)
    again = suggest(store, doc_id, pipeline=pipeline)
    assert [(s.start, s.end, s.code_guid) for s in again] == [(s.start, s.end, s.code_guid) for s in found]


def test_a_theme_gives_way_to_its_sub_code_once_the_project_uses_it(
    store: ProjectStore, pipeline: DutchPipeline
) -> None:
    with store.transaction() as session:
        theme = create_code(session, "Collectief leren", definition="Docenten leren samen over LOB.")
        sub = create_code(session, "Samen oefenen", theme.id, definition=DEFINITION)
        create_code(session, "Visie van bovenaf", definition="De directie bepaalt de visie en het beleid alleen.")
        theme_guid, sub_guid, sub_id = theme.guid, sub.guid, sub.id
    sentence = "In de intervisie oefenen we loopbaangesprekken en krijg ik feedback van collega's."
    text = transcript([(sentence, NEUTRAL[0]), (NEUTRAL[1], NEUTRAL[2])])
    doc_id = add_transcript(store, "a", text)

    def suggested() -> set[str]:
        at = text.index(sentence)
        return {s.code_guid for s in suggest(store, doc_id, pipeline=pipeline) if s.start <= at < s.end}

    assert suggested() == {theme_guid, sub_guid}  # only themes coded so far: the theme is suggested too
    other = "Wij oefenen in intervisie gesprekken met elkaar."
    coded_doc = add_transcript(store, "b", transcript([(other, NEUTRAL[3])]))
    code_sentences(store, coded_doc, transcript([(other, NEUTRAL[3])]), sub_id, [other])
    assert suggested() == {sub_guid}  # the project uses the sub-code: it alone is suggested there
    code_sentences(store, doc_id, text, sub_id, [sentence])
    assert suggested() == set()  # coded with the sub-code: the theme is implied there too, not suggested


def test_exclusion_criteria_lower_a_score(pipeline: DutchPipeline) -> None:
    sentence = lemmas(pipeline, "Studenten oefenen loopbaangesprekken met feedback in de klas.")
    plain = code("a", "Samen oefenen", definition=DEFINITION)
    excluding = code("a", "Samen oefenen", definition=DEFINITION, exclusion="Wat studenten in de klas oefenen.")
    before = CodebookEvidence(pipeline, [plain]).score([sentence])[0]["a"]
    after = CodebookEvidence(pipeline, [excluding]).score([sentence])[0]["a"]
    assert after.score < before.score
    assert set(after.against) >= {"student", "klas"} and before.against == ()


def test_a_phrase_of_the_definition_counts_more_than_its_words_scattered(pipeline: DutchPipeline) -> None:
    learning = code("a", "Collectief leren", definition="Docenten willen samen leren over loopbaangesprekken.")
    other = code("b", "Visie", definition="De directie schrijft de visie op begeleiding.")
    evidence = CodebookEvidence(pipeline, [learning, other])
    together = lemmas(pipeline, "In het team leren de docenten samen.")  # the other order, words between
    apart = lemmas(
        pipeline, "Samen met het team gingen de studenten op excursie naar een bedrijf; docenten leren daar."
    )
    assert {"samen", "leren"} <= set(together) and {"samen", "leren"} <= set(apart)
    near, far = (evidence.score([words])[0]["a"] for words in (together, apart))
    assert near.score > far.score
    assert "samen leren" in near.terms and "samen leren" not in far.terms  # shown as the definition writes it
    plain = code("a", "Collectief leren", definition="Docenten willen samen, en leren over loopbaangesprekken.")
    without = CodebookEvidence(pipeline, [plain, other]).score([together])[0]["a"]
    assert near.score > without.score  # the phrase is what adds: the same words, not written as a phrase


def test_words_every_sentence_of_the_project_uses_weigh_little(pipeline: DutchPipeline) -> None:
    definition = code("a", "Samen oefenen", definition="Docenten op school oefenen samen in intervisie.")
    other = code("b", "Visie", definition="De directie schrijft de visie.")
    generic = Vocabulary.of([("docent", "school", f"woord{i}") for i in range(40)] + [("intervisie",)])
    weights = CodebookEvidence(pipeline, [definition, other], generic).terms["a"]
    assert weights["intervisie"] > 3 * weights.get("school", 0.0)
    assert weights["intervisie"] > 3 * weights.get("docent", 0.0)


def test_a_rare_function_word_of_the_definition_is_no_term(pipeline: DutchPipeline) -> None:
    """*erin* is in no sentence of the project, *visie* in many: rarity alone made *erin* the stronger term."""
    visie = code("a", "Visie", definition="Hoe de visie op LOB erin doorwerkt en wie daarbij betrokken is.")
    other = code("b", "Samen oefenen", definition="Docenten oefenen samen in intervisie.")
    project = Vocabulary.of([("visie", f"woord{i}") for i in range(10)] + [(f"zin{i}",) for i in range(30)])
    evidence = CodebookEvidence(pipeline, [visie, other], project)
    weights = evidence.terms["a"]
    assert "erin" not in weights and "daarbij" not in weights
    assert weights["visie"] > 0 and weights["doorwerken"] > 0  # doorwerkt, by its lemma
    assert "a" not in evidence.score([lemmas(pipeline, "Daarbij zat er veel erin.")])[0]


def test_each_code_has_its_own_threshold(pipeline: DutchPipeline) -> None:
    text = "Eerste zin over iets. Tweede zin over iets anders."
    processed = process_text(pipeline, text)
    units = sentence_units(text, processed, ())
    codes = [code("a", "A"), code("b", "B")]
    scores = [{"a": UnitScore(0.6, None, None), "b": UnitScore(0.6, None, None)}] + [{}]
    strict = Reliability(20, 4, 0.7, 0.8, 0.6, 0.69, "learned")
    lenient = Reliability(20, 4, 0.3, 0.5, 0.9, 0.64, "learned")
    found = rank(1, units, scores, codes, reliability={"a": strict, "b": lenient})
    assert [(s.code_guid, s.threshold) for s in found] == [("b", 0.3)]
    assert {s.code_guid for s in rank(1, units, scores, codes)} == {"a", "b"}  # no model: 0.5 for both
    assert rank(1, units, scores, codes, reliability={"a": strict, "b": lenient}, min_score=0.65) == []


def test_unreliable_codes_are_marked_and_can_be_left_out(corpus: Corpus, pipeline: DutchPipeline) -> None:
    from lobcoder.suggest.training import train

    with corpus.store.transaction() as session:
        update_code(session, corpus.code_ids["leren"], keywords="intervisie")
    result = train(corpus.store, pipeline=pipeline)
    assert all(r.reliable for _, r in result.reliability)  # ten clear examples each, in two documents
    text = transcript([(HELD_OUT["leren"], NEUTRAL[2]), (NEUTRAL[3], HELD_OUT["visie"])])
    doc_id = add_transcript(corpus.store, "new", text)
    assert {s.reliable for s in suggest(corpus.store, doc_id, pipeline=pipeline)} == {True}
    # A code with too few examples: shown on request only, marked. (Its keyword is no term the other codes
    # learned from their codings: those would weigh less for it, as a term two codes claim says less about each.)
    with corpus.store.transaction() as session:
        rare = create_code(session, "Stage als bron", keywords="stage")
        session.flush()
        rare_guid = rare.guid
    every = suggest(corpus.store, doc_id, pipeline=pipeline)
    marked = [s for s in every if s.code_guid == rare_guid]
    assert marked and not marked[0].reliable
    assert rare_guid not in {
        s.code_guid for s in suggest(corpus.store, doc_id, pipeline=pipeline, include_unreliable=False)
    }


def test_learning_curve_after_one_coded_document(corpus: Corpus, pipeline: DutchPipeline) -> None:
    points = learning_curve(corpus.store, runs=2, seed=1, pipeline=pipeline)
    assert [p.documents for p in points] == [1]
    assert points[0].runs == 2
    assert points[0].micro_f1 > 0.8 > points[0].codebook_f1  # the codes have no texts: learning does the work
    assert learning_curve(corpus.store, runs=2, seed=1, pipeline=pipeline) == points
