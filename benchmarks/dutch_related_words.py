"""Build a Dutch related-word table from Debian's FreeDict dictionaries and WordNet (issue 10, eighth pass).

Dutch lemma -> its English translations -> (optionally the English words sharing a WordNet synset with
them) -> the Dutch lemmas those English words translate to. Sources, as Debian installs them:

* ``dict-freedict-nld-eng`` and ``dict-freedict-eng-nld`` (FreeDict 0.2, from Ergane; GPL-2.0-or-later):
  ``/usr/share/dictd/freedict-{nld-eng,eng-nld}.{index,dict.dz}`` (dictd format; ``.dict.dz`` is dictzip,
  which gzip reads);
* ``wordnet-base`` (Princeton WordNet 3.0, the WordNet 3.0 licence): ``/usr/share/wordnet/data.*``.

A pair (a, b) of Dutch lemmas scores the sum, over the English pivot words they share, of
``1 / log2(1 + n)`` where ``n`` is the number of Dutch lemmas the pivot translates to (an ambiguous
pivot such as *set* or *way* says little), a pivot reached through a WordNet synset counting
:data:`SYNSET_SHARE` of that. Each lemma keeps its :data:`KEEP` best partners with a score of at least
:data:`MIN_SCORE`, scaled so its best partner scores 1. The table is deterministic (sorted everywhere).

    python benchmarks/dutch_related_words.py build --out /tmp/related_nl.tsv.gz          # direct pivots
    python benchmarks/dutch_related_words.py build --wordnet --out /tmp/related_wn.tsv.gz
    python benchmarks/dutch_related_words.py show overleggen beraad cursus vergadering     # a word's partners

Where the Debian files are missing it says so and exits with status 2 (nothing is built). Measured in
``benchmarks/suggestion_related_words.py``; the outcome is in docs/SUGGESTIONS.md ("eighth pass").
"""

from __future__ import annotations

import argparse
import gzip
import math
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path

DICTD = Path("/usr/share/dictd")
WORDNET = Path("/usr/share/wordnet")
KEEP = 8  # partners kept per lemma
MIN_SCORE = 0.3  # a partner's raw score needs at least this (one pivot shared by 6 lemmas scores 0.36)
SYNSET_SHARE = 0.5  # a pivot reached through a WordNet synonym counts this share of a direct one
MAX_PIVOT = 12  # a pivot that translates to more Dutch lemmas than this is left out (set, take, get)
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_WORD = re.compile(r"^[a-zà-ÿ]+(?:-[a-zà-ÿ]+)?$")


def _number(text: str) -> int:
    """A dictd index number (base64 digits, most significant first)."""
    value = 0
    for char in text:
        value = value * 64 + _B64.index(char)
    return value


def normal(word: str) -> str:
    """Lower case, NFKC (FreeDict writes the Dutch ``ĳ`` as one ligature character)."""
    return unicodedata.normalize("NFKC", word).strip().lower()


def read_dictd(name: str, folder: Path = DICTD) -> Iterator[tuple[str, list[str]]]:
    """(headword, single-word translations) of each entry of a dictd dictionary."""
    text = gzip.open(folder / f"freedict-{name}.dict.dz").read()
    for line in (folder / f"freedict-{name}.index").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) != 3 or parts[0].startswith("00database"):
            continue
        start, length = _number(parts[1]), _number(parts[2])
        body = text[start : start + length].decode("utf-8").splitlines()[1:]  # the first line: headword /ipa/
        found = []
        for row in body:
            row = re.sub(r"^\s*\d+\.\s*", "", row)
            if "/" in row:  # a sub-entry's own headword line (meet each other /.../)
                continue
            found.extend(w for w in (normal(p) for p in row.split(",")) if _WORD.match(w))
        headword = normal(parts[0])
        if _WORD.match(headword) and found:
            yield headword, found


