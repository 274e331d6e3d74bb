"""The benchmark's command line: its options and the switches they turn on for the run."""

from __future__ import annotations

import argparse
from pathlib import Path

import choose_next

from lobcoder.suggest import evidence
from lobcoder.suggest import ranking as suggestion_ranking
from lobcoder.suggest import vocabulary as project_words

from .corpora import CHUNK, DEVSET
from .keyword_list import KEYWORD_BASELINE


def make_parser(description: str) -> argparse.ArgumentParser:
    """The options of ``suggestion_quality.py``; ``description``: its docstring's first line."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--corpus", choices=("devset", "demo-themes", "demo", "all"), default="all")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--gold", type=Path, default=DEVSET / "gold.tsv")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--ranking", action="store_true", help="per code: how well the codebook alone ranks sentences")
    parser.add_argument("--doc-size", type=int, default=CHUNK, help="devset: sentences per pseudo-document")
    parser.add_argument(
        "--round",
        choices=("all", "first", "second"),
        default="all",
        help="devset: all sentences, or only those of the first (520, d-ids) or second labelling round (477, e-ids)",
    )
    parser.add_argument(
        "--per-document-vocabulary",
        action="store_true",
        help="weigh codebook terms against each document's sentences, not the corpus's (as before)",
    )
    parser.add_argument("--project", type=Path, help="measure on this project's coded documents instead")
    parser.add_argument(
        "--train-docs",
        type=_amounts,
        help="a learning curve: the learned settings after learning from each of these numbers of documents (1,2,3)",
    )
    parser.add_argument(
        "--train-sentences",
        type=_amounts,
        help="a learning curve: the learned settings after learning from documents drawn until they hold at least"
        " each of these numbers of sentences (120,300,600); the other documents are held out",
    )
    parser.add_argument(
        "--marks",
        action="store_true",
        help="how often codes marked reliable (and not) score F1 >= 0.40 on the held-out documents",
    )
    parser.add_argument("--marks-json", type=Path, help="write every (run, code) reliability mark and its outcome")
    parser.add_argument(
        "--choose",
        type=_strategies,
        help="which document to code next: learning curves on fixed test documents when the next coded document"
        f" is chosen by each of these strategies ({','.join(choose_next.STRATEGIES)}); see choose_next.py",
    )
    parser.add_argument("--choose-steps", type=int, default=4, help="--choose: up to this many coded documents")
    parser.add_argument(
        "--keyword-list",
        type=Path,
        default=KEYWORD_BASELINE,
        help="the hand-written keyword list per theme scored as a reference row (JSON, see data/keyword_baseline.json)",
    )
    parser.add_argument(
        "--related-share",
        type=float,
        help="related words on at this share for the run (evidence.RELATED_SHARE and word vectors; off: 0)",
    )
    parser.add_argument(
        "--answer-share",
        type=float,
        help="smoothing over the answer on at this share for the run (ranking.ANSWER_SHARE; off: 0)",
    )
    return parser


def switch_shares(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """``--related-share``, ``--answer-share``: switch related words or smoothing over the answer on for the run."""
    if args.related_share is not None:
        if args.related_share < 0 or args.per_document_vocabulary:
            parser.error("--related-share needs a share >= 0 and the corpus's vocabulary")
        evidence.RELATED_SHARE = args.related_share
        project_words.VECTORS = args.related_share > 0
        print(f"related words: share {args.related_share}")
    if args.answer_share is not None:
        if args.answer_share < 0:
            parser.error("--answer-share needs a share >= 0")
        suggestion_ranking.ANSWER_SHARE = args.answer_share
        print(f"smoothing over the answer: share {args.answer_share}")


def _amounts(text: str) -> list[int]:
    values = [int(v) for v in text.split(",") if v.strip()]
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError("a comma-separated list of numbers >= 1")
    return values


def _strategies(text: str) -> list[str]:
    values = [v.strip() for v in text.split(",") if v.strip()]
    if not values or any(v not in choose_next.STRATEGIES for v in values):
        raise argparse.ArgumentTypeError(f"a comma-separated list of {', '.join(choose_next.STRATEGIES)}")
    return values
