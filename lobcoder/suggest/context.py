"""What the model reads about a unit: its own lemmas, the interviewer's question before it, its neighbours.

An interviewer's question predicts the theme of the answer that follows
("Hoe wordt er bij jullie over LOB gecommuniceerd?"), so each respondent
unit carries the content lemmas of the last interviewer turn before it. The
sentences just before and after it (in the same turn, or in the document
when it has no turns) are its neighbours: a theme usually runs over several
sentences. The speaker's role is the respondent's speaker label (a teacher
and a team leader talk about different things).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from lobcoder.suggest.cache import ProcessedText
from lobcoder.suggest.units import TurnLike, Unit, unit_words


@dataclass(frozen=True)
class UnitText:
    words: tuple[str, ...]  # content lemmas of the unit
    question: tuple[str, ...] = ()  # content lemmas of the interviewer's preceding turn
    neighbours: tuple[str, ...] = ()  # content lemmas of the sentences before and after
    speaker: str = ""  # the respondent's speaker label, lower case
    text: str = ""  # the unit's text, for showing it as a reason


def _speaker(turn: object) -> str:
    return str(getattr(turn, "speaker", "") or "").strip().lower()


def unit_texts(text: str, processed: ProcessedText, turns: Sequence[TurnLike], units: Sequence[Unit]) -> list[UnitText]:
    """One :class:`UnitText` per unit, in the same order."""
    ordered = sorted(turns, key=lambda t: t.start)
    starts = [t.start for t in ordered]
    questions: list[tuple[str, ...]] = []
    last: tuple[str, ...] = ()
    for turn in ordered:
        if turn.is_interviewer:
            last = unit_words(processed, processed.token_range(turn.start, turn.end))
        questions.append(last)
    sentence_units = [u for u in units if u.kind == "sentence"]
    position = {(u.start, u.end): i for i, u in enumerate(sentence_units)}
    result: list[UnitText] = []
    for unit in units:
        index = bisect.bisect_right(starts, unit.start) - 1
        within = ordered[index] if index >= 0 and ordered[index].end >= unit.end else None
        question = questions[index] if within is not None else ()
        neighbours: list[str] = []
        here = position.get((unit.start, unit.end))
        if here is not None:
            for other in (here - 1, here + 1):
                if 0 <= other < len(sentence_units):
                    near = sentence_units[other]
                    if within is None or (within.start <= near.start and near.end <= within.end):
                        neighbours.extend(unit_words(processed, near.tokens))
        result.append(
            UnitText(
                unit_words(processed, unit.tokens),
                question,
                tuple(neighbours),
                _speaker(within) if within is not None else "",
                text[unit.start : unit.end],
            )
        )
    return result
