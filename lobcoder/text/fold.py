"""Length-preserving case and diacritic folding for search."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch)[0]
    low = base.lower()
    return low if len(low) == 1 else base


def fold(text: str) -> str:
    """Lower-case and strip diacritics, keeping exactly one character per character.

    ``fold(t)[i]`` corresponds to ``t[i]``, so a match found in the folded text
    is at the same offsets in the stored text (``coördinatie`` -> ``coordinatie``).
    """
    if text.isascii():
        return text.lower()
    return "".join([_fold_char(ch) for ch in text])
