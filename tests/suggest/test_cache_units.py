"""The NLP cache (parse once per text and pipeline) and the units that get suggestions."""

from __future__ import annotations

import pytest
from server_projects import reopened as reopen
from sqlalchemy import func, select
from suggest_corpus import add_transcript, transcript

from lobcoder.services.documents import get_document
from lobcoder.storage.models import NlpCache
from lobcoder.storage.project import ProjectStore
from lobcoder.suggest import cache
from lobcoder.suggest.cache import processed_texts
from lobcoder.suggest.pipeline import DutchPipeline
from lobcoder.suggest.units import Coded, Unit, coded, document_units


def test_each_text_is_parsed_once_and_kept_in_the_project(
    store: ProjectStore, pipeline: DutchPipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = transcript([("We leren samen.", "Dat gaat goed.")])
    doc_id = add_transcript(store, "a", text)
    with store.read() as session:
        view = get_document(session, doc_id)
    first = processed_texts(store, pipeline, [(view.content_hash, view.text)])[0]
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(NlpCache)) == 1

    def no_parsing(*_: object) -> None:
        raise AssertionError("parsed twice")

    monkeypatch.setattr(cache, "process_text", no_parsing)
    assert processed_texts(store, pipeline, [(view.content_hash, view.text)])[0] is first  # memory
    cache.clear_memory()
    store.close()
    with reopen(store) as reopened:
        again = processed_texts(reopened, pipeline, [(view.content_hash, view.text)])[0]  # the project
    assert again == first


def test_units_leave_out_header_and_interviewer(store: ProjectStore, pipeline: DutchPipeline) -> None:
    text = transcript([("We leren samen. Dat gaat goed.", "Echt waar."), ("Kort antwoord.", "")])
    doc_id = add_transcript(store, "a", text)
    with store.read() as session:
        view = get_document(session, doc_id)
    processed = processed_texts(store, pipeline, [(view.content_hash, view.text)])[0]
    units = document_units(view.text, processed, view.turns)
    shown = [(u.kind, text[u.start : u.end]) for u in units]
    assert shown == [
        ("turn", "We leren samen. Dat gaat goed. Echt waar."),
        ("sentence", "We leren samen."),
        ("sentence", "Dat gaat goed."),
        ("sentence", "Echt waar."),
        ("sentence", "Kort antwoord."),  # a one-sentence turn is one unit
    ]
    assert not any("Interview over LOB" in text[u.start : u.end] for u in units)
    assert not any("vertellen" in text[u.start : u.end] for u in units)


def test_without_turns_every_sentence_is_a_unit(store: ProjectStore, pipeline: DutchPipeline) -> None:
    text = "Eerste zin hier. Tweede zin daar."
    doc_id = add_transcript(store, "plain", text)
    with store.read() as session:
        view = get_document(session, doc_id)
    processed = processed_texts(store, pipeline, [(view.content_hash, view.text)])[0]
    assert [text[u.start : u.end] for u in document_units(text, processed, view.turns)] == [
        "Eerste zin hier.",
        "Tweede zin daar.",
    ]


def test_when_a_unit_counts_as_coded() -> None:
    sentence = Unit(100, 200, "sentence", range(0))
    turn = Unit(100, 200, "turn", range(0))
    assert coded(sentence, [(90, 160)]) is Coded.YES  # covers 60%
    assert coded(sentence, [(100, 120), (130, 170)]) is Coded.YES  # together 60%
    assert coded(sentence, [(150, 170)]) is Coded.YES  # a short coding wholly inside a sentence
    assert coded(turn, [(150, 170)]) is Coded.PARTLY  # but not inside a turn
    assert coded(sentence, [(0, 110)]) is Coded.PARTLY  # grazes it
    assert coded(sentence, [(0, 100), (200, 300)]) is Coded.NO  # touching is not overlapping


def test_a_transcriber_note_is_not_cut_open_by_the_sentence_before_it() -> None:
    """'belangrijk. [lacht] Ik denk ...' was split into '... belangrijk. [' and 'lacht] Ik denk ...':
    a suggestion for the first would code a stray bracket."""
    from lobcoder.suggest.cache import process_text
    from lobcoder.suggest.pipeline import load_pipeline

    text = "Docent: Ja, samen leren is belangrijk. [lacht] Ik denk dat het goed is. Nou ja. (zucht) Het is zo.\n"
    found = [text[s:e] for s, e in process_text(load_pipeline(offline=True), text).sentences]
    assert all(not sentence.endswith(("[", "(")) for sentence in found), found
    assert "Docent: Ja, samen leren is belangrijk." in found
    assert any(sentence.startswith("[lacht]") for sentence in found)
    assert any(sentence.startswith("(zucht)") for sentence in found)
