"""Peak memory of analyses as projects grow: 250, 500 and 1,000 transcripts.

The projects are those of ``qdpx_scale.py`` (3,000-word transcripts with 200
codings each, 60 codes; built once, not timed, reused with ``--keep``). Each
case runs in a fresh Python process so that its peak resident memory is its
own (``VmHWM`` on Linux, ``ru_maxrss`` elsewhere):

- ``paragraph``, ``sentence``, ``turn``, ``overlap``: ``lobcoder report
  cooccurrence PROJECT --unit UNIT --format json --out FILE``;
- ``window``: the GUI (offscreen): the main window opens the project, then
  the analysis window opens on its co-occurrence tab by paragraph, and the
  first off-diagonal cell with a count is selected until its passages are
  listed.
- ``drill``: the drill-down alone (no window): the co-occurrence by paragraph
  is computed first, the peak is reset (``/proc/self/clear_refs``; Linux
  only), then the passages of the cell with the largest count are listed
  as the tab lists them, in a read session of the project.

Each case also reports its *floor*: the memory before the analysis started
(after importing lobcoder and the libraries it uses; for ``window``, with the project open in the main
window). *Above floor* is what the analysis itself added; the growth columns
divide each figure by that of the next smaller project. Memory that grows
with the texts grows about × 2 from 500 to 1,000 transcripts; what the codings
alone need (200 per transcript, six integers each) is about 10 MB at 1,000.

    python benchmarks/analysis_memory.py --keep /tmp/qs
    python benchmarks/analysis_memory.py --keep /tmp/qs --cases paragraph,window --sizes 250,1000
    PYTHONPATH=/path/to/other/checkout python benchmarks/analysis_memory.py --keep /tmp/qs   # before/after
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from output_folder import take_folder  # noqa: E402
from qdpx_scale import CODINGS, SIZES, WORDS, build_project, text_megabytes  # noqa: E402
from report import Row, print_table  # noqa: E402

CASES = ("paragraph", "sentence", "turn", "overlap", "window", "drill")

CHILD = r"""
import json, resource, sys, time
case, source, target = sys.argv[1:4]
def rss():
    try:
        with open("/proc/self/status") as status:
            return next(int(l.split()[1]) for l in status if l.startswith("VmHWM:")) / 1024
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
from pathlib import Path
if case == "window":
    import os
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from pathlib import Path
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication
    from lobcoder.gui.analysis.install import install_analysis_menu
    from lobcoder.gui.analysis.table_model import DiagonalRole, RawValueRole
    from lobcoder.gui.main_window import MainWindow
    from lobcoder.gui.settings import Settings
    app = QApplication([])
    main = MainWindow(Settings(str(Path(target).with_suffix(".ini"))))
    menu = install_analysis_menu(main)
    main.resize(1300, 850)
    main.show()
    assert main.open_project(Path(source))
    def wait(done, seconds=600):
        loop, timer = QEventLoop(), QTimer()
        timer.timeout.connect(lambda: loop.quit() if done() else None)
        timer.start(20)
        limit = time.perf_counter() + seconds
        while not done():
            if time.perf_counter() > limit:
                raise SystemExit("timed out")
            loop.exec()
        timer.stop()
    wait(lambda: True)
    floor, started, cpu_before = rss(), time.perf_counter(), cpu()
    analysis = menu.show_analysis()
    tab = analysis.cooccurrence
    analysis.tabs.setCurrentWidget(tab)
    tab.set_unit("paragraph", 0)
    wait(lambda: analysis.dataset is not None and analysis.is_idle() and tab.result is not None)
    opened = time.perf_counter() - started
    model = tab.model
    cell = next(
        (model.index(r, c) for r in range(model.rowCount()) for c in range(1, model.columnCount())
         if not model.index(r, c).data(DiagonalRole) and (model.index(r, c).data(RawValueRole) or 0) > 0),
        None,
    )
    shown = []
    tab.passagesShown.connect(lambda: shown.append(tab.passage_model.rowCount()))
    tab.matrix.setCurrentIndex(cell)
    wait(lambda: bool(shown))
    extra = {"opened_s": opened, "passages": shown[-1]}
    main.close()
