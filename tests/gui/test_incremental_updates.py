"""A coding action updates what it changed: its blocks, its count rows; not the document or the project."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex

from lobcoder.editing.base import Macro
from lobcoder.editing.coding_commands import ChangeCodingCode, apply_code
from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.project_state import read_overview
from lobcoder.gui.transcript.layout import sweep
from lobcoder.importing.speakers import detect_turns
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding, codings_for_document
from lobcoder.services.documents import add_document
from lobcoder.storage.project import ProjectStore
from tests.gui.coder_settings import coder_settings

PARAGRAPHS = 300
TEXT = "\n".join(
    f"I: Vraag {n}?\nMarieke: Antwoord {n} over samen leren en de visie van de school." for n in range(PARAGRAPHS)
)


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    path = tmp_path / "long.lobcoder"
    with ProjectStore.create(path) as store, store.transaction() as session:
        long = add_document(session, "Lang", TEXT, detect_turns(TEXT), participant="Marieke")
        add_document(session, "Kort", "I: Vraag?\nBram: Antwoord.", participant="Bram")
        codes = [
            create_code(session, name, color=color).id for name, color in (("Visie", "#009e73"), ("Leren", "#e69f00"))
        ]
        for n in range(0, PARAGRAPHS, 3):  # codings all through the document
            start = TEXT.index(f"Antwoord {n} ")
            add_coding(session, long.id, codes[n % 2], start, start + 20)
    win = MainWindow(coder_settings(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    assert win.open_project(path)
    win.open_document(next(d.id for d in win.overview.documents if d.name == "Lang"))  # type: ignore[union-attr]
    yield win
    win.close()


class Spy:
    """Rows a model reported as changed, and whether it was reset or re-laid out."""

    def __init__(self, model) -> None:  # type: ignore[no-untyped-def]
        self.rows: list[tuple[int, int, bool]] = []  # (first row, last row, is a child row)
        self.resets = 0
        model.dataChanged.connect(self._changed)
        model.modelReset.connect(self._reset)
        model.layoutChanged.connect(self._reset)

    def _changed(self, top: QModelIndex, bottom: QModelIndex, _roles: object = None) -> None:
        self.rows.append((top.row(), bottom.row(), top.parent().isValid()))

    def _reset(self, *_args: object) -> None:
        self.resets += 1


def _code(win: MainWindow, name: str) -> int:
    return next(c.id for c in win.codes_by_id.values() if c.name == name)


def _assert_view_matches_project(win: MainWindow) -> None:
    assert win.store is not None and win.document is not None
    with win.store.read() as session:
        stored = codings_for_document(session, win.document.id)
    assert win.transcript.codings() == stored
    assert win.coding.codings == stored
    full = sweep((c.start, c.end, c.code_id) for c in stored)  # no emoji: code points are UTF-16 units here
    assert win.transcript.highlighter.segments == full


def test_applying_a_coding_rehighlights_its_block_and_updates_one_row_per_model(window: MainWindow) -> None:
    documents, codes = Spy(window.document_model), Spy(window.code_model)
    highlighter = window.transcript.highlighter
    highlighter.blocks_highlighted = 0
    start = TEXT.index("Antwoord 200 ") + 9  # one paragraph, not coded yet
    assert window.coding.apply_code(_code(window, "Leren"), (start, start + 15))

    assert highlighter.blocks_highlighted == 1  # of the document's 600 blocks
    assert documents.resets == codes.resets == 0
    # The document's row (first under Marieke) and Marieke's row; one code row.
    assert sorted(documents.rows) == [(0, 0, True), (1, 1, False)]  # Bram sorts first
    assert codes.rows == [(1, 1, False)]
    leren = window.codes_by_id[_code(window, "Leren")]
    assert (leren.codings, leren.documents) == (51, 1)
    _assert_view_matches_project(window)


def test_undo_redo_and_remove_stay_local_and_match_the_project(window: MainWindow) -> None:
    assert window.undo_stack is not None
    start = TEXT.index("Antwoord 100 ")  # a paragraph without codings
    visie = _code(window, "Visie")
    assert window.coding.apply_code(visie, (start, start + 30))
    highlighter = window.transcript.highlighter
    documents = Spy(window.document_model)
    for step, count in ((window.undo_stack.undo, 50), (window.undo_stack.redo, 51)):
        highlighter.blocks_highlighted = 0
        codes = Spy(window.code_model)
        step()
        assert highlighter.blocks_highlighted == 1
        assert codes.rows == [(0, 0, False)] and codes.resets == 0  # Visie's count row alone
        assert window.codes_by_id[visie].codings == count
        _assert_view_matches_project(window)
    guid = next(c.guid for c in window.coding.codings if (c.start, c.code_id) == (start, visie))
    highlighter.blocks_highlighted = 0
    codes = Spy(window.code_model)
    window.coding.remove_coding(guid)
    assert highlighter.blocks_highlighted == 1
    assert codes.rows == [(0, 0, False)] and window.codes_by_id[visie].codings == 50
    assert documents.resets == 0 and set(documents.rows) == {(0, 0, True), (1, 1, False)}
    _assert_view_matches_project(window)


def test_a_memo_on_a_coding_reaches_the_view_without_rehighlighting(window: MainWindow) -> None:
    coding = window.coding.codings[5]
    window.coding.show_coding_by_id(coding.id)
    highlighter = window.transcript.highlighter
    highlighter.blocks_highlighted = 0
    window.coding._memo_edited(coding.guid, "Mooi citaat")
    assert highlighter.blocks_highlighted == 0
    assert window.transcript.margin.tooltip_for(coding.id).endswith("Memo: Mooi citaat")
    _assert_view_matches_project(window)


def test_a_codebook_action_still_refreshes_every_count(window: MainWindow) -> None:
    """Deleting a code is more than codings changing: the whole overview is read again."""
    from lobcoder.editing.code_commands import DeleteCode

    assert window.undo_stack is not None
    window.undo_stack.execute(DeleteCode(window.codes_by_id[_code(window, "Visie")].guid))
    assert "Visie" not in {c.name for c in window.codes_by_id.values()}
    assert all(c.code_id == _code(window, "Leren") for c in window.transcript.codings())
    _assert_view_matches_project(window)


def test_recode_and_resize_touch_only_their_code_rows_and_block(window: MainWindow) -> None:
    """Recoding moves one coding between two code rows; resizing inside a paragraph changes no count."""
    assert window.undo_stack is not None
    visie, leren = _code(window, "Visie"), _code(window, "Leren")
    coding = next(c for c in window.coding.codings if c.code_id == visie)
    highlighter = window.transcript.highlighter
    codes, documents = Spy(window.code_model), Spy(window.document_model)
    highlighter.blocks_highlighted = 0
    window.undo_stack.execute(ChangeCodingCode(coding.guid, window.codes_by_id[leren].guid))
    assert highlighter.blocks_highlighted == 1
    assert sorted(codes.rows) == [(0, 0, False), (1, 1, False)] and codes.resets == documents.resets == 0
    assert (window.codes_by_id[visie].codings, window.codes_by_id[leren].codings) == (49, 51)
    assert documents.rows == []  # the same codings in the same places: no document count moved
    _assert_view_matches_project(window)

    codes, documents = Spy(window.code_model), Spy(window.document_model)
    highlighter.blocks_highlighted = 0
    window.coding._bounds_dragged(coding.id, coding.start, coding.end + 5)  # drag its end within the paragraph
    assert highlighter.blocks_highlighted == 1
    assert codes.rows == [] and codes.resets == 0  # no code count changed
    assert documents.resets == 0 and set(documents.rows) <= {(0, 0, True), (1, 1, False)}  # the share, if at all
    _assert_view_matches_project(window)


def test_coding_hits_in_two_documents_updates_their_rows_and_one_code_row(window: MainWindow) -> None:
    """Coding all hits is one transaction over several documents: their rows and the code's, counts as stored."""

    assert window.undo_stack is not None and window.overview is not None and window.store is not None
    leren = window.codes_by_id[_code(window, "Leren")]
    ids = {d.name: d.id for d in window.overview.documents}
    start = TEXT.index("Antwoord 200 ")
    parts = [
        apply_code(ids["Lang"], leren.guid, [(start, start + 8)], "anna"),
        apply_code(ids["Kort"], leren.guid, [(10, 15)], "anna"),
    ]
    codes, documents = Spy(window.code_model), Spy(window.document_model)
    window.undo_stack.execute(Macro(parts, "code_hits", {"count": 2}))
    assert codes.rows == [(1, 1, False)] and codes.resets == documents.resets == 0
    assert set(documents.rows) == {(0, 0, False), (0, 0, True), (1, 1, False)}  # Bram, Kort; Lang under Marieke
    counts = [(c.id, c.codings, c.documents, c.documents_with_sub_codes) for c in window.overview.codes]
    full = read_overview(window.store)
    assert counts == [(c.id, c.codings, c.documents, c.documents_with_sub_codes) for c in full.codes]
    assert window.codes_by_id[leren.id].documents == 2
    _assert_view_matches_project(window)
