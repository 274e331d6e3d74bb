"""The transcript view: text, code highlights, coding stripes and a find bar in one widget."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Collection, Iterable, Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal, Slot
from PySide6.QtGui import QFontMetricsF, QHelpEvent, QKeySequence, QResizeEvent, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import QToolTip, QVBoxLayout, QWidget

from lobcoder.gui.transcript.find_bar import FindBar
from lobcoder.gui.transcript.highlighter import CodingHighlighter
from lobcoder.gui.transcript.layout import (
    Bracket,
    CodeStyle,
    Segment,
    SuggestionMark,
    assign_lanes,
    line_breaks,
    sweep,
    word_end,
    word_start,
)
from lobcoder.gui.transcript.lazy import LazyFormatter
from lobcoder.gui.transcript.margin import CodingMargin
from lobcoder.gui.transcript.regions import index_range, lane_region, overlapping
from lobcoder.gui.transcript.text_edit import LabelFormats, TranscriptTextEdit, empty_document, label_spans
from lobcoder.services.codings import CodingView
from lobcoder.services.documents import DocumentView
from lobcoder.text.offsets import Utf16Index

# The narrowest column of text the transcript keeps, in average characters: on a
# small screen the side panes give way before the text breaks inside its words.
MIN_LINE_CHARACTERS = 28
LANE_GAP_LINES = 1.0  # codings closer than about a line in one paragraph get separate lanes


def _order(coding: CodingView) -> tuple[int, int, int]:
    return coding.start, coding.end, coding.id


def _remove(codings: list[CodingView], coding: CodingView) -> None:
    """Remove ``coding`` from a list sorted by :func:`_order`, found by bisection."""
    index = bisect_left(codings, _order(coding), key=_order)
    if index < len(codings) and codings[index].id == coding.id:
        del codings[index]
    else:  # not where its order puts it: fall back to a search
        codings[:] = [c for c in codings if c.id != coding.id]


class TranscriptView(QWidget):
    """A read-only transcript with its codings; every position it takes or gives is in code points.

    All coding geometry (highlight segments, lanes) is computed when the
    codings change, never while painting; Qt's UTF-16 positions stay inside.

    Signals:
        selectionChanged(int, int): the selected span; (-1, -1) when nothing is selected.
        codingActivated(int): coding id; a bracket was clicked, or coded text clicked or double-clicked.
        codingBoundsDragged(int, int, int): coding id, new start, new end after dragging a bracket end.
    """

    selectionChanged = Signal(int, int)
    codingActivated = Signal(int)
    codingBoundsDragged = Signal(int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document: DocumentView | None = None
        self._index = Utf16Index("")
        self._breaks: list[int] = []
        self._codings: list[CodingView] = []
        self._by_id: dict[int, CodingView] = {}
        self._styles: dict[int, CodeStyle] = {}
        self._visible_codes: set[int] | None = None
        self._shown: list[CodingView] = []  # by start, end, id, like the codings
        self._longest = 0  # no shown coding is longer: bounds the search for those overlapping a point
        self._lane_gap = 0
        self._text_document: QTextDocument | None = None
        self.editor = TranscriptTextEdit()
        font = self.editor.font()
        font.setPointSizeF(max(10.5, font.pointSizeF() * 1.15))
        self.editor.setFont(font)
        self.highlighter = CodingHighlighter(self)
        self.formatter = LazyFormatter(self.editor, self.highlighter)
        self.margin = CodingMargin(self.editor)
        self.editor.set_side_widget(self.margin)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.editor, 1)
        self._replace_document(empty_document(self.editor))
        self.editor.span_describer = self._describe_span
        self.editor.selectionChanged.connect(self._selection_changed)
        self.editor.positionClicked.connect(self._position_clicked)
        self.editor.positionDoubleClicked.connect(self._position_clicked)
        self.editor.viewport().installEventFilter(self)
        self.margin.snapper = self._snap
        self.margin.bracketClicked.connect(self._bracket_clicked)
        self.margin.boundsDragged.connect(self._bounds_dragged)
        self.find_bar.closed.connect(self._find_bar_closed)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.show_find_bar)

    # -- content ---------------------------------------------------------------------

    @property
    def document_id(self) -> int | None:
        return self._document.id if self._document else None

    def text(self) -> str:
        return self._document.text if self._document else ""

    def set_document(
        self, document: DocumentView, codings: Sequence[CodingView], styles: Mapping[int, CodeStyle]
    ) -> None:
        """Show ``document``: its text at once; labels and highlights for the visible part, the rest lazily."""
        self._document = document
        self._index = Utf16Index(document.text)
        self._breaks = line_breaks(document.text)
        self._codings, self._styles = sorted(codings, key=_order), dict(styles)
        self._by_id = {c.id: c for c in self._codings}
        self._lane_gap = self._wanted_lane_gap()
        self.margin.set_current(None)
        self.margin.set_suggestion_marks([])  # they belonged to the previous document
        self.formatter.stop()
        document_ = empty_document(self.editor)
        document_.setDefaultFont(self.editor.font())
        # Attached while empty, quiet while the text goes in: no pass over every block now.
        self.highlighter.quiet = True
        self.highlighter.setDocument(document_)
        document_.setPlainText(document.text)
        self.highlighter.quiet = False
        self.highlighter.set_segments(self._segments(), self._styles, refresh=False)
        self._replace_document(document_)
        self.formatter.start(document_, label_spans(document, self._index), LabelFormats(self.editor))
        self._update_brackets()
        self.find_bar.refresh()

    def set_codings(self, codings: Sequence[CodingView], styles: Mapping[int, CodeStyle]) -> None:
        """New codings for the same document: only blocks whose highlighting changed are redone."""
        self._codings, self._styles = sorted(codings, key=_order), dict(styles)
        self._by_id = {c.id: c for c in self._codings}
        self._refresh_codings()

    def update_codings(self, changed: Collection[int], fresh: Sequence[CodingView]) -> None:
        """Codings ``changed`` (ids) were added, removed or altered; ``fresh`` is how those that remain are now.

        Only the text they cover, before and after, is highlighted again, and
        only the brackets of the paragraphs around it get new lanes: the cost
        is that of the change, not of the document's other codings.
        """
        gone = set(changed) | {c.id for c in fresh}
        old = [self._by_id[i] for i in gone if i in self._by_id]
        if not old and not fresh:
            return
        for coding in old:
            _remove(self._codings, coding)
            if self._shows(coding):
                _remove(self._shown, coding)
            del self._by_id[coding.id]
        for coding in fresh:
            insort(self._codings, coding, key=_order)
            if self._shows(coding):
                insort(self._shown, coding, key=_order)
                self._longest = max(self._longest, coding.end - coding.start)
            self._by_id[coding.id] = coding
        self._refresh_region(min(c.start for c in (*old, *fresh)), max(c.end for c in (*old, *fresh)))

    def _shows(self, coding: CodingView) -> bool:
        visible = self._visible_codes
        return (visible is None or coding.code_id in visible) and 0 <= coding.start < coding.end <= len(self.text())

    def _refresh_region(self, lo: int, hi: int) -> None:
        """Highlights of ``[lo, hi)`` and lanes of the paragraphs around it, from the shown codings."""
        units = self._index.to_utf16
        lo, hi = max(0, lo), min(hi, len(self.text()))
        near = overlapping(self._shown, lo, hi, self._longest)
        inside = sweep((max(c.start, lo), min(c.end, hi), c.code_id) for c in near)
        self.highlighter.splice(units(lo), units(hi), [Segment(units(s.start), units(s.end), s.codes) for s in inside])
        a, b = lane_region(self._shown, lo, hi, self._breaks, len(self.text()), self._longest)
        first, last = index_range(self._shown, a, b, key=lambda c: c.start)
        region = self._shown[first:last]
        lanes = assign_lanes([(c.start, c.end) for c in region], self._lane_gap, self._breaks)
        self.margin.replace_brackets(
            units(a),
            units(b),
            [
                Bracket(c.id, c.code_id, units(c.start), units(c.end), lane)
                for c, lane in zip(region, lanes, strict=True)
            ],
        )

    def codings(self) -> list[CodingView]:
        """The codings shown (whatever the visible codes), by start, end and id."""
        return self._codings

    def set_visible_codes(self, code_ids: set[int] | None) -> None:
        """Highlight only these codes (None: all)."""
        self._visible_codes = set(code_ids) if code_ids is not None else None
        self._refresh_codings()

    def clear(self) -> None:
        self.formatter.stop()
        self._document = None
        self._index = Utf16Index("")
        self._breaks = []
        self._codings, self._by_id, self._shown = [], {}, []
        self.highlighter.setDocument(None)
        self.highlighter.set_segments([], self._styles, refresh=False)
        self._replace_document(empty_document(self.editor))
        self.margin.set_current(None)
        self.margin.set_suggestion_marks([])
        self._update_brackets()
        self.find_bar.refresh()

    def set_suggestion_marks(self, marks: Iterable[SuggestionMark | tuple[int, int, str]]) -> None:
        """Mark suggested spans (code points) in the margin, apart from the codings' brackets."""
        length = len(self.text())
        units = self._index.to_utf16
        found = (SuggestionMark(*mark) for mark in marks)
        self.margin.set_suggestion_marks(
            [m._replace(start=units(m.start), end=units(m.end)) for m in found if 0 <= m.start < m.end <= length]
        )

    def _replace_document(self, document_: QTextDocument) -> None:
        old, self._text_document = self._text_document, document_
        self.editor.setDocument(document_)
        if old is not None:
            old.deleteLater()

    def _refresh_codings(self) -> None:
        self.highlighter.set_segments(self._segments(), self._styles)
        self._update_brackets()

    def _segments(self) -> list[Segment]:
        length = len(self.text())
        visible = self._visible_codes
        self._shown = [
            c for c in self._codings if (visible is None or c.code_id in visible) and 0 <= c.start < c.end <= length
        ]
        self._longest = max((c.end - c.start for c in self._shown), default=0)
        found = sweep((c.start, c.end, c.code_id) for c in self._shown)
        if self._index.is_identity:
            return found
        ends = self._index.to_utf16_all([p for s in found for p in (s.start, s.end)])
        return [Segment(ends[2 * i], ends[2 * i + 1], s.codes) for i, s in enumerate(found)]

    def _update_brackets(self) -> None:
        spans = [(c.start, c.end) for c in self._shown]
        lanes = assign_lanes(spans, self._lane_gap, self._breaks)
        ends = self._index.to_utf16_all([p for span in spans for p in span])
        brackets = [
            Bracket(c.id, c.code_id, ends[2 * i], ends[2 * i + 1], lane)
            for i, (c, lane) in enumerate(zip(self._shown, lanes, strict=True))
        ]
        self.margin.set_brackets(brackets, self._styles, self._by_id)

    def _wanted_lane_gap(self) -> int:
        """About how many characters fit on a line, rounded so small resizes change nothing."""
        per_line = self.editor.viewport().width() / max(1.0, QFontMetricsF(self.editor.font()).averageCharWidth())
        return int(max(20.0, per_line) * LANE_GAP_LINES) // 20 * 20

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """The coding margin beside a readable column of :data:`MIN_LINE_CHARACTERS` characters."""
        editor = self.editor
        text = QFontMetricsF(editor.font()).averageCharWidth() * MIN_LINE_CHARACTERS
        text += 2 * editor.document().documentMargin() + editor.verticalScrollBar().sizeHint().width()
        width = editor.viewportMargins().left() + 2 * editor.frameWidth() + round(text)
        return QSize(width, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        gap = self._wanted_lane_gap()
        if gap != self._lane_gap:
            self._lane_gap = gap
            self._update_brackets()

    # -- positions -----------------------------------------------------------------------

    def _to16(self, position: int) -> int:
        return self._index.to_utf16(max(0, min(position, len(self.text()))))

    def selection(self) -> tuple[int, int] | None:
        cursor = self.editor.textCursor()
        if not cursor.hasSelection():
            return None
        return self._index.from_utf16(cursor.selectionStart()), self._index.from_utf16(cursor.selectionEnd())

    def select_span(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(self._to16(start))
        cursor.setPosition(self._to16(end), QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)

    def scroll_to(self, start: int) -> None:
        """Centre ``start`` in the view without changing the selection."""
        bar = self.editor.verticalScrollBar()
        saved = self.editor.textCursor()
        self.editor.blockSignals(True)
        try:
            probe = QTextCursor(self.editor.document())
            probe.setPosition(self._to16(start))
            self.editor.setTextCursor(probe)
            self.editor.centerCursor()
            value = bar.value()
            self.editor.setTextCursor(saved)
        finally:
            self.editor.blockSignals(False)
        bar.setValue(value)
        self.margin.update()

    def coding_at(self, position: int) -> list[int]:
        """Shown codings covering a code-point position, innermost (shortest) first."""
        found = [c for c in self._shown if c.start <= position < c.end]
        return [c.id for c in sorted(found, key=lambda c: (c.end - c.start, c.start))]

    def _describe_span(self, start: int, end: int) -> dict[str, int] | None:
        if self._document is None:
            return None
        return {
            "document_id": self._document.id,
            "start": self._index.from_utf16(start),
            "end": self._index.from_utf16(end),
        }

    def _snap(self, position: int, top_end: bool) -> int:
        text, point = self.text(), self._index.from_utf16(position)
        return self._to16(word_start(text, point) if top_end else word_end(text, point))

    # -- find --------------------------------------------------------------------------

    @Slot()
    def show_find_bar(self) -> None:
        span = self.selection()
        query = self.text()[span[0] : span[1]] if span and span[1] - span[0] <= 60 else None
        self.find_bar.open(query if query and "\n" not in query else None)

    def hide_find_bar(self) -> None:
        self.find_bar.close_bar()

    @Slot()
    def _find_bar_closed(self) -> None:
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- slots -----------------------------------------------------------------------

    @Slot()
    def _selection_changed(self) -> None:
        span = self.selection()
        self.selectionChanged.emit(*(span or (-1, -1)))

    @Slot(int)
    def _position_clicked(self, position: int) -> None:
        found = self.coding_at(self._index.from_utf16(position))
        if found:
            self.margin.set_current(found[0])
            self.codingActivated.emit(found[0])

    @Slot(int)
    def _bracket_clicked(self, coding_id: int) -> None:
        self.margin.set_current(coding_id)
        self.codingActivated.emit(coding_id)

    @Slot(int, int, int)
    def _bounds_dragged(self, coding_id: int, start: int, end: int) -> None:
        self.codingBoundsDragged.emit(coding_id, self._index.from_utf16(start), self._index.from_utf16(end))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.editor.viewport() and event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self._tooltip_at(self._index.from_utf16(self.editor.cursorForPosition(event.pos()).position()))
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.editor.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().eventFilter(watched, event)

    def _tooltip_at(self, position: int) -> str:
        lines = [
            self._styles[self._by_id[i].code_id].name
            for i in self.coding_at(position)
            if self._by_id[i].code_id in self._styles
        ]
        turn = (
            next((t for t in self._document.turns if t.label_start <= position < t.end), None)
            if self._document
            else None
        )
        if turn is not None and turn.timestamp_ms is not None:
            seconds = turn.timestamp_ms // 1000
            stamp = f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
            lines.append(self.tr("{0} at {1}").format(turn.speaker or self.tr("(no speaker)"), stamp))
        return "\n".join(lines)
