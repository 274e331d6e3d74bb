"""One entry point for exporting result tables: the format follows the file name, files appear whole or not at all."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Literal

from lobcoder.analysis.quote_report import QuoteReport
from lobcoder.analysis.table import Table
from lobcoder.errors import FileProblem
from lobcoder.i18n import message
from lobcoder.i18n.said import say
from lobcoder.reports.csv_export import render_csv
from lobcoder.reports.docx_export import render_docx
from lobcoder.reports.formatting import check_language
from lobcoder.reports.quotes_docx import render_quotes_docx
from lobcoder.reports.xlsx_export import render_xlsx
from lobcoder.storage.atomic_file import write_atomically

ExportFormat = Literal["docx", "xlsx", "csv"]
FORMATS: tuple[ExportFormat, ...] = ("docx", "xlsx", "csv")


def export_table(
    tables: Sequence[Table] | Table,
    path: str | Path,
    format: ExportFormat | None = None,
    language: str = "en",
    chart: bool = False,
) -> list[Path]:
    """Export ``tables`` to Word, Excel or CSV and return the files written.

    Args:
        tables: the tables, in order (numbered from 1 in Word, a sheet each in Excel).
        path: the file to write; an existing file is replaced.
        format: "docx", "xlsx" or "csv"; by default the extension of ``path``.
        language: "en" or "nl": decimal separator and the words "Table",
            "Note.", "Figure" in Word ("Tabel", "Noot.", "Figuur").
        chart: in Word, a bar chart under each frequency table
            (see :func:`lobcoder.reports.chart.chart_column`).

    CSV holds one table per file: a single table goes to ``path``, several to
    ``name_1.csv``, ``name_2.csv``, ... beside it (``path`` itself is not
    written then).

    Raises:
        FileProblem: a file cannot be written, or the format is not known.
        ValueError: no tables, or an unknown language.
    """
    if isinstance(tables, Table):
        tables = [tables]
    if not tables:
        raise ValueError("no tables to export")
    path = Path(path)
    language = check_language(language)
    kind = format or path.suffix.lower().lstrip(".")
    if kind not in FORMATS:
        raise FileProblem(path, say("problem.export.unknown_format", kind=kind))
    if kind == "docx":
        return [write_atomically(path, lambda stream: render_docx(tables, stream, language, chart))]
    if kind == "xlsx":
        return [write_atomically(path, lambda stream: render_xlsx(tables, stream, language))]
    if len(tables) == 1:
        return [write_atomically(path, lambda stream: render_csv(tables[0], stream, language))]
    return [
        write_atomically(numbered_path(path, number), lambda stream, table=table: render_csv(table, stream, language))  # type: ignore[misc]
        for number, table in enumerate(tables, start=1)
    ]


def pseudonymised_tables(tables: Sequence[Table], language: str = "en") -> list[Table]:
    """The tables with a note that they were computed on pseudonymised data."""
    note = message("report.pseudonymised", check_language(language))
    return [table if note in table.notes else replace(table, notes=(*table.notes, note)) for table in tables]


def numbered_path(path: Path, number: int) -> Path:
    """``results.csv`` → ``results_1.csv``."""
    return path.with_name(f"{path.stem}_{number}{path.suffix or '.csv'}")


QuoteLayout = Literal["blocks", "table"]


def export_quotes(
    report: QuoteReport,
    path: str | Path,
    format: ExportFormat | None = None,
    language: str = "en",
    layout: QuoteLayout = "blocks",
) -> list[Path]:
    """Export a quotes report: in Word as blocks per code (or a table), in Excel and CSV as a table.

    Raises:
        FileProblem: the file cannot be written, or the format is not known.
    """
    path = Path(path)
    language = check_language(language)
    kind = format or path.suffix.lower().lstrip(".")
    if kind == "docx" and layout == "blocks":
        return [write_atomically(path, lambda stream: render_quotes_docx(report, stream, language))]
    return export_table([report.to_table(language)], path, format=format, language=language)
