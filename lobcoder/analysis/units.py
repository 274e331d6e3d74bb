"""Stretches of text that co-occurrence counts in: sentences, paragraphs, turns.

Every kind of unit is a sorted list of disjoint spans over the stored text
(code points, end exclusive). A coding *touches* a span when they share at
least one character, so a coding over three sentences is in all three.

* **Paragraph**: a line between two newlines that holds more than white
  space, without its leading and trailing blanks. Blank lines are not
  paragraphs, so a transcript with an empty line between turns numbers its
  paragraphs as a reader counts them. Paragraph numbers in quotes are 1-based.
* **Sentence**: a simple rule splitter over each paragraph (a newline always
  ends a sentence). A sentence ends after ``.``, ``!``, ``?`` or ``…`` (and any
  closing quotes or brackets) followed by white space, when the next word
  starts with a capital or digit or is a Dutch elision (``'s``, ``'t``,
  ``'n``), skipping quotes, brackets and emoji before it; or when the word
  after the transcriber's notes there ("belangrijk. [lacht] Ik denk") does:
  the notes begin the next sentence. A full stop does not
  end a sentence after a known Dutch abbreviation (``bijv.``, ``o.a.``,
  ``d.w.z.``, ``ca.``, ``dhr.`` ...), initials written together
  (``J.P. Jansen``), or a list number at the start of a line (``1. Inleiding``).
  A single letter does end a sentence ("Wij kozen plan B. Dat werkte."): in
  transcripts that is more common than a lone initial before a capital.
* **Turn**: a speaker turn from its label to its end (``[label_start, end)``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Literal

import numpy as np

from lobcoder.analysis.dataset import Dataset, IntArray, TurnInfo, by_document
from lobcoder.analysis.sentence_split import sentence_spans

ABBREVIATIONS = frozenset(
    """
    a.s aug bijv bv blz ca d.m.v d.w.z dec dhr dr drs e.a e.d enz etc evt excl feb fig i.p.v i.v.m incl ing ir jan jhr
    jl jr m.a.w m.b.t m.n max min mevr mr mrt mw n.a.v nl nov nr o.a o.b.v okt p pag prof resp sept sr st t.a.v t/m
    vgl vs z.g z.s.m zgn
    """.split()
)
_LONGEST_ABBREVIATION = max(map(len, ABBREVIATIONS))
_INITIALS = re.compile(r"(\w\.)*\w")


@dataclass(frozen=True)
class Spans:
    """Sorted, disjoint spans: ``starts[i] < ends[i] <= starts[i + 1]``."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.starts)

    def touched(self, start: int, end: int) -> range:
        """Indices of the spans sharing at least one character with ``[start, end)``."""
        return range(bisect.bisect_right(self.ends, start), bisect.bisect_left(self.starts, end))

    def touched_arrays(self, starts: IntArray, ends: IntArray) -> tuple[IntArray, IntArray]:
        """:meth:`touched` for many spans at once: first index and one past the last."""
        first = np.searchsorted(np.array(self.ends, dtype=np.int64), starts, side="right")
        last = np.searchsorted(np.array(self.starts, dtype=np.int64), ends, side="left")
        return first, last

    def number_at(self, position: int) -> int:
        """1-based number of the span at ``position``, or of the next one if it falls between spans."""
        return bisect.bisect_right(self.ends, position) + 1


def _spans(pairs: Sequence[tuple[int, int]]) -> Spans:
    return Spans(tuple(p[0] for p in pairs), tuple(p[1] for p in pairs))


def _lines(text: str) -> list[tuple[int, int]]:
    """Non-blank lines, trimmed of white space."""
    found = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            found.append((start, end))
    return found


def paragraphs(text: str) -> Spans:
    """The paragraphs of a text (see the module docstring)."""
    return _spans(_lines(text))


def _is_abbreviation(word: str, at_line_start: bool) -> bool:
    """Whether a full stop after ``word`` closes an abbreviation, initials or a list number."""
    word = word.lstrip("\"'‘“«([").casefold()
    if word in ABBREVIATIONS or ("." in word and _INITIALS.fullmatch(word)):
        return True
    return at_line_start and word.isdigit()


def sentences(text: str) -> Spans:
    """The sentences of a text (see the module docstring)."""
    starts, ends = sentence_spans(text, _lines(text), _is_abbreviation, _LONGEST_ABBREVIATION)
    return Spans(tuple(starts), tuple(ends))


def turn_spans(turns: Sequence[TurnInfo]) -> Spans:
    """The turns of a document from label to end; empty turns are skipped."""
    return _spans([(t.label_start, t.end) for t in turns if t.label_start < t.end])


Unit = Literal["overlap", "turn", "sentence", "paragraph", "document", "participant"]
UNITS: tuple[Unit, ...] = ("overlap", "turn", "sentence", "paragraph", "document", "participant")
_LOCAL_BITS = 32  # a text unit's id: document index << 32 | its index in the document


