"""The "Pseudonymise (use accepted decisions)" in the analysis tabs, the .qdpx export and the transcript export."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import openpyxl
import pytest
from PySide6.QtWidgets import QFileDialog

from lobcoder.demo.build import create_demo_project
from lobcoder.gui.analysis.install import AnalysisMenu
from lobcoder.gui.analysis.window import AnalysisWindow
from lobcoder.gui.main_window import MainWindow
from lobcoder.pseudonymise.categories import Category
from lobcoder.pseudonymise.decisions import save_decisions
from lobcoder.pseudonymise.detect import detect
from lobcoder.pseudonymise.termlist import Decision, decisions_from_entities
from lobcoder.storage.project import ProjectStore
from tests.gui.analysis_host import open_window

ORIGINALS = ("Marieke", "Samira", "Ruud", "Annelies", "ROC Veenstroom", "Meerwijk College")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return create_demo_project(tmp_path_factory.mktemp("demo") / "demo.lobcoder")


@pytest.fixture
def decided(demo_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "demo.lobcoder"
    target.write_bytes(demo_file.read_bytes())
    with ProjectStore.open(target) as store:
        decisions = decisions_from_entities(detect(store, use_deduce=False))
        with store.transaction() as session:
            save_decisions(session, [*decisions, Decision("Karin", Category.PERSON, "Persoon 1")])
    return target


@pytest.fixture
def window(qtbot, tmp_path: Path, decided: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = open_window(qtbot, tmp_path, decided)
    yield win
    win.close()


def open_analysis(qtbot, window: MainWindow) -> AnalysisWindow:  # type: ignore[no-untyped-def]
    menu = window.findChild(AnalysisMenu)
    assert menu is not None
    menu.open_action.trigger()
    shown = menu.analysis_window
    assert shown is not None
    qtbot.waitUntil(lambda: shown.dataset is not None and shown.is_idle(), timeout=20000)
    return shown


def leaked(text: str) -> list[str]:
    return [name for name in ORIGINALS if name in text]


def test_quotes_tab_exports_pseudonymised_quotes_and_the_choice_is_one_for_the_window(
    qtbot, tmp_path: Path, window: MainWindow
) -> None:
    analysis = open_analysis(qtbot, window)
    tab = analysis.quotes
    analysis.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: analysis.is_idle() and tab.result is not None, timeout=20000)
    assert leaked(tab.full_text.toPlainText() + str(tab.result[2]))  # the tab itself shows the originals
    assert tab.pseudonymise.isEnabled() and "accepted decision" in tab.pseudonymise.toolTip()
    tab.pseudonymise.setChecked(True)
    assert all(t.pseudonymise.isChecked() for t in analysis.all_tabs())
    target = tmp_path / "citaten.docx"
    with qtbot.waitSignal(tab.exported, timeout=60000):
        tab.export_to(target)
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "Docent 1" in text and "School A" in text and not leaked(text)
    assert "Coder 1" in text and "Fenna" not in text and "Sander" not in text  # coders are colleagues
    # The filter's coder is the one the researcher knows; the export names her by number.
    with qtbot.waitSignal(tab.computed, timeout=20000):  # the export follows the shown result and its filter
        analysis.filter_box.coders.set_checked("coder", ["Sander"])
    one = tmp_path / "citaten-sander.docx"
    with qtbot.waitSignal(tab.exported, timeout=60000):
        tab.export_to(one)
    text = "\n".join(p.text for p in docx.Document(str(one)).paragraphs)
    assert "Coder 2" in text and "Coder 1" not in text and "Sander" not in text
    analysis.filter_box.coders.set_checked("coder", None)
    assert "Names and other personal data are pseudonymised." in text
    assert not [p for p in tmp_path.iterdir() if "pseudo-export" in p.name]
    table = tmp_path / "frequenties.docx"
    with qtbot.waitSignal(analysis.frequencies.exported, timeout=60000):
        analysis.frequencies.export_to(table)
    written = docx.Document(str(table))
    assert "personal data are pseudonymised" in "\n".join(p.text for p in written.paragraphs)
    analysis.resize(1250, 700)
    analysis.grab().save(str(tmp_path / "analysis_pseudonymise.png"))
    analysis.close()


def test_without_accepted_decisions_the_option_is_disabled_and_says_why(qtbot, tmp_path: Path, demo_file: Path) -> None:
    plain = tmp_path / "plain.lobcoder"
    plain.write_bytes(demo_file.read_bytes())
    win = open_window(qtbot, tmp_path, plain)
    analysis = open_analysis(qtbot, win)
    option = analysis.frequencies.pseudonymise
    assert not option.isEnabled() and not option.wanted()
    assert "File → Pseudonymise" in option.toolTip()
    analysis.close()
    win.close()


def test_qdpx_and_transcript_export_from_the_file_menu(qtbot, tmp_path: Path, monkeypatch, window: MainWindow) -> None:
    actions = window.menu_actions
    target = tmp_path / "gedeeld.qdpx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    actions.export_project_action.trigger()
    exchange = actions.exchange
    dialog = exchange.choices_dialog
    assert dialog is not None and dialog.pseudonymise.isEnabled()
    dialog.pseudonymise.setChecked(True)
    dialog.resize(560, dialog.sizeHint().height())
    dialog.grab().save(str(tmp_path / "qdpx_choices.png"))
    dialog.accept()
    qtbot.waitUntil(lambda: exchange.report_dialog is not None, timeout=60000)
    with zipfile.ZipFile(target) as archive:
        content = b"".join(archive.read(n) for n in archive.namelist()).decode("utf-8", "replace")
    assert "School A" in content and not leaked(content)
    exchange.report_dialog.accept()

    folder = tmp_path / "transcripten"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(folder))
    actions.export_transcripts_action.trigger()
    choices = actions.transcript_export.dialog
    assert choices is not None and choices.only_current.isEnabled()
    choices.text.setChecked(True)
    choices.only_current.setChecked(True)
    choices.pseudonymise.setChecked(True)
    choices.accept()
    qtbot.waitUntil(lambda: "transcripten" in window.statusBar().currentMessage(), timeout=60000)
    written = list(folder.iterdir())
    assert len(written) == 1 and written[0].suffix == ".txt"
    text = written[0].read_text("utf-8")
    assert "School A" in text and not leaked(text) and not leaked(written[0].name)


def test_codebook_export_dialog_offers_pseudonymise(qtbot, tmp_path: Path, monkeypatch, window: MainWindow) -> None:
    assert window.store is not None
    with window.store.transaction() as session:
        save_decisions(session, [Decision("workshops", Category.OTHER, "[bijeenkomsten]")])
    target = tmp_path / "codeboek.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    window.menu_actions.export_codebook_action.trigger()
    dialog = window.menu_actions.exchange.export_dialog
    assert dialog is not None and dialog.pseudonymise.isEnabled()
    dialog.pseudonymise.setChecked(True)
    dialog.accept()
    qtbot.waitUntil(lambda: "codeboek.docx" in window.statusBar().currentMessage(), timeout=60000)
    written = docx.Document(str(target))
    cells = [cell.text for table in written.tables for row in table.rows for cell in row.cells]
    text = "\n".join([*(p.text for p in written.paragraphs), *cells])
    assert "[bijeenkomsten]" in text and "workshops" not in text


def test_cooccurrence_by_sentence_exports_pseudonymised_reading_the_copys_texts(
    qtbot, tmp_path: Path, window: MainWindow
) -> None:
    analysis = open_analysis(qtbot, window)
    tab = analysis.cooccurrence
    analysis.tabs.setCurrentWidget(tab)
    tab.set_unit("sentence")
    qtbot.waitUntil(lambda: analysis.is_idle() and tab.result is not None, timeout=20000)
    tab.pseudonymise.setChecked(True)
    target = tmp_path / "samen.xlsx"
    with qtbot.waitSignal(tab.exported, timeout=60000):
        tab.export_to(target)
    sheet = openpyxl.load_workbook(target).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    text = "\n".join(str(cell) for row in rows for cell in row if cell is not None)
    assert "Unit: sentence" in text and "pseudonymised" in text
    names = {code.name for code in tab.result.codes}
    counted = [row for row in rows if row and row[0] in names]
    assert len(counted) == len(names) and any(isinstance(v, int) and v > 0 for row in counted for v in row[1:])
    analysis.close()


def test_agreement_tab_exports_pseudonymised_with_the_coders_by_number(
    qtbot, tmp_path: Path, window: MainWindow
) -> None:
    analysis = open_analysis(qtbot, window)
    tab = analysis.agreement
    analysis.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: analysis.is_idle() and tab.result is not None, timeout=30000)
    assert {tab.first.currentText(), tab.second.currentText()} == {"Fenna", "Sander"}  # as the researcher knows them
    tab.pseudonymise.setChecked(True)
    target = tmp_path / "overeenstemming.docx"
    with qtbot.waitSignal(tab.exported, timeout=60000):
        tab.export_to(target)
    written = docx.Document(str(target))
    cells = [cell.text for table in written.tables for row in table.rows for cell in row.cells]
    text = "\n".join([*(p.text for p in written.paragraphs), *cells])
    assert "Coder 1" in text and "Coder 2" in text and "Fenna" not in text and "Sander" not in text
    analysis.close()
