"""Code frequencies split by school and, within each school, by wave: one table, hand-counted."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import docx
import openpyxl
import pytest

from lobcoder.importing.extracted import Turn
from lobcoder.participants.links import set_participant
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document
from lobcoder.storage.models import Attribute, AttributeScope, AttributeType, AttributeValue
from lobcoder.storage.project import ProjectStore
from tests.cli.running import run

# document: (school, ronde, participant, text)
DOCS = {
    "Oost_Anna_r1": ("Oost", "1", "Anna", "We werken samen aan de visie."),
    "Oost_Anna_r2": ("Oost", "2", "Anna", "Nu oefenen we gesprekken."),
    "West_Bram_r1": ("West", "1", "Bram", "De visie is nog vaag."),
    "West_Cas_r1": ("West", "1", "Cas", "Geen tijd voor gesprekken."),
}
CODINGS = [  # (document, code, words)
    ("Oost_Anna_r1", "Visie", "samen aan de visie"),
    ("Oost_Anna_r1", "Visie", "We werken"),
    ("Oost_Anna_r2", "Gesprekken", "oefenen we gesprekken"),
    ("West_Bram_r1", "Visie", "De visie"),
    ("West_Cas_r1", "Gesprekken", "gesprekken"),
]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return build_project(tmp_path / "scholen.lobcoder")


def build_project(path: Path) -> Path:
    """Four documents: Oost ronde 1 and 2 (Anna), West ronde 1 (Bram and Cas); attributes school and ronde."""
    with ProjectStore.create(path) as store, store.transaction() as session:
        codes = {name: create_code(session, name).id for name in ("Visie", "Gesprekken")}
        ids = {}
        attributes = {
            name: Attribute(name=name, type=AttributeType.CATEGORY, scope=AttributeScope.DOCUMENT)
            for name in ("school", "ronde")
        }
        session.add_all(attributes.values())
        for name, (school, ronde, person, text) in DOCS.items():
            ids[name] = add_document(session, name, text, [Turn("R", 0, 0, len(text))]).id
            set_participant(session, ids[name], person)
            session.add(AttributeValue(attribute=attributes["school"], document_id=ids[name], text_value=school))
            session.add(AttributeValue(attribute=attributes["ronde"], document_id=ids[name], text_value=ronde))
        for document, code, words in CODINGS:
            start = DOCS[document][3].index(words)
            add_coding(session, ids[document], codes[code], start, start + len(words))
    return path


def test_one_column_per_school_and_wave_counted_by_hand(project: Path) -> None:
    code, out, err = run(
        "report", "frequencies", project, "--split-by", "school", "--split-by", "ronde", "--format", "json"
    )
    assert code == 0, err
    table = json.loads(out)
    assert table["columns"][5:] == ["ronde 1", "ronde 2", "ronde 1"]
    rows = {row["label"]: row["values"] for row in table["rows"]}
    # Visie: Oost ronde 1 has it (1 of 1 document), Oost ronde 2 not, West ronde 1 in 1 of 2 documents.
    assert rows["Visie"] == [3, 2, 0.5, 2, pytest.approx(2 / 3), 1.0, 0.0, 0.5]
    assert rows["Gesprekken"] == [2, 2, 0.5, 2, pytest.approx(2 / 3), 0.0, 1.0, 0.5]
    # The comma form is the same table.
    assert run("report", "frequencies", project, "--split-by", "school,ronde", "--format", "json")[1] == out


def test_too_many_split_attributes_is_one_line(project: Path) -> None:
    code, out, err = run("report", "frequencies", project, "--split-by", "school,ronde,school")
    assert code == 2 and out == ""
    assert (
        err.strip()
        == "lobcoder: error: report frequencies: --split-by takes at most two attributes (e.g. school,ronde)"
    )
    code, out, err = run("report", "frequencies", project, "--split-by", "school,School")
    assert code == 2 and out == ""
    assert err.strip() == (
        "lobcoder: error: report frequencies: --split-by names school twice; give two attributes (e.g. school,ronde)"
    )


def test_excel_has_schools_over_their_waves(tmp_path: Path, project: Path) -> None:
    target = tmp_path / "frequenties.xlsx"
    code, _, err = run("report", "frequencies", project, "--split-by", "school,ronde", "--out", target)
    assert code == 0, err
    sheet = openpyxl.load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    header = next(i for i, r in enumerate(rows) if r[0] == "Code")
    assert rows[header][6:] == ("ronde 1\nn = 1", "ronde 2\nn = 1", "ronde 1\nn = 2")
    assert rows[header - 1][6:] == ("school Oost", None, "school West")
    assert sorted(r.coord for r in sheet.merged_cells.ranges) == ["G2:H2"]
    visie = next(r for r in rows if r[0] == "Visie")
    assert visie[6:] == (1.0, 0.0, 0.5)


def test_csv_names_school_and_wave_in_each_column(tmp_path: Path, project: Path) -> None:
    target = tmp_path / "frequenties.csv"
    assert run("report", "frequencies", project, "--split-by", "school,ronde", "--out", target)[0] == 0
    lines = list(csv.reader(target.read_text(encoding="utf-8-sig").splitlines()))
    header = next(r for r in lines if r and r[0] == "Code")
    assert header[-3:] == ["school Oost ronde 1 (%)", "school Oost ronde 2 (%)", "school West ronde 1 (%)"]


def test_dutch_word_table_has_a_two_row_header(tmp_path: Path, project: Path) -> None:
    target = tmp_path / "frequenties.docx"
    args = ("report", "frequencies", project, "--split-by", "school,ronde", "--language", "nl", "--out", target)
    assert run(*args)[0] == 0
    table = docx.Document(str(target)).tables[0]
    top = [c.text for c in table.rows[0].cells]
    second = [c.text for c in table.rows[1].cells]
    assert top[-3:] == ["school Oost", "school Oost", "school West"]  # Oost spans its two waves
    assert [t.split("\n")[0] for t in second[-3:]] == ["ronde 1", "ronde 2", "ronde 1"]
    assert second[0] == "Code"
    notes = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "Kolommen per school × ronde" in notes
