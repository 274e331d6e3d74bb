"""Code suggestions for Dutch transcripts: the codebook's evidence and a model learned from the project's codings.

The public API, imported lazily so that ``import lobcoder.suggest`` does not load spaCy:

* :func:`suggest` (``ranking``): suggestions for one document, as :class:`Suggestion` values;
* :func:`train` (``training``): train or update the project's stored model;
* :func:`evaluate` (``evaluation``): cross-validated precision, recall and F1;
* :func:`load_pipeline` (``pipeline``): the Dutch spaCy pipeline in use.

Accepting and rejecting are undoable commands in ``lobcoder.editing.suggestion_commands``.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lobcoder.suggest.evaluation import EvaluationResult, evaluate
    from lobcoder.suggest.pipeline import DutchPipeline, load_pipeline
    from lobcoder.suggest.ranking import Suggestion, suggest
    from lobcoder.suggest.training import TrainingResult, train

_EXPORTS = {
    "suggest": "ranking",
    "Suggestion": "ranking",
    "train": "training",
    "TrainingResult": "training",
    "evaluate": "evaluation",
    "EvaluationResult": "evaluation",
    "load_pipeline": "pipeline",
    "DutchPipeline": "pipeline",
}

__all__ = [
    "DutchPipeline",
    "EvaluationResult",
    "Suggestion",
    "TrainingResult",
    "evaluate",
    "load_pipeline",
    "suggest",
    "train",
]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(f"lobcoder.suggest.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module 'lobcoder.suggest' has no attribute {name!r}")
