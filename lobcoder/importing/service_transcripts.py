"""Recognise transcripts exported by transcription services from their content.

Teams, Otter, Zoom, Word's Transcribe, Amberscript and Happy Scribe write a
*header line* per turn (a speaker and a time, in a shape of their own) with the
words on the lines below it. Such text is rebuilt as one ``"Name: words"`` turn
per speaker change, the way the subtitle reader does, with each turn's time
kept; consecutive blocks of one speaker become one turn (their paragraphs stay
separate lines). Lines before the first header (a meeting title, a date) and
service notices ("… started transcription", "Transcribed by otter.ai") stay as
lines of their own outside any turn.

A shape is only accepted when it is unmistakable: at least two header lines,
times that (nearly) never go backwards, and headers making up a good share of
the text after the first one, so a typed interview that mentions "om 10:30"
is left to the ordinary speaker detection.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from lobcoder.importing.extracted import ExtractedText, Turn
from lobcoder.importing.speaker_patterns import is_capitalised_name
from lobcoder.text.normalize import normalize_text

_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
_NAME = r"[^\W\d_][^\[\]\t\n]{0,80}?"
# Whitespace within a line: a header line is matched with its surrounding whitespace stripped.
_SPACE = r"[^\S\n]*"
_ARROW = re.compile(
    rf"^{_SPACE}(\d{{1,2}}:\d{{1,2}}:\d{{1,2}}(?:[.,]\d+)?){_SPACE}-->{_SPACE}\d{{1,2}}:\d{{1,2}}:\d{{1,2}}(?:[.,]\d+)?{_SPACE}$",
    re.MULTILINE,
)
_NOTICE = re.compile(
    r"^(?:.{1,80}\s(?:started|stopped) transcription"
    r"|.{1,80}\s(?:heeft de transcriptie|is de transcriptie) (?:gestart|gestopt|beëindigd)"
    r"|transcribed by https?://otter\.ai.*)$",
    re.IGNORECASE,
)
_NON_BLANK_LINE = re.compile(r"^[^\S\n]*\S", re.MULTILINE)


@dataclass(frozen=True)
class _Shape:
    """One header-line shape: a regex for whole lines with groups ``name`` and ``time``.

    Each is matched against a span of the whole text (``re.MULTILINE``), not
    a line of its own: a 100 MB text would otherwise become a million strings.
    """

    key: str
    regex: re.Pattern[str]
    strict_name: bool  # unbracketed names must look like names


def _shape(key: str, body: str, strict_name: bool) -> _Shape:
    return _Shape(key, re.compile(rf"^{_SPACE}{body}{_SPACE}$", re.MULTILINE), strict_name)


_SHAPES = (
    _shape("name_time", rf"(?P<name>{_NAME})[ \t]+(?P<time>{_TIME})", True),
    _shape("bracket_name_time", rf"\[(?P<name>[^\]\n]{{1,80}})\][ \t]+(?P<time>{_TIME})", False),
    _shape("time_name", rf"(?P<time>{_TIME})[ \t]+(?P<name>{_NAME})", True),
    _shape("btime_dash_name", rf"\[(?P<time>{_TIME})\][ \t]*[-–][ \t]*(?P<name>{_NAME})", False),
    _shape("name_btime", rf"(?P<name>{_NAME})[ \t]+[\[(](?P<time>{_TIME})[\])]", False),
)


@dataclass(frozen=True)
class _Header:
    line: int  # index of the (first) header line
    offset: int  # where that line starts in the text
    size: int  # number of lines the header takes
    name: str
    time_ms: int | None


def _milliseconds(stamp: str) -> int | None:
    main, _, fraction = stamp.replace(",", ".").partition(".")
    parts = [int(p) for p in main.split(":")]
    if len(parts) == 2:
        parts.insert(0, 0)
    hours, minutes, seconds = parts
    if seconds >= 60 or minutes >= 60:
        return None
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + int((fraction[:3] or "0").ljust(3, "0"))


def _looks_like_name(name: str) -> bool:
    """Whether a label reads as a name ("Bakker, Lotte", "Speaker 1"), not a phrase ("We begonnen om")."""
    words = name.replace(",", " ").split()
    if not 1 <= len(words) <= 6 or name[-1] in ".?!:;":
        return False
    return is_capitalised_name(words)  # not looks_like_name: a role phrase ("De teamleider") names no header


_TIME_HINT = re.compile(r"\d:\d")  # every header shape, and the cue line, has one


def _timed_lines(text: str) -> list[tuple[int, int, int]]:
    """(line number, start, end) of each line with a time-like ``d:d`` in it.

    Only these lines can be header lines, and in a typed interview they are
    few: the shapes are then tried on a handful of lines, not on every line.
    """
    found = []
    line = last = 0
    hint = _TIME_HINT.search(text)
    while hint is not None:
        start = text.rfind("\n", 0, hint.start()) + 1
        end = text.find("\n", hint.end())
        end = len(text) if end < 0 else end
        line += text.count("\n", last, start)
        last = start
        found.append((line, start, end))
        hint = _TIME_HINT.search(text, end)
    return found


def _headers(text: str, lines: list[tuple[int, int, int]], shape: _Shape) -> list[_Header]:
    found = []
    for line, start, end in lines:
        match = shape.regex.match(text, start, end)
        if match is None:
            continue
        name = " ".join(match.group("name").split())
        if shape.strict_name and not _looks_like_name(name):
            continue
        found.append(_Header(line, start, 1, name, _milliseconds(match.group("time"))))
    return found


def _cue_headers(text: str, lines: list[tuple[int, int, int]]) -> list[_Header]:
    """Older Teams .docx: a ``0:0:0.0 --> 0:0:3.620`` line, then the speaker's name."""
    found = []
    for line, start, end in lines:
        match = _ARROW.match(text, start, end)
        if match is None or end >= len(text):
            continue  # not a cue line, or the last line: no name follows
        next_end = text.find("\n", end + 1)
        name = " ".join(text[end + 1 : len(text) if next_end < 0 else next_end].split())
        if name and len(name) <= 80 and _looks_like_name(name):
            found.append(_Header(line, start, 2, name, _milliseconds(match.group(1))))
    return found


