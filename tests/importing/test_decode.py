"""Encoding detection for plain-text sources, on real bytes as editors write them."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from lobcoder.errors import ImportProblem
from lobcoder.text.decode import decode_bytes
from lobcoder.text.decode_stream import decode_file

PARAGRAPH = (
    "Ik vond het één keer heel moeilijk, maar de coördinatie met de gemeente "
    "verliep daarna goed. ‘Zo gaat dat hier’, zei ze. Het kostte ons € 250 per "
    "maand, en dat vonden we “redelijk”. Cliënten waren tevreden over de zorg, "
    "al was de reïntegratie van Ruiz wat trager.\n"
    "Daarna werd het beter, denk ik.\n"
)


def test_utf8() -> None:
    assert decode_bytes(PARAGRAPH.encode("utf-8"), "a.txt") == (PARAGRAPH, "utf-8")


def test_utf8_with_bom_drops_the_bom() -> None:
    data = codecs.BOM_UTF8 + PARAGRAPH.encode("utf-8")
    assert decode_bytes(data, "a.txt") == (PARAGRAPH, "utf-8-sig")


@pytest.mark.parametrize(
    "bom, codec",
    [
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_utf16_and_utf32_with_bom(bom: bytes, codec: str) -> None:
    data = bom + (PARAGRAPH + "😀").encode(codec)
    text, encoding = decode_bytes(data, "a.txt")
    assert text == PARAGRAPH + "😀"
    assert data.decode(encoding) == text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised_by_its_zero_bytes(codec: str) -> None:
    assert decode_bytes(PARAGRAPH.encode(codec), "a.txt") == (PARAGRAPH, codec)


def test_windows_1252_paragraph() -> None:
    text, encoding = decode_bytes(PARAGRAPH.encode("cp1252"), "a.txt")
    assert encoding == "cp1252"
    assert text == PARAGRAPH


@pytest.mark.parametrize(
    "line",
    [
        "één\n",
        "coördinatie",
        "‘Ja’, zei ze, “dat kost € 5”.",
        "Café",
    ],
)
def test_short_windows_1252_line(line: str) -> None:
    assert decode_bytes(line.encode("cp1252"), "a.txt") == (line, "cp1252")


def test_crlf_is_kept_for_normalisation_to_handle() -> None:
    data = "één\r\ntwee\r\n".encode("cp1252")
    assert decode_bytes(data, "a.txt")[0] == "één\r\ntwee\r\n"


def test_non_western_legacy_encoding_is_left_to_the_detector() -> None:
    text = "Привет, как дела? Мы говорили о работе и о семье весь вечер.\n" * 3
    assert decode_bytes(text.encode("cp1251"), "a.txt") == (text, "cp1251")


def test_empty_input() -> None:
    with pytest.raises(ImportProblem, match="is empty"):
        decode_bytes(b"", "a.txt")


@pytest.mark.parametrize(
    "data",
    [
        b"   \r\n\t\n",
        codecs.BOM_UTF8,
        codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"),
    ],
)
def test_whitespace_only_input_is_empty(data: bytes) -> None:
    with pytest.raises(ImportProblem) as info:
        decode_bytes(data, "leeg.txt")
    assert str(info.value) == "leeg.txt: is empty"


def test_random_bytes_are_binary() -> None:
    data = random.Random(1).randbytes(4000)
    with pytest.raises(ImportProblem) as info:
        decode_bytes(data, "foto.txt")
    assert info.value.problem == "is not a text file (it looks like binary data)"


def test_zero_bytes_in_text_that_is_not_utf16_are_binary() -> None:
    data = b"Hallo\x00\x00\x00\x01wereld, dit is geen tekst\x00" * 20
    with pytest.raises(ImportProblem, match="binary data"):
        decode_bytes(data, "a.txt")


def test_many_control_characters_are_binary() -> None:
    data = bytes(random.Random(2).choice(b"\x01\x02\x03\x1bab") for _ in range(2000))
    with pytest.raises(ImportProblem, match="binary data"):
        decode_bytes(data, "a.txt")


def test_a_stray_control_character_is_tolerated() -> None:
    text = PARAGRAPH + "\x1a"  # the DOS end-of-file mark
    assert decode_bytes(text.encode("utf-8"), "a.txt")[0] == text


def test_damaged_utf16_with_bom() -> None:
    with pytest.raises(ImportProblem, match="UTF-16"):
        decode_bytes(codecs.BOM_UTF16_LE + b"a\x00b", "a.txt")


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        # A byte-order mark is believed before zero bytes are looked at.
        (codecs.BOM_UTF8 + b"ab\xff\x00\x00cd", "starts like a UTF-8 text file but is damaged (invalid start byte)"),
        # Blank is said before binary: these control characters are white space too.
        (b"\x1c\x1d\x1e\x1f \n", "is empty"),
        (" \n \n".encode("utf-16-le"), "is empty"),
        (codecs.BOM_UTF32_LE, "is empty"),
        (codecs.BOM_UTF8 + b"\x01\x02\x03\x04", "is not a text file (it looks like binary data)"),
    ],
)
def test_which_refusal_a_user_sees_in_memory_and_from_a_file(data: bytes, problem: str, tmp_path: Path) -> None:
    with pytest.raises(ImportProblem) as in_memory:
        decode_bytes(data, "a.txt")
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    with pytest.raises(ImportProblem) as from_file:
        decode_file(path)
    assert in_memory.value.problem == from_file.value.problem == problem
