"""Profile one import, one search or one co-occurrence matrix with cProfile and print the top entries.

python benchmarks/hotspots.py import --documents 20
python benchmarks/hotspots.py search "stageplek OR leerbedrijf" --documents 200
python benchmarks/hotspots.py cooccurrence PROJECT.lobcoder   # e.g. workbench.py --keep's huge project
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import corpus

from lobcoder.analysis.cooccurrence import cooccurrence
from lobcoder.analysis.dataset import load_dataset
from lobcoder.search.fulltext import search
from lobcoder.services.batch_import import import_files
from lobcoder.storage.project import ProjectStore


def profile_cooccurrence(project: Path, runs: int, top: int) -> None:
    """Read the data set from the database and compute the overlap matrix, ``runs`` times; by own time."""

    def matrices() -> None:
        for _ in range(runs):
            with store.read() as session:
                dataset = load_dataset(session, texts=False, turns=False)
            cooccurrence(dataset).to_table("jaccard")

    with ProjectStore.open(project) as store:
        matrices()  # warm-up: the file in the OS cache
        profiler = cProfile.Profile()
        profiler.runcall(matrices)
    print(f"cProfile, {runs} × co-occurrence by overlap from {project.name}; top {top} by own time:\n")
    pstats.Stats(profiler, stream=sys.stdout).strip_dirs().sort_stats("tottime").print_stats(top)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=("import", "search", "cooccurrence"))
    parser.add_argument(
        "query", nargs="?", default="stageplek OR leerbedrijf", help="for search; the project for cooccurrence"
    )
    parser.add_argument("--documents", type=int, default=20)
    parser.add_argument("--words", type=int, default=8000)
    parser.add_argument("--format", choices=("docx", "txt"), default="docx")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--runs", type=int, default=10, help="searches profiled together")
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args(argv)
    if args.what == "cooccurrence":
        profile_cooccurrence(Path(args.query), args.runs, args.top)
        return 0

    with tempfile.TemporaryDirectory(prefix="lobcoder-profile-") as tmp:
        transcripts = corpus.generate(args.documents, args.words, args.seed)
        files = corpus.write_corpus(Path(tmp) / "corpus", transcripts, args.format)
        project = Path(tmp) / "profile.lobcoder"
        profiler = cProfile.Profile()
        with ProjectStore.create(project) as store:
            if args.what == "import":
                profiler.runcall(import_files, store, files)
            else:
                import_files(store, files)
                with store.read() as session:
                    search(session, args.query)  # warm-up

                def searches() -> None:
                    for _ in range(args.runs):
                        with store.read() as session:
                            search(session, args.query)

                profiler.runcall(searches)
        subject = f"{args.documents} × {args.words:,} words (.{args.format})"
        detail = (
            f"importing {subject}" if args.what == "import" else f"{args.runs} × search {args.query!r} over {subject}"
        )
        print(f"cProfile, {detail}; top {args.top} by cumulative time:\n")
        stats = pstats.Stats(profiler, stream=sys.stdout)
        stats.strip_dirs().sort_stats("cumulative").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
