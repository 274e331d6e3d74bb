"""A backup made for a long action reports its progress and can be cancelled, leaving nothing behind."""

from __future__ import annotations

from pathlib import Path

import pytest

import lobcoder.storage.backups as backups
from lobcoder.errors import Cancelled
from lobcoder.storage.backups import BEFORE_CODEBOOK_IMPORT, BEFORE_MERGE, backup_folder, create_backup, list_backups
from tests.storage.test_backups import T0, add_document_now, project_with, rows


@pytest.fixture
def small_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backups, "_PAGES_PER_STEP", 4)  # a few pages at a time, as a large project would go


def test_progress_counts_the_pages_up_to_the_whole_copy(tmp_path: Path, small_steps: None) -> None:
    project = project_with(tmp_path / "p.lobcoder", 30)
    seen: list[tuple[int, int]] = []

    result = create_backup(project, BEFORE_CODEBOOK_IMPORT, T0, lambda done, total, _: seen.append((done, total)))

    assert result.backup is not None and result.problem is None
    assert len(seen) > 2 and seen[-1][0] == seen[-1][1] > 0
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert rows(result.backup.path) == rows(project)


def test_cancel_half_way_leaves_no_backup_and_rotates_none_out(tmp_path: Path, small_steps: None) -> None:
    project = project_with(tmp_path / "p.lobcoder", 30)
    earlier = create_backup(project, BEFORE_MERGE, T0).backup
    steps: list[int] = []

    with pytest.raises(Cancelled):
        create_backup(project, BEFORE_CODEBOOK_IMPORT, T0, lambda done, *_: steps.append(done), lambda: len(steps) >= 2)

    assert len(steps) == 2  # it stopped after the second step, not at the end
    assert earlier is not None and list_backups(project) == [earlier]
    assert [p.name for p in backup_folder(project).iterdir()] == [earlier.path.name]  # no half-written file


def test_cancelled_before_it_starts_nothing_is_written(tmp_path: Path) -> None:
    project = project_with(tmp_path / "p.lobcoder", 3)

    with pytest.raises(Cancelled):
        create_backup(project, BEFORE_CODEBOOK_IMPORT, T0, None, lambda: True)

    folder = backup_folder(project)
    assert not folder.exists() or list(folder.iterdir()) == []


def test_saves_during_the_copy_do_not_restart_it(tmp_path: Path, small_steps: None) -> None:
    # The analysis window (or another program) may save while a watched backup copies step by step:
    # the copy is of the project as it was when it began, in as many steps as without the saves.
    project = project_with(tmp_path / "p.lobcoder", 30)
    quiet: list[int] = []
    create_backup(project, BEFORE_MERGE, T0, lambda done, *_: quiet.append(done))
    before = rows(project)
    steps: list[int] = []

    def save_meanwhile(done: int, _total: int, _: str) -> None:
        steps.append(done)
        if len(steps) <= 3:
            add_document_now(project, f"Saved during step {len(steps)}")

    result = create_backup(project, BEFORE_CODEBOOK_IMPORT, T0, save_meanwhile)

    assert result.backup is not None and result.problem is None
    assert len(steps) == len(quiet) > 3
    assert rows(result.backup.path) == before
    names = [row[1] for row in rows(project)["documents"]]
    assert [n for n in names if n.startswith("Saved")] == [f"Saved during step {i}" for i in (1, 2, 3)]
