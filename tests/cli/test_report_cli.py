"""``lobcoder report``: every kind as text, JSON and files, and one-line errors for bad options."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import docx
import openpyxl
import pytest

from lobcoder.analysis.cooccurrence import cooccurrence
from lobcoder.analysis.crosstab import crosstab
from lobcoder.analysis.dataset import Dataset, load_dataset
from lobcoder.analysis.filters import AnalysisFilter
from lobcoder.analysis.frequencies import frequencies
from lobcoder.importing.extracted import Turn
from lobcoder.participants.links import set_participant
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document
from lobcoder.storage.models import Attribute, AttributeScope, AttributeType, AttributeValue
from lobcoder.storage.project import ProjectStore
from tests.cli.running import run

TEXTS = {
    "Docent01_w1": (
        "I: Hoe leert u samen?\n"
        "Marieke: We leren samen van elkaar en de visie is gedeeld.\n"
        "I: En de communicatie?\n"
        "Marieke: De communicatie loopt via de mail."
    ),
    "Docent01_w2": "I: Wat is er veranderd?\nMarieke: Samen oefenen we gesprekken, dat is onze visie.",
    "Docent02_w1": "I: Vertel eens.\nBram: Geen visie, wel veel mail.",
}
PEOPLE = {"Docent01_w1": "Marieke", "Docent01_w2": "Marieke", "Docent02_w1": "Bram"}
WAVES = {"Docent01_w1": "1", "Docent01_w2": "2", "Docent02_w1": "1"}
CODINGS = [
    ("Docent01_w1", "Leren", "We leren samen van elkaar", "Fenna"),
    ("Docent01_w1", "Visie", "elkaar en de visie is gedeeld.", "Fenna"),
    ("Docent01_w1", "Communicatie", "De communicatie loopt via de mail.", "Fenna"),
    ("Docent01_w1", "Communicatie", "En de communicatie?", "Sander"),  # the interviewer's words
    ("Docent01_w2", "Samen oefenen", "Samen oefenen we gesprekken", "Fenna"),
    ("Docent01_w2", "Visie", "oefenen we gesprekken, dat is onze visie.", "Sander"),
    ("Docent02_w1", "Visie", "Geen visie", "Fenna"),
]


def _turns(text: str) -> list[Turn]:
    return [Turn(m.group(1), m.start(), m.end(1) + 2, m.end()) for m in re.finditer(r"^(\w+): [^\n]*", text, re.M)]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "report.lobcoder"
    with ProjectStore.create(path) as store, store.transaction() as session:
        ids = {}
        for name, text in TEXTS.items():
            ids[name] = add_document(session, name, text, _turns(text)).id
            set_participant(session, ids[name], PEOPLE[name])
        leren = create_code(session, "Leren")
        codes = {
            "Leren": leren.id,
            "Samen oefenen": create_code(session, "Samen oefenen", leren.id).id,
            "Visie": create_code(session, "Visie").id,
            "Communicatie": create_code(session, "Communicatie").id,
        }
        for document, code, words, coder in CODINGS:
            start = TEXTS[document].index(words)
            add_coding(session, ids[document], codes[code], start, start + len(words), coder=coder)
        wave = Attribute(name="wave", type=AttributeType.CATEGORY, scope=AttributeScope.DOCUMENT)
        session.add(wave)
        session.add_all(AttributeValue(attribute=wave, document_id=ids[d], text_value=v) for d, v in WAVES.items())
    return path


def dataset(path: Path) -> Dataset:
    with ProjectStore.open(path) as store, store.read() as session:
        return load_dataset(session)


def code_ids(path: Path) -> dict[str, int]:
    return {code.name: code.id for code in dataset(path).codes}


# -- frequencies -------------------------------------------------------------------


def test_frequencies_print_a_readable_table(project: Path) -> None:
    code, out, err = run("report", "frequencies", project)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "Code frequencies"
    assert lines[2].split() == [
        "Code",
        "Codings",
        "Documents",
        "%",
        "of",
        "documents",
        "Participants",
        "%",
        "of",
        "participants",
    ]
    rows = {re.split(r"\s{2,}", line.strip())[0]: line.split()[-5:] for line in lines[3:7]}
    assert rows["Leren"] == ["2", "2", "66.7%", "1", "50.0%"]
    assert rows["Samen oefenen"] == ["1", "1", "33.3%", "1", "50.0%"]
    assert rows["Visie"] == ["3", "3", "100.0%", "2", "100.0%"]
    assert lines[4].startswith("  Samen oefenen")  # sub-codes indented
    assert "  N = 3 documents, 2 participants (the base of the percentages)." in lines


def test_frequencies_split_by_wave_to_xlsx(tmp_path: Path, project: Path) -> None:
    target = tmp_path / "frequenties.xlsx"
    code, out, _ = run("report", "frequencies", project, "--split-by", "wave", "--no-rollup", "--out", target)
    assert code == 0 and out.strip() == f"Wrote {target}"
    expected = frequencies(dataset(project), AnalysisFilter(), split_by="wave", rollup=False).to_table()
    rows = [r for r in openpyxl.load_workbook(target).active.iter_rows(values_only=True)]
    header = next(i for i, r in enumerate(rows) if r[0] == "Code")
    assert list(rows[header][1:6]) == list(expected.columns[:5])
    # The wave columns: "wave" spans them in the row above; each shows its value and its n (documents).
    assert rows[header][6:] == ("1\nn = 2", "2\nn = 1")
    assert rows[header - 1][6] == "wave"
    assert [r.coord for r in openpyxl.load_workbook(target).active.merged_cells.ranges] == ["G2:H2"]
    for row, table_row in zip(rows[header + 1 :], expected.rows, strict=False):
        assert row[0] == table_row.label
        assert list(row[1 : 1 + len(table_row.values)]) == pytest.approx(list(table_row.values))
    assert rows[header + 1][:2] == ("Leren", 1)  # without roll-up: only its own coding


def test_frequencies_filters_as_json(project: Path) -> None:
    code, out, _ = run(
        "report", "frequencies", project, "--filter", "wave=1", "--exclude-interviewer", "--format", "json"
    )
    assert code == 0
    table = json.loads(out)
    values = {row["label"]: row["values"] for row in table["rows"]}
    flt = AnalysisFilter(attributes={"wave": {"1"}}, exclude_interviewer=True)
    expected = frequencies(dataset(project), flt).to_table()
    assert values == {row.label: list(row.values) for row in expected.rows}
    assert values["Communicatie"][:2] == [1, 1]  # the interviewer's coding left out
    assert table["columns"][0] == "Codings" and table["formats"][2] == "percent"


def test_coder_and_codes_options(project: Path) -> None:
    code, out, _ = run("report", "frequencies", project, "--coder", "sander", "--codes", "Visie", "--format", "json")
    assert code == 0
    rows = json.loads(out)["rows"]
    assert [(r["label"], r["values"][0]) for r in rows] == [("Visie", 1)]


# -- co-occurrence -----------------------------------------------------------------


def test_cooccurrence_text_numbers_the_columns(project: Path) -> None:
    code, out, _ = run("report", "cooccurrence", project)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Code co-occurrence (overlap)"
    assert lines[2].split() == ["Code", "1", "2", "3", "4"]
    # Rolled up, a parent × its own sub-code is left empty (the parent contains the sub-code).
    assert lines[3].split() == ["1.", "Leren", "2", "2", "0"]
    assert lines[4].split()[:3] == ["2.", "Samen", "oefenen"] and lines[4].split()[3:] == ["1", "1", "0"]
    assert lines[5].split() == ["3.", "Visie", "2", "1", "3", "0"]


def test_cooccurrence_measure_and_paragraph_window_as_json(project: Path) -> None:
    code, out, _ = run(
        "report",
        "cooccurrence",
        project,
        "--unit",
        "paragraph",
        "--within",
        "1",
        "--measure",
        "jaccard",
        "--format",
        "json",
    )
    assert code == 0
    table = json.loads(out)
    expected = cooccurrence(dataset(project), AnalysisFilter(), "paragraph", within=1).to_table("jaccard")
    assert [row["values"] for row in table["rows"]] == [list(row.values) for row in expected.rows]
    assert table["formats"] == ["float2"] * 4


def test_cooccurrence_to_docx(tmp_path: Path, project: Path) -> None:
    target = tmp_path / "cooccurrence.docx"
    code, _, _ = run("report", "cooccurrence", project, "--out", target, "--language", "nl")
    assert code == 0
    expected = cooccurrence(dataset(project), AnalysisFilter()).to_table("count")
    table = docx.Document(str(target)).tables[0]
    numbers = [[cell.text for cell in row.cells[1:]] for row in table.rows[1:]]
    assert numbers == [[str(v) if v is not None else "" for v in row.values] for row in expected.rows]


# -- crosstab ------------------------------------------------------------------------


def test_crosstab_row_percentages_to_csv(tmp_path: Path, project: Path) -> None:
    target = tmp_path / "crosstab.csv"
    code, _, _ = run("report", "crosstab", project, "--attribute", "wave", "--percent", "row", "--out", target)
    assert code == 0
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["Code", "Level", "wave 1 (%)", "wave 2 (%)", "Total (%)"]  # the attribute named in CSV
    expected = crosstab(dataset(project), "wave").to_table("row")
    for row, table_row in zip(rows[1:], expected.rows, strict=True):
        assert row[0] == table_row.label
        assert [float(v) for v in row[2:]] == pytest.approx([v * 100 for v in table_row.values])  # type: ignore[operator]
    visie = next(r for r in rows if r[0] == "Visie")
    assert float(visie[2]) == pytest.approx(200 / 3)


def test_crosstab_counts_documents_and_participants_by_wave(project: Path) -> None:
    code, out, _ = run("report", "crosstab", project, "--attribute", "wave", "--count", "documents")
    assert code == 0
    visie = next(line for line in out.splitlines() if line.startswith("Visie"))
    assert visie.split() == ["Visie", "2", "1", "3"]
    code, out, _ = run("report", "crosstab", project, "--attribute", "wave", "--participants", "--codes", "Visie")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Participants × wave: Visie"
    assert lines[2].split() == ["Participant", "wave", "1", "wave", "2", "Total"]
    assert lines[3].split() == ["n", "=", "2", "n", "=", "1", "n", "=", "2"]  # participants interviewed per wave
    assert lines[4].split() == ["Bram", "1", "1"]  # no wave-2 interview: an empty cell
    assert lines[5].split() == ["Marieke", "1", "1", "2"]


# -- quotes ---------------------------------------------------------------------------


def test_quotes_listing_and_json(project: Path) -> None:
    code, out, _ = run("report", "quotes", project, "--codes", "Visie")
    assert code == 0
    lines = out.splitlines()
    assert lines[:3] == ["Quotes", "", "Visie"]  # a heading per code, then each quote indented with who said it
    assert "    “Geen visie” (Bram, wave 1) — coded by Fenna" in lines  # two coders' quotes: each names its own
    assert "    “oefenen we gesprekken, dat is onze visie.” (Marieke, wave 2) — coded by Sander" in lines
    assert "  Quotes of Visie." in lines
    code, out, _ = run(
        "report",
        "quotes",
        project,
        "--codes",
        "Visie",
        "--per-code",
        "2",
        "--attribution",
        "participant,WAVE,paragraph",
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[2] == "Visie (2 of 3 quotes)"
    assert "    “elkaar en de visie is gedeeld.” (Marieke, wave 1, paragraph 2)" in lines
    assert "    “Geen visie” (Bram, wave 1, paragraph 2)" in lines  # spread: Bram before Marieke's second
    assert "  At most 2 quotes per code, spread over the participants." in lines
    assert "  All quotes coded by Fenna." in lines  # the two shown are Fenna's: said once, not per quote
    code, _, err = run("report", "quotes", project, "--attribution", "participant,golf")
    assert code == 2 and "no attribute named 'golf'" in err
    code, out, _ = run("report", "quotes", project, "--codes", "Leren", "--rollup", "--format", "json")
    rows = json.loads(out)["rows"]
    assert [row["values"][-1] for row in rows] == ["We leren samen van elkaar", "Samen oefenen we gesprekken"]


def test_json_to_a_file(tmp_path: Path, project: Path) -> None:
    target = tmp_path / "quotes.json"
    code, out, _ = run("report", "quotes", project, "--out", target)
    assert code == 0 and out.strip() == f"Wrote {target}"
    assert len(json.loads(target.read_text(encoding="utf-8"))[0]["rows"]) == len(CODINGS)


# -- errors ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["cooccurrence", "--measure", "often"], "argument --measure: invalid choice: 'often'"),
        (["cooccurrence", "--within", "2"], "--within needs --unit paragraph"),
        (["cooccurrence", "--unit", "paragraph", "--within", "-1"], "argument --within: must be 0 or more"),
        (["frequencies", "--filter", "wave"], "--filter 'wave': expected ATTR=VALUE"),
        (["frequencies", "--filter", "golf=1"], "no attribute named 'golf'"),
        (["frequencies", "--filter", "wave=9"], "attribute 'wave' has no value '9' (values: 1, 2)"),
        (["frequencies", "--split-by", "golf"], "no attribute named 'golf'"),
        (["frequencies", "--coder", "Bob"], "no coder named 'Bob' (coders: Fenna, Sander)"),
        (["quotes", "--codes", "Nope"], "no code named 'Nope'"),
        (["frequencies", "--format", "docx"], "--format docx needs --out FILE"),
        (["frequencies", "--out", "x.pdf"], "x.pdf: use .docx, .xlsx, .csv or .json"),
        (["frequencies", "--split-by", "wave", "--by-document"], "not allowed with argument --split-by"),
        (["crosstab"], "the following arguments are required: --attribute"),
        (["crosstab", "--attribute", "wave", "--participants"], "--participants needs the codes to count"),
    ],
)
def test_bad_options_exit_2_with_one_line(project: Path, args: list[str], message: str) -> None:
    kind, *rest = args
    code, out, err = run("report", kind, project, *rest)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith("lobcoder: error: ") and message in err


def test_missing_project_exits_2(tmp_path: Path) -> None:
    code, _, err = run("report", "frequencies", tmp_path / "missing.lobcoder")
    assert code == 2 and "missing.lobcoder" in err and len(err.strip().splitlines()) == 1


def test_unwritable_export_exits_2(tmp_path: Path, project: Path) -> None:
    target = tmp_path / "no such folder" / "out.xlsx"
    code, _, err = run("report", "frequencies", project, "--out", target)
    assert code == 2 and str(target) in err and not target.exists()
