"""Issue 10's reference: a hand-written keyword list per theme, scored alone and as the codebook's keywords."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lobcoder.services.codes import CodeInfo
from lobcoder.suggest.cache import process_text
from lobcoder.suggest.evaluation import _method, _new_counts
from lobcoder.suggest.pipeline import load_pipeline
from lobcoder.suggest.store import CodedDocument
from lobcoder.suggest.units import Coded, coded, document_units

KEYWORD_BASELINE = Path(__file__).parent.parent / "data" / "keyword_baseline.json"


def keyword_lists(path: Path = KEYWORD_BASELINE) -> dict[str, list[str]]:
    return json.loads(path.read_text(encoding="utf-8"))["themes"]


def list_settings(lists: dict[str, list[str]]) -> dict[str, tuple[Any, bool]]:
    """The codebook with the hand-written list as its only keywords (themes; sub-codes without), as a
    researcher would use it with ``--keywords``."""

    def variant(codes: Sequence[CodeInfo]) -> list[CodeInfo]:
        return [dataclasses.replace(c, keywords="\n".join(lists.get(c.name, ()))) for c in codes]

    return {
        "codebook, list as keywords, 0 docs": (variant, False),
        "codebook, list as keywords + 3 docs": (variant, True),
    }


def keyword_baseline(
    codes: Sequence[CodeInfo],
    documents: Sequence[CodedDocument],
    evaluated_names: Sequence[str],
    lists: dict[str, list[str]],
) -> dict[str, Any] | None:
    """Issue 10's reference: a sentence gets a code when one of its words (surface form or lemma,
    case-insensitive) is in the code's hand-written list. None when a code evaluated has no list."""
    evaluated = [c for c in codes if c.name in evaluated_names]
    if any(c.name not in lists for c in evaluated):
        return None
    pipeline = load_pipeline(offline=True)
    words = {}
    for code in evaluated:
        entries = [w.lower() for w in lists[code.name]]
        lemmas = [lemma for entry in entries for lemma in process_text(pipeline, entry).lemmas]  # as in the text
        words[code.guid] = set(entries) | {lemma.lower() for lemma in lemmas}
    counts = _new_counts(evaluated, ("keywords",))
    for doc in documents:
        processed = process_text(pipeline, doc.text)
        for unit in document_units(doc.text, processed, doc.turns):
            counts.sentences += 1
            for code in evaluated:
                state = coded(unit, doc.codings.get(code.guid, ()))
                if state is Coded.PARTLY:
                    continue
                hit = any(
                    processed.lowers[i] in words[code.guid] or processed.lemmas[i].lower() in words[code.guid]
                    for i in unit.tokens
                )
                is_true = state is Coded.YES
                counts.support[code.guid] += is_true
                if hit or is_true:
                    counts.cells[("keywords", code.guid)][0 if hit and is_true else 1 if hit else 2] += 1
    result = _method("keywords", True, evaluated, counts, {})
    return {
        "micro_p": result.micro.precision,
        "micro_r": result.micro.recall,
        "micro_f1": result.micro.f1,
        "macro_f1": result.macro_f1,
        "top10_p": None,
        "per_code_f1": {r.code: r.scores.f1 for r in result.per_code},
    }
