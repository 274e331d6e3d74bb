"""Speaker-turn detection: exact offsets, false-positive guards, custom patterns, preview."""

from __future__ import annotations

import re

import pytest

from lobcoder.importing.extracted import Turn
from lobcoder.importing.speakers import (
    DEFAULT_INTERVIEWER_NAMES,
    InvalidSpeakerPattern,
    RejectReason,
    SpeakerPattern,
    SpeakerSummary,
    detect_turns,
    is_interviewer,
    preview,
)


def spans(text: str, turns: list[Turn]) -> list[tuple[str | None, str, str]]:
    """(speaker, label text, speech text) per turn, straight from the offsets."""
    return [(t.speaker, text[t.label_start : t.start], text[t.start : t.end]) for t in turns]


def test_name_colon_labels_spanning_lines() -> None:
    text = (
        "Transcript interview 4\n\n"
        "Anna de Vries: Ik werk hier al lang.\n"
        "Echt heel lang.\n\n"
        "Tweede alinea van Anna.\n\n\n"
        "Docent 3 : Dat klopt.\n"
        "Anna de Vries: Ja.\n"
        "Docent 3: Oké.  \n\n"
    )
    assert spans(text, detect_turns(text)) == [
        ("Anna de Vries", "Anna de Vries: ", "Ik werk hier al lang.\nEcht heel lang.\n\nTweede alinea van Anna."),
        ("Docent 3", "Docent 3 : ", "Dat klopt."),
        ("Anna de Vries", "Anna de Vries: ", "Ja."),
        ("Docent 3", "Docent 3: ", "Oké."),
    ]


def test_text_before_first_label_belongs_to_no_turn() -> None:
    text = "Inleiding zonder spreker.\nNog een regel.\nI: Welkom."
    turns = detect_turns(text)
    assert len(turns) == 1
    assert turns[0].label_start == text.index("I:")


def test_known_labels_are_accepted_once() -> None:
    for label in ("I", "R", "Int.", "Interviewer", "Respondent", "Geïnterviewde", "Onderzoeker", "Q", "A"):
        text = f"{label}: Goedemorgen.\n"
        assert spans(text, detect_turns(text)) == [(label, f"{label}: ", "Goedemorgen.")], label


def test_unknown_name_needs_two_occurrences() -> None:
    once = "Inleiding\nPietje Puk: hallo\nMeer tekst\n"
    assert detect_turns(once) == []
    twice = once + "Pietje Puk: nog een keer\n"
    assert [t.speaker for t in detect_turns(twice)] == ["Pietje Puk", "Pietje Puk"]
    assert [t.speaker for t in detect_turns(once, SpeakerPattern(min_occurrences=1))] == ["Pietje Puk"]


def test_single_letter_and_numbered_labels() -> None:
    text = "I: Vraag een.\nR1: Antwoord.\nI2: Vraag twee.\nR1: Nog iets.\n"
    assert [(t.speaker, text[t.start : t.end]) for t in detect_turns(text)] == [
        ("I", "Vraag een."),
        ("R1", "Antwoord."),
        ("I2", "Vraag twee."),
        ("R1", "Nog iets."),
    ]


def test_tab_separated_labels_from_word_tables() -> None:
    text = "Interviewer\tDus hoe ging dat?\nAnna\tGoed.\nAnna\tEcht waar.\n"
    assert spans(text, detect_turns(text)) == [
        ("Interviewer", "Interviewer\t", "Dus hoe ging dat?"),
        ("Anna", "Anna\t", "Goed."),
        ("Anna", "Anna\t", "Echt waar."),
    ]


def test_consecutive_turns_of_one_speaker_are_not_merged() -> None:
    text = "I: Een.\nI: Twee.\n"
    assert [text[t.start : t.end] for t in detect_turns(text)] == ["Een.", "Twee."]


def test_leading_whitespace_is_not_part_of_the_label() -> None:
    text = "  \tI:\t Hallo\n"
    (turn,) = detect_turns(text)
    assert turn.label_start == 3
    assert text[turn.label_start : turn.start] == "I:\t "
    assert text[turn.start : turn.end] == "Hallo"


