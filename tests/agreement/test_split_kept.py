"""Sentences and paragraphs kept for the next agreement computation do not keep the texts alive."""

from __future__ import annotations

import gc
import weakref

from lobcoder.agreement.units import split_text
from lobcoder.analysis.units import paragraphs, sentences


class _Text(str):
    """A str that a weak reference can watch (a plain str cannot be weakly referenced)."""


def test_split_spans_are_kept_but_not_the_text() -> None:
    text = _Text("Wij leren samen. 🙂 Het team overlegt wekelijks.\n\nDe visie is helder.")
    watch = weakref.ref(text)
    first = split_text(text, "sentence")
    assert first == sentences(str(text))
    assert split_text(str(text), "sentence") is first  # the same text is split once
    assert split_text(text, "paragraph") == paragraphs(str(text))
    del text
    gc.collect()
    assert watch() is None


def test_an_edited_text_is_split_anew() -> None:
    before = split_text("Eerste zin. Tweede zin.", "sentence")
    after = split_text("Eerste zin, tweede zin.", "sentence")
    assert len(before) == 2
    assert len(after) == 1
