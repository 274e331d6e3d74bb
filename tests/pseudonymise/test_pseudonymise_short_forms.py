"""Short forms of an accepted name (``Meerwijk`` for ``Meerwijk College``) are proposed and replaced too."""

from __future__ import annotations

from pathlib import Path

import docx

from lobcoder.__main__ import main
from lobcoder.pseudonymise.categories import Category
from lobcoder.pseudonymise.decisions import save_decisions
from lobcoder.pseudonymise.detect import detect
from lobcoder.pseudonymise.short_forms import short_forms
from lobcoder.pseudonymise.termlist import Decision, decisions_from_entities
from lobcoder.services.batch_import import import_files
from lobcoder.storage.project import ProjectStore

LINES = [
    "Interviewer: Waar werk je?",
    "Marieke de Vries: Ik werk op Meerwijk College, daarvoor op ROC Oost.",
    "Interviewer: En hoe gaat het met LOB?",
    "Marieke de Vries: Hier op Meerwijk doen we veel. Mevrouw de Vries, zeggen de studenten. Marieke is prima.",
    "Marieke de Vries: De folder heet ‘Meerwijk kiest voor talent’. De Vries en ik werken samen in Oost-Brabant.",
    "Marieke de Vries: Veel talent hier, en de wijk in het oosten groeit.",
]


def test_the_distinctive_part_and_the_name_parts_are_short_forms() -> None:
    assert short_forms("Meerwijk College", Category.SCHOOL) == ["Meerwijk"]
    assert short_forms("ROC van Amsterdam", Category.SCHOOL) == ["Amsterdam"]
    assert short_forms("Alfa-college", Category.SCHOOL) == ["Alfa"]
    assert short_forms("Jansen Bouw B.V.", Category.ORGANISATION) == ["Jansen Bouw"]
    assert short_forms("Marieke de Vries", Category.PERSON) == ["Marieke", "de Vries"]
    assert short_forms("Joost Jansen", Category.PERSON) == ["Joost", "Jansen"]


def test_common_words_and_short_names_are_never_short_forms() -> None:
    assert short_forms("ROC Oost", Category.SCHOOL) == []  # deduce's common words
    assert short_forms("Stichting De Brug", Category.ORGANISATION) == []
    assert short_forms("Marieke van den Berg", Category.PERSON) == ["Marieke"]  # "berg"
    assert short_forms("Bo de Wit", Category.PERSON) == []  # too short, and "wit"
    assert short_forms("Talent College", Category.SCHOOL, frozenset({"talent"})) == []  # the texts say "talent"
    assert short_forms("Marieke", Category.PERSON) == []
    assert short_forms("19 november 2013", Category.DATE) == []


