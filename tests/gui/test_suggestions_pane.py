"""The suggestions pane: listed for the open document, accepted, rejected, undone, computed off the UI thread."""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt, QThreadPool
from PySide6.QtGui import QImage
from sqlalchemy import func, select

from lobcoder.gui import workers
from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.screenshot import main as screenshot
from lobcoder.gui.settings import Settings
from lobcoder.gui.suggestions import controller as controller_module
from lobcoder.gui.suggestions.controller import SuggestionsController
from lobcoder.gui.suggestions.model import CODE, PASSAGE, REASON, RELIABILITY, SCORE
from lobcoder.importing.speakers import detect_turns
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding, codings_for_document
from lobcoder.services.documents import add_document
from lobcoder.storage.models import SuggestionModel, SuggestionRejection
from lobcoder.storage.project import ProjectStore
from lobcoder.suggest import cache, training
from lobcoder.suggest.ranking import Suggestion
from lobcoder.text.offsets import to_utf16
from tests.gui.coder_settings import coder_settings

# Codes with keywords and no codings: suggestions from the codebook alone (two matched keywords beat one).
TEXT = (
    "I: Hoe leren jullie van elkaar?\n"
    "Anna: Goed 😀. Wij oefenen vaak in de intervisie. De kantine is verbouwd.\n"
    "I: En verder?\n"
    "Anna: In de intervisie geven we elkaar feedback. De visie is door de directie geschreven.\n"
)
OTHER = (
    "I: Wat vindt u van het beleid?\nBram: De visie van de directie ken ik niet.\n"
    "I: Waarom niet?\nBram: Niemand vertelt het ons.\n"
)
ONE_KEYWORD = "Wij oefenen vaak in de intervisie."
TWO_KEYWORDS = "In de intervisie geven we elkaar feedback."
VISION = "De visie is door de directie geschreven."
# How long a wait may take before the test calls it hung: a guard, not a budget. The tests wait for the
# condition (the controller settled, a worker entered); loading the pipeline and training take about 7 s
# alone on the 2-core machine and went past 30 s with several suites running at once.
TIMEOUT = 180_000


@pytest.fixture(autouse=True)
def _offline_and_no_worker_left(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("LOBCODER_NLP_OFFLINE", "1")  # the same pipeline whether or not the full model is installed
    cache.clear_memory()
    training.clear_loaded_models()
    yield
    assert QThreadPool.globalInstance().waitForDone(TIMEOUT)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "suggest.lobcoder"
    with ProjectStore.create(path) as store, store.transaction() as session:
        add_document(session, "Anna_w1", TEXT, detect_turns(TEXT))
        add_document(session, "Bram_w1", OTHER, detect_turns(OTHER))
        create_code(session, "Samen leren", color="#e69f00", keywords="intervisie\nfeedback")
        create_code(session, "Visie", color="#009e73", keywords="visie\ndirectie")
    return path


def _doc_id(win: MainWindow, name: str) -> int:
    assert win.overview is not None
    return next(d.id for d in win.overview.documents if d.name == name)


def _settled(ctl: SuggestionsController) -> bool:
    return not ctl.is_running() and not ctl._timer.isActive() and ctl._pending is None


def _wait(qtbot, ctl: SuggestionsController) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: _settled(ctl), timeout=TIMEOUT)


