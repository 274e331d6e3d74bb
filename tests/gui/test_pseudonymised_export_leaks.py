"""After every pseudonymised export from the window, the leak check's list (or "none found") is shown."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from sqlalchemy import select

from lobcoder.demo.build import create_demo_project
from lobcoder.gui.main_window import MainWindow
from lobcoder.pseudonymise.decisions import save_decisions
from lobcoder.pseudonymise.detect import detect
from lobcoder.pseudonymise.termlist import Decision, decisions_from_entities
from lobcoder.storage.models import Document
from lobcoder.storage.project import ProjectStore
from tests.gui.analysis_host import open_window
from tests.gui.test_pseudonymised_export_gui import open_analysis

SHORT_FORM_LEFT = "Meerwijk (short form of Meerwijk College): 3×, in "


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return create_demo_project(tmp_path_factory.mktemp("demo") / "demo.lobcoder")


def _decided(demo_file: Path, tmp_path: Path, *, untick: str = "") -> Path:
    target = tmp_path / "demo.lobcoder"
    target.write_bytes(demo_file.read_bytes())
    with ProjectStore.open(target) as store:
        decisions = decisions_from_entities(detect(store, use_deduce=False))
        decisions = [Decision(d.term, d.category, d.pseudonym, d.term != untick) for d in decisions]
        with store.transaction() as session:
            save_decisions(session, decisions)
    return target


@pytest.fixture
def leaky(qtbot, tmp_path: Path, demo_file: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The demo with the short form ``Meerwijk`` unticked: it stays in the texts (3×)."""
    win = open_window(qtbot, tmp_path, _decided(demo_file, tmp_path, untick="Meerwijk"))
    yield win
    win.close()


def leak_box(qtbot, parent: QWidget) -> QMessageBox:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: parent.findChild(QMessageBox, "leak_check") is not None, timeout=60000)
    box = parent.findChild(QMessageBox, "leak_check")
    assert box is not None and box.isVisible()
    return box


def test_transcript_and_qdpx_exports_show_what_is_left(qtbot, tmp_path: Path, monkeypatch, leaky: MainWindow) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "Meerwijk transcripten"  # the folder's own name counts too
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(folder))
    actions = leaky.menu_actions
    actions.export_transcripts_action.trigger()
    choices = actions.transcript_export.dialog
    assert choices is not None
    choices.pseudonymise.setChecked(True)
    choices.accept()
    box = leak_box(qtbot, leaky)
    assert box.icon() == QMessageBox.Icon.Warning
    assert SHORT_FORM_LEFT.replace("3×", "4×") in box.informativeText()
    assert box.informativeText().endswith("the exported file's name")
    box.close()
    box.deleteLater()
    qtbot.waitUntil(lambda: leaky.findChild(QMessageBox, "leak_check") is None)

    target = tmp_path / "Meerwijk gedeeld.qdpx"  # the file's own name counts too
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    actions.export_project_action.trigger()
    dialog = actions.exchange.choices_dialog
    assert dialog is not None
    dialog.pseudonymise.setChecked(True)
    dialog.accept()
    box = leak_box(qtbot, leaky)
    assert box.informativeText() == (
        "• Meerwijk (short form of Meerwijk College): 4×, in docent2_ronde1, docent3_ronde3, teamleider1_ronde2, "
        "the exported file's name"
    )
    assert target.exists()


def test_an_analysis_export_lists_only_what_its_file_holds(qtbot, tmp_path: Path, leaky: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """``Meerwijk`` is left in three transcripts, but a frequency table does not quote them: none found; the
    file's own name is what was shared then."""
    analysis = open_analysis(qtbot, leaky)
    tab = analysis.frequencies
    tab.pseudonymise.setChecked(True)
    with qtbot.waitSignal(tab.exported, timeout=60000):
        tab.export_to(tmp_path / "frequenties.xlsx")
    box = leak_box(qtbot, analysis)
    assert box.icon() == QMessageBox.Icon.Information
    assert "No accepted name or short form of one was found" in box.text()
    box.close()
    box.deleteLater()
    qtbot.waitUntil(lambda: analysis.findChild(QMessageBox, "leak_check") is None)

    with qtbot.waitSignal(tab.exported, timeout=60000):
        tab.export_to(tmp_path / "Meerwijk frequenties.csv")
    box = leak_box(qtbot, analysis)
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.informativeText() == ("• Meerwijk (short form of Meerwijk College): 1×, in the exported file's name")
    analysis.close()


def test_the_codebook_and_one_transcript_list_only_what_they_hold(
    qtbot, tmp_path: Path, monkeypatch, leaky: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    """``Meerwijk`` is left in three transcripts: not in the codebook, and in one transcript only there."""
    actions = leaky.menu_actions
    target = tmp_path / "codeboek.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    actions.export_codebook_action.trigger()
    dialog = actions.exchange.export_dialog
    assert dialog is not None
    dialog.pseudonymise.setChecked(True)
    dialog.accept()
    box = leak_box(qtbot, leaky)
    assert box.icon() == QMessageBox.Icon.Information and target.exists()
    box.close()
    box.deleteLater()
    qtbot.waitUntil(lambda: leaky.findChild(QMessageBox, "leak_check") is None)

    assert leaky.store is not None
    with leaky.store.read() as session:
        document = session.execute(select(Document.id).where(Document.name == "docent2_joost_ronde1")).scalar_one()
    leaky.open_document(document)
    folder = tmp_path / "transcript"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(folder))
    actions.export_transcripts_action.trigger()
    choices = actions.transcript_export.dialog
    assert choices is not None
    choices.only_current.setChecked(True)
    choices.pseudonymise.setChecked(True)
    choices.accept()
    box = leak_box(qtbot, leaky)
    assert box.informativeText() == "• Meerwijk (short form of Meerwijk College): 1×, in docent2_ronde1"
    assert [p.stem for p in folder.iterdir()] == ["docent2_ronde1"]


def test_places_kept_as_a_word_only_are_asked_to_be_checked_not_called_names_left_in(qtbot) -> None:  # type: ignore[no-untyped-def]
    from lobcoder.gui.pseudonymise.leak_box import show_leaks
    from lobcoder.pseudonymise.leak_check import Leak

    parent = QWidget()
    qtbot.addWidget(parent)
    kept = Leak("Wil", "Wil", 2, ("student1_ronde1",), kept_as_word=True)
    box = show_leaks(parent, [kept], "Export")
    assert box is not None and box.icon() == QMessageBox.Icon.Warning
    assert "kept as the word" in box.text() and "still in it" not in box.text()
    assert box.informativeText().startswith("• Wil: 2× kept as a word opening a sentence")
    box.close()
    left = Leak("Marieke", "Marieke", 1, ("student1_ronde1",))
    box = show_leaks(parent, [left, kept], "Export")
    assert box is not None and "still in it" in box.text()
    box.close()
