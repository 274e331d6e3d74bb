"""The streaming subtitle reader gives what the whole-file reader gave, on seeded generated files."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from lobcoder.errors import ImportProblem
from lobcoder.importing.extracted import ExtractedText
from lobcoder.importing.readers import read_file
from lobcoder.importing.readers.subtitles import read_subtitles_file
from tests.importing.subtitles_reference import read_subtitles as reference_reader

# No blank name: the reference reader made a speaker named "" of a blank "[ ]:" label, which the
# reader now deliberately does not (see the last test); everything else must match it.
_NAMES = ("Anna de Vries", "Interviewer", "Bram", "SPEAKER_00", "Mevr. Jansen-Smit", "nou ja")
_WORDS = "ja nee stage mentor coördinatie één école 😀 ‘goed’ — e\u0301 &amp; &lt;b&gt; loopbaan".split()


def _time(rng: random.Random, ms: int, fmt: str) -> str:
    seconds, millis = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    comma = "," if fmt == "srt" and rng.random() < 0.9 else "."
    fraction = rng.choice([f"{comma}{millis:03d}", f"{comma}{millis // 10:02d}", f"{comma}{millis // 100}", ""])
    if rng.random() < 0.2:  # Whisper: no hours
        return f"{minutes:02d}:{seconds:02d}{fraction}"
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{fraction}"


def _speech(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(1, 12))]
    if rng.random() < 0.2:
        words.insert(rng.randrange(len(words)), rng.choice(["<i>", "</i>", "<c.yellow>", "</c>", "<00:01:03.000>"]))
    return " ".join(words)


def _cue_text(rng: random.Random) -> str:
    style = rng.random()
    name = rng.choice(_NAMES)
    if style < 0.3:
        text = "".join(
            f"<v{rng.choice(['', '.loud'])} {rng.choice(_NAMES)}>{_speech(rng)}</v>" for _ in range(rng.randint(1, 2))
        )
    elif style < 0.45:
        text = f"[{name}]: {_speech(rng)}"
    elif style < 0.75:
        text = f"{name}: {_speech(rng)}"
    else:
        text = _speech(rng)
    if rng.random() < 0.3:  # a cue over several lines
        cut = rng.randrange(len(text) + 1)
        text = text[:cut] + rng.choice(["\n", "\n  ", "\n\t"]) + text[cut:]
    return text


def _blank(rng: random.Random) -> str:
    return rng.choice(["\n\n", "\n\n", "\n \n", "\n\t\n\n", "\n\n\n", "\n \n \n", "\n  \n\n \n"])


def _subtitles(rng: random.Random, fmt: str) -> str:
    parts: list[str] = []
    if fmt == "vtt":
        parts.append("WEBVTT" + rng.choice(["", " - Teams", "\nKind: captions\nLanguage: nl-NL"]))
    ms = 0
    for number in range(rng.randint(0, 40)):
        roll = rng.random()
        if roll < 0.05:
            parts.append(
                rng.choice(["NOTE gemaakt door Teams\nover twee regels", "STYLE\n::cue { color: white }", "REGION"])
            )
            continue
        start, ms = ms, ms + rng.randint(200, 5000)
        timing = f"{_time(rng, start, fmt)} --> {_time(rng, ms, fmt)}" + rng.choice(["", " align:start position:10%"])
        if roll < 0.1:  # damaged timing
            timing = rng.choice(["00:00 --> x", "-->", timing[: rng.randrange(len(timing))]])
        cue_id = ""
        if fmt == "srt" or rng.random() < 0.4:
            cue_id = rng.choice([str(number + 1), f"a1b2c3d4-{number}/12-0", " "]) + "\n"
        if roll < 0.15:
            cue_id = " \n" + cue_id  # a line of spaces before the number: the cue is lost, as before
        parts.append(cue_id + timing + "\n" + _cue_text(rng))
    text = ""
    for part in parts:
        text += part + _blank(rng)
    text = rng.choice(["", "\n", "\n\n \n"]) + text
    if rng.random() < 0.2:
        text = text[: rng.randrange(len(text) + 1)]  # cut off
    newline = rng.choice(["\n", "\n", "\r\n", "\r", "\u2028"])
    return text.replace("\n", newline)


def _encode(rng: random.Random, text: str) -> bytes:
    encoding = rng.choice(["utf-8", "utf-8", "utf-8-sig", "utf-16", "cp1252"])
    data = text.encode(encoding, errors="replace") if encoding == "cp1252" else text.encode(encoding)
    if rng.random() < 0.1 and data:  # a damaged byte
        at = rng.randrange(len(data))
        data = data[:at] + bytes([rng.choice([0x00, 0x07, 0xFF, 0xC3])]) + data[at + 1 :]
    return data


def _outcome(read: object) -> tuple[object, ...]:
    try:
        result = read()  # type: ignore[operator]
    except ImportProblem as exc:
        return ("refused", exc.problem)
    assert isinstance(result, ExtractedText)
    return (result.text, list(result.turns or ()), result.encoding, result.source, result.format)


@pytest.mark.parametrize("fmt", ["srt", "vtt"])
def test_streaming_reader_matches_the_whole_file_reader(tmp_path: Path, fmt: str) -> None:
    rng = random.Random(f"subtitles-{fmt}")
    outcomes: dict[str, int] = {}
    for case in range(200):
        data = _encode(rng, _subtitles(rng, fmt))
        path = tmp_path / f"case{case}.{fmt}"
        path.write_bytes(data)
        expected = _outcome(lambda: reference_reader(data, path, fmt))  # noqa: B023
        chunk = rng.choice([1, 2, 3, 7, 64, 1 << 20])
        assert _outcome(lambda: read_subtitles_file(path, fmt, chunk)) == expected, (case, chunk)  # noqa: B023
        key = "refused" if expected[0] == "refused" else "read"
        outcomes[key] = outcomes.get(key, 0) + 1
    # The generator reaches both: files that are read and files that are refused.
    assert outcomes["read"] > 100 and outcomes["refused"] > 5


def test_a_long_monologue_streams_into_one_turn(tmp_path: Path) -> None:
    cues = "".join(
        f"{n + 1}\n00:00:{n % 60:02d},000 --> 00:00:{n % 60:02d},500\nAnna: woord {n}\n\n" for n in range(5000)
    )
    path = tmp_path / "lang.srt"
    path.write_text(cues, encoding="utf-8")
    result = read_file(path)
    assert result.turns is not None and len(result.turns) == 1
    assert result.text == "Anna: " + " ".join(f"woord {n}" for n in range(5000))
    assert result.text == reference_reader(path.read_bytes(), path, "srt").text


def test_the_one_deliberate_difference_from_the_reference_a_blank_bracket_label(tmp_path: Path) -> None:
    data = "1\n00:00:01,000 --> 00:00:02,000\n[ ]: Eh, ja.\n\n2\n00:00:02,000 --> 00:00:03,000\n[Anna]: Goed.\n"
    path = tmp_path / "blank.srt"
    path.write_text(data, encoding="utf-8")
    old = reference_reader(data.encode(), path, "srt")
    assert old.text == ": Eh, ja.\nAnna: Goed." and [t.speaker for t in old.turns or ()] == ["", "Anna"]
    new = read_subtitles_file(path, "srt")
    assert new.text == "[ ]: Eh, ja.\nAnna: Goed." and [t.speaker for t in new.turns or ()] == [None, "Anna"]
