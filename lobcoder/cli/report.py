"""``lobcoder report frequencies|cooccurrence|crosstab|quotes|words PROJECT``: analyses as text, JSON or files."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
import types
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from lobcoder.analysis.cooccurrence import cooccurrence
from lobcoder.analysis.crosstab import crosstab, participant_by_wave
from lobcoder.analysis.dataset import Dataset, load_reading
from lobcoder.analysis.filters import AnalysisFilter
from lobcoder.analysis.frequencies import Split, frequencies
from lobcoder.analysis.quote_report import FIELDS, ORDER_FIELDS, PICK_RULES, QuoteReport, picked_quote_report
from lobcoder.analysis.table import Table
from lobcoder.analysis.units import UNITS
from lobcoder.cli.output import error, one_line, print_json
from lobcoder.cli.pseudonymised import print_leaks, project_to_export, written_check
from lobcoder.cli.report_options import FORMATS, add_filter_options, add_output_options, add_rollup, count, positive
from lobcoder.cli.usage_language import usage_words
from lobcoder.errors import LobcoderError
from lobcoder.i18n import message
from lobcoder.i18n.said import Said, say
from lobcoder.reports.export import ExportFormat, export_quotes, export_table, pseudonymised_tables
from lobcoder.reports.formatting import Language, format_value, is_matrix

if TYPE_CHECKING:
    from lobcoder.pseudonymise.leak_check import WrittenCheck

FILE_FORMATS: dict[str, ExportFormat] = {"docx": "docx", "xlsx": "xlsx", "csv": "csv"}
MEASURES = ("count", "jaccard", "conditional", "conditional_column")
QUOTE_WIDTH = 100  # the text listing wraps quotes at this width


class UsageError(LobcoderError):
    """Options that do not fit together; exit code 2 like argparse's own errors."""


def register(commands: argparse._SubParsersAction) -> None:
    report = commands.add_parser(
        "report",
        help="code frequencies, co-occurrence, crosstabs, quotes and word frequencies",
        description="Without --out a readable table is printed; --out FILE writes .docx, .xlsx or .csv "
        "(the format follows the extension unless --format says otherwise); --format json prints the table as JSON.",
    )
    kinds = report.add_subparsers(dest="kind", metavar="KIND", required=True)
    _one_line_errors(report)

    cmd = kinds.add_parser("frequencies", help="codings, documents and participants per code")
    _common(cmd, rollup_default=True)
    split = cmd.add_mutually_exclusive_group()
    split.add_argument(
        "--split-by",
        metavar="ATTRIBUTE",
        action="append",
        help="one column per value of this attribute (e.g. wave); given twice or as school,ronde: "
        "per school a column per wave",
    )
    split.add_argument("--by-document", action="store_true", help="one column per document")
    cmd.set_defaults(handler=cmd_frequencies)

    cmd = kinds.add_parser("cooccurrence", help="codes × codes: how often two codes occur together")
    _common(cmd, rollup_default=True)
    cmd.add_argument("--unit", choices=UNITS, default="overlap", help="what counts as together (default overlap)")
    cmd.add_argument(
        "--within", type=count, metavar="N", help="with --unit paragraph: codes at most N paragraphs apart (default 0)"
    )
    cmd.add_argument("--measure", choices=MEASURES, default="count", help="cell values (default count)")
    cmd.add_argument("--order", choices=("codebook", "similarity"), default="codebook", help="order of the codes")
    cmd.add_argument("--hide-empty", action="store_true", help="leave out codes without codings")
    cmd.set_defaults(handler=cmd_cooccurrence)

    cmd = kinds.add_parser("crosstab", help="codes × the values of an attribute, or participants × waves")
    _common(cmd, rollup_default=True)
    cmd.add_argument("--attribute", required=True, help="the attribute of the columns (e.g. wave, role)")
    cmd.add_argument("--count", choices=("codings", "documents", "participants"), default="codings")
    cmd.add_argument("--percent", choices=("row", "column"), help="row or column percentages instead of counts")
    cmd.add_argument(
        "--participants",
        action="store_true",
        help="one row per participant: codings of the --codes per value of --attribute",
    )
    cmd.set_defaults(handler=cmd_crosstab)

    cmd = kinds.add_parser(
        "quotes",
        help="the coded passages of codes: per code a heading and the quotes with an attribution",
        description="Word gets a heading per code and each quote as an indented block with its attribution "
        "(--layout table for a table); Excel, CSV and JSON get a table.",
    )
    _common(cmd, rollup_default=False)
    quoting = cmd.add_argument_group("quotes")
    quoting.add_argument("--per-code", type=positive, metavar="N", help="at most N quotes per code")
    quoting.add_argument(
        "--pick",
        choices=PICK_RULES,
        default="spread",
        help="which quotes with --per-code: spread over participants (default), the longest, or random",
    )
    quoting.add_argument("--seed", type=int, default=1, help="with --pick random: the seed (default 1)")
    quoting.add_argument(
        "--attribution",
        metavar="FIELDS",
        help="comma-separated: participant, speaker, document, paragraph, time and attribute names "
        "(default: participant and every attribute)",
    )
    quoting.add_argument(
        "--context", type=count, default=0, metavar="WORDS", help="words of context from the quote's own turn"
    )
    quoting.add_argument(
        "--order-by",
        metavar="FIELDS",
        help="comma-separated attribute names (or participant, document) to list each code's quotes by, "
        "in natural order, e.g. ronde (default: document order)",
    )
    quoting.add_argument("--definitions", action="store_true", help="the code's definition under its heading")
    quoting.add_argument("--layout", choices=("blocks", "table"), default="blocks", help="Word layout (default blocks)")
    cmd.set_defaults(handler=cmd_quotes)
    from lobcoder.cli.report_words import add_words  # it builds on this module's helpers

    add_words(kinds)
    for parser in kinds.choices.values():
        _one_line_errors(parser)


