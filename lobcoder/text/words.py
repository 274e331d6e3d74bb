"""The words of a text as lobcoder reads them: a light tokenizer, lookup lemmas and Dutch function words.

Shared by the suggestions' project vocabulary (``suggest/vocabulary.py``)
and the word frequencies of the analyses (``analysis/words.py``), so both
see the same words. A word is a run of letters, hyphenated runs kept as one
word (``lob-gesprek``); digits, emoji and punctuation are no part of one,
so numbers are never words (the word frequencies also leave out numbers
written out, :func:`is_number_word`). A speaker label at the start of a line
(``Anna:``, ``I:``, ``Docent 2:``) is not a word of the text.

Lemmas come from a :class:`Lemmatizer` (the suggestions' Dutch pipeline is
one: its lookup table refined for plurals and compounds), passed in by the
caller, so this layer needs no spaCy model.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol

MIN_LENGTH = 3  # shorter words are not content words (vocabulary, the codebook's terms, word frequencies)
# Part of the NLP cache's keys of counts made with WORD and SPEAKER_LABEL (word frequencies, vocabulary):
# change it when they change, so cached counts are made again.
TOKENIZER_VERSION = "1"

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
SPEAKER_LABEL = re.compile(r"^\s*[^\W\d_][\w.'-]{0,30}(?: \d+)?:\s")
_PREPOSITIONS = (
    "aan achter af bij binnen boven buiten door doorheen heen in langs mee na naar naast om omheen onder op over"
    " tegen tegenaan toe tussen uit van vandaan voor zonder"
).split()


class Lemmatizer(Protocol):
    """What gives a word's lemma (``suggest.pipeline.DutchPipeline`` does)."""

    def lookup_lemma(self, word: str) -> str: ...

    def refine_lemma(self, lower: str, lemma: str) -> str: ...

    def lemma_of(self, lower: str) -> str: ...


def lemma_of(lemmatizer: Lemmatizer, lower: str) -> str:
    """The lemma of a lower-case word: the lookup table's, refined as the suggestions refine it (kept by the lemmatizer)."""
    return lemmatizer.lemma_of(lower)


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Closed-class Dutch words that say nothing of a theme: spaCy's Dutch stop words and the
    pronominal adverbs it lacks (*erin*, *daarbij*, *waarmee*).

    Read on first use: importing spaCy costs a second that a tokenizer user may not need.
    """
    from spacy.lang.nl.stop_words import STOP_WORDS

    adverbs = (f"{a}{p}" for a in ("er", "hier", "daar", "waar") for p in _PREPOSITIONS)
    return frozenset(STOP_WORDS) | frozenset(adverbs)


# Number words, Dutch and English, cardinal and ordinal: counted like digits (not at all) by the word frequencies.
# A word made only of these pieces is one (vijfentwintig, tweeëntwintigste, honderdtwintig, twenty-one).
# Ambiguous forms are numbers here too: acht ("in acht nemen"), elf, zeven ("to sieve"), second.
_NL_UNITS = "een één twee drie vier vijf zes zeven acht negen"
_NL_TEENS = "tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien"
_NL_TENS = "twintig dertig veertig vijftig zestig zeventig tachtig negentig"
_NL_BIG = "honderd duizend miljoen miljard"
_NL_ORDINALS = (
    "eerste tweede derde vierde vijfde zesde zevende achtste negende tiende elfde twaalfde"
    " dertiende veertiende vijftiende zestiende zeventiende achttiende negentiende"
    " honderden duizenden miljoenen miljarden"  # plural "hundreds" and so on: amounts too
)
_EN_UNITS = "one two three four five six seven eight nine"
_EN_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
_EN_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
_EN_BIG = "hundred thousand million billion"
_EN_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
    " thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
    " hundreds thousands millions billions"
)


def _alternatives(*groups: str) -> str:
    return "|".join(sorted((w for g in groups for w in g.split()), key=len, reverse=True))


_NL_PIECE = (
    rf"(?:(?:{_alternatives(_NL_UNITS)})[eë]n(?:{_alternatives(_NL_TENS)})"  # vijfentwintig, tweeëntwintig
    rf"|{_alternatives(_NL_UNITS, _NL_TEENS, _NL_TENS, _NL_BIG)})"
)
_NL_LAST = rf"(?:{_NL_PIECE}ste|{_alternatives(_NL_ORDINALS)}|{_NL_PIECE})"  # ste: twintigste, honderdste
_EN_PIECE = rf"(?:{_alternatives(_EN_UNITS, _EN_TEENS, _EN_TENS, _EN_BIG)})"
_EN_LAST = rf"(?:{_alternatives(_EN_ORDINALS)}|(?:twent|thirt|fort|fift|sixt|sevent|eight|ninet)ieth|(?:{_alternatives(_EN_BIG)})th|{_EN_PIECE})"
NUMBER_WORD = re.compile(rf"(?:{_NL_PIECE})*{_NL_LAST}|(?:{_EN_PIECE}-)*{_EN_LAST}")  # pieces joined by a hyphen


def is_number_word(lower: str) -> bool:
    """Whether a lower-case word is a number written out (*twee*, *eerste*, *honderdtwintig*, *twenty-one*)."""
    return NUMBER_WORD.fullmatch(lower) is not None


def word_forms(text: str) -> list[str]:
    """The lower-case words of ``text`` without their offsets, speaker labels left out: what counting needs, fast."""
    found: list[str] = []
    for line in text.split("\n"):
        label = SPEAKER_LABEL.match(line)
        found.extend(WORD.findall(line, label.end() if label else 0))
    return "\n".join(found).lower().split("\n") if found else []  # one lower() for all: words hold no line break


def word_spans(text: str) -> tuple[list[int], list[int], list[str]]:
    """The starts, ends and lower-case forms of the words of ``text``, offsets in code points, speaker labels left out."""
    labels: list[tuple[int, int]] = []
    begin = 0
    for line in text.split("\n"):
        label = SPEAKER_LABEL.match(line)
        if label:
            labels.append((begin, begin + label.end()))
        begin += len(line) + 1
    starts: list[int] = []
    ends: list[int] = []
    found: list[str] = []
    at = 0
    for match in WORD.finditer(text):
        start = match.start()
        while at < len(labels) and labels[at][1] <= start:
            at += 1
        if at < len(labels) and labels[at][0] <= start:
            continue
        starts.append(start)
        ends.append(match.end())
        found.append(match.group())
    lowered = "\n".join(found).lower().split("\n") if found else []
    return starts, ends, lowered
