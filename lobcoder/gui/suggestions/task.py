"""What the suggestions pane runs in a worker thread: load the pipeline, maybe train, suggest.

Plain Python, no Qt: the function gets the project's store (thread-safe, one
connection per transaction) and plain values, and returns plain values.
``lobcoder.suggest`` is imported here, on the worker thread, so neither
starting lobcoder nor opening a document waits for spaCy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from lobcoder.errors import Cancelled
from lobcoder.storage.project import ProjectStore

if TYPE_CHECKING:
    from lobcoder.suggest.classifier import Reliability
    from lobcoder.suggest.ranking import Suggestion
    from lobcoder.suggest.training import TrainingResult

Progress = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]

# The labels this task reports through progress(done, total, label); the pane words them.
STAGE_PIPELINE = "pipeline"
STAGE_TRAINING = "training"
STAGE_SUGGESTING = "suggesting"


class Training(Enum):
    """Whether a run trains the classifier before suggesting."""

    NEVER = "never"
    IF_MODEL = "if_model"  # update an existing model (cheap: incremental, or nothing if unchanged)
    ALWAYS = "always"  # the user pressed Train


@dataclass(frozen=True)
class ModelInfo:
    """The stored classifier in use: how many codes it suggests and from how many examples."""

    codes: int
    examples: int


@dataclass(frozen=True)
class CodeStatus:
    """One code and how reliable its suggestions are (None: it has no codings, the codebook alone)."""

    code_id: int
    name: str
    reliability: Reliability | None
    min_examples: int = 5
    min_f1: float = 0.4
    codings: int = 0  # codings with exactly this code
    trained: bool = True  # False: no model has been trained yet
    coded_at_training: bool | None = None  # whether the model's training saw codings of it (None: not known)

    @property
    def reliable(self) -> bool:
        return self.reliability is not None and self.reliability.reliable


@dataclass(frozen=True)
class SuggestionBatch:
    """One run's outcome for one document."""

    document_id: int
    suggestions: tuple[Suggestion, ...]
    pipeline_name: str
    full_model: bool
    model: ModelInfo | None
    training: TrainingResult | None
    codes: tuple[CodeStatus, ...] = ()  # every code, in codebook order


def compute_suggestions(
    store: ProjectStore,
    document_id: int,
    training: Training,
    progress: Progress,
    cancelled: CancelCheck,
) -> SuggestionBatch:
    """Suggestions for one document, after training if asked; raises Cancelled between steps."""
    from lobcoder.services.codes import list_codes
    from lobcoder.suggest.classifier import MIN_EXAMPLES, RELIABLE_F1
    from lobcoder.suggest.pipeline import load_pipeline
    from lobcoder.suggest.ranking import suggest
    from lobcoder.suggest.training import load_classifier, train

    def check() -> None:
        if cancelled():
            raise Cancelled("suggestions cancelled")

    progress(0, 0, STAGE_PIPELINE)
    pipeline = load_pipeline()
    check()
    result: TrainingResult | None = None
    if training is Training.ALWAYS or (training is Training.IF_MODEL and load_classifier(store, pipeline) is not None):
        progress(0, 0, STAGE_TRAINING)
        result = train(
            store,
            pipeline=pipeline,
            progress=lambda done, total, _label: progress(done, total, STAGE_TRAINING),
            cancelled=cancelled,
        )
        if result.status == "cancelled":
            raise Cancelled("training cancelled")
    check()
    progress(0, 0, STAGE_SUGGESTING)
    found = suggest(store, document_id, pipeline=pipeline)
    classifier = load_classifier(store, pipeline)
    with store.read() as session:
        codes = list_codes(session)
    reliability = classifier.reliability if classifier is not None else {}
    trained = classifier is not None
    seen = classifier.coded if classifier is not None else None
    statuses = tuple(
        CodeStatus(
            c.id,
            c.name,
            reliability.get(c.guid),
            MIN_EXAMPLES,
            RELIABLE_F1,
            c.codings,
            trained,
            None if seen is None else c.guid in seen,
        )
        for c in codes
    )
    check()
    return SuggestionBatch(
        document_id,
        tuple(found),
        pipeline.name,
        pipeline.is_full_model,
        ModelInfo(len(classifier.labels), classifier.examples) if classifier is not None else None,
        result,
        statuses,
    )
