"""Map REFI-QDA selection positions, however the exporter counted them, onto the stored text.

The standard counts Unicode code points, but real exports differ: NVivo for
Windows counts UTF-16 code units (drift after every emoji) and ATLAS.ti counts
a CRLF line break as one character. The positions are taken over the *raw*
source text (as decoded from the zip), while lobcoder stores the normalised
text (``normalize_text``: no BOMs, ``\\n`` line breaks, NFC). This module keeps
the two apart: :class:`SourceText` maps any counting of the raw text to
code points in the stored text, and :func:`detect_counting` picks the counting
that makes a source's selections look like what a person selected.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lobcoder.i18n.said import Said, say
from lobcoder.text.normalize import is_normalized, normalize_text, replace_controls

_LINE_BREAKS = frozenset("\r\n\u2028\u2029\u0085\x0b\x0c")
_ASTRAL = "[\U00010000-\U0010ffff]"
_CR_OF_CRLF = "\r(?=\n)"
# What one counting counts differently from code points: (UTF-16?, CRLF as one?) -> pattern.
_IRREGULAR = {
    (True, False): re.compile(_ASTRAL),
    (False, True): re.compile(_CR_OF_CRLF),
    (True, True): re.compile(f"{_ASTRAL}|{_CR_OF_CRLF}"),
}
_SHRINKS = re.compile("\r\n|\ufeff")  # what normalising shortens when the text is already NFC
_ELLIPSES = ("…", "...")


class Counting(enum.Enum):
    """How an exporter counted positions in the raw text."""

    CODE_POINTS = "code points"  # the standard; a CRLF is two characters
    CRLF_ONE = "code points, CRLF as one"  # ATLAS.ti
    UTF16 = "UTF-16 units"  # NVivo for Windows
    UTF16_CRLF_ONE = "UTF-16 units, CRLF as one"

    @property
    def utf16(self) -> bool:
        return self in (Counting.UTF16, Counting.UTF16_CRLF_ONE)

    @property
    def crlf_one(self) -> bool:
        return self in (Counting.CRLF_ONE, Counting.UTF16_CRLF_ONE)

    def describe(self) -> Said:
        """Words for the import report (``note.counting.*`` in the catalogue)."""
        return say(f"note.counting.{self.name.lower()}")


# Order of preference when the evidence does not decide.
_PREFERENCE = (Counting.CODE_POINTS, Counting.CRLF_ONE, Counting.UTF16, Counting.UTF16_CRLF_ONE)


@dataclass(frozen=True)
class RawSelection:
    """A selection as the file gives it; ``name`` is often the selected text."""

    start: int
    end: int
    name: str | None = None


class _SparseMap:
    """A monotone map from one count to another that differs only at a few tokens.

    Each irregular token covers ``length`` positions of the source count and
    ``width`` of the target count; everything else maps one to one.
    """

    __slots__ = ("_delta", "_src_end", "_src_start", "_widths")

    def __init__(self, tokens: Iterable[tuple[int, int, int]]) -> None:
        self._src_start: list[int] = []
        self._src_end: list[int] = []
        self._widths: list[int] = []
        self._delta: list[int] = []  # target - source after each token
        delta = 0
        for start, length, width in tokens:
            delta += width - length
            self._src_start.append(start)
            self._src_end.append(start + length)
            self._widths.append(width)
            self._delta.append(delta)

    def map(self, position: int, round_up: bool) -> int:
        """Target position for ``position``; inside a token, its start or (``round_up``) its end."""
        index = bisect_right(self._src_start, position) - 1
        if index < 0:
            return position
        delta_before = self._delta[index - 1] if index else 0
        start, end = self._src_start[index], self._src_end[index]
        if position == start:  # also for empty tokens: a CR that costs no unit
            return start + delta_before
        if position >= end:
            return position + self._delta[index]
        target_start = start + delta_before
        return target_start + self._widths[index] if round_up else target_start


class SourceText:
    """The raw text of one source and the normalised text lobcoder stores.

    Args:
        raw: the decoded text exactly as the exporter wrote it (a leading BOM
            of the file already removed by the decoder, or not).
    """

    def __init__(self, raw: str) -> None:
        if raw.startswith("\ufeff"):
            raw = raw[1:]  # a file's byte-order mark is not part of the text anyone counted
        self.raw = raw
        self.stored, tokens = _normalise_with_tokens(raw)
        self._to_stored = _SparseMap(tokens)
        self.has_crlf = "\r\n" in raw
        self.has_astral = _IRREGULAR[(True, False)].search(raw) is not None
        self._counts: dict[Counting, tuple[_SparseMap, int]] = {}

    def countings(self) -> list[Counting]:
        """The countings that give different positions for this text, standard first."""
        return [c for c in _PREFERENCE if (self.has_astral or not c.utf16) and (self.has_crlf or not c.crlf_one)]

    def length(self, counting: Counting) -> int:
        """Length of the raw text in ``counting``'s units."""
        return self._units(counting)[1]

    def _units(self, counting: Counting) -> tuple[_SparseMap, int]:
        """A map from ``counting``'s units to raw code points, and the length in units."""
        if counting not in self._counts:
            tokens: list[tuple[int, int, int]] = []  # in units: (start, units, code points)
            extra = 0  # units minus code points so far
            pattern = _IRREGULAR.get((counting.utf16, counting.crlf_one))
            for match in pattern.finditer(self.raw) if pattern else ():
                if match.group() == "\r":
                    tokens.append((match.start() + extra, 0, 1))  # the CR of a CRLF costs no unit
                    extra -= 1
                else:
                    tokens.append((match.start() + extra, 2, 1))  # an astral character: a surrogate pair
                    extra += 1
            units = len(self.raw) + extra
            self._counts[counting] = (_SparseMap(tokens), units)
        return self._counts[counting]

    def raw_position(self, position: int, counting: Counting, round_up: bool = False) -> int:
        """Units of ``counting`` -> code point in the raw text."""
        return self._units(counting)[0].map(position, round_up)

    def stored_position(self, raw_position: int, round_up: bool = False) -> int:
        """Code point in the raw text -> code point in the stored text."""
        return self._to_stored.map(raw_position, round_up)

    def convert(self, start: int, end: int, counting: Counting) -> tuple[int, int] | None:
        """A selection in ``counting``'s units as stored offsets; None if outside the text or empty."""
        if not 0 <= start < end <= self.length(counting):
            return None
        raw_start = self.raw_position(start, counting)
        raw_end = self.raw_position(end, counting, round_up=True)
        stored_start = self.stored_position(raw_start)
        stored_end = self.stored_position(raw_end, round_up=True)
        if stored_start >= stored_end:
            return None
        return stored_start, stored_end

    def splits_a_character(self, position: int, counting: Counting) -> bool:
        """True if ``position`` falls inside a surrogate pair or between CR and LF."""
        before = self.raw_position(position, counting)
        after = self.raw_position(position, counting, round_up=True)
        if before != after:
            return True  # inside a surrogate pair (UTF-16 counting)
        return 0 < before < len(self.raw) and self.raw[before - 1] == "\r" and self.raw[before] == "\n"


