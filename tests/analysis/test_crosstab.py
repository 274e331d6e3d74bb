"""Crosstabs of codes by attribute values, percentages adding up to 100%, and participants × waves."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from lobcoder.analysis.crosstab import crosstab, participant_by_wave
from lobcoder.analysis.dataset import Dataset
from lobcoder.analysis.filters import AnalysisFilter
from lobcoder.analysis.table import TableRow, Value

from .fixtures import Project


def _rows(table_rows: tuple[TableRow, ...]) -> dict[str, tuple[object, ...]]:
    return {row.label: tuple(round(v, 4) if isinstance(v, float) else v for v in row.values) for row in table_rows}


def _numbers(values: Iterable[Value]) -> list[float]:
    return [float(v) for v in values if isinstance(v, int | float)]


def test_codings_by_wave_with_totals(study: tuple[Project, Dataset]) -> None:
    _, data = study
    result = crosstab(data, "wave")
    table = result.to_table()
    assert table.columns == ("1", "3", "(no value)", "Total")
    # Totals add up Loopbaan, Visie and Leeg only: Stage and Mentor are inside Loopbaan already.
    assert _rows(table.rows) == {
        "Loopbaan": (3, 2, 0, 5),
        "Stage": (2, 1, 0, 3),
        "Mentor": (1, 1, 0, 2),
        "Visie": (2, 0, 1, 3),
        "Leeg": (0, 0, 0, 0),
        "Total": (5, 2, 1, 8),
    }
    assert table.rows[-1].key is None and table.column_keys[0] == ("wave", "1")


def test_row_percentages_sum_to_100(study: tuple[Project, Dataset]) -> None:
    _, data = study
    table = crosstab(data, "wave").to_table("row")
    rows = _rows(table.rows)
    assert rows["Loopbaan"] == (0.6, 0.4, 0.0, 1.0)
    assert rows["Visie"] == (0.6667, 0.0, 0.3333, 1.0)
    assert rows["Total"] == (0.625, 0.25, 0.125, 1.0)
    for row in table.rows:
        if row.values[-1]:
            assert sum(_numbers(row.values[:-1])) == pytest.approx(1.0)
    assert set(table.formats) == {"percent"}


def test_column_percentages_sum_to_100_over_top_level_codes(study: tuple[Project, Dataset]) -> None:
    _, data = study
    table = crosstab(data, "wave").to_table("column")
    rows = _rows(table.rows)
    assert rows["Loopbaan"] == (0.6, 1.0, 0.0, 0.625)
    assert rows["Stage"] == (0.4, 0.5, 0.0, 0.375)
    assert rows["Total"] == (1.0, 1.0, 1.0, 1.0)
    for column in range(3):
        assert sum(_numbers(table.rows[i].values[column] for i in (0, 3, 4))) == pytest.approx(1.0)
    flat = crosstab(data, "wave", rollup=False).to_table("column")
    for column in range(3):  # without roll-up every row is added up
        assert sum(_numbers(row.values[column] for row in flat.rows[:-1])) == pytest.approx(1.0)


def test_documents_and_participants_by_role(study: tuple[Project, Dataset]) -> None:
    _, data = study
    documents = _rows(crosstab(data, "role", count="documents").to_table().rows)
    # role is a participant attribute: Anna's two documents are docent, Bram's slb, the note has none.
    assert documents["Loopbaan"] == (2, 1, 0, 3)
    assert documents["Visie"] == (1, 1, 1, 3)
    people = _rows(crosstab(data, "role", count="participants").to_table().rows)
    assert people["Mentor"] == (1, 0, 0, 1)
    # Her walk-through: "Totaal 7" under a school of n = 2 participants, with nothing saying why.
    notes = crosstab(data, "role", count="participants").to_table(language="nl").notes
    assert "Totalen tellen de cellen op: een deelnemer met meerdere codes telt bij elke code één keer mee." in notes
    assert not any("Totals add up the cells" in note for note in crosstab(data, "wave").to_table().notes)
    documents_notes = crosstab(data, "wave", count="documents").to_table().notes
    assert "Totals add up the cells: a document with several codes counts once for each code." in documents_notes


def test_participants_by_a_document_attribute_count_once_in_the_total_column(study: tuple[Project, Dataset]) -> None:
    _, data = study
    # Anna has Stage in wave 1 and in wave 3: she counts in both columns but once in Total, under its "n = 2".
    table = crosstab(data, "wave", count="participants").to_table()
    assert table.column_n == ("n = 2", "n = 1", "n = 0", "n = 2")
    rows = _rows(table.rows)
    assert rows["Stage"] == (2, 1, 0, 2)
    assert rows["Mentor"] == (1, 1, 0, 1)
    assert rows["Visie"] == (2, 0, 0, 2)
    assert rows["Total"] == (4, 1, 0, 4)  # down the columns a person still counts once per code: Loopbaan + Visie
    assert all(row.values[-1] <= 2 for row in table.rows[:-1])  # type: ignore[operator]
    assert not any("Totals add up the cells" in note for note in table.notes)
    assert (
        "The Total column counts each participant once, also one under several values of wave, so a row's cells "
        "can add up to more than its total. The Total row adds up the codes: a participant with several codes "
        "counts once for each code." in table.notes
    )
    # Row percentages are shares of the people with the code: Stage was raised by both in wave 1, by half in wave 3.
    assert _rows(crosstab(data, "wave", count="participants").to_table("row").rows)["Stage"] == (1.0, 0.5, 0.0, 1.0)
    dutch = crosstab(data, "wave", count="participants").to_table(language="nl").notes
    assert any(note.startswith("De kolom Totaal telt elke deelnemer één keer") for note in dutch)
    # With a participant attribute nobody is under two values: the cells add up to the total as before.
    by_role = _rows(crosstab(data, "role", count="participants").to_table().rows)
    assert all(sum(values[:-1]) == values[-1] for values in by_role.values())  # type: ignore[arg-type]


def test_crosstab_with_a_filter(study: tuple[Project, Dataset]) -> None:
    _, data = study
    table = crosstab(data, "wave", AnalysisFilter(coders={"Sander"})).to_table()
    assert table.columns == ("1", "3", "(no value)", "Total")  # all documents still form the columns
    assert _rows(table.rows)["Stage"] == (0, 1, 0, 1)


def test_participants_by_wave(study: tuple[Project, Dataset]) -> None:
    project, data = study
    stage = participant_by_wave(data, [project.codes["Stage"]])
    table = stage.to_table()
    # The note has no participant, so there is no "(no value)" column; Bram had no wave 3 interview.
    assert table.columns == ("wave 1", "wave 3", "Total")
    assert _rows(table.rows) == {"Anna": (1, 1, 2), "Bram": (1, None, 1)}
    assert table.rows[0].key == data.documents[0].participant_id
    # A code and its sub-code together: every coding counted once.
    both = participant_by_wave(data, [project.codes["Loopbaan"], project.codes["Stage"]])
    assert _rows(both.to_table().rows) == {"Anna": (2, 2, 4), "Bram": (1, None, 1)}
    visie = participant_by_wave(data, [project.codes["Visie"]])
    assert _rows(visie.to_table().rows) == {"Anna": (1, 0, 1), "Bram": (1, None, 1)}  # 0: interviewed, not coded
    own = participant_by_wave(data, [project.codes["Loopbaan"]], rollup=False)
    assert _rows(own.to_table().rows) == {"Anna": (0, 0, 0), "Bram": (0, None, 0)}
