"""Read Teams/Zoom/Whisper transcripts saved as WebVTT (.vtt) or SubRip (.srt) subtitles."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lobcoder.errors import ImportProblem
from lobcoder.i18n.said import say
from lobcoder.importing.extracted import ExtractedText, TurnTable
from lobcoder.importing.speaker_patterns import NAME_PARTICLES
from lobcoder.text.builder import TextBuilder
from lobcoder.text.decode_stream import CHUNK, Chunks, decode_pieces, file_chunks
from lobcoder.text.normalize import normalize_text

MAX_TIME_MS = 2**63 - 1  # the largest INTEGER SQLite and PostgreSQL's BIGINT store
_TIME = r"(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?"
_TIMING = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}")
_SKIPPED_BLOCKS = re.compile(r"(?:NOTE|STYLE|REGION)(?:[ \t]|$)")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?(?:[ \t]+([^>]*))?>", re.IGNORECASE)
_TAG = re.compile(r"</?[^>\s][^>]*>")
# ASS/SSA override blocks that subtitle editors write into .srt cues ("{\an8}", "{\i1}").
_OVERRIDE = re.compile(r"\{\\[^{}]*\}")
_SPACE = re.compile(r"\s+")
# A cue of two speakers writes each one's line after a dash, which may follow markup ("{\an8}- ", "<i>- "):
# the markup is kept for _clean, the dash goes.
_DIALOGUE_DASH = re.compile(rf"^(?P<lead>(?:{_TAG.pattern}|{_OVERRIDE.pattern})*)[-–—][ \t]+")
# "Anna de Vries: ..." - a name of at most four words starting with a letter.
_NAME_PREFIX = re.compile(r"^([^\W\d_][\w.'’-]*(?:[ \t]+[\w.'’-]+){0,3})[ \t]*:(?:[ \t]+|$)")
# Lower-case words allowed after the first word of a name ("Anna de Vries");
# any other lower-case word means a sentence ("Nou ja: ..."), not a name.
_WHISPER_TIMING = re.compile(r"^\d{2}:\d{2}\.\d{3} --> \d{2}:\d{2}\.\d{3}$", re.MULTILINE)
# whisperX writes diarised cues as "[SPEAKER_00]: words".
_BRACKET_PREFIX = re.compile(r"^\[([^\]\n]{1,60})\]:[ \t]*")


@dataclass
class _Piece:
    speaker: str | None
    text: str
    start_ms: int
    kind: str = ""  # how the speaker was given: "voice" tag, "bracket" or name "prefix"


def read_subtitles_file(path: Path, fmt: str, chunk_size: int = CHUNK) -> ExtractedText:
    """Build one line per speaker turn, ``"Anna de Vries: tekst"``, and the
    turns with their offsets.

    Consecutive cues of the same named speaker merge into one turn; cues
    without a speaker stay separate, since nothing says they are one person.
    The file is decoded and normalised in pieces and read cue by cue, so
    memory holds the text being built (as UTF-8) and the turns as arrays,
    never the file or a list of its cues. Offsets are taken over the
    normalised text, so they hold over the stored text.
    """
    return _read(path, fmt, file_chunks(path, chunk_size))


def _read(path: Path, fmt: str, chunks: Chunks) -> ExtractedText:
    pieces, encoding = decode_pieces(path, chunks)
    turns = TurnTable()
    out = TextBuilder()
    kinds: set[str] = set()
    whisper = [False]  # openai-whisper writes WebVTT times without hours

    def lines() -> Iterator[str]:
        for line in _lines(pieces):
            if fmt == "vtt" and not whisper[0] and _WHISPER_TIMING.match(line):
                whisper[0] = True
            yield line

    def found() -> Iterator[_Piece]:
        for piece in _cue_pieces(_blocks(lines())):
            if piece.speaker is not None:
                kinds.add(piece.kind)
            yield piece

    try:
        for speaker, texts, start_ms in _merged(found()):
            label = f"{speaker}: " if speaker is not None else ""
            offset = out.add_line(label, texts[0] if len(texts) == 1 else " ".join(texts))
            turns.append(speaker, offset, offset + len(label), out.length, start_ms)
    except _TimeTooLarge as exc:
        raise ImportProblem(path, say("problem.cue_time_too_large", hours=exc.hours)) from None
    if not turns:
        raise ImportProblem(path, say("problem.no_cues"))
    text = out.text()
    return ExtractedText(text=text, format=fmt, turns=turns, encoding=encoding, source=_source(kinds, fmt, whisper[0]))


def _source(kinds: set[str], fmt: str, whisper_times: bool) -> str | None:
    """Who wrote the file, judged by how it names speakers (None: cannot tell)."""
    if "voice" in kinds:
        return "Microsoft Teams"
    if "bracket" in kinds:
        return "WhisperX"
    if "prefix" in kinds and fmt == "vtt":
        return "Zoom"
    if not kinds and fmt == "vtt" and whisper_times:
        return "Whisper"
    return None


def _lines(pieces: Iterable[str]) -> Iterator[str]:
    """The lines of the text the pieces make (without their line breaks)."""
    carry = ""
    for piece in pieces:
        parts = piece.split("\n")
        parts[0] = carry + parts[0]
        carry = parts.pop()
        yield from parts
    yield carry


def _blocks(lines: Iterable[str]) -> Iterator[list[str]]:
    """The blocks ``re.split(r"\n[ \t]*\n", text.strip("\n"))`` gives, as lists of lines.

    That split cuts at a line of spaces and tabs only when the line before it
    was not such a cut (the expression takes the line break on both sides),
    and never at the first line. Leading empty lines are dropped, as the
    strip drops them; trailing ones only add blocks or lines without text,
    which give no cues.
    """
    block: list[str] = []
    started = cut = False
    for line in lines:
        if not started:
            if not line:
                continue
            started = True
        elif not cut and not line.strip(" \t"):
            yield block
            block, cut = [], True
            continue
        block.append(line)
        cut = False
    if block:
        yield block


def _cue_pieces(blocks: Iterable[list[str]]) -> Iterator[_Piece]:
    """Cue texts split by speaker, in file order, with each cue's start.

    A cue whose every line opens with a dash holds a line per speaker
    (subtitle convention): each line is split on its own, without the dash.
    """
    for block in blocks:
        first, last = 0, len(block)
        while first < last and not block[first]:
            first += 1
        while last > first and not block[last - 1]:
            last -= 1
        lines = block[first:last] or [""]
        if _SKIPPED_BLOCKS.match(lines[0]):
            continue
        for index, line in enumerate(lines[:2]):
            timing = _TIMING.match(line)
            if timing:
                start_ms = _milliseconds(*timing.groups()[:4])
                texts = [part.strip() for part in lines[index + 1 :] if part.strip()]
                dashes = [dash for text in texts if (dash := _DIALOGUE_DASH.match(text))]
                if len(texts) > 1 and len(dashes) == len(texts):
                    for dash in dashes:  # "- Marieke: Hoe gaat het?" / "- Anna: Goed.": a line per speaker
                        yield from _split_cue(dash["lead"] + dash.string[dash.end() :], start_ms)
                else:
                    yield from _split_cue(" ".join(texts), start_ms)
                break


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
        name = " ".join(bracket.group(1).split())
        # A blank label ("[ ]: ...") names no one: the cue is text without a speaker, kept as written,
        # as the .txt/.docx speaker detection keeps a line whose label holds no name.
        return (name, text[bracket.end() :], "bracket") if name else (None, text, "")
    match = _NAME_PREFIX.match(text)
    if not match:
        return None, text, ""
    words = match.group(1).split()
    if any(word[0].islower() and word not in NAME_PARTICLES for word in words[1:]):
        return None, text, ""
    return " ".join(words), text[match.end() :], "prefix"


def _clean(text: str) -> str:
    """Drop markup (<c>, <i>, inline timestamps, "{\\an8}"), decode entities and
    put the text on one line: a turn is one line of the stored text."""
    text = html.unescape(_OVERRIDE.sub("", _TAG.sub("", text)))
    return _SPACE.sub(" ", normalize_text(text)).strip()


def _merged(pieces: Iterable[_Piece]) -> Iterator[tuple[str | None, list[str], int]]:
    """Runs of one named speaker's consecutive pieces: (speaker, texts, first start).

    The texts are joined once by the caller: appending to a string each time
    would take quadratic time over a long monologue.
    """
    current: tuple[str | None, list[str], int] | None = None
    for piece in pieces:
        if current is not None and piece.speaker is not None and piece.speaker == current[0]:
            current[1].append(piece.text)
            continue
        if current is not None:
            yield current
        current = (piece.speaker, [piece.text], piece.start_ms)
    if current is not None:
        yield current


class _TimeTooLarge(Exception):
    """A cue time past what a 64-bit INTEGER holds in milliseconds; ``hours`` as the file writes them, shortened."""

    def __init__(self, hours: str) -> None:
        super().__init__(hours)
        self.hours = hours if len(hours) <= 24 else f"{hours[:20]}..."


def _milliseconds(hours: str | None, minutes: str, seconds: str, fraction: str | None) -> int:
    millis = int((fraction or "0").ljust(3, "0"))
    if hours is not None and len(hours.lstrip("0")) > len(str(MAX_TIME_MS // 3_600_000)):
        raise _TimeTooLarge(hours)  # before int(): Python refuses to convert 4,300 digits or more
    total = ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + millis
    if total > MAX_TIME_MS:
        raise _TimeTooLarge(hours or "0")
    return total
