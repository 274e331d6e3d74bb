"""The development set's two labelling passes: Cohen's kappa per theme, the disagreements, the gold set.

    python benchmarks/devset_agreement.py                    # kappa per code, number of disagreements
    python benchmarks/devset_agreement.py --disagreements    # list them (to adjudicate)
    python benchmarks/devset_agreement.py --write-gold       # passes + adjudication.tsv -> gold.tsv

Agreement is reported for each labelling round (``d``: the first 520
sentences, ``e``: the other 477) and for all sentences together.
``gold.tsv`` takes a label where both passes agree, and the adjudicated label
(``adjudication.tsv``: id, code, gold, reason) where they do not; a
disagreement without an adjudication is an error.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Sequence
from pathlib import Path

DEVSET = Path(__file__).parent / "data" / "devset"
CODES = ("CL", "TL", "VI", "CO")
ROUNDS = {"d": "first round (d-ids)", "e": "second round (e-ids)"}


def read(path: Path) -> dict[str, dict[str, str]]:
    with open(path, encoding="utf-8") as f:
        return {row["id"]: row for row in csv.DictReader(f, delimiter="\t")}


def label(row: dict[str, str], code: str) -> int:
    return 1 if row.get(code, "").strip() == "1" else 0


def kappa(a: Sequence[int], b: Sequence[int]) -> float:
    """Cohen's kappa of two binary label sequences."""
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    pa, pb = sum(a) / n, sum(b) / n
    expected = pa * pb + (1 - pa) * (1 - pb)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=DEVSET)
    parser.add_argument("--disagreements", action="store_true")
    parser.add_argument("--write-gold", action="store_true")
    args = parser.parse_args(argv)
    sentences = read(args.folder / "devset_sentences.tsv")
    a = read(args.folder / "passA" / "labels.tsv")
    b = read(args.folder / "passB" / "labels.tsv")
    ids = list(sentences)  # text order, as the file lists them
    missing = [i for i in ids if i not in a or i not in b]
    if missing:
        print(f"labels missing for {len(missing)} sentences, e.g. {missing[:5]}", file=sys.stderr)
        return 1
    groups = [
        (f"{name}, {sum(i.startswith(p) for i in ids)} sentences", [i for i in ids if i.startswith(p)])
        for p, name in ROUNDS.items()
    ]
    groups = [g for g in groups if g[1]] + [(f"all {len(ids)} sentences", ids)]
    for title, subset in groups:
        print(f"{title}; per code: positives in pass A, pass B, agreement, Cohen's kappa")
        for code in CODES:
            la = [label(a[i], code) for i in subset]
            lb = [label(b[i], code) for i in subset]
            agree = sum(x == y for x, y in zip(la, lb, strict=True)) / len(subset)
            print(f"{code}  {sum(la):>4} {sum(lb):>4}  {agree:.3f}  kappa {kappa(la, lb):.3f}")
    disagreements = [
        (i, c, label(a[i], c), label(b[i], c)) for c in CODES for i in ids if label(a[i], c) != label(b[i], c)
    ]
    print(f"{len(disagreements)} disagreements (sentence, code)")
    if args.disagreements:
        for i, code, x, y in disagreements:
            print(f"{i}\t{code}\tA={x} B={y}\t{sentences[i]['text']}")
    if args.write_gold:
        adjudicated = {}
        with open(args.folder / "adjudication.tsv", encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                adjudicated[(row["id"], row["code"])] = int(row["gold"])
        open_ = [(i, c) for i, c, _, _ in disagreements if (i, c) not in adjudicated]
        if open_:
            print(f"{len(open_)} disagreements not adjudicated, e.g. {open_[:5]}", file=sys.stderr)
            return 1
        with open(args.folder / "gold.tsv", "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, delimiter="\t", lineterminator="\n")
            writer.writerow(["id", *CODES])
            for i in ids:
                row = [
                    adjudicated.get((i, c), label(a[i], c)) if label(a[i], c) != label(b[i], c) else label(a[i], c)
                    for c in CODES
                ]
                writer.writerow([i, *row])
        print(f"wrote {args.folder / 'gold.tsv'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
