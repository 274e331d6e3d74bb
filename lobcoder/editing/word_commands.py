"""Undoable changes of the project's left-out words (see :mod:`lobcoder.services.left_out_words`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from lobcoder.editing.base import Command
from lobcoder.services.left_out_words import left_out_words, set_left_out_words


@dataclass
class SetLeftOutWords(Command):
    """Make ``words`` the project's left-out words; ``word`` names the change ("leave out ‘gaan’")."""

    words: Sequence[str]
    word: str = ""
    label: str = "leave_out_word"

    @property
    def label_args(self) -> dict[str, Any]:
        return {"word": self.word}

    def apply(self, session: Session) -> Command:
        before = left_out_words(session)
        set_left_out_words(session, self.words)
        return SetLeftOutWords(before, self.word, self.label)


@dataclass
class LeaveOutWord(Command):
    """Add ``word`` to the project's left-out words (the setter lower-cases it)."""

    word: str
    label: str = "leave_out_word"

    @property
    def label_args(self) -> dict[str, Any]:
        return {"word": self.word}

    def apply(self, session: Session) -> Command:
        before = left_out_words(session)
        set_left_out_words(session, [*before, self.word])
        return SetLeftOutWords(before, self.word, self.label)


def leave_out(word: str) -> LeaveOutWord:
    """The command that adds ``word`` to the project's left-out words."""
    return LeaveOutWord(word)


def put_back(words: Sequence[str]) -> SetLeftOutWords:
    """The command that counts all the left-out ``words`` again."""
    return SetLeftOutWords([], ", ".join(words), "put_back_words")
