"""One Export… at a time per analysis window: a result that arrives meanwhile does not offer a second one."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
import shiboken6
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QPushButton

from lobcoder.gui.analysis import quotes_tab as quotes_module
from lobcoder.gui.analysis import tab as tab_module
from lobcoder.gui.analysis.export_run import ExportRun
from lobcoder.gui.analysis.install import AnalysisMenu, install_analysis_menu
from lobcoder.gui.analysis.window import AnalysisWindow
from lobcoder.gui.i18n import install_translations
from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.settings import Settings
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document
from lobcoder.storage.project import ProjectStore

TEXT = "Marieke: We leren samen van elkaar en de visie is gedeeld."


@pytest.fixture
def analysis(qtbot, tmp_path: Path) -> Iterator[AnalysisWindow]:  # type: ignore[no-untyped-def]
    path = tmp_path / "export.lobcoder"
    with ProjectStore.create(path) as store, store.transaction() as session:
        document = add_document(session, "Docent01", TEXT).id
        leren, visie = create_code(session, "Leren").id, create_code(session, "Visie").id
        add_coding(session, document, leren, 9, 26, coder="Fenna")
        add_coding(session, document, visie, 27, 58, coder="Fenna")
    win = MainWindow(Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(win)
    install_analysis_menu(win)
    win.show()
    assert win.open_project(path)
    menu = win.findChild(AnalysisMenu)
    assert menu is not None
    menu.open_action.trigger()
    shown = menu.analysis_window
    assert shown is not None
    qtbot.waitUntil(lambda: shown.dataset is not None and shown.is_idle(), timeout=10000)
    yield shown
    shown.close()
    win.close()


def hold_exports(monkeypatch) -> tuple[threading.Event, threading.Event]:  # type: ignore[no-untyped-def]
    """Make every table export wait (on its worker) until the test lets it go."""
    started, release = threading.Event(), threading.Event()
    real = tab_module.export_table

    def held(*args, **kwargs):  # type: ignore[no-untyped-def]
        started.set()
        assert release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(tab_module, "export_table", held)
    return started, release


def test_a_result_arriving_during_an_export_does_not_offer_a_second_export(
    qtbot, monkeypatch, tmp_path: Path, analysis: AnalysisWindow
) -> None:
    started, release = hold_exports(monkeypatch)
    tab, other = analysis.frequencies, analysis.cooccurrence
    first, second = tmp_path / "eerste.docx", tmp_path / "tweede.docx"
    saved: list[str] = []
    tab.exported.connect(saved.append)
    assert tab.export_to(first) is not None
    assert started.wait(5)
    with qtbot.waitSignal(tab.computed, timeout=10000):
        tab.recompute()  # an analysis ends while the export runs (a coding was added, the filter changed)
    assert not tab.export_button.isEnabled()
    assert "export" in tab.export_button.toolTip().lower() and "running" in tab.export_button.toolTip()
    analysis.tabs.setCurrentWidget(other)
    qtbot.waitUntil(lambda: analysis.is_idle() and other.result is not None, timeout=10000)
    assert not other.export_button.isEnabled()  # one export at a time per window
    assert tab.export_to(second) is None and other.export_to(second) is None
    release.set()
    qtbot.waitUntil(lambda: saved == [str(first)], timeout=10000)
    assert tab.export_button.isEnabled() and other.export_button.isEnabled()
    assert "Save the table" in tab.export_button.toolTip()
    assert docx.Document(str(first)).tables and not second.exists()
    assert analysis.status.text() == f"Saved {first}"


def test_a_failed_export_frees_export_again(qtbot, monkeypatch, tmp_path: Path, analysis: AnalysisWindow) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warned.append(text))
    tab, other = analysis.frequencies, analysis.cooccurrence
    analysis.tabs.setCurrentWidget(other)
    qtbot.waitUntil(lambda: analysis.is_idle() and other.result is not None, timeout=10000)
    target = tmp_path / "no such folder" / "x.docx"
    assert tab.export_to(target) is not None
    assert not tab.export_button.isEnabled()
    qtbot.waitUntil(lambda: bool(warned), timeout=10000)
    assert str(target) in warned[0]
    assert tab.export_button.isEnabled() and other.export_button.isEnabled()
    qtbot.waitUntil(lambda: not analysis.findChildren(QProgressDialog), timeout=5000)  # its dialog is deleted too


def test_an_export_stopped_by_a_bug_says_which_and_keeps_the_traceback(
    qtbot, monkeypatch, tmp_path: Path, analysis: AnalysisWindow
) -> None:
    """The worker's message is general words; the box names the export and has the traceback under Show Details."""
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warned.append(text))

    def broken(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("boom in the table export")

    monkeypatch.setattr(tab_module, "export_table", broken)
    tab = analysis.frequencies
    target = tmp_path / "tabel.docx"
    assert tab.export_to(target) is not None
    qtbot.waitUntil(lambda: bool(tab.findChildren(QMessageBox)), timeout=10000)
    box = tab.findChildren(QMessageBox)[0]
    assert "Export table" in box.text() and "unexpected error" in box.text()
    assert str(target) in box.detailedText() and "RuntimeError: boom in the table export" in box.detailedText()
    assert warned == [] and not target.exists()
    qtbot.waitUntil(tab.export_button.isEnabled, timeout=5000)
    box.close()


def test_an_export_run_ends_only_its_own_progress_dialog(qtbot, tmp_path: Path, analysis: AnalysisWindow) -> None:
    tab = analysis.frequencies
    started, release = threading.Event(), threading.Event()

    def slow(_progress, _cancelled):  # type: ignore[no-untyped-def]
        started.set()
        assert release.wait(10)

    quick = ExportRun(tab, tmp_path / "a.docx", lambda _progress, _cancelled: None, progress="A", title="Export table")
    held = ExportRun(tab, tmp_path / "b.docx", slow, progress="B", title="Export table")
    assert quick.dialog is not None and held.dialog is not None and quick.dialog is not held.dialog
    ended: list[Path] = []
    quick.written.connect(ended.append)
    held.start()
    assert started.wait(5)
    quick.start()
    qtbot.waitUntil(lambda: ended == [tmp_path / "a.docx"], timeout=5000)
    assert quick.dialog is None and held.dialog is not None and shiboken6.isValid(held.dialog)
    release.set()
    qtbot.waitUntil(lambda: held.dialog is None, timeout=5000)


def test_cancel_in_the_progress_dialog_stops_a_plain_export_and_writes_nothing(
    qtbot, monkeypatch, tmp_path: Path, analysis: AnalysisWindow
) -> None:
    """A Quotes export to Word (not pseudonymised) shows a progress dialog once it takes a while; Cancel stops it."""
    reached = threading.Event()
    real = quotes_module.export_quotes

    def held_in_the_rows(*args, progress, cancelled, **kwargs):  # type: ignore[no-untyped-def]
        def hold(done: int, total: int, label: str) -> None:
            progress(done, total, label)
            reached.set()
            deadline = time.monotonic() + 10
            while not cancelled() and time.monotonic() < deadline:  # inside the export until Cancel is pressed
                time.sleep(0.01)

        return real(*args, progress=hold, cancelled=cancelled, **kwargs)

    monkeypatch.setattr(quotes_module, "export_quotes", held_in_the_rows)
    tab = analysis.quotes
    analysis.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: analysis.is_idle() and tab.result is not None, timeout=10000)
    target = tmp_path / "citaten.docx"
    assert tab.export_to(target) is not None
    assert reached.wait(5)
    assert not tab.export_button.isEnabled()
    dialogs = tab.findChildren(QProgressDialog)
    assert len(dialogs) == 1
    qtbot.waitUntil(dialogs[0].isVisible, timeout=5000)  # shown after a short delay, not at once
    assert target.name in dialogs[0].labelText()
    cancel = dialogs[0].findChild(QPushButton)
    assert cancel is not None
    cancel.click()
    qtbot.waitUntil(tab.export_button.isEnabled, timeout=5000)
    assert [p.name for p in tmp_path.iterdir() if "citaten" in p.name] == []  # no file, no partial copy
    assert "cancelled" in analysis.status.text()
    assert not any(d.isVisible() for d in analysis.findChildren(QProgressDialog))
    with qtbot.waitSignal(tab.exported, timeout=10000):  # and the next export is written whole
        monkeypatch.setattr(quotes_module, "export_quotes", real)
        tab.export_to(target)
    assert docx.Document(str(target)).paragraphs


