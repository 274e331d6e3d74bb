"""Sentences and paragraphs kept for the next agreement computation: kept by content hash, without the texts."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable

from lobcoder.agreement.compute import agreement
from lobcoder.agreement.units import clear_split_cache, split_text
from lobcoder.analysis.dataset import DocumentSource, load_dataset
from lobcoder.analysis.units import paragraphs, sentences
from lobcoder.storage.project import ProjectStore
from lobcoder.text.normalize import content_hash


class _Text(str):
    """A str that a weak reference can watch (a plain str cannot be weakly referenced)."""


def _reading(text: str) -> Callable[[], str]:
    return lambda: text


def _unread() -> str:
    raise AssertionError("the kept spans should have been used, not the text")


def test_split_spans_are_kept_but_not_the_text() -> None:
    text = _Text("Wij leren samen. 🙂 Het team overlegt wekelijks.\n\nDe visie is helder.")
    digest = content_hash(text)
    watch = weakref.ref(text)
    first = split_text(digest, "sentence", _reading(text))
    assert first == sentences(str(text))
    assert split_text(digest, "sentence", _unread) is first  # the same text is split once, and not read again
    assert split_text(digest, "paragraph", _reading(text)) == paragraphs(str(text))
    del text
    gc.collect()
    assert watch() is None


def test_an_edited_text_is_split_anew() -> None:
    before_text, after_text = "Eerste zin. Tweede zin.", "Eerste zin, tweede zin."
    before = split_text(content_hash(before_text), "sentence", lambda: before_text)
    after = split_text(content_hash(after_text), "sentence", lambda: after_text)
    assert len(before) == 2
    assert len(after) == 1


def test_agreement_by_sentence_reads_each_text_once(team_file) -> None:  # type: ignore[no-untyped-def]
    clear_split_cache()
    with ProjectStore.open(team_file) as store:
        with store.read() as session:
            source = DocumentSource(session, keep=0)
            dataset = load_dataset(session, texts=False, turns=False).reading(source)
            first = agreement(dataset, ["Anna", "Bram"], "sentence")
            assert source.reads == 2  # the two interviews both coded
            again = agreement(dataset, ["Anna", "Bram"], "sentence")
            assert source.reads == 2  # split by content hash before: no text read again
    assert again.tables[-1].rows == first.tables[-1].rows
