"""Coding stripes: a bracket per coding, in lanes, labelled, left of the transcript text."""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from lobcoder.gui.transcript.layout import Bracket, CodeStyle, Placed, SuggestionMark, share_lines, stack_labels
from lobcoder.gui.transcript.regions import index_range
from lobcoder.gui.transcript.text_edit import TranscriptTextEdit
from lobcoder.services.codings import CodingView

LABEL_WIDTH = 118
LANE_WIDTH = 16
MAX_LANES = 6
MIN_LANE_WIDTH = 4
PAD = 6
HANDLE = 4  # pixels around a bracket end that start a drag instead of a click
EMPTY_WIDTH = 10
MARK_INSET = 4  # suggested spans: a dashed line this far from the text, right of every bracket's ticks


@dataclass
class _Drag:
    placed: Placed
    top_end: bool
    position: int | None = None


class CodingMargin(QWidget):
    """Paints the brackets of the codings in the visible blocks, recomputing geometry per paint.

    Positions are UTF-16 units. Dragging a bracket end asks ``snapper`` (UTF-16
    position, top end?) -> UTF-16 position where the end would land. Suggested
    spans (:meth:`set_suggestion_marks`) are drawn as thin dashed lines right
    beside the text, thinner than any bracket, so they never look like codings.

    Signals:
        bracketClicked(int): coding id of the bracket or label clicked.
        boundsDragged(int, int, int): coding id, new start, new end (UTF-16) after dragging an end.
    """

    bracketClicked = Signal(int)
    boundsDragged = Signal(int, int, int)

    def __init__(self, editor: TranscriptTextEdit) -> None:
        super().__init__(editor)
        self.editor = editor
        self.snapper: Callable[[int, bool], int] = lambda position, _top: position
        self._brackets: list[Bracket] = []
        self._lanes = 0
        self._longest = 0  # no bracket is longer: where to start looking for those on screen
        self._styles: Mapping[int, CodeStyle] = {}
        self._details: Mapping[int, CodingView] = {}
        self._current: int | None = None
        self._drag: _Drag | None = None
        self._pressed: Placed | None = None
        self._marks: list[SuggestionMark] = []
        self.setMouseTracking(True)
        font = QFont(editor.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.82))
        self._label_font = font
        editor.updateRequest.connect(self._editor_updated)

    @Slot(QRect, int)
    def _editor_updated(self, _rect: QRect, _dy: int) -> None:
        self.update()

    # -- data ----------------------------------------------------------------------

    def set_brackets(
        self,
        brackets: Sequence[Bracket],
        styles: Mapping[int, CodeStyle],
        details: Mapping[int, CodingView],
    ) -> None:
        self._brackets = sorted(brackets, key=lambda b: (b.start, -b.end, b.lane))
        self._lanes = 1 + max((b.lane for b in brackets), default=-1)
        self._longest = max((b.end - b.start for b in brackets), default=0)
        self._styles = styles
        self._details = details
        self._drag = None
        self.editor.update_side_width()
        self.update()

    def replace_brackets(self, lo: int, hi: int, brackets: Sequence[Bracket]) -> None:
        """The brackets starting in ``[lo, hi)`` (UTF-16) are now ``brackets``; the others stay."""
        first, last = index_range(self._brackets, lo, hi, key=lambda b: b.start)
        self._brackets[first:last] = sorted(brackets, key=lambda b: (b.start, -b.end, b.lane))
        lanes = 1 + max((b.lane for b in self._brackets), default=-1)
        self._longest = max(self._longest, *(b.end - b.start for b in brackets), 0)
        self._drag = None
        if lanes != self._lanes:
            self._lanes = lanes
            self.editor.update_side_width()
        self.update()

    def set_suggestion_marks(self, marks: Sequence[SuggestionMark]) -> None:
        """Suggested spans (UTF-16) to mark; an empty list removes the marks."""
        self._marks = sorted(marks, key=lambda m: (m.start, -m.end))
        self.update()

    @property
    def suggestion_marks(self) -> list[SuggestionMark]:
        return self._marks

    def set_current(self, coding_id: int | None) -> None:
        self._current = coding_id
        self.update()

    @property
    def brackets(self) -> list[Bracket]:
        return self._brackets

    @property
    def lane_count(self) -> int:
        return self._lanes

    def lane_width(self) -> int:
        if self._lanes <= MAX_LANES:
            return LANE_WIDTH
        return max(MIN_LANE_WIDTH, MAX_LANES * LANE_WIDTH // self._lanes)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        if not self._lanes:
            return QSize(EMPTY_WIDTH, 0)
        return QSize(LABEL_WIDTH + self.lanes_width() + 2 * PAD, 0)

    def lanes_width(self) -> int:
        return min(self._lanes * self.lane_width(), MAX_LANES * LANE_WIDTH)

    # -- geometry ------------------------------------------------------------------

    def lane_x(self, lane: int) -> int:
        """Centre of a lane; lane 0 is nearest the text."""
        width = self.lane_width()
        return self.width() - PAD - lane * width - width // 2

    def label_right(self) -> int:
        return self.width() - PAD - self.lanes_width() - 4

    def geometry_of_visible(self) -> list[Placed]:
        """Brackets overlapping the viewport, in pixels, with labels that never overlap each other."""
        first, last = self.editor.visible_range()
        height = self.height()
        found: list[Placed] = []
        begin = bisect_left(self._brackets, first - self._longest, key=lambda b: b.start)
        for bracket in itertools.islice(self._brackets, begin, None):
            if bracket.start >= last:
                break
            if bracket.end <= first:
                continue
            top_visible, bottom_visible = bracket.start >= first, bracket.end <= last
            top = self.editor.position_rect(bracket.start).top() + 1 if top_visible else -4
            bottom = self.editor.position_rect(bracket.end - 1).bottom() - 1 if bottom_visible else height + 4
            if bottom >= 0 and top <= height:
                found.append(Placed(bracket, top, bottom, top_visible, bottom_visible))
        line = QFontMetrics(self._label_font).height() + 1
        return stack_labels(share_lines(found), line, height)

    def hit_rect(self, item: Placed) -> QRect:
        half = max(3, self.lane_width() // 2)
        return QRect(self.lane_x(item.bracket.lane) - half, item.top, 2 * half, max(1, item.bottom - item.top))

    def label_rect(self, item: Placed) -> QRect | None:
        if item.label_y is None:
            return None
        return QRect(PAD, item.label_y, self.label_right() - PAD, QFontMetrics(self._label_font).height() + 1)

    def bracket_at(self, point: QPoint) -> Placed | None:
        """The bracket or label under ``point``; the innermost (shortest) when brackets overlap."""
        hits = []
        for item in self.geometry_of_visible():
            label = self.label_rect(item)
            if self.hit_rect(item).contains(point) or (label is not None and label.contains(point)):
                hits.append(item)
        return min(hits, key=lambda g: g.bracket.end - g.bracket.start, default=None)

    def bracket_rect(self, coding_id: int) -> QRect | None:
        """Where the bracket of ``coding_id`` is (margin coordinates), if it is visible."""
        found = next((g for g in self.geometry_of_visible() if g.bracket.coding_id == coding_id), None)
        return self.hit_rect(found) if found is not None else None

    def marks_of_visible(self) -> list[tuple[SuggestionMark, int, int]]:
        """Suggestion marks overlapping the viewport, with their top and bottom pixel rows."""
        first, last = self.editor.visible_range()
        height = self.height()
        found = []
        for mark in self._marks:
            if mark.start >= last:
                break
            if mark.end <= first:
                continue
            top = self.editor.position_rect(mark.start).top() + 2 if mark.start >= first else -4
            bottom = self.editor.position_rect(mark.end - 1).bottom() - 2 if mark.end <= last else height + 4
            found.append((mark, top, max(top, bottom)))
        return found

    def mark_x(self) -> int:
        return self.width() - MARK_INSET

    def marks_at(self, point: QPoint) -> list[SuggestionMark]:
        if abs(point.x() - self.mark_x()) > 3:
            return []
        return [mark for mark, top, bottom in self.marks_of_visible() if top - 2 <= point.y() <= bottom + 2]

    def _end_at(self, point: QPoint) -> tuple[Placed, bool] | None:
        half = max(3, self.lane_width() // 2) + 1
        for item in self.geometry_of_visible():
            if abs(point.x() - self.lane_x(item.bracket.lane)) > half:
                continue
            if item.top_visible and abs(point.y() - item.top) <= HANDLE:
                return item, True
            if item.bottom_visible and abs(point.y() - item.bottom) <= HANDLE:
                return item, False
        return None

    # -- painting ------------------------------------------------------------------

    def _color(self, code_id: int) -> QColor:
        style = self._styles.get(code_id)
        color = QColor(style.color) if style else QColor("#888888")
        return color if color.isValid() else QColor("#888888")

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("#f6f6f4"))
        painter.setPen(QColor("#e2e2de"))
        painter.drawLine(self.width() - 1, event.rect().top(), self.width() - 1, event.rect().bottom())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_marks(painter)
        tick = max(2, min(5, self.lane_width() // 3))
        for item in self.geometry_of_visible():
            color = self._color(item.bracket.code_id)
            current = item.bracket.coding_id == self._current
            x = self.lane_x(item.bracket.lane)
            painter.setPen(QPen(color, 3.5 if current else 2.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawLine(x, item.top, x, item.bottom)
            if item.top_visible:
                painter.drawLine(x, item.top, x + tick, item.top)
            if item.bottom_visible:
                painter.drawLine(x, item.bottom, x + tick, item.bottom)
            label = self.label_rect(item)
            if label is not None:
                self._paint_label(painter, item, label, color, current)
        if self._drag is not None and self._drag.position is not None:
            rect = self.editor.position_rect(self._drag.position)
            y = rect.top() if self._drag.top_end else rect.bottom()
            painter.setPen(QPen(self._color(self._drag.placed.bracket.code_id), 1.5, Qt.PenStyle.DashLine))
            painter.drawLine(PAD, y, self.width(), y)
        painter.end()

    def _paint_marks(self, painter: QPainter) -> None:
        x = self.mark_x()
        for mark, top, bottom in self.marks_of_visible():
            color = QColor(mark.color)
            if not color.isValid():
                color = QColor("#888888")
            color.setAlpha(190)
            painter.setPen(QPen(color, 1.6, Qt.PenStyle.DashLine, Qt.PenCapStyle.FlatCap))
            painter.drawLine(x, top, x, bottom)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawEllipse(QPoint(x, top + 1), 2, 2)
            painter.setBrush(Qt.BrushStyle.NoBrush)

    def _paint_label(self, painter: QPainter, item: Placed, rect: QRect, color: QColor, current: bool) -> None:
        font = QFont(self._label_font)
        font.setBold(current)
        metrics = QFontMetrics(font)
        style = self._styles.get(item.bracket.code_id)
        text = metrics.elidedText(style.name if style else "?", Qt.TextElideMode.ElideRight, rect.width() - 10)
        middle = rect.center().y()
        link = QColor(color)
        link.setAlpha(130)
        painter.setPen(QPen(link, 1))
        painter.drawLine(rect.right() + 2, middle, self.lane_x(item.bracket.lane), middle)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawEllipse(QPoint(rect.right() - metrics.horizontalAdvance(text) - 6, middle), 3, 3)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QColor("#000000") if current else color.darker(190))
        painter.setFont(font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)

    # -- mouse ---------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() != Qt.MouseButton.LeftButton:
            return
        point = event.position().toPoint()
        end = self._end_at(point)
        if end is not None:
            self._drag = _Drag(end[0], end[1])
            self._pressed = None
        else:
            self._pressed = self.bracket_at(point)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        point = event.position().toPoint()
        if self._drag is not None:
            self._drag.position = self._drop_position(point, self._drag.top_end)
            self.editor.set_marker(self._drag.position, self._color(self._drag.placed.bracket.code_id))
            self.update()
            return
        if self._end_at(point) is not None:
            self.setCursor(Qt.CursorShape.SizeVerCursor)
        elif self.bracket_at(point) is not None:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self.unsetCursor()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() != Qt.MouseButton.LeftButton:
            return
        drag, self._drag = self._drag, None
        pressed, self._pressed = self._pressed, None
        if drag is not None:
            self.editor.set_marker(None)
            self.update()
            self._finish_drag(drag, event.position().toPoint())
            return
        released = self.bracket_at(event.position().toPoint())
        if pressed is not None and released is not None and pressed.bracket == released.bracket:
            self.bracketClicked.emit(pressed.bracket.coding_id)

    def _finish_drag(self, drag: _Drag, point: QPoint) -> None:
        position = self._drop_position(point, drag.top_end)
        bracket = drag.placed.bracket
        start, end = (position, bracket.end) if drag.top_end else (bracket.start, position)
        if start < end and (start, end) != (bracket.start, bracket.end):
            self.boundsDragged.emit(bracket.coding_id, start, end)

    def _drop_position(self, point: QPoint, top_end: bool) -> int:
        viewport = self.editor.viewport()
        target = viewport.mapFrom(self.editor, self.mapTo(self.editor, point))
        if target.x() < 0:  # still over the margin: the start or end of that line
            target.setX(0 if top_end else viewport.width() - 1)
        target.setY(max(0, min(target.y(), viewport.height() - 1)))
        return self.snapper(self.editor.cursorForPosition(target).position(), top_end)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            found = self.bracket_at(event.pos())
            marks = [m.label for m in self.marks_at(event.pos()) if m.label] if found is None else []
            if found is not None:
                QToolTip.showText(event.globalPos(), self.tooltip_for(found.bracket.coding_id), self)
            elif marks:
                QToolTip.showText(event.globalPos(), "\n".join(marks), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def tooltip_for(self, coding_id: int) -> str:
        coding = self._details.get(coding_id)
        if coding is None:
            return ""
        style = self._styles.get(coding.code_id)
        lines = [style.name if style else self.tr("(unknown code)")]
        if coding.coder:
            lines.append(self.tr("Coder: {0}").format(coding.coder))
        memo = coding.memo.strip().splitlines()[0] if coding.memo.strip() else ""
        if memo:
            lines.append(self.tr("Memo: {0}").format(memo))
        return "\n".join(lines)
