"""``lobcoder agreement``: the table as text, JSON and files in English and Dutch, one-line errors."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import docx
import pytest

import lobcoder.cli.main as cli_main


@pytest.fixture
def project(team_file: Path) -> Path:
    return team_file


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli_main.main(["agreement", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_table(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, project, "--coders", "Anna", "Bram")
    assert code == 0
    assert "Inter-coder agreement per code: Anna and Bram, by sentence" in out
    lines = {line.split()[0]: line for line in out.splitlines() if line.strip()}
    assert "90.0%" in lines["Keuze"]
    assert "Documents (2): int1, int2." in out


def test_json_has_raw_counts_and_measures(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, project, "--coders", "Anna", "Bram", "--unit", "document", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["unit"] == "document" and data["coders"] == ["Anna", "Bram"]
    codes = {row["code"]: row for row in data["tables"][0]["codes"]}
    assert codes["Keuze"]["counts"] == {"neither": 1, "first_only": 0, "second_only": 0, "both": 1}
    assert codes["Keuze"]["values"]["percent"] == 1.0
    assert codes["Keuze"]["values"]["cohen"] == 1.0


def test_overlap_threshold_and_dutch(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, project, "--unit", "overlap", "--overlap", "50", "--language", "nl")
    assert code == 0
    assert "Overeenstemming tussen codeurs per code: Anna en Bram, per segmentoverlap" in out
    assert "minstens 50% ervan" in out
    assert "66,7%" in out  # Keuze: 2 of 3 codings matched


def test_word_and_csv_files(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_docx = tmp_path / "agreement.docx"
    code, out, _ = run(capsys, project, "--out", out_docx, "--language", "nl")
    assert code == 0 and out_docx.exists()
    text = "\n".join(p.text for p in docx.Document(str(out_docx)).paragraphs)
    assert "Noot." in text and "Eenheid: zin" in text
    cells = [c.text for c in docx.Document(str(out_docx)).tables[0].rows[0].cells]
    assert cells[:3] == ["Code", "Alleen Anna", "Alleen Bram"]
    out_csv = tmp_path / "agreement.csv"
    assert run(capsys, project, "--out", out_csv)[0] == 0
    rows = list(csv.reader(out_csv.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][:5] == ["Code", "Anna only", "Bram only", "Both", "Neither"]
    assert rows[-1][0] == "Total" and rows[-1][1:5] == ["3", "2", "2", "23"]


def test_errors_are_one_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, project, "--coders", "Anna", "Zoë")
    assert code == 2
    assert err.strip() == "lobcoder: error: no coder named 'Zoë' in this project (coders: Anna, Bram)"
    code, _, err = run(capsys, project, "--documents", "int9")
    assert code == 2 and "no document named 'int9'" in err
