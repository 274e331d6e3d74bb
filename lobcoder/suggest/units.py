"""What gets suggested (respondent sentences and turns), when a unit counts as coded, training examples.

Interviewer turns, and the sentences inside them, are never units. In a
document with turns, text outside any turn (a header before the first turn)
is left out; a document without turns is all sentences. A turn that is a
single sentence is one unit, of kind ``sentence``.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Literal, Protocol

from spacy.lang.nl.stop_words import STOP_WORDS

from lobcoder.suggest.cache import ProcessedText

UnitKind = Literal["sentence", "turn"]

POSITIVE_SHARE = 0.5
"""A unit is coded with a code if that code's codings cover at least this share of
its characters, or (sentences only) if at least this share of one coding lies in it."""


class TurnLike(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def is_interviewer(self) -> bool: ...


@dataclass(frozen=True)
class Unit:
    start: int
    end: int
    kind: UnitKind
    tokens: range  # token indices in the document's ProcessedText


class Coded(Enum):
    YES = "yes"
    PARTLY = "partly"  # overlapped, but not enough: neither positive nor negative
    NO = "no"


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _has_words(processed: ProcessedText, tokens: range) -> bool:
    return any(any(ch.isalnum() for ch in processed.lowers[i]) for i in tokens)


def document_units(text: str, processed: ProcessedText, turns: Sequence[TurnLike]) -> list[Unit]:
    """Units in text order, a turn before its sentences."""
    units: list[Unit] = []

    def add(start: int, end: int, kind: UnitKind) -> None:
        start, end = _strip(text, start, end)
        tokens = processed.token_range(start, end)
        if start < end and _has_words(processed, tokens):
            units.append(Unit(start, end, kind, tokens))

    if not turns:
        for start, end in processed.sentences:
            add(start, end, "sentence")
        return units
    sentence_ends = [end for _, end in processed.sentences]
    for turn in sorted(turns, key=lambda t: t.start):
        if turn.is_interviewer or turn.start >= turn.end:
            continue
        before = len(units)
        add(turn.start, turn.end, "turn")
        for s_start, s_end in processed.sentences[bisect.bisect_right(sentence_ends, turn.start) :]:
            if s_start >= turn.end:
                break
            add(max(s_start, turn.start), min(s_end, turn.end), "sentence")
        inside = units[before:]
        if len(inside) == 2 and (inside[0].start, inside[0].end) == (inside[1].start, inside[1].end):
            del units[before]  # a one-sentence turn is one unit
    return units


def coded(unit: Unit, spans: Sequence[tuple[int, int]]) -> Coded:
    """Whether codings at ``spans`` (of one code) code this unit; see :data:`POSITIVE_SHARE`."""
    length = unit.end - unit.start
    pieces = sorted((max(s, unit.start), min(e, unit.end)) for s, e in spans if s < unit.end and e > unit.start)
    if not pieces or length <= 0:
        return Coded.NO
    covered, reach = 0, unit.start
    for s, e in pieces:
        s = max(s, reach)
        if e > s:
            covered += e - s
            reach = e
    if covered >= POSITIVE_SHARE * length:
        return Coded.YES
    if unit.kind == "sentence":
        for s, e in spans:
            inside = min(e, unit.end) - max(s, unit.start)
            if e > s and inside >= POSITIVE_SHARE * (e - s):
                return Coded.YES
    return Coded.PARTLY


def overlaps(unit: Unit, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < unit.end and e > unit.start for s, e in spans)


def label_units(
    units: Sequence[Unit], codings: Mapping[str, Sequence[tuple[int, int]]], labels: Sequence[str]
) -> list[dict[str, float]]:
    """Per unit, 1.0 or 0.0 for each label (a code GUID); a label the unit is only partly coded with is left out."""
    touched = _touched(units, codings, labels)
    result = []
    for index, unit in enumerate(units):
        cats: dict[str, float] = {}
        for label in labels:
            # A code none of whose codings overlaps the unit does not code it (what coded() would say).
            state = coded(unit, codings.get(label, ())) if touched is None or label in touched[index] else Coded.NO
            if state is not Coded.PARTLY:
                cats[label] = 1.0 if state is Coded.YES else 0.0
        result.append(cats)
    return result


def _touched(
    units: Sequence[Unit], codings: Mapping[str, Sequence[tuple[int, int]]], labels: Sequence[str]
) -> list[set[str]] | None:
    """Per unit, the labels with a coding that overlaps it, found by bisection (not every unit against every
    coding); None when the units are not in order without overlaps (then each pair is checked)."""
    starts, ends = [u.start for u in units], [u.end for u in units]
    if any(a > b for a, b in zip(ends, starts[1:], strict=False)) or any(
        s > e for s, e in zip(starts, ends, strict=True)
    ):
        return None
    touched: list[set[str]] = [set() for _ in units]
    for label in labels:
        for s, e in codings.get(label, ()):
            for index in range(bisect.bisect_right(ends, s), bisect.bisect_left(starts, e)):
                touched[index].add(label)
    return touched


def unit_words(processed: ProcessedText, tokens: range) -> tuple[str, ...]:
    """What the classifier reads: the lemmas of a unit's content words.

    Punctuation and Dutch stop words are left out: with a few examples per
    code, function words only add chance correlations (on the first, smaller
    demo project leaving them out raised cross-validated precision from 0.00
    to 0.19).
    """
    return tuple(
        processed.lemmas[i]
        for i in tokens
        if processed.lemmas[i] not in STOP_WORDS and any(ch.isalnum() for ch in processed.lowers[i])
    )
