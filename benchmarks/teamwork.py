"""Team coding: a blind copy for a second coder, and merging that coder's project back.

    python benchmarks/teamwork.py                 # 200 × 40,000 characters, 10,000 codings per coder
    python benchmarks/teamwork.py --documents 50 --codings 2500

The first coder's project is built as in ``analysis.py`` (generated transcripts,
a ``wave`` attribute, random codings). The second coder's project is a blind
copy of every document in which 10,000 codings are made: 70 % on the first
coder's spans with the same code (agreement), 30 % on the same spans with
another code. Figures (median of ``--runs``):

- blind copy: a 20 % sample stratified by wave (40 of 200 documents) drawn and
  written with ``teamwork.copy.prepare_copy`` — target ≤ 2 s;
- merge: ``plan_from_file`` (reads the other file, matches, plans) plus
  ``MergeCoding`` applied in one transaction — target ≤ 5 s for 200 documents and
  10,000 codings; then merging the same file again (adds nothing) and undo;
- ``lobcoder team merge``: ``merge_file`` (read, plan, prepare and back up
  before the write lock, insert under it) on a fresh copy, and how long it
  holds the write lock (``BEGIN IMMEDIATE`` to COMMIT), which is how long
  another window of the project would wait.

Growth: the same at 50 and 100 documents (copies of the big project with their
codings), so the factor per doubling shows whether the work is linear.

    python benchmarks/teamwork.py --undo 10000 20000 40000

times only the undo of a merge (``UnmergeCoding``) in projects of 200
documents with that many codings by the first coder, where the second coder
coded a blind copy of 40 of them (a 20 % sample, the usual team workflow):
what undo costs as the project grows while the merge stays the same size.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from analysis import build_project
from report import Row, print_table
from run import machine_info
from sqlalchemy import event, insert, select
from sqlalchemy.orm import Session

from lobcoder.editing.merge_apply import MergeCoding
from lobcoder.storage.backups import BEFORE_MERGE, create_backup
from lobcoder.storage.models import Code, Coder, Coding, Document, new_guid
from lobcoder.storage.project import ProjectStore
from lobcoder.teamwork.copy import prepare_copy
from lobcoder.teamwork.merge import merge_file, plan_from_file
from lobcoder.teamwork.sample import choose_sample


def seconds(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def second_coder(main: Path, path: Path, seed: int, documents: list[int] | None = None) -> int:
    """Ilse codes the first coder's spans (in ``documents``, default all): 70 % with the same code, 30 % another.

    The copy keeps the original's row ids (it is a backup with rows deleted), so ids carry over.
    """
    rng = random.Random(seed)
    with ProjectStore.open(main) as store, store.read() as session:
        spans = list(
            session.execute(select(Coding.document_id, Coding.code_id, Coding.start, Coding.end).order_by(Coding.id))
        )
    if documents is not None:
        spans = [span for span in spans if span[0] in set(documents)]
    with ProjectStore.open(path) as store, store.transaction() as session:
        codes = list(session.scalars(select(Code.id)))
        ilse = Coder(name="Ilse")
        session.add(ilse)
        session.flush()
        rows = [
            {
                "guid": new_guid(),
                "document_id": doc,
                "code_id": code if rng.random() < 0.7 else rng.choice(codes),
                "coder_id": ilse.id,
                "start": start,
                "end": end,
            }
            for doc, code, start, end in spans
        ]
        session.execute(insert(Coding), rows)
    return len(rows)


class LockClock:
    """Seconds from a write transaction's ``BEGIN IMMEDIATE`` to its COMMIT: how long other windows would wait."""

    def __init__(self, store: ProjectStore) -> None:
        self.engine = store.engine
        self.held = 0.0
        self._locked: float | None = None

    def _begin(self, connection: Any) -> None:  # after the store's own "begin" listener issued BEGIN
        if not connection.get_execution_options().get("lobcoder_read_only"):
            self._locked = time.perf_counter()

    def _commit(self, _session: Session) -> None:
        if self._locked is not None:
            self.held += time.perf_counter() - self._locked
            self._locked = None

    def __enter__(self) -> LockClock:
        event.listen(self.engine, "begin", self._begin)
        event.listen(Session, "after_commit", self._commit)
        return self

    def __exit__(self, *_exc: object) -> None:
        event.remove(self.engine, "begin", self._begin)
        event.remove(Session, "after_commit", self._commit)


def merge_round(main: Path, other: Path, runs: int) -> dict[str, float]:
    """Median seconds for plan+apply, plan alone, merging again, and undo (each on a fresh copy of ``main``)."""
    figures: dict[str, list[float]] = {"plan": [], "merge": [], "again": [], "undo": [], "cli": [], "lock": []}
    for run in range(runs):
        target = main.with_name(f"{main.stem}-merge{run}.lobcoder")
        with ProjectStore.open(main) as store:
            store.backup_to(target)
        with ProjectStore.open(target) as store:
            started = time.perf_counter()
            plan = plan_from_file(store, other)
            planned = time.perf_counter()
            with store.transaction() as session:
                undo = MergeCoding(plan).apply(session)
            figures["merge"].append(time.perf_counter() - started)
            figures["plan"].append(planned - started)
            figures["again"].append(seconds(lambda: plan_from_file(store, other)))

            def run_undo(undo: object = undo) -> None:
                with store.transaction() as session:
                    undo.apply(session)  # type: ignore[attr-defined]

            figures["undo"].append(seconds(run_undo))
            assert len(plan.codings) > 0
        target.unlink()
        with ProjectStore.open(main) as store:
            store.backup_to(target)
        with ProjectStore.open(target) as store, LockClock(store) as lock:

            def cli(store: ProjectStore = store, target: Path = target) -> None:
                merge_file(store, other, lambda replaces: create_backup(target, BEFORE_MERGE, replaces=replaces))

            figures["cli"].append(seconds(cli))
            figures["lock"].append(lock.held)
        target.unlink()
    return {name: statistics.median(values) for name, values in figures.items()}


