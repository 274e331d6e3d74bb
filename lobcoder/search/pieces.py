"""Long texts cut into pieces for the search index, each piece with a little of the next.

FTS5 indexes a row at once: for one row of 100 MB it holds the bound text,
the row's record and the term lists of every word in memory together. Each
search-index row therefore holds one piece of a document (about half a
megabyte, cut at a line break or space), and knows where in the text it
starts. So that a phrase whose words straddle a cut is still found, a row also
holds the first :data:`OVERLAP_WORDS` words after its own piece: every phrase
of up to ``OVERLAP_WORDS + 1`` words lies whole in the row of the piece it
starts in. (Longer phrases are checked against the text itself, see
``search/fulltext.py``.)

The pieces are cut from the UTF-8 bytes of the stored text, so an import
needs no second copy of it: ASCII bytes (line breaks, spaces) never occur
inside a multi-byte character, and each piece is folded on its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lobcoder.text.fold import fold

PIECE_BYTES = 512 * 1024
OVERLAP_WORDS = 100
# Enough bytes to hold OVERLAP_WORDS words of any ordinary text; a row's
# overlap never reaches further than this.
_LOOKAHEAD_BYTES = 64 * 1024
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Piece:
    start: int  # code points into the stored text
    length: int  # code points of the text this piece stands for (without the overlap)
    folded: str  # fold() of the piece followed by its overlap: what the index row holds


def _char_boundary(data: bytes | bytearray | memoryview, cut: int) -> int:
    """``cut`` moved back to the start of the UTF-8 character it falls in."""
    while cut > 0 and (data[cut] & 0xC0) == 0x80:
        cut -= 1
    return cut


def _cut(data: bytes | bytearray, begin: int, piece_bytes: int) -> int:
    """Where the piece that begins at byte ``begin`` ends: after a line break or space if there is one."""
    end = begin + piece_bytes
    if end >= len(data):
        return len(data)
    floor = begin + piece_bytes // 2
    for separator in (b"\n", b" "):
        found = data.rfind(separator, floor, end)
        if found >= 0:
            return found + 1
    cut = _char_boundary(data, end)
    if cut <= begin:  # a piece smaller than one character: take that character whole
        cut = begin + 1
        while cut < len(data) and (data[cut] & 0xC0) == 0x80:
            cut += 1
    return cut


def _overlap(data: bytes | bytearray, begin: int, words: int) -> str:
    """The text from byte ``begin`` to the end of its ``words``-th word (all of it near the end)."""
    end = min(len(data), begin + _LOOKAHEAD_BYTES)
    if end < len(data):
        end = _char_boundary(data, end)
    following = bytes(data[begin:end]).decode("utf-8")
    if words <= 0:
        return ""
    for count, match in enumerate(_WORD.finditer(following), start=1):
        if count == words:
            return following[: match.end()]
    return following


def cut_pieces(
    utf8: bytes | bytearray, piece_bytes: int | None = None, overlap_words: int | None = None
) -> Iterator[Piece]:
    """The pieces of the text whose UTF-8 encoding is ``utf8``, in order (none for an empty text).

    ``piece_bytes`` and ``overlap_words`` default to :data:`PIECE_BYTES` and :data:`OVERLAP_WORDS`.
    """
    piece_bytes = piece_bytes or PIECE_BYTES
    overlap_words = OVERLAP_WORDS if overlap_words is None else overlap_words
    begin = start = 0
    while begin < len(utf8):
        end = _cut(utf8, begin, piece_bytes)
        own = bytes(utf8[begin:end]).decode("utf-8")
        following = _overlap(utf8, end, overlap_words) if end < len(utf8) else ""
        yield Piece(start, len(own), fold(own + following))
        start += len(own)
        begin = end


def cut_text(text: str, piece_bytes: int | None = None, overlap_words: int | None = None) -> Iterator[Piece]:
    """:func:`cut_pieces` for a text held as a string."""
    return cut_pieces(text.encode("utf-8"), piece_bytes, overlap_words)