def _imported(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    document = docx.Document()
    for line in LINES:
        document.add_paragraph(line)
    document.save(str(folder / "docent1_ronde1.docx"))
    path = tmp_path / "p.lobcoder"
    with ProjectStore.create(path) as store:
        report = import_files(store, [folder])
        assert [r.status for r in report.results] == ["imported"]
    return path


def test_review_proposes_short_forms_and_the_export_holds_none(tmp_path: Path) -> None:
    path = _imported(tmp_path)
    terms = [
        Decision("Marieke de Vries", Category.PERSON, "Docent 1"),
        Decision("Meerwijk College", Category.SCHOOL, "School B"),
        Decision("ROC Oost", Category.SCHOOL, "School C"),
    ]
    with ProjectStore.open(path) as store:
        entities = {e.term: e for e in detect(store, decisions=terms, use_deduce=False)}
        assert entities["Meerwijk"].short_of == "Meerwijk College"
        assert entities["Meerwijk"].pseudonym == "School B"
        assert entities["Meerwijk"].count == 2  # not inside "Meerwijk College"
        assert entities["Marieke"].short_of == "Marieke de Vries"
        assert entities["Marieke"].pseudonym == "Docent 1"
        assert entities["de Vries"].count == 2  # "Mevrouw de Vries", "De Vries en ik"
        assert "Oost" not in entities and "talent" not in entities
        order = list(entities)
        assert order.index("Meerwijk") == order.index("Meerwijk College") + 1  # right under its full name
        with store.transaction() as session:
            save_decisions(session, decisions_from_entities(list(entities.values())))
    out = tmp_path / "t"
    assert main(["transcripts", str(path), "--out", str(out), "--format", "txt", "--pseudonymise"]) == 0
    text = "\n".join(p.read_text(encoding="utf-8") for p in out.iterdir())
    for original in ("Meerwijk", "Marieke", "Vries", "ROC Oost"):
        assert original not in text
    assert "Hier op School B doen we veel" in text
    assert "Mevrouw Docent 1" in text and "Oost-Brabant" in text and "Veel talent" in text


def test_a_refused_short_form_stays_and_the_leak_check_lists_it(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = _imported(tmp_path)
    terms = [Decision("Meerwijk College", Category.SCHOOL, "School B")]
    with ProjectStore.open(path) as store:
        entities = detect(store, decisions=terms, use_deduce=False)
        decisions = [
            Decision(d.term, d.category, d.pseudonym, d.term != "Meerwijk") for d in decisions_from_entities(entities)
        ]
        with store.transaction() as session:
            save_decisions(session, decisions)
    out = tmp_path / "t"
    assert main(["transcripts", str(path), "--out", str(out), "--format", "txt", "--pseudonymise"]) == 0
    text = "\n".join(p.read_text(encoding="utf-8") for p in out.iterdir())
    assert "Meerwijk College" not in text and "Hier op Meerwijk doen" in text
    err = capsys.readouterr().err
    assert "Meerwijk (short form of Meerwijk College): 2×, in docent1_ronde1" in err
    assert "Marieke" not in err  # the speaker's short forms were proposed and accepted


def test_writing_a_copy_with_only_full_names_lists_their_short_forms(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = _imported(tmp_path)
    terms = [
        Decision("Marieke de Vries", Category.PERSON, "Docent 1"),
        Decision("Meerwijk College", Category.SCHOOL, "School B"),
        Decision("ROC Oost", Category.SCHOOL, "School C"),
    ]
    with ProjectStore.open(path) as store, store.transaction() as session:
        save_decisions(session, terms, replace_all=True)  # as if typed in: no short form reviewed
    out, key = tmp_path / "copy.lobcoder", tmp_path / "key.json"
    assert main(["pseudonymise", "apply", str(path), "--out", str(out), "--key", str(key), "--language", "nl"]) == 0
    err = capsys.readouterr().err
    assert "Controleer dit voordat u deelt: nog 3 " in err
    assert "  Meerwijk (korte vorm van Meerwijk College): 2×, in docent1_ronde1" in err
    assert "  Marieke (korte vorm van Marieke de Vries): 1×, in" in err
    assert "  de Vries (korte vorm van Marieke de Vries): 2×" in err
    assert "Oost" not in err and "talent" not in err
    assert out.exists()  # a warning, not a refusal


def _imported_lines(tmp_path: Path, lines: list[str]) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(folder / "docent1_ronde1.docx"))
    path = tmp_path / "p.lobcoder"
    with ProjectStore.create(path) as store:
        assert [r.status for r in import_files(store, [folder]).results] == ["imported"]
    return path


def test_a_short_form_shared_by_two_names_is_proposed_unticked_without_a_pseudonym(tmp_path: Path) -> None:
    path = _imported_lines(
        tmp_path,
        [
            "Interviewer: Wie begeleidt je?",
            "Student: Marieke de Vries en Marieke Jansen. Marieke helpt me het meest.",
            "Student: Joost Jansen is mijn broer; Jansen zegt dat ook, en mevrouw de Vries. Joost lacht.",
        ],
    )
    terms = [
        Decision("Marieke de Vries", Category.PERSON, "Deelnemer 1"),
        Decision("Marieke Jansen", Category.PERSON, "Deelnemer 2"),
        Decision("Joost Jansen", Category.PERSON, "Deelnemer 3"),
    ]
    with ProjectStore.open(path) as store:
        entities = {e.term: e for e in detect(store, decisions=terms, use_deduce=False)}
    marieke = entities["Marieke"]
    assert (marieke.pseudonym, marieke.accepted, marieke.count) == ("", False, 1)
    assert marieke.shared_by == ("Marieke de Vries", "Marieke Jansen")
    jansen = entities["Jansen"]  # the surname of two people
    assert (jansen.pseudonym, jansen.accepted, jansen.shared_by) == ("", False, ("Marieke Jansen", "Joost Jansen"))
    assert entities["de Vries"].pseudonym == "Deelnemer 1" and entities["de Vries"].accepted
    assert entities["Joost"].pseudonym == "Deelnemer 3" and not entities["Joost"].shared_by


def test_a_name_in_an_email_address_or_a_typo_does_not_make_it_an_ordinary_word(tmp_path: Path) -> None:
    path = _imported_lines(
        tmp_path,
        [
            "Interviewer: Hoe bereik ik je?",
            "Marieke de Vries: Via marieke@meerwijk.nl of www.meerwijk.nl/lob, op Meerwijk College.",
            "Marieke de Vries: Hier op Meerwijk zegt iedereen Marieke; soms marieke in de app, maar Marieke is prima.",
            "Marieke de Vries: Wij hebben talent. Veel talent zelfs. Talent College is een andere school.",
        ],
    )
    terms = [
        Decision("Marieke de Vries", Category.PERSON, "Docent 1"),
        Decision("Meerwijk College", Category.SCHOOL, "School B"),
        Decision("Talent College", Category.SCHOOL, "School C"),
    ]
    with ProjectStore.open(path) as store:
        entities = {e.term: e for e in detect(store, decisions=terms, use_deduce=False)}
    assert entities["Marieke"].short_of == "Marieke de Vries" and entities["Marieke"].pseudonym == "Docent 1"
    assert entities["Meerwijk"].short_of == "Meerwijk College" and entities["Meerwijk"].count == 1
    assert "Talent" not in entities  # written in lower case more often than with a capital: an ordinary word


def test_the_leak_check_finds_a_name_the_copy_kept_in_lower_case(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = _imported_lines(
        tmp_path,
        ["Marieke de Vries: Mail naar marieke@meerwijk.nl, want Marieke leest dat.", "Interviewer: Dank je."],
    )
    terms = [
        Decision("Marieke de Vries", Category.PERSON, "Docent 1"),
        Decision("Marieke", Category.PERSON, "Docent 1"),
    ]
    with ProjectStore.open(path) as store, store.transaction() as session:
        save_decisions(session, terms, replace_all=True)
    out, key = tmp_path / "copy.lobcoder", tmp_path / "key.json"
    assert main(["pseudonymise", "apply", str(path), "--out", str(out), "--key", str(key)]) == 0
    with ProjectStore.open(out) as copy, copy.read() as session:
        from lobcoder.pseudonymise.sources import project_texts

        assert any("marieke@meerwijk.nl" in text for _, text in project_texts(session))  # the replacer needs a capital
    err = capsys.readouterr().err
    assert "  Marieke: 1×, in docent1_ronde1" in err


def test_a_pseudonymised_copy_lists_what_is_left_in_it_and_in_the_names_written(tmp_path: Path) -> None:
    from lobcoder.pseudonymise.export_copy import pseudonymised_copy

    path = _imported(tmp_path)
    terms = [Decision("Meerwijk College", Category.SCHOOL, "School B")]
    with ProjectStore.open(path) as store, pseudonymised_copy(store, terms) as copy:
        assert [(x.form, x.count) for x in copy.leaks_with(())] == [("Meerwijk", 2)]
        written = copy.leaks_with(["Meerwijk citaten.docx"])
        assert [(x.form, x.count, x.fields) for x in written] == [("Meerwijk", 3, (("export_file", ""),))]


def test_a_shared_short_form_deduce_found_keeps_deduces_neutral_pseudonym_and_tick(tmp_path: Path) -> None:
    """Unticking deduce's own proposal for an ambiguous short form would leave the name in the copy."""
    path = _imported_lines(
        tmp_path,
        [
            "Interviewer: Wie begeleidt je?",
            "Student: Marieke de Vries en Marieke Jansen.",
            "Interviewer: En verder?",
            "Student: Gisteren heeft Marieke mij weer geholpen met de stage.",
        ],
    )
    terms = [
        Decision("Marieke de Vries", Category.PERSON, "Deelnemer 1"),
        Decision("Marieke Jansen", Category.PERSON, "Deelnemer 2"),
    ]
    with ProjectStore.open(path) as store:
        plain = {e.term: e for e in detect(store, decisions=terms, use_deduce=False)}
        found = {e.term: e for e in detect(store, decisions=terms, use_deduce=True)}
    assert (plain["Marieke"].pseudonym, plain["Marieke"].accepted) == ("", False)  # only ours: she decides
    marieke = found["Marieke"]
    assert marieke.shared_by == ("Marieke de Vries", "Marieke Jansen")
    assert marieke.accepted and marieke.pseudonym not in ("", "Deelnemer 1", "Deelnemer 2")
