"""The parts of Dutch compounds, for matching a codebook's terms inside longer words.

Dutch writes compounds as one word: ``loopbaanbegeleider`` holds
``loopbaan`` and ``begeleider``, ``gespreksformulier`` holds ``formulier``.
A part counts only when the rest of the word is a word itself (allowing
the linking ``-s-``, ``-en-`` and ``-e-``), and parts are at least
:data:`MIN_PART` letters, so ``inter|visie`` is not ``visie`` and ``les`` is
not found in ``collega|les``. (A Snowball stem as a further matching key was
tried: it joined ``leidinggevende`` and ``leidinggevenden`` but also words
that differ, and lowered every figure in ``docs/SUGGESTIONS.md`` a little.)
"""

from __future__ import annotations

from collections.abc import Container, Iterable

MIN_PART = 4  # shorter compound parts (team, les, rol) are too often chance letters
MIN_COMPOUND = 8


class Words:
    """Known words: the lemmatizer's lemmas and a few more (such as the codebook's own words)."""

    def __init__(self, lemmas: Container[str], extra: Iterable[str] = ()) -> None:
        self._lemmas = lemmas
        self._extra = frozenset(extra)

    def __contains__(self, word: object) -> bool:
        return word in self._extra or word in self._lemmas


def is_word(part: str, known: Container[str]) -> bool:
    """Whether a compound's part is a word, allowing a linking -s- or -en- (beroeps|, boeken|)."""
    return (
        part in known
        or (part.endswith("s") and part[:-1] in known)
        or (part.endswith("en") and part[:-2] in known)
        or (part.endswith("e") and part[:-1] in known)
    )


def modifier_forms(part: str) -> tuple[str, ...]:
    """The word a compound's first part may be, most literal first (beroeps -> beroeps, beroep)."""
    forms = [part]
    if part.endswith("s") and len(part) > MIN_PART:
        forms.append(part[:-1])
    if part.endswith("en") and len(part) > MIN_PART + 1:
        forms.append(part[:-2])
    if part.endswith("e") and len(part) > MIN_PART:
        forms.append(part[:-1])
    return tuple(forms)


def compound_splits(lemma: str, known: Container[str]) -> list[tuple[str, str]]:
    """(modifier, head) splits of a compound lemma whose parts are both words, longest head first.

    A hyphenated word splits at its last hyphen (``lob-overleg``), whatever its parts.
    """
    if "-" in lemma:
        modifier, _, head = lemma.rpartition("-")
        return [(modifier, head)] if modifier and head.isalpha() else []
    if len(lemma) < MIN_COMPOUND or not lemma.isalpha():
        return []
    found = []
    for cut in range(MIN_PART, len(lemma) - MIN_PART + 1):
        modifier, head = lemma[:cut], lemma[cut:]
        if head in known and is_word(modifier, known):
            found.append((modifier, head))
    return found
