"""Which documents and codings a filter keeps; interviewer turns left out."""

from __future__ import annotations

import pytest

from lobcoder.analysis.dataset import Dataset
from lobcoder.analysis.filters import AnalysisFilter, FilterDescription, interviewer_only, select
from lobcoder.errors import NotFoundError

from .fixtures import Project


def _kept(project: Project, data: Dataset, flt: AnalysisFilter) -> list[str]:
    labels = {coding_id: label for label, coding_id in project.codings.items()}
    return sorted(labels[int(data.codings.id[row])] for row in select(data, flt).rows)


def test_attribute_conditions_select_documents_and_participants(study: tuple[Project, Dataset]) -> None:
    project, data = study
    wave1 = select(data, AnalysisFilter(attributes={"wave": {"1"}}))
    assert [data.documents[i].name for i in wave1.documents] == ["Anna_w1", "Bram_w1"]
    assert [data.participants[p] for p in wave1.participants] == ["Anna", "Bram"]
    wave3 = select(data, AnalysisFilter(attributes={"wave": [3]}))  # numbers match their labels
    assert [data.documents[i].name for i in wave3.documents] == ["Anna_w3"]
    assert _kept(project, data, AnalysisFilter(attributes={"wave": {"3"}})) == ["c4", "c5"]
    # Participant-scope values apply to the participant's documents; a document without one is left out.
    slb = select(data, AnalysisFilter(attributes={"role": {"slb"}, "wave": {"1", "3"}}))
    assert [data.documents[i].name for i in slb.documents] == ["Bram_w1"]
    with pytest.raises(NotFoundError, match="golf"):
        select(data, AnalysisFilter(attributes={"golf": {"1"}}))


def test_document_coder_and_code_filters(study: tuple[Project, Dataset]) -> None:
    project, data = study
    flt = AnalysisFilter(documents={project.documents["Anna_w3"], project.documents["Bram_w1"]})
    assert _kept(project, data, flt) == ["c4", "c5", "c6", "c7"]
    assert _kept(project, data, AnalysisFilter(coders={"Sander"})) == ["c5"]
    assert _kept(project, data, AnalysisFilter(coders={"Niemand"})) == []
    only = select(data, AnalysisFilter(codes={project.codes["Visie"], project.codes["Stage"]}))
    assert [c.name for c in only.codes] == ["Stage", "Visie"]  # codebook order
    assert len(only.rows) == 8  # reporting fewer codes does not drop codings
    assert AnalysisFilter(coders=["Sander"]) == AnalysisFilter(coders={"Sander"})
    hash(AnalysisFilter(attributes={"wave": {"1"}}))


def test_interviewer_codings_are_left_out_and_mixed_ones_kept_whole(units_doc: tuple[Project, Dataset]) -> None:
    project, data = units_doc
    by_label = {label: int(list(data.codings.id).index(cid)) for label, cid in project.codings.items()}
    inside = interviewer_only(data)
    # d1: the second question; f1: the first question with its line break (still the interviewer's);
    # e1: from the first question into Anna's answer, kept whole.
    assert {label for label, row in by_label.items() if inside[row]} == {"d1", "f1"}
    assert _kept(project, data, AnalysisFilter(exclude_interviewer=True)) == ["a1", "a2", "b1", "b2", "c1", "e1"]
    assert "interviewer" in " ".join(AnalysisFilter(exclude_interviewer=True).describe(data).lines())


def test_a_note_joins_attribute_values_with_or_and_names_with_and() -> None:
    kept = FilterDescription(attributes=(("ronde", ("1", "2", "3")),), coders=("Fenna", "Sander"))
    assert kept.lines("en") == ("Only documents with ronde 1, 2 or 3", "Coders: Fenna and Sander")
    assert kept.lines("nl") == ("Alleen documenten met ronde 1, 2 of 3", "Codeurs: Fenna en Sander")
