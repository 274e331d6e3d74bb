"""Co-occurrence matrices: each unit worked by hand, roll-up, measures, flags, drill-down, and a brute-force check."""

from __future__ import annotations

import itertools
import random

import pytest

from lobcoder.analysis.cooccurrence import CooccurrenceResult, cooccurrence
from lobcoder.analysis.dataset import Dataset
from lobcoder.analysis.drill_down import passages
from lobcoder.analysis.filters import AnalysisFilter
from lobcoder.analysis.units import Unit, paragraphs, sentences, turn_spans
from lobcoder.storage.project import ProjectStore

from .conftest import load
from .fixtures import Project, add_codes, add_text, code

SPANS_TEXT = "abcdefghijklmnopqrstuvwxyz0123456789ABCD"


def _matrix(result: CooccurrenceResult, measure: str = "count") -> list[list[object]]:
    table = result.to_table(measure)  # type: ignore[arg-type]
    return [[round(v, 4) if isinstance(v, float) else v for v in row.values] for row in table.rows]


@pytest.fixture
def overlaps(store: ProjectStore) -> tuple[Project, Dataset]:
    """a1 [0,10), b1 [2,5) nested in it, c1 [0,10) identical to it, b2 [10,15) touching it;
    a2 and a3 both [20,25) by two coders; b3 [22,30) overlapping both."""
    p = Project()
    with store.transaction() as s:
        add_codes(s, p, {"A": None, "B": None, "C": None})
        add_text(s, p, "Spans", SPANS_TEXT, turns=[])
        code(s, p, "a1", "Spans", "A", (0, 10))
        code(s, p, "b1", "Spans", "B", (2, 5))
        code(s, p, "c1", "Spans", "C", (0, 10))
        code(s, p, "b2", "Spans", "B", (10, 15))
        code(s, p, "a2", "Spans", "A", (20, 25), coder="Fenna")
        code(s, p, "a3", "Spans", "A", (20, 25), coder="Sander")
        code(s, p, "b3", "Spans", "B", (22, 30))
    return p, load(store)


def test_overlap_counts_pairs_nested_identical_not_touching(overlaps: tuple[Project, Dataset]) -> None:
    _, data = overlaps
    result = cooccurrence(data)
    # A-B: (a1,b1), (a2,b3), (a3,b3); a1 and b2 only touch. A-C: (a1,c1). B-C: (b1,c1).
    assert _matrix(result) == [[3, 3, 1], [3, 3, 1], [1, 1, 1]]
    # c for A-B counts each coding once: min(3 A codings with a B, 2 B codings with an A) = 2; 2 / (3 + 3 - 2).
    assert _matrix(result, "jaccard") == [[None, 0.5, 0.3333], [0.5, None, 0.3333], [0.3333, 0.3333, None]]
    assert _matrix(result, "conditional") == [[None, 1.0, 0.3333], [0.6667, None, 0.3333], [1.0, 1.0, None]]
    assert _matrix(result, "conditional_column") == [[None, 0.6667, 1.0], [1.0, None, 1.0], [0.3333, 0.3333, None]]
    assert result.flagged() == frozenset()
    table = result.to_table("jaccard")
    assert (table.shaded, table.formats, table.column_keys) == (True, ("float2",) * 3, tuple(c.id for c in data.codes))
    assert "Cells: c-coefficient n12 / (n1 + n2 − n12) (for overlap n12 counts each coding once)." in table.notes
    # By document the remark about overlapping codings has nothing to say (her walk-through's Dutch matrix said it).
    by_document = cooccurrence(data, unit="document").to_table("jaccard", language="nl")
    assert "Cellen: c-coëfficiënt n12 / (n1 + n2 − n12)." in by_document.notes
    assert not any("overlap" in note for note in by_document.notes)


def test_touching_spans_do_not_co_occur(store: ProjectStore) -> None:
    p = Project()
    with store.transaction() as s:
        add_codes(s, p, {"A": None, "B": None})
        add_text(s, p, "Spans", SPANS_TEXT, turns=[])
        code(s, p, "a", "Spans", "A", (0, 10))
        code(s, p, "b", "Spans", "B", (10, 20))
    assert _matrix(cooccurrence(load(store))) == [[1, 0], [0, 1]]


