"""Each coded document's codebook evidence, kept in memory between trainings of one session.

Training scores every sentence of every coded document with the codebook
(:func:`training.examples_for`); with the terms learned from the *other*
documents' codings, each document with its own scorer. Most of that does
not change from one training to the next: a retraining with nothing new, a
new coding in a codebook whose codes do not learn terms, or a new coded
document (the others keep their evidence when their learned terms stay the
same). The evidence of a document is kept under everything it is computed
from, so a kept value is exactly what scoring again would give:

* the pipeline, the document's text (content hash) and its units (spans, token ranges, kinds);
* the codebook's state (every field the scorer reads, as :func:`scoring.codebook_scorer` keys it);
* the vocabulary the terms are weighed against (the object itself, held by the entry, as
  :func:`scoring.codebook_scorer` does; a changed project makes a new one);
* the terms learned from the other documents' codings, with their counts.

A changed coding changes the learned terms of the other documents, and so
their keys; the changed document's own units and labels are read again by
training in any case (labels are not part of the evidence).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

from lobcoder.suggest.units import Unit
from lobcoder.util.bounded_cache import BoundedCache

SIZE = 1000  # documents' evidence kept (a project of 200 coded interviews, with room for a few codebook states)


@dataclass(frozen=True)
class DocumentEvidence:
    # Per unit, the evidence per code, as pairs: tuples of strings and numbers only, which the garbage
    # collector stops tracking, so keeping every coded document's evidence does not slow each collection.
    scores: tuple[tuple[tuple[str, float], ...], ...]
    speaks: tuple[tuple[str, ...], ...]  # per unit, the codes whose own texts (not learned terms) matched


# Each entry holds its vocabulary, so the vocabulary's id (part of the key) is not reused while kept.
_kept: BoundedCache[Hashable, tuple[object, DocumentEvidence]] = BoundedCache(SIZE)


def key(
    pipeline_key: str,
    content_hash: str,
    units: Sequence[Unit],
    codebook: Hashable,
    learned: Mapping[str, Mapping[str, float]] | None,
    vocabulary: object,
) -> Hashable:
    """Everything a document's evidence is computed from (the vocabulary by identity: the entry holds it)."""
    spans = tuple((u.start, u.end, u.kind, u.tokens.start, u.tokens.stop) for u in units)
    terms = tuple(sorted((g, tuple(sorted(t.items()))) for g, t in (learned or {}).items()))
    return (pipeline_key, content_hash, spans, codebook, terms, id(vocabulary))


def get(found: Hashable) -> DocumentEvidence | None:
    entry = _kept.get(found)
    return None if entry is None else entry[1]


def put(found: Hashable, vocabulary: object, evidence: DocumentEvidence) -> None:
    _kept.put(found, (vocabulary, evidence))


def clear() -> None:
    """Forget every kept document's evidence (tests, benchmarks)."""
    _kept.clear()