def expand(first: IntArray, stop: IntArray) -> tuple[IntArray, IntArray]:
    """All ``(i, k)`` with ``first[i] <= k < stop[i]``, as two arrays."""
    counts = np.maximum(stop - first, 0)
    owner = np.repeat(np.arange(len(first)), counts)
    offsets = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
    return owner, first[owner] + offsets


@dataclass(frozen=True, eq=False)
class Membership:
    """Which unit each coding is in: entry ``k`` says coding row ``rows[k]`` touches unit ``units[k]``.

    ``layouts`` holds, per document index, the spans and window size of text units.
    """

    units: IntArray
    rows: IntArray
    layouts: dict[int, tuple[Spans, int]]

    def span(self, unit: int) -> tuple[int, int, int] | None:
        """(document index, start, end) of a text unit; None for documents and participants."""
        document, index = unit >> _LOCAL_BITS, unit & ((1 << _LOCAL_BITS) - 1)
        if document not in self.layouts:
            return None
        return document, *unit_span(*self.layouts[document], index)


def layout(
    unit: Unit, within: int, text: Callable[[], str], turns: Callable[[], Sequence[TurnInfo]]
) -> tuple[Spans, int]:
    """The spans of one document for a text unit, and the window size (paragraphs per unit).

    ``text`` and ``turns`` give the document's text and turns; only the one
    the unit needs is asked for.
    """
    if unit == "turn":
        return turn_spans(turns()), 1
    if unit == "sentence":
        return sentences(text()), 1
    return paragraphs(text()), within + 1


def touching(found: Spans, window: int, starts: IntArray, ends: IntArray) -> tuple[IntArray, IntArray]:
    """Which units of one document the spans ``[starts, ends)`` touch: ``(k, unit index)`` pairs, in ``k`` order.

    A unit is a window of ``window`` consecutive spans, one starting at each
    span (a document shorter than a window is one window).
    """
    first, stop = found.touched_arrays(starts, ends)
    touches = stop > first  # a coding of white space between paragraphs touches none
    windows = max(1, len(found) - window + 1)
    first, stop = np.maximum(first - window + 1, 0), np.minimum(stop, windows)
    owner, local = expand(first[touches], stop[touches])
    return np.flatnonzero(touches)[owner], local


def unit_span(found: Spans, window: int, index: int) -> tuple[int, int]:
    """(start, end) of unit ``index``: its first span's start to its last span's end."""
    return found.starts[index], found.ends[min(index + window, len(found)) - 1]


def memberships(dataset: Dataset, rows: IntArray, unit: Unit, within: int = 0, *, spans: bool = True) -> Membership:
    """The container units the codings ``rows`` touch (every unit but ``overlap``).

    For ``paragraph`` the units are windows of ``within + 1`` consecutive
    paragraphs, one starting at each paragraph (a document shorter than a
    window is one window); two codings share a window exactly when they are at
    most ``within`` paragraphs apart.

    Text units are found one document at a time (a data set that reads its
    texts as asked holds one). ``spans=False`` keeps no ``layouts`` (counting
    needs none; :meth:`Membership.span` then answers None), so memory grows with
    the codings, not the texts.
    """
    codings = dataset.codings
    documents = codings.document[rows]
    if unit == "document":
        return Membership(documents, rows, {})
    if unit == "participant":
        participant_of = np.array([d.participant_id or -1 for d in dataset.documents], dtype=np.int64)
        participants = participant_of[documents] if len(rows) else documents
        linked = participants >= 0
        return Membership(participants[linked], rows[linked], {})
    all_units, all_rows, layouts = [], [], {}
    for document, at in by_document(documents):  # each document's rows in their given order
        here = rows[at]
        document_id = dataset.documents[document].id
        found, window = layout(
            unit, within, partial(dataset.text, document_id), partial(dataset.document_turns, document_id)
        )
        owner, local = touching(found, window, codings.start[here], codings.end[here])
        all_rows.append(here[owner])
        all_units.append(local + (document << _LOCAL_BITS))
        if spans:
            layouts[document] = (found, window)
    if not all_units:
        return Membership(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), {})
    return Membership(np.concatenate(all_units), np.concatenate(all_rows), layouts)


_GROUP = np.int64(1) << 32  # merged_intervals' keys: group << 32 | position in the document


def merged_intervals(group: IntArray, start: IntArray, end: IntArray) -> tuple[IntArray, IntArray, IntArray]:
    """The union of intervals per group, as disjoint sorted intervals (group, start, end).

    Intervals that touch (one ends where the next starts) are merged too.
    """
    if not len(group):
        return group, start, end
    order = np.lexsort((start, group))
    group, start, end = group[order], start[order], end[order]
    shift = group * _GROUP
    reach = np.maximum.accumulate(end + shift)  # furthest end so far within the group (groups are ordered)
    new = np.ones(len(group), dtype=bool)
    new[1:] = (start[1:] + shift[1:]) > reach[:-1]
    heads = np.flatnonzero(new)
    tails = np.append(heads[1:], len(group)) - 1
    return group[heads], start[heads], reach[tails] - shift[heads]
