"""Transcripts that put the speaker's label on a line of its own, the words below it."""

from __future__ import annotations

from pathlib import Path

import docx
from sqlalchemy import select

from lobcoder.importing.speakers import detect_turn_table, detect_turns
from lobcoder.services.batch_import import import_files
from lobcoder.storage.models import Document, Speaker, SpeakerTurn
from lobcoder.storage.project import ProjectStore

TURNS = [
    ("Interviewer", "Hoe ging je stage?"),
    ("Anna", "Goed. De begeleider kwam één keer per week.\nDat hielp."),
    ("Interviewer", "En je mentor?"),
    ("Anna", "Die zag ik weinig."),
]


def _stored_turns(store: ProjectStore) -> list[tuple[str, str]]:
    with store.read() as session:
        text = session.scalars(select(Document.text)).one()
        rows = session.execute(
            select(Speaker.name, SpeakerTurn.start, SpeakerTurn.end)
            .join(Speaker, Speaker.id == SpeakerTurn.speaker_id)
            .order_by(SpeakerTurn.start)
        ).all()
    return [(name, text[start:end]) for name, start, end in rows]


def test_a_label_alone_on_its_line_starts_the_turn_at_the_words_below(store: ProjectStore, tmp_path: Path) -> None:
    """A turn is the speech, as with "Anna: words": no line break opens it, so coding the turn codes the words."""
    document = docx.Document()
    document.add_heading("Interview Anna", level=1)
    for who, said in TURNS:
        document.add_paragraph().add_run(f"{who}:").bold = True
        for paragraph in said.split("\n"):
            document.add_paragraph(paragraph)
        document.add_paragraph("")
    path = tmp_path / "Anna_w1.docx"
    document.save(path)
    (result,) = import_files(store, [path]).imported
    assert result.speakers == ("Interviewer", "Anna")
    assert _stored_turns(store) == TURNS


def test_a_blank_line_under_the_label_and_a_label_without_words() -> None:
    text = "Interviewer:\n\nHoe ging je stage?\n\nAnna:\nInterviewer:   \n  En je mentor?\nAnna: Weinig.\n"
    expected = [
        ("Interviewer", "Hoe ging je stage?"),
        ("Anna", ""),
        ("Interviewer", "En je mentor?"),
        ("Anna", "Weinig."),
    ]
    assert [(t.speaker, text[t.start : t.end]) for t in detect_turns(text)] == expected
    assert [(t.speaker, text[t.start : t.end]) for t in detect_turn_table(text)] == expected
