"""A block of facts above a transcript ("Student: Jan Jansen", "Datum: ...") is document information, not turns."""

from __future__ import annotations

from pathlib import Path

import pytest

from lobcoder.cli.main import run_cli
from lobcoder.importing.speakers import RejectReason, detect_turn_table, detect_turns, preview
from lobcoder.services.batch_import import ImportOptions, import_files
from lobcoder.services.documents import get_document, list_documents
from lobcoder.storage.project import ProjectStore

HEADER = "Student: Jan Jansen\nDatum: 12-03-2025\nSchool: ROC Oost\n\n"
DIALOGUE = (
    "I: Wat wil je na je opleiding gaan doen?\n"
    "Student: Ik wil verpleegkundige worden.\n"
    "I: Waarom?\n"
    "Student: Omdat ik graag met mensen werk.\n"
)


def _turns(text: str) -> list[tuple[str | None, str]]:
    found = [(t.speaker, text[t.start : t.end]) for t in detect_turns(text)]
    assert [(t.speaker, text[t.start : t.end]) for t in detect_turn_table(text)] == found  # what an import stores
    return found


def test_a_block_of_facts_at_the_top_gives_no_turn() -> None:
    text = "Interview 7\n" + HEADER + DIALOGUE
    assert _turns(text) == [
        ("I", "Wat wil je na je opleiding gaan doen?"),
        ("Student", "Ik wil verpleegkundige worden."),
        ("I", "Waarom?"),
        ("Student", "Omdat ik graag met mensen werk."),
    ]
    reasons = {line.text: line.rejected_label for line in preview(text).lines if line.rejected_label}
    assert set(reasons) == {"Student: Jan Jansen", "Datum: 12-03-2025", "School: ROC Oost"}
    assert all(r.reason is RejectReason.METADATA for r in reasons.values())
    assert str(reasons["Student: Jan Jansen"]) == "Student: is document information above the transcript"


def test_the_facts_do_not_count_towards_a_label() -> None:
    # "School" twice in the block would not make it a speaker; "Mentor" in the block is no turn of the mentor.
    text = "Mentor: Els de Boer\nLocatie: ROC Oost\n\nI: Hoe gaat het?\nMentor: Goed, we zijn net begonnen.\n"
    assert _turns(text) == [("I", "Hoe gaat het?"), ("Mentor", "Goed, we zijn net begonnen.")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A real one-line answer is a turn: it ends a sentence (a refused label line below stays in it).
        ("I: Werk je samen met de mentor?\nDocent: Ja.\n", [("I", "Werk je samen met de mentor?"), ("Docent", "Ja.")]),
        (
            "Docent: Ja.\nDatum: 12-03-2025\nI: En de decaan?\nDocent: Die helpt.\n",
            [("Docent", "Ja.\nDatum: 12-03-2025"), ("I", "En de decaan?"), ("Docent", "Die helpt.")],
        ),
        # Two short lines of dialogue, every key a speaker: no facts among them.
        (
            "I: Welkom\nR: Dank je\nI: Hoe gaat het?\nR: Goed.\n",
            [("I", "Welkom"), ("R", "Dank je"), ("I", "Hoe gaat het?"), ("R", "Goed.")],
        ),
        # A transcript typed without punctuation keeps its first turns, even beside a label that occurs once.
        (
            "I: goedemorgen\nR: hoi\nAnna: hallo\nI: hoe gaat het\nR: goed hoor\n",
            [("I", "goedemorgen"), ("R", "hoi\nAnna: hallo"), ("I", "hoe gaat het"), ("R", "goed hoor")],
        ),
        # One fact line alone is no block: the role word keeps its (one-line) turn.
        (
            "Student: Jan Jansen\n\nI: Wat wil je worden?\nR: Kok.\n",
            [("Student", "Jan Jansen"), ("I", "Wat wil je worden?"), ("R", "Kok.")],
        ),
    ],
    ids=["answer after a question", "answer at the top", "short dialogue", "unpunctuated", "one line"],
)
def test_dialogue_keeps_its_turns(text: str, expected: list[tuple[str, str]]) -> None:
    assert _turns(text) == expected


def test_an_imported_transcript_keeps_the_facts_as_text_outside_turns(store: ProjectStore, tmp_path: Path) -> None:
    source = tmp_path / "Student_Jan_w1.txt"
    source.write_text(HEADER + DIALOGUE, encoding="utf-8")
    report = import_files(store, [source])
    assert [(r.status, r.speakers) for r in report.results] == [("imported", ("I", "Student"))]
    with store.read() as session:
        (summary,) = list_documents(session)
        document = get_document(session, summary.id)
    assert document.text.startswith(HEADER)  # the facts stay in the text, readable and codable
    assert [(t.speaker, document.text[t.start : t.end]) for t in document.turns][:2] == [
        ("I", "Wat wil je na je opleiding gaan doen?"),
        ("Student", "Ik wil verpleegkundige worden."),
    ]
    assert min(t.label_start for t in document.turns) == len(HEADER)


