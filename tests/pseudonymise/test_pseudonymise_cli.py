"""``lobcoder pseudonymise detect`` then ``apply``, as a researcher would run them."""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import pytest
from sqlalchemy import select

from lobcoder.__main__ import main
from lobcoder.pseudonymise.keyfile import read_key
from lobcoder.storage.models import Participant
from lobcoder.storage.project import ProjectStore


def test_detect_review_apply(demo_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    terms = tmp_path / "terms.csv"
    terms.write_text("term,category,pseudonym\nMBO Diensten,organisation,Organisatie X\n", "utf-8")
    findings = tmp_path / "findings.csv"
    assert (
        main(["pseudonymise", "detect", str(demo_copy), "--terms", str(terms), "--out", str(findings), "--no-deduce"])
        == 0
    )
    assert "entities" in capsys.readouterr().out
    rows = list(csv.DictReader(findings.read_text("utf-8").splitlines()))
    by_term = {r["term"]: r for r in rows}
    assert by_term["Marieke"]["pseudonym"] == "Docent 1" and int(by_term["Marieke"]["count"]) > 10
    assert by_term["MBO Diensten"]["pseudonym"] == "Organisatie X"
    # The researcher rejects one finding and renames another.
    by_term["Joost"]["decision"] = "reject"
    by_term["Ruud"]["pseudonym"] = "Leidinggevende 1"
    with findings.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    password = tmp_path / "password.txt"
    password.write_text("correct horse\n", "utf-8")
    out, key = tmp_path / "demo-pseudo.lobcoder", tmp_path / "key.json"
    code = main(
        ["pseudonymise", "apply", str(demo_copy), "--decisions", str(findings), "--out", str(out), "--key", str(key),
         "--password-file", str(password)]
    )  # fmt: skip
    assert code == 0
    assert "(encrypted)" in capsys.readouterr().out
    with ProjectStore.open(out) as copy, copy.read() as session:
        names = set(session.scalars(select(Participant.name)))
    assert names == {"Docent 1", "Joost", "Docent 3", "Leidinggevende 1", "Contactpersoon 1"}
    assert {"term": "MBO Diensten", "pseudonym": "Organisatie X"} in read_key(key, "correct horse")["terms"]


def test_apply_refuses_a_term_list_without_decisions(
    demo_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("term,category,pseudonym\n", "utf-8")
    out = tmp_path / "x.lobcoder"
    assert (
        main(
            [
                "pseudonymise",
                "apply",
                str(demo_copy),
                "--decisions",
                str(empty),
                "--out",
                str(out),
                "--key",
                str(tmp_path / "k"),
            ]
        )
        == 2
    )
    assert "empty.csv: has no accepted decision" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.usefixtures("deduce_loaded")
def test_detect_with_deduce_lists_what_the_project_does_not_know(tmp_path: Path) -> None:
    project = tmp_path / "p.lobcoder"
    ProjectStore.create(project).close()
    text = tmp_path / "interview.txt"
    text.write_text("I: Wie begeleidt je?\n\nR: Dat doet Pieter Jansen, sinds 3 maart 2015, in Utrecht.\n", "utf-8")
    assert main(["import", str(project), str(text)]) == 0
    findings = tmp_path / "findings.csv"
    assert main(["pseudonymise", "detect", str(project), "--out", str(findings)]) == 0
    rows = {r["term"]: r for r in csv.DictReader(findings.read_text("utf-8").splitlines())}
    assert rows["Pieter Jansen"]["sources"] == "deduce" and rows["Pieter Jansen"]["pseudonym"] == "Persoon 1"
    assert rows["Utrecht"]["pseudonym"] == "[plaats]" and rows["3 maart 2015"]["category"] == "date"


def test_detect_review_save_then_export_pseudonymised(
    demo_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without the window: the reviewed CSV is stored with 'save', and a --pseudonymise export uses it."""
    from lobcoder.pseudonymise.decisions import load_decisions

    findings = tmp_path / "findings.csv"
    assert main(["pseudonymise", "detect", str(demo_copy), "--out", str(findings), "--no-deduce"]) == 0
    assert "'pseudonymise save'" in capsys.readouterr().out
    rows = list(csv.DictReader(findings.read_text("utf-8").splitlines()))
    for row in rows:
        if row["term"] == "Joost":
            row["decision"] = "reject"
    with findings.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    quotes = tmp_path / "citaten.csv"
    assert main(["report", "quotes", str(demo_copy), "--pseudonymise", "--out", str(quotes)]) != 0
    assert "no accepted pseudonymisation decisions" in capsys.readouterr().err

    assert main(["pseudonymise", "save", str(demo_copy), "--decisions", str(findings)]) == 0
    out = capsys.readouterr().out
    assert f"Stored {len(rows)} decisions ({len(rows) - 1} accepted)" in out
    with ProjectStore.open(demo_copy) as store, store.read() as session:
        stored = {d.term: d for d in load_decisions(session)}
    assert stored["Joost"].accepted is False and stored["Marieke"].pseudonym == "Docent 1"

    assert main(["report", "quotes", str(demo_copy), "--pseudonymise", "--out", str(quotes)]) == 0
    text = quotes.read_text("utf-8-sig")
    assert (
        "Docent 1" in text and "Marieke" not in text and "Joost" in text
    )  # what is left out: test_pseudonymised_exports
    # Saving a CSV again updates the stored terms: Joost is now accepted, under the name the researcher gave him.
    by_term = {row["term"]: row for row in rows}
    by_term["Joost"].update(decision="accept", pseudonym="Docent 9")
    with findings.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    assert main(["pseudonymise", "save", str(demo_copy), "--decisions", str(findings)]) == 0
    assert f"({len(rows)} accepted)" in capsys.readouterr().out
    with ProjectStore.open(demo_copy) as store, store.read() as session:
        stored = {d.term: d for d in load_decisions(session)}
    assert len(stored) == len(rows) and (stored["Joost"].accepted, stored["Joost"].pseudonym) == (True, "Docent 9")


def test_save_refuses_an_empty_term_list(demo_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("term,category,pseudonym\n", "utf-8")
    assert main(["pseudonymise", "save", str(demo_copy), "--decisions", str(empty)]) != 0
    assert "empty.csv: holds no terms; nothing to store" in capsys.readouterr().err
    from lobcoder.cli.pseudonymise import cmd_save
    from lobcoder.errors import FileProblem

    with pytest.raises(FileProblem) as raised:
        cmd_save(argparse.Namespace(project=demo_copy, decisions=empty))
    assert raised.value.text("nl") == f"{empty}: bevat geen termen; er is niets op te slaan"


def test_apply_words_its_refusals_in_its_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "studie.lobcoder"
    ProjectStore.create(project).close()
    out, key = tmp_path / "kopie.lobcoder", tmp_path / "sleutel.json"
    apply = ["pseudonymise", "apply", str(project), "--out", str(out), "--key", str(key), "--language", "nl"]
    # No decisions stored in the project: the project is named, not 'the project'.
    assert main(apply) == 2
    assert capsys.readouterr().err.strip() == (
        f"lobcoder: error: {project}: bevat geen geaccepteerde beslissing met een pseudoniem; er is niets te vervangen"
    )
    empty = tmp_path / "wachtwoord.txt"
    empty.write_text("", "utf-8")
    assert main([*apply, "--password-file", str(empty)]) == 2
    assert capsys.readouterr().err.strip() == (
        f"lobcoder: error: {empty}: is leeg; de eerste regel moet het wachtwoord zijn"
    )
    assert main([*apply, "--password-file", str(tmp_path / "weg.txt")]) == 2
    assert (
        capsys.readouterr()
        .err.strip()
        .startswith(f"lobcoder: error: {tmp_path / 'weg.txt'}: kan niet worden gelezen (")
    )
    assert main([*apply[:-2], "--password-file", str(empty)]) == 2
    assert capsys.readouterr().err.strip().endswith("is empty; its first line must be the password")
    assert not out.exists() and not key.exists()