def test_the_spinner_turns_while_the_tab_computes_or_writes_its_export(
    qtbot, monkeypatch, tmp_path: Path, analysis: AnalysisWindow
) -> None:
    started, release = hold_exports(monkeypatch)
    tab, other = analysis.frequencies, analysis.cooccurrence
    saved: list[str] = []
    tab.exported.connect(saved.append)
    assert tab.busy.isHidden()
    assert tab.export_to(tmp_path / "tabel.docx") is not None
    assert started.wait(5)
    assert tab.busy.isVisible() and other.busy.isHidden()  # the export is this tab's
    with qtbot.waitSignal(tab.computed, timeout=10000):
        tab.recompute()
    assert tab.busy.isVisible()  # its computation ended, its export goes on
    release.set()
    qtbot.waitUntil(lambda: bool(saved), timeout=10000)
    assert tab.busy.isHidden()


def test_a_computation_for_a_data_set_that_is_gone_stops_the_spinner(
    qtbot, monkeypatch, analysis: AnalysisWindow
) -> None:
    started, release = threading.Event(), threading.Event()
    real = tab_module.with_documents

    def held(*args, **kwargs):  # type: ignore[no-untyped-def]
        started.set()
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(tab_module, "with_documents", held)
    tab = analysis.frequencies
    tab.recompute()
    assert started.wait(5)
    assert tab.busy.isVisible()
    analysis.dataset = None  # e.g. the project could not be read again
    tab.recompute()
    release.set()
    assert tab.busy.isHidden()
    assert not tab.is_busy()


