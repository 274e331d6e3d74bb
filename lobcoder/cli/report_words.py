"""``lobcoder report words PROJECT``: word frequencies, or with ``--context WORD`` its keywords in context."""

from __future__ import annotations

import argparse
from pathlib import Path

from lobcoder.analysis.dataset import Dataset
from lobcoder.analysis.filters import AnalysisFilter
from lobcoder.analysis.keywords_in_context import CONTEXT, keywords_in_context
from lobcoder.analysis.table import Table
from lobcoder.analysis.words import WordOptions, word_frequencies
from lobcoder.cli.pseudonymised import add_flag
from lobcoder.cli.report import FORMATS, _count, _positive, _report, find_attribute, find_code
from lobcoder.services.left_out_words import left_out_words
from lobcoder.storage.project import ProjectStore
from lobcoder.text.words import MIN_LENGTH

TOP = 50  # rows printed or written unless --top says otherwise


def add_words(kinds: argparse._SubParsersAction) -> None:
    """The ``words`` kind of ``lobcoder report``."""
    cmd = kinds.add_parser(
        "words",
        help="word frequencies (by lemma), per code and per attribute value; --context WORD: keywords in context",
        description="Counts the words of the documents (Dutch function words, numbers and speaker labels left out). "
        "With --code only the words inside its passages, with a distinctive score against the rest of the text.",
    )
    cmd.add_argument("project", type=Path)
    group = cmd.add_argument_group("filter")
    group.add_argument(
        "--filter",
        action="append",
        default=[],
        metavar="ATTR=VALUE",
        help="only documents with this attribute value; repeat for more values (one attribute: any of them)",
    )
    group.add_argument(
        "--exclude-interviewer", action="store_true", help="respondent text only: leave out interviewer turns"
    )
    group.add_argument("--code", metavar="NAME", help="only the words inside passages coded with this code")
    group.add_argument("--coder", action="append", metavar="NAME", help="with --code: only codings by this coder")
    group.add_argument(
        "--rollup",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="with --code: its sub-codes' passages too (default: %(default)s)",
    )
    counting = cmd.add_argument_group("counting")
    counting.add_argument("--by", choices=("lemma", "form"), default="lemma", help="count lemmas (default) or forms")
    counting.add_argument(
        "--min-length", type=_positive, default=MIN_LENGTH, metavar="N", help=f"shortest word (default {MIN_LENGTH})"
    )
    counting.add_argument("--split-by", metavar="ATTRIBUTE", help="one column of occurrences per value (e.g. school)")
    counting.add_argument("--top", type=_positive, default=TOP, metavar="N", help=f"the N first words (default {TOP})")
    counting.add_argument(
        "--order", choices=("count", "distinctive"), default="count", help="with --code: most distinctive first"
    )
    counting.add_argument("--context", metavar="WORD", help="every occurrence of WORD with the text around it")
    counting.add_argument(
        "--width", type=_count, default=CONTEXT, metavar="N", help=f"with --context: characters each side ({CONTEXT})"
    )
    output = cmd.add_argument_group("output")
    output.add_argument("--format", choices=FORMATS, help="docx, xlsx, csv or json (default: from --out, else text)")
    output.add_argument("--out", type=Path, metavar="FILE", help="write the table to this file")
    output.add_argument("--language", choices=("en", "nl"), default="en", help="numbers and words in files and text")
    add_flag(output)
    cmd.set_defaults(handler=cmd_words, codes=None, chart=False)


def cmd_words(args: argparse.Namespace) -> int:
    from lobcoder.suggest.pipeline import load_pipeline

    with ProjectStore.open(args.project) as store, store.read() as session:
        left_out = frozenset(left_out_words(session))  # the researcher's, as the Words tab leaves them out

    def compute(dataset: Dataset, flt: AnalysisFilter) -> list[Table]:
        options = WordOptions(
            by=args.by,
            min_length=args.min_length,
            code=find_code(dataset, args.code) if args.code else None,
            rollup=args.rollup,
            split_by=find_attribute(dataset, args.split_by) if args.split_by else None,
            top=args.top,
            order=args.order,
            left_out=left_out,
        )
        pipeline = load_pipeline()
        if args.context:
            found = keywords_in_context(dataset, pipeline, args.context, flt, options, context=args.width)
            return [found.to_table(args.language)]
        return [word_frequencies(dataset, pipeline, flt, options).to_table(args.language)]

    return _report(args, compute)
