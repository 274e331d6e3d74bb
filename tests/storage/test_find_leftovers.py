"""Leftovers of interrupted builds beside a project are found and removed on request, nothing else."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

from lobcoder.__main__ import main
from lobcoder.storage.leftovers import find_leftovers, remove_leftovers
from lobcoder.storage.project import ProjectStore
from tests.storage.leftover_helpers import make_leftovers


def _run(*args: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


def test_only_files_of_builders_that_no_longer_run_are_found(tmp_path: Path) -> None:
    project = tmp_path / "main.lobcoder"
    ProjectStore.create(project).close()
    stale, running = make_leftovers(tmp_path)
    found = find_leftovers(project)
    assert {x.path.name for x in found} == stale
    assert all(x.size == 2048 for x in found)
    removed, failed = remove_leftovers(found)
    assert {p.name for p in removed} == stale and not failed
    assert running <= {p.name for p in tmp_path.iterdir()}
    assert find_leftovers(project) == []


def test_info_mentions_leftovers_and_cleans_them_when_asked(tmp_path: Path) -> None:
    project = tmp_path / "main.lobcoder"
    ProjectStore.create(project).close()
    stale, running = make_leftovers(tmp_path)
    code, out, _ = _run("info", project)
    assert code == 0
    assert "4 file(s), 0.0 MB, left by interrupted imports or copies" in out
    assert all(name in out for name in stale) and "--clean-leftovers" in out
    assert stale <= {p.name for p in tmp_path.iterdir()}  # info alone removes nothing

    code, out, _ = _run("info", project, "--clean-leftovers", "--json")
    figures = json.loads(out)
    assert code == 0 and figures["leftovers"] == []
    assert {Path(p).name for p in figures["removed_leftovers"]} == stale
    assert not stale & {p.name for p in tmp_path.iterdir()}
    assert running <= {p.name for p in tmp_path.iterdir()}
    code, out, _ = _run("info", project)
    assert "interrupted" not in out
