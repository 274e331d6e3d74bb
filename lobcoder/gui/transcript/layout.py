"""Qt-free geometry of codings over a text: highlight segments, margin lanes, word ends.

Everything here works on plain integers, so it is tested without a display and
its cost is known: the transcript view recomputes it after every change of the
codings and never while painting.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

# Drag data of a selected span: JSON {"document_id": .., "start": .., "end": ..} in code points.
SPAN_MIME_TYPE = "application/x-lobcoder-span"


@dataclass(frozen=True)
class CodeStyle:
    """How one code is shown: its name and its colour (``#rrggbb``)."""

    id: int
    name: str
    color: str


class Segment(NamedTuple):
    """A maximal piece of text covered by the same set of codes (end exclusive)."""

    start: int
    end: int
    codes: frozenset[int]


class Bracket(NamedTuple):
    """One coding as the margin draws it: its span and the lane (column) it sits in."""

    coding_id: int
    code_id: int
    start: int
    end: int
    lane: int


class SuggestionMark(NamedTuple):
    """A suggested span as the margin marks it: a thin dashed line in the code's colour, not a bracket.

    The view takes code points and hands the margin UTF-16 units.
    """

    start: int
    end: int
    color: str
    label: str = ""  # its tooltip: the code and why


@dataclass(frozen=True)
class Placed:
    """A bracket placed on screen: pixel rows, which ends show, and its label's row (if any)."""

    bracket: Bracket
    top: int
    bottom: int
    top_visible: bool = True
    bottom_visible: bool = True
    label_y: int | None = None


def sweep(spans: Iterable[tuple[int, int, int]]) -> list[Segment]:
    """Cut ``(start, end, code_id)`` spans into sorted, non-overlapping segments.

    Each segment carries the codes that cover all of it; text covered by no
    code has no segment. Two codings of one code that overlap count once, so
    an overlap is only ever between different codes.
    """
    events: list[tuple[int, int, int]] = []
    for start, end, code in spans:
        if start < end:
            events.append((start, 1, code))
            events.append((end, -1, code))
    events.sort()
    result: list[Segment] = []
    active: dict[int, int] = {}
    position = 0
    index = 0
    while index < len(events):
        point = events[index][0]
        if active and point > position:
            codes = frozenset(active)
            last = result[-1] if result else None
            if last is not None and last.end == position and last.codes == codes:
                result[-1] = Segment(last.start, point, codes)
            else:
                result.append(Segment(position, point, codes))
        while index < len(events) and events[index][0] == point:
            _, delta, code = events[index]
            count = active.get(code, 0) + delta
            if count:
                active[code] = count
            else:
                active.pop(code, None)
            index += 1
        position = point
    return result


def changed_ranges(old: Sequence[Segment], new: Sequence[Segment]) -> list[tuple[int, int]]:
    """Ranges whose highlighting differs between two segmentations (unsorted, may overlap)."""
    before, after = set(old), set(new)
    return [(s.start, s.end) for s in before.symmetric_difference(after)]


def assign_lanes(spans: Sequence[tuple[int, int]], gap: int = 0, breaks: Sequence[int] = ()) -> list[int]:
    """Greedy interval colouring: the lowest lane free for each span, in order of start.

    Two spans need different lanes when they overlap, or when the later one
    starts less than ``gap`` positions after the earlier one ends and no
    position in the sorted ``breaks`` (paragraph breaks) lies between them:
    such spans would share a line on screen. Returns a lane per span, in the
    order given.
    """
    order = sorted(range(len(spans)), key=lambda i: (spans[i][0], -spans[i][1]))
    lane_ends: list[int] = []  # end of the last span placed in each lane
    lanes = [0] * len(spans)
    for i in order:
        start, end = spans[i]
        for lane, last_end in enumerate(lane_ends):
            if _compatible(last_end, start, gap, breaks):
                lane_ends[lane] = end
                break
        else:
            lane = len(lane_ends)
            lane_ends.append(end)
        lanes[i] = lane
    return lanes


def _compatible(previous_end: int, start: int, gap: int, breaks: Sequence[int]) -> bool:
    if start < previous_end:
        return False
    if start >= previous_end + gap:
        return True
    k = bisect_left(breaks, previous_end - 1)
    return k < len(breaks) and breaks[k] < start


def line_breaks(text: str) -> list[int]:
    """Positions of ``\\n`` in ``text``: the paragraph breaks for :func:`assign_lanes`."""
    found: list[int] = []
    position = text.find("\n")
    while position != -1:
        found.append(position)
        position = text.find("\n", position + 1)
    return found


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch in "_-'’"


def word_start(text: str, position: int) -> int:
    """Start of the word at ``position``; from white space, the start of the next word."""
    position = max(0, min(position, len(text)))
    if position < len(text) and _is_word(text[position]) or position > 0 and _is_word(text[position - 1]):
        while position > 0 and _is_word(text[position - 1]):
            position -= 1
        return position
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def word_end(text: str, position: int) -> int:
    """End of the word at ``position``; from white space, the end of the previous word."""
    position = max(0, min(position, len(text)))
    if position > 0 and _is_word(text[position - 1]) or position < len(text) and _is_word(text[position]):
        while position < len(text) and _is_word(text[position]):
            position += 1
        return position
    while position > 0 and text[position - 1].isspace():
        position -= 1
    return position


def share_lines(placed: Sequence[Placed]) -> list[Placed]:
    """Brackets of one lane that meet on a screen line split it: the first ends, the next starts, mid-line.

    ``placed`` is in order of start.
    """
    result = list(placed)
    last_in_lane: dict[int, int] = {}
    for index, item in enumerate(result):
        previous = last_in_lane.get(item.bracket.lane)
        if previous is not None and result[previous].bottom >= item.top - 1:
            middle = (result[previous].bottom + item.top) // 2
            result[previous] = replace(result[previous], bottom=middle - 1)
            result[index] = replace(item, top=middle + 2)
        last_in_lane[item.bracket.lane] = index
    return result


def stack_labels(placed: Sequence[Placed], line_height: int, height: int) -> list[Placed]:
    """Give labels rows next to their bracket's start, top-down and never overlapping.

    A bracket whose start is above the view keeps its label at the top; a label
    that would be pushed past the middle of its bracket's last row is left out.
    """
    next_free = 0
    result: list[Placed] = []
    for item in sorted(placed, key=lambda p: (max(p.top, 0), p.bottom)):
        y = max(item.top, 0, next_free)
        if y + line_height // 2 <= item.bottom and y + line_height <= height:
            item = replace(item, label_y=y)
            next_free = y + line_height
        result.append(item)
    return result
