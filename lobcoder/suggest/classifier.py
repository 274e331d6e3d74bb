"""The learned model of every code: its calibrated prediction per sentence, and how it is stored.

A :class:`Classifier` holds, per learned code, a logistic regression over the
features of :mod:`features`, the code's learned keywords (:mod:`mined`) and
the weights that combine four scores (:data:`SCORES`) into one calibrated
probability; the measured :class:`Reliability` of every code with codings;
and the coded sentences it cites ("more like this": the most similar coded
sentence of the code is kept as the reason shown with a suggestion, with the
learned keywords it matched). How it is learned: :mod:`fitting`.

Stored as plain values (a JSON-able :meth:`Classifier.meta` and a compressed
``.npz`` of arrays, no pickle); :data:`FEATURES` names what a stored model is
made of, so another version is retrained, never restored.
"""

from __future__ import annotations

import io
import threading
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy import sparse

from lobcoder.suggest import mined, stacking
from lobcoder.suggest.context import UnitText
from lobcoder.suggest.evidence import prior_logit
from lobcoder.suggest.features import LEARNED, Vectorizer

FEATURES = (
    "lemmas+pairs, question, neighbours; learned keywords; nearest; adjusts codebook log-odds; feedback terms;"
    " nested reliability; v9"
)
MIN_EXAMPLES = 5  # coded sentences a code needs before its reliability counts
RELIABLE_F1 = 0.4
DEFAULT_THRESHOLD = 0.5
NEAREST = 3  # coded sentences whose mean similarity is a score
SCORES = ("evidence", "decision", "mined", "nearest")


@dataclass(frozen=True)
class Reliability:
    """How a code's suggestions did on the training documents it was not trained on (cross-validated)."""

    examples: int  # coded sentences learned from
    documents: int  # documents they are in
    threshold: float
    precision: float | None  # None: not measured (codings in fewer than two documents)
    recall: float | None
    f1: float | None
    source: str  # "learned" or "codebook"

    @property
    def reliable(self) -> bool:
        return self.examples >= MIN_EXAMPLES and self.f1 is not None and self.f1 >= RELIABLE_F1

    @property
    def problem(self) -> str:
        """Why the code is not reliable: "too_few", "low_f1", "not_measured"; "" if it is."""
        if self.examples < MIN_EXAMPLES:
            return "too_few"
        if self.f1 is None:
            return "not_measured"
        return "" if self.f1 >= RELIABLE_F1 else "low_f1"


@dataclass(frozen=True)
class Prediction:
    probability: float
    nearest: str = ""  # the most similar coded sentence of the code ("more like this")
    similarity: float = 0.0
    terms: tuple[str, ...] = ()  # learned keywords of the code that the unit contains


@dataclass
class CodeModel:
    guid: str
    coef: np.ndarray  # over the vectorizer's features
    intercept: float
    stack: tuple[float, ...]  # p = sigmoid(weights . SCORES + intercept), the intercept last
    reliability: Reliability
    terms: dict[str, float] = field(default_factory=dict)  # learned keywords and their z-scores


