"""Keyword rules: each code's Dutch keywords matched on lemmas and lower-case forms.

A keyword line is one of:

* a word or phrase (``intervisie``, ``samen leren``): matched as a contiguous
  phrase on lower-case forms *and* on lemmas (spaCy ``PhraseMatcher`` with
  ``attr="LOWER"`` and ``attr="LEMMA"``), so ``loopbaangesprekken`` matches
  ``loopbaangesprek`` and ``leerden samen`` matches ``leren samen``;
* a pattern with gaps, parts separated by ``…`` or ``...``
  (``docent … samen leren``): all its words must occur, in any order (for up to
  :data:`MAX_PERMUTED` words; longer patterns in the order written), with at
  most :data:`GAP` other tokens between two of them. Each word matches a text
  word whose lemma is the keyword word's lemma or the keyword word as written,
  so ``docenten leerden samen`` matches ``docent … samen leren``.

Blank lines and lines starting with ``#`` are ignored. Matches never cross a unit.
"""

from __future__ import annotations

import bisect
import itertools
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from spacy.lang.nl import Dutch
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import create_vocab

from lobcoder.suggest.cache import ProcessedText
from lobcoder.suggest.pipeline import DutchPipeline
from lobcoder.suggest.units import Unit

GAP = 6
MAX_PERMUTED = 4
_GAP_MARK = re.compile(r"\s*(?:…|\.\.\.+)\s*")


class CodeLike(Protocol):
    @property
    def guid(self) -> str: ...
    @property
    def keywords(self) -> str: ...


@dataclass(frozen=True)
class Keyword:
    code_guid: str
    text: str  # as the codebook writes it; shown in the reason
    words: tuple[tuple[str, str], ...]  # (lower, lemma) of each word, gaps removed
    gapped: bool
    weight: float


@dataclass(frozen=True)
class RuleHit:
    score: float
    terms: tuple[str, ...]  # the keywords that matched, in codebook order


def term_weight(words: int, codes_sharing: int) -> float:
    """How much one matched keyword says: longer is more specific, shared by several codes less so."""
    return min(0.4 + 0.1 * (words - 1), 0.7) / max(codes_sharing, 1)


def combine_terms(weights: Sequence[float]) -> float:
    """Noisy-or over the matched keywords: each adds evidence, never past 1."""
    miss = 1.0
    for weight in weights:
        miss *= 1.0 - weight
    return 1.0 - miss


class RuleMatcher:
    """Matchers built once per codebook; :meth:`match` scores every unit of a document."""

    def __init__(self, pipeline: DutchPipeline, codes: Sequence[CodeLike]) -> None:
        # Its own vocabulary (thread-confined), with the lexical attributes LOWER needs.
        self.vocab = create_vocab("nl", Dutch.Defaults)
        lines: list[tuple[str, str, list[str]]] = []
        for code in codes:
            for line in (code.keywords or "").splitlines():
                line = " ".join(line.split())
                if line and not line.startswith("#"):
                    parts = [p for p in _GAP_MARK.split(line) if p.strip()]
                    if parts:
                        lines.append((code.guid, line, parts))
        flat = [part for _, _, parts in lines for part in parts]
        parsed = [self._words(pipeline, doc) for doc in pipeline.process(flat)]
        raw: list[tuple[str, str, tuple[tuple[str, str], ...], bool]] = []
        position = 0
        for guid, line, parts in lines:
            words = tuple(word for part in parsed[position : position + len(parts)] for word in part)
            position += len(parts)
            if words:
                raw.append((guid, line, words, len(parts) > 1))

        def lemma_key(words: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
            return tuple(sorted(lemma for _, lemma in words))

        sharing: dict[tuple[str, ...], set[str]] = {}
        for guid, _, words, _ in raw:
            sharing.setdefault(lemma_key(words), set()).add(guid)
        self.keywords = [
            Keyword(guid, line, words, gapped, term_weight(len(words), len(sharing[lemma_key(words)])))
            for guid, line, words, gapped in raw
        ]
        self._lower = PhraseMatcher(self.vocab, attr="LOWER")
        self._lemma = PhraseMatcher(self.vocab, attr="LEMMA")
        self._gapped = Matcher(self.vocab)
        self._lock = threading.Lock()  # matching adds strings to self.vocab
        for index, keyword in enumerate(self.keywords):
            key = f"kw{index}"
            lowers = [lower for lower, _ in keyword.words]
            lemmas = [lemma for _, lemma in keyword.words]
            if keyword.gapped:
                self._gapped.add(key, _gapped_patterns(keyword.words))
            else:
                self._lower.add(key, [Doc(self.vocab, words=lowers)])
                self._lemma.add(key, [Doc(self.vocab, words=lowers, lemmas=lemmas)])
        self._matchers = [m for m in (self._lower, self._lemma, self._gapped) if len(m)]

    @staticmethod
    def _words(pipeline: DutchPipeline, doc: Doc) -> list[tuple[str, str]]:
        return [
            (t.lower_, pipeline.refine_lemma(t.lower_, t.lemma_ or t.lower_))
            for t in doc
            if not (t.is_punct or t.is_space)
        ]

    @property
    def has_keywords(self) -> bool:
        return bool(self.keywords)

    def match(self, processed: ProcessedText, units: Sequence[Unit]) -> list[dict[str, RuleHit]]:
        """Per unit, the codes whose keywords matched in it.

        The matchers run once over the text the units span; a match counts for
        each unit that holds all of it (so matches never cross a unit).
        """
        if not self.keywords or not units:
            return [{} for _ in units]
        first = min(u.tokens.start for u in units)
        last = max(u.tokens.stop for u in units)
        if last <= first:
            return [{} for _ in units]
        with self._lock:
            doc = Doc(self.vocab, words=list(processed.lowers[first:last]), lemmas=list(processed.lemmas[first:last]))
            strings = self.vocab.strings
            found = sorted(
                {
                    (start + first, end + first, int(strings[match_id][2:]))
                    for matcher in self._matchers
                    for match_id, start, end in matcher(doc)
                }
            )
        starts = [start for start, _, _ in found]
        result = []
        for unit in units:
            low = bisect.bisect_left(starts, unit.tokens.start)
            high = bisect.bisect_left(starts, unit.tokens.stop)
            inside = sorted(index for _, end, index in found[low:high] if end <= unit.tokens.stop)
            by_code: dict[str, list[Keyword]] = {}
            for index in dict.fromkeys(inside):
                by_code.setdefault(self.keywords[index].code_guid, []).append(self.keywords[index])
            result.append(
                {
                    guid: RuleHit(combine_terms([k.weight for k in hits]), tuple(k.text for k in hits))
                    for guid, hits in by_code.items()
                }
            )
        return result


def _gapped_patterns(words: Sequence[tuple[str, str]]) -> list[list[dict[str, object]]]:
    specs: list[dict[str, object]] = [{"LEMMA": {"IN": sorted({lower, lemma})}} for lower, lemma in words]
    orders = itertools.permutations(specs) if len(specs) <= MAX_PERMUTED else [tuple(specs)]
    patterns: list[list[dict[str, object]]] = []
    seen: set[str] = set()
    for order in orders:
        pattern: list[dict[str, object]] = []
        for position, spec in enumerate(order):
            if position:
                pattern.append({"OP": f"{{,{GAP}}}"})
            pattern.append(spec)
        if repr(pattern) not in seen:
            seen.add(repr(pattern))
            patterns.append(pattern)
    return patterns
