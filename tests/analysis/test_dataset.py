"""Loading a project into a data set: tree order, roll-up matrix, labels, optional texts and turns."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from lobcoder.analysis.dataset import DataNotLoaded, Dataset, by_document, load_dataset, value_label
from lobcoder.errors import NotFoundError
from lobcoder.storage.project import ProjectStore

from .fixtures import Project


def test_codes_come_in_codebook_order_with_their_subtrees(study: tuple[Project, Dataset]) -> None:
    project, data = study
    assert [(c.name, c.depth, c.index) for c in data.codes] == [
        ("Loopbaan", 0, 0),
        ("Stage", 1, 1),
        ("Mentor", 1, 2),
        ("Visie", 0, 3),
        ("Leeg", 0, 4),
    ]
    assert data.subtree(project.codes["Loopbaan"]) == (0, 1, 2)
    assert data.subtree(project.codes["Stage"]) == (1,)
    # Row: the code; columns: what it counts for when rolled up (itself and its ancestors).
    assert data.ancestors.tolist()[2] == [1.0, 0.0, 1.0, 0.0, 0.0]
    with pytest.raises(NotFoundError):
        data.code(9999)


def test_documents_codings_and_attribute_labels(study: tuple[Project, Dataset]) -> None:
    project, data = study
    assert [d.name for d in data.documents] == ["Anna_w1", "Anna_w3", "Bram_w1", "Losse notitie"]
    anna = data.documents[0]
    assert (anna.participant, dict(anna.attributes)) == ("Anna", {"wave": "1", "role": "docent"})
    assert data.documents[3].participant is None and dict(data.documents[3].attributes) == {}
    assert data.attribute_names == ("wave", "role")
    assert data.attribute_values == {"wave": ("1", "3"), "role": ("docent", "slb")}
    assert len(data.codings) == 8
    row = int(list(data.codings.id).index(project.codings["c5"]))
    coding = data.coding(row)
    assert (coding.coder, coding.code_id, coding.document_id) == ("Sander", project.codes["Stage"], anna.id + 1)
    assert data.text(coding.document_id)[coding.start : coding.end] == "De stage bleef."
    with pytest.raises(ValueError):
        data.codings.start[0] = 5  # the arrays are read-only


def test_texts_and_turns_are_optional(store: ProjectStore, study: tuple[Project, Dataset]) -> None:
    with store.read() as session:
        light = load_dataset(session, texts=False, turns=False)
    assert light.texts is None and light.turns is None and len(light.codings) == 8
    with pytest.raises(DataNotLoaded, match="texts=True"):
        light.text(light.documents[0].id)
    with pytest.raises(DataNotLoaded, match="turns=True"):
        light.document_turns(light.documents[0].id)
    _, full = study
    turns = full.document_turns(full.documents[0].id)
    assert [(t.speaker, t.is_interviewer) for t in turns] == [
        ("I", True),
        ("Anna", False),
        ("I", True),
        ("Anna", False),
    ]


def test_value_labels() -> None:
    assert [value_label(v) for v in (1.0, 2.5, date(2023, 3, 14), " docent ")] == ["1", "2.5", "2023-03-14", "docent"]


def test_an_empty_project_loads(store: ProjectStore) -> None:
    with store.read() as session:
        data = load_dataset(session)
    assert (data.codes, data.documents, len(data.codings)) == ((), (), 0)


def test_by_document_groups_positions_in_document_order_keeping_their_order() -> None:
    documents = np.array([3, 0, 3, 1, 0, 3], dtype=np.int64)
    groups = [(document, at.tolist()) for document, at in by_document(documents)]
    assert groups == [(0, [1, 4]), (1, [3]), (3, [0, 2, 5])]
    assert by_document(np.zeros(0, dtype=np.int64)) == []
