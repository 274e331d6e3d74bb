"""The project's vocabulary: how common each lemma is in all its documents, and which words go together.

One interview, or a pseudo-document of 40 sentences, is too little text to
say whether a word is common: :class:`Vocabulary` counts, over *all* the
project's sentences, how many contain each lemma (its document frequency),
so that a codebook term every interview uses (*school*, *docent*) weighs
little everywhere. :class:`ProjectVocabulary` adds distributional
neighbours: words that occur in the same sentences as a word across the
project (positive pointwise mutual information of sentence co-occurrence,
reduced to :data:`DIMENSIONS` dimensions by a truncated SVD; Levy, Goldberg
& Dagan 2015), so a code whose definition speaks of *professionalisering*
can also be found where the project's respondents say *scholing*.

Building it reads the texts with a light tokenizer (``text/words.py``, shared
with the analyses' word frequencies; the pipeline's lookup lemmas; no spaCy run), so that it never has to parse every
transcript first: :func:`project_vocabulary` takes about a second per
million words, and keeps the result in memory per project until a
document is added, removed or changed (the key is the set of the
documents' content hashes). Everything here is deterministic.

Public API (also for the learned side):

* :func:`sentence_lemmas` – the content lemmas of each sentence of a text;
* :meth:`Vocabulary.of` / :meth:`Vocabulary.rarity` – document frequencies;
* :meth:`ProjectVocabulary.build` / :meth:`ProjectVocabulary.related` – neighbours;
* :func:`project_vocabulary` – the cached vocabulary of a project's documents.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from spacy.lang.nl.stop_words import STOP_WORDS

from lobcoder.text.words import MIN_LENGTH, SPEAKER_LABEL, TOKENIZER_VERSION, WORD, lemma_of
from lobcoder.util.bounded_cache import BoundedCache

if TYPE_CHECKING:
    from lobcoder.storage.project import ProjectStore
    from lobcoder.suggest.pipeline import DutchPipeline

MIN_SENTENCES = 20  # below this, document frequencies say nothing (rarity is 1 for every word)
MIN_COUNT = 3  # a word needs this many sentences to get a vector
MAX_WORDS = 20000  # the most frequent words get vectors
MIN_WORDS = 10  # fewer words with vectors: none
DIMENSIONS = 100
SMOOTHING = 0.75  # context distribution smoothing of PPMI (Levy et al. 2015)
MEMORY_SIZE = 4  # projects whose vocabulary is kept in memory
FORMAT = 1  # part of the NLP cache key of a document's counts: change it when sentence_lemmas changes
VECTORS = False
"""Whether :func:`project_vocabulary` builds word vectors. Off: expanding a code's terms with their
neighbours (``evidence.RELATED_SHARE``) lowered the ranking on every corpus we have (docs/SUGGESTIONS.md),
whose few thousand sentences are far too little text for distributional statistics."""

_SENTENCE = re.compile(r"(?<=[.!?…])\s+")


def sentence_lemmas(pipeline: DutchPipeline, text: str) -> list[list[str]]:
    """The content lemmas of each sentence of a text (light tokenizer: no spaCy run).

    Sentences end at ``.``, ``!``, ``?`` or a line break; a speaker label
    at the start of a line is left out; lemmas are the
    pipeline's lookup lemmas refined as in parsing; stop words and words
    shorter than :data:`MIN_LENGTH` letters are left out.
    """
    result = []
    for line in text.split("\n"):
        for sentence in _SENTENCE.split(SPEAKER_LABEL.sub("", line, count=1)):
            words = []
            for lower in WORD.findall(sentence.lower()):
                if len(lower) < MIN_LENGTH or lower in STOP_WORDS:
                    continue
                lemma = lemma_of(pipeline, lower)
                if lemma not in STOP_WORDS:
                    words.append(lemma)
            if words:
                result.append(words)
    return result


@dataclass(frozen=True)
class Vocabulary:
    """How many of the project's sentences contain each lemma (document frequency)."""

    df: Mapping[str, int]
    units: int

    @classmethod
    def of(cls, units: Iterable[Iterable[str]]) -> Vocabulary:
        df: Counter[str] = Counter()
        count = 0
        for words in units:
            df.update(set(words))
            count += 1
        return cls(dict(df), count)

    def rarity(self, term: str) -> float:
        """1 for a lemma no sentence has, towards 0 for one that every sentence has (pairs: their rarer word)."""
        if self.units < MIN_SENTENCES:
            return 1.0
        found = min(self.df.get(word, 0) for word in term.split(" "))
        return math.log((self.units + 1) / (found + 1)) / math.log(self.units + 1)

    def related(self, word: str, count: int) -> list[tuple[str, float]]:
        """Words that occur in the same contexts, most similar first, with their cosine (none here)."""
        return []


