"""Agreement on a real project: counts worked out by hand, coefficients against brute force over units."""

from __future__ import annotations

from pathlib import Path

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score

from lobcoder.agreement.compute import AgreementProblem, agreement
from lobcoder.analysis.dataset import Dataset, load_dataset
from lobcoder.analysis.units import sentences


def by_code(table):  # type: ignore[no-untyped-def]
    return {row.label: row for row in table.rows}


def test_sentences_counted_by_hand(team) -> None:  # type: ignore[no-untyped-def]
    _, dataset, _ = team
    result = agreement(dataset, ["Anna", "Bram"], "sentence")
    assert result.documents == ("int1", "int2")  # int3 was coded by Anna only
    (table,) = result.tables
    rows = by_code(table)
    assert list(rows) == ["Keuze", "Mentor", "Toekomst"]  # "Ongebruikt" is nobody's
    # (neither, Anna only, Bram only, both) over 7 + 3 sentences
    assert rows["Keuze"].counts == (8, 0, 1, 1)
    assert rows["Mentor"].counts == (7, 2, 0, 1)
    assert rows["Toekomst"].counts == (8, 1, 1, 0)
    assert table.pooled.counts == (23, 3, 2, 2)
    assert rows["Keuze"].values["percent"] == pytest.approx(0.9)
    a = [0] * 10
    b = [0] * 10
    b[5] = a[1] = b[1] = 1  # Keuze: sentence 2 both, sentence 6 Bram
    assert rows["Keuze"].values["cohen"] == pytest.approx(cohen_kappa_score(a, b), abs=1e-12)
    low, high = rows["Keuze"].intervals["cohen"]
    assert low <= rows["Keuze"].values["cohen"] <= high


def unit_vectors(dataset, project, coder: str, code: str, unit: str):  # type: ignore[no-untyped-def]
    """Brute force: per unit of int1 and int2, 1 if the coder's coding of the code touches it."""
    values = []
    coder_id = next(i for i, n in dataset.coders.items() if n == coder)
    code_index = next(c.index for c in dataset.codes if c.name == code)
    for name in ("int1", "int2"):
        text = project.texts[name]
        doc_index = next(i for i, d in enumerate(dataset.documents) if d.name == name)
        c = dataset.codings
        mine = (c.coder == coder_id) & (c.code == code_index) & (c.document == doc_index)
        spans = list(zip(c.start[mine].tolist(), c.end[mine].tolist(), strict=True))
        if unit == "character":
            units = [(i, i + 1) for i in range(len(text))]
        elif unit == "document":
            units = [(0, len(text))]
        else:
            found = sentences(text)
            units = list(zip(found.starts, found.ends, strict=True))
        values += [int(any(s < ue and e > us for s, e in spans)) for us, ue in units]
    return np.array(values)


@pytest.mark.parametrize("unit", ["sentence", "document", "character"])
def test_every_measure_equals_the_reference_on_brute_force_units(team, unit: str) -> None:  # type: ignore[no-untyped-def]
    project, dataset, _ = team
    (table,) = agreement(dataset, ["Anna", "Bram"], unit).tables
    all_a, all_b = [], []
    for row in table.rows:
        a = unit_vectors(dataset, project, "Anna", row.label, unit)
        b = unit_vectors(dataset, project, "Bram", row.label, unit)
        all_a.append(a)
        all_b.append(b)
        expected = (np.sum((a == 0) & (b == 0)), np.sum(a > b), np.sum(b > a), np.sum(a & b))
        assert row.counts == expected
        assert row.values["percent"] == pytest.approx(np.mean(a == b), abs=1e-12)
        if len(set(a) | set(b)) > 1:
            assert row.values["cohen"] == pytest.approx(cohen_kappa_score(a, b), abs=1e-9)
            reference = krippendorff.alpha(
                reliability_data=np.stack([a, b]).astype(float), level_of_measurement="nominal"
            )
            assert row.values["alpha"] == pytest.approx(reference, abs=1e-9)
    a, b = np.concatenate(all_a), np.concatenate(all_b)
    assert table.pooled.values["cohen"] == pytest.approx(cohen_kappa_score(a, b), abs=1e-9)


def test_characters_inflate_percent_agreement(team) -> None:  # type: ignore[no-untyped-def]
    _, dataset, _ = team
    characters = agreement(dataset, ["Anna", "Bram"], "character").tables[0].pooled.values
    sentences_ = agreement(dataset, ["Anna", "Bram"], "sentence").tables[0].pooled.values
    assert characters["percent"] > sentences_["percent"]


