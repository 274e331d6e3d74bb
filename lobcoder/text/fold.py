"""Length-preserving case and diacritic folding for search."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Long texts are folded in pieces, so a copy of the whole text is made only once.
_PIECE = 1 << 20
_WIDE = re.compile(r"[^\x00-\xff]+")


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch)[0]
    low = base.lower()
    return low if len(low) == 1 else base


# Every Latin-1 character folds to a Latin-1 character, so Latin-1 text is
# folded byte by byte (far faster than character by character in Python).
_LATIN1 = bytes(ord(_fold_char(chr(code))) for code in range(256))


def _fold_latin1(text: str) -> str:
    return text.encode("latin-1").translate(_LATIN1).decode("latin-1")


def _fold_piece(piece: str) -> str:
    if piece.isascii():
        return piece.lower()
    try:
        return _fold_latin1(piece)
    except UnicodeEncodeError:
        pass
    runs = _WIDE.findall(piece)
    if len(runs) > len(piece) // 64:  # mostly non-Latin text: one dictionary look-up per character
        return piece.translate({ord(ch): _fold_char(ch) for ch in set(piece)})
    parts: list[str] = []
    pos = 0
    for match in _WIDE.finditer(piece):
        parts.append(_fold_latin1(piece[pos : match.start()]))
        parts.append("".join([_fold_char(ch) for ch in match.group()]))
        pos = match.end()
    parts.append(_fold_latin1(piece[pos:]))
    return "".join(parts)


def fold(text: str) -> str:
    """Lower-case and strip diacritics, keeping exactly one character per character.

    ``fold(t)[i]`` corresponds to ``t[i]``, so a match found in the folded text
    is at the same offsets in the stored text (``coördinatie`` -> ``coordinatie``).
    """
    if len(text) <= _PIECE:
        return _fold_piece(text)
    return "".join([_fold_piece(text[start : start + _PIECE]) for start in range(0, len(text), _PIECE)])
