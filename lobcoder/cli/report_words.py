"""``lobcoder report words PROJECT``: word frequencies, or with ``--context WORD`` its keywords in context."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from lobcoder.analysis.dataset import Dataset
from lobcoder.analysis.filters import AnalysisFilter
from lobcoder.analysis.keywords_in_context import CONTEXT, keywords_in_context
from lobcoder.analysis.table import Table
from lobcoder.analysis.words import WordOptions, project_word_frequencies
from lobcoder.cli.report import _report, find_attribute, find_code
from lobcoder.cli.report_options import add_filter_options, add_output_options, add_rollup, count, positive
from lobcoder.services.left_out_words import left_out_words
from lobcoder.storage.project import ProjectStore
from lobcoder.text.words import MIN_LENGTH

TOP = 50  # rows printed or written unless --top says otherwise


def add_words(kinds: argparse._SubParsersAction) -> None:
    """The ``words`` kind of ``lobcoder report``."""
    cmd = kinds.add_parser(
        "words",
        help="word frequencies (by lemma), per code and per attribute value; --context WORD: keywords in context",
        description="Counts the words of the documents (Dutch function words, numbers, also written out, and speaker labels left out). "
        "With --code only the words inside its passages, with a distinctive score against the rest of the text.",
    )
    cmd.add_argument("project", type=Path)
    group = add_filter_options(
        cmd,
        coder_help="with --code: only codings by this coder",
        interviewer_help="respondent text only: leave out interviewer turns",
    )
    group.add_argument("--code", metavar="NAME", help="only the words inside passages coded with this code")
    add_rollup(group, default=True, help_text="with --code: its sub-codes' passages too (default: %(default)s)")
    counting = cmd.add_argument_group("counting")
    counting.add_argument("--by", choices=("lemma", "form"), default="lemma", help="count lemmas (default) or forms")
    counting.add_argument(
        "--min-length", type=positive, default=MIN_LENGTH, metavar="N", help=f"shortest word (default {MIN_LENGTH})"
    )
    counting.add_argument("--split-by", metavar="ATTRIBUTE", help="one column of occurrences per value (e.g. school)")
    counting.add_argument("--top", type=positive, default=TOP, metavar="N", help=f"the N first words (default {TOP})")
    counting.add_argument(
        "--order", choices=("count", "distinctive"), default="count", help="with --code: most distinctive first"
    )
    counting.add_argument("--context", metavar="WORD", help="every occurrence of WORD with the text around it")
    counting.add_argument(
        "--width", type=count, default=CONTEXT, metavar="N", help=f"with --context: characters each side ({CONTEXT})"
    )
    add_output_options(cmd, chart=False)
    cmd.set_defaults(handler=cmd_words, codes=None)


def cmd_words(args: argparse.Namespace) -> int:
    with ProjectStore.open(args.project) as store:
        with store.read() as session:
            left_out = frozenset(left_out_words(session))  # the researcher's, as the Words tab leaves them out
        if args.pseudonymise:  # the copy's: a name among them would be printed in the notes
            from lobcoder.pseudonymise.export_copy import shared_left_out_words

            left_out = shared_left_out_words(store, left_out)
        # As the Words tab: each document's counts kept in the project (not those of a pseudonymised copy).
        return _report(args, _computation(args, left_out, None if args.pseudonymise else store))


def _computation(
    args: argparse.Namespace, left_out: frozenset[str], store: ProjectStore | None
) -> Callable[[Dataset, AnalysisFilter], list[Table]]:
    from lobcoder.suggest.pipeline import load_pipeline

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
        return [project_word_frequencies(store, dataset, pipeline, flt, options).to_table(args.language)]

    return compute
