"""The development set (benchmarks/data/devset) is whole: every sentence labelled once, in text order."""

from __future__ import annotations

import csv
from pathlib import Path

DEVSET = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "devset"
CODES = ["CL", "TL", "VI", "CO"]


def rows(name: str) -> list[dict[str, str]]:
    with open(DEVSET / name, encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_gold_labels_every_sentence_exactly_once_with_0_or_1() -> None:
    sentences = rows("devset_sentences.tsv")
    gold = rows("gold.tsv")
    assert len(sentences) == 997
    assert [r["id"] for r in gold] == [r["id"] for r in sentences]
    assert len({r["id"] for r in gold}) == len(gold)
    for row in gold:
        assert list(row) == ["id", *CODES]
        assert {row[c] for c in CODES} <= {"0", "1"}, row
    for code in CODES:
        assert any(row[code] == "1" for row in gold), code


def test_ids_are_in_text_order() -> None:
    sentences = rows("devset_sentences.tsv")
    candidates = [int(r["cand_id"].removeprefix("s")) for r in sentences]
    assert candidates == sorted(candidates)
    assert len(set(candidates)) == len(candidates)
    for prefix, size in (("d", 520), ("e", 477)):
        ids = [r["id"] for r in sentences if r["id"].startswith(prefix)]
        assert ids == [f"{prefix}{n:03d}" for n in range(size)]


def test_both_passes_label_the_same_sentences_and_gold_follows_them_or_the_adjudication() -> None:
    gold = {r["id"]: r for r in rows("gold.tsv")}
    a = {r["id"]: r for r in rows("passA/labels.tsv")}
    b = {r["id"]: r for r in rows("passB/labels.tsv")}
    adjudicated = {(r["id"], r["code"]): r["gold"] for r in rows("adjudication.tsv")}
    assert set(a) == set(b) == set(gold)
    for i, row in gold.items():
        for code in CODES:
            if a[i][code] == b[i][code]:
                assert row[code] == a[i][code], (i, code)
            else:
                assert row[code] == adjudicated[(i, code)], (i, code)
