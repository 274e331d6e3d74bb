"""Local updates of highlights and lanes equal the full computation, edit after random edit."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime

from lobcoder.gui.transcript import CodeStyle, TranscriptView
from lobcoder.gui.transcript.layout import sweep
from lobcoder.gui.transcript.regions import splice_segments
from lobcoder.services.codings import CodingView
from lobcoder.services.documents import DocumentView

LINES = [
    f"Regel {n}: {'samen leren 😀 ' if n % 7 == 0 else ''}over de visie van de school en loopbaan." for n in range(80)
]
TEXT = "\n".join(LINES)
STYLES = {n: CodeStyle(n, f"Code {n}", color) for n, color in enumerate(("#e69f00", "#56b4e9", "#009e73", "#cc79a7"))}


def _coding(rng: random.Random, number: int) -> CodingView:
    start = rng.randrange(len(TEXT) - 2)
    end = min(len(TEXT), start + rng.choice((3, 10, 40, 120, 400)))
    return CodingView(number, f"g{number}", 1, rng.randrange(len(STYLES)), start, end, None, "", datetime(2024, 1, 1))


def test_splicing_a_window_equals_sweeping_everything() -> None:
    rng = random.Random(5)
    for _ in range(300):
        spans = [(s, s + rng.randint(1, 30), rng.randrange(4)) for s in (rng.randrange(200) for _ in range(12))]
        before = sweep(spans)
        changed = [(s, s + rng.randint(1, 30), rng.randrange(4)) for s in (rng.randrange(200) for _ in range(2))]
        removed = rng.sample(spans, 2)
        after_spans = [s for s in spans if s not in removed] + changed
        lo = min(s for s, _e, _c in (*removed, *changed))
        hi = max(e for _s, e, _c in (*removed, *changed))
        inside = sweep((max(s, lo), min(e, hi), c) for s, e, c in after_spans if s < hi and e > lo)
        first, last, replacement, _old = splice_segments(before, lo, hi, inside)
        assert before[:first] + replacement + before[last:] == sweep(after_spans)


def test_update_codings_leaves_the_view_as_a_full_refresh_would(qtbot) -> None:
    rng = random.Random(7)
    document = DocumentView(1, "g", "Lang", TEXT, None, "", "txt", "", ())
    codings = [_coding(rng, n) for n in range(60)]
    live, fresh = TranscriptView(), TranscriptView()
    for view in (live, fresh):
        qtbot.addWidget(view)
        view.resize(900, 600)
        view._wanted_lane_gap = lambda: 60  # type: ignore[method-assign] # not the widths, which differ by margin
    live.set_document(document, codings, STYLES)
    number = 1000
    for _ in range(60):
        current = {c.id: c for c in live.codings()}
        action = rng.random()
        if action < 0.4:  # apply
            number += 1
            changed, new = [number], [_coding(rng, number)]
        elif action < 0.7:  # remove
            changed, new = [rng.choice(list(current))], []
        else:  # resize or recode
            old = current[rng.choice(list(current))]
            moved = _coding(rng, old.id)
            changed, new = [old.id], [replace(moved, code_id=rng.randrange(len(STYLES)))]
        live.update_codings(changed, new)
        fresh.set_document(document, list(live.codings()), STYLES)
        assert live.highlighter.segments == fresh.highlighter.segments
        assert live.margin.brackets == fresh.margin.brackets
        assert live.margin.lane_count == fresh.margin.lane_count
