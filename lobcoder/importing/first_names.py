"""Dutch first names, to tell a person answering once ("Bram:") from a word opening a line ("Nederlands:").

The list is deduce's (a runtime dependency, for pseudonymisation): its
first names less its own exceptions, and less the words on its list of
common Dutch words and on :data:`~lobcoder.importing.speaker_patterns.COMMON_WORDS`
("Winter", "Zomer" and "Storm" are names too, but as often a word). The
files are read directly, without importing deduce (about a second), in
about 10 ms on first use.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

from lobcoder.importing.speaker_patterns import COMMON_WORDS

_LISTS = Path("data", "lookup", "src")


def _words(path: Path) -> set[str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return set()
    return {line.strip().casefold() for line in lines if line.strip()}


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Case-folded first names that are no common word; empty when deduce's lists cannot be found."""
    spec = importlib.util.find_spec("deduce")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    lists = Path(next(iter(spec.submodule_search_locations))) / _LISTS
    names = _words(lists / "names" / "lst_first_name" / "items.txt")
    names -= _words(lists / "names" / "lst_first_name" / "exceptions.txt")
    names -= _words(lists / "whitelist" / "lst_common_word" / "items.txt")
    return frozenset(names - COMMON_WORDS)


def is_first_name(word: str) -> bool:
    """Whether ``word`` ("Bram", "SAMIRA") is a known first name and not a common word."""
    return word.casefold() in first_names()
