"""What she reads when files or a computation fail, in English and Dutch: each file by name with its problem.

A damaged .docx and a .txt of binary junk, imported through the import
dialog, are listed with their names and reasons. A fault in lobcoder met on
one file (a reader that breaks) names the file the import stopped at and the
error's own line; the suggestions pane and the analysis tabs, which show a
failure on a label without Show Details, add the error's own line too.
"""

from __future__ import annotations

import io
import os
import sqlite3
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import docx
import pytest
from PySide6 import QtGui
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel
from sqlalchemy.exc import IntegrityError

from lobcoder.gui.analysis import cooccurrence_tab
from lobcoder.gui.analysis.install import AnalysisMenu
from lobcoder.gui.dialogs.import_dialog import ImportDialog
from lobcoder.gui.i18n import install_translations
from lobcoder.gui.settings import Settings
from lobcoder.gui.suggestions import controller as suggestions_controller
from lobcoder.services import batch_import
from lobcoder.services.documents import list_documents
from lobcoder.storage.project import ProjectStore
from tests.gui.analysis_host import open_window

WAIT = 120_000  # a guard against a hang, not a time budget (the machine may be loaded)


def _damaged_docx(path: Path) -> None:
    """A real Word file whose text (word/document.xml) is damaged inside the zip, as a bad download leaves it."""
    document = docx.Document()
    for n in range(60):
        document.add_paragraph(f"I: Vraag {n}?")
        document.add_paragraph(f"Anna: Antwoord {n}, met wat meer woorden erbij.")
    buffer = io.BytesIO()
    document.save(buffer)
    data = bytearray(buffer.getvalue())
    member = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    start = member.header_offset + 30 + len(member.filename) + len(member.extra)
    middle = start + member.compress_size // 2
    for k in range(middle, middle + 40):
        data[k] ^= 0x5A
    path.write_bytes(bytes(data))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    files = tmp_path / "transcripten"
    files.mkdir()
    (files / "Anna_w1.txt").write_text("I: Hoe gaat het?\nAnna: Goed.\nI: En verder?\nAnna: Ook goed.\n", "utf-8")
    _damaged_docx(files / "Kapot.docx")
    (files / "Rommel.txt").write_bytes(bytes(range(256)) * 16)
    return files


@pytest.fixture(params=["en", "nl"])
def language(request, qapp: QApplication) -> str:  # type: ignore[no-untyped-def]
    install_translations(qapp, request.param)  # before the dialog is made; the conftest puts English back
    return str(request.param)


@pytest.fixture
def dialog(qtbot, tmp_path: Path, language: str) -> Iterator[ImportDialog]:  # type: ignore[no-untyped-def]
    store = ProjectStore.create(tmp_path / "p.lobcoder")
    window = ImportDialog(store, Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(window)
    yield window
    assert QThreadPool.globalInstance().waitForDone(WAIT)
    store.close()


def _import(qtbot, dialog: ImportDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.imported, timeout=WAIT):
        pass


def _problems(dialog: ImportDialog) -> dict[str, tuple[str, str]]:
    model = dialog.problems
    rows = ([model.index(r, c).data() for c in range(3)] for r in range(model.rowCount()))
    return {name: (result, reason) for name, result, reason in rows}


def _shown(label: QLabel) -> str:
    """The text as the label shows it: rich text (set so, or taken for it by Qt) rendered, else as it is."""
    text, kind = label.text(), label.textFormat()
    if kind == Qt.TextFormat.RichText or (kind == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)):
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


EXPECTED = {
    "en": (
        "Failed",
        "member 'word/document.xml' is damaged or cannot be unpacked",
        "is not a text file (it looks like binary data)",
    ),
    "nl": (
        "Mislukt",
        "onderdeel 'word/document.xml' is beschadigd of kan niet worden uitgepakt",
        "is geen tekstbestand (het lijkt op binaire gegevens)",
    ),
}


def test_a_damaged_docx_and_binary_junk_are_each_listed_with_their_problem(
    qtbot, dialog: ImportDialog, folder: Path, language: str
) -> None:
    dialog.add_paths([folder])
    _import(qtbot, dialog)
    failed, docx_problem, junk_problem = EXPECTED[language]
    problems = _problems(dialog)
    assert set(problems) == {"Kapot.docx", "Rommel.txt"}  # Anna_w1.txt was imported
    assert problems["Kapot.docx"][0] == failed and problems["Kapot.docx"][1].startswith(docx_problem)
    assert problems["Rommel.txt"] == (failed, junk_problem)
    if os.environ.get("LOBCODER_SHOTS"):
        dialog.resize(900, 500)
        dialog.grab().save(os.path.join(os.environ["LOBCODER_SHOTS"], f"import_failures_{language}.png"))


