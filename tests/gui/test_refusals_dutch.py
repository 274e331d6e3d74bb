"""With the Dutch interface, what the core says (refusals, sheet rows, codebook import notes) is Dutch."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox

from lobcoder.editing.code_commands import CreateCode, UpdateCode
from lobcoder.editing.resolve_commands import ResolveDisagreement
from lobcoder.gui.dialogs.import_dialog import ImportDialog
from lobcoder.gui.dialogs.import_preview import SpeakerSettings
from lobcoder.gui.i18n import install_translations
from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.settings import Settings
from lobcoder.refi.qdpx_import import import_qdpx
from lobcoder.services.codes import create_code
from lobcoder.storage.backups import backup_folder
from lobcoder.storage.project import ProjectStore


def test_a_refused_recode_is_explained_in_dutch_in_the_message_box(
    qtbot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, store: ProjectStore
) -> None:  # type: ignore[no-untyped-def]
    install_translations(qapp, "nl")  # the autouse fixture puts English back afterwards
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text, *_a: shown.append((title, text)))
    with store.transaction() as session:
        code = create_code(session, "Keuze")
    window = MainWindow(Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(window)
    assert window.open_project(store.path)
    refused = ResolveDisagreement(1, code.guid, 0, 5, "Anna", "Bram", "recode")
    assert not window.undo_stack.execute(refused)
    assert shown == [
        ("Actie niet uitgevoerd", "Voor hercoderen is een andere code nodig die de betwiste code vervangt")
    ]
    if os.environ.get("LOBCODER_SHOTS"):
        box = QMessageBox(QMessageBox.Icon.Warning, *shown[0], parent=window)
        box.grab().save(os.path.join(os.environ["LOBCODER_SHOTS"], "refusal_nl.png"))
    window.close()


def test_renaming_a_code_to_its_siblings_name_is_refused_in_dutch(
    qtbot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, store: ProjectStore
) -> None:  # type: ignore[no-untyped-def]
    install_translations(qapp, "nl")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_a: shown.append(text))
    with store.transaction() as session:
        keuze = create_code(session, "Keuze")
        create_code(session, "Twijfel")
    window = MainWindow(Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(window)
    assert window.open_project(store.path)
    assert not window.undo_stack.execute(UpdateCode(keuze.guid, name="twijfel"))
    assert not window.undo_stack.execute(CreateCode("  "))
    assert shown == ["Op dit niveau is er al een code met de naam 'twijfel'", "Een code heeft een naam nodig"]
    window.close()


def test_a_sheet_row_without_key_is_explained_in_dutch_in_the_import_dialog(
    qtbot, qapp: QApplication, store: ProjectStore, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    install_translations(qapp, "nl")
    sheet = tmp_path / "attributen.csv"
    sheet.write_text("Document;School\n;Het Lyceum\nInt01;Het College\n", encoding="utf-8")
    dialog = ImportDialog(store, Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.sheet.planned, timeout=10_000):
        dialog.sheet.set_sheet(sheet)
    summary = dialog.sheet.summary.toPlainText()
    assert "Rij 2, kolom ‘Document’: ‘’ heeft geen sleutelwaarde; rij overgeslagen." in summary
    assert "has no key" not in summary
    assert QThreadPool.globalInstance().waitForDone(10_000)


def test_a_codebook_import_lists_its_conflicts_and_notes_in_dutch(
    qtbot, qapp: QApplication, store: ProjectStore, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    install_translations(qapp, "nl")
    leren = "6f1c1b9e-2f7a-4d1e-9b1a-3c2d4e5f6a7b"
    with store.transaction() as session:
        create_code(session, "Collectief leren", guid=leren)
        create_code(session, "Visie")
    path = tmp_path / "atlas.qdc"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="ATLAS.ti"><Codes>'
        f'<Code guid="{leren}" name="Visie" isCodable="true"/>'
        '<Code guid="44444444-4444-4444-8444-444444444444" name="Nieuw::Kind" isCodable="true" color="cc79a7"/>'
        "</Codes><Sets/></CodeBook>",
        encoding="utf-8",
    )
    window = MainWindow(Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(window)
    assert window.open_project(store.path)
    dialog = window.menu_actions.exchange.show_codebook_plan(path)
    assert dialog is not None
    details = [dialog.model.index(row, 2).data() for row in range(dialog.model.rowCount())]
    assert "de GUID hoort bij code 'Collectief leren', maar het naampad is dat van code 'Visie'" in details
    assert dialog.notes_view.toPlainText().split("\n") == [
        "• 1 codenaam/-namen met '::' (zoals in ATLAS.ti) zijn subcodes geworden",
        "• een lege <Sets/> is genegeerd (het REFI-QDA-schema staat die niet toe)",
        "• 1 kleur(en) zonder '#' of in korte vorm zijn hersteld",
    ]
    if os.environ.get("LOBCODER_SHOTS"):
        dialog.grab().save(os.path.join(os.environ["LOBCODER_SHOTS"], "codebook_import_nl.png"))
    dialog.reject()
    window.close()


def test_an_invalid_speaker_pattern_is_explained_in_dutch(
    qtbot, qapp: QApplication, store: ProjectStore, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    install_translations(qapp, "nl")
    dialog = ImportDialog(store, Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(dialog)
    dialog.speakers.preset.setCurrentIndex(SpeakerSettings.CUSTOM)
    qtbot.keyClicks(dialog.speakers.regex, "(?P<speaker>[A-Z")
    assert dialog.speakers.error.text().startswith("Ongeldig sprekerpatroon '(?P<speaker>[A-Z': ")
    dialog.speakers.regex.clear()
    qtbot.keyClicks(dialog.speakers.regex, r"^(?P<naam>\w+):")
    assert dialog.speakers.error.text() == (
        r"Sprekerpatroon '^(?P<naam>\\w+):' heeft een benoemde groep (?P<speaker>...) nodig voor de naam van de spreker"
    )
    assert QThreadPool.globalInstance().waitForDone(10_000)


def test_a_backup_that_cannot_be_written_is_reported_in_dutch(
    qtbot, qapp: QApplication, store: ProjectStore, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    install_translations(qapp, "nl")
    folder = backup_folder(store.path)
    folder.write_text("a file where the backup folder should be", encoding="utf-8")
    window = MainWindow(Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(window)
    assert window.open_project(store.path)  # the daily backup is due, and cannot be made
    status = window.statusBar().currentMessage()
    assert status.startswith(f"Geen reservekopie gemaakt: {folder}: kon geen reservekopie schrijven (")
    window.close()


def test_a_refi_project_import_lists_what_it_left_out_in_dutch(qtbot, qapp: QApplication, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    install_translations(qapp, "nl")
    sample = (
        Path(__file__).resolve().parents[1]
        / "refi"
        / "data"
        / "samples"
        / "atlasti8_mac_refi_standard_project_nomedia.qdpx"
    )
    report = import_qdpx(sample, tmp_path / "atlas.lobcoder")  # what the background task hands the window
    window = MainWindow(Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(window)
    exchange = window.menu_actions.exchange
    exchange._project_imported(report)
    dialog = exchange.report_dialog
    assert dialog is not None
    notes = dialog.notes_view.toPlainText().split("\n")
    assert "• 16 codeset(s) niet geïmporteerd: lobcoder kent geen codesets" in notes
    assert "• bron Mabel.txt: tekstbestand ontbreekt, niet geïmporteerd (1 selectie(s) verloren)" in notes
    assert not [line for line in notes if "not imported" in line or "source " in line]
    if os.environ.get("LOBCODER_SHOTS"):
        dialog.grab().save(os.path.join(os.environ["LOBCODER_SHOTS"], "qdpx_import_nl.png"))
    dialog.reject()
    window.close()
