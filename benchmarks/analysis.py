"""Time the analysis core on a large project: co-occurrence by overlap and code frequencies.

Targets, from the database to the finished table, for 50 documents × 100,000
characters with 20,000 codings over 120 codes: co-occurrence by overlap
≤ 50 ms, frequencies ≤ 50 ms. Each run opens its own read session and loads
the data set (without texts and turns, which neither needs), as a GUI worker
does. Other analyses are timed for reference.

    python benchmarks/analysis.py                 # the full size
    python benchmarks/analysis.py --quick         # 10 × 20,000 characters, 2,000 codings
    python benchmarks/analysis.py --keep /tmp/analysis.lobcoder
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import corpus
from codings import populate_codings
from report import Row, median_p95, print_table
from run import machine_info

from lobcoder.analysis.cooccurrence import cooccurrence
from lobcoder.analysis.crosstab import crosstab
from lobcoder.analysis.dataset import Dataset, load_dataset, load_reading
from lobcoder.analysis.frequencies import frequencies
from lobcoder.analysis.quotes import quotes
from lobcoder.importing.speakers import detect_turns
from lobcoder.services.documents import add_document
from lobcoder.storage.models import Attribute, AttributeScope, AttributeType, AttributeValue
from lobcoder.storage.project import ProjectStore
from lobcoder.text.normalize import normalize_text

TARGET_MS = 50.0


def build_project(path: Path, documents: int, characters: int, codes: int, codings: int, seed: int) -> str:
    """Generated transcripts cut to ``characters`` at a line end, a wave attribute, random codings."""
    started = time.perf_counter()
    transcripts = corpus.generate(documents, words=characters // 5, seed=seed)
    with ProjectStore.create(path) as store:
        with store.transaction() as session:
            wave = Attribute(name="wave", type=AttributeType.CATEGORY, scope=AttributeScope.DOCUMENT)
            session.add(wave)
            for transcript in transcripts:
                text = normalize_text("\n".join((transcript.title, *transcript.preamble, *transcript.lines)))
                text = text[: text.rfind("\n", 0, characters)]
                ref = add_document(
                    session, transcript.name, text, detect_turns(text), participant=transcript.participant
                )
                session.add(AttributeValue(attribute=wave, document_id=ref.id, text_value=str(transcript.wave)))
        summary = populate_codings(store, codes=codes, codings=codings, seed=seed)
    return (
        f"{documents} documents × {characters:,} characters, {summary.codes} codes, {summary.codings:,} codings "
        f"({summary.overlapping:,} overlapping); built in {time.perf_counter() - started:.1f} s"
    )


def timed(store: ProjectStore, work: Callable[[Any], object], runs: int) -> list[float]:
    """Milliseconds per run of ``work(session)``, each in its own read session, after one warm-up."""
    samples = []
    for run in range(runs + 1):
        started = time.perf_counter()
        with store.read() as session:
            work(session)
        if run:
            samples.append((time.perf_counter() - started) * 1000)
    return samples


def _overlap(session: Any) -> object:
    return cooccurrence(load_dataset(session, texts=False, turns=False)).to_table("jaccard")


def _frequencies(session: Any) -> object:
    return frequencies(load_dataset(session, texts=False, turns=False)).to_table()


def _frequencies_by_wave(session: Any) -> object:
    return frequencies(load_dataset(session, texts=False, turns=False), split_by="wave").to_table()


def _crosstab(session: Any) -> object:
    return crosstab(load_dataset(session, texts=False, turns=False), "wave").to_table("row")


def _lean(session: Any) -> Dataset:
    """As the app loads for analyses that need texts or turns: neither, read one document at a time as asked."""
    return load_reading(session)


def _sentences(session: Any) -> object:
    return cooccurrence(_lean(session), unit="sentence").to_table()


def _quotes(session: Any) -> object:
    data = _lean(session)
    return quotes(data, codes=[data.codes[0].id], rollup=True).to_table()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=50)
    parser.add_argument("--characters", type=int, default=100_000)
    parser.add_argument("--codes", type=int, default=120)
    parser.add_argument("--codings", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--quick", action="store_true", help="10 × 20,000 characters, 2,000 codings, 5 runs")
    parser.add_argument("--keep", type=Path, help="write the project here and keep it")
    parser.add_argument("--project", type=Path, help="time an existing project (e.g. one kept earlier) instead")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)
    if args.quick:
        args.documents, args.characters, args.codings, args.runs = 10, 20_000, 2_000, 5
    machine = machine_info()
    print(
        f"lobcoder {machine['lobcoder']}, Python {machine['python']}, SQLite {machine['sqlite']}, "
        f"SQLAlchemy {machine['sqlalchemy']}, {machine['cpus_usable'] or machine['cpus']} CPUs"
    )
    with tempfile.TemporaryDirectory() as folder:
        path = args.project or args.keep or Path(folder) / "analysis.lobcoder"
        if not args.project:
            if path.exists():  # never overwritten: it may be a project of the user's
                raise SystemExit(f"--keep {path} exists: time it with --project {path}, or choose a new file")
            print(build_project(path, args.documents, args.characters, args.codes, args.codings, args.seed))
            gc.collect()  # the build leaves much garbage behind; a worker starts without it
        with ProjectStore.open(path) as store:
            cases: list[tuple[str, Callable[[Any], object], int, float | None]] = [
                ("co-occurrence, overlap (c-coefficients)", _overlap, args.runs, TARGET_MS),
                ("frequencies", _frequencies, args.runs, TARGET_MS),
                ("frequencies split by wave", _frequencies_by_wave, args.runs, None),
                ("crosstab code × wave, row %", _crosstab, args.runs, None),
                ("co-occurrence, sentence (reads texts)", _sentences, 3, None),
                ("quotes of one theme (reads texts, turns)", _quotes, 3, None),
            ]
            rows, figures = [], {}
            for name, work, runs, target in cases:
                median, p95 = median_p95(timed(store, work, runs))
                figures[name] = {"median_ms": median, "p95_ms": p95, "target_ms": target, "runs": runs}
                rows.append(
                    Row(
                        name,
                        f"{median:.1f} ms",
                        f"≤ {target:.0f} ms" if target else "",
                        None if target is None else median <= target,
                        f"p95 {p95:.1f} ms, {runs} runs",
                    )
                )
    print()
    print_table(rows)
    if args.json:
        args.json.write_text(json.dumps({"machine": machine, "figures": figures}, indent=2), encoding="utf-8")
    targets = [r.ok for r in rows if r.ok is not None]
    return 0 if all(targets) else 1


if __name__ == "__main__":
    sys.exit(main())
