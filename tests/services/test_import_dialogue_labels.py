"""Labels that look like prose but label a dialogue: "De teamleider:" turns, a one-answer interview."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from lobcoder.importing.readers import read_file
from lobcoder.importing.speakers import RejectReason, SpeakerPattern, detect_turns, preview
from lobcoder.services.batch_import import import_files
from lobcoder.storage.models import Document, Speaker, SpeakerTurn
from lobcoder.storage.project import ProjectStore

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))


def stored_turns(store: ProjectStore) -> list[tuple[str, str]]:
    """(speaker, speech) of every stored turn, in text order, as the transcript view shows them."""
    with store.read() as session:
        text = session.scalars(select(Document.text)).one()
        rows = session.execute(
            select(Speaker.name, SpeakerTurn.start, SpeakerTurn.end)
            .join(Speaker, Speaker.id == SpeakerTurn.speaker_id)
            .order_by(SpeakerTurn.start)
        ).all()
    return [(name, text[start:end]) for name, start, end in rows]


MEETING = (
    "Teamoverleg LOB, ROC Oost\n\n"
    "Interviewer: Wie wil beginnen?\n"
    "De teamleider: Ik begin wel. We willen de loopbaangesprekken eerder in het jaar.\n"
    "Het teamlid: Dat lukt alleen als de roosters meewerken.\n"
    "De teamleider: Dan nemen we dat mee naar de roostermakers.\n"
    "De docent: En wie plant de gesprekken?\n"
    "Het teamlid: De mentoren, denk ik.\n"
    "De docent: Goed, dat noteer ik.\n"
)


def test_article_and_role_labels_of_a_team_meeting_are_speakers(store: ProjectStore, tmp_path: Path) -> None:
    path = tmp_path / "Teamoverleg_01.txt"
    path.write_text(MEETING, encoding="utf-8")
    (result,) = import_files(store, [path]).imported
    assert result.speakers == ("Interviewer", "De teamleider", "Het teamlid", "De docent")
    assert stored_turns(store) == [
        ("Interviewer", "Wie wil beginnen?"),
        ("De teamleider", "Ik begin wel. We willen de loopbaangesprekken eerder in het jaar."),
        ("Het teamlid", "Dat lukt alleen als de roosters meewerken."),
        ("De teamleider", "Dan nemen we dat mee naar de roostermakers."),
        ("De docent", "En wie plant de gesprekken?"),
        ("Het teamlid", "De mentoren, denk ik."),
        ("De docent", "Goed, dat noteer ik."),
    ]


def test_a_sentence_before_a_quote_stays_prose_even_beside_role_labels() -> None:
    text = MEETING + "De teamleider zegt dan: ‘Wie doet wat?’\nDe teamleider zegt dan: ‘Niet alles tegelijk.’\n"
    turns = detect_turns(text)
    assert turns[-1].speaker == "De docent"
    assert text[turns[-1].start : turns[-1].end] == (
        "Goed, dat noteer ik.\nDe teamleider zegt dan: ‘Wie doet wat?’\nDe teamleider zegt dan: ‘Niet alles tegelijk.’"
    )
    refused = {
        line.rejected_label.speaker: line.rejected_label.reason for line in preview(text).lines if line.rejected_label
    }
    assert refused == {"De teamleider zegt dan": RejectReason.SENTENCE}


def test_a_role_opening_paragraphs_of_a_case_note_is_no_speaker(tmp_path: Path) -> None:
    """Alone in a document (no other speaker) "De decaan:" is how a paragraph of notes starts."""
    text = (
        "Casusnotities ROC Oost\n\n"
        "De decaan: die heeft er weinig tijd voor, zegt ze.\n\n"
        "Met de mentoren hebben we vaak overleg.\n\n"
        "De decaan: die wil het liever zelf doen.\n\n"
        "Het moment: na de kerstvakantie.\n\nHet moment: voor de zomer.\n"
    )
    path = tmp_path / "Casus_02.txt"
    path.write_text(text, encoding="utf-8")
    assert detect_turns(read_file(path).text) == []
    refused = {
        line.rejected_label.speaker: line.rejected_label.reason for line in preview(text).lines if line.rejected_label
    }
    assert refused == {"De decaan": RejectReason.SENTENCE, "Het moment": RejectReason.SENTENCE}


def test_the_generated_case_notes_get_no_speakers_and_the_interviews_only_theirs(tmp_path: Path) -> None:
    """The 200-transcript benchmark corpus at a small scale: its case notes quote people ("{Person} zegt dan:")."""
    import workflow_corpus

    sources = workflow_corpus.plan(seed=7, scale=0.2, min_words=1500, max_words=2500)
    paths = workflow_corpus.write(tmp_path, [s for s in sources if s.fmt.startswith(("txt", "docx"))])
    notes = [p for p in paths if p.stem.startswith("Casus")]
    assert len(notes) == 3
    for path in paths:
        speakers = {t.speaker for t in detect_turns(read_file(path).text, SpeakerPattern())}
        expected = (
            set() if path in notes else {"Interviewer", "Docent" if path.stem.startswith("D") else "Contactpersoon"}
        )
        assert speakers == expected, path.name


SHORT_INTERVIEW = (
    "Interview Bram, Techniek College\n\n"
    "Interviewer: Wat heeft het loopbaangesprek je dit jaar opgeleverd?\n"
    "Bram: Eigenlijk best veel. Ik wist eerst niet welke stage ik wilde.\n"
    "Mijn mentor heeft toen met mij de bedrijven doorgelopen.\n\n"
    "Nu loop ik stage bij een installatiebedrijf en dat bevalt goed.\n"
)


def test_a_short_interview_keeps_the_one_answer_apart(store: ProjectStore, tmp_path: Path) -> None:
    """One question, one long answer: the name answers the interviewer, so it is a speaker though it occurs once."""
    path = tmp_path / "Bram_w1.txt"
    path.write_text(SHORT_INTERVIEW, encoding="utf-8")
    (result,) = import_files(store, [path]).imported
    assert result.speakers == ("Interviewer", "Bram")
    assert stored_turns(store) == [
        ("Interviewer", "Wat heeft het loopbaangesprek je dit jaar opgeleverd?"),
        (
            "Bram",
            "Eigenlijk best veel. Ik wist eerst niet welke stage ik wilde.\n"
            "Mijn mentor heeft toen met mij de bedrijven doorgelopen.\n\n"
            "Nu loop ik stage bij een installatiebedrijf en dat bevalt goed.",
        ),
    ]
    with store.read() as session:
        flags = dict(session.execute(select(Speaker.name, Speaker.is_interviewer)).all())
    assert flags == {"Interviewer": True, "Bram": False}


def test_a_role_label_answering_the_interviewer_once_is_a_speaker() -> None:
    text = "Interviewer: Hoe kijkt u terug op het jaar?\nDe teamleider: Tevreden. We hebben veel bereikt.\n"
    assert [(t.speaker, text[t.start : t.end]) for t in detect_turns(text)] == [
        ("Interviewer", "Hoe kijkt u terug op het jaar?"),
        ("De teamleider", "Tevreden. We hebben veel bereikt."),
    ]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a phrase, not a name
        ("Interviewer: Wat ging er mis?\nEerlijk gezegd: de roosters waren niet op tijd.\n", ["Interviewer"]),
        ("Interviewer: Wat ging er mis?\nKijk: de roosters waren niet op tijd.\n", ["Interviewer"]),
        # not right after the interviewer's label
        ("Interviewer: Wat ging er mis?\nR: De roosters.\nBram: dat zei hij ook.\nR: Ja.\n", ["Interviewer", "R", "R"]),
        # not at the start of its line
        ("Interviewer: Wat ging er mis?\n    Bram: de roosters.\n", ["Interviewer"]),
    ],
)
def test_a_line_start_that_does_not_answer_the_interviewer_stays_in_the_turn(text: str, speakers: list[str]) -> None:
    assert [t.speaker for t in detect_turns(text)] == speakers


def test_a_name_answering_twice_still_needs_the_minimum_the_user_asked_for() -> None:
    text = "Interviewer: Wat doe je?\nBram: Een stage.\nInterviewer: Waar?\nBram: Bij een installateur.\n"
    assert [t.speaker for t in detect_turns(text, SpeakerPattern(min_occurrences=3))] == ["Interviewer", "Interviewer"]
    assert [t.speaker for t in detect_turns(text)] == ["Interviewer", "Bram", "Interviewer", "Bram"]


def test_een_and_a_noun_opening_lines_of_an_answer_stay_in_the_answer(store: ProjectStore, tmp_path: Path) -> None:
    """ "Een keer:" ends like a person noun (-er) but "een" names no one in particular: prose, not a speaker."""
    text = (
        "I: Hoe vaak sprak je je mentor?\n"
        "R: Niet zo vaak.\n"
        "Een keer: in de eerste week, over mijn stage.\n"
        "I: En daarna?\n"
        "R: Alleen als er iets was.\n"
        "Een keer: toen mijn stage stopte.\n"
        "Een paar: de anderen waren kort.\n"
        "Een paar: meestal in de pauze.\n"
    )
    path = tmp_path / "Sanne_w1.txt"
    path.write_text(text, encoding="utf-8")
    (result,) = import_files(store, [path]).imported
    assert result.speakers == ("I", "R")
    assert stored_turns(store) == [
        ("I", "Hoe vaak sprak je je mentor?"),
        ("R", "Niet zo vaak.\nEen keer: in de eerste week, over mijn stage."),
        ("I", "En daarna?"),
        (
            "R",
            "Alleen als er iets was.\nEen keer: toen mijn stage stopte.\n"
            "Een paar: de anderen waren kort.\nEen paar: meestal in de pauze.",
        ),
    ]


ONLY_THE_INTERVIEWER_LABELLED = (
    "I: Welke vakken geef je?\n"
    "Nederlands: drie uur in de week, en loopbaanbegeleiding in het eerste jaar.\n"
    "I: En hoe gaat dat?\n"
    "Goed, de studenten zijn gemotiveerd.\n"
)
CHECKLIST_READ_OUT = (
    "Interviewer: Ik loop even de punten langs.\n"
    "Toestemming: ja\n"
    "Duur: een uur\n"
    "R: Prima, dat is goed.\n"
    "Interviewer: Wat doe je in je lessen aan loopbaanbegeleiding?\n"
    "R: Elke week een gesprek met de klas.\n"
)


@pytest.mark.parametrize(
    ("text", "turns"),
    [
        (
            ONLY_THE_INTERVIEWER_LABELLED,
            [
                (
                    "I",
                    "Welke vakken geef je?\nNederlands: drie uur in de week, en loopbaanbegeleiding in het eerste jaar.",
                ),
                ("I", "En hoe gaat dat?\nGoed, de studenten zijn gemotiveerd."),
            ],
        ),
        (
            CHECKLIST_READ_OUT,
            [
                ("Interviewer", "Ik loop even de punten langs.\nToestemming: ja\nDuur: een uur"),
                ("R", "Prima, dat is goed."),
                ("Interviewer", "Wat doe je in je lessen aan loopbaanbegeleiding?"),
                ("R", "Elke week een gesprek met de klas."),
            ],
        ),
    ],
    ids=["only the interviewer labelled", "a checklist read out by the interviewer"],
)
def test_a_word_line_after_the_interviewer_is_no_one_answer_speaker(
    store: ProjectStore, tmp_path: Path, text: str, turns: list[tuple[str, str]]
) -> None:
    """Only a person's name ("Bram") answering a question is a speaker after one turn, not "Nederlands:"."""
    path = tmp_path / "Docent_07.txt"
    path.write_text(text, encoding="utf-8")
    import_files(store, [path])
    assert stored_turns(store) == turns


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (
            "Interviewer: Wat ging er mis?\nMarieke de Vries: De roosters waren niet op tijd.\n",
            ["Interviewer", "Marieke de Vries"],
        ),
        (
            "Interviewer: Wat ging er mis?\nMevrouw Jansen: De roosters waren niet op tijd.\n",
            ["Interviewer", "Mevrouw Jansen"],
        ),
        ("Interviewer: Wat ging er mis, denk je?”\nSamira: De roosters.\n", ["Interviewer", "Samira"]),
        # no question before it
        ("Interviewer: Vertel eens over je stage.\nSamira: Ik loop stage bij een kapper.\n", ["Interviewer"]),
        # a word, not a name, or a name that is a common word too
        ("Interviewer: Wat doe je het liefst?\nWiskunde: dat vind ik het leukst.\n", ["Interviewer"]),
        ("Interviewer: Wanneer begon je?\nWinter: toen begon ik.\n", ["Interviewer"]),
    ],
)
def test_a_one_answer_speaker_is_a_name_answering_a_question(text: str, speakers: list[str]) -> None:
    assert [t.speaker for t in detect_turns(text)] == speakers


