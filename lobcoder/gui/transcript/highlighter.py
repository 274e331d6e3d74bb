"""Code highlights: precomputed segments painted as background tints, block by block."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat

from lobcoder.gui.transcript.layout import CodeStyle, Segment, changed_ranges
from lobcoder.gui.transcript.regions import splice_segments

TINT_ALPHA = 90
FALLBACK_COLOR = "#888888"
# Above this many blocks to redo, one full pass is cheaper than block by block.
FULL_REHIGHLIGHT_BLOCKS = 400


def tint(color: str, alpha: int = TINT_ALPHA) -> QColor:
    """``color`` laid over white with ``alpha`` (0-255): the light shade behind coded text."""
    base = QColor(color)
    if not base.isValid():
        base = QColor(FALLBACK_COLOR)
    keep = alpha / 255

    def mix(channel: int) -> int:
        return round(channel * keep + 255 * (1 - keep))

    return QColor(mix(base.red()), mix(base.green()), mix(base.blue()))


def blend(colors: Sequence[str]) -> QColor:
    """Tints of several codes multiplied, as layers of highlighter pen would be.

    The more codes overlap the darker it gets, so each layer is made lighter to
    keep text readable under three or four codes.
    """
    alpha = TINT_ALPHA if len(colors) < 2 else max(45, TINT_ALPHA - 20 * (len(colors) - 1))
    red = green = blue = 1.0
    for color in colors:
        shade = tint(color, alpha)
        red *= shade.redF()
        green *= shade.greenF()
        blue *= shade.blueF()
    return QColor.fromRgbF(red, green, blue)


class CodingHighlighter(QSyntaxHighlighter):
    """Paints code tints from segments in UTF-16 units; never reads the database.

    ``highlightBlock`` finds the block's segments by bisection, so a block costs
    the same in a long document as in a short one.
    """

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._segments: list[Segment] = []
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._styles: Mapping[int, CodeStyle] = {}
        self._formats: dict[frozenset[int], QTextCharFormat] = {}
        self.blocks_highlighted = 0  # how many blocks were (re)highlighted: tests pin that changes stay local
        self.quiet = False  # while set, blocks are left plain (the lazy formatter highlights them after)

    @property
    def segments(self) -> list[Segment]:
        return self._segments

    def set_segments(self, segments: list[Segment], styles: Mapping[int, CodeStyle], *, refresh: bool = True) -> None:
        """Use new segments; with ``refresh``, rehighlight only the blocks that changed."""
        old = self._segments
        if styles != self._styles:
            self._formats.clear()
            old = []  # colours may have changed: every coded block is redone
            changed = [(s.start, s.end) for s in self._segments]
        else:
            changed = []
        self._styles = dict(styles)
        self._segments = list(segments)
        self._starts = [s.start for s in segments]
        self._ends = [s.end for s in segments]
        if refresh and self.document() is not None:
            self._rehighlight_ranges(changed + changed_ranges(old, segments))

    def splice(self, lo: int, hi: int, inside: list[Segment]) -> None:
        """``[lo, hi)`` (UTF-16) now shows ``inside``; only blocks whose highlighting differs are redone."""
        first, last, replacement, before = splice_segments(self._segments, lo, hi, inside)
        self._segments[first:last] = replacement
        self._starts[first:last] = [s.start for s in replacement]
        self._ends[first:last] = [s.end for s in replacement]
        if self.document() is not None:
            self._rehighlight_ranges(changed_ranges(before, inside))

    def format_for(self, codes: frozenset[int]) -> QTextCharFormat:
        found = self._formats.get(codes)
        if found is None:
            found = self._formats[codes] = self._make_format(codes)
        return found

    def _make_format(self, codes: frozenset[int]) -> QTextCharFormat:
        colors = [self._styles[c].color if c in self._styles else FALLBACK_COLOR for c in sorted(codes)]
        fmt = QTextCharFormat()
        background = blend(colors)
        fmt.setBackground(background)
        if len(codes) > 1:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(background.darker(260))
        return fmt

    def _rehighlight_ranges(self, ranges: list[tuple[int, int]]) -> None:
        document = self.document()
        blocks: set[int] = set()
        for start, end in ranges:
            first = document.findBlock(start).blockNumber()
            last = document.findBlock(max(start, end - 1)).blockNumber()
            blocks.update(range(first, last + 1))
            if len(blocks) > FULL_REHIGHLIGHT_BLOCKS:
                self.rehighlight()
                return
        for number in sorted(blocks):
            block = document.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        if self.quiet:
            return
        self.blocks_highlighted += 1
        if not self._segments:
            return
        block = self.currentBlock()
        begin = block.position()
        finish = begin + block.length() - 1  # UTF-16 units; ``text`` counts code points
        index = bisect_right(self._ends, begin)
        segments = self._segments
        while index < len(segments) and self._starts[index] < finish:
            segment = segments[index]
            start = max(segment.start, begin)
            end = min(segment.end, finish)
            if end > start:
                self.setFormat(start - begin, end - start, self.format_for(segment.codes))
            index += 1
