"""The whole workbench window: what a click costs as documents and projects grow.

Unlike ``transcript_view.py``, which times the text widget alone, this runs the
real path a click takes: the undoable command in its database transaction, the
update of every pane, and the repaint. It prints medians and how each figure
grows with the size of the document or the project:

- long transcripts (50k, 300k and 1.2 M characters with 250, 1,500 and 6,000
  codings, in a 25-document project): open to first paint; apply, undo, redo
  and remove one coding; switching between two 65k-character transcripts;
- project size: the same action on a document with 400 codings in a
  25-document project (10k codings) and a 200-document one (80k codings);
- a 1,000-document project with 200,000 codings: open to a usable window
  (both trees with their counts), full-text search, co-occurrence;
- start-up: ``lobcoder --version`` and the GUI's first paint, fresh processes.

The machine is often shared: a calibration row at the start and the end times
a fixed workload (wall against CPU time, and the load average), and each
coding action also reports the main thread's CPU time, which hardly grows
with the load. Compare growth factors and CPU figures from a loaded run, not
wall times with the targets (those are for an idle machine).

    python benchmarks/workbench.py                  # everything (builds ~1 min of projects first)
    python benchmarks/workbench.py --quick          # smaller documents and projects, a smoke run
    python benchmarks/workbench.py --keep /tmp/wb   # keep (and on the next run reuse) the projects
    python benchmarks/workbench.py --only long,size
    LOBCODER_PROFILE=1 python benchmarks/workbench.py --only long   # plus a cProfile of one coding
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import corpus  # noqa: E402
import numpy as np  # noqa: E402
from output_folder import take_folder  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from report import Row, print_table  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from lobcoder.analysis.cooccurrence import cooccurrence  # noqa: E402
from lobcoder.analysis.dataset import load_dataset  # noqa: E402
from lobcoder.gui.main_window import MainWindow  # noqa: E402
from lobcoder.gui.settings import Settings  # noqa: E402
from lobcoder.importing.speakers import detect_turns  # noqa: E402
from lobcoder.search.fulltext import search  # noqa: E402
from lobcoder.services.documents import add_document  # noqa: E402
from lobcoder.storage.models import Code, Coder, Coding  # noqa: E402
from lobcoder.storage.project import ProjectStore  # noqa: E402
from lobcoder.text.normalize import normalize_text  # noqa: E402

RUNS = 9
ACTIONS = ("apply", "undo", "redo", "remove")
COLORS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf")
QUERIES = ("docent", "loopbaan*", '"samen leren"', "stageplek OR leerbedrijf", "interessetest -talentenscan")
LONG = {"50k": (50_000, 250), "300k": (300_000, 1_500), "1.2M": (1_200_000, 6_000)}
QUICK_LONG = {"50k": (50_000, 250), "300k": (150_000, 750), "1.2M": (300_000, 1_500)}

# -- building projects (not timed) ------------------------------------------------


def _text(words: int, seed: int, characters: int | None = None) -> tuple[str, str, str]:
    transcript = corpus.generate(1, words, seed)[0]
    text = normalize_text("\n".join((transcript.title, *transcript.preamble, *transcript.lines)))
    if characters is not None:
        text = text[: text.rfind("\n", 0, characters)]
    return f"{transcript.name} {seed}", transcript.participant, text


def _code(session, document_id: int, text: str, count: int, codes: Sequence[int], coder: int, seed: int) -> None:  # type: ignore[no-untyped-def]
    """``count`` codings of one to three answer sentences; about one in six overlaps the one before."""
    rng = random.Random(seed)
    rows = [
        {"document_id": document_id, "code_id": rng.choice(codes), "coder_id": coder, "start": a, "end": b}
        for a, b in corpus.answer_spans(text, count, rng)
    ]
    session.execute(insert(Coding), rows)


def build_project(path: Path, documents: list[tuple[str, int, int | None, int]], seed: int = 7) -> None:
    """Documents of (kind, words, characters or None, codings), 120 codes; built once, reused with --keep."""
    if path.exists():
        return
    started = time.perf_counter()
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    with ProjectStore.create(partial) as store:
        with store.transaction() as session:
            codes = [Code(name=f"Code {n + 1}", color=COLORS[n % len(COLORS)], position=n) for n in range(120)]
            coder = Coder(name="bench")
            session.add_all([*codes, coder])
            session.flush()
            code_ids = [c.id for c in codes]
            coder_id = coder.id
        for number, (kind, words, characters, codings) in enumerate(documents):
            name, participant, text = _text(words, seed + number, characters)
            with store.transaction() as session:
                ref = add_document(session, f"{kind} {name}", text, detect_turns(text), participant=participant)
                _code(session, ref.id, text, codings, code_ids, coder_id, seed + number)
    partial.rename(path)
    print(f"  built {path.name}: {len(documents)} documents in {time.perf_counter() - started:.1f} s (not timed)")


def projects(folder: Path, quick: bool) -> dict[str, Path]:
    long = QUICK_LONG if quick else LONG
    fillers = [("filler", 8000, None, 400)] * 20
    small = [(f"long{k}", c // 5, c, n) for k, (c, n) in long.items()] + [("switch", 11_000, 65_000, 300)] * 2
    many = 40 if quick else 200
    huge = (100, 200) if quick else (1_000, 200)
    plan = {
        "long": small + fillers,
        "size25": fillers[:2] + [("filler", 8000, None, 400)] * 23,
        f"size{many}": [("filler", 8000, None, 400)] * many,
        "huge": [("many", 3000, None, huge[1])] * huge[0],
    }
    paths = {}
    for name, documents in plan.items():
        paths[name] = folder / f"workbench-{name}{'-quick' if quick else ''}.lobcoder"
        build_project(paths[name], documents)
    return paths


# -- timing -----------------------------------------------------------------------


def timed(app: QApplication, window: MainWindow, action: Callable[[], object], cpu: list[float] | None = None) -> float:
    """Milliseconds from the call until the text area and every pending update have painted.

    With ``cpu``, the main thread's CPU time of the same span is appended to it:
    unlike the wall time it hardly grows when other processes share the cores
    (it leaves out waiting for the disk and for a core).
    """
    start, started_cpu = time.perf_counter(), time.thread_time()
    action()
    window.transcript.editor.viewport().repaint()  # synchronous paint of the visible text
    app.processEvents()
    if cpu is not None:
        cpu.append((time.thread_time() - started_cpu) * 1000)
    return (time.perf_counter() - start) * 1000


def _reference_work() -> None:
    """A fixed mix of what the figures are made of: Python, numpy, SQLite."""
    numbers = np.random.default_rng(1).integers(0, 1 << 40, 300_000)
    np.sort(numbers)
    sum(i * i for i in range(200_000))
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE t (a INTEGER)")
    connection.executemany("INSERT INTO t VALUES (?)", ((int(n),) for n in numbers[:40_000]))
    connection.execute("SELECT a % 97, count(*) FROM t GROUP BY 1").fetchall()
    connection.close()


def calibration(label: str) -> Row:
    """The in-run baseline: a fixed workload's wall time against its CPU time, and the load average.

    On an idle machine wall ≈ CPU; ``× k`` says how much longer CPU-bound work
    took because other processes shared the cores during this run.
    """
    wall, cpu = [], []
    for _ in range(7):
        start, started_cpu = time.perf_counter(), time.thread_time()
        _reference_work()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.thread_time() - started_cpu) * 1000)
    factor = median(wall) / median(cpu)
    load = os.getloadavg()[0]
    return Row(
        f"calibration, {label}",
        ms(median(wall)),
        note=f"CPU {ms(median(cpu))}: × {factor:.2f} from sharing the cores; load average {load:.1f}",
    )


def median(samples: Sequence[float]) -> float:
    return statistics.median(samples)


def ms(value: float) -> str:
    return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"


def target_row(name: str, value: float, target: float, note: str = "") -> Row:
    return Row(name, ms(value), f"≤ {target:g} ms", value <= target, note)


def open_window(app: QApplication, folder: Path, project: Path) -> tuple[MainWindow, float]:
    window = MainWindow(Settings(str(folder / f"settings-{project.stem}.ini")))
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    opened = timed(app, window, lambda: window.open_project(project))
    return window, opened


def document_id(window: MainWindow, prefix: str) -> int:
    assert window.overview is not None
    return next(d.id for d in window.overview.documents if d.name.startswith(prefix))


def coding_actions(app: QApplication, window: MainWindow, runs: int, first: int = 0) -> dict[str, list[float]]:
    """Apply, undo, redo and remove one coding in the middle of the open document, ``runs`` times.

    Run ``k`` codes the 60 characters from the word after ``middle + 90 k``; ``first`` is the first ``k``.
    """
    assert window.document is not None and window.overview is not None and window.undo_stack is not None
    text = window.document.text
    middle = len(text) // 2
    window.transcript.scroll_to(middle)
    app.processEvents()
    while window.transcript.formatter.pending:  # a user clicks after the background formatting (about 1 s)
        app.processEvents()
    code_id = window.overview.codes[-1].id
    found: dict[str, list[float]] = {name: [] for name in ACTIONS + tuple(f"{a} cpu" for a in ACTIONS)}
    stack = window.undo_stack
    if os.environ.get("LOBCODER_PROFILE") and not first:
        start = text.index(" ", middle - 500) + 1
        profile(
            f"apply a coding, {len(text):,} characters", lambda: window.coding.apply_code(code_id, (start, start + 60))
        )
        profile("undo it", stack.undo)
        profile("redo it", stack.redo)
        stack.undo()
    for run in range(first, first + runs):
        start = text.index(" ", middle + run * 90) + 1
        span = (start, start + 60)
        apply = lambda span=span: window.coding.apply_code(code_id, span)  # noqa: E731
        found["apply"].append(timed(app, window, apply, found["apply cpu"]))
        found["undo"].append(timed(app, window, stack.undo, found["undo cpu"]))
        found["redo"].append(timed(app, window, stack.redo, found["redo cpu"]))
        guid = next(c.guid for c in window.coding.codings if (c.start, c.end, c.code_id) == (*span, code_id))
        remove = lambda guid=guid: window.coding.remove_coding(guid)  # noqa: E731
        found["remove"].append(timed(app, window, remove, found["remove cpu"]))
    return found


def profile(title: str, action: Callable[[], object]) -> None:
    """Print the top of a cProfile of ``action`` (with LOBCODER_PROFILE=1)."""
    profiler = cProfile.Profile()
    profiler.runcall(action)
    print(f"\n--- profile: {title}")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


def growth(values: dict[str, float], first: str, second: str) -> str:
    return f"× {values[second] / values[first]:.2f} from {first} to {second}"


def long_documents(app: QApplication, folder: Path, project: Path, runs: int, quick: bool) -> list[Row]:
    window, _opened = open_window(app, folder, project)
    sizes = list(QUICK_LONG if quick else LONG)
    rows: list[Row] = []
    opening: dict[str, float] = {}
    actions: dict[str, dict[str, float]] = {}
    other = document_id(window, "filler")
    for size in sizes:
        target = document_id(window, f"long{size}")
        samples = []
        for _ in range(runs):
            window.open_document(other)
            app.processEvents()
            samples.append(timed(app, window, lambda target=target: window.open_document(target)))
        opening[size] = median(samples)
        if os.environ.get("LOBCODER_PROFILE"):
            window.open_document(other)
            profile(f"open long{size}", lambda target=target: window.open_document(target))
        actions[size] = {name: median(s) for name, s in coding_actions(app, window, runs).items()}
    assert window.document is not None
    characters = {size: (QUICK_LONG if quick else LONG)[size] for size in sizes}
    for size in sizes:
        chars, codings = characters[size]
        limit = {"300k": 100.0, "1.2M": 300.0}.get(size)
        name = f"open {size} characters ({codings:,} codings) to first paint"
        rows.append(target_row(name, opening[size], limit) if limit and not quick else Row(name, ms(opening[size])))
    rows.append(
        Row("  growth", "", note=f"{growth(opening, sizes[0], sizes[1])}; {growth(opening, sizes[1], sizes[2])}")
    )
    for action in ACTIONS:
        per_size = {size: actions[size][action] for size in sizes}
        per_size_cpu = {size: actions[size][f"{action} cpu"] for size in sizes}
        for size in sizes:
            name = f"{action} one coding, {size} characters"
            if size == sizes[1] and not quick:
                rows.append(target_row(name, per_size[size], 20))
            elif size == sizes[2] and not quick:
                limit = 1.3 * per_size[sizes[1]]
                rows.append(Row(name, ms(per_size[size]), "≤ 1.3 × 300k", per_size[size] <= max(limit, 20 * 1.3)))
            else:
                rows.append(Row(name, ms(per_size[size])))
        cpu = ", ".join(ms(per_size_cpu[size]) for size in sizes)
        note = f"{growth(per_size, sizes[1], sizes[2])}; CPU {cpu} ({growth(per_size_cpu, sizes[1], sizes[2])})"
        rows.append(Row("  growth", "", note=note))
    first, second = document_id(window, "switch"), None
    assert window.overview is not None
    second = [d.id for d in window.overview.documents if d.name.startswith("switch")][1]
    switches = [timed(app, window, lambda i=i: window.open_document((first, second)[i % 2])) for i in range(2 * runs)]
    rows.append(target_row("switch between two 65k-character transcripts", median(switches), 30))
    window.close()
    return rows


def project_size(app: QApplication, folder: Path, small: Path, large: Path, runs: int) -> list[Row]:
    """The same document (the first one built: same text, same 400 codings) in both projects.

    Both windows stay open and the runs alternate between them, so a change in
    the machine's load during the measurement falls on both alike.
    """
    windows: dict[str, MainWindow] = {}
    samples: dict[str, dict[str, list[float]]] = {}
    figures: dict[str, dict[str, float]] = {}
    for label, project in (("small", small), ("large", large)):
        window, _opened = open_window(app, folder, project)
        assert window.overview is not None
        window.open_document(min(d.id for d in window.overview.documents if d.name.startswith("filler")))
        app.processEvents()
        windows[label] = window
        samples[label] = {}
        figures[label] = {
            "documents": len(window.overview.documents),
            "codings": sum(c.codings for c in window.overview.codes),
        }
    for run in range(runs):
        for label, window in windows.items():
            for name, found in coding_actions(app, window, 1, first=run).items():
                samples[label].setdefault(name, []).extend(found)
    for label, window in windows.items():
        figures[label].update({name: median(s) for name, s in samples[label].items()})
        window.close()
    rows = []
    for action in ACTIONS:
        a, b = figures["small"][action], figures["large"][action]
        cpu_a, cpu_b = figures["small"][f"{action} cpu"], figures["large"][f"{action} cpu"]
        rows.append(
            Row(
                f"{action} one coding (400 in the document): {figures['small']['documents']:.0f} → "
                f"{figures['large']['documents']:.0f} documents",
                f"{ms(a)} → {ms(b)}",
                "≤ 1.3 ×",
                b <= 1.3 * a or b - a < 2.0,
                f"× {b / a:.2f}; {figures['small']['codings']:,.0f} → {figures['large']['codings']:,.0f} codings; "
                f"CPU {ms(cpu_a)} → {ms(cpu_b)} (× {cpu_b / cpu_a:.2f})",
            )
        )
    return rows


def huge_project(app: QApplication, folder: Path, project: Path, runs: int) -> list[Row]:
    opened = []
    for _ in range(3):
        window, took = open_window(app, folder, project)
        assert window.overview is not None and window.code_model.rowCount() > 0
        opened.append(took)
        documents, codings = len(window.overview.documents), sum(c.codings for c in window.overview.codes)
        window.close()
        app.processEvents()
    searches, matrices = [], []
    with ProjectStore.open(project) as store:
        for query in QUERIES:
            for run in range(runs + 1):
                start = time.perf_counter()
                with store.read() as session:
                    search(session, query)
                if run:
                    searches.append((time.perf_counter() - start) * 1000)
        reads, computes, cpus = [], [], []
        for run in range(runs + 1):
            start, started_cpu = time.perf_counter(), time.thread_time()
            with store.read() as session:
                data = load_dataset(session, texts=False, turns=False)
            read = time.perf_counter()
            cooccurrence(data).to_table("jaccard")
            if run:
                matrices.append((time.perf_counter() - start) * 1000)
                reads.append((read - start) * 1000)
                computes.append((time.perf_counter() - read) * 1000)
                cpus.append((time.thread_time() - started_cpu) * 1000)
    return [
        target_row(
            f"open {documents:,} documents / {codings:,} codings to a usable window",
            median(opened),
            1000,
            "trees with counts and the first document",
        ),
        target_row("  search over it, median of 5 queries", median(searches), 50),
        target_row(
            "  co-occurrence (overlap) from the database",
            median(matrices),
            250,
            f"cold: read {ms(median(reads))} + matrix {ms(median(computes))}; CPU {ms(median(cpus))}",
        ),
        Row("  the same with the data set in memory (analysis window)", ms(median(computes)), note="no target"),
    ]


GUI_PROBE = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched.isWindow():
            print(time.time(), flush=True)
            QTimer.singleShot(0, app.quit)
            watched.removeEventFilter(self)
        return False
painted = Painted()
original = QApplication.exec
def exec_(*args):
    for widget in QApplication.topLevelWidgets():
        widget.installEventFilter(painted)
    return original()
QApplication.exec = exec_
from lobcoder.__main__ import main
main(sys.argv[1:])
"""


