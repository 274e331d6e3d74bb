"""Code frequencies: own and rolled up, percentages, splits by wave and by document."""

from __future__ import annotations

import pytest

from lobcoder.analysis.dataset import Dataset
from lobcoder.analysis.filters import AnalysisFilter
from lobcoder.analysis.frequencies import Split, frequencies
from lobcoder.analysis.table import TableRow, Value
from lobcoder.errors import NotFoundError
from lobcoder.services.codings import add_coding
from lobcoder.storage.project import ProjectStore

from .conftest import load
from .fixtures import Project


def _figures(table_rows: tuple[TableRow, ...], width: int = 5) -> dict[str, tuple[Value, ...]]:
    return {row.label: row.values[:width] for row in table_rows}


def test_rolled_up_counts_a_document_once(study: tuple[Project, Dataset]) -> None:
    _, data = study
    result = frequencies(data)
    table = result.to_table()
    assert table.columns == ("Codings", "Documents", "% of documents", "Participants", "% of participants")
    assert table.formats == ("int", "int", "percent", "int", "percent")
    # Loopbaan: Stage and Mentor both occur in Anna_w1; it still counts as one document.
    assert _figures(table.rows) == {
        "Loopbaan": (5, 3, 0.75, 2, 1.0),
        "Stage": (3, 3, 0.75, 2, 1.0),
        "Mentor": (2, 2, 0.5, 1, 0.5),
        "Visie": (3, 3, 0.75, 2, 1.0),
        "Leeg": (0, 0, 0.0, 0, 0.0),
    }
    assert [row.level for row in table.rows] == [0, 1, 1, 0, 0]
    assert "N = 4 documents, 2 participants (the base of the percentages)." in table.notes
    loopbaan = result.rows[0]
    assert (loopbaan.own.codings, loopbaan.own.documents, loopbaan.rolled.codings) == (0, 0, 5)


def test_own_counts_without_roll_up(study: tuple[Project, Dataset]) -> None:
    _, data = study
    assert _figures(frequencies(data, rollup=False).to_table().rows)["Loopbaan"] == (0, 0, 0.0, 0, 0.0)


def test_the_same_code_by_two_coders_counts_twice_as_codings_once_as_document(
    store: ProjectStore, study: tuple[Project, Dataset]
) -> None:
    project, _ = study
    start, end = project.span("Anna_w1", "De stage was fijn.")
    with store.transaction() as session:
        add_coding(session, project.documents["Anna_w1"], project.codes["Stage"], start, end, coder="Sander")
    figures = _figures(frequencies(load(store)).to_table().rows)
    assert figures["Stage"] == (4, 3, 0.75, 2, 1.0)


def test_wave_1_against_wave_3(study: tuple[Project, Dataset]) -> None:
    _, data = study
    wave1 = frequencies(data, AnalysisFilter(attributes={"wave": {"1"}})).to_table()
    wave3 = frequencies(data, AnalysisFilter(attributes={"wave": {"3"}})).to_table()
    assert _figures(wave1.rows) == {
        "Loopbaan": (3, 2, 1.0, 2, 1.0),
        "Stage": (2, 2, 1.0, 2, 1.0),
        "Mentor": (1, 1, 0.5, 1, 0.5),
        "Visie": (2, 2, 1.0, 2, 1.0),
        "Leeg": (0, 0, 0.0, 0, 0.0),
    }
    assert _figures(wave3.rows) == {
        "Loopbaan": (2, 1, 1.0, 1, 1.0),
        "Stage": (1, 1, 1.0, 1, 1.0),
        "Mentor": (1, 1, 1.0, 1, 1.0),
        "Visie": (0, 0, 0.0, 0, 0.0),
        "Leeg": (0, 0, 0.0, 0, 0.0),
    }
    assert "Only documents with wave 3" in wave3.notes


def test_coder_filter(study: tuple[Project, Dataset]) -> None:
    _, data = study
    figures = _figures(frequencies(data, AnalysisFilter(coders={"Sander"})).to_table().rows)
    # Sander made c5 (Stage, Anna_w3); the filtered set is still all four documents.
    assert figures["Stage"] == (1, 1, 0.25, 1, 0.5)
    assert figures["Loopbaan"] == (1, 1, 0.25, 1, 0.5)
    assert figures["Visie"] == (0, 0, 0.0, 0, 0.0)


