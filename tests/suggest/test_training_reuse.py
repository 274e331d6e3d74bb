"""Training reuses what did not change, and gives what a training from scratch gives.

A document's codebook evidence is kept between trainings (:mod:`evidence_cache`);
the liblinear fits run on two threads (:mod:`fits`); labels are found by
bisection (:func:`units.label_units`). None of it may change a result.
"""

from __future__ import annotations

import random

import pytest
from suggest_corpus import LEREN, NEUTRAL, Corpus, add_transcript, code_sentences, transcript

from lobcoder.services.codes import list_codes, update_code
from lobcoder.services.documents import get_document
from lobcoder.storage.project import ProjectStore
from lobcoder.suggest import evidence, evidence_cache, fits, training
from lobcoder.suggest import store as persistence
from lobcoder.suggest.cache import processed_texts
from lobcoder.suggest.context import UnitText
from lobcoder.suggest.examples import TrainingExample
from lobcoder.suggest.fitting import fit
from lobcoder.suggest.pipeline import DutchPipeline
from lobcoder.suggest.scoring import CodebookScorer
from lobcoder.suggest.training import clear_loaded_models, examples_for, train
from lobcoder.suggest.units import Unit, label_units
from lobcoder.suggest.vocabulary import project_vocabulary


def _examples_now(store: ProjectStore, pipeline: DutchPipeline) -> list[TrainingExample]:
    with store.read() as session:
        documents = persistence.coded_documents(session)
        codes = list_codes(session)
    processed = processed_texts(store, pipeline, [(d.content_hash, d.text) for d in documents])
    return examples_for(pipeline, codes, documents, processed, (), project_vocabulary(store, pipeline))


