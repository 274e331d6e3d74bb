"""The classifier: trained on the project's codings, stored with it, updated as codings accumulate."""

from __future__ import annotations

from sqlalchemy import func, select
from suggest_corpus import HELD_OUT, LEREN, NEUTRAL, Corpus, add_transcript, code_sentences, transcript

from lobcoder.storage.models import SuggestionModel
from lobcoder.storage.project import ProjectStore
from lobcoder.suggest import store as persistence
from lobcoder.suggest.cache import process_text, processed_texts
from lobcoder.suggest.classifier import (
    Classifier,
    clear_loaded_models,
    fit,
    load_classifier,
    train,
)
from lobcoder.suggest.pipeline import DutchPipeline
from lobcoder.suggest.units import training_examples, unit_words

EPOCHS = 8


def words(pipeline: DutchPipeline, sentence: str) -> tuple[str, ...]:
    processed = process_text(pipeline, sentence)
    return unit_words(processed, range(len(processed.lemmas)))


def top_codes(pipeline: DutchPipeline, model: Classifier, corpus: Corpus) -> dict[str, str]:
    names = {guid: key for key, guid in corpus.codes.items()}
    predictions = model.predict([words(pipeline, HELD_OUT["leren"]), words(pipeline, HELD_OUT["visie"])])
    return {key: names[max(p, key=p.__getitem__)] for key, p in zip(("leren", "visie"), predictions, strict=True)}


def test_trained_model_picks_the_right_code_for_new_sentences(corpus: Corpus, pipeline: DutchPipeline) -> None:
    steps: list[tuple[int, int, str]] = []
    result = train(corpus.store, pipeline=pipeline, epochs=EPOCHS, progress=lambda *a: steps.append(a))
    assert result.status == "trained"
    assert sorted(result.codes) == ["Samen leren", "Visie van bovenaf"]
    assert steps[-1][:2] == (EPOCHS, EPOCHS)
    model = load_classifier(corpus.store, pipeline)
    assert model is not None
    assert model.positives == {corpus.codes["leren"]: 10, corpus.codes["visie"]: 10}
    assert top_codes(pipeline, model, corpus) == {"leren": "leren", "visie": "visie"}
    probabilities = model.predict([words(pipeline, HELD_OUT["leren"])])[0]
    assert probabilities[corpus.codes["leren"]] > 0.5 > probabilities[corpus.codes["visie"]]


def test_model_survives_reopening_the_project(corpus: Corpus, pipeline: DutchPipeline) -> None:
    train(corpus.store, pipeline=pipeline, epochs=EPOCHS)
    before = load_classifier(corpus.store, pipeline).predict([words(pipeline, HELD_OUT["visie"])])  # type: ignore[union-attr]
    path = corpus.store.path
    corpus.store.close()
    clear_loaded_models()
    with ProjectStore.open(path) as reopened:
        restored = load_classifier(reopened, pipeline)
        assert restored is not None
        assert restored.predict([words(pipeline, HELD_OUT["visie"])]) == before
        # nothing changed, so nothing is trained again
        assert train(reopened, pipeline=pipeline, epochs=EPOCHS).status == "unchanged"


def test_new_codings_update_the_stored_model(corpus: Corpus, pipeline: DutchPipeline) -> None:
    train(corpus.store, pipeline=pipeline, epochs=EPOCHS)
    text = transcript([(LEREN[0].replace("Met", "Samen met"), NEUTRAL[0]), (LEREN[3], NEUTRAL[1])])
    doc_id = add_transcript(corpus.store, "Docent03_w1", text)
    code_sentences(corpus.store, doc_id, text, corpus.code_ids["leren"], [LEREN[0].replace("Met", "Samen met")])
    result = train(corpus.store, pipeline=pipeline, epochs=EPOCHS)
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
    first = fit(examples, epochs=EPOCHS, seed=3).classifier
    second = fit(examples, epochs=EPOCHS, seed=3).classifier
    assert first is not None and second is not None
    sentences = [words(pipeline, s) for s in HELD_OUT.values()]
    assert first.predict(sentences) == second.predict(sentences)


def test_codes_need_enough_examples_and_training_can_be_cancelled(corpus: Corpus, pipeline: DutchPipeline) -> None:
    assert train(corpus.store, pipeline=pipeline, min_examples=50).status == "too_few"
    assert load_classifier(corpus.store, pipeline) is None
    result = train(corpus.store, pipeline=pipeline, cancelled=lambda: True)
    assert result.status == "cancelled"
    assert load_classifier(corpus.store, pipeline) is None
