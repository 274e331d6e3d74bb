"""Result tables as CSV for R, SPSS, Python or Excel: data only, numbers a program reads as numbers.

Decisions, the same for every table:

* UTF-8 with a byte-order mark, comma-separated, CRLF line ends (RFC 4180),
  so that Excel shows "coördinatie" and R/pandas read it as UTF-8.
* One table per file. :func:`lobcoder.reports.export.export_table` writes
  several tables as ``name_1.csv``, ``name_2.csv``, ... (sections in one file
  would break every CSV reader).
* First row: the row header, then the column names. Rows with sub-codes get a
  ``Level`` (``Niveau``) column after the label (0 for a top-level code), but only if the
  table has sub-codes; labels are never indented with spaces.
* Numbers with a dot decimal and no thousands separator, at full precision.
  Shares are written as percentages 0–100 and their column name ends in
  " (%)": "42.5" under "% of documents (%)" means 42.5 %. Counts are
  integers. An empty cell is an empty field.
* No title, notes or marks: those belong in the Word or Excel export.
"""

from __future__ import annotations

import csv
import io
from typing import IO, cast

from lobcoder.analysis.table import Format, Table, Value
from lobcoder.i18n import message
from lobcoder.reports.formatting import is_number
from lobcoder.reports.steps import Steps

PERCENT_SUFFIX = " (%)"


def render_csv(table: Table, stream: IO[bytes], language: str = "en", steps: Steps | None = None) -> None:
    """Write one table as CSV (see the module docstring) to a binary stream; ``steps`` counts the rows."""
    steps = steps or Steps(0)
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    levels = any(row.level for row in table.rows)
    names = [
        table.column_title(j) + (PERCENT_SUFFIX if fmt == "percent" else "") for j, fmt in enumerate(table.formats)
    ]
    writer.writerow([table.row_header, *([message("table.level", language)] if levels else []), *names])
    for row in table.rows:
        cells = [csv_value(value, fmt) for value, fmt in zip(row.values, table.formats, strict=True)]
        writer.writerow([row.label, *([row.level] if levels else []), *cells])
        steps.step()
    stream.write(text.getvalue().encode("utf-8-sig"))


def csv_value(value: Value, fmt: Format) -> str:
    """A cell as a program reads it: "12", "42.5" (a share of 0.425), "0.37", "" for empty."""
    if value is None:
        return ""
    if not is_number(value):
        return "" if isinstance(value, float) else str(value)
    number = cast(int | float, value)
    if fmt == "int":
        return str(round(number))
    if isinstance(number, int):
        return str(number * 100 if fmt == "percent" else number)
    if fmt == "percent":
        return repr(round(number * 100, 10))  # drop the float noise of × 100 (0.07 × 100 = 7.000000000000001)
    return repr(number)
