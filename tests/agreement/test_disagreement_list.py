"""``lobcoder agreement --disagreements``: every disagreement with its place, code, coders and text."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import docx
import openpyxl
import pytest
from sqlalchemy import select

import lobcoder.cli.main as cli_main
from lobcoder.agreement.disagreement_list import list_disagreements, shorten
from lobcoder.analysis.dataset import load_reading
from lobcoder.storage.models import Code, Coder, Coding, Document
from lobcoder.storage.project import ProjectStore
from tests.agreement.conftest import INTERVIEW_1, INTERVIEW_2


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = cli_main.main(["agreement", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def codings_by(path: Path) -> dict[tuple[str, str, str], list[tuple[int, int]]]:
    """(document, code, coder) -> spans, read straight from the project file."""
    found: dict[tuple[str, str, str], list[tuple[int, int]]] = {}
    with ProjectStore.open(path) as store, store.read() as session:
        rows = session.execute(
            select(Document.name, Code.name, Coder.name, Coding.start, Coding.end)
            .join(Document, Document.id == Coding.document_id)
            .join(Code, Code.id == Coding.code_id)
            .join(Coder, Coder.id == Coding.coder_id)
        )
        for document, code, coder, start, end in rows:
            found.setdefault((document, code, coder), []).append((start, end))
    return found


def where(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def test_sentences_listed_by_document_and_place(team_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, team_file, "--disagreements", "--json")
    assert code == 0
    listed = json.loads(out)["disagreements"]
    got = [(r["document"], r["start"], r["end"], r["code"], r["coded_by"], r["not_coded_by"]) for r in listed["rows"]]
    # Worked out by hand from tests/agreement/conftest.py: the sentences one coder coded and the other did not.
    assert got == [
        ("int1", *where(INTERVIEW_1, "Dat was jammer."), "Mentor", ["Anna"], ["Bram"]),
        ("int1", *where(INTERVIEW_1, "R: Geen tijd."), "Keuze", ["Bram"], ["Anna"]),
        ("int1", *where(INTERVIEW_1, "Ze had veel studenten."), "Mentor", ["Anna"], ["Bram"]),
        ("int2", *where(INTERVIEW_2, "R: Iets met zorg."), "Toekomst", ["Anna"], ["Bram"]),
        ("int2", *where(INTERVIEW_2, "Of met kinderen."), "Toekomst", ["Bram"], ["Anna"]),
    ]
    assert listed["total"] == listed["listed"] == 5
    first, second = listed["rows"][0], listed["rows"][1]
    assert (first["paragraph"], first["speaker"], first["text"]) == (2, "R", "Dat was jammer.")
    assert (second["paragraph"], second["speaker"], second["text"]) == (4, "R", "Geen tijd.")  # label left out
    # Each row agrees with the codings in the file: the coder named has the code over the unit, the other not.
    spans = codings_by(team_file)
    for row in listed["rows"]:
        key = (row["document"], row["code"])
        touches = [
            any(s < row["end"] and e > row["start"] for s, e in spans.get((*key, coder), []))
            for coder in (row["coded_by"][0], row["not_coded_by"][0])
        ]
        assert touches == [True, False]


def test_overlap_code_filter_and_limit(team_file: Path) -> None:
    with ProjectStore.open(team_file) as store, store.read() as session:
        dataset = load_reading(session)
        overlap = list_disagreements(dataset, ["Anna", "Bram"], "overlap", threshold=90.0)
        mentor_id = next(c.id for c in dataset.codes if c.name == "Mentor")
        mentor = list_disagreements(dataset, ["Anna", "Bram"], "sentence", code_id=mentor_id)
        first = list_disagreements(dataset, ["Anna", "Bram"], "sentence", limit=2)
    # Bram's "Mijn mentor hielp niet." lies inside Anna's longer coding (counted), Anna's is only half covered.
    rows = {(r.code, r.text): r for r in overlap.rows}
    anna = rows[("Mentor", "Mijn mentor hielp niet. Dat was jammer.")]
    assert (anna.coded_by, anna.not_coded_by, anna.partly) == (("Anna",), ("Bram",), ("Bram",))
    assert rows[("Keuze", "Geen tijd")].coded_by == ("Bram",)
    assert [r.text for r in mentor.rows] == ["Dat was jammer.", "Ze had veel studenten."]
    assert mentor.code == "Mentor"
    assert (len(first.rows), first.total) == (2, 5)


def test_text_csv_xlsx_and_dutch_word(team_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, team_file, "--limit", "2")  # implies --disagreements
    assert code == 0
    assert "Disagreements between Anna and Bram, by sentence" in out
    assert "[int1, ¶ 2, 70–85, R] Mentor · Coded by: Anna; Not coded by: Bram" in out
    assert "The first 2 of 5 disagreements." in out
    out_csv = tmp_path / "agreement.csv"
    assert run(capsys, team_file, "--disagreements", "--code", "Toekomst", "--out", out_csv)[0] == 0
    rows = list(csv.reader((tmp_path / "agreement_2.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == [
        "Document",
        "Paragraph",
        "Characters",
        "Speaker",
        "Code",
        "Coded by",
        "Not coded by",
        "Text",
    ]
    assert rows[1:3] == [
        ["int2", "2", "21–38", "R", "Toekomst", "Anna", "Bram", "Iets met zorg."],
        ["int2", "2", "39–55", "R", "Toekomst", "Bram", "Anna", "Of met kinderen."],
    ]
    out_xlsx = tmp_path / "agreement.xlsx"
    assert run(capsys, team_file, "--disagreements", "--out", out_xlsx, "--language", "nl")[0] == 0
    sheet = openpyxl.load_workbook(out_xlsx).worksheets[-1]
    values = [[c.value for c in row] for row in sheet.iter_rows() if any(c.value is not None for c in row)]
    header = next(v for v in values if v[:2] == ["Document", "Alinea"])
    assert header[-3:] == ["Gecodeerd door", "Niet gecodeerd door", "Tekst"]
    out_docx = tmp_path / "agreement.docx"
    assert run(capsys, team_file, "--disagreements", "--out", out_docx, "--language", "nl")[0] == 0
    document = docx.Document(str(out_docx))
    table = document.tables[-1]
    assert [c.text for c in table.rows[0].cells] == ["Document", "Plaats", "Code", "Codeurs", "Tekst"]
    assert [c.text for c in table.rows[1].cells] == [
        "int1",
        "¶\u00a02 · 70–85 · R",
        "Mentor",
        "Anna, niet Bram",
        "Dat was jammer.",
    ]
    assert any("Verschillen tussen Anna en Bram, per zin" in p.text for p in document.paragraphs)


def test_three_coders_and_bad_code_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.agreement.conftest import build_team

    path = tmp_path / "trio.lobcoder"
    with ProjectStore.create(path) as store:
        build_team(store, carla=True)
    code, _, err = run(capsys, path, "--disagreements")
    assert code == 2
    assert err.strip() == "lobcoder: error: a list of disagreements compares two coders, not 3: name them with --coders"
    code, out, _ = run(capsys, path, "--disagreements", "--coders", "Anna", "Carla", "--json")
    assert code == 0 and json.loads(out)["disagreements"]["coders"] == ["Anna", "Carla"]
    code, _, err = run(capsys, path, "--disagreements", "--coders", "Anna", "Bram", "--code", "Geen")
    assert code == 2 and err.strip() == "lobcoder: error: no code named 'Geen' in this project"


def test_shorten_cuts_at_a_word() -> None:
    assert shorten("een  twee\ndrie") == "een twee drie"
    assert shorten("aaaa bbbb cccc dddd", 12) == "aaaa bbbb…"


def test_code_path_keeps_two_codes_of_one_name_apart(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two codes called "Mentor" under different parents: ``--code Steun/Mentor`` lists that code's rows only."""
    from lobcoder.services.codes import create_code
    from lobcoder.services.codings import add_coding
    from tests.agreement.conftest import build_team

    path = tmp_path / "paths.lobcoder"
    with ProjectStore.create(path) as store:
        project = build_team(store)
        with store.transaction() as session:
            steun = create_code(session, "Steun").id
            other = create_code(session, "Mentor", steun).id
            start = INTERVIEW_2.index("Iets met zorg")
            add_coding(session, project.documents["int2"], other, start, start + 13, coder="Anna")
    code, out, _ = run(capsys, path, "--code", "Steun/Mentor", "--json")
    assert code == 0
    listed = json.loads(out)["disagreements"]
    assert [(r["document"], r["code"], r["text"]) for r in listed["rows"]] == [("int2", "Mentor", "Iets met zorg.")]
    assert listed["total"] == 1
    code, out, _ = run(capsys, path, "--code", "Mentor", "--json")  # the top-level code's path: not merged
    assert code == 0
    rows = json.loads(out)["disagreements"]["rows"]
    assert [(r["document"], r["text"]) for r in rows] == [
        ("int1", "Dat was jammer."),
        ("int1", "Ze had veel studenten."),
    ]


def test_bad_code_and_limit_are_refused_before_agreement_is_computed(
    team_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import lobcoder.agreement.compute as compute

    computed: list[object] = []
    real = compute.agreement
    monkeypatch.setattr(compute, "agreement", lambda *a, **k: computed.append(a) or real(*a, **k))
    code, _, err = run(capsys, team_file, "--code", "Mentr")
    assert code == 2 and err.strip() == "lobcoder: error: no code named 'Mentr' in this project"
    assert computed == []
    with pytest.raises(SystemExit) as exit_:
        run(capsys, team_file, "--limit", "-1")
    assert exit_.value.code == 2 and "--limit" in capsys.readouterr().err
    assert computed == []
