"""The whole workbench on a study-sized project: apply and undo a coding, switch documents.

Unlike ``transcript_view.py``, which times the text widget alone, this runs the
real path a click takes: the undoable command in a database transaction, the
refresh of every pane from the project, and the repaint.

    python benchmarks/workbench.py [--documents 200] [--words 8000] [--codings 5000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import corpus  # noqa: E402
from codings import populate_codings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from report import Row, print_table  # noqa: E402

from lobcoder.gui.main_window import MainWindow  # noqa: E402
from lobcoder.gui.settings import Settings  # noqa: E402
from lobcoder.services.batch_import import import_files  # noqa: E402
from lobcoder.storage.project import ProjectStore  # noqa: E402

RUNS = 15


def build_project(folder: Path, documents: int, words: int, codings: int) -> Path:
    files = corpus.build_corpus(folder / "corpus", documents, words, "txt")
    path = folder / "bench.lobcoder"
    with ProjectStore.create(path) as store:
        import_files(store, files)
        populate_codings(store, codes=120, codings=codings)
    return path


def timed(app: QApplication, window: MainWindow, action) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    action()
    window.transcript.editor.viewport().repaint()  # synchronous paint of the visible text
    app.processEvents()
    return (time.perf_counter() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--words", type=int, default=8000)
    parser.add_argument("--codings", type=int, default=5000)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(["bench"])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        project = build_project(folder, args.documents, args.words, args.codings)
        print(
            f"built {args.documents} documents × {args.words} words with {args.codings} codings "
            f"in {time.perf_counter() - t0:.1f} s (not measured)"
        )
        window = MainWindow(Settings(str(folder / "settings.ini")))
        window.resize(1600, 1000)
        window.show()
        opened = timed(app, window, lambda: window.open_project(project))
        assert window.overview is not None
        ids = [d.id for d in window.overview.documents]
        switches = [timed(app, window, lambda i=i: window.open_document(ids[i % 2])) for i in range(RUNS)]
        code_id = window.overview.codes[-1].id
        text = window.document.text if window.document else ""
        apply_times, undo_times = [], []
        if os.environ.get("LOBCODER_PROFILE"):
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            profiler.runcall(window.coding.apply_code, code_id, (10, 30))
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        for run in range(RUNS):
            start = 100 + run * 50
            span = (start, min(len(text), start + 40))
            apply_times.append(timed(app, window, lambda span=span: window.coding.apply_code(code_id, span)))
            undo = window.menu_actions.undo_action
            assert undo is not None
            undo_times.append(timed(app, window, undo.trigger))
        window.close()
    rows = [
        Row("open project + its first document", f"{opened:.0f} ms"),
        Row(
            "switch between two documents",
            f"{statistics.median(switches):.1f} ms",
            "≤ 150 ms",
            statistics.median(switches) <= 150,
            f"max {max(switches):.1f} ms",
        ),
        Row(
            "apply a coding (command, refresh, repaint)",
            f"{statistics.median(apply_times):.1f} ms",
            "≤ 50 ms",
            statistics.median(apply_times) <= 50,
            f"max {max(apply_times):.1f} ms",
        ),
        Row(
            "undo it",
            f"{statistics.median(undo_times):.1f} ms",
            "≤ 50 ms",
            statistics.median(undo_times) <= 50,
            f"max {max(undo_times):.1f} ms",
        ),
    ]
    print()
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
