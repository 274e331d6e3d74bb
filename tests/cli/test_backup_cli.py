"""``lobcoder backup list|create|restore``, and the backups made before a codebook import and a merge."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

from sqlalchemy import func, select

from lobcoder.__main__ import main
from lobcoder.services.documents import add_document
from lobcoder.storage.backups import BEFORE_CODEBOOK_IMPORT, BEFORE_MERGE, BEFORE_RESTORE, MANUAL, list_backups
from lobcoder.storage.models import Coding, Document
from lobcoder.storage.project import ProjectStore
from tests.teamwork.helpers import build_project, code_as


def run(*args: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


def count(path: Path, model: type) -> int:
    with ProjectStore.open(path) as store, store.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_create_list_and_restore_to_a_new_file_and_in_place(tmp_path: Path) -> None:
    project = tmp_path / "main.lobcoder"
    build_project(project).close()
    documents = count(project, Document)
    assert run("backup", "list", project)[1].startswith("No backups")

    code, out, _ = run("backup", "create", project)
    assert code == 0 and "Wrote " in out
    code, out, _ = run("backup", "list", project, "--json")
    [listed] = json.loads(out)["backups"]
    assert listed["reason"] == MANUAL and listed["documents"] == documents and listed["size"] > 0
    code, out, _ = run("backup", "list", project)
    assert f"{documents} docs" in out and "manual" in out

    with ProjectStore.open(project) as store, store.transaction() as session:
        add_document(session, "later", "I: Nog iets?\n")
    code, out, _ = run("backup", "restore", project, listed["file"], "--out", tmp_path / "old.lobcoder")
    assert code == 0 and count(tmp_path / "old.lobcoder", Document) == documents
    assert count(project, Document) == documents + 1

    code, out, _ = run("backup", "restore", project, listed["file"], "--replace")
    assert code == 0 and "Saved the current state as" in out
    assert count(project, Document) == documents
    assert [b.reason for b in list_backups(project)] == [BEFORE_RESTORE, MANUAL]

    code, _, err = run("backup", "restore", project, "nonsense.lobcoder", "--replace")
    assert code == 2 and "no such backup" in err and err.count("\n") == 1


def test_codebook_import_and_merge_back_the_project_up_first(tmp_path: Path) -> None:
    run("new", tmp_path / "source", "--codebook", "en")
    run("codebook", "export", tmp_path / "source.lobcoder", "--out", tmp_path / "cb.qdc")
    project = tmp_path / "main.lobcoder"
    build_project(project).close()
    run("codebook", "import", project, tmp_path / "cb.qdc", "--dry-run")
    assert list_backups(project) == []  # a dry run changes nothing, so it needs no backup
    code, _, _ = run("codebook", "import", project, tmp_path / "cb.qdc")
    assert code == 0
    [backup] = list_backups(project)
    assert backup.reason == BEFORE_CODEBOOK_IMPORT

    run("team", "copy", project, "--out", tmp_path / "ilse", "--documents", "Interview 1")
    with ProjectStore.open(tmp_path / "ilse.lobcoder") as copy:
        code_as(copy, "Ilse", "Interview 1", "Keuze", "I:")
    before = count(project, Coding)
    code, out, _ = run("team", "merge", project, tmp_path / "ilse.lobcoder")
    assert code == 0, out
    assert count(project, Coding) == before + 1
    merge = [b for b in list_backups(project) if b.reason == BEFORE_MERGE]
    assert len(merge) == 1 and count(merge[0].path, Coding) == before
    # The same copy again adds nothing, so there is nothing to back up first.
    code, out, _ = run("team", "merge", project, tmp_path / "ilse.lobcoder")
    assert code == 0 and "Nothing" in out, out
    assert count(project, Coding) == before + 1
    assert [b.path for b in list_backups(project) if b.reason == BEFORE_MERGE] == [merge[0].path]
