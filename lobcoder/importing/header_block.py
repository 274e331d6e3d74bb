"""Find a block of document facts above a transcript ("Student: Jan Jansen", "Datum: 12-03-2025").

Such lines look like speaker labels but hold no dialogue, and a role word
among them (``Student``) would otherwise open a one-line turn. A block is
the run of label lines the text starts with (title lines and blank lines
before or between them allowed) whose values read as facts, not speech:

- short (at most :data:`MAX_VALUE_WORDS` words and :data:`MAX_VALUE_CHARS`
  characters), without sentence punctuation at the end or a question mark;
- each key once: a key seen again ends the block (dialogue alternates);
- a line of other text (a heading such as "Transcript") ends it too;
- a greeting or filler (:data:`SPEECH_OPENERS`, not "ja" or "nee") opening the
  value or the key ("Interviewer: Hoi", "Bram: Goedemorgen allemaal") is
  dialogue, however short. Such lines before the block are passed over, so
  the block starts at the real ``Key: value`` lines; after it they end it.

The run is taken as facts only when it has at least two lines and at least
one of its keys is no speaker anyway (``Datum``, a common word; ``School``,
once only), and when the transcript below it is punctuated: most of the
turns that follow do not read as facts themselves. A transcript typed
without punctuation ("I: goedemorgen", "R: hoi") therefore keeps its turns,
and a real one-line answer ("Docent: Ja.") always does.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from lobcoder.importing.speaker_patterns import name_key

MAX_VALUE_WORDS = 6
MAX_VALUE_CHARS = 60
SAMPLE = 20  # turns below the block looked at to tell a punctuated transcript
_SENTENCE_END = ".?!…"
# Greetings and fillers that open a short line of dialogue, never a fact. Not
# yes or no: "Toestemming: ja" and "Opname: nee" are facts (a spoken "Ja." ends
# in a full stop and reads as speech anyway).
SPEECH_OPENERS: frozenset[str] = frozenset(
    (
        "hoi hallo hai hey hee hi goedemorgen goedemiddag goedenavond goeiemorgen goeiemiddag goeienavond "
        "welkom nou hm hmm mm uhm ehm eh tja bedankt dankjewel dankuwel hello welcome morning thanks"
    ).split()
)
_WORD = re.compile(r"[^\W\d_]+")
_NON_BLANK = re.compile(r"\S")


class LabelLine(NamedTuple):
    """A label-like line start: where its line starts, where the value starts, its name, tab-followed."""

    line_start: int
    start: int
    speaker: str
    tabbed: bool


def line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _reads_as_fact(text: str, start: int, end: int) -> bool:
    if end - start > 2 * MAX_VALUE_CHARS:
        return False  # not even sliced: the line may be a whole text without line breaks
    value = text[start:end].strip()
    return (
        bool(value)
        and len(value) <= MAX_VALUE_CHARS
        and len(value.split()) <= MAX_VALUE_WORDS
        and value[-1] not in _SENTENCE_END
        and "?" not in value
    )


def _opens_with_speech(text: str, start: int, end: int) -> bool:
    word = _WORD.search(text, start, min(end, start + 40))
    return word is not None and word.group().casefold() in SPEECH_OPENERS


def _is_speech(text: str, label: LabelLine, end: int) -> bool:
    """Whether a label line is a greeting ("I: Hoi", "Hoi allemaal: welkom"), not a fact."""
    return _opens_with_speech(text, label.line_start, label.start) or _opens_with_speech(text, label.start, end)


def _fact_line(text: str, label: LabelLine, end: int) -> bool:
    """Whether a label line reads as a document fact ("Datum: 12 maart") and is no greeting."""
    return _reads_as_fact(text, label.start, end) and not _is_speech(text, label, end)


def _only_blank_between(text: str, start: int, end: int) -> bool:
    return _NON_BLANK.search(text, start, end) is None


def header_block(text: str, labels: Sequence[LabelLine], is_speaker: Callable[[str, bool], bool]) -> range:
    """Which of the first ``labels`` are document facts (an empty range: none).

    ``labels`` are the text's first label lines in order (a few dozen are
    enough); ``is_speaker(name, tabbed)`` is the verdict the frequency rules
    gave the label without this block in mind. The range starts after any
    greetings above the block.
    """
    keys: set[str] = set()
    first = 0
    for label in labels:
        if not _is_speech(text, label, line_end(text, label.start)):
            break
        keys.add(name_key(label.speaker))  # a greeting's speaker answering again is dialogue, not a fact
        first += 1
    size = _block_size(text, labels[first:], keys, is_speaker)
    return range(first, first + size)


def _block_size(text: str, labels: Sequence[LabelLine], keys: set[str], is_speaker: Callable[[str, bool], bool]) -> int:
    size = 0
    previous_end = -1
    for label in labels:
        end = line_end(text, label.start)
        key = name_key(label.speaker)
        if key in keys or not _fact_line(text, label, end):
            break
        if previous_end >= 0 and not _only_blank_between(text, previous_end, label.line_start):
            break
        keys.add(key)
        size += 1
        previous_end = end
        next_is_text = end < len(text) and not _only_blank_between(text, end + 1, line_end(text, end + 1))
        if next_is_text and not (size < len(labels) and labels[size].line_start == end + 1):
            break  # a heading ("Transcript") or other text below ends the block
    if size < 2 or all(is_speaker(label.speaker, label.tabbed) for label in labels[:size]):
        return 0
    below = [label for label in labels[size : size + SAMPLE] if is_speaker(label.speaker, label.tabbed)]
    facts_below = sum(1 for label in below if _reads_as_fact(text, label.start, line_end(text, label.start)))
    if facts_below * 2 > len(below):
        return 0  # the transcript itself is unpunctuated: short lines are its turns
    return size


def column_heading(text: str, labels: Sequence[LabelLine], is_speaker: Callable[[str, bool], bool]) -> int | None:
    """Which of the first ``labels`` is a table's row of column headings ("Spreker | Tekst"), if any.

    The first label followed by a tab is one when the row reads as a fact
    (short, no sentence punctuation, no greeting), the row right below it
    opens a speaker's turn in the same way, and its name labels none of the
    next :data:`SAMPLE` rows: a role word that names the column, no speaker.
    """
    index = next((i for i, label in enumerate(labels) if label.tabbed), None)
    if index is None or index + 1 >= len(labels):
        return None
    label, below = labels[index], labels[index + 1]
    end = line_end(text, label.start)
    if not (below.tabbed and below.line_start == end + 1 and is_speaker(below.speaker, True)):
        return None
    if not _fact_line(text, label, end):
        return None
    key = name_key(label.speaker)
    if any(name_key(other.speaker) == key for other in labels[index + 1 : index + 1 + SAMPLE]):
        return None
    return index
