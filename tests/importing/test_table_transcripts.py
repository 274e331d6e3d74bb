"""Interviews laid out as a Word table (speaker | words), as schools and supervisors send them."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from sqlalchemy import select

from lobcoder.importing.readers import read_file
from lobcoder.importing.speakers import RejectReason, preview
from lobcoder.services.batch_import import import_files
from lobcoder.storage.models import Document, Speaker, SpeakerTurn
from lobcoder.storage.project import ProjectStore

ROWS = [
    ("Interviewer", "Hoe ging je stage?"),
    ("Anna", "Goed. De begeleider kwam één keer per week."),
    ("Interviewer", "En je mentor?"),
    ("Anna", "Die zag ik weinig."),
]


def _table_interview(path: Path, heading: tuple[str, str] | None) -> Path:
    document = docx.Document()
    document.add_heading("Interview Anna – meting 1", level=1)
    table = document.add_table(rows=0, cols=2)
    for who, said in ([heading] if heading else []) + ROWS:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = who, said
    document.save(path)
    return path


def _stored_turns(store: ProjectStore) -> list[tuple[str, str]]:
    with store.read() as session:
        text = session.scalars(select(Document.text)).one()
        rows = session.execute(
            select(Speaker.name, SpeakerTurn.start, SpeakerTurn.end)
            .join(Speaker, Speaker.id == SpeakerTurn.speaker_id)
            .order_by(SpeakerTurn.start)
        ).all()
    return [(name, text[start:end]) for name, start, end in rows]


@pytest.mark.parametrize("heading", [("Spreker", "Tekst"), ("Speaker", "Text"), ("Deelnemer", "Wat er gezegd is")])
def test_a_heading_row_of_the_table_is_no_turn(store: ProjectStore, tmp_path: Path, heading: tuple[str, str]) -> None:
    """ "Spreker | Tekst" names the columns: a role word that labels no other row is no speaker there."""
    path = _table_interview(tmp_path / "Anna_w1.docx", heading)
    (result,) = import_files(store, [path]).imported
    assert result.speakers == ("Interviewer", "Anna")
    assert _stored_turns(store) == ROWS
    text = read_file(path).text
    assert text.startswith(f"Interview Anna – meting 1\n{heading[0]}\t{heading[1]}\nInterviewer\t")  # kept as text
    (refused,) = [line.rejected_label for line in preview(text).lines if line.rejected_label]
    assert (refused.speaker, refused.reason, refused.tabbed) == (heading[0], RejectReason.TOO_RARE, True)


def test_a_first_row_of_speech_by_a_speaker_of_later_rows_stays_a_turn(store: ProjectStore, tmp_path: Path) -> None:
    path = _table_interview(tmp_path / "Anna_w2.docx", ("Anna", "Goedemorgen"))
    import_files(store, [path])
    assert _stored_turns(store) == [("Anna", "Goedemorgen"), *ROWS]


def test_a_table_without_heading_row_keeps_every_turn(store: ProjectStore, tmp_path: Path) -> None:
    path = _table_interview(tmp_path / "Anna_w3.docx", None)
    import_files(store, [path])
    assert _stored_turns(store) == ROWS


def test_a_heading_row_below_a_table_of_facts_is_no_turn_either(store: ProjectStore, tmp_path: Path) -> None:
    """A transcription bureau's layout: a table of facts, then the transcript table with its heading row."""
    document = docx.Document()
    facts = document.add_table(rows=0, cols=2)
    for key, value in (("Respondent", "Anna"), ("School", "ROC Oost"), ("Datum", "12-03-2025")):
        cells = facts.add_row().cells
        cells[0].text, cells[1].text = key, value
    document.add_paragraph("")
    transcript = document.add_table(rows=0, cols=2)
    for who, said in [("Spreker", "Tekst"), *ROWS]:
        cells = transcript.add_row().cells
        cells[0].text, cells[1].text = who, said
    path = tmp_path / "Anna_w4.docx"
    document.save(path)
    import_files(store, [path])
    assert _stored_turns(store) == ROWS
