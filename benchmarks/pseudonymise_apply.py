"""Write a pseudonymised copy with 1x, 2x and 4x as many accepted decisions: how the time grows with them.

    python benchmarks/pseudonymise_apply.py                      # 40 transcripts, 1,000/2,000/4,000 decisions
    python benchmarks/pseudonymise_apply.py --decisions 500 --profile 25

The project is 40 generated transcripts (``corpus.generate``, seed 42) with
1,000 codings. The decisions are the project's own lists (participants,
schools: what ``detect`` finds without deduce) plus made-up person names
(``Voornaam Achternaam`` from a seeded list, a third of them written into the
texts once, so they are found and replaced), all accepted. Each size writes
the copy and its key with :func:`apply_pseudonyms` (the leak check included),
as "Write pseudonymised copy" does. ``--profile N`` prints cProfile's top N
functions by own time for the largest size.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import corpus
from codings import populate_codings
from run import machine_info

from lobcoder.importing.speakers import detect_turns
from lobcoder.pseudonymise.apply import apply_pseudonyms
from lobcoder.pseudonymise.categories import Category
from lobcoder.pseudonymise.detect import detect
from lobcoder.pseudonymise.termlist import Decision, decisions_from_entities
from lobcoder.services.documents import add_document
from lobcoder.storage.project import ProjectStore
from lobcoder.text.normalize import normalize_text

_SYLLABLES = ("an", "el", "ko", "ma", "ri", "de", "jo", "sa", "ten", "van", "ber", "hof", "lin", "mar", "ijk", "us")


def made_up_names(count: int, rng: random.Random) -> list[str]:
    """``count`` distinct two-word names that are no Dutch word (``Koma Hofberlin``)."""
    names: set[str] = set()
    while len(names) < count:
        first = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        last = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
        names.add(f"{first} {last}")
    return sorted(names)


def build(path: Path, documents: int, words: int, names: list[str], rng: random.Random) -> None:
    """The corpus with every third made-up name said once, in a document chosen at random."""
    texts: list[list[str]] = []
    transcripts = corpus.generate(documents, words=words, seed=42)
    for t in transcripts:
        texts.append([t.title, *t.preamble, *t.lines])
    for name in names[::3]:
        lines = rng.choice(texts)
        lines.append(f"I: En {name} zei dat ook, toch?")
    with ProjectStore.create(path) as store:
        with store.transaction() as session:
            for t, lines in zip(transcripts, texts, strict=True):
                text = normalize_text("\n".join(lines))
                add_document(session, t.name, text, detect_turns(text), participant=t.participant)
        populate_codings(store, codes=30, codings=1000, seed=42)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=40)
    parser.add_argument("--words", type=int, default=4000)
    parser.add_argument("--decisions", type=int, default=1000, help="made-up names at 1x (2x and 4x follow)")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="cProfile's top N at 4x")
    args = parser.parse_args(argv)
    print(machine_info())
    rng = random.Random(42)
    all_names = made_up_names(4 * args.decisions, rng)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        project = folder / "corpus.lobcoder"
        build(project, args.documents, args.words, all_names, rng)
        with ProjectStore.open(project) as store:
            own = decisions_from_entities(detect(store, use_deduce=False))
            times: list[float] = []
            for factor in (1, 2, 4):
                names = all_names[: factor * args.decisions]
                decisions = [*own, *(Decision(n, Category.PERSON, f"Persoon {i}") for i, n in enumerate(names, 1))]
                out, key = folder / f"copy{factor}.lobcoder", folder / f"key{factor}.json"
                profiler = cProfile.Profile() if args.profile and factor == 4 else None
                started = time.perf_counter()
                if profiler is not None:
                    profiler.enable()
                result = apply_pseudonyms(store, decisions, out, key)
                if profiler is not None:
                    profiler.disable()
                times.append(time.perf_counter() - started)
                print(
                    f"{factor}x: {len(decisions):>6,} decisions  {times[-1]:6.2f} s  "
                    f"({result.replacements:,} replacements, {result.documents} documents, "
                    f"{len(result.leaks)} leaks listed)"
                )
                if profiler is not None:
                    pstats.Stats(profiler).sort_stats("tottime").print_stats(args.profile)
    print(f"growth: 2x/1x = {times[1] / times[0]:.2f}, 4x/2x = {times[2] / times[1]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
