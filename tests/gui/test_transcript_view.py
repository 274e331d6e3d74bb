"""The transcript view: offsets with emoji, highlights, margin brackets, dragging, finding."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QMouseEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication

from lobcoder.gui.transcript import SPAN_MIME_TYPE, CodeStyle, TranscriptView
from lobcoder.gui.transcript.highlighter import blend, tint
from lobcoder.gui.transcript.text_edit import INTERVIEWER_COLOR, RESPONDENT_COLOR
from lobcoder.services.codings import CodingView
from lobcoder.services.documents import DocumentView, TurnView
from lobcoder.text.offsets import to_utf16

QUESTION = "I: Wat betekent LOB voor u? 😀🎓"
ANSWER = "Anna: Eén gesprek per periode, met coördinatie. Daarna samen leren met de mentor."
TEXT = QUESTION + "\n" + ANSWER
STYLES = {
    1: CodeStyle(1, "Coördinatie", "#1f77b4"),
    2: CodeStyle(2, "Samen leren", "#2ca02c"),
    3: CodeStyle(3, "Knelpunten", "#d62728"),
}


def _at(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def _coding(coding_id: int, code_id: int, span: tuple[int, int], document_id: int = 7) -> CodingView:
    return CodingView(coding_id, f"guid-{coding_id}", document_id, code_id, *span, "anna", "", datetime(2024, 5, 1))


def _document(text: str = TEXT, turns: tuple[TurnView, ...] | None = None, document_id: int = 7) -> DocumentView:
    if turns is None:
        answer = len(QUESTION) + 1
        turns = (
            TurnView("I", True, 0, 3, len(QUESTION), 0),
            TurnView("Anna", False, answer, answer + 6, len(text), 61_000),
        )
    return DocumentView(document_id, "g", "Docent01_w1", text, "P001", "x.txt", "txt", "h", turns)


CODINGS = [
    _coding(1, 1, _at("Eén gesprek per periode, met coördinatie.")),
    _coding(2, 2, _at("coördinatie. Daarna samen leren")),
    _coding(3, 3, _at("mentor")),
]


@pytest.fixture
def view(qtbot) -> TranscriptView:
    widget = TranscriptView()
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.set_document(_document(), CODINGS, STYLES)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _background(view: TranscriptView, position: int) -> QColor | None:
    """The highlighter's background at a code-point position (None: not highlighted)."""
    unit = to_utf16(view.text(), position)
    block = view.editor.document().findBlock(unit)
    for found in block.layout().formats():
        if found.start <= unit - block.position() < found.start + found.length:
            if found.format.hasProperty(QTextCharFormat.Property.BackgroundBrush):
                return found.format.background().color()
    return None


def _format(view: TranscriptView, position: int) -> QTextCharFormat:
    unit = to_utf16(view.text(), position)
    block = view.editor.document().findBlock(unit)
    for found in block.layout().formats():
        if found.start <= unit - block.position() < found.start + found.length:
            return QTextCharFormat(found.format)
    return QTextCharFormat()


def test_select_span_round_trips_after_emoji_and_accents(view: TranscriptView, qtbot) -> None:
    start, end = _at("coördinatie")
    with qtbot.waitSignal(view.selectionChanged) as signal:
        view.select_span(start, end)
    assert signal.args == [start, end]
    assert view.selection() == (start, end)
    assert view.editor.textCursor().selectedText() == TEXT[start:end]
    # Two emoji before it: Qt is two UTF-16 units ahead.
    assert view.editor.textCursor().selectionStart() == start + 2
    with qtbot.waitSignal(view.selectionChanged) as signal:
        view.editor.setTextCursor(QTextCursor(view.editor.document()))
    assert signal.args == [-1, -1] and view.selection() is None


def test_a_coding_after_emoji_has_its_code_tint_and_the_rest_none(view: TranscriptView) -> None:
    inside = TEXT.index("gesprek")
    assert _background(view, inside) == tint("#1f77b4")
    assert _background(view, TEXT.index("Daarna") - 1) is not None
    assert _background(view, TEXT.index("betekent")) is None
    assert _background(view, TEXT.index("Anna")) is None
    assert _background(view, TEXT.index("met de")) is None


