"""``report frequencies`` on case notes linked to no participant: no participant columns in any output."""

from __future__ import annotations

import csv
from pathlib import Path

import docx
import openpyxl
import pytest

from lobcoder.participants.links import set_participant
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document
from lobcoder.storage.project import ProjectStore
from tests.cli.running import run

NOTES = {
    "Casus_01": "De teamleider zegt dan dat samen leren de visie is.",
    "Casus_02": "Met de decaan hebben we overleg over de stage.",
}
PARTICIPANT_HEADERS = {"Participants", "% of participants", "Deelnemers", "% van deelnemers"}


def _project(tmp_path: Path, with_participant: bool) -> Path:
    path = tmp_path / "notes.lobcoder"
    with ProjectStore.create(path) as store, store.transaction() as session:
        ids = {name: add_document(session, name, text, []).id for name, text in NOTES.items()}
        if with_participant:
            set_participant(session, ids["Casus_01"], "Marieke")
        visie = create_code(session, "Visie").id
        start = NOTES["Casus_01"].index("samen leren")
        add_coding(session, ids["Casus_01"], visie, start, start + len("samen leren"), coder="Fenna")
    return path


def _headers(path: Path) -> list[str]:
    if path.suffix == ".csv":
        rows = list(csv.reader(path.open(encoding="utf-8-sig")))
        return next(row for row in rows if row and row[0] == "Code")
    if path.suffix == ".xlsx":
        rows = list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))
        return [str(cell) for cell in next(row for row in rows if row[0] == "Code") if cell is not None]
    table = docx.Document(str(path)).tables[0]
    return [cell.text for cell in table.rows[0].cells]


@pytest.mark.parametrize("with_participant", [False, True], ids=["notes only", "one note of a participant"])
def test_participant_columns_only_when_a_document_has_a_participant(tmp_path: Path, with_participant: bool) -> None:
    project = _project(tmp_path, with_participant)
    code, out, err = run("report", "frequencies", project)
    assert code == 0 and err == ""
    lines = out.splitlines()
    header = lines[2].split()
    assert header[:6] == ["Code", "Codings", "Documents", "%", "of", "documents"]
    assert ("Participants" in header) is with_participant
    assert ("participants" in out) is with_participant  # nor in the notes under the table
    visie = next(line for line in lines if line.startswith("Visie"))
    assert visie.split()[1:] == (["1", "1", "50.0%", "1", "100.0%"] if with_participant else ["1", "1", "50.0%"])
    for suffix, language in ((".csv", "en"), (".xlsx", "nl"), (".docx", "nl")):
        target = tmp_path / f"frequenties{suffix}"
        code, _, err = run("report", "frequencies", project, "--language", language, "--out", target)
        assert code == 0 and err == ""
        headers = _headers(target)
        assert bool(PARTICIPANT_HEADERS & set(headers)) is with_participant, (suffix, headers)
        assert ("Documenten" if language == "nl" else "Documents") in headers
