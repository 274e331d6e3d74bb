"""Write the development set's sentences (``devset_sentences.tsv``) from ``sentences.tsv`` (made by ``extract.py``).

Keeps the candidate sentences that start with a capital or a quotation mark and
end with sentence punctuation (997 of 1,296). The set was labelled in two
rounds, and the ids say which:

* ``d000``-``d519``: the first 520, all eligible sentences of the three short
  texts and a seeded sample (seed 20261207) of the long report;
* ``e000``-``e476``: every other eligible sentence (all from the long report).

Each round is numbered in text order; the file lists all 997 in text order
(``cand_id``, the row of ``sentences.tsv``), so d- and e-ids interleave.
"""

from __future__ import annotations

import csv
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZE = 520  # the first labelling round
SEED = 20261207


def eligible(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Sentences that start with a capital or a quotation mark and end with sentence punctuation."""
    return [r for r in rows if re.match(r"^[\"'‘“A-ZÀ-Ý]", r["text"]) and r["text"].rstrip()[-1] in ".?!’”\"'"]


def main() -> None:
    with open(HERE / "sentences.tsv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    whole = eligible(rows)
    short = [r for r in whole if not r["source"].startswith("001")]
    report = [r for r in whole if r["source"].startswith("001")]
    first = short + random.Random(SEED).sample(report, SIZE - len(short))
    first.sort(key=lambda r: r["id"])
    chosen = {r["id"] for r in first}
    second = [r for r in whole if r["id"] not in chosen]
    ids = {r["id"]: f"d{n:03d}" for n, r in enumerate(first)} | {r["id"]: f"e{n:03d}" for n, r in enumerate(second)}
    with open(HERE / "devset_sentences.tsv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["id", "source", "cand_id", "text"])
        for row in whole:
            writer.writerow([ids[row["id"]], row["source"], row["id"], row["text"]])
    print(
        f"{len(whole)} sentences: {len(first)} d-ids ({len(short)} from the short texts), {len(second)} e-ids"
        f" -> {HERE / 'devset_sentences.tsv'}"
    )


if __name__ == "__main__":
    main()
