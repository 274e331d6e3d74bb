"""The Dutch pipeline: the full model when installed, else the offline one; lemmas and sentences."""

from __future__ import annotations

import threading

import pytest

from lobcoder.suggest import pipeline as pipeline_module
from lobcoder.suggest.cache import process_text
from lobcoder.suggest.pipeline import (
    INSTALL_HINT,
    MODEL_NAME,
    OFFLINE_NAME,
    DutchPipeline,
    load_pipeline,
    model_installed,
    reset_pipeline,
)


@pytest.fixture
def clean_loader(monkeypatch: pytest.MonkeyPatch) -> None:
    """No pipeline loaded yet; the ones loaded before the test are back afterwards."""
    monkeypatch.setattr(pipeline_module, "_loaded", {})


def test_offline_pipeline_when_the_model_cannot_be_loaded(clean_loader: None, monkeypatch: pytest.MonkeyPatch) -> None:
    import spacy

    def missing(name: str, **_: object) -> None:
        raise OSError(f"[E050] Can't find model '{name}'")

    monkeypatch.setattr(spacy, "load", missing)
    loaded = load_pipeline()
    assert loaded.name == OFFLINE_NAME == "offline: blank nl + lookup lemmas + sentencizer"
    assert not loaded.is_full_model
    assert "python -m spacy download nl_core_news_sm" in INSTALL_HINT
    assert "internet" in INSTALL_HINT and "GitHub" in INSTALL_HINT
    assert load_pipeline() is loaded  # loaded once
    reset_pipeline()
    assert load_pipeline() is not loaded


def test_forced_offline_pipeline_lemmas_and_sentence_spans(pipeline: DutchPipeline) -> None:
    text = "De docenten leerden samen. Dat was fijn!\nEn de loopbaangesprekken met studenten gingen goed."
    processed = process_text(pipeline, text)
    lemmas = dict(zip(processed.lowers, processed.lemmas, strict=True))
    assert lemmas["docenten"] == "docent"
    assert lemmas["leerden"] == "leren"
    assert lemmas["loopbaangesprekken"] == "loopbaangesprek"  # compound head looked up on its own
    assert lemmas["studenten"] == "student"  # regular plural the table lacks
    assert [text[s:e] for s, e in processed.sentences] == [
        "De docenten leerden samen.",
        "Dat was fijn!",
        "En de loopbaangesprekken met studenten gingen goed.",
    ]
    for start, end, lower in zip(processed.starts, processed.ends, processed.lowers, strict=True):
        assert text[start:end].lower() == lower


def test_offsets_are_code_points_after_astral_characters(pipeline: DutchPipeline) -> None:
    text = "Goed 😀. Wij leren samen."
    processed = process_text(pipeline, text)
    assert [text[s:e] for s, e in processed.sentences][-1] == "Wij leren samen."


def test_loading_from_many_threads_gives_one_pipeline(clean_loader: None) -> None:
    found: list[DutchPipeline] = []
    threads = [threading.Thread(target=lambda: found.append(load_pipeline(offline=True))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(p) for p in found}) == 1


def test_environment_variable_forces_offline(clean_loader: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(pipeline_module.FORCE_OFFLINE_ENV, "1")
    assert load_pipeline().name == OFFLINE_NAME


@pytest.mark.skipif(not model_installed(), reason=f"{MODEL_NAME} is not installed")
def test_full_model_is_used_when_installed(clean_loader: None) -> None:
    loaded = load_pipeline()
    assert loaded.is_full_model
    assert loaded.name.startswith(f"{MODEL_NAME} 3.")
    assert "ner" not in loaded.nlp.pipe_names
    processed = process_text(loaded, "De docenten leerden samen. Dat was fijn.")
    assert len(processed.sentences) == 2
    assert "docent" in processed.lemmas
