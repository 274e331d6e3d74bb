"""Transcripts in the shapes transcription services export, written from their documented formats.

Every fixture is the same short (invented) interview: Lotte Bakker asks, Sem
Jansen answers, and Sem's answer is split over two blocks, which must become
one turn. ``write_fixtures`` writes them all into a folder and says what an
import must find in each.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import docx

Q1, A1, A2, Q2, A3 = (
    "Goedemorgen, fijn dat je er bent.",
    "Goedemorgen.",
    "Ik ben er klaar voor.",
    "Wat betekent loopbaanbegeleiding voor jou?",
    "Vooral gesprekken met mijn mentor, één keer per periode.",
)


@dataclass(frozen=True)
class Expected:
    """What importing one fixture must give."""

    source: str | None
    turns: tuple[tuple[str | None, int | None], ...]  # (speaker, timestamp in ms) per turn
    speech: tuple[str, ...] = ()  # the words of each turn, when checked


def _teams_docx(path: Path) -> None:
    document = docx.Document()
    for line in (
        "Loopbaangesprek ronde 1",
        "3 maart 2025, 10:02",
        "24m 13s",
        "Lotte Bakker started transcription",
        "Bakker, Lotte   0:03",
        Q1,
        "Jansen, Sem   0:08",
        A1,
        "Jansen, Sem   0:11",
        A2,
        "Bakker, Lotte   0:15",
        Q2,
        "Jansen, Sem   0:21",
        A3,
        "Lotte Bakker stopped transcription",
    ):
        document.add_paragraph(line)
    document.save(path)


def _teams_old_docx(path: Path) -> None:
    document = docx.Document()
    for line in (
        "0:0:3.0 --> 0:0:7.520",
        "Bakker, Lotte",
        Q1,
        "0:0:8.100 --> 0:0:10.0",
        "Jansen, Sem",
        A1,
        "0:0:11.0 --> 0:0:14.0",
        "Jansen, Sem",
        A2,
        "0:0:15.0 --> 0:0:20.0",
        "Bakker, Lotte",
        Q2,
        "0:0:21.0 --> 0:0:29.0",
        "Jansen, Sem",
        A3,
    ):
        document.add_paragraph(line)
    document.save(path)


TEAMS_VTT = f"""WEBVTT

5e3b1c0a-7d2f-4c1e-9a8b-1f2e3d4c5b6a/11-0
00:00:03.000 --> 00:00:07.520
<v Bakker, Lotte>{Q1}</v>

5e3b1c0a-7d2f-4c1e-9a8b-1f2e3d4c5b6a/15-0
00:00:08.100 --> 00:00:10.000
<v Jansen, Sem>{A1}</v>

5e3b1c0a-7d2f-4c1e-9a8b-1f2e3d4c5b6a/16-0
00:00:11.000 --> 00:00:14.000
<v Jansen, Sem>{A2}</v>

5e3b1c0a-7d2f-4c1e-9a8b-1f2e3d4c5b6a/20-0
00:00:15.000 --> 00:00:20.000
<v Bakker, Lotte>{Q2}</v>

5e3b1c0a-7d2f-4c1e-9a8b-1f2e3d4c5b6a/24-0
00:00:21.000 --> 00:00:29.000
<v Jansen, Sem>{A3}</v>
"""

ZOOM_VTT = f"""WEBVTT

1
00:00:03.000 --> 00:00:07.520
Lotte Bakker: {Q1}

2
00:00:08.100 --> 00:00:10.000
Sem Jansen: {A1}

3
00:00:11.000 --> 00:00:14.000
Sem Jansen: {A2}

4
00:00:15.000 --> 00:00:20.000
Lotte Bakker: {Q2}

5
00:00:21.000 --> 00:00:29.000
Sem Jansen: {A3}
"""

ZOOM_TXT = f"""[Lotte Bakker] 10:02:03
{Q1}
[Sem Jansen] 10:02:08
{A1}
[Sem Jansen] 10:02:11
{A2}
[Lotte Bakker] 10:02:15
{Q2}
[Sem Jansen] 10:02:21
{A3}
"""

OTTER_TXT = f"""Speaker 1  0:03
{Q1}

