"""Fixtures for pseudonymisation: the demo project (built once per session) and deduce (loaded once)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lobcoder.demo.build import create_demo_project
from lobcoder.pseudonymise.categories import Category
from lobcoder.pseudonymise.decisions import save_decisions
from lobcoder.pseudonymise.detect import detect
from lobcoder.pseudonymise.termlist import Decision, decisions_from_entities
from lobcoder.storage.project import ProjectStore


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return create_demo_project(tmp_path_factory.mktemp("demo") / "demo.lobcoder")


@pytest.fixture
def demo_copy(demo_file: Path, tmp_path: Path) -> Path:
    """A private copy of the demo a test may change."""
    target = tmp_path / "demo.lobcoder"
    shutil.copyfile(demo_file, target)
    return target


@pytest.fixture
def decided(demo_copy: Path) -> Path:
    """The demo with reviewed decisions stored in it; Joost is rejected (he stays in every export)."""
    extra = [Decision("19 november 2013", Category.DATE, "[datum]"), Decision("Karin", Category.PERSON, "Persoon 1")]
    with ProjectStore.open(demo_copy) as store:
        decisions = decisions_from_entities(detect(store, decisions=extra, use_deduce=False))
        decisions = [Decision(d.term, d.category, d.pseudonym, d.term != "Joost") for d in decisions]
        with store.transaction() as session:
            save_decisions(session, decisions)
    return demo_copy


@pytest.fixture(scope="session")
def deduce_loaded() -> None:
    """deduce with its lookup structures: built once per user (minutes), then loaded from the user cache."""
    from lobcoder.pseudonymise import deduce_engine

    deduce_engine.load()
