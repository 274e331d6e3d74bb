"""Import and search on a project file and on a PostgreSQL server, side by side (docs/POSTGRESQL.md).

    python benchmarks/postgres.py --url postgresql+psycopg://me:secret@localhost/lobbench [--documents 200 --words 8000]

The database at ``--url`` must be empty and is emptied again afterwards (its
``public`` schema is dropped). The same generated .txt corpus is imported into
both (``services.batch_import.import_files``), then the queries of
``benchmarks/run.py`` run as there (once to warm up, then ``--runs`` times).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from corpus import build_corpus
from run import QUERIES
from sqlalchemy import create_engine, text

from lobcoder.search.fulltext import search
from lobcoder.services.batch_import import import_files
from lobcoder.storage.project import ProjectStore
from lobcoder.storage.server import open_server_project


def _empty(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def _measure(store: ProjectStore, files: Sequence[Path], runs: int) -> tuple[float, dict[str, float]]:
    start = time.perf_counter()
    report = import_files(store, files)
    imported = time.perf_counter() - start
    if any(r.status != "imported" for r in report.results):
        raise SystemExit("not every file was imported")
    medians = {}
    for _kind, query in QUERIES:
        with store.read() as session:
            search(session, query)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            with store.read() as session:
                search(session, query)
            times.append((time.perf_counter() - start) * 1000)
        medians[query] = statistics.median(times)
    return imported, medians


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="an empty PostgreSQL database (SQLAlchemy URL)")
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--words", type=int, default=8000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        files = build_corpus(Path(folder) / "corpus", args.documents, args.words, fmt="txt")
        with ProjectStore.create(Path(folder) / "bench.lobcoder") as store:
            on_file = _measure(store, files, args.runs)
        _empty(args.url)
        server = open_server_project(args.url)
        try:
            on_server = _measure(server, files, args.runs)
        finally:
            server.close()
            _empty(args.url)
    print(f"{f'{args.documents} × {args.words} words':<44}{'project file':>12}{'PostgreSQL':>13}")
    print(f"{'import (s)':<44}{on_file[0]:>12.1f}{on_server[0]:>13.1f}")
    for query in on_file[1]:
        print(f"{'search ' + query + ' (ms)':<44}{on_file[1][query]:>12.1f}{on_server[1][query]:>13.1f}")
    both = statistics.median(on_file[1].values()), statistics.median(on_server[1].values())
    print(f"{'search, median of the queries (ms)':<44}{both[0]:>12.1f}{both[1]:>13.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
