"""benchmarks/workflow_team.py empties its --out folder first: it refuses one that holds the study."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "workflow_team.py"


@pytest.mark.parametrize("out", [".", "her"])
def test_an_out_folder_holding_the_study_is_refused_and_the_study_kept(tmp_path: Path, out: str) -> None:
    study = tmp_path / "her"
    study.mkdir()
    (study / "attributen.csv").write_text("document;deelnemer\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(study), "--out", str(tmp_path / out)], capture_output=True, text=True
    )
    assert done.returncode == 2
    assert "holds the study" in done.stderr.splitlines()[-1]
    assert (study / "attributen.csv").read_text(encoding="utf-8") == "document;deelnemer\n"