def _normalise_with_tokens(raw: str) -> tuple[str, list[tuple[int, int, int]]]:
    """``normalize_text(raw)`` and the raw spans whose length changed.

    Tokens are ``(raw_start, raw_length, stored_length)``: CRLF -> 1, a stray
    BOM -> 0, a character with its combining marks -> its NFC form.
    """
    expected = normalize_text(raw)
    if expected == raw:
        return expected, []
    raw = replace_controls(raw)  # one for one: no position moves
    needs_nfc = not unicodedata.is_normalized("NFC", raw)
    if not needs_nfc:
        # Only line breaks and BOMs change: no need to walk every character.
        shrinks = [(m.start(), len(m.group()), 1 if m.group() == "\r\n" else 0) for m in _SHRINKS.finditer(raw)]
        if len(raw) - sum(length - width for _, length, width in shrinks) == len(expected):
            return expected, shrinks
    pieces: list[str] = []
    tokens: list[tuple[int, int, int]] = []
    i, n = 0, len(raw)
    while i < n:
        ch = raw[i]
        if ch == "\r" and raw.startswith("\n", i + 1):
            pieces.append("\n")
            tokens.append((i, 2, 1))
            i += 2
        elif ch in _LINE_BREAKS:
            pieces.append("\n")
            i += 1
        elif ch == "\ufeff":
            tokens.append((i, 1, 0))
            i += 1
        elif needs_nfc:
            j = i + 1
            while j < n and raw[j] not in _LINE_BREAKS and raw[j] != "\ufeff" and unicodedata.combining(raw[j]):
                j += 1
            cluster = unicodedata.normalize("NFC", raw[i:j])
            pieces.append(cluster)
            if len(cluster) != j - i:
                tokens.append((i, j - i, len(cluster)))
            i = j
        else:
            pieces.append(ch)
            i += 1
    stored = "".join(pieces)
    if stored != expected or not is_normalized(stored):
        # Composition across our clusters (rare scripts): fall back to whole lines.
        return expected, _line_tokens(raw)
    return stored, tokens


