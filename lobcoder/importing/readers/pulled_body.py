"""What the .docx and .odt readers share: an XML pull parser fed a zip member piece by piece, its body's lines kept."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from lobcoder.importing.readers.ziputil import MAX_TEXT, too_long
from lobcoder.text.builder import TextBuilder

FEED = 64 * 1024  # bytes given to the parser at once: a few thousand events, not a megabyte's worth


class PulledBody:
    """Feeds ``parser`` the pieces of one zip member and keeps the lines its body gives.

    A parse error (one of ``errors``) stops the feeding and is kept in
    ``error`` for the reader to word when it closes; ``fed`` tells whether the
    member had any bytes. A subclass reads the parser's events in
    :meth:`_events`, giving each finished block's lines to :meth:`add_lines`.
    """

    def __init__(self, source: Path, parser: Any, errors: tuple[type[Exception], ...]) -> None:
        self.source = source
        self.parser = parser
        self.lines = TextBuilder()
        self.error: Exception | None = None
        self.fed = False
        self._errors = errors

    def feed(self, chunk: bytes) -> None:
        self.fed = True
        if self.error is not None:
            return
        try:
            for at in range(0, len(chunk), FEED):
                self.parser.feed(chunk[at : at + FEED])
                self._events()
        except self._errors as exc:
            self.error = exc

    def finish(self) -> None:
        """Close the parser and read its last events, unless an error came first (kept in ``error``)."""
        if self.error is None:
            try:
                self.parser.close()
                self._events()
            except self._errors as exc:
                self.error = exc

    def add_lines(self, lines: Iterable[str]) -> None:
        """Keep ``lines``; a text past the size limit is refused (``ImportProblem``) as soon as it gets there."""
        for line in lines:
            self.lines.add_line(line)
            if self.lines.length > MAX_TEXT:
                raise too_long(self.source)

    def _events(self) -> None:
        raise NotImplementedError
