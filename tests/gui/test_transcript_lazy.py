"""A long transcript shows at once: the visible blocks are formatted first, the rest follows or scrolls in."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor

from lobcoder.gui.transcript import CodeStyle, TranscriptView
from lobcoder.gui.transcript.lazy import EAGER_BLOCKS
from lobcoder.importing.speakers import detect_turns, is_interviewer
from lobcoder.services.codings import CodingView
from lobcoder.services.documents import DocumentView, TurnView

TURNS = 3 * EAGER_BLOCKS
TEXT = "\n".join(f"I: Vraag {n}?\nAnna: Antwoord {n} over samen leren." for n in range(TURNS))
STYLES = {1: CodeStyle(1, "Leren", "#e69f00")}


def _view(qtbot) -> TranscriptView:  # type: ignore[no-untyped-def]
    turns = tuple(
        TurnView(t.speaker, bool(t.speaker and is_interviewer(t.speaker)), t.label_start, t.start, t.end, None)
        for t in detect_turns(TEXT)
    )
    codings = [
        CodingView(n, f"g{n}", 1, 1, start, start + 8, None, "", datetime(2024, 1, 1))
        for n, start in enumerate(TEXT.index(f"Antwoord {k} ") for k in range(0, TURNS, 10))
    ]
    view = TranscriptView()
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    view.set_document(DocumentView(1, "g", "Lang", TEXT, None, "", "txt", "", turns), codings, STYLES)
    return view


def _bold(view: TranscriptView, position: int) -> bool:
    cursor = QTextCursor(view.editor.document())
    cursor.setPosition(position + 1)
    return cursor.charFormat().fontWeight() == QFont.Weight.Bold


def _highlighted(view: TranscriptView, position: int) -> bool:
    block = view.editor.document().findBlock(position)
    return any(
        f.format.hasProperty(QTextCharFormat.Property.BackgroundBrush)
        and f.start <= position - block.position() < f.start + f.length
        for f in block.layout().formats()
    )


def test_visible_blocks_first_then_the_rest_in_slices(qtbot) -> None:
    view = _view(qtbot)
    far = TEXT.index(f"Anna: Antwoord {TURNS - 10} ")
    assert view.formatter.pending
    assert _bold(view, TEXT.index("Anna")) and _highlighted(view, TEXT.index("Antwoord 0 "))
    assert not _bold(view, far) and not _highlighted(view, far + 6)
    qtbot.waitUntil(lambda: not view.formatter.pending, timeout=10_000)
    assert _bold(view, far) and _highlighted(view, far + 6)


def test_text_scrolled_into_view_is_formatted_before_its_slice(qtbot) -> None:
    view = _view(qtbot)
    far = TEXT.index(f"Anna: Antwoord {TURNS - 10} ")
    view.scroll_to(far)
    assert view.formatter.pending
    assert _bold(view, far) and _highlighted(view, far + 6)