def _line_tokens(raw: str) -> list[tuple[int, int, int]]:
    tokens: list[tuple[int, int, int]] = []
    i, n = 0, len(raw)
    while i < n:
        j = i
        while j < n and raw[j] not in _LINE_BREAKS:
            j += 1
        line = normalize_text(raw[i:j])
        if len(line) != j - i:
            tokens.append((i, j - i, len(line)))
        if j < n:
            length = 2 if raw.startswith("\r\n", j) else 1
            if length == 2:
                tokens.append((j, 2, 1))
            j += length
        i = j
    return tokens


# -- detection -------------------------------------------------------------


@dataclass(frozen=True)
class Detection:
    """The counting chosen for one source and why."""

    counting: Counting
    scores: dict[Counting, float]
    ambiguous: bool  # other countings scored as well and would give other positions


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def _name_score(name: str | None, selected: str) -> float:
    """How well a selection's ``name`` matches the text at the converted positions."""
    if not name:
        return 0.0
    wanted, got = _squash(name), _squash(selected)
    if not wanted:
        return 0.0
    if wanted == got:
        return 4.0
    for ellipsis in _ELLIPSES:
        if wanted.endswith(ellipsis):
            prefix = wanted[: -len(ellipsis)].rstrip()
            if len(prefix) >= 3 and got.startswith(prefix):
                return 3.0
    if len(wanted) >= 8 and (got.startswith(wanted) or (wanted.startswith(got) and len(got) >= 8)):
        return 2.0
    return 0.0


def _at_word_boundary(text: str, position: int) -> bool:
    if position <= 0 or position >= len(text):
        return True
    return not (text[position - 1].isalnum() and text[position].isalnum())


def score(text: SourceText, selections: Sequence[RawSelection], counting: Counting) -> float:
    """Evidence that ``counting`` is how these selections were counted (higher is better).

    A selection outside the text costs much and one that splits a character
    (a surrogate pair, a CRLF) some; ends at word boundaries earn a little and
    a ``name`` that reads as the selected text earns the most, since many
    exporters fill ``name`` with the selection.
    """
    total = 0.0
    stored = text.stored
    for selection in selections:
        converted = text.convert(selection.start, selection.end, counting)
        if converted is None:
            total -= 10.0
            continue
        for position in (selection.start, selection.end):
            if text.splits_a_character(position, counting):
                total -= 3.0
        start, end = converted
        total += 0.5 * _at_word_boundary(stored, start) + 0.5 * _at_word_boundary(stored, end)
        total += _name_score(selection.name, stored[start:end])
    return total


def detect_counting(text: SourceText, selections: Sequence[RawSelection], prior: Counting | None = None) -> Detection:
    """Pick the counting that best explains ``selections`` over ``text``.

    Without emoji and CRLF line breaks all countings agree and the standard is
    returned at once. Otherwise each distinct counting is scored; ties go to
    ``prior`` (what the exporting program is known to do), then to the standard.
    """
    candidates = text.countings()
    if len(candidates) == 1 or not selections:
        return Detection(Counting.CODE_POINTS, {}, False)
    scores = {c: score(text, selections, c) for c in candidates}
    best = max(scores.values())
    tied = [c for c in candidates if scores[c] == best]
    if prior in tied:
        chosen = prior
    else:
        chosen = tied[0]
    ambiguous = any(
        [text.convert(s.start, s.end, c) for s in selections]
        != [text.convert(s.start, s.end, chosen) for s in selections]
        for c in tied
        if c is not chosen
    )
    return Detection(chosen, scores, ambiguous)


def prior_for_origin(origin: str | None) -> Counting | None:
    """What a program named in the project's ``origin`` is known to count."""
    if not origin:
        return None
    lowered = origin.casefold()
    if "nvivo" in lowered:
        return Counting.UTF16
    if "atlas.ti" in lowered or "atlas ti" in lowered:
        return Counting.CRLF_ONE
    return None
