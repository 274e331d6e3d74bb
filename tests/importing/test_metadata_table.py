"""A Word transcript opening with a table of facts ("Respondent | Anna") gets no speaker turn from that table."""

from __future__ import annotations

from pathlib import Path

import docx

from lobcoder.importing.speakers import detect_turn_table, detect_turns, preview
from lobcoder.services.batch_import import import_files
from lobcoder.services.documents import get_document, list_documents
from lobcoder.storage.project import ProjectStore


def _transcript(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("Interview Anna – ronde 1", level=1)
    facts = document.add_table(rows=3, cols=2)
    for row, (name, value) in zip(
        facts.rows, [("Respondent", "Anna"), ("Functie", "docent"), ("Duur", "45 min")], strict=True
    ):
        row.cells[0].text, row.cells[1].text = name, value
    document.add_heading("Transcript", level=2)
    for line in (
        "Interviewer: Hoe ziet loopbaanbegeleiding er bij jullie uit?",
        "Docent: Wij hebben elke week een LOB-uur.",
        "Interviewer: En werken jullie samen?",
        "Docent: Ja, we leren veel van elkaar.",
    ):
        document.add_paragraph(line)
    document.save(path)
    return path


def test_a_table_row_naming_the_respondent_is_not_a_turn(store: ProjectStore, tmp_path: Path) -> None:
    report = import_files(store, [_transcript(tmp_path / "Docent_Anna_r1.docx")])
    assert [r.status for r in report.results] == ["imported"]
    with store.read() as session:
        (summary,) = list_documents(session)
        document = get_document(session, summary.id)
    assert [(t.speaker, document.text[t.start : t.end]) for t in document.turns] == [
        ("Interviewer", "Hoe ziet loopbaanbegeleiding er bij jullie uit?"),
        ("Docent", "Wij hebben elke week een LOB-uur."),
        ("Interviewer", "En werken jullie samen?"),
        ("Docent", "Ja, we leren veel van elkaar."),
    ]


def test_a_two_column_transcript_table_still_gives_its_turns() -> None:
    text = "Interviewer\tHoe gaat het?\nRespondent\tGoed.\nInterviewer\tEn verder?\nRespondent\tOok goed."
    assert [t.speaker for t in detect_turns(text)] == ["Interviewer", "Respondent", "Interviewer", "Respondent"]
    # A known label written with a colon is still trusted when it occurs once.
    assert [t.speaker for t in detect_turns("I: Hoe gaat het?\nAnna: Goed.\nAnna: Echt.")] == ["I", "Anna", "Anna"]


def test_a_fact_table_naming_the_interviewer_too_gives_no_turn() -> None:
    # "Interviewer" also opens turns below with a colon; its table row is still a fact, not a turn.
    text = (
        "Interviewer\tJan\nRespondent\tAnna\nFunctie\tdocent\n"
        "Interviewer: Hoe gaat het?\nDocent: Goed.\nInterviewer: En verder?\nDocent: Ook goed."
    )
    expected = [
        ("Interviewer", "Hoe gaat het?"),
        ("Docent", "Goed."),
        ("Interviewer", "En verder?"),
        ("Docent", "Ook goed."),
    ]
    assert [(t.speaker, text[t.start : t.end]) for t in detect_turns(text)] == expected
    assert [(t.speaker, text[t.start : t.end]) for t in detect_turn_table(text)] == expected
    rejected = {line.text: line.rejected_label for line in preview(text).lines if line.rejected_label}
    # The table's rows are a block of facts at the top: document information, not turns.
    assert str(rejected["Interviewer\tJan"]) == "Interviewer is document information above the transcript"
    # A lone table row is no block; it is counted apart from the "Interviewer:" turns, and says so.
    lone = text.replace("Respondent\tAnna\nFunctie\tdocent\n", "")
    assert [(t.speaker, lone[t.start : t.end]) for t in detect_turn_table(lone)] == expected
    rejected = {line.text: line.rejected_label for line in preview(lone).lines if line.rejected_label}
    assert str(rejected["Interviewer\tJan"]) == "Interviewer occurs only once as a table cell label"
