"""The read-only text of a transcript: its formatted document, selection, dragging a span out."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QMimeData, QObject, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextDocumentLayout, QPlainTextEdit, QWidget

from lobcoder.gui.transcript.layout import SPAN_MIME_TYPE
from lobcoder.services.documents import DocumentView
from lobcoder.text.offsets import Utf16Index

INTERVIEWER_COLOR = "#707070"
RESPONDENT_COLOR = "#1d4f86"
DOCUMENT_MARGIN = 12
# QPlainTextDocumentLayout ignores QTextBlockFormat margins and line heights, so a turn
# is set apart by giving the blank after its label a taller font: the line grows upwards.
TURN_SPACING_FACTOR = 1.6


def empty_document(parent: QObject) -> QTextDocument:
    document = QTextDocument(parent)
    document.setDocumentLayout(QPlainTextDocumentLayout(document))
    document.setDocumentMargin(DOCUMENT_MARGIN)
    document.setUndoRedoEnabled(False)  # read-only: label formatting needs no undo history
    return document


class LabelSpan(NamedTuple):
    """A speaker label to format (UTF-16 units): bold in its speaker's colour, a taller blank after it."""

    start: int
    end: int
    interviewer: bool
    spaced: bool  # the label opens a paragraph: its blank sets the turn apart


def label_spans(view: DocumentView, index: Utf16Index) -> list[LabelSpan]:
    """The labels of the turns, in order, with their positions converted once."""
    text = view.text
    turns = [t for t in view.turns if 0 <= t.label_start < t.start <= len(text)]
    ends = index.to_utf16_all([p for t in turns for p in (t.label_start, t.start)])
    return [
        LabelSpan(
            ends[2 * i],
            ends[2 * i + 1],
            turn.is_interviewer,
            turn.label_start >= 2
            and text[turn.label_start - 1] == "\n" != text[turn.label_start - 2]
            and text[turn.start - 1] in " \t",
        )
        for i, turn in enumerate(turns)
    ]


class LabelFormats:
    """The character formats of labels and of the blank after them, made once per document."""

    def __init__(self, editor: QPlainTextEdit) -> None:
        self.labels = {True: QTextCharFormat(), False: QTextCharFormat()}
        for interviewer, fmt in self.labels.items():
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setForeground(QColor(INTERVIEWER_COLOR if interviewer else RESPONDENT_COLOR))
        self.spacing = QTextCharFormat()
        tall = QFont(editor.font())
        tall.setPointSizeF(editor.font().pointSizeF() * TURN_SPACING_FACTOR)
        self.spacing.setFontPointSize(tall.pointSizeF())
        # ...and as narrow as an ordinary blank.
        self.spacing.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
        self.spacing.setFontLetterSpacing(
            QFontMetricsF(editor.font()).horizontalAdvance(" ") - QFontMetricsF(tall).horizontalAdvance(" ")
        )

    def apply(self, cursor: QTextCursor, span: LabelSpan) -> None:
        cursor.setPosition(span.start)
        cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(self.labels[span.interviewer])
        if span.spaced:
            cursor.setPosition(span.end - 1)
            cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(self.spacing)