def test_overlapping_codings_blend_and_are_underlined(view: TranscriptView) -> None:
    overlap = TEXT.index("coördinatie") + 3
    fmt = _format(view, overlap)
    assert fmt.background().color() == blend(["#1f77b4", "#2ca02c"])
    assert fmt.background().color() not in (tint("#1f77b4"), tint("#2ca02c"))
    assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
    single = _format(view, TEXT.index("gesprek"))
    assert single.underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline


def test_speaker_labels_are_bold_in_their_colours(view: TranscriptView) -> None:
    document = view.editor.document()

    def char_format(position: int) -> QTextCharFormat:
        cursor = QTextCursor(document)
        cursor.setPosition(to_utf16(TEXT, position) + 1)  # a cursor has the format of the character before it
        return cursor.charFormat()

    answer = TEXT.index("Anna")
    assert char_format(answer).fontWeight() == QFont.Weight.Bold
    assert char_format(answer).foreground().color() == QColor(RESPONDENT_COLOR)
    assert char_format(0).fontWeight() == QFont.Weight.Bold
    assert char_format(0).foreground().color() == QColor(INTERVIEWER_COLOR)
    assert char_format(TEXT.index("Eén")).fontWeight() != QFont.Weight.Bold


def test_visible_codes_limit_highlights_and_brackets(view: TranscriptView) -> None:
    view.set_visible_codes({2})
    assert _background(view, TEXT.index("gesprek")) is None
    assert _background(view, TEXT.index("samen")) == tint("#2ca02c")
    assert [b.coding_id for b in view.margin.brackets] == [2]
    view.set_visible_codes(None)
    assert _background(view, TEXT.index("gesprek")) == tint("#1f77b4")
    assert len(view.margin.brackets) == 3


def test_set_codings_updates_highlights_and_keeps_selection_and_scroll(qtbot) -> None:
    paragraphs = [f"Anna: Alinea {n} over stage en coördinatie met de mentor 😀." for n in range(400)]
    text = "\n".join(paragraphs)
    widget = TranscriptView()
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    widget.set_document(_document(text, turns=()), [], STYLES)
    widget.show()
    qtbot.waitExposed(widget)
    target = text.index("Alinea 200")
    widget.select_span(target, target + 9)
    widget.scroll_to(target)
    bar = widget.editor.verticalScrollBar()
    value = bar.value()
    assert value > 0
    widget.set_codings([_coding(1, 1, (target, target + 20), document_id=7)], STYLES)
    assert bar.value() == value
    assert widget.selection() == (target, target + 9)
    assert _background(widget, target + 3) == tint("#1f77b4")
    widget.set_codings([], STYLES)
    assert _background(widget, target + 3) is None


def test_scroll_to_centres_the_position(qtbot) -> None:
    text = "\n".join(f"Regel {n}: tekst" for n in range(300))
    widget = TranscriptView()
    qtbot.addWidget(widget)
    widget.resize(600, 400)
    widget.set_document(_document(text, turns=()), [], STYLES)
    widget.show()
    qtbot.waitExposed(widget)
    position = text.index("Regel 150:")
    widget.scroll_to(position)
    rect = widget.editor.position_rect(to_utf16(text, position))
    assert abs(rect.center().y() - widget.editor.viewport().height() / 2) < 30
    assert widget.selection() is None


def test_margin_puts_overlapping_codings_in_separate_lanes(view: TranscriptView) -> None:
    lanes = {b.coding_id: b.lane for b in view.margin.brackets}
    assert lanes[1] != lanes[2]
    # "mentor" does not overlap either, but would share their screen line.
    assert lanes[3] not in (lanes[1], lanes[2])
    assert view.margin.lane_count == 3


