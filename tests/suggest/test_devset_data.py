"""The development set (benchmarks/data/devset) is whole: every sentence labelled once, in text order."""

from __future__ import annotations

import csv
from pathlib import Path
from types import ModuleType

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


def test_pseudo_documents_hold_doc_size_consecutive_sentences_of_one_source_with_their_gold_themes(
    bench: ModuleType,
) -> None:
    from quality.corpora import devset_documents  # the benchmark's parts, on the path once ``bench`` is loaded

    sentences = rows("devset_sentences.tsv")
    gold = {r["id"]: r for r in rows("gold.tsv")}
    codes, documents = devset_documents(DEVSET / "gold.tsv", chunk=100)
    # 955 report sentences in 10 documents, the three short texts one document each
    assert [len(d.text.splitlines()) for d in documents] == [28] + [100] * 9 + [55, 11, 3]
    lines = [line for d in documents for line in d.text.splitlines()]
    by_source = sorted(sentences, key=lambda r: r["source"])  # stable: text order within a source
    assert lines == [" ".join(r["text"].split()) for r in by_source]
    guid = {c.name: c.guid for c in codes}
    visie = sum(len(d.codings.get(guid["Visie"], ())) for d in documents)
    assert visie == sum(gold[r["id"]]["VI"] == "1" for r in sentences)
    _, first_round = devset_documents(DEVSET / "gold.tsv", labelling_round="first")
    assert sum(len(d.text.splitlines()) for d in first_round) == 520
    assert len(first_round) == 15
    _, second_round = devset_documents(DEVSET / "gold.tsv", labelling_round="second")
    assert [len(d.text.splitlines()) for d in second_round] == [40] * 11 + [37]
