"""The Dutch spaCy pipeline: the full ``nl_core_news_sm`` model if installed, else an offline one.

The offline pipeline needs nothing beyond the ``spacy`` and ``spacy-lookups-data``
packages: a blank Dutch tokenizer, lemmas from the lookup table and a
punctuation-based sentencizer. Lookup tables miss inflected compounds
(``loopbaangesprekken``) and some plurals (``studenten``), so lemmas are refined
by :meth:`DutchPipeline.refine_lemma`: regular plural endings, past participles,
and the head of a compound looked up on its own (``gesprekken`` -> ``gesprek``).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from lobcoder.suggest.terms import is_word

MODEL_NAME = "nl_core_news_sm"
OFFLINE_NAME = "offline: blank nl + lookup lemmas + sentencizer"
INSTALL_HINT = (
    f"python -m spacy download {MODEL_NAME}  "
    "(needs internet access to the model's GitHub release, github.com/explosion/spacy-models)"
)
LEMMA_RULES_VERSION = "4"  # part of the cache key: change it when refine_lemma changes
FORCE_OFFLINE_ENV = "LOBCODER_NLP_OFFLINE"

_VOWELS = "aeiou"
_IRREGULAR = {"wist": "weten", "wisten": "weten"}  # past tenses the rules would misread (wist is no form of wissen)
_VERB_PREFIXES = ("", "be", "ge", "ver", "ont", "her", "er")


@dataclass(eq=False)
class DutchPipeline:
    """A loaded pipeline and what to tell people about it.

    ``lock`` serialises use of ``nlp``: spaCy pipelines are not documented as
    safe for concurrent calls, and the GUI runs suggestions in worker threads.
    """

    nlp: Any
    name: str
    is_full_model: bool
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _table: Any = field(default=None, repr=False)
    _known: frozenset[str] = field(default=frozenset(), repr=False)
    _refined: dict[str, str] = field(default_factory=dict, repr=False)
    _lemmas: dict[str, str] = field(default_factory=dict, repr=False)  # lemma_of's answers

    @property
    def known_words(self) -> frozenset[str]:
        """The lemmas of the lookup table: words the pipeline knows."""
        return self._known

    @property
    def cache_key(self) -> str:
        """Names everything the processed form depends on (cache rows and models are kept per key)."""
        return f"{self.name}; lemma rules {LEMMA_RULES_VERSION}"

    def process(self, texts: Iterable[str], batch_size: int = 64) -> list[Any]:
        """``nlp.pipe`` under the pipeline's lock, all docs at once (the lock is not held while they are read)."""
        with self.lock:
            return list(self.nlp.pipe(texts, batch_size=batch_size))

    def refine_lemma(self, lower: str, lemma: str) -> str:
        """A better lemma for words the lemmatizer left as they are (unknown inflections, compounds).

        Beyond the lookup table (spacy-lookups-data's Dutch ``lemma_lookup``,
        which lacks common verb forms such as *gaat*, *ziet*, *werkt*,
        *krijgt*): a present-tense form in -t gets its infinitive when the
        table knows that (*gaat* -> *gaan*, *werkt* -> *werken*), and *eén*,
        the lower case of sentence-initial *Eén*, is *één*.
        """
        lemma = lemma.lower()
        if lemma != lower or not lower.isalpha() or self._table is None:
            return lemma
        if lower.startswith("eé"):  # "Eén" (één at the start of a sentence) lower-cased
            spelled = "é" + lower[1:]
            return self.refine_lemma(spelled, self.lookup_lemma(spelled))
        if len(lower) < (4 if lower.endswith("t") else 5):
            return lemma
        found = self._refined.get(lower)
        if found is None:
            found = self._refine(lower)
            self._refined[lower] = found
        return found

    def lemma_of(self, lower: str) -> str:
        """The lemma of a lower-case word: the lookup table's, refined; each word worked out once."""
        found = self._lemmas.get(lower)
        if found is None:
            found = self._lemmas[lower] = self.refine_lemma(lower, self.lookup_lemma(lower))
        return found

    def forget_lemmas(self) -> None:
        """Forget :meth:`lemma_of`'s answers (tests; the word frequencies benchmark's "counted" figures)."""
        self._lemmas.clear()

    def lookup_lemma(self, word: str) -> str:
        """The lookup table's lemma of a word (the word itself if the table does not have it)."""
        found = self._table.get(word) if self._table is not None else None
        return str(found) if found is not None else word

    def _lookup(self, word: str) -> str | None:
        """The lemma of a word that is a known inflected form or itself a known lemma."""
        lemma = self._table.get(word)
        if lemma is not None:
            return str(lemma)
        return word if word in self._known else None

    def _refine(self, word: str) -> str:
        if word in _IRREGULAR:
            return _IRREGULAR[word]
        if word in self._known:
            return word
        for candidate in _inflection_candidates(word):
            if candidate in self._known:
                return candidate
        # A compound's last part carries the inflection: loopbaan|gesprekken (not teamo|verleg: a word first).
        for cut in range(3, len(word) - 3):
            if not is_word(word[:cut], self._known):
                continue
            head = word[cut:]
            lemma = self._table.get(head)
            if lemma is None:
                lemma = next((c for c in _inflection_candidates(head) if c in self._known), None)
            if lemma is not None and lemma != head:
                return word[:cut] + str(lemma)
            if head in self._known:
                return word  # the compound ends in a lemma: it is one already
        return word

    def attach_lookups(self, table: Any) -> None:
        self._table = table
        self._known = frozenset(str(v) for v in table.values())