def _common(cmd: argparse.ArgumentParser, *, rollup_default: bool) -> None:
    cmd.add_argument("project", type=Path)
    group = add_filter_options(
        cmd,
        coder_help="only codings by this coder (repeatable)",
        interviewer_help="leave out codings inside interviewer turns",
    )
    group.add_argument("--codes", action="append", metavar="NAME", help="only these codes (repeatable; Parent/Child)")
    add_rollup(cmd, default=rollup_default, help_text="count codes with their sub-codes (default: %(default)s)")
    add_output_options(cmd, chart=True)


def _one_line_errors(parser: argparse.ArgumentParser) -> None:
    """Report a bad option as one line (argparse prints its whole usage first)."""

    def fail(self: argparse.ArgumentParser, message: str) -> NoReturn:
        see = usage_words("(see %s --help)") % self.prog  # Dutch with --language nl, as argparse's message
        error(f"{self.prog.removeprefix('lobcoder ')}: {message} {see}")
        sys.exit(2)

    parser.error = types.MethodType(fail, parser)  # type: ignore[method-assign]


# -- commands ------------------------------------------------------------------


def cmd_frequencies(args: argparse.Namespace) -> int:
    def compute(dataset: Dataset, flt: AnalysisFilter) -> list[Table]:
        names = [n.strip() for given in args.split_by or () for n in given.split(",") if n.strip()]
        if len(names) > 2:
            raise UsageError(say("problem.cli.split_by_count"))
        split: str | Split | None = Split.DOCUMENT if args.by_document else None
        then_by = None
        if names:
            split = find_attribute(dataset, names[0])
            then_by = find_attribute(dataset, names[1]) if len(names) == 2 else None
            if then_by == split:
                raise UsageError(say("problem.cli.split_by_twice", name=split))
        result = frequencies(dataset, flt, split_by=split, rollup=args.rollup, then_by=then_by)
        return [result.to_table(language=args.language)]

    return _report(args, compute)


def cmd_cooccurrence(args: argparse.Namespace) -> int:
    if args.within is not None and args.unit != "paragraph":
        raise UsageError(say("problem.cli.within"))

    def compute(dataset: Dataset, flt: AnalysisFilter) -> list[Table]:
        result = cooccurrence(
            dataset,
            flt,
            args.unit,
            within=args.within or 0,
            rollup=args.rollup,
            order=args.order,
            hide_empty=args.hide_empty,
        )
        return [result.to_table(args.measure, language=args.language)]

    return _report(args, compute)