def test_a_fault_on_one_file_names_the_file_the_import_stopped_at_and_the_error(
    qtbot, dialog: ImportDialog, folder: Path, monkeypatch, language: str
) -> None:
    real = batch_import.read_file

    def breaks_on_rommel(path: Path):  # type: ignore[no-untyped-def]
        if path.name == "Rommel.txt":
            raise KeyError("w:body")  # a fault in a reader: not a problem the user can fix
        return real(path)

    monkeypatch.setattr(batch_import, "read_file", breaks_on_rommel)
    dialog.add_paths([folder / "Anna_w1.txt", folder / "Rommel.txt"])
    _import(qtbot, dialog)
    summary = _shown(dialog.result_summary)
    if language == "en":
        assert "The import stopped at ‘Rommel.txt’: an unexpected error occurred in lobcoder" in summary
        assert "The files imported before it are kept in the project." in summary
    else:
        assert "De import stopte bij ‘Rommel.txt’: er trad een onverwachte fout op in lobcoder" in summary
        assert "De bestanden die ervoor zijn geïmporteerd, blijven in het project." in summary
    assert "(KeyError: 'w:body')" in _shown(dialog.result_summary)
    with dialog.store.read() as session:
        assert [d.name for d in list_documents(session)] == ["Anna_w1"]
    if os.environ.get("LOBCODER_SHOTS"):
        dialog.resize(900, 500)
        dialog.grab().save(os.path.join(os.environ["LOBCODER_SHOTS"], f"import_fault_{language}.png"))


def _not_null_failed() -> Exception:
    """What SQLAlchemy raises for a broken constraint that is a bug (explain gives no line): several lines."""
    cause = sqlite3.IntegrityError("NOT NULL constraint failed: codings.document_id")
    return IntegrityError("INSERT INTO codings (code_id) VALUES (?)", (7,), cause)


def _with_a_note() -> Exception:
    error = ValueError("no speaker for this turn\nturn 12 of Anna_w1")
    error.add_note("while counting the codes")
    return error


@pytest.mark.parametrize(
    ("error", "shown"),
    [
        (lambda: KeyError("Visie"), "KeyError: 'Visie'"),
        # The traceback's last line would be "(Background on this error at: https://sqlalche.me/…)".
        (_not_null_failed, "IntegrityError: (sqlite3.IntegrityError) NOT NULL constraint failed: codings.document_id"),
        # ... and here the note.
        (_with_a_note, "ValueError: no speaker for this turn"),
    ],
)
def test_a_fault_in_an_analysis_shows_the_errors_own_line_on_the_tab(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, monkeypatch, error: Callable[[], Exception], shown: str
) -> None:
    from lobcoder.demo import create_demo_project

    window = open_window(qtbot, tmp_path, create_demo_project(tmp_path / "demo.lobcoder"))

    def broken(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise error()

    monkeypatch.setattr(cooccurrence_tab, "cooccurrence", broken)
    menu = window.findChild(AnalysisMenu)
    assert menu is not None
    menu.open_action.trigger()
    analysis = menu.analysis_window
    assert analysis is not None
    tab = analysis.cooccurrence
    with qtbot.waitSignal(tab.computed, timeout=WAIT):
        analysis.tabs.setCurrentWidget(tab)
    assert tab.message.isVisible()
    assert tab.message.text() == (
        "Could not compute this analysis: an unexpected error occurred in lobcoder "
        f"(not a problem with your files) ({shown})"
    )
    window.close()


def test_a_fault_in_the_suggestions_shows_the_errors_own_line_in_the_pane(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from lobcoder.demo import create_demo_project
    from tests.gui.coder_settings import coder_settings

    def broken(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(suggestions_controller, "compute_suggestions", broken)
    from lobcoder.gui.main_window import MainWindow

    window = MainWindow(coder_settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.show()
    assert window.open_project(create_demo_project(tmp_path / "demo.lobcoder"))
    assert window.overview is not None
    window.open_document(window.overview.documents[0].id)
    ctl = window.suggestions
    ctl.dock.show()
    with qtbot.waitSignal(ctl.settled, timeout=WAIT):
        pass
    assert ctl.pane.status.text() == (
        "Suggestions could not be made: an unexpected error occurred in lobcoder "
        "(not a problem with your files) (ZeroDivisionError: division by zero)"
    )
    window.close()