def test_the_cli_preview_names_the_facts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "Student_Jan_w1.txt"
    source.write_text(HEADER + DIALOGUE, encoding="utf-8")
    project = tmp_path / "p.lobcoder"
    ProjectStore.create(project).close()
    assert run_cli(["import", str(project), str(source), "--preview"]) == 0
    out = capsys.readouterr().out
    assert "  Student: 2 turns, 10 words" in out
    assert "  line 1: document information, not a turn: Student: Jan Jansen" in out
    assert "  line 3: document information, not a turn: School: ROC Oost" in out


FACTS = "Datum: 12-03-2025\nSchool: ROC Oost\n"
QUESTIONS = (
    "Interviewer: Hoe gaat het met je stage?\nBram: Goed, ik leer veel.\nInterviewer: Wat leer je?\nBram: Plannen.\n"
)
LATER_TURNS = [
    ("Interviewer", "Hoe gaat het met je stage?"),
    ("Bram", "Goed, ik leer veel."),
    ("Interviewer", "Wat leer je?"),
    ("Bram", "Plannen."),
]


@pytest.mark.parametrize(
    ("text", "turns"),
    [
        (
            FACTS + "Interviewer: Hoi\nBram: Goedemorgen allemaal\n" + QUESTIONS,
            [("Interviewer", "Hoi"), ("Bram", "Goedemorgen allemaal"), *LATER_TURNS],
        ),
        (
            "Interviewer: Hoi\nBram: Goedemorgen allemaal\n" + FACTS + "\n" + QUESTIONS,
            [("Interviewer", "Hoi"), ("Bram", "Goedemorgen allemaal"), *LATER_TURNS],
        ),
        ("Hoi\nGoedemorgen allemaal\nHoi allemaal: welkom bij het gesprek\n" + FACTS + "\n" + QUESTIONS, LATER_TURNS),
    ],
    ids=["greeting turns below the facts", "greeting turns above the facts", "greeting lines above the facts"],
)
def test_unpunctuated_greetings_beside_the_facts_are_no_facts(
    store: ProjectStore, tmp_path: Path, text: str, turns: list[tuple[str, str]]
) -> None:
    source = tmp_path / "Bram_w1.txt"
    source.write_text(text, encoding="utf-8")
    (result,) = import_files(store, [source], ImportOptions(document_facts=True)).imported
    assert result.facts == (("Datum", "12-03-2025"), ("School", "ROC Oost"))
    with store.read() as session:
        (summary,) = list_documents(session)
        document = get_document(session, summary.id)
    assert [(t.speaker, document.text[t.start : t.end]) for t in document.turns] == turns
    assert _turns(text) == turns


YES_NO_FACTS = "Datum: 12-03-2025\nToestemming: ja\nOpname: nee\nLocatie: school\n\n"


@pytest.mark.parametrize(
    ("header", "facts"),
    [
        (
            YES_NO_FACTS,
            (("Datum", "12-03-2025"), ("Toestemming", "ja"), ("Opname", "nee"), ("Locatie", "school")),
        ),
        (
            "Toestemming: ja\nDatum: 12-03-2025\nSchool: ROC Oost\n\n",
            (
                ("Toestemming", "ja"),
                ("Datum", "12-03-2025"),
                ("School", "ROC Oost"),
            ),
        ),
    ],
    ids=["yes/no facts in the block", "a yes/no fact opening the block"],
)
def test_a_yes_or_no_value_is_a_fact_not_speech(
    store: ProjectStore, tmp_path: Path, header: str, facts: tuple[tuple[str, str], ...]
) -> None:
    """ "Toestemming: ja" is a consent record, not someone saying yes (that reads "Docent: Ja.")."""
    source = tmp_path / "Bram_w1.txt"
    source.write_text(header + QUESTIONS, encoding="utf-8")
    (result,) = import_files(store, [source], ImportOptions(document_facts=True)).imported
    assert result.facts == facts
    with store.read() as session:
        (summary,) = list_documents(session)
        document = get_document(session, summary.id)
    assert [(t.speaker, document.text[t.start : t.end]) for t in document.turns] == LATER_TURNS
    assert min(t.label_start for t in document.turns) == len(header)
