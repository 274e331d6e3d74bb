"""A name that is also a word (``Wil``): the copy replaces it where it is the name, and keeps the verb."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from lobcoder.importing.speakers import detect_turns
from lobcoder.pseudonymise.apply import Replacer, apply_pseudonyms
from lobcoder.pseudonymise.categories import Category
from lobcoder.pseudonymise.detect import detect
from lobcoder.pseudonymise.termlist import Decision
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document
from lobcoder.storage.models import Coding, Document
from lobcoder.storage.project import ProjectStore

TEXT = (
    "Interviewer: Wil je dat? 😀 Gisteren zei Wil Jansen dat hij komt.\n"
    "Wil: Ja. Wil J. belde ook, en Wil de Vries. Wil zei het zelf.\n"
    "Interviewer: Wil ik het opschrijven? Ik wil dat wel.\n"
)


def project(tmp_path: Path) -> Path:
    path = tmp_path / "wil.lobcoder"
    with ProjectStore.create(path) as store, store.transaction() as session:
        document = add_document(session, "student1_ronde1", TEXT, detect_turns(TEXT))
        code = create_code(session, "Keuze")
        start = TEXT.index("Wil je dat?")
        add_coding(session, document.id, code.id, start, start + len("Wil je dat?"))
    return path


def test_the_verb_opening_a_sentence_stays_and_the_name_goes(tmp_path: Path) -> None:
    path = project(tmp_path)
    decisions = [Decision("Wil", Category.PERSON, "Persoon 1")]
    with ProjectStore.open(path) as store:
        result = apply_pseudonyms(store, decisions, tmp_path / "copy.lobcoder", tmp_path / "key.json")
        # the review shows exactly the places the copy replaces
        (entity,) = [e for e in detect(store, decisions=decisions, use_deduce=False) if e.term == "Wil"]
        assert entity.count == result.replacements == 5
    with ProjectStore.open(result.path) as copy, copy.read() as session:
        text = session.scalars(select(Document.text)).one()
        start, end = session.execute(select(Coding.start, Coding.end)).one()
    assert text == (
        "Interviewer: Wil je dat? 😀 Gisteren zei Persoon 1 Jansen dat hij komt.\n"
        "Persoon 1: Ja. Persoon 1 J. belde ook, en Persoon 1 de Vries. Persoon 1 zei het zelf.\n"
        "Interviewer: Wil ik het opschrijven? Ik wil dat wel.\n"
    )
    assert text[start:end] == "Wil je dat?"
    # "Wil je", "Wil ik", "wil" are words: the leak check does not list them as leaks, only the first two to check
    assert [(x.form, x.count, x.kept_as_word) for x in result.leaks] == [("Wil", 2, True)]


def test_a_name_that_is_no_word_is_replaced_at_the_start_of_a_sentence_too(tmp_path: Path) -> None:
    path = project(tmp_path)
    decisions = [Decision("Jansen", Category.PERSON, "Persoon 2")]
    with ProjectStore.open(path) as store, store.transaction() as session:
        add_document(session, "student2_ronde1", "Jansen je weet het. Jansen zei het.")
    with ProjectStore.open(path) as store:
        result = apply_pseudonyms(store, decisions, tmp_path / "copy.lobcoder", tmp_path / "key.json")
    with ProjectStore.open(result.path) as copy, copy.read() as session:
        texts = session.scalars(select(Document.text).order_by(Document.name)).all()
    assert texts[1] == "Persoon 2 je weet het. Persoon 2 zei het."


def test_a_name_opening_a_sentence_before_a_relative_pronoun_is_replaced(tmp_path: Path) -> None:
    # "Roos die naast mij zit" is the name: only a subject pronoun after it ("Wil je") shows the verb
    text = (
        "een roos is rood, de roos bloeit, die roos, elke roos.\n"
        "Student: Roos die naast mij zit helpt me altijd.\n"
        "Bos dat is mijn mentor. Bos de Vries ook. Roos een keer niet.\n"
        "Roos je weet het. Wil je dat?\n"
    )
    path = tmp_path / "roos.lobcoder"
    with ProjectStore.create(path) as store, store.transaction() as session:
        add_document(session, "student3_ronde1", text, detect_turns(text))
    decisions = [Decision("Roos", Category.PERSON, "Leerling 1"), Decision("Bos", Category.PERSON, "Docent 2")]
    with ProjectStore.open(path) as store:
        result = apply_pseudonyms(store, decisions, tmp_path / "copy.lobcoder", tmp_path / "key.json")
        (entity,) = [e for e in detect(store, decisions=decisions, use_deduce=False) if e.term == "Roos"]
        assert entity.count == 2
    with ProjectStore.open(result.path) as copy, copy.read() as session:
        copied = session.scalars(select(Document.text)).one()
    assert copied == (
        "een roos is rood, de roos bloeit, die roos, elke roos.\n"
        "Student: Leerling 1 die naast mij zit helpt me altijd.\n"
        "Docent 2 dat is mijn mentor. Docent 2 de Vries ook. Leerling 1 een keer niet.\n"
        "Roos je weet het. Wil je dat?\n"
    )


def test_a_replacer_judging_by_the_texts_keeps_the_coders_names() -> None:
    replacer = Replacer([Decision("Roos", Category.PERSON, "Leerling 1")]).with_names({"Fenna": "Coder 1"})
    judged = replacer.for_texts(["een roos is rood, de roos bloeit, die roos"])
    assert judged.prose("Fenna vroeg: Roos zei het.") == "Coder 1 vroeg: Leerling 1 zei het."