def test_codings_in_different_paragraphs_share_lane_zero(qtbot) -> None:
    text = "Eerste alinea over stage.\nTweede alinea over de mentor.\nDerde alinea."
    widget = TranscriptView()
    qtbot.addWidget(widget)
    widget.set_document(_document(text, turns=()), [_coding(1, 1, (0, 12)), _coding(2, 2, (26, 40))], STYLES)
    assert [b.lane for b in widget.margin.brackets] == [0, 0]
    assert widget.margin.lane_count == 1


def test_clicking_a_bracket_activates_its_coding(view: TranscriptView, qtbot) -> None:
    for coding_id in (1, 2, 3):
        rect = view.margin.bracket_rect(coding_id)
        assert rect is not None
        with qtbot.waitSignal(view.codingActivated) as signal:
            qtbot.mouseClick(view.margin, Qt.MouseButton.LeftButton, pos=rect.center())
        assert signal.args == [coding_id]


def test_the_margin_paints_brackets_in_the_code_colour(view: TranscriptView) -> None:
    rect = view.margin.bracket_rect(1)
    assert rect is not None
    image = view.margin.grab().toImage()
    ratio = image.devicePixelRatio()
    pixel = image.pixelColor(int(rect.center().x() * ratio), int(rect.center().y() * ratio))
    assert pixel.blue() > 150 and pixel.red() < 120  # #1f77b4


def test_dragging_a_bracket_end_snaps_to_words(view: TranscriptView, qtbot) -> None:
    rect = view.margin.bracket_rect(1)
    assert rect is not None
    editor = view.editor
    inside = TEXT.index("per periode") + 2  # in the middle of "per"
    target = editor.position_rect(to_utf16(TEXT, inside)).center()
    drop = view.margin.mapFrom(editor, editor.viewport().mapTo(editor, target))
    with qtbot.waitSignal(view.codingBoundsDragged) as signal:
        qtbot.mousePress(view.margin, Qt.MouseButton.LeftButton, pos=QPoint(rect.center().x(), rect.top()))
        qtbot.mouseMove(view.margin, drop)
        qtbot.mouseRelease(view.margin, Qt.MouseButton.LeftButton, pos=drop)
    start, end = _at("Eén gesprek per periode, met coördinatie.")
    assert signal.args == [1, TEXT.index("per periode"), end]


