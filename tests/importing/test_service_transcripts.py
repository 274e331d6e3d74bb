"""Transcripts exported by Teams, Zoom, Otter, Amberscript, Happy Scribe, Word and Whisper."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lobcoder.errors import ImportProblem
from lobcoder.importing.readers import read_file
from tests.importing.transcript_fixtures import FIXTURES, Expected, write_fixtures


@pytest.fixture(scope="module")
def fixtures(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Expected]]:
    written = write_fixtures(tmp_path_factory.mktemp("services"))
    return {path.name: (path, expected) for path, expected in written.items()}


@pytest.mark.parametrize("name", list(FIXTURES))
def test_each_shape_gives_its_speakers_turns_and_times(fixtures, name: str) -> None:
    path, expected = fixtures[name]
    result = read_file(path)
    assert result.source == expected.source
    assert result.turns is not None
    assert [(t.speaker, t.timestamp_ms) for t in result.turns] == list(expected.turns)
    if expected.speech:
        assert [result.text[t.start : t.end] for t in result.turns] == list(expected.speech)
    for turn in result.turns:
        label = "" if turn.speaker is None else f"{turn.speaker}: "
        assert result.text[turn.label_start : turn.start] == label
        assert turn.label_start == 0 or result.text[turn.label_start - 1] == "\n"


def test_teams_docx_keeps_the_heading_and_notices_outside_the_turns(fixtures) -> None:
    result = read_file(fixtures["teams.docx"][0])
    assert result.text.split("\n")[:5] == [
        "Loopbaangesprek ronde 1",
        "3 maart 2025, 10:02",
        "24m 13s",
        "Lotte Bakker started transcription",
        "Bakker, Lotte: Goedemorgen, fijn dat je er bent.",
    ]
    assert result.text.endswith("één keer per periode.\nLotte Bakker stopped transcription")
    assert result.turns is not None and result.turns[-1].end == result.text.index("\nLotte Bakker stopped")


def test_the_otter_footer_is_no_part_of_the_last_answer(fixtures) -> None:
    result = read_file(fixtures["otter.txt"][0])
    assert result.turns is not None
    last = result.turns[-1]
    assert result.text[last.start : last.end].endswith("per periode.")
    assert result.text.endswith("\nTranscribed by https://otter.ai")


def test_a_typed_interview_mentioning_times_is_left_to_speaker_detection(tmp_path: Path) -> None:
    path = tmp_path / "getypt.txt"
    path.write_text(
        "I: Wanneer begon het gesprek?\nR: Om half elf.\nWe begonnen om 10:30\nI: En daarna?\nR: Lunch.\n"
        "Anna de Vries 12:15\nR: Toen was het klaar.\n",
        encoding="utf-8",
    )
    result = read_file(path)
    assert result.turns is None and result.source is None
    assert result.text.startswith("I: Wanneer begon het gesprek?")


def test_times_that_run_backwards_are_not_a_service_transcript(tmp_path: Path) -> None:
    lines = []
    for n, stamp in enumerate(("0:40", "0:10", "0:30", "0:05")):
        lines += [f"Speaker {n % 2 + 1}  {stamp}", "Iets gezegd."]
    path = tmp_path / "door-elkaar.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert read_file(path).turns is None


def test_whisper_json_problems_are_one_line_and_name_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "kapot.json"
    broken.write_text('{"segments": [', encoding="utf-8")
    with pytest.raises(ImportProblem, match=r"kapot\.json.*not valid JSON"):
        read_file(broken)
    other = tmp_path / "iets-anders.json"
    other.write_text(json.dumps({"naam": "geen transcript"}), encoding="utf-8")
    with pytest.raises(ImportProblem, match="no list of segments"):
        read_file(other)
    empty = tmp_path / "leeg.json"
    empty.write_text(json.dumps({"segments": [{"start": 0, "end": 1, "text": "  "}]}), encoding="utf-8")
    with pytest.raises(ImportProblem, match="no transcribed segments"):
        read_file(empty)


def test_a_txt_holding_srt_is_read_as_subtitles(tmp_path: Path) -> None:
    path = tmp_path / "ondertitels.txt"
    path.write_text("1\n00:00:01,000 --> 00:00:02,000\n[SPEAKER_00]: Hallo.\n", encoding="utf-8")
    result = read_file(path)
    assert result.format == "srt" and result.source == "WhisperX"
    assert result.text == "SPEAKER_00: Hallo."


def test_rebuilt_turns_always_fit_their_text() -> None:
    """Random mixes of header lines, speech, blank lines and notices (seeded): every turn
    lies inside the text, starts a line with its label, and its speech holds no header."""
    import random

    from lobcoder.importing.extracted import ExtractedText
    from lobcoder.importing.service_transcripts import recognise

    shapes = [
        lambda name, s: f"{name}   {s // 60}:{s % 60:02d}",
        lambda name, s: f"[{name}] 10:{s // 60:02d}:{s % 60:02d}",
        lambda name, s: f"00:{s // 60:02d}:{s % 60:02d} {name}",
        lambda name, s: f"[00:{s // 60:02d}:{s % 60:02d}.00] - {name}",
        lambda name, s: f"{name} [00:{s // 60:02d}:{s % 60:02d}]",
    ]
    names = ["Speaker 1", "Spreker 2", "Bakker, Lotte", "Anna de Vries", "Één Naam"]
    speech = ["Ja.", "Dat vond ik moeilijk, eerlijk gezegd.", "😀 Goed!", "  met spaties  ", "Om 10:30 begon het."]
    rng = random.Random(20261207)
    recognised = 0
    for _ in range(300):
        shape = rng.choice(shapes)
        seconds = 0
        lines = ["Titel van het gesprek"] if rng.random() < 0.5 else []
        for _block in range(rng.randint(1, 12)):
            seconds += rng.randint(0, 30)
            lines.append(shape(rng.choice(names), seconds))
            lines += [rng.choice(speech) for _ in range(rng.randint(0, 3))]
            if rng.random() < 0.3:
                lines.append("")
            if rng.random() < 0.05:
                lines.append("Lotte Bakker stopped transcription")
        text = "\n".join(lines)
        result = recognise(ExtractedText(text=text, format=rng.choice(["txt", "docx"])))
        if result.turns is None:
            assert result.text == text
            continue
        recognised += 1
        out = result.text
        for turn in result.turns:
            assert 0 <= turn.label_start < turn.start <= turn.end <= len(out)
            assert turn.label_start == 0 or out[turn.label_start - 1] == "\n"
            assert out[turn.label_start : turn.start] == f"{turn.speaker}: "
            assert turn.speaker in names
        for a, b in zip(result.turns, result.turns[1:], strict=False):
            # One turn per speaker change, unless a notice line stands between them.
            assert a.speaker != b.speaker or out[a.end : b.label_start].strip()
    assert recognised > 200
