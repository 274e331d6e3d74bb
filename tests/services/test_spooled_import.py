"""An import sets the text's UTF-8 aside and lets the string go: what is stored does not change."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from lobcoder.importing.readers import read_file
from lobcoder.importing.speakers import SpeakerPattern, detect_turn_table, detect_turns
from lobcoder.search import staged
from lobcoder.search.fulltext import search
from lobcoder.search.staged import StagedIndex
from lobcoder.services import prepared_text
from lobcoder.services.batch_import import import_one
from lobcoder.services.documents import get_document
from lobcoder.services.prepared_text import prepare_text, spool_text
from lobcoder.storage.project import ProjectStore
from lobcoder.text.normalize import content_hash

_WORDS = (
    "coördinatie",
    "één",
    "‘stage’",
    "“mentor”",
    "–",
    "😀",
    "café",
    "naïef",
    "🧑🏽‍🎓",
    "Ελληνικά",
    "…",
    "𝔘nicode",
    "school",
    "loopbaan",
)


def _long_text(seed: int, turns: int) -> str:
    """Interview turns mixing accents, typographic quotes, dashes and emoji (beyond the BMP)."""
    rng = random.Random(seed)
    lines = ["Interview P007 – meting 2", ""]
    for n in range(turns):
        speaker = "Interviewer" if n % 2 == 0 else rng.choice(("Anna", "Bram"))
        lines.append(f"{speaker}: " + " ".join(rng.choice(_WORDS) for _ in range(rng.randrange(3, 40))))
        if rng.random() < 0.3:
            lines.append(" ".join(rng.choice(_WORDS) for _ in range(rng.randrange(1, 12))))
        lines.append("")
    return "\n".join(lines)


@pytest.mark.parametrize(
    "text",
    ["", "a", "één ‘x’ 😀\n", _long_text(1, 200), "😀" * 70_001 + "\n" + "é" * 3],
)
def test_spooled_text_is_exactly_the_prepared_text(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Small pieces and a small in-memory limit: pieces cut between emoji, the spool goes to a file.
    monkeypatch.setattr(prepared_text, "_PIECE", 7)
    monkeypatch.setattr(prepared_text, "_SPOOL_IN_MEMORY", 64)
    expected = prepare_text(text)
    spooled = spool_text(text)
    assert (spooled.length, spooled.digest, spooled.size) == (expected.length, expected.digest, len(expected.utf8))
    got = spooled.prepared()
    assert got.utf8 == expected.utf8 and got.utf8.decode("utf-8") == text
    assert (got.length, got.digest) == (len(text), content_hash(text))
    with pytest.raises(RuntimeError):
        spooled.prepared()


def test_a_text_that_is_not_normalised_is_refused() -> None:
    with pytest.raises(ValueError, match="not normalised"):
        spool_text("a\r\nb", "x")


def test_no_room_for_the_spool_keeps_the_bytes_in_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    class FullDisk:
        def __init__(self, max_size: int, beside: object) -> None:
            self.closed = False

        def write(self, data: bytes) -> int:
            raise OSError(28, "No space left on device")

        def close(self) -> None:
            self.closed = True

    monkeypatch.setattr(prepared_text, "spool_file", FullDisk)
    text = _long_text(2, 50)
    got = spool_text(text).prepared()
    assert got.utf8 == text.encode("utf-8") and got.digest == content_hash(text)


def _stored_turns(store: ProjectStore, name: str) -> list[tuple[str | None, int, int, int, int | None]]:
    with store.read() as session:
        return [(t.speaker, t.label_start, t.start, t.end, t.timestamp_ms) for t in get_document(session, name).turns]


@pytest.mark.parametrize("staged_index", [False, True], ids=["in-transaction", "staged"])
def test_a_long_text_imports_to_exactly_the_text_and_turns_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, staged_index: bool
) -> None:
    if staged_index:  # index and text staged before the lock, as for a text over 4 MB
        monkeypatch.setattr(staged, "STAGE_ABOVE_BYTES", 0)
        monkeypatch.setattr(StagedIndex, "piece_bytes", 4096)
    monkeypatch.setattr(prepared_text, "_PIECE", 4099)  # pieces cut anywhere, also between emoji
    monkeypatch.setattr(prepared_text, "_SPOOL_IN_MEMORY", 1 << 16)  # the spool goes to a file
    path = tmp_path / "lang interview.txt"
    path.write_text(_long_text(15, 3000), encoding="utf-8")
    read = read_file(path).text  # what the reader gives, as every importer stored it before
    expected_turns = [(t.speaker, t.label_start, t.start, t.end, t.timestamp_ms) for t in detect_turn_table(read)]
    assert len(read.encode("utf-8")) > len(read) + (1 << 16)  # many characters beyond one byte

    with ProjectStore.create(tmp_path / "p.lobcoder") as store:
        result = import_one(store, path)
        assert result.status == "imported", result.message
        assert (result.characters, result.turns) == (len(read), len(expected_turns))
        assert set(result.speakers) == {"Interviewer", "Anna", "Bram"}
        assert _stored_turns(store, "lang interview") == expected_turns
        with store.read() as session:
            document = get_document(session, "lang interview")
            assert document.text == read
            hits = search(session, "naïef", limit=100_000).hits
            assert len(hits) == read.count("naïef") > 0
            assert all(read[h.start : h.end] == "naïef" for h in hits)  # code-point offsets over the stored text
    connection = sqlite3.connect(tmp_path / "p.lobcoder")
    try:
        stored_hash, stored_length = connection.execute("SELECT content_hash, length FROM documents").fetchone()
    finally:
        connection.close()
    assert (stored_hash, stored_length) == (content_hash(read), len(read))


_LABELS = (
    "I: ",
    "Interviewer: ",
    "Anna: ",
    "anna: ",
    "Het probleem was: ",
    "[00:01:02] Bram: ",
    "Bram (00:03:04): ",
    "  R:  ",
    "Eénmalig: ",
    "AB> ",
    "#00:02:01# Cor - ",
    "",
    "",
)


@pytest.mark.parametrize("seed", range(60))
def test_the_compact_turn_table_finds_exactly_the_turns_detect_turns_finds(seed: int) -> None:
    """detect_turn_table keeps its labels in arrays; detect_turns (objects) is the reference."""
    rng = random.Random(seed)
    lines = []
    for _ in range(rng.randrange(0, 120)):
        label = rng.choice(_LABELS)
        body = " ".join(rng.choice(_WORDS) for _ in range(rng.randrange(0, 8)))
        lines.append(label + body + rng.choice(("", "", " ", "\t")))
        if rng.random() < 0.2:
            lines.append(rng.choice(("", "  ", "\t")))
    text = "\n".join(lines) + rng.choice(("", "\n", "\n\n"))
    patterns = [
        SpeakerPattern(),
        SpeakerPattern(min_occurrences=rng.randrange(1, 5)),
        SpeakerPattern(r"(?P<speaker>[A-Z]{2,3})>\s*", min_occurrences=rng.randrange(1, 3)),
        SpeakerPattern(r"#(?P<time>[\d:.]+)#\s*(?P<speaker>\w+)\s*-\s*", min_occurrences=1),
    ]
    for pattern in patterns:
        assert list(detect_turn_table(text, pattern)) == detect_turns(text, pattern)
