"""Whether the words after a label read as a turn or as prose, by the case of their first letter.

A transcript starts each turn with a capital ("Docent: Ja, dat klopt."); a
line of prose with a colon in it goes on in lower case, as Dutch writes
after a colon ("De manier: die was anders.", "Frans: dat vind ik lastig.").
The evidence is the transcript's own: a label is refused only when the
other speakers' turns start with a capital and none of its own does, so a
transcript typed in lower case throughout keeps its speakers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Hashable, Iterable
from typing import TypeVar

from lobcoder.importing.header_block import SPEECH_OPENERS

F = TypeVar("F", bound=Hashable)

# Blanks before the speech on the label's own line. Never past its end: the speech of a label alone on its
# line was already found below it by the detector, and the next line may be another label, with a capital.
_BLANKS = " \t"
_FIRST_WORD = re.compile(r"[^\W\d_]+")
_SPOKEN_OPENERS = SPEECH_OPENERS | frozenset(
    "ja jawel jazeker nee neen oké ok okay uh uhm ah oh o yes yeah no well".split()
)
_LOOK = 40  # characters after a label looked at for the first letter of its speech
_MIN_OTHERS = 2  # capitalised turns of other speakers needed as evidence of the transcript's style
_OTHERS_CAPITALISED = 2 / 3  # share of the other speakers' lettered turns that must start with a capital


def starts_lower(text: str, start: int) -> bool | None:
    """Whether the speech from ``start`` opens with a lower-case letter.

    None (no evidence either way): a quote, a digit, nothing, or a filler or
    yes/no ("eh", "nou", "ja"), which verbatim transcripts write in lower
    case at the start of a turn and prose after a colon rarely opens with.
    """
    chunk = text[start : start + _LOOK].lstrip(_BLANKS)
    if not chunk or not chunk[0].isalpha():
        return None
    word = _FIRST_WORD.match(chunk)
    if word is not None and word.group().casefold() in _SPOKEN_OPENERS:
        return None
    return chunk[0].islower()


def lower_case_labels(text: str, labels: Iterable[tuple[F, int]], suspects: set[F]) -> set[F]:
    """The ``suspects`` none of whose turns starts with a capital while the others' turns do.

    ``labels`` are the accepted labels' forms and speech starts, in text
    order; ``suspects`` the forms that may be prose (labels on no list of
    known speakers). A suspect needs at least one lettered turn, all in lower
    case; the other forms' lettered turns must number at least two and start
    with a capital at least two times in three. The walk stops as soon as
    every suspect has had a capitalised turn (a long transcript of names).
    """
    pending = set(suspects)
    lower: Counter[F] = Counter()
    upper: Counter[F] = Counter()
    for form, start in labels:
        case = starts_lower(text, start)
        if case is None:
            continue
        (lower if case else upper)[form] += 1
        if not case and form in pending:
            pending.discard(form)
            if not pending:
                return set()
    prose = {form for form in pending if lower[form]}
    others_upper = sum(n for form, n in upper.items() if form not in prose)
    others_lower = sum(n for form, n in lower.items() if form not in prose)
    if not prose or others_upper < _MIN_OTHERS or others_upper < _OTHERS_CAPITALISED * (others_upper + others_lower):
        return set()
    return prose
