"""Horizontal bar charts of one table column as PNG (matplotlib's Agg canvas, imported only when drawn)."""

from __future__ import annotations

import io
from contextlib import AbstractContextManager
from pathlib import Path

from lobcoder.analysis.table import Table
from lobcoder.i18n import message
from lobcoder.reports.formatting import Language, check_language, format_value, is_number
from lobcoder.storage.atomic_file import write_atomically

BAR_COLOUR = "#4292C6"  # the middle of the heat-map scale
INCH_PER_BAR = 0.26
MAX_LABEL = 45
DPI = 200
WIDTH_INCH = 6.0  # shown 1:1 in Word, so the 9-pt labels print at 9 pt


def chart_column(table: Table) -> int | None:
    """The column a frequency chart shows, or None if the table is no frequency table.

    A table from the analysis names its columns in ``column_keys``: its
    "documents" column is charted (documents per code is what a thesis
    reports), and a table without one (a crosstab, a matrix) gets no chart. A
    table without keys gets its first count column unless it is a heat map.
    """
    if table.column_keys:
        return table.column_keys.index("documents") if "documents" in table.column_keys else None
    if table.shaded:
        return None
    return next((j for j, fmt in enumerate(table.formats) if fmt == "int"), None)


def chart_title(table: Table, column: int, language: Language = "en") -> str:
    """The title of the figure caption, e.g. "Documents per code"."""
    return message("report.chart_title", language, column=table.columns[column], row=table.row_header.lower())


def bar_chart_png(
    table: Table, column: int | str, path: str | Path | None = None, *, language: Language = "en"
) -> bytes:
    """Draw ``column`` of ``table`` as horizontal bars, rows top to bottom in table order.

    Values are printed at the bar ends (in the column's format and the
    language's decimal separator), so there is no value axis, grid or frame:
    nothing but labels and bars. The PNG carries no timestamp or software
    tag, so the same table always gives the same bytes. If ``path`` is given
    the PNG is also written there (atomically).

    Raises:
        ValueError: ``column`` is unknown or holds text.
        FileProblem: ``path`` cannot be written.
    """
    language = check_language(language)
    index = table.columns.index(column) if column in table.columns else column
    if not isinstance(index, int) or not 0 <= index < len(table.columns):
        raise ValueError(f"no column {column!r}")
    fmt = table.formats[index]
    if fmt == "text":
        raise ValueError(f"column {table.columns[index]!r} holds text, not numbers")

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    values = [row.values[index] for row in table.rows]
    lengths = [float(v) if is_number(v) else 0.0 for v in values]  # type: ignore[arg-type]
    labels = [_label(row.label, row.level) for row in table.rows]
    count = max(len(labels), 1)
    with _style():
        figure = Figure(figsize=(WIDTH_INCH, 0.35 + INCH_PER_BAR * count), dpi=DPI)
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        positions = range(len(labels))
        axes.barh(positions, lengths, height=0.68, color=BAR_COLOUR)
        axes.set_yticks(positions, labels)
        axes.set_ylim(count - 0.5, -0.5)
        high = max(lengths, default=0.0) or 1.0
        axes.set_xlim(0, high * 1.12)
        for position, length, value in zip(positions, lengths, values, strict=True):
            axes.text(
                length + high * 0.01, position, format_value(value, fmt, language), va="center_baseline", ha="left"
            )
        for side in ("top", "right", "bottom"):
            axes.spines[side].set_visible(False)
        axes.tick_params(axis="x", bottom=False, labelbottom=False)
        axes.tick_params(axis="y", length=0)
        _align_labels_left(figure, axes)
        figure.tight_layout(pad=0.3)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    png = buffer.getvalue()
    if path is not None:
        write_atomically(path, lambda stream: stream.write(png))
    return png


def _label(text: str, level: int) -> str:
    text = text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"
    return "    " * level + text


def _align_labels_left(figure: object, axes: object) -> None:
    """Left-align the row labels, as in the table, so that sub-codes show their indent."""
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    labels = axes.get_yticklabels()  # type: ignore[attr-defined]
    widest = max((label.get_window_extent(renderer).width for label in labels), default=0.0)
    axes.tick_params(axis="y", pad=widest * 72 / DPI + 6)  # type: ignore[attr-defined]
    for label in labels:
        label.set_horizontalalignment("left")


def _style() -> AbstractContextManager[object]:
    """Fonts and lines for a printed figure: DejaVu Sans ships with matplotlib, so every machine draws alike."""
    import matplotlib

    return matplotlib.rc_context(
        {
            "font.family": "DejaVu Sans",
            "font.size": 9,
            "axes.linewidth": 0.8,
            "axes.edgecolor": "#333333",
            "text.color": "#222222",
            "ytick.color": "#222222",
        }
    )
