"""Time inter-coder agreement: 200 transcripts × 2 coders × 10,000 codings each, every unit.

Target (issue 12): ≤ 1 s for any unit, from a loaded data set to the finished
per-code table with bootstrap intervals. "First time" includes splitting
every text into sentences or paragraphs, which is kept (by content hash) for the next
computation; the other figure is the fastest of ``--runs`` repeats. Loading the data set (texts and
turns, which sentence, paragraph and turn units need) is timed
apart, as the analysis window loads once for all its tabs. Growth is measured
at 1×, 2× and 4× the codings on the same transcripts.

    python benchmarks/agreement.py               # 200 × 8,000 words, 10,000 codings per coder
    python benchmarks/agreement.py --quick       # 20 × 2,000 words, 1,000 codings per coder
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import corpus
from report import Row, print_table
from run import machine_info
from sqlalchemy import select

from lobcoder.agreement.compute import agreement
from lobcoder.agreement.units import AGREEMENT_UNITS, clear_split_cache
from lobcoder.analysis.dataset import load_dataset
from lobcoder.analysis.units import sentences
from lobcoder.importing.speakers import detect_turns
from lobcoder.services.documents import add_document
from lobcoder.storage.models import Code, Coder, Coding, Document
from lobcoder.storage.project import ProjectStore
from lobcoder.text.normalize import normalize_text

TARGET_S = 1.0


def build(path: Path, documents: int, words: int, codes: int, codings: int, seed: int) -> None:
    """Transcripts, then coder A codes 1-3 sentences at random; coder B agrees on about 70 % of them."""
    rng = random.Random(seed)
    with ProjectStore.create(path) as store, store.transaction() as session:
        for transcript in corpus.generate(documents, words=words, seed=seed):
            text = normalize_text("\n".join((transcript.title, *transcript.preamble, *transcript.lines)))
            add_document(session, transcript.name, text, detect_turns(text))
        tree = [Code(name=f"Code {i + 1}", position=i) for i in range(codes)]
        first, second = Coder(name="A"), Coder(name="B")
        session.add_all([*tree, first, second])
        session.flush()
        spans = {}
        for document_id, text in session.execute(select(Document.id, Document.text)):
            found = sentences(text)
            spans[document_id] = list(zip(found.starts, found.ends, strict=True))
        rows = []
        for _ in range(codings):
            document_id = rng.choice(list(spans))
            found = spans[document_id]
            i = rng.randrange(len(found) - 3)
            span = (found[i][0], found[i + rng.randint(0, 2)][1])
            code = rng.choice(tree)
            rows.append(Coding(document_id=document_id, code_id=code.id, start=span[0], end=span[1], coder_id=first.id))
            chance = rng.random()
            if chance < 0.7:  # the same passage, give or take a sentence
                j = i + rng.choice((0, 0, 0, 1))
                other = (found[j][0], max(found[j][1], found[i + rng.randint(0, 2)][1]))
            else:
                j = rng.randrange(len(found) - 1)
                other = found[j]
            if chance > 0.9:
                code = rng.choice(tree)
            rows.append(
                Coding(document_id=document_id, code_id=code.id, start=other[0], end=other[1], coder_id=second.id)
            )
        session.add_all(rows)


def time_units(path: Path, runs: int) -> tuple[float, dict[str, float]]:
    with ProjectStore.open(path) as store, store.read() as session:
        started = time.perf_counter()
        dataset = load_dataset(session)
        load = time.perf_counter() - started
    times = {}
    for unit in AGREEMENT_UNITS:
        clear_split_cache()
        started = time.perf_counter()
        agreement(dataset, ["A", "B"], unit)
        if unit in ("sentence", "paragraph"):  # the texts are split once, then kept
            times[f"{unit}, first time"] = time.perf_counter() - started
        samples = []
        for _ in range(runs):
            started = time.perf_counter()
            agreement(dataset, ["A", "B"], unit)
            samples.append(time.perf_counter() - started)
        times[unit] = min(samples)
    return load, times


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--words", type=int, default=8000)
    parser.add_argument("--codes", type=int, default=100)
    parser.add_argument("--codings", type=int, default=10_000, help="per coder, at 1×")
    parser.add_argument("--runs", type=int, default=3, help="the fastest of this many runs is reported")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    if args.quick:
        args.documents, args.words, args.codings = 20, 2000, 1000
    machine = machine_info()
    print(
        f"lobcoder {machine['lobcoder']}, Python {machine['python']}, {machine['cpus_usable'] or machine['cpus']} CPUs"
    )
    rows, base = [], {}
    with tempfile.TemporaryDirectory() as folder:
        for scale in (1, 2, 4):
            path = Path(folder) / f"agreement{scale}.lobcoder"
            started = time.perf_counter()
            build(path, args.documents, args.words, args.codes, args.codings * scale, seed=7)
            print(
                f"{scale}×: {args.documents} transcripts, {args.codings * scale:,} codings per coder, "
                f"built in {time.perf_counter() - started:.1f} s"
            )
            load, times = time_units(path, args.runs)
            rows.append(Row(f"{scale}× load data set (texts, turns)", f"{load:.2f} s"))
            for unit, seconds in times.items():
                note = "" if scale == 1 else f"{seconds / base[unit]:.2f} × the 1× time"
                base.setdefault(unit, seconds)
                target = f"≤ {TARGET_S:.0f} s" if scale == 1 else ""
                ok = seconds <= TARGET_S if scale == 1 else None
                rows.append(Row(f"{scale}× agreement by {unit}", f"{seconds:.2f} s", target, ok, note))
    print_table(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
