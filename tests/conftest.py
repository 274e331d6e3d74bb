"""Shared fixtures: a real project file in a temporary folder."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from lobcoder.storage.project import ProjectStore  # noqa: E402


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ProjectStore]:
    """A new, empty project file."""
    project = ProjectStore.create(tmp_path / "project.lobcoder")
    yield project
    project.close()


def _open_files() -> list[str]:
    """Where this process's open files are (Linux: also files that have no name)."""
    links = []
    for fd in Path("/proc/self/fd").iterdir():
        try:
            links.append(os.readlink(fd))
        except OSError:
            continue
    return links


@pytest.fixture
def open_files() -> Callable[[], list[str]]:
    """A function listing where this process's open files are (needs /proc)."""
    return _open_files
