"""Qt-free, local updates of highlight segments and margin lanes when a few codings change.

A full :func:`~lobcoder.gui.transcript.layout.sweep` and
:func:`~lobcoder.gui.transcript.layout.assign_lanes` cost time in proportion
to all the codings of a document. After one coding action only a window of
text changes: these helpers find that window and splice its new pieces into
the lists, with results equal to the full computation (the tests compare
them on random edits).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from lobcoder.gui.transcript.layout import Segment


class Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=Span)
T = TypeVar("T")


def _start(item: Span) -> int:
    return item.start


def _end(item: Span) -> int:
    return item.end


def overlapping(spans: Sequence[S], lo: int, hi: int, longest: int) -> list[S]:
    """Spans (sorted by start, none longer than ``longest``) that overlap ``[lo, hi)``."""
    first = bisect_left(spans, lo - longest, key=_start)
    last = bisect_left(spans, hi, key=_start)
    return [s for s in spans[first:last] if s.end > lo]


def _merged(segments: list[Segment]) -> list[Segment]:
    """Neighbours that touch and carry the same codes joined, as a full sweep leaves them."""
    result: list[Segment] = []
    for segment in segments:
        if result and result[-1].end == segment.start and result[-1].codes == segment.codes:
            result[-1] = Segment(result[-1].start, segment.end, segment.codes)
        else:
            result.append(segment)
    return result


def splice_segments(
    segments: Sequence[Segment], lo: int, hi: int, inside: Sequence[Segment]
) -> tuple[int, int, list[Segment], list[Segment]]:
    """Where and what to replace so that ``[lo, hi)`` shows ``inside`` and the rest stays.

    ``inside`` is the sweep of the codings overlapping ``[lo, hi)``, clipped
    to it. Returns ``(first, last, replacement, before)``: ``segments[first:last]``
    becomes ``replacement``; ``before`` is what ``[lo, hi)`` showed until now.
    """
    first = bisect_right(segments, lo, key=_end)  # the first segment ending after lo
    last = bisect_left(segments, hi, key=_start)  # segments[:last] start before hi
    head: list[Segment] = []
    tail: list[Segment] = []
    before: list[Segment] = []
    for segment in segments[first:last]:
        if segment.start < lo:
            head.append(Segment(segment.start, lo, segment.codes))
        if segment.end > hi:
            tail.append(Segment(hi, segment.end, segment.codes))
        before.append(Segment(max(segment.start, lo), min(segment.end, hi), segment.codes))
    if first > 0:
        first -= 1
        head.insert(0, segments[first])
    if last < len(segments):
        tail.append(segments[last])
        last += 1
    return first, last, _merged([*head, *inside, *tail]), before


def lane_region(
    spans: Sequence[Span], lo: int, hi: int, breaks: Sequence[int], length: int, longest: int
) -> tuple[int, int]:
    """Paragraph starts ``a <= lo`` and ``b >= hi`` that no span straddles.

    Lanes are given greedily in order of start; at such a paragraph start
    every earlier lane is free again, so the spans starting in ``[a, b)`` get
    the lanes :func:`~lobcoder.gui.transcript.layout.assign_lanes` gives them
    alone, and those outside keep theirs.
    """

    def clean(point: int) -> bool:
        return not overlapping(spans, point, point, longest)

    k = bisect_left(breaks, lo) - 1  # breaks[k] < lo
    a = breaks[k] + 1 if k >= 0 else 0
    while a > 0 and not clean(a):
        k -= 1
        a = breaks[k] + 1 if k >= 0 else 0
    k = bisect_left(breaks, hi - 1)  # breaks[k] + 1 >= hi
    b = breaks[k] + 1 if k < len(breaks) else length
    while b < length and not clean(b):
        k += 1
        b = breaks[k] + 1 if k < len(breaks) else length
    return a, b


def index_range(items: Sequence[T], lo: int, hi: int, key: Callable[[T], int]) -> tuple[int, int]:
    """``items[i:j]`` are those (sorted by ``key``) with ``lo <= key(item) < hi``."""
    return bisect_left(items, lo, key=key), bisect_left(items, hi, key=key)
