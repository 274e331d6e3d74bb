"""The learned model: trained on the project's codings, calibrated, measured per code, stored with the project."""

from __future__ import annotations

import json

from server_projects import reopened as reopen
from sqlalchemy import func, select
from suggest_corpus import HELD_OUT, LEREN, NEUTRAL, Corpus, add_transcript, code_sentences, transcript

from lobcoder.storage.models import SuggestionModel
from lobcoder.suggest import store as persistence
from lobcoder.suggest.cache import process_text, processed_texts
from lobcoder.suggest.classifier import Classifier
from lobcoder.suggest.context import UnitText
from lobcoder.suggest.examples import training_examples
from lobcoder.suggest.fitting import fit
from lobcoder.suggest.pipeline import DutchPipeline
from lobcoder.suggest.training import clear_loaded_models, load_classifier, train
from lobcoder.suggest.units import unit_words

# What the previous version's models (stacked with the codebook, not adjusting it) said they were made of.
OLDER_FEATURES = "lemmas+pairs, question, neighbours; learned keywords; nearest; stacked with codebook evidence; v5"


def unit(pipeline: DutchPipeline, sentence: str) -> UnitText:
    processed = process_text(pipeline, sentence)
    return UnitText(unit_words(processed, range(len(processed.lemmas))), text=sentence)


def predict(pipeline: DutchPipeline, model: Classifier, *sentences: str) -> list[dict[str, float]]:
    found = model.predict([unit(pipeline, s) for s in sentences], [{} for _ in sentences])
    return [{guid: p.probability for guid, p in row.items()} for row in found]


def top_codes(pipeline: DutchPipeline, model: Classifier, corpus: Corpus) -> dict[str, str]:
    names = {guid: key for key, guid in corpus.codes.items()}
    predictions = predict(pipeline, model, HELD_OUT["leren"], HELD_OUT["visie"])
    return {key: names[max(p, key=p.__getitem__)] for key, p in zip(("leren", "visie"), predictions, strict=True)}


def test_trained_model_picks_the_right_code_and_says_how_reliable_it_is(
    corpus: Corpus, pipeline: DutchPipeline
) -> None:
    steps: list[tuple[int, int, str]] = []
    result = train(corpus.store, pipeline=pipeline, progress=lambda *a: steps.append(a))
    assert result.status == "trained"
    assert sorted(result.codes) == ["Thema A", "Thema B"]
    assert steps[-1][:2] == (2, 2)
    model = load_classifier(corpus.store, pipeline)
    assert model is not None
    assert model.positives == {corpus.codes["leren"]: 10, corpus.codes["visie"]: 10}
    assert top_codes(pipeline, model, corpus) == {"leren": "leren", "visie": "visie"}
    probabilities = predict(pipeline, model, HELD_OUT["leren"])[0]
    assert probabilities[corpus.codes["leren"]] > 0.5 > probabilities[corpus.codes["visie"]]
    # Measured by document-level cross-validation (two documents): clear-cut codes are reliable.
    names = dict(result.reliability)
    leren = names["Thema A"]
    assert leren.examples == 10 and leren.documents == 2 and leren.source == "learned"
    assert leren.f1 is not None and leren.f1 >= 0.8 and leren.reliable
    assert 0.05 <= leren.threshold <= 0.9  # on the grid of thresholds.GRID
    # The reason a front end shows: the most similar coded sentence.
    found = model.predict([unit(pipeline, HELD_OUT["leren"])], [{}])[0][corpus.codes["leren"]]
    assert found.nearest in [s[:90] for s in LEREN] and found.similarity > 0.2


def test_model_survives_reopening_the_project(corpus: Corpus, pipeline: DutchPipeline) -> None:
    train(corpus.store, pipeline=pipeline)
    model = load_classifier(corpus.store, pipeline)
    assert model is not None
    before = predict(pipeline, model, HELD_OUT["visie"])
    reliability = model.reliability
    corpus.store.close()
    clear_loaded_models()
    with reopen(corpus.store) as reopened:
        restored = load_classifier(reopened, pipeline)
        assert restored is not None
        assert predict(pipeline, restored, HELD_OUT["visie"]) == before
        assert restored.reliability == reliability
        # nothing changed, so nothing is trained again
        assert train(reopened, pipeline=pipeline).status == "unchanged"


def test_new_codings_update_the_stored_model(corpus: Corpus, pipeline: DutchPipeline) -> None:
    train(corpus.store, pipeline=pipeline)
    sentence = LEREN[0].replace("Met", "Samen met")
    text = transcript([(sentence, NEUTRAL[0]), (LEREN[3], NEUTRAL[1])])
    doc_id = add_transcript(corpus.store, "Docent03_w1", text)
    code_sentences(corpus.store, doc_id, text, corpus.code_ids["leren"], [sentence])
    result = train(corpus.store, pipeline=pipeline)
    assert result.status == "updated"
    assert 0 < result.new_examples < result.examples
    with corpus.store.read() as session:
        assert session.scalar(select(func.count()).select_from(SuggestionModel)) == 1  # only the newest is kept
    model = load_classifier(corpus.store, pipeline)
    assert model is not None and model.positives[corpus.codes["leren"]] == 11
    assert top_codes(pipeline, model, corpus) == {"leren": "leren", "visie": "visie"}