def test_segment_overlap_as_maxqda(team) -> None:  # type: ignore[no-untyped-def]
    _, dataset, _ = team
    (table,) = agreement(dataset, ["Anna", "Bram"], "overlap", threshold=90).tables
    rows = by_code(table)
    # "Ik koos zelf" and "Ik koos zelf." overlap 12 of 13 characters (92 %): both matched.
    assert rows["Keuze"].counts == (0, 0, 1, 2)
    # Bram's "Mijn mentor hielp niet." lies inside Anna's longer coding; hers is only 59 % covered.
    assert rows["Mentor"].counts == (0, 2, 0, 1)
    assert rows["Toekomst"].counts == (0, 1, 1, 0)
    assert rows["Keuze"].values["percent"] == pytest.approx(2 / 3)
    assert np.isnan(rows["Keuze"].values["cohen"])
    assert table.pooled.values["percent"] == pytest.approx(3 / 8)
    assert table.pooled.values["brennan_prediger"] == pytest.approx((3 / 8 - 1 / 3) / (2 / 3))
    # At 50 % Anna's long Mentor coding is matched too.
    (loose,) = agreement(dataset, ["Anna", "Bram"], "overlap", threshold=50).tables
    assert by_code(loose)["Mentor"].counts == (0, 1, 0, 2)


def test_three_coders_pairwise_and_group_alpha(trio) -> None:  # type: ignore[no-untyped-def]
    project, dataset = trio
    result = agreement(dataset, None, "sentence")
    assert result.coders == ("Anna", "Bram", "Carla")
    assert [t.coders for t in result.tables] == [("Anna", "Bram"), ("Anna", "Carla"), ("Bram", "Carla"), result.coders]
    group = result.tables[-1]
    for row in group.rows:
        data = np.stack([unit_vectors(dataset, project, c, row.label, "sentence") for c in result.coders])
        reference = krippendorff.alpha(reliability_data=data.astype(float), level_of_measurement="nominal")
        assert row.values["alpha"] == pytest.approx(reference, abs=1e-9)
        assert row.counts[0] == 10


def test_unknown_coder_and_nothing_in_common(team) -> None:  # type: ignore[no-untyped-def]
    _, dataset, _ = team
    with pytest.raises(AgreementProblem, match="no coder named 'Carla'"):
        agreement(dataset, ["Anna", "Carla"])
    with pytest.raises(AgreementProblem, match="no document has been coded by Anna and Bram"):
        agreement(dataset, ["anna ", "BRAM"], documents=[dataset.documents[2].id])


def test_chosen_documents_treat_a_coder_without_codings_as_missing(team) -> None:  # type: ignore[no-untyped-def]
    _, dataset, _ = team
    ids = [d.id for d in dataset.documents]
    result = agreement(dataset, ["Anna", "Bram"], "document", documents=ids)
    assert result.documents == ("int1", "int2", "int3")
    keuze = by_code(result.tables[0])["Keuze"]
    assert sum(keuze.counts) == 2  # int3 has no Bram: not a unit both coders rated


def test_three_coders_report_has_pairs_summary_and_group_table(trio) -> None:  # type: ignore[no-untyped-def]
    from lobcoder.agreement.report import report_tables, result_as_json

    _, dataset = trio
    result = agreement(dataset, None, "sentence")
    tables = report_tables(result, "nl")
    assert [t.title for t in tables] == [
        "Overeenstemming per tweetal codeurs, per zin",
        "Overeenstemming tussen codeurs per code: Anna en Bram, per zin",
        "Overeenstemming tussen codeurs per code: Anna en Carla, per zin",
        "Overeenstemming tussen codeurs per code: Bram en Carla, per zin",
        "Overeenstemming per code tussen Anna, Bram en Carla, per zin",
    ]
    summary = tables[0]
    assert [row.label for row in summary.rows] == ["Anna – Bram", "Anna – Carla", "Bram – Carla"]
    assert summary.columns[:3] == ("Documenten", "% overeenstemming", "Cohens κ")
    assert summary.rows[0].values[0] == 2  # Anna and Bram both coded int1 and int2
    assert summary.rows[0].values[2] == pytest.approx(result.tables[0].pooled.values["cohen"])
    group = tables[-1]
    assert "Fleiss' κ" in group.columns and group.rows[-1].label == "Totaal"
    data = result_as_json(result)
    assert data["tables"][-1]["coders"] == ["Anna", "Bram", "Carla"]
    assert data["tables"][-1]["total"]["counts"]["units"] == 10 * 3  # ten sentences × the three codes used