def test_a_small_code_always_with_a_large_one_is_flagged(store: ProjectStore) -> None:
    p = Project()
    with store.transaction() as s:
        add_codes(s, p, {"Groot": None, "Klein": None})
        add_text(s, p, "Spans", SPANS_TEXT, turns=[])
        for n in range(6):
            code(s, p, f"g{n}", "Spans", "Groot", (3 * n, 3 * n + 2))
        code(s, p, "k", "Spans", "Klein", (1, 2))
    result = cooccurrence(load(store))
    # c = 1 / (6 + 1 - 1) = 0.17 < 0.2, but Klein occurs with Groot in 1/1 of its codings.
    assert result.jaccard(0, 1) == pytest.approx(1 / 6)
    assert (result.conditional(0, 1), result.conditional(1, 0)) == (pytest.approx(1 / 6), 1.0)
    table = result.to_table("jaccard")
    assert table.flagged == frozenset({(0, 1), (1, 0)})
    assert "0.2" in table.flag_note


def test_overlap_rolls_sub_codes_up(store: ProjectStore) -> None:
    p = Project()
    with store.transaction() as s:
        add_codes(s, p, {"P": None, "P1": "P", "P2": "P", "Q": None})
        add_text(s, p, "Spans", SPANS_TEXT, turns=[])
        code(s, p, "x", "Spans", "P1", (0, 10))
        code(s, p, "y", "Spans", "P2", (5, 15))
        code(s, p, "z", "Spans", "Q", (8, 12))
    data = load(store)
    rolled = cooccurrence(data)
    # P = {x, y}. P-P1: only {x, y} (a coding never pairs with itself); P-Q: {x,z} and {y,z}.
    assert rolled.together[0][1:3] == (1, 1) and rolled.count(1, 0) == 1  # the result keeps the counts
    # In the table a code × its own sub-code is empty (grey): P contains P1, so the cell only repeats P1's count.
    assert _matrix(rolled) == [[2, None, None, 2], [None, 1, 1, 1], [None, 1, 1, 1], [2, 1, 1, 1]]
    table = rolled.to_table()
    assert table.blank == {(0, 1), (0, 2), (1, 0), (2, 0)}
    assert "Grey cells: a code and its own sub-code" in " ".join(table.notes)
    assert rolled.jaccard(0, 3) == 0.5  # k = min(2, 1) = 1; 1 / (2 + 1 - 1)
    assert [row.level for row in rolled.to_table().rows] == [0, 1, 1, 0]
    own = cooccurrence(data, rollup=False)
    assert _matrix(own) == [[0, 0, 0, 0], [0, 1, 1, 1], [0, 1, 1, 1], [0, 1, 1, 1]]
    assert own.to_table().blank == frozenset() and "Grey" not in " ".join(own.to_table().notes)


def test_sentence_turn_and_paragraph_units(units_doc: tuple[Project, Dataset]) -> None:
    _, data = units_doc
    # Codes A B C D E F. Sentences: A in 2, B in 2, together in "Zin drie over A en B."; E in the
    # first question and "Zin een over A."; F in the first question.
    assert _matrix(cooccurrence(data, unit="sentence")) == [
        [2, 1, 0, 0, 1, 0],
        [1, 2, 0, 0, 0, 0],
        [0, 0, 1, 0, 0, 0],
        [0, 0, 0, 1, 0, 0],
        [1, 0, 0, 0, 2, 1],
        [0, 0, 0, 0, 1, 1],
    ]
    # Turns (each one line): A and B share Anna's two first turns; E spans the first question and answer.
    turns = [
        [2, 2, 0, 0, 1, 0],
        [2, 2, 0, 0, 1, 0],
        [0, 0, 1, 0, 0, 0],
        [0, 0, 0, 1, 0, 0],
        [1, 1, 0, 0, 2, 1],
        [0, 0, 0, 0, 1, 1],
    ]
    assert _matrix(cooccurrence(data, unit="turn")) == turns
    assert _matrix(cooccurrence(data, unit="paragraph")) == turns  # the blank line is no paragraph
    assert cooccurrence(data, unit="turn").jaccard(0, 1) == 1.0
    assert cooccurrence(data, unit="sentence").jaccard(0, 1) == pytest.approx(1 / 3)


