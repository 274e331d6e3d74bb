"""Read Whisper and whisperX transcripts saved as JSON (``segments`` with times, maybe speakers)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from lobcoder.errors import ImportProblem
from lobcoder.i18n.said import say
from lobcoder.importing.extracted import ExtractedText, Turn
from lobcoder.text.decode import decode_bytes
from lobcoder.text.normalize import normalize_text

_WHAT = say("problem.what.whisper")


def read_whisper_json(data: bytes, path: Path) -> ExtractedText:
    """One ``"SPEAKER_00: words"`` line per speaker change, like the subtitle reader.

    openai-whisper writes ``{"text", "segments": [{"start", "end", "text"}],
    "language"}``; whisperX adds ``"speaker"`` to each segment after
    diarisation. Consecutive segments of one speaker become one turn; segments
    without a speaker stay turns of their own, each with its start time.
    """
    source, encoding = decode_bytes(data, path)
    try:
        document = json.loads(source)
    except json.JSONDecodeError as exc:
        raise ImportProblem(path, say("problem.json.invalid", reason=exc.msg, line=exc.lineno)) from exc
    segments = document.get("segments") if isinstance(document, dict) else None
    if not isinstance(segments, list):
        raise ImportProblem(path, say("problem.not_a", what=_WHAT, reason=say("problem.whisper.no_segments")))
    pieces: list[tuple[str | None, str, int | None]] = []
    for segment in segments:
        if not isinstance(segment, dict):
            raise ImportProblem(path, say("problem.not_a", what=_WHAT, reason=say("problem.whisper.bad_segment")))
        words = " ".join(normalize_text(str(segment.get("text") or "")).split())
        if not words:
            continue
        speaker = _speaker(segment.get("speaker"))
        start = _milliseconds(segment.get("start"))
        if pieces and speaker is not None and pieces[-1][0] == speaker:
            previous = pieces[-1]
            pieces[-1] = (speaker, f"{previous[1]} {words}", previous[2])
        else:
            pieces.append((speaker, words, start))
    if not pieces:
        raise ImportProblem(path, say("problem.whisper.empty"))
    lines: list[str] = []
    turns: list[Turn] = []
    offset = 0
    for speaker, words, start in pieces:
        label = f"{speaker}: " if speaker is not None else ""
        turns.append(Turn(speaker, offset, offset + len(label), offset + len(label) + len(words), start))
        lines.append(label + words)
        offset += len(label) + len(words) + 1
    speakers = any(speaker is not None for speaker, _, _ in pieces)
    source_name = "WhisperX" if speakers or "word_segments" in document else "Whisper"
    return ExtractedText(
        text="\n".join(lines), format="json", turns=tuple(turns), encoding=encoding, source=source_name
    )


def _speaker(value: Any) -> str | None:
    if value is None:
        return None
    name = " ".join(normalize_text(str(value)).split())
    return name or None


def _milliseconds(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0 or value != value:
        return None
    if value > 10**7:  # more than 115 days: not a time in a recording
        return None
    return round(value * 1000)
