"""``lobcoder speakers``: rename, merge, mark and code turns from the command line."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from lobcoder.cli.main import main
from lobcoder.services.codes import create_code
from lobcoder.storage.project import ProjectStore
from tests.importing.transcript_fixtures import write_fixtures


def run(*args: str | Path) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main([str(a) for a in args])
    return code, out.getvalue()


def test_rename_merge_mark_and_code_turns(tmp_path: Path) -> None:
    fixtures = write_fixtures(tmp_path / "exports")
    project = tmp_path / "p.lobcoder"
    with ProjectStore.create(project) as store:
        with store.transaction() as session:
            create_code(session, "Mentor")
    chosen = [p for p in fixtures if p.name in ("otter.txt", "amberscript.txt")]
    code, out = run("import", project, *chosen)
    assert code == 0
    assert "-> 'otter' (Otter; " in out and "-> 'amberscript' (Amberscript; " in out

    code, out = run("speakers", project, "--rename", "Speaker 1", "Lotte", "--merge", "Spreker 1", "--into", "Lotte")
    assert code == 0
    assert out.splitlines() == [
        "Lotte: 4 turns in 2 documents",
        "Speaker 2: 2 turns in 1 document",
        "Spreker 2: 2 turns in 1 document",
    ]
    code, out = run("speakers", project, "--interviewer", "Lotte", "--code-turns", "mentor", "--coder", "cli")
    assert code == 0
    assert out.splitlines()[0] == "coded 4 turns with 'mentor'"
    assert "Lotte (interviewer): 4 turns in 2 documents" in out

    code, out = run("speakers", project, "--rename", "Lotte", "Speaker 2")
    assert code == 1 and "already exists; merge the two speakers instead" in out
    code, out = run("speakers", project, "--code-turns", "Mentor", "--of", "Speaker 2")
    assert code == 1 and "no uncoded turns" in out
    code, out = run("speakers", project, "--merge", "Speaker 2")
    assert code == 2 and "--into" in out


def test_rename_in_one_document(tmp_path: Path) -> None:
    fixtures = write_fixtures(tmp_path / "exports")
    project = tmp_path / "p.lobcoder"
    ProjectStore.create(project).close()
    chosen = [p for p in fixtures if p.name in ("otter.txt", "word-transcribe.docx")]
    assert run("import", project, *chosen)[0] == 0
    code, out = run("speakers", project, "--document", "otter", "--rename", "Speaker 2", "Marieke")
    assert code == 0
    assert out.splitlines() == ["Marieke: 2 turns in 1 document", "Speaker 1: 2 turns in 1 document"]
    code, out = run("speakers", project)
    assert "Speaker 2: 2 turns in 1 document" in out and "Speaker 1: 4 turns in 2 documents" in out
