"""What every exporter shares: numbers by language, shading colours."""

from __future__ import annotations

import math

from lobcoder.analysis.table import Format, Table, Value
from lobcoder.i18n import LANGUAGES, Language, check_language, format_number

__all__ = ["LANGUAGES", "Language", "check_language", "format_number"]  # re-exported: the reports took them from here


# The heat-map scale: white, then ColorBrewer's sequential "Blues" (even steps in lightness).
SCALE = ("FFFFFF", "DEEBF7", "C6DBEF", "9ECAE1", "6BAED6", "4292C6", "2171B5", "08519C", "08306B")
BLANK_FILL = "EDEDED"  # cells left empty on purpose (Table.blank), in every export and the app
# Excel cannot turn text white on dark cells, so its colour scale stops where black text stays readable.
EXCEL_SCALE = ("FFFFFF", "9ECAE1", "4292C6")


def is_number(value: Value) -> bool:
    """Whether a cell holds a number to show (None, text and NaN are not)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return not (isinstance(value, float) and math.isnan(value))


def format_value(value: Value, fmt: Format, language: Language = "en") -> str:
    """How a cell reads in a report: counts as integers, shares as "42.0%", measures with two decimals.

    Empty cells (None, NaN) read as "". A share is stored as 0..1; Dutch writes "42,0%".
    """
    if value is None:
        return ""
    if not is_number(value):
        return str(value)
    number = float(value)
    if fmt == "int":
        return format_number(round(number), 0, language)
    if fmt == "percent":
        return format_number(number * 100, 1, language) + "%"
    if fmt == "float2":
        return format_number(number, 2, language)
    return str(value)


def is_matrix(table: Table) -> bool:
    """A square table whose columns are its rows (co-occurrence): its diagonal holds n, not pairs."""
    return len(table.rows) > 1 and tuple(row.label for row in table.rows) == table.columns


def shaded_cells(table: Table) -> dict[tuple[int, int], float]:
    """Cell (row, column) → position 0..1 on the heat-map scale, for every shaded cell.

    Numeric cells of a ``shaded`` table are scaled from the table's smallest to
    its largest value. In a matrix the diagonal is left out (it holds each
    code's own count and would wash out every other cell).
    """
    if not table.shaded:
        return {}
    skip_diagonal = is_matrix(table)
    cells = {
        (i, j): float(value)  # type: ignore[arg-type]  # is_number() said so
        for i, row in enumerate(table.rows)
        for j, value in enumerate(row.values)
        if is_number(value) and table.formats[j] != "text" and not (skip_diagonal and i == j)
    }
    if not cells:
        return {}
    low, high = min(cells.values()), max(cells.values())
    span = high - low
    return {cell: (value - low) / span if span else 0.0 for cell, value in cells.items()}


def scale_colour(position: float) -> tuple[str, bool]:
    """Fill colour (hex RRGGBB) at ``position`` 0..1, and whether text on it must be white to stay readable."""
    where = min(max(position, 0.0), 1.0) * (len(SCALE) - 1)
    step = min(int(where), len(SCALE) - 2)
    low, high = bytes.fromhex(SCALE[step]), bytes.fromhex(SCALE[step + 1])
    rgb = tuple(round(a + (b - a) * (where - step)) for a, b in zip(low, high, strict=True))
    linear = [(c / 255) / 12.92 if c <= 10 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    # Contrast with black is (L + 0.05) / 0.05, with white 1.05 / (L + 0.05); pick the larger.
    white_text = (luminance + 0.05) ** 2 < 0.05 * 1.05
    return "{:02X}{:02X}{:02X}".format(*rgb), white_text
