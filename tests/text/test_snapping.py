"""Snapping a selection to words, sentences and speaker turns."""

from __future__ import annotations

from lobcoder.importing.extracted import Turn
from lobcoder.text.snapping import snap_to_sentence, snap_to_turn, snap_to_words

TEXT = "I: Hoe gaat het?\nAnna: Goed. We leerden sámen! Dat was fijn 😀.\nI: Mooi."


def span(start: int, end: int) -> str:
    return TEXT[start:end]


def test_words_are_completed_and_white_space_trimmed() -> None:
    start = TEXT.index("eerden")
    assert span(*snap_to_words(TEXT, start, start + 3)) == "leerden"
    start = TEXT.index(" We")
    assert span(*snap_to_words(TEXT, start, start + 6)) == "We leerden"
    start = TEXT.index("ámen")
    assert span(*snap_to_words(TEXT, start, start + 2)) == "sámen"


def test_sentence_includes_its_end_punctuation_and_stays_on_its_line() -> None:
    start = TEXT.index("leerden")
    assert span(*snap_to_sentence(TEXT, start, start + 3)) == "We leerden sámen!"
    start = TEXT.index("fijn")
    assert span(*snap_to_sentence(TEXT, start, start + 2)) == "Dat was fijn 😀."
    assert span(*snap_to_sentence(TEXT, 4, 6)) == "I: Hoe gaat het?"


def test_turn_snaps_to_the_speech_without_the_label() -> None:
    anna = Turn("Anna", 17, 23, TEXT.index("\nI: Mooi"))
    turns = [Turn("I", 0, 3, 16), anna, Turn("I", TEXT.index("I: Mooi"), TEXT.index("Mooi"), len(TEXT))]
    start = TEXT.index("leerden")
    assert span(*snap_to_turn(TEXT, turns, start, start + 2)) == "Goed. We leerden sámen! Dat was fijn 😀."


def test_sentence_at_a_turn_start_leaves_the_label_out() -> None:
    anna = Turn("Anna", 17, 23, TEXT.index("\nI: Mooi"))
    assert span(*snap_to_sentence(TEXT, 25, 26)) == "Anna: Goed."
    assert span(*snap_to_sentence(TEXT, 25, 26, [anna])) == "Goed."
