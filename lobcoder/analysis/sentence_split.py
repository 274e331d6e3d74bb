"""The sentence splitter of :mod:`lobcoder.analysis.units`, as array work over a whole text.

The rules are those in the docstring of :mod:`lobcoder.analysis.units`. Each
code point of the text gets a few class bits from one table look-up (white
space, letter or digit, closing mark ...); the candidate ends (closing marks
followed by white space, as :data:`END` finds them) and the tests on them
(which line, the word before a full stop, the next word) are numpy searches
over those classes, so only full stops after a short word, a word with a dot
or a line's first word go through the abbreviation test in Python.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

import numpy as np

from lobcoder.text.notes import NOTES_AHEAD, OPENERS

IntArray = np.ndarray

# Closing marks and any closing quotes or brackets, before white space (found by :func:`_candidates`).
END = re.compile(r"([.!?…]+)[\"'’”»)\]]*(?=\s)")
ELISION = re.compile(r"['’](s|t|n)\b")
_OPENING = "\"'‘“«(["
_SPACE, _ALNUM, _UPPER_OR_DIGIT, _MARK, _CLOSING, _OPENER, _SEPARATOR = (1 << i for i in range(7))
_BMP = 0x10000
_NOTE_OPENERS = np.array([ord(c) for c in OPENERS], dtype=np.uint32)


def _classes_of(character: str) -> int:
    return (
        _SPACE * character.isspace()
        | _ALNUM * character.isalnum()
        | _UPPER_OR_DIGIT * (character.isupper() or character.isdigit())
        | _MARK * (character in ".!?…")
        | _CLOSING * (character in "\"'’”»)]")
        | _OPENER * (character in _OPENING)
        | _SEPARATOR * (character in " \t")
    )


@cache
def _table() -> np.ndarray:
    """The classes of every code point of the basic multilingual plane."""
    return np.fromiter((_classes_of(chr(i)) for i in range(_BMP)), dtype=np.uint8, count=_BMP)


def _classes(text: str) -> tuple[np.ndarray, np.ndarray]:
    """The code points of ``text`` and their classes."""
    points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    if len(points) and points.max() >= _BMP:  # rare: emoji and other astral characters
        classes = _table()[np.minimum(points, _BMP - 1)]
        for i in np.flatnonzero(points >= _BMP).tolist():
            classes[i] = _classes_of(text[i])
        return points, classes
    return points, _table()[points]


def _first_at_or_after(positions: IntArray, at: IntArray, missing: int) -> IntArray:
    """For each of ``at``, the first of the sorted ``positions`` at or after it, else ``missing``."""
    return np.append(positions, missing)[np.searchsorted(positions, at, side="left")]


def _skip(classes: np.ndarray, at: IntArray, bits: int, present: bool, steps: int = 4) -> IntArray:
    """For each of ``at``, the first position from there on whose ``bits`` are ``present`` (else the text's end).

    The few characters to skip are stepped over; what is left after ``steps`` is searched for.
    """
    size = len(classes)
    padded = np.append(classes, bits if present else 0)  # the end stops every search
    at = at.copy()
    for _ in range(steps):
        wrong = ((padded[at] & bits) != 0) != present
        if not wrong.any():
            return at
        at[wrong] += 1
    wrong = np.flatnonzero(((padded[at] & bits) != 0) != present)
    positions = np.flatnonzero(((classes & bits) != 0) == present)
    at[wrong] = _first_at_or_after(positions, at[wrong], size)
    return at


def _word_starts(classes: np.ndarray, stop: IntArray, floor: IntArray) -> IntArray:
    """For each of ``stop``, the position after the last space or tab before it, at least ``floor``."""
    separators = np.append(-1, np.flatnonzero(classes & _SEPARATOR))
    before = separators[np.searchsorted(separators, stop, side="left") - 1]
    return np.maximum(before + 1, floor)


def _candidates(classes: np.ndarray) -> tuple[IntArray, IntArray, IntArray]:
    """Start, end and number of marks of every match of :data:`END`, as ``END.finditer`` finds them.

    A match starts at the first of a run of closing marks, takes the whole
    run and the closing quotes and brackets after it, and needs white space
    next; if that fails no later start inside the run can succeed.
    """
    marks = np.flatnonzero(classes & _MARK)
    if not len(marks):
        return marks, marks, marks
    joined = marks[1:] == marks[:-1] + 1
    first, last = np.append(True, ~joined), np.append(~joined, True)
    run_start, run_end = marks[first], marks[last] + 1
    end = _skip(classes, run_end, _CLOSING, present=False)
    followed = (np.append(classes, 0)[end] & _SPACE) != 0
    return run_start[followed], end[followed], (run_end - run_start)[followed]


def _next_word_starts(text: str, classes: np.ndarray, at: IntArray, line_end: IntArray) -> np.ndarray:
    """For each of ``at``: does the next word on its line start a sentence (an elision, or a capital or digit)?"""
    next_word = np.minimum(_skip(classes, at, _ALNUM, present=True), line_end)
    starts = (next_word < line_end) & ((np.append(classes, 0)[next_word] & _UPPER_OR_DIGIT) != 0)
    before = np.append(classes, 0)[np.maximum(next_word - 1, 0)]
    for i in np.flatnonzero((next_word > at) & ((before & _SPACE) == 0)).tolist():  # quotes, brackets or emoji
        starts[i] |= any(ELISION.match(text, p) for p in range(int(at[i]), int(next_word[i])))
    return starts


def sentence_spans(
    text: str, lines: Sequence[tuple[int, int]], is_abbreviation: Callable[[str, bool], bool], longest: int
) -> tuple[list[int], list[int]]:
    """Starts and ends of the sentences of ``text`` whose trimmed non-blank lines are ``lines``.

    ``is_abbreviation(word, at_line_start)`` tells whether a full stop after
    ``word`` does not end a sentence; it is only asked for words with a dot, a
    line's first word, or words of at most ``longest`` characters after their
    opening quotes and brackets (longer words are never abbreviations).
    """
    if not lines:
        return [], []
    size = len(text)
    line_starts = np.fromiter((line[0] for line in lines), dtype=np.int64, count=len(lines))
    line_ends = np.fromiter((line[1] for line in lines), dtype=np.int64, count=len(lines))
    points, classes = _classes(text)
    start, end, marks = _candidates(classes)
    line = np.searchsorted(line_starts, start, side="right") - 1
    inside = (line >= 0) & (end < line_ends[np.maximum(line, 0)])  # a line's last mark ends nothing
    start, end, marks, line = start[inside], end[inside], marks[inside], line[inside]
    line_start, line_end = line_starts[line], line_ends[line]
    first_mark = points[start]
    full_stop = (marks == 1) & (first_mark == ord("."))
    keep = (first_mark == ord("!")) | (first_mark == ord("?"))
    # A full stop after an abbreviation, initials or a list number ends nothing.
    word_start = _word_starts(classes, start, line_start)
    bare_start = np.minimum(_skip(classes, word_start, _OPENER, present=False), start)
    ask = full_stop & ((start - bare_start <= longest) | (word_start == line_start))
    longer = np.flatnonzero(full_stop & ~ask)
    if len(longer):  # a word with a dot in it
        dots = np.flatnonzero(points == ord("."))
        ask[longer] = _first_at_or_after(dots, word_start[longer], size) < start[longer]
    asked = np.flatnonzero(ask)
    abbreviation = np.zeros(len(start), dtype=bool)
    abbreviation[asked] = [
        is_abbreviation(text[a:b], a == first)
        for a, b, first in zip(
            word_start[asked].tolist(), start[asked].tolist(), line_start[asked].tolist(), strict=True
        )
    ]
    # Otherwise the next word must start a sentence, or the word after the transcriber's notes there.
    starts_next = _next_word_starts(text, classes, end, line_end)
    first = _skip(classes, end, _SPACE, present=False)
    noted = np.flatnonzero(~abbreviation & ~starts_next & np.isin(np.append(points, 0)[first], _NOTE_OPENERS))
    if len(noted):
        after = end[noted]
        for k, i in enumerate(noted.tolist()):
            notes = NOTES_AHEAD.match(text, int(end[i]), int(line_end[i]))
            after[k] = notes.end() if notes else end[i]
        starts_next[noted] = _next_word_starts(text, classes, after, line_end[noted])
    keep |= ~abbreviation & starts_next
    # Sentences run from each line start or kept end to the next one, within a line, without leading blanks.
    begins = np.sort(np.concatenate((line_starts, end[keep])))
    owner = np.searchsorted(line_starts, begins, side="right") - 1
    stops = np.minimum(np.append(begins[1:], size), line_ends[owner])
    begins = _skip(classes, begins, _SPACE, present=False)
    real = begins < stops
    return begins[real].tolist(), stops[real].tolist()
