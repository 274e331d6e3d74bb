"""Labels and code highlights of a long transcript: the visible blocks at once, the rest a slice at a time.

Formatting every speaker label and highlighting every block of a
1.2 M-character transcript takes longer than a frame. The view shows its
text first: :class:`LazyFormatter` formats the blocks on screen before the
first paint, then the others in slices from a zero-interval timer (between
events, so the window stays responsive), and at once whatever scrolls into
view before its slice came. Short documents are formatted in one go.
"""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QObject, QRect, QTimer, Slot
from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument

from lobcoder.gui.transcript.highlighter import CodingHighlighter
from lobcoder.gui.transcript.text_edit import LabelFormats, LabelSpan, TranscriptTextEdit

SLICE_BLOCKS = 250  # blocks per timer slice: a few milliseconds
FIRST_SLICE_MS = 100  # the background starts after the first paint and the other panes have updated
EAGER_BLOCKS = 100  # documents up to this many blocks (a few screens) are formatted at once


class LazyFormatter(QObject):
    """Formats a document's blocks on demand: visible first, then the rest in the background."""

    def __init__(self, editor: TranscriptTextEdit, highlighter: CodingHighlighter) -> None:
        super().__init__(editor)
        self.editor = editor
        self.highlighter = highlighter
        self._document: QTextDocument | None = None
        self._labels: list[LabelSpan] = []
        self._starts: list[int] = []
        self._formats: LabelFormats | None = None
        self._done = bytearray()
        self._next = 0
        self._seen = (-1, -1)  # first visible block and viewport height when last looked
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._next_slice)
        editor.updateRequest.connect(self._updated)

    def start(self, document: QTextDocument, labels: list[LabelSpan], formats: LabelFormats) -> None:
        """Take over ``document`` (shown by the editor, highlighter attached): format what is visible now."""
        self.stop()
        self._document, self._labels, self._formats = document, labels, formats
        self._starts = [label.start for label in labels]
        self._done = bytearray(document.blockCount())
        self._next = 0
        self._seen = (-1, -1)
        if document.blockCount() <= EAGER_BLOCKS:
            self.finish()
            return
        self.format_visible()
        self._timer.start(FIRST_SLICE_MS)  # after the first paint

    def stop(self) -> None:
        self._timer.stop()
        self._document = None
        self._labels, self._starts, self._done = [], [], bytearray()

    @property
    def pending(self) -> bool:
        """Blocks are still waiting for their labels and highlights."""
        return self._document is not None and self._next < len(self._done)

    def finish(self) -> None:
        """Format every block that is still waiting, now (before a screenshot or an export)."""
        if self._document is not None:
            self._format(0, len(self._done) - 1)
            self._next = len(self._done)
        self._timer.stop()

    def format_visible(self) -> None:
        if self._document is None or self.editor.document() is not self._document:
            return
        first, last = self.editor.visible_range()
        document = self._document
        self._format(document.findBlock(first).blockNumber(), document.findBlock(max(first, last - 1)).blockNumber())

    @Slot(QRect, int)
    def _updated(self, _rect: QRect, _dy: int) -> None:
        """The editor repaints (often): look again only when other blocks may have come into view."""
        if not _alive(self) or not self.pending:
            return
        seen = (self.editor.firstVisibleBlock().blockNumber(), self.editor.viewport().height())
        if seen != self._seen:
            self._seen = seen
            self.format_visible()

    @Slot()
    def _next_slice(self) -> None:
        if not _alive(self) or self._document is None:
            return
        done, count = self._done, len(self._done)
        while self._next < count and done[self._next]:
            self._next += 1
        if self._next >= count:
            return
        last = min(count, self._next + SLICE_BLOCKS) - 1
        self._format(self._next, last)
        self._next = last + 1
        if self._next < count:
            self._timer.start(0)

    def _format(self, first: int, last: int) -> None:
        """Labels, then highlights, of the waiting blocks among ``first..last``."""
        document, formats = self._document, self._formats
        if document is None or formats is None or first < 0:
            return
        done = self._done
        if all(done[first : last + 1]):
            return
        begin = document.findBlockByNumber(first)
        finish = document.findBlockByNumber(last)
        end = finish.position() + finish.length()
        labels = self._labels[bisect_left(self._starts, begin.position()) : bisect_left(self._starts, end)]
        block, todo = begin, []
        for number in range(first, last + 1):
            if not done[number]:
                todo.append(block)
                done[number] = 1
            block = block.next()
        waiting = {b.blockNumber() for b in todo}
        labels = [s for s in labels if document.findBlock(s.start).blockNumber() in waiting]
        if labels:
            # Quiet while labels go in: the highlighter would otherwise redo each block they touch.
            self.highlighter.quiet = True
            cursor = QTextCursor(document)
            cursor.beginEditBlock()
            for span in labels:
                formats.apply(cursor, span)
            cursor.endEditBlock()
            self.highlighter.quiet = False
            # Quiet reformatting cleared the highlights of the whole edited range: redo all of it.
            todo = _blocks(document.findBlock(labels[0].start), document.findBlock(labels[-1].end), todo)
        for block in todo:
            self.highlighter.rehighlightBlock(block)


def _alive(formatter: LazyFormatter) -> bool:
    """False for a formatter whose Python half is gone while Qt still delivers its editor's signals.

    When a closed view's wrapper is collected before Qt deletes the editor, a
    late ``updateRequest`` reaches a fresh wrapper without this object's
    attributes; there is nothing left to format then.
    """
    return "_document" in vars(formatter)


def _blocks(first: QTextBlock, last: QTextBlock, todo: list[QTextBlock]) -> list[QTextBlock]:
    """The blocks from ``first`` to ``last`` and those of ``todo``, each once, in order."""
    found: dict[int, QTextBlock] = {}
    block = first
    while block.isValid() and block.blockNumber() <= last.blockNumber():
        found[block.blockNumber()] = block
        block = block.next()
    for block in todo:
        found.setdefault(block.blockNumber(), block)
    return [found[n] for n in sorted(found)]
