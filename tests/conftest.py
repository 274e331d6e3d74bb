"""Shared fixtures: a real project file in a temporary folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
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
