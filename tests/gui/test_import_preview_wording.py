"""What the import dialog's preview says about labels that are no turns, and the facts above a transcript, en and nl."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QAbstractItemModel, Qt, QThreadPool
from PySide6.QtWidgets import QApplication

from lobcoder.gui.dialogs.import_dialog import ImportDialog
from lobcoder.gui.i18n import install_translations, uninstall_translations
from lobcoder.gui.settings import Settings
from lobcoder.participants.links import document_attributes
from lobcoder.services.documents import list_documents
from lobcoder.storage.project import ProjectStore


def _fact_table_transcript(path: Path) -> Path:
    """A Word interview opening with a table row naming the interviewer, who then asks with 'Interviewer:'."""
    document = docx.Document()
    facts = document.add_table(rows=1, cols=2)
    facts.rows[0].cells[0].text, facts.rows[0].cells[1].text = "Interviewer", "Jan"
    for line in (
        "Interviewer: Hoe ziet loopbaanbegeleiding er bij jullie uit?",
        "Docent: Wij hebben elke week een LOB-uur.",
        "Interviewer: En werken jullie samen?",
        "Docent: Ja, we leren veel van elkaar.",
    ):
        document.add_paragraph(line)
    document.save(path)
    return path


def _previewing(qtbot, store: ProjectStore, tmp_path: Path, path: Path) -> ImportDialog:  # type: ignore[no-untyped-def]
    """The import dialog once its preview of ``path`` is shown."""
    dialog = ImportDialog(store, Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.previewUpdated, timeout=10_000):
        dialog.add_paths([path])
    return dialog


def _rows(model: QAbstractItemModel) -> list[list[str]]:
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    if request.param == "nl":
        install_translations(qapp, "nl")
    yield request.param
    if request.param == "nl":
        uninstall_translations(qapp)


@pytest.mark.parametrize(
    ("language", "why"),
    [
        ("en", "not a speaker: occurs only 1 time as a table cell label — Interviewer\tJan"),
        ("nl", "geen spreker: komt maar 1 keer voor als label in een tabelcel — Interviewer\tJan"),
    ],
    indirect=["language"],
)
def test_a_table_cell_label_is_said_to_be_rare_as_a_table_cell(
    qtbot, language: str, why: str, store: ProjectStore, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    dialog = _previewing(qtbot, store, tmp_path, _fact_table_transcript(tmp_path / "Docent_Anna.docx"))
    lines = _rows(dialog.preview.lines)
    # "Interviewer:" opens two turns below; the table cell is no turn, and the reason says it is counted as a cell.
    assert lines[0] == ["1", "✗ Interviewer", why]
    assert [row[1] for row in lines[1:]] == ["Interviewer", "Docent", "Interviewer", "Docent"]
    assert QThreadPool.globalInstance().waitForDone(10_000)


@pytest.mark.parametrize(
    ("language", "title", "fact"),
    [
        (
            "en",
            "Student_Jan.txt: 4 turns by 2 speakers. Document information at the top (3 lines) is not split into turns.",
            "(document information)",
        ),
        (
            "nl",
            "Student_Jan.txt: 4 beurten van 2 sprekers. Documentinformatie bovenaan (3 regels) wordt niet in beurten verdeeld.",
            "(documentinformatie)",
        ),
    ],
    indirect=["language"],
)
def test_facts_above_the_transcript_are_shown_as_document_information(
    qtbot, language: str, title: str, fact: str, store: ProjectStore, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "Student_Jan.txt"
    path.write_text(
        "Student: Jan Jansen\nDatum: 12-03-2025\nSchool: ROC Oost\n\n"
        "I: Wat wil je later worden?\nStudent: Verpleegkundige.\nI: Waarom?\nStudent: Ik werk graag met mensen.\n",
        encoding="utf-8",
    )
    dialog = _previewing(qtbot, store, tmp_path, path)
    assert dialog.preview.title.text() == title
    lines = _rows(dialog.preview.lines)
    assert lines[:3] == [
        ["1", fact, "Student: Jan Jansen"],
        ["2", fact, "Datum: 12-03-2025"],
        ["3", fact, "School: ROC Oost"],
    ]
    assert [row[1] for row in lines[4:]] == ["I", "Student", "I", "Student"]
    assert [row[:2] for row in _rows(dialog.preview.speakers)] == [["I", "2"], ["Student", "2"]]
    assert QThreadPool.globalInstance().waitForDone(10_000)


@pytest.mark.parametrize(
    ("language", "lines"),
    [
        (
            "en",
            [
                "The document information at the top of the transcripts, stored as attributes:",
                "Attribute values: 3 added, 0 changed, 0 unchanged.",
                "New attributes: Student, Datum, School",
            ],
        ),
        (
            "nl",
            [
                "De documentinformatie bovenaan de transcripten, opgeslagen als attributen:",
                "Attribuutwaarden: 3 toegevoegd, 0 gewijzigd, 0 ongewijzigd.",
                "Nieuwe attributen: Student, Datum, School",
            ],
        ),
    ],
    indirect=["language"],
)
def test_the_document_information_can_be_stored_as_document_attributes(
    qtbot, language: str, lines: list[str], store: ProjectStore, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "Student_Jan.txt"
    path.write_text(
        "Student: Jan Jansen\nDatum: 12-03-2025\nSchool: ROC Oost\n\nI: Wat wil je later worden?\nStudent: Kok.\n",
        encoding="utf-8",
    )
    dialog = _previewing(qtbot, store, tmp_path, path)
    assert not dialog.facts_as_attributes.isChecked()  # the researcher chooses it
    dialog.facts_as_attributes.setChecked(True)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.import_worker is not None
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        pass
    assert dialog.result_summary.text().split("<br>")[1:] == lines
    with store.read() as session:
        (document,) = list_documents(session)
        assert document_attributes(session, document.id) == {
            "Student": "Jan Jansen",
            "Datum": date(2025, 3, 12),
            "School": "ROC Oost",
        }
    assert QThreadPool.globalInstance().waitForDone(10_000)


@pytest.mark.parametrize(
    ("language", "why"),
    [
        ("en", "not a speaker: reads as the start of a sentence — De teamleider zegt dan: ‘Wie doet wat?’"),
        ("nl", "geen spreker: leest als het begin van een zin — De teamleider zegt dan: ‘Wie doet wat?’"),
    ],
    indirect=["language"],
)
def test_a_case_note_sentence_before_a_quote_is_said_to_be_no_speaker(
    qtbot, language: str, why: str, store: ProjectStore, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "Casus_01.txt"
    path.write_text(
        "Casusnotities ROC Oost\n\nDe teamleider zegt dan: ‘Wie doet wat?’\n\n"
        "Met de decaan hebben we overleg.\n\nDe teamleider zegt dan: ‘Wie doet wat?’\n",
        encoding="utf-8",
    )
    dialog = _previewing(qtbot, store, tmp_path, path)
    lines = _rows(dialog.preview.lines)
    assert lines[2] == ["3", "✗ De teamleider zegt dan:", why]
    assert lines[6][:2] == ["7", "✗ De teamleider zegt dan:"]
    assert _rows(dialog.preview.speakers) == []
    assert QThreadPool.globalInstance().waitForDone(10_000)
