"""Time word frequencies and keywords in context on transcripts of about 10,000 words, at 1×, 2× and 4× the documents.

Each figure is one run from the database to the finished table, in its own
read session, with the data set reading one text at a time (as the CLI and
a GUI worker do), after one warm-up run (which also loads the Dutch lemma
tables). The 200-transcript project of the brief is 4× the default 50
documents; ``--documents`` sets the 1× size.

Each word-frequency figure is measured twice: *counted*, every document
counted and every lemma looked up (what the command line does, and the tab
did before the counts were kept), and *kept*, as the Words tab recomputes:
each document's form counts in the project's NLP cache (filled by the
warm-up run) and the lemmas in memory. *after a coding* adds one coding of
the chosen code before each run (its transaction included in the time), so
one document's passages change and only that document is counted again.

    python benchmarks/words.py                     # 50, 100, 200 documents × 10,000 words
    python benchmarks/words.py --documents 10      # 10, 20, 40: a quick look
"""

from __future__ import annotations

import argparse
import gc
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from analysis import build_project
from run import machine_info

from lobcoder.analysis.dataset import load_reading
from lobcoder.analysis.filters import AnalysisFilter
from lobcoder.analysis.keywords_in_context import keywords_in_context
from lobcoder.analysis.words import WordOptions, count_cache, word_frequencies
from lobcoder.services.codings import add_coding
from lobcoder.storage.project import ProjectStore
from lobcoder.suggest.pipeline import load_pipeline

WORDS = 10_000
CHARACTERS = WORDS * 6  # the generated Dutch averages about six characters a word, spaces included


COUNTED, KEPT = "counted", "kept"


def _cases(pipeline: Any, code: int, store: ProjectStore) -> list[tuple[str, Callable[[Any], object]]]:
    def frequencies(flt: AnalysisFilter, options: WordOptions, kept: bool) -> Callable[[Any], object]:
        cache = count_cache(store) if kept else None

        def run(session: Any) -> object:
            if not kept:
                pipeline.forget_lemmas()
            return word_frequencies(load_reading(session), pipeline, flt, options, cache).to_table()

        return run

    def after_a_coding(_session: Any) -> object:
        with store.transaction() as writing:  # one new coding of the code in one document: its passages change
            start = _next_start()
            add_coding(writing, 1, code, start, start + 40)
        with store.read() as session:  # a session that sees it (the one given began before it)
            return word_frequencies(load_reading(session), pipeline, AnalysisFilter(), passages, count_cache(store))

    passages = WordOptions(code=code, split_by="wave")
    cases: list[tuple[str, Callable[[Any], object]]] = []
    for name, flt, options in (
        ("word frequencies, by lemma", AnalysisFilter(), WordOptions(top=100)),
        ("  respondent text only", AnalysisFilter(exclude_interviewer=True), WordOptions(top=100)),
        ("  one code's passages, split by wave", AnalysisFilter(), passages),
        ("  by form", AnalysisFilter(), WordOptions(by="form", top=100)),
    ):
        cases.append((f"{name} ({COUNTED})", frequencies(flt, options, kept=False)))
        cases.append((f"{name} ({KEPT})", frequencies(flt, options, kept=True)))
    cases.append(("  one code's passages after a coding (kept)", after_a_coding))
    cases.append(
        (
            "keywords in context of 'student'",
            lambda session: keywords_in_context(load_reading(session), pipeline, "student").to_table(),
        )
    )
    return cases


_starts = iter(range(100, 10**9, 97))


def _next_start() -> int:
    return next(_starts) % 50_000


def _seconds(store: ProjectStore, work: Callable[[Any], object], runs: int) -> tuple[float, float]:
    """The fastest run's wall-clock and CPU seconds (on a shared machine the CPU time is the steadier figure)."""
    samples = []
    for run in range(runs + 1):
        started, cpu = time.perf_counter(), time.process_time()
        with store.read() as session:
            work(session)
        if run:
            samples.append((time.perf_counter() - started, time.process_time() - cpu))
    return min(samples)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=50, help="documents at 1× (default 50)")
    parser.add_argument("--runs", type=int, default=2, help="timed runs per figure; the fastest is shown")
    args = parser.parse_args(argv)
    machine = machine_info()
    print(
        f"lobcoder {machine['lobcoder']}, Python {machine['python']}, {machine['cpus_usable'] or machine['cpus']} CPUs"
    )
    pipeline = load_pipeline()
    figures: dict[str, list[tuple[float, float]]] = {}
    sizes = [args.documents * factor for factor in (1, 2, 4)]
    with tempfile.TemporaryDirectory() as folder:
        for documents in sizes:
            path = Path(folder) / f"words{documents}.lobcoder"
            print(build_project(path, documents, CHARACTERS, codes=40, codings=documents * 60, seed=42))
            gc.collect()
            with ProjectStore.open(path) as store:
                with store.read() as session:
                    dataset = load_reading(session)
                    total = sum(len(dataset.text(d.id).split()) for d in dataset.documents)
                    code = dataset.codes[0].id
                print(f"  {total:,} words")
                for name, work in _cases(pipeline, code, store):
                    figures.setdefault(name, []).append(_seconds(store, work, args.runs))
            path.unlink()
    print()
    print(f"{'figure (wall / CPU seconds)':45}" + "".join(f"{n:>15} docs" for n in sizes) + "   CPU growth 1×→4×")
    for name, values in figures.items():
        cells = "".join(f"{wall:>11.2f} / {cpu:.2f}" for wall, cpu in values)
        print(f"{name:45}{cells}   {values[-1][1] / values[0][1]:.1f}×")
    print()
    print(f"{'counted / kept (CPU)':45}" + "".join(f"{n:>20} docs" for n in sizes))
    for name, values in figures.items():
        if name.endswith(f"({COUNTED})"):
            kept = figures[name.replace(COUNTED, KEPT)]
            cells = "".join(f"{c[1] / max(k[1], 1e-9):>24.1f}×" for c, k in zip(values, kept, strict=True))
            print(f"{name.removesuffix(f' ({COUNTED})'):45}{cells}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