TITLES = {
    "en": {"frequencies": "Export table", "cooccurrence": "Export matrix", "quotes": "Export quotes"},
    "nl": {"frequencies": "Tabel exporteren", "cooccurrence": "Matrix exporteren", "quotes": "Citaten exporteren"},
}


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_export_dialogs_say_what_is_exported(  # type: ignore[no-untyped-def]
    qtbot, qapp, monkeypatch, tmp_path: Path, analysis: AnalysisWindow, language: str
) -> None:
    install_translations(qapp, language)
    asked: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda _parent, title, *_rest: (asked.append(title), "", "")[1:]
    )
    for name, title in TITLES[language].items():
        tab = getattr(analysis, name)
        analysis.tabs.setCurrentWidget(tab)
        qtbot.waitUntil(lambda tab=tab: analysis.is_idle() and tab.result is not None, timeout=10000)
        tab.export_button.click()  # the file dialog, cancelled
        assert asked[-1] == title
        saved: list[str] = []
        tab.exported.connect(saved.append)
        target = tmp_path / f"{name}_{language}.docx"
        assert tab.export_to(target) is not None
        (progress,) = tab.findChildren(QProgressDialog)  # shown if the export takes longer than 0.4 s
        assert progress.windowTitle() == title
        qtbot.waitUntil(lambda target=target, saved=saved: saved == [str(target)], timeout=10000)
        qtbot.waitUntil(lambda tab=tab: not tab.findChildren(QProgressDialog), timeout=5000)
    if language == "en":  # the window was built in English (its tooltips are set then)
        assert analysis.quotes.export_button.toolTip().startswith("Save the quotes as Word")