def test_training_is_deterministic(corpus: Corpus, pipeline: DutchPipeline) -> None:
    with corpus.store.read() as session:
        documents = persistence.coded_documents(session)
    processed = processed_texts(corpus.store, pipeline, [(d.content_hash, d.text) for d in documents])
    examples = training_examples(documents, processed)
    first = fit(examples, seed=3).classifier
    second = fit(examples, seed=3).classifier
    assert first is not None and second is not None
    sentences = list(HELD_OUT.values())
    assert predict(pipeline, first, *sentences) == predict(pipeline, second, *sentences)
    assert first.reliability == second.reliability


def test_codes_need_enough_examples_and_training_can_be_cancelled(corpus: Corpus, pipeline: DutchPipeline) -> None:
    result = train(corpus.store, pipeline=pipeline, min_examples=50)
    assert result.codes == ()  # nothing learned, but both codes are measured from the codebook alone
    assert {r.source for _, r in result.reliability} == {"codebook"}
    model = load_classifier(corpus.store, pipeline)
    assert model is not None and model.labels == ()
    clear_loaded_models()
    with corpus.store.transaction() as session:
        session.execute(SuggestionModel.__table__.delete())
    result = train(corpus.store, pipeline=pipeline, cancelled=lambda: True)
    assert result.status == "cancelled"
    assert load_classifier(corpus.store, pipeline) is None


def test_the_codebook_threshold_moves_from_the_default_only_as_far_as_the_codings_support() -> None:
    """A best threshold on a handful of coded sentences is noise: few keep 0.5, more move part of the way."""
    import numpy as np

    from lobcoder.suggest.classifier import DEFAULT_THRESHOLD
    from lobcoder.suggest.codebook_threshold import MIN_THRESHOLD_EXAMPLES, codebook_threshold

    # Every coded sentence scores 0.3, every other one 0.1: out of fold, 0.3 is the perfect threshold.
    def scores(positives: int) -> tuple[np.ndarray, np.ndarray]:
        y = np.array([1] * positives + [0] * 4 * positives)
        return np.where(y == 1, 0.3, 0.1), y

    few, y = scores(MIN_THRESHOLD_EXAMPLES - 1)
    threshold, _, recall, f1 = codebook_threshold(few, y, MIN_THRESHOLD_EXAMPLES - 1)
    assert threshold == DEFAULT_THRESHOLD and recall == 0.0 and f1 == 0.0  # measured honestly at 0.5
    some, y = scores(10)
    assert codebook_threshold(some, y, 10)[0] == 0.4  # half way from 0.5 to 0.3
    many, y = scores(90)
    threshold, precision, recall, f1 = codebook_threshold(many, y, 90)
    assert threshold == 0.3 and f1 == 1.0  # nearly all the way


def test_a_model_stored_by_an_older_lobcoder_is_trained_again_not_misread(
    corpus: Corpus, pipeline: DutchPipeline
) -> None:
    """Models store what they are made of (classifier.FEATURES): another version is retrained, never restored."""
    train(corpus.store, pipeline=pipeline)
    with corpus.store.transaction() as session:
        row = session.scalars(select(SuggestionModel)).one()
        meta = json.loads(row.codes_json)
        meta["features"] = OLDER_FEATURES
        row.codes_json = json.dumps(meta)
    clear_loaded_models()
    assert load_classifier(corpus.store, pipeline) is None
    assert train(corpus.store, pipeline=pipeline).status == "trained"
    assert load_classifier(corpus.store, pipeline) is not None


def test_the_model_remembers_which_codes_had_codings_when_it_was_trained(
    corpus: Corpus, pipeline: DutchPipeline
) -> None:
    """A code coded only in the interviewer's questions has codings but no coded sentence to learn from:
    the model must know it saw them, so the Reliability tab does not keep asking to Train."""
    from lobcoder.services.codes import create_code
    from lobcoder.services.codings import add_coding
    from lobcoder.services.documents import get_document

    with corpus.store.transaction() as session:
        question_code = create_code(session, "Vraag", keywords="")
        session.flush()
        question, guid = question_code.id, question_code.guid
    document = corpus.documents["Docent01_w1"]
    with corpus.store.transaction() as session:
        text = get_document(session, document).text
        start = text.index("Kun je daar")
        add_coding(session, document, question, start, text.index("?", start) + 1, coder="Fenna")
    train(corpus.store, pipeline=pipeline)
    model = load_classifier(corpus.store, pipeline)
    assert model is not None and model.coded is not None
    assert guid in model.coded and guid not in model.reliability  # seen, but nothing to measure
    assert {corpus.codes["leren"], corpus.codes["visie"]} <= model.coded
    clear_loaded_models()
    restored = load_classifier(corpus.store, pipeline)
    assert restored is not None and restored.coded == model.coded  # stored with the model
    with corpus.store.transaction() as session:
        later = create_code(session, "Later", keywords="")
        session.flush()
        add_coding(session, document, later.id, start, start + 5, coder="Fenna")
        later_guid = later.guid
    assert later_guid not in restored.coded  # coded since the last training
    train(corpus.store, pipeline=pipeline)
    again = load_classifier(corpus.store, pipeline)
    assert again is not None and again.coded is not None and later_guid in again.coded