@dataclass(eq=False)
class Classifier:
    """Learned codes, the measured reliability of every code with codings, and the coded sentences to cite."""

    vectorizer: Vectorizer
    models: dict[str, CodeModel]
    reliability: dict[str, Reliability]
    positives: dict[str, int]
    seen: frozenset[str]
    examples: int
    cite_matrix: sparse.csr_matrix  # lemma features of the coded sentences
    cite_texts: tuple[str, ...]
    cite_codes: tuple[tuple[str, ...], ...]
    feedback: dict[str, dict[str, float]] = field(default_factory=dict)  # terms each code adds to its codebook entry
    evidence: str = ""  # examples.evidence_digest of the examples learned from
    inputs: str = ""  # training.inputs_digest of what it was trained from ("": not known, an older model)
    # Codes that had codings when it was trained, measured or not (None: not known, an older model): one with
    # codings but no coded sentence (only the interviewer's words, say) is told from one coded since.
    coded: frozenset[str] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(sorted(self.models))

    def threshold(self, guid: str) -> float:
        found = self.reliability.get(guid)
        return found.threshold if found is not None else DEFAULT_THRESHOLD

    def predict(
        self, units: Sequence[UnitText], evidence: Sequence[Mapping[str, float]]
    ) -> list[dict[str, Prediction]]:
        """Per unit, the calibrated probability of each learned code (units without words get none)."""
        result: list[dict[str, Prediction]] = [{} for _ in units]
        if not self.models or not units:
            return result
        matrix, lemma = self.vectorizer.transform_both(units, LEARNED, ("w",))
        similar = (lemma @ self.cite_matrix.T).toarray() if self.cite_texts else np.zeros((len(units), 0))
        found_terms = [mined.terms(u.words) for u in units]
        for guid, model in self.models.items():
            odds = np.array([prior_logit(e.get(guid, 0.0)) for e in evidence])
            decision = matrix @ model.coef + model.intercept
            matched = [mined.score(t, model.terms) for t in found_terms]
            cites = [i for i, codes in enumerate(self.cite_codes) if guid in codes]
            own = similar[:, cites]
            near = nearest_mean(own) if cites else np.zeros(len(units))
            columns = np.column_stack([odds, decision, [m[0] for m in matched], near])
            probability = stacking.sigmoid(columns @ np.array(model.stack[:-1]) + model.stack[-1])
            closest = own.argmax(axis=1) if cites else np.zeros(len(units), dtype=int)  # the first of equals
            for row, unit in enumerate(units):
                if not unit.words:
                    continue
                text, best = "", 0.0
                if cites:
                    col = cites[int(closest[row])]
                    text, best = self.cite_texts[col], float(similar[row, col])
                result[row][guid] = Prediction(float(probability[row]), text, best, matched[row][1])
        return result

    # -- storing ----------------------------------------------------------------------

    def meta(self) -> dict[str, Any]:
        return {
            "features": FEATURES,
            "labels": list(self.labels),
            "positives": self.positives,
            "seen": sorted(self.seen),
            "evidence": self.evidence,
            "reliability": {g: r.__dict__ for g, r in sorted(self.reliability.items())},
            "calibration": {g: [m.intercept, *m.stack] for g, m in sorted(self.models.items())},
            "terms": {g: m.terms for g, m in sorted(self.models.items())},
            "cite_texts": list(self.cite_texts),
            "cite_codes": [list(c) for c in self.cite_codes],
            "feedback": self.feedback,
            "inputs": self.inputs,
            "coded": sorted(self.coded) if self.coded is not None else None,
        }

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        labels = self.labels
        coef = np.vstack([self.models[g].coef for g in labels]) if labels else np.zeros((0, self.vectorizer.size))
        np.savez(
            buffer,
            vocabulary=np.array(self.vectorizer.vocabulary, dtype=str),
            idf=self.vectorizer.idf,
            coef=coef.astype(np.float32),
            cite_data=self.cite_matrix.data,
            cite_indices=self.cite_matrix.indices,
            cite_indptr=self.cite_matrix.indptr,
        )
        return zlib.compress(buffer.getvalue())

    @classmethod
    def from_bytes(cls, meta: dict[str, Any], blob: bytes, examples: int) -> Classifier:
        arrays = np.load(io.BytesIO(zlib.decompress(blob)), allow_pickle=False)
        vectorizer = Vectorizer([str(v) for v in arrays["vocabulary"]], arrays["idf"])
        reliability = {g: Reliability(**r) for g, r in meta["reliability"].items()}
        models = {}
        for row, guid in enumerate(meta["labels"]):
            intercept, *stack = meta["calibration"][guid]
            coef = arrays["coef"][row].astype(np.float64)
            terms = {str(t): float(w) for t, w in meta["terms"][guid].items()}
            models[guid] = CodeModel(guid, coef, intercept, tuple(stack), reliability[guid], terms)
        cite = sparse.csr_matrix(
            (arrays["cite_data"], arrays["cite_indices"], arrays["cite_indptr"]),
            shape=(len(meta["cite_texts"]), vectorizer.size),
        )
        return cls(
            vectorizer,
            models,
            reliability,
            dict(meta["positives"]),
            frozenset(meta["seen"]),
            examples,
            cite,
            tuple(meta["cite_texts"]),
            tuple(tuple(c) for c in meta["cite_codes"]),
            {str(g): {str(t): float(n) for t, n in terms.items()} for g, terms in meta["feedback"].items()},
            str(meta["evidence"]),
            str(meta["inputs"]),
            frozenset(meta["coded"]) if meta.get("coded") is not None else None,
        )


def nearest_mean(similar: np.ndarray) -> np.ndarray:
    """Per row, the mean of its :data:`NEAREST` highest similarities."""
    if similar.shape[1] == 0:
        return np.zeros(similar.shape[0])
    k = min(NEAREST, similar.shape[1])
    return np.partition(similar, similar.shape[1] - k, axis=1)[:, -k:].mean(axis=1)