def cmd_crosstab(args: argparse.Namespace) -> int:
    if args.participants and not args.codes:
        raise UsageError(say("problem.cli.participants_codes"))
    if args.participants and args.percent:
        raise UsageError(say("problem.cli.percent_participants"))

    def compute(dataset: Dataset, flt: AnalysisFilter) -> list[Table]:
        attribute = find_attribute(dataset, args.attribute)
        if args.participants:
            codes = sorted(flt.codes or (), key=dataset.code_position)
            result = participant_by_wave(dataset, codes, flt, attribute, rollup=args.rollup)
            return [result.to_table(language=args.language)]
        found = crosstab(dataset, attribute, flt, count=args.count, rollup=args.rollup)
        return [found.to_table(args.percent, language=args.language)]

    return _report(args, compute)


def cmd_quotes(args: argparse.Namespace) -> int:
    kind = _output_format(args)
    # Picked before any text is read: only the picked quotes' documents are read, one at a time.
    with _opened(args) as (dataset, flt, check):
        attribution = None
        if args.attribution:
            fields = [f.strip() for f in args.attribution.split(",") if f.strip()]
            attribution = [f.casefold() if f.casefold() in FIELDS else find_attribute(dataset, f) for f in fields]
        order_by = [
            f.casefold() if f.casefold() in ORDER_FIELDS else find_attribute(dataset, f)
            for f in (f.strip() for f in (args.order_by or "").split(","))
            if f
        ]
        report = picked_quote_report(
            dataset,
            flt,
            rollup=args.rollup,
            context=args.context,
            per_code=args.per_code,
            rule=args.pick,
            seed=args.seed,
            attribution=attribution,
            definitions=args.definitions,
            order_by=order_by,
        )
    report = replace(report, pseudonymised=args.pseudonymise)
    if kind is None:
        print_quotes(report, args.language)
        if check is not None:
            print_leaks(check.in_printed(printed_quotes(report, args.language)), args.language)
        return 0
    if kind == "json":
        table = report.to_table(args.language)
        return _report(args, lambda _dataset, _flt: [table], loaded=(dataset, flt), check=check)
    written = export_quotes(report, args.out, format=FILE_FORMATS[kind], language=args.language, layout=args.layout)
    for path in written:
        print(message("cli.wrote", args.language, path=path))
    if check is not None:
        print_leaks(check.in_files(written), args.language)
    return 0


# -- shared ----------------------------------------------------------------------


def _report(
    args: argparse.Namespace,
    compute: Callable[[Dataset, AnalysisFilter], list[Table]],
    loaded: tuple[Dataset, AnalysisFilter] | None = None,
    check: WrittenCheck | None = None,
) -> int:
    """Compute (in :func:`_opened`'s session, which reads texts and turns as asked) and write the tables.

    Pseudonymised, the leak check reads what was written or printed (``check``: made while the copy was open).
    """
    kind = _output_format(args)
    if loaded is not None:
        tables = compute(*loaded)
    else:
        with _opened(args) as (dataset, flt, check):
            tables = compute(dataset, flt)
    if args.pseudonymise:
        tables = pseudonymised_tables(tables, args.language)
    if kind == "json":
        document: Any = [table_as_json(t) for t in tables]
        if args.out:
            args.out.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            print(message("cli.wrote", args.language, path=args.out))
            if check is not None:
                print_leaks(check.in_files([args.out]), args.language)
        else:
            print_json(document[0] if len(document) == 1 else document)
            if check is not None:
                print_leaks(check.in_printed(table_texts(tables)), args.language)
        return 0
    if kind is None:
        for table in tables:
            print_table(table, args.language)
        if check is not None:
            print_leaks(check.in_printed(table_texts(tables)), args.language)
        return 0
    written = export_table(tables, args.out, format=FILE_FORMATS[kind], language=args.language, chart=args.chart)
    for path in written:
        print(message("cli.wrote", args.language, path=path))
    if check is not None:
        print_leaks(check.in_files(written), args.language)
    return 0


def table_texts(tables: Sequence[Table]) -> list[str]:
    """Every text of ``tables`` as a report prints it: titles, headers, row labels, text cells, notes."""
    texts: list[str] = []
    for table in tables:
        texts += [table.title, table.row_header, *table.columns, *(g.label for g in table.groups), *table.notes]
        for row in table.rows:
            texts += [row.label, *(value for value in row.values if isinstance(value, str))]
    return texts


