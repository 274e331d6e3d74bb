"""Convert between code-point offsets (stored) and UTF-16 code units (Qt, NVivo).

Every position in a project is a 0-based, end-exclusive offset in Python string
code points. Characters outside the Basic Multilingual Plane (most emoji) take
two UTF-16 code units, so the two counts drift apart after each of them.
"""

from __future__ import annotations

from bisect import bisect_right


def astral_positions(text: str) -> list[int]:
    """Code-point positions of the characters outside the BMP, each found in C.

    A 1.2 M-character transcript costs a few milliseconds: an ASCII check, else
    its UTF-16 length (equal to its length when there is no astral character),
    else one vectorised comparison over its UTF-32 code points.
    """
    if text.isascii() or len(text.encode("utf-16-le")) == 2 * len(text):
        return []
    import numpy as np

    points = np.frombuffer(text.encode("utf-32-le"), dtype="<u4")
    return np.flatnonzero(points > 0xFFFF).tolist()


class Utf16Index:
    """Fast, repeated conversion for one text: O(log n) per offset.

    Only the positions of astral characters are kept, found by
    :func:`astral_positions` without a Python loop over the characters.
    """

    __slots__ = ("_astral", "_astral_units", "_length")

    def __init__(self, text: str) -> None:
        self._astral = astral_positions(text)
        # UTF-16 unit position of each astral character.
        self._astral_units = [cp + n for n, cp in enumerate(self._astral)]
        self._length = len(text)

    def to_utf16(self, offset: int) -> int:
        """Code-point offset -> UTF-16 code-unit offset."""
        if not 0 <= offset <= self._length:
            raise ValueError(f"offset {offset} outside text of length {self._length}")
        return offset + bisect_right(self._astral, offset - 1)

    @property
    def is_identity(self) -> bool:
        """True when the text has no astral character: both counts agree everywhere."""
        return not self._astral

    def to_utf16_all(self, offsets: list[int]) -> list[int]:
        """Many code-point offsets (each within the text) -> UTF-16 code units, vectorised."""
        if not self._astral:
            return offsets
        import numpy as np

        points = np.asarray(offsets, dtype=np.int64)
        return (points + np.searchsorted(np.asarray(self._astral, dtype=np.int64), points, side="left")).tolist()

    def from_utf16(self, unit: int) -> int:
        """UTF-16 code-unit offset -> code-point offset.

        A unit that falls between the two halves of a surrogate pair is moved
        to the start of that character, so a selection never splits an emoji.
        """
        if unit < 0:
            raise ValueError(f"negative UTF-16 offset {unit}")
        before = bisect_right(self._astral_units, unit - 1)
        if before and self._astral_units[before - 1] == unit - 1:
            # Inside a surrogate pair: snap back to the character start.
            return self._astral[before - 1]
        offset = unit - before
        if offset > self._length:
            raise ValueError(f"UTF-16 offset {unit} outside text")
        return offset


def to_utf16(text: str, offset: int) -> int:
    """Code-point offset in ``text`` -> UTF-16 code units."""
    return Utf16Index(text).to_utf16(offset)


def from_utf16(text: str, unit: int) -> int:
    """UTF-16 code units in ``text`` -> code-point offset."""
    return Utf16Index(text).from_utf16(unit)


def utf16_length(text: str) -> int:
    """Length of ``text`` in UTF-16 code units."""
    return len(text) + len(astral_positions(text))
