"""The transcript view: a read-only transcript with code highlights and coding stripes.

``TranscriptView`` is imported on first use, so ``lobcoder.gui.transcript.layout``
(the Qt-free geometry) can be imported and tested without Qt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lobcoder.gui.transcript.layout import SPAN_MIME_TYPE, CodeStyle

if TYPE_CHECKING:
    from lobcoder.gui.transcript.view import TranscriptView

__all__ = ["SPAN_MIME_TYPE", "CodeStyle", "TranscriptView"]


def __getattr__(name: str) -> Any:
    if name == "TranscriptView":
        from lobcoder.gui.transcript.view import TranscriptView

        return TranscriptView
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
