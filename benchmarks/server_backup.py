"""The before-remove backup of a project on PostgreSQL (a project file copied row by row) against a file's backup.

    python benchmarks/server_backup.py --url postgresql+psycopg://me:secret@localhost/lobbench [--documents 50 --words 8000]

Imports ``--documents``, 2× and 4× as many generated .txt interviews into a
project file and into the (empty, emptied again afterwards) database at
``--url``, then times ``storage/store_backups.backup_store`` on each: SQLite's
page copy for the file, ``storage/project_copy.copy_project`` for the server.
Prints seconds, rows copied, the growth from 1× and the server/file ratio.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from corpus import build_corpus
from postgres import _empty

from lobcoder.services.batch_import import import_files
from lobcoder.storage.backups import BEFORE_REMOVE
from lobcoder.storage.project import ProjectStore
from lobcoder.storage.server import open_server_project
from lobcoder.storage.store_backups import backup_store


def _timed(store: ProjectStore) -> tuple[float, int]:
    rows: list[int] = []
    start = time.perf_counter()
    made = backup_store(store, BEFORE_REMOVE, progress=lambda done, _total, _label: rows.append(done))
    seconds = time.perf_counter() - start
    if made.backup is None:
        raise SystemExit(f"no backup: {made.problem}")
    return seconds, rows[-1] if rows else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="an empty PostgreSQL database (SQLAlchemy URL)")
    parser.add_argument("--documents", type=int, default=50)
    parser.add_argument("--words", type=int, default=8000)
    args = parser.parse_args(argv)
    results: list[tuple[int, float, float, int]] = []
    with tempfile.TemporaryDirectory() as folder:
        os.environ["XDG_DATA_HOME"] = str(Path(folder) / "data")  # the server backups go here, not in your folder
        for factor in (1, 2, 4):
            documents = args.documents * factor
            files = build_corpus(Path(folder) / f"corpus{factor}", documents, args.words, fmt="txt")
            with ProjectStore.create(Path(folder) / f"bench{factor}.lobcoder") as store:
                import_files(store, files)
                on_file, _pages = _timed(store)
            _empty(args.url)
            server = open_server_project(args.url)
            try:
                import_files(server, files)
                on_server, rows = _timed(server)
            finally:
                server.close()
                _empty(args.url)
            results.append((documents, on_file, on_server, rows))
    print(
        f"{f'× {args.words} words':<16}{'file (s)':>10}{'server (s)':>12}{'rows':>10}{'growth':>9}{'server/file':>13}"
    )
    base = results[0][2]
    for documents, on_file, on_server, rows in results:
        print(
            f"{f'{documents} documents':<16}{on_file:>10.2f}{on_server:>12.2f}{rows:>10}"
            f"{on_server / base:>8.1f}×{on_server / on_file:>12.1f}×"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
