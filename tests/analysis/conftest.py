"""Fixtures: hand-worked projects loaded as analysis data sets."""

from __future__ import annotations

import pytest

from lobcoder.analysis.dataset import Dataset, load_dataset
from lobcoder.storage.project import ProjectStore

from .fixtures import Project, build_study, build_units


def load(store: ProjectStore) -> Dataset:
    with store.read() as session:
        return load_dataset(session)


@pytest.fixture
def study(store: ProjectStore) -> tuple[Project, Dataset]:
    project = build_study(store)
    return project, load(store)


@pytest.fixture
def units_doc(store: ProjectStore) -> tuple[Project, Dataset]:
    project = build_units(store)
    return project, load(store)
