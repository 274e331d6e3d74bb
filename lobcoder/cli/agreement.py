"""``lobcoder agreement PROJECT``: inter-coder agreement per code as text, JSON or a Word/Excel/CSV file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lobcoder.analysis.table import Table


def register(commands: argparse._SubParsersAction) -> None:
    from lobcoder.agreement.units import AGREEMENT_UNITS
    from lobcoder.cli.pseudonymised import add_flag

    cmd = commands.add_parser(
        "agreement",
        help="inter-coder agreement per code (kappa, alpha, AC1) between coders",
        description="Compares each pair of coders on the documents both coded, the group of 3+ on those all coded "
        "(or --documents): per code the units "
        "coded by one coder only, by both and by neither, percent agreement, Cohen's kappa, Brennan-Prediger "
        "kappa, Gwet's AC1 and Krippendorff's alpha with bootstrap 95% intervals; Fleiss' kappa for 3+ coders.",
    )
    cmd.add_argument("project", type=Path)
    cmd.add_argument("--coders", nargs="+", metavar="NAME", help="the coders to compare (default: every coder)")
    cmd.add_argument("--unit", choices=AGREEMENT_UNITS, default="sentence", help="what is compared (default sentence)")
    cmd.add_argument(
        "--overlap",
        type=float,
        default=90.0,
        metavar="PERCENT",
        help="with --unit overlap: share of a coding the other coder must cover (default 90)",
    )
    cmd.add_argument(
        "--documents", nargs="+", metavar="NAME", help="only these documents (default: coded by the coders compared)"
    )
    cmd.add_argument(
        "--disagreements",
        action="store_true",
        help="also list every disagreement of the two coders: document, place, code, who coded it, the text",
    )
    cmd.add_argument("--code", metavar="NAME", help="list only this code's disagreements (implies --disagreements)")
    cmd.add_argument("--limit", type=_count, metavar="N", help="list at most N disagreements (implies --disagreements)")
    cmd.add_argument("--json", action="store_true", help="print the result as JSON")
    cmd.add_argument("--out", type=Path, metavar="FILE", help="write the tables to a .docx, .xlsx or .csv file")
    cmd.add_argument("--language", choices=("en", "nl"), default="en", help="words and numbers of the tables")
    add_flag(cmd)
    cmd.set_defaults(handler=cmd_agreement)


def _count(value: str) -> int:
    """A whole number of at least 0, refused by argparse otherwise."""
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError(f"{value} is below 0")
    return number


def cmd_agreement(args: argparse.Namespace) -> int:
    from lobcoder.agreement.compute import AgreementProblem, agreement
    from lobcoder.agreement.disagreement_list import (
        COLUMN_KEYS,
        disagreements_json,
        disagreements_table,
        list_disagreements,
    )
    from lobcoder.agreement.report import report_tables, result_as_json
    from lobcoder.analysis.dataset import load_reading
    from lobcoder.cli.output import print_json
    from lobcoder.cli.pseudonymised import print_leaks, project_to_export, written_check
    from lobcoder.cli.report import find_code, print_table, table_texts
    from lobcoder.errors import FileProblem
    from lobcoder.i18n import message
    from lobcoder.i18n.said import say
    from lobcoder.pseudonymise.written_text import json_strings
    from lobcoder.reports.export import export_table, pseudonymised_tables

    if args.out is not None and args.out.suffix.lower() not in (".docx", ".xlsx", ".csv"):
        raise FileProblem(args.out, say("problem.agreement.format"))
    with project_to_export(args.project, args.pseudonymise, args.out, args.language, later=True) as source:
        check = written_check(source)  # of what is written or printed, below
        label = source.label
        with source.store.read() as session:
            # Texts and turns are read one document at a time, as the unit asks (as in the window's tab).
            dataset = load_reading(session)
            documents = None
            if args.documents:
                by_name = {d.name.casefold(): d.id for d in dataset.documents}
                missing = [n for n in args.documents if label(n).casefold() not in by_name]
                if missing:
                    raise AgreementProblem(say("problem.not_found.document", name=missing[0]))
                documents = [by_name[label(n).casefold()] for n in args.documents]
            coders = [source.coder(c) for c in args.coders] if args.coders else None  # Fenna -> Coder 1
            code_id = None if args.code is None else find_code(dataset, args.code)  # before the slow part
            result = agreement(dataset, coders, args.unit, documents, args.overlap)
            listed = None
            if args.disagreements or args.code is not None or args.limit is not None:
                listed = list_disagreements(
                    dataset, coders, args.unit, documents, args.overlap, code_id=code_id, limit=args.limit
                )
    if args.json:
        data = result_as_json(result)
        if listed is not None:
            data["disagreements"] = disagreements_json(listed)
        print_json(data)
        if check is not None:  # its strings, as read: dumped, a line break is "\\n" and hides a name after it
            print_leaks(check.in_printed(json_strings(data)), args.language)
        return 0
    tables = report_tables(result, args.language)
    if listed is not None:
        word = args.out is not None and args.out.suffix.lower() == ".docx"
        tables.append(disagreements_table(listed, args.language, compact=word))
    if args.pseudonymise:
        tables = pseudonymised_tables(tables, args.language)
    if args.out is not None:
        written = export_table(tables, args.out, language=args.language)
        for path in written:
            print(message("cli.wrote", args.language, path=path))
        if check is not None:
            print_leaks(check.in_files(written), args.language)
        return 0
    for table in tables:
        if table.column_keys == COLUMN_KEYS:  # the list of disagreements (a quote table also ends in "text")
            print_disagreements(table)
        else:
            print_table(table, args.language)
    if check is not None:
        print_leaks(check.in_printed(table_texts(tables)), args.language)
    return 0


def print_disagreements(table: Table) -> None:
    """The list of disagreements as one block each: where, the code, who coded it and who not; the text under it.

    ``table`` is :func:`disagreements_table` not compact: its values are read by position (``COLUMN_KEYS``).
    """
    import textwrap

    print(table.title)
    print()
    for row in table.rows:
        paragraph, characters, speaker, code, coded, lacking, text = row.values
        where = ", ".join(str(v) for v in (f"¶ {paragraph}", characters, speaker) if v not in (None, ""))
        print(f"[{row.label}, {where}] {code} · {table.columns[4]}: {coded}; {table.columns[5]}: {lacking}")
        print(textwrap.fill(str(text), 100, initial_indent="    ", subsequent_indent="    "))
    for note in table.notes:
        print(f"  {note}")
    print()
