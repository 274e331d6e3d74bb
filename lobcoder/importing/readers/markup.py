"""Read Markdown as its source text and HTML as the text a browser would show."""

from __future__ import annotations

import re
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path

from lobcoder.importing.extracted import ExtractedText
from lobcoder.text.builder import TextBuilder
from lobcoder.text.decode import decode_bytes
from lobcoder.text.decode_stream import CHUNK, decode_pieces, file_chunks
from lobcoder.text.normalize import normalize_text

_BLOCKS = frozenset(
    "address article aside blockquote body caption dd details dialog div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main "
    "nav ol p section summary table tbody tfoot thead ul".split()
)
# Not shown as page text: code, styles, templates and the window title.
_DROPPED = frozenset({"script", "style", "template", "title"})
_CELLS = frozenset({"td", "th"})
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_SPACE_AROUND_TAB = re.compile(r" *\t *")
_SPACES = re.compile(r" {2,}")


def read_html(data: bytes, path: Path) -> ExtractedText:
    """One line per block element, table rows as tab-separated cells."""
    source, encoding = decode_bytes(data, path)
    return _extracted([source], encoding)


def read_html_file(path: Path, chunk_size: int = CHUNK) -> ExtractedText:
    """:func:`read_html` decoding the file in pieces and feeding them to the
    parser as they come: memory holds the lines found (as UTF-8), not the file,
    its text and the lines at once."""
    pieces, encoding = decode_pieces(path, file_chunks(path, chunk_size), normalise=False)
    return _extracted(pieces, encoding)


def _extracted(pieces: Iterable[str], encoding: str) -> ExtractedText:
    parser = _TextExtractor()
    for piece in pieces:
        parser.feed(piece)
    parser.close()
    return ExtractedText(text=normalize_text(parser.lines.text()), format="html", encoding=encoding)


class _TextExtractor(HTMLParser):
    """Collects lines of visible text; ``<pre>`` keeps its white space."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines = TextBuilder()
        self._line: list[str] = []
        self._line_is_pre = False
        self._skip = 0
        self._pre = 0
        self._pre_opened = False
        self._cell = 0
        self._cells_in_row = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED:
            self._skip += 1
        elif tag in _CELLS:
            if self._cells_in_row:
                self._line.append("\t")
            self._cells_in_row += 1
            self._cell += 1
        elif tag == "tr":
            self._break()
            self._cells_in_row = 0
        elif tag == "pre":
            self._break()
            self._pre += 1
            self._pre_opened = True
        elif tag == "br" or tag in _BLOCKS:
            self._block_edge()

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED:
            self._skip = max(0, self._skip - 1)
        elif tag in _CELLS:
            self._cell = max(0, self._cell - 1)
        elif tag == "tr":
            self._break()
            self._cells_in_row = 0
        elif tag == "pre":
            if not "".join(self._line):
                self._line_is_pre = False  # the newline before </pre> ends no line
            self._break()
            self._pre = max(0, self._pre - 1)
        elif tag in _BLOCKS:
            self._block_edge()

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if not self._pre:
            self._line.append(_HTML_SPACE.sub(" ", data))
            return
        if self._pre_opened:
            # Like a browser, ignore the newline that directly follows <pre>.
            data = data.removeprefix("\r").removeprefix("\n")
            self._pre_opened = False
        for number, part in enumerate(data.split("\n")):
            if number:
                self._break()
            self._line.append(part)
            self._line_is_pre = True

    def close(self) -> None:
        super().close()
        self._break()

    def _block_edge(self) -> None:
        # Inside a table cell a block only separates words: the row stays one line.
        if self._cell:
            self._line.append(" ")
        else:
            self._break()

    def _break(self) -> None:
        line = "".join(self._line)
        self._line = []
        if self._line_is_pre:
            self._line_is_pre = False
            self.lines.add_line(line.rstrip())
            return
        line = _SPACES.sub(" ", _SPACE_AROUND_TAB.sub("\t", line)).strip(" ").rstrip("\t")
        if line.strip():
            self.lines.add_line(line)