def test_paragraph_windows(units_doc: tuple[Project, Dataset]) -> None:
    _, data = units_doc
    # Paragraphs 0-4: question, A+B+E, A+B, question (D), C. Windows of two: [0,1] [1,2] [2,3] [3,4].
    within1 = cooccurrence(data, unit="paragraph", within=1)
    assert _matrix(within1) == [
        [3, 3, 0, 1, 2, 1],
        [3, 3, 0, 1, 2, 1],
        [0, 0, 1, 1, 0, 0],
        [1, 1, 1, 2, 0, 0],
        [2, 2, 0, 0, 2, 1],
        [1, 1, 0, 0, 1, 1],
    ]
    assert within1.jaccard(2, 3) == 0.5  # C and D one paragraph apart: 1 / (1 + 2 - 1)
    assert "windows of 2 consecutive paragraphs" in within1.to_table().notes[0]
    within2 = cooccurrence(data, unit="paragraph", within=2)
    assert within2.count(0, 2) == 1  # A (paragraph 2) and C (paragraph 4): only in window [2,4]
    with pytest.raises(ValueError):
        cooccurrence(data, unit="paragraph", within=-1)


def test_interviewer_turns_left_out(units_doc: tuple[Project, Dataset]) -> None:
    _, data = units_doc
    result = cooccurrence(data, AnalysisFilter(exclude_interviewer=True), unit="turn")
    assert result.occurrences == (2, 2, 1, 0, 2, 0)  # D and F were only the interviewer's; E is kept whole


def test_document_and_participant_units(study: tuple[Project, Dataset]) -> None:
    _, data = study
    # Loopbaan Stage Mentor Visie Leeg. Visie: Anna_w1, Bram_w1, the note; Mentor: both of Anna's.
    documents = cooccurrence(data, unit="document")
    assert _matrix(documents) == [
        [3, None, None, 2, 0],  # Loopbaan × its sub-codes Stage and Mentor: left empty
        [None, 3, 2, 2, 0],
        [None, 2, 2, 1, 0],
        [2, 2, 1, 3, 0],
        [0, 0, 0, 0, 0],
    ]
    assert documents.jaccard(1, 3) == 0.5  # 2 / (3 + 3 - 2)
    assert documents.jaccard(2, 3) == 0.25  # 1 / (2 + 3 - 1)
    assert (documents.conditional(2, 3), documents.conditional(3, 2)) == (0.5, pytest.approx(1 / 3))
    # The note has no participant. Anna: Stage, Mentor, Visie; Bram: Stage, Visie.
    participants = cooccurrence(data, unit="participant")
    assert participants.occurrences == (2, 2, 1, 2, 0)
    assert participants.count(2, 3) == 1 and participants.jaccard(2, 3) == 0.5


def test_code_selection_hiding_and_similarity_order(study: tuple[Project, Dataset]) -> None:
    project, data = study
    chosen = cooccurrence(data, AnalysisFilter(codes={project.codes["Visie"], project.codes["Mentor"]}), "document")
    assert [c.name for c in chosen.codes] == ["Mentor", "Visie"] and _matrix(chosen) == [[2, 1], [1, 3]]
    assert [c.name for c in cooccurrence(data, unit="document", hide_empty=True).codes] == [
        "Loopbaan",
        "Stage",
        "Mentor",
        "Visie",
    ]
    similar = cooccurrence(data, unit="document", order="similarity")
    assert {c.name for c in similar.codes} == {c.name for c in data.codes}
    assert similar.codes[-1].name == "Leeg" and similar.occurrences[0] == 3
    assert all(row.level == 0 for row in similar.to_table().rows)
    for i in range(len(similar.codes) - 2):  # each next code is the most similar of those left
        best = max(similar.jaccard(i, j) or 0.0 for j in range(i + 1, len(similar.codes)))
        assert similar.jaccard(i, i + 1) == best
    with pytest.raises(ValueError):
        cooccurrence(data, unit="chapter")  # type: ignore[arg-type]


def test_drill_down_passages(overlaps: tuple[Project, Dataset], store: ProjectStore) -> None:
    project, data = overlaps
    a, b = project.codes["A"], project.codes["B"]
    result = cooccurrence(data)
    found = passages(data, result, a, b)
    # The matrix counts three pairs; a2 and a3, the same span by two coders, make one passage naming both.
    assert result.count(0, 1) == 3
    assert [(p.start, p.end, p.text, p.coders) for p in found] == [
        (0, 10, "abcdefghij", ("Fenna",)),
        (20, 30, "uvwxyz0123", ("Fenna", "Sander")),
    ]
    assert [c.id for c in found[1].codings_a] == [project.codings["a2"], project.codings["a3"]]
    assert [c.id for c in found[1].codings_b] == [project.codings["b3"]]
    assert found[1].coder_names == "Fenna, Sander"
    assert passages(data, cooccurrence(data), b, a)[0].codings_a[0].start == 2


