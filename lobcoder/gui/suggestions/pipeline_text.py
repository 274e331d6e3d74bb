"""How to get the full Dutch model, worded once for the suggestions pane and Help → About."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from lobcoder.suggest.pipeline import MODEL_NAME


def pipeline_install_lines() -> list[str]:
    """The translated lines that say how to install the full model (the command itself untranslated)."""
    return [
        QCoreApplication.translate(
            "SuggestionsPane",
            "For better lemmas and sentence boundaries, install the Dutch model and restart lobcoder:",
        ),
        f"python -m spacy download {MODEL_NAME}",
        QCoreApplication.translate(
            "SuggestionsPane",
            "This needs internet access to the model's GitHub release (github.com/explosion/spacy-models).",
        ),
    ]
