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
from lobcoder.text.normalize import normalize_text

_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
_NAME = r"[^\W\d_][^\[\]\t]{0,80}?"
_ARROW = re.compile(r"^(\d{1,2}:\d{1,2}:\d{1,2}(?:[.,]\d+)?)\s*-->\s*\d{1,2}:\d{1,2}:\d{1,2}(?:[.,]\d+)?$")
_PARTICLES = frozenset("van de der den het ter ten te 't d' in op la le du von da di del dos das".split())
_NOTICE = re.compile(
    r"^(?:.{1,80}\s(?:started|stopped) transcription"
    r"|.{1,80}\s(?:heeft de transcriptie|is de transcriptie) (?:gestart|gestopt|beëindigd)"
    r"|transcribed by https?://otter\.ai.*)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Shape:
    """One header-line shape: a full-line regex with groups ``name`` and ``time``."""

    key: str
    regex: re.Pattern[str]
    strict_name: bool  # unbracketed names must look like names


_SHAPES = (
    _Shape("name_time", re.compile(rf"^(?P<name>{_NAME})[ \t]+(?P<time>{_TIME})$"), True),
    _Shape("bracket_name_time", re.compile(rf"^\[(?P<name>[^\]]{{1,80}})\][ \t]+(?P<time>{_TIME})$"), False),
    _Shape("time_name", re.compile(rf"^(?P<time>{_TIME})[ \t]+(?P<name>{_NAME})$"), True),
    _Shape("btime_dash_name", re.compile(rf"^\[(?P<time>{_TIME})\][ \t]*[-–][ \t]*(?P<name>{_NAME})$"), False),
    _Shape("name_btime", re.compile(rf"^(?P<name>{_NAME})[ \t]+[\[(](?P<time>{_TIME})[\])]$"), False),
)


@dataclass(frozen=True)
class _Header:
    line: int  # index of the (first) header line
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
    if not words[0][0].isupper():
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _PARTICLES for w in words[1:])


def _headers(lines: list[str], shape: _Shape) -> list[_Header]:
    found = []
    for index, raw in enumerate(lines):
        line = raw.strip()
        match = shape.regex.match(line)
        if match is None:
            continue
        name = " ".join(match.group("name").split())
        if shape.strict_name and not _looks_like_name(name):
            continue
        found.append(_Header(index, 1, name, _milliseconds(match.group("time"))))
    return found


def _cue_headers(lines: list[str]) -> list[_Header]:
    """Older Teams .docx: a ``0:0:0.0 --> 0:0:3.620`` line, then the speaker's name."""
    found = []
    for index, raw in enumerate(lines[:-1]):
        match = _ARROW.match(raw.strip())
        name = " ".join(lines[index + 1].split())
        if match and name and len(name) <= 80 and _looks_like_name(name):
            found.append(_Header(index, 2, name, _milliseconds(match.group(1))))
    return found


def _plausible(headers: list[_Header], lines: list[str]) -> bool:
    if len(headers) < 2:
        return False
    times = [h.time_ms for h in headers if h.time_ms is not None]
    backwards = sum(1 for a, b in zip(times, times[1:], strict=False) if b < a)
    if len(times) < len(headers) * 0.9 or backwards > len(times) * 0.05:
        return False
    content = sum(1 for line in lines[headers[0].line :] if line.strip())
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


def _best(lines: list[str]) -> tuple[str, list[_Header]] | None:
    """The shape with the most header lines among those that pass :func:`_plausible`."""
    found = [(shape.key, _headers(lines, shape)) for shape in _SHAPES] + [("cue", _cue_headers(lines))]
    plausible = [(key, headers) for key, headers in found if _plausible(headers, lines)]
    return max(plausible, key=lambda item: len(item[1]), default=None)


def recognise(extracted: ExtractedText) -> ExtractedText:
    """``extracted`` rebuilt with turns if its text is a service's transcript, else unchanged."""
    if extracted.turns is not None:
        return extracted
    lines = extracted.text.split("\n")
    best = _best(lines)
    if best is None:
        return extracted
    shape, headers = best
    text, turns = _rebuild(lines, headers)
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