PROSE_INSIDE_ANSWERS = (
    "I: Hoe ging de stage?\n"
    "R: Goed. Ik heb veel geleerd.\n"
    "De manier: die was anders dan op school.\n"
    "I: Welke vakken vind je lastig?\n"
    "R: Vooral de talen.\n"
    "Frans: dat vind ik echt moeilijk.\n"
    "I: En verder?\n"
    "R: Niet veel. De computer gebruik ik voor alles.\n"
    "De computer: die staat thuis.\n"
    "De manier: die leer je op stage.\n"
    "Frans: nog steeds lastig.\n"
    "De computer: daar doe ik mijn huiswerk op.\n"
)


def test_an_article_and_noun_or_a_name_going_on_in_lower_case_stays_in_the_answer(
    store: ProjectStore, tmp_path: Path
) -> None:
    """ "De manier:", "De computer:" end like role nouns, "Frans" is a name too; lower case after them is prose."""
    path = tmp_path / "Sanne_w2.txt"
    path.write_text(PROSE_INSIDE_ANSWERS, encoding="utf-8")
    (result,) = import_files(store, [path]).imported
    assert result.speakers == ("I", "R")
    assert stored_turns(store) == [
        ("I", "Hoe ging de stage?"),
        ("R", "Goed. Ik heb veel geleerd.\nDe manier: die was anders dan op school."),
        ("I", "Welke vakken vind je lastig?"),
        ("R", "Vooral de talen.\nFrans: dat vind ik echt moeilijk."),
        ("I", "En verder?"),
        ("R", PROSE_INSIDE_ANSWERS.split("R: ")[-1].rstrip()),
    ]
    refused = {
        line.rejected_label.speaker: line.rejected_label.reason
        for line in preview(PROSE_INSIDE_ANSWERS).lines
        if line.rejected_label
    }
    assert refused == {
        "De manier": RejectReason.SENTENCE,
        "Frans": RejectReason.SENTENCE,
        "De computer": RejectReason.SENTENCE,
    }


