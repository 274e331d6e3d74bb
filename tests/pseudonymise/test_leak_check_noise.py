"""The leak check does not list a name that is also a word (``Wil``, ``Roos``, ``Bos``) where it is the word."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from lobcoder.__main__ import main
from lobcoder.pseudonymise.categories import Category
from lobcoder.pseudonymise.decisions import save_decisions
from lobcoder.pseudonymise.entities import Location
from lobcoder.pseudonymise.leak_check import describe, find_leaks
from lobcoder.pseudonymise.termlist import Decision
from lobcoder.services.batch_import import import_files
from lobcoder.storage.project import ProjectStore

LINES = [
    "Interviewer: Wat wil je later doen?",
    "Roos: Ik wil in het bos werken, bij Staatsbosbeheer. Wil helpt me daarbij.",
    "Interviewer: Wie is Wil?",
    "Roos: Mijn mentor. Een roos zonder doornen, zegt iedereen. Wil je nog iets weten?",
]


def test_a_name_that_is_a_word_counts_only_capitalised_and_not_where_a_sentence_opens_with_the_word() -> None:
    where = Location("document", 1, "docent1_ronde1")
    text = (
        "Gisteren zei Wil dat hij komt. Wil je koffie? Ik wil niet. Bos zei: het bos is mooi, net als bij Bos. "
        "Ze woont op de berg, zei mevrouw De Berg. Bos het maar op."
    )
    decisions = [
        Decision("Wil", Category.PERSON, "Persoon 1"),
        Decision("Bos", Category.PERSON, "Persoon 2"),
        Decision("de Berg", Category.PERSON, "Persoon 3"),
    ]
    found = find_leaks([(where, text)], decisions)
    leaks = {leak.form: leak.count for leak in found if not leak.kept_as_word}
    # "zei Wil", "Bos zei:" (a sentence opening with the name: no subject pronoun after it), "bij Bos",
    # "De Berg"; not "Wil je", "Bos het", "wil", "bos", "de berg"
    assert leaks == {"Wil": 1, "Bos": 2, "de Berg": 1}
    # "Wil je", "Bos het": kept as the word, listed apart to be looked at
    assert {leak.form: leak.count for leak in found if leak.kept_as_word} == {"Wil": 1, "Bos": 1}
    # a name that is no word is still found in any case (marieke@…)
    plain = find_leaks([(where, "Mail marieke@school.nl.")], [Decision("Marieke", Category.PERSON, "Persoon 3")])
    assert [(x.form, x.count) for x in plain] == [("Marieke", 1)]


def test_a_copy_that_replaced_every_capitalised_wil_and_roos_lists_none(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    document = docx.Document()
    for line in LINES:
        document.add_paragraph(line)
    document.save(str(folder / "student1_ronde1.docx"))
    path = tmp_path / "p.lobcoder"
    with ProjectStore.create(path) as store:
        assert [r.status for r in import_files(store, [folder]).results] == ["imported"]
        with store.transaction() as session:
            terms = [Decision("Wil", Category.PERSON, "Persoon 1"), Decision("Roos", Category.PERSON, "Persoon 2")]
            save_decisions(session, terms, replace_all=True)
    out, key = tmp_path / "copy.lobcoder", tmp_path / "key.json"
    assert main(["pseudonymise", "apply", str(path), "--out", str(out), "--key", str(key)]) == 0
    err = capsys.readouterr().err
    # "Wil je nog iets weten?" only, listed to be looked at; no capitalised Roos or Wil is left
    kept = "Wil: 1× kept as a word opening a sentence (before ‘ik’, ‘je’ …): check it is not the name"
    assert kept in err and err.count("Wil") == 1 and "Roos" not in err, err


def test_a_place_name_is_not_proposed_as_a_persons_short_form() -> None:
    from lobcoder.pseudonymise.detect import Seed, entities_from_seeds
    from lobcoder.pseudonymise.entities import SOURCE_DEDUCE, SOURCE_TERMS
    from lobcoder.pseudonymise.matcher import entity_key
    from lobcoder.pseudonymise.short_forms import short_forms

    assert short_forms("Anouk Tiel", Category.PERSON) == ["Anouk"]  # Tiel: a municipality on deduce's list
    assert short_forms("Tiel College", Category.SCHOOL) == ["Tiel"]  # a school named after its town: its short form
    where = Location("document", 1, "student1_ronde1")
    text = (
        "Sanne Brinkveld woont in Brinkveld; Brinkveld is een dorp. Sanne fietst. "
        "Anouk Tiel woont in Tiel, en Anouk ook."
    )
    seeds = [
        Seed("Sanne Brinkveld", Category.PERSON, SOURCE_TERMS, 1.0, "Persoon 1"),
        Seed("Anouk Tiel", Category.PERSON, SOURCE_TERMS, 1.0, "Persoon 2"),
        Seed("Brinkveld", Category.PLACE, SOURCE_DEDUCE, 0.7),  # deduce read it as a place
    ]
    entities = {e.term: e for e in entities_from_seeds({entity_key(s.term): s for s in seeds}, [(where, text)])}
    village = entities["Brinkveld"]
    assert (village.category, village.short_of, village.pseudonym) == (Category.PLACE, "", "[plaats]")
    assert entities["Sanne"].short_of == "Sanne Brinkveld" and entities["Anouk"].pseudonym == "Persoon 2"
    assert "Tiel" not in entities
    decisions = [Decision("Anouk Tiel", Category.PERSON, "Persoon 2")]
    assert find_leaks([(where, "Persoon 2 woont in Tiel.")], decisions) == []  # the copy's text


@pytest.mark.usefixtures("deduce_loaded")
def test_deduce_organisations_written_in_lower_case_are_not_proposed() -> None:
    from lobcoder.pseudonymise import deduce_engine
    from lobcoder.pseudonymise.detect import seeds_from_annotations

    text = "Ik liep stage bij het umc, later in de rijnstate. Nu werk ik in Rijnstate in Arnhem."
    annotations = deduce_engine.annotate(text)
    assert {a.text for a in annotations} >= {"umc", "rijnstate", "Rijnstate"}  # deduce reads all three
    seeds = [(s.term, s.category) for s in seeds_from_annotations(annotations, text)]
    assert ("Rijnstate", Category.ORGANISATION) in seeds
    assert [term for term, category in seeds if category is Category.ORGANISATION] == ["Rijnstate"]


def test_a_short_form_with_its_own_row_keeps_its_own_pseudonym(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """``Marieke`` is a participant (``Docent 1``): as the short form of a typed-in ``Marieke de Vries`` she stays so."""
    from lobcoder.pseudonymise.detect import detect
    from lobcoder.pseudonymise.termlist import decisions_from_entities
    from lobcoder.storage.models import Attribute, AttributeScope, AttributeType, AttributeValue, Participant

    folder = tmp_path / "in"
    folder.mkdir()
    document = docx.Document()
    for line in ["Interviewer: Wie is je mentor?", "Student: Marieke de Vries. Marieke helpt me goed."]:
        document.add_paragraph(line)
    document.save(str(folder / "student1_ronde1.docx"))
    path = tmp_path / "p.lobcoder"
    with ProjectStore.create(path) as store:
        assert [r.status for r in import_files(store, [folder]).results] == ["imported"]
        with store.transaction() as session:
            role = Attribute(name="rol", type=AttributeType.TEXT, scope=AttributeScope.PARTICIPANT)
            marieke = Participant(name="Marieke")
            session.add_all([role, marieke])
            session.flush()
            session.add(AttributeValue(attribute_id=role.id, participant_id=marieke.id, text_value="docent"))
        typed = [Decision("Marieke de Vries", Category.PERSON, "Persoon 4")]
        entities = {e.term: e for e in detect(store, decisions=typed, use_deduce=False)}
        own = entities["Marieke"]
        assert (own.pseudonym, own.accepted, own.short_of, own.sources) == ("Docent 1", True, "", ("project",))
        with store.transaction() as session:
            save_decisions(session, decisions_from_entities(list(entities.values())))
    out = tmp_path / "t"
    assert main(["transcripts", str(path), "--out", str(out), "--format", "txt", "--pseudonymise"]) == 0
    text = "\n".join(p.read_text(encoding="utf-8") for p in out.iterdir())
    assert "Student: Persoon 4. Docent 1 helpt me goed." in text
    assert "Marieke" not in capsys.readouterr().err


def test_a_name_that_is_a_word_is_listed_where_it_opens_a_label() -> None:
    """A label is a name, not a sentence: ``Wil`` as a speaker, ``Bos citaten.docx`` as the exported file."""
    decisions = [Decision("Wil", Category.PERSON, "Persoon 1"), Decision("Bos", Category.PERSON, "Docent 2")]
    texts = [(Location("document", 1, "docent2_ronde1"), "Ik wil in het bos werken. Gisteren zei Bos dat het kan.")]
    labels = [
        (Location("speaker", 1, ""), "Wil"),
        (Location("participant", 1, ""), "Bos\n"),
        (Location("attribute", 1, "mentor"), "Bos"),
        (Location("code", 1, "Aanpak"), "Aanpak\nwil de student hulp?"),
        (Location("export_file", 0, ""), "Bos citaten.docx"),
    ]
    leaks = {leak.form: leak for leak in find_leaks(texts, decisions, labels)}
    assert set(leaks) == {"Wil", "Bos"}
    assert (leaks["Wil"].count, leaks["Wil"].places, leaks["Wil"].fields) == (1, (), (("speaker", ""),))
    bos = leaks["Bos"]
    assert (bos.count, bos.places) == (4, ("docent2_ronde1",))
    assert bos.fields == (("participant", ""), ("attribute", "mentor"), ("export_file", ""))


def test_a_name_the_copy_keeps_as_a_word_opening_a_sentence_is_listed_to_check() -> None:
    # a transcript without the comma of direct address: "Roos ik heb een vraag" reads as the verb, so the copy
    # keeps it; the check lists it apart, to be looked at, rather than staying silent
    where = Location("document", 1, "student1_ronde1")
    text = "een roos is rood, de roos bloeit, die roos.\nRoos ik heb een vraag. Wil je dat? Gisteren zei Wil het."
    decisions = [Decision("Roos", Category.PERSON, "Persoon 1"), Decision("Wil", Category.PERSON, "Persoon 2")]
    leaks = find_leaks([(where, text)], decisions)
    assert [(x.form, x.count, x.kept_as_word) for x in leaks] == [
        ("Wil", 1, False),
        ("Roos", 1, True),
        ("Wil", 1, True),
    ]
    assert describe(leaks[1]) == (
        "  Roos: 1× kept as a word opening a sentence (before ‘ik’, ‘je’ …): check it is not the name, "
        "in student1_ronde1"
    )
    assert "als woord behouden" in describe(leaks[1], "nl")
