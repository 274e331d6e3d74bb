"""The project's vocabulary: codebook terms are weighed against all documents, and it follows document changes."""

from __future__ import annotations

import pytest
from suggest_corpus import NEUTRAL, add_transcript, transcript

from lobcoder.services.codes import create_code
from lobcoder.services.documents import delete_document, get_document
from lobcoder.storage.project import ProjectStore
from lobcoder.suggest import evidence, vocabulary
from lobcoder.suggest.pipeline import DutchPipeline
from lobcoder.suggest.ranking import Suggestion, suggest
from lobcoder.suggest.vocabulary import ProjectVocabulary, project_vocabulary, sentence_lemmas

ROOSTER = "Het nieuwe rooster is echt lastig."
BUSY = [
    "Het rooster verandert elke week.",
    "Over het rooster wordt veel geklaagd.",
    "Het rooster hangt in de docentenkamer.",
    "Iedereen kijkt eerst naar het rooster.",
    "Het rooster is pas vrijdag bekend.",
]


def _score(store: ProjectStore, document_id: int, guid: str, pipeline: DutchPipeline) -> float:
    """The score of the code's suggestion for the first sentence with ROOSTER."""
    with store.read() as session:
        start = get_document(session, document_id).text.index(ROOSTER)
    found = suggest(store, document_id, pipeline=pipeline, min_score=0.0)
    return next(s.score for s in found if s.code_guid == guid and s.start <= start < s.end)


def test_sentence_lemmas_are_content_lemmas_per_sentence(pipeline: DutchPipeline) -> None:
    found = sentence_lemmas(pipeline, "De docenten oefenen samen. Het rooster!\nIk werk hier.")
    assert found[0] == ["docent", "oefenen", "samen"]
    assert found[1] == ["rooster"]
    assert all("het" not in words and "de" not in words for words in found)


def test_a_word_the_other_documents_use_everywhere_weighs_less(store: ProjectStore, pipeline: DutchPipeline) -> None:
    with store.transaction() as session:
        guid = create_code(session, "Rooster", definition="Het rooster en de planning van de lessen.").guid
        create_code(session, "Visie", definition="De directie schrijft de visie op loopbaanbegeleiding.")
    pairs = [(ROOSTER, NEUTRAL[0])] + [(NEUTRAL[i], NEUTRAL[i + 1]) for i in range(1, 9, 2)]
    target = add_transcript(store, "doel", transcript(pairs * 3))
    alone = _score(store, target, guid, pipeline)
    for number in range(3):  # documents where every answer is about the timetable
        add_transcript(store, f"rooster{number}", transcript([(a, b) for a in BUSY for b in NEUTRAL[:2]]))
    common = _score(store, target, guid, pipeline)
    assert 0.0 < common < alone  # the same sentence, now weighed against a project that talks of nothing else


def test_the_vocabulary_follows_added_and_removed_documents(store: ProjectStore, pipeline: DutchPipeline) -> None:
    add_transcript(store, "een", transcript([(n, NEUTRAL[0]) for n in NEUTRAL[1:]]))
    first = project_vocabulary(store, pipeline)
    assert project_vocabulary(store, pipeline) is first  # kept while nothing changes
    assert first.df.get("rooster", 0) == 1 and isinstance(first, ProjectVocabulary)
    added = add_transcript(store, "twee", transcript([(a, NEUTRAL[2]) for a in BUSY]))
    second = project_vocabulary(store, pipeline)
    assert second.df["rooster"] == 1 + len(BUSY) and second.units > first.units
    with store.transaction() as session:
        delete_document(session, added)
    assert project_vocabulary(store, pipeline).df == first.df


TOPICS = [
    ["cursus", "bijscholing", "trainer", "workshop", "studiedag"],
    ["rooster", "lokaal", "kantine", "vakantie", "pauze"],
    ["stage", "bedrijf", "praktijkopleider", "leerbedrijf", "werkplek"],
]


def _linking_text() -> str:
    """Answers in which each topic's words go together, so the project's text links them."""
    lines = ["Interview over LOB.", ""]
    for words in TOPICS:
        for i in range(len(words)):
            for j in range(i + 1, len(words)):
                lines += [
                    "I: Kun je daar iets over vertellen?",
                    f"Anna: Over de {words[i]} en de {words[j]} praten we.",
                ]
    return "\n".join(lines) + "\n"


def test_a_code_is_reached_through_a_word_the_project_links_to_its_definition(
    store: ProjectStore, pipeline: DutchPipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Related words are off by default (docs/SUGGESTIONS.md); switched on, the project's text links them."""
    with store.transaction() as session:
        guid = create_code(session, "Scholing", definition="Docenten volgen een cursus.").guid
        create_code(session, "Stage", definition="Studenten lopen stage in een bedrijf.")
    add_transcript(store, "verbanden", _linking_text())
    sentence = "De bijscholing was heel nuttig."
    text = transcript([(sentence, NEUTRAL[4]), (NEUTRAL[1], NEUTRAL[2])])
    target = add_transcript(store, "doel", text)

    def scholing() -> list[Suggestion]:
        found = suggest(store, target, pipeline=pipeline, min_score=0.05)
        return [s for s in found if s.code_guid == guid and s.start == text.index(sentence)]

    assert scholing() == []  # off: no word of the sentence is in the codebook
    monkeypatch.setattr(vocabulary, "VECTORS", True)
    monkeypatch.setattr(evidence, "RELATED_SHARE", 0.5)
    vocabulary.clear_vocabularies()
    assert "bijscholing" in [w for w, _ in project_vocabulary(store, pipeline).related("cursus", 4)]
    found = scholing()
    assert found and "bijscholing" in found[0].derived


def test_exclusion_criteria_still_lower_a_suggestion(store: ProjectStore, pipeline: DutchPipeline) -> None:
    definition = "Docenten oefenen samen loopbaangesprekken in intervisie."
    with store.transaction() as session:
        plain = create_code(session, "Samen oefenen", definition=definition).guid
        excluding = create_code(
            session, "Samen oefenen (docenten)", definition=definition, exclusion="Wat studenten in de klas oefenen."
        ).guid
    sentence = "De studenten oefenen in de klas samen loopbaangesprekken."
    text = transcript([(sentence, NEUTRAL[4])] + [(NEUTRAL[i], NEUTRAL[i + 1]) for i in range(5, 9, 2)] * 4)
    target = add_transcript(store, "doel", text)
    start = text.index(sentence)
    scores = {
        s.code_guid: s for s in suggest(store, target, pipeline=pipeline, min_score=0.0) if s.start <= start < s.end
    }
    assert project_vocabulary(store, pipeline).units >= 20  # weighed against the project, not one short document
    assert {"student", "klas"} <= set(scores[excluding].against)
    assert scores[excluding].score < scores[plain].score