@contextmanager
def _opened(args: argparse.Namespace) -> Iterator[tuple[Dataset, AnalysisFilter, WrittenCheck | None]]:
    """The data set (of the hidden pseudonymised copy with --pseudonymise), the
    filter checked against it, and (pseudonymised) the leak check of what will be written.

    Texts and turns are the bulk of a project: the data set reads them in the
    session one document at a time, as an analysis asks (sentence, paragraph
    and turn units, --exclude-interviewer), so compute inside this block.
    """
    with project_to_export(args.project, args.pseudonymise, args.out, args.language, later=True) as source:
        check = written_check(source)
        with source.store.read() as session:
            dataset = load_reading(session)
            conditions = [_relabel(condition, source.label) for condition in args.filter]
            coders = [source.coder(c) for c in args.coder] if args.coder else args.coder  # Fenna -> Coder 1
            flt = build_filter(dataset, conditions, coders, args.codes, args.exclude_interviewer)
            yield dataset, flt, check


def _relabel(condition: str, label: Callable[[str], str]) -> str:
    """``school=ROC Veenstroom`` as the pseudonymised copy names the value: ``school=School A``."""
    name, equals, value = condition.partition("=")
    return f"{name}={label(value.strip())}" if equals else condition


def _output_format(args: argparse.Namespace) -> str | None:
    """The output format ("docx", "xlsx", "csv", "json") or None for a text table; checks --format and --out."""
    if args.out is None:
        if args.format in ("docx", "xlsx", "csv"):
            raise UsageError(say("problem.cli.format_needs_out", format=args.format))
        return args.format
    suffix = args.out.suffix.lower().lstrip(".")
    if args.format is not None:
        return str(args.format)
    if suffix not in FORMATS:
        raise UsageError(say("problem.cli.report_format", path=args.out))
    return suffix


def _no_attribute(dataset: Dataset, name: str) -> Said:
    known = ", ".join(dataset.attribute_names) or say("problem.none")
    return say("problem.not_found.attribute_known", name=name, known=known)


def find_attribute(dataset: Dataset, name: str) -> str:
    """The attribute as the project names it, for ``name`` as the user typed it (case and spaces aside)."""
    wanted = " ".join(name.split()).casefold()
    for known in dataset.attribute_names:
        if " ".join(known.split()).casefold() == wanted:
            return known
    raise UsageError(_no_attribute(dataset, name.strip()))


def build_filter(
    dataset: Dataset,
    conditions: Sequence[str],
    coders: Sequence[str] | None,
    codes: Sequence[str] | None,
    exclude_interviewer: bool,
) -> AnalysisFilter:
    """The filter from the command line, each name checked against the project."""
    attributes: dict[str, set[str]] = {}
    for condition in conditions:
        name, equals, value = condition.partition("=")
        if not equals or not name.strip():
            raise UsageError(say("problem.cli.filter_syntax", condition=condition))
        attribute = find_attribute(dataset, name)
        values = dataset.attribute_values.get(attribute, ())
        if value.strip() not in values:
            raise UsageError(
                say("problem.cli.no_value", attribute=attribute, value=value.strip(), values=", ".join(values))
            )
        attributes.setdefault(attribute, set()).add(value.strip())
    chosen_coders = None
    if coders:
        known = {name.casefold(): name for name in dataset.coders.values()}
        missing = [c for c in coders if c.casefold() not in known]
        if missing:
            raise UsageError(
                say(
                    "problem.cli.no_coder",
                    name=missing[0],
                    known=", ".join(sorted(known.values())) or say("problem.none"),
                )
            )
        chosen_coders = frozenset(known[c.casefold()] for c in coders)
    chosen_codes = frozenset(find_code(dataset, name) for name in codes) if codes else None
    return AnalysisFilter(
        coders=chosen_coders,
        codes=chosen_codes,
        attributes={k: frozenset(v) for k, v in attributes.items()},
        exclude_interviewer=exclude_interviewer,
    )


def find_code(dataset: Dataset, name: str) -> int:
    """The id of the code called ``name`` or ``Parent/Child`` (case-insensitive)."""
    paths: dict[int, str] = {}
    for code in dataset.codes:
        parent = paths.get(code.parent_id) if code.parent_id is not None else None
        paths[code.id] = f"{parent}/{code.name}" if parent else code.name
    wanted = name.strip().casefold()
    exact = [i for i, path in paths.items() if path.casefold() == wanted]
    found = exact or [c.id for c in dataset.codes if c.name.casefold() == wanted]
    if not found:
        raise UsageError(say("problem.not_found.code_named", name=name))
    if len(found) > 1:
        raise UsageError(say("problem.cli.code_ambiguous", name=name, count=len(found), path=paths[found[0]]))
    return found[0]


