"""Measure import, full-text search, project opening and file size on a synthetic corpus."""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import corpus
import sqlalchemy
from output_folder import take_folder
from report import Row, median_p95, print_table

from lobcoder import __version__
from lobcoder.importing.readers import read_file
from lobcoder.importing.speakers import detect_turns
from lobcoder.search.fulltext import search
from lobcoder.services.batch_import import import_files
from lobcoder.storage.project import ProjectStore

IMPORT_TARGET_S = 60.0  # for 200 documents of 8,000 words; scaled linearly for other sizes
SEARCH_TARGET_MS = 50.0
OPEN_TARGET_S = 0.5
SEARCH_RUNS = 20
OPEN_RUNS = 10

# (what it exercises, query as a user types it)
QUERIES: tuple[tuple[str, str], ...] = (
    ("common word", "docent"),
    ("common word", "studenten"),
    ("rare word", "praktijkverklaring"),
    ("accented word", "coordinatie"),
    ("accented word", "geinterviewde"),
    ("prefix", "loopbaan*"),
    ("phrase", '"samen leren"'),
    ("OR", "stageplek OR leerbedrijf"),
    ("two words", "visie beleid"),
    ("exclusion", "interessetest -talentenscan"),
)

_OPEN_SCRIPT = """
import json, sys, time
t0 = time.perf_counter()
from lobcoder.storage.project import ProjectStore
from lobcoder.services.documents import list_documents
t1 = time.perf_counter()
store = ProjectStore.open(sys.argv[1])
with store.read() as session:
    count = len(list_documents(session))
t2 = time.perf_counter()
store.close()
print(json.dumps({"imports": t1 - t0, "open": t2 - t1, "documents": count}))
"""


def machine_info() -> dict[str, Any]:
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    return {
        "cpus": os.cpu_count(),
        "cpus_usable": affinity,
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "sqlalchemy": sqlalchemy.__version__,
        "lobcoder": __version__,
    }


def bench_import(files: Sequence[Path], project: Path) -> dict[str, Any]:
    """Import into a new project, then time reading and speaker detection alone."""
    store = ProjectStore.create(project)
    try:
        start = time.perf_counter()
        report = import_files(store, files)
        seconds = time.perf_counter() - start
    finally:
        store.close()
    problems = [f"{Path(r.path).name}: {r.status} {r.message}" for r in report.results if r.status != "imported"]
    odd_speakers = [r.document for r in report.imported if len(r.speakers) != 2]
    start = time.perf_counter()
    texts = [read_file(path).text for path in files]
    reading = time.perf_counter() - start
    start = time.perf_counter()
    for text in texts:
        detect_turns(text)
    detection = time.perf_counter() - start
    return {
        "seconds": seconds,
        "documents": len(report.imported),
        "documents_per_second": len(report.imported) / seconds,
        "reading_seconds": reading,
        "speaker_detection_seconds": detection,
        "rest_seconds": seconds - reading,
        "characters": sum(r.characters for r in report.imported),
        "turns": sum(r.turns for r in report.imported),
        "problems": problems,
        "documents_without_two_speakers": odd_speakers,
    }


def bench_search(project: Path, runs: int = SEARCH_RUNS) -> dict[str, Any]:
    """Each query once to warm up, then ``runs`` times, each in its own read session."""
    store = ProjectStore.open(project)
    per_query = []
    everything: list[float] = []
    try:
        for kind, query in QUERIES:
            with store.read() as session:
                result = search(session, query)
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                with store.read() as session:
                    search(session, query)
                times.append((time.perf_counter() - start) * 1000)
            everything.extend(times)
            median, p95 = median_p95(times)
            per_query.append(
                {
                    "kind": kind,
                    "query": query,
                    "median_ms": median,
                    "p95_ms": p95,
                    "hits": len(result.hits),
                    "documents": result.documents_matched,
                    "truncated": result.truncated,
                }
            )
    finally:
        store.close()
    median, p95 = median_p95(everything)
    return {"queries": per_query, "median_ms": median, "p95_ms": p95, "runs": runs}


def bench_open(project: Path, runs: int = OPEN_RUNS) -> dict[str, Any]:
    """Open and list documents in a fresh Python process each run (imports timed apart)."""
    opens, imports, processes = [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", _OPEN_SCRIPT, str(project)], capture_output=True, text=True, check=True
        )
        processes.append(time.perf_counter() - start)
        figures = json.loads(done.stdout)
        opens.append(figures["open"])
        imports.append(figures["imports"])
    return {
        "median_seconds": statistics.median(opens),
        "max_seconds": max(opens),
        "median_import_seconds": statistics.median(imports),
        "median_process_seconds": statistics.median(processes),
        "runs": runs,
    }


