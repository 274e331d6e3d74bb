"""Suggestions for a document: rules and classifier combined; coded, rejected and interviewer text left out."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from suggest_corpus import HELD_OUT, LEREN, NEUTRAL, Corpus, add_transcript, transcript

from lobcoder.editing.suggestion_commands import RejectSuggestion
from lobcoder.services.codes import update_code
from lobcoder.storage.models import Coding
from lobcoder.storage.project import ProjectStore
from lobcoder.suggest import ranking
from lobcoder.suggest import store as persistence
from lobcoder.suggest.cache import processed_texts
from lobcoder.suggest.examples import training_examples
from lobcoder.suggest.pipeline import DutchPipeline
from lobcoder.suggest.ranking import Suggestion, UnitScore, smooth_over_answers, suggest
from lobcoder.suggest.training import train
from lobcoder.suggest.units import Unit


def set_keywords(store: ProjectStore, code_id: int, keywords: str) -> None:
    with store.transaction() as session:
        update_code(session, code_id, keywords=keywords)


def new_interview(corpus: Corpus) -> tuple[int, str]:
    text = transcript(
        [(HELD_OUT["leren"], NEUTRAL[2]), (NEUTRAL[3], HELD_OUT["visie"])],
        header="Interview: samen leren in intervisie.",
    )
    text += "I: Leren jullie samen in intervisie?\nAnna: Nee.\n"
    return add_transcript(corpus.store, "Docent09_w2", text), text


def spans(found: list[Suggestion], text: str, code_guid: str) -> list[str]:
    return [text[s.start : s.end] for s in found if s.code_guid == code_guid]


def test_codebook_and_learned_evidence_combine_into_explained_suggestions(
    corpus: Corpus, pipeline: DutchPipeline
) -> None:
    set_keywords(corpus.store, corpus.code_ids["leren"], "intervisie\ndocent … samen leren")
    train(corpus.store, pipeline=pipeline)
    doc_id, text = new_interview(corpus)
    found = suggest(corpus.store, doc_id, pipeline=pipeline)
    leren = [s for s in found if s.code_guid == corpus.codes["leren"]]
    assert [text[s.start : s.end] for s in leren] == [HELD_OUT["leren"]]
    assert leren[0].sources == ("codebook", "learned")
    assert leren[0].unit == "sentence"
    assert "keywords: intervisie" in leren[0].reason
    assert "intervisie" in leren[0].terms  # the same keywords, for a front end to word
    assert leren[0].nearest in LEREN  # "more like this": the most similar coded sentence
    assert "like coded" in leren[0].reason and "10 examples" in leren[0].reason
    assert leren[0].reliability is not None and leren[0].threshold == leren[0].reliability.threshold
    assert spans(found, text, corpus.codes["visie"]) == [HELD_OUT["visie"]]
    assert [s.score for s in found] == sorted((s.score for s in found), reverse=True)
    assert len(suggest(corpus.store, doc_id, pipeline=pipeline, limit=1)) == 1
    assert suggest(corpus.store, doc_id, pipeline=pipeline, min_score=1.0) == []


def test_interviewer_turns_and_headers_are_never_suggested(corpus: Corpus, pipeline: DutchPipeline) -> None:
    set_keywords(corpus.store, corpus.code_ids["leren"], "samen leren\nintervisie\nvertellen")
    doc_id, text = new_interview(corpus)
    found = suggest(corpus.store, doc_id, pipeline=pipeline, min_score=0.01)
    assert found
    for s in found:
        assert "I:" not in text[s.start : s.end] and "Interview" not in text[s.start : s.end]
        assert text[s.start : s.end] not in ("Kun je daar iets over vertellen?", "Leren jullie samen in intervisie?")
    assert {s.sources for s in found} == {("codebook",)}


def test_suggest_never_codes_and_skips_coded_units(corpus: Corpus, pipeline: DutchPipeline) -> None:
    set_keywords(corpus.store, corpus.code_ids["visie"], "visie\ndirectie")
    with corpus.store.read() as session:
        before = session.scalar(select(func.count()).select_from(Coding))
    found = suggest(corpus.store, corpus.documents["Docent01_w1"], pipeline=pipeline)
    # every vision sentence of this document is coded already: nothing to suggest
    assert spans(found, "", corpus.codes["visie"]) == []
    with corpus.store.read() as session:
        assert session.scalar(select(func.count()).select_from(Coding)) == before


def test_rejected_suggestions_stay_hidden_and_become_negatives(corpus: Corpus, pipeline: DutchPipeline) -> None:
    set_keywords(corpus.store, corpus.code_ids["leren"], "intervisie")
    train(corpus.store, pipeline=pipeline)
    doc_id, text = new_interview(corpus)
    target = next(s for s in suggest(corpus.store, doc_id, pipeline=pipeline) if s.code_guid == corpus.codes["leren"])
    with corpus.store.transaction() as session:
        RejectSuggestion(target).apply(session)
    again = suggest(corpus.store, doc_id, pipeline=pipeline)
    assert (target.start, target.end, target.code_guid) not in {(s.start, s.end, s.code_guid) for s in again}
    # other codes may still be suggested for the same span
    assert spans(again, text, corpus.codes["visie"]) == [HELD_OUT["visie"]]

    with corpus.store.read() as session:
        documents = persistence.coded_documents(session, [doc_id])
        rejections = persistence.rejections(session)
    processed = processed_texts(corpus.store, pipeline, [(d.content_hash, d.text) for d in documents])
    example = next(
        e for e in training_examples(documents, processed, rejections) if e.key[1:] == (target.start, target.end)
    )
    assert dict(example.cats) == {corpus.codes["leren"]: 0.0}
    assert train(corpus.store, pipeline=pipeline).status == "updated"


def test_adjacent_sentences_merge_but_never_across_an_interviewer_turn(
    store: ProjectStore, pipeline: DutchPipeline
) -> None:
    from lobcoder.services.codes import create_code

    with store.transaction() as session:
        code = create_code(session, "Intervisie", keywords="intervisie\nfeedback")
        session.flush()
        code_id = code.id
    text = (
        "I: Hoe leren jullie?\n"
        "Anna: Intervisie helpt ons echt. We geven elkaar feedback in intervisie. Het rooster is vol.\n"
        "I: En verder?\n"
        "Anna: Intervisie soms nog wel. Verder weinig. De kantine is dicht.\n"
    )
    doc_id = add_transcript(store, "a", text)
    found = suggest(store, doc_id, pipeline=pipeline)
    assert sorted((text[s.start : s.end], s.unit, s.sentences) for s in found) == [
        ("Intervisie helpt ons echt. We geven elkaar feedback in intervisie.", "span", 2),
        ("Intervisie soms nog wel.", "sentence", 1),
    ]
    for s in found:
        assert s.code_id == code_id
        assert s.start == 0 or not text[s.start - 1].isalnum()  # never inside a word
        assert not text[s.start : s.end].startswith(("I:", "Anna:"))


@dataclass(frozen=True)
class Turn:
    start: int
    end: int
    is_interviewer: bool


def test_smoothing_over_the_answer_is_off_and_on_lifts_a_weak_sentence_in_an_answer_about_the_code() -> None:
    turns = [Turn(0, 10, True), Turn(10, 40, False), Turn(40, 50, True), Turn(50, 80, False)]
    units = [Unit(s, s + 10, "sentence", range(0)) for s in (10, 20, 30, 50, 60, 70)]
    probabilities = [0.9, 0.8, 0.3, 0.1, 0.3, None]  # the first answer is about the code, the second is not
    scores = [{} if p is None else {"g": UnitScore(p, None, None)} for p in probabilities]

    assert ranking.ANSWER_SHARE == 0.0  # off by default (docs/SUGGESTIONS.md, fifth pass)
    assert smooth_over_answers(units, scores, turns, 0.0) == scores
    assert smooth_over_answers(units, scores, [], 0.3) == scores  # without turns there is no answer to go by
    smoothed = [found.get("g") for found in smooth_over_answers(units, scores, turns, 0.3)]
    assert smoothed[2] is not None and smoothed[4] is not None
    assert smoothed[2].probability > 0.3 > smoothed[4].probability  # the same weak score, in and outside the theme
    assert smoothed[0].probability > 0.9 and smoothed[3].probability < 0.1
    assert smoothed[5] is None  # a sentence without a score gets none
