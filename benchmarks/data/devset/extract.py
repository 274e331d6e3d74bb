"""Split the Dutch texts of ``../shared/domain`` into candidate sentences (``sentences.tsv``).

Run from anywhere: ``python benchmarks/data/devset/extract.py [DOMAIN_FOLDER]``; then
``select_devset.py`` draws the 520 sentences that were labelled.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import spacy

HERE = Path(__file__).resolve().parent
DOMAIN = HERE.parents[3] / "shared" / "domain"  # beside the repository, as on every lobcoder machine


def candidate_sentences(domain: Path = DOMAIN) -> list[tuple[str, str]]:
    """(source file, sentence) for every plausible sentence, first occurrence only."""
    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    rows: list[tuple[str, str]] = []
    for path in sorted(domain.glob("*.txt")):
        for paragraph in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
            paragraph = re.sub(r"[•\t]+", " ", paragraph)
            paragraph = re.sub(r"-\s*\n\s*(?=[a-z])", "", paragraph)  # hyphenated line breaks
            paragraph = re.sub(r"\s+", " ", paragraph).strip()
            if len(paragraph) < 40:
                continue
            for sentence in nlp(paragraph).sents:
                text = sentence.text.strip()
                if not 7 <= len(text.split()) <= 60:
                    continue
                if sum(c.isdigit() for c in text) > len(text) * 0.15 or not re.search(r"[a-z]{3}", text):
                    continue
                if text.isupper():
                    continue
                rows.append((path.name, text))
    seen: set[str] = set()
    unique = []
    for source, text in rows:
        if text.lower() not in seen:
            seen.add(text.lower())
            unique.append((source, text))
    return unique


def main() -> None:
    rows = candidate_sentences(Path(sys.argv[1]) if len(sys.argv) > 1 else DOMAIN)
    with open(HERE / "sentences.tsv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter="\t")
        writer.writerow(["id", "source", "text"])
        for number, (source, text) in enumerate(rows):
            writer.writerow([f"s{number:04d}", source, text])
    print(f"{len(rows)} candidate sentences -> {HERE / 'sentences.tsv'}")


if __name__ == "__main__":
    main()
