"""Profile deduce on generated transcripts: time per annotator/processor, and cProfile's top entries.

    python benchmarks/pseudonymise_profile.py                 # 5 transcripts × 8,000 words
    python benchmarks/pseudonymise_profile.py --documents 2 --top 30

Prints, for deduce's pipeline as lobcoder runs it, the seconds spent in each
processor (annotators such as ``first_name_lookup`` and post-processors such as
``overlap_resolver``), then cProfile's top functions by cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections import defaultdict
from collections.abc import Sequence

import corpus

from lobcoder.pseudonymise import deduce_engine
from lobcoder.text.normalize import normalize_text


def texts(documents: int, words: int) -> list[str]:
    return [
        normalize_text("\n".join((t.title, *t.preamble, *t.lines))) for t in corpus.generate(documents, words, seed=42)
    ]


def per_processor(engine, samples: Sequence[str]) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Seconds per (group/)processor, by timing each processor's ``process`` over the samples."""
    import docdeid as dd

    spent: dict[str, float] = defaultdict(float)

    def wrap(group, prefix: str) -> None:  # type: ignore[no-untyped-def]
        for name in group.get_names(recursive=False):
            processor = group[name]
            label = f"{prefix}{name}"
            if isinstance(processor, dd.process.DocProcessorGroup):
                wrap(processor, label + "/")
                continue
            original = processor.process

            def timed(doc, _original=original, _label=label, **kwargs):  # type: ignore[no-untyped-def]
                started = time.perf_counter()
                try:
                    return _original(doc, **kwargs)
                finally:
                    spent[_label] += time.perf_counter() - started

            processor.process = timed

    wrap(engine.processors, "")
    tokenizer = engine.tokenizers["default"]
    started = time.perf_counter()
    for text in samples:
        tokenizer.tokenize(text)
    spent["(tokenize, inside the first annotator)"] = time.perf_counter() - started
    started = time.perf_counter()
    for text in samples:
        deduce_engine.annotate(text)
    spent["(total deidentify)"] = time.perf_counter() - started
    return dict(spent)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=5)
    parser.add_argument("--words", type=int, default=8000)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--cprofile", action="store_true", help="also print cProfile's top functions")
    args = parser.parse_args(argv)
    samples = texts(args.documents, args.words)
    engine = deduce_engine.load()
    words = sum(len(t.split()) for t in samples)
    if args.cprofile:
        profiler = cProfile.Profile()
        profiler.runcall(lambda: [deduce_engine.annotate(t) for t in samples])
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.top)
    spent = per_processor(engine, samples)
    total = spent["(total deidentify)"]
    print(f"{len(samples)} texts, {words:,} words, {total:.1f} s ({words / total:,.0f} words/s)")
    for label, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"{seconds:8.2f} s  {100 * seconds / total:5.1f} %  {label}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
