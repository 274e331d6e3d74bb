"""A multi-label classifier trained on the researcher's own codings (spaCy ``textcat_multilabel``).

The model is spaCy's bag-of-words text classifier (``spacy.TextCatBOW.v3``,
unigrams and bigrams): it needs no pretrained vectors and trains in seconds.
It reads a unit's *lemmas*, not its words, so ``docenten leerden`` and
``docent leert`` share features.

Examples (:func:`units.training_examples`) are units of coded documents with
one label per code GUID; only codes with at least ``min_examples`` positive
sentences become labels of the model.
"""

from __future__ import annotations

import random
import threading
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from lobcoder.services.codes import list_codes
from lobcoder.storage.project import ProjectStore
from lobcoder.suggest import store as persistence
from lobcoder.suggest.cache import processed_texts
from lobcoder.suggest.pipeline import DutchPipeline, load_pipeline
from lobcoder.suggest.units import TrainingExample, training_examples

Progress = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]

ARCHITECTURE: dict[str, Any] = {
    "@architectures": "spacy.TextCatBOW.v3",
    "exclusive_classes": False,
    "ngram_size": 2,
    "no_output_layer": False,
    "length": 2**16,
}
FEATURES = "content-word lemmas 1"  # what units.unit_words gives; a stored model with other features is not used
EPOCHS = 12
INCREMENTAL_EPOCHS = 3
LEARN_RATE = 0.02
BATCH_SIZE = 32
MIN_EXAMPLES = 5


def _build(labels: Sequence[str]) -> Any:
    import spacy

    nlp = spacy.blank("nl")
    textcat: Any = nlp.add_pipe("textcat_multilabel", config={"model": ARCHITECTURE})
    for label in labels:
        textcat.add_label(label)
    return nlp


class Classifier:
    """A trained model and what it was trained on; :meth:`predict` is thread-safe."""

    def __init__(
        self,
        nlp: Any,
        labels: Sequence[str],
        positives: dict[str, int],
        seen: Sequence[str],
        examples: int,
    ) -> None:
        self.nlp = nlp
        self.labels = tuple(labels)
        self.positives = dict(positives)
        self.seen = frozenset(seen)
        self.examples = examples
        self._lock = threading.Lock()

    def predict(self, units: Sequence[Sequence[str]]) -> list[dict[str, float]]:
        """Per unit (its lemmas), the probability of each label; units without words get none."""
        from spacy.tokens import Doc

        result: list[dict[str, float]] = [{} for _ in units]
        with self._lock:
            textcat = self.nlp.get_pipe("textcat_multilabel")
            docs = [(i, Doc(self.nlp.vocab, words=list(words))) for i, words in enumerate(units) if words]
            for (i, _), doc in zip(docs, textcat.pipe((d for _, d in docs), batch_size=256), strict=True):
                result[i] = {label: float(doc.cats[label]) for label in self.labels}
        return result

    def meta(self) -> dict[str, Any]:
        return {
            "architecture": ARCHITECTURE,
            "features": FEATURES,
            "labels": list(self.labels),
            "positives": self.positives,
            "seen": sorted(self.seen),
        }

    def to_bytes(self) -> bytes:
        with self._lock:
            return zlib.compress(self.nlp.to_bytes(exclude=["vocab"]))

    @classmethod
    def from_bytes(cls, meta: dict[str, Any], blob: bytes, examples: int) -> Classifier:
        nlp = _build(meta["labels"])
        nlp.from_bytes(zlib.decompress(blob), exclude=["vocab"])
        return cls(nlp, meta["labels"], meta["positives"], meta["seen"], examples)


@dataclass(frozen=True)
class FitResult:
    classifier: Classifier | None
    status: str  # "trained", "updated", "unchanged", "too_few", "cancelled"
    new_examples: int = 0