@dataclass(frozen=True)
class ProjectVocabulary(Vocabulary):
    """Document frequencies and word vectors of a project's sentences."""

    words: tuple[str, ...] = ()  # the words with vectors, by row
    vectors: Any = field(default=None, repr=False, compare=False)  # numpy array, rows of unit length
    _rows: dict[str, int] = field(default_factory=dict, repr=False, compare=False)
    _related: dict[tuple[str, int], list[tuple[str, float]]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(cls, sentences: Sequence[Sequence[str]], *, vectors: bool = True) -> ProjectVocabulary:
        """Document frequencies and (``vectors``) PPMI-SVD word vectors of these sentences (their content lemmas).

        Words in at least :data:`MIN_COUNT` sentences get vectors of at most
        :data:`DIMENSIONS` dimensions (fewer for a small vocabulary); with fewer
        than :data:`MIN_SENTENCES` sentences or :data:`MIN_WORDS` such words, none.
        """
        base = Vocabulary.of(sentences)
        frequent = sorted((w for w, n in base.df.items() if n >= MIN_COUNT), key=lambda w: (-base.df[w], w))
        words = tuple(sorted(frequent[:MAX_WORDS]))
        if not vectors or len(words) < MIN_WORDS or base.units < MIN_SENTENCES:
            return cls(base.df, base.units)
        dimensions = min(DIMENSIONS, len(words) // 2)
        return cls(base.df, base.units, words, _vectors(sentences, words, dimensions))

    def __post_init__(self) -> None:
        self._rows.update({w: i for i, w in enumerate(self.words)})

    def related(self, word: str, count: int) -> list[tuple[str, float]]:
        """The ``count`` words nearest to ``word`` (cosine of their vectors), most similar first."""
        row = self._rows.get(word)
        if row is None or self.vectors is None:
            return []
        key = (word, count)
        found = self._related.get(key)
        if found is None:
            import numpy as np

            similarity = self.vectors @ self.vectors[row]
            similarity[row] = -1.0
            best = np.argsort(-similarity, kind="stable")[:count]
            found = [(self.words[i], float(similarity[i])) for i in best]
            self._related[key] = found
        return found


def _vectors(sentences: Sequence[Sequence[str]], words: Sequence[str], dimensions: int) -> Any:
    """Unit-length word vectors: SVD of the PPMI matrix of sentence co-occurrence."""
    import numpy as np
    from scipy import sparse
    from sklearn.decomposition import TruncatedSVD

    index = {w: i for i, w in enumerate(words)}
    rows, cols = [], []
    for number, sentence in enumerate(sentences):
        for column in sorted({index[w] for w in sentence if w in index}):
            rows.append(number)
            cols.append(column)
    occurs = sparse.csr_matrix((np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=(len(sentences), len(words)))
    counts = (occurs.T @ occurs).tocoo()
    keep = counts.row != counts.col
    row, col, n = counts.row[keep], counts.col[keep], counts.data[keep]
    total = n.sum()
    word_sums = np.bincount(row, weights=n, minlength=len(words))
    context = np.bincount(col, weights=n, minlength=len(words)) ** SMOOTHING
    context /= context.sum()
    pmi = np.log(n / total) - np.log(word_sums[row] / total) - np.log(context[col])
    positive = pmi > 0
    ppmi = sparse.csr_matrix((pmi[positive], (row[positive], col[positive])), shape=(len(words), len(words)))
    svd = TruncatedSVD(n_components=dimensions, algorithm="randomized", n_iter=5, random_state=0)
    reduced = svd.fit_transform(ppmi)  # U * S
    reduced /= np.sqrt(svd.singular_values_)[None, :]  # U * S^0.5: the usual weighting for similarity
    norms = np.linalg.norm(reduced, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (reduced / norms).astype(np.float32)


def texts_key(pipeline_key: str, content_hashes: Iterable[str]) -> str:
    """What a project vocabulary depends on: the pipeline and the set of its documents' texts."""
    digest = hashlib.sha256(pipeline_key.encode("utf-8"))
    for content_hash in sorted(content_hashes):
        digest.update(b"\0" + content_hash.encode("ascii", "replace"))
    return digest.hexdigest()


def vocabulary_of_texts(pipeline: DutchPipeline, texts: Iterable[str], *, vectors: bool = False) -> ProjectVocabulary:
    """The vocabulary of these texts (all of a project's documents, or a benchmark's); see :data:`VECTORS`."""
    sentences: list[list[str]] = []
    for text in texts:
        sentences.extend(sentence_lemmas(pipeline, text))
    return ProjectVocabulary.build(sentences, vectors=vectors)


def document_counts(pipeline: DutchPipeline, text: str) -> tuple[Counter[str], int]:
    """One text's share of a vocabulary: per lemma, how many of its sentences have it; and its sentences."""
    vocabulary = Vocabulary.of(sentence_lemmas(pipeline, text))
    return Counter(vocabulary.df), vocabulary.units


def _encode(df: Counter[str], units: int) -> bytes:
    return zlib.compress(json.dumps([units, sorted(df.items())], ensure_ascii=False).encode("utf-8"))


def _decode(blob: bytes) -> tuple[Counter[str], int]:
    units, items = json.loads(zlib.decompress(blob).decode("utf-8"))
    return Counter(dict(items)), int(units)


_memory: BoundedCache[tuple[str, str], ProjectVocabulary] = BoundedCache(MEMORY_SIZE)


def project_vocabulary(store: ProjectStore, pipeline: DutchPipeline) -> ProjectVocabulary:
    """The vocabulary of all the project's documents, built once and kept until a document changes.

    Each document's counts are kept in the project's NLP cache (keyed by its
    text's hash), so a project is read once, not once per session, and a new
    document costs only its own reading. With :data:`VECTORS` the texts are
    read again for the word vectors.
    """
    from lobcoder.suggest import store as persistence

    cache_key = f"{pipeline.cache_key}; vocabulary {FORMAT}; tokenizer {TOKENIZER_VERSION}"
    with store.read() as session:
        hashes = list(persistence.document_hashes(session).values())
        key = (str(store.path.resolve()), texts_key(cache_key, hashes) + (" vectors" if VECTORS else ""))
        found = _memory.get(key)
        if found is not None:
            return found
        if VECTORS:
            texts = persistence.document_texts(session)
        else:
            stored = persistence.load_cached(session, cache_key, hashes)
            missing = persistence.texts_by_hash(session, [h for h in set(hashes) if h not in stored])
    if VECTORS:
        vocabulary = vocabulary_of_texts(pipeline, texts, vectors=True)
    else:
        counts = {h: _decode(blob) for h, blob in stored.items()}
        new = {h: document_counts(pipeline, text) for h, text in sorted(missing.items())}
        if new:
            with store.transaction() as session:
                persistence.save_cached(session, cache_key, {h: _encode(*c) for h, c in new.items()})
        counts.update(new)
        df: Counter[str] = Counter()
        units = 0
        for content_hash in hashes:  # a text held by two documents counts twice, as in vocabulary_of_texts
            document_df, sentences = counts[content_hash]
            df.update(document_df)
            units += sentences
        vocabulary = ProjectVocabulary(dict(df), units)
    _memory.put(key, vocabulary, replaces=lambda kept: kept[0] == key[0])  # one vocabulary per project: the current one
    return vocabulary


def clear_vocabularies() -> None:
    """Forget the vocabularies kept in memory (tests)."""
    _memory.clear()
