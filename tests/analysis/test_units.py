"""Sentence and paragraph boundaries and the spans codings touch."""

from __future__ import annotations

from lobcoder.analysis.units import Spans, paragraphs, sentences


def _texts(text: str, spans: Spans) -> list[str]:
    return [text[s:e] for s, e in zip(spans.starts, spans.ends, strict=True)]


def test_sentences_respect_dutch_abbreviations_elisions_and_line_breaks() -> None:
    text = (
        "Dat zei dhr. Jansen o.a. in 2023. Daarna ging het bijv. goed... toch? Ja! 's Avonds kwam J.P. Balkenende.\n"
        "1. Inleiding over ca. 20 studenten, d.w.z. bijna allemaal\n"
        "Wij kozen plan B. “Dat werkte.” 😀 Echt."
    )
    assert _texts(text, sentences(text)) == [
        "Dat zei dhr. Jansen o.a. in 2023.",
        "Daarna ging het bijv. goed... toch?",
        "Ja!",
        "'s Avonds kwam J.P. Balkenende.",
        "1. Inleiding over ca. 20 studenten, d.w.z. bijna allemaal",
        "Wij kozen plan B.",
        "“Dat werkte.”",
        "😀 Echt.",
    ]


def test_lowercase_after_a_full_stop_continues_the_sentence() -> None:
    text = "Het was 3.5 uur... en toen ging het door. Klaar."
    assert _texts(text, sentences(text)) == ["Het was 3.5 uur... en toen ging het door.", "Klaar."]


def test_a_transcribers_note_after_a_full_stop_goes_with_the_next_sentence() -> None:
    # The lowercase note hid the capital after it: "belangrijk. [lacht] Ik denk" was one sentence.
    text = "Dat is belangrijk. [lacht] Ik denk van wel. Nou ja. (zucht) (stilte) 't Is zo. Echt. [lacht] en toen. Ja."
    assert _texts(text, sentences(text)) == [
        "Dat is belangrijk.",
        "[lacht] Ik denk van wel.",
        "Nou ja.",
        "(zucht) (stilte) 't Is zo.",
        "Echt. [lacht] en toen.",  # lowercase after the note: the sentence goes on
        "Ja.",
    ]


def test_paragraphs_skip_blank_lines_and_trim() -> None:
    text = "Titel\n\n  Anna: Eerste.  \n\t\nI: Vraag?\n"
    found = paragraphs(text)
    assert _texts(text, found) == ["Titel", "Anna: Eerste.", "I: Vraag?"]
    assert found.number_at(text.index("Eerste")) == 2
    assert found.number_at(text.index("\t")) == 3  # between paragraphs: the next one


def test_touched_spans_share_a_character_and_touching_is_not_enough() -> None:
    spans = Spans((0, 10, 20), (5, 15, 25))
    assert list(spans.touched(3, 12)) == [0, 1]
    assert list(spans.touched(5, 10)) == []  # ends where one stops, stops where the next begins
    assert list(spans.touched(4, 21)) == [0, 1, 2]
    assert list(spans.touched(30, 40)) == []
