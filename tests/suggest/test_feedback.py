"""Relevance feedback: a code's coded sentences add terms to its codebook entry, matched by the codebook's machinery."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from suggest_corpus import Corpus

from lobcoder.services.codes import list_codes
from lobcoder.storage.project import ProjectStore
from lobcoder.suggest import feedback
from lobcoder.suggest import store as persistence
from lobcoder.suggest.cache import process_text, processed_texts
from lobcoder.suggest.context import UnitText
from lobcoder.suggest.evidence import CodebookEvidence
from lobcoder.suggest.examples import TrainingExample
from lobcoder.suggest.pipeline import DutchPipeline
from lobcoder.suggest.training import examples_for
from lobcoder.suggest.units import unit_words


@dataclass(frozen=True)
class Code:
    guid: str
    name: str
    id: int
    description: str = ""
    definition: str = ""
    inclusion: str = ""
    exclusion: str = ""
    examples: str = ""
    keywords: str = ""
    parent_id: int | None = None


def example(document: str, index: int, words: str, coded: bool) -> TrainingExample:
    return TrainingExample((document, index, index + 1), UnitText(tuple(words.split())), (("a", float(coded)),))


def words(pipeline: DutchPipeline, sentence: str) -> list[str]:
    processed = process_text(pipeline, sentence)
    return list(unit_words(processed, range(len(processed.lemmas))))


def test_coded_sentences_add_their_distinctive_terms_to_a_code_that_has_only_a_name(pipeline: DutchPipeline) -> None:
    coded = ["intervisie oefenen collega", "intervisie rollenspel docent", "rollenspel oefenen docent"]
    other = ["docent rooster klas", "docent examen", "rooster kantine", "stage zorg docent"] * 3
    examples = [example("d1", i, w, True) for i, w in enumerate(coded)]
    examples += [example("d1", 10 + i, w, False) for i, w in enumerate(other)]
    terms = feedback.feedback_terms(examples)["a"]
    assert {"intervisie", "rollenspel", "oefenen"} <= set(terms)
    assert "collega" not in terms and "docent" not in terms  # in one coded sentence only; in every sentence
    assert max(terms.values()) == feedback.SHARE
    assert feedback.feedback_terms(examples[:1] + examples[3:]) == {}  # one coded sentence: nothing to learn
    # Only codes whose texts say little learn terms: a definition's own terms carry.
    assert feedback.learns_terms(Code("k", "Thema K", 5, keywords="intervisie"))
    assert not feedback.learns_terms(Code("d", "Thema D", 6, definition="Leren van en met collega's."))
    codes = [Code("a", "Thema A", 1), Code("b", "Thema B", 2)]
    evidence = CodebookEvidence(pipeline, codes, learned={"a": terms})
    plain = CodebookEvidence(pipeline, codes)
    # Matched as codebook terms, also as the part of a compound no coded sentence had; shown as learned.
    sentence = words(pipeline, "Wij hebben elke maand een intervisiebijeenkomst.")
    found = evidence.score([sentence])[0]
    assert "a" in found and found["a"].learned == ("intervisie",) and found["a"].score > 0
    assert found["a"].terms == ()  # not a term of the code's texts
    assert plain.score([sentence])[0] == {}


def test_a_documents_evidence_counts_only_the_terms_learned_from_the_other_documents(
    corpus: Corpus, store: ProjectStore, pipeline: DutchPipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    with store.read() as session:
        documents = persistence.coded_documents(session)
        codes = list_codes(session)
    processed = processed_texts(store, pipeline, [(d.content_hash, d.text) for d in documents])
    examples = examples_for(pipeline, codes, documents, processed)
    leren = corpus.codes["leren"]
    coded = [e for e in examples if dict(e.cats)[leren] == 1.0]
    assert len({e.document for e in coded}) == 2
    # The codes' names say nothing about the sentences: all their evidence comes from the other document's codings.
    assert all(e.codebook == () for e in examples)
    first, second = documents
    for doc, other in ((first, second), (second, first)):
        learned = feedback.feedback_terms([e for e in examples if e.document == other.content_hash])
        own = [e for e in coded if e.document == doc.content_hash]
        assert learned[leren] and sum(dict(e.evidence).get(leren, 0.0) > 0 for e in own) >= 3  # of 5
        # A term only this document's coded sentences share is not among the terms its evidence counts.
        alone = set(feedback.feedback_terms([e for e in examples if e.document == doc.content_hash])[leren])
        assert alone - set(learned[leren])  # (there is such a term)
    monkeypatch.setattr(feedback, "ENABLED", False)
    assert all(dict(e.evidence).get(leren, 0.0) == 0.0 for e in examples_for(pipeline, codes, documents, processed))


def test_a_term_only_its_codings_gave_a_code_is_shown_as_learned_even_where_another_codes_texts_have_it(
    pipeline: DutchPipeline,
) -> None:
    codes = [
        Code("a", "Thema A", 1),
        Code("b", "Thema B", 2, definition="Docenten doen aan intervisie."),
        Code("t", "Thema T", 3),
        Code("s", "Thema S", 4, parent_id=3, definition="Docenten oefenen met een rollenspel."),
    ]
    learned = {"a": {"intervisie": 0.5}, "s": {"intervisie": 0.5}}
    evidence = CodebookEvidence(pipeline, codes, learned=learned)
    found = evidence.score([words(pipeline, "In de intervisie doen we een rollenspel.")])[0]
    assert (found["a"].terms, found["a"].learned) == ((), ("intervisie",))  # B's definition is not A's
    assert (found["b"].terms, found["b"].learned) == (("intervisie",), ())
    # A theme reads its sub-code's texts as its own, and its sub-code's learned terms as learned.
    assert "rollenspel" in found["t"].terms and "intervisie" in found["t"].learned
    assert "intervisie" not in found["t"].terms and "intervisie" in found["s"].learned
