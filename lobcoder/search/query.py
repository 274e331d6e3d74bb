"""Parse a user's search query into an FTS5 expression and a hit-finding regex.

Syntax, as people expect from a search box: words (all must occur), ``"a
phrase"``, ``prefix*``, ``OR`` between alternatives and ``-word`` or ``NOT
word`` to exclude. Everything is folded (case and diacritics), so
``coordinatie`` finds ``coördinatie``. User input never reaches FTS5 unquoted,
so no query can be a syntax error there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lobcoder.text.fold import fold

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w+")


class QueryError(ValueError):
    """The query cannot be searched for (for example: only excluded words)."""


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # folded FTS tokens; more than one = phrase
    prefix: bool = False
    negated: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    fts: str
    hit_pattern: re.Pattern[str]
    terms: tuple[Term, ...]
    # The same query as sets of documents: a document matches when it has every
    # term of at least one group and none of the excluded terms (FTS5's
    # precedence: implicit AND binds tighter than OR).
    groups: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()

    def hits(self, folded: str) -> Iterator[tuple[int, int]]:
        """Spans of whole-word hits in folded text."""
        return _word_hits(self.hit_pattern, folded)

    def hits_in(self, text: str, window: int = 1 << 20) -> Iterator[tuple[int, int]]:
        """:meth:`hits` in ``fold(text)``, folding a window at a time, only as far as the hits are read.

        Each window reaches on to the end of the query's longest phrase's
        count of words after it, so a hit that starts in a window lies whole
        in it and is found exactly as in the whole folded text (folding keeps
        every character a word character or not, as it was).
        """
        reach = max(len(t.words) for t in self.terms if not t.negated)
        return _window_hits(self.hit_pattern, reach, text, window)


def _window_hits(pattern: re.Pattern[str], reach: int, text: str, window: int) -> Iterator[tuple[int, int]]:
    """Whole-word hits of ``pattern`` in ``fold(text)``, folded a window (and ``reach`` words) at a time."""
    if len(text) <= window:
        yield from _word_hits(pattern, fold(text))
        return
    begin = resume = 0
    while begin < len(text):
        end = min(len(text), begin + window)
        stop = end
        for count, word in enumerate(_WORD.finditer(text, end), start=1):
            stop = word.end()
            if count == reach:
                break
        offset = max(0, begin - 1)  # one character before, to tell whether a hit starts a word
        folded = fold(text[offset:stop])
        for match in pattern.finditer(folded, max(resume, begin) - offset):
            start = match.start() + offset
            if start >= end:
                break  # the next window's
            resume = match.end() + offset
            if match.start() and (folded[match.start() - 1].isalnum() or folded[match.start() - 1] == "_"):
                continue  # the match starts inside a word
            yield start, resume
        begin = end


def _word_hits(pattern: re.Pattern[str], folded: str) -> Iterator[tuple[int, int]]:
    for match in pattern.finditer(folded):
        start = match.start()
        if start and (folded[start - 1].isalnum() or folded[start - 1] == "_"):
            continue  # the match starts inside a word
        yield start, match.end()


def occurs(term: Term, folded: str) -> bool:
    """Whether ``term`` occurs in folded text as whole words (as its hits are found)."""
    return next(_word_hits(re.compile(_term_regex(term)), folded), None) is not None


def occurs_in(term: Term, text: str, window: int = 1 << 20) -> bool:
    """:func:`occurs` in ``fold(text)``, folding a window at a time and stopping at the first hit."""
    pattern = re.compile(_term_regex(term))
    return next(_window_hits(pattern, len(term.words), text, window), None) is not None


def term_fts(term: Term) -> str:
    """``term`` alone as an FTS5 MATCH string (a quoted phrase, maybe a prefix)."""
    return _term_fts(term)


def _term_fts(term: Term) -> str:
    quoted = '"' + " ".join(term.words) + '"'
    return quoted + "*" if term.prefix else quoted


def _term_regex(term: Term) -> str:
    # No look-behind at the start: it would stop the regex engine from skipping
    # ahead to the literal word (20x slower). Callers check the word start.
    body = r"\W+".join(re.escape(w) for w in term.words)
    tail = r"\w*" if term.prefix else r"(?!\w)"
    return body + tail


def parse_query(query: str) -> ParsedQuery:
    """Turn ``query`` into the FTS5 MATCH string and a regex over folded text."""
    parts: list[str] = []
    terms: list[Term] = []
    negate_next = False
    for match in _TOKEN.finditer(query):
        minus, phrase, bare = match.groups()
        if bare is not None:
            if bare == "OR":
                if parts and parts[-1] != "OR":
                    parts.append("OR")
                continue
            if bare in ("NOT", "AND"):
                negate_next = bare == "NOT"
                continue
            negated = bare.startswith("-") and len(bare) > 1
            raw = bare[1:] if negated else bare
            prefix = raw.endswith("*")
        else:
            negated, raw, prefix = bool(minus), phrase, False
        words = tuple(_WORD.findall(fold(raw)))
        if not words:
            continue
        term = Term(words, prefix=prefix, negated=negated or negate_next)
        negate_next = False
        terms.append(term)
        if term.negated:
            if parts and parts[-1] == "OR":
                parts.pop()
            parts.append("NOT " + _term_fts(term))
        else:
            parts.append(_term_fts(term))
    while parts and parts[-1] == "OR":
        parts.pop()
    positives = [t for t in terms if not t.negated]
    if not positives:
        raise QueryError("the search needs at least one word to look for")
    fts = _join_fts(parts)
    pattern = re.compile("|".join(_term_regex(t) for t in positives))
    return ParsedQuery(
        fts=fts,
        hit_pattern=pattern,
        terms=tuple(terms),
        groups=_groups(parts, terms),
        excluded=tuple(t for t in terms if t.negated),
    )


def _groups(parts: list[str], terms: list[Term]) -> tuple[tuple[Term, ...], ...]:
    """The positive terms split at each OR, as :func:`_join_fts` orders them."""
    positives = iter(t for t in terms if not t.negated)
    groups: list[list[Term]] = [[]]
    for part in parts:
        if part.startswith("NOT "):
            continue
        if part == "OR":
            groups.append([])
        else:
            groups[-1].append(next(positives))
    return tuple(tuple(g) for g in groups if g)


def _join_fts(parts: list[str]) -> str:
    # FTS5's NOT is binary ("a NOT b"); a leading NOT needs something before it,
    # so positive terms go first and excluded ones are appended.
    positive = [p for p in parts if not p.startswith("NOT ")]
    negative = [p for p in parts if p.startswith("NOT ")]
    while positive and positive[0] == "OR":
        positive.pop(0)
    expression = " ".join(positive)
    if negative:
        expression = f"({expression}) " + " ".join(negative)
    return expression
