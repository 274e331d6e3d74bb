"""Selection positions counted the way different exporters count them land on the same text."""

from __future__ import annotations

import pytest

from lobcoder.refi.positions import Counting, RawSelection, SourceText, detect_counting, prior_for_origin
from lobcoder.text.normalize import normalize_text

EMOJI = "Ik vond het 😀 geweldig, echt een feest.\nDaarna ging ik naar huis."
CRLF = "Interviewer: Hoe was het?\r\nAnna: Het was één grote chaos.\r\nInterviewer: Waarom?\r\nAnna: Geen idee."


def units(raw: str, text: str, counting: Counting) -> tuple[int, int]:
    """Where ``text`` lies in ``raw`` as an exporter using ``counting`` would write it."""
    start = raw.index(text)
    end = start + len(text)

    def count(position: int) -> int:
        prefix = raw[:position]
        n = len(prefix.encode("utf-16-le")) // 2 if counting.utf16 else len(prefix)
        return n - prefix.count("\r\n") if counting.crlf_one else n

    return count(start), count(end)


def test_code_points_are_taken_as_they_are() -> None:
    source = SourceText(EMOJI)
    start, end = units(EMOJI, "geweldig", Counting.CODE_POINTS)
    a, b = source.convert(start, end, Counting.CODE_POINTS)  # type: ignore[misc]
    assert source.stored[a:b] == "geweldig"


def test_utf16_units_after_an_emoji_are_shifted_back_by_one() -> None:
    source = SourceText(EMOJI)
    start, end = units(EMOJI, "geweldig", Counting.UTF16)
    assert (start, end) == (EMOJI.index("geweldig") + 1, EMOJI.index("geweldig") + 9)
    a, b = source.convert(start, end, Counting.UTF16)  # type: ignore[misc]
    assert source.stored[a:b] == "geweldig"
    # Read as code points the same numbers cut the word off by one.
    a, b = source.convert(start, end, Counting.CODE_POINTS)  # type: ignore[misc]
    assert source.stored[a:b] == "eweldig,"


def test_a_selection_of_the_emoji_itself_survives_utf16_counting() -> None:
    source = SourceText(EMOJI)
    start, end = units(EMOJI, "😀", Counting.UTF16)
    assert end - start == 2
    a, b = source.convert(start, end, Counting.UTF16)  # type: ignore[misc]
    assert source.stored[a:b] == "😀"


def test_crlf_counted_once_atlas_ti() -> None:
    source = SourceText(CRLF)
    assert source.stored == normalize_text(CRLF)
    start, end = units(CRLF, "Waarom?", Counting.CRLF_ONE)
    assert start == CRLF.index("Waarom?") - 2  # two CRLFs before it, each one character short
    a, b = source.convert(start, end, Counting.CRLF_ONE)  # type: ignore[misc]
    assert source.stored[a:b] == "Waarom?"


def test_crlf_counted_twice_plain_code_points() -> None:
    source = SourceText(CRLF)
    start, end = units(CRLF, "Het was één grote chaos.", Counting.CODE_POINTS)
    a, b = source.convert(start, end, Counting.CODE_POINTS)  # type: ignore[misc]
    assert source.stored[a:b] == "Het was één grote chaos."


def test_a_selection_spanning_line_breaks_keeps_them_as_single_newlines() -> None:
    source = SourceText(CRLF)
    wanted = "Waarom?\r\nAnna: Geen idee."
    for counting in (Counting.CODE_POINTS, Counting.CRLF_ONE):
        start, end = units(CRLF, wanted, counting)
        a, b = source.convert(start, end, counting)  # type: ignore[misc]
        assert source.stored[a:b] == "Waarom?\nAnna: Geen idee."


def test_decomposed_accents_and_a_stray_bom_map_onto_the_nfc_text() -> None:
    raw = "\ufeffcafe\u0301 en e\u0301e\u0301n\ufeff keer\r\nklaar"
    source = SourceText(raw)
    assert source.stored == normalize_text(raw) == "café en één keer\nklaar"
    body = raw[1:]  # the file's BOM is not counted by anyone
    for wanted, expected in (("e\u0301e\u0301n", "één"), ("keer\r\nklaar", "keer\nklaar")):
        start = body.index(wanted)
        a, b = source.convert(start, start + len(wanted), Counting.CODE_POINTS)  # type: ignore[misc]
        assert source.stored[a:b] == expected


def test_out_of_range_and_empty_selections_are_refused() -> None:
    source = SourceText("kort")
    assert source.convert(0, 5, Counting.CODE_POINTS) is None
    assert source.convert(2, 2, Counting.CODE_POINTS) is None
    assert source.convert(-1, 2, Counting.CODE_POINTS) is None


@pytest.mark.parametrize("counting", [Counting.CODE_POINTS, Counting.UTF16])
def test_detection_from_names_after_an_emoji(counting: Counting) -> None:
    raw = "Begin 😀 dan 🎉 feest en 👍 akkoord, daarna rust."
    source = SourceText(raw)
    selections = [RawSelection(*units(raw, word, counting), name=word) for word in ("feest", "akkoord", "daarna rust")]
    detection = detect_counting(source, selections)
    assert detection.counting is counting
    for selection, word in zip(selections, ("feest", "akkoord", "daarna rust"), strict=True):
        a, b = source.convert(selection.start, selection.end, detection.counting)  # type: ignore[misc]
        assert source.stored[a:b] == word


def test_detection_without_names_uses_word_boundaries() -> None:
    raw = "😀😀 Lange woorden zoals onderwijsvernieuwing en schoolleiding."
    source = SourceText(raw)
    selections = [RawSelection(*units(raw, w, Counting.UTF16)) for w in ("onderwijsvernieuwing", "schoolleiding")]
    assert detect_counting(source, selections).counting is Counting.UTF16


def test_detection_of_atlas_crlf_counting_with_truncated_names() -> None:
    source = SourceText(CRLF)
    start, end = units(CRLF, "Anna: Het was één grote chaos.", Counting.CRLF_ONE)
    selections = [
        RawSelection(start, end, "Anna: Het was…"),
        RawSelection(*units(CRLF, "Geen idee", Counting.CRLF_ONE)),
    ]
    assert detect_counting(source, selections).counting is Counting.CRLF_ONE


def test_text_without_emoji_or_crlf_needs_no_detection() -> None:
    source = SourceText("Gewone tekst zonder bijzonderheden.\n")
    assert source.countings() == [Counting.CODE_POINTS]
    detection = detect_counting(source, [RawSelection(0, 6, "Gewone")])
    assert detection.counting is Counting.CODE_POINTS and not detection.ambiguous


def test_ties_follow_the_exporting_program_then_the_standard() -> None:
    raw = "a 😀 b c"
    source = SourceText(raw)
    # 4..5 is "b" in code points and the space before it in UTF-16 units: no evidence either way.
    selections = [RawSelection(4, 5)]
    assert detect_counting(source, selections).counting is Counting.CODE_POINTS
    detection = detect_counting(source, selections, prior=prior_for_origin("NVivo 14 (Windows)"))
    assert detection.counting is Counting.UTF16
    assert prior_for_origin("ATLAS.ti 8.4.0") is Counting.CRLF_ONE
    assert prior_for_origin("MAXQDA 24") is None