def _inflection_candidates(word: str) -> list[str]:
    """Possible base forms of a Dutch plural, past participle or inflected adjective, most likely first."""
    out: list[str] = []
    if word.endswith("en") and len(word) > 4:
        stem = word[:-2]
        if len(stem) > 2 and stem[-1] not in _VOWELS and stem[-2] in _VOWELS and stem[-3] not in _VOWELS:
            out.append(stem[:-1] + stem[-2] + stem[-1])  # an open syllable: bomen -> boom, zaken -> zaak
        out.append(stem)  # studenten -> student
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
            out.append(stem[:-1])  # gesprekken -> gesprek
    if word.endswith("e") and len(word) > 4:
        stem = word[:-1]  # an inflected adjective: vaste -> vast
        if len(stem) > 2 and stem[-1] not in _VOWELS and stem[-2] in _VOWELS and stem[-3] not in _VOWELS:
            out.append(stem[:-1] + stem[-2] + stem[-1])  # an open syllable: formele -> formeel, grote -> groot
        out.append(stem)
        if stem[-1] in "vz":
            out.append(stem[:-1] + ("f" if stem[-1] == "v" else "s"))  # collectieve -> collectief
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
            out.append(stem[:-1])  # witte -> wit
    if word.endswith("ën"):
        out.append(word[:-2] + "e")  # categorieën -> categorie
    if word.endswith("s") and len(word) > 4:
        out.append(word[:-1])  # docents, mentors
    if word.startswith("ge") and word[-1] in "dt" and len(word) > 5:
        stem = word[2:-1]  # geleerd -> leer
        out.append(stem + "en")
        if len(stem) > 2 and stem[-2] == stem[-3] and stem[-2] in _VOWELS:
            out.append(stem[:-2] + stem[-1] + "en")  # leer -> leren
        out.append(stem + stem[-1] + "en")  # gezet -> zetten
    if word.endswith("t"):
        out.extend(_present_tense_candidates(word))
    return out