def copy_time(main: Path, folder: Path, runs: int) -> tuple[float, int]:
    samples, count = [], 0
    with ProjectStore.open(main) as store:
        for run in range(runs):
            target = folder / f"blind{run}.lobcoder"

            def work(run: int = run, target: Path = target) -> None:
                nonlocal count
                with store.read() as session:
                    chosen = choose_sample(session, 20, "wave", seed=run + 1)
                count = len(chosen)
                prepare_copy(store, target, [c.document_id for c in chosen])

            samples.append(seconds(work))
            target.unlink()
    return statistics.median(samples), count


def undo_round(folder: Path, documents: int, characters: int, codings: int, runs: int, seed: int) -> Row:
    """Median seconds to undo a merge of a 20 % sample's second coding into a project with ``codings`` codings."""
    main_path = folder / f"undo{codings}.lobcoder"
    print(build_project(main_path, documents, characters, 60, codings, seed))
    other = folder / f"undo{codings}-ilse.lobcoder"
    with ProjectStore.open(main_path) as store:
        with store.read() as session:
            chosen = [c.document_id for c in choose_sample(session, 20, "wave", seed=seed)]
        prepare_copy(store, other, chosen)
    merged = second_coder(main_path, other, seed, chosen)
    samples = []
    for run in range(runs):
        target = folder / f"undo{codings}-{run}.lobcoder"
        with ProjectStore.open(main_path) as store:
            store.backup_to(target)
        with ProjectStore.open(target) as store:
            plan = plan_from_file(store, other)
            with store.transaction() as session:
                undo = MergeCoding(plan).apply(session)

            def run_undo(undo: object = undo, store: ProjectStore = store) -> None:
                with store.transaction() as session:
                    undo.apply(session)  # type: ignore[attr-defined]

            samples.append(seconds(run_undo))
        target.unlink()
    main_path.unlink()
    other.unlink()
    undo_s = statistics.median(samples)
    return Row(f"undo a merge of {merged:,} codings ({len(chosen)} documents) into {codings:,}", f"{undo_s:.2f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--characters", type=int, default=40_000)
    parser.add_argument("--codings", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--undo", type=int, nargs="+", metavar="CODINGS", help="time only undo at these sizes")
    args = parser.parse_args(argv)
    info = machine_info()
    print(", ".join(f"{key} {value}" for key, value in info.items()))
    if args.undo:
        with tempfile.TemporaryDirectory(prefix="lobcoder-teamwork-") as tmp:
            undo_rows = [
                undo_round(Path(tmp), args.documents, args.characters, n, args.runs, args.seed) for n in args.undo
            ]
        print_table(undo_rows)
        return 0
    with tempfile.TemporaryDirectory(prefix="lobcoder-teamwork-") as tmp:
        folder = Path(tmp)
        main_path = folder / "main.lobcoder"
        print(build_project(main_path, args.documents, args.characters, 60, args.codings, args.seed))
        rows: list[Row] = []
        copy_s, sampled = copy_time(main_path, folder, args.runs)
        rows.append(Row(f"blind copy of {sampled} documents (20 % by wave)", f"{copy_s:.2f} s", "≤ 2 s", copy_s <= 2))
        sizes = sorted({max(1, args.documents // 4), max(1, args.documents // 2), args.documents})
        merged: dict[int, float] = {}
        with ProjectStore.open(main_path) as store, store.read() as session:
            ids = list(session.scalars(select(Document.id).order_by(Document.name)))
        for size in sizes:
            sub = main_path if size == args.documents else folder / f"main{size}.lobcoder"
            if sub != main_path:
                with ProjectStore.open(main_path) as store:
                    prepare_copy(store, sub, ids[:size], blind=False)
            other = folder / f"ilse{size}.lobcoder"
            with ProjectStore.open(sub) as store:
                prepare_copy(store, other, ids[:size])
            n = second_coder(sub, other, args.seed)
            figures = merge_round(sub, other, args.runs)
            merged[size] = figures["merge"]
            big = size == args.documents
            rows.append(
                Row(
                    f"merge {size} documents, {n:,} codings (plan + apply)",
                    f"{figures['merge']:.2f} s",
                    "≤ 5 s" if big else "",
                    figures["merge"] <= 5 if big else None,
                    f"plan {figures['plan']:.2f} s",
                )
            )
            if big:
                rows.append(Row("lobcoder team merge: merge_file with the backup", f"{figures['cli']:.2f} s"))
                rows.append(Row("  of which the write lock is held", f"{figures['lock']:.2f} s"))
                rows.append(Row("merging the same file again (adds nothing)", f"{figures['again']:.2f} s"))
                rows.append(Row("undo of the merge", f"{figures['undo']:.2f} s"))
        for small, large in zip(sizes, sizes[1:], strict=False):
            rows.append(
                Row(f"growth {small} → {large} documents", f"× {merged[large] / merged[small]:.2f}", note="linear: × 2")
            )
        print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
