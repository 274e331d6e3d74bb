"""Build a long text line by line, kept as UTF-8 until it is done."""

from __future__ import annotations


class TextBuilder:
    """Lines joined by ``\\n``, held as UTF-8 (about one byte a character for
    Dutch) instead of as a list of ``str`` and its join, which hold the text
    twice at the width of its widest character: two or four bytes a
    character once a typographic quote or an emoji appears.
    """

    def __init__(self) -> None:
        self._buffer = bytearray()
        self.lines = 0
        self.length = 0  # code points so far, separators included

    def add_line(self, *parts: str) -> int:
        """Append one line made of ``parts``; return the offset where it starts."""
        if self.lines:
            self._buffer += b"\n"
            self.length += 1
        start = self.length
        for part in parts:
            self._buffer += part.encode("utf-8", "surrogatepass")
            self.length += len(part)
        self.lines += 1
        return start

    def text(self) -> str:
        """The text built (the builder is empty afterwards)."""
        text = self._buffer.decode("utf-8", "surrogatepass")
        self._buffer = bytearray()
        return text