def _present_tense_candidates(word: str) -> list[str]:
    """Possible infinitives of a present-tense form in -t (*gaat*, *werkt*, *maakt*, *blijft*, *weet*)."""
    stem = word[:-1]
    out = [stem + "n"] if stem[-1] in _VOWELS else []  # gaat -> gaan, ziet -> zien
    for base in (stem, word):  # weet, moet: the -t is the stem's own
        if len(base) < 3 or base[-1] in _VOWELS:
            continue
        if base[-2] == base[-3] and base[-2] in _VOWELS:
            base = base[:-2] + base[-1]  # a long vowel in an open syllable: maakt -> maken, weet -> weten
        elif base[-2] in _VOWELS and base[-3] not in _VOWELS and _one_syllable_stem(base):
            out.append(base + base[-1] + "en")  # a short vowel: begint -> beginnen, vertelt -> vertellen
            continue
        if base[-1] in "fs":
            out.append(base[:-1] + ("v" if base[-1] == "f" else "z") + "en")  # blijft -> blijven, leest -> lezen
        out.append(base + "en")  # werkt -> werken, moet -> moeten
    return out


def _one_syllable_stem(base: str) -> bool:
    """Whether a verb stem is one syllable, perhaps after a prefix (*tel*, *ver|tel*, *be|gin*; not *internet*)."""
    return any(base.startswith(p) and _syllables(base[len(p) :]) == 1 for p in _VERB_PREFIXES)


def _syllables(word: str) -> int:
    """The number of vowel groups in ``word`` (*kwartet*: 2)."""
    return sum(1 for i, c in enumerate(word) if c in _VOWELS and (i == 0 or word[i - 1] not in _VOWELS))


_lock = threading.Lock()
_loaded: dict[bool, DutchPipeline] = {}  # keyed by "offline was forced"


def load_pipeline(*, offline: bool | None = None) -> DutchPipeline:
    """The process-wide pipeline, loaded on first use (thread-safe, once).

    Args:
        offline: True forces the offline pipeline (so does the environment
            variable ``LOBCODER_NLP_OFFLINE``); otherwise the full model is
            tried first and the offline pipeline is the fallback.
    """
    if offline is None:
        offline = bool(os.environ.get(FORCE_OFFLINE_ENV))
    with _lock:
        pipeline = _loaded.get(offline)
        if pipeline is None:
            pipeline = (None if offline else _load_full_model()) or build_offline_pipeline()
            _loaded[offline] = pipeline
        return pipeline


def loaded_pipeline() -> DutchPipeline | None:
    """The pipeline :func:`load_pipeline` would return now, if it is loaded already (else None)."""
    with _lock:
        return _loaded.get(bool(os.environ.get(FORCE_OFFLINE_ENV)))


def reset_pipeline() -> None:
    """Forget the loaded pipelines (tests; after installing the full model)."""
    with _lock:
        _loaded.clear()


def _load_full_model() -> DutchPipeline | None:
    import spacy

    try:
        nlp = spacy.load(MODEL_NAME, exclude=["ner"])
    except (OSError, ImportError):
        return None
    if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        if "senter" in nlp.component_names:
            nlp.enable_pipe("senter")
        else:
            nlp.add_pipe("sentencizer")
    version = nlp.meta.get("version", "")
    pipeline = DutchPipeline(nlp, f"{MODEL_NAME} {version}".strip(), is_full_model=True)
    from spacy.lookups import load_lookups

    pipeline.attach_lookups(load_lookups("nl", ["lemma_lookup"]).get_table("lemma_lookup"))
    return pipeline


def build_offline_pipeline() -> DutchPipeline:
    """Blank Dutch + lookup lemmatizer (tables from spacy-lookups-data) + sentencizer."""
    import spacy

    nlp = spacy.blank("nl")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.add_pipe("sentencizer")
    nlp.initialize()
    pipeline = DutchPipeline(nlp, OFFLINE_NAME, is_full_model=False)
    lemmatizer: Any = nlp.get_pipe("lemmatizer")
    pipeline.attach_lookups(lemmatizer.lookups.get_table("lemma_lookup"))
    return pipeline


def model_installed() -> bool:
    """Whether ``nl_core_news_sm`` can be loaded (without loading it)."""
    import spacy.util

    return bool(spacy.util.is_package(MODEL_NAME))
