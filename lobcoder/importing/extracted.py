"""What a reader hands over: normalised text plus, for subtitles, its turns."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import overload

from lobcoder.i18n.said import Said


@dataclass(frozen=True, slots=True)  # slots: a long transcript has hundreds of thousands
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
    turns: Sequence[Turn] | None = None  # a tuple, or a TurnTable for long transcripts
    encoding: str | None = None
    warnings: tuple[Said, ...] = field(default_factory=tuple)  # str(warning) is English, .text("nl") Dutch
    source: str | None = None


_NO_TIME = -1


class TurnTable(Sequence[Turn]):
    """Turns kept column by column in arrays: about 40 bytes a turn instead of
    about 250 as objects, for transcripts with hundreds of thousands of turns.

    Reads like a sequence of :class:`Turn` (each made when asked for).
    """

    def __init__(self, turns: Iterable[Turn] = ()) -> None:
        self.facts: tuple[tuple[str, str], ...] = ()  # (key, value) document facts above the turns, if found
        self.notes: tuple[Said, ...] = ()  # what the import report says about the turns found (a shared short form)
        self._names: list[str | None] = []
        self._name_index: dict[str | None, int] = {}
        self._speaker = array("i")
        self._label_start = array("q")
        self._start = array("q")
        self._end = array("q")
        self._time = array("q")
        for turn in turns:
            self.append(turn.speaker, turn.label_start, turn.start, turn.end, turn.timestamp_ms)

    def append(self, speaker: str | None, label_start: int, start: int, end: int, timestamp_ms: int | None) -> None:
        index = self._name_index.get(speaker)
        if index is None:
            index = self._name_index[speaker] = len(self._names)
            self._names.append(speaker)
        self._speaker.append(index)
        self._label_start.append(label_start)
        self._start.append(start)
        self._end.append(end)
        self._time.append(_NO_TIME if timestamp_ms is None else timestamp_ms)

    def __len__(self) -> int:
        return len(self._start)

    def _turn(self, i: int) -> Turn:
        time = self._time[i]
        return Turn(
            self._names[self._speaker[i]],
            self._label_start[i],
            self._start[i],
            self._end[i],
            None if time == _NO_TIME else time,
        )

    @overload
    def __getitem__(self, i: int) -> Turn: ...

    @overload
    def __getitem__(self, i: slice) -> list[Turn]: ...

    def __getitem__(self, i: int | slice) -> Turn | list[Turn]:
        if isinstance(i, slice):
            return [self._turn(k) for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("turn index out of range")
        return self._turn(i)

    def __iter__(self) -> Iterator[Turn]:
        names = self._names
        for speaker, label_start, start, end, time in zip(
            self._speaker, self._label_start, self._start, self._end, self._time, strict=True
        ):
            yield Turn(names[speaker], label_start, start, end, None if time == _NO_TIME else time)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]
