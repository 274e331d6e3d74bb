"""Find every occurrence of a set of terms in a text, fast, whole words only.

A term matches case-insensitively, with any run of white space between its
words, when it starts and ends on a word boundary; a plain ``s`` after it
(``Mariekes``) still counts, and ``Marieke's`` matches because the apostrophe
is a boundary. With ``initial_case`` a term written with a capital must also
start with a capital in the text, so the name ``Wil`` does not replace the verb
``wil``; a term that is also a common word (``word_terms``) matches only where
it is written as the name (:mod:`word_names`: not in ``Wil je dat?``).
Overlaps resolve leftmost-longest (``Marieke de Vries`` before ``Marieke``). Runs in one pass over the words of the text: terms are indexed by
their first word, so 200 transcripts of 8,000 words take about a second.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from lobcoder.pseudonymise.word_names import written_as_name

_WORD = re.compile(r"[^\W_]+")
_POSSESSIVE = re.compile(r"(?:['’]s?|['’])$")


def entity_key(text: str) -> str:
    """What makes two spellings one entity: ``Marieke's``, ``marieke`` and ``Marieke`` share a key."""
    words = " ".join(text.split())
    return _POSSESSIVE.sub("", words).casefold().strip()


def strip_possessive(text: str) -> str:
    """``Marieke's`` -> ``Marieke``: the form to replace, keeping the suffix in the text."""
    return _POSSESSIVE.sub("", " ".join(text.split())).strip()


@dataclass(frozen=True)
class TermMatch:
    start: int
    end: int
    term: str  # the term as given to the matcher (not as written in the text)


@dataclass(frozen=True)
class _Candidate:
    term: str
    prefix: int  # characters before the first word (``+31 ...``)
    capital: bool
    word: bool = False  # also a common word: only where written as the name (word_names)

    @property
    def pattern(self) -> re.Pattern[str]:
        return _term_pattern(self.term)


@lru_cache(maxsize=8192)
def _term_pattern(term: str) -> re.Pattern[str]:
    """The whole term at a position, any white space between its words, an ``s`` allowed after it.

    Compiled only when the term's first word is found in a text, and shared by every matcher (a copy builds
    several over the same terms): compiling one pattern per term up front cost ~0.4 ms each, 10 s for
    4,000 decisions, most of which never occur.
    """
    body = r"\s+".join(re.escape(w) for w in re.split(r"\s+", term))
    return re.compile(body + r"(?=s?(?:[\W_]|$))", re.IGNORECASE)


class TermMatcher:
    """The terms' occurrences in a text (see the module docstring).

    ``word_terms``: the keys (:func:`entity_key`) of terms that are also common words (``wil``); with
    ``initial_case`` such a term matches only where :func:`~lobcoder.pseudonymise.word_names.written_as_name`
    says the text writes the name (not ``Wil je dat?``).
    """

    def __init__(self, terms: Iterable[str], *, initial_case: bool = True, word_terms: Iterable[str] = ()) -> None:
        self._index: dict[str, list[_Candidate]] = {}
        words = frozenset(word_terms) if initial_case else frozenset()
        for term in {" ".join(t.split()) for t in terms if t and t.strip()}:
            first = _WORD.search(term)
            if first is None:
                continue
            capital = initial_case and term[0].isupper()
            candidate = _Candidate(term, first.start(), capital, entity_key(term) in words)
            self._index.setdefault(first.group().casefold(), []).append(candidate)
        for candidates in self._index.values():
            candidates.sort(key=lambda c: (-len(c.term), c.term))
        # One regex finds only the words that can start a term (a trie of first words), so the
        # Python loop below runs per candidate, not per word of the text.
        self._scan = _scan_pattern(frozenset(self._index)) if self._index else None

    def __bool__(self) -> bool:
        return bool(self._index)

    def find(self, text: str) -> list[TermMatch]:
        """Non-overlapping matches in text order."""
        matches: list[TermMatch] = []
        covered = 0
        index = self._index
        if self._scan is None:
            return matches
        for word in self._scan.finditer(text):
            if word.start() < covered:
                continue
            key = word.group().casefold()
            candidates = index.get(key)
            if not candidates and key.endswith("s"):  # Mariekes
                candidates = index.get(key[:-1])
            if not candidates:
                continue
            for candidate in candidates:
                begin = word.start() - candidate.prefix
                if begin < covered or (begin > 0 and (text[begin - 1].isalnum())):
                    continue
                if candidate.capital and not text[begin].isupper():
                    continue
                found = candidate.pattern.match(text, begin)
                if found and candidate.word and not written_as_name(text, begin, found.end()):
                    continue
                if found:
                    matches.append(TermMatch(begin, found.end(), candidate.term))
                    covered = found.end()
                    break
        return matches


@lru_cache(maxsize=8)
def _scan_pattern(first_words: frozenset[str]) -> re.Pattern[str]:
    """The scan for ``first_words``; a copy's matchers (in texts, in labels, the leak check) share one."""
    return re.compile(r"(?<![^\W_])" + _trie(first_words) + r"s?(?![^\W_])", re.IGNORECASE)


def _trie(words: Iterable[str]) -> str:
    """A regex matching exactly ``words``, as a trie (``jan(?:ssen)?``), which Python's engine scans fast."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return build(root)