def _figures(table) -> list[tuple]:  # type: ignore[no-untyped-def,type-arg]
    """Every row's counts and values (NaN as None, so that tables compare equal)."""
    return [
        (r.label, r.counts, {k: None if np.isnan(v) else round(v, 12) for k, v in r.values.items()})
        for r in (*table.rows, table.pooled)
    ]


def _team_and_one_more(path: Path, coder: str, *coding: str) -> Dataset:
    """The data set of the team project (conftest's ``build_team``) with one more coding, by ``coder``."""
    from lobcoder.storage.project import ProjectStore
    from tests.agreement.conftest import build_team, code

    with ProjectStore.create(path) as store:
        project = build_team(store)
        with store.transaction() as session:
            code(session, project, *coding, coder=coder)
        with store.read() as session:
            return load_dataset(session)


def test_three_coders_each_pair_on_the_documents_both_coded(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A third coder who coded one interview does not shrink the other pairs to that interview."""
    from lobcoder.agreement.report import report_tables, result_as_json

    dataset = _team_and_one_more(tmp_path / "late.lobcoder", "Carla", "c1", "int1", "Keuze", "Ik koos")
    for unit in ("sentence", "document", "overlap"):
        result = agreement(dataset, None, unit)
        anna_bram = agreement(dataset, ["Anna", "Bram"], unit).tables[0]
        assert result.tables[0].coders == ("Anna", "Bram")
        assert _figures(result.tables[0]) == _figures(anna_bram)
        assert result.tables[0].documents == ("int1", "int2")
        assert result.tables[1].documents == ("int1",)  # Anna and Carla
        assert _figures(result.tables[1]) == _figures(agreement(dataset, ["Anna", "Carla"], unit).tables[0])
    result = agreement(dataset, None, "sentence")
    group = result.tables[-1]
    assert group.documents == ("int1",)
    assert group.pooled.counts[0] == 7 * 2  # seven sentences of int1 × Keuze and Mentor
    summary, *_, group_table = report_tables(result, "en")
    assert [row.values[0] for row in summary.rows] == [2, 1, 1]
    assert "Each pair is compared on the documents both coded" in summary.notes[-1]
    assert group_table.notes[-1].startswith("Documents all 3 coders coded (1; Fleiss' κ needs the same coders")
    assert report_tables(result, "nl")[1].notes[-1] == "Documenten die beiden codeerden (2): int1, int2."
    assert [t["documents"] for t in result_as_json(result)["tables"]] == [
        ["int1", "int2"],
        ["int1"],
        ["int1"],
        ["int1"],
    ]


def test_three_coders_without_a_document_all_coded_have_no_group_table(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Dirk coded only int3, which Bram did not code: the pairs keep their figures, the group table is left out."""
    from lobcoder.agreement.report import report_tables

    dataset = _team_and_one_more(tmp_path / "apart.lobcoder", "Dirk", "d1", "int3", "Keuze", "Alleen")
    for unit in ("sentence", "document", "character"):
        result = agreement(dataset, None, unit)
        assert [t.coders for t in result.tables] == [("Anna", "Bram"), ("Anna", "Dirk"), ("Bram", "Dirk")]
        assert _figures(result.tables[0]) == _figures(agreement(dataset, ["Anna", "Bram"], unit).tables[0])
        assert result.tables[1].documents == ("int3",)
        summary = report_tables(result, "en")[0]
        assert summary.notes[-1] == "No document was coded by all 3 coders: there is no table for the group."
        assert report_tables(result, "nl")[0].notes[-1] == (
            "Geen document is door alle 3 codeurs gecodeerd: er is geen tabel voor de groep."
        )


def test_a_pair_with_no_document_in_common_says_so(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Bram and Dirk coded no document in common: their table's note says so in words, not an empty list."""
    from lobcoder.agreement.report import report_tables

    dataset = _team_and_one_more(tmp_path / "apart.lobcoder", "Dirk", "d1", "int3", "Keuze", "Alleen")
    result = agreement(dataset, None, "sentence")
    english, dutch = (report_tables(result, language)[3] for language in ("en", "nl"))
    assert english.title.endswith("Bram and Dirk, by sentence")
    assert english.notes[-1] == "No document was coded by both coders."
    assert dutch.notes[-1] == "Geen document is door beide codeurs gecodeerd."
    assert "(0)" not in " ".join(english.notes + dutch.notes)
