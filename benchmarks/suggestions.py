"""Time code suggestions: parsing, training on 2,000 coded segments, suggesting for a 10,000-word transcript.

Targets, with the offline pipeline (blank nl + lookup lemmas + sentencizer), on
2 cores: training on 2,000 coded segments ≤ 30 s; suggestions for a 10,000-word
transcript with a trained model ≤ 3 s (the first time, when it is parsed too);
parsing a 10,000-word transcript well under 1 s.

    python benchmarks/suggestions.py            # 2,000 codings over 20 × 5,000-word transcripts
    python benchmarks/suggestions.py --quick    # 300 codings over 4 × 2,000 words
"""

from __future__ import annotations

import os

# Two cores, as the target says; set before numpy loads.
for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "2")
if hasattr(os, "sched_setaffinity") and len(os.sched_getaffinity(0)) > 2:
    os.sched_setaffinity(0, sorted(os.sched_getaffinity(0))[:2])

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Sequence  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import corpus  # noqa: E402
from report import Row, print_table  # noqa: E402
from run import machine_info  # noqa: E402
from sqlalchemy import select  # noqa: E402

from lobcoder.importing.speakers import detect_turns  # noqa: E402
from lobcoder.services.codings import add_coding  # noqa: E402
from lobcoder.services.documents import add_document, get_document  # noqa: E402
from lobcoder.storage.models import Coding, Speaker, SpeakerTurn  # noqa: E402
from lobcoder.storage.project import ProjectStore  # noqa: E402
from lobcoder.suggest import cache  # noqa: E402
from lobcoder.suggest.cache import process_text  # noqa: E402
from lobcoder.suggest.pipeline import load_pipeline  # noqa: E402
from lobcoder.suggest.ranking import suggest  # noqa: E402
from lobcoder.suggest.training import clear_loaded_models, train  # noqa: E402
from lobcoder.text.normalize import normalize_text  # noqa: E402

TRAIN_TARGET_S = 30.0
SUGGEST_TARGET_S = 3.0
PARSE_TARGET_S = 1.0
NEW_CODINGS = 20


def _import(store: ProjectStore, transcripts: Sequence[Any]) -> list[int]:
    ids = []
    with store.transaction() as session:
        for t in transcripts:
            text = normalize_text("\n".join((t.title, *t.preamble, "", *t.lines)) + "\n")
            ids.append(add_document(session, t.name, text, detect_turns(text)).id)
    return ids


def _code_more(store: ProjectStore, count: int) -> None:
    """Code ``count`` more respondent turns with existing codes, as a researcher continuing to code."""
    with store.transaction() as session:
        codes = list(session.scalars(select(Coding.code_id).distinct().order_by(Coding.code_id)))
        coded = select(Coding.id).where(
            Coding.document_id == SpeakerTurn.document_id,
            Coding.start < SpeakerTurn.end,
            Coding.end > SpeakerTurn.start,
        )
        turns = session.execute(
            select(SpeakerTurn.document_id, SpeakerTurn.start, SpeakerTurn.end)
            .join(Speaker, Speaker.id == SpeakerTurn.speaker_id)
            .where(Speaker.is_interviewer.is_(False), ~coded.exists())
            .order_by(SpeakerTurn.id)
            .limit(count)
        ).all()
        for index, (document_id, start, end) in enumerate(turns):
            add_coding(session, document_id, codes[index % len(codes)], start, end, coder="benchmark")


