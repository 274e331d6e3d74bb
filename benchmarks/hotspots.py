"""Profile one import or one search with cProfile and print the top entries by cumulative time."""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import corpus

from lobcoder.search.fulltext import search
from lobcoder.services.batch_import import import_files
from lobcoder.storage.project import ProjectStore


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("what", choices=("import", "search"))
    parser.add_argument("query", nargs="?", default="stageplek OR leerbedrijf", help="for search")
    parser.add_argument("--documents", type=int, default=20)
    parser.add_argument("--words", type=int, default=8000)
    parser.add_argument("--format", choices=("docx", "txt"), default="docx")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--runs", type=int, default=10, help="searches profiled together")
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args(argv)

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