def test_empty_speech_gives_an_empty_turn() -> None:
    text = "I:\nR: Ja.\nI:   \n\n"
    turns = detect_turns(text)
    assert [(t.speaker, text[t.start : t.end]) for t in turns] == [("I", ""), ("R", "Ja."), ("I", "")]
    assert all(t.label_start <= t.start <= t.end for t in turns)


def test_speech_on_the_lines_after_a_bare_label() -> None:
    text = "Interviewer:\nHoe gaat het?\n\nRespondent:\nGoed.\n"
    assert [text[t.start : t.end] for t in detect_turns(text)] == ["Hoe gaat het?", "Goed."]


@pytest.mark.parametrize(
    ("line", "label", "ms"),
    [
        ("[00:01:02] Anna: Ja.", "[00:01:02] Anna: ", 62_000),
        ("00:01:02 Anna: Ja.", "00:01:02 Anna: ", 62_000),
        ("(01:02) Anna: Ja.", "(01:02) Anna: ", 62_000),
        ("Anna [00:01:02]: Ja.", "Anna [00:01:02]: ", 62_000),
        ("Anna (1:00:01.250): Ja.", "Anna (1:00:01.250): ", 3_601_250),
        ("[12:03.5] Anna: Ja.", "[12:03.5] Anna: ", 723_500),
        ("[00:00:07,04] Anna: Ja.", "[00:00:07,04] Anna: ", 7_040),
    ],
)
def test_timestamps_before_or_after_the_name(line: str, label: str, ms: int) -> None:
    text = f"{line}\nAnna: Nog iets.\n"
    first, second = detect_turns(text)
    assert spans(text, [first]) == [("Anna", label, "Ja.")]
    assert first.timestamp_ms == ms
    assert second.timestamp_ms is None


def test_label_with_timestamp_alone_on_its_line() -> None:
    text = "Spreker 1 [00:00:05]\nGoedemorgen.\nSpreker 2 [00:00:09]\nHallo.\nSpreker 1 0:12\nDag.\n"
    turns = detect_turns(text)
    assert [(t.speaker, t.timestamp_ms, text[t.start : t.end]) for t in turns] == [
        ("Spreker 1", 5_000, "Goedemorgen."),
        ("Spreker 2", 9_000, "Hallo."),
        ("Spreker 1", 12_000, "Dag."),
    ]


def test_impossible_timestamp_keeps_the_turn_without_time() -> None:
    text = "[00:75] I: Ja.\n"
    (turn,) = detect_turns(text)
    assert turn.timestamp_ms is None
    assert text[turn.start : turn.end] == "Ja."


def test_bold_markdown_labels() -> None:
    text = "**Anna:** Ja.\n**Anna**: Nee.\n"
    assert spans(text, detect_turns(text)) == [("Anna", "**Anna:** ", "Ja."), ("Anna", "**Anna**: ", "Nee.")]


def test_dutch_names_with_accents_and_emoji_in_speech() -> None:
    text = (
        "Geïnterviewde: Het was 😀 leuk 👍🏽.\n"
        "Mevr. Öztürk: Zeker 🎉!\nMevr. Öztürk: Ja.\n"
        "José-María O'Neill: Hoi.\nJosé-María O'Neill: Dag.\n"
    )
    assert spans(text, detect_turns(text)) == [
        ("Geïnterviewde", "Geïnterviewde: ", "Het was 😀 leuk 👍🏽."),
        ("Mevr. Öztürk", "Mevr. Öztürk: ", "Zeker 🎉!"),
        ("Mevr. Öztürk", "Mevr. Öztürk: ", "Ja."),
        ("José-María O'Neill", "José-María O'Neill: ", "Hoi."),
        ("José-María O'Neill", "José-María O'Neill: ", "Dag."),
    ]


def test_bijvoorbeeld_is_never_a_label() -> None:
    text = (
        "I: Kun je een voorbeeld geven?\n"
        "R: We zeiden bijvoorbeeld: dat doen we niet.\n"
        "Bijvoorbeeld: de les van dinsdag.\n"
        "Bijvoorbeeld: nog een keer.\n"
        "We deden bijvoorbeeld: niks.\n"
        "We deden bijvoorbeeld: niks.\n"
    )
    turns = detect_turns(text)
    assert [t.speaker for t in turns] == ["I", "R"]
    assert text[turns[1].start : turns[1].end].endswith("niks.\nWe deden bijvoorbeeld: niks.")


