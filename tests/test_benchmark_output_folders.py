"""The benchmark scripts empty or write into an output folder only when a benchmark made it: ``--out ~/Documents``
is refused with a message and left as it was."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from output_folder import MARKER, fresh_folder, take_folder  # noqa: E402


def users_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "Documents"
    (folder / "thesis").mkdir(parents=True)
    (folder / "thesis" / "chapter 1.docx").write_bytes(b"my chapter")
    return folder


@pytest.mark.parametrize(
    "command",
    [
        ["workflow.py", "corpus", "--out"],
        ["workflow.py", "corpus", "--only", "analysis", "--out"],
        ["workflow_team.py", "corpus", "--out"],
        ["run.py", "--keep"],
    ],
)
def test_a_folder_of_the_users_is_refused_and_kept(tmp_path: Path, command: list[str]) -> None:
    folder = users_folder(tmp_path)
    script, *options = command
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), *options, str(folder)], capture_output=True, text=True, cwd=tmp_path
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr.strip().splitlines()[-1] == (
        f"{options[-1]} {folder}: this folder holds files a benchmark did not write (no {MARKER} in it); "
        "choose a new or empty folder"
    )
    assert sorted(p.name for p in folder.rglob("*")) == ["chapter 1.docx", "thesis"]
    assert (folder / "thesis" / "chapter 1.docx").read_bytes() == b"my chapter"


def test_a_benchmarks_folder_is_emptied_and_a_new_or_empty_one_taken(tmp_path: Path) -> None:
    made = fresh_folder(tmp_path / "new" / "out")
    assert sorted(p.name for p in made.iterdir()) == [MARKER]
    (made / "onderzoek.lobcoder").write_bytes(b"an earlier run")
    assert sorted(p.name for p in fresh_folder(made).iterdir()) == [MARKER]  # emptied: the benchmark's own
    (tmp_path / "empty").mkdir()
    assert (take_folder(tmp_path / "empty") / MARKER).is_file()
    (tmp_path / "a file").write_text("mine", encoding="utf-8")
    with pytest.raises(SystemExit, match="not a folder"):
        fresh_folder(tmp_path / "a file")
    assert (tmp_path / "a file").read_text(encoding="utf-8") == "mine"
