"""Codebook and project exchange from the menus, on real project files."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document as WordDocument
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QInputDialog, QMessageBox, QPushButton
from sqlalchemy import func, select

from lobcoder.errors import Cancelled
from lobcoder.gui.exchange_actions import ExchangeActions
from lobcoder.gui.i18n import install_translations
from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.settings import Settings
from lobcoder.refi.qdc import read_qdc, write_qdc
from lobcoder.services.codebook_data import Codebook, CodebookCode
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document
from lobcoder.storage.backups import BEFORE_CODEBOOK_IMPORT, list_backups
from lobcoder.storage.models import Code, Coding, Document, Participant
from lobcoder.storage.project import ProjectStore

TEXT_1 = "I: Hoe werkt u samen?\nMarieke: Eén keer per maand leren we samen van elkaar 😀.\n"
TEXT_2 = "I: En de visie?\nBram: De visie is door het management geschreven, zonder ons.\n"
LEREN_GUID = "6f1c1b9e-2f7a-4d1e-9b1a-3c2d4e5f6a7b"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "project.lobcoder"
    with ProjectStore.create(path) as store, store.transaction() as session:
        first = add_document(session, "Docent01_w1", TEXT_1)
        second = add_document(session, "Docent02_w1", TEXT_2)
        leren = create_code(session, "Collectief leren", color="#e69f00", guid=LEREN_GUID)
        samen = create_code(session, "Samen oefenen", leren.id, color="#56b4e9", definition="Samen iets doen.")
        visie = create_code(session, "Visie", color="#009e73")
        add_coding(session, first.id, samen.id, TEXT_1.index("leren"), TEXT_1.index("leren") + 5)
        add_coding(session, first.id, leren.id, 0, 20)
        add_coding(session, second.id, visie.id, TEXT_2.index("De visie"), TEXT_2.index("De visie") + 8)
    return path


@pytest.fixture
def window(qtbot, tmp_path: Path, project: Path) -> Iterator[MainWindow]:
    win = MainWindow(Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(win)
    win.show()
    assert win.open_project(project)
    yield win
    win.close()


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_a: shown.append(text))
    return shown


def _plural(text: str) -> str:
    """``text`` with "2 code(s)" read as "2 codes".

    New strings get their English plural forms when the translations are next
    updated; until then Qt shows the source form. Either way the user reads the
    same counts, and so do these tests.
    """
    text = re.sub(r"\b1 ([^()\d]*?)\((?:s|es)\)", r"1 \1", text)
    return re.sub(r"\b(\d+) ([^()\d]*?)\((s|es)\)", r"\1 \2\3", text)


def _exchange(win: MainWindow) -> ExchangeActions:
    return win.menu_actions.exchange


def _wait_for_task(qtbot, win: MainWindow) -> None:  # type: ignore[no-untyped-def]
    task = _exchange(win).task
    assert task is not None
    qtbot.waitUntil(lambda: task.ended, timeout=10000)


def _save_as(monkeypatch, path: Path, chosen_filter: str = "") -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(path), chosen_filter))


def _open(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))


def _tree_names(win: MainWindow, parent: QModelIndex | None = None, depth: int = 0) -> list[str]:
    """The code tree as the user sees it: names, indented by level."""
    model = win.code_model
    parent = parent or QModelIndex()
    names = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        names.append("  " * depth + index.data())
        names += _tree_names(win, index, depth + 1)
    return names


def _code_id(win: MainWindow, name: str) -> int:
    return next(c.id for c in win.codes_by_id.values() if c.name == name)


# -- codebook export -------------------------------------------------------------


def test_exported_qdc_reads_back_with_the_same_names_colours_and_tree(monkeypatch, tmp_path, window) -> None:
    target = tmp_path / "out" / "codeboek"
    target.parent.mkdir()
    window.menu_actions.export_codebook_action.trigger()
    dialog = _exchange(window).export_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.whole.isChecked() and not dialog.only_branch.isEnabled()  # no code selected
    # No extension typed: the chosen filter decides the format.
    _save_as(monkeypatch, target, "REFI-QDA codebook (*.qdc)")
    dialog.accept()
    written = target.with_name("codeboek.qdc")
    codebook, notes = read_qdc(written)
    assert notes == []
    assert [(path, code.color) for path, code in codebook.walk()] == [
        (("Collectief leren",), "#e69f00"),
        (("Collectief leren", "Samen oefenen"), "#56b4e9"),
        (("Visie",), "#009e73"),
    ]
    assert codebook.codes[0].children[0].definition == "Samen iets doen."
    assert str(written) in window.statusBar().currentMessage()


def test_export_only_the_selected_branch_as_dutch_markdown_with_counts(monkeypatch, tmp_path, window) -> None:
    window.select_code(_code_id(window, "Collectief leren"))
    window.menu_actions.export_codebook_action.trigger()
    dialog = _exchange(window).export_dialog
    assert dialog is not None
    assert "‘Collectief leren’" in dialog.only_branch.text() and "(2 codes)" in _plural(dialog.only_branch.text())
    dialog.only_branch.setChecked(True)
    dialog.language.setCurrentIndex(dialog.language.findData("nl"))
    dialog.counts.setChecked(True)
    target = tmp_path / "tak.md"
    _save_as(monkeypatch, target)
    dialog.accept()
    text = target.read_text(encoding="utf-8")
    assert "Collectief leren" in text and "Samen oefenen" in text
    assert "Visie" not in text
    assert "Coderingen" in text and "Definitie" in text  # Dutch labels, counts column
    assert "| 1 | **Collectief leren** |" in text and "| 1 | 1 |" in text


def test_export_whole_codebook_as_word(monkeypatch, tmp_path, window) -> None:
    window.menu_actions.export_codebook_action.trigger()
    dialog = _exchange(window).export_dialog
    assert dialog is not None
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    target = tmp_path / "codebook.docx"
    _save_as(monkeypatch, target)
    dialog.accept()
    cells = [cell.text for table in WordDocument(str(target)).tables for row in table.rows for cell in row.cells]
    for wanted in ("Collectief leren", "Samen oefenen", "Visie", "Definition", "Samen iets doen."):
        assert any(wanted in cell for cell in cells), wanted
    assert not any("Coderingen" in cell or "Codings" in cell for cell in cells)  # no counts asked for


def test_cancelling_the_export_options_writes_nothing(monkeypatch, tmp_path, window) -> None:
    called: list[object] = []

    def save_as(*args: object, **_kwargs: object) -> tuple[str, str]:
        called.append(args)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    window.menu_actions.export_codebook_action.trigger()
    dialog = _exchange(window).export_dialog
    assert dialog is not None
    dialog.reject()
    assert called == []
    assert list(tmp_path.glob("*.qdc")) == list(tmp_path.glob("*.docx")) == []


# -- codebook import -------------------------------------------------------------


def _incoming(tmp_path: Path) -> Path:
    """A codebook as another program would send it: new GUIDs, one new theme, one recoloured code."""
    codebook = Codebook(
        codes=(
            CodebookCode(
                guid="11111111-1111-4111-8111-111111111111",
                name="Communicatie",
                color="#cc79a7",
                definition="Hoe informatie over LOB de docenten bereikt.",
                children=(CodebookCode(guid="22222222-2222-4222-8222-222222222222", name="Overleg", color="#d55e00"),),
            ),
            CodebookCode(guid="33333333-3333-4333-8333-333333333333", name="Visie", color="#0072b2"),
            CodebookCode(guid=LEREN_GUID, name="Collectief leren", color="#e69f00"),
        ),
    )
    path = tmp_path / "incoming.qdc"
    write_qdc(codebook, path)
    path.write_text(re.sub('origin="[^"]*"', 'origin="MAXQDA 24"', path.read_text("utf-8")), "utf-8")
    return path


def _code_rows(win: MainWindow) -> list[tuple[str, str, int | None]]:
    assert win.store is not None
    with win.store.read() as session:
        rows = session.execute(select(Code.name, Code.color, Code.parent_id))
        return sorted((name, color, parent) for name, color, parent in rows)


def reasons(project: Path) -> list[str]:
    return [b.reason for b in list_backups(project)]


def test_import_codebook_shows_the_plan_then_adds_codes_as_one_undoable_action(
    qtbot, monkeypatch, tmp_path, window
) -> None:
    path = _incoming(tmp_path)
    before_rows, before_tree = _code_rows(window), _tree_names(window)
    _open(monkeypatch, path)
    window.menu_actions.import_codebook_action.trigger()
    dialog = _exchange(window).plan_dialog
    assert dialog is not None and dialog.isVisible()
    assert _plural(dialog.summary.text()) == "2 new codes · 1 updated · 1 unchanged"
    assert "incoming.qdc" in dialog.heading.text() and "MAXQDA 24" in dialog.heading.text()
    rows = [[dialog.model.index(r, c).data() for c in range(3)] for r in range(dialog.model.rowCount())]
    assert rows == [
        ["Communicatie", "New", "at the top level"],
        ["Communicatie › Overleg", "New", "under ‘Communicatie’"],
        ["Visie", "Updated", "changes the colour #009e73 → #0072b2; recognised by its name"],
        ["Collectief leren", "Unchanged", ""],
    ]
    assert dialog.import_button.isEnabled()
    assert _code_rows(window) == before_rows  # the plan changes nothing
    assert window.store is not None and BEFORE_CODEBOOK_IMPORT not in reasons(window.store.path)

    dialog.accept()
    _wait_for_task(qtbot, window)  # the backup and the import run in the background
    assert reasons(window.store.path).count(BEFORE_CODEBOOK_IMPORT) == 1
    after_tree = _tree_names(window)
    assert after_tree == [*before_tree, "Communicatie", "  Overleg"]
    assert window.codes_by_id[_code_id(window, "Visie")].color == "#0072b2"
    assert window.code_tree.currentIndex().data() == "Communicatie"
    undo, redo = window.menu_actions.undo_action, window.menu_actions.redo_action
    assert undo is not None and redo is not None
    assert _plural(undo.text()) == "&Undo Import codebook (3 codes)"

    undo.trigger()
    assert _tree_names(window) == before_tree
    assert _code_rows(window) == before_rows
    redo.trigger()
    assert _tree_names(window) == after_tree
    assert window.codes_by_id[_code_id(window, "Visie")].color == "#0072b2"


def test_importing_the_projects_own_codebook_changes_nothing(tmp_path, window) -> None:
    own = tmp_path / "own.qdc"
    assert _exchange(window).write_codebook(own, "qdc", _options())
    dialog = _exchange(window).show_codebook_plan(own)
    assert dialog is not None
    assert _plural(dialog.summary.text()) == "0 new codes · 0 updated · 3 unchanged"
    assert not dialog.import_button.isEnabled()
    assert "Nothing to import" in dialog.hint.text()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "&Close"
    dialog.reject()
    assert window.undo_stack is not None and window.undo_stack.count() == 0


def _options():  # type: ignore[no-untyped-def]
    from lobcoder.gui.dialogs.codebook_export_dialog import CodebookExportOptions

    return CodebookExportOptions(branch_guid=None, language="en", counts=False)


def test_conflicts_and_reader_notes_are_listed(tmp_path, window) -> None:
    path = tmp_path / "atlas.qdc"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="ATLAS.ti">'
        "<Codes>"
        f'<Code guid="{LEREN_GUID}" name="Visie" isCodable="true"/>'
        '<Code guid="44444444-4444-4444-8444-444444444444" name="Nieuw::Kind" isCodable="true" color="cc79a7"/>'
        "</Codes><Sets/></CodeBook>",
        encoding="utf-8",
    )
    dialog = _exchange(window).show_codebook_plan(path)
    assert dialog is not None
    statuses = {
        dialog.model.index(r, 0).data(): dialog.model.index(r, 1).data() for r in range(dialog.model.rowCount())
    }
    assert statuses["Visie"] == "Skipped"
    assert statuses["Nieuw › Kind"] == "New"
    notes = dialog.notes_view.toPlainText()
    assert "'::'" in notes and "colour" in notes and "<Sets/>" in notes
    assert dialog.notes_view.isVisibleTo(dialog)
    assert "1 skipped because of a conflict" in _plural(dialog.summary.text())


def test_a_hostile_codebook_shows_an_error_and_changes_nothing(monkeypatch, tmp_path, window, warnings) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("geheim", encoding="utf-8")
    path = tmp_path / "hostile.qdc"
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE c [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="55555555-5555-4555-8555-555555555555" '
        'name="&x;" isCodable="true"/></Codes></CodeBook>',
        encoding="utf-8",
    )
    before = _code_rows(window)
    _open(monkeypatch, path)
    window.menu_actions.import_codebook_action.trigger()
    assert len(warnings) == 1 and "hostile.qdc" in warnings[0]
    assert _exchange(window).plan_dialog is None
    assert _code_rows(window) == before
    assert window.undo_stack is not None and window.undo_stack.count() == 0


def test_a_file_that_is_not_a_codebook_is_refused(monkeypatch, tmp_path, window, warnings) -> None:
    path = tmp_path / "notes.qdc"
    path.write_text("<notes><note>hallo</note></notes>", encoding="utf-8")
    assert _exchange(window).show_codebook_plan(path) is None
    assert len(warnings) == 1 and "notes.qdc" in warnings[0] and "not a REFI-QDA codebook" in warnings[0]


# -- projects --------------------------------------------------------------------


def _counts(path: Path) -> tuple[list[str], int, list[str]]:
    with ProjectStore.open(path) as store, store.read() as session:
        documents = sorted(session.scalars(select(Document.name)))
        codings = session.scalar(select(func.count()).select_from(Coding)) or 0
        codes = sorted(session.scalars(select(Code.name)))
    return documents, codings, codes


def test_qdpx_export_then_import_gives_the_same_documents_and_codings(
    qtbot, monkeypatch, tmp_path, project, window
) -> None:
    exchange = _exchange(window)
    qdpx = tmp_path / "uitwisseling"
    _save_as(monkeypatch, qdpx)
    window.menu_actions.export_project_action.trigger()
    choices = exchange.choices_dialog
    assert choices is not None and not choices.pseudonymise.isEnabled()  # no pseudonymisation decisions
    choices.accept()
    assert exchange.task is not None
    qtbot.waitUntil(lambda: exchange.report_dialog is not None, timeout=20000)
    written = tmp_path / "uitwisseling.qdpx"
    assert written.is_file()
    report = exchange.report_dialog
    assert report is not None and report.isVisible()
    assert str(written) in report.text()
    assert "2 documents · 3 codes · 3 codings" in _plural(report.summary.text())
    report.accept()

    imported = tmp_path / "kopie.lobcoder"
    _open(monkeypatch, written)
    _save_as(monkeypatch, tmp_path / "kopie")
    window.menu_actions.import_project_action.trigger()
    qtbot.waitUntil(lambda: window.store is not None and window.store.path == imported, timeout=20000)
    assert _counts(imported) == _counts(project)
    assert sorted(d.name for d in window.overview.documents) == ["Docent01_w1", "Docent02_w1"]  # type: ignore[union-attr]
    assert _tree_names(window) == ["Collectief leren", "  Samen oefenen", "Visie"]
    report = exchange.report_dialog
    assert report is not None and report.isVisible()
    assert "kopie.lobcoder" in report.heading_text and "uitwisseling.qdpx" in report.heading_text
    assert "2 documents · 3 codes · 3 codings" in _plural(report.summary.text())


def test_qdpx_import_never_overwrites_a_project(qtbot, monkeypatch, tmp_path, project, window, warnings) -> None:
    exchange = _exchange(window)
    broken = tmp_path / "broken.qdpx"
    broken.write_bytes(b"not a zip at all")
    _open(monkeypatch, broken)
    _save_as(monkeypatch, project)  # the open project's own file
    before = project.read_bytes()
    window.menu_actions.import_project_action.trigger()
    qtbot.waitUntil(lambda: bool(warnings), timeout=20000)
    assert "already exists" in warnings[0]
    assert window.store is not None and window.store.path == project
    assert project.read_bytes() == before

    _save_as(monkeypatch, tmp_path / "new.lobcoder")
    window.menu_actions.import_project_action.trigger()
    qtbot.waitUntil(lambda: len(warnings) == 2, timeout=20000)
    assert "broken.qdpx" in warnings[1]
    assert not (tmp_path / "new.lobcoder").exists()
    assert exchange.task is not None and exchange.task.ended


def test_new_project_from_the_research_codebook(monkeypatch, tmp_path, window) -> None:
    asked: list[list[str]] = []

    def choose(_parent, _title, label, items, current, editable):  # type: ignore[no-untyped-def]
        asked.append(items)
        assert "23 codes" in _plural(label) and not editable
        return "Nederlands", True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    _save_as(monkeypatch, tmp_path / "lob")
    window.menu_actions.new_from_codebook_action.trigger()
    assert asked == [["Nederlands", "English"]]
    target = tmp_path / "lob.lobcoder"
    assert window.store is not None and window.store.path == target
    assert len(window.codes_by_id) == 23
    assert window.code_model.rowCount() == 4
    assert "Collectief leren" in _tree_names(window)
    assert window.windowTitle().endswith("lob.lobcoder")


def test_exchange_needs_an_open_project(monkeypatch, qtbot, tmp_path) -> None:
    win = MainWindow(Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(win)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: pytest.fail("no file dialog expected"))
    for action in (win.menu_actions.export_codebook_action, win.menu_actions.import_codebook_action):
        action.trigger()
    win.menu_actions.export_project_action.trigger()
    assert shown == ["Open or create a project first."] * 3


def test_a_renamed_code_shows_its_old_and_new_name(qtbot, tmp_path, window) -> None:
    path = tmp_path / "renamed.qdc"
    renamed = CodebookCode(guid=LEREN_GUID, name="Samen leren", color="#e69f00", definition="Leren in het team.")
    write_qdc(Codebook(codes=(renamed,)), path)
    dialog = _exchange(window).show_codebook_plan(path)
    assert dialog is not None
    assert [dialog.model.index(0, c).data() for c in range(3)] == [
        "Samen leren",
        "Updated",
        "changes the name ‘Collectief leren’ → ‘Samen leren’, the definition",
    ]
    dialog.accept()
    _wait_for_task(qtbot, window)
    assert "Samen leren" in _tree_names(window) and "Collectief leren" not in _tree_names(window)
    assert window.codes_by_id[_code_id(window, "Samen leren")].definition == "Leren in het team."


def test_cancelling_a_project_export_leaves_no_file(qtbot, monkeypatch, tmp_path, window) -> None:
    def slow_export(store, path, progress, cancelled):  # type: ignore[no-untyped-def]
        progress(0, 2, "Docent01_w1")
        while not cancelled():
            time.sleep(0.01)
        raise Cancelled("cancelled")

    monkeypatch.setattr("lobcoder.refi.qdpx_export.export_qdpx", slow_export)  # imported when the export starts
    target = tmp_path / "never.qdpx"
    _save_as(monkeypatch, target)
    window.menu_actions.export_project_action.trigger()
    _exchange(window).choices_dialog.accept()
    task = _exchange(window).task
    assert task is not None
    qtbot.waitUntil(lambda: "Docent01_w1" in task.progress.labelText(), timeout=10000)
    assert task.progress.maximum() == 2
    cancel = task.progress.findChild(QPushButton)
    assert cancel is not None
    cancel.click()
    qtbot.waitUntil(lambda: task.ended, timeout=10000)
    assert "cancelled" in window.statusBar().currentMessage()
    assert not target.exists()
    assert _exchange(window).report_dialog is None


def test_the_dutch_export_report_says_in_dutch_what_xml_could_not_hold(
    qtbot, qapp, monkeypatch, tmp_path, project, window
) -> None:
    with ProjectStore.open(project) as store, store.transaction() as session:
        # A description pasted from a PDF may hold a page break (form feed) that XML 1.0 cannot hold.
        session.add(Participant(name="Marieke", description="Docent\x0cmentor"))
    install_translations(qapp, "nl")  # the autouse fixture puts English back afterwards
    exchange = _exchange(window)
    _save_as(monkeypatch, tmp_path / "uitwisseling")
    window.menu_actions.export_project_action.trigger()
    assert exchange.choices_dialog is not None
    exchange.choices_dialog.accept()
    qtbot.waitUntil(lambda: exchange.report_dialog is not None, timeout=20000)
    notes = exchange.report_dialog.notes_view.toPlainText()
    assert (
        notes == "• beschrijving van deelnemer 'Marieke': tekens die XML niet kan bevatten, zijn vervangen door \ufffd"
    )