def _count_scoring(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many units the codebook scores from now on."""
    scored = [0]
    original = CodebookScorer.score

    def counting(self: CodebookScorer, processed: object, units: list[Unit]) -> object:
        scored[0] += len(units)
        return original(self, processed, units)  # type: ignore[arg-type]

    monkeypatch.setattr(CodebookScorer, "score", counting)
    return scored


def test_kept_evidence_is_reused_and_after_a_new_coding_equals_evidence_computed_afresh(
    corpus: Corpus, store: ProjectStore, pipeline: DutchPipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    scored = _count_scoring(monkeypatch)
    first = _examples_now(store, pipeline)
    assert scored[0] > 0
    before = scored[0]
    assert _examples_now(store, pipeline) == first  # nothing changed: the kept evidence, not scored again
    assert scored[0] == before

    # A new coding in the second document changes the terms the first one's evidence counts (codes with only
    # a name learn terms from the other documents' codings): the first document is scored again.
    name = sorted(corpus.documents)[1]
    with store.read() as session:
        text = get_document(session, corpus.documents[name]).text
    code_sentences(store, corpus.documents[name], text, corpus.code_ids["visie"], [LEREN[1]])  # coded leren too
    kept = _examples_now(store, pipeline)
    assert kept != first
    assert scored[0] > before
    evidence_cache.clear()
    assert _examples_now(store, pipeline) == kept  # equal to a training that keeps nothing


def test_a_retraining_with_kept_evidence_stores_the_model_a_training_from_scratch_stores(
    corpus: Corpus, store: ProjectStore, pipeline: DutchPipeline
) -> None:
    assert train(store, pipeline=pipeline).status == "trained"
    name = sorted(corpus.documents)[0]
    with store.read() as session:
        text = get_document(session, corpus.documents[name]).text
    code_sentences(store, corpus.documents[name], text, corpus.code_ids["visie"], [LEREN[0]])
    assert train(store, pipeline=pipeline).status == "updated"  # with the evidence kept where it still holds
    with store.read() as session:
        warm = persistence.latest_model(session, pipeline.cache_key)
    evidence_cache.clear()
    clear_loaded_models()
    # From scratch: the same examples and evidence, so the stored model is kept as it is.
    assert train(store, pipeline=pipeline).status == "unchanged"
    with store.read() as session:
        assert persistence.latest_model(session, pipeline.cache_key) == warm


def test_a_training_with_nothing_new_reads_nothing_again_and_anything_new_is_read(
    corpus: Corpus, store: ProjectStore, pipeline: DutchPipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert train(store, pipeline=pipeline).status == "trained"
    scored = _count_scoring(monkeypatch)
    evidence_cache.clear()
    clear_loaded_models()  # as in a new session: the stored model says what it was trained from
    again = train(store, pipeline=pipeline)
    assert again.status == "unchanged" and scored[0] == 0
    # The same result as computing every example and its evidence again.
    with monkeypatch.context() as patched:
        patched.setattr(training, "inputs_digest", lambda *args: "unknown")
        assert train(store, pipeline=pipeline) == again
    assert scored[0] > 0

    # Each of these is read: an uncoded document (the project's vocabulary), the codebook, a coding.
    counted = scored[0]
    add_transcript(store, "Docent09_w1", transcript([(NEUTRAL[0], NEUTRAL[1])]))
    train(store, pipeline=pipeline)
    assert scored[0] > counted
    counted = scored[0]
    with store.transaction() as session:
        update_code(session, corpus.code_ids["leren"], definition="Leren van en met collega's.")
    train(store, pipeline=pipeline)
    assert scored[0] > counted
    assert train(store, pipeline=pipeline).status == "unchanged"
    name = sorted(corpus.documents)[1]
    with store.read() as session:
        text = get_document(session, corpus.documents[name]).text
    code_sentences(store, corpus.documents[name], text, corpus.code_ids["visie"], [LEREN[1]])
    assert train(store, pipeline=pipeline).status == "updated"


def test_changed_suggestion_code_or_a_collection_setting_recomputes_the_examples_once(
    corpus: Corpus, store: ProjectStore, pipeline: DutchPipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert train(store, pipeline=pipeline).status == "trained"
    scored = _count_scoring(monkeypatch)
    evidence_cache.clear()
    clear_loaded_models()
    # An upgrade that changes scoring or example code (the package's sources): the examples are computed again.
    monkeypatch.setattr(training, "source_digest", lambda: "other sources")
    assert train(store, pipeline=pipeline).status == "unchanged"  # the same examples: the model is kept ...
    assert scored[0] > 0
    counted = scored[0]
    evidence_cache.clear()
    clear_loaded_models()
    assert train(store, pipeline=pipeline).status == "unchanged"  # ... and stored with its new inputs
    assert scored[0] == counted
    # A dict setting (the weights of the codebook's fields) is read too.
    monkeypatch.setitem(evidence.FIELDS, "name", 3.0)
    train(store, pipeline=pipeline)
    assert scored[0] > counted


def _coded_examples(seed: int) -> list[TrainingExample]:
    """Four documents, three codes: one the codebook speaks for, one it does not, one coded in one document."""
    rng = random.Random(seed)
    filler = [f"woord{i}" for i in range(60)]
    examples = []
    for doc in range(4):
        for i in range(50):
            words = rng.sample(filler, 6)
            cats = {"a": 0.0, "b": 0.0, "c": 0.0}
            evidence = {}
            if i % 7 == 1:
                words[0], cats["a"] = "intervisie", 1.0
                evidence["a"] = 1.2 if i % 2 else 0.4
            if i % 9 == 2:
                words[1], cats["b"] = "rollenspel", 1.0
            if doc == 2 and i % 11 == 3:
                words[2], cats["c"] = "visie", 1.0
            context = UnitText(tuple(words), text=" ".join(words))
            examples.append(
                TrainingExample(
                    (f"doc{doc}", i * 10, i * 10 + 9), context, tuple(sorted(cats.items())), tuple(evidence.items())
                )
            )
    return examples


def test_fits_on_two_threads_give_the_model_of_fits_one_after_another(monkeypatch: pytest.MonkeyPatch) -> None:
    examples = _coded_examples(seed=3)
    monkeypatch.setattr(fits.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(fits, "WORKERS", 1)
    alone = fit(examples, seed=0).classifier
    monkeypatch.setattr(fits, "WORKERS", 2)
    threaded = fit(examples, seed=0).classifier
    assert alone is not None and threaded is not None
    assert set(alone.models) == {"a", "b", "c"}  # adjusted, stacked, and learned from one document
    assert threaded.meta() == alone.meta()
    assert threaded.to_bytes() == alone.to_bytes()


def test_labels_found_by_bisection_equal_labels_found_by_checking_every_coding() -> None:
    rng = random.Random(7)
    units, start = [], 0
    for _ in range(300):
        length = rng.randint(0, 40)
        units.append(Unit(start, start + length, "sentence", range(0)))
        start += length + rng.randint(0, 3)
    codings = {}
    for code in ("a", "b", "c"):
        spans = []
        for _ in range(40):
            s = rng.randint(0, start)
            spans.append((s, s + rng.randint(0, 120)))
        codings[code] = spans
    labels = ["a", "b", "c", "d"]
    in_order = label_units(units, codings, labels)
    # Units out of order (a rejected span among sentences) are checked against every coding, as before.
    backwards = label_units(units[::-1], codings, labels)[::-1]
    assert in_order == backwards
    assert any(cats.get("a") == 1.0 for cats in in_order) and any("a" not in cats for cats in in_order)
