"""Merging a .qdpx: the temporary project with the other coder's interviews stays in the project's folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from lobcoder.refi.qdpx_export import export_qdpx
from lobcoder.storage.leftovers import find_leftovers
from lobcoder.storage.project import ProjectStore
from lobcoder.teamwork import merge
from lobcoder.teamwork.merge import plan_from_file
from tests.teamwork.helpers import build_project


def test_a_qdpx_is_read_beside_the_project_not_in_the_system_temp_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    system_temp = tmp_path / "systeem-temp"
    system_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", system_temp)
    folder = tmp_path / "onderzoek"
    folder.mkdir()
    other = build_project(tmp_path / "ilse.lobcoder")
    export_qdpx(other, tmp_path / "ilse.qdpx")
    other.close()
    seen: list[tuple[list[str], list[str]]] = []
    reading = merge.read_other_project

    def watched(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append((sorted(p.name for p in folder.iterdir()), sorted(p.name for p in system_temp.iterdir())))
        return reading(*args, **kwargs)

    monkeypatch.setattr(merge, "read_other_project", watched)
    with build_project(folder / "studie.lobcoder") as store:
        plan = plan_from_file(store, tmp_path / "ilse.qdpx")
    assert len(plan.documents) == 4
    ((in_folder, in_system_temp),) = seen
    assert f".studie.lobcoder.{os.getpid()}.merging" in in_folder and in_system_temp == []
    assert sorted(p.name for p in folder.iterdir()) == ["studie.lobcoder"]
    assert list(system_temp.iterdir()) == []


def test_a_merge_a_kill_interrupted_is_cleaned_when_the_project_is_opened(tmp_path: Path) -> None:
    build_project(tmp_path / "studie.lobcoder").close()
    dead = 2**22 + 12345  # beyond any process id Linux hands out
    leftover = tmp_path / f".studie.lobcoder.{dead}.merging"
    build_project(leftover).close()
    assert [found.path for found in find_leftovers(tmp_path / "ander.lobcoder")] == [leftover]
    ProjectStore.open(tmp_path / "studie.lobcoder").close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["studie.lobcoder"]
