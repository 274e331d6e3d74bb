"""deduce's lookup structures and the garbage collector: load time, and the next full collection after detection.

    python benchmarks/pseudonymise_gc.py

Loads deduce's cached lookup structures (build them first: any pseudonymise
benchmark does), runs detection three times on 3 × 2,000 generated words and,
after each, times one full garbage collection, as the program would meet it
sooner or later. Run it with ``PYTHONPATH`` at an older checkout to compare.
"""

from __future__ import annotations

import gc
import time

from pseudonymise_profile import texts

from lobcoder.pseudonymise import deduce_batch, deduce_engine


def main() -> None:
    started = time.perf_counter()
    deduce_engine.load()
    print(f"load deduce's cached lookup structures: {time.perf_counter() - started:.1f} s")
    print(f"objects frozen after the load: {gc.get_freeze_count():,}")
    sample = texts(3, 2000)
    for call in range(1, 4):
        started = time.perf_counter()
        list(deduce_batch.annotate_texts(sample, workers=1))
        detected = time.perf_counter() - started
        started = time.perf_counter()
        gc.collect()
        collected = time.perf_counter() - started
        print(f"detection {call}: {detected:.2f} s; the next full garbage collection {collected:.3f} s")


if __name__ == "__main__":
    main()