elif case == "drill":
    from lobcoder.analysis.cooccurrence import cooccurrence
    from lobcoder.analysis.dataset import DocumentSource, load_dataset
    from lobcoder.gui.analysis import cooccurrence_tab
    from lobcoder.gui.analysis.tab import with_documents
    from lobcoder.storage.project import ProjectStore
    store = ProjectStore.open(Path(source))
    with store.read() as session:
        dataset = load_dataset(session, texts=False, turns=False)
        result = cooccurrence(dataset.reading(DocumentSource(session)), unit="paragraph")
    size = len(result.codes)
    i, j = max(
        ((i, j) for i in range(size) for j in range(size) if i != j and (result.codes[i].id, result.codes[j].id) not in result.nested),
        key=lambda ij: result.together[ij[0]][ij[1]],
    )
    a, b = result.codes[i].id, result.codes[j].id
    with open("/proc/self/clear_refs", "w") as refs:
        refs.write("5")  # the peak so far was the matrix's: measure the drill-down's own
    floor, started, cpu_before = rss(), time.perf_counter(), cpu()
    if hasattr(cooccurrence_tab, "find_passages"):  # before: the budget of kept texts
        found = with_documents(store, dataset, lambda d: cooccurrence_tab.find_passages(d, result, a, b), cooccurrence_tab.DRILL_DOWN_TEXTS)
    else:
        found = with_documents(store, dataset, lambda d: cooccurrence_tab.passages(d, result, a, b))
    extra = {"passages": len(found), "count": result.together[i][j]}
else:
    from lobcoder.cli.main import run_cli
    import lobcoder.analysis.cooccurrence, lobcoder.cli.report  # numpy, SQLAlchemy ...: part of the floor
    floor, started, cpu_before = rss(), time.perf_counter(), cpu()
    if run_cli(["report", "cooccurrence", source, "--unit", case, "--format", "json", "--out", target]) != 0:
        raise SystemExit("report failed")
    extra = {}
seconds, used = time.perf_counter() - started, cpu() - cpu_before
print(json.dumps({"seconds": seconds, "cpu": used, "peak_mb": rss(), "floor_mb": floor, **extra}))
"""


def run_case(case: str, source: Path, target: Path) -> dict[str, float]:
    target.unlink(missing_ok=True)
    command = [sys.executable, "-c", CHILD, case, str(source), str(target)]
    # cwd: not this folder, so that PYTHONPATH (e.g. another checkout, for a before/after) decides what is imported.
    done = subprocess.run(command, capture_output=True, text=True, cwd=target.parent)
    if done.returncode != 0:
        raise SystemExit(f"{case} on {source.name} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def rows_for(case: str, figures: dict[int, dict[str, float]]) -> list[Row]:
    rows, previous = [], None
    for size, figure in sorted(figures.items()):
        above = figure["peak_mb"] - figure["floor_mb"]
        growth = ""
        if previous is not None:
            before = figures[previous]
            growth = (
                f"; × {figure['peak_mb'] / before['peak_mb']:.2f} peak, "
                f"× {above / max(before['peak_mb'] - before['floor_mb'], 0.1):.2f} above floor from {previous}"
            )
        passages = f"; {figure['passages']} passages in the cell" if "passages" in figure else ""
        rows.append(
            Row(
                f"{case}, {size} transcripts",
                f"{figure['peak_mb']:.0f} MB",
                "",
                None,
                f"{above:.0f} MB above the floor of {figure['floor_mb']:.0f} MB; "
                f"{figure['seconds']:.1f} s, {figure['cpu']:.1f} s CPU{passages}{growth}",
            )
        )
        previous = size
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], default=list(SIZES))
    parser.add_argument("--cases", type=lambda s: s.split(","), default=list(CASES))
    parser.add_argument("--keep", type=Path, help="folder to keep (and reuse) the generated projects in")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)
    unknown = set(args.cases) - set(CASES)
    if unknown:
        parser.error(f"unknown cases: {', '.join(sorted(unknown))}; choose from {', '.join(CASES)}")
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.keep or Path(temporary)
        if args.keep:  # the user names it: only a new folder or one a benchmark made
            take_folder(folder)
        projects = {}
        for size in args.sizes:
            projects[size] = folder / f"qdpx-{size}x{WORDS}-{CODINGS}.lobcoder"
            build_project(projects[size], size, WORDS, CODINGS)
            print(f"  {size} transcripts: {text_megabytes(projects[size]):.1f} MB of text")
        figures: dict[str, dict[int, dict[str, float]]] = {}
        for case in args.cases:
            for size, project in projects.items():
                figures.setdefault(case, {})[size] = run_case(case, project, Path(temporary) / f"{case}-{size}.json")
        rows = [row for case in args.cases for row in rows_for(case, figures[case])]
    print_table(rows)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
