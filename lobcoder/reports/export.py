"""One entry point for exporting result tables: the format follows the file name, files appear whole or not at all."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import IO, Literal

from lobcoder.analysis.quote_report import QuoteReport
from lobcoder.analysis.table import Table
from lobcoder.errors import FileProblem
from lobcoder.i18n import message
from lobcoder.i18n.said import say
from lobcoder.reports.csv_export import render_csv
from lobcoder.reports.docx_export import render_docx, row_steps
from lobcoder.reports.formatting import check_language
from lobcoder.reports.quotes_docx import render_quotes_docx
from lobcoder.reports.steps import CancelCheck, ProgressCallback, Steps
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
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
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
        progress: called as ``progress(rows done, rows, "")`` now and then
            (in Word the rows of a table too wide for a page count again in
            each "(continued)" part).
        cancelled: asked once per row; when it says yes the export stops and
            raises Cancelled, leaving no file (and any earlier file as it was).

    CSV holds one table per file: a single table goes to ``path``, several to
    ``name_1.csv``, ``name_2.csv``, ... beside it (``path`` itself is not
    written then).

    Raises:
        FileProblem: a file cannot be written, or the format is not known.
        ValueError: no tables, or an unknown language.
        Cancelled: ``cancelled`` said yes.
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
    rows = row_steps(tables) if kind == "docx" else sum(len(table.rows) for table in tables)
    steps = Steps(rows, progress, cancelled)
    if kind == "docx":
        return [_write(path, lambda stream: render_docx(tables, stream, language, chart, steps), steps)]
    if kind == "xlsx":
        return [_write(path, lambda stream: render_xlsx(tables, stream, language, steps), steps)]
    if len(tables) == 1:
        return [_write(path, lambda stream: render_csv(tables[0], stream, language, steps), steps)]
    # The whole set is rendered before any file is touched, so a cancel (asked per row) leaves every
    # file of an earlier set as it was.
    contents: list[bytes] = []
    for table in tables:
        buffer = io.BytesIO()
        render_csv(table, buffer, language, steps)
        contents.append(buffer.getvalue())
    steps.check()
    return [
        write_atomically(numbered_path(path, number), _bytes(content)) for number, content in enumerate(contents, 1)
    ]


def _bytes(content: bytes) -> Callable[[IO[bytes]], object]:
    """A writer for :func:`write_atomically` that writes ``content``."""
    return lambda stream: stream.write(content)


def _write(path: Path, render: Callable[[IO[bytes]], object], steps: Steps) -> Path:
    """Write ``path`` atomically; a cancel noticed once the content is ready still leaves no file."""

    def write(stream: IO[bytes]) -> None:
        render(stream)
        steps.check()

    return write_atomically(path, write)


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
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> list[Path]:
    """Export a quotes report: in Word as blocks per code (or a table), in Excel and CSV as a table.

    ``progress`` and ``cancelled`` as for :func:`export_table`, counted in quotes.

    Raises:
        FileProblem: the file cannot be written, or the format is not known.
        Cancelled: ``cancelled`` said yes; no file was written.
    """
    path = Path(path)
    language = check_language(language)
    kind = format or path.suffix.lower().lstrip(".")
    if kind == "docx" and layout == "blocks":
        steps = Steps(sum(len(group.quotes) for group in report.groups), progress, cancelled)
        return [_write(path, lambda stream: render_quotes_docx(report, stream, language, steps), steps)]
    table = report.to_word_table(language) if kind == "docx" else report.to_table(language)
    return export_table([table], path, format=format, language=language, progress=progress, cancelled=cancelled)
