"""The coding workbench end to end: code text through every path, undo, redo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import event, select

from lobcoder.editing.code_commands import CreateCode
from lobcoder.editing.speaker_commands import RenameSpeaker
from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.models.code_tree_model import TotalCodingsRole
from lobcoder.gui.quick_code import QuickCodePicker
from lobcoder.gui.settings import Settings
from lobcoder.importing.extracted import Turn
from lobcoder.services.codes import create_code, list_codes
from lobcoder.services.documents import add_document
from lobcoder.storage.models import Code, Coding, Memo
from lobcoder.storage.project import ProjectStore
from tests.gui.coder_settings import coder_settings

TEXT = (
    "Interview docent 1, ronde 1\n"
    "I: Hoe werkt u samen? 😀\n"
    "Marieke: Eén keer per maand leren we samen van elkaar; de coördinatie is goed geregeld.\n"
    "I: En de visie?\n"
    "Marieke: De visie is door het management geschreven, zonder ons."
)


def _turns() -> list[Turn]:
    turns = []
    for label in ("I: Hoe", "Marieke: Eén", "I: En", "Marieke: De"):
        speaker = label.split(":")[0]
        start = TEXT.index(label)
        end = TEXT.find("\n", start)
        turns.append(Turn(speaker, start, start + len(speaker) + 2, end if end >= 0 else len(TEXT)))
    return turns


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "wb.lobcoder"
    with ProjectStore.create(path) as store, store.transaction() as session:
        add_document(session, "Docent01_w1", TEXT, _turns())
        add_document(session, "Docent02_w1", "I: Vraag?\nBram: Antwoord over visie.\nI: Dank.\nBram: Graag.")
        leren = create_code(session, "Collectief leren", color="#e69f00")
        create_code(session, "Samen oefenen", leren.id, color="#56b4e9")
        create_code(session, "Visie", color="#009e73")
    return path


@pytest.fixture
def window(qtbot, tmp_path: Path, project: Path) -> Iterator[MainWindow]:
    win = MainWindow(coder_settings(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    assert win.open_project(project)
    win.open_document(_doc_id(win, "Docent01_w1"))
    yield win
    win.close()


def _doc_id(win: MainWindow, name: str) -> int:
    assert win.overview is not None
    return next(d.id for d in win.overview.documents if d.name == name)


def _code_id(win: MainWindow, name: str) -> int:
    return next(c.id for c in win.codes_by_id.values() if c.name == name)


def _rows(win: MainWindow) -> list[tuple[str, int, int, str | None]]:
    """Stored codings as (code name, start, end, coder)."""
    assert win.store is not None
    with win.store.read() as session:
        rows = session.execute(select(Code.name, Coding.start, Coding.end, Coding.coder_id).join(Code)).all()
    return sorted((name, start, end, coder) for name, start, end, coder in rows)


def _spans(win: MainWindow) -> list[tuple[str, str]]:
    return [(name, TEXT[s:e]) for name, s, e, _ in _rows(win)]


def _select(win: MainWindow, words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    win.transcript.select_span(start, start + len(words))
    return start, start + len(words)


def _click_code(qtbot, win: MainWindow, name: str, double: bool = False) -> None:
    win.select_code(_code_id(win, name))
    index = win.code_tree.currentIndex()
    rect = win.code_tree.visualRect(index)
    if double:
        # A real double-click is a press, release and double-click event.
        qtbot.mouseClick(win.code_tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(win.code_tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_double_click_on_a_code_codes_the_selection_after_an_emoji(qtbot, window: MainWindow) -> None:
    _select(window, "Eén keer per maand")
    _click_code(qtbot, window, "Visie", double=True)
    assert _spans(window) == [("Visie", "Eén keer per maand")]
    assert window.code_model.index_for_code(_code_id(window, "Visie")).siblingAtColumn(1).data() in ("1", 1)


def test_enter_on_a_code_applies_it(qtbot, window: MainWindow) -> None:
    _select(window, "coördinatie")
    _click_code(qtbot, window, "Samen oefenen")
    window.code_tree.setFocus()
    qtbot.keyClick(window.code_tree, Qt.Key.Key_Return)
    assert _spans(window) == [("Samen oefenen", "coördinatie")]


def test_dragging_a_selection_onto_a_code(qtbot, window: MainWindow) -> None:
    _select(window, "leren we samen")
    mime = window.transcript.editor.createMimeDataFromSelection()
    target = window.code_model.index_for_code(_code_id(window, "Collectief leren"))
    assert window.code_model.dropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, target)
    qtbot.waitUntil(lambda: _spans(window) == [("Collectief leren", "leren we samen")], timeout=2000)


def test_quick_code_picker_types_ahead_and_applies(qtbot, window: MainWindow) -> None:
    _select(window, "management")

    def type_into_picker() -> None:
        picker = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QuickCodePicker) and w.isVisible())
        qtbot.keyClicks(picker.filter, "oefen")
        qtbot.keyClick(picker.filter, Qt.Key.Key_Return)

    QTimer.singleShot(50, type_into_picker)
    window.menu_actions.quick_code_action.trigger()
    assert _spans(window) == [("Samen oefenen", "management")]


def test_number_keys_apply_pinned_codes(qtbot, window: MainWindow) -> None:
    _select(window, "visie is door")
    window.transcript.editor.setFocus()
    qtbot.keyClick(window.transcript.editor, Qt.Key.Key_2)  # second codable code: Visie (not the theme above)
    assert _spans(window) == [("Visie", "visie is door")]
    window.select_code(_code_id(window, "Samen oefenen"))
    window.coding.pin_current_code(1)
    _select(window, "zonder ons")
    qtbot.keyClick(window.transcript.editor, Qt.Key.Key_1)
    assert ("Samen oefenen", "zonder ons") in _spans(window)
    window.menu_actions.label_pinned_keys()  # the Codes menu says which code each key applies
    texts = [action.text() for action in window.menu_actions.pin_menu.actions()]
    assert texts[:2] == ["&1  Samen oefenen", "&2  Visie"] and texts[2] == "&3"
    window.menu_actions.right_pane.trigger()  # View: hide the right pane to give the transcript room
    assert window.right.isHidden()
    window.menu_actions.right_pane.trigger()
    assert window.right.isVisible()


def test_code_tree_can_count_sub_codes_in_their_parents(qtbot, window: MainWindow) -> None:
    _select(window, "zonder ons")
    window.coding.apply_code(_code_id(window, "Samen oefenen"))
    model = window.code_model
    theme = model.index_for_code(_code_id(window, "Collectief leren")).siblingAtColumn(model.CODINGS)
    assert theme.data() == "0 (1)"  # not counted in: the theme's own count, then with its sub-codes in brackets
    window.menu_actions.count_subcodes.trigger()
    assert window.settings.count_subcodes
    sub_code = model.index_for_code(_code_id(window, "Samen oefenen")).siblingAtColumn(model.CODINGS).data()
    assert sub_code == 1 and theme.data() == 1 == model.data(theme, TotalCodingsRole)
    window.menu_actions.count_subcodes.trigger()
    assert theme.data() == "0 (1)"


def test_rolled_up_documents_follow_a_coding_of_a_sub_code(qtbot, window: MainWindow) -> None:
    model = window.code_model
    theme_id, sub_id = _code_id(window, "Collectief leren"), _code_id(window, "Samen oefenen")
    window.menu_actions.count_subcodes.trigger()
    theme = model.index_for_code(theme_id).siblingAtColumn(model.DOCUMENTS)
    assert theme.data() == 0
    _select(window, "zonder ons")
    window.coding.apply_code(theme_id)
    _select(window, "visie is door")
    window.coding.apply_code(sub_id)
    assert theme.data() == 1  # the same document through the theme and its sub-code: counted once
    window.open_document(_doc_id(window, "Docent02_w1"))
    text = window.document.text  # type: ignore[union-attr]
    start = text.index("Antwoord")
    window.transcript.select_span(start, start + len("Antwoord"))
    window.coding.apply_code(sub_id)
    assert theme.data() == 2 and model.index_for_code(sub_id).siblingAtColumn(model.DOCUMENTS).data() == 2
    assert window.store is not None
    with window.store.read() as session:  # the incremental path agrees with a full re-read
        fresh = {c.id: c.documents_with_sub_codes for c in list_codes(session)}
    assert fresh[theme_id] == 2 and window.codes_by_id[theme_id].documents_with_sub_codes == 2
    window.menu_actions.count_subcodes.trigger()
    assert theme.data() == "1 (2)"  # own codings only: Docent01_w1; with the sub-code both documents
    window.menu_actions.count_subcodes.trigger()
    window.menu_actions.undo_action.trigger()
    assert theme.data() == 1


def test_undoing_a_speaker_rename_updates_the_open_transcript(qtbot, window: MainWindow) -> None:
    assert window.store is not None and window.undo_stack is not None
    with window.store.transaction() as session:
        text = "I: Vraag?\nSpreker 1: Het antwoord."
        turns = [Turn("I", 0, 3, 9, timestamp_ms=0), Turn("Spreker 1", 10, 21, len(text), timestamp_ms=5000)]
        document = add_document(session, "Teams_w1", text, turns).id
    window.refresh()
    window.open_document(document)
    answer = text.index("antwoord")

    def speakers() -> list[str | None]:
        assert window.document is not None
        return [t.speaker for t in window.document.turns]

    assert window.transcript._tooltip_at(answer) == "Spreker 1 at 00:00:05"
    assert window.undo_stack.execute(RenameSpeaker("Spreker 1", "Lotte"))
    assert speakers() == ["I", "Lotte"] and window.transcript._tooltip_at(answer) == "Lotte at 00:00:05"
    window.menu_actions.undo_action.trigger()
    assert speakers() == ["I", "Spreker 1"] and window.transcript._tooltip_at(answer) == "Spreker 1 at 00:00:05"
    window.menu_actions.redo_action.trigger()
    assert window.transcript._tooltip_at(answer) == "Lotte at 00:00:05"
    assert window.transcript.text() == text


def test_a_code_rename_does_not_read_the_open_transcript_again_a_speaker_rename_does(window: MainWindow) -> None:
    assert window.store is not None and window.undo_stack is not None
    statements: list[str] = []

    def record(_conn, _cursor, statement: str, *_args) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    def transcript_reads() -> int:
        reads = [s for s in statements if s.lstrip().upper().startswith("SELECT") and "speaker_turns" in s]
        statements.clear()
        return len(reads)

    event.listen(window.store.engine, "before_cursor_execute", record)
    try:
        shown = window.document
        visie = window.code_model.index_for_code(_code_id(window, "Visie"))
        assert window.code_model.setData(visie, "Gedeelde visie", Qt.ItemDataRole.EditRole)
        assert "Gedeelde visie" in [c.name for c in window.codes_by_id.values()]
        assert transcript_reads() == 0 and window.document is shown
        window.menu_actions.undo_action.trigger()
        assert "Visie" in [c.name for c in window.codes_by_id.values()] and transcript_reads() == 0
        assert window.undo_stack.execute(RenameSpeaker("Marieke", "Lotte"))
        assert transcript_reads() > 0
        assert window.document is not None and "Lotte" in {t.speaker for t in window.document.turns}
    finally:
        event.remove(window.store.engine, "before_cursor_execute", record)


def test_in_vivo_creates_a_code_named_after_the_words_and_undo_removes_both(window: MainWindow) -> None:
    _select(window, "leren we samen")
    window.menu_actions.in_vivo_action.trigger()
    assert _spans(window) == [("leren we samen", "leren we samen")]
    assert window.menu_actions.undo_action is not None
    assert "leren we samen" in window.menu_actions.undo_action.text()
    window.menu_actions.undo_action.trigger()
    assert _spans(window) == []
    assert "leren we samen" not in [c.name for c in window.codes_by_id.values()]


def _bracket_codes(win: MainWindow) -> set[int]:
    """The codes whose brackets the transcript margin shows: what the user sees coded."""
    by_coding = {c.id: c.code_id for c in win.transcript.codings()}
    return {by_coding[b.coding_id] for b in win.transcript.margin.brackets}


def test_a_new_code_keeps_the_code_tree_selection_and_expansion_in_step_with_the_highlights(
    window: MainWindow,
) -> None:
    visie, leren = _code_id(window, "Visie"), _code_id(window, "Collectief leren")
    window.select_code(visie)  # only the selected code's codings are highlighted (the default)
    _select(window, "visie is door")
    window.coding.apply_current_code()
    theme = window.code_filter.mapFromSource(window.code_model.index_for_code(leren))
    assert window.code_tree.isExpanded(theme)
    assert window.undo_stack is not None
    window.undo_stack.execute(CreateCode("Werkdruk"))  # a code added (Codes -> New code, an import, a merge)
    assert window.current_code_id() == visie  # the tree still shows the code the transcript is filtered to
    assert _bracket_codes(window) == {visie}
    assert window.code_tree.isExpanded(window.code_filter.mapFromSource(window.code_model.index_for_code(leren)))


def test_a_new_code_keeps_the_themes_open_when_no_code_is_selected(window: MainWindow) -> None:
    leren = _code_id(window, "Collectief leren")
    assert window.current_code_id() is None
    assert window.code_tree.isExpanded(window.code_filter.mapFromSource(window.code_model.index_for_code(leren)))
    assert window.undo_stack is not None
    window.undo_stack.execute(CreateCode("Werkdruk"))  # codes added: the code model is reset
    assert window.current_code_id() is None
    assert window.code_tree.isExpanded(window.code_filter.mapFromSource(window.code_model.index_for_code(leren)))


def test_coding_with_a_key_quick_code_or_in_vivo_shows_the_new_coding(qtbot, window: MainWindow) -> None:
    visie = _code_id(window, "Visie")
    window.select_code(visie)  # only the selected code's codings are highlighted (the default)
    _select(window, "visie is door")
    window.coding.apply_current_code()
    _select(window, "zonder ons")
    window.transcript.editor.setFocus()
    qtbot.keyClick(window.transcript.editor, Qt.Key.Key_1)  # the first codable code: Samen oefenen
    samen = _code_id(window, "Samen oefenen")
    assert ("Samen oefenen", "zonder ons") in _spans(window)
    assert window.current_code_id() == samen and _bracket_codes(window) == {samen}
    _select(window, "leren we samen")
    window.menu_actions.in_vivo_action.trigger()
    new = _code_id(window, "leren we samen")
    assert window.current_code_id() == new and _bracket_codes(window) == {new}  # F2 now renames the new code
    window.menu_actions.show_all_codes.trigger()  # with all codes shown, applying a code leaves the selection
    _select(window, "Marieke")
    window.coding.apply_code(visie)
    assert window.current_code_id() == new and _bracket_codes(window) == {visie, samen, new}


def test_snapping_the_selection(window: MainWindow) -> None:
    start = TEXT.index("oördinat")
    window.transcript.select_span(start, start + 4)
    window.coding.snap("words")
    assert TEXT[slice(*window.transcript.selection())] == "coördinatie"
    window.coding.snap("sentence")
    assert TEXT[slice(*window.transcript.selection())].startswith("Eén keer")
    window.coding.snap("turn")
    assert TEXT[slice(*window.transcript.selection())].endswith("goed geregeld.")


def test_undo_then_redo_restores_exactly_the_same_rows(window: MainWindow) -> None:
    _select(window, "Eén keer per maand")
    window.coding.apply_code(_code_id(window, "Visie"))
    _select(window, "per maand leren")
    window.coding.apply_code(_code_id(window, "Samen oefenen"))
    after = _rows(window)
    undo, redo = window.menu_actions.undo_action, window.menu_actions.redo_action
    assert undo is not None and redo is not None
    undo.trigger()
    undo.trigger()
    assert _rows(window) == []
    redo.trigger()
    redo.trigger()
    assert _rows(window) == after
    assert window.transcript.coding_at(TEXT.index("maand")) != []


def test_coding_pane_memo_remove_and_fit(window: MainWindow) -> None:
    _select(window, "Eén keer")
    window.coding.apply_code(_code_id(window, "Visie"))
    coding = window.coding.codings[0]
    window.coding.show_coding_by_id(coding.id)
    pane = window.coding_pane
    assert "Visie" in pane.code_label.text()
    pane.memo.setPlainText("Maandelijks overleg")
    pane.commit_memo()
    assert window.store is not None
    with window.store.read() as session:
        assert session.scalar(select(Memo.text).where(Memo.coding_id.is_not(None))) == "Maandelijks overleg"
    _select(window, "Eén keer per maand")
    pane.fit.click()
    assert _spans(window) == [("Visie", "Eén keer per maand")]
    pane.remove.click()
    assert _rows(window) == []
    window.menu_actions.undo_action.trigger()  # type: ignore[union-attr]
    assert _spans(window) == [("Visie", "Eén keer per maand")]
    with window.store.read() as session:
        assert session.scalar(select(Memo.text).where(Memo.coding_id.is_not(None))) == "Maandelijks overleg"


def test_delete_code_confirmation_counts_codings_and_undo_restores(monkeypatch, window: MainWindow) -> None:
    for words in ("Eén keer", "samen van elkaar"):
        _select(window, words)
        window.coding.apply_code(_code_id(window, "Samen oefenen"))
    asked: list[str] = []

    def answer(_parent, _title, text, *args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr("lobcoder.gui.codebook_actions.QMessageBox.question", answer)
    window.select_code(_code_id(window, "Collectief leren"))
    before = _rows(window)
    window.menu_actions.delete_code_action.trigger()
    assert "2 codings" in asked[0] and "1 sub-code" in asked[0]
    assert _rows(window) == []
    assert sorted(c.name for c in window.codes_by_id.values()) == ["Visie"]
    window.menu_actions.undo_action.trigger()  # type: ignore[union-attr]
    assert _rows(window) == before


def test_merge_codes_through_the_picker(qtbot, window: MainWindow) -> None:
    _select(window, "Eén keer")
    window.coding.apply_code(_code_id(window, "Samen oefenen"))
    window.select_code(_code_id(window, "Samen oefenen"))

    def choose_visie() -> None:
        picker = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QuickCodePicker) and w.isVisible())
        qtbot.keyClicks(picker.filter, "visie")
        qtbot.keyClick(picker.filter, Qt.Key.Key_Return)

    QTimer.singleShot(50, choose_visie)
    window.menu_actions.merge_action.trigger()
    assert _spans(window) == [("Visie", "Eén keer")]
    assert "Samen oefenen" not in [c.name for c in window.codes_by_id.values()]


def test_rename_and_move_through_the_code_model(window: MainWindow) -> None:
    visie = window.code_model.index_for_code(_code_id(window, "Visie"))
    assert window.code_model.setData(visie, "Gedeelde visie", Qt.ItemDataRole.EditRole)
    assert "Gedeelde visie" in [c.name for c in window.codes_by_id.values()]
    code_id = _code_id(window, "Gedeelde visie")
    window.code_model.moveRequested.emit(code_id, _code_id(window, "Collectief leren"), 0)
    moved = window.codes_by_id[code_id]
    assert moved.parent_id == _code_id(window, "Collectief leren") and moved.position == 0


def test_project_search_codes_all_hits_in_one_undo_step(window: MainWindow) -> None:
    window.menu_actions.edit_menu.actions()  # the menu exists
    window.search_dock.show()
    window.search_panel.query.setText("visie")
    result = window.search_panel.run_search()
    assert result is not None and len(result.hits) == 3
    window.select_code(_code_id(window, "Visie"))
    window.search_panel.code_all.click()
    assert len(_rows(window)) == 3
    window.menu_actions.undo_action.trigger()  # type: ignore[union-attr]
    assert _rows(window) == []


def test_clicking_a_segment_opens_its_document_and_selects_the_passage(qtbot, window: MainWindow) -> None:
    window.open_document(_doc_id(window, "Docent02_w1"))
    window.coding.apply_code(_code_id(window, "Visie"), (15, 29))
    window.open_document(_doc_id(window, "Docent01_w1"))
    window.select_code(_code_id(window, "Visie"))
    assert window.segment_model.rowCount() == 1
    index = window.segment_model.index(0, 0)
    rect = window.segment_table.visualRect(index)
    qtbot.mouseClick(window.segment_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.document is not None and window.document.name == "Docent02_w1"
    assert window.transcript.selection() == (15, 29)


def test_layout_and_last_document_survive_a_restart(qtbot, tmp_path: Path, project: Path) -> None:
    settings = str(tmp_path / "layout.ini")
    first = MainWindow(Settings(settings))
    qtbot.addWidget(first)
    first.show()
    first.open_project(project)
    first.open_document(_doc_id(first, "Docent02_w1"))
    first.main_splitter.setSizes([200, 900, 300])
    sizes = first.main_splitter.sizes()
    first.close()
    second = MainWindow(Settings(settings))
    qtbot.addWidget(second)
    second.show()
    # The offscreen screen is smaller than the window, so the middle pane (which
    # takes the slack) may differ; the side panes keep their saved widths.
    restored = second.main_splitter.sizes()
    assert (restored[0], restored[2]) == (sizes[0], sizes[2])
    second.open_project(project)
    assert second.document is not None and second.document.name == "Docent02_w1"
    second.close()


def test_opening_a_file_that_is_not_a_project_shows_a_message(qtbot, tmp_path: Path, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr("lobcoder.gui.main_window.QMessageBox.warning", lambda _p, _t, text: shown.append(text))
    junk = tmp_path / "junk.lobcoder"
    junk.write_bytes(b"not a database" * 20)
    win = MainWindow(Settings(str(tmp_path / "s.ini")))
    qtbot.addWidget(win)
    assert not win.open_project(junk)
    assert win.store is None
    assert shown and "junk.lobcoder" in shown[0] and "not an SQLite database" in shown[0]


def test_margin_click_selects_the_coding_in_the_pane(qtbot, window: MainWindow) -> None:
    _select(window, "coördinatie")
    window.coding.apply_code(_code_id(window, "Visie"))
    coding = window.coding.codings[0]
    window.transcript.codingActivated.emit(coding.id)
    assert window.coding_pane.coding is not None and window.coding_pane.coding.guid == coding.guid
    assert "coördinatie" in window.coding_pane.quote.text()
