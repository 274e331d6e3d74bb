"""Word frequencies and keywords in context on a project imported from a real .docx and .txt (hand counts)."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from lobcoder.analysis.dataset import Dataset, load_reading
from lobcoder.analysis.filters import AnalysisFilter
from lobcoder.analysis.keywords_in_context import keywords_in_context
from lobcoder.analysis.words import (
    DocumentScope,
    WordOptions,
    WordResult,
    _document_counts,
    _whole_lines,
    scope_words,
    word_frequencies,
)
from lobcoder.storage.project import ProjectStore
from lobcoder.suggest.pipeline import DutchPipeline, load_pipeline
from tests.analysis.words_project import build_words_project


@pytest.fixture(scope="module")
def pipeline() -> DutchPipeline:
    return load_pipeline(offline=True)


@pytest.fixture
def project(store: ProjectStore, tmp_path: Path) -> Iterator[tuple[Dataset, dict[str, int]]]:
    codes = build_words_project(store, tmp_path)
    with store.read() as session:
        yield load_reading(session), codes


def rows(result: WordResult) -> dict[str, tuple[int, int]]:
    return {r.word: (r.occurrences, r.documents) for r in result.rows}


def test_counts_by_lemma_equal_the_hand_counts(project, pipeline) -> None:
    dataset, _ = project
    result = word_frequencies(dataset, pipeline)
    found = rows(result)
    # doc 1: vinden samenwerking | samenwerking team goed loopbaangesprek voeren student |
    #        loopbaangesprek drinken koffie café gesprek helpen
    # doc 2: visie school | visie helder visie gaat samenwerking loopbaangesprek | (verder: a function word)
    assert result.words == 22 and result.documents == 2
    assert found["loopbaangesprek"] == (3, 2)  # a compound, in both documents
    assert found["samenwerking"] == (3, 2)
    assert found["visie"] == (3, 1)
    assert found["café"] == (1, 1)  # an accent stays
    assert found["student"] == (1, 1)  # studenten, by its lemma
    assert found["gesprek"] == (1, 1)
    assert next(r for r in result.rows if r.word == "gesprek").forms == ("gesprekken",)
    assert next(r for r in result.rows if r.word == "visie").share == pytest.approx(3 / 22)
    assert sum(n for n, _ in found.values()) == 22
    # Function words, numbers, the emoji and speaker labels are no words here.
    for absent in ("de", "het", "we", "in", "verder", "niet", "2023", "12", "😊", "anna", "bram", "interviewer"):
        assert absent not in found
    assert [r.word for r in result.rows[:3]] == ["loopbaangesprek", "samenwerking", "visie"]  # most frequent first


def test_counts_by_form_keep_each_form(project, pipeline) -> None:
    dataset, _ = project
    found = rows(word_frequencies(dataset, pipeline, options=WordOptions(by="form")))
    assert found["studenten"] == (1, 1) and "student" not in found
    assert found["gesprekken"] == (1, 1) and found["vindt"] == (1, 1)


def test_minimum_length_and_top(project, pipeline) -> None:
    dataset, _ = project
    result = word_frequencies(dataset, pipeline, options=WordOptions(min_length=8, top=2))
    assert [r.word for r in result.rows] == ["loopbaangesprek", "samenwerking"]
    # studenten (9 letters) and gesprekken (10) count, under their shorter lemmas: the form's length counts.
    assert result.distinct == 4
    assert "The 2 most frequent of 4 words." in result.to_table().notes


def test_respondent_text_only_leaves_the_interviewer_out(project, pipeline) -> None:
    dataset, _ = project
    found = rows(word_frequencies(dataset, pipeline, AnalysisFilter(exclude_interviewer=True)))
    assert found["samenwerking"] == (2, 2)  # the interviewer's question is not counted
    assert found["visie"] == (2, 1)
    assert "school" not in found and "vinden" not in found


def test_attribute_filter_and_split_by_school(project, pipeline) -> None:
    dataset, _ = project
    only_noord = rows(word_frequencies(dataset, pipeline, AnalysisFilter(attributes={"school": {"Noord"}})))
    assert only_noord["samenwerking"] == (2, 1) and "visie" not in only_noord
    result = word_frequencies(dataset, pipeline, options=WordOptions(split_by="school"))
    split = {r.word: r.split for r in result.rows}
    assert result.split_labels == ("school Noord", "school Zuid")
    assert split["samenwerking"] == (2, 1) and split["visie"] == (0, 3) and split["loopbaangesprek"] == (2, 1)
    assert result.split_words == (14, 8)
    table = result.to_table("nl")
    assert table.column_n[-2:] == ("n = 14", "n = 8")
    assert table.groups[0].label == "school"


def test_words_of_one_code_and_their_distinctive_score(project, pipeline) -> None:
    dataset, codes = project
    result = word_frequencies(dataset, pipeline, options=WordOptions(code=codes["Samenwerking"]))
    # "De samenwerking in het team is goed" and "samenwerking": 4 words.
    assert rows(result) == {"samenwerking": (2, 2), "team": (1, 1), "goed": (1, 1)}
    assert result.words == 4
    score = {r.word: r.distinctive for r in result.rows}
    # samenwerking: 2 of 4 words here, 1 of the 18 elsewhere: the most distinctive.
    assert score["samenwerking"] > score["team"] > 0
    table = result.to_table()
    assert table.title == "Word frequencies in ‘Samenwerking’"
    assert "Distinctive (z)" in table.columns
    ordered = word_frequencies(dataset, pipeline, options=WordOptions(code=codes["Visie"], order="distinctive"))
    # "Onze visie is helder.": helder occurs nowhere else, visie twice more elsewhere.
    assert [r.word for r in ordered.rows] == ["helder", "visie"]
    assert ordered.rows[0].distinctive > ordered.rows[1].distinctive


def test_keywords_in_context_point_at_the_word_in_the_stored_text(project, pipeline) -> None:
    dataset, _ = project
    found = keywords_in_context(dataset, pipeline, "gesprek", context=20)
    assert [(h.document, h.word) for h in found.hits] == [("Jansen_w1", "gesprekken")]
    by_lemma = keywords_in_context(dataset, pipeline, "loopbaangesprek", context=20)
    assert [h.document for h in by_lemma.hits] == ["Jansen_w1", "Jansen_w1", "Pietersen_w2"]
    for hit in (*found.hits, *by_lemma.hits):
        text = dataset.text(hit.document_id)
        assert text[hit.start : hit.end] == hit.word
        assert text[hit.start - len(hit.before) : hit.start].replace("\n", " ") == hit.before
        assert len(hit.before) == 20
    # A form asked for by lemma finds its lemma's every form; in a code's passages only those.
    assert keywords_in_context(dataset, pipeline, "gesprekken").word == "gesprek"
    coded = keywords_in_context(dataset, pipeline, "visie", options=WordOptions(code=project[1]["Visie"]))
    assert [(h.document, h.word) for h in coded.hits] == [("Pietersen_w2", "visie")]
    table = coded.to_table("nl")
    assert table.title == "‘visie’ in context"
    assert table.rows[0].values[3] == "visie"


def test_counting_without_offsets_equals_counting_with_them() -> None:
    # Interviewer stretches that are whole lines are counted the fast way (no offsets); any others the slow way.
    rng = random.Random(7)
    fast = 0
    pieces = ["Anna: ", "I: ", "Docent 2: ", "woord", "café-bar", "\n", "  ", "2023", "😊", ". ", "Zo:", "x"]
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        cuts = sorted(rng.sample(range(len(text) + 1), k=min(len(text) + 1, rng.choice((0, 2, 4)))))
        line_starts = [i for i in range(len(text) + 1) if i == 0 or text[i - 1] == "\n"]
        if rng.random() < 0.5:
            cuts = sorted({min(line_starts, key=lambda s, c=c: abs(s - c)) for c in cuts})
        skipped = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2) if cuts[i] < cuts[i + 1]]
        scope = DocumentScope(0, skipped, None)
        _, _, forms, _ = scope_words(text, scope)
        assert _document_counts(text, scope) == (Counter(forms), Counter()), (text, skipped)
        fast += bool(skipped) and _whole_lines(text, skipped) is not None
    assert fast > 50  # the fast way was taken, with interviewer stretches to leave out


def test_passages_counted_from_their_lines_equal_passages_counted_with_every_offset() -> None:
    # A code's passages are counted from the lines that hold them; the rest is the whole less those.
    rng = random.Random(11)
    pieces = ["Anna: ", "I: ", "Docent 2: ", "woord", "café-bar", "\n", "  ", "2023", "😊", ". ", "Zo:", "x", "lob-"]
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))

        def spans(count: int, text: str = text) -> list[tuple[int, int]]:
            cuts = sorted(rng.sample(range(len(text) + 1), k=min(len(text) + 1, count)))
            return [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2) if cuts[i] < cuts[i + 1]]

        scope = DocumentScope(0, spans(rng.choice((0, 2, 4))), spans(rng.choice((0, 2, 4, 6))), "code")
        _, _, forms, inside = scope_words(text, scope)  # every word's offsets: the reference
        expected = (
            Counter(f for f, i in zip(forms, inside.tolist(), strict=True) if i),
            Counter(f for f, i in zip(forms, inside.tolist(), strict=True) if not i),
        )
        assert _document_counts(text, scope) == expected, (text, scope)


def test_the_researchers_left_out_words_are_left_out_with_all_their_forms(project, pipeline) -> None:
    dataset, _ = project
    result = word_frequencies(dataset, pipeline, options=WordOptions(left_out=frozenset({"student", "visie"})))
    found = rows(result)
    assert "student" not in found and "visie" not in found
    assert result.words == 22 - 1 - 3 and found["loopbaangesprek"] == (3, 2)
    assert "Left out for this project" in " ".join(result.to_table().notes)
    assert any(
        n.startswith("Weggelaten voor dit project") and n.endswith(": student, visie.")
        for n in result.to_table("nl").notes
    )
    by_form = rows(word_frequencies(dataset, pipeline, options=WordOptions(by="form", left_out=frozenset({"student"}))))
    assert "studenten" not in by_form and "visie" in by_form  # a form goes with its lemma
