"""The settings runner: each setting on held-out documents after learning from documents drawn at random."""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Sequence
from typing import Any

from lobcoder.services.codes import CodeInfo
from lobcoder.suggest.cache import process_text
from lobcoder.suggest.classifier import Reliability
from lobcoder.suggest.evaluation import _Counts, _method, _new_counts, run_split
from lobcoder.suggest.pipeline import load_pipeline
from lobcoder.suggest.store import CodedDocument
from lobcoder.suggest.units import document_units

from .corpora import corpus_vocabulary
from .marks import mark_rows
from .settings import SETTINGS


@dataclasses.dataclass(frozen=True)
class Amount:
    """How much coded text a learned setting learns from: ``documents`` drawn at random, or, with
    ``sentences``, documents drawn at random until they hold at least that many respondent sentences."""

    documents: int = 3
    sentences: int | None = None

    @property
    def label(self) -> str:
        return f"{self.sentences} sent." if self.sentences else f"{self.documents} docs"


def respondent_sentences(document: CodedDocument, processed: Any) -> int:
    """The sentences of a document that suggestions are scored on (respondent sentences, not turns)."""
    return sum(u.kind == "sentence" for u in document_units(document.text, processed, document.turns))


def draw(rng: random.Random, documents: Sequence[CodedDocument], amount: Amount, sizes: dict[int, int]) -> list:
    """The documents learned from in one run (whole documents: the rest is held out, document-level)."""
    if amount.sentences is None:
        return rng.sample(list(documents), amount.documents)
    chosen, total = [], 0
    for doc in rng.sample(list(documents), len(documents)):
        if total >= amount.sentences:
            break
        chosen.append(doc)
        total += sizes[doc.id]
    if len(chosen) == len(documents):
        raise SystemExit(f"--train-sentences {amount.sentences}: no document would be left to suggest on")
    return chosen


def _merge(into: _Counts, part: _Counts) -> None:
    for key, cell in part.cells.items():
        into.cells[key] = [a + b for a, b in zip(into.cells[key], cell, strict=True)]
    for key, found in part.thresholds.items():
        into.thresholds[key].extend(found)
    for guid, support in part.support.items():
        into.support[guid] += support
    for method, top in part.top.items():
        into.top[method].extend(top)
    into.sentences += part.sentences


def measure(
    codes: Sequence[CodeInfo],
    documents: Sequence[CodedDocument],
    evaluated_names: Sequence[str],
    runs: int,
    seed: int,
    per_document: bool = False,
    amount: Amount = Amount(),
    learning_only: bool = False,
    marks: list[dict[str, Any]] | None = None,
    settings: dict[str, tuple[Any, bool]] | None = None,
) -> dict[str, dict[str, Any]]:
    """Micro/macro scores per setting; ``amount``: what the learned settings learn from.

    ``learning_only``: only the settings that learn. ``marks``: gets one row per run and code of
    the learned settings (see :func:`mark_rows`). ``settings``: instead of :data:`SETTINGS`.
    """
    pipeline = load_pipeline(offline=True)
    processed = {d.content_hash: process_text(pipeline, d.text) for d in documents}
    sizes = {d.id: respondent_sentences(d, processed[d.content_hash]) for d in documents}
    vocabulary = corpus_vocabulary(pipeline, documents, per_document)
    results: dict[str, dict[str, Any]] = {}
    for label, (variant, learns) in (settings or SETTINGS).items():
        if learning_only and not learns:
            continue
        label = label.replace("3 docs", amount.label)
        variant_codes = variant(codes)
        evaluated = [c for c in variant_codes if c.name in evaluated_names]
        method = "combined" if learns else "codebook"
        if label.startswith("names"):
            method = "learned"
        # With codings, the codebook alone is measured on the same held-out documents too (the fair comparison).
        methods = (method, "codebook") if method == "combined" else (method,)
        counts = _new_counts(evaluated, methods)
        rng = random.Random(seed)
        trained_sentences = []
        for run in range(runs if learns else 1):
            chosen = draw(rng, documents, amount, sizes) if learns else []
            trained_sentences.append(sum(sizes[d.id] for d in chosen))
            ids = {d.id for d in chosen}
            rest = [d for d in documents if d.id not in ids]
            part = _new_counts(evaluated, methods)
            found: dict[str, Reliability] = {}
            run_split(
                pipeline,
                variant_codes,
                chosen,
                rest,
                processed,
                part,
                methods=methods,
                evaluated=evaluated,
                seed=seed + run,
                vocabulary=vocabulary,
                marks=found,
            )
            _merge(counts, part)
            if learns and marks is not None:
                for row in mark_rows(found, part, method, evaluated):
                    marks.append({"setting": label, "amount": amount.label, "run": run, "documents": len(chosen)} | row)
        alone = f"  {label.split(' + ')[0]}, same held-out"
        for name, measured in zip((label, alone), methods, strict=False):
            result = _method(measured, True, evaluated, counts, {})
            results[name] = {
                "micro_p": result.micro.precision,
                "micro_r": result.micro.recall,
                "micro_f1": result.micro.f1,
                "macro_f1": result.macro_f1,
                "top10_p": result.top_precision,
                "per_code_f1": {r.code: r.scores.f1 for r in result.per_code},
                "trained_sentences": sum(trained_sentences) / len(trained_sentences),
            }
    return results
