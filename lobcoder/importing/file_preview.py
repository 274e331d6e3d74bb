"""What importing one file would give: its text, turns and speakers, for every front end.

The CLI's ``import --preview``, the import dialog's preview pane and the import
itself all call :func:`speakers_of` on what :func:`read_file` returned, so what
a preview shows is what an import stores.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lobcoder.errors import LobcoderError
from lobcoder.importing.extracted import ExtractedText, Turn
from lobcoder.importing.readers import read_file
from lobcoder.importing.speaker_patterns import DEFAULT_INTERVIEWER_NAMES
from lobcoder.importing.speakers import (
    PreviewLine,
    SpeakerPattern,
    SpeakerPreview,
    SpeakerSummary,
    detect_turn_table,
    is_interviewer,
    preview,
)

PREVIEW_LINES = 200


@dataclass(frozen=True)
class FilePreview:
    """What a preview shows for one file, or why it cannot show it."""

    path: Path
    pattern: SpeakerPattern | None  # None: speaker detection is off
    extracted: ExtractedText | None = None
    preview: SpeakerPreview | None = None
    error: str | None = None  # in English; ``cause`` can word it in another language
    cause: LobcoderError | None = field(default=None, compare=False, repr=False, metadata={"plain": False})


def speakers_of(
    extracted: ExtractedText, pattern: SpeakerPattern | None, max_lines: int = PREVIEW_LINES
) -> SpeakerPreview:
    """The turns an import stores for ``extracted``, with totals and the first lines.

    Turns the file gives itself (subtitles, Whisper JSON, a service's export)
    are used as they are, whatever the pattern; otherwise labels are detected
    with ``pattern``, or not at all when it is None.
    """
    names = pattern.interviewer_names if pattern is not None else DEFAULT_INTERVIEWER_NAMES
    if extracted.turns is not None:
        return _from_turns(extracted.text, extracted.turns, names, max_lines)
    if pattern is None:
        lines = extracted.text.split("\n", max_lines)[:max_lines]
        return SpeakerPreview((), (), tuple(PreviewLine(n, t, None, None) for n, t in enumerate(lines, 1)))
    return preview(extracted.text, pattern, max_lines=max_lines)


def turns_of(extracted: ExtractedText, pattern: SpeakerPattern | None) -> Sequence[Turn]:
    """The turns :func:`speakers_of` gives, without its totals and lines (what an import needs)."""
    if extracted.turns is not None:
        return extracted.turns
    if pattern is None:
        return ()
    return detect_turn_table(extracted.text, pattern)


def load_preview(
    path: Path, pattern: SpeakerPattern | None, cached: ExtractedText | None = None, max_lines: int = PREVIEW_LINES
) -> FilePreview:
    """Read ``path`` (unless ``cached``) and find its speakers exactly as an import would."""
    try:
        extracted = cached or read_file(path)
    except LobcoderError as exc:
        return FilePreview(path, pattern, error=getattr(exc, "problem", str(exc)), cause=exc)
    return FilePreview(path, pattern, extracted, speakers_of(extracted, pattern, max_lines))


def describe_source(extracted: ExtractedText) -> str:
    """Who made the file and its format, for messages: "Microsoft Teams, .docx" or ".vtt"."""
    kind = f".{extracted.format}"
    return f"{extracted.source}, {kind}" if extracted.source else kind


def _from_turns(text: str, turns: Sequence[Turn], interviewer_names: frozenset[str], max_lines: int) -> SpeakerPreview:
    totals: dict[str, list[int]] = {}
    for turn in turns:
        entry = totals.setdefault(turn.speaker or "", [0, 0])
        entry[0] += 1
        entry[1] += len(text[turn.start : turn.end].split())
    speakers = tuple(
        SpeakerSummary(name, n, words, bool(name) and is_interviewer(name, interviewer_names))
        for name, (n, words) in totals.items()
    )
    starts: dict[int, Turn] = {}
    for turn in turns:
        starts.setdefault(text.rfind("\n", 0, turn.label_start) + 1, turn)
    lines, pos = [], 0
    for number, line in enumerate(text.split("\n", max_lines)[:max_lines], start=1):
        starting = starts.get(pos)
        if starting is None:
            lines.append(PreviewLine(number, line, None, None))
        else:
            lines.append(PreviewLine(number, line, starting.speaker, None, starting.timestamp_ms))
        pos += len(line) + 1
    return SpeakerPreview(tuple(turns), speakers, tuple(lines))
