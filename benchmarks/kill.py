"""SIGKILL harness: kill lobcoder at random moments during actions and imports; nothing committed may be lost.

Each trial starts a child process that works on one project: it imports a
transcript, creates a code and codes a passage, over and over, printing a line
after each committed action. The parent kills it (SIGKILL: no clean-up runs)
after a random delay, then checks the project the way a user would next open
it: SQLite's integrity and foreign-key checks, the FTS5 index's own check, and
that every action the child reported as committed is there. POSIX only.

    python benchmarks/kill.py --trials 1000 --seed 15
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import sys
from pathlib import Path
from lobcoder.services.batch_import import import_one
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import list_documents
from lobcoder.storage.project import ProjectStore

project, transcript, start = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
staging = sys.argv[4] == "staged"
if staging:
    from lobcoder.search import staged
    staged.STAGE_ABOVE_BYTES, staged._PIECES_PER_TRANSACTION = 0, 2
    staged.StagedIndex.piece_bytes = 16384
with ProjectStore.open(project) as store:
    print("ready", start, flush=True)
    for n in range(start, start + 1000):
        if n % 5 == 0:
            source = transcript
            if staging:  # a new text each time: imported (and staged), not refused as a duplicate
                source = transcript.with_name(f"interview {n}.txt")
                source.write_text(f"Interview {n}\n" + transcript.read_text(encoding="utf-8"), encoding="utf-8")
            result = import_one(store, source)
            print(f"import {n} {result.status}", flush=True)
        with store.transaction() as session:
            code = create_code(session, f"Code {n}").id
            document = list_documents(session)[0].id
            add_coding(session, document, code, 0, 10)
        print(f"code {n}", flush=True)
"""


def check(project: Path, committed_codes: set[str]) -> list[str]:
    """What is wrong with ``project`` after a kill (empty: nothing)."""
    problems = []
    connection = sqlite3.connect(project)
    try:
        if connection.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            problems.append("integrity_check failed")
        if connection.execute("PRAGMA foreign_key_check").fetchall():
            problems.append("foreign_key_check failed")
        try:
            connection.execute("INSERT INTO document_fts(document_fts) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as exc:
            problems.append(f"FTS index damaged ({exc})")
        problems += _index_problems(connection)
        names = {name for (name,) in connection.execute("SELECT name FROM codes")}
        lost = committed_codes - names
        if lost:
            problems.append(f"{len(lost)} committed actions lost")
    finally:
        connection.close()
    return problems


def _index_problems(connection: sqlite3.Connection) -> list[str]:
    """Documents whose search-index pieces do not stand for exactly their whole text."""
    covered: dict[int, int] = {}
    broken: set[int] = set()
    rows = connection.execute(
        "SELECT p.document_id, p.start, p.length, f.rowid FROM search_pieces AS p "
        "LEFT JOIN document_fts AS f ON f.rowid = p.id WHERE p.document_id IS NOT NULL ORDER BY p.document_id, p.start"
    )
    for document, start, length, row in rows:
        if start != covered.get(document, 0) or row is None:
            broken.add(document)
        covered[document] = start + length
    for document, length in connection.execute("SELECT id, length FROM documents"):
        if covered.get(document, 0) != length:
            broken.add(document)
    return [f"{len(broken)} documents not wholly in the search index"] if broken else []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--max-delay", type=float, default=1.5, help="seconds of work before the kill, at most")
    parser.add_argument("--staged", action="store_true", help="every import stages its index in small pieces")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    repo = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(repo)}
    from lobcoder.services.documents import add_document
    from lobcoder.storage.project import ProjectStore

    corrupt = lost_trials = 0
    committed_total = 0
    began = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        project = folder / "kill.lobcoder"
        with ProjectStore.create(project) as store, store.transaction() as session:
            add_document(session, "Start", "Interviewer: Begin van het gesprek.\n", ())
        transcript = folder / "interview.txt"
        words = "ik denk dat de loopbaanbegeleiding op school beter kan maar de mentor heeft weinig tijd".split()
        lines = [f"Anna: {' '.join(rng.choice(words) for _ in range(12))}" for _ in range(3000)]
        transcript.write_text("\n".join(lines), encoding="utf-8")
        next_number = 0
        committed: set[str] = set()
        for trial in range(args.trials):
            child = subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    CHILD,
                    str(project),
                    str(transcript),
                    str(next_number),
                    "staged" if args.staged else "-",
                ],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
            )
            assert child.stdout is not None
            ready = child.stdout.readline()  # the kill falls in the work, not in Python's start-up
            time.sleep(rng.uniform(0.0, args.max_delay))
            child.send_signal(signal.SIGKILL)
            output, _ = child.communicate()
            for line in output.splitlines():
                kind, number = line.split()[:2]
                if kind == "code":
                    committed.add(f"Code {number}")
                next_number = max(next_number, int(number) + 1)
            # Never reuse a number a killed child may have committed without saying so.
            next_number += 1 if output else (1000 if ready else 0)
            problems = check(project, committed)
            if problems:
                print(f"trial {trial}: {'; '.join(problems)}")
                corrupt += any("lost" not in p for p in problems)
                lost_trials += any("lost" in p for p in problems)
        committed_total = len(committed)
    seconds = time.perf_counter() - began
    print(
        f"{args.trials} kills (seed {args.seed}) in {seconds:.0f} s: {committed_total} committed actions, "
        f"{corrupt} trials with a damaged project, {lost_trials} with a lost committed action"
    )
    return 1 if corrupt or lost_trials else 0


if __name__ == "__main__":
    sys.exit(main())
