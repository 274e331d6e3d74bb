"""Agreement results as result tables (Word, Excel, CSV, the window, the command line) and as JSON."""

from __future__ import annotations

import math
from typing import Any

from lobcoder.agreement.compute import WITH_INTERVAL, AgreementResult, AgreementRow, AgreementTable
from lobcoder.analysis.table import Format, Table, TableRow, Value
from lobcoder.i18n import Language, check_language, format_number, message

NAMED_DOCUMENTS = 20  # the note names at most this many documents
SHARED_NOTES = 2
"""The pairs table's notes begin with this many it shares with every table (the unit, the measures); its own follow."""


def interval_text(bounds: tuple[float, float] | None, language: Language) -> str:
    """``[0.41, 0.77]`` (en) or ``[0,41; 0,77]`` (nl); empty when undefined."""
    if bounds is None or not all(math.isfinite(b) for b in bounds):
        return ""
    low, high = (format_number(b, 2, language) for b in bounds)
    return f"[{low}; {high}]" if language == "nl" else f"[{low}, {high}]"


def _value(row: AgreementRow, name: str) -> Value:
    value = row.values.get(name, math.nan)
    return None if not math.isfinite(value) else value


def _columns(
    result: AgreementResult, table: AgreementTable, language: Language, measure: str | None = None
) -> list[tuple[str, Format, Any]]:
    """(header, format, how to get the cell from a row) for each column; with ``measure``, % agreement and it."""
    columns: list[tuple[str, Format, Any]] = []
    if table.is_pair:
        a, b = table.coders
        columns += [
            (message("agreement.only", language, coder=a), "int", lambda r: r.counts[1]),
            (message("agreement.only", language, coder=b), "int", lambda r: r.counts[2]),
            (message("agreement.both", language), "int", lambda r: r.counts[3]),
        ]
        if result.unit != "overlap":
            columns.append((message("agreement.neither", language), "int", lambda r: r.counts[0]))
    else:
        columns += [
            (message("agreement.units", language), "int", lambda r: r.counts[0]),
            (message("agreement.marked", language), "int", lambda r: r.counts[1]),
        ]
    measures = ("percent", "brennan_prediger") if result.unit == "overlap" else table.measures
    if measure is not None:
        measures = tuple(name for name in measures if name in ("percent", measure))
    for name in measures:
        fmt: Format = "percent" if name == "percent" else "float2"
        columns.append((message(f"agreement.measure.{name}", language), fmt, lambda r, name=name: _value(r, name)))
        if name in WITH_INTERVAL and result.unit != "overlap":
            columns.append(
                (
                    message("agreement.ci", language),
                    "text",
                    lambda r, name=name: interval_text(r.intervals.get(name), language),
                )
            )
    return columns


def _unit_words(result: AgreementResult, language: Language) -> str:
    return message(f"agreement.unit.{result.unit}", language)


def notes(result: AgreementResult, table: AgreementTable, language: Language) -> tuple[str, ...]:
    """The notes under a table: the unit, the measures, the documents."""
    if result.unit == "overlap":
        threshold = format_number(result.threshold, 0 if result.threshold.is_integer() else 1, language)
        unit = message("agreement.unit_note.overlap", language, threshold=threshold, codes=len(table.rows))
    elif result.unit == "character":
        unit = message("agreement.unit_note.character", language)
    elif result.unit == "document":
        unit = message("agreement.unit_note.document", language)
    else:
        unit = message("agreement.unit_note.text", language, unit=_unit_words(result, language))
    kind = "overlap" if result.unit == "overlap" else "pair" if table.is_pair else "group"
    measures = message(f"agreement.measures.{kind}", language, seed=result.seed)
    shown = table.documents
    names = list(shown[:NAMED_DOCUMENTS])
    if len(shown) > NAMED_DOCUMENTS:
        names.append(message("agreement.more", language, count=len(shown) - NAMED_DOCUMENTS))
    if table.all_coded:
        key, extra = "agreement.documents_all", {"coders": len(table.coders)}
    elif table.is_pair and len(result.coders) > 2:
        key, extra = "agreement.documents_pair", {}
    else:
        key, extra = "agreement.documents", {}
    if not shown and key == "agreement.documents_pair":  # a pair of a group with nothing in common: no empty list
        key = "agreement.no_documents_pair"
    documents = message(key, language, count=len(shown), names=", ".join(names), **extra)
    return (unit, measures, documents)


