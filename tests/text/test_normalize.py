"""What is stored: BOM stripped, line breaks as \\n, Unicode NFC, nothing else."""

from __future__ import annotations

import unicodedata

from lobcoder.text.fold import fold
from lobcoder.text.normalize import content_hash, is_normalized, normalize_text


def test_crlf_cr_and_unicode_separators_become_newlines() -> None:
    raw = "Regel één\r\nRegel twee\rRegel drie\u2028vier\u2029vijf"
    assert normalize_text(raw) == "Regel één\nRegel twee\nRegel drie\nvier\nvijf"


def test_bom_is_stripped_and_decomposed_accents_are_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "coördinatie één")
    assert len(decomposed) > len("coördinatie één")
    assert normalize_text("\ufeff" + decomposed) == "coördinatie één"


def test_spacing_and_blank_lines_are_kept_so_foreign_offsets_stay_valid() -> None:
    raw = "  I: vraag  \n\n\nR: antwoord 😀 \n"
    assert normalize_text(raw) == raw


def test_content_hash_ignores_line_break_convention() -> None:
    assert content_hash(normalize_text("a\r\nb")) == content_hash(normalize_text("a\nb"))
    assert content_hash("a") != content_hash("b")


def test_fold_keeps_length_and_strips_diacritics() -> None:
    text = "Coördinatie ÉÉN Café 😀 İstanbul"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded.startswith("coordinatie een cafe 😀 i")


def test_control_characters_are_replaced_one_for_one() -> None:
    raw = "Anna:\tja\x00 nee\x1b[0m\x07 goed\x7f\n"
    stored = normalize_text(raw)
    assert stored == "Anna:\tja\ufffd nee\ufffd[0m\ufffd goed\ufffd\n"
    assert len(stored) == len(raw)  # positions taken over the raw text stay valid
    assert is_normalized(stored) and not is_normalized(raw)
