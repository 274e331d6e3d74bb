"""Widen a selection to whole words, the sentence or the speaker turn."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

_SENTENCE_END = re.compile(r"[.!?…]+[\"'’”)\]]*(?=\s)|\n")


class Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch in "_-'’"


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop white space at both ends of a span (an all-blank span stays as it is)."""
    s, e = start, end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if s < e else (start, end)


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Extend both ends to word boundaries so no word is cut in half."""
    start, end = trim(text, start, end)
    while start > 0 and _is_word(text[start - 1]) and _is_word(text[start]):
        start -= 1
    while end < len(text) and _is_word(text[end - 1]) and _is_word(text[end]):
        end += 1
    return start, end


def snap_to_sentence(text: str, start: int, end: int, turns: Sequence[Span] = ()) -> tuple[int, int]:
    """Extend to the start of the first and the end of the last sentence touched.

    A sentence at the start of a turn begins after the speaker label.
    """
    begin = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        begin = match.end()
    for turn in turns:
        if begin <= turn.start <= start:
            begin = max(begin, turn.start)
    finish = len(text)
    after = _SENTENCE_END.search(text, max(end - 1, start))
    if after:
        finish = after.end() if after.group() != "\n" else after.start()
    return trim(text, begin, finish)


def snap_to_turn(text: str, turns: Sequence[Span], start: int, end: int) -> tuple[int, int]:
    """Extend to the speech of the turns the span touches (labels left out)."""
    touched = [t for t in turns if t.start < end and start < t.end] or [t for t in turns if t.start <= start <= t.end]
    if not touched:
        return snap_to_words(text, start, end)
    return trim(text, min(t.start for t in touched), max(t.end for t in touched))
