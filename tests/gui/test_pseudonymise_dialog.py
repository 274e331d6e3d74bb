"""The pseudonymisation window on the demo: review, edit, add a term, preview, write the copy."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from lobcoder.demo.build import create_demo_project
from lobcoder.gui.i18n import install_translations
from lobcoder.gui.pseudonymise.dialog import PseudonymiseDialog
from lobcoder.gui.pseudonymise.entity_model import PSEUDONYM, REPLACE, SOURCES, TERM
from lobcoder.pseudonymise.decisions import load_decisions
from lobcoder.pseudonymise.detect import detect
from lobcoder.pseudonymise.keyfile import read_key
from lobcoder.storage.project import ProjectStore


def row_of(dialog: PseudonymiseDialog, term: str) -> int:
    return next(i for i, e in enumerate(dialog.model.entities()) if e.term == term)


def test_review_and_write_copy(qtbot: QtBot, qtmodeltester, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = create_demo_project(tmp_path / "demo.lobcoder")
    store = ProjectStore.open(path)
    dialog = PseudonymiseDialog(store, selection="MBO Diensten", use_deduce=False)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=10000)
    qtmodeltester.check(dialog.model)
    model = dialog.model
    assert model.entity(row_of(dialog, "Marieke")).pseudonym == "Docent 1"
    model.setData(model.index(row_of(dialog, "Joost"), REPLACE), 0, 10)  # CheckStateRole, unchecked
    model.setData(model.index(row_of(dialog, "Ruud"), PSEUDONYM), "Leidinggevende 1")
    added = dialog.add_term("MBO Diensten", "Organisatie X")
    assert added.count >= 2
    dialog.document_box.setCurrentIndex(0)
    shown = dialog.preview.toPlainText()
    assert "Veenstroom" not in shown and "School A" in shown
    assert "Docent 1" in dialog.status.text() or "replace" in dialog.status.text()
    dialog.resize(1200, 720)
    dialog.grab().save(str(tmp_path / "pseudonymise.png"))
    out, key = tmp_path / "copy.lobcoder", tmp_path / "key.json"
    dialog.apply_to(out, key, "wachtwoord")
    # The status line changes when the worker's finished signal reaches the window.
    qtbot.waitUntil(lambda: "copy.lobcoder" in dialog.status.text(), timeout=30000)
    dialog.wait()
    assert out.exists()
    # What the table shows is what is stored and what was written (what apply does with it: test_pseudonymise_cli).
    with store.read() as session:
        stored = {d.term: d for d in load_decisions(session)}
    assert stored["Joost"].accepted is False and stored["Ruud"].pseudonym == "Leidinggevende 1"
    written = {t["term"]: t["pseudonym"] for t in read_key(key, "wachtwoord")["terms"]}
    shown = {e.term: e.pseudonym for e in model.entities() if e.accepted}
    assert written == shown and "Joost" not in written and written["MBO Diensten"] == "Organisatie X"
    store.close()


def test_closing_keeps_the_review_in_the_project(qtbot: QtBot, tmp_path: Path) -> None:
    path = create_demo_project(tmp_path / "demo.lobcoder")
    with ProjectStore.open(path) as store:
        dialog = PseudonymiseDialog(store, use_deduce=False)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=10000)
        dialog.wait()
        dialog.model.setData(dialog.model.index(row_of(dialog, "Samira"), PSEUDONYM), "Docent Z")
        dialog.reject()
        reopened = PseudonymiseDialog(store, use_deduce=False)
        qtbot.addWidget(reopened)
        qtbot.waitUntil(lambda: reopened.model.rowCount() > 0, timeout=10000)
        reopened.wait()
        assert reopened.model.entity(row_of(reopened, "Samira")).pseudonym == "Docent Z"


def test_closing_stops_detection_drops_its_late_result_and_deletes_the_window(
    qtbot: QtBot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    import lobcoder.gui.pseudonymise.dialog as module

    started, release, seen = threading.Event(), threading.Event(), []

    def slow_detect(store, *, cancelled, **options):  # type: ignore[no-untyped-def]
        started.set()
        release.wait(10)  # deduce's first build takes minutes: the user closes meanwhile
        seen.append(cancelled())
        return detect(store, cancelled=lambda: False, **options)  # a late result, as if deduce ignored the cancel

    monkeypatch.setattr(module, "detect", slow_detect)
    path = create_demo_project(tmp_path / "demo.lobcoder")
    parent = QWidget()
    qtbot.addWidget(parent)
    with ProjectStore.open(path) as store:
        dialog = PseudonymiseDialog(store, parent, use_deduce=False)
        dialog.show()
        worker = dialog.worker
        assert worker is not None
        qtbot.waitUntil(started.is_set, timeout=10000)
        late: list[object] = []
        for signal in (worker.signals.finished, worker.signals.failed, worker.signals.cancelled):
            signal.connect(lambda *args: late.append(args))
        with qtbot.waitSignal(dialog.destroyed, timeout=5000):
            dialog.reject()
        assert parent.findChildren(PseudonymiseDialog) == []  # the main window no longer keeps it
        release.set()
        assert worker.wait(10)
        qtbot.wait(100)  # the queued result would arrive now
    assert seen == [True] and late == []


@pytest.mark.parametrize("language", ["en", "nl"])
def test_no_term_or_pseudonym_is_cut_off(qtbot: QtBot, qapp, tmp_path: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    install_translations(qapp, language)  # Dutch headers are longer: they took the pseudonyms' room
    path = create_demo_project(tmp_path / "demo.lobcoder")
    with ProjectStore.open(path) as store:
        dialog = PseudonymiseDialog(store, use_deduce=False)
        qtbot.addWidget(dialog)
        dialog.resize(1100, 720)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=10000)
        dialog.wait()
        table = dialog.table
        for column in (TERM, PSEUDONYM, SOURCES):  # "short form of Meerwijk College" was cut in "Found by"
            assert table.columnWidth(column) >= table.sizeHintForColumn(column), (language, column)
        header = table.horizontalHeader()
        assert header.sectionViewportPosition(SOURCES) + header.sectionSize(SOURCES) <= table.viewport().width()
        buttons = [b.text() for b in dialog.findChildren(QPushButton)]
        letters = [text[text.index("&") + 1].casefold() for text in buttons if "&" in text]
        assert "&" in dialog.cancel_button.text() and len(letters) == len(buttons) == len(set(letters)), buttons
        shown = [table.model().headerData(c, Qt.Orientation.Horizontal) for c in range(table.model().columnCount())]
        assert ("Pseudoniem" in shown) == (language == "nl")
        dialog.grab().save(str(tmp_path / f"pseudonymise_{language}.png"))
        dialog.reject()


def test_the_suggested_copy_name_follows_the_table_and_writes_nothing(  # type: ignore[no-untyped-def]
    qtbot: QtBot, tmp_path: Path, monkeypatch
) -> None:
    """``ROC_Veenstroom_LOB`` suggests ``School_Z_LOB-pseudo`` as the table stands; the project is only read."""
    from PySide6.QtWidgets import QFileDialog

    path = create_demo_project(tmp_path / "ROC_Veenstroom_LOB.lobcoder")
    with ProjectStore.open(path) as store:
        dialog = PseudonymiseDialog(store, use_deduce=False)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=10000)
        dialog.wait()
        with store.read() as session:
            before = {d.term: d.pseudonym for d in load_decisions(session)}
        dialog.model.setData(dialog.model.index(row_of(dialog, "ROC Veenstroom"), PSEUDONYM), "School Z")
        suggested: list[str] = []

        def cancel(parent, title: str, name: str, *rest, **options) -> tuple[str, str]:  # type: ignore[no-untyped-def]
            suggested.append(name)  # the user cancels the file dialog
            return "", ""

        monkeypatch.setattr(QFileDialog, "getSaveFileName", cancel)
        dialog._apply()
        assert [Path(s).name for s in suggested] == ["School_Z_LOB-pseudo.lobcoder"]
        with store.read() as session:
            assert {d.term: d.pseudonym for d in load_decisions(session)} == before
        dialog.reject()


def test_closing_while_the_copy_is_written_asks_first(qtbot: QtBot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    import lobcoder.pseudonymise.apply as apply_module

    started, release = threading.Event(), threading.Event()
    real = apply_module.apply_pseudonyms

    def held(*args, **kwargs):  # type: ignore[no-untyped-def]
        started.set()
        while not release.wait(0.02):
            if kwargs["cancelled"]():
                break
        return real(*args, **kwargs)

    monkeypatch.setattr(apply_module, "apply_pseudonyms", held)
    answers: list[QMessageBox.StandardButton] = []
    asked: list[str] = []

    def question(_parent, _title, text, *_rest):  # type: ignore[no-untyped-def]
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    path = create_demo_project(tmp_path / "demo.lobcoder")
    with ProjectStore.open(path) as store:
        dialog = PseudonymiseDialog(store, use_deduce=False)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=10000)
        dialog.wait()
        out, key = tmp_path / "copy.lobcoder", tmp_path / "key.json"
        dialog.apply_to(out, key, None)
        assert started.wait(10)
        answers.append(QMessageBox.StandardButton.No)
        dialog.reject()
        assert len(asked) == 1 and "still being written" in asked[0]
        assert dialog.isVisible() and dialog.is_writing()  # No: the writing goes on
        answers.append(QMessageBox.StandardButton.Yes)
        dialog.reject()
        assert len(asked) == 2 and not dialog.isVisible()
        release.set()
        worker = dialog.worker
        assert worker is not None and worker.wait(30)
        assert not out.exists() and not key.exists()  # Yes: the writing stopped, no copy was made


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_short_form_sits_under_its_full_name_and_follows_its_pseudonym(  # type: ignore[no-untyped-def]
    qtbot: QtBot, qapp, tmp_path: Path, language: str
) -> None:
    install_translations(qapp, language)
    path = create_demo_project(tmp_path / "demo.lobcoder")
    with ProjectStore.open(path) as store:
        dialog = PseudonymiseDialog(store, use_deduce=False)
        qtbot.addWidget(dialog)
        dialog.resize(1100, 720)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=10000)
        dialog.wait()
        model = dialog.model
        full, short = row_of(dialog, "Meerwijk College"), row_of(dialog, "Meerwijk")
        assert short == full + 1 and model.entity(short).pseudonym == "School B"
        found_by = model.data(model.index(short, SOURCES))
        expected = {"en": "short form of Meerwijk College", "nl": "korte vorm van Meerwijk College"}[language]
        assert found_by == expected
        dialog.table.selectRow(short)
        dialog.grab().save(str(tmp_path / f"short_{language}.png"))
        model.setData(model.index(full, PSEUDONYM), "School X")
        assert model.entity(short).pseudonym == "School X"  # the short form follows
        model.setData(model.index(full, REPLACE), 0, 10)  # the school may stay: so may its short form
        assert not model.entity(short).accepted
        model.setData(model.index(full, REPLACE), 2, 10)
        assert model.entity(short).accepted
        model.setData(model.index(short, REPLACE), 0, 10)  # refused: stays in the copy
        assert not model.entity(short).accepted and model.entity(full).accepted
        out, key = tmp_path / "copy.lobcoder", tmp_path / "key.json"
        dialog.apply_to(out, key, "wachtwoord")
        qtbot.waitUntil(lambda: "copy.lobcoder" in dialog.status.text(), timeout=30000)
        dialog.wait()
        box = dialog.leak_box
        assert box is not None and box.isVisible()
        shown = {
            "en": "Meerwijk (short form of Meerwijk College): 3×, in ",
            "nl": "Meerwijk (korte vorm van Meerwijk College): 3×, in ",
        }
        assert shown[language] in box.informativeText()
        box.grab().save(str(tmp_path / f"leaks_{language}.png"))
        box.close()
        dialog.reject()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_shared_short_form_says_whose_it_is_and_does_not_follow(  # type: ignore[no-untyped-def]
    qapp, tmp_path: Path, language: str
) -> None:
    import docx

    from lobcoder.gui.pseudonymise.entity_model import EntityModel
    from lobcoder.pseudonymise.categories import Category
    from lobcoder.pseudonymise.termlist import Decision
    from lobcoder.services.batch_import import import_files

    install_translations(qapp, language)
    folder = tmp_path / "in"
    folder.mkdir()
    document = docx.Document()
    document.add_paragraph("Student: Marieke de Vries en Marieke Jansen. Marieke helpt me het meest.")
    document.save(str(folder / "student1.docx"))
    terms = [
        Decision("Marieke de Vries", Category.PERSON, "Deelnemer 1"),
        Decision("Marieke Jansen", Category.PERSON, "Deelnemer 2"),
    ]
    with ProjectStore.create(tmp_path / "p.lobcoder") as store:
        import_files(store, [folder])
        model = EntityModel()
        model.set_entities(detect(store, decisions=terms, use_deduce=False))
    rows = {model.entity(r).term: r for r in range(model.rowCount())}
    shared = rows["Marieke"]
    tip = model.data(model.index(shared, TERM), Qt.ItemDataRole.ToolTipRole)
    expected = {"en": "Short form of more than one name (", "nl": "Korte vorm van meer dan één naam ("}[language]
    assert expected + "Marieke de Vries, Marieke Jansen)" in tip
    assert not model.entity(shared).accepted and model.entity(shared).pseudonym == ""
    model.setData(model.index(rows["Marieke de Vries"], PSEUDONYM), "Docent 9")
    model.setData(model.index(rows["Marieke de Vries"], REPLACE), 0, 10)
    model.setData(model.index(rows["Marieke de Vries"], REPLACE), 2, 10)
    assert model.entity(shared).pseudonym == "" and not model.entity(shared).accepted  # it follows no one