def _plausible(headers: list[_Header], text: str) -> bool:
    if len(headers) < 2:
        return False
    times = [h.time_ms for h in headers if h.time_ms is not None]
    backwards = sum(1 for a, b in zip(times, times[1:], strict=False) if b < a)
    if len(times) < len(headers) * 0.9 or backwards > len(times) * 0.05:
        return False
    content = sum(1 for _ in _NON_BLANK_LINE.finditer(text, headers[0].offset))
    return len(headers) * 2 * 100 >= content * 15  # header lines are >= 15% of the lines


def _service(shape: str, text: str, fmt: str) -> str:
    if shape in ("name_time", "cue"):
        if "otter.ai" in text.lower() or fmt != "docx":
            return "Otter" if shape == "name_time" else "Microsoft Teams"
        return "Microsoft Teams"
    return {
        "bracket_name_time": "Zoom",
        "time_name": "Word Transcribe",
        "btime_dash_name": "Happy Scribe",
        "name_btime": "Amberscript",
    }[shape]


def _best(text: str) -> tuple[str, list[_Header]] | None:
    """The shape with the most header lines among those that pass :func:`_plausible`."""
    lines = _timed_lines(text)
    if len(lines) < 2:
        return None
    found = [(shape.key, _headers(text, lines, shape)) for shape in _SHAPES] + [("cue", _cue_headers(text, lines))]
    plausible = [(key, headers) for key, headers in found if _plausible(headers, text)]
    return max(plausible, key=lambda item: len(item[1]), default=None)


def recognise(extracted: ExtractedText) -> ExtractedText:
    """``extracted`` rebuilt with turns if its text is a service's transcript, else unchanged."""
    if extracted.turns is not None:
        return extracted
    best = _best(extracted.text)
    if best is None:
        return extracted
    shape, headers = best
    text, turns = _rebuild(extracted.text.split("\n"), headers)
    if normalize_text(text) != text:
        return extracted
    source = _service(shape, extracted.text, extracted.format)
    return dataclasses.replace(extracted, text=text, turns=tuple(turns), source=source)


def _rebuild(lines: list[str], headers: list[_Header]) -> tuple[str, list[Turn]]:
    """One ``Name: words`` turn per speaker change; other lines kept as they are."""
    blocks: list[tuple[_Header | None, list[str]]] = []  # (header or None for a plain line, lines)
    by_line = {h.line: h for h in headers}
    index = 0
    while index < len(lines):
        header = by_line.get(index)
        if header is not None:
            index += header.size
            previous = blocks[-1][0] if blocks else None
            if previous is None or previous.name != header.name:
                blocks.append((header, []))
            continue
        line = lines[index].strip()
        index += 1
        if not line:
            continue
        if blocks and blocks[-1][0] is not None and not _NOTICE.match(line):
            blocks[-1][1].append(line)
        else:
            blocks.append((None, [line]))
    out: list[str] = []
    turns: list[Turn] = []
    offset = 0
    for header, speech in blocks:
        if header is None:
            out.append(speech[0])
            offset += len(speech[0]) + 1
            continue
        label = f"{header.name}: "
        body = "\n".join(speech)
        out.append(label + body)
        start = offset + len(label)
        turns.append(Turn(header.name, offset, start, start + len(body), header.time_ms))
        offset = start + len(body) + 1
    return "\n".join(out), turns