@pytest.mark.parametrize(
    "line",
    [
        "Tijd: 10:00",
        "Datum: 12 maart",
        "Let op: opnemen",
        "Opmerking: stil",
        "Noot: lacht",
        "Conclusie: goed",
        "Samenvatting: kort",
        "Tip: vragen",
        "Note: x",
        "Example: y",
        "Thema 2: werkdruk",
        "Vraag 3: Hoe ervaart u dat?",
        "https://example.org/a:b",
        "Start:10:00",
        "Dat was het. Nou: verder",
        "anna: klein",
        "Dit is een hele lange zin: geen label",
    ],
)
def test_false_positives_are_refused_even_when_repeated(line: str) -> None:
    text = f"I: Begin.\n{line}\n{line}\n"
    turns = detect_turns(text)
    assert [(t.speaker, text[t.start : t.end]) for t in turns] == [("I", f"Begin.\n{line}\n{line}")]


def test_bare_vraag_and_antwoord_are_labels() -> None:
    text = "Vraag: Hoe gaat het?\nAntwoord: Goed.\n"
    assert [t.speaker for t in detect_turns(text)] == ["Vraag", "Antwoord"]


def test_custom_regex() -> None:
    text = "Intro\nAB> Hallo daar.\nCDE>   Hoi.\nmore\nAB>Tot ziens.\nCDE> ok\nXY> eenmalig\n"
    pattern = SpeakerPattern(r"^(?P<speaker>[A-Z]{2,3})>\s*")
    assert spans(text, detect_turns(text, pattern)) == [
        ("AB", "AB> ", "Hallo daar."),
        ("CDE", "CDE>   ", "Hoi.\nmore"),
        ("AB", "AB>", "Tot ziens."),
        ("CDE", "CDE> ", "ok\nXY> eenmalig"),
    ]
    every = detect_turns(text, SpeakerPattern(r"(?P<speaker>[A-Z]{2,3})>\s*", min_occurrences=1))
    assert [t.speaker for t in every] == ["AB", "CDE", "AB", "CDE", "XY"]


def test_custom_regex_does_not_cross_lines_and_reads_time() -> None:
    text = "#12:30# jan -\nhoi\n#12:31.5# piet -\ndag\n"
    pattern = SpeakerPattern(r"#(?P<time>[\d:.]+)#\s*(?P<speaker>\w+)\s*-\s*", min_occurrences=1)
    assert [
        (t.speaker, t.timestamp_ms, text[t.label_start : t.start], text[t.start : t.end])
        for t in detect_turns(text, pattern)
    ] == [
        ("jan", 750_000, "#12:30# jan -", "\nhoi"),
        ("piet", 751_500, "#12:31.5# piet -", "\ndag"),
    ]


def test_custom_regex_keeps_known_labels_and_frequency_rule() -> None:
    text = "int) a\nzz) b\n"
    turns = detect_turns(text, SpeakerPattern(r"(?P<speaker>\w+)\)\s*"))
    assert [t.speaker for t in turns] == ["int"]


