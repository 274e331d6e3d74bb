"""Analyses that read texts and turns one document at a time give what they give with everything loaded."""

from __future__ import annotations

import random

import pytest
from sqlalchemy.orm import Session

from lobcoder.analysis import cooccurrence as cooccurrence_module
from lobcoder.analysis.cooccurrence import cooccurrence
from lobcoder.analysis.dataset import DataNotLoaded, Dataset, DocumentSource, load_dataset
from lobcoder.analysis.drill_down import passages
from lobcoder.analysis.filters import AnalysisFilter, interviewer_only, select
from lobcoder.analysis.quote_report import picked_quote_report
from lobcoder.analysis.quotes import quotes
from lobcoder.analysis.units import UNITS, memberships
from lobcoder.storage.project import ProjectStore

from .fixtures import Project, add_codes, add_text, code

WORDS = "stage mentor visie loopbaan gesprek samen leren keuze 😀 coördinatie één ideeën".split()


def _text(rng: random.Random) -> str:
    """Turns of one to three sentences; some blank lines, a title, an abbreviation and emoji."""
    lines = ["Interview over LOB", ""]
    for n in range(rng.randint(6, 14)):
        speaker = "I" if n % 2 == 0 else "Anna"
        sentences = []
        for _ in range(rng.randint(1, 3)):
            words = [rng.choice(WORDS) for _ in range(rng.randint(2, 7))]
            sentences.append(words[0].capitalize() + " " + " ".join(words[1:]) + rng.choice([".", "?", " bijv. nu."]))
        lines.append(f"{speaker}: {' '.join(sentences)}")
        if rng.random() < 0.3:
            lines.append("")
    return "\n".join(lines)


def _seeded_project(store: ProjectStore, seed: int) -> Project:
    """Eight documents (one without codings, one with codings of a single code), a code tree, two coders."""
    rng = random.Random(seed)
    p = Project()
    with store.transaction() as s:
        add_codes(s, p, {"R": None, "R1": "R", "R2": "R", "R21": "R2", "S": None, "T": None})
        for n in range(8):
            add_text(s, p, f"Doc{n}", _text(rng), participant=["Anna", "Bram", "Cas"][n % 3])
        for n in range(120):
            document = f"Doc{rng.randrange(1, 7)}"
            length = len(p.texts[document])
            start = rng.randrange(length - 3)
            end = min(length, start + rng.randint(1, 90))
            code(s, p, f"k{n}", document, rng.choice(list(p.codes)), (start, end), coder=rng.choice(["X", "Y"]))
        for n in range(3):
            code(s, p, f"only{n}", "Doc7", "S", (10 * n, 10 * n + 8))
    return p


def _lazy(session: Session, keep: int = 2) -> tuple[Dataset, DocumentSource]:
    source = DocumentSource(session, keep=keep)
    return load_dataset(session, texts=False, turns=False).reading(source), source


FILTERS = [
    AnalysisFilter(),
    AnalysisFilter(exclude_interviewer=True),
    AnalysisFilter(coders=frozenset({"X"})),
]


def test_cooccurrence_and_passages_equal_those_with_every_text_loaded(store: ProjectStore) -> None:
    _seeded_project(store, 3)
    with store.read() as session:
        full = load_dataset(session)
        lazy, _source = _lazy(session)
        assert lazy.texts is None and lazy.turns is None and lazy.has_texts
        compared = 0
        for flt in FILTERS:
            for unit in UNITS:
                for within in (0, 1, 3) if unit == "paragraph" else (0,):
                    for rollup in (True, False):
                        label = f"{unit} {within} rollup={rollup} {flt}"
                        expected = cooccurrence(full, flt, unit, within=within, rollup=rollup)
                        assert cooccurrence(lazy, flt, unit, within=within, rollup=rollup) == expected, label
                        assert sum(map(sum, expected.together)) > 0, label  # the codings do co-occur
                        for a, b in [(0, 4), (1, 3), (4, 5)]:
                            ids = expected.codes[a].id, expected.codes[b].id
                            assert passages(lazy, expected, *ids) == passages(full, expected, *ids), label
                        compared += 1
        assert compared == len(FILTERS) * (len(UNITS) + 2) * 2
        codes = [c.id for c in full.codes]
        assert quotes(lazy, codes=codes, rollup=True, context=3) == quotes(full, codes=codes, rollup=True, context=3)
        assert picked_quote_report(lazy, per_code=2) == picked_quote_report(full, per_code=2)


