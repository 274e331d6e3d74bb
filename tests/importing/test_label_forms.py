"""Speaker labels with a short form in brackets ("Interviewer (I):") or a dash after the name ("Anna – Ja.")."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from lobcoder.importing.speakers import detect_turn_table, detect_turns
from lobcoder.refi.turns_member import label_name
from lobcoder.services.batch_import import import_files
from lobcoder.storage.models import Document, Speaker, SpeakerTurn
from lobcoder.storage.project import ProjectStore


def _stored_turns(store: ProjectStore) -> list[tuple[str, str]]:
    with store.read() as session:
        text = session.scalars(select(Document.text)).one()
        rows = session.execute(
            select(Speaker.name, SpeakerTurn.start, SpeakerTurn.end)
            .join(Speaker, Speaker.id == SpeakerTurn.speaker_id)
            .order_by(SpeakerTurn.start)
        ).all()
    return [(name, text[start:end]) for name, start, end in rows]


def _turns(text: str) -> list[tuple[str | None, str]]:
    found = [(t.speaker, text[t.start : t.end]) for t in detect_turns(text)]
    assert [(t.speaker, text[t.start : t.end]) for t in detect_turn_table(text)] == found
    return found


def test_a_short_form_in_brackets_names_the_speaker_and_its_later_labels(store: ProjectStore, tmp_path: Path) -> None:
    path = tmp_path / "Docent03_meting1.txt"
    path.write_text(
        "Interview docent 3, 12 maart\n\n"
        "Interviewer (I): Hoe ziet loopbaanbegeleiding er bij jullie uit?\n\n"
        "Docent (D): Eén keer per maand een gesprek met de mentor 😀.\n\n"
        "I: En werkt dat?\n\n"
        "D: Meestal wel, ‘zeker’ bij eerstejaars.\n",
        encoding="utf-8",
    )
    (result,) = import_files(store, [path]).imported
    assert result.speakers == ("Interviewer", "Docent")
    assert _stored_turns(store) == [
        ("Interviewer", "Hoe ziet loopbaanbegeleiding er bij jullie uit?"),
        ("Docent", "Eén keer per maand een gesprek met de mentor 😀."),
        ("Interviewer", "En werkt dat?"),
        ("Docent", "Meestal wel, ‘zeker’ bij eerstejaars."),
    ]
    with store.read() as session:
        interviewer = session.scalars(select(Speaker.is_interviewer).where(Speaker.name == "Interviewer")).one()
    assert interviewer


def test_a_name_with_brackets_and_a_time() -> None:
    text = "Marieke de Vries (MV) [00:01:02]: Ja.\nBram (B) (01:05): Nee.\nMV: Echt?\nB: Echt.\n"
    assert _turns(text) == [
        ("Marieke de Vries", "Ja."),
        ("Bram", "Nee."),
        ("Marieke de Vries", "Echt?"),
        ("Bram", "Echt."),
    ]


@pytest.mark.parametrize("dash", ["-", "–", "—"])
def test_a_dash_after_a_name_labels_the_turn(store: ProjectStore, tmp_path: Path, dash: str) -> None:
    path = tmp_path / "Anna_w1.txt"
    path.write_text(
        f"Interviewer {dash} Hoe ging je stage?\n"
        f"Anna {dash} Goed. Ik denk - nou ja - dat ik veel geleerd heb.\n"
        f"Interviewer {dash} En de reis?\n"
        f"Anna {dash} Lang.\n"
        "Amsterdam - Rotterdam, elke dag.\n"
        "Amsterdam - Rotterdam is ver.\n",
        encoding="utf-8",
    )
    (result,) = import_files(store, [path]).imported
    assert result.speakers == ("Interviewer", "Anna")
    assert _stored_turns(store) == [
        ("Interviewer", "Hoe ging je stage?"),
        ("Anna", "Goed. Ik denk - nou ja - dat ik veel geleerd heb."),
        ("Interviewer", "En de reis?"),
        ("Anna", "Lang.\nAmsterdam - Rotterdam, elke dag.\nAmsterdam - Rotterdam is ver."),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Ik denk - nou ja - dat het wel goed gaat.",
        "Amsterdam - Rotterdam, daar reis ik elke dag.",
        "Rotterdam – Den Haag is korter.",
        "De stage - dat was het belangrijkste.",
        "Winter - dan is het druk.",
        "Deel 2 - Stage",
        "ouder - kind gesprekken",
    ],
)
def test_prose_with_a_dash_is_no_label_however_often_it_opens_a_line(line: str) -> None:
    text = f"Interviewer: Vertel eens.\nAnna: Nou.\n{line}\n{line}\n{line}\nInterviewer: Dank je.\nAnna: Graag.\n"
    turns = _turns(text)
    assert [speaker for speaker, _ in turns] == ["Interviewer", "Anna", "Interviewer", "Anna"]
    assert turns[1] == ("Anna", f"Nou.\n{line}\n{line}\n{line}")


def test_prose_with_dashes_and_no_labels_has_no_turns() -> None:
    text = "Casus ROC Oost\n\nAmsterdam - Rotterdam is ver.\nAmsterdam - Rotterdam.\nIk denk - nou ja - dat.\nIk denk - ja.\n"
    assert _turns(text) == []


def test_a_numbered_role_with_a_dash_is_a_label() -> None:
    text = "I - Hoe gaat het?\nStagecoördinator17 – Goed.\nI - Fijn.\nStagecoördinator17 – Ja.\n"
    assert [speaker for speaker, _ in _turns(text)] == ["I", "Stagecoördinator17", "I", "Stagecoördinator17"]


def test_the_label_of_a_dash_turn_is_read_back_for_the_qdpx_turns_member() -> None:
    assert label_name("Bram - ") == "Bram"
    assert label_name("Interviewer (I): ") == "Interviewer"


def test_a_known_role_with_a_dash_and_words_in_lower_case_is_prose() -> None:
    text = "Interviewer: Vertel eens.\nAnna: Nou.\nDocent - student gesprekken, elke week.\nDocent – – mentor.\n"
    text += "Interviewer: Dank je.\nAnna: Graag.\n"
    assert [speaker for speaker, _ in _turns(text)] == ["Interviewer", "Anna", "Interviewer", "Anna"]


def test_a_filler_in_lower_case_after_the_dash_still_opens_a_turn() -> None:
    text = "Interviewer - Hoe was het?\nAnna - eh, goed.\nInterviewer - En nu?\nAnna - Beter.\n"
    assert [speaker for speaker, _ in _turns(text)] == ["Interviewer", "Anna", "Interviewer", "Anna"]


def test_an_initial_before_a_surname_is_no_list_number() -> None:
    """ "A. Jansen:" is a name with an initial; "a)", "A)", "1." and "•" before a label are list markers."""
    text = "A. Jansen: Hoe gaat het?\nB. de Vries: Goed.\nA. Jansen: En de stage?\nB. de Vries: Ook goed.\n"
    assert [speaker for speaker, _ in _turns(text)] == ["A. Jansen", "B. de Vries", "A. Jansen", "B. de Vries"]
    text = "a) Anna: Ja.\nA) Bram: Nee.\n1. Anna: Echt?\n• Bram: Echt.\n"
    assert _turns(text) == [("Anna", "Ja."), ("Bram", "Nee."), ("Anna", "Echt?"), ("Bram", "Echt.")]


def test_one_name_before_a_dash_is_prose_and_brackets_must_abbreviate_the_name() -> None:
    """ "Frans - Engels" (a first name that is also a word) twice in an answer is no speaker; nor is "Stage (BPV):"."""
    text = (
        "Interviewer: Welke vakken?\nAnna: Twee.\nFrans - Engels, die twee.\nFrans - Engels is lastig.\n"
        "Stage (BPV): dat is de beroepspraktijkvorming.\nStage (BPV): Die duurt lang.\n"
        "Interviewer: Dank je.\nAnna: Graag.\n"
    )
    assert [speaker for speaker, _ in _turns(text)] == ["Interviewer", "Anna", "Interviewer", "Anna"]


def test_a_short_form_used_before_its_name_is_given_still_names_that_speaker() -> None:
    text = "I: Welkom.\n\nInterviewer (I): Hoe ging het?\n\nAnna (A): Goed 😀.\n\nI: Mooi.\n\nA: Ja, é.\n"
    assert _turns(text) == [
        ("Interviewer", "Welkom."),
        ("Interviewer", "Hoe ging het?"),
        ("Anna", "Goed 😀."),
        ("Interviewer", "Mooi."),
        ("Anna", "Ja, é."),
    ]


def test_two_respondents_with_one_short_form_keep_their_own_turns(store: ProjectStore, tmp_path: Path) -> None:
    """A group interview: Anna (A) and Ahmed (A). A bare "A:" names neither of them; it stays "A", not Anna's."""
    path = tmp_path / "Groep02.txt"
    path.write_text(
        "Interviewer (I): Hoe ging het?\n\nAnna (A): Goed 😀.\n\nI: Mooi.\n\nA: Ja.\n\n"
        "Ahmed (A): Ik ook, é.\n\nA: Nou.\n",
        encoding="utf-8",
    )
    (result,) = import_files(store, [path]).imported
    assert set(result.speakers) == {"Interviewer", "Anna", "Ahmed", "A"}
    assert _stored_turns(store) == [
        ("Interviewer", "Hoe ging het?"),
        ("Anna", "Goed 😀."),
        ("Interviewer", "Mooi."),
        ("A", "Ja."),
        ("Ahmed", "Ik ook, é."),
        ("A", "Nou."),
    ]
    assert _turns(path.read_text(encoding="utf-8"))[4] == ("Ahmed", "Ik ook, é.")
    assert [str(w) for w in result.warnings] == [
        "the short form A: is given to Ahmed and Anna, so its turns are left as speaker A; rename or merge it"
    ]
    assert [w.text("nl") for w in result.warnings] == [
        "de afkorting A: hoort bij Ahmed en Anna, dus de beurten ervan staan bij spreker A; hernoem of voeg samen"
    ]


def test_a_dash_label_below_a_label_alone_on_its_line_is_no_speech_of_it() -> None:
    """A file with both forms: "Interviewer:" alone on its line (nothing said), then "Anna - Ja." (Anna's turn)."""
    text = "Interviewer:\nAnna - Ja, dat klopt 😀.\nInterviewer - Hoe ging het?\nAnna - Goed, é.\n"
    assert _turns(text) == [
        ("Interviewer", ""),
        ("Anna", "Ja, dat klopt 😀."),
        ("Interviewer", "Hoe ging het?"),
        ("Anna", "Goed, é."),
    ]
    for turns in (detect_turns(text), list(detect_turn_table(text))):
        assert turns[0].start < text.index("Anna")  # the empty turn stays on its own line, not on Anna's