Speaker 2  0:08
{A1}

Speaker 2  0:11
{A2}

Speaker 1  0:15
{Q2}

Speaker 2  0:21
{A3}


Transcribed by https://otter.ai
"""

AMBERSCRIPT = f"""Spreker 1 [00:00:03]
{Q1}

Spreker 2 [00:00:08]
{A1}

Spreker 2 [00:00:11]
{A2}

Spreker 1 [00:00:15]
{Q2}

Spreker 2 [00:00:21]
{A3}
"""

HAPPY_SCRIBE = f"""[00:00:03.00] - Spreker 1
{Q1}

[00:00:08.04] - Spreker 2
{A1}

[00:00:11.00] - Spreker 2
{A2}

[00:00:15.00] - Spreker 1
{Q2}

[00:00:21.00] - Spreker 2
{A3}
"""

WORD_TRANSCRIBE = f"""Transcript
00:00:03 Speaker 1
{Q1}
00:00:08 Speaker 2
{A1}
00:00:11 Speaker 2
{A2}
00:00:15 Speaker 1
{Q2}
00:00:21 Speaker 2
{A3}
"""

WHISPER_VTT = f"""WEBVTT

00:03.000 --> 00:07.520
{Q1}

00:08.100 --> 00:10.000
{A1}

00:11.000 --> 00:14.000
{A2}
"""

WHISPERX_SRT = f"""1
00:00:03,000 --> 00:00:07,520
[SPEAKER_00]: {Q1}

2
00:00:08,100 --> 00:00:10,000
[SPEAKER_01]: {A1}

3
00:00:11,000 --> 00:00:14,000
[SPEAKER_01]: {A2}

4
00:00:15,000 --> 00:00:20,000
[SPEAKER_00]: {Q2}