def table_as_json(table: Table) -> dict[str, Any]:
    """A table as plain JSON: raw values (shares as 0..1), formats and notes."""
    return {
        "title": table.title,
        "row_header": table.row_header,
        "columns": list(table.columns),
        "formats": list(table.formats),
        "column_keys": [_key(k) for k in table.column_keys],
        "rows": [
            {"label": r.label, "level": r.level, "key": _key(r.key), "values": list(r.values)} for r in table.rows
        ],
        "notes": list(table.notes),
        "flagged": sorted([list(cell) for cell in table.flagged]),
        "flag_note": table.flag_note,
    }


def _key(key: object) -> Any:
    if isinstance(key, tuple):
        return [_key(k) for k in key]
    return key if key is None or isinstance(key, (int, float, str)) else str(key)


def print_table(table: Table, language: Language = "en") -> None:
    """A table as aligned plain text; a matrix numbers its columns, quotes are listed one per block."""
    print(table.title)
    print()
    if table.column_keys[-1:] == ("text",):
        _print_quotes(table, language)
    else:
        _print_grid(table, language)
    for note in table.notes:
        print(f"  {note}")
    if table.flagged and table.flag_note:
        print(f"  * {table.flag_note}")
    print()


def _print_grid(table: Table, language: Language) -> None:
    matrix = is_matrix(table)
    labels = [("  " * r.level) + (f"{i + 1}. " if matrix else "") + r.label for i, r in enumerate(table.rows)]
    headers = (
        [str(j + 1) for j in range(len(table.columns))]
        if matrix
        else [table.column_title(j) for j in range(len(table.columns))]
    )
    cells = [
        [
            format_value(v, table.formats[j], language) + ("*" if (i, j) in table.flagged else "")
            for j, v in enumerate(r.values)
        ]
        for i, r in enumerate(table.rows)
    ]
    if table.column_n and not matrix:  # the base of each column on the line under the headers
        labels.insert(0, "")
        cells.insert(0, [table.n_of(j) for j in range(len(table.columns))])
    label_width = max([len(table.row_header), *map(len, labels)])
    widths = [max([len(h), *(len(row[j]) for row in cells)]) for j, h in enumerate(headers)]
    print(
        "  ".join([table.row_header.ljust(label_width), *(h.rjust(w) for h, w in zip(headers, widths, strict=False))])
    )
    for label, row in zip(labels, cells, strict=False):
        print("  ".join([label.ljust(label_width), *(c.rjust(w) for c, w in zip(row, widths, strict=False))]))
    print()


def printed_quotes(report: QuoteReport, language: Language = "en") -> list[str]:
    """The texts :func:`print_quotes` prints, unwrapped: the title, each code (and definition), quote, note."""
    texts = [report.title(language)]
    for group in report.groups:
        texts += [group.code.name, group.code.definition if report.definitions else ""]
        texts += [report.as_block(quote, language, ("“", "”")) for quote in group.quotes]
    return [*texts, *report.notes(language)]


def print_quotes(report: QuoteReport, language: Language = "en") -> None:
    """The quotes report as text: per code its name (and definition), each quote indented with its attribution."""
    print(report.title(language))
    print()
    for group in report.groups:
        shown = ""
        if len(group.quotes) < group.total:
            shown = " (" + message("quotes.shown", language, shown=len(group.quotes), total=group.total) + ")"
        print(group.code.name + shown)
        if report.definitions and group.code.definition:
            print(
                textwrap.fill(one_line(group.code.definition), QUOTE_WIDTH, initial_indent="  ", subsequent_indent="  ")
            )
        print()
        for quote in group.quotes:
            text = report.as_block(quote, language, ("“", "”"))
            print(textwrap.fill(text, QUOTE_WIDTH, initial_indent="    ", subsequent_indent="    "))
            print()
    for note in report.notes(language):
        print(f"  {note}")
    print()


def _print_quotes(table: Table, language: Language) -> None:
    for row in table.rows:
        where = [
            f"{name}: {value}"
            for name, value in zip(table.columns[:-1], row.values[:-1], strict=False)
            if value not in (None, "")
        ]
        print(f"[{row.label}] " + "; ".join(where))
        text = one_line(str(row.values[-1] or ""))
        print(textwrap.fill(text, QUOTE_WIDTH, initial_indent="    ", subsequent_indent="    "))
    print(message("quotes.count", language, count=len(table.rows)))
    print()
