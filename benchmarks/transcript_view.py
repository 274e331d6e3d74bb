"""Time the transcript view: opening a long coded document, adding a coding, switching documents.

    python benchmarks/transcript_view.py            # 300,000 characters, 1,500 codings
    python benchmarks/transcript_view.py --runs 10

Each figure runs from the call until a paint of the text viewport has finished
(an event filter sees the viewport's Paint event and quits a local event loop
right after it), so it includes what Qt lays out and draws, not only Python.
Runs offscreen unless a display is set.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import corpus  # noqa: E402
from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from report import Row, median_p95, print_table  # noqa: E402

from lobcoder.gui.transcript import CodeStyle, TranscriptView  # noqa: E402
from lobcoder.importing.speakers import detect_turns, is_interviewer  # noqa: E402
from lobcoder.services.codings import CodingView  # noqa: E402
from lobcoder.services.documents import DocumentView, TurnView  # noqa: E402
from lobcoder.text.normalize import normalize_text  # noqa: E402

OPEN_TARGET_MS = 300.0
CODING_TARGET_MS = 50.0
SWITCH_TARGET_MS = 150.0
COLORS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf")
SENTENCE = re.compile(r"\S[^.!?\n]*[.!?]*")


def make_document(document_id: int, characters: int | None, words: int, seed: int) -> DocumentView:
    """A generated Dutch interview, one paragraph per turn, cut to ``characters`` if given."""
    transcript = corpus.generate(1, words, seed)[0]
    text = normalize_text("\n".join((transcript.title, *transcript.preamble, *transcript.lines)))
    if characters is not None:
        text = text[: text.rfind("\n", 0, characters)]
    turns = tuple(
        TurnView(t.speaker, bool(t.speaker and is_interviewer(t.speaker)), t.label_start, t.start, t.end, None)
        for t in detect_turns(text)
    )
    return DocumentView(document_id, f"g{document_id}", transcript.name, text, None, "", "txt", "", turns)


def make_codings(document: DocumentView, count: int, codes: int, seed: int) -> list[CodingView]:
    """``count`` codings of one to three answer sentences; about one in six overlaps the one before."""
    rng = random.Random(seed)
    sentences = [
        (m.start(), m.end())
        for turn in document.turns
        if not turn.is_interviewer
        for m in SENTENCE.finditer(document.text, turn.start, turn.end)
    ]
    codings = []
    first = last = 0
    for number in range(count):
        if codings and rng.random() < 1 / 6:
            first = rng.randint(first, last)  # starts inside the previous coding's sentences
        else:
            first = rng.randrange(len(sentences) - 3)
        last = first + rng.randint(0, 2)
        start, end = sentences[first][0], sentences[last][1]
        created = datetime(2024, 1, 1)
        codings.append(
            CodingView(
                number + 1, f"c{number}", document.id, rng.randrange(codes) + 1, start, end, "bench", "", created
            )
        )
    return codings


class PaintWatcher(QObject):
    """Quits ``loop`` just after the next Paint event of the watched widget."""

    def __init__(self, loop: QEventLoop) -> None:
        super().__init__()
        self.loop = loop
        self.armed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if self.armed and event.type() == QEvent.Type.Paint:
            self.armed = False
            QTimer.singleShot(0, self.loop.quit)
        return False


def until_painted(view: TranscriptView, action: Callable[[], None]) -> float:
    """Milliseconds from calling ``action`` until the text viewport has painted."""
    return timed(view, action)[1]


def timed(view: TranscriptView, action: Callable[[], None]) -> tuple[float, float]:
    """Milliseconds for ``action`` itself, and until the text viewport has painted."""
    loop = QEventLoop()
    watcher = PaintWatcher(loop)
    viewport = view.editor.viewport()
    viewport.installEventFilter(watcher)
    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(loop.quit)
    watcher.armed = True
    began = time.perf_counter()
    action()
    called = (time.perf_counter() - began) * 1000
    viewport.update()  # if nothing changed on screen, the next paint still ends the timing
    watchdog.start(10_000)
    loop.exec()
    elapsed = (time.perf_counter() - began) * 1000
    viewport.removeEventFilter(watcher)
    return called, elapsed


def figure(name: str, samples: Sequence[float], target: float) -> Row:
    median, worst = median_p95(samples)
    return Row(name, f"{median:.1f} ms", f"≤ {target:.0f} ms", median <= target, f"max {worst:.1f} ms")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per figure (default 7)")
    parser.add_argument("--characters", type=int, default=300_000)
    parser.add_argument("--codings", type=int, default=1_500)
    args = parser.parse_args(argv)

    app = QApplication.instance() or QApplication(["bench"])
    styles = {i + 1: CodeStyle(i + 1, f"Code {i + 1}", COLORS[i % len(COLORS)]) for i in range(24)}
    made = time.perf_counter()
    big = make_document(1, args.characters, args.characters // 5, seed=1)
    big_codings = make_codings(big, args.codings, len(styles), seed=1)
    small = [make_document(n, None, 10_000, seed=n) for n in (2, 3)]
    small_codings = [make_codings(d, 150, len(styles), seed=d.id) for d in small]
    print(
        f"generated in {time.perf_counter() - made:.1f} s: {len(big.text):,} characters, {len(big.turns):,} turns, "
        f"{len(big_codings):,} codings; two documents of {len(small[0].text):,} and {len(small[1].text):,} characters"
    )

    view = TranscriptView()
    view.resize(1000, 700)
    view.show()
    app.processEvents()

    opening = []
    for _ in range(args.runs):
        view.clear()
        app.processEvents()
        opening.append(until_painted(view, lambda: view.set_document(big, big_codings, styles)))

    middle = len(big.text) // 2
    view.scroll_to(middle)
    app.processEvents()
    adding, calls = [], []
    for run in range(args.runs):
        start = big.text.index(" ", middle + run * 40) + 1
        extra = replace(big_codings[0], id=10_000 + run, guid=f"x{run}", start=start, end=start + 120, code_id=3)
        codings = [*big_codings, extra]
        called, painted = timed(view, lambda codings=codings: view.set_codings(codings, styles))
        adding.append(painted)
        calls.append(called)
        view.set_codings(big_codings, styles)
        app.processEvents()
    full = [timed(view, view.highlighter.rehighlight)[0] for _ in range(args.runs)]

    switching = []
    for run in range(args.runs * 2):
        document, codings = small[run % 2], small_codings[run % 2]
        switching.append(until_painted(view, lambda d=document, c=codings: view.set_document(d, c, styles)))

    print()
    print_table(
        [
            figure(f"open {len(big.text):,} chars, {len(big_codings):,} codings", opening, OPEN_TARGET_MS),
            figure("set_codings after adding one coding", adding, CODING_TARGET_MS),
            Row("  the set_codings call alone", f"{median_p95(calls)[0]:.1f} ms", note="changed blocks only"),
            Row("  a full rehighlight, for comparison", f"{median_p95(full)[0]:.1f} ms", note="what it avoids"),
            figure("switch between two 10,000-word documents", switching, SWITCH_TARGET_MS),
        ]
    )
    view.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
