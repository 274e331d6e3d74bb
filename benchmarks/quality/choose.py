"""``--choose``: which document to code next, by strategy (the curves themselves: ``choose_next.py``)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

import choose_next

from lobcoder.services.codes import CodeInfo
from lobcoder.suggest.cache import process_text
from lobcoder.suggest.pipeline import load_pipeline
from lobcoder.suggest.store import CodedDocument

from .corpora import corpus_vocabulary
from .settings import names_only, without_keywords


def choose_curve(
    args: argparse.Namespace, codes: Sequence[CodeInfo], documents: Sequence[CodedDocument], evaluated: Sequence[str]
) -> dict[str, Any]:
    """``--choose``: F1 after 1..``--choose-steps`` coded documents, chosen by each strategy (see choose_next.py)."""
    pipeline = load_pipeline(offline=True)
    processed = {d.content_hash: process_text(pipeline, d.text) for d in documents}
    vocabulary = corpus_vocabulary(pipeline, documents, args.per_document_vocabulary)
    settings = {"definitions + N docs (combined)": without_keywords, "code names + N docs (combined)": names_only}
    result = choose_next.curve(
        pipeline,
        codes,
        documents,
        evaluated,
        processed,
        vocabulary,
        settings,
        args.choose,
        args.choose_steps,
        args.runs,
        args.seed,
    )
    choose_next.print_curve(result, args.choose_steps)
    return result
