"""Leaving words out of the word frequencies: one undoable project setting."""

from __future__ import annotations

from lobcoder.editing.word_commands import leave_out
from lobcoder.services.left_out_words import left_out_words
from lobcoder.storage.project import ProjectStore


def test_leave_out_adds_a_word_and_its_inverse_takes_it_back(store: ProjectStore) -> None:
    with store.transaction() as session:
        undo_first = leave_out("Gaan").apply(session)
    with store.transaction() as session:
        undo_second = leave_out("mee").apply(session)
    with store.read() as session:
        assert left_out_words(session) == ("gaan", "mee")
    with store.transaction() as session:
        redo = undo_second.apply(session)
    with store.read() as session:
        assert left_out_words(session) == ("gaan",)
    with store.transaction() as session:
        redo.apply(session)
        assert left_out_words(session) == ("gaan", "mee")
        undo_second.apply(session)
        undo_first.apply(session)
    with store.read() as session:
        assert left_out_words(session) == ()