def agreement_table(
    result: AgreementResult, table: AgreementTable, language: Language = "en", measure: str | None = None
) -> Table:
    """One pair's (or the group's) per-code table with its total row; ``measure`` limits the coefficients."""
    language = check_language(language)
    columns = _columns(result, table, language, measure)
    unit = _unit_words(result, language)
    if table.is_pair:
        title = message("agreement.title_pair", language, a=table.coders[0], b=table.coders[1], unit=unit)
    else:
        coders = ", ".join(table.coders[:-1]) + f" {message('agreement.and', language)} {table.coders[-1]}"
        title = message("agreement.title_group", language, coders=coders, unit=unit)
    rows = [TableRow(row.label, tuple(get(row) for _, _, get in columns), row.level, row.code_id) for row in table.rows]
    rows.append(TableRow(message("table.total", language), tuple(get(table.pooled) for _, _, get in columns)))
    return Table(
        title=title,
        row_header=message("table.code", language),
        columns=tuple(header for header, _, _ in columns),
        rows=tuple(rows),
        formats=tuple(fmt for _, fmt, _ in columns),
        notes=notes(result, table, language),
        column_keys=tuple(header for header, _, _ in columns),
    )


def pairs_table(result: AgreementResult, language: Language = "en", measure: str | None = None) -> Table:
    """With three coders or more: the total row of every pair, one row per pair."""
    language = check_language(language)
    pairs = [t for t in result.tables if t.is_pair]
    columns = [c for c in _columns(result, pairs[0], language, measure) if c[1] != "int"]
    columns.insert(0, (message("agreement.pair_documents", language), "int", None))
    no_group: tuple[str, ...] = ()
    if result.unit != "overlap" and all(t.is_pair for t in result.tables):
        no_group = (message("agreement.no_group", language, coders=len(result.coders)),)
    rows = tuple(
        TableRow(
            " – ".join(t.coders),
            (len(t.documents), *(get(t.pooled) for _, _, get in columns[1:])),
            0,
            t.coders,
        )
        for t in pairs
    )
    return Table(
        title=message("agreement.title_pairs", language, unit=_unit_words(result, language)),
        row_header=message("agreement.pair", language),
        columns=tuple(header for header, _, _ in columns),
        rows=rows,
        formats=tuple(fmt for _, fmt, _ in columns),
        notes=(
            *notes(result, pairs[0], language)[:SHARED_NOTES],
            message("agreement.documents_per_pair", language),
            *no_group,
        ),
    )


def report_tables(result: AgreementResult, language: Language = "en", measure: str | None = None) -> list[Table]:
    """Every table of a report: per pair (a summary of pairs first when there are 3+ coders), then the group."""
    tables = [agreement_table(result, t, language, measure) for t in result.tables]
    if len(result.coders) > 2:
        tables.insert(0, pairs_table(result, language, measure))
    return tables


def _number(value: float) -> float | None:
    return value if math.isfinite(value) else None


def result_as_json(result: AgreementResult) -> dict[str, Any]:
    """The result with raw values (shares 0..1, undefined as null) for scripts."""

    def row(r: AgreementRow) -> dict[str, Any]:
        return {
            "code_id": r.code_id,
            "code": r.label or None,
            "level": r.level,
            "counts": dict(zip(("neither", "first_only", "second_only", "both"), r.counts, strict=False))
            if len(r.counts) == 4
            else {"units": r.counts[0], "coded_by_anyone": r.counts[1]},
            "values": {k: _number(v) for k, v in r.values.items()},
            "intervals": {k: [_number(v) for v in bounds] for k, bounds in r.intervals.items()},
        }

    return {
        "unit": result.unit,
        "overlap_threshold": result.threshold if result.unit == "overlap" else None,
        "coders": list(result.coders),
        "documents": list(result.documents),
        "bootstrap_seed": result.seed,
        "tables": [
            {
                "coders": list(t.coders),
                "documents": list(t.documents),
                "codes": [row(r) for r in t.rows],
                "total": row(t.pooled),
            }
            for t in result.tables
        ],
    }