class TranscriptTextEdit(QPlainTextEdit):
    """A QPlainTextEdit that shows a transcript and knows nothing about codings.

    Positions it reports are UTF-16 units, as Qt counts; the transcript view
    converts them to code points.

    Signals:
        positionClicked(int): a click without dragging (nothing selected), UTF-16 position.
        positionDoubleClicked(int): a double-click, UTF-16 position.
    """

    positionClicked = Signal(int)
    positionDoubleClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        self._side: QWidget | None = None
        self._press: QPoint | None = None
        self._marker: tuple[int, QColor] | None = None
        self._hint = ""
        # Set by the view: (UTF-16 start, UTF-16 end) -> JSON-able span description, or None.
        self.span_describer: Callable[[int, int], dict[str, int] | None] | None = None

    # -- the margin ------------------------------------------------------------

    def set_side_widget(self, widget: QWidget) -> None:
        """Put ``widget`` left of the text, inside the frame, scrolling with it."""
        self._side = widget
        widget.setParent(self)
        self.update_side_width()
        widget.show()

    def update_side_width(self) -> None:
        width = self._side.sizeHint().width() if self._side is not None else 0
        if width != self.viewportMargins().left():
            self.setViewportMargins(width, 0, 0, 0)
            self.updateGeometry()  # the transcript's minimum width includes the margin
        self._place_side()

    def _place_side(self) -> None:
        if self._side is not None:
            area = self.contentsRect()
            self._side.setGeometry(QRect(area.left(), area.top(), self.viewportMargins().left(), area.height()))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._place_side()

    def visible_range(self) -> tuple[int, int]:
        """UTF-16 positions [first, last) of the blocks shown in the viewport."""
        block = self.firstVisibleBlock()
        if not block.isValid():
            return 0, 0
        first = block.position()
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        height = self.viewport().height()
        last = first
        while block.isValid() and top <= height:
            last = block.position() + block.length()
            top += self.blockBoundingRect(block).height()
            block = block.next()
        return first, last

    def position_rect(self, position: int) -> QRect:
        """The viewport rectangle of the line at a UTF-16 position (a caret's height)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(max(0, min(position, self.document().characterCount() - 1)))
        return self.cursorRect(cursor)

    # -- the drag preview ------------------------------------------------------

    def set_marker(self, position: int | None, color: QColor | None = None) -> None:
        """Show (or with None hide) a caret-like marker at a UTF-16 position: where a dragged bracket would end."""
        self._marker = (position, color or QColor("#333333")) if position is not None else None
        self.viewport().update()

    @property
    def hint(self) -> str:
        return self._hint

    def set_hint(self, text: str) -> None:
        """What the pane says while it shows no text (what to do next); wrapped inside the document margin.

        Qt's placeholder text would do, but it wraps at the viewport's edge and
        so cuts off the end of its longer lines.
        """
        self._hint = text
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if self._hint and self.document().isEmpty():
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            area = self.viewport().rect().adjusted(DOCUMENT_MARGIN, DOCUMENT_MARGIN, -DOCUMENT_MARGIN, -DOCUMENT_MARGIN)
            painter.drawText(
                area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap, self._hint
            )
            painter.end()
        if self._marker is None:
            return
        position, color = self._marker
        rect = self.position_rect(position)
        painter = QPainter(self.viewport())
        painter.setPen(QPen(color, 2))
        painter.drawLine(rect.left(), rect.top(), rect.left(), rect.bottom())
        painter.drawLine(rect.left() - 3, rect.top(), rect.left() + 3, rect.top())
        painter.drawLine(rect.left() - 3, rect.bottom(), rect.left() + 3, rect.bottom())
        painter.end()

    # -- clicks and drags --------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._press = event.position().toPoint() if event.button() == Qt.MouseButton.LeftButton else None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        point = event.position().toPoint()
        if (
            press is not None
            and event.button() == Qt.MouseButton.LeftButton
            and (point - press).manhattanLength() < 4
            and not self.textCursor().hasSelection()
        ):
            self.positionClicked.emit(self.cursorForPosition(point).position())

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        super().mouseDoubleClickEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self.positionDoubleClicked.emit(self.cursorForPosition(event.position().toPoint()).position())

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 - Qt override
        """Plain text plus, for dropping on a code, the span in code points."""
        data = QMimeData()
        cursor = self.textCursor()
        data.setText(cursor.selectedText().replace("\u2029", "\n"))
        if cursor.hasSelection() and self.span_describer is not None:
            span = self.span_describer(cursor.selectionStart(), cursor.selectionEnd())
            if span is not None:
                data.setData(SPAN_MIME_TYPE, json.dumps(span).encode("utf-8"))
        return data