def test_split_by_wave_gives_shares_of_each_waves_documents(study: tuple[Project, Dataset]) -> None:
    _, data = study
    result = frequencies(data, split_by="wave")
    table = result.to_table()
    assert table.columns[5:] == ("wave 1", "wave 3", "(no value)")
    assert table.column_keys[5:] == (("wave", "1"), ("wave", "3"), ("wave", "(no value)"))
    split = {row.label: row.values[5:] for row in table.rows}
    assert split["Mentor"] == (0.5, 1.0, 0.0)  # Anna_w1 of {Anna_w1, Bram_w1}; Anna_w3 of {Anna_w3}
    assert split["Visie"] == (1.0, 0.0, 1.0)
    codings = {row.label: row.values[5:] for row in result.to_table("codings").rows}
    assert codings["Loopbaan"] == (3, 2, 0)
    people = {row.label: row.values[5:] for row in result.to_table("participants").rows}
    assert people["Stage"] == (2, 1, 0)


def test_split_by_document(study: tuple[Project, Dataset]) -> None:
    project, data = study
    table = frequencies(data, split_by=Split.DOCUMENT, rollup=False).to_table()
    assert table.columns[5:] == ("Anna_w1", "Anna_w3", "Bram_w1", "Losse notitie")
    assert table.column_keys[5] == project.documents["Anna_w1"]
    assert {row.label: row.values[5:] for row in table.rows}["Visie"] == (1, 0, 1, 1)


def test_unknown_split_attribute(study: tuple[Project, Dataset]) -> None:
    _, data = study
    with pytest.raises(NotFoundError, match="golf"):
        frequencies(data, split_by="golf")


def test_a_second_split_words_documents_without_a_value_in_the_tables_language(
    study: tuple[Project, Dataset],
) -> None:
    _, data = study
    result = frequencies(data, split_by="role", then_by="wave")
    table = result.to_table(language="nl")
    # The note has neither a role (no participant) nor a wave: a "(no value)" column under a "(no value)" group.
    assert table.columns[5:] == ("wave 1", "wave 3", "wave 1", "(geen waarde)")
    assert [(g.label, g.first, g.count) for g in table.groups] == [
        ("role docent", 5, 2),
        ("role slb", 7, 1),
        ("(geen waarde)", 8, 1),
    ]
    assert table.column_keys[8] == (("role", "(no value)"), ("wave", "(no value)"))
    assert {row.label: row.values[5:] for row in table.rows}["Visie"] == (1.0, 0.0, 1.0, 1.0)
    assert result.to_table().columns[8] == "(no value)"


def _notes_without_participants(store: ProjectStore) -> Dataset:
    """Two case notes linked to no participant, one coded Visie, one with a wave."""
    from lobcoder.storage.models import AttributeScope

    from .fixtures import add_codes, add_text, attribute, code

    p = Project()
    with store.transaction() as s:
        add_codes(s, p, {"Visie": None})
        add_text(s, p, "Casus_01", "Een notitie over de visie.", turns=[])
        add_text(s, p, "Casus_02", "Een notitie over de stage.", turns=[])
        code(s, p, "c1", "Casus_01", "Visie", "over de visie.")
        attribute(s, "wave", AttributeScope.DOCUMENT, {p.documents["Casus_01"]: "1"})
    return load(store)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_without_participants_the_participant_columns_are_left_out(store: ProjectStore, language: str) -> None:
    data = _notes_without_participants(store)
    table = frequencies(data).to_table(language=language)
    expected = {
        "en": ("Codings", "Documents", "% of documents"),
        "nl": ("Coderingen", "Documenten", "% van documenten"),
    }
    assert table.columns == expected[language]
    assert table.formats == ("int", "int", "percent")
    assert _figures(table.rows, 3) == {"Visie": (1, 1, 0.5)}
    assert not any("articipant" in note or "eelnemer" in note for note in table.notes)
    split = frequencies(data, split_by="wave").to_table(language=language)
    assert split.column_keys == ("codings", "documents", "document_share", ("wave", "1"), ("wave", "(no value)"))
    assert [(group.first, group.count) for group in split.groups] == [(3, 2)]  # over the wave columns
    assert split.column_n == ("", "", "", "n = 1", "n = 1")
    assert {row.label: row.values for row in split.rows}["Visie"] == (1, 1, 0.5, 1.0, 0.0)


def test_participant_columns_stay_when_the_filter_keeps_only_a_document_without_one(
    study: tuple[Project, Dataset],
) -> None:
    """The project has participants: the columns do not come and go with the filter."""
    project, data = study
    only_the_note = AnalysisFilter(documents={project.documents["Losse notitie"]})
    table = frequencies(data, only_the_note).to_table()
    assert table.columns[3:] == ("Participants", "% of participants")
    assert _figures(table.rows)["Visie"] == (1, 1, 1.0, 0, 0.0)