def test_drill_down_by_document_joins_a_span_coded_alike_once(store: ProjectStore) -> None:
    p = Project()
    with store.transaction() as s:
        add_codes(s, p, {"A": None, "B": None})
        add_text(s, p, "Spans", SPANS_TEXT, turns=[])
        code(s, p, "a1", "Spans", "A", (0, 5), coder="Fenna")
        code(s, p, "a2", "Spans", "A", (0, 5), coder="Sander")
        code(s, p, "b1", "Spans", "B", (20, 25), coder="Sander")
    data = load(store)
    [found] = passages(data, cooccurrence(data, unit="document"), p.codes["A"], p.codes["B"])
    assert found.text == f"{SPANS_TEXT[0:5]} […] {SPANS_TEXT[20:25]}"
    assert (len(found.codings_a), found.coders) == (2, ("Fenna", "Sander"))


def test_drill_down_for_container_units(units_doc: tuple[Project, Dataset]) -> None:
    project, data = units_doc
    a, b = project.codes["A"], project.codes["B"]
    [sentence] = passages(data, cooccurrence(data, unit="sentence"), a, b)
    assert sentence.text == "Anna: Zin drie over A en B."
    assert ([c.start for c in sentence.codings_a], [c.start for c in sentence.codings_b]) == (
        [project.span("Interview", "drie over A")[0]],
        [project.span("Interview", "en B")[0]],
    )
    windows = passages(data, cooccurrence(data, unit="paragraph", within=1), project.codes["C"], project.codes["D"])
    assert [p.text for p in windows] == ["I: Tweede vraag?\nAnna: Zin vier over C."]


def test_drill_down_for_documents_and_participants(study: tuple[Project, Dataset]) -> None:
    project, data = study
    stage, mentor, visie = project.codes["Stage"], project.codes["Mentor"], project.codes["Visie"]
    by_document = passages(data, cooccurrence(data, unit="document"), stage, visie)
    assert [(p.document, p.text) for p in by_document] == [
        ("Anna_w1", "De stage was fijn. […] Die is gedeeld."),
        ("Bram_w1", "Visie en stage horen samen. […] stage horen samen."),
    ]
    by_person = passages(data, cooccurrence(data, unit="participant"), mentor, visie)
    assert [(p.document, len(p.codings_a), len(p.codings_b)) for p in by_person] == [
        ("Anna_w1", 1, 1),
        ("Anna_w3", 1, 0),
    ]


# -- a brute-force check of the matrix algebra on random codings -------------------------------------------


def _random_project(store: ProjectStore, seed: int) -> Dataset:
    rng = random.Random(seed)
    p = Project()
    lines = []
    for n in range(12):
        speaker = "I" if n % 3 == 0 else "Anna"
        sentences_ = " ".join(f"Zin {k} van regel {n}." for k in range(rng.randint(1, 3)))
        lines.append(f"{speaker}: {sentences_}")
    text = "\n".join(lines)
    with store.transaction() as s:
        add_codes(s, p, {"R": None, "R1": "R", "R2": "R", "R21": "R2", "S": None, "T": None})
        add_text(s, p, "Random", text, participant="Anna")
        add_text(s, p, "Random 2", text.replace("Zin", "Regel"), participant="Bram")
        for n in range(70):
            document = rng.choice(["Random", "Random 2"])
            start = rng.randrange(len(text) - 5)
            end = min(len(text), start + rng.randint(1, 60))
            code(s, p, f"k{n}", document, rng.choice(list(p.codes)), (start, end), coder=rng.choice(["X", "Y"]))
    return load(store)


