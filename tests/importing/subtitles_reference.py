"""The subtitle reader as it was before it streamed (main at c3efda1), kept to compare against.

It decoded the whole file, split it into blocks with one regular expression
and kept every cue as an object. ``tests/importing/test_subtitles_stream.py``
checks that the streaming reader gives the same text, turns, encoding and
source on seeded generated files. One deliberate change: Whisper's times are
looked for in the normalised text (here: ``normalize_text(source)``), so a
Whisper file with CRLF line ends is recognised too.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from lobcoder.errors import ImportProblem
from lobcoder.importing.extracted import ExtractedText, Turn
from lobcoder.text.decode import decode_bytes
from lobcoder.text.normalize import normalize_text

_TIME = r"(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?"
_TIMING = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}")
_BLANK_LINES = re.compile(r"\n[ \t]*\n")
_SKIPPED_BLOCKS = re.compile(r"(?:NOTE|STYLE|REGION)(?:[ \t]|$)")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?(?:[ \t]+([^>]*))?>", re.IGNORECASE)
_TAG = re.compile(r"</?[^>\s][^>]*>")
_SPACE = re.compile(r"\s+")
# "Anna de Vries: ..." - a name of at most four words starting with a letter.
_NAME_PREFIX = re.compile(r"^([^\W\d_][\w.'’-]*(?:[ \t]+[\w.'’-]+){0,3})[ \t]*:(?:[ \t]+|$)")
# Lower-case words allowed after the first word of a name ("Anna de Vries");
# any other lower-case word means a sentence ("Nou ja: ..."), not a name.
_WHISPER_TIMING = re.compile(r"^\d{2}:\d{2}\.\d{3} --> \d{2}:\d{2}\.\d{3}$", re.MULTILINE)
# whisperX writes diarised cues as "[SPEAKER_00]: words".
_BRACKET_PREFIX = re.compile(r"^\[([^\]\n]{1,60})\]:[ \t]*")
_NAME_PARTICLES = frozenset("van de der den het ter ten te 't d' in op la le du von da di del dos das".split())


@dataclass
class _Piece:
    speaker: str | None
    text: str
    start_ms: int
    kind: str = ""  # how the speaker was given: "voice" tag, "bracket" or name "prefix"


def read_subtitles(data: bytes, path: Path, fmt: str) -> ExtractedText:
    """Build one line per speaker turn, ``"Anna de Vries: tekst"``, and the
    turns with their offsets.

    Consecutive cues of the same named speaker merge into one turn; cues
    without a speaker stay separate, since nothing says they are one person.
    The text is normalised piece by piece before offsets are taken, so the
    offsets hold over the stored text.
    """
    source, encoding = decode_bytes(data, path)
    found = _pieces(normalize_text(source))
    pieces = _merge(found)
    if not pieces:
        raise ImportProblem(path, "contains no subtitle cues")
    lines: list[str] = []
    turns: list[Turn] = []
    offset = 0
    for piece in pieces:
        label = f"{piece.speaker}: " if piece.speaker is not None else ""
        line = label + piece.text
        turns.append(Turn(piece.speaker, offset, offset + len(label), offset + len(line), piece.start_ms))
        lines.append(line)
        offset += len(line) + 1
    text = "\n".join(lines)
    made_by = _source(found, fmt, normalize_text(source))
    return ExtractedText(text=text, format=fmt, turns=tuple(turns), encoding=encoding, source=made_by)


def _source(pieces: list[_Piece], fmt: str, raw: str) -> str | None:
    """Who wrote the file, judged by how it names speakers (None: cannot tell)."""
    kinds = {piece.kind for piece in pieces if piece.speaker is not None}
    if "voice" in kinds:
        return "Microsoft Teams"
    if "bracket" in kinds:
        return "WhisperX"
    if "prefix" in kinds and fmt == "vtt":
        return "Zoom"
    if not kinds and fmt == "vtt" and _WHISPER_TIMING.search(raw):
        return "Whisper"  # openai-whisper writes WebVTT times without hours
    return None


def _pieces(source: str) -> list[_Piece]:
    """Cue texts split by speaker, in file order, with each cue's start."""
    pieces: list[_Piece] = []
    for block in _BLANK_LINES.split(source.strip("\n")):
        lines = block.strip("\n").split("\n")
        if _SKIPPED_BLOCKS.match(lines[0]):
            continue
        for index, line in enumerate(lines[:2]):
            timing = _TIMING.match(line)
            if timing:
                start_ms = _milliseconds(*timing.groups()[:4])
                cue = " ".join(part.strip() for part in lines[index + 1 :] if part.strip())
                pieces.extend(_split_cue(cue, start_ms))
                break
    return pieces


def _split_cue(cue: str, start_ms: int) -> list[_Piece]:
    """Split at voice tags; text without one may name its speaker as a prefix."""
    result: list[_Piece] = []
    voices = list(_VOICE.finditer(cue))
    if not voices or voices[0].start() > 0:
        before = _clean(cue[: voices[0].start()] if voices else cue)
        if before:
            speaker, speech, kind = _name_prefix(before)
            result.append(_Piece(speaker, speech, start_ms, kind))
    for number, voice in enumerate(voices):
        end = voices[number + 1].start() if number + 1 < len(voices) else len(cue)
        speech = _clean(cue[voice.end() : end])
        name = _clean(voice.group(1) or "") or None
        if speech:
            result.append(_Piece(name, speech, start_ms, "voice"))
    return [piece for piece in result if piece.text]


def _name_prefix(text: str) -> tuple[str | None, str, str]:
    bracket = _BRACKET_PREFIX.match(text)
    if bracket:
        return " ".join(bracket.group(1).split()), text[bracket.end() :], "bracket"
    match = _NAME_PREFIX.match(text)
    if not match:
        return None, text, ""
    words = match.group(1).split()
    if any(word[0].islower() and word not in _NAME_PARTICLES for word in words[1:]):
        return None, text, ""
    return " ".join(words), text[match.end() :], "prefix"


def _clean(text: str) -> str:
    """Drop markup (<c>, <i>, inline timestamps), decode entities and put the
    text on one line: a turn is one line of the stored text."""
    text = html.unescape(_TAG.sub("", text))
    return _SPACE.sub(" ", normalize_text(text)).strip()


def _merge(pieces: list[_Piece]) -> list[_Piece]:
    # Texts of one speaker's run are collected and joined once: appending to
    # a string each time would take quadratic time over a long monologue.
    merged: list[tuple[_Piece, list[str]]] = []
    for piece in pieces:
        previous = merged[-1][0] if merged else None
        if previous is not None and piece.speaker is not None and piece.speaker == previous.speaker:
            merged[-1][1].append(piece.text)
        else:
            merged.append((_Piece(piece.speaker, piece.text, piece.start_ms, piece.kind), [piece.text]))
    for piece, texts in merged:
        piece.text = " ".join(texts)
    return [piece for piece, _texts in merged]


def _milliseconds(hours: str | None, minutes: str, seconds: str, fraction: str | None) -> int:
    millis = int((fraction or "0").ljust(3, "0"))
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + millis