def test_a_transcript_in_lower_case_throughout_keeps_its_speakers() -> None:
    """The evidence is the transcript's own style: where no turn starts with a capital, case says nothing."""
    text = "Interviewer: hoe gaat het?\nFrans: goed hoor.\nInterviewer: en de stage?\nFrans: ook goed.\n"
    assert [t.speaker for t in detect_turns(text)] == ["Interviewer", "Frans", "Interviewer", "Frans"]


def test_a_name_going_on_with_a_capital_beside_capitalised_turns_is_a_speaker() -> None:
    text = "Interviewer: Hoe gaat het?\nFrans: Goed hoor.\nInterviewer: En de stage?\nFrans: Ook goed.\n"
    assert [t.speaker for t in detect_turns(text)] == ["Interviewer", "Frans", "Interviewer", "Frans"]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a first name that is a word too, going on in lower case as prose does after a colon
        ("Interviewer: Welk vak vind je lastig?\nFrans: dat vind ik echt moeilijk.\n", ["Interviewer"]),
        ("Interviewer: Wat wil je later?\nWil: ik wil graag de zorg in.\n", ["Interviewer"]),
        # an article and a noun that only ends like a role (-er, -ier): not a person, capital or not
        ("Interviewer: Wanneer begon je?\nDe winter: toen begon ik met de stage.\n", ["Interviewer"]),
        ("Interviewer: Hoe deed je dat?\nDe manier: Gewoon proberen, elke week weer.\n", ["Interviewer"]),
        ("Interviewer: Wat gebruik je?\nDe computer: Daar doe ik alles op.\n", ["Interviewer"]),
        # a listed role and a first name answering with a capital still do
        (
            "Interviewer: Hoe kijkt u terug?\nDe mentor: Tevreden, we hebben veel bereikt.\n",
            ["Interviewer", "De mentor"],
        ),
        ("Interviewer: Welk vak vind je lastig?\nFrans: Duits, vooral de grammatica.\n", ["Interviewer", "Frans"]),
    ],
)
def test_a_one_answer_speaker_needs_a_listed_role_or_name_and_a_capital(text: str, speakers: list[str]) -> None:
    assert [t.speaker for t in detect_turns(text)] == speakers


def test_a_speaker_whose_every_turn_opens_with_a_filler_in_lower_case_stays_a_speaker(
    store: ProjectStore, tmp_path: Path
) -> None:
    """Verbatim transcripts write "eh", "nou", "ja" in lower case; that is speech, not prose after a colon."""
    text = (
        "Interviewer: Hoe gaat het met je stage?\n"
        "Anna: eh, goed. Ik leer veel.\n"
        "Interviewer: En met je mentor?\n"
        "Anna: ja, die helpt me.\n"
        "Interviewer: Wat zou je anders willen?\n"
        "Anna: nou, meer tijd.\n"
    )
    path = tmp_path / "Anna_w1.txt"
    path.write_text(text, encoding="utf-8")
    (result,) = import_files(store, [path]).imported
    assert result.speakers == ("Interviewer", "Anna")
    assert [name for name, _ in stored_turns(store)] == ["Interviewer", "Anna"] * 3
