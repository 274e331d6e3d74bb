"""Fixtures for pseudonymisation: the demo project (built once per session) and deduce (loaded once)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lobcoder.demo.build import create_demo_project


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return create_demo_project(tmp_path_factory.mktemp("demo") / "demo.lobcoder")


@pytest.fixture
def demo_copy(demo_file: Path, tmp_path: Path) -> Path:
    """A private copy of the demo a test may change."""
    target = tmp_path / "demo.lobcoder"
    shutil.copyfile(demo_file, target)
    return target


@pytest.fixture(scope="session")
def deduce_loaded() -> None:
    """deduce with its lookup structures: built once per user (minutes), then loaded from the user cache."""
    from lobcoder.pseudonymise import deduce_engine

    deduce_engine.load()