@pytest.mark.parametrize(
    ("regex", "message"),
    [("(?P<speaker>[A-Z", "Invalid speaker pattern"), (r"(\w+):", "(?P<speaker>"), ("", "(?P<speaker>")],
)
def test_invalid_custom_regex(regex: str, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        SpeakerPattern(regex)
    with pytest.raises(InvalidSpeakerPattern):
        SpeakerPattern(regex)


def test_min_occurrences_must_be_positive() -> None:
    with pytest.raises(ValueError, match="min_occurrences"):
        SpeakerPattern(min_occurrences=0)


def test_is_interviewer() -> None:
    for name in (
        "I",
        "i",
        "I.",
        "Int.",
        "INTERVIEWER",
        "Interviewster",
        "Onderzoeker",
        "Interviewer 2",
        "Q",
        "Vraag",
        "Moderator",
    ):
        assert is_interviewer(name), name
    for name in ("R", "Respondent", "Geïnterviewde", "Anna", "Docent 3", "Ina"):
        assert not is_interviewer(name), name
    assert is_interviewer("Anna", frozenset({"anna"}))
    assert "gespreksleider" in DEFAULT_INTERVIEWER_NAMES


def test_custom_interviewer_names_are_known_labels() -> None:
    text = "Els: Welkom.\nR: Dank je.\n"
    pattern = SpeakerPattern(interviewer_names=DEFAULT_INTERVIEWER_NAMES | {"Els"})
    assert [t.speaker for t in detect_turns(text, pattern)] == ["Els", "R"]
    assert preview(text, pattern).speakers[0].is_interviewer


def test_preview() -> None:
    text = (
        "Interview 3\n"
        "I: Hoe gaat het met je?\n"
        "Anna: Goed 😀 hoor.\n"
        "Bijvoorbeeld: niks.\n"
        "Piet: ik ook\n"
        "I: Mooi.\n"
        "Anna: Ja.\n"
    )
    result = preview(text)
    assert [t.speaker for t in result.turns] == ["I", "Anna", "I", "Anna"]
    assert tuple(result.turns) == tuple(detect_turns(text))
    assert result.speakers == (
        SpeakerSummary("I", 2, 6, True),
        SpeakerSummary("Anna", 2, 9, False),
    )
    assert [(ln.line_number, ln.speaker) for ln in result.lines] == [
        (1, None),
        (2, "I"),
        (3, "Anna"),
        (4, None),
        (5, None),
        (6, "I"),
        (7, "Anna"),
    ]  # no empty eighth line for the line break that ends the text
    assert result.lines[2].text == "Anna: Goed 😀 hoor."
    common = result.lines[3].rejected_label
    rare = result.lines[4].rejected_label
    assert common is not None and rare is not None
    assert (common.label, common.speaker, common.reason) == ("Bijvoorbeeld:", "Bijvoorbeeld", RejectReason.COMMON_WORD)
    assert (rare.speaker, rare.reason, rare.occurrences) == ("Piet", RejectReason.TOO_RARE, 1)
    assert str(rare) == "Piet: occurs only once"
    assert str(common) == "Bijvoorbeeld: common word"
    assert all(ln.rejected_label is None for ln in result.lines if ln.line_number not in (4, 5))


def test_preview_limits_lines_but_not_turns() -> None:
    text = "\n".join(f"I: regel {n}" for n in range(10))
    result = preview(text, max_lines=3)
    assert [ln.text for ln in result.lines] == ["I: regel 0", "I: regel 1", "I: regel 2"]
    assert len(result.turns) == 10
    assert result.speakers == (SpeakerSummary("I", 10, 20, True),)


def test_empty_text() -> None:
    assert detect_turns("") == []
    result = preview("")
    assert result.turns == () and result.speakers == ()
    assert [ln.text for ln in result.lines] == [""]


def test_large_transcript_keeps_every_turn() -> None:
    block = "I: Hoe was dat voor jou, bijvoorbeeld in de klas?\nAnna de Vries: Nou, best lastig 😅.\n" * 3 + "\n"
    text = (block * (300_000 // len(block) + 1))[:300_000]
    turns = detect_turns(text)
    assert len(turns) == text.count("\nI: ") + 1 + text.count("\nAnna de Vries: ")
    assert all(text[t.label_start : t.start] in ("I: ", "Anna de Vries: ") for t in turns)


@pytest.mark.parametrize("label", ["Docent", "Contactpersoon", "Student", "Mentor 2", "Loopbaanbegeleider", "R"])
def test_role_labels_are_accepted_once(label: str) -> None:
    text = f"Interviewer: Hoe gaat het?\n{label}: Goed, we werken samen aan LOB.\n"
    assert spans(text, detect_turns(text)) == [
        ("Interviewer", "Interviewer: ", "Hoe gaat het?"),
        (label, f"{label}: ", "Goed, we werken samen aan LOB."),
    ]


@pytest.mark.parametrize(
    "line", ["Wat ik wil zeggen: het gaat goed.", "Het doel was: samen leren.", "Docenten zeggen: nee."]
)
def test_prose_with_a_colon_stays_in_the_turn_once(line: str) -> None:
    text = f"Interviewer: Hoe gaat het?\n{line}\n"
    assert spans(text, detect_turns(text)) == [("Interviewer", "Interviewer: ", f"Hoe gaat het?\n{line}")]


CASE_NOTE = (
    "Casusnotities ROC Oost\n\n"
    "Het gaat dan vooral over stage en keuzedelen. Ik merk dat studenten meer behoefte hebben aan begeleiding.\n\n"
    "De teamleider zegt dan: ‘Dat moeten we samen oppakken.’ Dat is eigenlijk de visie van de opleiding.\n\n"
    "Met de decaan hebben we vaak overleg over de intake.\n\n"
    "Mijn collega zegt dan: ‘Begin gewoon klein.’\n\n"
    "De teamleider zegt dan: ‘Wie doet wat?’ Dan moet je echt keuzes maken.\n\n"
    "Mijn collega zegt dan: ‘Niet alles tegelijk.’\n\n"
    "Een vakdocent vraagt: ‘Wat levert het op?’\n\n"
    "Een vakdocent vraagt: ‘En wie betaalt het?’\n\n"
    "De decaan antwoordt: ‘Laat ze zelf kiezen.’\n\n"
    "De decaan antwoordt: ‘Het is hun loopbaan.’\n"
)


def test_case_note_sentences_before_a_quote_are_no_speakers(tmp_path) -> None:
    """Prose introducing a quote ("De teamleider zegt dan: ‘…’"), even twice, is no label."""
    from lobcoder.importing.file_preview import turns_of
    from lobcoder.importing.readers import read_file

    path = tmp_path / "Casus_01.txt"
    path.write_text(CASE_NOTE, encoding="utf-8")
    assert list(turns_of(read_file(path), SpeakerPattern())) == []  # what an import stores
    shown = preview(CASE_NOTE)
    refused = {line.rejected_label.speaker: line.rejected_label.reason for line in shown.lines if line.rejected_label}
    assert refused == {
        "De teamleider zegt dan": RejectReason.SENTENCE,
        "Mijn collega zegt dan": RejectReason.SENTENCE,
        "Een vakdocent vraagt": RejectReason.SENTENCE,
        "De decaan antwoordt": RejectReason.SENTENCE,
    }


def test_a_label_alone_above_another_label_is_no_capitalised_turn(tmp_path) -> None:
    """ "Frans:" alone on its line has no speech: the capital of the next label's name is not its own."""
    from lobcoder.importing.file_preview import turns_of
    from lobcoder.importing.readers import read_file

    text = (
        "I: Welke vakken vind je lastig?\n"
        "R: Vooral de talen.\n"
        "Frans: dat vind ik echt moeilijk.\n"
        "Frans:\n"
        "I: En verder?\n"
        "R: Niet veel.\n"
        "Frans: nog steeds lastig.\n"
    )
    path = tmp_path / "Sanne_w3.txt"
    path.write_text(text, encoding="utf-8")
    turns = list(turns_of(read_file(path), SpeakerPattern()))  # what an import stores
    assert [(t.speaker, text[t.start : t.end]) for t in turns] == [
        ("I", "Welke vakken vind je lastig?"),
        ("R", "Vooral de talen.\nFrans: dat vind ik echt moeilijk.\nFrans:"),
        ("I", "En verder?"),
        ("R", "Niet veel.\nFrans: nog steeds lastig."),
    ]


def test_names_roles_and_surnames_with_an_article_stay_labels() -> None:
    text = (
        "Docent 3: Goedemorgen.\nInterviewer: Dag.\nMarieke de Vries: Ja.\nI: Nou?\n"
        "Contactpersoon ROC Oost: Prima.\nDe Jong: Zeker.\nDe heer Jansen: Klopt.\n"
        "Docent 3: Tot ziens.\nMarieke de Vries: Dag.\nDe Jong: Dag.\nDe heer Jansen: Dag.\n"
        "Contactpersoon ROC Oost: Dag.\n"
    )
    assert [t.speaker for t in detect_turns(text)] == [
        "Docent 3",
        "Interviewer",
        "Marieke de Vries",
        "I",
        "Contactpersoon ROC Oost",
        "De Jong",
        "De heer Jansen",
        "Docent 3",
        "Marieke de Vries",
        "De Jong",
        "De heer Jansen",
        "Contactpersoon ROC Oost",
    ]
