"""The facts above transcripts ("Datum: 12-03-2025", "School: ROC Oost") stored as document attributes."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import docx
import pytest

from lobcoder.cli.main import run_cli
from lobcoder.participants.apply import apply_plan
from lobcoder.participants.facts import plan_facts
from lobcoder.participants.links import all_document_attributes
from lobcoder.services.batch_import import ImportOptions, import_files
from lobcoder.services.documents import list_documents
from lobcoder.storage.project import ProjectStore

DIALOGUE = "I: Wat wil je later worden?\nStudent: Verpleegkundige.\nI: Waarom?\nStudent: Ik werk graag met mensen.\n"


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_facts_of_each_file_become_its_attributes(store: ProjectStore, tmp_path: Path) -> None:
    files = [
        _write(tmp_path, "Jan_w1.txt", "Respondent: Jan\nDatum: 12-03-2025\nSchool: ROC Oost\n\n" + DIALOGUE),
        _write(tmp_path, "Sara_w1.txt", "respondent: Sara\ndatum: 14-03-2025\nOpleiding: Zorg\n\n" + DIALOGUE),
        _write(tmp_path, "Geen_kop.txt", DIALOGUE),
    ]
    report = import_files(store, files, ImportOptions(document_facts=True))
    assert [r.facts for r in report.imported] == [
        (("Respondent", "Jan"), ("Datum", "12-03-2025"), ("School", "ROC Oost")),
        (("respondent", "Sara"), ("datum", "14-03-2025"), ("Opleiding", "Zorg")),
        (),
    ]
    with store.transaction() as session:
        plan = plan_facts(session, {r.document: r.facts for r in report.imported if r.document})
        assert plan is not None and not plan.problems
        result = apply_plan(session, plan)
    assert result.attributes_created == ("Respondent", "Datum", "School", "Opleiding")
    assert result.added == 6 and result.participants_created == () and result.links_set == 0
    with store.read() as session:
        names = {d.id: d.name for d in list_documents(session)}
        stored = {names[i]: values for i, values in all_document_attributes(session).items()}
    # One attribute per key whatever its case; "Respondent" stays a document attribute, no participant link.
    assert stored["Jan_w1"] == {"Respondent": "Jan", "Datum": date(2025, 3, 12), "School": "ROC Oost"}
    assert stored["Sara_w1"] == {"Respondent": "Sara", "Datum": date(2025, 3, 14), "Opleiding": "Zorg"}
    assert stored.get("Geen_kop", {}) == {}


def test_without_the_option_no_facts_are_reported(store: ProjectStore, tmp_path: Path) -> None:
    source = _write(tmp_path, "Jan_w1.txt", "Student: Jan\nDatum: 12-03-2025\n\n" + DIALOGUE)
    (result,) = import_files(store, [source]).imported
    assert result.facts == ()
    with store.read() as session:
        assert plan_facts(session, {result.document or "": result.facts}) is None


def test_the_cli_stores_the_facts_and_reports_them_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "p.lobcoder"
    ProjectStore.create(project).close()
    source = _write(tmp_path, "Jan_w1.txt", "Student: Jan Jansen\nDatum: 12-03-2025\nSchool: ROC Oost\n\n" + DIALOGUE)
    assert run_cli(["import", str(project), str(source), "--facts-as-attributes"]) == 0
    out = capsys.readouterr().out
    assert "document information stored as attributes:\n" in out
    assert "  values: 3 to add, 0 to change, 0 unchanged\n" in out
    # The JSON report names what was stored; an attribute sheet's plan is printable as JSON too.
    sheet = tmp_path / "s.csv"
    sheet.write_text("document;ronde\nJan_w1;1\n", encoding="utf-8")
    again = _write(tmp_path, "Jan_w2.txt", "Student: Jan Jansen\nDatum: 19-03-2025\n\n" + DIALOGUE)
    code = run_cli(["import", str(project), str(again), "--facts-as-attributes", "--attributes", str(sheet), "--json"])
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    assert report["files"][0]["facts"] == [["Student", "Jan Jansen"], ["Datum", "19-03-2025"]]
    assert report["document_facts"]["path"] == "document information"
    assert [v["owner"]["name"] for v in report["document_facts"]["values"]] == ["Jan_w2", "Jan_w2"]
    assert report["attribute_sheet"]["path"] == str(sheet)
    with ProjectStore.open(project) as store, store.read() as session:
        names = {d.id: d.name for d in list_documents(session)}
        stored = {names[i]: values for i, values in all_document_attributes(session).items()}
    assert stored["Jan_w2"] == {"Student": "Jan Jansen", "Datum": date(2025, 3, 19)}
    assert stored["Jan_w1"] == {"Student": "Jan Jansen", "Datum": date(2025, 3, 12), "School": "ROC Oost", "ronde": "1"}


def test_the_json_report_lists_facts_only_when_they_were_looked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "p.lobcoder"
    ProjectStore.create(project).close()
    with_facts = _write(tmp_path, "Jan_w1.txt", "Student: Jan Jansen\nDatum: 12-03-2025\n\n" + DIALOGUE)
    without = _write(tmp_path, "Sara_w1.txt", DIALOGUE.replace("I:", "Interviewer:"))
    # Without --facts-as-attributes no file's facts are looked for: no "facts" key, not an empty list.
    assert run_cli(["import", str(project), str(with_facts), str(without), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [sorted(entry) for entry in report["files"]] == [sorted(report["files"][0])] * 2
    assert all("facts" not in entry for entry in report["files"]) and "document_facts" not in report
    assert [entry["status"] for entry in report["files"]] == ["imported", "imported"]
    # With it, every file has the key: its pairs, or [] when it has none.
    again = _write(tmp_path, "Jan_w2.txt", "Student: Jan Jansen\nDatum: 19-03-2025\n\n" + DIALOGUE)
    other = _write(tmp_path, "Sara_w2.txt", DIALOGUE.replace("Waarom?", "Waarom dan?"))
    assert run_cli(["import", str(project), str(again), str(other), "--facts-as-attributes", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [entry["facts"] for entry in report["files"]] == [[["Student", "Jan Jansen"], ["Datum", "19-03-2025"]], []]


@pytest.mark.parametrize(
    ("rows", "facts"),
    [
        pytest.param(
            [("Respondent", "Anna", "Datum", "12-03-2025"), ("Functie", "docent", "Duur", "45 min")],
            (("Respondent", "Anna"), ("Datum", "12-03-2025"), ("Functie", "docent"), ("Duur", "45 min")),
            id="two pairs a row",
        ),
        pytest.param(  # the empty cells give no fact; "Datum" is a key, never the Respondent's value
            [("Respondent", "", "Datum", "12-03-2025"), ("Functie", "docent", "Duur", "")],
            (("Datum", "12-03-2025"), ("Functie", "docent")),
            id="an empty value cell pairs no key with the next key",
        ),
    ],
)
def test_a_word_table_of_facts(
    store: ProjectStore, tmp_path: Path, rows: list[tuple[str, ...]], facts: tuple[tuple[str, str], ...]
) -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=4)
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    for line in ("Interviewer: Hoe gaat het?", "Docent: Goed.", "Interviewer: En verder?", "Docent: Ook goed."):
        document.add_paragraph(line)
    path = tmp_path / "Docent_Anna.docx"
    document.save(path)
    (result,) = import_files(store, [path], ImportOptions(document_facts=True)).imported
    assert result.speakers == ("Interviewer", "Docent")
    assert result.facts == facts
