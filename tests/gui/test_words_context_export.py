"""Export… of the Words tab's keywords in context: the file `report words --context` writes, dialog, Dutch, cancel."""

from __future__ import annotations

import csv
import threading
import time
from pathlib import Path

import docx
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QPushButton

from lobcoder.gui.analysis.window import AnalysisWindow
from lobcoder.gui.main_window import MainWindow
from lobcoder.reports import export as export_module
from lobcoder.storage.models import Document
from tests.cli.running import run
from tests.gui.test_pseudonymised_export_gui import decided, demo_file, leaked, open_analysis, open_window  # noqa: F401
from tests.gui.test_words_tab import analysis, window  # noqa: F401  (fixtures)


def list_context(qtbot, analysis: AnalysisWindow, word: str) -> None:  # noqa: F811
    tab = analysis.words
    row = next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data() == word)
    with qtbot.waitSignal(tab.contextShown, timeout=20000):
        tab.table.activated.emit(tab.model.index(row, 0))


def test_the_occurrence_list_is_exported_as_the_cli_writes_it(
    qtbot,
    window: MainWindow,  # noqa: F811
    analysis: AnalysisWindow,  # noqa: F811
    tmp_path: Path,
) -> None:
    tab = analysis.words
    assert not tab.context_export.isEnabled()  # nothing listed yet
    list_context(qtbot, analysis, "loopbaangesprek")
    assert tab.context_export.isEnabled()
    tab.export_language.setCurrentIndex(tab.export_language.findData("en"))
    target = tmp_path / "loopbaangesprek.csv"
    with qtbot.waitSignal(tab.exported, timeout=20000):
        assert tab.export_context_to(target) is not None
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["Document", "Start", "End", "Before", "Word", "After"]
    hits = rows[1:]
    assert [(row[0], row[4]) for row in hits] == [
        ("Jansen_w1", "loopbaangesprek"),
        ("Jansen_w1", "loopbaangesprek"),
        ("Pietersen_w2", "loopbaangesprek"),
    ]
    assert window.store is not None
    with window.store.read() as session:
        texts = {d.name: d.text for d in session.query(Document)}
    for name, start, end, _before, word, _after in hits:
        assert texts[name][int(start) : int(end)] == word  # offsets into the stored text, as codings are
    assert len(rows) == 4  # a CSV holds the table alone (the notes are in the Word and Excel files)
    # The very file the command line writes.
    cli_file = tmp_path / "cli.csv"
    assert run("report", "words", window.store.path, "--context", "loopbaangesprek", "--out", cli_file)[0] == 0
    assert cli_file.read_bytes() == target.read_bytes()


def test_export_dialog_writes_a_dutch_word_document(
    qtbot,
    monkeypatch,
    analysis: AnalysisWindow,  # noqa: F811
    tmp_path: Path,
) -> None:
    tab = analysis.words
    list_context(qtbot, analysis, "visie")
    asked: list[tuple[str, str]] = []

    def save_as(_parent, title, proposed, _filters, _chosen):  # type: ignore[no-untyped-def]
        asked.append((title, Path(proposed).name))
        return str(tmp_path / "visie in context"), "Word document (*.docx)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    tab.export_language.setCurrentIndex(tab.export_language.findData("nl"))
    with qtbot.waitSignal(tab.exported, timeout=20000):
        tab.context_export.click()
    assert asked == [("Export occurrences", "visie in context.docx")]
    written = docx.Document(str(tmp_path / "visie in context.docx"))
    table = written.tables[0]
    assert [cell.text for cell in table.rows[0].cells] == ["Document", "Begin", "Einde", "Ervoor", "Woord", "Erna"]
    assert [row.cells[4].text for row in table.rows[1:]] == ["visie", "visie", "visie"]
    paragraphs = " ".join(p.text for p in written.paragraphs)
    assert "‘visie’ in context" in paragraphs
    assert "3 keer gevonden in 1 document," in paragraphs
    assert "Begin en einde: tekenposities" in paragraphs


