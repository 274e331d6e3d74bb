"""Draw the 520 labelled sentences from ``sentences.tsv`` (made by ``extract.py``), seeded.

Keeps sentences that start with a capital or a quotation mark and end with
sentence punctuation, takes all of them from the three short texts and a seeded
sample of the long report, and writes ``devset_sentences.tsv``.
"""

from __future__ import annotations

import csv
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZE = 520
SEED = 20261207


def main() -> None:
    with open(HERE / "sentences.tsv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    whole = [r for r in rows if re.match(r"^[\"'‘“A-ZÀ-Ý]", r["text"]) and r["text"].rstrip()[-1] in ".?!’”\"'"]
    short = [r for r in whole if not r["source"].startswith("001")]
    report = [r for r in whole if r["source"].startswith("001")]
    picked = short + random.Random(SEED).sample(report, SIZE - len(short))
    picked.sort(key=lambda r: r["id"])
    with open(HERE / "devset_sentences.tsv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter="\t")
        writer.writerow(["id", "source", "text"])
        for number, row in enumerate(picked):
            writer.writerow([f"d{number:03d}", row["source"], row["text"]])
    print(f"{len(picked)} sentences ({len(short)} from the short texts) -> {HERE / 'devset_sentences.tsv'}")


if __name__ == "__main__":
    main()