def startup(project: Path | None, runs: int) -> list[Row]:
    version = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "lobcoder", "--version"], check=True, capture_output=True)
        version.append((time.perf_counter() - start) * 1000)
    rows = [target_row("lobcoder --version (fresh process)", median(version), 300)]
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    for label, args in (("no project", []), ("with a project", [str(project)] if project else None)):
        if args is None:
            continue
        samples = []
        for _ in range(max(3, runs // 2)):
            start = time.time()
            out = subprocess.run(
                [sys.executable, "-c", GUI_PROBE, *args], check=True, capture_output=True, text=True, env=env
            ).stdout
            samples.append((float(out.split()[-1]) - start) * 1000)
        rows.append(target_row(f"GUI start to first paint, {label}", median(samples), 1000))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small documents and projects")
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--keep", type=Path, help="build the projects here and reuse them on later runs")
    parser.add_argument("--only", default="long,size,huge,startup", help="sections, comma-separated")
    args = parser.parse_args(argv)
    sections = set(args.only.split(","))
    app = QApplication.instance() or QApplication(["bench"])
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        if args.keep:  # the user names it: only a new folder or one a benchmark made
            take_folder(folder)
        paths = projects(folder, args.quick)
        rows: list[Row] = [calibration("start")]
        if "long" in sections:
            rows += long_documents(app, Path(tmp), paths["long"], args.runs, args.quick)
        if "size" in sections:
            large = next(p for k, p in paths.items() if k.startswith("size") and k != "size25")
            rows += project_size(app, Path(tmp), paths["size25"], large, args.runs)
        if "huge" in sections:
            rows += huge_project(app, Path(tmp), paths["huge"], args.runs)
        if "startup" in sections:
            rows += startup(paths["long"], args.runs)
        rows.append(calibration("end"))
    print()
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
