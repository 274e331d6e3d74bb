"""RTF documents written by hand, as WordPad and Word save them."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from lobcoder.errors import ImportProblem
from lobcoder.importing.readers import read_file
from lobcoder.services.batch_import import import_files
from lobcoder.storage.models import Document, Speaker, SpeakerTurn
from lobcoder.storage.project import ProjectStore

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


def test_an_interview_in_a_two_column_table_keeps_its_turns(store: ProjectStore, tmp_path: Path) -> None:
    """Cells come out separated by a tab, as from .docx and .odt, so "Anna | Goed." is Anna's turn."""
    rows = [
        ("Interviewer", r"Hoe ging je stage?"),
        ("Anna", r"Goed. De begeleider was \'e9\'e9n keer per week bij me."),
        ("Interviewer", r"En de mentor?"),
        ("Anna", r"Die zag ik weinig|bijna nooit."),
    ]
    table = b"".join(
        rb"\trowd\cellx2000\cellx9000\pard\intbl " + who.encode() + rb"\cell " + said.encode() + rb"\cell\row" b"\n"
        for who, said in rows
    )
    path = tmp_path / "Anna_w1.rtf"
    path.write_bytes(rb"{\rtf1\ansi\ansicpg1252\pard Interview Anna\par" b"\n" + table + rb"\pard\par}")
    (result,) = import_files(store, [path]).imported
    assert result.speakers == ("Interviewer", "Anna")
    with store.read() as session:
        text = session.scalars(select(Document.text)).one()
        turns = session.execute(
            select(Speaker.name, SpeakerTurn.start, SpeakerTurn.end)
            .join(Speaker, Speaker.id == SpeakerTurn.speaker_id)
            .order_by(SpeakerTurn.start)
        ).all()
    assert text.startswith("Interview Anna\nInterviewer\tHoe ging je stage?\nAnna\tGoed.")
    assert [(name, text[start:end]) for name, start, end in turns] == [
        ("Interviewer", "Hoe ging je stage?"),
        ("Anna", "Goed. De begeleider was één keer per week bij me."),
        ("Interviewer", "En de mentor?"),
        ("Anna", "Die zag ik weinig|bijna nooit."),
    ]


def test_a_table_leaves_the_tabs_outside_it_as_written(tmp_path: Path) -> None:
    """Only the tab after a row's last cell goes; a paragraph's own trailing tab stays, table or not."""
    row = rb"\trowd\cellx2000\cellx9000\pard\intbl Anna\cell Goed.\cell\row" b"\n"
    with_table = tmp_path / "met_tabel.rtf"
    with_table.write_bytes(rb"{\rtf1\ansi\pard Intro\tab\par" b"\n" + row + rb"\pard Slot\tab\par}")
    without = tmp_path / "zonder_tabel.rtf"
    without.write_bytes(rb"{\rtf1\ansi\pard Intro\tab\par" b"\n" + rb"\pard Slot\tab\par}")
    assert read_file(with_table).text == "Intro\t\nAnna\tGoed.\nSlot\t\n"
    assert read_file(without).text == "Intro\t\nSlot\t\n"
