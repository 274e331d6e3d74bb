"""Codebook evidence: what a code's own texts say about a unit, before (and besides) any coding.

Each code gets weighted lemma terms (single content lemmas and adjacent
pairs, the phrases of its texts) from its name, description, definition,
inclusion criteria and examples; a sentence matches a pair in either order
with a few words between (:func:`terms_of`). A theme also gets its
sub-codes' terms at half weight. A term weighs more when it is frequent in
the code's texts, rare in the *other* codes' texts (contrast), and rare in
the project's own sentences (so *school*, *docent* or *LOB* weigh little in
a project where every answer mentions them); a closed-class word
(:data:`FUNCTION_WORDS`: *erin*, *daarbij*) is no term, however rare. Only
the strongest terms of a code are kept. Terms of the exclusion criteria
that the code's own texts do not use are negative evidence. The
hand-written keywords (:mod:`rules`) stay the strongest signal.

Dutch compounds are matched by their parts (:mod:`terms`): a compound in a
code's texts (``gespreksformulieren``) gives its parts as terms at
:data:`PART_SHARE`, and a sentence's compound counts for a term that is its
head (``team|overleg``, :data:`HEAD_SHARE`) or its first part
(``loopbaan|begeleider``, :data:`MODIFIER_SHARE`).

A code with only a free-text description (as imported from a REFI ``.qdc``)
gets its terms from that description; when the description uses the usual
headings (``Definitie:``, ``Exclusie:``, …) its parts are read as those
fields (:mod:`headings`), so its exclusion criteria count against the code. Evidence is a sum in log-odds units;
:func:`prior` turns it into a probability for codes without codings.
"""

from __future__ import annotations

import math
import threading
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TypeVar

from spacy.lang.nl.stop_words import STOP_WORDS

from lobcoder.suggest.headings import code_fields
from lobcoder.suggest.pipeline import DutchPipeline
from lobcoder.suggest.terms import Words, compound_splits, modifier_forms
from lobcoder.suggest.vocabulary import MIN_LENGTH, Vocabulary
from lobcoder.text.words import function_words

if TYPE_CHECKING:
    import numpy as np

__all__ = ["CodebookEvidence", "CodeTexts", "EvidenceHit", "Vocabulary", "content_lemmas", "prior", "prior_logit"]

FIELDS = {"name": 2.0, "description": 1.0, "definition": 1.0, "inclusion": 1.0, "examples": 1.0}
CHILD_SHARE = 0.5  # a theme reads its sub-codes' texts at this weight
TOP_TERMS = 60
MAX_TERM = 1.0  # evidence of a code's strongest derived term
MAX_NEGATIVE = 0.8  # evidence against, of the strongest exclusion term
KEYWORD = 1.0  # evidence of one matched hand-written keyword (shared keywords count less); alone it reaches BIAS
PAIR_SHARE = 0.75  # a pair of adjacent lemmas in a code's texts: often a phrase (samen oefenen), sometimes chance
HEAD_SHARE = 0.5  # a term found as the head of a compound (team|overleg)
MODIFIER_SHARE = 0.4  # a term found as the first part of a compound (loopbaan|begeleider)
PART_SHARE = 0.5  # the parts of a compound in a code's texts are terms of it too (gespreks|formulier)
BIAS = 1.0  # evidence at which a code without codings reaches probability 0.5
SLOPE = 2.5
RELATED_SOURCES = 15  # a code's strongest single-word terms whose distributional neighbours become terms too
RELATED_COUNT = 10  # neighbours read per term
RELATED_MIN = 0.35  # cosine a neighbour needs
RELATED_SHARE = 0.0  # a neighbour's weight: this share of its term's, times their cosine (0: off, see docs)
PAIR_WINDOW = 2  # a codebook pair matches two of a sentence's content lemmas at most this many content words apart
PAIR_UNORDERED = True  # ... in either order (docenten leren samen: samen leren)
EXTRA_STOP = frozenset({"code", "passage", "passages", "uitspraak", "uitspraken", "codeer", "coderen", "gebruik"})
# Closed-class words weigh nothing as a single term (a pronominal adverb may still be part of a pair): spaCy's Dutch stop words
# (which also reach a code's terms as compound parts: voor|waarde, leiding|geven) and the pronominal
# adverbs it lacks (erin, daarbij, waarmee), which rose to a code's strongest terms by rarity alone
# (the list is shared with the analyses' word frequencies: text/words.py).
FUNCTION_WORDS = function_words()