@pytest.mark.parametrize("unit", ["sentence", "paragraph", "turn"])
def test_each_coded_document_is_read_once_and_no_other(store: ProjectStore, unit: str) -> None:
    p = _seeded_project(store, 5)
    with store.read() as session:
        lazy, source = _lazy(session, keep=1)  # one text at a time is enough
        cooccurrence(lazy, unit=unit, within=2)  # type: ignore[arg-type]
        coded = {lazy.documents[i].id for i in set(lazy.codings.document.tolist())}
        assert p.documents["Doc0"] not in coded and len(coded) == 7
        assert source.reads == len(coded)  # texts, or for turns the turns alone

        lazy, source = _lazy(session, keep=1)
        select(lazy, AnalysisFilter(exclude_interviewer=True))
        assert source.reads == len(coded)  # the turns of coded documents only


def test_leaving_out_interviewer_codings_reads_the_turns_of_the_chosen_documents_only(store: ProjectStore) -> None:
    p = _seeded_project(store, 5)
    with store.read() as session:
        full = load_dataset(session)
        lazy, source = _lazy(session, keep=1)
        chosen = AnalysisFilter(documents={p.documents["Doc2"], p.documents["Doc3"]})
        flt = AnalysisFilter(documents=chosen.documents, exclude_interviewer=True)
        found = select(lazy, flt).rows
        assert source.reads == 2
    all_rows = select(full, chosen).rows
    expected = all_rows[~interviewer_only(full)[all_rows]]
    assert 0 < len(expected) < len(all_rows)  # some of the chosen codings are the interviewer's, some not
    assert found.tolist() == expected.tolist() == select(full, flt).rows.tolist()


def test_counting_keeps_no_spans_and_drill_down_does(store: ProjectStore) -> None:
    _seeded_project(store, 6)
    with store.read() as session:
        lazy, _source = _lazy(session)
        rows = select(lazy, AnalysisFilter()).rows
        kept = memberships(lazy, rows, "sentence")
        counted = memberships(lazy, rows, "sentence", spans=False)
    assert (kept.units == counted.units).all() and (kept.rows == counted.rows).all()
    assert counted.layouts == {} and len(kept.layouts) == 7
    assert counted.span(int(counted.units[0])) is None and kept.span(int(kept.units[0])) is not None


def test_without_texts_or_a_source_an_analysis_that_needs_them_says_so(store: ProjectStore) -> None:
    _seeded_project(store, 7)
    with store.read() as session:
        bare = load_dataset(session, texts=False, turns=False)
    assert not bare.has_texts
    with pytest.raises(DataNotLoaded, match="texts=True"):
        cooccurrence(bare, unit="sentence")
    with pytest.raises(DataNotLoaded, match="turns=True"):
        cooccurrence(bare, unit="turn")
    assert cooccurrence(bare, unit="document").occurrences  # no text needed


def test_pairs_counted_a_few_at_a_time_give_the_same_matrix(store: ProjectStore, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _seeded_project(store, 8)
    with store.read() as session:
        full = load_dataset(session)
    cases = [("sentence", 0, True), ("paragraph", 2, True), ("turn", 0, False), ("participant", 0, True)]
    expected = [cooccurrence(full, unit=u, within=w, rollup=r) for u, w, r in cases]  # type: ignore[arg-type]
    assert all(sum(map(sum, e.together)) > 70 for e in expected)  # ten times the pairs of one batch below
    monkeypatch.setattr(cooccurrence_module, "_PAIRS_AT_ONCE", 7)
    assert [cooccurrence(full, unit=u, within=w, rollup=r) for u, w, r in cases] == expected  # type: ignore[arg-type]
