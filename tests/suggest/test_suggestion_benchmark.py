"""The suggestion benchmark's measures: learning curves by coded text, the keyword-list baseline, reliability marks."""

from __future__ import annotations

import hashlib
import random
from types import ModuleType

import pytest

from lobcoder.suggest.classifier import Reliability
from lobcoder.suggest.store import CodedDocument


def _document(number: int, lines: list[str], codings: dict[str, list[int]]) -> CodedDocument:
    """One sentence a line; ``codings``: code GUID -> the lines coded with it."""
    text, starts = "", []
    for line in lines:
        starts.append(len(text))
        text += line + "\n"
    spans = {g: tuple((starts[i], starts[i] + len(lines[i])) for i in rows) for g, rows in codings.items()}
    return CodedDocument(number, f"doc{number}", hashlib.sha256(text.encode()).hexdigest(), text, (), spans)


def test_learning_from_n_sentences_draws_whole_documents_until_they_hold_n_and_holds_out_the_rest(
    bench: ModuleType,
) -> None:
    from quality.runner import Amount, draw  # the benchmark's parts, on the path once ``bench`` is loaded

    documents = [_document(i, ["Een zin."], {}) for i in range(1, 9)]
    sizes = {1: 40, 2: 40, 3: 40, 4: 100, 5: 28, 6: 11, 7: 3, 8: 40}
    amount = Amount(sentences=120)
    for seed in range(20):
        chosen = draw(random.Random(seed), documents, amount, sizes)
        total = sum(sizes[d.id] for d in chosen)
        assert total >= 120
        assert total - sizes[chosen[-1].id] < 120  # the last document drawn was needed to reach 120
        assert len(chosen) < len(documents)
    again = draw(random.Random(3), documents, amount, sizes)
    assert again == draw(random.Random(3), documents, amount, sizes)  # seeded
    assert len(draw(random.Random(3), documents, Amount(documents=3), sizes)) == 3
    with pytest.raises(SystemExit, match="no document would be left"):
        draw(random.Random(0), documents, Amount(sentences=1000), sizes)


def test_the_keyword_list_baseline_gives_a_sentence_a_theme_when_a_listed_word_or_its_lemma_is_in_it(
    bench: ModuleType,
) -> None:
    from quality.corpora import THEMES, research_codes
    from quality.keyword_list import keyword_baseline, keyword_lists, list_settings

    codes = research_codes()
    guid = {c.name: c.guid for c in codes}
    lines = [
        "De docenten volgden twee trainingen over loopbaangesprekken.",  # lemma of "trainingen": CL, coded: tp
        "Het TEAM besprak de Visie op school.",  # surface form, any case: VI, coded: tp
        "De Visie werd niet besproken.",  # VI, not coded: fp
        "Samen oefenden zij met elkaar.",  # coded CL, no listed word: fn
        "Het weer was mooi.",  # nothing
    ]
    documents = [_document(1, lines, {guid["Collectief leren"]: [0, 3], guid["Visie"]: [1]})]
    lists = {"Collectief leren": ["training"], "Visie": ["visie"]}
    result = keyword_baseline(codes, documents, ["Collectief leren", "Visie"], lists)
    assert result["per_code_f1"] == {"Collectief leren": pytest.approx(2 / 3, abs=1e-3), "Visie": 0.6667}
    assert (result["micro_p"], result["micro_r"]) == (pytest.approx(2 / 3, abs=1e-3), pytest.approx(2 / 3, abs=1e-3))
    assert result["top10_p"] is None
    # a code evaluated without a list: no baseline rather than a wrong one
    assert keyword_baseline(codes, documents, ["Collectief leren", "Communicatie"], lists) is None
    shipped = keyword_lists()
    assert set(shipped) == set(THEMES.values())
    assert all(1 <= len(words) <= 8 for words in shipped.values())
    # the same list as the codebook's only keywords (themes; sub-codes without), definitions kept
    variant, learns = list_settings(lists)["codebook, list as keywords, 0 docs"]
    as_keywords = {c.name: c for c in variant(codes)}
    assert not learns and as_keywords["Visie"].keywords == "visie" and as_keywords["Communicatie"].keywords == ""
    assert all(c.keywords == "" for c in as_keywords.values() if c.parent_id is not None)
    assert as_keywords["Visie"].definition == next(c.definition for c in codes if c.name == "Visie") != ""


