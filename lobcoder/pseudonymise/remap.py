"""Replace spans of a text and move positions in it to the new text.

Invariant (tested on every coding of the demo): for a span ``(s, e)`` of the
old text, ``new[map_start(s):map_end(e)]`` is the old passage with each
replacement inside it done, where a replacement the span only partly covers is
taken whole (a coding on ``Marie`` of ``Marieke`` covers ``Docent 1``).
Positions outside replacements shift by the length changes before them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Replacement:
    start: int
    end: int
    new: str


class Remapper:
    """Built from non-overlapping replacements in text order."""

    def __init__(self, text: str, replacements: Sequence[Replacement]) -> None:
        parts: list[str] = []
        self.old_starts: list[int] = []
        self.old_ends: list[int] = []
        self.new_starts: list[int] = []
        self.new_ends: list[int] = []
        position = 0
        length = 0
        for r in replacements:
            if r.start < position or r.end <= r.start:
                raise ValueError(f"replacement {r.start}-{r.end} overlaps or is empty")
            parts.append(text[position : r.start])
            length += r.start - position
            self.old_starts.append(r.start)
            self.old_ends.append(r.end)
            self.new_starts.append(length)
            parts.append(r.new)
            length += len(r.new)
            self.new_ends.append(length)
            position = r.end
        parts.append(text[position:])
        self.text = "".join(parts)

    def _shift(self, position: int, before: int) -> int:
        # ``before`` replacements end at or before ``position``.
        if before == 0:
            return position
        return self.new_ends[before - 1] + (position - self.old_ends[before - 1])

    def map_start(self, position: int) -> int:
        """Where a span starting at ``position`` starts in the new text (inside a replacement: its start)."""
        inside = bisect_right(self.old_starts, position) - 1
        if inside >= 0 and self.old_starts[inside] < position < self.old_ends[inside]:
            return self.new_starts[inside]
        return self._shift(position, bisect_right(self.old_ends, position))

    def map_end(self, position: int) -> int:
        """Where a span ending at ``position`` ends in the new text (inside a replacement: its end)."""
        inside = bisect_left(self.old_ends, position)
        if inside < len(self.old_ends) and self.old_starts[inside] < position < self.old_ends[inside]:
            return self.new_ends[inside]
        return self._shift(position, bisect_right(self.old_ends, position))
