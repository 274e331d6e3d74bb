"""Fixtures for the suggestion tests: the offline pipeline, fresh in-memory caches, a coded corpus."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from suggest_corpus import LEREN, NEUTRAL, VISIE, Corpus, add_transcript, code_sentences, transcript

from lobcoder.services.codes import create_code
from lobcoder.storage.project import ProjectStore
from lobcoder.suggest import cache, evidence_cache, training, vocabulary
from lobcoder.suggest.pipeline import DutchPipeline, load_pipeline


@pytest.fixture(scope="session")
def pipeline() -> DutchPipeline:
    return load_pipeline(offline=True)


@pytest.fixture(scope="session")
def bench() -> ModuleType:
    """``benchmarks/suggestion_quality.py``, loaded as a module (it is a script, not a package); once loaded,
    its parts (``benchmarks/quality/``) and its sibling ``choose_next.py`` import as top-level modules."""
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "suggestion_quality.py"
    spec = importlib.util.spec_from_file_location("suggestion_quality", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def _fresh_memory() -> Iterator[None]:
    """In-memory caches are process-wide; tests start without them."""
    cache.clear_memory()
    training.clear_loaded_models()
    vocabulary.clear_vocabularies()
    evidence_cache.clear()
    yield


@pytest.fixture
def corpus(store: ProjectStore) -> Corpus:
    """Two documents: each answer pairs a coded sentence (learning or vision) with a neutral one."""
    with store.transaction() as session:
        # Names that say nothing about the sentences: what the codes mean is learned from the codings.
        leren = create_code(session, "Thema A", keywords="")
        visie = create_code(session, "Thema B", keywords="")
        session.flush()
        codes, code_ids = {"leren": leren.guid, "visie": visie.guid}, {"leren": leren.id, "visie": visie.id}
    documents = {}
    for part in (0, 1):
        chosen_l, chosen_v = LEREN[part::2], VISIE[part::2]
        neutral = NEUTRAL[part * 5 : part * 5 + 5]
        pairs = [(a, n) for a, n in zip(chosen_l, neutral, strict=True)] + [
            (n, v) for v, n in zip(chosen_v, reversed(neutral), strict=True)
        ]
        text = transcript(pairs)
        name = f"Docent0{part + 1}_w1"
        documents[name] = add_transcript(store, name, text)
        code_sentences(store, documents[name], text, code_ids["leren"], chosen_l)
        code_sentences(store, documents[name], text, code_ids["visie"], chosen_v)
    return Corpus(store, documents, codes, code_ids)