5
00:00:21,000 --> 00:00:29,000
[SPEAKER_01]: {A3}
"""

WHISPER_SRT = WHISPERX_SRT.replace("[SPEAKER_00]: ", "").replace("[SPEAKER_01]: ", "")

_SEGMENTS = [(3.0, 7.52, Q1, "SPEAKER_00"), (8.1, 10.0, A1, "SPEAKER_01"), (11.0, 14.0, A2, "SPEAKER_01"),
             (15.0, 20.0, Q2, "SPEAKER_00"), (21.0, 29.0, A3, "SPEAKER_01")]  # fmt: skip


def _whisper_json(speakers: bool) -> str:
    segments = []
    for number, (start, end, text, speaker) in enumerate(_SEGMENTS):
        segment: dict[str, object] = {"id": number, "start": start, "end": end, "text": " " + text}
        if speakers:
            words = [{"word": w, "start": start, "end": end, "speaker": speaker} for w in text.split()]
            segment.update(speaker=speaker, words=words)
        else:
            segment.update(seek=0, tokens=[50364, 1000], temperature=0.0, no_speech_prob=0.01)
        segments.append(segment)
    result: dict[str, object] = {"segments": segments, "language": "nl"}
    if speakers:
        result["word_segments"] = [w for s in segments for w in s["words"]]  # type: ignore[attr-defined]
    else:
        result["text"] = " ".join(s[2] for s in _SEGMENTS)
    return json.dumps(result, ensure_ascii=False, indent=2)


def _docx_from_text(text: str) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        document = docx.Document()
        for line in text.strip("\n").split("\n"):
            if line.strip():
                document.add_paragraph(line)
        document.save(path)

    return write


def _text(text: str) -> Callable[[Path], None]:
    return lambda path: path.write_text(text, encoding="utf-8")


def _four(first: str, second: str, times: tuple[int, int, int, int] = (3000, 8000, 15000, 21000)) -> tuple:
    return ((first, times[0]), (second, times[1]), (first, times[2]), (second, times[3]))


_SPEECH = (Q1, f"{A1}\n{A2}", Q2, A3)
_SPEECH_ONE_LINE = (Q1, f"{A1} {A2}", Q2, A3)
_CUES = (3000, 8100, 15000, 21000)
_CLOCK = (10 * 3600_000 + 123_000, 10 * 3600_000 + 128_000, 10 * 3600_000 + 135_000, 10 * 3600_000 + 141_000)

FIXTURES: dict[str, tuple[Callable[[Path], None], Expected]] = {
    "teams.docx": (_teams_docx, Expected("Microsoft Teams", _four("Bakker, Lotte", "Jansen, Sem"), _SPEECH)),
    "teams-older.docx": (_teams_old_docx, Expected("Microsoft Teams", _four("Bakker, Lotte", "Jansen, Sem", _CUES), _SPEECH)),
    "teams.vtt": (_text(TEAMS_VTT), Expected("Microsoft Teams", _four("Bakker, Lotte", "Jansen, Sem", _CUES), _SPEECH_ONE_LINE)),
    "zoom.vtt": (_text(ZOOM_VTT), Expected("Zoom", _four("Lotte Bakker", "Sem Jansen", _CUES), _SPEECH_ONE_LINE)),
    "zoom.txt": (_text(ZOOM_TXT), Expected("Zoom", _four("Lotte Bakker", "Sem Jansen", _CLOCK), _SPEECH)),
    "otter.txt": (_text(OTTER_TXT), Expected("Otter", _four("Speaker 1", "Speaker 2"), _SPEECH)),
    "otter.docx": (_docx_from_text(OTTER_TXT), Expected("Otter", _four("Speaker 1", "Speaker 2"), _SPEECH)),
    "amberscript.txt": (_text(AMBERSCRIPT), Expected("Amberscript", _four("Spreker 1", "Spreker 2"), _SPEECH)),
    "amberscript.docx": (_docx_from_text(AMBERSCRIPT), Expected("Amberscript", _four("Spreker 1", "Spreker 2"), _SPEECH)),
    "happyscribe.txt": (_text(HAPPY_SCRIBE), Expected("Happy Scribe", _four("Spreker 1", "Spreker 2", (3000, 8040, 15000, 21000)), _SPEECH)),
    "happyscribe.docx": (_docx_from_text(HAPPY_SCRIBE), Expected("Happy Scribe", _four("Spreker 1", "Spreker 2", (3000, 8040, 15000, 21000)), _SPEECH)),
    "word-transcribe.docx": (
        _docx_from_text(WORD_TRANSCRIBE),
        Expected("Word Transcribe", _four("Speaker 1", "Speaker 2"), _SPEECH),
    ),
    "whisper.vtt": (_text(WHISPER_VTT), Expected("Whisper", ((None, 3000), (None, 8100), (None, 11000)), (Q1, A1, A2))),
    "whisper.srt": (_text(WHISPER_SRT), Expected(None, tuple((None, ms) for ms in (3000, 8100, 11000, 15000, 21000)))),
    "whisperx.srt": (_text(WHISPERX_SRT), Expected("WhisperX", _four("SPEAKER_00", "SPEAKER_01", _CUES), _SPEECH_ONE_LINE)),
    "whisper.json": (_text(_whisper_json(False)), Expected("Whisper", tuple((None, ms) for ms in (3000, 8100, 11000, 15000, 21000)))),
    "whisperx.json": (_text(_whisper_json(True)), Expected("WhisperX", _four("SPEAKER_00", "SPEAKER_01", _CUES), _SPEECH_ONE_LINE)),
    "teams-saved-as.txt": (_text(TEAMS_VTT), Expected("Microsoft Teams", _four("Bakker, Lotte", "Jansen, Sem", _CUES), _SPEECH_ONE_LINE)),
}  # fmt: skip


def write_fixtures(folder: Path) -> dict[Path, Expected]:
    """Write every fixture into ``folder``; return each file with what it must give."""
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, (write, expected) in FIXTURES.items():
        path = folder / name
        write(path)
        written[path] = expected
    return written
