"""Time word frequencies and keywords in context on transcripts of about 10,000 words, at 1×, 2× and 4× the documents.

Each figure is one run from the database to the finished table, in its own
read session, with the data set reading one text at a time (as the CLI and
a GUI worker do), after one warm-up run (which also loads the Dutch lemma
tables). The 200-transcript project of the brief is 4× the default 50
documents; ``--documents`` sets the 1× size.

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
from lobcoder.analysis.words import WordOptions, word_frequencies
from lobcoder.storage.project import ProjectStore
from lobcoder.suggest.pipeline import load_pipeline

WORDS = 10_000
CHARACTERS = WORDS * 6  # the generated Dutch averages about six characters a word, spaces included


def _cases(pipeline: Any, code: int) -> list[tuple[str, Callable[[Any], object]]]:
    def frequencies(flt: AnalysisFilter, options: WordOptions) -> Callable[[Any], object]:
        return lambda session: word_frequencies(load_reading(session), pipeline, flt, options).to_table()

    return [
        ("word frequencies, by lemma", frequencies(AnalysisFilter(), WordOptions(top=100))),
        ("  respondent text only", frequencies(AnalysisFilter(exclude_interviewer=True), WordOptions(top=100))),
        (
            "  one code's passages, split by wave",
            frequencies(AnalysisFilter(), WordOptions(code=code, split_by="wave")),
        ),
        ("  by form", frequencies(AnalysisFilter(), WordOptions(by="form", top=100))),
        (
            "keywords in context of 'student'",
            lambda session: keywords_in_context(load_reading(session), pipeline, "student").to_table(),
        ),
    ]


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
                for name, work in _cases(pipeline, code):
                    figures.setdefault(name, []).append(_seconds(store, work, args.runs))
            path.unlink()
    print()
    print(f"{'figure (wall / CPU seconds)':45}" + "".join(f"{n:>15} docs" for n in sizes) + "   CPU growth 1×→4×")
    for name, values in figures.items():
        cells = "".join(f"{wall:>11.2f} / {cpu:.2f}" for wall, cpu in values)
        print(f"{name:45}{cells}   {values[-1][1] / values[0][1]:.1f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
