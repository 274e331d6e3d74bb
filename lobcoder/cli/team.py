"""``lobcoder team copy|merge``: a copy of the project for a second coder, and merging it back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lobcoder.cli.backup import report_problem
from lobcoder.cli.output import error, print_json
from lobcoder.i18n import message
from lobcoder.storage.backups import BEFORE_MERGE, Backup, BackupResult, create_backup
from lobcoder.storage.project import ProjectStore
from lobcoder.teamwork.copy import prepare_copy
from lobcoder.teamwork.merge import merge_file, plan_from_file
from lobcoder.teamwork.report import report_lines, save_report
from lobcoder.teamwork.sample import choose_named, choose_sample, sample_with_strata


def register(commands: argparse._SubParsersAction) -> None:
    team = commands.add_parser("team", help="copy the project for a second coder, or merge a coder's copy back")
    actions = team.add_subparsers(dest="action", metavar="ACTION", required=True)
    copy = actions.add_parser(
        "copy",
        help="write a copy for a second coder (blind: without codings)",
        description="The copy holds the chosen documents (all, named ones, or a seeded random sample "
        "stratified by an attribute), the whole codebook, and the same GUIDs, so it can be merged back.",
    )
    copy.add_argument("project", type=Path)
    copy.add_argument("--out", type=Path, required=True, help="the copy (.lobcoder)")
    which = copy.add_mutually_exclusive_group()
    which.add_argument("--documents", nargs="+", metavar="NAME", help="these documents")
    which.add_argument("--sample", type=float, metavar="PERCENT", help="a random PERCENT %% of the documents")
    copy.add_argument("--stratify", metavar="ATTRIBUTE", help="sample: the same share of each value (e.g. wave)")
    copy.add_argument("--seed", type=int, default=1, help="sample: the random seed (default 1)")
    copy.add_argument("--keep-codings", action="store_true", help="keep the existing codings (not blind)")
    copy.add_argument("--qdpx", action="store_true", help="also write the copy as .qdpx beside it")
    copy.add_argument("--language", choices=["en", "nl"], default="en", help="language of the messages and warnings")
    copy.add_argument("--json", action="store_true")
    copy.set_defaults(handler=cmd_copy)
    merge = actions.add_parser(
        "merge",
        help="merge the coding of another project (.lobcoder or .qdpx) into this one",
        description="Documents are matched by content, codes by GUID then name path, coders by GUID then "
        "name; a coding already here is not added again. Prints the plan with every conflict and the "
        "choice made, then applies it in one transaction (all or nothing). Exit code 1 if some codings "
        "were left out.",
    )
    merge.add_argument("project", type=Path)
    merge.add_argument("other", type=Path, help="the other coder's project (.lobcoder or .qdpx)")
    merge.add_argument("--dry-run", action="store_true", help="only print the plan")
    merge.add_argument("--report", type=Path, metavar="FILE", help="also save the report as text")
    merge.add_argument("--language", choices=["en", "nl"], default="en", help="language of the report")
    merge.add_argument("--json", action="store_true")
    merge.set_defaults(handler=cmd_merge)


def cmd_copy(args: argparse.Namespace) -> int:
    if args.stratify and args.sample is None:
        error(message("copy.stratify_needs_sample", args.language))
        return 2
    with ProjectStore.open(args.project) as store:
        with store.read() as session:
            if args.documents:
                chosen = choose_named(session, args.documents)
            elif args.sample is not None:
                chosen, missed = sample_with_strata(session, args.sample, args.stratify, args.seed)
                if missed:
                    from sqlalchemy import func, select

                    from lobcoder.storage.models import Document

                    total = session.scalar(select(func.count(Document.id))) or 0
                    _warn_missed(args, missed, len(chosen), total)
            else:
                chosen = choose_sample(session, 100)
        out = args.out if args.out.suffix.lower() == ".lobcoder" else args.out.with_name(args.out.name + ".lobcoder")
        report = prepare_copy(
            store,
            out,
            [c.document_id for c in chosen],
            blind=not args.keep_codings,
            qdpx=out.with_suffix(".qdpx") if args.qdpx else None,
            language=args.language,
        )
    if args.json:
        print_json(report)
        return 0
    language = args.language
    documents = message(
        "copy.document" if len(report.documents) == 1 else "copy.documents", language, count=len(report.documents)
    )
    codes = message("copy.code" if report.codes == 1 else "copy.codes", language, count=report.codes)
    key = "copy.wrote_blind" if report.blind else "copy.wrote_codings"
    print(message(key, language, path=report.path, documents=documents, codes=codes))
    for name in report.documents:
        print(f"  {name}")
    if report.qdpx:
        print(message("copy.also_wrote", language, path=report.qdpx))
    return 0


def _warn_missed(args: argparse.Namespace, missed: list[str], chosen: int, total: int) -> None:
    """Say (on stderr, in the --language) which strata the sample has no document from."""
    language = args.language
    values = ", ".join(value or message("sample.no_value", language) for value in missed)
    percent = f"{args.sample:g}"
    text = message(
        "sample.strata_missed",
        language,
        percent=percent,
        count=chosen,
        total=total,
        attribute=args.stratify,
        values=values,
    )
    print(f"lobcoder: {text}", file=sys.stderr)


def cmd_merge(args: argparse.Namespace) -> int:
    with ProjectStore.open(args.project) as store:
        if args.dry_run:
            plan = plan_from_file(store, args.other)
        else:  # the backup only when the merge adds something (a read-only project is refused before it)

            def backup(replaces: Backup | None) -> BackupResult:
                result = create_backup(store.path, BEFORE_MERGE, replaces=replaces)
                report_problem(result)
                return result

            plan = merge_file(store, args.other, backup)
    if args.report:
        save_report(plan, args.report, args.language)
    if args.json:
        print_json({"plan": plan, "applied": not args.dry_run})
    else:
        for line in report_lines(plan, args.language):
            print(line)
        if args.dry_run:
            print(message("merge.dry_run", args.language))
        else:
            key = "merge.applied" if plan.changes_anything else "merge.nothing"
            print(message(key, args.language, project=args.project.name))
    return 1 if plan.codings_left_out else 0
