"""Time pseudonymised exports on the 200 × 8,000-word corpus: the hidden copy, then a quotes report and a .qdpx.

Decisions are the project's own lists (participants, schools), as detected
without deduce, all accepted; a review with deduce accepts more terms, so
more replacements, which costs a little more. Run as a file:
``python benchmarks/pseudonymised_export.py [--documents N --words N]``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import corpus
from codings import populate_codings
from report import Row, print_table
from run import machine_info

from lobcoder.analysis.dataset import load_dataset
from lobcoder.analysis.filters import AnalysisFilter
from lobcoder.analysis.quote_report import quote_report
from lobcoder.analysis.quotes import quotes
from lobcoder.importing.speakers import detect_turns
from lobcoder.pseudonymise.decisions import save_decisions
from lobcoder.pseudonymise.detect import detect
from lobcoder.pseudonymise.export_copy import pseudonymised_copy
from lobcoder.pseudonymise.termlist import decisions_from_entities
from lobcoder.refi.qdpx_export import export_qdpx
from lobcoder.reports.export import export_quotes
from lobcoder.services.documents import add_document
from lobcoder.storage.project import ProjectStore
from lobcoder.text.normalize import normalize_text


def build(path: Path, documents: int, words: int) -> int:
    transcripts = corpus.generate(documents, words=words, seed=42)
    with ProjectStore.create(path) as store:
        with store.transaction() as session:
            for t in transcripts:
                text = normalize_text("\n".join((t.title, *t.preamble, *t.lines)))
                add_document(session, t.name, text, detect_turns(text), participant=t.participant)
        populate_codings(store, codes=60, codings=5000, seed=42)
        decisions = decisions_from_entities(detect(store, use_deduce=False))
        with store.transaction() as session:
            save_decisions(session, decisions)
    return len(decisions)


def measure(path: Path, out: Path) -> list[Row]:
    rows: list[Row] = []
    with ProjectStore.open(path) as store:
        started = time.perf_counter()
        with pseudonymised_copy(store) as copy:
            built = time.perf_counter() - started
            with copy.store.read() as session:
                dataset = load_dataset(session, texts=True, turns=True)
            report = quote_report(quotes(dataset, AnalysisFilter()), per_code=5)
            export_quotes(report, out / "quotes.docx", language="nl")
            quoted = time.perf_counter() - started
        rows.append(Row("hidden pseudonymised copy", f"{built:.1f} s"))
        rows.append(Row("… + quotes report (5 per code) to Word", f"{quoted:.1f} s", note="copy deleted after"))
        started = time.perf_counter()
        with pseudonymised_copy(store) as copy:
            export_qdpx(copy.store, out / "corpus.qdpx")
        rows.append(Row("pseudonymised .qdpx (copy + export)", f"{time.perf_counter() - started:.1f} s"))
        started = time.perf_counter()
        export_qdpx(store, out / "plain.qdpx")
        rows.append(Row(".qdpx without pseudonymising, for comparison", f"{time.perf_counter() - started:.1f} s"))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--words", type=int, default=8000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        terms = build(workdir / "corpus.lobcoder", args.documents, args.words)
        rows = [Row("corpus", f"{args.documents} × {args.words:,} words", note=f"{terms} accepted decisions")]
        rows += measure(workdir / "corpus.lobcoder", workdir)
    print(machine_info())
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
