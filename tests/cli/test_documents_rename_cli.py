"""``lobcoder documents rename``: the new name is listed and searched under, codings stay; a taken name is refused."""

from __future__ import annotations

from pathlib import Path

from tests.cli.running import run
from tests.services.test_document_removal import build


def test_rename_keeps_codings_and_search(tmp_path: Path) -> None:
    project = build(tmp_path)
    code, out, _ = run("documents", "rename", project, "verkeerd", "  Boodschappen  2024 ")
    assert code == 0 and out.strip() == "Renamed ‘Verkeerd’ to ‘Boodschappen 2024’."
    listed = run("show", project)[1].splitlines()
    assert listed[0] == "Boodschappen 2024 [P-Verkeerd]: 90 characters, 2 turns, 2 codings"  # its participant stays
    assert not [line for line in listed if line.startswith("Verkeerd")]
    assert "Boodschappen 2024" in run("search", project, "aardappelen")[1]
    assert "aardappelen" in run("show", project, "boodschappen 2024")[1]


def test_a_name_taken_in_another_case_is_refused_in_dutch(tmp_path: Path) -> None:
    project = build(tmp_path)
    code, out, err = run("documents", "rename", project, "Verkeerd", "STUDENT01", "--language", "nl")
    assert code != 0 and out == ""
    assert "er bestaat al een document met de naam 'STUDENT01'" in err
    assert run("show", project)[1].splitlines()[-1].startswith("Verkeerd [")
    code, out, err = run("documents", "rename", project, "Verkeerd", "   ", "--language", "nl")
    assert code != 0 and "de naam van een document mag niet leeg zijn" in err
    assert run("show", project)[1].splitlines()[-1].startswith("Verkeerd [")
