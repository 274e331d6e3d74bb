"""What a reader hands over: normalised text plus, for subtitles, its turns."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Turn:
    """A speaker turn over the stored text (code-point offsets, end exclusive).

    ``label_start`` is where the speaker label (``Anna:``) starts; ``start`` is
    where the speech after the label starts. ``speaker`` is None for speech
    without a known speaker.
    """

    speaker: str | None
    label_start: int
    start: int
    end: int
    timestamp_ms: int | None = None


@dataclass(frozen=True)
class ExtractedText:
    """The result of reading one file.

    ``text`` is already normalised (:func:`lobcoder.text.normalize.normalize_text`).
    ``turns`` is set by readers that know the speakers themselves (``.vtt``,
    ``.srt``, ``.json``) and for transcripts recognised as a transcription
    service's export (:mod:`lobcoder.importing.service_transcripts`); for all
    other text it is None and turns are detected with
    :mod:`lobcoder.importing.speakers`. ``source`` names the service or program
    that made the file ("Microsoft Teams", "Zoom", "Whisper"), when known.
    """

    text: str
    format: str
    turns: tuple[Turn, ...] | None = None
    encoding: str | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)
    source: str | None = None
