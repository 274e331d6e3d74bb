"""Training the project's model on its codings and rejections, storing it, and restoring it once per project."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import lobcoder
from lobcoder.services.codes import CodeInfo, list_codes
from lobcoder.storage.project import ProjectStore
from lobcoder.suggest import evidence_cache, feedback
from lobcoder.suggest import store as persistence
from lobcoder.suggest.cache import ProcessedText, processed_texts
from lobcoder.suggest.classifier import FEATURES, Classifier, Reliability
from lobcoder.suggest.evidence import Vocabulary
from lobcoder.suggest.examples import TrainingExample, training_examples
from lobcoder.suggest.fitting import MIN_POSITIVES, CancelCheck, FitResult, Progress, fit
from lobcoder.suggest.pipeline import DutchPipeline, load_pipeline
from lobcoder.suggest.scoring import CodebookScorer, codebook_scorer, codebook_state, module_settings
from lobcoder.suggest.store import CodedDocument, Rejection
from lobcoder.suggest.units import unit_words
from lobcoder.suggest.vocabulary import project_vocabulary


@dataclass(frozen=True)
class TrainingResult:
    status: str  # "trained", "updated", "unchanged", "too_few", "cancelled"
    codes: tuple[str, ...]  # names of the codes the model learned
    examples: int
    new_examples: int
    min_examples: int
    reliability: tuple[tuple[str, Reliability], ...] = ()  # code name -> reliability, codes with codings


def examples_for(
    pipeline: DutchPipeline,
    codes: Sequence[CodeInfo],
    documents: Sequence[CodedDocument],
    processed: Sequence[ProcessedText],
    rejections: Sequence[Rejection] = (),
    vocabulary: Vocabulary | None = None,
) -> list[TrainingExample]:
    """Training examples with the codebook's evidence, weighed against the project's vocabulary.

    Without one, against each document's own sentences. Suggestions weigh a
    document's sentences the same way (:func:`ranking.document_scores`).

    With :data:`feedback.ENABLED`, a document's evidence counts the terms its
    codes learned from the codings of the *other* documents (:mod:`feedback`;
    out of document, as a new document will see the terms learned from all),
    and each example says for which codes the codebook's own texts matched it
    (:attr:`TrainingExample.codebook`).
    """
    learned: dict[int, dict[str, dict[str, float]]] = {}
    speaks: dict[tuple[int, int, int], tuple[str, ...]] = {}

    learns = feedback.learning_codes(codes)

    def prepare(plain: Sequence[TrainingExample]) -> None:
        if not learns:
            return  # no code learns terms from its codings: nothing to count
        by_document = feedback.out_of_document_terms(plain, learns)
        for doc, parsed in zip(documents, processed, strict=True):
            learned[id(parsed)] = by_document.get(doc.content_hash, {})

    hash_of = {id(parsed): doc.content_hash for doc, parsed in zip(documents, processed, strict=True)}
    codebook = codebook_state(codes)

    def evidence(parsed: ProcessedText, units: Sequence[Any]) -> list[dict[str, float]]:
        extra = learned.get(id(parsed))
        kept_key = evidence_cache.key(pipeline.cache_key, hash_of[id(parsed)], units, codebook, extra, vocabulary)
        kept = evidence_cache.get(kept_key)
        if kept is None:
            found = vocabulary or Vocabulary.of(unit_words(parsed, u.tokens) for u in units)
            scorer = CodebookScorer(pipeline, codes, found, extra) if extra else codebook_scorer(pipeline, codes, found)
            scored = scorer.score(parsed, units)
            kept = evidence_cache.DocumentEvidence(
                tuple(tuple((g, e.score) for g, e in hits.items()) for hits in scored),
                # The codes whose own texts match, not only learned terms (TrainingExample.codebook).
                tuple(
                    tuple(sorted(g for g, e in hits.items() if e.keywords or e.against or e.terms)) for hits in scored
                ),
            )
            evidence_cache.put(kept_key, vocabulary, kept)
        if feedback.ENABLED:
            for unit, own in zip(units, kept.speaks, strict=True):
                speaks[(id(parsed), unit.start, unit.end)] = own
        return [dict(scores) for scores in kept.scores]

    examples = training_examples(documents, processed, rejections, evidence, prepare if feedback.ENABLED else None)
    if not feedback.ENABLED:
        return examples
    parsed_of = {doc.content_hash: id(parsed) for doc, parsed in zip(documents, processed, strict=True)}
    return [
        dataclasses.replace(e, codebook=speaks.get((parsed_of[e.document], e.key[1], e.key[2]), ())) for e in examples
    ]


_models: dict[tuple[str, int], Classifier] = {}
_models_lock = threading.Lock()


def clear_loaded_models() -> None:
    """Forget models restored in memory (they are read again from the project on next use)."""
    with _models_lock:
        _models.clear()


def _remember(store: ProjectStore, model_id: int, classifier: Classifier) -> None:
    path = str(store.path.resolve())
    with _models_lock:
        for key in [k for k in _models if k[0] == path]:
            del _models[key]  # one model per project in memory: the newest
        _models[(path, model_id)] = classifier


def load_classifier(store: ProjectStore, pipeline: DutchPipeline) -> Classifier | None:
    """The project's newest model for this pipeline, restored once and kept in memory.

    None if there is none, or if it was made with other features (an older
    lobcoder): it is then retrained by :func:`train`.
    """
    with store.read() as session:
        model_id = persistence.latest_model_id(session, pipeline.cache_key)
        if model_id is None:
            return None
        with _models_lock:
            found = _models.get((str(store.path.resolve()), model_id))
        if found is not None:
            return found
        stored = persistence.latest_model(session, pipeline.cache_key)
    assert stored is not None
    if stored.meta.get("features") != FEATURES:
        return None
    try:
        classifier = Classifier.from_bytes(stored.meta, stored.blob, stored.examples_count)
    except Exception:  # noqa: BLE001 - a model that cannot be restored is retrained, not an error
        return None
    _remember(store, model_id, classifier)
    return classifier


def train(
    store: ProjectStore,
    *,
    pipeline: DutchPipeline | None = None,
    min_examples: int = MIN_POSITIVES,
    seed: int = 0,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> TrainingResult:
    """Train the project's model on its codings and rejections, and store it.

    Safe to call often: if no example (nor the codebook's evidence for it)
    changed since the stored model, nothing is trained. A cancelled run
    stores nothing.
    """
    pipeline = pipeline or load_pipeline()
    with store.read() as session:
        documents = persistence.coded_documents(session)
        rejections = persistence.rejections(session)
        codes = list_codes(session)
        hashes = list(persistence.document_hashes(session).values())
    names = {info.guid: info.name for info in codes}
    inputs = inputs_digest(pipeline, codes, documents, rejections, hashes, min_examples, seed)
    base = load_classifier(store, pipeline)
    if base is not None and base.inputs == inputs:
        # Trained from exactly this: the same examples and evidence would be computed, and the model kept.
        result = FitResult(base, "unchanged")
        examples_count = base.examples
    else:
        processed = processed_texts(store, pipeline, [(d.content_hash, d.text) for d in documents])
        vocabulary = project_vocabulary(store, pipeline)  # as suggestions weigh the codebook's terms
        examples = examples_for(pipeline, codes, documents, processed, rejections, vocabulary)
        examples_count = len(examples)
        result = fit(
            examples,
            min_positives=min_examples,
            seed=seed,
            base=base,
            learns=feedback.learning_codes(codes),
            progress=progress,
            cancelled=cancelled,
        )
    classifier = result.classifier
    coded = frozenset(guid for document in documents for guid in document.codings)
    # Kept "unchanged" by fit but read from other inputs (an upgrade): stored with them, so later trainings skip.
    changed = classifier is not None and (classifier.inputs != inputs or classifier.coded != coded)
    if classifier is not None and (result.status in ("trained", "updated") or changed):
        classifier.inputs = inputs
        classifier.coded = coded
        meta = classifier.meta()
        with store.transaction() as session:
            model_id = persistence.save_model(
                session, pipeline.cache_key, meta, classifier.examples, classifier.to_bytes()
            )
        _remember(store, model_id, classifier)
    learned = tuple(names.get(label, label) for label in classifier.labels) if classifier else ()
    measured = classifier.reliability.items() if classifier else ()
    reliability = tuple(sorted(((names.get(g, g), r) for g, r in measured), key=lambda item: item[0]))
    return TrainingResult(result.status, learned, examples_count, result.new_examples, min_examples, reliability)


def inputs_digest(
    pipeline: DutchPipeline,
    codes: Sequence[CodeInfo],
    documents: Sequence[CodedDocument],
    rejections: Sequence[Rejection],
    project_hashes: Sequence[str],
    min_examples: int,
    seed: int,
) -> str:
    """Everything a training reads: the lobcoder version and the code of this package, the pipeline, the codebook
    (and the scoring settings), the coded documents' texts, turns and codings, the rejections, the project's texts
    (its vocabulary), the settings of the modules that make examples, and the arguments. A stored model with this
    digest would be kept as it is ("unchanged") after its examples and their evidence were computed again, so they
    are not."""
    from lobcoder.suggest import context, examples, features, mined, units, vocabulary

    state = (
        lobcoder.__version__,
        source_digest(),
        FEATURES,
        pipeline.cache_key,
        codebook_state(codes),
        module_settings(context, examples, features, feedback, mined, units, vocabulary),
        [(d.content_hash, d.turns, sorted(d.codings.items())) for d in documents],
        sorted(repr(r) for r in rejections),
        sorted(project_hashes),
        min_examples,
        seed,
    )
    return hashlib.sha256(repr(state).encode("utf-8")).hexdigest()[:32]


@functools.cache
def source_digest() -> str:
    """A digest of this package's source files (read once per process): changed scoring or example code
    (an upgrade, an experiment) is not served a model trained with the old code."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()