def fit(
    examples: Sequence[TrainingExample],
    *,
    min_examples: int = MIN_EXAMPLES,
    epochs: int = EPOCHS,
    incremental_epochs: int = INCREMENTAL_EPOCHS,
    seed: int = 0,
    base: Classifier | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> FitResult:
    """Train a classifier, or update ``base`` if it has the same labels.

    An update trains ``incremental_epochs`` on the examples ``base`` has not
    seen, mixed with a seeded sample of those it has (so it does not forget);
    a change of labels (a code reaching ``min_examples``) retrains from scratch.
    """
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch

    # Counted in sentences, so a coded sentence and the turn around it are one example to people.
    positives = Counter(label for e in examples if e.kind == "sentence" for label, value in e.cats if value == 1.0)
    labels = sorted(label for label, n in positives.items() if n >= min_examples)
    if not labels:
        return FitResult(None, "too_few")
    keep = set(labels)
    usable = [e for e in examples if any(label in keep for label, _ in e.cats)]
    fix_random_seed(seed)
    rng = random.Random(seed)
    if base is not None and base.labels == tuple(labels):
        fresh = [e for e in usable if e.fingerprint not in base.seen]
        if not fresh:
            return FitResult(base, "unchanged")
        old = [e for e in usable if e.fingerprint in base.seen]
        chosen = fresh + rng.sample(old, min(len(old), max(3 * len(fresh), 64)))
        nlp = Classifier.from_bytes(base.meta(), base.to_bytes(), base.examples).nlp
        optimizer, rounds, status = nlp.resume_training(), incremental_epochs, "updated"
    else:
        fresh = chosen = list(usable)
        nlp, optimizer, rounds, status = _build(labels), None, epochs, "trained"

    from spacy.tokens import Doc

    prepared = [
        Example.from_dict(
            Doc(nlp.vocab, words=list(e.words)), {"cats": {label: v for label, v in e.cats if label in keep}}
        )
        for e in chosen
    ]
    if optimizer is None:
        optimizer = nlp.initialize(lambda: prepared)
    optimizer.learn_rate = LEARN_RATE
    for epoch in range(rounds):
        rng.shuffle(prepared)
        for batch in minibatch(prepared, size=BATCH_SIZE):
            if cancelled is not None and cancelled():
                return FitResult(None, "cancelled")
            nlp.update(batch, sgd=optimizer, drop=0.0, losses={})
        if progress is not None:
            progress(epoch + 1, rounds, f"epoch {epoch + 1} of {rounds}")
    positive_counts = {label: positives[label] for label in labels}
    classifier = Classifier(nlp, labels, positive_counts, [e.fingerprint for e in usable], len(usable))
    return FitResult(classifier, status, len(fresh))


@dataclass(frozen=True)
class TrainingResult:
    status: str  # "trained", "updated", "unchanged", "too_few", "cancelled"
    codes: tuple[str, ...]  # names of the codes the model suggests
    examples: int
    new_examples: int
    min_examples: int


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

    None if there is none, or if it was made with other features or another
    architecture (an older lobcoder): it is then retrained by :func:`train`.
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
    if stored.meta.get("features") != FEATURES or stored.meta.get("architecture") != ARCHITECTURE:
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
    min_examples: int = MIN_EXAMPLES,
    epochs: int = EPOCHS,
    incremental_epochs: int = INCREMENTAL_EPOCHS,
    seed: int = 0,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> TrainingResult:
    """Train (or update) the project's model on its codings and rejections, and store it.

    Safe to call often: if no example changed since the stored model, nothing
    is trained. Parsing documents the cache lacks comes first; ``progress``
    then reports epochs. A cancelled run stores nothing.
    """
    pipeline = pipeline or load_pipeline()
    with store.read() as session:
        documents = persistence.coded_documents(session)
        rejections = persistence.rejections(session)
        names = {info.guid: info.name for info in list_codes(session)}
    processed = processed_texts(store, pipeline, [(d.content_hash, d.text) for d in documents])
    examples = training_examples(documents, processed, rejections)
    base = load_classifier(store, pipeline)
    result = fit(
        examples,
        min_examples=min_examples,
        epochs=epochs,
        incremental_epochs=incremental_epochs,
        seed=seed,
        base=base,
        progress=progress,
        cancelled=cancelled,
    )
    classifier = result.classifier
    if classifier is not None and result.status in ("trained", "updated"):
        with store.transaction() as session:
            model_id = persistence.save_model(
                session, pipeline.cache_key, classifier.meta(), classifier.examples, classifier.to_bytes()
            )
        _remember(store, model_id, classifier)
    codes = tuple(names.get(label, label) for label in classifier.labels) if classifier else ()
    return TrainingResult(result.status, codes, len(examples), result.new_examples, min_examples)
