"""A small two-interview project coded by Anna and Bram (and Carla on one interview), worked out by hand."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest
from sqlalchemy.orm import Session

from lobcoder.analysis.dataset import Dataset, load_dataset
from lobcoder.importing.extracted import Turn
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document
from lobcoder.storage.project import ProjectStore


@dataclass
class Project:
    documents: dict[str, int] = field(default_factory=dict)
    codes: dict[str, int] = field(default_factory=dict)
    codings: dict[str, int] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)


def add_text(session: Session, project: Project, name: str, text: str) -> None:
    turns = [Turn(m.group(1), m.start(), m.end(1) + 2, m.end()) for m in re.finditer(r"^(\w+): [^\n]*", text, re.M)]
    project.documents[name] = add_document(session, name, text, turns).id
    project.texts[name] = text


def add_codes(session: Session, project: Project, names: list[str]) -> None:
    for name in names:
        project.codes[name] = create_code(session, name).id


def code(session: Session, project: Project, label: str, document: str, code_name: str, words: str, coder: str) -> None:
    start = project.texts[document].index(words)
    coding = add_coding(
        session, project.documents[document], project.codes[code_name], start, start + len(words), coder=coder
    )
    project.codings[label] = coding.id


INTERVIEW_1 = (
    "I: Hoe koos je je opleiding?\n"
    "R: Ik koos zelf. Mijn mentor hielp niet. Dat was jammer.\n"
    "I: Waarom niet?\n"
    "R: Geen tijd. Ze had veel studenten."
)
INTERVIEW_2 = "I: Wat wil je later?\nR: Iets met zorg. Of met kinderen."
INTERVIEW_3 = "R: Alleen Anna codeerde dit."


def build_team(store: ProjectStore, carla: bool = False) -> Project:
    project = Project()
    with store.transaction() as session:
        add_text(session, project, "int1", INTERVIEW_1)
        add_text(session, project, "int2", INTERVIEW_2)
        add_text(session, project, "int3", INTERVIEW_3)
        add_codes(session, project, ["Keuze", "Mentor", "Toekomst", "Ongebruikt"])
        code(session, project, "a1", "int1", "Keuze", "Ik koos zelf", coder="Anna")
        code(session, project, "a2", "int1", "Mentor", "Mijn mentor hielp niet. Dat was jammer.", coder="Anna")
        code(session, project, "a3", "int1", "Mentor", "Ze had veel studenten", coder="Anna")
        code(session, project, "a4", "int2", "Toekomst", "Iets met zorg", coder="Anna")
        code(session, project, "a5", "int3", "Keuze", "Alleen", coder="Anna")
        code(session, project, "b1", "int1", "Keuze", "Ik koos zelf.", coder="Bram")
        code(session, project, "b2", "int1", "Mentor", "Mijn mentor hielp niet.", coder="Bram")
        code(session, project, "b3", "int2", "Toekomst", "Of met kinderen", coder="Bram")
        code(session, project, "b4", "int1", "Keuze", "Geen tijd", coder="Bram")
        if carla:
            code(session, project, "c1", "int1", "Keuze", "Ik koos", coder="Carla")
            code(session, project, "c2", "int1", "Mentor", "Ze had veel", coder="Carla")
            code(session, project, "c3", "int2", "Toekomst", "Iets met zorg. Of met kinderen.", coder="Carla")
    return project


@pytest.fixture
def team(store: ProjectStore) -> tuple[Project, Dataset, ProjectStore]:
    """The team project in the ``store`` fixture's project (a file, or a server with ``--project-on``)."""
    project = build_team(store)
    with store.read() as session:
        dataset = load_dataset(session)
    return project, dataset, store


@pytest.fixture
def trio(store: ProjectStore) -> tuple[Project, Dataset]:
    project = build_team(store, carla=True)
    with store.read() as session:
        dataset = load_dataset(session)
    return project, dataset


@pytest.fixture
def team_file(tmp_path) -> object:  # type: ignore[no-untyped-def]
    """The team project as a closed file on disk."""
    path = tmp_path / "team-file.lobcoder"
    with ProjectStore.create(path) as store:
        build_team(store)
    return path