def test_cancel_writes_no_file_and_the_list_can_be_exported_after(
    qtbot,
    monkeypatch,
    analysis: AnalysisWindow,  # noqa: F811
    tmp_path: Path,
) -> None:
    tab = analysis.words
    list_context(qtbot, analysis, "loopbaangesprek")
    reached = threading.Event()
    real = export_module.export_table

    def held(*args, progress, cancelled, **kwargs):  # type: ignore[no-untyped-def]
        def hold(done: int, total: int, label: str) -> None:
            progress(done, total, label)
            reached.set()
            deadline = time.monotonic() + 10
            while not cancelled() and time.monotonic() < deadline:
                time.sleep(0.01)

        return real(*args, progress=hold, cancelled=cancelled, **kwargs)

    monkeypatch.setattr(export_module, "export_table", held)
    target = tmp_path / "voorkomens.xlsx"
    assert tab.export_context_to(target) is not None
    assert reached.wait(5)
    assert not tab.context_export.isEnabled() and not tab.export_button.isEnabled()  # one export at a time
    dialogs = tab.findChildren(QProgressDialog)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in dialogs), timeout=5000)
    dialog = next(d for d in dialogs if d.isVisible())
    assert dialog.windowTitle() == "Export occurrences" and target.name in dialog.labelText()
    cancel = dialog.findChild(QPushButton)
    assert cancel is not None
    cancel.click()
    qtbot.waitUntil(tab.context_export.isEnabled, timeout=5000)
    assert [p.name for p in tmp_path.iterdir() if "voorkomens" in p.name] == []
    assert "cancelled" in analysis.status.text()
    monkeypatch.setattr(export_module, "export_table", real)
    with qtbot.waitSignal(tab.exported, timeout=10000):
        tab.export_context_to(target)
    assert target.stat().st_size > 0


def test_pseudonymised_export_looks_the_word_up_again_on_the_copy(qtbot, tmp_path: Path, decided: Path) -> None:  # noqa: F811
    win = open_window(qtbot, tmp_path, decided)
    try:
        analysis = open_analysis(qtbot, win)
        tab = analysis.words
        analysis.tabs.setCurrentWidget(tab)
        qtbot.waitUntil(lambda: analysis.is_idle() and tab.result is not None, timeout=20000)
        list_context(qtbot, analysis, "docent")
        shown = " ".join(f"{hit.document} {hit.before} {hit.after}" for hit in tab.hits._hits)
        assert leaked(shown)  # the list in the tab shows the names as written
        tab.pseudonymise.setChecked(True)
        target = tmp_path / "docent.docx"
        with qtbot.waitSignal(tab.exported, timeout=60000):
            assert tab.export_context_to(target) is not None
        written = docx.Document(str(target))
        cells = [cell.text for row in written.tables[0].rows for cell in row.cells]
        text = " ".join(cells + [p.text for p in written.paragraphs])
        assert leaked(text) == []
        words = [row.cells[4].text.lower() for row in written.tables[0].rows[1:]]
        # Every occurrence, on the copy too, where a name became a role pseudonym ("Docent 1"), so one more.
        assert set(words) == {"docent", "docenten"} and len(words) > tab.hits.rowCount()
        assert "pseudonymised" in text.lower()
    finally:
        win.close()


def test_pseudonymised_export_keeps_the_listed_results_filter(qtbot, tmp_path: Path, decided: Path) -> None:  # noqa: F811
    win = open_window(qtbot, tmp_path, decided)
    try:
        analysis = open_analysis(qtbot, win)
        tab = analysis.words
        analysis.tabs.setCurrentWidget(tab)
        qtbot.waitUntil(lambda: analysis.is_idle() and tab.result is not None, timeout=20000)
        list_context(qtbot, analysis, "docent")
        listed = {hit.document for hit in tab.hits._hits}
        assert len(listed) > 1
        # The filter changes; until the tab has computed again the old list stays shown, and Export… writes it.
        analysis.filter_box.set_documents([tab.hits._hits[0].document_id])
        tab.pseudonymise.setChecked(True)
        target = tmp_path / "docent.docx"
        with qtbot.waitSignal(tab.exported, timeout=60000):
            assert tab.export_context_to(target) is not None
        written = docx.Document(str(target))
        documents = {row.cells[0].text for row in written.tables[0].rows[1:]}  # names pseudonymised on the copy
        assert len(documents) >= len(listed)  # the filter box's one document would give one
    finally:
        win.close()
