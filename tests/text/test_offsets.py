"""Code-point offsets (stored) versus UTF-16 code units (Qt, NVivo)."""

from __future__ import annotations

import pytest

from lobcoder.text.offsets import Utf16Index, from_utf16, to_utf16, utf16_length

TEXT = "Eén 😀 coördinatie ‘quotes’ 👩‍🏫 einde"


def test_utf16_positions_match_what_utf16_encoding_counts() -> None:
    index = Utf16Index(TEXT)
    for offset in range(len(TEXT) + 1):
        expected = len(TEXT[:offset].encode("utf-16-le")) // 2
        assert index.to_utf16(offset) == expected
        assert index.from_utf16(expected) == offset


def test_round_trip_of_every_offset_in_plain_accented_text() -> None:
    text = "één coördinatie ‘quotes’ “dubbel” café"
    assert [to_utf16(text, i) for i in range(len(text) + 1)] == list(range(len(text) + 1))
    assert utf16_length(text) == len(text)


def test_emoji_counts_two_units_and_shifts_everything_after_it() -> None:
    text = "a😀b"
    assert utf16_length(text) == 4
    assert to_utf16(text, 2) == 3  # "b" starts after the surrogate pair
    assert from_utf16(text, 3) == 2
    assert text[from_utf16(text, 3)] == "b"


def test_unit_inside_a_surrogate_pair_snaps_to_the_character_start() -> None:
    text = "x😀y"
    assert from_utf16(text, 2) == 1  # between the two halves of 😀


def test_out_of_range_offsets_are_rejected() -> None:
    with pytest.raises(ValueError):
        to_utf16("abc", 4)
    with pytest.raises(ValueError):
        from_utf16("abc", 9)
    with pytest.raises(ValueError):
        from_utf16("abc", -1)
