"""Build a long text piece by piece or line by line, kept as UTF-8 until it is done."""

from __future__ import annotations

from collections.abc import Iterable


class TextBuilder:
    """Text held as UTF-8 (about one byte a character for Dutch) instead of as
    a list of ``str`` and its join, which hold the text twice at the width of
    its widest character: two or four bytes a character once a typographic
    quote or an emoji appears.
    """

    def __init__(self) -> None:
        self._buffer = bytearray()
        self.lines = 0
        self.length = 0  # code points so far, separators included

    def append(self, part: str) -> None:
        """Append ``part`` as it is (no separator)."""
        self._buffer += part.encode("utf-8", "surrogatepass")
        self.length += len(part)

    def add_line(self, *parts: str) -> int:
        """Append one line made of ``parts`` (after a ``\\n`` if it is not the first); return where it starts."""
        if self.lines:
            self.append("\n")
        start = self.length
        for part in parts:
            self.append(part)
        self.lines += 1
        return start

    def text(self) -> str:
        """The text built (the builder is empty afterwards)."""
        text = self._buffer.decode("utf-8", "surrogatepass")
        self._buffer = bytearray()
        return text


def join(pieces: Iterable[str]) -> str:
    """``"".join(pieces)`` holding the pieces as UTF-8 until the end (see :class:`TextBuilder`)."""
    builder = TextBuilder()
    for piece in pieces:
        builder.append(piece)
    return builder.text()