def test_each_reliability_mark_is_checked_against_the_same_held_out_counts_as_the_scores(bench: ModuleType) -> None:
    from quality.corpora import DEVSET, THEMES, devset_documents
    from quality.runner import Amount, measure

    codes, documents = devset_documents(DEVSET / "gold.tsv", labelling_round="first")
    documents = documents[:8]
    names = list(THEMES.values())
    marks: list[dict] = []
    results = measure(codes, documents, names, 2, 0, amount=Amount(sentences=80), learning_only=True, marks=marks)
    assert set(results) == {
        "names + 80 sent. (learned)",
        "code names + 80 sent. (combined)",
        "  code names, same held-out",
        "codebook, no keywords + 80 sent.",
        "  codebook, no keywords, same held-out",
        "codebook with keywords + 80 sent.",
        "  codebook with keywords, same held-out",
    }
    assert all(r["trained_sentences"] >= 80 for r in results.values())
    for setting, found in results.items():
        if setting.startswith("  "):
            continue
        rows = [m for m in marks if m["setting"] == setting]
        assert len(rows) == 2 * len(names)  # one per run and code
        tp = sum(m["held_out"]["tp"] for m in rows)
        fp = sum(m["held_out"]["fp"] for m in rows)
        assert found["micro_p"] == pytest.approx(tp / (tp + fp), abs=1e-4)
    marked = [m for m in marks if m["mark"] is not None]
    assert marked and all(m["reliable"] == Reliability(**m["mark"]).reliable for m in marked)


def test_choosing_the_next_document_keeps_the_test_documents_apart_and_each_strategy_picks_by_its_rule(
    bench: ModuleType,
) -> None:
    from types import SimpleNamespace

    import choose_next  # the benchmark's sibling module, on the path once ``bench`` is loaded

    documents = [_document(i, [f"Zin {i}."], {}) for i in range(1, 11)]
    pool, test = choose_next.split(random.Random(1), documents)
    assert len(pool) == 5 and len(test) == 5 and not {d.id for d in pool} & {d.id for d in test}
    assert choose_next.split(random.Random(1), documents) == (pool, test)  # seeded
    six = choose_next.split(random.Random(1), documents[:6])
    assert (len(six[0]), len(six[1])) == (4, 2)  # at least two test documents

    def score(**probabilities: float) -> dict[str, SimpleNamespace]:
        return {g: SimpleNamespace(probability=p) for g, p in probabilities.items()}

    near, far, rare = documents[1], documents[2], documents[3]
    found = {
        near.id: [score(a=0.31), score(a=0.25)],  # close to code a's threshold 0.3
        far.id: [score(a=0.95), score(a=0.01)],  # sure either way
        rare.id: [score(b=0.9), score(b=0.9)],  # code b, coded only once so far
    }
    thresholds, counts = {"a": 0.3, "b": 0.5}, {"a": 20, "b": 1}

    def pick(strategy: str, candidates: list[CodedDocument], similarity: dict | None = None) -> CodedDocument:
        return choose_next.choose(
            strategy, candidates, [documents[0]], lambda d: found[d.id], thresholds, counts, similarity or {}
        )

    assert pick("random", [far, near]) == far  # the run's own order
    assert pick("uncertain", [far, near]) == near
    assert pick("uncertain", [far, rare, near]) == near  # b at 0.9 is far from its 0.5
    assert pick("rare", [near, far, rare]) == rare
    assert pick("rich", [near, far, rare]) == rare
    similar = {(near.id, 1): 0.9, (far.id, 1): 0.2, (rare.id, 1): 0.5}
    assert pick("diverse", [near, far, rare], similar) == far
