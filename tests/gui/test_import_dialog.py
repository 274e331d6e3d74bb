"""The import dialog: a live speaker preview, pattern validation, a background import
with a report of failures, cancelling, and an attribute sheet applied afterwards."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
import shiboken6
from PySide6.QtCore import QAbstractItemModel, Qt, QThreadPool
from sqlalchemy import select

from lobcoder.gui import workers
from lobcoder.gui.dialogs import import_dialog
from lobcoder.gui.dialogs.import_dialog import ImportDialog, run_import
from lobcoder.gui.dialogs.import_preview import SpeakerSettings
from lobcoder.gui.dialogs.import_sheet import SheetOptions
from lobcoder.gui.settings import Settings
from lobcoder.participants.links import all_document_attributes
from lobcoder.services.batch_import import ImportOptions, import_files
from lobcoder.services.documents import list_documents
from lobcoder.storage.models import Participant
from lobcoder.storage.project import ProjectStore

INTERVIEW = (
    "Interview met docent 1\n"
    "I: Wat betekent LOB voor u?\n"
    "Anna: Eén gesprek per periode.\n"
    "Het probleem was: geen tijd.\n"
    "I: En de decaan?\n"
    "Anna: Die helpt.\n"
)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "transcripten"
    folder.mkdir()
    txt = folder / "Docent01_w1.txt"
    txt.write_text(INTERVIEW, encoding="utf-8")
    document = docx.Document()
    for line in ("I: Hoe gaan de loopbaangesprekken?", "Mark: Goed.", "I: Wie doet mee?", "Mark: De mentor."):
        document.add_paragraph(line)
    word = folder / "Docent02_w1.docx"
    document.save(word)
    broken = folder / "Kapot.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    return {"txt": txt, "docx": word, "broken": broken}


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(str(tmp_path / "settings.ini"))


@pytest.fixture
def dialog(qtbot, store: ProjectStore, settings: Settings) -> Iterator[ImportDialog]:
    window = ImportDialog(store, settings)
    qtbot.addWidget(window)
    yield window
    assert QThreadPool.globalInstance().waitForDone(10_000)


def _rows(model: QAbstractItemModel, columns: int | None = None) -> list[list[str]]:
    count = model.columnCount() if columns is None else columns
    return [[model.index(r, c).data() for c in range(count)] for r in range(model.rowCount())]


def _checked(model: QAbstractItemModel, row: int, column: int) -> bool:
    return Qt.CheckState(model.index(row, column).data(Qt.ItemDataRole.CheckStateRole)) == Qt.CheckState.Checked


def _import(qtbot, dialog: ImportDialog):  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.import_worker is not None
    with qtbot.waitSignals([dialog.import_worker.signals.finished, dialog.imported], timeout=20_000):
        pass
    return dialog.report


def test_the_preview_shows_the_speakers_and_turns_of_the_selected_file(qtbot, dialog, files) -> None:
    with qtbot.waitSignal(dialog.previewUpdated, timeout=10_000) as shown:
        dialog.add_paths([files["txt"].parent])
    assert shown.args == [str(files["txt"])]
    assert [row[0] for row in _rows(dialog.files)] == ["Docent01_w1.txt", "Docent02_w1.docx", "Kapot.docx"]
    # The refused "Het probleem was:" line stays inside Anna's first turn.
    assert _rows(dialog.preview.speakers, 3) == [["I", "2", "8"], ["Anna", "2", "11"]]
    assert _checked(dialog.preview.speakers, 0, 3) and not _checked(dialog.preview.speakers, 1, 3)
    lines = _rows(dialog.preview.lines)
    assert lines[0] == ["1", "", "Interview met docent 1"]
    assert lines[1] == ["2", "I", "I: Wat betekent LOB voor u?"]
    assert lines[-1] == ["6", "Anna", "Anna: Die helpt."]  # the text's final line break adds no empty row
    assert lines[3][1] == "✗ Het probleem was:"
    assert "reads as the start of a sentence" in lines[3][2] and "Het probleem was: geen tijd." in lines[3][2]
    assert dialog.preview.title.text() == "Docent01_w1.txt: 4 turns by 2 speakers."
    assert _rows(dialog.files)[0][1] == "2 speakers, 4 turns"

    with qtbot.waitSignal(dialog.previewUpdated, timeout=10_000):
        dialog.file_table.selectRow(1)
    assert _rows(dialog.preview.speakers, 2) == [["I", "2"], ["Mark", "2"]]

    with qtbot.waitSignal(dialog.previewUpdated, timeout=10_000):
        dialog.file_table.selectRow(2)
    assert "cannot be read" in dialog.preview.title.text()
    assert dialog.preview.speakers.rowCount() == 0
    assert _rows(dialog.files)[2][1] == "Cannot be read: is not a Word document (.docx), or it is damaged"


def test_the_dialog_tables_are_sound_models(qtbot, qtmodeltester, dialog, files) -> None:
    with qtbot.waitSignal(dialog.previewUpdated, timeout=10_000):
        dialog.add_paths([files["txt"], files["docx"]])
    for model in (dialog.files, dialog.preview.speakers, dialog.preview.lines):
        qtmodeltester.check(model)


def test_an_invalid_pattern_shows_the_error_and_disables_import(qtbot, dialog, settings, store, files) -> None:
    with qtbot.waitSignal(dialog.previewUpdated, timeout=10_000):
        dialog.add_paths([files["txt"]])
    assert dialog.import_button.isEnabled()
    speakers = dialog.speakers
    speakers.preset.setCurrentIndex(SpeakerSettings.CUSTOM)
    assert not dialog.import_button.isEnabled()  # an empty custom pattern is no pattern

    qtbot.keyClicks(speakers.regex, "(?P<speaker>[A-Z")
    assert not dialog.import_button.isEnabled()
    assert speakers.error.isVisibleTo(dialog)
    assert "Invalid speaker pattern" in speakers.error.text()
    assert dialog.status.text() == "Correct the speaker pattern first."

    speakers.regex.clear()
    qtbot.keyClicks(speakers.regex, r"^(?P<name>\w+):")
    assert "(?P<speaker>...)" in speakers.error.text()
    assert not dialog.import_button.isEnabled()

    speakers.regex.clear()
    with qtbot.waitSignal(dialog.previewUpdated, timeout=10_000):
        qtbot.keyClicks(speakers.regex, r"^(?P<speaker>[A-Z][a-z]+): ")
    assert dialog.import_button.isEnabled()
    assert not speakers.error.isVisibleTo(dialog)
    assert _rows(dialog.preview.speakers, 2) == [["Anna", "2"]]

    report = _import(qtbot, dialog)
    assert [r.turns for r in report.imported] == [2]
    assert settings.speaker_pattern == r"^(?P<speaker>[A-Z][a-z]+): "
    with store.read() as session:
        assert [d.turns for d in list_documents(session)] == [2]


def test_importing_stores_the_documents_and_lists_the_broken_file_with_its_reason(qtbot, dialog, store, files) -> None:
    dialog.add_paths([files["txt"], files["docx"], files["broken"], files["txt"]])
    assert dialog.files.rowCount() == 3  # the same file twice is listed once
    report = _import(qtbot, dialog)

    assert [Path(r.path).name for r in report.imported] == ["Docent01_w1.txt", "Docent02_w1.docx"]
    assert [Path(r.path).name for r in report.failed] == ["Kapot.docx"]
    with store.read() as session:
        stored = {d.name: d.turns for d in list_documents(session)}
    assert stored == {"Docent01_w1": 4, "Docent02_w1": 4}

    assert dialog.pages.currentIndex() == 1
    assert "The import is complete" in dialog.result_title.text()
    assert "Imported: 2 · Duplicates skipped: 0 · Failed: 1" in dialog.result_summary.text()
    [row] = _rows(dialog.problems)
    assert row[:2] == ["Kapot.docx", "Failed"]
    assert row[2] == "is not a Word document (.docx), or it is damaged"
    assert dialog.close_button.isVisibleTo(dialog) and not dialog.import_button.isVisibleTo(dialog)


def test_a_file_already_in_the_project_is_listed_as_a_duplicate(qtbot, dialog, store, files) -> None:
    import_files(store, [files["txt"]])
    dialog.add_paths([files["txt"]])
    report = _import(qtbot, dialog)
    assert len(report.duplicates) == 1
    assert _rows(dialog.problems) == [
        ["Docent01_w1.txt", "Duplicate", "the same text as the document ‘Docent01_w1’, already in the project"]
    ]


def test_cancel_keeps_the_finished_files_and_lists_the_others(qtbot, dialog, store, files, monkeypatch) -> None:
    started, go_on = threading.Event(), threading.Event()
    real_import_files = import_dialog.import_files

    def held_after_first_progress(store, paths, options, progress, cancelled):  # type: ignore[no-untyped-def]
        def report(done: int, total: int, label: str) -> None:
            progress(done, total, label)
            if done == 0:
                started.set()
                go_on.wait(10)

        return real_import_files(store, paths, options, report, cancelled)

    monkeypatch.setattr(import_dialog, "import_files", held_after_first_progress)
    rejected: list[bool] = []
    dialog.rejected.connect(lambda: rejected.append(True))
    dialog.add_paths([files["txt"], files["docx"], files["broken"]])
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert started.wait(10)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert "imported so far are kept" in dialog.status.text()
    assert dialog.import_worker is not None
    with qtbot.waitSignal(dialog.import_worker.signals.finished, timeout=20_000):
        go_on.set()

    assert rejected == []  # Cancel stopped the import, not the dialog
    report = dialog.report
    assert report.cancelled
    assert [Path(r.path).name for r in report.imported] == ["Docent01_w1.txt"]
    assert "The import was cancelled" in dialog.result_title.text()
    assert "kept in the project" in dialog.result_summary.text()
    assert [row[:2] for row in _rows(dialog.problems)] == [
        ["Docent02_w1.docx", "Not started"],
        ["Kapot.docx", "Not started"],
    ]
    with store.read() as session:
        assert [d.name for d in list_documents(session)] == ["Docent01_w1"]


def test_an_attribute_sheet_is_previewed_before_and_applied_after_the_import(
    qtbot, dialog, store, files, tmp_path: Path
) -> None:
    sheet = tmp_path / "attributen.csv"
    sheet.write_text(
        "Document;Deelnemer;School\nDocent01_w1;Anna;Het Lyceum\nDocent02_w1;Mark;Het College\nDocent03_w1;Piet;X\n",
        encoding="utf-8",
    )
    dialog.add_paths([files["txt"], files["docx"]])
    with qtbot.waitSignal(dialog.sheet.planned, timeout=10_000):
        dialog.sheet.set_sheet(sheet)
    summary = dialog.sheet.summary.toPlainText()
    assert "Each row describes a document, named in column ‘Document’." in summary
    assert "Rows: 0 matched, 3 unmatched, 0 ambiguous." in summary
    assert "2 unmatched rows name files about to be imported" in summary
    assert "Row 4: ‘Docent03_w1’ matches no document." in summary
    assert dialog.sheet.key_column.currentText() == "Document"
    assert dialog.sheet.participant_column.currentText() == "Deelnemer"
    assert [dialog.sheet.attributes.item(r).text() for r in range(dialog.sheet.attributes.rowCount())] == ["School"]

    with qtbot.waitSignal(dialog.sheet.planned, timeout=10_000):
        dialog.sheet.attributes.item(0).setCheckState(Qt.CheckState.Checked)  # School describes the participant
    assert dialog.sheet.options().participant_attributes == ("School",)

    _import(qtbot, dialog)
    assert dialog.sheet_error is None
    result = dialog.sheet_result
    assert set(result.participants_created) == {"Anna", "Mark"}
    assert result.links_set == 2 and result.added == 2
    assert "Attribute values: 2 added, 0 changed, 0 unchanged." in dialog.result_summary.text()
    with store.read() as session:
        assert sorted(session.scalars(select(Participant.name))) == ["Anna", "Mark"]


def test_an_unusable_sheet_blocks_the_import_until_it_is_removed(qtbot, dialog, files, tmp_path: Path) -> None:
    old = tmp_path / "oud.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    dialog.add_paths([files["txt"]])
    with qtbot.waitSignal(dialog.sheet.planned, timeout=10_000):
        dialog.sheet.set_sheet(old)
    assert "Excel 97-2003" in dialog.sheet.summary.toPlainText()
    assert not dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.sheet.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.import_button.isEnabled()


def test_quick_edits_give_one_preview_update_shortly_after_the_last(qtbot, dialog, files) -> None:
    with qtbot.waitSignal(dialog.previewUpdated, timeout=10_000):
        dialog.add_paths([files["txt"]])
    updates: list[str] = []
    dialog.previewUpdated.connect(updates.append)
    with qtbot.waitSignal(dialog.previewUpdated, timeout=2000):
        for value in (3, 4, 5):
            dialog.speakers.min_turns.setValue(value)
    qtbot.wait(400)
    assert updates == [str(files["txt"])]
    # "Anna" starts only two lines: with five required it is no speaker any more.
    assert _rows(dialog.preview.speakers, 2) == [["I", "2"]]
    assert "occurs only 2 time" in _rows(dialog.preview.lines)[2][2]


def test_without_speaker_detection_the_text_is_imported_without_turns(qtbot, dialog, store, settings, files) -> None:
    with qtbot.waitSignal(dialog.previewUpdated, timeout=10_000):
        dialog.add_paths([files["txt"]])
    with qtbot.waitSignal(dialog.previewUpdated, timeout=2000):
        dialog.speakers.detect.setChecked(False)
    assert "speaker detection is off" in dialog.preview.title.text()
    assert not dialog.speakers.preset.isEnabled()
    report = _import(qtbot, dialog)
    assert [r.turns for r in report.imported] == [0]
    assert settings.detect_speakers is False


def test_the_dialog_preview_agrees_with_the_import_on_every_service_export(qtbot, dialog, tmp_path: Path) -> None:
    from lobcoder.services.batch_import import ImportOptions, preview_file
    from tests.importing.transcript_fixtures import write_fixtures

    fixtures = write_fixtures(tmp_path / "exports")
    with qtbot.waitSignal(dialog.previewUpdated, timeout=10_000):
        dialog.add_paths([tmp_path / "exports"])
    for row, path in enumerate(dialog.paths()):
        if row:
            with qtbot.waitSignal(dialog.previewUpdated, timeout=10_000):
                dialog.file_table.selectRow(row)
        core = preview_file(path, ImportOptions()).preview
        assert core is not None
        expected = [[s.name or "(no speaker)", str(s.turn_count)] for s in core.speakers]
        assert _rows(dialog.preview.speakers, 2) == expected, path.name
        source = fixtures[path].source
        title = dialog.preview.title.text()
        assert title.startswith(f"{path.name} ({source}, ." if source else f"{path.name} (."), title
        assert f"{len(core.turns)} turns" in title
        shown = [row[1] for row in _rows(dialog.preview.lines)]
        assert [cell.split(" · ")[0] if line.speaker else "" for cell, line in zip(shown, core.lines, strict=True)] == [
            line.speaker or "" for line in core.lines
        ]
    # Turns show their time in the recording beside the speaker (alone when the cue has no speaker).
    names = [path.name for path in dialog.paths()]
    with qtbot.waitSignal(dialog.previewUpdated, timeout=10_000):
        dialog.file_table.selectRow(names.index("teams.docx"))
    assert [row[1] for row in _rows(dialog.preview.lines)][4:6] == ["Bakker, Lotte · 0:03", "Jansen, Sem · 0:08"]
    with qtbot.waitSignal(dialog.previewUpdated, timeout=10_000):
        dialog.file_table.selectRow(names.index("whisper.srt"))
    assert [row[1] for row in _rows(dialog.preview.lines)][:2] == ["0:03", "0:08"]


def test_an_import_whose_dialog_was_deleted_stops_after_the_current_file_quietly(
    qtbot, caplog, store, settings, files, monkeypatch
) -> None:
    # The dialog deleted mid-import (with its window): nobody can see the report, so the import stops.
    started, go_on = threading.Event(), threading.Event()
    real_import_files = import_dialog.import_files

    def held_in_first_file(store, paths, options, progress, cancelled):  # type: ignore[no-untyped-def]
        def report(done: int, total: int, label: str) -> None:
            progress(done, total, label)
            if done == 0:
                started.set()
                assert go_on.wait(10)

        return real_import_files(store, paths, options, report, cancelled)

    monkeypatch.setattr(import_dialog, "import_files", held_in_first_file)
    dialog = ImportDialog(store, settings)
    dialog.add_paths([files["txt"], files["docx"], files["broken"]])
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert started.wait(10)
    worker = dialog.import_worker
    assert worker is not None
    ended: list[str] = []
    for name in ("finished", "failed", "cancelled"):
        getattr(worker.signals, name).connect(lambda *_args, name=name: ended.append(name))
    shiboken6.delete(dialog)
    assert worker.is_cancelled()
    go_on.set()
    assert worker.wait(10)
    qtbot.waitUntil(lambda: worker not in workers._running, timeout=10_000)  # its last signal was handled
    assert ended == []  # nothing reaches the deleted dialog
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], caplog.text
    with store.read() as session:  # the file imported before is kept, the others not started
        assert [d.name for d in list_documents(session)] == ["Docent01_w1"]


def test_the_facts_are_stored_before_the_sheet_whose_value_wins(store, tmp_path: Path) -> None:
    source = tmp_path / "Jan_w1.txt"
    source.write_text(
        "Student: Jan\nSchool: ROC Oost\n\nI: Wat wil je worden?\nStudent: Kok.\nI: Waarom?\nStudent: Ik kook graag.\n",
        encoding="utf-8",
    )
    sheet = tmp_path / "attributen.csv"
    sheet.write_text("document;School\nJan_w1;ROC West\n", encoding="utf-8")
    options = ImportOptions(document_facts=True)
    outcome = run_import(store, [source], options, SheetOptions(sheet), lambda *_: None, lambda: False)
    assert [r.facts for r in outcome.report.imported] == [(("Student", "Jan"), ("School", "ROC Oost"))]
    assert outcome.facts_error is None and outcome.facts_result is not None and outcome.facts_result.added == 2
    assert outcome.sheet_error is None and outcome.sheet_result is not None and outcome.sheet_result.changed == 1
    with store.read() as session:
        (values,) = all_document_attributes(session).values()
    assert values == {"Student": "Jan", "School": "ROC West"}


def test_a_cancelled_import_skips_the_sheet(store, tmp_path: Path) -> None:
    source = tmp_path / "Jan_w1.txt"
    source.write_text(INTERVIEW, encoding="utf-8")
    sheet = tmp_path / "attributen.csv"
    sheet.write_text("document;School\nJan_w1;ROC West\n", encoding="utf-8")
    options = ImportOptions(document_facts=True)
    outcome = run_import(store, [source], options, SheetOptions(sheet), lambda *_: None, lambda: True)
    assert outcome.report.cancelled and outcome.sheet_skipped
    assert outcome.sheet_result is None and outcome.sheet_error is None
    without_sheet = run_import(store, [source], options, None, lambda *_: None, lambda: True)
    assert without_sheet.report.cancelled and not without_sheet.sheet_skipped
    with store.read() as session:
        assert all_document_attributes(session) == {}