def wordnet_synonyms(folder: Path = WORDNET) -> dict[str, set[str]]:
    """English word -> the single words that share one of its WordNet synsets (itself left out)."""
    synonyms: dict[str, set[str]] = defaultdict(set)
    for pos in ("noun", "verb", "adj", "adv"):
        for line in (folder / f"data.{pos}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            fields = line.split(" ")
            count = int(fields[3], 16)
            words = {normal(re.sub(r"\(.*\)$", "", fields[4 + 2 * i])) for i in range(count)}
            words = {w for w in words if _WORD.match(w)}
            for word in words:
                synonyms[word] |= words - {word}
    return synonyms


def build(use_wordnet: bool, folder: Path = DICTD, wordnet: Path = WORDNET) -> dict[str, list[tuple[str, float]]]:
    """Dutch lemma -> its partners, best first, each with its score (the best 1.0)."""
    dutch_to_english: dict[str, set[str]] = defaultdict(set)
    for dutch, english in read_dictd("nld-eng", folder):
        dutch_to_english[dutch].update(english)
    for english, dutch_words in read_dictd("eng-nld", folder):
        for dutch in dutch_words:
            dutch_to_english[dutch].add(english)
    english_to_dutch: dict[str, set[str]] = defaultdict(set)
    for dutch, english in dutch_to_english.items():
        for word in english:
            english_to_dutch[word].add(dutch)
    pivots: dict[str, dict[str, float]] = {}  # Dutch lemma -> English pivot -> its share
    synonyms = wordnet_synonyms(wordnet) if use_wordnet else {}
    for dutch, english in dutch_to_english.items():
        shares = {e: 1.0 for e in english}
        for word in sorted(english):
            for synonym in sorted(synonyms.get(word, ())):
                if synonym in english_to_dutch:
                    shares.setdefault(synonym, SYNSET_SHARE)
        pivots[dutch] = shares
    table: dict[str, list[tuple[str, float]]] = {}
    for dutch in sorted(pivots):
        scores: dict[str, float] = defaultdict(float)
        for english, share in sorted(pivots[dutch].items()):
            partners = english_to_dutch.get(english, set())
            if len(partners) > MAX_PIVOT:
                continue
            for other in partners:
                if other != dutch:
                    scores[other] += share / math.log2(1 + len(partners))
        best = sorted(((w, s) for w, s in scores.items() if s >= MIN_SCORE), key=lambda ws: (-ws[1], ws[0]))[:KEEP]
        if best:
            top = best[0][1]
            table[dutch] = [(w, round(s / top, 3)) for w, s in best]
    return table


def write(table: dict[str, list[tuple[str, float]]], out: Path) -> None:
    """One line per lemma: ``lemma<TAB>partner:score<TAB>…``, gzip-compressed without a timestamp."""
    lines = ["\t".join([word, *(f"{w}:{s:g}" for w, s in partners)]) for word, partners in sorted(table.items())]
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as f:
        f.write(("\n".join(lines) + "\n").encode("utf-8"))


def read(path: Path) -> dict[str, list[tuple[str, float]]]:
    table = {}
    for line in gzip.open(path, "rt", encoding="utf-8"):
        word, *partners = line.rstrip("\n").split("\t")
        table[word] = [(p.rpartition(":")[0], float(p.rpartition(":")[2])) for p in partners]
    return table


def available(use_wordnet: bool, folder: Path = DICTD, wordnet: Path = WORDNET) -> str | None:
    """Why the table cannot be built here (None: it can)."""
    needed = [folder / f"freedict-{n}.{e}" for n in ("nld-eng", "eng-nld") for e in ("index", "dict.dz")]
    if use_wordnet:
        needed += [wordnet / f"data.{p}" for p in ("noun", "verb", "adj", "adv")]
    missing = [str(p) for p in needed if not p.exists()]
    if missing:
        return (
            f"missing {', '.join(missing)}: install the Debian packages dict-freedict-nld-eng,"
            " dict-freedict-eng-nld and wordnet-base to build the table"
        )
    return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("build", "show"))
    parser.add_argument("words", nargs="*")
    parser.add_argument("--wordnet", action="store_true", help="also pivot through WordNet synonyms")
    parser.add_argument("--out", type=Path, default=Path("/tmp/dutch_related_words.tsv.gz"))
    parser.add_argument("--dictd", type=Path, default=DICTD, help="the folder of the FreeDict files")
    parser.add_argument("--wordnet-folder", type=Path, default=WORDNET, help="the folder of WordNet's data.* files")
    args = parser.parse_intermixed_args(argv)
    problem = available(args.wordnet, args.dictd, args.wordnet_folder)
    if problem is not None:
        print(problem, file=sys.stderr)
        return 2
    table = build(args.wordnet, args.dictd, args.wordnet_folder)
    if args.what == "build":
        write(table, args.out)
        pairs = sum(len(p) for p in table.values())
        print(f"{len(table)} lemmas, {pairs} pairs, {args.out.stat().st_size / 1024:.0f} KB: {args.out}")
    for word in args.words:
        print(word, "->", ", ".join(f"{w} {s:.2f}" for w, s in table.get(normal(word), [])) or "(none)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
