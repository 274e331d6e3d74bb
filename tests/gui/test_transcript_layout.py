"""The transcript view's Qt-free geometry: highlight segments, margin lanes, word ends."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from lobcoder.gui.transcript.layout import (
    Bracket,
    Placed,
    Segment,
    assign_lanes,
    changed_ranges,
    line_breaks,
    share_lines,
    stack_labels,
    sweep,
    word_end,
    word_start,
)

ROOT = Path(__file__).resolve().parents[2]


def test_layout_imports_without_qt() -> None:
    code = (
        "import sys, lobcoder.gui.transcript.layout;"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=60)


def test_sweep_cuts_overlapping_codings_into_segments() -> None:
    assert sweep([(0, 10, 1), (5, 15, 2)]) == [
        Segment(0, 5, frozenset({1})),
        Segment(5, 10, frozenset({1, 2})),
        Segment(10, 15, frozenset({2})),
    ]


def test_sweep_leaves_gaps_and_ignores_empty_spans() -> None:
    assert sweep([(0, 3, 1), (7, 9, 1), (4, 4, 2)]) == [Segment(0, 3, frozenset({1})), Segment(7, 9, frozenset({1}))]
    assert sweep([]) == []


def test_sweep_counts_one_code_once_and_merges_touching_pieces() -> None:
    # Two codings of code 1 overlap: still one code there, and one segment.
    assert sweep([(0, 6, 1), (4, 10, 1)]) == [Segment(0, 10, frozenset({1}))]
    assert sweep([(0, 5, 1), (5, 8, 1)]) == [Segment(0, 8, frozenset({1}))]


def test_sweep_nested_codings() -> None:
    assert sweep([(0, 20, 1), (5, 8, 2), (6, 7, 3)]) == [
        Segment(0, 5, frozenset({1})),
        Segment(5, 6, frozenset({1, 2})),
        Segment(6, 7, frozenset({1, 2, 3})),
        Segment(7, 8, frozenset({1, 2})),
        Segment(8, 20, frozenset({1})),
    ]


def test_changed_ranges_cover_only_what_differs() -> None:
    old = sweep([(0, 10, 1), (50, 60, 2)])
    new = sweep([(0, 10, 1), (50, 60, 2), (55, 70, 3)])
    changed = changed_ranges(old, new)
    assert all(start >= 50 for start, _ in changed)
    assert min(s for s, _ in changed) == 50 and max(e for _, e in changed) == 70
    assert changed_ranges(old, old) == []


def test_overlapping_codings_get_different_lanes() -> None:
    assert assign_lanes([(0, 10), (5, 15)]) == [0, 1]


def test_codings_that_do_not_overlap_share_lane_zero() -> None:
    assert assign_lanes([(0, 10), (10, 20), (30, 40)]) == [0, 0, 0]


def test_lanes_are_reused_greedily_and_returned_in_input_order() -> None:
    spans = [(20, 30), (0, 100), (5, 15), (40, 50)]
    assert assign_lanes(spans) == [1, 0, 1, 1]
    assert assign_lanes([(0, 10), (2, 4), (5, 8), (9, 12)]) == [0, 1, 1, 1]


def test_nearby_codings_in_one_paragraph_get_separate_lanes() -> None:
    text = "Eén zin hier. Nog een zin.\nVolgende alinea."
    breaks = line_breaks(text)
    assert breaks == [26]
    first, second, third = (0, 13), (14, 26), (27, 43)
    # Within ``gap`` characters on the same paragraph: they would share a screen line.
    assert assign_lanes([first, second], gap=40, breaks=breaks) == [0, 1]
    # A paragraph break in between: a new line, lane 0 again.
    assert assign_lanes([second, third], gap=40, breaks=breaks) == [0, 0]
    assert assign_lanes([first, second], gap=0, breaks=breaks) == [0, 0]


def test_word_start_and_end() -> None:
    text = "Eén gesprek, met coördinatie."
    inside = text.index("coördinatie") + 4
    assert word_start(text, inside) == text.index("coördinatie")
    assert word_end(text, inside) == text.index("coördinatie") + len("coördinatie")
    # From white space: forward to the next word's start, back to the previous word's end.
    assert word_start("een  twee", 4) == 5
    assert word_end("een  twee", 4) == 3
    assert word_start(text, 0) == 0 and word_end(text, len(text)) == len(text)
    assert word_start(text, 10_000) == len(text) and word_end(text, -3) == len("Eén")


def _placed(coding_id: int, lane: int, top: int, bottom: int) -> Placed:
    return Placed(Bracket(coding_id, 1, 0, 1, lane), top, bottom)


def test_share_lines_splits_brackets_of_one_lane_that_meet() -> None:
    first, second = share_lines([_placed(1, 0, 10, 40), _placed(2, 0, 30, 60)])
    assert first.bottom < second.top
    assert first.top == 10 and second.bottom == 60
    apart = share_lines([_placed(1, 0, 10, 20), _placed(2, 1, 15, 60)])
    assert [(p.top, p.bottom) for p in apart] == [(10, 20), (15, 60)]


def test_stack_labels_never_overlap_and_drop_what_does_not_fit() -> None:
    placed = [_placed(1, 0, 10, 100), _placed(2, 1, 10, 25), _placed(3, 2, 12, 14), _placed(4, 0, -50, 200)]
    stacked = {p.bracket.coding_id: p.label_y for p in stack_labels(placed, line_height=12, height=300)}
    assert stacked[4] == 0  # started above the view: label at the top
    rows = sorted(y for y in stacked.values() if y is not None)
    assert all(b - a >= 12 for a, b in zip(rows, rows[1:], strict=False))
    assert stacked[3] is None  # a one-pixel bracket below two other labels: no room