class CodeTexts(Protocol):
    @property
    def guid(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def definition(self) -> str: ...
    @property
    def inclusion(self) -> str: ...
    @property
    def exclusion(self) -> str: ...
    @property
    def examples(self) -> str: ...
    @property
    def keywords(self) -> str: ...
    @property
    def id(self) -> int: ...
    @property
    def parent_id(self) -> int | None: ...


@dataclass(frozen=True)
class EvidenceHit:
    score: float  # log-odds evidence from derived terms (keywords are added by the caller)
    terms: tuple[str, ...]  # matched derived terms, strongest first
    against: tuple[str, ...]  # matched exclusion terms
    learned: tuple[str, ...] = ()  # matched terms that only the codings gave (``learned``), strongest first


_Evidence = TypeVar("_Evidence", float, "np.ndarray")


def prior_logit(evidence: _Evidence) -> _Evidence:
    """The log-odds that a code fits, from codebook evidence alone (of each value, given an array)."""
    return SLOPE * (evidence - BIAS)


def prior(evidence: float) -> float:
    """A probability from codebook evidence alone (no codings to learn from)."""
    return 1.0 / (1.0 + math.exp(-prior_logit(evidence)))


def content_lemmas(pipeline: DutchPipeline, texts: Sequence[str]) -> list[list[str]]:
    """Content lemmas of each text, in order (stop words, short words and non-words left out)."""
    result = []
    for doc in pipeline.process(texts):
        words = []
        for token in doc:
            lower = token.lower_
            if not lower.isalpha() or len(lower) < MIN_LENGTH:
                words.append("")  # keeps pairs from jumping over a gap
                continue
            lemma = pipeline.refine_lemma(lower, token.lemma_ or lower)
            words.append("" if lemma in STOP_WORDS or lower in STOP_WORDS or lemma in EXTRA_STOP else lemma)
        result.append(words)
    return result


def pair_key(first: str, second: str) -> str:
    """How a pair of lemmas is looked up: in alphabetical order when pairs match in either order."""
    return f"{second} {first}" if PAIR_UNORDERED and second < first else f"{first} {second}"


def terms_of(words: Sequence[str], window: int = 1) -> Counter[str]:
    """Lemmas and lemma pairs (:func:`pair_key`).

    With ``window`` 1 (a code's texts) a pair is two adjacent lemmas, and a
    gap (a stop word, punctuation) breaks it: the phrases of a definition
    (*samen oefenen*, *ervaringen uitwisselen*). With a larger ``window`` (a
    sentence) a pair is any two content lemmas at most ``window`` content
    words apart, each pair once, so *samen leren* finds *leren de docenten
    samen* and *samen oefenen* finds *oefenen we samen*.
    """
    found: Counter[str] = Counter(w for w in words if w)
    if window <= 1:
        found.update(pair_key(a, b) for a, b in zip(words, words[1:], strict=False) if a and b and a != b)
        return found
    content = [w for w in words if w]
    found.update({pair_key(a, b) for i, a in enumerate(content) for b in content[i + 1 : i + 1 + window] if a != b})
    return found


_parsed: dict[tuple[str, str], list[str]] = {}
_parsed_lock = threading.Lock()


def _lemmas(pipeline: DutchPipeline, texts: Sequence[str]) -> list[list[str]]:
    """:func:`content_lemmas` with a process-wide cache (codebook texts are parsed once)."""
    with _parsed_lock:
        missing = sorted({t for t in texts if (pipeline.cache_key, t) not in _parsed})
    if missing:
        parsed = content_lemmas(pipeline, missing)
        with _parsed_lock:
            if len(_parsed) > 5000:
                _parsed.clear()
            _parsed.update({(pipeline.cache_key, t): p for t, p in zip(missing, parsed, strict=True)})
    with _parsed_lock:
        return [_parsed.get((pipeline.cache_key, t), []) for t in texts]


class CodebookEvidence:
    """Derived terms of every code, weighed against each other and the project's vocabulary."""

    def __init__(
        self,
        pipeline: DutchPipeline,
        codes: Sequence[CodeTexts],
        vocabulary: Vocabulary | None = None,
        learned: Mapping[str, Mapping[str, float]] | None = None,
    ) -> None:
        """``learned``: per code GUID, further terms and their counts (as if the code's texts held them)."""
        vocabulary = vocabulary or Vocabulary({}, 0)
        # Weights per term (fractions of a count: compound parts, field and child shares).
        own: dict[str, defaultdict[str, float]] = {}
        against: dict[str, defaultdict[str, float]] = {}
        texts = {c.guid: code_fields(c) for c in codes}
        fields = [(c.guid, f, texts[c.guid][f]) for c in codes for f in (*FIELDS, "exclusion")]
        parsed = _lemmas(pipeline, [text for _, _, text in fields])
        # The codebook's own words are words too (intervisie, overleg: not in the lookup table's lemmas).
        learned_words = (w for extra in (learned or {}).values() for t in extra for w in t.split(" "))
        known = Words(pipeline.known_words, [*(w for words in parsed for w in words if w), *learned_words])
        self._written: dict[str, str] = {}  # a pair's lookup key -> the pair as a code's text writes it
        for (guid, field, _), words in zip(fields, parsed, strict=True):
            for a, b in zip(words, words[1:], strict=False):
                if a and b and a != b:
                    self._written.setdefault(pair_key(a, b), f"{a} {b}")
            written = terms_of(words)
            terms: defaultdict[str, float] = defaultdict(float, written)
            if PART_SHARE:
                for word in sorted({w for w in words if w}):  # sorted: the same sums in every process
                    for modifier, head in compound_splits(word, known)[:1]:
                        part = next((f for f in modifier_forms(modifier) if f in known), modifier)
                        for piece in (part, head):
                            terms[piece] += PART_SHARE * written[word]
            if field == "exclusion":
                excluded = against.setdefault(guid, defaultdict(float))
                for term, n in terms.items():
                    excluded[term] += n
            else:
                counter = own.setdefault(guid, defaultdict(float))
                for term, n in terms.items():
                    counter[term] += n * FIELDS[field]
        from_texts = {guid: set(counter) for guid, counter in own.items()}  # each code's own texts' terms
        for guid, extra in sorted((learned or {}).items()):  # terms learned from codings (classifier.feedback)
            counter = own.setdefault(guid, defaultdict(float))
            for term, n in sorted(extra.items()):
                if " " in term:  # a pair of a coded sentence's lemmas, matched as a codebook text's pairs are
                    self._written.setdefault(pair_key(*term.split(" ", 1)), term)
                    term = pair_key(*term.split(" ", 1))
                counter[term] += n
        # A term's contrast: in how many codes' own texts it occurs.
        spread: Counter[str] = Counter(t for counter in own.values() for t in counter)
        total = max(len(own), 1)
        by_id = {c.id: c.guid for c in codes}
        family = {guid: defaultdict(float, counter) for guid, counter in own.items()}
        written_family = {guid: set(terms) for guid, terms in from_texts.items()}
        for code in codes:
            parent = by_id.get(code.parent_id) if code.parent_id is not None else None
            while parent is not None:
                for term, n in own.get(code.guid, {}).items():
                    family[parent][term] += n * CHILD_SHARE
                written_family.setdefault(parent, set()).update(from_texts.get(code.guid, ()))
                parent_code = next((c for c in codes if c.guid == parent), None)
                parent = by_id.get(parent_code.parent_id) if parent_code and parent_code.parent_id else None
        # Per code, the terms only codings gave it (its own or its sub-codes'), not the texts of it or its sub-codes.
        self._learned = {guid: frozenset(counter) - written_family.get(guid, set()) for guid, counter in family.items()}

        def weigh(term: str, n: float) -> float:
            if term in FUNCTION_WORDS:
                return 0.0
            contrast = math.log(1.0 + total / spread.get(term, 1)) / math.log(1.0 + total)
            pair = PAIR_SHARE if " " in term else 1.0
            frequency = 1.0 + math.log(n) if n >= 1 else n
            return frequency * contrast * vocabulary.rarity(term) * pair

        self.terms: dict[str, dict[str, float]] = {}
        self.against: dict[str, dict[str, float]] = {}
        for guid, counter in family.items():
            weighed = {t: weigh(t, n) for t, n in counter.items()}
            best = sorted(weighed.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_TERMS]
            top = best[0][1] if best and best[0][1] > 0 else 1.0
            self.terms[guid] = {t: MAX_TERM * w / top for t, w in best if w > 0}
            if RELATED_SHARE:
                self._add_related(self.terms[guid], counter, spread, total, vocabulary)
            negative = {t: weigh(t, n) for t, n in against.get(guid, {}).items() if t not in counter and " " not in t}
            self.against[guid] = {t: MAX_NEGATIVE * w / top for t, w in negative.items() if w > 0}
        index: dict[str, list[tuple[str, float]]] = {}
        for guid, weights in self.terms.items():
            for term, weight in weights.items():
                index.setdefault(term, []).append((guid, weight))
        for guid, weights in self.against.items():
            for term, weight in weights.items():
                index.setdefault(term, []).append((guid, -weight))
        self._index = index
        self._parts: dict[str, tuple[tuple[str, float], ...]] = {}
        self._known = known
        # A compound's head may get another lemma than the word alone (teamoverleg -> teamoverleggen).
        self._lookup = pipeline.lookup_lemma
        self._by_lemma = {self._lookup(t): t for t in sorted(index, reverse=True) if " " not in t}

    @staticmethod
    def _add_related(
        terms: dict[str, float], own: Mapping[str, float], spread: Counter[str], total: int, vocabulary: Vocabulary
    ) -> None:
        """Add the project's distributional neighbours of a code's strongest words as weaker terms."""
        sources = [(t, w) for t, w in sorted(terms.items(), key=lambda kv: (-kv[1], kv[0])) if " " not in t]
        related: dict[str, float] = {}
        for term, weight in sources[:RELATED_SOURCES]:
            for word, similarity in vocabulary.related(term, RELATED_COUNT):
                if similarity < RELATED_MIN or word in own or len(word) < MIN_LENGTH:
                    continue
                contrast = math.log(1.0 + total / (spread.get(word, 0) + 1)) / math.log(1.0 + total)
                value = RELATED_SHARE * weight * similarity * contrast * vocabulary.rarity(word)
                related[word] = max(related.get(word, 0.0), value)
        for word, value in related.items():
            terms.setdefault(word, value)

    def _compound_part(self, lemma: str) -> tuple[tuple[str, float], ...]:
        """The codebook term a compound lemma holds as its head or first part, with its share."""
        found = self._parts.get(lemma)
        if found is None:
            found = ()
            for modifier, head in compound_splits(lemma, self._known):
                # The first split whose head or first part is a term: both parts count (visie|ontwikkeling).
                term = head if head in self._index else self._by_lemma.get(self._lookup(head))
                part = next((f for f in modifier_forms(modifier) if f in self._index), None)
                found = tuple(
                    (t, share) for t, share in ((term, HEAD_SHARE), (part, MODIFIER_SHARE)) if t is not None and share
                )
                if found:
                    break
            self._parts[lemma] = found
        return found

    def score(self, units: Sequence[Sequence[str]]) -> list[dict[str, EvidenceHit]]:
        """Per unit (its content lemmas in order), each code's evidence; codes without any are left out."""
        result = []
        for words in units:
            seen = terms_of(list(words), PAIR_WINDOW)
            matched: dict[str, list[tuple[float, str]]] = {}
            for term in seen:
                found = self._index.get(term)
                if found is not None:
                    for guid, weight in found:
                        matched.setdefault(guid, []).append((weight, term))
                elif " " not in term:
                    for part, share in self._compound_part(term):
                        for guid, weight in self._index[part]:
                            matched.setdefault(guid, []).append((weight * share, part))
            hits = {}
            for guid, found_terms in matched.items():
                positive = sorted((t for t in found_terms if t[0] > 0), key=lambda t: (-t[0], t[1]))
                negative = [t for t in found_terms if t[0] < 0]
                total = sum(w for w, _ in found_terms)
                shown, learned = self._written, self._learned.get(guid, frozenset())
                hits[guid] = EvidenceHit(
                    total,
                    tuple(dict.fromkeys(shown.get(t, t) for _, t in positive if t not in learned)),
                    tuple(dict.fromkeys(shown.get(t, t) for _, t in negative)),
                    tuple(dict.fromkeys(shown.get(t, t) for _, t in positive if t in learned)),
                )
            result.append(hits)
        return result