@pytest.fixture
def window(qtbot, tmp_path: Path, project: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = MainWindow(coder_settings(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    assert win.open_project(project)
    win.open_document(_doc_id(win, "Anna_w1"))
    win.suggestions.pane.show_unreliable.setChecked(True)  # no codings yet: every code is "not yet reliable"
    win.suggestions.dock.show()
    _wait(qtbot, win.suggestions)
    yield win
    win.close()


def _listed(win: MainWindow) -> list[tuple[str, str]]:
    text = win.document.text if win.document else ""
    return [(text[s.start : s.end], s.code_name) for s in win.suggestions.pane.model.suggestions()]


def _score(win: MainWindow, passage: str, code: str) -> float:
    return _find(win, passage, code)[1].score


def _find(win: MainWindow, passage: str, code: str) -> tuple[int, Suggestion]:
    model = win.suggestions.pane.model
    for row, s in enumerate(model.suggestions()):
        if model.passage(s) == passage and s.code_name == code:
            return row, s
    raise AssertionError(f"{passage!r} / {code} not suggested: {_listed(win)}")


def _codings(win: MainWindow) -> list[tuple[str, int, int]]:
    assert win.store is not None and win.document is not None
    with win.store.read() as session:
        return sorted(
            (win.codes_by_id[c.code_id].name, c.start, c.end) for c in codings_for_document(session, win.document.id)
        )


def _click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_pane_lists_the_open_documents_suggestions_with_the_pipeline(window: MainWindow) -> None:
    pane = window.suggestions.pane
    assert sorted(_listed(window)) == [
        (VISION, "Visie"),
        (TWO_KEYWORDS, "Samen leren"),
        (ONE_KEYWORD, "Samen leren"),
    ]
    # Two matched keywords score higher than one; the Why column names them.
    assert _score(window, TWO_KEYWORDS, "Samen leren") > _score(window, ONE_KEYWORD, "Samen leren") >= 0.5
    row, strong = _find(window, TWO_KEYWORDS, "Samen leren")
    cells = [pane.model.index(row, column).data() for column in (PASSAGE, CODE, SCORE, REASON, RELIABILITY)]
    assert cells[:3] == [TWO_KEYWORDS, "Samen leren", f"{strong.score:.2f}"]
    assert cells[3].startswith("keywords: intervisie, feedback")
    assert cells[4] == "codebook only"  # no codings yet
    assert pane.model.index(row, CODE).data(Qt.ItemDataRole.DecorationRole).name() == "#e69f00"
    assert "offline" in pane.pipeline_label.text() and "nl_core_news_sm not installed" in pane.pipeline_label.text()
    tip = pane.pipeline_label.toolTip()
    assert "python -m spacy download nl_core_news_sm" in tip and pane.pipeline_info.isVisible()
    assert "No model trained yet" in pane.model_label.text()
    assert re.fullmatch(r"3 suggestion(s|\(s\)) for this document", pane.status.text())  # plural once translated
    assert window.suggestions.toggle_action in window.menu_actions.view_menu.actions()
    # The margin marks each suggested span, converted to Qt's UTF-16 positions (the emoji counts two).
    marks = {(m.start, m.end, m.color) for m in window.transcript.margin.suggestion_marks}
    start = TEXT.index(ONE_KEYWORD)
    assert (to_utf16(TEXT, start), to_utf16(TEXT, start + len(ONE_KEYWORD)), "#e69f00") in marks
    assert len(marks) == 3
    margin = window.transcript.margin
    mark, top, bottom = margin.marks_of_visible()[0]
    assert margin.marks_at(QPoint(margin.mark_x(), (top + bottom) // 2)) == [mark]
    assert mark.label.startswith("Suggested: ")  # the margin's tooltip


def test_the_suggestion_model_passes_the_model_tester(window: MainWindow, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    assert window.suggestions.pane.model.rowCount() == 3
    qtmodeltester.check(window.suggestions.pane.model)


def test_selecting_a_suggestion_selects_its_passage_in_the_transcript(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    row, suggestion = _find(window, ONE_KEYWORD, "Samen leren")
    pane = window.suggestions.pane
    qtbot.mouseClick(
        pane.table.viewport(), Qt.MouseButton.LeftButton, pos=pane.table.visualRect(pane.model.index(row, 0)).center()
    )
    assert pane.selected() == suggestion
    assert window.transcript.selection() == (suggestion.start, suggestion.end)
    assert window.document is not None and window.document.text[suggestion.start : suggestion.end] == ONE_KEYWORD


def test_accept_codes_exactly_the_suggested_span_and_undo_redo_follow(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    pane, ctl = window.suggestions.pane, window.suggestions
    row, suggestion = _find(window, ONE_KEYWORD, "Samen leren")
    pane.select_row(row)
    _click(qtbot, pane.accept_button)
    assert _codings(window) == [("Samen leren", suggestion.start, suggestion.end)]
    assert suggestion not in pane.model.suggestions()  # gone at once
    assert window.undo_stack is not None and window.undo_stack.undoText() == "Accept suggestion ‘Samen leren’"
    assert any(c.start == suggestion.start for c in window.coding.codings)  # the transcript shows the coding
    _wait(qtbot, ctl)
    assert (ONE_KEYWORD, "Samen leren") not in _listed(window)
    window.undo_stack.undo()
    assert _codings(window) == []
    _wait(qtbot, ctl)
    assert (ONE_KEYWORD, "Samen leren") in _listed(window)
    window.undo_stack.redo()
    assert _codings(window) == [("Samen leren", suggestion.start, suggestion.end)]
    _wait(qtbot, ctl)
    assert (ONE_KEYWORD, "Samen leren") not in _listed(window)


def test_reject_stores_a_rejection_and_the_suggestion_does_not_come_back(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    pane, ctl = window.suggestions.pane, window.suggestions
    row, suggestion = _find(window, VISION, "Visie")
    pane.select_row(row)
    _click(qtbot, pane.reject_button)
    assert (VISION, "Visie") not in _listed(window)
    assert pane.selected() is not None  # the next suggestion, ready for the next answer
    assert window.store is not None
    with window.store.read() as session:
        rows = session.execute(select(SuggestionRejection.start, SuggestionRejection.end)).all()
    assert [tuple(r) for r in rows] == [(suggestion.start, suggestion.end)]
    assert _codings(window) == []
    _wait(qtbot, ctl)
    _click(qtbot, pane.refresh_button)
    _wait(qtbot, ctl)
    assert len(_listed(window)) == 2 and (VISION, "Visie") not in _listed(window)
    assert window.undo_stack is not None
    window.undo_stack.undo()  # the rejection is forgotten: the suggestion may be shown again
    _wait(qtbot, ctl)
    assert (VISION, "Visie") in _listed(window)


def test_enter_accepts_and_delete_rejects_in_the_table(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    pane = window.suggestions.pane
    row, accepted = _find(window, ONE_KEYWORD, "Samen leren")
    pane.select_row(row)
    pane.table.setFocus()
    qtbot.keyClick(pane.table, Qt.Key.Key_Return)
    assert _codings(window) == [("Samen leren", accepted.start, accepted.end)]
    rejected = pane.selected()
    assert rejected is not None and rejected != accepted
    qtbot.keyClick(pane.table, Qt.Key.Key_Delete)
    assert rejected not in pane.model.suggestions()
    assert window.store is not None
    with window.store.read() as session:
        assert session.scalar(select(func.count(SuggestionRejection.id))) == 1
    assert len(_codings(window)) == 1


def test_accept_all_codes_only_the_selected_codes_suggestions_at_or_above_the_threshold(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    pane = window.suggestions.pane
    row, strong = _find(window, TWO_KEYWORDS, "Samen leren")
    weak = _score(window, ONE_KEYWORD, "Samen leren")
    pane.select_row(row)
    pane.threshold.setValue(round(weak, 2) + 0.01)
    assert pane.accept_all_button.text() == "Accept 1 of ‘Samen leren’ &with score ≥"
    _click(qtbot, pane.accept_all_button)
    assert _codings(window) == [("Samen leren", strong.start, strong.end)]  # not the weaker one, not Visie
    assert window.undo_stack is not None and re.fullmatch(r"Accept 1 suggestion(\(s\))?", window.undo_stack.undoText())
    window.undo_stack.undo()
    assert _codings(window) == []
    _wait(qtbot, window.suggestions)
    row, _ = _find(window, ONE_KEYWORD, "Samen leren")
    pane.select_row(row)
    pane.threshold.setValue(round(weak, 2))  # the threshold counts as shown: a row showing it is in
    assert window.settings.suggestion_threshold == round(weak * 100)
    _click(qtbot, pane.accept_all_button)
    assert [name for name, _, _ in _codings(window)] == ["Samen leren", "Samen leren"]
    window.undo_stack.undo()  # one step for all of them
    assert _codings(window) == []


def test_results_for_a_document_no_longer_open_are_dropped(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    ctl = window.suggestions
    anna, bram = _doc_id(window, "Anna_w1"), _doc_id(window, "Bram_w1")
    shown: list[set[int]] = []
    ctl.pane.model.modelReset.connect(lambda: shown.append({s.document_id for s in ctl.pane.model.suggestions()}))
    entered, gate = threading.Event(), threading.Event()
    real = controller_module.compute_suggestions
    finished = []

    def held(store, document_id, training, progress, _cancelled):  # type: ignore[no-untyped-def]
        entered.set()
        gate.wait(TIMEOUT / 1000)
        # Deaf to the cancel request, so Anna's result does arrive, after Bram's document was opened.
        batch = real(store, document_id, training, progress, lambda: False)
        finished.append(document_id)
        return batch

    controller_module.compute_suggestions = held
    try:
        _click(qtbot, ctl.pane.refresh_button)  # for Anna's interview
        # Until the task itself runs, not just until the worker is queued: a worker cancelled
        # before a pool thread picks it up never runs (a loaded machine is slow to pick it up).
        qtbot.waitUntil(entered.is_set, timeout=TIMEOUT)
        window.open_document(bram)
        gate.set()
        _wait(qtbot, ctl)
    finally:
        gate.set()  # a failed test leaves no worker held
        controller_module.compute_suggestions = real
    assert finished == [anna, bram]
    assert {s.document_id for s in ctl.pane.model.suggestions()} == {bram}
    assert all(anna not in ids for ids in shown)
    assert _listed(window) == [("De visie van de directie ken ik niet.", "Visie")]


def test_cancel_stops_training_and_stores_no_model(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    ctl, pane = window.suggestions, window.suggestions.pane
    _code_five_sentences(window)
    _wait(qtbot, ctl)
    gate = threading.Event()
    real = controller_module.compute_suggestions

    def held(*args, **kwargs):  # type: ignore[no-untyped-def]
        gate.wait(TIMEOUT / 1000)
        return real(*args, **kwargs)

    controller_module.compute_suggestions = held
    try:
        _click(qtbot, pane.train_button)
        qtbot.waitUntil(ctl.is_running, timeout=TIMEOUT)
        qtbot.waitUntil(pane.cancel_button.isVisible, timeout=TIMEOUT)  # progress shows for a run that takes time
        assert pane.progress.isVisible()
        _click(qtbot, pane.cancel_button)
        gate.set()
        _wait(qtbot, ctl)
    finally:
        gate.set()  # a failed test leaves no worker held
        controller_module.compute_suggestions = real
    assert pane.status.text() == "Cancelled."
    assert not pane.progress.isVisible() and not pane.cancel_button.isVisible()
    assert _stored_models(window) == 0


def test_train_learns_from_the_codings_and_says_so(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    ctl, pane = window.suggestions, window.suggestions.pane
    _code_five_sentences(window)
    _wait(qtbot, ctl)
    assert _stored_models(window) == 0  # changes alone never train a first model
    _click(qtbot, pane.train_button)
    _wait(qtbot, ctl)
    assert _stored_models(window) == 1
    assert pane.model_label.text().startswith("Model trained on ")
    assert "suggests 1 code" in pane.model_label.text()


def test_nothing_is_computed_while_the_pane_is_hidden(qtbot, tmp_path: Path, project: Path) -> None:  # type: ignore[no-untyped-def]
    win = MainWindow(Settings(str(tmp_path / "hidden.ini")))
    qtbot.addWidget(win)
    win.show()
    assert win.open_project(project)
    assert win.document is not None and win.suggestions.dock.isHidden()
    qtbot.wait(700)  # longer than the debounce
    assert not win.suggestions.is_running() and win.suggestions.pane.model.rowCount() == 0
    win.suggestions.pane.show_unreliable.setChecked(True)
    win.suggestions.toggle_action.trigger()  # View → Code suggestions
    _wait(qtbot, win.suggestions)
    assert win.suggestions.pane.model.rowCount() == 3
    win.close()  # saves the layout: the pane is open next time
    again = MainWindow(Settings(str(tmp_path / "hidden.ini")))
    qtbot.addWidget(again)
    assert not again.suggestions.dock.isHidden()
    again.close()


def test_the_screenshot_command_can_show_the_suggestions(tmp_path: Path, project: Path, qapp, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "suggestions.png"
    code = screenshot([str(project), "--out", str(out), "--size", "1000x700", "--suggestions", "--language", "en"])
    assert code == 0, capsys.readouterr().err
    assert (QImage(str(out)).width(), QImage(str(out)).height()) == (1000, 700)


def _code_five_sentences(win: MainWindow) -> None:
    """Enough coded sentences (five) for the classifier to learn "Samen leren"."""
    assert win.store is not None and win.document is not None
    extra = "".join(
        f"I: Vraag {n}?\nCees: Met collega's oefenen we loopbaangesprekken, ronde {n}.\n"
        f"I: En de school?\nCees: Het gebouw is oud en het rooster zit vol, week {n}.\n"
        for n in range(5)
    )
    with win.store.transaction() as session:
        doc = add_document(session, "Cees_w1", extra, detect_turns(extra))
        code_id = next(c.id for c in win.codes_by_id.values() if c.name == "Samen leren")
        start = 0
        for _ in range(5):
            start = extra.index("Met collega's", start)
            end = extra.index("\n", start)
            add_coding(session, doc.id, code_id, start, end)
            start = end
    assert win.undo_stack is not None
    win.undo_stack.changed.emit()  # as after an action: the pane recomputes


def _stored_models(win: MainWindow) -> int:
    assert win.store is not None
    with win.store.read() as session:
        return session.scalar(select(func.count(SuggestionModel.id))) or 0


def test_codes_not_yet_reliable_are_hidden_with_an_explanation_and_their_reliability_is_listed(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    ctl, pane = window.suggestions, window.suggestions.pane
    assert len(_listed(window)) == 3
    pane.show_unreliable.setChecked(False)  # the default: no code has enough codings to be trusted yet
    assert _listed(window) == []
    assert re.match(r"3 suggestions hidden because their codes are not yet reliable", pane.hidden_label.text())
    assert pane.hidden_label.text().endswith("Tick “Show codes not yet reliable” to see them.")
    # the status line does not contradict it with "no suggestions"
    assert pane.status.text() == "All 3 suggestions for this document are hidden: their codes are not yet reliable."
    rows = {
        pane.codes_model.index(r, 0).data(): [pane.codes_model.index(r, c).data() for c in range(1, 7)]
        for r in range(pane.codes_model.rowCount())
    }
    assert rows == {
        "Samen leren": ["0", "–", "–", "–", "–", "not yet reliable: no codings yet (codebook only)"],
        "Visie": ["0", "–", "–", "–", "–", "not yet reliable: no codings yet (codebook only)"],
    }
    _code_five_sentences(window)
    _click(qtbot, pane.train_button)
    _wait(qtbot, ctl)
    row = next(r for r in range(pane.codes_model.rowCount()) if pane.codes_model.index(r, 0).data() == "Samen leren")
    assert pane.codes_model.index(row, 1).data() == "5"
    assert pane.codes_model.index(row, 6).data() == "not measured: codings in one document only"
    pane.show_unreliable.setChecked(True)  # the one click that shows them
    assert any(code == "Samen leren" for _, code in _listed(window))
    assert pane.hidden_label.text().startswith("Codes marked ⚠ are not yet reliable")
    assert pane.status.text() == f"{len(_listed(window))} suggestions for this document"


def test_the_reason_column_names_the_learned_keywords_that_matched(qapp) -> None:  # type: ignore[no-untyped-def]
    from lobcoder.gui.suggestions.model import SuggestionModel as Model

    text = "Anna: Wij oefenen vaak met een rollenspel."
    start = text.index("Wij")
    learned = Suggestion(
        1, start, len(text), 7, "g", "Samen leren", 0.42, ("learned",), "", "sentence", 0.2,
        learned=("rollenspel", "oefenen"), nearest="Met collega's oefenen we loopbaangesprekken.",
    )  # fmt: skip
    model = Model()
    model.set_suggestions([learned], text, {7: "#336699"})
    reason = model.data(model.index(0, REASON))
    assert reason.startswith("learned from your codings: rollenspel, oefenen · like your coding “Met collega's")


def test_on_a_laptop_screen_the_pane_leaves_the_transcript_most_of_the_height_and_keeps_a_dragged_size(
    qtbot, tmp_path: Path, project: Path
) -> None:  # type: ignore[no-untyped-def]
    settings = tmp_path / "laptop.ini"
    win = MainWindow(Settings(str(settings)))
    qtbot.addWidget(win)
    win.resize(1366, 740)
    win.show()
    assert win.open_project(project)
    win.suggestions.toggle_action.trigger()
    _wait(qtbot, win.suggestions)
    qtbot.wait(50)
    dock = win.suggestions.dock
    assert dock.height() <= 0.4 * win.height()  # was 395 px of 740
    assert win.transcript.height() >= 400  # was 298 px
    assert dock.height() >= win.suggestions.pane.minimumSizeHint().height()
    win.resizeDocks([dock], [330], Qt.Orientation.Vertical)  # the user drags it taller
    qtbot.waitUntil(lambda: abs(dock.height() - 330) <= 10)
    win.close()
    again = MainWindow(Settings(str(settings)))
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: abs(again.suggestions.dock.height() - 330) <= 10)  # remembered, not reset
    again.close()


def test_suggestions_that_end_after_the_window_was_deleted_are_dropped_quietly(
    qtbot, caplog, tmp_path: Path, project: Path
) -> None:
    # The controller delivers results through partials, which Qt does not disconnect when the window dies.
    win = MainWindow(Settings(str(tmp_path / "deleted.ini")))
    win.show()
    assert win.open_project(project)
    win.open_document(_doc_id(win, "Anna_w1"))
    win.suggestions.dock.show()
    ctl, store = win.suggestions, win.store
    _wait(qtbot, ctl)
    entered, gate = threading.Event(), threading.Event()
    real = controller_module.compute_suggestions

    def held(*args, **kwargs):  # type: ignore[no-untyped-def]
        entered.set()
        assert gate.wait(TIMEOUT / 1000)
        return real(*args, **kwargs)

    controller_module.compute_suggestions = held
    try:
        _click(qtbot, ctl.pane.refresh_button)
        qtbot.waitUntil(entered.is_set, timeout=TIMEOUT)
        worker = ctl._worker
        assert worker is not None
        win.deleteLater()  # as at a test's teardown: deleted, not closed
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        assert worker.is_cancelled()  # nobody is left to see it
        gate.set()
        assert worker.wait(TIMEOUT / 1000)
    finally:
        gate.set()  # a failed test leaves no worker held
        controller_module.compute_suggestions = real
    qtbot.waitUntil(lambda: worker not in workers._running, timeout=TIMEOUT)  # its last signal was handled
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], caplog.text
    assert store is not None
    store.close()  # the main window, deleted unclosed, left its project open


def test_on_a_laptop_screen_the_suggestions_table_gets_the_room_and_the_notes_stay_reachable(
    qtbot, tmp_path: Path, project: Path
) -> None:  # type: ignore[no-untyped-def]
    # At 1366x740 the pipeline, model and "hidden" lines above the table left it about 3 rows.
    win = MainWindow(Settings(str(tmp_path / "laptop.ini")))
    qtbot.addWidget(win)
    win.resize(1366, 740)
    win.show()
    assert win.open_project(project)
    win.open_document(_doc_id(win, "Anna_w1"))
    pane = win.suggestions.pane
    win.suggestions.toggle_action.trigger()
    _wait(qtbot, win.suggestions)
    qtbot.waitUntil(lambda: pane.table.viewport().height() > 0)
    rows = pane.table.viewport().height() // pane.table.verticalHeader().defaultSectionSize()
    assert rows >= 6, rows  # was 4 here; 7 now
    # Every suggestion hidden: the reason fills the empty table instead of a line above it.
    assert pane.model.rowCount() == 0
    assert pane.hidden_label.isVisible() and pane.hidden_label.text().startswith("3 suggestions hidden")
    assert pane.table.viewport().rect().contains(pane.hidden_label.geometry())
    # The pipeline and the model share the tab bar's row; their details are in the tooltips.
    bar = pane.tabs.tabBar().geometry()
    for label in (pane.pipeline_label, pane.model_label):
        assert label.isVisible() and label.toolTip()
        assert abs(label.mapTo(pane, label.rect().center()).y() - pane.tabs.mapTo(pane, bar.center()).y()) < 10
    tip = pane.pipeline_label.toolTip()
    assert "blank Dutch" in tip and "python -m spacy download nl_core_news_sm" in tip
    assert "Train to learn from your codings" in pane.model_label.toolTip()
    pane.show_unreliable.setChecked(True)
    assert pane.model.rowCount() == 3 and not pane.hidden_label.isVisible()
    assert pane.hidden_info.isVisible() and pane.hidden_info.toolTip().startswith("Codes marked ⚠")
    win.close()


def test_in_a_narrow_pane_the_pipeline_and_model_lines_clip_instead_of_covering_the_tabs(qtbot) -> None:  # type: ignore[no-untyped-def]
    from lobcoder.gui.suggestions.pane import SuggestionsPane

    pane = SuggestionsPane()
    qtbot.addWidget(pane)
    pane.show_pipeline("blank", False)
    pane.show_model(None)
    for width in (1300, 800, 640):
        pane.resize(width, 260)
        pane.show()
        qtbot.waitUntil(lambda width=width: pane.tabs.width() == width - 8)  # inside the pane's 4 px margins
        corner = pane.tabs.cornerWidget(Qt.Corner.TopRightCorner)
        assert corner.geometry().left() >= pane.tabs.tabBar().geometry().right(), width
        assert pane.tabs.tabBar().geometry().width() >= pane.tabs.tabBar().sizeHint().width(), width
        assert pane.refresh_button.isVisible() and pane.train_button.isVisible()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_how_to_install_the_full_model_is_said_in_the_interface_language(qapp, qtbot, language: str) -> None:  # type: ignore[no-untyped-def]
    from lobcoder.gui.i18n import install_translations
    from lobcoder.gui.suggestions.pane import SuggestionsPane

    install_translations(qapp, language)  # the conftest puts English back afterwards
    pane = SuggestionsPane()
    qtbot.addWidget(pane)
    pane.show_pipeline("offline", False)
    tip = pane.pipeline_info.toolTip()
    assert "python -m spacy download nl_core_news_sm" in tip  # the command itself is never translated
    english = "needs internet access" in tip and "install the Dutch model" in tip
    assert english is (language == "en"), tip
    assert ("internettoegang" in tip) is (language == "nl"), tip
