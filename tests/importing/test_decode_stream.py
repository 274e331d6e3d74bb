"""Plain text decoded and normalised piece by piece gives exactly what whole-file decoding gave."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from lobcoder.errors import ImportProblem
from lobcoder.importing.extracted import TurnTable
from lobcoder.importing.readers import read_file
from lobcoder.importing.speakers import detect_turn_table, detect_turns
from lobcoder.services.batch_import import import_one
from lobcoder.services.documents import get_document
from lobcoder.storage.project import ProjectStore
from lobcoder.text import fold as fold_module
from lobcoder.text.decode import decode_bytes
from lobcoder.text.decode_stream import decode_file
from lobcoder.text.fold import _fold_char, fold
from lobcoder.text.normalize import normalize_text

_TEXTS = (
    "één\r\ntwee\r\ndrie",
    "Ze zei: ‘nee’ – “ja” … €5",
    "plain ascii\n\nI: hoi\nR: dag",
    "Привет мир, это текст",
    "日本語のテキストです。",
    "a\u0301e\u0308 combin\r\n\r",
    "\ufeffbom inside\ufeff",
    "x\x1by\x07z",
    "   \n\t ",
    "\x85nel\u2028ls",
)
_ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "cp1251", "latin-1")


def _whole(data: bytes) -> tuple[str, str] | str:
    """What lobcoder did before: decode all bytes at once, then normalise."""
    try:
        text, encoding = decode_bytes(data, "a.txt")
    except ImportProblem as exc:
        return exc.problem
    return normalize_text(text), encoding


def _pieces(data: bytes, size: int) -> tuple[str, str] | str:
    def chunks() -> Iterator[bytes]:
        return (data[i : i + size] for i in range(0, len(data), size))

    try:
        return decode_file("a.txt", chunks)
    except ImportProblem as exc:
        return exc.problem


def _mutated(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 3)):
        pos = rng.randrange(len(out) + 1)
        roll = rng.random()
        if roll < 0.4 and out:
            out[min(pos, len(out) - 1)] = rng.randrange(256)
        elif roll < 0.7:
            out[pos:pos] = bytes([rng.randrange(256)])
        else:
            del out[pos : pos + rng.randint(1, 4)]
    return bytes(out)


def test_pieces_give_the_same_text_encoding_and_refusals_as_the_whole() -> None:
    rng = random.Random(15)
    compared = 0
    for _ in range(400):
        text = "".join(rng.choice(_TEXTS) for _ in range(rng.randint(1, 10)))
        try:
            data = text.encode(rng.choice(_ENCODINGS))
        except UnicodeEncodeError:
            continue
        if rng.random() < 0.3:
            data = _mutated(rng, data)
        expected = _whole(data)
        for size in (2, 3, 64, 1 << 20):  # pieces that cut CR LF, BOMs and characters in two
            assert _pieces(data, size) == expected, (data[:60], size)
        compared += 1
    assert compared > 250


def test_a_long_text_file_reads_as_before(tmp_path: Path) -> None:
    lines = [f"I: vraag {n} over één ‘stage’\r\nR: antwoord {n}, coördinatie – ideeën\r\n" for n in range(60_000)]
    data = "".join(lines).encode("utf-8")
    path = tmp_path / "lang.txt"
    path.write_bytes(data)
    assert len(data) > 2 * (1 << 20)  # several pieces
    extracted = read_file(path)
    assert (extracted.text, extracted.encoding) == _whole(data)


def test_a_long_windows_1252_file_reads_as_before(tmp_path: Path) -> None:
    data = ("Dit is één regel met ‘aanhalingstekens’ – en ideeën.\r\n" * 50_000).encode("cp1252")
    path = tmp_path / "oud.txt"
    path.write_bytes(data)
    extracted = read_file(path)
    assert (extracted.text, extracted.encoding) == _whole(data)
    assert extracted.encoding == "cp1252"


def test_the_stored_text_is_the_text_read(tmp_path: Path) -> None:
    data = ("Interviewer: Hoe ging de stage?\n\nAnna: Goed, één ‘mooie’ tijd.\n\n" * 5000).encode("utf-8")
    path = tmp_path / "anna.txt"
    path.write_bytes(data)
    with ProjectStore.create(tmp_path / "p.lobcoder") as store:
        result = import_one(store, path)
        assert result.status == "imported"
        with store.read() as session:
            document = get_document(session, "anna")
    expected = _whole(data)
    assert isinstance(expected, tuple)
    assert document.text == expected[0]
    assert len(document.turns) == result.turns == 10_000
    assert result.speakers == ("Interviewer", "Anna")  # the turn table's speakers, in order of their first turn


def test_binary_data_is_refused_without_reading_it_whole(tmp_path: Path) -> None:
    path = tmp_path / "ruis.txt"
    path.write_bytes(random.Random(3).randbytes(3 << 20))
    with pytest.raises(ImportProblem, match="binary"):
        read_file(path)


def test_the_turn_table_holds_the_turns_detect_turns_finds() -> None:
    text = "Titel\n\nI: hoi\nAnna: dag\n\n[00:01:02] I: en?\nAnna: goed\nnog iets\n\nhet probleem: niets\n"
    table = detect_turn_table(text)
    assert isinstance(table, TurnTable)
    assert list(table) == detect_turns(text)
    assert table == detect_turns(text)
    assert table[-1] == detect_turns(text)[-1]
    assert table[1:3] == detect_turns(text)[1:3]


def test_folding_in_pieces_matches_folding_character_by_character(monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("Één Coördinatie İstanbul ﬁ ’x’ ẞ Ελληνικά 😀 " * 3_000) + "ASCII only"
    assert fold(text) == "".join(_fold_char(ch) for ch in text)
    assert len(fold(text)) == len(text)
    monkeypatch.setattr(fold_module, "_PIECE", 1_000)  # a long text is folded a piece at a time
    assert fold(text) == "".join(_fold_char(ch) for ch in text)