def _brute(
    data: Dataset, unit: Unit, rollup: bool, within: int = 0
) -> tuple[list[int], list[list[int]], list[list[int]]]:
    c = data.codings
    codings = [(i, int(c.document[i]), int(c.code[i]), int(c.start[i]), int(c.end[i])) for i in range(len(c))]
    members = [set(data.subtree(code.id)) if rollup else {code.index} for code in data.codes]
    size = len(data.codes)
    if unit == "overlap":

        def meets(x: tuple, y: tuple) -> bool:
            return x[0] != y[0] and x[1] == y[1] and x[3] < y[4] and y[3] < x[4]

        n = [sum(x[2] in members[i] for x in codings) for i in range(size)]
        together = [[0] * size for _ in range(size)]
        involved = [[0] * size for _ in range(size)]
        for i, j in itertools.product(range(size), repeat=2):
            for x, y in itertools.combinations(codings, 2):
                if meets(x, y) and (
                    (x[2] in members[i] and y[2] in members[j]) or (y[2] in members[i] and x[2] in members[j])
                ):
                    together[i][j] += 1
            involved[i][j] = sum(
                1 for x in codings if x[2] in members[i] and any(meets(x, y) and y[2] in members[j] for y in codings)
            )
        return n, together, involved
    units: dict[tuple[int, int], set[int]] = {}
    for _, document, own, start, end in codings:
        info = data.documents[document]
        text = data.text(info.id)
        spans = {"sentence": sentences(text), "paragraph": paragraphs(text)}.get(unit) or turn_spans(
            data.document_turns(info.id)
        )
        touched = set(spans.touched(start, end))
        windows = max(1, len(spans) - within)
        for w in range(windows):
            if touched & set(range(w, w + within + 1)):
                units.setdefault((document, w), set()).update(i for i in range(size) if own in members[i])
    n = [sum(i in codes for codes in units.values()) for i in range(size)]
    together = [[sum(i in cs and j in cs for cs in units.values()) for j in range(size)] for i in range(size)]
    return n, together, together


@pytest.mark.parametrize("seed", [1, 2])
def test_matrices_match_the_definitions_and_are_symmetric(store: ProjectStore, seed: int) -> None:
    data = _random_project(store, seed)
    for unit, within in [("overlap", 0), ("sentence", 0), ("turn", 0), ("paragraph", 0), ("paragraph", 2)]:
        for rollup in (True, False):
            result = cooccurrence(data, unit=unit, within=within, rollup=rollup)  # type: ignore[arg-type]
            n, together, involved = _brute(data, unit, rollup, within)  # type: ignore[arg-type]
            label = f"{unit} {within} rollup={rollup}"
            assert sum(map(sum, together)) > sum(n), label  # the random codings do co-occur
            assert list(result.occurrences) == n, label
            size = len(n)
            off = [(i, j) for i in range(size) for j in range(size) if i != j]
            assert [result.together[i][j] for i, j in off] == [together[i][j] for i, j in off], label
            assert [result.involved[i][j] for i, j in off] == [involved[i][j] for i, j in off], label
            for measure in ("count", "jaccard"):
                cells = _matrix(result, measure)
                assert cells == [list(row) for row in zip(*cells, strict=True)], label
                if measure == "jaccard":
                    assert all(0 <= v <= 1 for row in cells for v in row if isinstance(v, float)), label


def test_empty_projects_and_codes_without_codings(store: ProjectStore) -> None:
    for unit in ("overlap", "sentence", "turn", "paragraph", "document", "participant"):
        assert cooccurrence(load(store), unit=unit).to_table().rows == ()  # type: ignore[arg-type]
    p = Project()
    with store.transaction() as s:
        add_codes(s, p, {"A": None, "B": None})
        add_text(s, p, "Leeg", "Niets gecodeerd.", turns=[])
    result = cooccurrence(load(store), unit="sentence", order="similarity")
    assert _matrix(result, "jaccard") == [[None, 0.0], [0.0, None]] and result.flagged() == frozenset()


def test_a_coding_of_blank_lines_is_in_no_paragraph(store: ProjectStore) -> None:
    p = Project()
    with store.transaction() as s:
        add_codes(s, p, {"A": None, "Wit": None})
        add_text(s, p, "Alinea's", "Eerste alinea.\n\n\nTweede alinea.", turns=[])
        code(s, p, "a", "Alinea's", "A", "Tweede alinea.")
        code(s, p, "w", "Alinea's", "Wit", (15, 16))
    for within in (0, 1, 3):
        assert cooccurrence(load(store), unit="paragraph", within=within).occurrences == (1, 0)