def run(documents: int, words: int, codings: int, seed: int, keep: Path | None) -> dict[str, Any]:
    folder = keep or Path(tempfile.mkdtemp(prefix="lobcoder-suggest-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "suggestions.lobcoder"
    path.unlink(missing_ok=True)
    results: dict[str, Any] = {"documents": documents, "words": words, "codings": codings}

    started = time.perf_counter()
    pipeline = load_pipeline(offline=True)
    results["pipeline_load_s"] = time.perf_counter() - started
    results["pipeline"] = pipeline.name

    with ProjectStore.create(path) as store:
        _import(store, corpus.generate(documents, words=words, seed=seed))
        summary = corpus.populate_codings(store, codes=20, codings=codings, seed=seed)
        results["codes"] = summary.codes

        started = time.perf_counter()
        trained = train(store, pipeline=pipeline)
        results["train_s"] = time.perf_counter() - started  # includes parsing every coded document once
        results["train_examples"] = trained.examples
        results["train_codes"] = len(trained.codes)

        started = time.perf_counter()
        again = train(store, pipeline=pipeline)
        results["train_unchanged_s"] = time.perf_counter() - started
        results["train_unchanged_status"] = again.status

        _code_more(store, NEW_CODINGS)
        started = time.perf_counter()
        updated = train(store, pipeline=pipeline)
        results["train_update_s"] = time.perf_counter() - started
        results["train_update_status"] = updated.status
        results["train_update_new"] = updated.new_examples

        long_doc = corpus.generate(1, words=10_000, seed=seed + 1)[0]
        (doc_id,) = _import(store, [long_doc])
        with store.read() as session:
            text = get_document(session, doc_id).text
        results["long_words"] = len(text.split())

        started = time.perf_counter()
        process_text(pipeline, text)
        results["parse_10k_s"] = time.perf_counter() - started

        clear_loaded_models()
        cache.clear_memory()
        started = time.perf_counter()
        found = suggest(store, doc_id, pipeline=pipeline)
        results["suggest_cold_s"] = time.perf_counter() - started  # parse + store the parse + restore the model
        results["suggestions"] = len(found)

        started = time.perf_counter()
        suggest(store, doc_id, pipeline=pipeline)
        results["suggest_warm_s"] = time.perf_counter() - started

    clear_loaded_models()
    cache.clear_memory()
    with ProjectStore.open(path) as store:
        started = time.perf_counter()
        suggest(store, doc_id, pipeline=pipeline)
        results["suggest_reopened_s"] = time.perf_counter() - started  # parse read from the project
    results["file_mb"] = path.stat().st_size / 1e6
    return results


def _rows(r: dict[str, Any]) -> list[Row]:
    return [
        Row("pipeline load", f"{r['pipeline_load_s']:.2f} s", note=r["pipeline"]),
        Row(
            "train (from scratch)",
            f"{r['train_s']:.1f} s",
            f"≤ {TRAIN_TARGET_S:.0f} s",
            r["train_s"] <= TRAIN_TARGET_S,
            f"{r['codings']} codings, {r['train_examples']} units, {r['train_codes']} codes learned; parsing included",
        ),
        Row("train again, nothing new", f"{r['train_unchanged_s']:.2f} s", note=r["train_unchanged_status"]),
        Row(
            f"train after {NEW_CODINGS} new codings",
            f"{r['train_update_s']:.1f} s",
            note=f"{r['train_update_status']}, {r['train_update_new']} new examples",
        ),
        Row(
            "parse 10k words",
            f"{r['parse_10k_s']:.2f} s",
            f"< {PARSE_TARGET_S:.0f} s",
            r["parse_10k_s"] < PARSE_TARGET_S,
            f"{r['long_words']} words",
        ),
        Row(
            "suggest 10k words, first",
            f"{r['suggest_cold_s']:.2f} s",
            f"≤ {SUGGEST_TARGET_S:.0f} s",
            r["suggest_cold_s"] <= SUGGEST_TARGET_S,
            f"{r['suggestions']} suggestions; parse, cache write and model restore included",
        ),
        Row("suggest again (memory)", f"{r['suggest_warm_s']:.2f} s"),
        Row("suggest after reopening", f"{r['suggest_reopened_s']:.2f} s", note="parse read from the project"),
        Row("project file", f"{r['file_mb']:.1f} MB", note="with the model and the parse cache"),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--keep", type=Path, help="write the project into this folder and keep it")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    documents, words, codings = (4, 2000, 300) if args.quick else (20, 5000, 2000)
    info = machine_info()
    print(
        f"lobcoder {info['lobcoder']}, Python {info['python']}, {info['cpus_usable'] or info['cpus']} cores usable; "
        f"{documents} × {words:,} words, {codings:,} codings"
    )
    results = run(documents, words, codings, args.seed, args.keep)
    print_table(_rows(results))
    if args.json:
        args.json.write_text(json.dumps({"machine": info, **results}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