def _rows(results: dict[str, Any]) -> list[Row]:
    p = results["parameters"]
    imp, found, opened = results["import"], results["search"], results["open"]
    target = IMPORT_TARGET_S * (p["documents"] * p["words"]) / (200 * 8000)
    scaled = "" if (p["documents"], p["words"]) == (200, 8000) else " (scaled)"
    rows = [
        Row(
            f"1. import {p['documents']} × {p['words']:,} words (.{p['format']})",
            f"{imp['seconds']:.1f} s",
            f"≤ {target:.1f} s{scaled}",
            imp["seconds"] <= target,
        ),
        Row("   documents per second", f"{imp['documents_per_second']:.1f}"),
        Row("   reading (read_file on all files alone)", f"{imp['reading_seconds']:.1f} s"),
        Row("   rest (detection, database, indexing)", f"{imp['rest_seconds']:.1f} s"),
        Row("     of which speaker detection alone", f"{imp['speaker_detection_seconds']:.1f} s"),
        Row(
            f"2. search, median of all queries ({found['runs']} runs each)",
            f"{found['median_ms']:.1f} ms",
            f"≤ {SEARCH_TARGET_MS:.0f} ms",
            found["median_ms"] <= SEARCH_TARGET_MS,
        ),
        Row("   p95 of all queries", f"{found['p95_ms']:.1f} ms"),
    ]
    for q in found["queries"]:
        more = "+" if q["truncated"] else ""
        rows.append(
            Row(
                f"   {q['query']:<28} {q['kind']}",
                f"{q['median_ms']:.1f} ms",
                "",
                None,
                f"p95 {q['p95_ms']:.1f} ms; {q['hits']}{more} hits in {q['documents']} documents",
            )
        )
    rows += [
        Row(
            f"3. open + list documents (median of {opened['runs']}, fresh process)",
            f"{opened['median_seconds'] * 1000:.0f} ms",
            f"≤ {OPEN_TARGET_S * 1000:.0f} ms",
            opened["median_seconds"] <= OPEN_TARGET_S,
        ),
        Row("   slowest run", f"{opened['max_seconds'] * 1000:.0f} ms"),
        Row("   importing lobcoder modules (not included)", f"{opened['median_import_seconds'] * 1000:.0f} ms"),
        Row("   whole process: start to exit", f"{opened['median_process_seconds'] * 1000:.0f} ms"),
        Row("4. project file size", f"{results['size']['megabytes']:.1f} MB"),
        Row("   per 1,000 words", f"{results['size']['kilobytes_per_1000_words']:.1f} KB"),
        Row("   source files", f"{results['size']['source_megabytes']:.1f} MB"),
    ]
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--words", type=int, default=8000)
    parser.add_argument("--format", choices=("docx", "txt"), default="docx")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--quick", action="store_true", help="smoke run: 20 documents × 2,000 words")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="build in DIR and keep corpus and project")
    args = parser.parse_args(argv)
    if args.quick:
        args.documents, args.words = 20, 2000

    info = machine_info()
    print(
        f"lobcoder {info['lobcoder']} · Python {info['python']} · SQLite {info['sqlite']} · "
        f"SQLAlchemy {info['sqlalchemy']}"
    )
    print(f"{info['cpus']} CPUs ({info['cpus_usable']} usable) · {info['processor']} · {info['platform']}")
    workdir = take_folder(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="lobcoder-bench-"))
    try:
        start = time.perf_counter()
        transcripts = corpus.generate(args.documents, args.words, args.seed)
        files = corpus.write_corpus(workdir / "corpus", transcripts, args.format)
        print(
            f"corpus: {len(files)} .{args.format} files, generated in {time.perf_counter() - start:.1f} s "
            f"(not measured), in {workdir}\n"
        )
        project = workdir / "benchmark.lobcoder"
        project.unlink(missing_ok=True)
        results: dict[str, Any] = {
            "machine": info,
            "parameters": {"documents": args.documents, "words": args.words, "format": args.format, "seed": args.seed},
        }
        results["import"] = bench_import(files, project)
        results["search"] = bench_search(project)
        results["open"] = bench_open(project)
        # After the last close SQLite has folded the write-ahead log back in; count it if not.
        size = sum(p.stat().st_size for p in (project, Path(f"{project}-wal")) if p.exists())
        words = sum(t.words for t in transcripts)
        results["size"] = {
            "bytes": size,
            "megabytes": size / 1e6,
            "words": words,
            "kilobytes_per_1000_words": size / words,
            "source_megabytes": sum(f.stat().st_size for f in files) / 1e6,
        }
    finally:
        if args.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)
    print_table(_rows(results))
    for problem in results["import"]["problems"][:10]:
        print(f"  import problem: {problem}")
    if results["import"]["documents_without_two_speakers"]:
        print(f"  documents without exactly two speakers: {results['import']['documents_without_two_speakers'][:5]}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nfigures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
