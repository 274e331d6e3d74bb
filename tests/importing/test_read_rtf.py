"""RTF documents written by hand, as WordPad and Word save them."""

from __future__ import annotations

from pathlib import Path

import pytest

from lobcoder.errors import ImportProblem
from lobcoder.importing.readers import read_file

WORDPAD = rb"""{\rtf1\ansi\ansicpg1252\deff0\nouicompat{\fonttbl{\f0\fnil\fcharset0 Calibri;}}
{\*\generator Riched20 10.0.19041}\viewkind4\uc1
{\header\pard\plain KOPTEKST\par}
{\footer\pard\plain VOETTEKST\par}
\pard\sa200\sl276\slmult1\f0\fs22\lang19 Interview \'e9\'e9n\par
Interviewer: Hoe verliep de co\'f6rdinatie?\par
Anna: Het kostte \'80 250, \lquote echt\rquote  \ldblquote veel\rdblquote .\par
Emoji: \u-10179?\u-8704? en \u233?\u233?n via unicode.{\*\comment OPMERKING}\par
}
"""


def test_code_page_escapes_unicode_escapes_and_destinations(tmp_path: Path) -> None:
    path = tmp_path / "interview.rtf"
    path.write_bytes(WORDPAD)
    result = read_file(path)
    assert result.format == "rtf"
    assert result.text == (
        "Interview één\n"
        "Interviewer: Hoe verliep de coördinatie?\n"
        "Anna: Het kostte € 250, ‘echt’ “veel”.\n"
        "Emoji: 😀 en één via unicode.\n"
    )
    assert result.warnings == ()


def test_other_code_page(tmp_path: Path) -> None:
    path = tmp_path / "pools.rtf"
    path.write_bytes(rb"{\rtf1\ansi\ansicpg1250 Gda\'f1sk \'9fwawo\par}")
    assert read_file(path).text == "Gdańsk źwawo\n"


def test_raw_utf8_inside_rtf(tmp_path: Path) -> None:
    path = tmp_path / "utf8.rtf"
    path.write_bytes("{\\rtf1\\ansi één coördinatie\\par}".encode())
    assert read_file(path).text == "één coördinatie\n"


def test_not_rtf(tmp_path: Path) -> None:
    path = tmp_path / "nep.rtf"
    path.write_text("Gewoon tekst met een .rtf-naam", encoding="utf-8")
    with pytest.raises(ImportProblem) as info:
        read_file(path)
    assert info.value.problem == "is not an RTF document"


def test_rtf_without_text(tmp_path: Path) -> None:
    path = tmp_path / "leeg.rtf"
    path.write_bytes(rb"{\rtf1\ansi{\fonttbl{\f0 Arial;}}\pard\par}")
    with pytest.raises(ImportProblem, match="contains no text"):
        read_file(path)


def test_nul_characters_never_reach_the_text(tmp_path: Path) -> None:
    # \u0? and a raw NUL byte: SQLite's length() would stop at either.
    path = tmp_path / "nul.rtf"
    path.write_bytes(b"{\\rtf1\\ansi Anna: ja\\u0? nee, \x00 echt.\\par}")
    text = read_file(path).text
    assert "\x00" not in text
    assert text.startswith("Anna: ja\ufffd nee,")


def test_a_tracked_deletion_is_left_out_and_an_insertion_kept(tmp_path: Path) -> None:
    """Word and LibreOffice write a deletion under review as a {\\deleted ...} group: the reader sees the text as accepted."""
    path = tmp_path / "nagekeken.rtf"
    path.write_bytes(
        rb"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Calibri;}}{\*\revtbl{Unknown;}{Begeleider;}}"
        rb"\pard Bram: Omdat ik {\deleted\revauthdel1\revdttmdel1741752320 \loch"
        b"\n"
        rb"toen nog niet {\b echt} }{\revised\revauth1\revdttm1741752320 nu }weet wat ik wil.\par "
        rb"Interviewer: En {\deleted0 dan}?\par}"
    )
    assert read_file(path).text == "Bram: Omdat ik nu weet wat ik wil.\nInterviewer: En dan?\n"
