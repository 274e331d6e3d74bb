"""``lobcoder report words``: word frequencies and keywords in context as text and as Word/Excel/CSV tables."""

from __future__ import annotations

import csv
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn
from sqlalchemy import delete, func, select

from lobcoder.analysis.words import COUNTS_KIND
from lobcoder.editing.word_commands import leave_out
from lobcoder.storage.models import NlpCache
from lobcoder.storage.project import ProjectStore
from tests.analysis.words_project import build_words_project
from tests.cli.running import run


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "words.lobcoder"
    with ProjectStore.create(path) as store:
        build_words_project(store, tmp_path)
    return path


def test_text_table_lists_the_most_frequent_lemmas(project: Path) -> None:
    code, out, err = run("report", "words", project, "--top", "3", "--exclude-interviewer")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Word frequencies"
    body = [line.split() for line in lines[3:6]]
    assert body[0][:1] == ["loopbaangesprek"] and body[0][-3:] == ["3", "2", "16.7%"]  # 3 of 18 respondent words
    assert body[1][0] == "samenwerking" and body[1][-3:] == ["2", "2", "11.1%"]
    assert "Respondent text only: interviewer turns left out." in out
    assert "The 3 most frequent of 14 words." in out


def test_csv_export_of_one_code_split_by_school(project: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "words.csv"
    code, out, err = run(
        "report", "words", project, "--code", "samenwerking", "--split-by", "school", "--by", "form", "--out", out_file
    )
    assert code == 0, err
    with out_file.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    assert header[:5] == ["Word", "Occurrences", "Documents", "Share of words (%)", "Distinctive (z)"]
    assert header[5:] == ["school Noord", "school Zuid"]
    table = {row[0]: row[1:] for row in rows[1:] if row and row[0] in ("samenwerking", "team", "goed")}
    assert table["samenwerking"][0] == "2" and table["samenwerking"][-2:] == ["1", "1"]
    assert table["team"][0] == "1" and table["team"][-2:] == ["1", "0"]


def test_dutch_word_and_excel_exports(project: Path, tmp_path: Path) -> None:
    word_file, excel_file = tmp_path / "woorden.docx", tmp_path / "woorden.xlsx"
    assert run("report", "words", project, "--language", "nl", "--out", word_file)[0] == 0
    document = docx.Document(str(word_file))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Woordfrequenties" in text
    cells = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert cells[0][:3] == ["Woord (lemma)", "Vormen", "Aantal keer"]
    assert ["visie", "", "3", "1", "13,6%"] in cells
    assert run("report", "words", project, "--context", "gesprekken", "--out", excel_file)[0] == 0
    sheet = openpyxl.load_workbook(excel_file).worksheets[0]
    values = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    hit = next(row for row in values if "gesprekken" in row)
    assert hit[:3] == ["Jansen_w1", 211, 221]


def test_keywords_in_context_as_text_and_bad_names(project: Path) -> None:
    code, out, _ = run("report", "words", project, "--context", "visie", "--width", "12")
    assert code == 0
    assert "‘visie’ in context" in out and out.count("Pietersen_w2") == 3
    code, _, err = run("report", "words", project, "--code", "Nope")
    assert code == 2 and err.count("\n") == 1 and "Nope" in err


def test_the_projects_left_out_words_are_left_out_and_named(project: Path) -> None:
    with ProjectStore.open(project) as store, store.transaction() as session:
        leave_out("loopbaangesprek").apply(session)
    code, out, err = run("report", "words", project, "--top", "3", "--language", "nl")
    assert code == 0, err
    assert "loopbaangesprek" not in out.split("Weggelaten voor dit project")[0]
    assert "rechtsklik in de tab Woorden" in out and "loopbaangesprek." in out


def test_counts_kept_in_the_project_print_the_same_bytes(project: Path) -> None:
    """report words counts through the Words tab's function: the first run keeps each document's counts, the
    next reads them, and every output is byte for byte the one of counting afresh."""
    settings = [
        ("--top", "20"),
        ("--exclude-interviewer", "--split-by", "school", "--format", "json"),
        ("--code", "samenwerking", "--order", "distinctive", "--by", "form", "--language", "nl"),
    ]
    for options in settings:
        with ProjectStore.open(project) as store, store.transaction() as session:
            session.execute(delete(NlpCache))
        counted = run("report", "words", project, *options)
        with ProjectStore.open(project) as store, store.read() as session:
            kept = session.scalar(select(func.count()).where(NlpCache.pipeline == COUNTS_KIND))
        assert kept and kept >= 2  # both documents' counts (and with a code its passages')
        again = run("report", "words", project, *options)
        assert counted[0] == 0 and again == counted and len(counted[1]) > 200


def test_keywords_in_context_in_dutch_word_count_documents_in_dutch_and_stay_legible(
    project: Path, tmp_path: Path
) -> None:
    # Her walk-through: the note said "in 3 document(en)" and the two contexts were printed at 7 pt.
    word_file = tmp_path / "loopbaangesprek.docx"
    assert (
        run("report", "words", project, "--context", "loopbaangesprek", "--language", "nl", "--out", word_file)[0] == 0
    )
    document = docx.Document(str(word_file))
    note = next(p.text for p in document.paragraphs if p.text.startswith("Noot."))
    assert note.startswith("Noot. 3 keer gevonden in 2 documenten, met 60 tekens context"), note
    (table,) = document.tables
    assert [c.text for c in table.rows[0].cells] == ["Document", "Begin", "Einde", "Ervoor", "Woord", "Erna"]
    sizes = {int(sz.get(qn("w:val"))) for sz in table._tbl.iter(qn("w:sz"))}
    assert min(sizes, default=20) >= 18  # 9 pt or more: two contexts need not squeeze into 7 pt
    grid = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert grid[3] + grid[5] >= 0.45 * sum(grid)
