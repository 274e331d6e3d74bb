"""Detection: the project's own lists, the term list, deduce; one entity per person, stored decisions."""

from __future__ import annotations

from pathlib import Path

import pytest

from lobcoder.importing.speakers import detect_turns
from lobcoder.pseudonymise.categories import Category
from lobcoder.pseudonymise.decisions import load_decisions, save_decisions
from lobcoder.pseudonymise.detect import detect
from lobcoder.pseudonymise.termlist import Decision, TermListError, read_term_list, write_term_list
from lobcoder.services.documents import add_document
from lobcoder.storage.project import ProjectStore


def by_term(entities: list) -> dict:
    return {e.term: e for e in entities}


def test_project_lists_give_consistent_role_pseudonyms(demo_copy: Path) -> None:
    with ProjectStore.open(demo_copy) as store:
        entities = by_term(detect(store, use_deduce=False))
    marieke = entities["Marieke"]
    assert (marieke.category, marieke.pseudonym, marieke.confidence) == (Category.PERSON, "Docent 1", 1.0)
    # Both of Marieke's interviews (waves 1 and 3): one entity, one pseudonym.
    assert {"docent1_marieke_ronde1", "docent1_marieke_ronde3"} <= set(marieke.documents)
    assert entities["Ruud"].pseudonym == "Teamleider 1"
    assert entities["ROC Veenstroom"].category is Category.SCHOOL
    schools = {entities["ROC Veenstroom"].pseudonym, entities["Meerwijk College"].pseudonym}
    assert schools == {"School A", "School B"}
    assert entities["ROC Veenstroom"].count >= 2


def test_term_list_overrides_and_adds(demo_copy: Path, tmp_path: Path) -> None:
    terms = tmp_path / "terms.csv"
    terms.write_text(
        "term;categorie;pseudoniem\nMarieke;persoon;Docent A\nVerzorgende-IG;overig;[opleiding]\n", "utf-8"
    )
    decisions = read_term_list(terms)
    with ProjectStore.open(demo_copy) as store:
        entities = by_term(detect(store, decisions=decisions, use_deduce=False))
    assert entities["Marieke"].pseudonym == "Docent A"
    assert entities["Verzorgende-IG"].pseudonym == "[opleiding]" and entities["Verzorgende-IG"].count > 0
    assert entities["Verzorgende-IG"].sources == ("terms",)


def test_inflections_are_one_entity(store: ProjectStore) -> None:
    with store.transaction() as session:
        text = "Anna: Ik werk met Pieter.\n\nI: En Pieters klas?\n\nAnna: Pieter's klas is leuk."
        add_document(session, "a", text, detect_turns(text))
        add_document(session, "b", "Pieter zegt niets.")
    decisions = [Decision("Pieter", Category.PERSON, "")]
    entities = by_term(detect(store, decisions=decisions, use_deduce=False))
    pieter = entities["Pieter"]
    assert pieter.count == 4 and pieter.documents == ("a", "b") and pieter.pseudonym == "Persoon 2"
    assert entities["Anna"].pseudonym == "Persoon 1"  # a speaker; numbered by first appearance


def test_term_list_round_trip_and_bad_file(demo_copy: Path, tmp_path: Path) -> None:
    with ProjectStore.open(demo_copy) as store:
        entities = detect(store, use_deduce=False)
    out = tmp_path / "findings.csv"
    write_term_list(out, entities)
    back = read_term_list(out)
    assert [(d.term, d.category, d.pseudonym, d.accepted) for d in back] == [
        (e.term, e.category, e.pseudonym, e.accepted) for e in entities
    ]
    bad = tmp_path / "bad.csv"
    bad.write_text("naam,x\nMarieke,y\n", "utf-8")
    with pytest.raises(TermListError, match="bad.csv: has no 'term' column"):
        read_term_list(bad)


def test_decisions_are_stored_in_the_project(demo_copy: Path) -> None:
    with ProjectStore.open(demo_copy) as store:
        with store.transaction() as session:
            save_decisions(
                session, [Decision("Joost", Category.PERSON, "Docent X"), Decision("Ruud", Category.PERSON, "T", False)]
            )
        with store.transaction() as session:
            save_decisions(session, [Decision("joost", Category.PERSON, "Docent Y")])
    with ProjectStore.open(demo_copy) as store:
        with store.read() as session:
            stored = load_decisions(session)
        entities = by_term(detect(store, decisions=stored, use_deduce=False))
    assert [(d.term, d.pseudonym, d.accepted) for d in stored] == [("joost", "Docent Y", True), ("Ruud", "T", False)]
    assert entities["joost"].pseudonym == "Docent Y"
    assert entities["Ruud"].accepted is False


@pytest.mark.usefixtures("deduce_loaded")
def test_deduce_finds_names_places_dates_and_contact_details(store: ProjectStore) -> None:
    text = (
        "I: Hoe ging dat?\n\nSanne: Ik belde met Pieter Jansen uit Utrecht op 3 maart 2015. "
        "Hij mailde later vanaf p.jansen@voorbeeld.nl en zijn nummer is 06-12345678."
    )
    with store.transaction() as session:
        add_document(session, "interview", text)
    entities = by_term(detect(store))
    assert entities["Pieter Jansen"].category is Category.PERSON
    assert entities["Pieter Jansen"].sources == ("deduce",)
    assert entities["Utrecht"].pseudonym == "[plaats]"
    assert entities["3 maart 2015"].pseudonym == "[datum]"
    assert entities["p.jansen@voorbeeld.nl"].category is Category.EMAIL
    assert entities["06-12345678"].category is Category.PHONE
    assert entities["Sanne"].category is Category.PERSON


def test_role_labels_of_speakers_are_not_proposed_as_names(store: ProjectStore) -> None:
    """'Docent:' and 'Contactpersoon 2:' are roles: proposed as persons they turned every 'docent' in the
    attributions of a pseudonymised quotes report into 'Persoon 1' (and the labels themselves)."""
    with store.transaction() as session:
        text = (
            "Interviewer: Hoe gaat het?\n\nDocent: Ik denk dat de docent belangrijk is.\n\n"
            "Contactpersoon 2: Dat zegt Sanne ook.\n\nSanne: Klopt.\n\nInterviewer: Dank je.\n\nSanne: Graag."
        )
        add_document(session, "a", text, detect_turns(text))
    entities = by_term(detect(store, use_deduce=False))
    assert "Docent" not in entities and "Contactpersoon 2" not in entities
    assert entities["Sanne"].category is Category.PERSON  # a speaker with a name still is
