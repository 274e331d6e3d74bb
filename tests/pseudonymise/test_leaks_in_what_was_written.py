"""The leak check after an export looks at what the export wrote: a table's files, a codebook's branch."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, update

from lobcoder.__main__ import main
from lobcoder.analysis.dataset import load_dataset
from lobcoder.analysis.frequencies import frequencies
from lobcoder.analysis.quote_report import quote_report
from lobcoder.analysis.quotes import quotes
from lobcoder.importing.speakers import detect_turns
from lobcoder.pseudonymise.categories import Category
from lobcoder.pseudonymise.decisions import load_decisions, save_decisions
from lobcoder.pseudonymise.export_copy import pseudonymised_copy
from lobcoder.pseudonymise.leak_check import WrittenCheck
from lobcoder.pseudonymise.termlist import Decision
from lobcoder.pseudonymise.written_text import json_strings, written_texts
from lobcoder.reports.export import export_quotes, export_table
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document
from lobcoder.storage.models import Code, Document
from lobcoder.storage.project import ProjectStore

LEFT = "‘Meerwijk kiest voor talent’"  # in docent3_samira_ronde3; "Meerwijk" is unticked, so it stays


@pytest.fixture
def leaky(decided: Path) -> Path:
    """The decided demo with the short form ``Meerwijk`` unticked, and one coding quoting it under a new code."""
    with ProjectStore.open(decided) as store, store.transaction() as session:
        decisions = [
            Decision(d.term, d.category, d.pseudonym, d.accepted and d.term != "Meerwijk")
            for d in load_decisions(session)
        ]
        save_decisions(session, decisions, replace_all=True)
        document = session.scalars(select(Document).where(Document.name == "docent3_samira_ronde3")).one()
        start = document.text.index(LEFT)
        code = create_code(session, "Imago van de school")
        add_coding(session, document.id, code.id, start, start + len(LEFT))
    return decided


def test_a_table_that_quotes_no_leftover_lists_none_and_one_that_does_names_its_file(
    leaky: Path, tmp_path: Path
) -> None:
    with ProjectStore.open(leaky) as store, pseudonymised_copy(store) as copy:
        assert [leak.form for leak in copy.leaks_with([])] == ["Meerwijk"]  # the whole copy still holds it
        with copy.store.read() as session:
            dataset = load_dataset(session, texts=True, turns=True)
            code_id = session.scalars(select(Code.id).where(Code.name == "Imago van de school")).one()
        counts = export_table(frequencies(dataset).to_table(), tmp_path / "frequenties.xlsx")
        assert copy.leaks_in_files(counts) == ()
        report = quote_report(quotes(dataset, codes=[code_id]))
        for name in ("citaten.docx", "citaten.xlsx", "citaten.csv"):
            written = export_quotes(report, tmp_path / name, language="nl")
            (leak,) = copy.leaks_in_files(written)
            assert (leak.form, leak.count, leak.places, leak.fields) == ("Meerwijk", 1, (), (("written", name),))
        named_file = export_table(frequencies(dataset).to_table(), tmp_path / "Meerwijk.csv")
        (named,) = copy.leaks_in_files(named_file)  # the name of a file written counts
        assert named.fields == (("export_file", ""),)


def test_a_codebook_branch_lists_only_its_own_codes(leaky: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    with ProjectStore.open(leaky) as store, store.transaction() as session:
        session.execute(update(Code).where(Code.name == "Imago van de school").values(description="Zoals op Meerwijk."))
        other = session.scalars(select(Code.name).where(Code.parent_id.is_(None), Code.name != "Imago van de school"))
        other_branch = next(iter(other))
    for branch, listed in ((other_branch, False), ("Imago van de school", True)):
        out = tmp_path / f"{branch}.md"
        args = ["codebook", "export", str(leaky), "--out", str(out), "--branch", branch, "--pseudonymise"]
        assert main(args) == 0
        err = capsys.readouterr().err
        assert ("Meerwijk (short form of Meerwijk College): 1×, in code ‘Imago van de school’" in err) is listed, err
        assert ("Meerwijk" in out.read_text(encoding="utf-8")) is listed


def test_the_command_line_reports_list_what_they_wrote_or_printed(leaky: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    def run(*args: str) -> str:
        assert main(["report", *args, str(leaky), "--pseudonymise"]) == 0
        return capsys.readouterr().err

    assert "Meerwijk" not in run("frequencies", "--out", str(tmp_path / "frequenties.docx"))
    assert "Meerwijk" not in run("frequencies")  # printed
    err = run("quotes", "--codes", "Imago van de school", "--out", str(tmp_path / "citaten.docx"))
    assert "Meerwijk (short form of Meerwijk College): 1×, in the file ‘citaten.docx’" in err, err
    err = run("quotes", "--codes", "Imago van de school")
    assert "Meerwijk (short form of Meerwijk College): 1×, in the printed report" in err, err
    assert main(["agreement", str(leaky), "--pseudonymise", "--out", str(tmp_path / "a.xlsx")]) == 0
    assert "Meerwijk" not in capsys.readouterr().err
    assert main(["agreement", str(leaky), "--pseudonymise", "--json", "--disagreements"]) == 0
    printed = capsys.readouterr()
    assert '"disagreements"' in printed.out
    assert ("Meerwijk" in printed.out) is ("Meerwijk (short form" in printed.err), printed.err  # listed if printed


def test_a_json_report_is_read_as_its_strings_so_a_name_after_a_line_break_is_listed(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    # JSON writes a line break as the two characters \n: read as raw text, "met\nMarieke" hid the name
    path = tmp_path / "samen.lobcoder"
    text = "Ik sprak met Marieke de Vries.\nDat was fijn, samen met\nMarieke erbij.\n"
    with ProjectStore.create(path) as store, store.transaction() as session:
        document = add_document(session, "student1_ronde1", text, detect_turns(text))
        code = create_code(session, "Samen")
        add_coding(session, document.id, code.id, text.index("Dat was"), len(text) - 1)
        save_decisions(session, [Decision("Marieke de Vries", Category.PERSON, "Docent 1")])
    for name in ("citaten.csv", "citaten.json"):
        args = ["report", "quotes", str(path), "--codes", "Samen", "--pseudonymise", "--out", str(tmp_path / name)]
        assert main(args) == 0
        err = capsys.readouterr().err
        assert f"Marieke (short form of Marieke de Vries): 1×, in the file ‘{name}’" in err, err
    check = WrittenCheck((Decision("Marieke de Vries", Category.PERSON, "Docent 1"),), frozenset())
    printed = {"disagreements": [{"text": "samen met\nMarieke erbij", "Marieke": 1}]}
    (leak,) = check.in_printed(json_strings(printed))  # what `agreement --json` prints
    assert (leak.form, leak.count) == ("Marieke", 2)


def test_a_word_file_is_read_back_with_its_line_breaks_and_tabs(tmp_path: Path) -> None:
    import docx

    path = tmp_path / "notities.docx"
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.tab_stops.add_tab_stop(docx.shared.Cm(2))  # a w:tab of the paragraph: no text
    paragraph.add_run("Ik sprak met\nMarieke en\tMeerwijk.")  # a w:br and a w:tab in one run
    document.save(str(path))
    assert "Ik sprak met\nMarieke en\tMeerwijk." in [text for _, text in written_texts([path])]
    decisions = (
        Decision("Marieke de Vries", Category.PERSON, "Docent 1"),
        Decision("Meerwijk College", Category.ORGANISATION, "School A"),
    )
    check = WrittenCheck(decisions, frozenset())
    assert sorted(leak.form for leak in check.in_files([path])) == ["Marieke", "Meerwijk"]