def test_coding_at_and_double_click_activate_the_innermost_coding(view: TranscriptView, qtbot) -> None:
    overlap = TEXT.index("coördinatie") + 2
    assert view.coding_at(overlap) == [2, 1]
    assert view.coding_at(TEXT.index("gesprek")) == [1]
    assert view.coding_at(0) == []
    point = view.editor.position_rect(to_utf16(TEXT, TEXT.index("mentor") + 2)).center()
    with qtbot.waitSignal(view.codingActivated) as signal:
        qtbot.mouseDClick(view.editor.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert signal.args == [3]


def test_a_selection_carries_the_span_as_mime_data(view: TranscriptView) -> None:
    start, end = _at("coördinatie. Daarna")
    view.select_span(start, end)
    data = view.editor.createMimeDataFromSelection()
    assert data.text() == TEXT[start:end]
    assert json.loads(bytes(data.data(SPAN_MIME_TYPE)).decode()) == {"document_id": 7, "start": start, "end": end}


def test_a_selection_can_be_dragged_out_of_the_read_only_text(view: TranscriptView) -> None:
    start, end = _at("samen leren")
    view.select_span(start, end)
    asked: list[tuple[int, int]] = []
    describe = view.editor.span_describer
    assert describe is not None
    view.editor.span_describer = lambda a, b: asked.append((a, b)) or describe(a, b)
    viewport = view.editor.viewport()
    point = view.editor.position_rect(to_utf16(TEXT, start + 3)).center()
    for kind, where, buttons in (
        (QEvent.Type.MouseButtonPress, point, Qt.MouseButton.LeftButton),
        (QEvent.Type.MouseMove, point + QPoint(40, 40), Qt.MouseButton.LeftButton),
        (QEvent.Type.MouseMove, point + QPoint(80, 80), Qt.MouseButton.LeftButton),
    ):
        event = QMouseEvent(
            kind,
            QPointF(where),
            QPointF(viewport.mapToGlobal(where)),
            Qt.MouseButton.LeftButton,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(viewport, event)
    assert asked and asked[0] == (to_utf16(TEXT, start), to_utf16(TEXT, end))


def test_find_bar_finds_without_accents_and_steps_through_matches(view: TranscriptView, qtbot) -> None:
    view.show_find_bar()
    bar = view.find_bar
    assert bar.isVisible()
    qtbot.keyClicks(bar.edit, "COORDINATIE")
    assert view.selection() == _at("coördinatie")
    assert bar.count.text() == "1 of 1"
    bar.edit.setText("me")
    first = view.selection()
    assert first is not None and TEXT[first[0] : first[1]].lower() == "me"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    second = view.selection()
    assert second is not None and second[0] > first[0]
    bar.find_previous()
    assert view.selection() == first
    bar.edit.setText("xyzzy")
    assert bar.count.text() == "No matches"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_ctrl_f_opens_the_find_bar_with_the_selected_word(view: TranscriptView, qtbot) -> None:
    view.activateWindow()
    view.editor.setFocus()
    view.select_span(*_at("mentor"))
    qtbot.keyClick(view.editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.find_bar.isVisible()
    assert view.find_bar.edit.text() == "mentor"


def test_empty_document_no_turns_and_clear(qtbot) -> None:
    widget = TranscriptView()
    qtbot.addWidget(widget)
    widget.set_document(_document("", turns=()), [], STYLES)
    widget.show()
    assert widget.text() == "" and widget.document_id == 7
    widget.select_span(0, 0)
    assert widget.selection() is None
    widget.set_document(_document("Tekst zonder sprekers 😀 en een code.", turns=()), [_coding(1, 1, (24, 26))], STYLES)
    assert widget.editor.toPlainText() == "Tekst zonder sprekers 😀 en een code."
    widget.select_span(24, 26)
    assert widget.editor.textCursor().selectedText() == "en"
    widget.clear()
    assert widget.text() == "" and widget.document_id is None and widget.selection() is None
    assert widget.margin.brackets == [] and widget.coding_at(0) == []
    widget.set_codings([], STYLES)
    widget.scroll_to(5)


def test_switching_documents_keeps_only_the_new_highlights(view: TranscriptView) -> None:
    other = "Bram: Ander document over stage."
    view.set_document(_document(other, turns=(), document_id=8), [_coding(9, 3, (6, 12), 8)], STYLES)
    assert view.document_id == 8 and view.text() == other
    assert _background(view, 7) == tint("#d62728")
    assert _background(view, 20) is None
    assert [b.coding_id for b in view.margin.brackets] == [9]


def test_margin_tooltip_names_code_coder_and_memo(view: TranscriptView) -> None:
    noted = replace(CODINGS[0], memo="Belangrijk punt\nmeer uitleg")
    view.set_codings([noted, *CODINGS[1:]], STYLES)
    tip = view.margin.tooltip_for(1)
    assert tip.splitlines() == ["Coördinatie", "Coder: anna", "Memo: Belangrijk punt"]


def test_many_overlapping_codings_compress_the_lanes(qtbot) -> None:
    text = "Eén lange zin over coördinatie en samen leren in de beroepspraktijk. " * 4
    widget = TranscriptView()
    qtbot.addWidget(widget)
    codings = [_coding(n, n % 3 + 1, (n, len(text) - n)) for n in range(1, 10)]
    widget.set_document(_document(text, turns=()), codings, STYLES)
    assert widget.margin.lane_count == 9
    nine = widget.margin.sizeHint().width()
    widget.set_codings(codings[:6], STYLES)
    assert widget.margin.lane_count == 6
    six = widget.margin.sizeHint().width()
    assert nine <= six  # no wider than six lanes: the lanes get narrower instead
    widget.set_codings(codings[:2], STYLES)
    assert widget.margin.sizeHint().width() < six
